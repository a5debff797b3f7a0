"""Markdown from data never loads anything: an image or link in a name stays text (an address
in it is a link only when it shows itself), and no page of the app requests another host."""

from __future__ import annotations

import shutil

import pytest
import yaml

from policy_model.paths import DEFAULT_DATA_DIR
from tests.e2e.server import running_app, wait_idle

EVIL = "evil.invalid"
INJECTION = f"Gevaarlijk ![t](http://{EVIL}/p.png) :red[rood] $x^2$ [klik](javascript:alert(1))"
PAGES = ["", "programmas", "registers", "voorwaarden", "tijdlijn", "wijzigingen", "wizard", "handreiking", "begrippen"]


@pytest.fixture(scope="module")
def injected_app(tmp_path_factory):
    data = tmp_path_factory.mktemp("markdown") / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    programmes = yaml.safe_load((data / "programmes.yaml").read_text(encoding="utf-8"))
    programmes["programmes"][0]["name"] = f"CooL {INJECTION}"
    (data / "programmes.yaml").write_text(yaml.safe_dump(programmes, allow_unicode=True), encoding="utf-8")
    registries = yaml.safe_load((data / "registries.yaml").read_text(encoding="utf-8"))
    registries["registries"][0]["name"] = f"KABIZ {INJECTION}"
    (data / "registries.yaml").write_text(yaml.safe_dump(registries, allow_unicode=True), encoding="utf-8")
    with running_app(data) as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_markdown_in_data_requests_no_other_host_and_stays_text(page, injected_app, path):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{injected_app}/{path}")
    wait_idle(page)
    for expander in page.get_by_test_id("stExpander").all()[:3]:
        expander.click()
    for section in page.locator(".gli-about > details > summary").all()[:3]:  # the "about" sections (ui/about.py)
        section.click()
    wait_idle(page)
    assert [u for u in requested if EVIL in u] == []
    assert not [u for u in requested if not u.startswith(injected_app) and not u.startswith("data:")], requested
    assert page.locator(f'img[src*="{EVIL}"]').count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    # Escaped, the image's address was still made a live link by Markdown's autolinks, under any
    # text; now an address in data text is a link only when checked, and then shows itself.
    # (Its text content, not its rendered text: a link that a rerun hides for a moment renders
    # as "": seen once, on registers, in a fresh-clone CI run.)
    for link in page.locator(f'a[href*="{EVIL}"]').all():
        href, text = link.get_attribute("href"), (link.text_content() or "").strip()
        assert href in (text, f"https://{text}", f"mailto:{text}"), (href, text)
    assert page.locator('[data-testid="stException"]').count() == 0
