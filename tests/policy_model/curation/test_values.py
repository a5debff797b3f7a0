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
