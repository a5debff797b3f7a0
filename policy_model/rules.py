"""The rules of "wat geldt voor mij?": a profile in, an assessment per insurer out.

The rules read the structured policy data only (routes and their preference, requirement
topics and values, registries, programmes, timeline), so a new policy year with the same
topics needs no code change. Where the profile does not settle a requirement it is
``to_check``; where the policy is silent the answer says so ("niet vastgelegd in het
beleid") and points to the insurer's contact — it never guesses.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from policy_model.catalogue import Catalogue
from policy_model.comparison.matrix import applies_to_role, value_text
from policy_model.profile import GGR_LEVEL, Profile
from policy_model.schema import ContractRoute, Policy, Requirement, Source
from policy_model.vocab import (
    APPLICATION_WINDOW_LABELS,
    BACKGROUND_LABELS,
    CHANNEL_LABELS,
    NOT_STATED_LABEL,
    PROGRAMME_STATUS_LABELS,
    ROUTE_LABELS,
    ROUTE_ROLE,
    TOPIC_LABELS,
)

Verdict = Literal["eligible", "subcontractor_only", "not_eligible", "conditional"]
Status = Literal["met", "unmet", "to_check"]
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
NOT_SETTLED = "niet vastgelegd in het beleid"
#: Organisational routes a coach can work under as subcontractor.
UMBRELLA_ROUTES = ("rho", "coach_network", "msv", "zorggroep")


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class CheckItem(_Out):
    topic: str
    topic_label: str
    text: str
    status: Status
    why: str
    decisive: bool = False  # has a structured value the profile could settle (age, GGR, count)
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
    source: Source | None


class RegistryCheck(_Out):
    registry: str
    name: str
    accepted: Literal["yes", "no", "not_stated"]
    label: str
    source: Source | None


class Deadline(_Out):
    date: dt.date
    date_text: str
    activity: str
    source: Source


class HowToApply(_Out):
    channel: str
    address: str | None
    when: str
    text: str
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
    partial: bool
    verdict: Verdict
    verdict_label: str
    reasons: list[str]
    explanation: str
    routes: list[RouteOption]
    checklist: list[CheckItem]
    programmes: list[ProgrammeCheck]
    registries: list[RegistryCheck]
    deadlines: list[Deadline]
    apply: list[HowToApply]
    contacts: list[Contact]


# --------------------------------------------------------------------------- routes


def _route_applies(route: ContractRoute, profile: Profile) -> bool | None:
    """True/False when the insurer's own-region condition is settled, None when unknown."""
    if route.in_region is None:
        return True
    if profile.in_insurer_region == "unknown":
        return None
    return route.in_region == (profile.in_insurer_region == "yes")


def _role_routes(policy: Policy, role: str) -> list[ContractRoute]:
    return [r for r in policy.contract_routes if ROUTE_ROLE[r.route] == role and r.route != "runoff"]


def _route_verdict(policy: Policy, profile: Profile) -> tuple[Verdict, list[str], list[ContractRoute]]:
    """The verdict from the contracting routes alone (before the checklist)."""
    routes = _role_routes(policy, profile.role)
    open_routes = [r for r in routes if r.available != "no"]
    umbrellas = [r for r in policy.contract_routes if r.route in UMBRELLA_ROUTES and r.available != "no"]
    if not policy.contract_routes:
        return "conditional", [f"Het beleid beschrijft geen contracteerroutes ({NOT_SETTLED})."], []
    if not routes:
        if policy.partial:
            # A derived record holds only what a later document says about this year: a
            # route it does not mention is unknown, not absent.
            return "conditional", [f"Het afgeleide beleid van dit jaar noemt deze contractvorm niet ({NOT_SETTLED})."], []
        if profile.role == "individual_coach" and umbrellas:
            names = ", ".join(ROUTE_LABELS[r.route] for r in umbrellas)
            return "subcontractor_only", [f"Deze verzekeraar contracteert geen individuele leefstijlcoaches; u kunt werken als onderaannemer van: {names}."], []
        return "conditional", [f"Het beleid noemt deze contractvorm niet ({NOT_SETTLED})."], []
    if not open_routes:
        closed = routes[0]
        reason = f"Het beleid sluit deze route uit: {closed.description}"
        if profile.role == "individual_coach" and umbrellas:
            return "subcontractor_only", [reason], []
        return "not_eligible", [reason], []

    applicable, unknown_region = [], []
    for route in open_routes:
        applies = _route_applies(route, profile)
        if applies is None:
            unknown_region.append(route)
        elif applies:
            applicable.append(route)
    if not applicable and not unknown_region:
        return "not_eligible", ["Deze route geldt bij deze verzekeraar niet voor uw regio."], []
    if not applicable:
        return "conditional", ["Het hangt ervan af of u binnen of buiten de eigen regio van de verzekeraar werkt."], unknown_region

    # Preference: a route ranked below the RHO / samenwerkingsverband routes is only open
    # where those are not contracted in the region.
    best = min((r.preference for r in applicable if r.preference), default=None)
    higher = [
        r for r in policy.contract_routes
        if r.available != "no" and r.preference and best and r.preference < best and r.route in UMBRELLA_ROUTES
    ]
    if higher:
        region_answers = []
        for route in higher:
            answer = profile.region_has_rho if route.route == "rho" else profile.region_has_network
            region_answers.append(answer)
        names = " of ".join(dict.fromkeys(ROUTE_LABELS[r.route] for r in higher))
        if "yes" in region_answers:
            reason = f"In uw regio is een {names} gecontracteerd; die heeft bij deze verzekeraar de voorkeur. U werkt dan als onderaannemer."
            return ("subcontractor_only" if profile.role == "individual_coach" else "not_eligible"), [reason], applicable
        if "unknown" in region_answers:
            return "conditional", [f"Dit kan alleen als er in uw regio geen {names} is gecontracteerd; dat weet u nog niet."], applicable
        return "eligible", [f"Er is in uw regio geen {names} gecontracteerd, dus deze route staat open."], applicable
    return "eligible", [], applicable


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
    if requirement.new_providers_only and insurer in profile.prior_contract_with:
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
        and (not r.backgrounds or True)
    }


def _check(requirement: Requirement, policy: Policy, profile: Profile, catalogue: Catalogue,
           age_floor: int | None) -> tuple[Status, str]:
    topic = requirement.topic
    value = requirement.value
    if profile.role == "referrer":
        return _referrer_check(requirement, profile, age_floor)
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
        return "unmet", "Geen van uw registers wordt hier genoemd."
    if topic == "programme_licence":
        if profile.licences is None:
            return "to_check", "Vul uw programmalicenties in om dit te toetsen."
        if not profile.licences:
            return "unmet", "U heeft geen programmalicentie opgegeven."
        bought = {p.programme for p in policy.programmes if p.status == "bought"}
        if policy.programmes and not bought & set(profile.licences):
            return "unmet", "Geen van uw programma's staat in de lijst die deze verzekeraar inkoopt."
        return "met", "U heeft een licentie voor een programma dat wordt ingekocht." if bought else "U heeft een programmalicentie."
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


def _referrer_check(requirement: Requirement, profile: Profile, age_floor: int | None) -> tuple[Status, str]:
    value = requirement.value
    if value is not None and value.unit == "age":
        if profile.participant_age is None:
            return "to_check", "Vul de leeftijd van de deelnemer in."
        if profile.participant_age >= value.amount:
            return "met", f"De deelnemer is {profile.participant_age} jaar."
        if age_floor is not None and profile.participant_age >= age_floor:
            return "to_check", "Jonger dan deze grens, maar het beleid kent een uitzondering vanaf " f"{age_floor} jaar (zie de andere eis)."
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


# --------------------------------------------------------------------------- assessment


def assess_policy(policy: Policy, profile: Profile, catalogue: Catalogue, today: dt.date) -> Assessment:
    insurer = catalogue.insurer(policy.insurer)
    relevant = [r for r in policy.requirements if _relevant(r, profile, policy.insurer)]
    ages = [int(r.value.amount) for r in relevant if r.value and r.value.unit == "age" and r.value.comparison == "min"]
    age_floor = min(ages) if ages else None
    checklist = []
    for requirement in relevant:
        status, why = _check(requirement, policy, profile, catalogue, age_floor)
        text = requirement.text
        if profile.role in ("coach_network", "rho", "msv") and requirement.roles == ["coach"]:
            text = f"Voor uw leefstijlcoaches: {text}"
        if requirement.backgrounds and not profile.background:
            text += f" (geldt voor: {', '.join(BACKGROUND_LABELS[b] for b in requirement.backgrounds)})"
        checklist.append(CheckItem(topic=requirement.topic, topic_label=TOPIC_LABELS[requirement.topic],
                                   text=text, status=status, why=why, decisive=requirement.value is not None,
                                   source=requirement.source))

    contacts = [
        Contact(channel=CHANNEL_LABELS[c.channel], address=c.address, purpose=c.purpose,
                answer_time=c.answer_time_text, source=c.source)
        for c in policy.contacts
    ]
    ask = f" Vraag het na bij {insurer.short_name}: {contacts[0].address}." if contacts else f" Vraag het na bij {insurer.short_name}."

    if profile.role == "referrer":
        verdict, reasons, routes = _referrer_verdict(checklist, relevant)
    else:
        verdict, reasons, routes = _route_verdict(policy, profile)
        unmet = [c for c in checklist if c.status == "unmet"]
        if verdict in ("eligible", "conditional") and unmet:
            verdict = "not_eligible"
            reasons.append("Niet voldaan aan: " + "; ".join(c.topic_label.lower() for c in unmet) + ".")
    if policy.partial:
        reasons.append(f"Let op: dit jaar is afgeleid uit een later document en onvolledig ({policy.derived_note})")
    if any(NOT_SETTLED in r for r in reasons):
        reasons.append(ask.strip())

    route_options = [
        RouteOption(
            route=r.route, label=ROUTE_LABELS[r.route], preference=r.preference, conditions=r.conditions,
            periods=[f"{p.label}: {p.duration_text}" for p in policy.contract_periods if p.route == r.route],
            source=r.source,
        )
        for r in routes
    ]
    route_kinds = {r.route for r in routes} | ({"runoff"} if profile.role == "individual_coach" else set())
    deadlines = [
        Deadline(date=t.date, date_text=t.date_text, activity=t.activity, source=t.source)
        for t in policy.timeline
        if t.date and (t.date_end or t.date) >= today and (not t.routes or route_kinds & set(t.routes))
    ]
    apply = [
        HowToApply(channel=CHANNEL_LABELS[a.channel], address=a.address, when=APPLICATION_WINDOW_LABELS[a.window],
                   text=a.text, source=a.source)
        for a in policy.applications
        if route_kinds & set(a.routes) and not (a.new_providers_only and policy.insurer in profile.prior_contract_with)
    ]
    return Assessment(
        insurer=policy.insurer, insurer_name=insurer.name, year=policy.year, partial=policy.partial,
        verdict=verdict,
        verdict_label=(REFERRER_VERDICT_LABELS if profile.role == "referrer" else VERDICT_LABELS)[verdict],
        reasons=reasons, explanation=_explain(verdict, reasons, checklist, insurer.short_name, profile),
        routes=route_options, checklist=checklist,
        programmes=_programmes(policy, profile, catalogue), registries=_registries(policy, profile, catalogue),
        deadlines=deadlines, apply=apply, contacts=contacts,
    )


def _referrer_verdict(checklist: list[CheckItem], relevant: list[Requirement]) -> tuple[Verdict, list[str], list]:
    if not any(r.topic == "target_group" for r in relevant):
        return "conditional", [f"Het beleid zegt niets over wie in aanmerking komt ({NOT_SETTLED})."], []
    unmet = [c for c in checklist if c.status == "unmet"]
    if unmet:
        return "not_eligible", ["Niet voldaan aan: " + "; ".join(c.text for c in unmet)], []
    # Items the referrer judges (motivation, benefit) stay on the checklist but do not block.
    decisive = [c for c in checklist if c.decisive and c.status == "to_check"]
    if decisive:
        return "conditional", ["Nog na te gaan: " + "; ".join(c.text for c in decisive)], []
    return "eligible", ["De deelnemer voldoet aan de voorwaarden die het beleid noemt."], []


def _programmes(policy: Policy, profile: Profile, catalogue: Catalogue) -> list[ProgrammeCheck]:
    out = []
    for programme_id in profile.licences or []:
        entry = next((p for p in policy.programmes if p.programme == programme_id), None)
        name = catalogue.programme(programme_id).name
        if entry:
            out.append(ProgrammeCheck(programme=programme_id, name=name, status=entry.status,
                                      label=PROGRAMME_STATUS_LABELS[entry.status], source=entry.source))
        else:
            out.append(ProgrammeCheck(programme=programme_id, name=name, status=None, label=NOT_STATED_LABEL, source=None))
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
        else:
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="not_stated", label=NOT_STATED_LABEL, source=None))
    return out


def _explain(verdict: Verdict, reasons: list[str], checklist: list[CheckItem], insurer: str, profile: Profile) -> str:
    counts = {s: sum(c.status == s for c in checklist) for s in ("met", "unmet", "to_check")}
    if profile.role == "referrer":
        head = {"eligible": f"Volgens het beleid van {insurer} komt de deelnemer in aanmerking voor een GLI.",
                "not_eligible": f"Volgens het beleid van {insurer} komt de deelnemer niet in aanmerking.",
                "conditional": f"Of de deelnemer bij {insurer} in aanmerking komt, hangt nog af van een paar punten."}[verdict]
    else:
        head = {
            "eligible": f"U kunt bij {insurer} een eigen overeenkomst krijgen, als u voldoet aan de eisen die nog na te gaan zijn.",
            "subcontractor_only": f"Bij {insurer} kunt u de GLI alleen leveren als onderaannemer van een RHO of samenwerkingsverband.",
            "not_eligible": f"Bij {insurer} komt u nu niet in aanmerking voor een overeenkomst.",
            "conditional": f"Of u bij {insurer} een overeenkomst kunt krijgen, hangt af van iets wat nog niet vaststaat.",
        }[verdict]
    tail = f" Van de {len(checklist)} eisen: {counts['met']} voldaan, {counts['unmet']} niet voldaan, {counts['to_check']} na te gaan."
    return head + (" " + reasons[0] if reasons else "") + tail


def assess(profile: Profile, catalogue: Catalogue, today: dt.date) -> list[Assessment]:
    """One assessment per insurer with a policy for ``profile.year``, in catalogue order."""
    return [assess_policy(p, profile, catalogue, today) for p in catalogue.policies_for(years=[profile.year])]
