"""The app on a broken data folder: a readable message, never a traceback; what loaded still works."""

from __future__ import annotations

import shutil

import pytest

from policy_model.paths import DEFAULT_DATA_DIR
from tests.pages.conftest import all_text, column_heads, open_page

PAGES = ["home", "programmas", "registers", "voorwaarden", "tijdlijn", "wijzigingen", "wizard", "handreiking",
         "begrippen", "zoeken"]


@pytest.fixture
def broken_policy(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (data / "policies" / "vgz-2024.yaml").write_text("insurer: vgz\nyear: 2024\n  title: [broken\n", encoding="utf-8")
    monkeypatch.setenv("GLI_DATA_DIR", str(data))
    return data


@pytest.fixture
def no_insurers(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (data / "insurers.yaml").unlink()
    monkeypatch.setenv("GLI_DATA_DIR", str(data))
    return data


@pytest.mark.parametrize("page", PAGES)
def test_a_broken_policy_file_is_named_and_the_rest_still_shows(broken_policy, page):
    at = open_page(None if page == "home" else page)
    assert not at.exception
    problems = [e for e in at.expander if "probleem" in e.label]
    assert problems, "the page should announce the data problem"
    assert "policies/vgz-2024.yaml:3" in all_text(at)


def test_the_programme_matrix_keeps_the_policies_that_loaded(broken_policy):
    at = open_page("programmas")
    columns = {label for label, _ in column_heads(at)}
    assert "CZ 2027" in columns and "VGZ 2024" not in columns
    # The notice counts the year that did not load as missing, rather than hiding it.
    assert any("VGZ\\: beleid 2024, 2025, 2026 en 2027 zijn gepubliceerd" in w.value for w in at.warning)


@pytest.mark.parametrize("page", PAGES)
def test_without_usable_policies_every_page_refuses_clearly(no_insurers, page):
    at = open_page(None if page == "home" else page)
    assert not at.exception
    assert any("geen bruikbare beleidsdata" in e.value for e in at.error)
    assert "insurers.yaml: (file): file is missing" in all_text(at)
