"""CZ groep records, checked against what the documents say (issue 10).

Written from the source texts cz-gli-2024-web.txt (the 2024 web page, section 2.1) and
cz-gli-volwassenen-2027.txt (the full 2027 policy), not from the data: each test names the
sentence or section it comes from.
"""

from __future__ import annotations

import datetime as dt

from policy_model.walk import iter_sources

D = dt.date
KWALITEITSREGISTERS = {"kabiz", "blcn", "irf_kfir", "kp"}
PROGRAMMES_2027 = {"cool", "beweegkuur", "slimmer", "ssib", "kd2o"}


def _requirements(cat, year, section_prefix):
    return [r for r in cat.policy("cz", year).requirements if r.source.section.startswith(section_prefix)]


# --------------------------------------------------------------------------- force


def test_cz_2027_minimum_requirement_lists_in_3_3_1_and_3_3_2_are_minimum(cat):
    for prefix in ("3.3.1", "3.3.2"):
        found = _requirements(cat, 2027, prefix)
        assert found, prefix
        assert {r.force for r in found} == {"minimum"}, prefix


def test_cz_2027_exclusions_in_3_3_3_are_exclusion_grounds(cat):
    found = _requirements(cat, 2027, "3.3.3")
    assert len(found) == 8  # eight grounds under "Niet in aanmerking ... komt de zorgaanbieder"
    assert {r.force for r in found} == {"exclusion"}


def test_cz_2027_bijlage_1_is_vision_and_expectation_never_a_minimum(cat):
    # "In deze bijlage leest u onze visie ... We verwachten dan ook van RHO's ..."
    found = _requirements(cat, 2027, "Bijlage 1")
    assert len(found) >= 25
    assert {r.force for r in found} == {"expectation"}


def test_cz_2027_what_cz_finds_important_or_expects_in_2_2_is_an_expectation(cat):
    # "We vinden het hierbij belangrijk dat ...", "Wij verwachten dus ...", "dan gaan we ervan uit dat ...",
    # and (audit H) what §2.2 says of the RHO as the 2024 page did: "De leefstijlcoach levert de zorg als
    # onderaannemer van de RHO" and "Zij hebben ... een coördinerende rol" (six, was four).
    found = _requirements(cat, 2027, "2.2")
    assert len(found) == 6
    assert {r.force for r in found} == {"expectation"}


def test_cz_2027_only_contracts_coaches_in_the_named_registers_as_a_minimum(cat):
    # 2.1.1: "CZ groep contracteert daarom alleen leefstijlcoaches die zijn geregistreerd in de volgende
    # erkende kwaliteitsregisters: KABIZ inclusief BLCN; IRF / KFIR; KP."
    register = {r.id: r for r in cat.policy("cz", 2027).requirements}["coach_quality_register"]
    assert register.force == "minimum"
    assert set(register.registries) == KWALITEITSREGISTERS


def test_cz_2027_licence_for_the_bought_programmes_is_needed_at_the_start(cat):
    # 3.2: "Voor het uitvoeren van bovenstaande GLI-programma's moet de zorgaanbieder bij aanvang én
    # gedurende de looptijd van de overeenkomst beschikken over een geldige licentie."
    licence = {r.id: r for r in cat.policy("cz", 2027).requirements}["programme_licence_valid"]
    assert licence.force == "minimum"
    assert set(licence.programmes) == PROGRAMMES_2027


def test_cz_2027_every_quality_register_requirement_names_its_registers(cat):
    found = [r for r in cat.policy("cz", 2027).requirements if r.topic == "quality_register"]
    assert found and all(set(r.registries) == KWALITEITSREGISTERS for r in found)


def test_cz_2024_page_makes_the_quality_register_and_minimum_requirements_conditions(cat):
    # "Voor de uitvoering van de GLI contracteren we alleen leefstijlcoaches die zijn geregistreerd in
    # een door CZ groep erkend kwaliteitsregister." / "... die voldoen aan onze minimumeisen voor een
    # overeenkomst." / "We hebben de minimumeisen voor RHO's ... uitgebreid"
    reqs = {r.id: r for r in cat.policy("cz", 2024).requirements}
    assert reqs["coach_quality_register"].force == "minimum"
    assert reqs["coach_network_minimum_requirements"].force == "minimum"
    assert reqs["coach_network_minimum_requirements"].routes == ["coach_network"]
    assert reqs["rho_minimum_requirements"].force == "minimum"
    assert reqs["rho_minimum_requirements"].routes == ["rho"]


def test_cz_2024_target_group_is_who_comes_into_consideration_for_a_gli(cat):
    # "Volwassenen met ten minste een matig verhoogd GGR die voldoende gemotiveerd zijn, komen in
    # aanmerking voor een GLI.": who may take part (a condition for taking part), not what a provider
    # must do.
    found = [r for r in cat.policy("cz", 2024).requirements if r.topic == "target_group"]
    assert len(found) == 3 and {r.force for r in found} == {"minimum"}
    assert {r.kind for r in found} == {"participant"}
    referral = [r for r in cat.policy("cz", 2024).requirements if r.topic == "referral"]
    assert referral and {r.kind for r in referral} == {"participant"}


def test_cz_2024_stated_changes_name_what_they_are_about(cat):
    changes = {c.id: c for c in cat.policy("cz", 2024).changes}
    assert changes["coach_networks_bought_from_2024"].routes == ["coach_network"]
    # 2.1.2: "We hebben de minimumeisen voor RHO's ... uitgebreid": the requirement, not the route.
    extended = changes["rho_minimum_requirements_extended"]
    assert extended.routes == [] and extended.statements == ["rho_minimum_requirements"]


def test_cz_2024_children_ketenaanpak_keeps_its_condition(cat):
    # 2.1.1, the same bullet: "Ook hier geldt dat we pas kunnen starten met het regionaal inrichten van
    # de ketenaanpak zodra er samenwerkingsafspraken zijn gemaakt tussen de zorg en het sociaal domein."
    policy = cat.policy("cz", 2024)
    change = next(c for c in policy.changes if c.id == "ketenaanpak_children_from_2024")
    item = next(t for t in policy.timeline if t.lineage == "ketenaanpak_children_start")
    for text in (change.text, item.activity):
        assert "samenwerkingsafspraken" in text and "sociaal domein" in text
    condition = next(p for p in policy.provisions if p.id in change.statements)
    assert "pas kunnen starten" in condition.source.quote


# --------------------------------------------------------------------------- coverage


def test_cz_document_kinds(cat):
    kinds = {year: cat.policy("cz", year).document_kind for year in (2023, 2024, 2026, 2027)}
    assert kinds == {2023: "derived", 2024: "summary_page", 2026: "derived", 2027: "full_policy"}


def test_cz_2024_web_page_settles_programmes_and_the_routes_it_names(cat):
    # 2.1: the four programmes, "bij voorkeur via ... RHO's" and else "een samenwerkingsverband van
    # leefstijlcoaches of individuele leefstijlcoaches"; no run-off agreement, no volgbeleid.
    policy = cat.policy("cz", 2024)
    assert policy.addresses("programmes")
    assert all(policy.addresses("routes", route=r) for r in ("rho", "coach_network", "individual_coach"))
    assert not policy.addresses("routes", route="runoff") and not policy.addresses("routes", route="follow")
    assert not policy.addresses("routes")
    assert policy.coverage.note


def test_cz_2024_states_requirements_only_in_general_terms_and_defers_the_rho_minimum(cat):
    # 2.1.2: "We hebben de minimumeisen voor RHO's ... uitgebreid U vindt deze minimumeisen in paragraaf 2.4."
    policy = cat.policy("cz", 2024)
    assert policy.coverage_level("requirements", role="individual_coach") == "general"
    assert policy.coverage_level("requirements", role="rho") == "deferred"
    deferral = policy.coverage.entry("requirements", role="rho").source
    assert deferral.quote == "U vindt deze minimumeisen in paragraaf 2.4."


def test_cz_2023_states_its_programme_list_in_full_and_nothing_else(cat):
    # The 2024 page: "CZ groep zet daarom vooralsnog het beleid uit 2023 voort. Dit betekent dat wij
    # voor 2024 de GLI-programma's CooL, de Beweegkuur, SLIMMER en Samen Sportief in Beweging ... inkopen."
    policy = cat.policy("cz", 2023)
    # ... and its requirements only in the page's general terms (audit J #6, #8).
    assert [(e.subject, e.level) for e in policy.coverage.scope] == [("programmes", "full"), ("requirements", "general")]
    assert policy.addresses("programmes") and not policy.addresses("routes") and not policy.addresses("requirements")


def test_cz_2026_derived_year_states_no_subject_in_full(cat):
    policy = cat.policy("cz", 2026)
    assert policy.partial and policy.coverage.scope == [] and policy.coverage.note


def test_cz_2027_full_policy_settles_everything_but_tariffs_and_participants(cat):
    policy = cat.policy("cz", 2027)
    for subject in ("programmes", "registries", "routes", "periods", "applications", "timeline", "requirements"):
        assert policy.addresses(subject), subject
    # 4.1: CZ informs about the 2027 tariffs by 31 October 2026; 2.1 only describes the target group.
    assert policy.coverage_level("tariffs") == "deferred"
    assert policy.coverage_level("participants", topic="target_group") == "general"


# --------------------------------------------------------------------------- correction 5: no tariffs


def test_cz_2027_states_no_tariff(cat):
    policy = cat.policy("cz", 2027)
    assert policy.tariffs == []
    assert not policy.addresses("tariffs")


def test_cz_2027_only_dates_when_it_informs_about_the_2027_tariffs(cat):
    # 4.1: "Informeren over de tarieven voor 2027 bij lopende overeenkomsten van RHO's,
    # samenwerkingsverbanden en uitloopovereenkomst 31 oktober 2026"
    items = [t for t in cat.policy("cz", 2027).timeline if t.kind == "tariff_information"]
    assert len(items) == 1
    assert items[0].date == D(2026, 10, 31)
    assert set(items[0].routes) == {"rho", "coach_network", "runoff"}


def test_cz_2027_follow_policy_is_a_provision_on_following_content_and_tariff(cat):
    # 2.3: "... de overeenkomst met de preferente zorgverzekeraar te volgen op inhoud en tarief. Het is
    # voor zorgverzekeraars niet verplicht om hierin mee te gaan."
    follow = [p for p in cat.policy("cz", 2027).provisions if p.topic == "follow_policy"]
    quotes = " ".join(p.source.quote for p in follow)
    assert "inhoud en tarief" in quotes and "niet verplicht" in quotes
    assert all(p.source.section == "2.3 Volgbeleid" for p in follow)


# --------------------------------------------------------------------------- correction 6: recognition


def test_cz_2027_contracts_only_rivm_recognised_interventions_as_a_minimum(cat):
    # 2.1.1: "Voor de uitvoering van de GLI contracteren wij uitsluitend leefstijlinterventies die door
    # het RIVM zijn erkend en die zijn toegelaten tot het basispakket."
    policy = cat.policy("cz", 2027)
    found = [r for r in policy.requirements if r.topic == "programme_recognition"]
    recognised = [r for r in found if "door het RIVM zijn erkend" in r.source.quote]
    assert len(recognised) == 1
    assert recognised[0].force == "minimum"
    assert recognised[0].source.section.startswith("2.1.1")


def test_cz_2027_new_programmes_only_when_they_fit_the_gli_op_maat_is_cz_own_criterion(cat):
    # 3.2: "Nieuwe programma's komen daarom alleen in aanmerking voor vergoeding wanneer zij aantoonbaar
    # aansluiten op deze doorontwikkeling." This is how CZ decides to take up a newly recognised
    # programme, not something a provider must be or do: a provision. (It used to be a provider
    # requirement with force minimum for every role, which the wizard could weigh against a provider.)
    policy = cat.policy("cz", 2027)
    assert not [r for r in policy.requirements
                if r.topic == "programme_recognition" and r.source.section.startswith("3.2")]
    found = [p for p in policy.provisions if "aansluiten op deze doorontwikkeling" in p.source.quote]
    assert [p.id for p in found] == ["new_programmes_gli_op_maat"]
    assert found[0].topic == "programme_recognition"
    assert found[0].source.section == "3.2 Toelichting inkoopvoorwaarden"


def test_cz_2027_publishes_newly_taken_up_programmes_on_its_website(cat):
    # 3.2: "Indien nieuwe GLI-programma's worden erkend en CZ groep besluit deze op te nemen in het
    # verzekerde aanbod, publiceren wij dit op www.cz.nl/gli." The programme list is full, with this
    # sentence beside it; an undated announcement in the timeline; and the contact line of 4.3 ("Meer
    # informatie over GLI vindt u op www.cz.nl/gli.") no longer claims it.
    policy = cat.policy("cz", 2027)
    entry = policy.coverage.entry("programmes")
    assert entry.level == "full" and entry.note and "www.cz.nl/gli" in entry.note
    assert entry.source.section == "3.2 Toelichting inkoopvoorwaarden"
    assert "publiceren wij dit op www.cz.nl/gli" in entry.source.quote
    updates = [t for t in policy.timeline if t.kind == "policy_updates" and t.source.section.startswith("3.2")]
    assert len(updates) == 1 and updates[0].date is None and updates[0].channel == "website"
    assert "www.cz.nl/gli" in updates[0].source.quote
    website = next(c for c in policy.contacts if c.address == "www.cz.nl/gli")
    assert website.source.section == "4.3 Bereikbaarheid" and "programma" not in website.purpose


# --------------------------------------------------------------------------- correction 7: RIVM register


def test_cz_2026_rivm_register_was_required_and_no_longer_required_belongs_to_2027(cat):
    # 2027, 3.1 (the changes for 2027): "De registratie via de indicatorenlijst van het RIVM is geen
    # minimumeis meer doordat deze registratie in 2026 beëindigd is." 2.1.1: "... het bijbehorende
    # GLI-register zijn in 2026 beëindigd."
    entries = [r for r in cat.policy("cz", 2026).registries if r.registry == "rivm_gli_register"]
    assert [e.use for e in entries] == ["required"]
    assert "2026" in entries[0].note and "beëindigd" in entries[0].note


def test_cz_2027_rivm_register_is_no_longer_required_and_the_stated_change_names_it(cat):
    policy = cat.policy("cz", 2027)
    assert {r.use for r in policy.registries if r.registry == "rivm_gli_register"} == {"no_longer_required"}
    dropped = [c for c in policy.changes if "rivm_gli_register" in c.registries]
    assert len(dropped) == 1
    assert dropped[0].kind == "removed" and dropped[0].against_year == 2026


def test_cz_rivm_register_is_in_both_2026_and_2027_so_it_cannot_read_as_new(cat):
    for year in (2026, 2027):
        assert "rivm_gli_register" in {r.registry for r in cat.policy("cz", year).registries}, year


def test_cz_2027_only_encourages_monitoring_via_the_current_register(cat):
    # 3.1: "We stimuleren zorgaanbieders wel om waar mogelijk bij te dragen aan monitoring via het
    # actuele register."; 1.2.1: "We verwachten aantoonbare resultaten en monitoren die nauwgezet."
    monitoring = [r for r in cat.policy("cz", 2027).requirements if r.topic == "monitoring"]
    assert {r.force for r in monitoring} == {"expectation"}
    register = [r for r in monitoring if "actuele register" in r.source.quote]
    assert len(register) == 1 and not register[0].registries  # the document does not name it


def test_cz_2027_foreword_1_2_1_and_1_3_expect_things_of_every_provider(cat):
    found = {r.source.section: r for r in cat.policy("cz", 2027).requirements
             if r.source.section in ("Voorwoord", "1.2.1 Gepaste en doelmatige zorg", "1.3 Transformatie en samenwerking")}
    assert set(found) == {"Voorwoord", "1.2.1 Gepaste en doelmatige zorg", "1.3 Transformatie en samenwerking"}
    assert {r.force for r in found.values()} == {"expectation"}
    assert "bewezen effectieve innovaties" in found["Voorwoord"].source.quote
    assert "aanhaken bij de regionale aanpak" in found["1.3 Transformatie en samenwerking"].source.quote


# --------------------------------------------------------------------------- correction 8: CZ 2023


_ROUTE_SENTENCE_2024 = "Als er in een bepaalde regio geen GLI is gecontracteerd via een RHO"


def test_cz_2023_holds_nothing_from_the_sentence_that_introduces_the_2024_route(cat):
    quotes = [s.quote for _, s in iter_sources(cat.policy("cz", 2023))]
    assert not any(_ROUTE_SENTENCE_2024 in q for q in quotes)
    assert not any("erkend kwaliteitsregister" in q for q in quotes)


def test_cz_2023_routes_are_only_what_the_2024_page_says_about_2023(cat):
    # "CZ groep zet daarom vooralsnog het beleid uit 2023 voort. Dit betekent dat wij voor 2024 ...
    # bij voorkeur via regionale huisartsenorganisaties (RHO's) inkopen." and "We verruimen in 2024 ons
    # zorginkoopbeleid door ook samenwerkingsverbanden van leefstijlcoaches in te kopen".
    routes = {r.route: r for r in cat.policy("cz", 2023).contract_routes}
    assert set(routes) == {"rho", "coach_network"}
    assert routes["rho"].preference == 1 and routes["rho"].available == "yes"
    assert routes["coach_network"].available == "no"


# --------------------------------------------------------------------------- audit of CZ 2026/2027


def test_cz_2027_tariff_deferral_says_it_is_only_about_running_agreements(cat):
    # 4.1: "Informeren over de tarieven voor 2027 bij lopende overeenkomsten van RHO's,
    # samenwerkingsverbanden en uitloopovereenkomst 31 oktober 2026": nothing about the tariffs of
    # the new individual contracts 2027 or the new run-off agreements.
    entry = cat.policy("cz", 2027).coverage.entry("tariffs")
    assert entry.level == "deferred" and "lopende overeenkomsten" in entry.source.quote
    assert entry.note and "lopende overeenkomsten" in entry.note
    assert "nieuwe overeenkomsten individuele contractant" in entry.note and "niets" in entry.note


def test_cz_2027_tests_the_minimum_requirements_of_rho_and_samenwerkingsverband(cat):
    # "CZ groep kan dit vooraf, gaandeweg en na afloop van de overeenkomst toetsen." stands only in
    # 3.3.1 (RHO or samenwerkingsverband), not in 3.3.2 (individual contractant).
    provision = {p.id: p for p in cat.policy("cz", 2027).provisions}["insurer_may_test_requirements"]
    assert provision.source.section.startswith("3.3.1")
    assert "RHO of samenwerkingsverband" in provision.text


def test_cz_2027_planning_dates_of_4_1_are_latest_dates(cat):
    # 4.1: the table's column is "Planning (uiterlijk)"; 4.2: "Uiterlijk op 12 november 2026 presenteert
    # CZ groep de gecontracteerde zorgaanbieders voor 2027." The day stays in `date`; the wording says
    # "uiterlijk" (it read as an exact day).
    # The publication row cites 4.2, which says "gecontracteerde" and "2027" where 4.1's row does not
    # (audit E #12).
    sections = ("4.1 Tijdpad", "4.2 Publicatie gecontracteerd zorgaanbod")
    dated = [t for t in cat.policy("cz", 2027).timeline if t.source.section in sections and t.date]
    assert {t.date for t in dated} == {D(2026, 4, 1), D(2026, 9, 30), D(2026, 10, 31), D(2026, 11, 12)}
    assert len(dated) == 5
    publication = next(t for t in dated if t.kind == "publication_contracted")
    assert publication.source.section == sections[1] and "gecontracteerde" in publication.source.quote
    assert all(t.date_text.lower().startswith("uiterlijk ") for t in dated), [t.date_text for t in dated]


def test_cz_2027_local_sports_offer_is_named_by_example(cat):
    # Bijlage 1: "... qua lokaal beweegaanbod (zoals sportverenigingen, fitnessclubs en loopgroepen)."
    req = {r.id: r for r in cat.policy("cz", 2027).requirements}["annex_sports_offer_map"]
    assert "zoals sportverenigingen, fitnessclubs en loopgroepen" in req.text
    assert "(zoals sportverenigingen" in req.source.quote


def test_cz_2027_gli_op_maat_work_was_done_in_2024(cat):
    # 2.1: "In 2024 hebben Equalis en Zorgverzekeraars Nederland (ZN) gewerkt aan de doorontwikkeling
    # van de GLI naar een volwaardige ketenaanpak." Past, in 2024; not "werken" now.
    item = {o.id: o for o in cat.policy("cz", 2027).open_items}["gli_op_maat_development"]
    assert "In 2024 hebben Equalis en ZN gewerkt" in item.text and " werken " not in item.text
    assert item.source.quote.startswith("In 2024 hebben Equalis")


def test_cz_2027_rivm_change_names_the_encouragement_in_the_same_bullet(cat):
    # 3.1, one bullet: "... geen minimumeis meer doordat deze registratie in 2026 beëindigd is. We
    # stimuleren zorgaanbieders wel om waar mogelijk bij te dragen aan monitoring via het actuele register."
    policy = cat.policy("cz", 2027)
    change = {c.id: c for c in policy.changes}["rivm_indicator_registration_dropped"]
    assert change.statements == ["rivm_indicator_registration", "encourage_monitoring_current_register"]
    assert "actuele register" in change.source.quote
    assert "encourage_monitoring_current_register" in {r.identity for r in policy.requirements}


def test_cz_2027_individual_contractants_are_only_named(cat):
    # 2.2: "dan kunnen we ook individuele aanbieders van leefstijlcoaching contracteren." names the form
    # without saying what it is.
    route = next(r for r in cat.policy("cz", 2027).contract_routes if r.route == "individual_coach")
    assert [(f.functions, f.kind) for f in route.forms] == [(["single_provider"], "name")]


# --------------------------------------------------------------------------- CZ 2026 (derived)


def test_cz_2026_forms_quote_what_the_document_says_about_2026(cat):
    # What the 2027 document says about 2026 is the rows of its contract periods table (2.4):
    # "Regionale huisartsenorganisatie (RHO)", "Samenwerkingsverband van leefstijlcoaches", "Lopende
    # uitloopovereenkomst van individuele leefstijlcoaches", each "1 januari 2026 – ...". Its definitions
    # in 2.2 are about whom CZ contracts in 2027.
    routes = {r.route: r for r in cat.policy("cz", 2026).contract_routes}
    quotes = {kind: [(f.kind, f.source.section, f.source.quote) for f in route.forms] for kind, route in routes.items()}
    section = "2.4 Looptijd van de overeenkomst"
    assert quotes == {
        "rho": [("name", section, "Regionale huisartsenorganisatie (RHO)")],
        "coach_network": [("name", section, "Samenwerkingsverband van leefstijlcoaches")],
        "runoff": [("name", section, "Lopende uitloopovereenkomst van individuele leefstijlcoaches")],
    }


def test_cz_2026_rivm_register_ended_in_2026_not_during_it(cat):
    # 2.1.1: "... het bijbehorende GLI- register zijn in 2026 beëindigd."; 3.1: "in 2026 beëindigd is".
    policy = cat.policy("cz", 2026)
    texts = [policy.summary, policy.coverage.note or "", policy.derived_note or ""]
    texts += [r.note or "" for r in policy.registries] + [r.text for r in policy.requirements]
    texts += [p.text for p in policy.provisions]
    assert not any("in de loop van 2026" in t for t in texts)
    assert "in 2026 beëindigd" in next(r.note for r in policy.registries if r.registry == "rivm_gli_register")


def test_cz_2027_loket_gezond_leven_is_where_the_required_recognition_runs_not_a_check(cat):
    # 2.1.1: "contracteren wij uitsluitend leefstijlinterventies die door het RIVM zijn erkend";
    # 3.2: "De erkenning van GLI-programma's vindt plaats via een onafhankelijke
    # erkenningscommissie van het Loket Gezond Leven." The recognition is a minimum requirement
    # (which names the register); the document does not say CZ checks anything there. The entry
    # read "Gebruikt ter controle" beside ZZ 2024's "Verplicht" for the same kind of requirement,
    # a difference in kind neither document states (audit F).
    policy = cat.policy("cz", 2027)
    [entry] = [r for r in policy.registries if r.registry == "loket_gezond_leven"]
    [requirement] = [r for r in policy.requirements if "loket_gezond_leven" in r.registries]
    assert requirement.force == "minimum" and entry.use == "required"
    assert "erkenningscommissie van het Loket Gezond Leven" in entry.source.quote


def test_cz_2024_programme_facts_quote_the_sentence_that_continues_the_2023_policy(cat):
    # 2.1: "CZ groep zet daarom vooralsnog het beleid uit 2023 voort. Dit betekent dat wij voor 2024
    # de GLI-programma's CooL, ... inkopen." The programmes' facts say CZ thereby continues the 2023
    # policy; their quote held only the second sentence, which does not say so (audit F).
    facts = [f for p in cat.programmes for f in p.facts
             if f.source.document == "cz_gli_2024_web" and "2023" in f.text]
    assert len(facts) == 4
    for fact in facts:
        assert "vooralsnog het beleid uit 2023 voort" in fact.source.quote
        assert "vooralsnog" in fact.text


def test_cz_2027_programme_notes_do_not_make_the_named_organisations_licence_holders(cat):
    # 3.2 lists "CooL – Expertisecentrum Leefstijlinterventies", "CooL – MiGuide", "SLIMMER – GGD
    # Noord- en Oost-Gelderland", "SLIMMER powered by Ancora" and never says what the name beside
    # the programme is. The notes said "Twee varianten/licentiehouders genoemd" (audit F).
    policy = cat.policy("cz", 2027)
    notes = {p.programme: p.note or "" for p in policy.programmes if len(p.variants) == 2}
    assert set(notes) == {"cool", "slimmer"}
    for note in notes.values():
        assert "licentiehouders genoemd" not in note and "zegt het beleid niet" in note
    assert not any("licentiehouder" in p.source.quote for p in policy.programmes)


def test_cz_2027_quality_registers_for_an_rho_or_network_are_those_of_its_subcontractors(cat):
    # 2.1.1 names the registers of the leefstijlcoaches CZ contracts; 3.3.1 asks them of the RHO's
    # or samenwerkingsverband's "aangesloten onderaannemers". Only the KABIZ entry said so: the
    # BLCN, IRF/KFIR and KP cells read "Voor: ..., Samenwerkingsverband, RHO" without it, as if the
    # organisation itself were to be registered (audit F).
    entries = [r for r in cat.policy("cz", 2027).registries if r.registry in KWALITEITSREGISTERS]
    assert {r.registry for r in entries} == KWALITEITSREGISTERS
    for entry in entries:
        assert {"rho", "coach_network"} <= set(entry.roles)
        assert "onderaannemers" in (entry.note or ""), entry.registry
