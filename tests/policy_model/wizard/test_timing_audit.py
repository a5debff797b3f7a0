"""The wizard knows what day it is and whose dates and periods it shows, on the real records.

Audit findings: a ZZ offer dated by month alone ("September 2023", ZZ 2024 §6.3) was shown as still
to come long after that month, and to a coach whose route ZZ closes (§3.1); a new provider at CZ 2027
read the existing contractants' periods and signing date instead of §3.3.4; the CZ 2027 run-off
was promised without §2.2's exception for who already has one per 1 January 2026.
"""

from __future__ import annotations

import datetime as dt

import pytest

from policy_model.calendar import load_calendar
from policy_model.wizard.assessment_output import assessment_text
from policy_model.wizard.models import Assessment
from policy_model.wizard.profile import Profile
from policy_model.wizard.rules import assess, assess_policy
from policy_model.wizard.timing import last_day, month_of

AUDIT_DAY = dt.date(2026, 12, 3)
COACH = {"role": "individual_coach", "background": "leefstijlcoach", "registries": ["blcn"], "licences": ["cool"],
         "agb_code": True, "kvk_registered": True, "accredited_training": True, "hbo_level": True, "scope": "local"}
#: An RHO that is what CZ 2027 §2.2 defines: GPs organised regionally, delivering chain care.
CZ_RHO = {"role": "rho", "year": 2027, "functions": {"gp_led_regional": "yes", "coordinates_chain_care": "yes"}}


def _one(cat, profile: dict, insurer: str, today: dt.date = AUDIT_DAY) -> Assessment:
    answers = assess(Profile.model_validate(profile), cat, today, load_calendar())
    return next(a for a in answers if a.insurer == insurer)


def _periods(a: Assessment, route: str) -> list[str]:
    return [p for r in a.routes if r.route == route for p in r.periods]


# --------------------------------------------------------------------------- 2. ZZ's offer


def test_zz_dates_its_offer_by_month_alone_and_the_month_ends_on_its_last_day(cat):
    offer = next(t for t in cat.policy("zz", 2024).timeline if t.kind == "offer")
    # 6.3 gives no day, and heads its dates "Uiterste datum" (audit E #9): by September at the latest.
    assert offer.date is None and offer.date_text == "uiterlijk september 2023"
    assert month_of(offer.date_text) == (2023, 9)
    assert last_day(offer) == dt.date(2023, 9, 30)
    # A text that names a day is no month-only date.
    assert month_of("uiterlijk 30 september 2026") is None


def test_a_coach_zz_does_not_renew_is_offered_nothing_by_zz(cat):
    # The audit's profile: ZZ 3.1 "geen nieuwe zorgovereenkomsten ... met individuele GLI-zorgaanbieders
    # waarmee in 2023 een zorgovereenkomst was"; the September 2023 offer names no route, so it is for
    # the routes ZZ contracts, not for this coach.
    profile = {**COACH, "year": 2024, "region_has_rho": "no", "region_has_network": "no",
               "prior_contract_with": ["zz"], "in_insurer_region": "yes"}
    zz = _one(cat, profile, "zz")
    assert not [x for x in zz.actions if x.kind == "offer"], zz.actions
    assert not any("een aanbod" in x.text or "september 2023" in x.text.lower() for x in zz.actions), zz.actions
    assert "een aanbod" not in zz.next_step and "september 2023" not in zz.next_step.lower()
    # The verdict names why, with 3.1 as its source.
    assert any(s.section.startswith("3.1") for s in zz.verdict_sources)


@pytest.mark.parametrize(("today", "says", "not_says"), [
    # "uiterlijk": 6.3's column is "Uiterste datum" (audit E #9); "in september" said the offer comes then.
    (dt.date(2023, 9, 15), "ontvangt uiterlijk in september 2023 een aanbod", "bood"),
    (dt.date(2023, 10, 15), "bood de overeenkomst uiterlijk in september 2023 aan", "ontvangt"),
])
def test_an_offer_dated_by_month_is_over_when_the_month_is(cat, today, says, not_says):
    # A samenwerkingsverband ZZ contracted in 2023 (5.3): offered in "September 2023", sign by
    # 9 November 2023 (6.3). In September the offer is still coming; on 15 October it has been made.
    profile = {"role": "msv", "year": 2024, "in_insurer_region": ["zz"], "prior_contract_with": ["zz"],
               "functions": {"multidisciplinary_primary_care": "yes", "gp_led_regional": "no",
                             "coordinates_chain_care": "no"}}
    zz = _one(cat, profile, "zz", today)
    offer = next(x for x in zz.actions if x.kind == "offer")
    assert says in offer.text and not_says not in offer.text, offer.text
    assert "09-11-2023" in offer.text and says in zz.next_step


def test_a_month_that_is_over_reads_verstreken_with_that_month(cat):
    # ZZ 2024 itself also gives the signing date, which then decides; without it (the record with its
    # signing item left out) the offer's own month says when it was: "verstreken september 2023".
    real = cat.policy("zz", 2024)
    policy = real.model_copy(update={"timeline": [t for t in real.timeline if t.kind != "signing_deadline"]})
    profile = Profile.model_validate({"role": "msv", "year": 2024, "in_insurer_region": ["zz"],
                                      "prior_contract_with": ["zz"]})
    a = assess_policy(policy, profile, cat, AUDIT_DAY, calendar=load_calendar())
    offer = next(x for x in a.actions if x.kind == "offer")
    assert (offer.when, offer.date, offer.date_text) == ("past", None, "september 2023")
    assert "bood de overeenkomst uiterlijk in september 2023 aan" in offer.text
    assert "verstreken september 2023: Zorg en Zekerheid bood" in assessment_text([a])


# --------------------------------------------------------------------------- 7. new providers


def test_a_new_rho_at_cz_reads_the_new_providers_contract_not_the_running_ones(cat):
    cz = _one(cat, {**CZ_RHO, "prior_contract_with": []}, "cz")
    periods = _periods(cz, "rho")
    # 3.3.4: "Een overeenkomst gaat in op de eerste dag van de maand na het accorderen van de inschrijving
    # en loopt tot uiterlijk 31 december 2027", not 2.4's 1 January 2026 - 31 December 2027.
    assert periods and all("eerste dag van de maand" in p and "31 december 2027" in p for p in periods), periods
    assert not any("01-01-2026" in p for p in periods), periods


def test_a_new_coach_at_cz_has_no_signing_date_of_the_offered_contracts(cat):
    profile = {**COACH, "year": 2027, "region_has_rho": "no", "region_has_network": "no", "prior_contract_with": []}
    cz = _one(cat, profile, "cz")
    periods = _periods(cz, "individual_coach")
    assert periods and not any("01-01-2027 t/m 31-12-2027" in p for p in periods), periods
    assert dt.date(2026, 10, 31) not in {d.date for d in cz.deadlines}
    assert not any(d.kind == "signing_deadline" for d in cz.deadlines)
    assert not any("tekentermijn" in x.text.lower() for x in cz.actions), cz.actions
    # What the insurer does for its existing contractants (offer 30 September, tariffs of running
    # agreements 31 October) is not a new provider's either; the publication of 12 November is.
    kinds = {d.kind for d in cz.insurer_dates}
    assert "publication_contracted" in kinds and not kinds & {"offer", "tariff_information"}, kinds
    assert "rz.gli@cz.nl" in cz.next_step


def test_existing_contractants_keep_their_periods_and_dates(cat):
    rho = _one(cat, {**CZ_RHO, "prior_contract_with": ["cz"]}, "cz")
    assert "Uw overeenkomst loopt door" in rho.next_step and "01-01-2026" in rho.next_step
    assert not any("eerste dag van de maand" in p for p in _periods(rho, "rho"))
    coach = _one(cat, {**COACH, "year": 2027, "region_has_rho": "no", "region_has_network": "no",
                       "prior_contract_with": ["cz"]}, "cz")
    assert dt.date(2026, 10, 31) in {d.date for d in coach.deadlines if d.kind == "signing_deadline"}
    assert any("01-01-2027 t/m 31-12-2027" in p for p in _periods(coach, "individual_coach"))


def test_vgz_2024_shows_its_2024_2025_offer_only_to_whom_it_was_made(cat):
    # VGZ 2024: "Zorgaanbieders die voor 2023 een zorgovereenkomst met ons hebben ... ontvangen voor
    # 2024-2025 een aanbod"; a new coach applies all year and the document gives it no period.
    profile = {**COACH, "year": 2024, "prior_contract_with": []}
    new = _one(cat, profile, "vgz", dt.date(2026, 12, 2))
    assert not any("2024-2025" in p for p in _periods(new, "individual_coach"))
    assert not any("31 december 2025" in n for n in new.time_notes), new.time_notes
    former = _one(cat, {**profile, "prior_contract_with": ["vgz"]}, "vgz", dt.date(2026, 12, 2))
    assert any("2024-2025" in p for p in _periods(former, "individual_coach"))
    assert any("liep tot en met 31 december 2025" in n for n in former.time_notes)


def test_the_records_mark_whose_periods_and_dates_they_are(cat):
    cz = cat.policy("cz", 2027)
    new = [p for p in cz.contract_periods if p.new_providers_only]
    assert {p.route for p in new} == {"rho", "coach_network", "individual_coach"}
    assert all(p.source.section.startswith("3.3.4") and p.start is None and p.end == dt.date(2027, 12, 31)
               for p in new)
    assert all(p.existing_contractants_only for p in cz.contract_periods if not p.new_providers_only)
    offered = {t.kind for t in cz.timeline if t.existing_contractants_only}
    assert offered == {"offer", "questions", "signing_deadline", "tariff_information"}


# --------------------------------------------------------------------------- 8. CZ run-off


def test_the_cz_run_off_names_its_exception_with_its_source(cat):
    # The audit's profile: a coach with a 2026 CZ contract in a region with a contracted RHO.
    profile = {**COACH, "year": 2027, "region_has_rho": "yes", "region_has_network": "unknown",
               "prior_contract_with": ["cz", "vgz", "zz"]}
    cz = _one(cat, profile, "cz")
    runoff = next(r for r in cz.reasons if "uitloopovereenkomst" in r and "U had een overeenkomst" in r)
    # 2.2: "Individuele leefstijlcoaches die per 1 januari 2026 een uitloopovereenkomst hebben, krijgen géén
    # nieuwe uitloopovereenkomst aangeboden, omdat deze doorloopt tot uiterlijk 31 december 2027." The
    # record states it once, as a provision under the run-off's heading; the wizard reads it from there.
    exception = next(p for p in cat.policy("cz", 2027).provisions if "1 januari 2026" in p.source.quote
                     and "uitloopovereenkomst" in p.source.quote)
    assert exception.text in runoff
    assert exception.source in cz.verdict_sources


def test_an_undated_offer_of_a_year_that_is_over_is_past_not_to_come(cat):
    # VGZ 2024: 2023 contractants "ontvangen voor 2024-2025 een aanbod" (no date). Asked on
    # 3 December 2026, that offer is not "nu mogelijk".
    profile = Profile.model_validate({"role": "rho", "year": 2024, "licences": ["cool", "beweegkuur"],
                                      "programmes_offered": 2, "prior_contract_with": ["vgz"], "scope": "regional",
                                      "in_insurer_region": "yes"})
    assessment = assess_policy(cat.policy("vgz", 2024), profile, cat, dt.date(2026, 12, 3))
    offers = [a for a in assessment.actions if a.kind == "offer"]
    assert offers and all(a.when == "past" for a in offers)
    assert not any("u ontvangt" in a.text.lower() for a in offers)
