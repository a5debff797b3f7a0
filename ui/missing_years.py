"""Say which published policy years the wijzer lacks, on Home and every comparison page.

The rule (policy for year Y published by 1 April of Y-1) is data (``data/calendar.yaml``);
:mod:`policy_model.calendar` computes the gaps. This module only shows them.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from policy_model.calendar import CalendarFile, MissingYears, load_calendar, missing_years
from policy_model.catalogue import Catalogue
from policy_model.paths import data_dir
from ui.data import data_ident
from ui.text import md_escape, nl_date, today


@st.cache_resource(show_spinner=False)
def _calendar(directory: str) -> CalendarFile | None:
    return load_calendar(Path(directory))


def calendar() -> CalendarFile | None:
    """The yearly purchasing calendar of the data folder (None when missing or invalid)."""
    return _calendar(directory=str(data_dir()))


def gaps(cat: Catalogue, insurers: list[str] | None = None) -> list[MissingYears]:
    cal = calendar()
    if cal is None:
        return []
    found = missing_years(cat, cal, today())
    return [g for g in found if not insurers or g.insurer in insurers]


def missing_label(found: list[MissingYears]) -> str:
    """``📅 Ontbreekt: 7 jaren`` (or ``📅 Alleen afgeleid: 1 jaar``): the notice in a few
    words, beside a page's title; what it opens to names them."""
    missing = sum(len(g.missing) for g in found)
    if missing:
        return f"📅 Ontbreekt: {missing} {'jaar' if missing == 1 else 'jaren'}"
    partial = sum(len(g.partial_only) for g in found)
    return f"📅 Alleen afgeleid: {partial} {'jaar' if partial == 1 else 'jaren'}"


def show_missing_years(cat: Catalogue, insurers: list[str] | None = None, *, compact: bool = False) -> None:
    """A notice per insurer whose published policy years are not (fully) in the dataset.

    ``compact``: one line that opens on demand (a popover), for the comparison pages and
    for presenting: the full notice pushed the content itself below the first screen, on
    a projector and on a phone.
    """
    notice = _notice(ident=data_ident(today().isoformat(), ' '.join(insurers or ())), _cat=cat,
                     _insurers=insurers)
    if notice is None:
        return
    label, text = notice
    if not compact:
        st.warning(text, icon="📅")
        return
    with st.popover(label,
                    help="Beleidsjaren die verzekeraars publiceerden maar die (nog) niet in deze wijzer staan. "
                    "Klik voor de toelichting."):
        st.warning(text, icon="📅")


@st.cache_resource(max_entries=64, show_spinner=False)
def _notice(ident: str, _cat: Catalogue, _insurers: list[str] | None) -> tuple[str, str] | None:
    """The notice's short label and its text (escaped Markdown), made once per data folder,
    day and insurers (``ident``; every page header asks for it on every run)."""
    found = gaps(_cat, _insurers)
    if not found:
        return None
    lines = "\n".join(f"- {md_escape(g.message)}" for g in found)
    text = (f"**Niet alle gepubliceerde beleidsjaren staan in deze wijzer** (stand {nl_date(today())}).  \n"
            f"{lines}\n\nVerzekeraars publiceren hun beleid voor jaar J uiterlijk 1 april van jaar J-1. "
            "Controleer voor deze jaren het actuele beleid op de site van de verzekeraar.")
    return missing_label(found), text
