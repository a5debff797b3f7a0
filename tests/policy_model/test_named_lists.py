"""Which registers and programmes count: named, an open list, or none named but asked for (registers) or held to criteria (programmes)."""

from __future__ import annotations

import datetime as dt

from policy_model.comparison.text_output import cell_text
from policy_model.comparison.text_rows import registry_text_rows
from policy_model.named_lists import (
    open_register_requirements,
    programme_criteria,
    unnamed_register_requirements,
)
from policy_model.wizard.profile import Profile
from policy_model.wizard.programmes import registry_checks
from policy_model.wizard.rules import assess


def test_a_record_that_asks_a_register_without_naming_one_is_found(cat):
    # CZ 2024 §2.1: "leefstijlcoaches die zijn geregistreerd in een door CZ groep erkend
    # kwaliteitsregister", and the web page names no register anywhere.
    cz_2024 = cat.policy_by_key("cz-2024")
    unnamed = unnamed_register_requirements(cat, cz_2024)
    assert [r.id for r in unnamed] == ["coach_quality_register"]
    assert "door CZ groep erkend kwaliteitsregister" in unnamed[0].source.quote
    # CZ 2027 names KABIZ, BLCN, IRF/KFIR and KP (§2.1.1): its "door CZ erkend
    # kwaliteitsregister" for subcontractors means those, so nothing is unnamed there.
    assert unnamed_register_requirements(cat, cat.policy_by_key("cz-2027")) == []
    # ZZ 2024 §5.1 leaves its list open ("of een vergelijkbaar ... register"): open, not unnamed.
    zz = cat.policy_by_key("zz-2024")
    assert open_register_requirements(zz.requirements) and unnamed_register_requirements(cat, zz) == []


def test_the_registers_page_says_a_register_is_not_named_instead_of_not_stated(cat):
    policies = [cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027")]
    rows = {r.key: r for r in registry_text_rows(cat, policies)}
    for key in ("kabiz", "blcn", "irf_kfir", "kp"):
        entries = rows[key].cells["cz-2024"]
        assert [e.kind for e in entries] == ["unnamed"], key
        assert cell_text(entries).startswith("Registers niet genoemd: Niet bij naam genoemd")
        assert entries[0].sources[0].section.startswith("2.1")
        assert rows[key].differences == ("niet overal vermeld",)  # not named there, and not refused
    # a register that is no quality register (the KvK) is not stood for
    assert rows["kvk"].cells["cz-2024"] == ()


def test_the_wizard_checks_a_register_the_record_does_not_name_instead_of_refusing_it(cat):
    cz_2024 = cat.policy_by_key("cz-2024")
    profile = Profile.model_validate({"role": "individual_coach", "year": 2024, "registries": ["blcn"]})
    relevant = [r for r in cz_2024.requirements if "individual_coach" in r.roles]
    [check] = registry_checks(cz_2024, profile, cat, relevant)
    assert check.accepted == "not_stated"
    assert check.label.startswith("Niet genoemd: het beleid vraagt een erkend kwaliteitsregister")
    assert check.source is not None and "erkend kwaliteitsregister" in check.source.quote


def test_a_record_that_names_no_programme_is_held_to_its_criteria_in_the_wizard(cat):
    # ZZ 2024 §5.1 names no programme but asks a GLI in Loket Gezond Leven (score 2 or higher),
    # judged a technical variant by Zorg en Zekerheid: the verdict names those, not "niet volledig".
    zz = cat.policy_by_key("zz-2024")
    assert [r.id for r in programme_criteria(zz)] == ["gli_loket_gezond_leven_score_2", "gli_technische_variant_beoordeeld"]
    assert programme_criteria(cat.policy_by_key("cz-2027")) == []  # it names its programmes
    profile = Profile.model_validate({"role": "msv", "year": 2024, "licences": ["cool"]})
    [zz_assessment] = [a for a in assess(profile, cat, dt.date(2026, 12, 2)) if a.insurer == "zz"]
    reasons = " ".join(zz_assessment.reasons)
    assert "Het beleid noemt geen programma's bij naam, maar eist: De GLI staat in Loket Gezond Leven" in reasons
    assert "Ga na of CooL daaraan voldoet." in reasons
    [check] = zz_assessment.programmes
    assert check.status is None and check.label.startswith("Niet bij naam genoemd; het beleid stelt eisen aan de GLI")
    assert check.source == programme_criteria(zz)[0].source


def test_a_register_known_only_by_a_description_is_checked_not_refused(cat):
    # VGZ 2024 bijlage 2 names BLCN, KNGF, KABIZ and KP, closed. A physiotherapist whose register
    # is "het kwaliteitsregister van de eigen beroepsgroep" (ZZ 2024's words) may well be in KP or
    # KNGF: the requirement is to check, the register line says why, and the verdict is no "no".
    profile = Profile.model_validate({"role": "individual_coach", "year": 2024, "background": "fysiotherapeut",
                                      "registries": ["beroepsgroep_kwaliteitsregister"]})
    [vgz] = [a for a in assess(profile, cat, dt.date(2026, 12, 2)) if a.insurer == "vgz"]
    [item] = [c for c in vgz.checklist if c.topic == "quality_register"]
    assert item.status == "to_check" and "heeft geen vaste naam en kan een van de genoemde zijn" in item.why
    assert vgz.verdict != "not_eligible"
    [check] = vgz.registries
    assert check.accepted == "not_stated" and "geen vaste naam" in check.label
    # A register with a name of its own, not on the closed list, is still not met.
    named = Profile.model_validate({**profile.model_dump(exclude_none=True), "registries": ["ckr"]})
    [vgz_ckr] = [a for a in assess(named, cat, dt.date(2026, 12, 2)) if a.insurer == "vgz"]
    assert [c.status for c in vgz_ckr.checklist if c.topic == "quality_register"] == ["unmet"]


def test_the_wizard_reads_a_closed_list_for_the_profile_and_a_register_named_for_another_background(cat):
    # ZZ 2024 §5.1: a leefstijlcoach who is no physiotherapist "is geregistreerd in het register van
    # de ... BLCN" (a closed list); CKR is named only "in het geval van fysiotherapie".
    zz = cat.policy_by_key("zz-2024")
    profile = Profile.model_validate({"role": "coach", "year": 2024, "background": "leefstijlcoach",
                                      "registries": ["kabiz", "ckr"]})
    relevant = [r for r in zz.requirements if not r.backgrounds or "leefstijlcoach" in r.backgrounds]
    kabiz, ckr = registry_checks(zz, profile, cat, relevant)
    assert kabiz.accepted == "no" and kabiz.label == "Niet in de gesloten lijst van het beleid (genoemd: BLCN)"
    assert "BLCN" in kabiz.source.quote
    assert ckr.accepted == "no" and ckr.label.startswith("Alleen genoemd voor fysiotherapeut")
    # a physiotherapist's CKR is accepted there
    physio = Profile.model_validate({"role": "coach", "year": 2024, "background": "fysiotherapeut",
                                     "registries": ["ckr"]})
    [accepted] = registry_checks(zz, physio, cat, zz.requirements)
    assert accepted.accepted == "yes"


def test_without_a_background_a_register_named_for_one_still_counts_and_says_for_whom(cat):
    # An organisation gives no background of its own: BLCN (ZZ 2024 §5.1, for leefstijlcoaches
    # who are no physiotherapist) is named, not "niet genoemd".
    zz = cat.policy_by_key("zz-2024")
    profile = Profile.model_validate({"role": "rho", "year": 2024, "registries": ["blcn"]})
    [blcn] = registry_checks(zz, profile, cat, zz.requirements)
    assert blcn.accepted == "yes" and blcn.label == "Genoemd als geaccepteerd register (voor leefstijlcoach)"
