"""The checklist: every requirement that applies to the profile, met, unmet or to check.

A requirement is ``met`` or ``unmet`` only where the profile states the fact; else it is
``to_check``. Only a minimum requirement or an exclusion ground (vocab ``GATING_FORCES``) can
be unmet; an item missing from a list the document leaves open ("bijv.", "of een vergelijkbaar
... register", ``Requirement.listing``) is to check, never unmet.
"""

from __future__ import annotations

from collections.abc import Callable

from policy_model.describe import applies_to_role, value_text
from policy_model.schema import Policy, Requirement
from policy_model.vocab import BACKGROUND_LABELS, FORCE_LABELS, GATING_FORCES, ROUTE_ROLE, TOPIC_LABELS
from policy_model.wizard.context import Ctx, route_names
from policy_model.wizard.holding import Holding, applies_to, held, unsaid_only
from policy_model.wizard.labels import GROUP_ORDER, Group, Status
from policy_model.wizard.models import CheckItem
from policy_model.wizard.participants import AgeRule, referrer_check
from policy_model.wizard.profile import COACH_ROLES, Profile

Check = Callable[[Requirement, Ctx], "tuple[Status, str]"]


def relevant(requirement: Requirement, profile: Profile, had: bool | None, holding: Holding | None = None) -> bool:
    """Holds under a route the organisation is held to (:mod:`.holding`; without one, applies to
    the chosen role: requirements on every coach apply to all), and fits its background, scope and
    status (new providers only; ``had``: :attr:`.Ctx.had_contract`)."""
    # Who may take part is not what a provider must do: participant criteria (a statement kind
    # of its own once the data has one, issue 17) are the referrer's, never a provider's.
    participant = getattr(requirement, "kind", None) == "participant"
    if profile.role == "referrer":
        return "referrer" in requirement.roles or participant
    if participant or requirement.roles == ["referrer"]:
        return False
    if not (held(requirement, holding) if holding is not None else applies_to_role(requirement, profile.contracting_role)):
        return False
    background = profile.coach_background  # an organisation's coach items are about its coaches
    if requirement.backgrounds and background and background not in requirement.backgrounds:
        return False
    if requirement.scopes and profile.scope and profile.scope not in requirement.scopes:
        return False
    return not (requirement.new_providers_only and had)


def bool_check(value: bool | None, yes: str, no: str) -> tuple[Status, str]:
    if value is None:
        return "to_check", "U heeft dit (nog) niet ingevuld."
    return ("met", yes) if value else ("unmet", no)


def accepted_registries(policy: Policy, requirement: Requirement) -> set[str]:
    if requirement.registries:
        return set(requirement.registries)
    return {r.registry for r in policy.registries
            if r.use in ("accepted", "required") and ({"coach", "individual_coach"} & set(r.roles))}


def _names(ctx: Ctx, ids: set[str]) -> str:
    return ", ".join(ctx.catalogue.registry(r).abbreviation or ctx.catalogue.registry(r).name for r in sorted(ids))


def quality_register_check(requirement: Requirement, ctx: Ctx) -> tuple[Status, str]:
    """A register the coach must be in: met when the profile holds one the list names; on an open
    list (ZZ 2024 §5.1 "of een vergelijkbaar door de zorgverzekeraar goedgekeurd register") one not
    named is to check; on a closed list (CZ 2027 §2.1.1, VGZ 2024 bijlage 2) it is not met."""
    accepted = accepted_registries(ctx.policy, requirement) & {r.id for r in ctx.catalogue.registries}
    held = ctx.profile.registries
    if held is None:
        return "to_check", "Vul uw registers in om dit te toetsen."
    if not accepted:
        return "to_check", "Het beleid noemt hier geen specifiek register; ga na of uw register wordt erkend."
    if accepted & set(held):
        return "met", f"U staat in {_names(ctx, accepted & set(held))}."
    if any(ctx.catalogue.registry(r).generic for r in accepted):
        # The document describes the register without naming it: only the insurer can say.
        return "to_check", (f"Het beleid noemt dit register niet bij naam ({_names(ctx, accepted)}); vraag de "
                            "verzekeraar of uw register telt.")
    listing = requirement.listing
    if listing is not None and listing.open:
        yours = f"Uw register ({_names(ctx, set(held))}) staat" if held else "U staat in geen register dat"
        return "to_check", (f"{yours} niet in de lijst ({_names(ctx, accepted)}), maar de lijst is open: "
                            f"“{listing.source.quote}” (§ {listing.source.section}). Vraag {ctx.name} of uw register "
                            "telt.")
    generic = {r for r in held if ctx.catalogue.registry(r).generic}
    if generic:
        # A register known by a description ("het kwaliteitsregister van de eigen beroepsgroep") may
        # be a listed one by its own name (for a physiotherapist: KP or KNGF): not a "no".
        return "to_check", (f"Uw register ({_names(ctx, generic)}) heeft geen vaste naam en kan een van de genoemde "
                            f"zijn ({_names(ctx, accepted)}). Ga na in welk register u staat, of vraag {ctx.name} of "
                            "het telt.")
    closed = f" De lijst is gesloten: “{listing.source.quote}”." if listing is not None else ""
    return "unmet", f"Geen van uw registers wordt hier genoemd (genoemd: {_names(ctx, accepted)}).{closed}"


def licence_check(requirement: Requirement, ctx: Ctx) -> tuple[Status, str]:
    licences = ctx.profile.licences
    if licences is None:
        return "to_check", "Vul uw programmalicenties in om dit te toetsen."
    if not licences:
        return "unmet", "U heeft aangegeven geen programmalicentie te hebben."
    if requirement.programmes and not set(requirement.programmes) & set(licences):
        return "unmet", "Uw licenties zijn niet voor de programma's die deze eis noemt."
    names = ", ".join(ctx.catalogue.programme(p).abbreviation or ctx.catalogue.programme(p).name for p in licences)
    return "met", f"U heeft een licentie voor {names}."


def min_programmes_check(requirement: Requirement, ctx: Ctx) -> tuple[Status, str]:
    offered = ctx.profile.programmes_offered
    if requirement.value is None:
        return "to_check", "Dit kunt u alleen zelf nagaan."
    if offered is None:
        return "to_check", "Vul in hoeveel programma's u aanbiedt."
    if offered >= requirement.value.amount:
        return "met", f"U biedt {offered} programma('s) aan."
    return "unmet", f"U biedt {offered} programma('s) aan; gevraagd is {value_text(requirement)}."


def competence_check(requirement: Requirement, ctx: Ctx) -> tuple[Status, str]:
    if requirement.value is not None:
        return "to_check", "Dit kunt u alleen zelf nagaan."
    return bool_check(ctx.profile.hbo_level, "U werkt op hbo-niveau.", "U geeft aan niet op hbo-niveau te werken.")


def region_check(requirement: Requirement, ctx: Ctx) -> tuple[Status, str]:
    """Working in the insurer's own (preferent) region (VGZ 2024 bijlage 2, RHO minimum
    requirement 3: "werkzaam in een voor VGZ preferente regio"), answered per insurer."""
    region = ctx.region
    if region == "unknown":
        return "to_check", f"Vul in of u werkt in een regio waar {ctx.name} preferent is (de kernregio)."
    inside = region == "yes"
    if inside == requirement.in_region:
        return "met", f"U werkt {'in' if inside else 'buiten'} de regio waar {ctx.name} preferent is."
    return "unmet", f"U werkt {'in' if inside else 'buiten'} de regio waar {ctx.name} preferent is."


TOPIC_CHECKS: dict[str, Check] = {
    "quality_register": quality_register_check,
    "programme_licence": licence_check,
    "agb_code": lambda r, ctx: bool_check(ctx.profile.agb_code, "U heeft een AGB-code.", "U heeft geen AGB-code."),
    "kvk_registration": lambda r, ctx: bool_check(ctx.profile.kvk_registered, "U staat ingeschreven bij de KvK.",
                                                  "U staat niet ingeschreven bij de KvK."),
    "accredited_training": lambda r, ctx: bool_check(
        ctx.profile.accredited_training, "U heeft een geaccrediteerde opleiding afgerond.",
        "U heeft geen geaccrediteerde leefstijlcoachopleiding afgerond."),
    "competence_level": competence_check,
    "min_programmes": min_programmes_check,
}


def for_the_coach(requirement: Requirement, profile: Profile) -> bool:
    """Whether a coach reads the requirement in its coach wording (``coach_text``): a requirement on
    an RHO's subcontractors (CZ 2027 §3.3.1 "ziet erop toe dat de aangesloten onderaannemers ...
    beschikken over een geldige licentie") says to the subcontractor coach what must hold for it."""
    return requirement.coach_text is not None and profile.role in COACH_ROLES


def _backgrounds(requirement: Requirement) -> str:
    """The backgrounds a requirement is for, in words: "fysiotherapeut, oefentherapeut of diëtist"."""
    names = [BACKGROUND_LABELS[b].lower() for b in requirement.backgrounds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " of " + names[-1]


def provider_check(requirement: Requirement, ctx: Ctx) -> tuple[Status, str]:
    """What the profile's answers settle about one provider requirement, with why. What a
    requirement also asks of the contractant (``also_asks``: that all its subcontractors are
    registered) is not asked of the subcontractor coach who reads it in its own wording."""
    if requirement.backgrounds and ctx.profile.is_organisation:
        # ZZ 2024 §5.1 "Aanvullende eisen aan de leefstijlcoach met achtergrond ...": the organisation's
        # coaches, whatever the organisation's own profession.
        return "to_check", f"Ga na dat uw leefstijlcoaches met achtergrond {_backgrounds(requirement)} hieraan voldoen."
    if requirement.backgrounds and ctx.profile.background is None:
        return "to_check", (f"Geldt alleen voor een leefstijlcoach met achtergrond {_backgrounds(requirement)}; "
                            "vul uw achtergrond in.")
    if requirement.in_region is not None:
        return region_check(requirement, ctx)
    rule = TOPIC_CHECKS.get(requirement.topic)
    if rule is None:
        return "to_check", "Dit kunt u alleen zelf nagaan."
    status, why = rule(requirement, ctx)
    if status == "met" and requirement.also_asks and not for_the_coach(requirement, ctx.profile):
        # An AGB code is not yet one linked to the samenwerkingsverband (ZZ 2024 §5.1): to check.
        return "to_check", f"{why} Het beleid vraagt ook {requirement.also_asks}: ga dat na."
    if status == "met" and for_its_coaches(requirement, ctx.profile):
        return "to_check", f"{why} De eis geldt voor elke leefstijlcoach die de GLI uitvoert: ga na dat al uw " \
                           "leefstijlcoaches eraan voldoen."
    return status, why


def for_its_coaches(requirement: Requirement, profile: Profile) -> bool:
    """Whether an organisation reads a requirement that holds for the coach who delivers the GLI
    (roles include ``coach``: ZZ 2024 §5.1 "De leefstijlcoach heeft verifieerbaar ... een licentie",
    CZ 2027 §2.1.1 "CZ contracteert alleen leefstijlcoaches die geregistreerd zijn ..."): its answers
    ("u (of uw coaches)") say what some of its coaches have, not that every one has it, so "met"
    is to check, the same whether its own role is on the requirement's list or not."""
    return profile.is_organisation and "coach" in requirement.roles


def prior_contract_note(ctx: Ctx, requirement: Requirement) -> str:
    """What the profile says about a contract with this insurer in the year before the policy
    year, for an exception made for providers contracted then. It is always a question or a
    "may", never "voldaan" or "niet voldaan":

    - the profile asks about a GLI contract; the exception may be for another one (VGZ 2024: RHO's
      "in 2023 gecontracteerd ... als RHO"), so a "no" is a question, not a closed door;
    - a contract says nothing about the route it was under unless the profile's role is the one
      the requirement's routes contract (an organisation that fits VGZ's RHO route by what it does
      but calls itself a samenwerkingsverband may have been contracted as one);
    - an answer given for another year (a hint) says nothing about that year."""
    year, name = ctx.policy.year - 1, ctx.name
    routes = requirement.routes
    as_route = f" als {route_names([r for r in ctx.policy.contract_routes if r.route in routes][:1])}" if routes else ""
    same_role = not routes or any(ROUTE_ROLE[r] == ctx.role for r in routes)
    had = ctx.had_contract
    lead = (f" Uw antwoord over een GLI-contract in het jaar ervoor gaat over {ctx.requested_year - 1}, niet over "
            f"{year}." if ctx.prior_answer_elsewhere and ctx.requested_year else "")
    if had is None:
        return (f"{lead} Had u in {year} een overeenkomst met {name}{'' if same_role else as_route}? Dan kan de "
                "uitzondering voor u gelden.")
    if had and not same_role:
        return (f" U had in {year} een GLI-overeenkomst met {name}; of u toen{as_route} gecontracteerd was, zegt dat "
                f"niet: ga dat na. {name} beslist.")
    if had:
        return f" U had in {year} een GLI-overeenkomst met {name}: de uitzondering kan voor u gelden; {name} beslist."
    return (f" U gaf aan in {year} geen GLI-overeenkomst met {name} te hebben; ga na of een andere overeenkomst met "
            f"{name} in {year} onder deze uitzondering valt.")


def exception_check(requirement: Requirement, ctx: Ctx, status: Status, why: str) -> tuple[Status, str]:
    """A requirement the document makes an exception to is never "niet voldaan": the exception
    may apply (VGZ 2024 bijlage 2, RHO requirement 4: for RHO's contracted in 2023 "kan een
    uitzondering gemaakt worden"), so a failed or open answer is to check, naming the exception
    and its source. A met requirement needs no exception."""
    exception = requirement.exception
    if exception is None or status == "met":
        return status, why
    note = prior_contract_note(ctx, requirement) if exception.prior_year_contract else ""
    return "to_check", (f"{why} Uitzondering mogelijk {exception.text}: “{exception.source.quote}” "
                        f"(§ {exception.source.section}).{note}")


def check(requirement: Requirement, ctx: Ctx, age: AgeRule) -> tuple[Status, str]:
    """The status of one requirement for this profile, with why."""
    if ctx.profile.role == "referrer":
        return referrer_check(requirement, ctx, age)
    status, why = provider_check(requirement, ctx)
    return exception_check(requirement, ctx, status, why)


def item(requirement: Requirement, ctx: Ctx, age: AgeRule, holding: Holding | None = None) -> CheckItem:
    status, why = check(requirement, ctx, age)
    force = requirement.force
    if force not in GATING_FORCES and status == "unmet":
        # Only a minimum requirement or an exclusion ground can be "niet voldaan".
        status = "to_check"
        why += f" Dit is een {FORCE_LABELS[force].lower()}, geen voorwaarde om in aanmerking te komen."
    if status == "unmet" and holding is not None and unsaid_only(requirement, holding):
        status = "to_check"
        why += f" Of dit voor uw route geldt, zegt het beleid niet (§ {requirement.source.section}): ga het na."
    group: Group = status if force in GATING_FORCES else force  # type: ignore[assignment]
    text = requirement.coach_text if for_the_coach(requirement, ctx.profile) else requirement.text
    if ctx.profile.is_organisation and requirement.roles == ["coach"]:
        text = f"Voor uw leefstijlcoaches: {text}"
    if requirement.backgrounds and ctx.profile.is_organisation:
        text += f" (geldt voor uw leefstijlcoaches met achtergrond {_backgrounds(requirement)})"
    elif requirement.backgrounds and not ctx.profile.background:
        text += f" (geldt voor: {', '.join(BACKGROUND_LABELS[b] for b in requirement.backgrounds)})"
    return CheckItem(topic=requirement.topic, topic_label=TOPIC_LABELS[requirement.topic], text=text, status=status,
                     why=why, decisive=requirement.value is not None or requirement.age_group is not None, force=force, force_label=FORCE_LABELS[force],
                     group=group, source=requirement.source,
                     applies_to=applies_to(requirement, holding) if holding is not None else None)


def checklist(ctx: Ctx, holding: Holding | None = None) -> list[tuple[CheckItem, Requirement]]:
    """Every relevant requirement checked, by weight (unmet first, expectations last). A provider's
    checklist follows the routes it is held to (``holding``); a referrer's has none."""
    relevant_ = [r for r in ctx.policy.requirements if relevant(r, ctx.profile, ctx.had_contract, holding)]
    age = AgeRule.of(relevant_)
    pairs = [(item(r, ctx, age, holding), r) for r in relevant_]
    pairs.sort(key=lambda pair: GROUP_ORDER.index(pair[0].group))
    return pairs
