"""Text that continues a sentence: the first letter in lower case, abbreviations untouched."""

from __future__ import annotations

import pytest

from policy_model.wizard.context import in_sentence, lower_first


@pytest.mark.parametrize(("text", "expected"), [
    ("CZ bood de overeenkomst aan", "CZ bood de overeenkomst aan"),  # was "cZ bood"
    ("RHO", "RHO"),
    ("KvK-inschrijving", "KvK-inschrijving"),
    ("AGB-code", "AGB-code"),
    ("Alleen via een RHO of samenwerkingsverband", "alleen via een RHO of samenwerkingsverband"),
    ("U ontvangt een aanbod", "u ontvangt een aanbod"),
    ("Zorggroep", "zorggroep"),
    ("", ""),
])
def test_lower_first_keeps_abbreviations(text, expected):
    assert lower_first(text) == expected


def test_route_labels_read_as_words_in_a_sentence():
    assert in_sentence("Multidisciplinair samenwerkingsverband") == "multidisciplinair samenwerkingsverband"
    assert in_sentence("RHO") == "RHO"
