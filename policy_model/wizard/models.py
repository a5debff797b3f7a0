"""The wizard's output: one :class:`Assessment` per insurer, with everything in it traced to
the policy text (every item carries its :class:`~policy_model.schema.Source`)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from policy_model.schema import Source
from policy_model.wizard.labels import Fit, Group, Status, Verdict, When


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class CheckItem(_Out):
    topic: str
    topic_label: str
    text: str
    status: Status
    why: str
    decisive: bool = False  # has a structured value the profile could settle (age, GGR, count)
    force: str
    force_label: str
    group: Group
    source: Source
    #: Under which route it holds, where not under every route the organisation may take, or the
    #: route is still to be checked ("Geldt bij de route RHO"); None: whatever the route.
    applies_to: str | None = None


class RouteOption(_Out):
    route: str
    label: str
    preference: int | None
    conditions: str | None
    periods: list[str]
    source: Source
    fit: Fit = "yes"
    form: str | None = None  # how the document describes the form, where the fit is to be checked


class ProgrammeCheck(_Out):
    programme: str
    name: str
    status: str | None
    label: str
    note: str | None = None
    source: Source | None


class RegistryCheck(_Out):
    registry: str
    name: str
    accepted: Literal["yes", "no", "not_stated"]
    label: str
    source: Source | None


class Deadline(_Out):
    kind: str
    date: dt.date
    #: The last day of a range the document gives (VGZ 2024: "1 oktober 2023 – 22 december 2023").
    date_end: dt.date | None = None
    date_text: str
    activity: str
    when: When
    days: int  # from today; negative when past
    source: Source
    actor: str = "provider"  # provider, insurer or both (vocab TIMELINE_ACTORS)
    #: The routes the document dates it for (empty: it names none); the next step names them.
    routes: list[str] = Field(default_factory=list)


class HowToApply(_Out):
    channel: str
    address: str | None
    when: str
    text: str
    source: Source


class Action(_Out):
    """One thing to do, with its date where there is one; the first still possible is on top."""

    text: str
    date: dt.date | None
    when: When
    source: Source
    #: Where the document dates it by month alone ("September 2023", ZZ 2024 §6.3): that month, shown
    #: in place of a day, which the document does not give.
    date_text: str | None = None
    #: What it is: a timeline kind (``signing_deadline``, ``objection_deadline``, ...), ``application``,
    #: ``offer`` (the insurer offers a former contractant a contract) or ``running`` (a contract that
    #: runs on through the year); the next step leads with the last two.
    kind: str = "application"


class Contact(_Out):
    channel: str
    address: str
    purpose: str
    answer_time: str | None
    source: Source


class Assessment(_Out):
    insurer: str
    insurer_name: str
    year: int
    requested_year: int
    today: dt.date | None = None
    hint: bool = False  # no record for requested_year: this is the newest record, as a hint
    notice: str | None = None
    partial: bool
    draft: bool = False  # a record not yet reviewed, used only when asked (--include-drafts)
    document_kind: str
    verdict: Verdict
    verdict_label: str
    reasons: list[str]
    verdict_sources: list[Source]
    explanation: str
    next_step: str
    question: str | None = None  # conditional: the one question that decides it
    time_notes: list[str] = []  # what today means for this answer: year over, newer policies, closed windows
    routes: list[RouteOption]
    checklist: list[CheckItem]
    groups: dict[str, int]
    programmes: list[ProgrammeCheck]
    registries: list[RegistryCheck]
    deadlines: list[Deadline]  # the provider's own dates (sign, ask, object), for its routes
    insurer_dates: list[Deadline] = []  # what the insurer does when (offer, publish, inform): not deadlines
    actions: list[Action]
    apply: list[HowToApply]
    contacts: list[Contact]

    @property
    def further_reasons(self) -> list[str]:
        """The reasons the explanation does not already say (it tells the first in full): listed
        under it, so a reader does not read the same paragraph twice."""
        return [r for r in self.reasons if r not in self.explanation]

    def matrix_label(self) -> str:
        """The verdict for a table cell, with the hint and a draft ("concept") marked."""
        concept = " (concept)" if self.draft else ""
        if self.hint:
            return f"{self.verdict_label} (hint: geen beleid {self.requested_year}, beleid {self.year}{concept})"
        return self.verdict_label + concept

