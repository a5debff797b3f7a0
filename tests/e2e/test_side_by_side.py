"""The text-first comparison in a real browser at 1024 px: chosen records side by side with
every minimum requirement readable as page text, the hand-out of four records numbering its
pages, and a shared link that restores the toggles and open sections."""

from __future__ import annotations

import io
import re
import shutil

import yaml
from playwright.sync_api import expect
from pypdf import PdfReader

from policy_model.paths import DEFAULT_DATA_DIR
from tests.e2e.server import full_screenshot, running_app, wait_idle

NARROW = {"width": 1024, "height": 768}


def _words(text: str) -> str:
    return " ".join(text.split())


def _main_text(page) -> str:
    return _words(page.get_by_test_id("stMain").inner_text())


def test_two_chosen_records_show_every_minimum_requirement_in_full_at_1024px(page, app_url, cat, screenshot_dir):
    page.set_viewport_size(NARROW)
    page.goto(f"{app_url}/voorwaarden?beleid=cz-2027&beleid=vgz-2024")
    wait_idle(page)
    expect(page.get_by_text("Kwaliteitsregister", exact=True).first).to_be_visible()
    text = _main_text(page)
    assert "Zorg en Zekerheid 2024" not in text  # no column the user did not choose
    missing = [
        (p.key, r.id) for p in (cat.policy_by_key("cz-2027"), cat.policy_by_key("vgz-2024"))
        for r in p.requirements if r.force == "minimum" and _words(r.text) not in text
    ]
    assert not missing
    assert text.count("Minimumeis") >= 40
    # Nothing off-screen: the main area does not scroll sideways.
    overflow = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]'); return m.scrollWidth - m.clientWidth; }")
    assert overflow <= 1
    full_screenshot(page, screenshot_dir, "voorwaarden-naast-elkaar-1024.png")


def test_the_handout_of_four_records_says_how_many_pages_it_has(page, app_url, context):
    page.goto(f"{app_url}/voorwaarden?beleid=cz-2027&beleid=vgz-2024&beleid=zz-2024&beleid=cz-2024")
    wait_idle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile("Hand-out")).click()
    html = open(info.value.path(), encoding="utf-8").read()
    assert "CZ 2027 · VGZ 2024 · Zorg en Zekerheid 2024 · CZ 2024 (samenvatting)" in html
    # The hand-out carries the link of this very view, so a reader can open it again.
    assert f"deze vergelijking online: {app_url}/voorwaarden?beleid=cz-2027&amp;beleid=vgz-2024&amp;beleid=zz-2024" in html
    printer = context.new_page()
    printer.set_content(html)
    pdf = printer.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    printer.close()
    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    assert pages > 2  # four records and every role: longer than the two-page hand-out, and it says so
    printed = [_words(p.extract_text()) for p in reader.pages]
    assert all(f"pagina {n} van {pages}" in text for n, text in enumerate(printed, start=1))
    assert "Bronnen" in printed[-1] and "Rol: alle rollen." in printed[0]


def test_a_shared_link_restores_the_toggle_and_the_open_section(page, app_url, context):
    page.goto(f"{app_url}/voorwaarden?beleid=cz-2023&beleid=cz-2024")
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"alleen_verschillen=false"))  # the default is in the link too
    assert "Onderaannemers" in _main_text(page)
    page.get_by_text("Alleen onderwerpen die verschillen").click()
    expect(page).to_have_url(re.compile(r"alleen_verschillen=true"))
    page.get_by_test_id("stExpander").filter(has_text="Alle eisen met bron").locator("summary").click()
    expect(page).to_have_url(re.compile(r"eisen_bronnen=true"))
    wait_idle(page)
    link = page.url

    other = context.new_page()  # a new session opening the shared link
    other.goto(link)
    wait_idle(other)
    toggle = other.get_by_test_id("stCheckbox").filter(has_text="Alleen onderwerpen die verschillen").locator("input")
    expect(toggle).to_be_checked()
    expect(other.get_by_test_id("stDataFrame").first).to_be_visible()
    text = _main_text(other)
    assert "Onderaannemers" not in text.split("Alle eisen met bron")[0]
    assert "CZ 2023 (afgeleid)" in text and "CZ 2024 (samenvatting)" in text
    other.close()


HOSTILE = 'Verwezen ] [klik](javascript:alert(1)) <img src=x onerror="window.__xss = 5"> <script>window.__xss = 6</script>'


def test_hostile_requirement_text_stays_text_in_the_side_by_side_and_the_word_diff(page, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    policy = yaml.safe_load((data / "policies" / "cz-2027.yaml").read_text(encoding="utf-8"))
    policy["requirements"][0]["text"] = HOSTILE
    (data / "policies" / "cz-2027.yaml").write_text(yaml.safe_dump(policy, allow_unicode=True), encoding="utf-8")
    with running_app(data) as url:
        page.goto(f"{url}/voorwaarden?beleid=cz-2024&beleid=cz-2027&woorden=true")
        wait_idle(page)
        text = _main_text(page)
        assert _words(HOSTILE) in text  # whole, in order, as text (also inside the word diff)
        assert page.evaluate("() => window.__xss") is None
        assert page.locator("img[src=x]").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
