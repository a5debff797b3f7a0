"""What the profile's answer "GLI-contract in het jaar ervoor" (``prior_contract_with``) tells the
wizard, on the real records. Audit findings (NOTE4):

N4: an existing CZ samenwerkingsverband with a running contract got "komt niet in aanmerking" because
an RHO is contracted in its region. CZ 2027 gives the samenwerkingsverband's contract as running
"1 januari 2026 – 31 december 2027" (§2.4), names "lopende overeenkomsten van RHO's,
samenwerkingsverbanden" (§4.1), and its RHO preference says whom it contracts ("Kan of wil de RHO
in een bepaalde regio de zorg niet leveren, dan contracteren wij in plaats daarvan ...", §2.2); it
nowhere says a running agreement ends where an RHO is. Only the individual coach's contract is tied
to that (§2.2 Uitloopovereenkomst).

N2: see the second half of this file.
"""

from __future__ import annotations

import datetime as dt

from policy_model.calendar import load_calendar
from policy_model.wizard.models import Assessment
from policy_model.wizard.profile import Profile
from policy_model.wizard.rules import assess

AUDIT_DAY = dt.date(2026, 12, 3)
#: The audit's q08 profiles (/work/notes/audit_profiles/q/q08*.yaml): a CZ samenwerkingsverband of
#: coaches asking about 2027, with a CZ contract in 2026.
NETWORK = {"role": "coach_network", "year": 2027, "registries": ["blcn"], "licences": ["cool", "slimmer"],
           "programmes_offered": 2, "agb_code": True, "kvk_registered": True, "region_has_network": "no",
           "prior_contract_with": ["cz"], "scope": "regional", "in_insurer_region": "yes"}


def _one(cat, profile: dict, insurer: str) -> Assessment:
    answers = assess(Profile.model_validate(profile), cat, AUDIT_DAY, load_calendar())
    return next(a for a in answers if a.insurer == insurer)


def _running_contract_stated(a: Assessment) -> None:
    """The verdict says what §2.4 says, with the section, and that §2.2's condition is about contracting."""
    assert a.verdict == "eligible", a.reasons
    assert [r.route for r in a.routes if r.route != "follow"] == ["coach_network"]
    reason = a.reasons[0]
    assert "U had in 2026 een GLI-overeenkomst met CZ" in reason
    assert "01-01-2026 t/m 31-12-2027 (§ 2.4 Looptijd van de overeenkomst)" in reason
    assert "§ 2.2 Wie contracteert CZ groep in 2027? – Contractering samenwerkingsverbanden van leefstijlcoaches" in reason
    assert "gaat over wie CZ contracteert" in reason and "staat niet in het beleid" in reason
    # What §2.2 asks of a samenwerkingsverband in that very paragraph: contact with the RHO.
    assert "legt contact met de RHO in de regio" in reason
    assert {s.section for s in a.verdict_sources} >= {"2.4 Looptijd van de overeenkomst"}
    # What to do next, in the document's words: §4.1 names no application and no signing date for
    # a running contract (not "niets te tekenen", which it does not say), only that CZ tells it the
    # tariffs by 31 October 2026: on the audit day that is past, so "vraag het na".
    assert a.next_step.startswith("Uw overeenkomst loopt door: Samenwerkingsverband van leefstijlcoaches, "
                                  "01-01-2026 t/m 31-12-2027")
    assert "geen aanvraag en geen tekentermijn voor 2027" in a.next_step and "niets" not in a.next_step.split(".")[1]
    assert ("informeerde CZ u uiterlijk 31 oktober 2026 over de tarieven; heeft u niets ontvangen, vraag het dan na "
            "bij CZ (§ 4.1 Tijdpad)") in a.next_step
    # No new contract to get: the verdict says the contract runs on.
    assert a.verdict_label == "Uw overeenkomst loopt door"
    assert a.explanation.startswith("Uw overeenkomst met CZ loopt volgens het beleid door, zolang u aan de eisen")


def test_a_cz_network_with_a_running_contract_keeps_it_where_an_rho_is_contracted(cat):
    # q08: was "Komt niet in aanmerking ... In uw regio is een RHO gecontracteerd".
    a = _one(cat, {**NETWORK, "region_has_rho": "yes"}, "cz")
    _running_contract_stated(a)
    assert "Komt niet" not in a.verdict_label
    assert not any("In uw regio is een RHO gecontracteerd" in r for r in a.reasons)


def test_a_cz_network_with_a_running_contract_need_not_know_whether_an_rho_is_there(cat):
    # q08c: was "Hangt af ...: Dit kan alleen als er in uw regio geen RHO is gecontracteerd", while
    # the same answer already said "Uw overeenkomst loopt door".
    a = _one(cat, {**NETWORK, "region_has_rho": "unknown"}, "cz")
    _running_contract_stated(a)
    assert a.question is None


def test_a_cz_network_with_a_running_contract_and_no_rho_reads_as_before(cat):
    # q08b: no RHO, so the route itself is open; the running contract is the next step.
    a = _one(cat, {**NETWORK, "region_has_rho": "no"}, "cz")
    assert a.verdict == "eligible"
    assert a.reasons[0] == ("Er is in uw regio geen RHO gecontracteerd (die gaat bij CZ voor), dus deze route komt "
                            "in aanmerking.")
    assert a.next_step.startswith("Uw overeenkomst loopt door")


def test_a_new_cz_network_where_an_rho_is_contracted_still_gets_no_contract(cat):
    # §2.2 for a new contract; §3.3.4: a new provider for 2027 had no GLI contract with CZ in 2026.
    a = _one(cat, {**NETWORK, "prior_contract_with": [], "region_has_rho": "yes"}, "cz")
    assert a.verdict == "not_eligible"
    assert a.reasons[0].startswith("In uw regio is een RHO gecontracteerd; CZ contracteert een samenwerkingsverband "
                                   "van leefstijlcoaches alleen waar die er niet is: alleen als de RHO in de regio")
    assert not any("loopt" in r for r in a.reasons)
    assert "onderaannemer van de RHO" in a.next_step


def test_a_cz_network_that_does_not_say_whether_it_had_a_contract_reads_that_a_running_one_runs_on(cat):
    # Not answered: the verdict for a new contract stands, and the running contract is named
    # beside it, as the run-off is for a coach (routes.runoff_for_former_contractant).
    profile = {k: v for k, v in NETWORK.items() if k != "prior_contract_with"}
    for rho, verdict in (("yes", "not_eligible"), ("unknown", "conditional")):
        a = _one(cat, {**profile, "region_has_rho": rho}, "cz")
        assert a.verdict == verdict
        assert ("Had u in 2026 al een GLI-overeenkomst met CZ? De overeenkomst van een samenwerkingsverband van "
                "leefstijlcoaches/paramedici loopt volgens het beleid van 01-01-2026 t/m 31-12-2027 (§ 2.4 Looptijd "
                "van de overeenkomst)") in a.reasons[-1]


def test_a_cz_coach_with_a_contract_still_gets_the_run_off_where_an_rho_is_contracted(cat):
    # §2.2 Uitloopovereenkomst ties a coach's contract to the RHO; the running-contract rule is the
    # organisation's, not the coach's (q09 with an RHO).
    coach = {"role": "individual_coach", "year": 2027, "background": "leefstijlcoach", "registries": ["blcn"],
             "licences": ["cool"], "agb_code": True, "kvk_registered": True, "accredited_training": True,
             "hbo_level": True, "region_has_network": "no", "prior_contract_with": ["cz"], "scope": "local",
             "in_insurer_region": "yes"}
    a = _one(cat, {**coach, "region_has_rho": "yes"}, "cz")
    assert a.verdict == "subcontractor_only"
    assert any("uitloopovereenkomst" in r for r in a.reasons)
    # q09: no RHO or network, the coach's own one-year contract (§2.4) is offered, not "running".
    a = _one(cat, {**coach, "region_has_rho": "no"}, "cz")
    assert a.verdict == "eligible"
    assert "loopt door" not in a.next_step


# --------------------------------------------------------------------------- N2
# A record read as a hint for another year: the profile's "GLI-contract in het jaar ervoor" is
# about the year before the profile's year (2026 for 2027), not the record's (2023 for VGZ 2024).
# And VGZ 2024 bijlage 2, RHO requirement 4: "Voor RHO's die in 2023 gecontracteerd zijn als RHO en
# niet aan deze voorwaarde voldoen, kan een uitzondering gemaakt worden": a GLI contract says
# nothing about a contract as RHO unless the organisation is one.

#: The audit's q01/q02 (/work/notes/audit_profiles/q/): an RHO with a VGZ contract the year before.
RHO_VGZ = {"role": "rho", "registries": ["blcn"], "licences": ["cool", "beweegkuur"], "programmes_offered": 2,
           "agb_code": True, "kvk_registered": True, "prior_contract_with": ["vgz"], "scope": "regional",
           "in_insurer_region": "yes"}
EXCEPTION = "Uitzondering mogelijk voor RHO's die in 2023 als RHO bij VGZ gecontracteerd waren"
SIZE_AND_MANDATE = ("Werkgebied (postcodes)", "Samenwerking met huisartsen / eerste lijn")


def _exception_items(a: Assessment) -> list:
    items = [c for c in a.checklist if EXCEPTION in c.why]
    assert [c.topic_label for c in items] == list(SIZE_AND_MANDATE)
    return items


def test_a_hint_for_another_year_does_not_read_the_answer_as_a_contract_in_the_records_previous_year(cat):
    # q01: an RHO asking about 2027 said it had a VGZ contract (in 2026). VGZ has no 2027 record;
    # its 2024 record is a hint, and its exception and offer are about 2023. Was: "U had in 2023 een
    # GLI-overeenkomst met VGZ: de uitzondering kan voor u gelden".
    a = _one(cat, {**RHO_VGZ, "year": 2027}, "vgz")
    assert a.hint and a.year == 2024
    for item in _exception_items(a):
        assert item.status == "to_check"
        assert "U had in 2023" not in item.why
        assert item.why.endswith("Uw antwoord over een GLI-contract in het jaar ervoor gaat over 2026, niet over "
                                 "2023. Had u in 2023 een overeenkomst met VGZ? Dan kan de uitzondering voor u gelden.")
    assert ("Uw antwoord over een GLI-contract in het jaar ervoor gaat over 2026. Dit beleid is van 2024; wat het zegt "
            "over wie in 2023 wel of geen overeenkomst met VGZ had, is voor u na te gaan.") in a.reasons
    # Not answered for 2023: both the way in for a new samenwerkingsverband and the offer to 2023's
    # contractants are shown, the offer as "Als u in 2023 een overeenkomst met VGZ had".
    assert any(x.address == "zorginkoopintegralezorg@vgz.nl" and x.when == "Het hele jaar door" for x in a.apply)
    assert any(x.text.startswith("Als u in 2023 een overeenkomst met VGZ had:") for x in a.actions if x.kind == "offer")


def test_a_hint_reads_a_no_for_another_year_as_not_given_either(cat):
    # q08 (a CZ network for 2027, no VGZ contract in 2026): against VGZ 2024 that "no" says nothing
    # about 2023, so VGZ's offer to 2023's contractants is named too. Was: only the way in for a
    # new samenwerkingsverband, as if the network had had no VGZ contract in 2023.
    a = _one(cat, {**NETWORK, "region_has_rho": "yes"}, "vgz")
    assert a.hint
    assert any(x.text.startswith("Als u in 2023 een overeenkomst met VGZ had:") for x in a.actions if x.kind == "offer")
    assert any("gaat over 2026. Dit beleid is van 2024" in r for r in a.reasons)


def test_the_record_for_the_profiles_own_year_still_reads_the_answer_as_that_year(cat):
    # q02: an RHO for 2024 with a VGZ contract in 2023: VGZ 2024 is that year's record.
    a = _one(cat, {**RHO_VGZ, "year": 2024}, "vgz")
    assert not a.hint
    for item in _exception_items(a):
        assert item.status == "to_check"
        assert item.why.endswith("U had in 2023 een GLI-overeenkomst met VGZ: de uitzondering kan voor u gelden; "
                                 "VGZ beslist.")
    assert not any("Uw antwoord over een GLI-contract" in r for r in a.reasons)


def test_a_gli_contract_says_nothing_about_a_contract_as_rho_for_an_organisation_that_is_not_one(cat):
    # A samenwerkingsverband led by GPs fits VGZ's RHO route by what it does (gp_led_regional), so
    # it is held to the RHO requirements; its VGZ contract in 2023 may have been as
    # samenwerkingsverband. Was: "U had in 2023 een GLI-overeenkomst met VGZ: de uitzondering kan
    # voor u gelden". The item stays "na te gaan", never met or unmet on that answer.
    network = {"role": "coach_network", "year": 2024, "prior_contract_with": ["vgz"], "in_insurer_region": "yes",
               "functions": {"gp_led_regional": "yes"}}
    a = _one(cat, network, "vgz")
    for item in _exception_items(a):
        assert item.status == "to_check"
        assert "de uitzondering kan voor u gelden" not in item.why
        assert item.why.endswith("U had in 2023 een GLI-overeenkomst met VGZ; of u toen als RHO gecontracteerd was, "
                                 "zegt dat niet: ga dat na. VGZ beslist.")
    unanswered = _one(cat, {k: v for k, v in network.items() if k != "prior_contract_with"}, "vgz")
    for item in _exception_items(unanswered):
        assert item.status == "to_check"
        assert item.why.endswith("Had u in 2023 een overeenkomst met VGZ als RHO? Dan kan de uitzondering voor u "
                                 "gelden.")


def test_before_the_tariff_date_a_running_contract_is_told_when_the_tariffs_come(cat):
    answers = assess(Profile.model_validate({**NETWORK, "region_has_rho": "yes"}), cat, dt.date(2026, 10, 3),
                     load_calendar())
    a = next(x for x in answers if x.insurer == "cz")
    assert "CZ informeert u uiterlijk 31 oktober 2026 over de tarieven (§ 4.1 Tijdpad)." in a.next_step


# --------------------------------------------------------------------------- E#14: two ways in

#: The audit's q02 profile: an RHO asking about VGZ 2024, with a VGZ GLI contract in 2023.
VGZ_RHO = {"role": "rho", "year": 2024, "registries": ["blcn"], "licences": ["cool", "beweegkuur"],
           "programmes_offered": 2, "agb_code": True, "kvk_registered": True, "prior_contract_with": ["vgz"],
           "scope": "regional", "in_insurer_region": "yes"}


def _vgz_rho_on(cat, day: dt.date) -> Assessment:
    answers = assess(Profile.model_validate(VGZ_RHO), cat, day, load_calendar())
    return next(a for a in answers if a.insurer == "vgz")


def test_a_vgz_rho_with_a_2023_contract_reads_both_the_offer_and_the_regioplan_term(cat):
    # VGZ 2024 offers samenwerkingsverbanden with a 2023 contract a 2024-2025 contract, and asks an
    # RHO for its regioplan and offerte "Uiterlijk 15 juli 2023", a planning that holds "net zoals
    # voor reeds gecontracteerde organisaties". "U hoeft niets aan te vragen" silenced the term
    # (audit E#14); "welke van beide" made them alternatives, which the document does not (audit G #1).
    a = _vgz_rho_on(cat, dt.date(2023, 6, 1))
    assert a.next_step.startswith("Mogelijk ontvangt u een aanbod van VGZ via VECOZO. Voor de route RHO vraagt "
                                  "het beleid: ")
    assert "niets aan te vragen" not in a.next_step and "Welke van beide" not in a.next_step
    assert "de RHO dient het regioplan en de offerte in per e-mail bij de regionale zorginkoper, uiterlijk 15 juli 2023" \
        in a.next_step
    assert ("(§ Planning zorginkoop – Zorgovereenkomst Zorgverlening Regionale huisartsenorganisaties (RHO))"
            in a.next_step)
    assert ("Of het aanbod u daarnaast of in plaats daarvan bereikt, zegt het beleid niet: vraag het VGZ voordat die "
            "termijn afloopt.") in a.next_step
    # After the term: said as past, still without "niets aan te vragen".
    later = _vgz_rho_on(cat, dt.date(2023, 8, 10))
    assert "Voor de route RHO vroeg het beleid: " in later.next_step
    assert "(RHO)); die termijn is verstreken. Of het aanbod u daarnaast of in plaats daarvan bereikt" in later.next_step
    assert "niets aan te vragen" not in later.next_step


def test_a_deadline_keeps_the_routes_the_document_dates_it_for(cat):
    # The next step names the route of a deadline from the deadline itself (it used to look the
    # timeline item up again by source and kind).
    a = _vgz_rho_on(cat, dt.date(2023, 6, 1))
    plan = next(d for d in a.deadlines if d.kind == "plan_submission")
    assert plan.routes == ["rho"]
    assert all(d.routes == next(t for t in cat.policy("vgz", 2024).timeline if t.source == d.source
                                and t.kind == d.kind).routes for d in a.deadlines + a.insurer_dates)


def test_an_offer_with_no_term_to_hand_in_still_needs_nothing_applied_for(cat):
    # VGZ 2024's individual coach with a 2023 contract: only the offer (uiterlijk 30 september 2023).
    coach = {"role": "individual_coach", "year": 2024, "background": "leefstijlcoach", "registries": ["blcn"],
             "licences": ["cool"], "agb_code": True, "kvk_registered": True, "accredited_training": True,
             "hbo_level": True, "prior_contract_with": ["vgz"], "scope": "local", "in_insurer_region": "yes"}
    answers = assess(Profile.model_validate(coach), cat, dt.date(2023, 6, 1), load_calendar())
    a = next(a for a in answers if a.insurer == "vgz")
    assert "u hoeft niets aan te vragen" in a.next_step and "Welke van beide" not in a.next_step
