"""VGZ 2024 and the 2023 record derived from it, checked against the document itself.

Source: "Inkoopbeleid Huisartsenzorg en multidisciplinaire zorg 2024" (vgz_mdz_2024). Every
expectation below is written from that text, not from data/.
"""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date
RHO_SECTION = "Minimumeisen voor Zorgovereenkomst Zorgverlening Regionale Huisartsenorganisaties (RHO)"
GLI_SECTION = "Minimumeisen voor Zorgovereenkomst Gecombineerde Leefstijlinterventie"


@pytest.fixture(scope="module")
def vgz_2024(cat):
    return cat.policy("vgz", 2024)


@pytest.fixture(scope="module")
def vgz_2023(cat):
    return cat.policy("vgz", 2023)


def _rho_agreement_requirements(policy):
    return [r for r in policy.requirements if RHO_SECTION in r.source.section]


# --------------------------------------------------------------------------- force


def test_every_requirement_of_the_2024_annex_2_lists_is_a_minimum_requirement(vgz_2024):
    # Bijlage 2: "De volgende minimumeisen zijn van toepassing om in aanmerking te komen voor een
    # Zorgovereenkomst GLI" and "Om in aanmerking te komen voor de Zorgovereenkomst Zorgverlening
    # Regionale huisartsenorganisaties gelden de volgende minimumeisen". Every VGZ requirement comes
    # from annex 2, so none of them is a mere expectation.
    assert vgz_2024.requirements
    for requirement in vgz_2024.requirements:
        assert requirement.source.section.startswith("Bijlage 2"), requirement.id
        assert requirement.force == "minimum", requirement.id


# --------------------------------------------------------------------------- RHO agreement (correction 1)


def test_the_rho_agreement_minimum_requirements_that_gate_the_gli_addendum_are_recorded(vgz_2024):
    # Bijlage 2 lists 17 minimum requirements for the RHO agreement; the GLI is one of the addenda
    # an RHO can agree "naast de zorgovereenkomst".
    rho = _rho_agreement_requirements(vgz_2024)
    assert len(rho) >= 17
    for requirement in rho:
        assert requirement.roles == ["rho"], requirement.id
        assert requirement.force == "minimum", requirement.id
        assert requirement.routes == ["rho"], requirement.id
        assert "RHO-overeenkomst" in requirement.text and "GLI-addendum" in requirement.text, requirement.id


def test_an_rho_must_be_a_legal_entity_registered_with_the_chamber_of_commerce(vgz_2024):
    # 1. "De zorgaanbieder is een rechtspersoon en is als zodanig geregistreerd bij de Kamer van Koophandel."
    kvk = [r for r in _rho_agreement_requirements(vgz_2024) if r.topic == "kvk_registration"]
    assert len(kvk) == 1 and kvk[0].registries == ["kvk"]
    assert "rechtspersoon" in kvk[0].text
    # The registers are settled in full, so the register list holds the KvK too (for the RHO).
    [entry] = [r for r in vgz_2024.registries if r.registry == "kvk"]
    assert entry.use == "required" and entry.roles == ["rho"] and entry.source.quote == kvk[0].source.quote


@pytest.mark.parametrize(
    "words",
    [
        "Governancecode Zorg 2022",  # 2.
        "VGZ preferent",  # 3. "werkzaam in een voor VGZ preferente regio"
        "80 procent van de huisartsen",  # 4. "mandaat van tenminste 80 procent van de huisartsen"
        "andere RHO",  # 5. only GPs not yet with another RHO
        "kaderarts",  # 7.
        "regionale transmurale afspraken",  # 9.
        "1 juni",  # 13. financial accounts
        "15 mei",  # 15. quality report
        "Ineen",  # 17. performance indicators
    ],
)
def test_the_rho_agreement_names_each_condition_of_the_annex(vgz_2024, words):
    texts = [r.text.lower() for r in _rho_agreement_requirements(vgz_2024)]
    assert any(words.lower() in t for t in texts), words


def test_an_rho_needs_at_least_100000_registered_patients(vgz_2024):
    # 4. "een minimale omvang van 100.000 op naam ingeschreven patiënten"
    values = {
        (r.value.amount, r.value.unit, r.value.comparison)
        for r in _rho_agreement_requirements(vgz_2024)
        if r.value
    }
    assert (100000, "count", "min") in values


def test_rhos_contracted_in_2023_may_get_an_exception_on_size_and_mandate(vgz_2024):
    # "Voor RHO's die in 2023 gecontracteerd zijn als RHO en niet aan deze voorwaarde voldoen, kan een
    # uitzondering gemaakt worden." It is the insurer's discretion, not a requirement.
    exceptions = [p for p in vgz_2024.provisions if "uitzondering" in p.text and "2023" in p.text]
    assert exceptions and exceptions[0].topic == "insurer_discretion"


@pytest.mark.parametrize("rid", ["rho_agreement_min_100000_patients", "rho_agreement_gp_mandate_80_percent"])
def test_the_size_and_mandate_minimums_carry_their_exception(vgz_2024, rid):
    # Requirement 4 (size and mandate) ends with the exception; neither minimum is unconditional.
    requirement = next(r for r in vgz_2024.requirements if r.id == rid)
    assert "uitzondering" in requirement.text and "2023" in requirement.text
    exception = requirement.exception
    assert exception is not None and exception.prior_year_contract
    assert exception.source.quote.startswith("Voor RHO’s die in 2023 gecontracteerd zijn als RHO")
    assert RHO_SECTION in exception.source.section


def test_the_rho_agreement_procedure_is_on_the_timeline(vgz_2024):
    # Planning, Zorgovereenkomst Zorgverlening RHO: regioplan and offerte by 15 July 2023, purchasing
    # talks from 1 August, written agreement 1 October - 22 December 2023 12.00, administration by
    # 31 January 2024.
    rho = {(t.kind, t.date, t.date_end) for t in vgz_2024.timeline if t.routes == ["rho"]}
    assert ("plan_submission", D(2023, 7, 15), None) in rho
    assert ("negotiation", D(2023, 8, 1), None) in rho
    assert ("agreement_deadline", D(2023, 10, 1), D(2023, 12, 22)) in rho
    assert ("administration", D(2024, 1, 31), None) in rho
    for item in vgz_2024.timeline:
        if item.routes == ["rho"]:
            assert "RHO-overeenkomstprocedure" in item.activity
    agreement = next(t for t in vgz_2024.timeline if t.kind == "agreement_deadline" and t.routes == ["rho"])
    assert "12.00" in agreement.date_text


def test_an_rho_applies_for_its_agreement_with_a_regional_plan_by_email(vgz_2024):
    # "vragen wij om een regioplan en een ingevuld offerteformat ... via e-mail bij de regionale zorginkoper"
    rho = [a for a in vgz_2024.applications if a.routes == ["rho"]]
    assert any(a.channel == "email" and "regioplan" in a.text for a in rho)


def test_the_rho_agreement_runs_two_years(vgz_2024):
    # "vormen de basis voor de 2-jarige zorgovereenkomsten die we afsluiten"
    periods = [p for p in vgz_2024.contract_periods if p.route == "rho" and "Zorgverlening RHO" in p.label]
    assert periods and periods[0].duration_years == 2
    assert periods[0].start is None and periods[0].end is None  # the passage gives no dates


# --------------------------------------------------------------------------- end date 2023 (correction 2)


def test_the_2023_routes_carry_no_forms_from_the_2024_new_provider_passage(vgz_2023):
    # "Samenwerkingsverbanden (bijv. regionale huisartsenorganisaties ...) ... kunnen gedurende het hele
    # kalenderjaar een aanvraag ... indienen" and "Ook individuele leefstijlcoaches ..." say how new
    # providers apply in 2024, not which organisations held a contract in 2023.
    for route in vgz_2023.contract_routes:
        assert not route.forms, route.route
        assert "Nieuwe aanbieders" not in route.source.section
        assert "2023" in route.source.quote


def test_the_2023_record_has_no_contract_period_ending_31_december_2023(vgz_2023):
    # "Zorgaanbieders die voor 2023 een zorgovereenkomst met ons hebben met einddatum 31 december 2023
    # en voldoen aan de minimumeisen ... ontvangen voor 2024-2025 een aanbod": the end date selects who
    # gets the offer; it does not say every 2023 contract ended then.
    assert all(p.end != D(2023, 12, 31) for p in vgz_2023.contract_periods)
    assert vgz_2023.coverage_level("periods") is None


@pytest.mark.parametrize("year", [2023, 2024])
def test_the_end_date_is_the_condition_for_the_2024_2025_offer_to_individual_coaches(cat, year):
    route = next(r for r in cat.policy("vgz", year).contract_routes if r.route == "individual_coach")
    assert "31 december 2023" in route.conditions
    assert "2024-2025" in route.conditions and "voorwaarde" in route.conditions


def test_the_2023_summary_does_not_say_all_individual_contracts_ended_on_31_december(vgz_2023):
    assert "liepen af op 31 december 2023" not in vgz_2023.summary
    assert "31 december 2023" not in vgz_2023.derived_note


# --------------------------------------------------------------------------- kind and coverage


def test_the_2024_document_is_a_full_policy_that_states_no_gli_tariff(vgz_2024):
    # Periods and who may take part are no longer here: the document settles neither in full (see the
    # tests below); it used to say so.
    assert vgz_2024.document_kind == "full_policy" and not vgz_2024.partial
    for subject in ("programmes", "registries", "routes", "applications", "timeline"):
        assert vgz_2024.addresses(subject), subject
    assert vgz_2024.coverage_level("tariffs") is None and not vgz_2024.tariffs


ADDENDA = "De voorwaarden om in aanmerking te komen voor bovengenoemde addenda"
BELEIDSREGEL = ("De behandeling voldoet aan de voorwaarden zoals omschreven in de vigerende beleidsregel en "
                "onderliggende regelingen")


def test_vgz_settles_programme_change_and_repeat_itself_and_defers_target_group_and_referral(vgz_2024):
    # Bijlage 2 settles the change of programme ("kan bij uitzondering plaatsvinden") and taking part
    # again within 2 years ("moet hiervoor toestemming gevraagd worden aan VGZ") itself. For the rest it
    # hands the treatment's conditions to the NZa rules ("De behandeling voldoet aan de voorwaarden zoals
    # omschreven in de vigerende beleidsregel en onderliggende regelingen"): it states no GGR or BMI
    # threshold for adults and names a referrer only in the youth exception. The record used to claim
    # "participants" in full, so VGZ's silence on the referral read as "geen voorwaarde" beside CZ 2027.
    for topic in ("programme_change", "repeat_participation"):
        assert vgz_2024.addresses("participants", role="referrer", topic=topic), topic
    for topic in ("target_group", "referral"):
        assert vgz_2024.coverage_level("participants", role="referrer", topic=topic) == "deferred", topic
        entry = vgz_2024.coverage.entry("participants", role="referrer", topic=topic)
        assert entry.source.quote == BELEIDSREGEL
    assert not vgz_2024.addresses("participants")  # not as a whole


def test_the_2024_2025_periods_are_the_offer_to_2023_contractants(vgz_2024):
    # "Zorgaanbieders die voor 2023 een zorgovereenkomst met ons hebben ... ontvangen voor 2024-2025 een
    # aanbod. Wij bieden een 2-jarige zorgovereenkomst aan." New samenwerkingsverbanden and coaches apply
    # "gedurende het hele kalenderjaar" with no period stated; the RHO's GLI addendum is deferred.
    dated = [p for p in vgz_2024.contract_periods if p.end == D(2025, 12, 31)]
    assert {p.route for p in dated} == {"coach_network", "rho", "individual_coach"}
    for period in dated:
        assert "aanbod aan wie een overeenkomst voor 2023 had" in period.label, period.label
        assert "geen looptijd" in period.duration_text, period.duration_text
        assert "ontvangen voor 2024-2025 een aanbod" in period.source.quote
    assert not vgz_2024.addresses("periods")
    for route in ("coach_network", "individual_coach"):
        assert vgz_2024.coverage_level("periods", route=route) is None, route
    assert vgz_2024.coverage_level("periods", route="rho") == "deferred"
    assert ADDENDA in vgz_2024.coverage.entry("periods", route="rho").source.quote


def test_the_registers_of_the_rho_addendum_are_deferred(vgz_2024):
    # The addendum's conditions stand in 'Uitwerking inkoopbeleid Multidisciplinaire Zorg 2024-2025'.
    assert vgz_2024.coverage_level("registries", role="rho") == "deferred"
    assert ADDENDA in vgz_2024.coverage.entry("registries", role="rho").source.quote
    for role in ("coach", "individual_coach", "coach_network"):
        assert vgz_2024.addresses("registries", role=role), role


def test_the_summary_gives_individual_coaches_the_end_date_condition(vgz_2024):
    # Individuele leefstijlcoaches: "... een zorgovereenkomst met ons hebben met einddatum 31 december 2023
    # en voldoen aan de minimumeisen ..."; samenwerkingsverbanden have no such condition.
    summary = " ".join(vgz_2024.summary.split())
    assert "Wie in 2023 een overeenkomst had" not in summary
    assert "einddatum 31 december 2023" in summary
    assert "vigerende beleidsregel" in summary


def test_vgz_and_the_samenwerkingsverband_both_act_on_the_continuous_contracting(vgz_2024):
    # Planning, Samenwerkingsverbanden: "Doorlopend Contracteren van samenwerkingsverbanden VGZ en
    # samenwerkingsverband VECOZO" (column "Wie": both parties).
    [item] = [t for t in vgz_2024.timeline if t.date_text == "Doorlopend"]
    assert item.actor == "both"
    assert "VGZ en samenwerkingsverband" in item.source.quote


def test_the_riz_is_one_of_the_sources_of_the_integrity_check(vgz_2024):
    # "toetsing (aan onder meer het RIZ-portaal, Raadpleging Integriteit Zorgaanbieders)": open.
    integrity = next(r for r in vgz_2024.requirements if r.id == "integrity_check_riz")
    assert integrity.registries == ["riz"]
    assert integrity.listing.open and "onder meer het RIZ-portaal" in integrity.listing.source.quote


def test_the_2024_document_settles_requirements_for_coaches_and_networks_and_defers_the_rho_addendum(vgz_2024):
    # Bijlage 2: "De voorwaarden om in aanmerking te komen voor bovengenoemde addenda zijn opgenomen in
    # het document 'Uitwerking inkoopbeleid Multidisciplinaire Zorg 2024-2025' op onze website."
    for role in ("coach_network", "individual_coach", "coach"):
        assert vgz_2024.addresses("requirements", role=role), role
    assert vgz_2024.coverage_level("requirements", role="rho") == "deferred"
    assert "Uitwerking inkoopbeleid" in vgz_2024.coverage.entry("requirements", role="rho").source.quote


def test_the_2023_record_addresses_only_the_annex_1_list_of_recognised_programmes(vgz_2023):
    # Bijlage 1, Beleid 2023: "Erkende programma's waren COOL, BEWEEGKUUR, SLIMMER en Samen Sportief in
    # Beweging (SsiB)" is a full list; nothing else about 2023 is stated in full.
    assert vgz_2023.document_kind == "derived" and vgz_2023.partial
    assert [(e.subject, e.level) for e in vgz_2023.coverage.scope] == [("programmes", "full")]
    assert not vgz_2023.requirements
    assert vgz_2023.coverage_level("requirements", topic="quality_register") is None


# --------------------------------------------------------------------------- structured references


def test_the_quality_register_requirement_names_the_four_registers_of_annex_2(vgz_2024):
    # "lid van de ... (BLCN), en/of staat geregistreerd in het KNGF Kwaliteitsregister en/of ... (KABIZ)
    # en/of in het KP-register met aantekening 'leefstijlcoach'"
    register = next(r for r in vgz_2024.requirements if r.topic == "quality_register")
    assert set(register.registries) == {"blcn", "kngf", "kabiz", "kp"}
    for name in ("BLCN", "KNGF", "KABIZ", "KP-register"):
        assert name in register.source.quote


def test_the_annex_1_gli_row_names_its_programmes(vgz_2024):
    # Bijlage 1 "Nieuw GLI programma toegevoegd": X-Fittt added; KD2O contracted in 2024 if available.
    refs = {tuple(c.programmes) for c in vgz_2024.changes if c.against_year == 2023}
    assert ("x_fittt",) in refs and ("kd2o",) in refs
    kd2o = next(c for c in vgz_2024.changes if c.programmes == ["kd2o"])
    assert "beschikbaar" in kd2o.text


def test_the_stepped_care_quote_proves_the_principle_it_names(vgz_2024):
    stepped = next(r for r in vgz_2024.requirements if r.topic == "stepped_care")
    assert "stepped care" in stepped.source.quote and "minst ingrijpende" in stepped.source.quote


# --------------------------------------------------------------------------- issue 17: offer, RHO requirement 11, participants


def test_the_30_september_offer_is_only_for_coaches_whose_2023_contract_ends_that_year(vgz_2024):
    # Procedure: "Zorgaanbieders die voor 2023 een zorgovereenkomst met ons hebben met einddatum
    # 31 december 2023 en voldoen aan de minimumeisen ... ontvangen voor 2024-2025 een aanbod"; the
    # planning row "Uiterlijk 30 september 2023 Aanbieden overeenkomst VGZ VECOZO".
    offer = next(t for t in vgz_2024.timeline if t.kind == "offer")
    application = next(a for a in vgz_2024.applications if a.channel == "vecozo" and a.routes == ["individual_coach"])
    note = next(r.note for r in vgz_2024.registries if r.registry == "vecozo" and r.roles == ["individual_coach"])
    for text in (offer.activity, application.text, note):  # the end date: the procedure's, not the planning row's
        assert "eind 2023 afloopt" in text and "minimumeisen 2024" in text
    assert "webformulier" in application.text and "webformulier" in note


def test_rho_requirement_11_has_its_elements_and_requirement_8_its_lifestyle_portal(vgz_2024):
    quotes = " ".join(r.source.quote for r in vgz_2024.requirements if "rho" in r.roles)
    for words in ("kwaliteitscyclus", "leer- en scholingstraject", "patiënt ervaringsonderzoek",
                  "(o.a. sociaal domein en tweede lijn)", "e-health tools gericht op leefstijlverbetering"):
        assert words in quotes, words
    new_rho = [a for a in vgz_2024.applications if a.routes == ["rho"] and a.new_providers_only]
    assert new_rho and new_rho[0].address == "zorginkoopintegralezorg@vgz.nl"


def test_age_exception_repeat_and_programme_change_are_participant_criteria(vgz_2024):
    found = {r.id: r for r in vgz_2024.requirements}
    for rid in ("adults_only", "youth_from_16_exception", "repeat_within_two_years_permission",
                "programme_change_exceptional"):
        assert found[rid].kind == "participant", rid
    assert found["stepped_care"].kind == "provider"  # how the treatment starts is the provider's


def test_vgz_2024_every_register_the_annotation_may_belong_to_says_it_is_unclear(cat):
    # Bijlage 2, Voorwaarden zorgverleners: "... en/of staat geregistreerd in het KNGF
    # Kwaliteitsregister en/of Accreditatie Beroepsbeoefenaren In de Zorg (KABIZ) en/of in het
    # KP-register met aantekening 'leefstijlcoach'." Whether the annotation goes with the KP register
    # only or with every register of "staat geregistreerd in" is not clear; the KNGF entry said so,
    # the KABIZ entry of the same clause did not (audit F). BLCN membership is its own clause.
    policy = cat.policy("vgz", 2024)
    notes = {r.registry: r.note or "" for r in policy.registries}
    for registry in ("kngf", "kabiz"):
        assert "niet helemaal duidelijk" in notes[registry] and "aantekening" in notes[registry], registry
    assert "aantekening" not in notes["blcn"]
