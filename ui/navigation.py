"""The pages of the app, in menu order: one list for the navigation and the home page links."""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


class PageInfo(NamedTuple):
    path: str
    title: str
    icon: str  # emoji: material icons would fetch a font from the internet
    about: str


PAGES: list[PageInfo] = [
    PageInfo("pages/home.py", "Home", "🏠", "overzicht en bronnen"),
    PageInfo("pages/programmas.py", "Programma's", "🧩", "welke GLI-programma's elke verzekeraar inkoopt"),
    PageInfo("pages/registers.py", "Registers", "📇", "welke kwaliteitsregisters worden geaccepteerd"),
    PageInfo("pages/voorwaarden.py", "Contractvoorwaarden", "📋", "eisen, routes, looptijden, tarieven, aanvragen"),
    PageInfo("pages/tijdlijn.py", "Tijdlijn", "📅", "deadlines en looptijden, ook als agenda"),
    PageInfo("pages/wijzigingen.py", "Wijzigingen", "🔀", "wat er per jaar veranderde, en vergelijken"),
    PageInfo("pages/wizard.py", "Wat geldt voor mij?", "🧭", "uw situatie, per verzekeraar beoordeeld"),
    PageInfo("pages/handreiking.py", "Handreiking", "🗺️", "de GLI regionaal organiseren (ZonMw)"),
    PageInfo("pages/begrippen.py", "Begrippen", "📖", "afkortingen en termen uitgelegd"),
    PageInfo("pages/zoeken.py", "Zoeken", "🔎", "in alle vastgelegde gegevens"),
]


def ensure_app_navigation() -> None:
    """Rerun through ``app.py`` when Streamlit ran a page file on its own.

    With a ``pages/`` folder beside the entry script, Streamlit 1.67 starts each server
    process in its old folder-based mode. If the very first request of a process is a deep
    link (``/programmas?jaar=2027``), it runs ``pages/programmas.py`` directly, so
    ``st.navigation`` is never called and the menu shows bare file names ("app",
    "begrippen", ...) for every visitor until the server restarts. ``st.navigation``
    switches that mode off; doing the same here and rerunning lets ``app.py`` build the
    real menu and open the requested page. Uses a Streamlit internal on purpose: the
    version is pinned and tests/e2e checks a deep link on a fresh server.
    """
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()
