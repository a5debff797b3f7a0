"""The policy data model: pydantic models for every YAML file under ``data/``.

Every model forbids unknown keys, so a typo in a hand-edited YAML file is reported
instead of silently dropped. Every fact carries a :class:`Source` (document, section,
verbatim quote) so the dashboard can show where a claim comes from.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from policy_model.addresses import ContactAddress, WebUrl
from policy_model.tree import iter_instances
from policy_model.vocab import (
    ROUTE_SUBJECTS,
    SPECIAL_ROUTES,
    TOPIC_SUBJECTS,
    AgeGroup,
    ApplicationWindow,
    Availability,
    Background,
    ChangeKind,
    Channel,
    CoverageLevel,
    CoverageSubject,
    DeferralKind,
    DocumentKind,
    Force,
    OrgFunction,
    ProgrammeFactTopic,
    ProgrammeStatus,
    RegistryKind,
    RegistryUse,
    RequirementKind,
    Role,
    RouteFormKind,
    RouteKind,
    Scope,
    SourceKind,
    TariffKind,
    TimelineActor,
    TimelineKind,
    Topic,
    ValueUnit,
)

#: The years data may speak of (policy years, their documents and their contracts).
FIRST_YEAR, LAST_YEAR = 2000, 2100
FIRST_DATE, LAST_DATE = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)

#: Invisible characters that change how a text reads without showing themselves: bidi
#: controls (a right-to-left override shows a text in another order than it holds), zero-width spaces and
#: joiners, the soft hyphen and the byte-order mark. No source document holds one.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def visible_text(text: str) -> str:
    """The text, when it holds no invisible character (see :data:`_INVISIBLE`); else an error naming it."""
    bad = _INVISIBLE.search(text)
    if bad:
        code = ord(bad.group())
        name = unicodedata.name(bad.group(), "").lower() or "invisible character"
        raise ValueError(f"text holds the invisible character U+{code:04X} ({name}) at position {bad.start() + 1}; "
                         "it can make a text read differently from what it holds: remove it")
    return text


def _date_in_range(value: dt.date) -> dt.date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise ValueError(f"date {value} is outside {FIRST_DATE.year}-{LAST_DATE.year}; check the year")
    return value


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(visible_text)]
#: A day in :data:`FIRST_YEAR`-:data:`LAST_YEAR` (a day in year 9999 broke the calendar export).
Day = Annotated[dt.date, AfterValidator(_date_in_range)]
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
#: A number that is a number: ``.inf``, ``.nan`` and ``1e309`` (read as infinity) are refused.
Finite = Annotated[float, Field(allow_inf_nan=False)]


class Strict(BaseModel):
    """Base for all data models: unknown keys are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Review(Strict):
    """A mark left by ``carry-forward``: the quote is not in the new document; check the fact."""

    reason: Text
    best_match: str | None = Field(default=None, description="The most similar passage of the new document.")
    similarity: Finite | None = Field(default=None, ge=0, le=100, description="0-100, rapidfuzz partial ratio.")


class Source(Strict):
    """Where a fact comes from: a document id, the document's own section, a verbatim quote."""

    document: Id
    section: Text
    quote: Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=400),
                     AfterValidator(visible_text)]
    # A citation exports as {document, section, quote}; the review mark only where set.
    review: Review | None = Field(
        default=None, exclude_if=lambda value: value is None,
        description="Set on draft records only: to be checked by hand.",
    )


class Sourced(Strict):
    """A fact with its source."""

    source: Source


# --------------------------------------------------------------------------- catalogue


class SourceDocument(Strict):
    """One document in ``../shared/sources``."""

    id: Id
    title: Text
    publisher: Text
    kind: SourceKind
    policy_year: Year | None = None
    covers: Text = Field(description="What the document covers, in our words.")
    url: WebUrl | None = Field(default=None, description="Original address, where a document states it "
                               "(http or https; see policy_model.addresses).")
    file: Annotated[str, StringConstraints(pattern=r"^[\w.\-]+\.txt$")]
    published: Day | None = None


class NamedFact(Sourced):
    name: Text


class Insurer(Strict):
    id: Id
    name: Text
    short_name: Text
    entities: list[NamedFact] = Field(
        default_factory=list, description="Legal entities or labels the documents name."
    )
    website: Text | None = None


class ProgrammeVariant(Sourced):
    name: Text
    owner: Text | None = None


class ProgrammeFact(Sourced):
    topic: ProgrammeFactTopic
    text: Text


class Programme(Strict):
    id: Id
    name: Text
    abbreviation: Text | None = None
    aliases: list[Text] = Field(default_factory=list)
    owners: list[NamedFact] = Field(default_factory=list)
    variants: list[ProgrammeVariant] = Field(default_factory=list)
    facts: list[ProgrammeFact] = Field(default_factory=list)
    source: Source


class RegistryFact(Sourced):
    text: Text


class Registry(Strict):
    id: Id
    name: Text
    abbreviation: Text | None = None
    kind: RegistryKind
    # No backgrounds here: whom a register is for is what a policy says (PolicyRegistry.backgrounds,
    # with its source), not what its name suggests (audit F #9).
    aliases: list[Text] = Field(default_factory=list)
    generic: bool = Field(
        default=False,
        description="A register the documents describe but do not name (\"het kwaliteitsregister van de eigen "
        "beroepsgroep\"): whether a named register counts as it cannot be settled from the data.",
    )
    facts: list[RegistryFact] = Field(default_factory=list)
    source: Source


class GlossaryTerm(Strict):
    id: Id
    term: Text
    expansion: Text | None = None
    explanation: Text = Field(description="One line in our own words.")
    aliases: list[Text] = Field(default_factory=list)
    source: Source | None = None


# --------------------------------------------------------------------------- policy


#: The largest amount each unit can sensibly hold (every amount is also at least 0): a
#: value beyond it is a typo, and an infinite one broke three pages and the export.
UNIT_MAXIMUM: dict[str, float] = {
    "days": 3660, "working_days": 2600, "weeks": 520, "years": 100, "count": 10_000_000, "per_year": 366,
    "participants": 100_000, "age": 120, "score": 1000, "ggr_level": 2, "percent": 100,
}


class Value(Strict):
    """A structured value of a requirement: a number with a unit."""

    amount: Finite = Field(ge=0)
    unit: ValueUnit
    comparison: str = Field(default="min", pattern=r"^(min|max|exact)$")

    @model_validator(mode="after")
    def _amount_fits_unit(self) -> Value:
        maximum = UNIT_MAXIMUM[self.unit]
        if self.amount > maximum:
            raise ValueError(f"amount {self.amount:g} is more than {maximum:,g} {self.unit}; check the number")
        return self


_ROLES_STATED_HELP = (
    "False where the document does not say for whom (CZ 2027 §3.1's 'geen minimumeis meer' names no "
    "contractant): `roles` then lists the contract forms it may concern, and every page and export says that the "
    "document names none."
)


class PolicyProgramme(Sourced):
    programme: Id
    status: ProgrammeStatus
    variants: list[Text] = Field(default_factory=list)
    note: Text | None = None


class PolicyRegistry(Sourced):
    registry: Id
    use: RegistryUse
    roles: list[Role] = Field(min_length=1)
    roles_stated: bool = Field(default=True, description=_ROLES_STATED_HELP)
    backgrounds: list[Background] = Field(default_factory=list)
    new_providers_only: bool = Field(
        default=False, description="Only for a new provider (no contract with the insurer in the year before): CZ "
        "2027 §3.3.4 names VECOZO only for a new provider's questionnaire.",
    )
    note: Text | None = None


class RouteForm(Sourced):
    """One way an organisation fits a contract route, in the document's words: what it must be or do.

    The quote is the document's definition, name or example of the form. ``kind`` says which
    (vocab ``ROUTE_FORM_KIND_LABELS``): a form named by example or in an open list, or one the
    document says it "can in some cases" be, only ever makes the route possible, never certain.
    """

    functions: list[OrgFunction] = Field(
        default_factory=list,
        description="All must hold. Empty: any provider (the text speaks of 'zorgaanbieders' in general).",
    )
    kind: RouteFormKind


class ContractRoute(Sourced):
    route: RouteKind
    preference: int | None = Field(default=None, ge=1, le=9)
    description: Text
    conditions: Text | None = None
    in_region: bool | None = Field(
        default=None, description="True: only in the insurer's own region; False: only outside."
    )
    available: Availability = "yes"
    forms: list[RouteForm] = Field(
        default_factory=list,
        description="What an organisation must be or do to use this route (any one form suffices); "
        "empty: the route's own kind decides (vocab ROUTE_ROLE).",
    )


_EXISTING_HELP = (
    "Only for providers that had a contract with the insurer in the year before the policy year: their running "
    "contract, the offer made to them and its signing date (CZ 2027 2.4/4.1, VGZ 2024 'Zorgaanbieders die voor "
    "2023 een zorgovereenkomst met ons hebben ... ontvangen voor 2024-2025 een aanbod'). The wizard does not show "
    "it to a new provider."
)


class ContractPeriod(Sourced):
    route: RouteKind
    label: Text
    start: Day | None = None
    end: Day | None = None
    duration_text: Text
    duration_years: Finite | None = Field(default=None, gt=0, le=100)
    maximum: bool = False
    new_providers_only: bool = Field(
        default=False, description="Only for a new provider (no contract with the insurer in the year before), "
        "as Application.new_providers_only: CZ 2027 3.3.4 'Een overeenkomst gaat in op de eerste dag van de maand "
        "na het accorderen van de inschrijving'.",
    )
    existing_contractants_only: bool = Field(default=False, description=_EXISTING_HELP)

    @model_validator(mode="after")
    def _end_after_start(self) -> ContractPeriod:
        if self.start and self.end and self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        if self.new_providers_only and self.existing_contractants_only:
            raise ValueError("new_providers_only and existing_contractants_only exclude each other")
        return self


class TariffRule(Sourced):
    kind: TariffKind
    available: Availability
    text: Text


class Application(Sourced):
    routes: list[RouteKind] = Field(min_length=1)
    channel: Channel
    address: ContactAddress | None = None
    window: ApplicationWindow
    text: Text
    new_providers_only: bool = False


class Contact(Sourced):
    channel: Channel
    address: ContactAddress
    purpose: Text
    answer_time_text: Text | None = None
    answer_working_days: int | None = Field(default=None, ge=0, le=365)
    hours: Text | None = None


class TimelineItem(Sourced):
    kind: TimelineKind
    activity: Text
    date: Day | None = None
    date_end: Day | None = None
    date_text: Text
    routes: list[RouteKind] = Field(default_factory=list)
    channel: Channel | None = None
    actor: TimelineActor | None = Field(
        default=None, description="Who acts on the date; default from the kind (vocab TIMELINE_ACTORS).",
    )
    lineage: Id | None = Field(
        default=None,
        description="Work identity across one insurer's records: the same value in another year's record is "
        "the same announced activity (for undated items and kinds 'other' and 'policy_updates').",
    )
    existing_contractants_only: bool = Field(default=False, description=_EXISTING_HELP)

    @model_validator(mode="after")
    def _end_after_start(self) -> TimelineItem:
        if self.date and self.date_end and self.date_end < self.date:
            raise ValueError(f"date_end {self.date_end} is before date {self.date}")
        return self


_LINEAGE_HELP = (
    "Work identity across one insurer's records (as a provision keeps its work id across versions): the "
    "statement of another year with the same identity continues this one. Defaults to the id."
)


class Listing(Sourced):
    """Whether a list a requirement names (registers, programmes) is complete or given by example.

    Decided from the document's wording, quoted: "bijv.", "zoals", "onder andere", "of een
    vergelijkbaar ... register" leave it open (vocab ``OPEN_LIST_WORDINGS``). What is not on an
    open list is to be checked, never "not met".
    """

    open: bool


class RequirementException(Sourced):
    """An exception the document itself makes to a requirement, quoted (VGZ 2024 bijlage 2, RHO
    requirement 4: "Voor RHO's die in 2023 gecontracteerd zijn als RHO en niet aan deze voorwaarde
    voldoen, kan een uitzondering gemaakt worden"). Whom it is for, in our own words, is ``text``.

    A requirement with an exception is never "niet voldaan" for a provider it may be for: the wizard
    reads a failed value as to check and names the exception with its source."""

    text: Text = Field(
        description="Whom the exception is for, as a clause after 'uitzondering mogelijk' (\"voor RHO's die in "
        "2023 als RHO bij VGZ gecontracteerd waren\").",
    )
    prior_year_contract: bool = Field(
        default=False,
        description="Only for providers the insurer contracted in the year before the policy year: the wizard "
        "names what the profile says about that contract.",
    )


class JudgedBy(Sourced):
    """Who judges a participant criterion, in the document's words (ZZ 2024 §5.1, digital GLI:
    "Het medisch team van de interventie-eigenaar beoordeelt of een deelnemer voldoet aan de
    inclusiecriteria"). The wizard says so to a referrer instead of reading the criterion as one
    the referrer judges; where a record names no one, the wizard does not say who judges."""

    text: Text = Field(
        description="Who judges, as the subject of 'beoordeelt dit' (\"het medisch team van de "
        "interventie-eigenaar\"); 'de verwijzer' where the document names the referrer.",
    )
    referrer: bool = Field(
        default=False,
        description="True where the one the document names is the referrer (\"De verwijzer moet ... inschatten\").",
    )


class Requirement(Sourced):
    id: Id
    kind: RequirementKind = Field(
        default="provider",
        description="provider: what a provider must do or be; participant: who may take part (age, GGR, "
        "motivation, referral, repeat rules). Each is compared only with its own kind.",
    )
    lineage: Id | None = Field(default=None, description=_LINEAGE_HELP)
    topic: Topic
    roles: list[Role] = Field(min_length=1)
    roles_stated: bool = Field(default=True, description=_ROLES_STATED_HELP)
    backgrounds: list[Background] = Field(
        default_factory=list, description="Empty: applies to every background."
    )
    scopes: list[Scope] = Field(
        default_factory=list, description="Empty: applies whatever the scope of the provider."
    )
    text: Text
    value: Value | None = None
    condition: Value | None = Field(
        default=None,
        description="A second structured condition that goes with the value (the 16+ exception also needs a GGR level).",
    )
    age_group: AgeGroup | None = Field(
        default=None,
        description="The age group a participant criterion names in words without an age (\"volwassenen\"); "
        "a `value` in years only where the document states the age.",
    )
    force: Force = Field(
        description="How binding it is, from the document's own words and section (data/README.md)."
    )
    registries: list[Id] = Field(
        default_factory=list, description="Registries it names (that satisfy it, for quality_register)."
    )
    programmes: list[Id] = Field(default_factory=list, description="Programmes it names.")
    routes: list[RouteKind] = Field(default_factory=list, description="Contract routes it names.")
    new_providers_only: bool = False
    listing: Listing | None = Field(
        default=None, description="Whether the list of registries/programmes it names is open or closed.",
    )
    in_region: bool | None = Field(
        default=None, description="True: the provider must work in the insurer's own (preferent) region.",
    )
    also_asks: Text | None = Field(
        default=None,
        description="What it asks beyond the plain fact the wizard's profile answers (an AGB code linked to the "
        "samenwerkingsverband, not only an AGB code), as a clause after 'Het beleid vraagt ook': the wizard then "
        "reads a 'yes' as to check, not as met.",
    )
    exception: RequirementException | None = Field(
        default=None,
        description="An exception the document makes to it ('kan een uitzondering gemaakt worden'), with its own "
        "source: the wizard never reads it as 'niet voldaan' for a provider the exception may be for.",
    )
    coach_text: Text | None = Field(
        default=None,
        description="What a requirement on a contractant's subcontractors means for the subcontractor coach, in our "
        "own words (CZ 2027 §3.3.1 'ziet erop toe dat de aangesloten onderaannemers ... beschikken over een geldige "
        "licentie': 'Uw RHO of samenwerkingsverband moet erop toezien dat u ...'); with `coach` in roles and the "
        "routes it holds under. The wizard shows it to a coach instead of `text`, and asks the coach nothing of "
        "`also_asks`, which is addressed to the contractant.",
    )
    judged_by: JudgedBy | None = Field(
        default=None,
        description="Who judges a participant criterion, where the document says (a medical team, the referrer), "
        "with its source: the wizard names them to the referrer.",
    )
    unsaid_routes: list[RouteKind] = Field(
        default_factory=list,
        description="Route kinds its contractant may also hold for which the document does not say whether it "
        "holds (CZ 2027 §3.3.2 'Minimumeisen voor een individuele contractant' and the run-off agreement, which §2.4 "
        "lists apart): under those the wizard says so and reads it as to check, never as 'niet voldaan'.",
    )

    @model_validator(mode="after")
    def _unsaid_routes_are_not_its_routes(self) -> Requirement:
        if set(self.unsaid_routes) & set(self.routes):
            raise ValueError("a route is in routes (it holds there) or in unsaid_routes (the document does not say), "
                             "not both")
        return self

    @model_validator(mode="after")
    def _age_group_is_a_participant_criterion_without_an_age(self) -> Requirement:
        if self.age_group is None:
            return self
        if self.kind != "participant":
            raise ValueError("age_group is for a participant criterion (kind: participant): who may take part")
        if self.value is not None and self.value.unit == "age":
            raise ValueError("age_group is for an age group the document names without an age; with an age, "
                             "give only the value")
        return self

    @property
    def identity(self) -> str:
        return self.lineage or self.id


class Provision(Sourced):
    """An insurer-side rule or statement that binds GLI contracts but is not an obligation
    of the provider (volgbeleid, zorgplicht, no retroactive contracts, ...). A request or
    expectation addressed to providers is a :class:`Requirement` with force ``expectation``."""

    id: Id
    lineage: Id | None = Field(default=None, description=_LINEAGE_HELP)
    topic: Topic
    text: Text

    @property
    def identity(self) -> str:
        return self.lineage or self.id


class Change(Sourced):
    id: Id
    topic: Topic
    kind: ChangeKind
    text: Text
    against_year: Year
    # What the change concerns, item by item: a comparison flags exactly these as "in de
    # wijzigingenlijst" and shows the change once, with these as its evidence.
    programmes: list[Id] = Field(default_factory=list, description="Programmes the change is about.")
    registries: list[Id] = Field(default_factory=list, description="Registries the change is about.")
    routes: list[RouteKind] = Field(default_factory=list, description="Contract routes (whom it contracts) the change is about.")
    periods: list[RouteKind] = Field(default_factory=list, description="Contract periods (per route) the change is about.")
    applications: list[RouteKind] = Field(default_factory=list, description="How to apply (per route) the change is about.")
    tariffs: list[TariffKind] = Field(default_factory=list, description="Tariff rules the change is about.")
    statements: list[Id] = Field(
        default_factory=list,
        description="Identities (lineage or id) of the requirements, provisions and timeline items it is about.",
    )


class OpenItem(Sourced):
    """Something the document explicitly leaves open."""

    id: Id
    topic: Topic
    text: Text


class CoverageEntry(Strict):
    """How far the document settles one subject, optionally for some roles, topics or routes.

    ``full``: the document gives the complete set (for requirements: its conditions, the
    minimum requirements and exclusion grounds): what it does not list, it does not have.
    ``general``: it speaks of the subject only in general terms (a vision, a summary): what
    it says is not the rule in full and its silence says nothing. ``deferred``: not here, and
    ``source`` quotes what the document says instead; ``points_to`` says which of three that is:
    another text ("U vindt deze minimumeisen in paragraaf 2.4"), elsewhere in this document, or
    still to come ("publiceren wij hiervoor aanvullend beleid").
    """

    subject: CoverageSubject
    level: CoverageLevel
    roles: list[Role] = Field(default_factory=list, description="Only for these roles; empty: every role.")
    topics: list[Topic] = Field(
        default_factory=list, description="Requirements, participants, provisions: only these topics; empty: all."
    )
    routes: list[RouteKind] = Field(
        default_factory=list, description="Routes, periods, applications: only these route kinds; empty: all."
    )
    source: Source | None = Field(default=None, description="The passage that says so; required for deferred.")
    points_to: DeferralKind | None = Field(
        default=None, description="Deferred only: other_text, this_text (outside the list compared) or later."
    )
    own_list: bool = Field(
        default=False,
        description="Deferred only: the document also sets out a list of its own here and points elsewhere for "
        "the rest (ZZ 2024 5.1 'Vanuit GLI gelden de volgende aanvullende ... eisen'): what it states settles its "
        "subject, its silence does not.",
    )
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> CoverageEntry:
        if self.level == "deferred" and self.source is None:
            raise ValueError("a deferred subject needs the source that says where the rules are")
        if (self.level == "deferred") != (self.points_to is not None):
            raise ValueError("points_to (other_text, this_text or later) belongs to a deferred subject, and only to one")
        if self.own_list and self.level != "deferred":
            raise ValueError("own_list belongs to a deferred subject: a full or general one says what it states")
        if self.topics and self.subject not in TOPIC_SUBJECTS:
            raise ValueError(f"topics narrow only {', '.join(sorted(TOPIC_SUBJECTS))}, not {self.subject}")
        if self.routes and self.subject not in ROUTE_SUBJECTS:
            raise ValueError(f"routes narrow only {', '.join(sorted(ROUTE_SUBJECTS))}, not {self.subject}")
        return self

    def applies(self, subject: str, role: str | None, topic: str | None, route: str | None) -> bool:
        """Whether this entry speaks for the question; a question without role (topic,
        route) is about the subject as a whole and is answered only by an entry for all."""
        return (
            self.subject == subject
            and (not self.roles if role is None else not self.roles or role in self.roles)
            and (not self.topics if topic is None else not self.topics or topic in self.topics)
            and (not self.routes if route is None else not self.routes or route in self.routes)
        )

    @property
    def specificity(self) -> int:
        return bool(self.roles) + bool(self.topics) + bool(self.routes)


class Coverage(Strict):
    """Which subjects the record's document settles, and how far, so that silence reads as
    silence. This is the one notion of "addressed": comparisons, the views and the wizard
    all ask :meth:`level` (through :meth:`Policy.coverage_level` / :meth:`Policy.addresses`).

    A subject without an entry is one the document does not address as a whole: its
    absence means "not mentioned", and a statement it does make stands on its own.
    """

    scope: list[CoverageEntry] = Field(default_factory=list)
    note: Text | None = Field(default=None, description="Why, in a sentence: what the document does and does not cover.")

    def entry(self, subject: str, *, role: str | None = None, topic: str | None = None,
              route: str | None = None) -> CoverageEntry | None:
        """The most specific entry that answers the question (the first of equals)."""
        found = [e for e in self.scope if e.applies(subject, role, topic, route)]
        return max(found, key=lambda e: e.specificity) if found else None

    def level(self, subject: str, *, role: str | None = None, topic: str | None = None,
              route: str | None = None) -> str | None:
        """``full``, ``general``, ``deferred`` or None (not addressed)."""
        entry = self.entry(subject, role=role, topic=topic, route=route)
        return entry.level if entry else None


class Policy(Strict):
    insurer: Id
    year: Year
    document_kind: DocumentKind = Field(
        description="full_policy, summary_page (a short web page that summarises) or derived (from a later document)."
    )
    coverage: Coverage
    partial: bool = False
    draft: bool = Field(
        default=False,
        description="Carried forward, not yet reviewed ('concept'): left out of the app, exports, assessments "
                    "and comparisons unless asked for (GLI_SHOW_DRAFTS=1, --include-drafts).",
    )
    derived_note: Text | None = Field(
        default=None, description="For partial records: from which statements it is derived."
    )
    documents: list[Id] = Field(min_length=1)
    title: Text
    summary: Text
    programmes: list[PolicyProgramme] = Field(default_factory=list)
    registries: list[PolicyRegistry] = Field(default_factory=list)
    contract_routes: list[ContractRoute] = Field(default_factory=list)
    contract_periods: list[ContractPeriod] = Field(default_factory=list)
    tariffs: list[TariffRule] = Field(default_factory=list)
    applications: list[Application] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    timeline: list[TimelineItem] = Field(default_factory=list)
    requirements: list[Requirement] = Field(default_factory=list)
    provisions: list[Provision] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    open_items: list[OpenItem] = Field(default_factory=list)

    @model_validator(mode="after")
    def _partial_is_explained(self) -> Policy:
        if self.partial and not self.derived_note:
            raise ValueError("a partial policy needs a derived_note saying where it comes from")
        if self.partial != (self.document_kind == "derived"):
            raise ValueError("partial: true goes with document_kind: derived, and only with it")
        return self

    @model_validator(mode="after")
    def _review_marks_only_on_drafts(self) -> Policy:
        # A review mark means "not yet checked": such a record is a draft, and must say so,
        # so that every reader (app, export, assess, diff) leaves it out the same way.
        if not self.draft:
            if any(src.review is not None for _, src in iter_instances(self, Source)):
                raise ValueError("a record with review marks (source.review) is a draft: set draft: true, "
                                 "or handle every mark and delete it")
        return self

    def offered_routes(self) -> list[ContractRoute]:
        """The contract forms the document offers: not closed, and not a run-off or volgbeleid."""
        return [r for r in self.contract_routes if r.available != "no" and r.route not in SPECIAL_ROUTES]

    def coverage_level(self, subject: str, *, role: str | None = None, topic: str | None = None,
                       route: str | None = None) -> str | None:
        """How far the document settles ``subject`` (see :class:`Coverage`)."""
        return self.coverage.level(subject, role=role, topic=topic, route=route)

    def addresses(self, subject: str, *, role: str | None = None, topic: str | None = None,
                  route: str | None = None) -> bool:
        """Whether the document settles ``subject`` in full (for the role, topic, route asked;
        without one, for the subject as a whole)."""
        return self.coverage_level(subject, role=role, topic=topic, route=route) == "full"

    @property
    def key(self) -> str:
        return f"{self.insurer}-{self.year}"


# --------------------------------------------------------------------------- guidance


class GuidanceNote(Sourced):
    text: Text


class GuidanceTask(Sourced):
    number: int = Field(ge=1, le=99)
    title: Text
    why: Text
    experiences: list[GuidanceNote] = Field(default_factory=list)
    related_topics: list[Topic] = Field(
        default_factory=list, description="Policy topics this task touches (cross-references)."
    )


class GuidanceTheme(Sourced):
    id: Id
    name: Text
    tasks: list[GuidanceTask] = Field(default_factory=list)


class OrganisationForm(Sourced):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
    name: Text
    contracting_party: Text
    tasks: Text
    overhead_financing: Text
    notes: list[GuidanceNote] = Field(default_factory=list)


class FinancingExample(Sourced):
    id: Id
    mechanism: Annotated[str, StringConstraints(pattern=r"^(tariff_withholding|oi_funds|max_max|municipality|other)$")]
    text: Text
    percentage_min: Finite | None = Field(default=None, ge=0, le=100)
    percentage_max: Finite | None = Field(default=None, ge=0, le=100)
    related_tariff: TariffKind | None = None
    covers_overhead: bool = Field(
        default=True,
        description="False where the handreiking names the example beside the overhead ways but not as one "
        "(an insurer withholding 10% of the NZa fee): it is no bar in the overhead chart.",
    )


class SystemEntry(Sourced):
    name: Text
    kind: Annotated[str, StringConstraints(pattern=r"^(referral|declaration|both|other)$")]
    text: Text


class Stakeholder(Sourced):
    name: Text
    level: Annotated[str, StringConstraints(pattern=r"^(national|regional|local)$")]
    role: Text


class ChecklistItem(Sourced):
    id: Id
    group: Text
    question: Text


class Checklist(Sourced):
    title: Text
    answer_options: list[Text] = Field(min_length=2)
    items: list[ChecklistItem] = Field(min_length=1)
    grouping_note: Text | None = Field(
        default=None, description="How far the items' groups are the document's own (its source names the parts)."
    )


class Guidance(Strict):
    document: Id
    title: Text
    period: Text
    summary: Text
    themes: list[GuidanceTheme] = Field(min_length=1)
    organisation_forms: list[OrganisationForm] = Field(default_factory=list)
    financing_examples: list[FinancingExample] = Field(default_factory=list)
    systems: list[SystemEntry] = Field(default_factory=list)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    stakeholder_levels: GuidanceNote | None = Field(
        default=None, description="Which levels the document itself gives its stakeholders, and which are ours."
    )
    checklist: Checklist
    facts: list[GuidanceNote] = Field(
        default_factory=list, description="Other GLI-relevant statements of the handreiking."
    )


# --------------------------------------------------------------------------- files


class SourcesFile(Strict):
    sources: list[SourceDocument] = Field(min_length=1)


class InsurersFile(Strict):
    insurers: list[Insurer] = Field(min_length=1)


class ProgrammesFile(Strict):
    programmes: list[Programme] = Field(min_length=1)


class RegistriesFile(Strict):
    registries: list[Registry] = Field(min_length=1)


class GlossaryFile(Strict):
    glossary: list[GlossaryTerm] = Field(min_length=1)


class GuidanceFile(Strict):
    guidance: Guidance
