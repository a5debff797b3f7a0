"""Pages say which published policy years the wijzer lacks, against a pinned day."""

from __future__ import annotations

import pytest

from tests.pages.conftest import html_bodies, open_page


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


def test_the_timeline_shows_the_general_calendar_for_missing_years_marked_as_such(pinned_day):
    pinned_day("2026-11-26")
    at = open_page("tijdlijn")
    assert not at.exception
    assert "Algemene inkoopkalender voor jaren die hier ontbreken" in [s.value for s in at.subheader]
    lines = [m.value.replace("\\", "") for m in at.markdown if "(algemene kalender)" in m.value]
    # Zorg en Zekerheid 2025: the policy was due by 1 April 2024 (CZ 2027 §4.1 and ZZ 2024 §6.3
    # name that day in their own planning); VGZ and ZZ lack 2025-2027, CZ lacks 2025.
    assert any(line.startswith("**Zorg en Zekerheid 2025** (algemene kalender) – 1 april 2024: publicatie zorginkoopbeleid")
               for line in lines)
    assert sum("**VGZ" in line for line in lines) == 3
    assert sum("**CZ" in line for line in lines) == 1
    chart = next(body for body in html_bodies(at) if "class='gli-tl'" in body)
    assert "Algemene inkoopkalender (geen datum van de verzekeraar)</span>" in chart  # in the legend
    assert "algemene kalender, niet de eigen datum van de verzekeraar" in chart  # on each of its marks
    # No insurer's own date is after 26 November 2026; the notice points to the general calendar.
    assert any("zie de algemene inkoopkalender hieronder" in i.value for i in at.info)


def test_the_timeline_shows_no_general_calendar_when_nothing_is_missing(pinned_day):
    pinned_day("2024-03-15")
    at = open_page("tijdlijn", verzekeraar="VGZ")
    assert not at.exception
    assert "Algemene inkoopkalender voor jaren die hier ontbreken" not in [s.value for s in at.subheader]


@pytest.mark.parametrize("page", ["programmas", "registers", "voorwaarden", "wijzigingen"])
def test_every_comparison_page_says_which_published_years_are_missing(pinned_day, page):
    pinned_day("2026-11-26")
    at = open_page(page)
    assert not at.exception
    # One line that opens on demand, so the comparison itself stays on the first screen.
    labels = [p.proto.popover.label for p in at.get("popover")]
    assert "📅 Ontbreekt: 7 jaren" in labels
    text = _warnings(at)  # what the line opens to
    assert "Zorg en Zekerheid: beleid 2025, 2026 en 2027 zijn gepubliceerd maar staan niet in deze wijzer" in text
    assert "CZ: beleid 2025 is gepubliceerd maar staat niet in deze wijzer; van 2026 staat alleen" in text
