"""The checklist reads a profile's answer only for what it settles (``Requirement.also_asks``)."""

from __future__ import annotations

import datetime as dt

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
