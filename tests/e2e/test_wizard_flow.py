"""The wizard's whole flow in a browser: answers, every insurer with hints, next step, tabs, download."""

from __future__ import annotations

import io
import re

import pandas as pd
from playwright.sync_api import expect

from tests.e2e.server import PHONE, PROJECTOR, full_screenshot, wait_idle


def test_a_coach_answers_and_gets_every_insurer_the_next_step_and_a_checklist(page, app_url):
    page.goto(f"{app_url}/wizard?rol=Individuele+coach&jaar=2027")
    wait_idle(page)
    for question in ("Is in uw regio een RHO gecontracteerd voor de GLI?", "… of een samenwerkingsverband van leefstijlcoaches?"):
        page.get_by_role("radiogroup", name=question).get_by_role("radio", name="Nee").click()
        wait_idle(page)
    expect(page).to_have_url(re.compile(r"rho_in_regio=Nee"))
    expect(page).to_have_url(re.compile(r"sv_in_regio=Nee"))
    # Every insurer: CZ for 2027, VGZ and ZZ as marked hints from 2024.
    expect(page.get_by_text("U kunt rechtstreeks contracteren").first).to_be_visible(timeout=20_000)
    expect(page.get_by_text("Hint: geen beleid voor 2027")).to_have_count(2)
    # The open tab leads with the next step: apply by mail, no deadline.
    expect(page.get_by_text("Volgende stap:").first).to_be_visible()
    expect(page.get_by_text(re.compile(r"Vraag aan via e-mail rz\.gli@cz\.nl")).first).to_be_visible()
    # Each sourced line opens its own source in place: document, section, quote, the original.
    line = page.locator(".gli-line", has_text="rz.gli@cz.nl").first
    line.locator("summary", has_text="📄 Bron").click()
    expect(line.locator("blockquote")).to_be_visible()
    assert "§" in line.inner_text() and line.get_by_role("link", name="origineel").is_visible()
    page.get_by_role("tab", name="VGZ").click()
    wait_idle(page)
    expect(page.get_by_text("VGZ: geen beleid voor 2027 in deze wijzer; het nieuwste is 2024").first).to_be_visible(
        timeout=20_000)
    with page.expect_download() as info:
        page.get_by_role("button", name="⬇️ Checklist (CSV)").click()
    frame = pd.read_csv(io.BytesIO(open(info.value.path(), "rb").read()), sep=";", encoding="utf-8-sig")
    assert {"Verzekeraar", "Status", "Soort", "Eis"} <= set(frame.columns)
    assert {"CZ", "VGZ", "Zorg en Zekerheid"} <= set(frame["Verzekeraar"])


#: Text in the main area narrower than its content (sideways scrolling) and the smallest visible font.
OVERFLOW_JS = """
() => {
  const doc = document.scrollingElement || document.documentElement;
  const sizes = [...document.querySelectorAll('li, p, dd, dt, div')]
    .filter(e => e.textContent.trim() && e.getBoundingClientRect().width > 0)
    .map(e => parseFloat(getComputedStyle(e).fontSize));
  return {overflow: doc.scrollWidth - doc.clientWidth, minFont: Math.min(...sizes)};
}
"""


def test_screenshot_a_phone_reads_the_checklist_as_cards_not_a_grid(phone, app_url, screenshot_dir):
    phone.goto(f"{app_url}/wizard?rol=Individuele+coach&jaar=2027&kvk=Nee&rho_in_regio=Nee&sv_in_regio=Nee")
    wait_idle(phone)
    cards = phone.locator("li.gli-card")
    expect(cards.first).to_be_visible(timeout=20_000)
    assert not phone.locator("[class*='st-key-gli_checklist_table'] [data-testid='stDataFrame']").is_visible()
    # Every requirement is text inside the screen: the card is no wider than the phone.
    box = cards.first.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    expect(phone.locator("li.gli-card.unmet").first).to_contain_text("Niet voldaan")
    full_screenshot(phone, screenshot_dir, "wizard-telefoon.png")
    # The printable checklist reads on the phone too: no sideways scrolling, no tiny text.
    with phone.expect_download() as info:
        phone.get_by_role("button", name="⬇️ Checklist om af te drukken (HTML/PDF)").click()
    phone.set_content(open(info.value.path(), encoding="utf-8").read())
    measured = phone.evaluate(OVERFLOW_JS)
    assert measured["overflow"] <= 1 and measured["minFont"] >= 12, measured
    assert "Ik ben" in phone.inner_text("dl.profile")


def test_a_wide_screen_reads_the_checklist_as_text_with_the_grid_folded(page, app_url):
    page.set_viewport_size(PROJECTOR)  # 1024 px, not presenting: where the grid's "Eis" column was cut
    page.goto(f"{app_url}/wizard?rol=Individuele+coach&jaar=2027")
    wait_idle(page)
    # Every requirement is text, whole and inside the main area (the grid cut its "Eis" column).
    card = page.locator("li.gli-card", has_text="Heeft een geldige AGB-code.").first
    expect(card).to_be_visible(timeout=20_000)
    main = page.locator("[data-testid='stMainBlockContainer']").bounding_box()
    box = card.bounding_box()
    assert main and box and box["x"] + box["width"] <= main["x"] + main["width"] + 1
    # The same rows as a sortable grid, folded away until asked for.
    grid = page.locator("[class*='st-key-gli_checklist_table'] [data-testid='stDataFrame']").first
    assert not grid.is_visible()
    page.locator("[class*='st-key-gli_checklist_table'] summary").first.click()
    expect(grid).to_be_visible()


def test_the_multiselects_speak_dutch(page, app_url):
    page.goto(f"{app_url}/wizard?rol=Individuele+coach&jaar=2027")
    wait_idle(page)
    page.get_by_text("In 2026 had ik een GLI-contract met").first.wait_for()
    page.get_by_role("combobox", name="Registers waarin u (of uw coaches) staat").click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    assert "Select all" not in " ".join(options.all_inner_texts())
