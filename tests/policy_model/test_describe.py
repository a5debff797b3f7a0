"""How whom a statement is for reads (policy_model.describe)."""

from __future__ import annotations

from policy_model.describe import Addressees, addressees_label


def _requirement(cat, key: str, requirement_id: str):
    return next(r for r in cat.policy_by_key(key).requirements if r.id == requirement_id)


def test_a_coach_requirement_that_holds_under_routes_is_for_those_contractants_coaches(cat):
    # CZ 2027 §3.3.1: the RHO or samenwerkingsverband sees to it that its subcontractors have a licence.
    cz = _requirement(cat, "cz-2027", "rho_subcontractors_licence")
    assert addressees_label([cz]) == "RHO, Samenwerkingsverband en hun leefstijlcoaches"
    # ZZ 2024 §5.1: criteria "van toepassing op het multidisciplinair samenwerkingsverband of de zorggroep".
    zz = _requirement(cat, "zz-2024", "coach_blcn_register")
    assert addressees_label([zz]) == "Multidisciplinair / zorggroep en hun leefstijlcoaches"
    assert addressees_label([cz, zz]) == ("RHO, Samenwerkingsverband, Multidisciplinair / zorggroep en hun "
                                          "leefstijlcoaches")


def test_a_coach_requirement_without_routes_is_for_every_coach_and_the_referrer_is_left_out():
    assert addressees_label([Addressees(["coach", "individual_coach"])]) == \
        "Leefstijlcoach (uitvoerder), Individuele coach"
    assert addressees_label([Addressees(["referrer", "msv"])]) == "Multidisciplinair / zorggroep"
    assert addressees_label([Addressees(["rho"], ["rho"])]) == "RHO"


def test_a_role_named_beside_routed_coach_requirements_gets_no_coaches_of_its_own():
    # Audit J: "Individuele coach, Samenwerkingsverband, RHO en hun leefstijlcoaches" gave the
    # individual coach coaches of its own.
    routed = Addressees(["rho", "coach_network", "coach"], ["rho", "coach_network"])
    assert addressees_label([Addressees(["individual_coach"]), routed]) == \
        "Individuele coach; RHO, Samenwerkingsverband en hun leefstijlcoaches"
