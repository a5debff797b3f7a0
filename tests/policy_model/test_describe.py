"""How whom a statement is for reads (policy_model.describe)."""

from __future__ import annotations

from policy_model.describe import Addressees, addressees_label, roles_phrase


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


def test_roles_a_document_does_not_name_are_said_to_be_unnamed(cat):
    # Audit H #7: CZ 2027 §3.1 says the RIVM registration "is geen minimumeis meer" without
    # saying for whom; cz-2026 lists the forms CZ contracts, and every label says so.
    rivm = _requirement(cat, "cz-2026", "rivm_indicator_registration")
    assert not rivm.roles_stated
    assert addressees_label([rivm]) == ("Individuele coach, Samenwerkingsverband, RHO "
                                        "(het document noemt de contractant niet)")
    stated = _requirement(cat, "cz-2027", "rho_subcontractors_licence")
    assert addressees_label([rivm, stated]).endswith("(het document noemt de contractant niet)")
    assert "niet" not in addressees_label([stated])
    assert roles_phrase(["rho"], stated=False) == "RHO (het document noemt de contractant niet)"
    assert roles_phrase(["rho", "msv"]) == "RHO, Multidisciplinair / zorggroep"
    registry = next(e for e in cat.policy_by_key("cz-2026").registries if e.registry == "rivm_gli_register")
    assert not registry.roles_stated


def test_every_record_names_the_contractants_of_its_requirements_except_where_its_text_says_it_does_not(cat):
    for policy in cat.policies:
        for item in [*policy.requirements, *policy.registries]:
            text = getattr(item, "text", None) or item.note or ""
            says_unnamed = "voor welke" in text and "staat niet in het document" in text
            assert item.roles_stated is not says_unnamed, (policy.key, getattr(item, "id", item.registry))
