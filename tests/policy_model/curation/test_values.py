"""Values in policy text and the check of a fact's values against its quote."""

from __future__ import annotations

import datetime as dt

import pytest

from policy_model.curation.values import (
    amounts_in,
    dates_in,
    durations_in,
    fact_disagreements,
    numbers_in,
    without_names,
    years_in,
)
from policy_model.schema import ContractPeriod, Requirement, TimelineItem


def _source(quote: str, section: str = "6.3 Planning") -> dict:
    return {"document": "zz_gli_2025", "section": section, "quote": quote}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 november 2024 Uiterste datum", [(7, 11, 2024)]),
        ("uiterlijk 1 juli", [(1, 7, None)]),
        ("per 01-07-2025 en 2025-01-01", [(1, 7, 2025), (1, 1, 2025)]),
        ("1 januari 2026 – 31 december 2027", [(1, 1, 2026), (31, 12, 2027)]),
        ("in 2025 en hoofdstuk 3", []),
    ],
)
def test_dates_in(text: str, expected: list) -> None:
    assert [(m.day, m.month, m.year) for m in dates_in(text)] == expected


def test_durations_amounts_numbers_years() -> None:
    assert durations_in("voor de duur van één jaar") == [(1.0, "years")]
    assert durations_in("binnen een week, 10 werkdagen of 2 jaar (maximaal)") == [
        (1.0, "weeks"), (10.0, "working_days"), (2.0, "years")]
    assert durations_in("een half jaar") == [(0.5, "years")]
    assert amounts_in("een tarief van € 1.250,50 of 150 euro") == [1250.5, 150.0]
    assert {2.0, 80.0, 100000.0} <= numbers_in("twee RHO's, 80 procent en 100.000 patiënten")
    assert years_in("beleid 2024-2025, uitloop tot 2027") == {2024, 2025, 2027}


def test_a_date_the_quote_states_differently_is_a_disagreement() -> None:
    item = TimelineItem(kind="signing_deadline", activity="Tekenen.", date=dt.date(2024, 11, 9),
                        date_text="9 november 2024",
                        source=_source("7 november 2024 Uiterste datum van ondertekening in VECOZO."))
    found = fact_disagreements(item, {2025})
    assert [(d.loc, d.unsupported) for d in found] == [(("date",), False), (("date_text",), False)]
    assert "2024-11-09 is not a date the quote names (7 november 2024)" in found[0].message


def test_date_text_with_the_old_year_beside_a_shifted_date() -> None:
    item = TimelineItem(kind="publication", activity="Publicatie.", date=dt.date(2024, 4, 1),
                        date_text="1 april 2023", source=_source("1 april 2024 Publicatie zorginkoopbeleid."))
    found = fact_disagreements(item, {2025})
    assert [d.loc for d in found] == [("date_text",), ("date_text",)]
    assert "1 april 2023 does not agree with the date field(s) (2024-04-01)" in found[0].message


def test_a_duration_and_a_value_must_be_what_the_quote_says() -> None:
    period = ContractPeriod(route="msv", label="Overeenkomst", duration_text="één jaar", duration_years=2,
                            source=_source("De zorgovereenkomst wordt aangegaan voor de duur van twee jaar.",
                                           "5.2 Looptijd"))
    assert [d.loc for d in fact_disagreements(period, set())] == [("duration_years",), ("duration_text",)]
    requirement = Requirement(id="r", topic="intake_response", roles=["coach"], force="minimum",
                              text="Contact binnen een week.", value={"amount": 2, "unit": "weeks"},
                              source=_source("neemt binnen een week contact op", "5.1 Eisen"))
    found = fact_disagreements(requirement, set())
    assert [(d.loc, d.unsupported) for d in found] == [(("value", "amount"), True)]


def test_what_the_quote_does_not_state_is_not_judged_and_agreeing_values_pass() -> None:
    period = ContractPeriod(route="msv", label="Zorgovereenkomst GLI 2025", start=dt.date(2025, 1, 1),
                            end=dt.date(2025, 12, 31), duration_text="één jaar", duration_years=1,
                            source=_source("De zorgovereenkomst wordt aangegaan voor de duur van één jaar.",
                                           "5.2 Looptijd van de zorgovereenkomsten"))
    assert fact_disagreements(period, {2025, 2024}) == []
    item = TimelineItem(kind="signing_deadline", activity="Tekenen.", date=dt.date(2024, 11, 7),
                        date_text="7 november 2024",
                        source=_source("7 november 2024 Uiterste datum van ondertekening in VECOZO."))
    assert fact_disagreements(item, {2025}) == []


def test_a_number_in_our_text_the_quote_lacks_is_a_warning() -> None:
    requirement = Requirement(id="r", topic="other", roles=["coach"], force="obligation",
                              text="Bezwaar uiterlijk 15 mei (zie hoofdstuk 5).",
                              source=_source("Na deze datum is het recht daarop vervallen.", "Voorwoord"))
    found = fact_disagreements(requirement, {2027})
    assert [(d.loc, d.unsupported) for d in found] == [(("text",), True)]
    assert "15" in found[0].message and "5" not in found[0].message.replace("15", "")


def _participant(text: str, quote: str, **values: dict) -> Requirement:
    return Requirement(id="r", kind="participant", topic="target_group", roles=["referrer"], force="minimum",
                       text=text, source=_source(quote, "Bijlage 2. Minimumeisen"), **values)


def test_a_ggr_level_is_stated_by_its_words_not_by_a_digit() -> None:
    # CZ 2024 2.1 "ten minste een matig verhoogd gewichtsgerelateerd gezondheidsrisico (GGR)": level 1.
    stated = _participant("Ten minste een matig verhoogd GGR.", "Volwassenen met ten minste een matig "
                          "verhoogd gewichtsgerelateerd gezondheidsrisico (GGR) komen in aanmerking.",
                          value={"amount": 1, "unit": "ggr_level"})
    assert fact_disagreements(stated, set()) == []
    # VGZ 2024 bijlage 2: the 16+ exception's condition "een matig verhoogd GGR (of hoger)".
    condition = _participant("Jongeren vanaf 16 jaar bij een matig verhoogd GGR.", "Jeugdigen vanaf 16 jaar "
                             "kunnen een uitzondering vormen als er sprake is van een matig verhoogd GGR (of hoger).",
                             value={"amount": 16, "unit": "age"}, condition={"amount": 1, "unit": "ggr_level"})
    assert fact_disagreements(condition, set()) == []


def test_a_ggr_level_the_quote_does_not_name_in_words_is_still_a_warning() -> None:
    # "verhoogd" alone is not "matig verhoogd"; a digit 1 elsewhere in the quote is not a GGR level;
    # level 2 ("hoog") is not stated by the words of level 1.
    for quote, level in [("Verzekerden met een verhoogd GGR dienen stepped care te volgen.", 1),
                         ("Bij de zorgaanbieder is minimaal 1 erkende leefstijlcoach werkzaam.", 1),
                         ("als er sprake is van een matig verhoogd GGR (of hoger).", 2)]:
        found = fact_disagreements(_participant("Een GGR.", quote, value={"amount": level, "unit": "ggr_level"}),
                                   set())
        assert [(d.loc, d.unsupported) for d in found] == [(("value", "amount"), True)], quote


def test_a_digit_inside_a_programme_name_is_not_a_number_of_the_text() -> None:
    # VGZ 2024 bijlage 2 names "Keer Diabetes 2 Om (KD2O)"; the quote of a fact about it may say only "KD2O".
    requirement = Requirement(id="r", topic="programme_recognition", roles=["coach"], force="minimum",
                              text="VGZ contracteert Keer Diabetes 2 Om in 2024, als het beschikbaar is.",
                              source=_source("Indien beschikbaar zal ook KD2O in 2024 als regulier GLI-programma "
                                             "worden gecontracteerd.", "Bijlage 1"))
    names = {"Keer Diabetes 2 Om", "Keer Diabetes2 Om", "KD2O"}
    assert fact_disagreements(requirement, {2024}, names) == []
    # Without the names the 2 is a number the quote lacks; a number beside the name still counts.
    assert [d.loc for d in fact_disagreements(requirement, {2024})] == [("text",)]
    beside = requirement.model_copy(update={"text": "Keer Diabetes 2 Om, 2 keer per jaar."})
    found = fact_disagreements(beside, {2024}, names)
    assert [d.loc for d in found] == [("text",)] and "the number(s) 2 " in found[0].message


def test_a_name_is_only_blanked_as_a_whole_word() -> None:
    assert without_names("Keer Diabetes 2 Om en KD2O", {"Keer Diabetes 2 Om", "KD2O"}).split() == ["en"]
    assert without_names("Keer  Diabetes\n2 Om", {"Keer Diabetes 2 Om"}).strip() == ""
    assert without_names("XKD2O en 12 weken", {"KD2O"}) == "XKD2O en 12 weken"
    assert without_names("Programma 2 en 3", {"Programma"}) == "Programma 2 en 3"  # no digit: kept
