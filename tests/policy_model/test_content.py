"""Key facts of each document, written from the documents themselves (not from data/).

If a curator edits data/ and one of these changes, the test says which fact moved.
"""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


def bought(cat, insurer, year, status="bought"):
    return {p.programme for p in cat.policy(insurer, year).programmes if p.status == status}


@pytest.mark.parametrize(
    ("insurer", "year", "programmes"),
    [
        # CZ 2027, 3.2: CooL, Beweegkuur, SLIMMER, SSiB, KD2O.
        ("cz", 2027, {"cool", "beweegkuur", "slimmer", "ssib", "kd2o"}),
        # CZ web page 2024: "CooL, de Beweegkuur, SLIMMER en Samen Sportief in Beweging".
        ("cz", 2024, {"cool", "beweegkuur", "slimmer", "ssib"}),
        # ... continued from 2023.
        ("cz", 2023, {"cool", "beweegkuur", "slimmer", "ssib"}),
        # VGZ 2024, annex 2: COOL, BEWEEGKUUR, SLIMMER, SSiB en XFittt.
        ("vgz", 2024, {"cool", "beweegkuur", "slimmer", "ssib", "x_fittt"}),
        # VGZ annex 1, Beleid 2023: "Erkende programma's waren COOL, BEWEEGKUUR, SLIMMER en SsiB".
        ("vgz", 2023, {"cool", "beweegkuur", "slimmer", "ssib"}),
    ],
)
def test_programmes_bought_per_insurer_year(cat, insurer, year, programmes):
    assert bought(cat, insurer, year) == programmes


def test_vgz_2024_expects_kd2o_but_does_not_yet_buy_it(cat):
    status = {p.programme: p.status for p in cat.policy("vgz", 2024).programmes}
    assert status["kd2o"] in {"expected", "conditional"}


def test_x_fittt_is_not_stated_by_cz_2027(cat):
    assert "x_fittt" not in {p.programme for p in cat.policy("cz", 2027).programmes}


@pytest.mark.parametrize(
    ("insurer", "year", "route", "start", "end"),
    [
        ("cz", 2027, "rho", D(2026, 1, 1), D(2027, 12, 31)),
        ("cz", 2027, "coach_network", D(2026, 1, 1), D(2027, 12, 31)),
        ("cz", 2027, "individual_coach", D(2027, 1, 1), D(2027, 12, 31)),
        ("vgz", 2024, "individual_coach", D(2024, 1, 1), D(2025, 12, 31)),
        # ZZ 2024 5.2 gives the length only ("voor de duur van één jaar"); a contract applied for
        # during the year starts in the month of applying (5.4): no start or end day (audit N #24).
        ("zz", 2024, "msv", None, None),
    ],
)
def test_contract_periods(cat, insurer, year, route, start, end):
    periods = [(p.start, p.end) for p in cat.policy(insurer, year).contract_periods if p.route == route]
    assert (start, end) in periods


def test_cz_2027_new_run_off_agreements_last_until_2028(cat):
    runoff = [p for p in cat.policy("cz", 2027).contract_periods if p.route == "runoff"]
    assert D(2028, 12, 31) in {p.end for p in runoff}


@pytest.mark.parametrize(
    ("insurer", "year", "kind", "date"),
    [
        ("cz", 2027, "publication", D(2026, 4, 1)),
        ("cz", 2027, "offer", D(2026, 9, 30)),
        ("cz", 2027, "signing_deadline", D(2026, 10, 31)),
        ("cz", 2027, "publication_contracted", D(2026, 11, 12)),
        ("zz", 2024, "publication", D(2023, 4, 1)),
        ("zz", 2024, "signing_deadline", D(2023, 11, 9)),
        ("zz", 2024, "publication_contracted", D(2023, 11, 12)),
        ("vgz", 2024, "offer", D(2023, 9, 30)),
    ],
)
def test_timeline_dates(cat, insurer, year, kind, date):
    dates = {t.date for t in cat.policy(insurer, year).timeline if t.kind == kind}
    assert date in dates


def test_zz_offer_in_september_2023_has_no_invented_day(cat):
    offer = [t for t in cat.policy("zz", 2024).timeline if t.kind == "offer"]
    assert offer and offer[0].date is None and "september 2023" in offer[0].date_text.lower()


def test_max_max_tariff_no_longer_available_at_zz_from_2024(cat):
    def max_max(year):
        return {t.available for t in cat.policy("zz", year).tariffs if t.kind == "max_max"}

    assert max_max(2024) == {"no"}
    assert max_max(2023) == {"yes"}


def _values(cat, insurer, year, topic):
    return {
        (r.value.amount, r.value.unit)
        for r in cat.policy(insurer, year).requirements
        if r.topic == topic and r.value
    }


def test_numeric_requirements(cat):
    # CZ 2027 3.3.1: at least 2 programmes, social domain at least 2 times a year.
    assert (2, "count") in _values(cat, "cz", 2027, "min_programmes")
    assert (2, "per_year") in _values(cat, "cz", 2027, "social_domain_collaboration")
    # ZZ 2024 5.1: contact within a week after referral.
    assert (1, "weeks") in _values(cat, "zz", 2024, "intake_response")
    # VGZ 2024 annex 2: average group of 7; youth from 16.
    assert (7, "participants") in _values(cat, "vgz", 2024, "group_size")
    assert (16, "age") in _values(cat, "vgz", 2024, "target_group")


@pytest.mark.parametrize(
    ("insurer", "year", "words"),
    [
        # CZ 2024 2.1: "Volwassenen met ten minste een matig verhoogd ... GGR ... komen in aanmerking".
        ("cz", 2024, "Volwassenen met"),
        # CZ 2027 2.1: "De GLI is een bewezen effectieve interventie voor volwassenen met overgewicht."
        ("cz", 2027, "voor volwassenen met overgewicht"),
        # VGZ 2024 bijlage 2: "uitsluitend van toepassing op volwassenen en niet op kinderen".
        ("vgz", 2024, "uitsluitend van toepassing op volwassenen"),
    ],
)
def test_adults_are_recorded_without_an_age_the_documents_do_not_give(cat, insurer, year, words):
    """None of the three documents puts an age on "volwassenen": no 18 in the data."""
    adults = [r for r in cat.policy(insurer, year).requirements if r.age_group == "adults"]
    assert [words in r.source.quote for r in adults] == [True]
    assert adults[0].value is None and "18" not in adults[0].text
    ages = {r.value.amount for r in cat.policy(insurer, year).requirements if r.value and r.value.unit == "age"}
    assert 18 not in ages


def test_cz_2027_answers_questions_within_ten_working_days(cat):
    contacts = cat.policy("cz", 2027).contacts
    assert any(c.address == "zorginkoop.gli@cz.nl" and c.answer_working_days == 10 for c in contacts)


def test_cz_2027_accepts_the_three_named_quality_registers(cat):
    accepted = {r.registry for r in cat.policy("cz", 2027).registries if r.use == "accepted"}
    assert {"kabiz", "blcn", "irf_kfir", "kp"} <= accepted


def test_changes_are_stated_against_the_previous_year(cat):
    zz = cat.policy("zz", 2024).changes
    assert len(zz) == 9 and {c.against_year for c in zz} == {2023}
    assert any(c.topic == "tariff" for c in zz)
