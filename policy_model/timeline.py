"""Dated events of the contracting process: deadlines, contract periods, iCalendar.

Timeline items with a day become events; contract periods contribute their start and
end. The home page asks for what is ahead of today, the timeline page for everything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass

import icalendar

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

#: Characters a calendar reader may take as a line break, or RFC 5545 forbids in a text.
_ICS_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_ICS_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _ics_text(text: str) -> str:
    """Data text made safe for an iCalendar TEXT value before the library escapes it.

    ``icalendar`` escapes ``\\ ; ,`` and line feeds, but passes U+2028, NEL and other
    controls through; a reader that splits on any line break would then see lines (even
    whole events) that the data smuggled in. Every line break becomes a line feed (which
    is escaped as ``\\n``) and the other controls are dropped.
    """
    return _ICS_CONTROLS.sub("", _ICS_LINE_BREAKS.sub("\n", text))


def event_uids(events: list[Event], catalogue: Catalogue) -> list[str]:
    """A UID per event that stays the same when the file is downloaded again, each unique.

    It names the policy, the kind and the day of the event, not its place in the export
    (nor which other events were chosen), so a calendar that imports or subscribes to a
    new download updates its events instead of adding copies. Where the policy itself has
    two events of one kind on one day, a digest of the activity is added; where two are
    identical, the second gets ``-2``, the third ``-3`` (in the policy's own order, which
    an export keeps). Each policy's events are counted once: linear in the events (this
    was quadratic, 125 s for 4,020 events).
    """
    per_day: dict[str, Counter[tuple[str, dt.date]]] = {}
    seen: Counter[str] = Counter()
    out = []
    for event in events:
        if event.policy_key not in per_day:
            policy = catalogue.policy_by_key(event.policy_key)
            per_day[event.policy_key] = Counter((e.kind, e.date) for e in policy_events(policy)) if policy else Counter()
        base = f"{event.policy_key}-{event.kind}-{event.date:%Y%m%d}"
        if per_day[event.policy_key][(event.kind, event.date)] > 1:
            base += "-" + hashlib.sha256(event.activity.encode("utf-8")).hexdigest()[:10]
        seen[base] += 1
        out.append(f"{base}{'' if seen[base] == 1 else f'-{seen[base]}'}@gli-inkoopwijzer")
    return out


def to_ics(events: list[Event], catalogue: Catalogue, stamp: dt.datetime | None = None) -> str:
    """An iCalendar file with one all-day event per deadline (RFC 5545, via ``icalendar``)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//GLI-inkoopwijzer//Deadlines//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "GLI-inkoopwijzer deadlines")
    now = stamp or dt.datetime.now(dt.UTC)
    for event, uid in zip(events, event_uids(events, catalogue), strict=True):
        insurer = catalogue.insurer(event.insurer).short_name
        doc = catalogue.source(event.source.document)
        end = (event.date_end or event.date) + dt.timedelta(days=1)
        routes = ", ".join(ROUTE_LABELS[r] for r in event.routes)
        description = (
            f"{event.activity} ({event.date_text})."
            + (f" Voor: {routes}." if routes else "")
            + f" Bron: {doc.title}, § {event.source.section}: \"{event.source.quote}\""
        )
        item = icalendar.Event()
        item.add("uid", uid)
        item.add("dtstamp", now)
        item.add("dtstart", event.date)
        item.add("dtend", end)
        item.add("summary", _ics_text(f"{insurer} {event.year}: {event.kind_label}"))
        item.add("description", _ics_text(description))
        item.add("transp", "TRANSPARENT")
        calendar.add_component(item)
    return calendar.to_ical().decode("utf-8")
