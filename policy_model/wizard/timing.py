"""What today means for an answer: which dates are past, whose dates they are, whether the
policy year and its contracts are over, which newer policies exist, when a window opens again.

Today is an input (``--today``, ``GLI_TODAY``, the page's clock), never read inside a rule, so
an answer can be replayed for any day. A provider's deadline (sign, ask, object, submit) is
kept apart from what the insurer does on a date (offer, publish, inform): vocab
``TIMELINE_ACTORS``, overridden per item by ``TimelineItem.actor``.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
import os
import re

from policy_model.calendar import CalendarFile, dutch_today, latest_required_year, missing_years
from policy_model.catalogue import Catalogue
from policy_model.schema import ContractPeriod, Policy, Provision, Source, TimelineItem
from policy_model.timeline import date_qualifier
from policy_model.vocab import MONTH_NAMES, TIMELINE_ACTORS
from policy_model.wizard.labels import When
from policy_model.wizard.models import Action, Deadline

TODAY_ENV = "GLI_TODAY"


class BadDate(ValueError):
    """A day that is not written as YYYY-MM-DD; the message is Dutch and says how to write it."""


def parse_day(text: str, where: str) -> dt.date:
    """``2026-12-02`` -> a date; anything else a :class:`BadDate` naming ``where`` it came from."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise BadDate(f"{where} ‘{text[:40]}’ is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-12-02.") from None


def resolve_today(given: str | None, environ: dict[str, str] | None = None) -> dt.date:
    """The day an answer is for: ``given`` (``--today``), else ``GLI_TODAY``, else today in the
    Netherlands (:func:`~policy_model.calendar.dutch_today`).

    A value that is not a date is an error (:class:`BadDate`), never silently replaced by the
    real date: that would change the answer without saying so.
    """
    if given is not None:
        return parse_day(given, "--today")
    pinned = (os.environ if environ is None else environ).get(TODAY_ENV, "")
    if pinned.strip():
        return parse_day(pinned, TODAY_ENV)
    return dutch_today()


def nl_day(day: dt.date) -> str:
    """``2 december 2026``."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def action_day(action: Action | Deadline) -> str:
    """An action's day as a reader sees it: the document's own words where they hold the whole day
    ("Vanaf 1 augustus 2023", "1 oktober 2023 – 22 december 2023 tot 12.00 uur"); else the Dutch
    date with the document's word for it (:func:`policy_model.timeline.date_qualifier`: "uiterlijk
    15 mei a.s." -> "uiterlijk 15 mei 2026", as "a.s." means nothing on another day); without a
    day, the document's words."""
    text = action.date_text or ""
    if action.date is None:
        return text or "geen deadline"
    day = nl_day(action.date)
    return text if day in text.lower() else f"{date_qualifier(text)}{day}"


def when(date: dt.date, today: dt.date) -> When:
    return "past" if date < today else "today" if date == today else "upcoming"


def starts_only(item: TimelineItem) -> bool:
    """Whether the document gives the item's day as a start without an end ("Vanaf 1 augustus
    2023"): from that day on it is going on, not over."""
    return item.date is not None and item.date_end is None and date_qualifier(item.date_text) == "vanaf "


def item_when(item: TimelineItem, policy: Policy, today: dt.date) -> When:
    """Today against a dated item. An item that only starts on its day (VGZ 2024 "Vanaf 1 augustus
    2023 Maken inkoopafspraken") is to come before that day and going on from it ("open") until the
    document's own term for reaching agreement on the same routes is over (VGZ 2024: "1 oktober 2023
    – 22 december 2023" overeenstemming, :func:`closing_term`), else until its policy year ends.
    Any other item is over after its last day (:func:`last_day`: a range's end, the day before a
    "vóór" date)."""
    if starts_only(item):
        if today < item.date:
            return "upcoming"
        closing = closing_term(item, policy)
        if closing is not None and closing < today:
            return "past"
        return "past" if year_over(policy, today) else "open"
    last = last_day(item)
    return when(last, today) if last else "open"


def closing_term(item: TimelineItem, policy: Policy) -> dt.date | None:
    """The last day of the document's term for reaching agreement (kind ``agreement_deadline``) on
    the item's routes that ends after the item starts: talks "vanaf" a day lead to that agreement."""
    ends = [last_day(t) for t in policy.timeline if t.kind == "agreement_deadline"
            and (not item.routes or not t.routes or set(item.routes) & set(t.routes))]
    later = [d for d in ends if d is not None and item.date is not None and d >= item.date]
    return min(later) if later else None


_MONTH_YEAR = re.compile(rf"\b({'|'.join(MONTH_NAMES)})\s+(\d{{4}})\b", re.IGNORECASE)


def month_of(text: str) -> tuple[int, int] | None:
    """(year, month) where a text dates something by month alone: ZZ 2024 §6.3 "September 2023
    Aanbieden zorgovereenkomsten". A text that names a day ("30 september 2026") is not month-only;
    such an item has its ``date``. The month is read, no day is invented: the data keeps ``date``
    for a day the document gives (data/README.md)."""
    match = _MONTH_YEAR.search(text)
    if match is None or re.search(rf"\d\s*{match.group(1)}", text, re.IGNORECASE):
        return None
    return int(match.group(2)), MONTH_NAMES.index(match.group(1).lower()) + 1


def month_text(year: int, month: int) -> str:
    """``september 2023``."""
    return f"{MONTH_NAMES[month - 1]} {year}"


def _before(item: TimelineItem) -> bool:
    """A date the document gives as the first day that is too late: ZZ 2024 §5.1 "vóór 1 januari 2024
    een Wtza vergunning te hebben aangevraagd", CZ 2027 §2.1.4 "kondigen we dat vóór 1 oktober 2026 aan"."""
    return date_qualifier(item.date_text).strip() in ("vóór", "voor")


def last_day(item: TimelineItem) -> dt.date | None:
    """The last day an item can be on: its end, its day, or for an item dated by month alone the
    last day of that month, so that "September 2023" is over on 1 October 2023, not before. A day
    the document names with "vóór" is itself too late: "vóór 1 januari 2024" ends on 31 December 2023."""
    if item.date:
        if item.date_end:
            return item.date_end
        return item.date - dt.timedelta(days=1) if _before(item) else item.date
    month = month_of(item.date_text)
    if month is None:
        return None
    year, number = month
    return dt.date(year, number, month_calendar.monthrange(year, number)[1])


def for_provider(item: ContractPeriod | TimelineItem, had: bool | None) -> bool:
    """Whether a contract period or dated item is for this provider. What the data marks as the
    existing contractants' (their running contract, the offer to them, its signing date: CZ 2027
    §2.4/§4.1, VGZ 2024 "ontvangen voor 2024-2025 een aanbod") is not a new provider's; a new
    provider's period (CZ 2027 §3.3.4) is not a former contractant's. Not answered: both."""
    if had is False and item.existing_contractants_only:
        return False
    return not (had is True and getattr(item, "new_providers_only", False))


def duration_provisions(policy: Policy, source: Source) -> list[Provision]:
    """The provisions on a contract's duration stated under the same heading as a route or an
    application, which they qualify (CZ 2027 §3.3.4: a new provider's contract starts on the first
    day of the month after acceptance; §2.2 Uitloopovereenkomst: who has a run-off contract per
    1 January 2026 gets no new one)."""
    return [p for p in policy.provisions if p.topic == "contract_duration"
            and p.source.document == source.document and p.source.section == source.section]


def actor(item: TimelineItem) -> str:
    """Who acts on a dated item: its own ``actor``, else the kind's (vocab TIMELINE_ACTORS)."""
    return item.actor or TIMELINE_ACTORS.get(item.kind, "insurer")


def route_periods(policy: Policy, route: str, had: bool | None = None) -> list[ContractPeriod]:
    """The contract periods of one route that are for this provider (:func:`for_provider`)."""
    return [p for p in policy.contract_periods if p.route == route and for_provider(p, had)]


def running_period(policy: Policy, route: str) -> ContractPeriod | None:
    """The contract a former contractant already has under ``route`` where it began before the
    policy year and runs through it (CZ 2027 §2.4: RHO and samenwerkingsverband 1 januari 2026 –
    31 december 2027; §4.1 "lopende overeenkomsten"). Only where every period the document gives a
    former contractant for the route does so: a route with a running and a new period (the run-off
    contract) has no one running contract."""
    periods = route_periods(policy, route, had=True)  # not a new provider's (CZ 2027 §3.3.4)
    if periods and all(p.start and p.end and p.start.year < policy.year <= p.end.year for p in periods):
        return periods[0]
    return None


def period_texts(policy: Policy, route: str, had: bool | None = None) -> list[str]:
    """The contract periods of one route for this provider, the one starting in the policy's year
    first; a new provider is not shown the existing contractants' periods (CZ 2027 §3.3.4)."""
    periods = route_periods(policy, route, had)
    periods.sort(key=lambda p: (p.start is None or p.start.year != policy.year, p.start or dt.date.min))
    out = []
    for p in periods:
        span = f", {p.start:%d-%m-%Y} t/m {p.end:%d-%m-%Y}" if p.start and p.end else ""
        out.append(f"{p.label}: {p.duration_text}{span}")
    return out


def for_routes(item: TimelineItem, route_kinds: set[str]) -> bool:
    """Whether a dated item is for these routes: one that names routes is for those; one that
    names none for the routes the insurer contracts, so for an organisation with an own route
    (a volgbeleid is none)."""
    return bool(route_kinds & set(item.routes)) if item.routes else bool(route_kinds - {"follow"})


def dated_items(policy: Policy, route_kinds: set[str], today: dt.date,
                side: str, had: bool | None = None) -> list[Deadline]:
    """The record's dated items for these routes, for one side: ``provider`` (its deadlines, the
    dates both parties act on) or ``insurer`` (what the insurer does), for these routes
    (:func:`for_routes`; the day to object to the policy is anyone's); one for existing
    contractants not to a new provider (:func:`for_provider`)."""
    sides = {"provider": ("provider", "both"), "insurer": ("insurer",)}[side]
    out = []
    for item in policy.timeline:
        if not item.date or actor(item) not in sides or not for_provider(item, had):
            continue
        if not for_routes(item, route_kinds) and not (not item.routes and item.kind == "objection_deadline"):
            continue
        last = last_day(item) or item.date
        out.append(Deadline(kind=item.kind, date=item.date, date_end=item.date_end, date_text=item.date_text,
                            activity=item.activity, when=item_when(item, policy, today),
                            days=(last - today).days, source=item.source, actor=actor(item),
                            routes=list(item.routes)))
    return sorted(out, key=lambda x: (x.when == "past", -x.date.toordinal() if x.when == "past" else x.date.toordinal()))


def year_over(policy: Policy, today: dt.date) -> bool:
    return policy.year < today.year


def ended_periods(policy: Policy, route_kinds: set[str], today: dt.date,
                  had: bool | None = None) -> list[ContractPeriod]:
    return [p for p in policy.contract_periods if p.route in route_kinds and p.end and p.end < today
            and for_provider(p, had)]


def time_notes(policy: Policy, catalogue: Catalogue, calendar: CalendarFile | None, route_kinds: set[str],
               today: dt.date, had: bool | None = None) -> list[str]:
    """What today means for this record: the policy year is over, its contracts (for this
    provider) have ended, the newest record in the wijzer, and the published years the wijzer
    lacks (general calendar)."""
    if not year_over(policy, today):
        return []
    notes = [f"Het beleidsjaar {policy.year} is voorbij (vandaag is het {nl_day(today)})."]
    for period in ended_periods(policy, route_kinds, today, had):
        notes.append(f"{period.label} liep tot en met {nl_day(period.end)}.")
    name = catalogue.insurer(policy.insurer).short_name
    newest = max((p.year for p in catalogue.policies_for(insurers=[policy.insurer]) if not p.partial),
                 default=policy.year)
    if newest > policy.year:
        notes.append(f"Het nieuwste beleid van {name} in deze wijzer is dat voor {newest}.")
    elif newest == policy.year:
        notes.append(f"Dit is het nieuwste beleid van {name} in deze wijzer.")
    if calendar is not None:
        gap = next((g for g in missing_years(catalogue, calendar, today) if g.insurer == policy.insurer), None)
        if gap is not None and gap.missing:
            notes.append(gap.message + ".")
    return notes


def next_window(policy: Policy, calendar: CalendarFile | None, today: dt.date, name: str,
                referrer: bool = False, recorded: frozenset[int] = frozenset()) -> str:
    """When contracting opens again, from the general purchasing calendar (data/calendar.yaml):
    the newest policy that must be out by today, and when the next one is due. A referrer applies
    for nothing: for them the newer policy says what holds now. Where that policy is in the
    wijzer (``recorded``: years with a full record of this insurer) the answer says where to find it."""
    what = "wat nu geldt voor deelnemers" if referrer else "hoe en wanneer u kunt aanvragen"
    if calendar is None:
        return f"Kijk in het nieuwste beleid van {name} {what}."
    published = latest_required_year(calendar, today)
    publication = calendar.milestone("policy_published")
    parts = []
    if published > policy.year and published in recorded:
        parts.append(f"Het beleid van {name} voor {published} staat in deze wijzer: kies het beleidsjaar {published}; "
                     f"daarin staat {what}.")
    elif published > policy.year:
        parts.append(f"Het beleid van {name} voor {published} is al verschenen (uiterlijk "
                     f"{nl_day(publication.day_for(published))}); daarin staat {what}.")
    nxt = published + 1
    parts.append(f"Het beleid voor {nxt} verschijnt uiterlijk {nl_day(publication.day_for(nxt))} "
                 "(algemene inkoopkalender).")
    return " ".join(parts)


def missing_year_text(catalogue: Catalogue, calendar: CalendarFile | None, insurer: str, year: int,
                      today: dt.date) -> str:
    """Why a requested year has no record: published but not in the wijzer, or not yet published."""
    name = catalogue.insurer(insurer).short_name
    if calendar is None:
        return f"Het beleid {year} van {name} staat niet in deze wijzer."
    due = calendar.milestone("policy_published").day_for(year)
    if due <= today:
        return (f"Het beleid {year} van {name} is gepubliceerd (uiterlijk {nl_day(due)}) maar staat niet in deze "
                "wijzer: lees dat beleid voor het antwoord.")
    return f"Het beleid {year} van {name} is nog niet gepubliceerd; het verschijnt uiterlijk {nl_day(due)}."
