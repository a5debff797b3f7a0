"""The home page: runs, shows the dataset's real headline figures and its sources."""

from __future__ import annotations

from tests.pages.conftest import all_text, open_page


def test_home_runs_without_exception_and_shows_the_headline_figures(cat):
    at = open_page()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    figures = cat.headline()
    assert metrics["Verzekeraars"] == str(figures["insurers"])
    assert metrics["GLI-programma's"] == str(figures["programmes"])
    assert metrics["Eisen vastgelegd"] == str(figures["requirements"])
    assert int(metrics["Eisen vastgelegd"]) > 100


def test_home_lists_every_source_document_with_its_address(cat):
    at = open_page()
    text = all_text(at)
    for doc in cat.sources:
        assert doc.title in text
    assert "https://www.zorgenzekerheid.nl/zorgprofessionals/zorginkoop.htm" in text
