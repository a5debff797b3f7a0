"""Every quote in data/ occurs verbatim in its source document (after whitespace is
collapsed and quote marks, dashes and ligatures are normalised)."""

from __future__ import annotations

import pytest

from policy_model.loader import CATALOGUE_FILES, load_catalogue
from policy_model.paths import DEFAULT_DATA_DIR
from policy_model.quotes import normalise


def test_every_quote_is_found_in_its_source_text(source_texts):
    result = load_catalogue(DEFAULT_DATA_DIR, check_quotes=True)
    missing = [str(p) for p in result.problems if "quote" in p.path or "source text" in p.message]
    assert not missing, "\n".join(missing)


def test_every_source_file_listed_exists(cat, source_texts):
    for doc in cat.sources:
        assert (source_texts / doc.file).is_file(), doc.file


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("zorg  en\nzekerheid", "zorg en zekerheid"),
        ("GLI‑programma’s", "GLI-programma's"),
        ("“leefstijlcoach”", '"leefstijlcoach"'),
        ("ﬁnanciering", "financiering"),
    ],
)
def test_normalise_collapses_whitespace_and_typography(raw, expected):
    assert normalise(raw) == expected


def test_a_paraphrase_is_not_accepted_as_quote(source_texts, cat):
    from policy_model.quotes import quote_found

    path = source_texts / cat.source("zz_gli_2024").file
    assert quote_found("Max-max tarieven zijn niet meer mogelijk per 2024", path)
    assert not quote_found("Max-max tarieven zijn vanaf 2024 niet meer mogelijk", path)


def test_the_catalogue_files_are_the_documented_ones():
    documented = (DEFAULT_DATA_DIR / "README.md").read_text(encoding="utf-8")
    for name in CATALOGUE_FILES:
        assert f"`{name}`" in documented
