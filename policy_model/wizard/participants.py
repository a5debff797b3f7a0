"""Referrer mode: who may take part (age, GGR, repeated participation), as each policy says.

Kept apart from the provider's requirements: who may take part is not what a provider must do.
"""

from __future__ import annotations

from dataclasses import dataclass

from policy_model.schema import CoverageEntry, Requirement
from policy_model.vocab import GATING_FORCES
from policy_model.wizard.context import Ctx, Decision
from policy_model.wizard.labels import NOT_SETTLED, Status
from policy_model.wizard.models import CheckItem
from policy_model.wizard.profile import GGR_LEVEL, Profile

#: The age from which the wizard reads a participant as one of the "volwassenen" the documents name
#: without an age (``age_group: adults``): full age in Dutch law (Burgerlijk Wetboek 1:233). The
#: documents read the same way: VGZ 2024 bijlage 2 makes "jeugdigen vanaf 16 jaar" an exception to
#: "volwassenen", CZ 2024 2.1 puts "kinderen tot 18 jaar" in the ketenaanpak kinderen. It is the
#: wizard's reading, never a value in the data.
ADULT_AGE = 18
MEETS_ALL = "De deelnemer voldoet aan de voorwaarden die het beleid noemt."


@dataclass
class AgeRule:
    """The target-group ages of a policy: the adult limit and a lower exception floor, if any."""

    adult: int | None = None
    floor: int | None = None
    floor_ggr: int | None = None  # GGR level the exception asks (from a GGR requirement or its own condition)

    @classmethod
    def of(cls, requirements: list[Requirement]) -> AgeRule:
        stated = sorted({int(r.value.amount) for r in requirements
                         if r.value and r.value.unit == "age" and r.value.comparison == "min"})
        adults = [ADULT_AGE] if any(r.age_group == "adults" for r in requirements) else []
        top = max([*stated, *adults], default=None)
        if top is None:
            return cls()
        lower = [a for a in stated if a < top]  # an exception floor is always an age the policy states
        rule = cls(adult=top, floor=lower[0] if lower else None)
        if rule.floor is not None:
            ggr = [int(r.value.amount) for r in requirements if r.value and r.value.unit == "ggr_level"]
            exception = next(r for r in requirements
                             if r.value and r.value.unit == "age" and int(r.value.amount) == rule.floor)
            # The exception's own GGR condition (VGZ 2024 bijlage 2: "matig verhoogd GGR (of hoger)").
            own = exception.condition if exception.condition and exception.condition.unit == "ggr_level" else None
            rule.floor_ggr = int(own.amount) if own else (min(ggr) if ggr else None)
        return rule

    def exception(self, profile: Profile) -> tuple[Status, str]:
        """Below the adult age but from the floor: the exception's GGR condition decides."""
        age = profile.participant_age
        if self.floor_ggr is None:
            return "to_check", f"Vanaf {self.floor} jaar kan het bij uitzondering; ga na onder welke voorwaarden."
        level = "matig verhoogd" if self.floor_ggr == 1 else "hoog"
        if profile.participant_ggr is None:
            return "to_check", (f"Vanaf {self.floor} jaar kan het bij uitzondering, met een GGR van ten minste {level}: "
                                "vul het GGR in.")
        if GGR_LEVEL[profile.participant_ggr] >= self.floor_ggr:
            # An exception "kan" apply (VGZ 2024 bijlage 2 "kunnen een uitzondering vormen", and the
            # referrer must judge the benefit): possible, not settled.
            return "to_check", (f"De deelnemer is {age} jaar met een GGR van ten minste {level}: de uitzondering "
                                f"vanaf {self.floor} jaar kan gelden. Ga na wat het beleid daarvoor nog meer vraagt.")
        return "unmet", (f"De deelnemer is {age} jaar zonder (matig) verhoogd GGR: de uitzondering vanaf {self.floor} "
                         "jaar geldt niet.")


def age_check(requirement: Requirement, profile: Profile, age: AgeRule, settled: bool = True) -> tuple[Status, str]:
    """An age limit (VGZ 2024 bijlage 2: 16+ by exception) or the adults a policy names without an
    age (VGZ 2024 bijlage 2 "uitsluitend ... volwassenen", CZ 2024 §2.1 "Volwassenen"): see
    :data:`ADULT_AGE`.

    ``settled``: the document settles who may take part in full. Where it does not (CZ 2024's
    summary page) and states no age of its own, "volwassenen" does not refuse a younger participant:
    its silence on an exception is no "no"."""
    adults = requirement.value is None and requirement.age_group == "adults"
    amount = ADULT_AGE if adults else int(requirement.value.amount)
    if profile.participant_age is None:
        return "to_check", "Vul de leeftijd van de deelnemer in."
    if profile.participant_age >= amount:
        if age.floor is not None and amount == age.floor and age.adult and profile.participant_age < age.adult:
            return age.exception(profile)
        return "met", f"De deelnemer is {profile.participant_age} jaar" + (" en volwassen." if adults else ".")
    if age.floor is not None and profile.participant_age >= age.floor:
        return age.exception(profile)
    if adults and not settled and age.floor is None:
        return "to_check", (f"De deelnemer is {profile.participant_age} jaar en nog niet volwassen (meerderjarig vanaf "
                            f"{ADULT_AGE} jaar). Het beleid noemt volwassenen, maar regelt niet volledig wie in "
                            "aanmerking komt en noemt geen uitzondering voor jongeren: ga na of die mogelijk is.")
    if adults:
        return "unmet", (f"De deelnemer is {profile.participant_age} jaar en nog niet volwassen (meerderjarig vanaf "
                         f"{ADULT_AGE} jaar); het beleid noemt volwassenen.")
    return "unmet", f"De deelnemer is {profile.participant_age} jaar; de grens is {amount} jaar."


def ggr_check(requirement: Requirement, profile: Profile) -> tuple[Status, str]:
    """A minimum weight-related health risk (CZ 2024 §2.1: "ten minste een matig verhoogd GGR")."""
    if profile.participant_ggr is None:
        return "to_check", "Vul het gewichtsgerelateerd gezondheidsrisico (GGR) in."
    if GGR_LEVEL[profile.participant_ggr] >= requirement.value.amount:
        return "met", "Het GGR van de deelnemer is hoog genoeg."
    return "unmet", "Het GGR van de deelnemer is niet (matig) verhoogd."


def repeat_check(requirement: Requirement, ctx: Ctx) -> tuple[Status, str]:
    """Taking part again soon after a GLI (VGZ 2024 bijlage 2: within 2 years only with VGZ's
    permission): the referrer reads what the policy asks and whom to ask, before referring."""
    repeat = ctx.profile.participant_repeat
    if repeat is None:
        return "to_check", "Geef aan of de deelnemer in de afgelopen twee jaar een GLI heeft afgerond."
    if not repeat:
        return "met", "De deelnemer heeft geen recente GLI gevolgd."
    within = f"minder dan {int(requirement.value.amount)} jaar" if requirement.value else "kort"
    return "to_check", (f"De deelnemer rondde {within} geleden een GLI af. Het beleid zegt: {requirement.text} "
                        f"Regel dit vóór de verwijzing met {ctx.name}. {ctx.ask}")


def referrer_check(requirement: Requirement, ctx: Ctx, age: AgeRule) -> tuple[Status, str]:
    value = requirement.value
    if (value is not None and value.unit == "age") or requirement.age_group is not None:
        settled = ctx.policy.addresses("participants", topic=requirement.topic)
        return age_check(requirement, ctx.profile, age, settled)
    if value is not None and value.unit == "ggr_level":
        return ggr_check(requirement, ctx.profile)
    if requirement.topic == "repeat_participation":
        return repeat_check(requirement, ctx)
    return "to_check", judge_text(requirement)


def judge_text(requirement: Requirement) -> str:
    """Who judges a criterion the profile cannot settle, in the document's words (``judged_by``):
    ZZ 2024 §5.1 gives the inclusion check of a digital GLI to the intervention owner's medical
    team, not to the referrer. Where the record names no one, the wizard does not guess who."""
    judge = requirement.judged_by
    if judge is None:
        return "Ga dit na vóór de verwijzing; wie het beoordeelt, zegt het beleid niet."
    quoted = f"“{judge.source.quote}” (§ {judge.source.section})"
    if judge.referrer:
        return f"Dit beoordeelt u als verwijzer: {quoted}."
    return f"Dit beoordeelt volgens het beleid {judge.text}: {quoted}."


def referrer_verdict(checklist: list[CheckItem], relevant: list[Requirement]) -> Decision:
    """Unmet criteria exclude; an open criterion with a value the profile could settle decides as
    the question; criteria the referrer judges (motivation, benefit) stay on the list."""
    if not any(r.topic == "target_group" for r in relevant):
        return Decision("conditional", [f"Het beleid zegt niets over wie in aanmerking komt ({NOT_SETTLED})."])
    unmet = [c for c in checklist if c.status == "unmet"]
    if unmet:
        return Decision("not_eligible", ["Niet voldaan aan: " + "; ".join(c.text for c in unmet)],
                        sources=[c.source for c in unmet])
    decisive = [c for c in checklist if c.decisive and c.status == "to_check"]
    if decisive:
        decision = Decision("conditional", ["Nog na te gaan: " + "; ".join(c.text for c in decisive)],
                            sources=[c.source for c in decisive])
        decision.question = decisive[0].why
        return decision
    return Decision("eligible", [MEETS_ALL])


def deferred_criteria(ctx: Ctx, d: Decision) -> None:
    """Where the document hands who may take part to another text (coverage ``deferred`` for the
    target group; VGZ 2024 bijlage 2: "De behandeling voldoet aan de voorwaarden zoals omschreven in
    de vigerende beleidsregel en onderliggende regelingen"), meeting what it names itself is not
    yet eligible: its silence on a GGR for adults is no "geen voorwaarde". A "no" stays a "no"."""
    entry = ctx.policy.coverage.entry("participants", role="referrer", topic="target_group")
    if entry is not None and entry.level == "general":
        described_only(ctx, d, entry)
        return
    if entry is None or entry.level != "deferred" or entry.source is None or d.verdict == "not_eligible":
        return
    source = entry.source
    d.reasons.append(f"Voor de verdere voorwaarden verwijst het beleid naar een andere regeling: “{source.quote}” "
                     f"(§ {source.section}).")
    d.sources.append(source)
    if d.verdict == "eligible":
        d.verdict = "conditional"
        d.question = f"Voldoet de deelnemer aan de voorwaarden van die regeling? {ctx.ask}"


def described_only(ctx: Ctx, d: Decision, entry: CoverageEntry) -> None:
    """Where the document only describes whom the GLI is for, in general terms, and states no
    condition on it (CZ 2027 §2.1: "De GLI is een bewezen effectieve interventie voor volwassenen
    met overgewicht", an expectation), a participant who fits the description is not yet
    eligible by the document's words: to ask. A summary that does state a condition (CZ 2024 §2.1
    "Volwassenen met ten minste een matig verhoogd GGR ... komen in aanmerking") still decides."""
    conditions = [r for r in ctx.policy.requirements
                  if r.kind == "participant" and r.topic == "target_group" and r.force in GATING_FORCES]
    if d.verdict != "eligible" or conditions:
        return
    d.reasons = [r for r in d.reasons if r != MEETS_ALL]  # it names none
    where = f" (“{entry.source.quote}”, § {entry.source.section})" if entry.source is not None else ""
    d.reasons.append(f"Het beleid beschrijft alleen in algemene termen voor wie de GLI is{where}; voorwaarden "
                     "voor deelname noemt het niet.")
    if entry.source is not None:
        d.sources.append(entry.source)
    d.verdict = "conditional"
    d.question = f"Welke voorwaarden gelden voor deelname? {ctx.ask}"

