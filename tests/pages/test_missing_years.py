"""Pages say which published policy years the wijzer lacks, against a pinned day."""

from __future__ import annotations

import pytest

from tests.pages.conftest import open_page


@pytest.fixture
def pinned_day(monkeypatch):
    def pin(day: str) -> None:
        monkeypatch.setenv("GLI_TODAY", day)
    return pin


def _warnings(at) -> str:
    return "\n".join(str(w.value) for w in at.warning).replace("\\", "")  # Markdown escapes


def test_home_names_the_policy_years_published_by_26_november_2026_that_are_missing(pinned_day):
    pinned_day("2026-11-26")
    at = open_page()
    assert not at.exception
    text = _warnings(at)
    # By 1 April 2026 the 2027 policies were due; the dataset holds VGZ and ZZ up to 2024.
    assert "Zorg en Zekerheid: beleid 2025, 2026 en 2027 zijn gepubliceerd maar staan niet in deze wijzer; nieuwste: 2024" in text
    assert "VGZ: beleid 2025, 2026 en 2027" in text
    assert "CZ: beleid 2025 is gepubliceerd" in text


def test_before_the_2025_policies_were_due_nothing_is_missing_for_vgz(pinned_day):
    pinned_day("2024-03-15")
    at = open_page()
    assert not at.exception
    assert "VGZ:" not in _warnings(at)
