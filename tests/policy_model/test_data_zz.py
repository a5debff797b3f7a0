"""Zorg en Zekerheid 2024 and the 2023 record derived from it, checked against the document itself.

Source: "Zorginkoopbeleid Gecombineerde Leefstijlinterventie (GLI) 2024" (zz_gli_2024). Every
expectation below is written from that text, not from data/.
"""

from __future__ import annotations

import pytest

from policy_model.comparison.diff import diff_policies

MSV_LIST = "Eisen aan multidisciplinair samenwerkingsverband en Zorggroep"
PARAMEDIC_LIST = "Aanvullende eisen aan de leefstijlcoach met achtergrond fysiotherapeut, oefentherapeut of diëtist"
NON_PARAMEDIC_LIST = "Aanvullende eisen aan de leefstijlcoach niet zijnde fysiotherapeut, oefentherapeut of diëtist"
PARAMEDICS = {"fysiotherapeut", "oefentherapeut", "dietist"}


@pytest.fixture(scope="module")
def zz_2024(cat):
    return cat.policy("zz", 2024)


@pytest.fixture(scope="module")
def zz_2023(cat):
    return cat.policy("zz", 2023)


def _requirement(policy, quote_part):
    found = [r for r in policy.requirements if quote_part in " ".join(r.source.quote.split())]
    assert len(found) == 1, f"{len(found)} requirements quote {quote_part!r}"
    return found[0]


# --------------------------------------------------------------------------- force


def test_the_vision_chapters_only_describe_expectations(zz_2024):
    # Hoofdstuk 3 "Wat is de visie van Zorg en Zekerheid?": 3.2 finds it "belangrijk" that the coach
    # seeks alignment, 3.4 describes positieve gezondheid; neither names a consequence for the contract.
    vision = [r for r in zz_2024.requirements if r.source.section.startswith(("3.2", "3.4"))]
    assert len(vision) >= 6
    assert {r.force for r in vision} == {"expectation"}


def test_the_5_1_lists_and_the_chapter_5_conditions_are_minimum_requirements(zz_2024):
    # 5.1 "Minimum- en kwaliteitseisen"; chapter 5 "In de regio ... komen alleen zorgaanbieders die
    # fungeren als regionale samenwerking in aanmerking".
    gating = [r for r in zz_2024.requirements if r.source.section.startswith(("5.1", "5 Hoe komt u"))]
    assert len(gating) >= 20
    assert {r.force for r in gating} == {"minimum"}


def test_checking_ones_vektis_data_is_advice_and_the_vecozo_certificate_an_obligation(zz_2024):
    # 6.2: "Het is daarom belangrijk dat u de gegevens controleert" (no condition, no "dient")
    # against "U dient tijdig een certificaat aan te vragen bij VECOZO".
    assert _requirement(zz_2024, "belangrijk dat u de gegevens controleert").force == "expectation"
    assert _requirement(zz_2024, "certificaat aan te vragen bij VECOZO").force == "obligation"


# --------------------------------------------------------------------------- structured references


def test_the_requirements_for_samenwerkingsverband_and_zorggroep_name_both_routes(zz_2024):
    # 5.1 "Eisen aan multidisciplinair samenwerkingsverband en Zorggroep": "De partij dient ..." twice,
    # the AGB link to "het multidisciplinair samenwerkingsverband of de zorggroep", the written
    # agreement with the affiliated coaches, and "aantoonbare samenwerking met gemeente".
    listed = [r for r in zz_2024.requirements if MSV_LIST in r.source.section]
    assert len(listed) == 12  # four on the party, the written-agreement rule, six criteria (licence and register apart)
    for quote in ("De partij dient een zorgovereenkomst", "De partij dient een Wtza vergunning",
                  "Vektis AGB-register verbonden", "schriftelijk overeen te komen", "aantoonbare samenwerking"):
        assert set(_requirement(zz_2024, quote).routes) == {"msv", "zorggroep"}
    # The criteria about the coach hold under those same contracts: they are "van toepassing op het
    # multidisciplinair samenwerkingsverband of de zorggroep", the only forms ZZ contracts (3.2). They
    # used to name no route, and so read as ZZ requirements for an RHO or an individual coach (audit I #3).
    coach_rules = [r for r in zz_2024.requirements if "coach" in r.roles and r.id != "aansluiting_coaches_bij_msv_stimuleren"]
    assert len(coach_rules) == 17
    assert all(r.routes and set(r.routes) <= {"msv", "zorggroep"} for r in coach_rules), \
        [r.id for r in coach_rules if not r.routes]


def test_the_registers_5_1_names_are_referenced_by_the_requirements_that_name_them(zz_2024):
    assert _requirement(zz_2024, "Vektis AGB-register verbonden").registries == ["vektis_agb"]
    assert _requirement(zz_2024, "(BLCN)").registries == ["blcn"]
    assert _requirement(zz_2024, "kwaliteitsregister van de eigen beroepsgroep").registries == ["beroepsgroep_kwaliteitsregister"]
    assert _requirement(zz_2024, "Loket Gezond Leven").registries == ["loket_gezond_leven"]
    assert _requirement(zz_2024, "geregistreerd in het bijbehorende register").registries == ["licence_holder_register"]


def test_background_requirements_apply_only_to_the_backgrounds_the_list_names(zz_2024):
    # "Aanvullende eisen aan de leefstijlcoach met achtergrond fysiotherapeut, oefentherapeut of
    # diëtist" and "... niet zijnde fysiotherapeut, oefentherapeut of diëtist"; the CKR sentence
    # starts "In het geval van fysiotherapie".
    paramedic = [r for r in zz_2024.requirements if PARAMEDIC_LIST in r.source.section]
    assert len(paramedic) == 3
    physio_only = _requirement(zz_2024, "In het geval van fysiotherapie")
    assert physio_only.backgrounds == ["fysiotherapeut"]
    assert all(set(r.backgrounds) == PARAMEDICS for r in paramedic if r is not physio_only)
    others = [r for r in zz_2024.requirements if NON_PARAMEDIC_LIST in r.source.section]
    assert len(others) == 2 and all(r.backgrounds == ["leefstijlcoach"] for r in others)


def test_the_interim_application_change_is_about_applying_not_the_routes(zz_2024):
    # Hoofdstuk 1: "informatie toegevoegd over het tussentijds aanvragen van een zorgovereenkomst".
    change = next(c for c in zz_2024.changes if "tussentijds" in c.source.quote)
    assert set(change.applications) == {"msv", "zorggroep"} and change.routes == []
    assert "terughoudend_tussentijds_contracteren" in change.statements


def test_chapter_1_lists_the_precedence_rule_as_changed_not_new(zz_2023, zz_2024):
    # "zijn de volgende zaken gewijzigd ten opzichte van 2023: • Bij tegenstrijdigheden prevaleert dit
    # zorginkoopbeleid boven het Algemeen zorginkoopbeleid"
    change = next(c for c in zz_2024.changes if c.id == "voorrang_gli_beleid")
    assert change.kind == "changed" and not change.text.startswith("Nieuw")
    derived = next(p for p in zz_2023.provisions if p.topic == "policy_precedence")
    assert "pas per 2024 toegevoegd" not in derived.text and derived.identity in change.statements


def test_requests_and_encouragements_to_providers_are_expectations(zz_2024):
    # 3.3 "Wij verzoeken zorgaanbieders ..."; 5.4 "Zorg en Zekerheid stimuleert aansluiting van ...
    # leefstijlcoaches"
    found = {r.id: r for r in zz_2024.requirements}
    for rid in ("verzoek_ideeen_digitalisering", "aansluiting_coaches_bij_msv_stimuleren"):
        assert found[rid].force == "expectation"
    assert not {p.id for p in zz_2024.provisions} & {"verzoek_ideeen_digitalisering", "aansluiting_coaches_bij_msv_stimuleren"}


# --------------------------------------------------------------------------- kind and coverage


def test_2024_is_a_full_policy_that_names_no_programme_but_asks_for_an_rivm_recognised_gli(zz_2024):
    # 5.1 "De GLI is opgenomen in het Loket Gezond Leven van het RIVM ..." without a list of programmes.
    assert zz_2024.document_kind == "full_policy" and not zz_2024.partial
    assert not zz_2024.programmes and zz_2024.coverage_level("programmes") is None
    assert any(r.topic == "programme_recognition" for r in zz_2024.requirements)
    for subject in ("routes", "periods", "tariffs", "applications", "timeline"):
        assert zz_2024.addresses(subject), subject
    # 5.1 names the registers of the GLI requirements "aanvullend" to the Algemeen
    # zorginkoopbeleid, which may name others (KvK, AGB): registers are not settled in full.
    assert zz_2024.coverage_level("registries") == "deferred"
    assert "Algemeen zorginkoopbeleid" in zz_2024.coverage.entry("registries").source.quote


def test_2024_does_not_claim_its_full_set_of_requirements(zz_2024):
    # 5.1: "Het Algemeen zorginkoopbeleid beschrijft de algemene minimum- en kwaliteitseisen. Vanuit
    # GLI gelden de volgende aanvullende kwaliteits- en minimumeisen" - the general ones are elsewhere.
    assert zz_2024.coverage_level("requirements", role="msv", topic="kvk_registration") == "deferred"
    deferral = zz_2024.coverage.entry("requirements", role="msv").source
    assert "Algemeen zorginkoopbeleid" in deferral.quote and deferral.section.startswith("5.1")
    assert "Algemeen zorginkoopbeleid" in (zz_2024.coverage.note or "")


def test_2023_is_derived_and_addresses_only_what_the_2024_document_says_about_it(zz_2023, zz_2024):
    assert zz_2023.document_kind == "derived" and zz_2023.partial and zz_2023.derived_note
    assert zz_2023.coverage.scope == [] and zz_2023.coverage.note
    assert not zz_2023.requirements
    # Chapter 1 says the precedence rule, the strategy's and a part's names changed against 2023:
    # the derived statements continue (by lineage) the 2024 statements they were derived from ...
    derived = {p.identity for p in zz_2023.provisions}
    assert {"voorrang_boven_algemeen_zorginkoopbeleid", "visie_van_zorg_naar_gezondheid",
            "impactvolle_transformaties"} <= derived
    # ... while what chapter 1 calls added (duurzaamheid, digitale zorg, CZV, ...) has no 2023
    # statement to continue: the change list says it is new, not that a 2023 text changed.
    added = {s for c in zz_2024.changes if c.kind == "added" for s in c.statements}
    assert not derived & added
    assert derived - {p.id for p in zz_2023.provisions} <= {p.identity for p in zz_2024.provisions}
    # ... but nothing about the 5.1 requirements on a digital GLI or the quality registers.
    assert zz_2023.coverage_level("requirements", topic="quality_register") is None


# --------------------------------------------------------------------------- correction 3: Centraal Kwaliteitsregister


def test_the_unnamed_central_quality_register_is_not_shown_as_the_physiotherapy_register(cat, zz_2024):
    # 5.1: "De leefstijlcoach is voor de eigen paramedische zorg kwaliteitsgeregistreerd in het
    # Centraal Kwaliteitsregister" - for fysiotherapeut, oefentherapeut and diëtist, with no full name.
    requirement = _requirement(zz_2024, "kwaliteitsgeregistreerd in het Centraal Kwaliteitsregister")
    assert set(requirement.backgrounds) == PARAMEDICS
    assert "ckr" not in requirement.registries
    for registry_id in requirement.registries:
        registry = cat.registry(registry_id)
        assert "Fysiotherapie" not in registry.name and registry.abbreviation != "CKR"
        entries = [r for r in zz_2024.registries if r.registry == registry_id]
        assert entries and all(set(r.backgrounds) == PARAMEDICS for r in entries)


def test_only_physiotherapy_names_the_ckr_fysiotherapie_beside_kp_or_a_comparable_register(cat, zz_2024):
    # 5.1: "In het geval van fysiotherapie: ... Centraal Kwaliteitsregister Fysiotherapie (CKR),
    # kwaliteitsregister Paramedici (KP) of een vergelijkbaar door de zorgverzekeraar goedgekeurd register."
    requirement = _requirement(zz_2024, "Centraal Kwaliteitsregister Fysiotherapie (CKR)")
    assert set(requirement.registries) == {"ckr", "kp"}
    ckr_rows = [r for r in zz_2024.registries if r.registry == "ckr"]
    assert ckr_rows and all(r.backgrounds == ["fysiotherapeut"] and r.use == "accepted" for r in ckr_rows)


def test_the_glossary_does_not_explain_the_unnamed_register_as_the_physiotherapy_register(cat):
    ckr = next(t for t in cat.glossary if t.id == "ckr")
    assert "Centraal Kwaliteitsregister" not in ckr.aliases


# --------------------------------------------------------------------------- correction 4: individual coaches


def test_2024_contracts_no_individual_coach_in_or_outside_the_region(zz_2024):
    # 3.1: "Buiten de regio sluit Zorg en Zekerheid aan bij de overeengekomen afspraken met
    # zorgaanbieders en hun preferente zorgverzekeraar. Dit betekent dat we geen nieuwe
    # zorgovereenkomsten aangaan met individuele GLI-zorgaanbieders waarmee in 2023 een zorgovereenkomst was."
    # 3.2: "maakt Zorg en Zekerheid uitsluitend afspraken over de GLI met multidisciplinaire
    # samenwerkingsverbanden of zorggroepen": the "no" holds in the region too.
    individual = [r for r in zz_2024.contract_routes if r.route == "individual_coach"]
    assert len(individual) == 1
    route = individual[0]
    assert route.available == "no" and route.in_region is None
    assert "uitsluitend" in (route.conditions or "") and "3.2" in (route.conditions or "")
    assert "preferente zorgverzekeraar" in route.source.quote and "Dit betekent" in route.source.quote
    assert "preferente zorgverzekeraar" in (route.conditions or "")
    follow = [r for r in zz_2024.contract_routes if r.route == "follow"]
    assert follow and all(r.available == "yes" and r.in_region is False for r in follow)


def test_2023_only_knows_that_individual_contracts_existed(zz_2023):
    # The 2024 document says only "individuele GLI-zorgaanbieders waarmee in 2023 een
    # zorgovereenkomst was": not where they worked nor on what terms.
    individual = [r for r in zz_2023.contract_routes if r.route == "individual_coach"]
    assert len(individual) == 1
    route = individual[0]
    assert route.available == "yes" and route.in_region is None and route.preference is None
    assert route.conditions and "niet" in route.conditions
    assert {r.route for r in zz_2023.contract_routes} == {"individual_coach"}


def test_the_comparison_shows_the_individual_route_closing_everywhere(cat, zz_2023, zz_2024):
    item = next(i for i in diff_policies(cat, zz_2023, zz_2024).items
                if i.kind == "route" and i.key == "individual_coach")
    assert item.before == "Ja"
    assert item.after.startswith("Nee") and "regio" not in item.after


# --------------------------------------------------------------------------- correction 9: technische variant


def test_the_insurer_judges_whether_a_gli_is_a_technical_variant(cat, zz_2024):
    # 5.1: "Daarnaast dient Zorg en Zekerheid de GLI beoordeeld te hebben als een technische
    # variant, zoals die is geduid door Zorginstituut Nederland."
    term = next(t for t in cat.glossary if t.id == "technische_variant")
    assert "beoordeelt" in term.explanation and "Zorg en Zekerheid" in term.explanation
    assert "aangemerkt" not in term.explanation
    assert term.source.document == "zz_gli_2024" and term.source.section.startswith("5.1")
    requirement = _requirement(zz_2024, "technische variant")
    assert requirement.force == "minimum" and "Zorg en Zekerheid" in requirement.text


def test_what_chapter_1_adds_reads_new_not_changed_against_2023(cat, zz_2023, zz_2024):
    # Ch. 1: "Toevoeging introductie Centrale Zorgverlener en GLI kinderen per 2024 (hoofdstuk 4.1)."
    # The comparison must not set a note that 2023 lacked it against the 2024 text as "Gewijzigd".
    diff = diff_policies(cat, zz_2023, zz_2024)
    for item in diff.items:
        if item.change is not None and item.change.kind == "added":
            assert all(e.cls != "changed" for e in item.evidence), item.change.id


def test_the_licence_register_criterion_is_put_to_the_samenwerkingsverband_in_the_register_facts(cat):
    # 5.1: "De volgende criteria zijn van toepassing op het multidisciplinair samenwerkingsverband of
    # de zorggroep, maar zijn schriftelijk overeen te komen met de aangesloten leefstijlcoaches: ...
    # De leefstijlcoach beschikt verifieerbaar ... over een licentie ... en is geregistreerd in het
    # bijbehorende register." The record's entry says whom it is put to; the register's fact on the
    # Registers page said "Zorg en Zekerheid eist dat de leefstijlcoach ..." (audit F).
    registry = cat.registry("licence_holder_register")
    [fact] = [f for f in registry.facts if f.source.document == "zz_gli_2024" and "bijbehorende register" in f.source.quote]
    assert "samenwerkingsverband of de zorggroep" in fact.text and "schriftelijk" in fact.text
    assert "verifieerbaar" in fact.text  # the document's word, not "aantoonbaar"
