"""The programmes the provider offers and the registers it holds, against what a policy buys
and accepts (a list the document gives in full settles what is absent from it; an open list
does not)."""

from __future__ import annotations

from policy_model.catalogue import Catalogue
from policy_model.named_lists import (
    closed_register_requirements,
    open_register_requirements,
    programme_criteria,
    unnamed_register_requirements,
)
from policy_model.schema import Policy, PolicyRegistry, Requirement
from policy_model.vocab import BACKGROUND_LABELS, NOT_STATED_LABEL, PROGRAMME_STATUS_LABELS
from policy_model.wizard.context import Ctx, Decision
from policy_model.wizard.models import ProgrammeCheck, RegistryCheck
from policy_model.wizard.profile import Profile


def programme_checks(policy: Policy, profile: Profile, catalogue: Catalogue) -> list[ProgrammeCheck]:
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
        elif criteria := programme_criteria(policy):
            out.append(ProgrammeCheck(programme=programme_id, name=name, status=None,
                                      label="Niet bij naam genoemd; het beleid stelt eisen aan de GLI zelf (na te gaan)",
                                      source=criteria[0].source))
        else:
            out.append(ProgrammeCheck(programme=programme_id, name=name, status=None,
                                      label=NOT_STATED_LABEL + " (na te gaan)", source=None))
    return out


def registry_checks(policy: Policy, profile: Profile, catalogue: Catalogue,
                    relevant: list[Requirement]) -> list[RegistryCheck]:
    """Each register the profile holds: named as accepted, named otherwise, left open by an open
    list that applies to the profile, asked for without any name (CZ 2024 §2.1), or absent from
    a full list."""
    open_lists = open_register_requirements(relevant)
    unnamed = unnamed_register_requirements(catalogue, policy, relevant)
    relevant_ids = {r.id for r in relevant}
    closed = [r for r in closed_register_requirements(policy) if r.id in relevant_ids]
    out = []
    background = profile.coach_background  # an organisation's registers are its coaches', of any background
    for registry_id in profile.registries or []:
        named = [r for r in policy.registries if r.registry == registry_id]
        # Named only for other backgrounds (ZZ 2024 §5.1: CKR "in het geval van fysiotherapie"):
        # not accepted for this profile, and not "not named" either.
        entries = [r for r in named if not r.backgrounds or background in (None, *r.backgrounds)]
        registry = catalogue.registry(registry_id)
        name = registry.abbreviation or registry.name
        if named and not entries and background:
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="no",
                                     label=f"Alleen genoemd voor {_backgrounds(named)}; niet voor uw achtergrond",
                                     source=named[0].source))
        elif entries and any(e.use in ("accepted", "required") for e in entries):
            # Without a background the register counts where the document names it for one.
            only = f" (voor {_backgrounds(entries)})" if all(e.backgrounds for e in entries) else ""
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="yes",
                                     label=f"Genoemd als geaccepteerd register{only}", source=entries[0].source))
        elif entries:
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="no",
                                     label="Genoemd, maar niet als vereiste", source=entries[0].source))
        elif open_lists:
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="not_stated",
                                     label="Niet genoemd, maar de lijst is open (een vergelijkbaar register kan "
                                           "tellen): na te gaan", source=open_lists[0].listing.source))
        elif unnamed:
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="not_stated",
                                     label="Niet genoemd: het beleid vraagt een erkend kwaliteitsregister zonder de "
                                           "registers te noemen: na te gaan", source=unnamed[0].source))
        elif registry.generic:  # known by a description: it may be a listed one by its own name
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="not_stated",
                                     label="Niet bij deze naam genoemd; dit register heeft geen vaste naam en kan een "
                                           "genoemd register zijn: na te gaan", source=None))
        elif closed:  # a closed list for the profile (ZZ 2024 §5.1: BLCN for a leefstijlcoach)
            listed = ", ".join(dict.fromkeys(catalogue.registry(i).abbreviation or catalogue.registry(i).name
                                             for r in closed for i in r.registries))
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="no",
                                     label=f"Niet in de gesloten lijst van het beleid (genoemd: {listed})",
                                     source=closed[0].listing.source))
        elif policy.addresses("registries"):
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="no",
                                     label="Niet genoemd in de volledige lijst van registers", source=None))
        else:
            out.append(RegistryCheck(registry=registry_id, name=name, accepted="not_stated", label=NOT_STATED_LABEL,
                                     source=None))
    return out


def _backgrounds(entries: list[PolicyRegistry]) -> str:
    """The backgrounds register entries are named for, in words: "fysiotherapeut, oefentherapeut"."""
    return ", ".join(dict.fromkeys(BACKGROUND_LABELS[b].lower() for e in entries for b in e.backgrounds))


def programme_decision(ctx: Ctx, checks: list[ProgrammeCheck], decision: Decision) -> None:
    """Programmes the provider offers against what the policy buys: one bought settles it; one
    only expected or bought under a condition makes the verdict conditional (VGZ 2024 KD2O "als
    dit programma beschikbaar is"); none bought from a full list excludes (CZ 2024 §2.1, CZ 2027 §3.2)."""
    if not checks or any(c.status == "bought" for c in checks):
        return
    pending = [c for c in checks if c.status in ("expected", "conditional")]
    if pending:
        for c in pending:
            decision.reasons.append(f"{c.name}: {ctx.name} koopt dit programma alleen onder voorwaarde in"
                                    + (f" – {c.note}" if c.note else "."))
            decision.sources.append(c.source)
        if decision.verdict == "eligible":
            decision.verdict = "conditional"
            decision.question = (f"Koopt {ctx.name} {' en '.join(c.name for c in pending)} in {ctx.policy.year} in "
                                 f"(is de voorwaarde vervuld)? {ctx.ask}")
        return
    unknown = [c for c in checks if c.status is None]
    if unknown:
        names = ", ".join(c.name for c in unknown)
        criteria = programme_criteria(ctx.policy)
        if criteria:  # ZZ 2024 §5.1: no programme named, but what a GLI must be
            decision.reasons.append(f"Het beleid noemt geen programma's bij naam, maar eist: "
                                    f"{' '.join(r.text for r in criteria)} Ga na of {names} daaraan voldoet. {ctx.ask}")
            decision.sources += [r.source for r in criteria]
        else:
            decision.reasons.append(f"Het beleid noemt {names} niet en somt de ingekochte programma's niet "
                                    f"volledig op: na te gaan. {ctx.ask}")
        return
    refused = [c for c in checks if c.status == "not_bought"]
    buys = [ctx.catalogue.programme(p.programme).abbreviation or ctx.catalogue.programme(p.programme).name
            for p in ctx.policy.programmes if p.status == "bought"]
    decision.verdict = "not_eligible"
    decision.question = None
    decision.reasons.insert(0, f"{ctx.name} koopt {', '.join(c.name for c in refused)} niet in"
                            + (f": het beleid noemt alleen {', '.join(buys)}." if buys else "."))
    decision.sources += [c.source for c in refused if c.source]
    decision.change = f"Met een licentie voor een programma dat {ctx.name} inkoopt ({', '.join(buys) or 'zie het beleid'})."
