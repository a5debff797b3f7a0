"""The outline of a source text, step by step: the joined text and each line's place in it,
which lines are headings (sections, subsections, labels), and where each heading sits."""

from __future__ import annotations

from policy_model.curation.locate import LABEL, SUB, _join_filled, build_outline, describe


def _headings(raw: str) -> list[tuple[str, int, int]]:
    return [(h.text, h.level, h.line) for h in build_outline(raw).headings]


def test_filled_lines_are_joined_by_one_space_and_each_knows_where_it_starts():
    text, starts = _join_filled(["Eerste", "", "Tweede regel", "", "", "Derde"])
    assert text == "Eerste Tweede regel Derde"
    assert starts == {0: 0, 2: 7, 5: 20}
    assert [text[at:at + 5] for at in starts.values()] == ["Eerst", "Tweed", "Derde"]


def test_each_heading_sits_at_its_line_in_the_normalised_text():
    raw = "Inleiding van het document.\n\n2.4 Looptijd van de overeenkomst\n\nDe  overeenkomst\u00a0loopt één jaar.\n"
    outline = build_outline(raw)
    (heading,) = outline.headings
    assert (heading.text, heading.level, heading.line) == ("2.4 Looptijd van de overeenkomst", 2, 3)
    assert outline.text[heading.offset:].startswith("2.4 Looptijd")
    assert [describe(outline.chain_at(at)) for at in outline.occurrences("De overeenkomst loopt één jaar.")] == [
        "2.4 Looptijd van de overeenkomst"]


def test_a_heading_wrapped_onto_a_short_lower_case_line_is_joined():
    raw = "3.3 Voorwaarden om in aanmerking te komen voor een\nvergoeding\n\nTekst.\n"
    assert _headings(raw) == [("3.3 Voorwaarden om in aanmerking te komen voor een vergoeding", 2, 1)]


def test_numbered_sentences_list_items_and_lines_that_go_on_are_no_headings():
    assert _headings("1 Zorgaanbieders leveren de gegevens aan.\n") == []  # a numbered sentence
    assert _headings("\n1 Eerste punt\n2 Tweede punt\n") == []  # a numbered list
    goes_on = "voldoen aan de eisen die in deze paragraaf en in de bijlage staan"
    assert _headings(f"\n2 Zorgaanbieders die\n{goes_on}\n") == []  # goes on in lower case (too long to wrap)
    assert _headings("\n4 Eisen aan de\n\nTekst.\n") == []  # ends in a function word


def test_inside_a_block_a_numbered_line_is_a_heading_only_when_its_number_follows():
    long = "Een regel van de paragraaf met te veel woorden om een kop te zijn en zonder punt aan het eind"
    raw = f"2.1 Inkoop\n{long}\n2.2 Contractering\n{long}\n9 Om te beginnen\n"
    assert _headings(raw) == [("2.1 Inkoop", 2, 1), ("2.2 Contractering", 2, 3)]


def test_short_title_lines_open_subsections_and_colon_lines_are_labels():
    raw = ("3 Voorwaarden\n\nEen zin die eindigt.\nDigitale zorg\nDe tekst erover.\n\nAanbod:\nEen aanbod volgt.\n\n"
           "Geen kop\nomdat de zin doorloopt.\n")
    assert _headings(raw) == [("3 Voorwaarden", 1, 1), ("Digitale zorg", SUB, 4), ("Aanbod", LABEL, 7)]
    outline = build_outline(raw)
    at = outline.occurrences("Een aanbod volgt.")[0]
    assert describe(outline.chain_at(at)) == "3 Voorwaarden – Digitale zorg – Aanbod"
