"""Dates as the documents write them, on the real records (audit E).

Findings: CZ 2027 §4.1's term for questions ("Uiterlijk 4 weken na het aanbieden van de overeenkomst")
was never shown, having no day; a "vóór" date (ZZ 2024 §5.1 "vóór 1 januari 2024", CZ 2027 §2.1.4
"vóór 1 oktober 2026") was still open on that day; a start without an end (VGZ 2024 "Vanaf 1 augustus
2023 Maken inkoopafspraken") read "verstreken" from the next day on; a range (VGZ 2024 "1 oktober 2023 –
22 december 2023") was shown by its first day; the insurer's own dates read "nog mogelijk".
"""

from __future__ import annotations

import datetime as dt

import pytest

from policy_model.calendar import load_calendar
from policy_model.wizard.assessment_output import assessment_text
from policy_model.wizard.models import Assessment
from policy_model.wizard.profile import Profile
from policy_model.wizard.rules import assess
from policy_model.wizard.timing import action_day, item_when, last_day

COACH = {"role": "individual_coach", "background": "leefstijlcoach", "registries": ["blcn"], "licences": ["cool"],
         "agb_code": True, "kvk_registered": True, "accredited_training": True, "hbo_level": True, "scope": "local",
         "year": 2027, "region_has_rho": "no", "region_has_network": "no", "in_insurer_region": "yes"}
#: An RHO VGZ contracted in 2023 (the audit's profile q02).
VGZ_RHO = {"role": "rho", "year": 2024, "registries": ["blcn"], "licences": ["cool", "beweegkuur"],
           "programmes_offered": 2, "agb_code": True, "kvk_registered": True, "prior_contract_with": ["vgz"],
           "scope": "regional", "in_insurer_region": "yes"}
#: A multidisciplinary samenwerkingsverband ZZ contracted in 2023 (the audit's profile q06).
ZZ_MSV = {"role": "msv", "year": 2024, "licences": ["cool", "beweegkuur"], "programmes_offered": 2, "agb_code": True,
          "kvk_registered": True, "prior_contract_with": ["zz"], "scope": "regional", "in_insurer_region": "yes",
          "functions": {"multidisciplinary_primary_care": "yes"}}


def _one(cat, profile: dict, insurer: str, today: dt.date) -> Assessment:
    answers = assess(Profile.model_validate(profile), cat, today, load_calendar())
    return next(a for a in answers if a.insurer == insurer)


def _item(cat, insurer: str, year: int, words: str):
    return next(t for t in cat.policy(insurer, year).timeline if words in t.source.quote)


# --------------------------------------------------------------------------- 4 weeks after the offer


@pytest.mark.parametrize(("today", "state", "says"), [
    (dt.date(2026, 9, 15), "upcoming", "het aanbod komt uiterlijk 30-09-2026, dus uiterlijk 28-10-2026"),
    (dt.date(2026, 10, 15), "upcoming", "het aanbod kwam uiterlijk 30-09-2026, dus uiterlijk 28-10-2026"),
    (dt.date(2026, 12, 3), "past", "die termijn liep uiterlijk 28-10-2026 af"),
])
def test_a_former_cz_coach_reads_the_term_for_questions_counted_from_the_offer(cat, today, state, says):
    # CZ 2027 §4.1: "Vragen stellen over de overeenkomsten | Uiterlijk 4 weken na het aanbieden van de
    # overeenkomst"; the offer comes by 30 September 2026. The item has no day, and was left out.
    cz = _one(cat, {**COACH, "prior_contract_with": ["cz"]}, "cz", today)
    questions = [x for x in cz.actions if x.kind == "questions"]
    assert len(questions) == 1, cz.actions
    action = questions[0]
    assert action.when == state and says in action.text, action
    assert action.date is None  # no day is invented: the document counts from the offer
    assert action.date_text == "Uiterlijk 4 weken na het aanbieden van de overeenkomst"
    assert action.source.section == "4.1 Tijdpad"


def test_a_new_coach_at_cz_gets_no_term_for_questions_about_an_offer_made_to_others(cat):
    cz = _one(cat, {**COACH, "prior_contract_with": []}, "cz", dt.date(2026, 10, 15))
    assert not [x for x in cz.actions if x.kind == "questions"], cz.actions


# --------------------------------------------------------------------------- "vóór" a day


def test_a_day_named_with_voor_is_itself_too_late(cat):
    wtza = _item(cat, "zz", 2024, "vóór 1 januari 2024 een Wtza vergunning")
    assert wtza.date == dt.date(2024, 1, 1) and last_day(wtza) == dt.date(2023, 12, 31)
    csrd = _item(cat, "cz", 2027, "vóór 1 oktober 2026")
    assert last_day(csrd) == dt.date(2026, 9, 30)
    # ZZ 2024 §5.1: on 1 January 2024 it is too late to have applied "vóór 1 januari 2024".
    zz = _one(cat, ZZ_MSV, "zz", dt.date(2024, 1, 1))
    action = next(x for x in zz.actions if "Wtza" in x.text)
    assert action.when == "past", action
    on_the_eve = _one(cat, ZZ_MSV, "zz", dt.date(2023, 12, 31))
    assert next(x for x in on_the_eve.actions if "Wtza" in x.text).when == "today"
    # CZ 2027 §2.1.4: the announcement "vóór 1 oktober 2026" is over on 1 October.
    cz = _one(cat, {**COACH, "prior_contract_with": ["cz"]}, "cz", dt.date(2026, 10, 1))
    assert next(d for d in cz.insurer_dates if "CSRD" in d.activity).when == "past"


# --------------------------------------------------------------------------- "Vanaf" a day; a range


def test_a_start_without_an_end_is_going_on_not_over(cat):
    # VGZ 2024, planning RHO: "Vanaf 1 augustus 2023 Maken inkoopafspraken VGZ en RHO Inkoopgesprekken".
    talks = _item(cat, "vgz", 2024, "Vanaf 1 augustus 2023 Maken inkoopafspraken")
    vgz = cat.policy("vgz", 2024)
    assert item_when(talks, vgz, dt.date(2023, 7, 31)) == "upcoming"
    assert item_when(talks, vgz, dt.date(2023, 8, 15)) == "open"
    # The talks lead to the agreement the same table gives "1 oktober 2023 – 22 december 2023 tot
    # 12.00 uur": after that term they are over, not "nu mogelijk" all through 2024 (audit E #15).
    assert item_when(talks, vgz, dt.date(2023, 12, 22)) == "open"
    assert item_when(talks, vgz, dt.date(2023, 12, 23)) == "past"
    assert item_when(talks, vgz, dt.date(2024, 3, 1)) == "past"
    assert item_when(talks, vgz, dt.date(2025, 1, 1)) == "past"  # the policy year is over
    answer = _one(cat, VGZ_RHO, "vgz", dt.date(2023, 8, 15))
    action = next(x for x in answer.actions if x.kind == "negotiation")
    assert action.when == "open", action
    # A start reads as one, in the document's words: "Vanaf 1 augustus 2023", not a bare day.
    assert action_day(action) == "Vanaf 1 augustus 2023"
    assert "Vanaf 1 augustus 2023 (nu mogelijk): " in assessment_text([answer])
    march = _one(cat, VGZ_RHO, "vgz", dt.date(2024, 3, 1))
    assert next(x for x in march.actions if x.kind == "negotiation").when == "past"
    # "Vanaf 12 november 2023 maken wij het reeds gecontracteerde zorgaanbod voor 2024 bekend ... Onze
    # Zorgzoekers werken we tussentijds bij": going on after 12 November, not over.
    late = _one(cat, VGZ_RHO, "vgz", dt.date(2023, 12, 1))
    assert next(d for d in late.insurer_dates if d.kind == "publication_contracted").when == "open"


def test_a_range_is_shown_by_its_last_day(cat):
    # VGZ 2024: "1 oktober 2023 – 22 december 2023 tot 12.00 uur Bereiken schriftelijke overeenstemming".
    answer = _one(cat, VGZ_RHO, "vgz", dt.date(2023, 10, 15))
    action = next(x for x in answer.actions if x.kind == "agreement_deadline")
    assert action.date == dt.date(2023, 12, 22) and action.when == "upcoming", action


# --------------------------------------------------------------------------- the insurer's dates


def test_the_insurers_own_dates_are_not_called_possible(cat):
    answer = _one(cat, {**COACH, "prior_contract_with": ["cz"]}, "cz", dt.date(2026, 10, 15))
    text = assessment_text([answer])
    assert "verzekeraar 2026-11-12 (komt nog): CZ maakt de gecontracteerde zorgaanbieders voor 2027 bekend" in text
    assert "verzekeraar 2026-11-12 (nog mogelijk)" not in text


# --------------------------------------------------------------------------- the records' own words


def test_cz_names_both_conditions_before_it_works_out_the_ketenaanpak(cat):
    # CZ 2027 §2.1: "zodra het ministerie van VWS de handreiking vaststelt en publiceert, en zodra bekend
    # is wat die betekent voor de visie op de sector en de ZN-ambitie". The record named only the first.
    item = next(t for t in cat.policy("cz", 2027).timeline if t.lineage == "ketenaanpak_policy_elaboration")
    assert "vaststelt en publiceert" in item.date_text and "ZN-ambitie" in item.date_text
    assert "vaststelt en publiceert" in item.source.quote and "ZN-ambitie" in item.source.quote


def test_an_actions_day_keeps_the_documents_word_and_a_year(cat):
    # CZ 2027 §2.1.4 "uiterlijk 15 mei a.s.": on another day "a.s." says nothing; the year is shown.
    answer = _one(cat, {**COACH, "prior_contract_with": ["cz"], "region_has_rho": "yes"}, "cz", dt.date(2026, 12, 3))
    days = [action_day(x) for x in answer.actions]
    assert "uiterlijk 15 mei 2026" in days and not any("a.s." in d for d in days)
    assert "uiterlijk 31 oktober 2026" in days
