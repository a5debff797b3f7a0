"""What Home shows of the catalogue, made once per data folder (and day, for what is
coming): the overview of records, the source documents, the coming dates as sourced lines.

Every visit and rerun of Home built the same two tables and lines again; the catalogue
decides them, so they are made once and shared by reruns and sessions.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import streamlit as st

from policy_model import timeline
from policy_model.paths import data_dir
from policy_model.timeline import Event
from policy_model.vocab import SOURCE_KIND_LABELS
from ui.citation import original_link_html, sourced_lines_html
from ui.data import catalogue, data_ident
from ui.text import Html, html_escape, nl_date
from ui.timeline_chart import event_line

#: How many coming dates Home lists.
COMING = 6


class HomeBlocks(NamedTuple):
    policies: Html  # one line per record: insurer and year, kind, counts, summary
    sources: Html  # one line per source document, with its original where it has one


class Coming(NamedTuple):
    lines: Html  # the next dates as sourced lines ("" when none are left)
    recent: list[Event]  # else the last dates in the documents, newest first


def home_blocks() -> HomeBlocks:
    """Home's overview of records and of source documents as text (a grid cut the summaries on a
    phone and at 1024 px), made once per data folder."""
    return _home_blocks(directory=str(data_dir()))


#: Constant CSS for Home's lists: one paragraph per record or document.
HOME_CSS = """<style>
.gli-home-list p { margin: 0 0 .7rem; line-height: 1.55; overflow-wrap: anywhere; }
.gli-home-list .gli-cap { opacity: .7; }
</style>"""


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@st.cache_resource(max_entries=8, show_spinner=False)
def _home_blocks(directory: str) -> HomeBlocks:
    cat = catalogue()
    policies = []
    for policy in cat.policies_for():
        counts = " · ".join(_count(len(items), one, many) for items, one, many in (
            (policy.programmes, "programma", "programma's"), (policy.requirements, "eis", "eisen"),
            (policy.changes, "wijziging", "wijzigingen")))
        policies.append(f"<p><b>{html_escape(cat.insurer(policy.insurer).short_name)} {policy.year}</b> – {html_escape(cat.document_kind_label(policy))}"
                        f" <span class='gli-cap'>({counts})</span><br>{html_escape(policy.summary)}</p>")
    sources = []
    for doc in cat.sources:
        year = f", beleidsjaar {doc.policy_year}" if doc.policy_year else ""
        published = nl_date(doc.published) if doc.published else "niet vermeld"
        link = original_link_html(doc)
        sources.append(f"<p><b>{html_escape(doc.title)}</b>{link}<br><span class='gli-cap'>{html_escape(doc.publisher)} · "
                       f"{html_escape(SOURCE_KIND_LABELS[doc.kind])}{html_escape(year)} · gepubliceerd: "
                       f"{html_escape(published)}</span><br>{html_escape(doc.covers)}</p>")
    return HomeBlocks(Html(f"<div class='gli-home-list'>{''.join(policies)}</div>{HOME_CSS}"),
                      Html(f"<div class='gli-home-list'>{''.join(sources)}</div>{HOME_CSS}"))


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
