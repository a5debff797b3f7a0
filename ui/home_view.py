"""What Home shows of the catalogue, made once per data folder (and day, for what is
coming): the overview of records, the source documents, the coming dates as sourced lines.

Every visit and rerun of Home built the same two tables and lines again; the catalogue
decides them, so they are made once and shared by reruns and sessions.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pyarrow as pa
import streamlit as st

from policy_model import timeline
from policy_model.paths import data_dir
from policy_model.timeline import Event
from policy_model.vocab import SOURCE_KIND_LABELS
from ui.citation import sourced_lines_html
from ui.data import catalogue, data_ident
from ui.tables import table_data
from ui.text import Html, nl_date
from ui.timeline_chart import event_line

#: How many coming dates Home lists.
COMING = 6


class HomeTables(NamedTuple):
    policies: pa.Table  # one row per record: insurer, year, kind, counts, summary
    sources: pa.Table  # one row per source document


class Coming(NamedTuple):
    lines: Html  # the next dates as sourced lines ("" when none are left)
    recent: list[Event]  # else the last dates in the documents, newest first


def home_tables() -> HomeTables:
    """Home's two tables (Arrow, or pandas where Arrow cannot hold a column), made once."""
    return _home_tables(directory=str(data_dir()))


@st.cache_resource(max_entries=8, show_spinner=False)
def _home_tables(directory: str) -> HomeTables:
    cat = catalogue()
    policies = [
        {
            "Verzekeraar": cat.insurer(policy.insurer).short_name,
            "Jaar": policy.year,
            "Soort": cat.document_kind_label(policy),
            "Programma's": len(policy.programmes),
            "Eisen": len(policy.requirements),
            "Wijzigingen": len(policy.changes),
            "Samenvatting": policy.summary,
        }
        for policy in cat.policies_for()
    ]
    sources = [
        {
            "Document": doc.title,
            "Uitgever": doc.publisher,
            "Soort": SOURCE_KIND_LABELS[doc.kind],
            "Beleidsjaar": doc.policy_year,
            "Gepubliceerd": nl_date(doc.published) if doc.published else "niet vermeld",
            "Inhoud": doc.covers,
            "Adres": doc.url or "",
        }
        for doc in cat.sources
    ]
    return HomeTables(table_data(policies), table_data(sources))


def coming(day: dt.date) -> Coming:
    """The next dates of every record after ``day``, or the last ones when none are left, made once a day."""
    return _coming(ident=data_ident(day.isoformat()), _day=day)


@st.cache_resource(max_entries=8, show_spinner=False)
def _coming(ident: str, _day: dt.date) -> Coming:
    # ``ident``: the data folder (another folder is another catalogue) and the day.
    cat = catalogue()
    events = timeline.all_events(cat)
    ahead = timeline.upcoming(events, _day, limit=COMING)
    lines = sourced_lines_html(cat, [("", [event_line(cat, event) for event in ahead])])
    return Coming(Html(lines), [] if ahead else list(reversed([e for e in events if e.date < _day][-3:])))
