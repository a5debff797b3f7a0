"""Every page in a real browser: loads idle, no exception, shows its own content, screenshot."""

from __future__ import annotations

import pytest

from tests.e2e.server import full_screenshot, wait_idle

PAGES = [
    ("", "home", "GLI-inkoopwijzer"),
    ("programmas", "programmas", "GLI-programma's per verzekeraar"),
    ("registers", "registers", "Registers"),
    ("voorwaarden", "voorwaarden", "Contractvoorwaarden"),
    ("tijdlijn", "tijdlijn", "Tijdlijn"),
    ("wijzigingen", "wijzigingen", "Wijzigingen"),
    ("wizard", "wizard", "Wat geldt voor mij?"),
    ("handreiking", "handreiking", "Handreiking"),
    ("begrippen", "begrippen", "Begrippen"),
    ("zoeken?q=sociaal+domein", "zoeken", "Zoeken"),
]


def assert_healthy(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Traceback").count() == 0


@pytest.mark.parametrize(("path", "name", "heading"), PAGES, ids=[p[1] for p in PAGES])
def test_screenshot_every_page_loads_idle_without_errors(page, app_url, screenshot_dir, path, name, heading):
    page.goto(f"{app_url}/{path}")
    wait_idle(page)
    assert_healthy(page)
    assert page.locator("h1").first.inner_text().startswith(heading)
    full_screenshot(page, screenshot_dir, f"{name}.png")
