"""Whom a checklist item addresses: who judges a participant criterion (``Requirement.judged_by``),
what an RHO's requirement on its subcontractors means for the subcontractor coach
(``Requirement.coach_text``), and that an organisation's coach items are about its coaches."""

from __future__ import annotations

import datetime as dt

from policy_model.wizard.batch import parse_profile_row
from policy_model.wizard.profile import Profile, inapplicable_keys
from policy_model.wizard.rules import assess_policy

TODAY = dt.date(2026, 12, 3)


def _item(cat, key: str, requirement_id: str, profile: Profile):
    """The checklist item of one real requirement (its text may carry a prefix or a suffix)."""
    policy = cat.policy_by_key(key)
    requirement = next(r for r in policy.requirements if r.id == requirement_id)
    texts = [t for t in (requirement.text, requirement.coach_text) if t]
    return next(c for c in assess_policy(policy, profile, cat, TODAY).checklist
                if c.source == requirement.source and any(t in c.text for t in texts))


REFERRER = Profile(role="referrer", year=2024, participant_age=17, participant_ggr="moderate",
                   participant_repeat=False)


def test_zz_2024_the_medical_team_judges_inclusion_in_a_digital_gli_not_the_referrer(cat):
    # ZZ 2024 §5.1 (Eisen aan de GLI), digital GLI: "Het medisch team van de interventie-eigenaar
    # beoordeelt of een deelnemer voldoet aan de inclusiecriteria." The wizard used to say "Dit
    # beoordeelt u als verwijzer zelf".
    item = _item(cat, "zz-2024", "digitale_gli_inclusie_medisch_team", REFERRER)
    assert item.status == "to_check"
    assert "verwijzer zelf" not in item.why
    assert item.why.startswith("Dit beoordeelt volgens het beleid het medisch team van de interventie-eigenaar")
    assert "“Het medisch team van de interventie-eigenaar beoordeelt of een deelnemer voldoet aan de " \
           "inclusiecriteria.” (§ 5.1 Minimum- en kwaliteitseisen (Eisen aan de GLI))" in item.why


def test_who_judges_follows_the_documents_words_and_is_not_guessed(cat):
    # VGZ 2024 bijlage 2: "De verwijzer moet in dit geval inschatten": the referrer, with the quote.
    youth = _item(cat, "vgz-2024", "youth_referrer_assessment", REFERRER)
    assert youth.why.startswith("Dit beoordeelt u als verwijzer: “De verwijzer moet in dit geval inschatten")
    # CZ 2024 §2.1: "De huisarts toetst of een GLI-programma passend is".
    gp = _item(cat, "cz-2024", "gp_assesses_and_refers", REFERRER)
    assert gp.why.startswith("Dit beoordeelt volgens het beleid de huisarts: “De huisarts toetst")
    # CZ 2024 §2.1 "die voldoende gemotiveerd zijn": the page names no one who judges motivation.
    motivation = _item(cat, "cz-2024", "target_group_motivation", REFERRER)
    assert motivation.status == "to_check" and "zegt het beleid niet" in motivation.why
    assert "verwijzer zelf" not in motivation.why


def _coach_2027(**answers) -> Profile:
    """q13_coach2027 of the audit: a BLCN coach with a CooL licence in a region where CZ contracted an RHO."""
    base = {"role": "coach", "year": 2027, "background": "leefstijlcoach", "registries": ["blcn"],
            "licences": ["cool"], "agb_code": True, "kvk_registered": True, "accredited_training": True,
            "hbo_level": True, "region_has_rho": "yes", "region_has_network": "no", "prior_contract_with": [],
            "scope": "local", "in_insurer_region": "yes"}
    return Profile(**(base | answers))


def test_cz_2027_a_subcontractor_coach_sees_that_its_rho_must_see_to_its_licence(cat):
    # CZ 2027 §3.3.1: the RHO or samenwerkingsverband "ziet erop toe dat de aangesloten onderaannemers
    # gedurende de looptijd van de overeenkomst beschikken over een geldige licentie van het programma dat
    # zij uitvoeren". The subcontractor coach used to see no licence item at all.
    coach = _coach_2027()
    assessment = assess_policy(cat.policy("cz", 2027), coach, cat, TODAY)
    assert assessment.verdict == "subcontractor_only"
    item = _item(cat, "cz-2027", "rho_subcontractors_licence", coach)
    assert item.text.startswith("Uw RHO of samenwerkingsverband moet erop toezien dat u als onderaannemer")
    assert item.source.section.startswith("3.3.1") and item.status == "met"
    assert item.why == "U heeft een licentie voor CooL."  # the profile's licences, as the text asks
    # No licence: the RHO cannot see to one; not answered: to check.
    assert _item(cat, "cz-2027", "rho_subcontractors_licence", _coach_2027(licences=[])).status == "unmet"
    assert _item(cat, "cz-2027", "rho_subcontractors_licence", _coach_2027(licences=None)).status == "to_check"


def test_cz_2027_the_rho_still_reads_its_own_wording_and_what_it_also_asks(cat):
    # The same §3.3.1 requirement for the RHO itself: it sees to its subcontractors' licences.
    rho = Profile(role="rho", year=2027, licences=["cool", "beweegkuur"], programmes_offered=2,
                  in_insurer_region="yes", prior_contract_with=[],
                  functions={"gp_led_regional": "yes", "coordinates_chain_care": "yes"})
    item = _item(cat, "cz-2027", "rho_subcontractors_licence", rho)
    assert item.text.startswith("Ziet erop toe dat onderaannemers")
    assert item.status == "to_check" and "dat u erop toeziet dat uw onderaannemers" in item.why


def test_cz_2027_the_register_of_a_subcontractor_coach_is_not_asked_of_all_subcontractors(cat):
    # §3.3.1 "Zij hebben een registratie in een door CZ groep erkend kwaliteitsregister": for the coach
    # this is its own register. "Het beleid vraagt ook dat al uw aangesloten onderaannemers in zo'n
    # register staan" is the RHO's part, not the coach's: BLCN settles it.
    item = _item(cat, "cz-2027", "rho_subcontractors_quality_register", _coach_2027())
    assert item.text == "U staat als onderaannemer geregistreerd in een door CZ erkend kwaliteitsregister."
    assert item.status == "met" and "aangesloten onderaannemers" not in item.why


def test_cz_2027_a_coach_with_an_own_contract_is_not_held_to_the_rhos_subcontractor_licence(cat):
    # An individual contractant's licence is §3.3.2's ("heeft een geldige licentie van het GLI-programma
    # dat hij/zij uitvoert"), not what an RHO sees to for its subcontractors.
    own = Profile(role="individual_coach", year=2027, licences=["cool"], region_has_rho="no",
                  region_has_network="no")
    checklist = assess_policy(cat.policy("cz", 2027), own, cat, TODAY).checklist
    licences = [c for c in checklist if c.topic == "programme_licence"]
    assert licences and not any(c.source.section.startswith("3.3.1") for c in licences)


def _network_zz(**answers) -> Profile:
    """p12_network_zz of the audit: a samenwerkingsverband of coaches in ZZ's region, 2024."""
    base = {"role": "coach_network", "year": 2024, "registries": ["blcn"], "licences": ["cool", "slimmer"],
            "programmes_offered": 2, "agb_code": True, "kvk_registered": True, "region_has_rho": "no",
            "region_has_network": "no", "prior_contract_with": [], "scope": "regional", "in_insurer_region": "yes"}
    return Profile(**(base | answers))


BACKGROUND_ITEMS = ["coach_geaccrediteerde_opleiding", "coach_blcn_register", "paramedicus_centraal_kwaliteitsregister",
                    "fysiotherapeut_ckr_kp_of_vergelijkbaar", "paramedicus_aantekening_competenties_leefstijlcoach"]


def test_zz_2024_an_organisation_is_asked_about_its_coaches_not_its_own_background(cat):
    # ZZ 2024 §5.1 "Aanvullende eisen aan de leefstijlcoach met achtergrond fysiotherapeut, oefentherapeut of
    # diëtist" / "... niet zijnde ...": the coaches of the samenwerkingsverband. The wizard used to say "vul uw
    # achtergrond in" to the organisation.
    for profile in (_network_zz(), Profile(role="msv", year=2024, in_insurer_region="yes",
                                           functions={"multidisciplinary_primary_care": "yes"})):
        for rid in BACKGROUND_ITEMS:
            item = _item(cat, "zz-2024", rid, profile)
            assert item.status == "to_check", (profile.role, rid)
            assert item.why.startswith("Ga na dat uw leefstijlcoaches met achtergrond "), item.why
            assert "vul uw achtergrond in" not in item.why
            assert "(geldt voor uw leefstijlcoaches met achtergrond " in item.text
    paramedic = _item(cat, "zz-2024", "paramedicus_centraal_kwaliteitsregister", _network_zz())
    assert "fysiotherapeut, oefentherapeut of diëtist hieraan voldoen" in paramedic.why


def test_zz_2024_an_organisations_own_background_neither_meets_nor_drops_its_coaches_items(cat):
    # An msv that answers "leefstijlcoach" used to meet BLCN for all its coaches and lose the paramedics' items.
    msv = _network_zz(role="msv", background="leefstijlcoach", functions={"multidisciplinary_primary_care": "yes"})
    checklist = assess_policy(cat.policy("zz", 2024), msv, cat, TODAY).checklist
    for rid in BACKGROUND_ITEMS:
        assert _item(cat, "zz-2024", rid, msv).status == "to_check"
    assert not any(c.topic == "quality_register" and c.status == "met" for c in checklist)
    # A register ZZ names for physiotherapy counts for the organisation's physiotherapists.
    ckr = next(r for r in assess_policy(cat.policy("zz", 2024), _network_zz(background="leefstijlcoach",
                                                                            registries=["ckr"]), cat, TODAY).registries)
    assert ckr.accepted == "yes" and "fysiotherapeut" in ckr.label


def test_a_coach_still_answers_with_its_own_background(cat):
    coach = Profile(role="coach", year=2024, in_insurer_region="yes", background="leefstijlcoach", registries=["blcn"])
    assert _item(cat, "zz-2024", "coach_blcn_register", coach).status == "met"
    unanswered = Profile(role="coach", year=2024, in_insurer_region="yes")
    assert "vul uw achtergrond in" in _item(cat, "zz-2024", "coach_blcn_register", unanswered).why


def test_an_organisations_background_answer_is_named_as_not_counting(cat):
    assert any("‘background’" in w for w in inapplicable_keys(_network_zz(background="fysiotherapeut")))
    assert not inapplicable_keys(Profile(role="coach", year=2024, background="fysiotherapeut"))


def test_a_batch_row_is_one_coach_whose_background_counts_under_an_organisations_form(cat):
    # The batch CSV (a samenwerkingsverband checks its subcontractors) assesses each coach under the
    # chosen contract form, here msv: the row's background is the coach's own, so ZZ's BLCN requirement
    # for a leefstijlcoach is met, not "ga na dat uw leefstijlcoaches ...".
    row = {"name": "Coach A", "background": "leefstijlcoach", "registries": "BLCN"}
    profile = parse_profile_row(row, 2, "msv", 2024, cat, [])
    assert profile is not None and profile.role == "msv" and not profile.is_organisation
    assert _item(cat, "zz-2024", "coach_blcn_register", profile).status == "met"


def test_an_organisations_own_answers_do_not_meet_what_every_coach_must_have(cat):
    # ZZ 2024 §5.1 "De leefstijlcoach beschikt verifieerbaar ... over een licentie": an msv's
    # "Programmalicenties" answer ("u (of uw coaches)") says some coach has one, not every one. It
    # was "Voldaan" for an msv and "na te gaan" for an RHO on the same route (audit D).
    for role in ("msv", "rho", "coach_network"):
        item = _item(cat, "zz-2024", "coach_licentie_gli_programma", _network_zz(role=role))
        assert item.status == "to_check", role
        assert item.why == ("U heeft een licentie voor CooL, SLIMMER. De eis geldt voor elke leefstijlcoach die de "
                            "GLI uitvoert: ga na dat al uw leefstijlcoaches eraan voldoen."), role
    # VGZ 2024 bijlage 2, the same for a samenwerkingsverband; a coach answering for itself meets it.
    network = _item(cat, "vgz-2024", "coach_valid_licence", _network_zz(year=2024))
    assert network.status == "to_check"
    coach = _item(cat, "vgz-2024", "coach_valid_licence", _network_zz(role="individual_coach"))
    assert coach.status == "met" and coach.why == "U heeft een licentie voor CooL, SLIMMER."


def test_an_individual_coach_who_does_not_know_the_region_reads_zz_s_criteria_for_joining_an_msv(cat):
    # Audit J #7 (profile p09): ZZ 2024 contracts in its region only msv's and zorggroepen, whose
    # coaches must meet 5.1's criteria. Without knowing the region, the verdict names that way in,
    # and the checklist must hold those criteria as a subcontractor's (they had dropped out).
    profile = Profile(role="individual_coach", year=2024, background="leefstijlcoach", registries=["blcn"],
                      licences=["cool"], agb_code=True, kvk_registered=True, accredited_training=True,
                      hbo_level=True, region_has_rho="no", region_has_network="no", prior_contract_with=[],
                      scope="local")
    item = _item(cat, "zz-2024", "coach_blcn_register", profile)
    assert item.status == "met" and "onderaannemer van een multidisciplinair samenwerkingsverband" in item.applies_to
