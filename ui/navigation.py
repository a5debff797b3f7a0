"""The pages of the app, in menu order: one list for the navigation and the home page links."""

from __future__ import annotations

from typing import NamedTuple


class PageInfo(NamedTuple):
    path: str
    title: str
    icon: str  # emoji: material icons would fetch a font from the internet
    about: str


PAGES: list[PageInfo] = [
    PageInfo("app_pages/home.py", "Home", "🏠", "overzicht en bronnen"),
    PageInfo("app_pages/programmas.py", "Programma's", "🧩", "welke GLI-programma's elke verzekeraar inkoopt"),
    PageInfo("app_pages/registers.py", "Registers", "📇", "welke kwaliteitsregisters worden geaccepteerd"),
    PageInfo("app_pages/voorwaarden.py", "Contractvoorwaarden", "📋", "eisen, routes, looptijden, tarieven, aanvragen"),
    PageInfo("app_pages/tijdlijn.py", "Tijdlijn", "📅", "deadlines en looptijden, ook als agenda"),
    PageInfo("app_pages/wijzigingen.py", "Wijzigingen", "🔀", "wat er per jaar veranderde, en vergelijken"),
    PageInfo("app_pages/wizard.py", "Wat geldt voor mij?", "🧭", "uw situatie, per verzekeraar beoordeeld"),
    PageInfo("app_pages/handreiking.py", "Handreiking", "🗺️", "de GLI regionaal organiseren (ZonMw)"),
    PageInfo("app_pages/begrippen.py", "Begrippen", "📖", "afkortingen en termen uitgelegd"),
    PageInfo("app_pages/zoeken.py", "Zoeken", "🔎", "in alle vastgelegde gegevens"),
]
