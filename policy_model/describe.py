"""How a value, a period or a role reads in Dutch, shared by comparisons, the wizard and reports.

These describe one fact; they know nothing of comparisons or verdicts, so every layer
that shows a fact can use them without importing another layer's module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from policy_model.schema import ContractPeriod, PolicyRegistry, Requirement, Source
from policy_model.vocab import (
    AGE_GROUP_LABELS,
    BACKGROUND_LABELS,
    FORCE_LABELS,
    PARTICIPANT_FORCE_LABELS,
    REGISTRY_USE_LABELS,
    ROLE_SHORT_LABELS,
    ROUTE_ROLE,
    VALUE_UNIT_LABELS,
)

if TYPE_CHECKING:
    from policy_model.catalogue import Catalogue


def applies_to_role(requirement: Requirement, role: str | None) -> bool:
    """Requirements on the coach who delivers the GLI apply whatever the contracting role, except
    where the requirement holds only under routes that are not the role's (``routes``: CZ 2027
    §3.3.1's requirements on an RHO's subcontractors say nothing about an individual contractant)."""
    if role is None:
        return True
    if role not in requirement.roles and "coach" not in requirement.roles:
        return False
    kinds = {kind for kind, of in ROUTE_ROLE.items() if of == role and kind != "follow"}
    return not (requirement.routes and kinds and not kinds & set(requirement.routes))


class Addressed(Protocol):
    """A statement with its addressees: a :class:`Requirement`, or a comparison cell's entry of one."""

    roles: Sequence[str]
    routes: Sequence[str]
    roles_stated: bool


class Addressees(NamedTuple):
    """Roles and routes without a statement (a row that lists several statements' roles)."""

    roles: Sequence[str]
    routes: Sequence[str] = ()
    roles_stated: bool = True


#: Beside roles a document does not name (``roles_stated: false``): they are the forms it may concern.
UNSTATED_ROLES_NOTE = "het document noemt de contractant niet"


def roles_phrase(roles: Iterable[str], *, stated: bool = True) -> str:
    """Roles in words, "RHO, Samenwerkingsverband"; where the document names none (CZ 2027 §3.1 on the
    RIVM registration, audit H #7), "… (het document noemt de contractant niet)"."""
    text = ", ".join(ROLE_SHORT_LABELS[r] for r in roles)
    return text if stated or not text else f"{text} ({UNSTATED_ROLES_NOTE})"


def addressees_label(requirements: Iterable[Addressed], *, with_referrer: bool = False) -> str:
    """Whom requirements are for, in words, for "Alleen voor …": "RHO, Samenwerkingsverband".

    A requirement on the coach that holds only under some routes is for those contractants' coaches
    (ZZ 2024 §5.1: "van toepassing op het multidisciplinair samenwerkingsverband of de zorggroep"):
    "Multidisciplinair / zorggroep en hun leefstijlcoaches". "Leefstijlcoach (uitvoerder)" alone would
    tell an individual coach, who is a leefstijlcoach too, that it is for them (audit I #3). The
    referrer is named only ``with_referrer`` (a statement's own label, not "Alleen voor …")."""
    named: dict[str, None] = {}
    holders: dict[str, None] = {}  # the contractants whose coaches a routed coach requirement is for
    referrer = False
    stated = True
    for requirement in requirements:
        referrer = referrer or "referrer" in requirement.roles
        stated = stated and requirement.roles_stated
        if "coach" in requirement.roles and requirement.routes:
            holders.update(dict.fromkeys(ROUTE_ROLE[k] for k in requirement.routes if k != "follow"))
            named.update(dict.fromkeys(r for r in requirement.roles if r not in ("coach", "referrer")))
        else:
            named.update(dict.fromkeys(r for r in requirement.roles if r != "referrer"))
    # "Individuele coach; RHO, Samenwerkingsverband en hun leefstijlcoaches", never "Individuele coach,
    # RHO en hun leefstijlcoaches", which gave the individual coach coaches of its own (audit J).
    alone = roles_phrase(r for r in named if r not in holders)
    theirs = roles_phrase(holders) + " en hun leefstijlcoaches" if holders else ""
    text = "; ".join(x for x in (alone, theirs) if x)
    if text and not stated:
        text += f" ({UNSTATED_ROLES_NOTE})"
    return ", ".join(x for x in (text, ROLE_SHORT_LABELS["referrer"] if with_referrer and referrer else "") if x)


def registry_use_label(entry: PolicyRegistry) -> str:
    """How a record uses a register, "Verplicht", with "(genoemd voor nieuwe aanbieders)" where the
    document names it only for them (CZ 2027 §3.3.4's VECOZO questionnaire; audit N #35). Not
    "alleen": the document is silent on the others, it does not exclude them (audit P #3)."""
    return REGISTRY_USE_LABELS[entry.use] + (" (genoemd voor nieuwe aanbieders)" if entry.new_providers_only else "")


def duration_label(period: ContractPeriod) -> str:
    """The document's wording of a contract period, with "(maximaal)" added once where the
    period is a maximum and the wording does not already say so."""
    text = period.duration_text
    if period.maximum and "maxima" not in text.lower():
        text += " (maximaal)"
    return text


def value_text(requirement: Requirement) -> str:
    """A requirement's structured value in words ("minimaal 2 aantal"), or the age group it names
    without an age ("volwassenen (geen leeftijd genoemd)"); empty without either."""
    if requirement.value is None:
        return AGE_GROUP_LABELS[requirement.age_group] if requirement.age_group else ""
    value = requirement.value
    amount = int(value.amount) if value.amount == int(value.amount) else value.amount
    prefix = {"min": "minimaal ", "max": "maximaal ", "exact": ""}[value.comparison]
    return f"{prefix}{amount} {VALUE_UNIT_LABELS[value.unit]}"


def period_audience(period: ContractPeriod) -> str:
    """For whom a contract period is, where the document says so: new providers only (CZ 2027
    §3.3.4) or those who already had a contract (CZ 2027 §2.4, VGZ 2024's offer to 2023
    contractants); empty where it holds for all."""
    if period.new_providers_only:
        return " (alleen nieuwe aanbieders)"
    if period.existing_contractants_only:
        return " (voor wie al een overeenkomst had)"
    return ""


def force_words(force: str, participant: bool) -> str:
    """A force in words that fit the kind: "Minimumeis" for a provider, "Voorwaarde voor deelname"
    for who may take part (an expectation is no "Eis")."""
    return (PARTICIPANT_FORCE_LABELS if participant else FORCE_LABELS)[force]


def force_label(requirement: Requirement) -> str:
    """:func:`force_words` of a requirement."""
    return force_words(requirement.force, requirement.kind == "participant")


def registry_background_lines(cat: Catalogue, registry_id: str) -> list[tuple[str, Source]]:
    """Whom the documents name a register for, one sourced line per policy that ties it to a
    professional background: "Zorg en Zekerheid 2024 noemt dit register voor: fysiotherapeut".

    A register's name is not a document's word: "Individueel Register Fysiotherapie" says
    nothing about whom an insurer accepts it for (CZ 2027 §2.1.1 lists it for leefstijlcoaches
    without a background; audit F #9). So only the policies' own entries count; where none ties
    it, the caller says so."""
    out: list[tuple[str, Source]] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for policy in cat.policies:
        for entry in policy.registries:
            tie = (policy.key, tuple(entry.backgrounds))
            if entry.registry != registry_id or not entry.backgrounds or tie in seen:
                continue
            seen.add(tie)
            names = ", ".join(BACKGROUND_LABELS[b].lower() for b in entry.backgrounds)
            out.append((f"{cat.policy_label(policy)} noemt dit register voor: {names}", entry.source))
    return out
