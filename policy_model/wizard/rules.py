"""The rules of "wat geldt voor mij?": a profile in, an assessment per insurer out.

The rules read the structured policy data only (routes and their preference, region and
follow rules, requirement topics, forces and values, registries, programmes, coverage,
timeline), so a new policy year with the same topics needs no code change. Where the
profile does not settle a requirement it is ``to_check``; where the policy is silent the
answer says so ("niet vastgelegd in het beleid") and points to the insurer's contact — it
never guesses. Only a minimum requirement or an exclusion ground (``GATING_FORCES``) can
be "niet voldaan"; obligations and expectations are listed, never unmet.

One run covers every insurer: the record for the chosen year, or, where an insurer has
none, its newest record as a clearly marked hint (``Assessment.hint``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict

from policy_model.catalogue import Catalogue
from policy_model.describe import applies_to_role, value_text
from policy_model.schema import ContractPeriod, ContractRoute, Policy, Requirement, Source
from policy_model.vocab import (
    APPLICATION_WINDOW_LABELS,
    BACKGROUND_LABELS,
    CHANNEL_LABELS,
    FORCE_LABELS,
    GATING_FORCES,
    NOT_STATED_LABEL,
    PROGRAMME_STATUS_LABELS,
    ROUTE_LABELS,
    ROUTE_ROLE,
    TOPIC_LABELS,
)
from policy_model.wizard.profile import GGR_LEVEL, Profile, fold

Verdict = Literal["eligible", "subcontractor_only", "not_eligible", "conditional"]
Status = Literal["met", "unmet", "to_check"]
Group = Literal["unmet", "to_check", "met", "obligation", "expectation"]
When = Literal["past", "today", "upcoming", "open"]
VERDICT_LABELS = {
    "eligible": "U kunt rechtstreeks contracteren",
    "subcontractor_only": "Alleen via een RHO of samenwerkingsverband (als onderaannemer)",
    "not_eligible": "Komt niet in aanmerking",
    "conditional": "Hangt af van iets wat nog niet bekend is",
}
REFERRER_VERDICT_LABELS = {
    "eligible": "De deelnemer komt in aanmerking",
    "not_eligible": "De deelnemer komt niet in aanmerking",
    "conditional": "Nog na te gaan",
    "subcontractor_only": "",
}
STATUS_LABELS = {"met": "Voldaan", "unmet": "Niet voldaan", "to_check": "Na te gaan"}
#: The checklist in order of weight: what blocks a contract first, expectations last.
GROUP_ORDER: tuple[str, ...] = ("unmet", "to_check", "met", "obligation", "expectation")
GROUP_LABELS = {
    "unmet": "Niet voldaan (minimumeis of uitsluitingsgrond)",
    "to_check": "Na te gaan (minimumeis of uitsluitingsgrond)",
    "met": "Voldaan",
    "obligation": "Verplichtingen tijdens de overeenkomst",
    "expectation": "Verwachtingen van de verzekeraar",
}
WHEN_LABELS = {"past": "verstreken", "today": "vandaag", "upcoming": "nog mogelijk", "open": "nu mogelijk"}
NOT_SETTLED = "niet vastgelegd in het beleid"
#: Timeline items a provider acts on (the others are information: publications, tariffs).
ACTION_KINDS = frozenset({"objection_deadline", "plan_submission", "negotiation", "offer", "questions",
                          "signing_deadline", "agreement_deadline", "application", "administration"})
#: The contracting roles as nouns in a sentence ("... sluit geen overeenkomst met een ...").
ROLE_NOUNS = {"individual_coach": "individuele leefstijlcoach", "coach_network": "samenwerkingsverband van leefstijlcoaches",
              "rho": "RHO", "msv": "multidisciplinair samenwerkingsverband of zorggroep", "referrer": "verwijzer"}
#: Organisational routes a coach can work under as subcontractor.
UMBRELLA_ROUTES = ("rho", "coach_network", "msv", "zorggroep")
#: Routes that are no contract form of their own: a run-off contract, following another insurer.
SPECIAL_ROUTES = ("runoff", "follow")


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


class RouteOption(_Out):
    route: str
    label: str
    preference: int | None
    conditions: str | None
    periods: list[str]
    source: Source


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
    date_text: str
    activity: str
    when: When
    days: int  # from today; negative when past
    source: Source


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
    routes: list[RouteOption]
    checklist: list[CheckItem]
    groups: dict[str, int]
    programmes: list[ProgrammeCheck]
    registries: list[RegistryCheck]
    deadlines: list[Deadline]
    actions: list[Action]
    apply: list[HowToApply]
    contacts: list[Contact]

    def matrix_label(self) -> str:
        """The verdict for a table cell, with the hint marked."""
        concept = " (concept)" if self.draft else ""
        if self.hint:
            return f"{self.verdict_label} (hint: geen beleid {self.requested_year}, beleid {self.year}{concept})"
        return self.verdict_label + concept


# --------------------------------------------------------------------------- decisions


@dataclass
class Decision:
    """The verdict as it is built up: reasons, the deciding question, what would change it."""

    verdict: Verdict
    reasons: list[str] = field(default_factory=list)
    routes: list[ContractRoute] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    question: str | None = None
    change: str | None = None  # not eligible: what would change it
    join: list[str] = field(default_factory=list)  # subcontractor: organisation forms to join


@dataclass
class Ctx:
    policy: Policy
    profile: Profile
    catalogue: Catalogue
    today: dt.date
    name: str  # the insurer's short name
    ask: str  # "vraag het na bij CZ groep: zorginkoop.gli@cz.nl"


def _labels(routes: list[ContractRoute]) -> str:
    names = list(dict.fromkeys(ROUTE_LABELS[r.route] for r in routes))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " of " + names[-1]


def _region_applies(route: ContractRoute, region: str) -> bool | None:
    """True/False when the insurer's own-region condition is settled, None when unknown."""
    if route.in_region is None:
        return True
    if region == "unknown":
        return None
    return route.in_region == (region == "yes")


def _route_decision(ctx: Ctx) -> Decision:
    policy, profile, name = ctx.policy, ctx.profile, ctx.name
    role = profile.role
    if not policy.contract_routes:
        return Decision("conditional", [f"Het beleid beschrijft geen contracteerroutes ({NOT_SETTLED})."],
                        question=f"Welke contractvormen koopt {name} in? {ctx.ask}")
    region = profile.region_for(policy.insurer)
    role_routes = [r for r in policy.contract_routes if ROUTE_ROLE[r.route] == role and r.route not in SPECIAL_ROUTES]
    follows = [r for r in policy.contract_routes
               if r.route == "follow" and r.available != "no" and ROUTE_ROLE[r.route] == role]
    umbrellas = [r for r in policy.contract_routes if r.route in UMBRELLA_ROUTES and r.available != "no"]
    offered = [r for r in policy.contract_routes if r.available != "no" and r.route != "runoff"]
    role_label = ROLE_NOUNS[role]

    if not role_routes:
        if follows:
            return _follow_decision(ctx, follows, region, not_offered=True)
        if not policy.addresses("routes"):
            # A record that does not state its routes in full (a derived year): a route it
            # does not mention is unknown, not absent.
            kind = "afgeleide " if policy.partial else ""
            return Decision("conditional", [f"Het {kind}beleid van dit jaar noemt deze contractvorm niet ({NOT_SETTLED})."],
                            question=f"Contracteert {name} een {role_label}? {ctx.ask}")
        return _not_offered(ctx, None, umbrellas, offered)

    open_routes = [r for r in role_routes if r.available != "no"]
    if not open_routes:
        return _not_offered(ctx, role_routes[0], umbrellas, offered)

    applicable, unknown_region = [], []
    for route in open_routes:
        applies = _region_applies(route, region)
        if applies is None:
            unknown_region.append(route)
        elif applies:
            applicable.append(route)
    follows_here = [f for f in follows if _region_applies(f, region) is not False and f.in_region is not None]
    if region == "no" and follows_here:
        # Outside its own region the insurer follows the preferent insurer (volgbeleid):
        # that rule decides for every form the policy does not tie to its region.
        return _follow_decision(ctx, follows_here, region, not_offered=False)
    if region == "unknown" and (unknown_region or follows_here):
        inside = [r for r in open_routes if r.in_region is not False]
        outside = f". {follows_here[0].description}" if follows_here else ("" if applicable else "; daarbuiten niet")
        d = Decision("conditional", [
            f"Het hangt ervan af of u in de eigen regio van {name} werkt: daar contracteert {name} {_labels(inside)}{outside}"],
            routes=unknown_region + applicable + follows_here,
            sources=[r.source for r in unknown_region + follows_here])
        d.question = f"Werkt u in de eigen (kern)regio van {name}? {ctx.ask}"
        return d
    if not applicable:
        return Decision("not_eligible", [f"Deze route geldt bij {name} niet voor uw regio: {_labels(open_routes)} "
                                         f"alleen {'binnen' if open_routes[0].in_region else 'buiten'} de eigen regio."],
                        sources=[r.source for r in open_routes],
                        change=f"Alleen als u {'binnen' if open_routes[0].in_region else 'buiten'} de eigen regio van {name} werkt.")

    # Preference: a route ranked below the RHO / samenwerkingsverband routes is only open
    # where those are not contracted in the region.
    best = min((r.preference for r in applicable if r.preference), default=None)
    higher = [
        r for r in policy.contract_routes
        if r.available != "no" and r.preference and best and r.preference < best and r.route in UMBRELLA_ROUTES
    ]
    if not higher:
        return Decision("eligible", [], routes=applicable)
    answers = {r.route: (profile.region_has_rho if r.route == "rho" else profile.region_has_network) for r in higher}
    present = [r for r in higher if answers[r.route] == "yes"]
    names = _labels(higher)
    runoff = next((r for r in policy.contract_routes if r.route == "runoff" and r.available != "no"), None)
    conditions = next((r.conditions for r in applicable if r.conditions), None)
    if present:
        here = _labels(present)
        if role == "individual_coach":
            d = Decision("subcontractor_only", [
                f"In uw regio is een {here} gecontracteerd; die heeft bij {name} de voorkeur. "
                "U levert de GLI dan als onderaannemer."], routes=[], sources=[r.source for r in present],
                join=[ROUTE_LABELS[r.route] for r in present])
            _runoff(ctx, d, runoff, certain=True)
            return d
        return Decision("not_eligible", [
            f"In uw regio is een {here} gecontracteerd; {name} contracteert een {role_label} alleen waar die er niet is"
            + (f": {_lower_first(conditions.split('. ')[0].rstrip('.'))}." if conditions else ".")],
            sources=[r.source for r in applicable] + [r.source for r in present],
            change=f"Uw leefstijlcoaches kunnen de GLI wel leveren als onderaannemer van de {here}; "
                   f"een eigen overeenkomst kan alleen in een regio zonder {here}.")
    if "unknown" in answers.values():
        d = Decision("conditional", [f"Dit kan alleen als er in uw regio geen {names} is gecontracteerd; dat weet u nog niet."],
                     routes=applicable, sources=[r.source for r in applicable])
        d.question = f"Heeft {name} in uw regio een {names} gecontracteerd? {_where_to_find(ctx)}"
        if role == "individual_coach":
            _runoff(ctx, d, runoff, certain=False)
        return d
    return Decision("eligible", [f"Er is in uw regio geen {names} gecontracteerd, dus deze route staat open."],
                    routes=applicable)


def _where_to_find(ctx: Ctx) -> str:
    """Where the contracted organisations in a region are listed (the insurer's zorgvinder), else whom to ask."""
    listing = next((c for c in ctx.policy.contacts if "gecontracteerde" in fold(c.purpose)), None)
    if listing:
        return f"U vindt ze op {listing.address}; of {_lower_first(ctx.ask)}"
    published = next((t for t in ctx.policy.timeline if t.kind == "publication_contracted"), None)
    if published:
        return f"{published.activity} Of {_lower_first(ctx.ask)}"
    return ctx.ask


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _runoff(ctx: Ctx, d: Decision, runoff: ContractRoute | None, certain: bool) -> None:
    """A coach who had a contract gets a run-off contract where an umbrella is contracted (CZ 2027 2.2)."""
    if runoff is None:
        return
    had = ctx.profile.had_contract_with(ctx.policy.insurer)
    periods = _period_texts(ctx.policy, "runoff")
    period = f" Looptijd: {periods[0]}." if periods else ""
    text = (f"{runoff.description}" + (f" {runoff.conditions}" if runoff.conditions else "") + period)
    if had is True:
        lead = f"U had een overeenkomst met {ctx.name}: u krijgt geen nieuwe overeenkomst maar een uitloopovereenkomst. " \
            if certain else f"U had een overeenkomst met {ctx.name}; is er een RHO of samenwerkingsverband in uw regio, " \
                            "dan krijgt u een uitloopovereenkomst. "
        d.reasons.append(lead + text)
        d.routes.append(runoff)
        d.sources.append(runoff.source)
    elif had is None and certain:
        d.reasons.append(f"Had u al een overeenkomst met {ctx.name}? Dan krijgt u een uitloopovereenkomst: {text}")
        d.routes.append(runoff)


def _not_offered(ctx: Ctx, closed: ContractRoute | None, umbrellas: list[ContractRoute],
                 offered: list[ContractRoute]) -> Decision:
    """A contract form the policy does not offer: closed, or absent from a full list of routes."""
    policy, profile, name = ctx.policy, ctx.profile, ctx.name
    role_label = ROLE_NOUNS[profile.role]
    if closed is not None and not policy.addresses("routes"):
        reasons = [f"Het beleid sluit deze route uit: {closed.description}"]
        sources = [closed.source]
    else:
        listed = [r for r in offered if r.route != "follow"] or offered
        sections = "; ".join(dict.fromkeys(f"§ {r.source.section}" for r in listed))
        reasons = [f"{name} sluit geen overeenkomst met een {role_label}: het beleid noemt alleen "
                   f"{_labels(listed)}" + (f" ({sections})." if listed else ".")]
        sources = ([closed.source] if closed else []) + [r.source for r in listed]
        if closed is not None and profile.had_contract_with(policy.insurer):
            reasons.append(f"U had een overeenkomst met {name}: {closed.description}")
    if profile.role == "individual_coach" and umbrellas:
        return Decision("subcontractor_only", reasons, sources=sources,
                        join=list(dict.fromkeys(ROUTE_LABELS[r.route] for r in umbrellas)))
    change = (f"{name} contracteert alleen {_labels(umbrellas)}; als uw organisatie (ook) zo'n verband is, "
              "kies dan die rol. Anders kunnen uw leefstijlcoaches als onderaannemer van zo'n verband werken.") \
        if umbrellas else None
    return Decision("not_eligible", reasons, sources=sources, change=change)


def _follow_decision(ctx: Ctx, follows: list[ContractRoute], region: str, not_offered: bool) -> Decision:
    """Volgbeleid: the insurer follows the contract with the preferent insurer (ZZ 2024 3.1/5/5.4, CZ 2027 2.3)."""
    follow = follows[0]
    name = ctx.name
    lead = (f"{name} sluit geen eigen overeenkomst met een {ROLE_NOUNS[ctx.profile.role]}. "
            if not_offered else "")
    text = lead + follow.description + (f" {follow.conditions}" if follow.conditions else "")
    d = Decision("conditional", [text], routes=[follow], sources=[follow.source])
    d.question = (f"Heeft u voor {ctx.policy.year} een GLI-overeenkomst met de preferente zorgverzekeraar in uw regio? "
                  f"Dan kunt u {name} vragen die te volgen; {ctx.ask[0].lower() + ctx.ask[1:]}")
    return d


def _programme_decision(ctx: Ctx, checks: list[ProgrammeCheck], d: Decision) -> None:
    """Programmes the coach offers against what the policy buys (classes 1 and 2 of issue 12)."""
    if not checks:
        return
    policy, name = ctx.policy, ctx.name
    bought = [c for c in checks if c.status == "bought"]
    pending = [c for c in checks if c.status in ("expected", "conditional")]
    refused = [c for c in checks if c.status == "not_bought"]
    unknown = [c for c in checks if c.status is None]
    if bought:
        return
    if pending:
        for c in pending:
            d.reasons.append(f"{c.name}: {name} koopt dit programma alleen onder voorwaarde in"
                             + (f" – {c.note}" if c.note else "."))
            d.sources.append(c.source)
        if d.verdict == "eligible":
            d.verdict = "conditional"
            d.question = (f"Koopt {name} {' en '.join(c.name for c in pending)} in {policy.year} in "
                          f"(is de voorwaarde vervuld)? {ctx.ask}")
        return
    if unknown:
        d.reasons.append(f"Het beleid noemt {', '.join(c.name for c in unknown)} niet en somt de ingekochte "
                         f"programma's niet volledig op: na te gaan. {ctx.ask}")
        return
    buys = [ctx.catalogue.programme(p.programme).abbreviation or ctx.catalogue.programme(p.programme).name
            for p in policy.programmes if p.status == "bought"]
    d.verdict = "not_eligible"
    d.reasons.insert(0, f"{name} koopt {', '.join(c.name for c in refused)} niet in"
                     + (f": het beleid noemt alleen {', '.join(buys)}." if buys else "."))
    d.sources += [c.source for c in refused if c.source]
    d.change = f"Met een licentie voor een programma dat {name} inkoopt ({', '.join(buys) or 'zie het beleid'})."


# --------------------------------------------------------------------------- checklist


def _relevant(requirement: Requirement, profile: Profile, insurer: str) -> bool:
    if profile.role == "referrer":
        return "referrer" in requirement.roles
    if requirement.roles == ["referrer"]:
        return False
    if not applies_to_role(requirement, profile.role):
        return False
    if requirement.backgrounds and profile.background and profile.background not in requirement.backgrounds:
        return False
    if requirement.scopes and profile.scope and profile.scope not in requirement.scopes:
        return False
    if requirement.new_providers_only and profile.had_contract_with(insurer):
        return False
    return True


def _bool_check(value: bool | None, yes: str, no: str) -> tuple[Status, str]:
    if value is None:
        return "to_check", "U heeft dit (nog) niet ingevuld."
    return ("met", yes) if value else ("unmet", no)


def _accepted_registries(policy: Policy, requirement: Requirement) -> set[str]:
    if requirement.registries:
        return set(requirement.registries)
    return {
        r.registry for r in policy.registries
        if r.use in ("accepted", "required") and ({"coach", "individual_coach"} & set(r.roles))
    }


def _check(requirement: Requirement, ctx: Ctx, age: _AgeRule) -> tuple[Status, str]:
    policy, profile, catalogue = ctx.policy, ctx.profile, ctx.catalogue
    topic = requirement.topic
    value = requirement.value
    if profile.role == "referrer":
        return _referrer_check(requirement, profile, age)
    if requirement.backgrounds and profile.background is None:
        labels = ", ".join(BACKGROUND_LABELS[b].lower() for b in requirement.backgrounds)
        return "to_check", f"Geldt alleen voor een leefstijlcoach met achtergrond {labels}; vul uw achtergrond in."
    if topic == "quality_register":
        accepted = _accepted_registries(policy, requirement) & {r.id for r in catalogue.registries}
        if profile.registries is None:
            return "to_check", "Vul uw registers in om dit te toetsen."
        if not accepted:
            return "to_check", "Het beleid noemt hier geen specifiek register; ga na of uw register wordt erkend."
        held = accepted & set(profile.registries)
        if held:
            names = ", ".join(catalogue.registry(r).abbreviation or catalogue.registry(r).name for r in sorted(held))
            return "met", f"U staat in {names}."
        names = ", ".join(catalogue.registry(r).abbreviation or catalogue.registry(r).name for r in sorted(accepted))
        if any(catalogue.registry(r).generic for r in accepted):
            # The document describes the register without naming it: a named register the
            # coach holds may be it. Only the insurer can say.
            return "to_check", (f"Het beleid noemt dit register niet bij naam ({names}); vraag de verzekeraar of "
                                "uw register telt.")
        return "unmet", f"Geen van uw registers wordt hier genoemd (genoemd: {names})."
    if topic == "programme_licence":
        if profile.licences is None:
            return "to_check", "Vul uw programmalicenties in om dit te toetsen."
        if not profile.licences:
            return "unmet", "U heeft aangegeven geen programmalicentie te hebben."
        if requirement.programmes and not set(requirement.programmes) & set(profile.licences):
            return "unmet", "Uw licenties zijn niet voor de programma's die deze eis noemt."
        names = ", ".join(catalogue.programme(p).abbreviation or catalogue.programme(p).name for p in profile.licences)
        return "met", f"U heeft een licentie voor {names}."
    if topic == "agb_code":
        return _bool_check(profile.agb_code, "U heeft een AGB-code.", "U heeft geen AGB-code.")
    if topic == "kvk_registration":
        return _bool_check(profile.kvk_registered, "U staat ingeschreven bij de KvK.", "U staat niet ingeschreven bij de KvK.")
    if topic == "accredited_training":
        return _bool_check(profile.accredited_training, "U heeft een geaccrediteerde opleiding afgerond.",
                           "U heeft geen geaccrediteerde leefstijlcoachopleiding afgerond.")
    if topic == "competence_level" and value is None:
        return _bool_check(profile.hbo_level, "U werkt op hbo-niveau.", "U geeft aan niet op hbo-niveau te werken.")
    if topic == "min_programmes" and value is not None:
        if profile.programmes_offered is None:
            return "to_check", "Vul in hoeveel programma's u aanbiedt."
        if profile.programmes_offered >= value.amount:
            return "met", f"U biedt {profile.programmes_offered} programma('s) aan."
        return "unmet", f"U biedt {profile.programmes_offered} programma('s) aan; gevraagd is {value_text(requirement)}."
    return "to_check", "Dit kunt u alleen zelf nagaan."


@dataclass
class _AgeRule:
    """The target-group ages of a policy: the adult limit and a lower exception floor, if any."""

    adult: int | None = None
    floor: int | None = None
    floor_ggr: int | None = None  # GGR level the exception asks (from a GGR requirement or its text)

    @classmethod
    def of(cls, requirements: list[Requirement]) -> _AgeRule:
        ages = sorted({int(r.value.amount) for r in requirements
                       if r.value and r.value.unit == "age" and r.value.comparison == "min"})
        if not ages:
            return cls()
        rule = cls(adult=ages[-1], floor=ages[0] if len(ages) > 1 else None)
        if rule.floor is not None:
            ggr = [int(r.value.amount) for r in requirements if r.value and r.value.unit == "ggr_level"]
            exception = next(r for r in requirements if r.value and r.value.unit == "age" and int(r.value.amount) == rule.floor)
            # The exception's own GGR condition (VGZ 2024 bijlage 2: "matig verhoogd GGR (of hoger)").
            own = exception.condition if exception.condition and exception.condition.unit == "ggr_level" else None
            rule.floor_ggr = int(own.amount) if own else (min(ggr) if ggr else None)
        return rule

    def exception(self, profile: Profile) -> tuple[Status, str]:
        age = profile.participant_age
        if self.floor_ggr is None:
            return "to_check", f"Vanaf {self.floor} jaar kan het bij uitzondering; ga na onder welke voorwaarden."
        level = "matig verhoogd" if self.floor_ggr == 1 else "hoog"
        if profile.participant_ggr is None:
            return "to_check", f"Vanaf {self.floor} jaar kan het bij uitzondering, met een GGR van ten minste {level}: vul het GGR in."
        if GGR_LEVEL[profile.participant_ggr] >= self.floor_ggr:
            return "met", f"De deelnemer is {age} jaar met een GGR van ten minste {level}: de uitzondering vanaf {self.floor} jaar geldt."
        return "unmet", f"De deelnemer is {age} jaar zonder (matig) verhoogd GGR: de uitzondering vanaf {self.floor} jaar geldt niet."


def _referrer_check(requirement: Requirement, profile: Profile, age: _AgeRule) -> tuple[Status, str]:
    value = requirement.value
    if value is not None and value.unit == "age":
        if profile.participant_age is None:
            return "to_check", "Vul de leeftijd van de deelnemer in."
        if profile.participant_age >= value.amount:
            if age.floor is not None and int(value.amount) == age.floor and age.adult and profile.participant_age < age.adult:
                return age.exception(profile)
            return "met", f"De deelnemer is {profile.participant_age} jaar."
        if age.floor is not None and profile.participant_age >= age.floor:
            return age.exception(profile)
        return "unmet", f"De deelnemer is {profile.participant_age} jaar; de grens is {int(value.amount)} jaar."
    if value is not None and value.unit == "ggr_level":
        if profile.participant_ggr is None:
            return "to_check", "Vul het gewichtsgerelateerd gezondheidsrisico (GGR) in."
        if GGR_LEVEL[profile.participant_ggr] >= value.amount:
            return "met", "Het GGR van de deelnemer is hoog genoeg."
        return "unmet", "Het GGR van de deelnemer is niet (matig) verhoogd."
    if requirement.topic == "repeat_participation":
        if profile.participant_repeat is None:
            return "to_check", "Geef aan of de deelnemer in de afgelopen twee jaar een GLI heeft afgerond."
        if not profile.participant_repeat:
            return "met", "De deelnemer heeft geen recente GLI gevolgd."
        return "to_check", "De deelnemer volgde recent een GLI: volg wat het beleid dan vraagt (bijvoorbeeld toestemming)."
    return "to_check", "Dit beoordeelt u als verwijzer zelf."


def _item(requirement: Requirement, ctx: Ctx, age: _AgeRule) -> CheckItem:
    status, why = _check(requirement, ctx, age)
    force = requirement.force
    if force not in GATING_FORCES and status == "unmet":
        # Only a minimum requirement or an exclusion ground can be "niet voldaan".
        status = "to_check"
        why += f" Dit is een {FORCE_LABELS[force].lower()}, geen voorwaarde om in aanmerking te komen."
    group: Group = status if force in GATING_FORCES else force  # type: ignore[assignment]
    text = requirement.text
    if ctx.profile.role in ("coach_network", "rho", "msv") and requirement.roles == ["coach"]:
        text = f"Voor uw leefstijlcoaches: {text}"
    if requirement.backgrounds and not ctx.profile.background:
        text += f" (geldt voor: {', '.join(BACKGROUND_LABELS[b] for b in requirement.backgrounds)})"
    return CheckItem(topic=requirement.topic, topic_label=TOPIC_LABELS[requirement.topic], text=text, status=status,
                     why=why, decisive=requirement.value is not None, force=force, force_label=FORCE_LABELS[force],
                     group=group, source=requirement.source)


# --------------------------------------------------------------------------- assessment


def _period_texts(policy: Policy, route: str) -> list[str]:
    periods: list[ContractPeriod] = [p for p in policy.contract_periods if p.route == route]
    # A period starting in the policy's year first (the new contract), then the running ones.
    periods.sort(key=lambda p: (p.start is None or p.start.year != policy.year, p.start or dt.date.min))
    out = []
    for p in periods:
        span = f", {p.start:%d-%m-%Y} t/m {p.end:%d-%m-%Y}" if p.start and p.end else ""
        out.append(f"{p.label}: {p.duration_text}{span}")
    return out


def _when(date: dt.date, today: dt.date) -> When:
    return "past" if date < today else "today" if date == today else "upcoming"


def assess_policy(policy: Policy, profile: Profile, catalogue: Catalogue, today: dt.date,
                  requested_year: int | None = None) -> Assessment:
    insurer = catalogue.insurer(policy.insurer)
    contacts = [
        Contact(channel=CHANNEL_LABELS[c.channel], address=c.address, purpose=c.purpose,
                answer_time=c.answer_time_text, source=c.source)
        for c in policy.contacts
    ]
    mail = (next((c for c in policy.contacts if re.search(r"(^|\s)vragen\b", fold(c.purpose))
                  and c.channel != "website"), None)
            or next((c for c in policy.contacts if c.channel == "email"), None)
            or (policy.contacts[0] if policy.contacts else None))
    ask = f"Vraag het na bij {insurer.short_name}: {mail.address}." if mail else f"Vraag het na bij {insurer.short_name}."
    ctx = Ctx(policy, profile, catalogue, today, insurer.short_name, ask)

    relevant = [r for r in policy.requirements if _relevant(r, profile, policy.insurer)]
    age = _AgeRule.of(relevant)
    checklist = [_item(r, ctx, age) for r in relevant]
    checklist.sort(key=lambda c: GROUP_ORDER.index(c.group))
    programmes = _programmes(policy, profile, catalogue)

    if profile.role == "referrer":
        d = _referrer_verdict(checklist, relevant, ctx)
    else:
        d = _route_decision(ctx)
        _programme_decision(ctx, programmes, d)
        unmet = [c for c in checklist if c.status == "unmet"]
        if d.verdict in ("eligible", "conditional") and unmet:
            d.verdict = "not_eligible"
            d.question = None
            d.reasons.append("Niet voldaan aan: " + "; ".join(dict.fromkeys(c.topic_label.lower() for c in unmet)) + ".")
            d.sources += [c.source for c in unmet]
            d.change = d.change or "Als u voldoet aan: " + " ".join(c.text for c in unmet)
    if policy.partial:
        d.reasons.append(f"Let op: dit jaar is afgeleid uit een later document en onvolledig ({policy.derived_note})")
    if any(NOT_SETTLED in r for r in d.reasons) and d.question is None:
        d.question = ask
    if d.verdict == "conditional" and d.question is None:
        d.question = ask

    route_kinds = {r.route for r in d.routes} | ({"runoff"} if profile.role == "individual_coach" else set())
    route_options = [
        RouteOption(route=r.route, label=ROUTE_LABELS[r.route], preference=r.preference, conditions=r.conditions,
                    periods=_period_texts(policy, r.route), source=r.source)
        for r in dict.fromkeys(d.routes)
    ]
    deadlines = sorted(
        (Deadline(kind=t.kind, date=t.date, date_text=t.date_text, activity=t.activity, when=_when(t.date_end or t.date, today),
                  days=((t.date_end or t.date) - today).days, source=t.source)
         for t in policy.timeline
         if t.date and profile.role != "referrer" and (not t.routes or route_kinds & set(t.routes))),
        key=lambda x: (x.when == "past", -x.date.toordinal() if x.when == "past" else x.date.toordinal()),
    )
    had = profile.had_contract_with(policy.insurer)
    applications = [a for a in policy.applications
                    if route_kinds & set(a.routes) and not (a.new_providers_only and had)]
    apply = [
        HowToApply(channel=CHANNEL_LABELS[a.channel], address=a.address, when=APPLICATION_WINDOW_LABELS[a.window],
                   text=a.text, source=a.source)
        for a in applications
    ]
    actions = _actions(applications, deadlines, d.verdict, policy)
    groups = {g: sum(c.group == g for c in checklist) for g in GROUP_ORDER}
    label = (REFERRER_VERDICT_LABELS if profile.role == "referrer" else VERDICT_LABELS)[d.verdict]
    return Assessment(
        insurer=policy.insurer, insurer_name=insurer.short_name, year=policy.year,
        requested_year=requested_year or policy.year, partial=policy.partial, draft=catalogue.is_draft(policy),
        document_kind=policy.document_kind,
        verdict=d.verdict, verdict_label=label, reasons=d.reasons,
        verdict_sources=list(dict.fromkeys(s for s in d.sources if s is not None)),
        explanation=_explain(d.verdict, d.reasons, groups, insurer.short_name, profile),
        next_step=_next_step(d, ctx, actions),
        question=d.question if d.verdict == "conditional" else None,
        routes=route_options, checklist=checklist, groups=groups,
        programmes=programmes, registries=_registries(policy, profile, catalogue),
        deadlines=deadlines, actions=actions, apply=apply, contacts=contacts,
    )


def _actions(applications: list, deadlines: list[Deadline], verdict: Verdict,
             policy: Policy | None = None) -> list[Action]:
    """What to do and by when: still possible first (no deadline, then by date), past last.

    An application without deadline also says when the contract would start, where a
    provision on the contract's duration stands in the same section of the document.
    """
    out = []
    for a in applications:
        if a.window in ("all_year", "open"):
            where = f" {a.address}" if a.address else ""
            start = [p.text for p in (policy.provisions if policy else ())
                     if p.topic == "contract_duration" and p.source.document == a.source.document
                     and p.source.section == a.source.section]
            out.append(Action(text=f"Vraag aan via {CHANNEL_LABELS[a.channel].lower()}{where}; geen deadline"
                                   f" ({APPLICATION_WINDOW_LABELS[a.window].lower()}). {a.text}"
                                   + "".join(f" {t}" for t in start),
                              date=None, when="open", source=a.source))
    for d in deadlines:
        if d.kind not in ACTION_KINDS:
            continue
        out.append(Action(text=d.activity, date=d.date, when=d.when, source=d.source))
    order = {"today": 0, "open": 1, "upcoming": 2, "past": 3}
    return sorted(out, key=lambda x: (order[x.when], x.date.toordinal() if x.date and x.when != "past" else
                                      -(x.date.toordinal() if x.date else 0)))


def _next_step(d: Decision, ctx: Ctx, actions: list[Action]) -> str:
    name = ctx.name
    first = next((a for a in actions if a.when != "past"), None)
    if ctx.profile.role == "referrer":
        return {"eligible": "Verwijs de deelnemer naar een gecontracteerde leefstijlcoach.",
                "not_eligible": "De deelnemer komt volgens dit beleid niet in aanmerking: " + (d.reasons[0] if d.reasons else ""),
                "conditional": d.question or ctx.ask}.get(d.verdict, "")
    if d.verdict == "subcontractor_only":
        forms = " of ".join(d.join) or "RHO of samenwerkingsverband"
        return (f"Sluit u als onderaannemer aan bij een {forms} die {name} in uw regio heeft gecontracteerd. "
                f"{_where_to_find(ctx)}")
    if d.verdict == "conditional":
        return d.question or ctx.ask
    if d.verdict == "not_eligible":
        reason = d.reasons[0] if d.reasons else ""
        return f"{reason} Wat dit verandert: {d.change}" if d.change else reason
    if first:
        return first.text + (f" (uiterlijk {first.date:%d-%m-%Y})" if first.date else "")
    return f"Vraag een overeenkomst aan. {ctx.ask}"


def _referrer_verdict(checklist: list[CheckItem], relevant: list[Requirement], ctx: Ctx) -> Decision:
    if not any(r.topic == "target_group" for r in relevant):
        return Decision("conditional", [f"Het beleid zegt niets over wie in aanmerking komt ({NOT_SETTLED})."])
    unmet = [c for c in checklist if c.status == "unmet"]
    if unmet:
        return Decision("not_eligible", ["Niet voldaan aan: " + "; ".join(c.text for c in unmet)],
                        sources=[c.source for c in unmet])
    # Items the referrer judges (motivation, benefit) stay on the checklist but do not block.
    decisive = [c for c in checklist if c.decisive and c.status == "to_check"]
    if decisive:
        d = Decision("conditional", ["Nog na te gaan: " + "; ".join(c.text for c in decisive)],
                     sources=[c.source for c in decisive])
        d.question = decisive[0].why
        return d
    return Decision("eligible", ["De deelnemer voldoet aan de voorwaarden die het beleid noemt."])


def _programmes(policy: Policy, profile: Profile, catalogue: Catalogue) -> list[ProgrammeCheck]:
    if profile.role == "referrer":
        return []
    out = []
    listed = policy.addresses("programmes")
    list_source = policy.programmes[0].source if policy.programmes else None
    for programme_id in profile.licences or []:
        entry = next((p for p in policy.programmes if p.programme == programme_id), None)
        programme = catalogue.programme(programme_id)
        name = programme.abbreviation or programme.name
        if entry:
            out.append(ProgrammeCheck(programme=programme_id, name=name, status=entry.status,
                                      label=PROGRAMME_STATUS_LABELS[entry.status], note=entry.note, source=entry.source))
        elif listed:
            # The document lists the programmes it buys in full: one outside the list is not bought.
            out.append(ProgrammeCheck(programme=programme_id, name=name, status="not_bought",
                                      label="Niet ingekocht (niet in de lijst van het beleid)", source=list_source))
        else:
            out.append(ProgrammeCheck(programme=programme_id, name=name, status=None,
                                      label=NOT_STATED_LABEL + " (na te gaan)", source=None))
    return out


def _registries(policy: Policy, profile: Profile, catalogue: Catalogue) -> list[RegistryCheck]:
    out = []
    for registry_id in profile.registries or []:
        entries = [r for r in policy.registries if r.registry == registry_id]
        registry = catalogue.registry(registry_id)
        name = registry.abbreviation or registry.name
        if entries and any(e.use in ("accepted", "required") for e in entries):
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="yes", label="Genoemd als geaccepteerd register", source=entries[0].source))
        elif entries:
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="no", label="Genoemd, maar niet als vereiste", source=entries[0].source))
        elif policy.addresses("registries"):
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="no",
                                     label="Niet genoemd in de volledige lijst van registers", source=None))
        else:
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="not_stated", label=NOT_STATED_LABEL, source=None))
    return out


def _explain(verdict: Verdict, reasons: list[str], groups: dict[str, int], insurer: str, profile: Profile) -> str:
    if profile.role == "referrer":
        head = {"eligible": f"Volgens het beleid van {insurer} komt de deelnemer in aanmerking voor een GLI.",
                "not_eligible": f"Volgens het beleid van {insurer} komt de deelnemer niet in aanmerking.",
                "conditional": f"Of de deelnemer bij {insurer} in aanmerking komt, hangt nog af van een paar punten.",
                "subcontractor_only": ""}[verdict]
    else:
        head = {
            "eligible": f"U kunt bij {insurer} een eigen overeenkomst krijgen, als u voldoet aan de eisen die nog na te gaan zijn.",
            "subcontractor_only": f"Bij {insurer} kunt u de GLI alleen leveren als onderaannemer van een RHO of samenwerkingsverband.",
            "not_eligible": f"Bij {insurer} komt u nu niet in aanmerking voor een overeenkomst.",
            "conditional": f"Of u bij {insurer} een overeenkomst kunt krijgen, hangt af van iets wat nog niet vaststaat.",
        }[verdict]
    tail = (f" Eisen: {groups['unmet']} niet voldaan, {groups['to_check']} na te gaan, {groups['met']} voldaan;"
            f" daarnaast {groups['obligation']} verplichtingen en {groups['expectation']} verwachtingen.")
    return head + (" " + reasons[0] if reasons else "") + tail


def newest_policy(catalogue: Catalogue, insurer: str) -> Policy | None:
    """An insurer's newest full record, else its newest record of any kind."""
    policies = catalogue.policies_for(insurers=[insurer])
    full = [p for p in policies if not p.partial]
    return (full or policies or [None])[-1]


def assess(profile: Profile, catalogue: Catalogue, today: dt.date) -> list[Assessment]:
    """One assessment per insurer, in catalogue order: the record for ``profile.year``, or the
    newest record as a marked hint where the insurer has none for that year."""
    out = []
    for insurer_id in catalogue.insurer_ids:
        policy = catalogue.policy(insurer_id, profile.year)
        if policy is not None:
            out.append(assess_policy(policy, profile, catalogue, today))
            continue
        newest = newest_policy(catalogue, insurer_id)
        if newest is None:
            continue
        a = assess_policy(newest, profile.model_copy(update={"year": newest.year}), catalogue, today,
                          requested_year=profile.year)
        notice = (f"{catalogue.insurer(insurer_id).short_name}: geen beleid voor {profile.year} in deze wijzer; "
                  f"het nieuwste is {newest.year}. Wat hieronder staat geldt voor {newest.year} en is alleen een hint.")
        out.append(a.model_copy(update={"hint": True, "notice": notice}))
    return out
