"""The yearly purchasing calendar (``data/calendar.yaml``) and the policy years it says must exist.

The rule is data, not code: each milestone is a day of the year with a year offset against
the policy year (publication of the policy for year Y on 1 April of Y-1, ...). From it:

- :func:`required_years`: the policy years of an insurer that must have been published by a day;
- :func:`missing_years`: per insurer, those of them the dataset lacks (and those it has only as a
  derived, partial record);
- :func:`generic_milestones`: the general calendar's days for the years the dataset lacks, for
  the timeline (clearly not an insurer's own dates).

``validate`` reads the file like every other data file (:func:`calendar_problems`, called by
the loader): a syntax error, a day that does not exist every year (31 February, 29 February)
or an unknown source document is a located problem. The app then works without the
calendar (:func:`load_calendar` gives None) instead of failing on the first date it builds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import Field, ValidationInfo, field_validator, model_validator

from policy_model.catalogue import Catalogue
from policy_model.paths import data_dir as default_data_dir
from policy_model.problems import Problem
from policy_model.schema import Id, Source, Strict, Text
from policy_model.walk import iter_sources
from policy_model.yamlio import YamlDocument, read_yaml

CALENDAR_FILE = "calendar.yaml"
#: The documents' days are Dutch days: a deadline of 1 December ends at midnight in the
#: Netherlands, whatever the clock of the server says.
DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
#: The milestone the missing-years rule is computed from.
PUBLICATION = "policy_published"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def dutch_today(now: dt.datetime | None = None) -> dt.date:
    """Today in the Netherlands (``now``: an aware moment, for tests). A server on UTC is an
    hour or two behind: at 23:30 UTC on 30 November it is already 1 December there."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(DUTCH_TIME).date()


class Milestone(Strict):
    id: Id
    label: Text
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    year_offset: int = Field(ge=-2, le=1)
    sources: list[Source] = Field(min_length=1)

    @field_validator("day")
    @classmethod
    def _day_exists_every_year(cls, day: int, info: ValidationInfo) -> int:
        """A yearly day must exist in every year: 31 February broke 11 of 16 views."""
        month = info.data.get("month")
        if month is None:
            return day
        try:
            dt.date(2001, month, day)  # a common year
        except ValueError:
            name = f"{day} {_MONTHS[month - 1]}"
            if month == 2 and day == 29:
                raise ValueError(f"{name} is not in every year (only in leap years); use 28 February or "
                                 "1 March, as the documents say") from None
            raise ValueError(f"{name} does not exist; check the day and the month") from None
        return day

    def day_for(self, policy_year: int) -> dt.date:
        return dt.date(policy_year + self.year_offset, self.month, self.day)


class Rule(Strict):
    general_knowledge: Text = Field(description="What is not in the sources, marked as general knowledge.")


class CalendarFile(Strict):
    rule: Rule
    milestones: list[Milestone] = Field(min_length=1)

    @model_validator(mode="after")
    def _publication_is_there_once(self) -> CalendarFile:
        ids = [m.id for m in self.milestones]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"milestone id {', '.join(repeated)} is used more than once; ids must be unique")
        if PUBLICATION not in ids:
            raise ValueError(f"the milestone {PUBLICATION!r} (publication of the policy) is missing; the "
                             "missing-years rule needs it")
        return self

    def milestone(self, milestone_id: str) -> Milestone:
        return next(m for m in self.milestones if m.id == milestone_id)


def load_calendar(directory: Path | None = None) -> CalendarFile | None:
    """The calendar of the data folder, or None when it is missing or invalid (validate says why)."""
    root = Path(directory) if directory else default_data_dir()
    doc = read_yaml(root / CALENDAR_FILE, CALENDAR_FILE, root=root)
    if doc.problems or doc.data is None:
        return None
    try:
        return CalendarFile.model_validate(doc.data)
    except ValueError:
        return None


def calendar_reference_problems(doc: YamlDocument, calendar: CalendarFile, source_ids: set[str]) -> list[Problem]:
    """A located problem for every milestone source that names a document not in sources.yaml."""
    return [
        doc.problem((*loc, "document"), f"unknown source document {src.document!r}: add it to sources.yaml or fix "
                    "the spelling")
        for loc, src in iter_sources(calendar)
        if src.document not in source_ids
    ]


def latest_required_year(calendar: CalendarFile, today: dt.date) -> int:
    """The newest policy year whose publication day is on or before ``today``."""
    publication = calendar.milestone(PUBLICATION)
    year = today.year - publication.year_offset + 1
    while publication.day_for(year) > today:
        year -= 1
    return year


@dataclass(frozen=True)
class MissingYears:
    insurer: str
    name: str
    missing: tuple[int, ...]  # no record at all
    partial_only: tuple[int, ...]  # only a derived (partial) record
    newest: int | None  # newest full record

    @property
    def message(self) -> str:
        """``Zorg en Zekerheid: beleid 2025, 2026 en 2027 is gepubliceerd maar staat niet in deze wijzer; nieuwste: 2024``."""
        parts = []
        if self.missing:
            verbs = "is gepubliceerd maar staat" if len(self.missing) == 1 else "zijn gepubliceerd maar staan"
            parts.append(f"beleid {_nl_list(self.missing)} {verbs} niet in deze wijzer")
        if self.partial_only:
            parts.append(f"van {_nl_list(self.partial_only)} staat alleen wat andere documenten erover zeggen (afgeleid)")
        newest = f"; nieuwste: {self.newest}" if self.newest else ""
        return f"{self.name}: " + "; ".join(parts) + newest


    @property
    def short(self) -> str:
        """``VGZ 2025, 2026 en 2027`` / ``CZ 2025 (2026 alleen afgeleid)``: for a one-line notice."""
        parts = [_nl_list(self.missing)] if self.missing else []
        if self.partial_only:
            parts.append(f"({_nl_list(self.partial_only)} alleen afgeleid)")
        return f"{self.name} " + " ".join(parts)


def _nl_list(years: tuple[int, ...]) -> str:
    words = [str(y) for y in years]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def missing_years(catalogue: Catalogue, calendar: CalendarFile, today: dt.date) -> list[MissingYears]:
    """Per insurer with policies: published years (from its first full record up to the
    newest that must be published by ``today``) that the dataset lacks. Insurers lacking none are left out."""
    latest = latest_required_year(calendar, today)
    out = []
    for insurer in catalogue.insurers:
        records = [p for p in catalogue.policies if p.insurer == insurer.id]
        if not records:
            continue
        full = {p.year for p in records if not p.partial}
        partial = {p.year for p in records if p.partial} - full
        first = min(full) if full else min(partial)
        required = range(first, latest + 1)
        missing = tuple(y for y in required if y not in full and y not in partial)
        partial_only = tuple(y for y in required if y in partial)
        if missing or partial_only:
            out.append(MissingYears(insurer.id, insurer.short_name, missing, partial_only,
                                    max(full) if full else None))
    return out


@dataclass(frozen=True)
class GenericMilestone:
    insurer: str
    year: int  # the policy year
    date: dt.date
    label: str
    source: Source  # the first quote showing the day in a document


def generic_milestones(catalogue: Catalogue, calendar: CalendarFile, today: dt.date,
                       insurers: list[str] | None = None) -> list[GenericMilestone]:
    """The general calendar's days for every policy year the dataset lacks (see :func:`missing_years`)."""
    out = []
    for gap in missing_years(catalogue, calendar, today):
        if insurers and gap.insurer not in insurers:
            continue
        for year in gap.missing:
            for milestone in calendar.milestones:
                out.append(GenericMilestone(gap.insurer, year, milestone.day_for(year), milestone.label,
                                            milestone.sources[0]))
    return sorted(out, key=lambda m: (m.date, m.insurer))
