"""Hostile text in data and in the URL is shown as text, never executed; broken data is announced."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from policy_model.paths import DEFAULT_DATA_DIR
from tests.e2e.server import running_app, wait_idle

SCRIPT = "<script>window.__xss = 1</script>"
IMG = '<img src=x onerror="window.__xss = 2">'


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    programmes = yaml.safe_load((data / "programmes.yaml").read_text(encoding="utf-8"))
    programmes["programmes"][0]["facts"][0]["text"] = f"Gevaarlijk {SCRIPT} en {IMG} einde"
    (data / "programmes.yaml").write_text(yaml.safe_dump(programmes, allow_unicode=True), encoding="utf-8")
    with running_app(data) as url:
        yield url


def test_script_and_onerror_in_data_are_shown_as_text(page, hostile_app):
    page.goto(f"{hostile_app}/programmas")
    wait_idle(page)
    # "Over de programma's": a native disclosure per programme (ui/about.py)
    page.locator(".gli-about summary").filter(has_text="CooL (CooL)").first.click()
    page.get_by_text("Gevaarlijk").first.wait_for()
    text = page.get_by_test_id("stMain").inner_text()
    assert "<script>" in text and "onerror" in text
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("img[src=x]").count() == 0


def test_script_in_url_parameters_is_not_executed(page, hostile_app):
    page.goto(f"{hostile_app}/zoeken?q=%3Cscript%3Ewindow.__xss%3D3%3C%2Fscript%3E&%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D4%3E=1")
    wait_idle(page)
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("img[src=x]").count() == 0
    assert "genegeerd" in page.get_by_test_id("stMain").inner_text()


def test_the_app_on_broken_data_shows_a_readable_message(page, tmp_path):
    data = Path(tmp_path) / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (data / "policies" / "zz-2024.yaml").write_text("insurer: zz\n  year: [\n", encoding="utf-8")
    with running_app(data) as url:
        page.goto(url)
        wait_idle(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        page.get_by_text("De beleidsdata bevat").click()
        assert "policies/zz-2024.yaml" in page.get_by_test_id("stMain").inner_text()


def test_an_element_too_large_to_send_is_explained_in_dutch(page, tmp_path):
    """Streamlit's English "MessageSizeError" box (with advice to change the server's config)
    became a Dutch one: here the limit is 1 MB and a glossary text alone is 1.5 MB."""
    data = Path(tmp_path) / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    glossary = yaml.safe_load((data / "glossary.yaml").read_text(encoding="utf-8"))
    glossary["glossary"][0]["explanation"] = "lang " * 300_000
    (data / "glossary.yaml").write_text(yaml.safe_dump(glossary, allow_unicode=True), encoding="utf-8")
    with running_app(data, extra_env={"STREAMLIT_SERVER_MAX_MESSAGE_SIZE": "1"}) as url:
        page.goto(f"{url}/begrippen")
        wait_idle(page, timeout=60_000)
        box = page.get_by_test_id("stException")
        box.first.wait_for()
        text = box.first.inner_text()
        assert "Te groot om te tonen" in text and "Dit onderdeel is te groot om te tonen" in text
        assert "MessageSizeError" not in text and "server.maxMessageSize" not in text
