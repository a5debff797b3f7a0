"""Dated events of the contracting process: deadlines, contract periods, the layout of the
timeline chart, iCalendar.

Timeline items with a day become events; contract periods contribute their start and
end. The home page asks for what is ahead of today, the timeline page for everything.
:func:`timeline_layout` places the chosen records' periods and events on the rows and
lanes of the chart (pure: the chart itself is drawn by :mod:`ui.charts`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from policy_model.calendar import GenericMilestone
from policy_model.catalogue import Catalogue
from policy_model.schema import ContractPeriod, Policy, Source
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


#: The word before a day that says what the day is: a last day ("uiterlijk 30 september 2026"), the
#: first day that is too late ("vóór 1 oktober 2026") or a start without an end ("Vanaf 1 augustus 2023").
_QUALIFIER = re.compile(r"^\s*(uiterlijk|v[óo]{2}r|vanaf)\b", re.IGNORECASE)


def date_qualifier(date_text: str) -> str:
    """``"vanaf "`` for "Vanaf 1 augustus 2023" (VGZ 2024 planning), ``"uiterlijk "``, ``"vóór "``, or
    "": a list that shows the day as a number keeps the document's word for what that day is."""
    match = _QUALIFIER.match(date_text)
    return f"{match.group(1).lower()} " if match else ""


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


def undated_periods(policy: Policy) -> list[ContractPeriod]:
    """Contract periods without both ends, which the chart cannot draw: CZ 2027 §3.3.4's
    "gaat in op de eerste dag van de maand na het accorderen … loopt tot uiterlijk 31 december
    2027" for a new provider, beside the drawn running RHO period (audit G #2)."""
    return [period for period in policy.contract_periods if not (period.start and period.end)]


def all_events(catalogue: Catalogue, policies: list[Policy] | None = None) -> list[Event]:
    chosen = policies if policies is not None else catalogue.policies_for()
    events = [e for p in chosen for e in policy_events(p)]
    return sorted(events, key=lambda e: (e.date, e.insurer))


def upcoming(events: list[Event], today: dt.date, limit: int | None = None) -> list[Event]:
    """Events on or after ``today`` (ranges count while they last), soonest first."""
    ahead = [e for e in events if (e.date_end or e.date) >= today]
    return ahead[:limit] if limit else ahead


def running_since(period: ContractPeriod, policy_year: int) -> dt.date | None:
    """The start of a period that began before its record's policy year: a contract already
    running in that year, not one still to get (CZ 2027 §2.4: RHO and samenwerkingsverband
    "1 januari 2026 – 31 december 2027"; §4.1 speaks of their "lopende overeenkomsten").
    Read from the dates alone. None for a period that starts in or after the year."""
    return period.start if period.start and period.start.year < policy_year else None


def running_words(period: ContractPeriod, policy_year: int) -> str:
    """"loopt al sinds 2026" for such a period, else ""."""
    since = running_since(period, policy_year)
    return f"loopt al sinds {since.year}" if since else ""


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
                    "running": running_words(period, policy.year),
                    "source": period.source,
                })
    return rows


# --------------------------------------------------------------------------- chart layout


def lanes(dates: Sequence[dt.date], close_days: int) -> list[int]:
    """A lane per date so that no two markers closer than ``close_days`` share a lane.

    Dates must be sorted. Each date takes the first lane whose last marker is far enough
    away (interval packing): markers never overlap, and a lone date stays in lane 0.
    """
    last: list[dt.date] = []
    out = []
    for date in dates:
        for lane, previous in enumerate(last):
            if (date - previous).days > close_days:
                last[lane] = date
                out.append(lane)
                break
        else:
            last.append(date)
            out.append(len(last) - 1)
    return out


@dataclass(frozen=True)
class LaneGeometry:
    """What the layout needs to know of the drawing, in pixels: a marker's width, the
    height of a row unit (two lines of label text), the plot's typical width; and how many
    characters a row label holds per line."""

    marker_px: int
    unit_px: int
    wrap: int
    plot_px: int = 600

    @property
    def lane_step(self) -> float:
        """Lanes a marker apart, in row units."""
        return (self.marker_px + 3) / self.unit_px


@dataclass(frozen=True)
class ChartRow:
    """One row of the timeline chart, top to bottom, in row units (y grows downwards)."""

    kind: str  # "period", "process" or "general" (the general purchasing calendar)
    owner: str  # the policy key, or the insurer id of a general-calendar row
    title: str  # the record's (or insurer's) name on its first row, else ""
    lines: tuple[str, ...]  # the row's own label, wrapped
    top: float
    height: float

    @property
    def centre(self) -> float:
        return self.top + self.height / 2


@dataclass(frozen=True)
class TimelineLayout:
    """Where everything of the chart goes: rows, bars (one per contract period), marks
    (one per dated event, in its lane) and the general calendar's days."""

    rows: tuple[ChartRow, ...]
    bars: tuple[tuple[dict, float], ...]  # (a period_rows() row, y)
    marks: tuple[tuple[Event, float], ...]
    general: tuple[tuple[GenericMilestone, float], ...]
    boundaries: tuple[float, ...]  # y between two records
    height: float  # all rows, in row units


def close_days(dates: Sequence[dt.date], geometry: LaneGeometry) -> int:
    """Days closer than about a marker's own width at the plot's typical width."""
    span = (max(dates) - min(dates)).days if dates else 0
    return max(3, span * (geometry.marker_px + 4) // geometry.plot_px)


def _wrapped(text: str, width: int) -> tuple[str, ...]:
    return tuple(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or (text,)


class _Rows:
    """Rows stacked from the top; a row is tall enough for its label (half a unit a line)."""

    def __init__(self) -> None:
        self.rows: list[ChartRow] = []
        self.boundaries: list[float] = []
        self.top = 0.0

    def start_group(self) -> None:
        if self.top:
            self.boundaries.append(self.top)

    def add(self, kind: str, owner: str, title: str, lines: tuple[str, ...], height: float = 1.0) -> ChartRow:
        height = max(height, 0.5 * (len(lines) + (1 if title else 0)))
        row = ChartRow(kind, owner, title, lines, self.top, height)
        self.rows.append(row)
        self.top += height
        return row


def _event_lanes(policies: Sequence[Policy], events: Sequence[Event], days: int) -> dict[int, tuple[int, int]]:
    """Event index -> (its lane, the lanes of its record): per record, in date order."""
    out: dict[int, tuple[int, int]] = {}
    for policy in policies:
        mine = [i for i, e in enumerate(events) if e.policy_key == policy.key]
        assigned = lanes([events[i].date for i in mine], days)
        count = max(assigned, default=-1) + 1
        out.update({i: (lane, count) for i, lane in zip(mine, assigned, strict=True)})
    return out


def timeline_layout(policies: Sequence[Policy], labels: Mapping[str, str], events: Sequence[Event],
                    periods: Sequence[dict], general: Sequence[GenericMilestone], insurer_names: Mapping[str, str],
                    now: dt.date, geometry: LaneGeometry) -> TimelineLayout | None:
    """Rows per record, top to bottom: each contract period (a route with two periods gets
    a row per period), then its contracting process, as tall as its lanes need; then per
    insurer a row for the general purchasing calendar of the years the wijzer lacks.

    Events closer than a marker's width take separate lanes of the process row, so a
    busy autumn grows the row instead of piling markers up. ``None`` when there is
    nothing to draw. Built once per record set (the caller caches it with the figure).
    """
    events = [e for e in events if e.policy_key in labels]
    if not periods and not events and not general:
        return None
    span = [*(e.date for e in events), *(r["start"] for r in periods), *(r["end"] for r in periods), now]
    lane_of = _event_lanes(policies, events, close_days(span, geometry))
    lane_counts = {events[i].policy_key: count for i, (_, count) in lane_of.items()}
    step = geometry.lane_step
    stack = _Rows()
    bars: list[tuple[dict, float]] = []
    process_centre: dict[str, float] = {}
    for policy in policies:
        mine = [r for r in periods if r["policy_key"] == policy.key]
        lane_count = lane_counts.get(policy.key, 0)
        if not mine and not lane_count:
            continue
        stack.start_group()
        title = labels[policy.key]
        for row in mine:
            again = [r for r in mine if r["route"] == row["route"]]
            years = f" {row['start'].year}–{row['end'].year}" if len(again) > 1 else ""
            placed = stack.add("period", policy.key, title,
                               _wrapped(row["route"] + years + (f" ({row['running']})" if row["running"] else ""),
                                        geometry.wrap))
            bars.append((row, placed.centre))
            title = ""
        if lane_count:
            placed = stack.add("process", policy.key, title, ("contracteerproces",), max(1.0, lane_count * step + 0.4))
            process_centre[policy.key] = placed.centre
    marks = tuple(
        (e, process_centre[e.policy_key] + (lane_of[i][0] - (lane_of[i][1] - 1) / 2) * step)
        for i, e in enumerate(events)
    )
    general_centre: dict[str, float] = {}
    for insurer in dict.fromkeys(m.insurer for m in general):
        stack.start_group()
        placed = stack.add("general", insurer, insurer_names.get(insurer, insurer),
                           _wrapped("algemene kalender (jaren zonder beleid hier)", geometry.wrap), 1.2)
        general_centre[insurer] = placed.centre
    return TimelineLayout(
        rows=tuple(stack.rows), bars=tuple(bars), marks=marks,
        general=tuple((m, general_centre[m.insurer]) for m in general),
        boundaries=tuple(stack.boundaries), height=stack.top,
    )


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
    import icalendar  # only when a calendar is downloaded: importing it cost every page a cold start

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
