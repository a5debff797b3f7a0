"""A reader's document held against the insurer's newest record (the logic behind the page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_model.curation.extract import ExtractionError
from policy_model.curation.new_document import (
    DocumentTooLong,
    compare_document,
    newest_record,
    reader_message,
    record_citations,
)
from policy_model.curation.review import MAX_REVIEW_CHARS


def test_the_newest_record_is_the_highest_year_full_policy_first(cat) -> None:
    for insurer in cat.insurer_ids:
        newest = newest_record(cat, insurer)
        years = [p.year for p in cat.policies if p.insurer == insurer]
        assert newest.year == max(years)
        same_year = [p for p in cat.policies if p.insurer == insurer and p.year == newest.year]
        assert newest.document_kind == "full_policy" or all(p.document_kind != "full_policy" for p in same_year)


def test_the_records_own_document_stands_entirely(cat, source_texts: Path) -> None:
    policy = cat.policy_by_key("zz-2024")
    result = compare_document(cat, policy, (source_texts / "zz-gli-2024.txt").read_text(encoding="utf-8"))
    citations, facts = record_citations(policy)
    assert result.counts()["kept"] == len(citations) == len(result.standings)
    assert sum(len(f) for f in facts) == sum(src.document in policy.documents for src in _sources(policy))
    assert result.names_insurer and result.label == "Zorg en Zekerheid 2024"
    labels = {label for s in result.standings for label in s.facts}
    assert "Tijdpad: Uiterste datum om de zorgovereenkomst te ondertekenen in het VECOZO Zorginkoopportaal." in labels


def _sources(policy):
    from policy_model.walk import iter_sources

    return [src for _, src in iter_sources(policy)]


def test_too_long_a_text_and_unreadable_files_get_dutch_reasons(cat) -> None:
    with pytest.raises(DocumentTooLong):
        compare_document(cat, cat.policy_by_key("zz-2024"), "x " * MAX_REVIEW_CHARS)
    assert "wachtwoord" in reader_message(ExtractionError("x.pdf: the PDF is encrypted with a password; ..."))
    assert "scan" in reader_message(ExtractionError("x.pdf: the PDF has no text layer (1 page(s)): it looks like"))
    assert reader_message(ExtractionError("x: something else")).startswith("Het document kon niet gelezen worden")
