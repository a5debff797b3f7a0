"""Dated events of the contracting process: deadlines, contract periods, iCalendar.

Timeline items with a day become events; contract periods contribute their start and
end. The home page asks for what is ahead of today, the timeline page for everything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from policy_model.catalogue import Catalogue
from policy_model.schema import Policy, Source
from policy_model.vocab import ROUTE_LABELS, TIMELINE_KIND_LABELS


@dataclass(frozen=True)
class Event:
    policy_key: str
    insurer: str
    year: int
    partial: bool
    date: dt.date
    date_end: dt.date | None
    date_text: str
    kind: str
    kind_label: str
    activity: str
    routes: tuple[str, ...]
    source: Source


def policy_events(policy: Policy) -> list[Event]:
    """Every timeline item of a policy that has a calendar day."""
    return [
        Event(policy.key, policy.insurer, policy.year, policy.partial, item.date, item.date_end,
              item.date_text, item.kind, TIMELINE_KIND_LABELS[item.kind], item.activity,
              tuple(item.routes), item.source)
        for item in policy.timeline
        if item.date is not None
    ]


def undated_items(policy: Policy) -> list:
    """Timeline items the document gives without a day ("September 2023", "4 weken na ...")."""
    return [item for item in policy.timeline if item.date is None]


def all_events(catalogue: Catalogue, policies: list[Policy] | None = None) -> list[Event]:
    chosen = policies if policies is not None else catalogue.policies_for()
    events = [e for p in chosen for e in policy_events(p)]
    return sorted(events, key=lambda e: (e.date, e.insurer))


def upcoming(events: list[Event], today: dt.date, limit: int | None = None) -> list[Event]:
    """Events on or after ``today`` (ranges count while they last), soonest first."""
    ahead = [e for e in events if (e.date_end or e.date) >= today]
    return ahead[:limit] if limit else ahead


def period_rows(policies: list[Policy]) -> list[dict]:
    """Contract periods with both ends known, as rows for a Gantt-style chart."""
    rows = []
    for policy in policies:
        for period in policy.contract_periods:
            if period.start and period.end:
                rows.append({
                    "policy_key": policy.key,
                    "insurer": policy.insurer,
                    "year": policy.year,
                    "route": ROUTE_LABELS[period.route],
                    "label": period.label,
                    "start": period.start,
                    "end": period.end,
                    "duration": period.duration_text,
                    "source": period.source,
                })
    return rows


# --------------------------------------------------------------------------- iCalendar


def _ics_escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold lines longer than 75 octets (RFC 5545 §3.1)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return "\r\n".join(out)


def to_ics(events: list[Event], catalogue: Catalogue, stamp: dt.datetime | None = None) -> str:
    """An iCalendar file with one all-day event per deadline (RFC 5545)."""
    now = (stamp or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//GLI-inkoopwijzer//Deadlines//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:GLI-inkoopwijzer deadlines",
    ]
    for n, event in enumerate(events):
        insurer = catalogue.insurer(event.insurer).short_name
        doc = catalogue.source(event.source.document)
        end = (event.date_end or event.date) + dt.timedelta(days=1)
        routes = ", ".join(ROUTE_LABELS[r] for r in event.routes)
        description = (
            f"{event.activity} ({event.date_text})."
            + (f" Voor: {routes}." if routes else "")
            + f" Bron: {doc.title}, § {event.source.section}: \"{event.source.quote}\""
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.policy_key}-{event.kind}-{event.date:%Y%m%d}-{n}@gli-inkoopwijzer",
            f"DTSTAMP:{now}",
            f"DTSTART;VALUE=DATE:{event.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{_ics_escape(f'{insurer} {event.year}: {event.kind_label}')}",
            f"DESCRIPTION:{_ics_escape(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
