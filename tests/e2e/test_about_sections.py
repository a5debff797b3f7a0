"""The "about" sections of Registers and Programma's (ui/about.py) in a real browser: drawn
like expanders, opened by a click without a rerun or by a link, and left as the reader
left them when the page is drawn again."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.server import wait_idle

SECTIONS = ".gli-about > details"


def _open_states(page) -> list[bool]:
    return page.evaluate("(s) => [...document.querySelectorAll(s)].map(d => d.open)", SECTIONS)


def test_a_section_opens_with_a_click_and_stays_open_when_the_page_is_drawn_again(page, app_url):
    page.goto(f"{app_url}/registers?beleid=cz-2024&beleid=cz-2027")
    wait_idle(page)
    sections = page.locator(SECTIONS)
    assert sections.count() > 10 and not any(_open_states(page))
    sections.nth(1).locator(":scope > summary").click()
    expect(sections.nth(1).locator(".gli-about-body")).to_be_visible()
    expect(sections.nth(1).locator(".gli-about-body")).to_contain_text("Beroepsvereniging Leefstijlcoaches Nederland")
    # Switching the word-by-word view off takes an element away above the sections, so the
    # browser draws their block anew: the section the reader opened stays open.
    page.get_by_text("Tekstwijzigingen woord voor woord").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"woorden=false"))
    assert _open_states(page) == [n == 1 for n in range(sections.count())]


def test_a_link_opens_its_section_at_the_size_of_an_expander(page, app_url):
    page.goto(f"{app_url}/programmas?programma_cool=true")
    wait_idle(page)
    cool = page.locator(f"{SECTIONS}[data-key='programma_cool']")
    expect(cool.locator(".gli-about-body")).to_contain_text("Genoemd bij het programma:")
    assert [page.locator(SECTIONS).nth(n).get_attribute("data-key") for n, o in enumerate(_open_states(page)) if o] \
        == ["programma_cool"]
    # A closed section is as tall as one of Streamlit's own expanders on the same page.
    closed = page.locator(SECTIONS).nth(1).bounding_box()["height"]
    expander = page.get_by_test_id("stExpander").first.bounding_box()["height"]
    assert abs(closed - expander) <= 1, (closed, expander)
    assert "De link bevatte" not in page.get_by_test_id("stMain").inner_text()
