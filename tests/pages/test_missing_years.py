"""Pages say which published policy years the wijzer lacks, against a pinned day."""

from __future__ import annotations

import pytest

from policy_model.loader import load_catalogue
from policy_model.paths import data_dir
from tests.dataset import gaps, nl_list
from tests.pages.conftest import html_bodies, open_page, sourced_lines


def at_catalogue():
    """The catalogue the app shows (the data folder the pages read)."""
    return load_catalogue(data_dir()).catalogue


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
    # By 1 April 2026 the 2027 policies were due: every year from an insurer's first full record
    # up to 2027 that the dataset lacks is named, with the newest full record.
    cat = at_catalogue()
    for insurer, (missing, _) in gaps(cat).items():
        if missing:
            newest = max(p.year for p in cat.policies if p.insurer == insurer and not p.partial)
            verbs = "is gepubliceerd maar staat" if len(missing) == 1 else "zijn gepubliceerd maar staan"
            assert (f"{cat.insurer(insurer).short_name}: beleid {nl_list(missing)} {verbs} niet in deze wijzer"
                    in text and f"nieuwste: {newest}" in text)


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
    lines = [line for line in sourced_lines(at) if "(algemene kalender)" in line]
    # A missing year Y of an insurer: its policy was due by 1 April of Y-1 (CZ 2027 §4.1 and ZZ 2024
    # §6.3 name that day in their own planning); one line per missing year of each insurer.
    cat = at_catalogue()
    missing = {insurer: years for insurer, (years, _) in gaps(cat).items()}
    for insurer, years in missing.items():
        name = cat.insurer(insurer).short_name
        assert sum(line.startswith(f"<b>{name} ") for line in lines) == len(years)
        if years:
            assert any(line.startswith(f"<b>{name} {years[0]}</b> (algemene kalender) – 1 april {years[0] - 1}: "
                                       "publicatie zorginkoopbeleid") for line in lines)
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
    # One line that opens on demand, so the comparison itself stays on the first screen
    # (in the data as committed: 7 years, CZ 2025, VGZ and Zorg en Zekerheid 2025-2027).
    found = gaps(at_catalogue())
    total = sum(len(missing) for missing, _ in found.values())
    labels = [p.proto.popover.label for p in at.get("popover")]
    assert f"📅 Ontbreekt: {total} {'jaar' if total == 1 else 'jaren'}" in labels
    text = _warnings(at)  # what the line opens to
    cat = at_catalogue()
    for insurer, (missing, _) in found.items():
        if len(missing) > 1:
            assert (f"{cat.insurer(insurer).short_name}: beleid {nl_list(missing)} zijn gepubliceerd maar staan "
                    "niet in deze wijzer") in text
        elif missing:
            assert f"{cat.insurer(insurer).short_name}: beleid {missing[0]} is gepubliceerd maar staat" in text
