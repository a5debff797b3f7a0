"""Referrer mode: the ages a policy states and the adults it names without an age."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from policy_model.schema import Requirement
from policy_model.wizard.participants import ADULT_AGE, AgeRule
from policy_model.wizard.profile import Profile
from policy_model.wizard.rules import assess_policy

TODAY = dt.date(2026, 12, 2)


def _adults_item(cat, insurer: str, year: int, age: int, ggr: str = "moderate"):
    profile = Profile(role="referrer", year=year, participant_age=age, participant_ggr=ggr, participant_repeat=False)
    assessment = assess_policy(cat.policy(insurer, year), profile, cat, TODAY)
    adults = next(r for r in cat.policy(insurer, year).requirements if r.age_group == "adults")
    return next(c for c in assessment.checklist if c.text == adults.text)


def test_cz_2024_volwassenen_a_sixteen_year_old_is_to_check_not_refused(cat):
    """CZ 2024 2.1 "Volwassenen met ten minste een matig verhoogd ... GGR": no age, so the wizard
    says the participant is not yet an adult, not that a limit of 18 is in the policy. The web page
    is a summary that does not settle who may take part: its silence on younger participants is
    no "no" (VGZ's full policy does make an exception from 16), so it is to check."""
    assert cat.policy("cz", 2024).coverage_level("participants", topic="target_group") == "general"
    item = _adults_item(cat, "cz", 2024, 16)
    assert item.status == "to_check" and item.decisive
    assert "nog niet volwassen" in item.why and "noemt geen uitzondering voor jongeren" in item.why
    assert "de grens is" not in item.why
    adult = _adults_item(cat, "cz", 2024, 45)
    assert adult.status == "met" and adult.why == "De deelnemer is 45 jaar en volwassen."


def test_vgz_2024_volwassenen_with_the_exception_from_16(cat):
    """VGZ 2024 bijlage 2: "uitsluitend ... volwassenen", "Jeugdigen vanaf 16 jaar ... matig verhoogd GGR"."""
    # "kunnen een uitzondering vormen", and the referrer judges the benefit: possible, not settled
    assert _adults_item(cat, "vgz", 2024, 17).status == "to_check"
    assert "de uitzondering vanaf 16 jaar kan gelden" in _adults_item(cat, "vgz", 2024, 17).why
    assert _adults_item(cat, "vgz", 2024, 17, ggr="none").status == "unmet"
    assert _adults_item(cat, "vgz", 2024, 15).status == "unmet"


def _participant(**fields) -> Requirement:
    base = {"id": "r", "kind": "participant", "topic": "target_group", "roles": ["referrer"], "force": "minimum",
            "text": "Volwassenen.", "source": {"document": "d", "section": "s", "quote": "volwassenen"}}
    return Requirement(**(base | fields))


def test_age_rule_of_adults_and_a_stated_floor() -> None:
    assert AgeRule.of([_participant(age_group="adults")]) == AgeRule(adult=ADULT_AGE)
    floor = _participant(value={"amount": 16, "unit": "age"}, condition={"amount": 1, "unit": "ggr_level"})
    assert AgeRule.of([_participant(age_group="adults"), floor]) == AgeRule(adult=ADULT_AGE, floor=16, floor_ggr=1)
    # A stated age above the adults' is the limit; 18 is never an exception floor the policy did not state.
    assert AgeRule.of([_participant(age_group="adults"), _participant(value={"amount": 21, "unit": "age"})]) == \
        AgeRule(adult=21)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"age_group": "adults", "kind": "provider"}, "participant criterion"),
        ({"age_group": "adults", "value": {"amount": 18, "unit": "age"}}, "without an age"),
    ],
)
def test_an_age_group_is_a_participant_criterion_without_an_age(fields, message) -> None:
    with pytest.raises(ValidationError, match=message):
        _participant(**fields)


def test_a_seventeen_year_old_gets_a_question_not_a_yes_or_a_no(cat):
    """The verdict follows: VGZ 2024 (exception from 16, judged by the referrer) and CZ 2024 (a
    summary naming "volwassenen") are both "na te gaan" for a 17-year-old with a moderate GGR."""
    for insurer in ("vgz", "cz"):
        profile = Profile(role="referrer", year=2024, participant_age=17, participant_ggr="moderate",
                          participant_repeat=False)
        assessment = assess_policy(cat.policy(insurer, 2024), profile, cat, TODAY)
        assert assessment.verdict == "conditional", (insurer, assessment.verdict)


def test_vgz_2024_defers_the_treatments_conditions_so_an_adult_is_not_yet_eligible(cat):
    """VGZ 2024 bijlage 2: "De behandeling voldoet aan de voorwaarden zoals omschreven in de vigerende
    beleidsregel en onderliggende regelingen", and no GGR threshold for adults: an adult without a
    raised GGR meets what VGZ names, but its silence is no "geen voorwaarde" (coverage: target group
    deferred). The verdict is a question quoting the deferral, not "in aanmerking"."""
    for ggr in ("none", "moderate"):
        profile = Profile(role="referrer", year=2024, participant_age=45, participant_ggr=ggr, participant_repeat=False)
        assessment = assess_policy(cat.policy("vgz", 2024), profile, cat, TODAY)
        assert assessment.verdict == "conditional", ggr
        assert any("vigerende beleidsregel en onderliggende regelingen" in r for r in assessment.reasons)
        assert "voorwaarden van die regeling" in assessment.question
        assert any("vigerende beleidsregel" in s.quote for s in assessment.verdict_sources)
    # A "no" from what VGZ does name stays a "no": a 15-year-old is below the exception from 16.
    young = Profile(role="referrer", year=2024, participant_age=15, participant_ggr="high", participant_repeat=False)
    assert assess_policy(cat.policy("vgz", 2024), young, cat, TODAY).verdict == "not_eligible"
    # CZ 2027 only describes its target group (coverage general): not affected.
    adult = Profile(role="referrer", year=2027, participant_age=45, participant_ggr="moderate", participant_repeat=False)
    assert not any("verwijst het beleid" in r for r in assess_policy(cat.policy("cz", 2027), adult, cat, TODAY).reasons)


def test_a_description_of_whom_the_gli_is_for_is_no_condition_met(cat):
    """CZ 2027 §2.1 describes the GLI as "voor volwassenen met overgewicht" (an expectation, coverage
    general) and names no condition: an adult without a raised GGR is "na te gaan", not eligible.
    CZ 2024's summary does state one ("ten minste een matig verhoogd GGR"), so it still decides."""
    profile = Profile(role="referrer", year=2027, participant_age=40, participant_ggr="none", participant_repeat=False)
    assessment = assess_policy(cat.policy("cz", 2027), profile, cat, TODAY)
    assert assessment.verdict == "conditional"
    assert any("alleen in algemene termen" in r for r in assessment.reasons)
    assert not any("voldoet aan de voorwaarden die het beleid noemt" in r for r in assessment.reasons)
    adult = Profile(role="referrer", year=2024, participant_age=45, participant_ggr="moderate", participant_repeat=False)
    assert assess_policy(cat.policy("cz", 2024), adult, cat, TODAY).verdict == "eligible"
