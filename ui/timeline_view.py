"""What the Tijdlijn page shows of a record set besides its chart, made once per data
folder, records and day: the list of periods and activities per record, the coming
deadlines and the general calendar's days as sourced lines, the count of activities
without a day.

Every rerun of the page (each toggle, each choice of the chart) built the same lists again,
escaping every text; the records and the day decide them, so they are made once and shared
by reruns and sessions.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import streamlit as st

from policy_model.calendar import GenericMilestone
from policy_model.catalogue import Catalogue
from policy_model.reports.timeline_handout import timeline_entries
from policy_model.schema import Policy
from policy_model.timeline import Event, all_events, undated_items, undated_periods, upcoming
from ui.citation import SourcedLine, sourced_lines_html
from ui.data import catalogue, data_ident
from ui.text import Html, html_escape, md_escape, nl_date
from ui.timeline_chart import event_line, general_calendar


class TimelineView(NamedTuple):
    events: list[Event]  # every dated activity of the records (the calendar download)
    listing: list[str]  # per record with entries: its periods and activities, escaped Markdown
    ahead: Html  # the coming deadlines as sourced lines ("" when there are none)
    general: list[GenericMilestone]  # the general calendar's days for the years the wijzer lacks
    general_lines: Html  # those days as sourced lines, per insurer and year
    undated: int  # activities the documents give without a day
    undated_periods: int  # contract periods without a start or end day (not in the chart)


def timeline_view(policies: list[Policy], now: dt.date) -> TimelineView:
    """The page's lists for these records on ``now``, made once."""
    ident = data_ident(" ".join(p.key for p in policies), now.isoformat())
    return _timeline_view(ident=ident, _policies=tuple(policies), _now=now)


@st.cache_resource(max_entries=128, show_spinner=False)
def _timeline_view(ident: str, _policies: tuple[Policy, ...], _now: dt.date) -> TimelineView:
    # ``ident``: the data folder (another folder is another catalogue), the records and the day.
    cat = catalogue()
    policies = list(_policies)
    labels = {p.key: cat.policy_label(p) for p in policies}
    events = all_events(cat, policies)
    listing = [f"**{md_escape(labels[key])}**\n\n" + "\n".join(
        f"- **{md_escape(e.when)}** · {md_escape(e.what)}: {md_escape(e.text)}" for e in entries)
        for key, entries in timeline_entries(policies).items()]
    ahead = sourced_lines_html(cat, [("", [event_line(cat, event) for event in upcoming(events, _now)])])
    general = general_calendar(cat, policies, _now)
    return TimelineView(events, listing, Html(ahead), general, Html(general_lines(cat, general)),
                        sum(len(undated_items(p)) for p in policies), sum(len(undated_periods(p)) for p in policies))


def general_lines(cat: Catalogue, general: list[GenericMilestone]) -> str:
    """The general calendar's days as sourced lines: one line per insurer and year."""
    lines: list[SourcedLine] = []
    for insurer in dict.fromkeys(m.insurer for m in general):
        mine = [m for m in general if m.insurer == insurer]
        for year in dict.fromkeys(m.year for m in mine):
            line = "; ".join(f"{nl_date(m.date)}: {html_escape(m.label.lower())}" for m in mine if m.year == year)
            lines.append((f"<b>{html_escape(cat.insurer(insurer).short_name)} {year}</b> (algemene kalender) – {line}",
                          [m.source for m in mine if m.year == year][:1]))
    return sourced_lines_html(cat, [("", lines)])
