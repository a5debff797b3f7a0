"""The wizard's whole flow in a browser: answers, every insurer with hints, next step, tabs, download."""

from __future__ import annotations

import io
import re

import pandas as pd
from playwright.sync_api import expect

from tests.e2e.server import wait_idle


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
    page.get_by_role("tab", name="VGZ").click()
    wait_idle(page)
    expect(page.get_by_text("VGZ: geen beleid voor 2027 in deze wijzer; het nieuwste is 2024").first).to_be_visible(
        timeout=20_000)
    with page.expect_download() as info:
        page.get_by_role("button", name="⬇️ Checklist (CSV)").click()
    frame = pd.read_csv(io.BytesIO(open(info.value.path(), "rb").read()), sep=";", encoding="utf-8-sig")
    assert {"Verzekeraar", "Status", "Soort", "Eis"} <= set(frame.columns)
    assert {"CZ", "VGZ", "Zorg en Zekerheid"} <= set(frame["Verzekeraar"])
