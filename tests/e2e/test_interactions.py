"""Using the app as a person would: filters, a citation, a shared link, the wizard, a download."""

from __future__ import annotations

import io
import re

import pandas as pd
from playwright.sync_api import expect

from tests.e2e.server import wait_idle


def test_a_shortcut_choice_updates_the_table_and_the_url(page, app_url):
    page.goto(f"{app_url}/programmas")
    wait_idle(page)
    page.get_by_role("button", name="⚙️ Meer keuzes").click()  # the quick choices sit behind it
    page.get_by_role("combobox", name="Snelkeuze").click()
    page.get_by_role("option", name="Alle jaren van VGZ", exact=True).click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"beleid=vgz-2023&beleid=vgz-2024"))
    expect(page.get_by_text("VGZ 2023 (afgeleid)", exact=True).first).to_be_visible()
    assert "CZ 2027" not in page.get_by_test_id("stMain").inner_text()


def test_a_shared_link_opens_the_same_view(page, app_url):
    page.goto(f"{app_url}/programmas?beleid=zz-2024&beleid=cz-2024")
    wait_idle(page)
    text = page.get_by_test_id("stMain").inner_text()
    assert "Zorg en Zekerheid 2024" in text and "CZ 2024 (samenvatting)" in text and "CZ 2027" not in text


def test_a_source_citation_opens_with_the_quote(page, app_url):
    page.goto(f"{app_url}/wijzigingen?van=CZ+2024&naar=CZ+2027")
    wait_idle(page)
    page.get_by_role("tab", name="Vergelijk twee beleidsdocumenten").click()
    wait_idle(page)
    # Each compared item carries its sources in a disclosure: document, section, the quote.
    source = page.locator(".gli-diff-item details").first
    source.locator("summary", has_text="📄 Bron").click()
    expect(source.locator("blockquote")).to_be_visible()
    assert "§" in source.inner_text() and "“" in source.inner_text()


def test_the_wizard_runs_to_a_result_and_keeps_the_answers_in_the_url(page, app_url):
    page.goto(f"{app_url}/wizard")
    wait_idle(page)
    question = page.get_by_role("radiogroup", name="Is in uw regio een RHO gecontracteerd voor de GLI?")
    question.get_by_role("radio", name="Ja").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"rho_in_regio=Ja"))
    # The headline names the organisation the verdict names: with an RHO in the region, CZ (2027
    # §2.2) prefers it, so the coach works under the RHO (no fixed "RHO of samenwerkingsverband").
    expect(page.get_by_text("Alleen via een RHO (als onderaannemer)").first).to_be_visible(timeout=20_000)


def test_downloading_a_table_gives_a_csv_that_parses(page, app_url):
    page.goto(f"{app_url}/programmas?jaar=2027")
    wait_idle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="⬇️ CSV met bronnen").click()
    download = info.value
    frame = pd.read_csv(io.BytesIO(open(download.path(), "rb").read()), sep=";", encoding="utf-8-sig", dtype=str)
    assert list(frame.columns)[:6] == ["Onderdeel", "Onderwerp", "Verschilt in", "Beleid", "Soort", "Tekst"]
    assert "CooL" in set(frame["Onderwerp"]) and set(frame["Beleid"]) >= {"CZ 2027"}


def test_the_deadlines_download_as_a_calendar(page, app_url):
    page.goto(f"{app_url}/tijdlijn?verzekeraar=CZ&jaar=2027")
    wait_idle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="📅 Deadlines als agenda (.ics)").click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.startswith("BEGIN:VCALENDAR") and "DTSTART;VALUE=DATE:20261031" in text


def test_a_contract_terms_tab_is_kept_in_the_link_and_shows_its_rows(page, app_url):
    page.goto(f"{app_url}/voorwaarden")
    wait_idle(page)
    page.get_by_role("tab", name="Contracteerroutes").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"tab=Contracteerroutes"))
    expect(page.get_by_text("Uitloopovereenkomst", exact=True).first).to_be_visible()
    page.goto(page.url)  # the link alone reopens the same tab
    wait_idle(page)
    assert page.get_by_role("tab", name="Contracteerroutes").get_attribute("aria-selected") == "true"


def test_opening_a_handreiking_task_shows_what_the_insurers_say_and_the_link_keeps_it_open(page, app_url):
    page.goto(f"{app_url}/handreiking")
    wait_idle(page)
    assert page.locator(".gli-line").count() == 0  # closed tasks run nothing
    page.get_by_test_id("stExpander").filter(has_text="Taak 1:").locator("summary").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"taak1=true"))
    # Each insurer's words as text with its source one click away, not a grid.
    line = page.locator(".gli-line", has_text="CZ 2027").first
    expect(line).to_be_visible()
    line.locator("summary", has_text="📄 Bron").click()
    expect(line.locator("blockquote")).to_be_visible()


def test_a_comparison_choice_survives_switching_tabs(page, app_url):
    page.goto(f"{app_url}/wijzigingen?tab=Vergelijk+twee+beleidsdocumenten")
    wait_idle(page)
    page.get_by_role("combobox", name="Naar").click()
    page.get_by_role("option", name="VGZ 2024", exact=True).click()
    # The choice is made once its rerun wrote it to the address (on a busy machine that run
    # can start after wait_idle's 150 ms; a tab switched before it would be a race, not this test).
    expect(page).to_have_url(re.compile(r"naar=VGZ\+2024"))
    wait_idle(page)
    page.get_by_role("tab", name="Genoemde wijzigingen").click()
    wait_idle(page)
    page.get_by_role("tab", name="Vergelijk twee beleidsdocumenten").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"naar=VGZ\+2024"))
    expect(page.get_by_role("combobox", name="Naar")).to_have_value("VGZ 2024")
