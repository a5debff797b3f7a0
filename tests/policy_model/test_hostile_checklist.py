"""Hostile checklist uploads: a Dutch message naming the line, the answers before a broken
row kept, never the parser's English and never answers dropped without a word."""

from __future__ import annotations

import pytest

from policy_model.guidance.checklist import checklist_csv, parse_checklist_csv


@pytest.fixture
def checklist(cat):
    return cat.guidance.checklist


def downloaded(checklist, answered: int = 3) -> list[str]:
    """The lines of a downloaded checklist with the first ``answered`` questions answered."""
    ids = [item.id for item in checklist.items]
    answers = {item_id: checklist.answer_options[n % 2] for n, item_id in enumerate(ids[:answered])}
    return checklist_csv(checklist, answers, {}, "Regio X").decode("utf-8-sig").split("\r\n")


def test_an_unclosed_quote_keeps_the_answers_before_it_and_says_where(checklist):
    lines = downloaded(checklist)
    lines[3] = lines[3].replace(";", ';"', 1)  # the second question's row (line 4)
    region, answers, _, problems = parse_checklist_csv("\r\n".join(lines).encode("utf-8-sig"), checklist)
    assert region == "Regio X"
    assert list(answers) == [checklist.items[0].id]
    assert problems == ["regel 4 en verder niet gelezen: een aanhalingsteken (\") wordt nergens gesloten. De "
                        "antwoorden ervoor zijn overgenomen; controleer de rest."]


def test_an_oversized_field_is_dutch_not_the_parsers_english(checklist):
    lines = downloaded(checklist)
    lines[0] = "# regio;" + "R" * 200_000
    _, answers, _, problems = parse_checklist_csv("\r\n".join(lines).encode("utf-8-sig"), checklist)
    assert answers == {}
    assert problems == ["Het bestand is geen leesbare CSV: regel 1: een veld is langer dan 131.072 tekens. Gebruik "
                        "het bestand dat u hier downloadde."]
    assert not any("field" in p or "limit" in p for p in problems)


def test_an_oversized_note_further_down_keeps_what_came_before(checklist):
    lines = downloaded(checklist)
    lines[4] = lines[4] + "N" * 200_000
    _, answers, _, problems = parse_checklist_csv("\r\n".join(lines).encode("utf-8-sig"), checklist)
    assert list(answers) == [item.id for item in checklist.items[:2]]
    assert problems == ["regel 5 en verder niet gelezen: een veld is langer dan 131.072 tekens. De antwoorden "
                        "ervoor zijn overgenomen; controleer de rest."]


def test_a_clean_checklist_round_trips(checklist):
    region, answers, _, problems = parse_checklist_csv("\r\n".join(downloaded(checklist, 5)).encode("utf-8-sig"),
                                                       checklist)
    assert (region, len(answers), problems) == ("Regio X", 5, [])
