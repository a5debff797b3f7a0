"""The checklist reads a profile's answer only for what it settles (``Requirement.also_asks``), and
never reads a requirement the document makes an exception to as "niet voldaan" (``Requirement.exception``)."""

from __future__ import annotations

import datetime as dt

import pytest

from policy_model.wizard.checklist import exception_check
from policy_model.wizard.context import Ctx
from policy_model.wizard.profile import Profile
from policy_model.wizard.rules import assess_policy

TODAY = dt.date(2026, 12, 3)


def _item(cat, key: str, requirement_id: str, profile: Profile):
    policy = cat.policy_by_key(key)
    text = next(r.text for r in policy.requirements if r.id == requirement_id)
    return next(c for c in assess_policy(policy, profile, cat, TODAY).checklist if c.text.endswith(text))


def test_an_agb_code_is_not_yet_one_linked_to_the_samenwerkingsverband(cat):
    # ZZ 2024 §5.1: "De leefstijlcoach is in het Vektis AGB-register verbonden aan het
    # multidisciplinair samenwerkingsverband of de zorggroep": having a code is not that.
    coach = Profile(role="coach", year=2024, background="leefstijlcoach", agb_code=True, licences=["cool"])
    linked = _item(cat, "zz-2024", "coach_agb_verbonden_aan_msv", coach)
    assert linked.status == "to_check"
    assert "U heeft een AGB-code." in linked.why and "verbonden is aan het samenwerkingsverband" in linked.why
    register = _item(cat, "zz-2024", "coach_registratie_programmaregister", coach)
    assert register.status == "to_check" and "register dat bij het programma hoort" in register.why
    # the licence itself is what the profile says: met
    assert _item(cat, "zz-2024", "coach_licentie_gli_programma", coach).status == "met"
    # VGZ 2024 bijlage 2: "Deze aantekening is ook zichtbaar in het AGB- register van Vektis."
    visible = _item(cat, "vgz-2024", "coach_annotation_visible_agb",
                    Profile(role="individual_coach", year=2024, agb_code=True))
    assert visible.status == "to_check" and "zichtbaar is in het AGB-register" in visible.why


def test_a_plain_agb_requirement_is_met_and_a_no_is_still_unmet(cat):
    # CZ 2027 §3.3.2 "Heeft een geldige AGB-code": the profile's answer settles it
    coach = Profile(role="individual_coach", year=2027, agb_code=True)
    assert _item(cat, "cz-2027", "individual_agb_code", coach).status == "met"
    # a "no" to the plain fact is a "no" to the larger requirement too
    none = Profile(role="coach", year=2024, background="leefstijlcoach", agb_code=False)
    assert _item(cat, "zz-2024", "coach_agb_verbonden_aan_msv", none).status == "unmet"


EXCEPTION_QUOTE = "Voor RHO’s die in 2023 gecontracteerd zijn als RHO en niet aan deze voorwaarde voldoen"
SIZE_AND_MANDATE = ["rho_agreement_min_100000_patients", "rho_agreement_gp_mandate_80_percent"]


@pytest.mark.parametrize("rid", SIZE_AND_MANDATE)
@pytest.mark.parametrize("prior", [["vgz"], None, []])
def test_the_rho_size_and_mandate_minimums_name_their_exception(cat, rid, prior):
    # VGZ 2024 bijlage 2, RHO requirement 4: 100,000 patients and an 80 % mandate, then "Voor RHO's
    # die in 2023 gecontracteerd zijn als RHO en niet aan deze voorwaarde voldoen, kan een uitzondering
    # gemaakt worden". The checklist names the exception with its source, whatever the profile says.
    rho = Profile(role="rho", year=2024, prior_contract_with=prior, in_insurer_region="yes")
    item = _item(cat, "vgz-2024", rid, rho)
    assert item.status == "to_check"
    assert "Uitzondering mogelijk voor RHO's die in 2023 als RHO bij VGZ gecontracteerd waren" in item.why
    assert EXCEPTION_QUOTE in item.why and "Regionale Huisartsenorganisaties (RHO)" in item.why
    expected = {None: "Had u in 2023 een overeenkomst met VGZ?",
                "vgz": "U had in 2023 een GLI-overeenkomst met VGZ: de uitzondering kan voor u gelden",
                "none": "ga na of een andere overeenkomst met VGZ in 2023 onder deze uitzondering valt"}
    key = None if prior is None else (prior[0] if prior else "none")
    assert expected[key] in item.why


@pytest.mark.parametrize("rid", SIZE_AND_MANDATE)
@pytest.mark.parametrize("prior", [["vgz"], None])
def test_a_failed_size_or_mandate_is_to_check_for_an_rho_the_exception_may_be_for(cat, rid, prior):
    # The profile has no patient count or mandate to fail these minimums with; what a failed answer
    # becomes is exception_check's, on the real requirement: "na te gaan", never "niet voldaan", for
    # an RHO that had a VGZ contract in 2023 or did not say.
    policy = cat.policy_by_key("vgz-2024")
    requirement = next(r for r in policy.requirements if r.id == rid)
    ctx = Ctx.of(policy, Profile(role="rho", year=2024, prior_contract_with=prior), cat, TODAY)
    status, why = exception_check(requirement, ctx, "unmet", "U voldoet hier niet aan.")
    assert status == "to_check"
    assert why.startswith("U voldoet hier niet aan. Uitzondering mogelijk voor RHO's die in 2023")
    assert EXCEPTION_QUOTE in why
    assert exception_check(requirement, ctx, "met", "Voldaan.") == ("met", "Voldaan.")


def test_a_requirement_without_an_exception_can_still_be_unmet(cat):
    policy = cat.policy_by_key("vgz-2024")
    requirement = next(r for r in policy.requirements if r.id == "rho_agreement_vgz_preferent_region")
    assert requirement.exception is None
    ctx = Ctx.of(policy, Profile(role="rho", year=2024, prior_contract_with=["vgz"]), cat, TODAY)
    assert exception_check(requirement, ctx, "unmet", "Buiten de regio.") == ("unmet", "Buiten de regio.")
    outside = Profile(role="rho", year=2024, prior_contract_with=["vgz"], in_insurer_region="no")
    assert _item(cat, "vgz-2024", "rho_agreement_vgz_preferent_region", outside).status == "unmet"
