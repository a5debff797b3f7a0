"""The requirements an organisation is held to follow the routes it fits by what it does, not the
role it picks: "an organisation is what it does, not what an insurer calls it", and "a
requirement for the RHO says nothing about a coach". Real records, the audit's profiles."""

from __future__ import annotations

import datetime as dt

from policy_model.wizard.assessment_output import assessment_json, assessment_text
from policy_model.wizard.profile import Profile
from policy_model.wizard.rules import assess_policy

TODAY = dt.date(2026, 12, 3)


def _assess(cat, insurer: str, year: int, **profile):
    return assess_policy(cat.policy(insurer, year), Profile.model_validate({"year": year, **profile}), cat, TODAY)


def _sections(a) -> list[str]:
    return [c.source.section for c in a.checklist]


def _record_sections(cat, insurer: str, year: int, prefix: str) -> list[str]:
    return [r.source.section for r in cat.policy(insurer, year).requirements if r.source.section.startswith(prefix)]


# 1a: CZ 2027. A regional organisation of GPs that coordinates chain care fits CZ's RHO route
# ("Een RHO is een eerstelijnsorganisatie waarin zorgverleners (overwegend huisartsen) op
# regioniveau zijn verenigd", §2.2), whatever it calls itself.
CZ_RHO_BY_FUNCTION = dict(licences=["cool", "beweegkuur"], programmes_offered=1, agb_code=True, kvk_registered=True,
                          prior_contract_with=[], scope="regional",
                          functions={"gp_led_regional": "yes", "coordinates_chain_care": "yes"})


def test_an_organisation_on_czs_rho_route_is_held_to_the_rho_requirements_whatever_it_calls_itself(cat):
    msv = _assess(cat, "cz", 2027, role="msv", **CZ_RHO_BY_FUNCTION)
    assert [r.route for r in msv.routes if r.route != "follow"] == ["rho"]
    # §3.3.1: "moet de RHO of het samenwerkingsverband ... aan de volgende minimumeisen voldoen ...
    # biedt ten minste 2 GLI-programma's aan."
    assert msv.verdict == "not_eligible"
    assert "minimum aantal programma's" in msv.reasons[0]
    sections = _sections(msv)
    assert sum(s.startswith("3.3.1") for s in sections) == len(_record_sections(cat, "cz", 2027, "3.3.1"))
    assert sum(s.startswith("3.3.3") for s in sections) == len(_record_sections(cat, "cz", 2027, "3.3.3")) == 8
    assert any(s.startswith("3.3.4") for s in sections)
    # The same organisation called an RHO gets the same answer and the same checklist.
    rho = _assess(cat, "cz", 2027, role="rho", **CZ_RHO_BY_FUNCTION)
    assert rho.verdict == msv.verdict
    assert [(c.text, c.status) for c in rho.checklist] == [(c.text, c.status) for c in msv.checklist]


# 1b: ZZ 2024. An organisation of a GP, a pharmacist and a third discipline that coordinates chain
# care fits ZZ's multidisciplinair samenwerkingsverband and its zorggroep (§5), whatever it calls itself.
ZZ_MSV_BY_FUNCTION = dict(licences=["cool", "beweegkuur"], programmes_offered=2, agb_code=True, kvk_registered=True,
                          prior_contract_with=[], scope="regional", in_insurer_region="yes",
                          functions={"coordinates_chain_care": "yes", "multidisciplinary_primary_care": "yes"})


def test_an_organisation_on_zzs_msv_routes_is_held_to_the_msv_and_zorggroep_requirements(cat):
    rho = _assess(cat, "zz", 2024, role="rho", **ZZ_MSV_BY_FUNCTION)
    assert rho.verdict == "eligible" and {r.route for r in rho.routes} == {"msv", "zorggroep"}
    topics = {c.topic for c in rho.checklist}
    # §5.1 "Eisen aan multidisciplinair samenwerkingsverband en Zorggroep": O&I Regiomanagement, Wtza.
    assert {"oi_contract", "wtza_licence"} <= topics
    assert any("gemeente" in c.text and c.source.section.startswith("5.1") for c in rho.checklist)
    # §5: "met ten minste een huisarts, apotheker en een derde discipline": the msv's own form, said so.
    composition = next(c for c in rho.checklist if "apotheker" in c.text)
    assert composition.applies_to == "Geldt bij de route multidisciplinair samenwerkingsverband"
    msv = _assess(cat, "zz", 2024, role="msv", **ZZ_MSV_BY_FUNCTION)
    assert [(c.text, c.status) for c in rho.checklist] == [(c.text, c.status) for c in msv.checklist]


def test_a_coach_network_that_zz_may_count_as_a_zorggroep_reads_its_requirements_as_to_check(cat):
    # §5: "Een zorggroep kan in sommige gevallen ook een samenwerkingsverband van monodisciplinaire
    # zorgprofessionals zoals fysiotherapeuten zijn": the route is "na te gaan", and so are its requirements.
    network = _assess(cat, "zz", 2024, role="coach_network", licences=["cool"], programmes_offered=2,
                      in_insurer_region="yes", prior_contract_with=[])
    assert network.verdict == "conditional"
    held = [c for c in network.checklist if c.topic in ("oi_contract", "wtza_licence")]
    assert {c.topic for c in held} == {"oi_contract", "wtza_licence"}
    assert all(c.applies_to and "na te gaan" in c.applies_to for c in held)
    assert all("zorggroep" in c.applies_to for c in held if c.source.section.startswith("5.1"))


# 1c: VGZ 2024, bijlage 2: "Voor GLI en Stoppen met roken zijn onderstaand de minimumeisen
# opgenomen zoals die gelden voor alle aanbieders die GLI en Stoppen met rokenbegeleiding bieden."
GLI_AGREEMENT = "Bijlage 2. Minimumeisen voor Zorgovereenkomst Gecombineerde Leefstijlinterventie"
RHO_AGREEMENT = "Bijlage 2. Minimumeisen voor Zorgovereenkomst Zorgverlening Regionale Huisartsenorganisaties"


def test_vgz_holds_every_gli_provider_to_the_gli_requirements_and_only_an_rho_to_the_rho_agreement(cat):
    policy = cat.policy("vgz", 2024)
    gli = {r.source.quote for r in policy.requirements if r.kind == "provider" and r.source.section.startswith(GLI_AGREEMENT)}
    msv = _assess(cat, "vgz", 2024, role="msv", **ZZ_MSV_BY_FUNCTION)
    assert msv.verdict == "eligible" and [r.route for r in msv.routes] == ["coach_network"]
    quotes = {c.source.quote for c in msv.checklist}
    assert gli <= quotes  # all of them, not only the five on the coaches
    assert not any(s.startswith(RHO_AGREEMENT) for s in _sections(msv))
    # An RHO may contract as samenwerkingsverband or under its RHO agreement: the agreement's
    # requirements are there, and say that they hold only for that route.
    rho = _assess(cat, "vgz", 2024, role="rho", **ZZ_MSV_BY_FUNCTION)
    assert gli <= {c.source.quote for c in rho.checklist}
    agreement = [c for c in rho.checklist if c.source.section.startswith(RHO_AGREEMENT)]
    assert agreement and all(c.applies_to == "Geldt bij de route RHO" for c in agreement)
    assert all(c.applies_to is None for c in rho.checklist if c.source.section.startswith(GLI_AGREEMENT))
    # The route is said in the CLI's text and JSON too.
    assert "(Geldt bij de route RHO)" in assessment_text([rho])
    assert any(item["applies_to"] == "Geldt bij de route RHO" for item in assessment_json(rho)["checklist"])


# 3: ZZ 2024 §3.2: "uitsluitend afspraken over de GLI met multidisciplinaire samenwerkingsverbanden
# of zorggroepen". It never names an RHO.
def test_a_coach_in_zzs_region_is_told_to_join_what_zz_contracts_not_an_rho(cat):
    coach = _assess(cat, "zz", 2024, role="individual_coach", background="leefstijlcoach", registries=["blcn"],
                    licences=["cool"], agb_code=True, kvk_registered=True, in_insurer_region="yes",
                    prior_contract_with=[], scope="local")
    assert coach.verdict == "subcontractor_only"
    assert coach.verdict_label == "Alleen via een multidisciplinair samenwerkingsverband of zorggroep (als onderaannemer)"
    assert "onderaannemer van een multidisciplinair samenwerkingsverband of zorggroep" in coach.explanation
    assert "RHO" not in coach.verdict_label and "RHO" not in coach.explanation


# 6: CZ 2027. An individual contractant's own requirements are §2.1.1 and §3.3.2; §3.3.1 is what an
# RHO or samenwerkingsverband must see to, for its subcontractors.
CZ_COACH = dict(background="leefstijlcoach", registries=["ckr"], licences=["cool"], agb_code=True, kvk_registered=True,
                accredited_training=True, hbo_level=True, prior_contract_with=[], scope="local")


def test_a_coach_contracting_alone_is_not_held_to_what_an_rho_must_see_to_for_its_subcontractors(cat):
    coach = _assess(cat, "cz", 2027, role="individual_coach", region_has_rho="no", region_has_network="no", **CZ_COACH)
    assert coach.verdict == "not_eligible"
    assert not any(s.startswith("3.3.1") for s in _sections(coach))
    unmet = [c for c in coach.checklist if c.status == "unmet"]
    assert [c.source.section[:5] for c in unmet] == ["2.1.1", "3.3.2"]  # the register: once each, not three times
    assert "Eisen: 2 niet voldaan" in coach.explanation
    assert "onderaannemers" not in coach.next_step


def test_a_coach_who_can_only_be_a_subcontractor_is_held_to_what_cz_asks_of_subcontractors(cat):
    coach = _assess(cat, "cz", 2027, role="individual_coach", region_has_rho="yes", **CZ_COACH)
    assert coach.verdict == "subcontractor_only" and coach.verdict_label == "Alleen via een RHO (als onderaannemer)"
    sections = _sections(coach)
    assert any(s.startswith("3.3.1") for s in sections)  # "Zij hebben een registratie ..."
    assert not any(s.startswith("3.3.2") for s in sections)  # no individual contract, so not its requirements


def test_a_run_off_coach_reads_the_individual_contractants_requirements_as_unsaid_for_it(cat):
    # CZ 2027 §3.3.2 sets "Minimumeisen voor een individuele contractant"; §2.4 lists the run-off
    # agreement apart, and nothing says §3.3.2 holds for it. A former contractant in a region with
    # an RHO gets the run-off agreement: it read "Geldt bij de route uitloopovereenkomst" (audit F).
    a = _assess(cat, "cz", 2027, role="individual_coach", prior_contract_with=["cz"], region_has_rho="yes",
                kvk_registered=False, in_insurer_region="yes")
    assert {r.route for r in a.routes} >= {"runoff"}
    section = "3.3.2 Minimumeisen voor een individuele contractant"
    items = [c for c in a.checklist if c.source.section == section]
    assert items and all(c.applies_to == "Of het ook geldt bij de route uitloopovereenkomst, zegt het beleid niet"
                         for c in items)
    kvk = next(c for c in items if c.topic == "kvk_registration")
    assert kvk.status == "to_check" and "Of dit voor uw route geldt, zegt het beleid niet (§ 3.3.2" in kvk.why
    # A new individual contractant in a region without an RHO is held to them as before.
    new = _assess(cat, "cz", 2027, role="individual_coach", prior_contract_with=[], region_has_rho="no",
                  region_has_network="no", kvk_registered=False, in_insurer_region="yes")
    own = [c for c in new.checklist if c.source.section == section]
    assert own and all(c.applies_to is None for c in own)
    assert next(c for c in own if c.topic == "kvk_registration").status == "unmet"


def test_a_route_is_either_one_a_requirement_holds_under_or_one_the_document_is_silent_on(cat):
    import pytest
    from pydantic import ValidationError

    from policy_model.schema import Requirement

    r = next(r for r in cat.policy("cz", 2027).requirements if r.unsaid_routes)
    with pytest.raises(ValidationError, match="not both"):
        Requirement.model_validate({**r.model_dump(), "routes": ["runoff"]})
