"""Moving around: the menu is the app's own whatever the first request of a fresh server
is; a presenter moves between pages from the page bar, keeping the mode and the address,
with one history entry per click and Back to the previous view; a view's link is copied."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.server import running_app, wait_idle


def test_a_deep_link_as_the_first_request_of_a_fresh_server_gets_the_real_menu(page):
    # Own server: Streamlit decides its page mode on the first request of the process.
    with running_app() as url:
        page.goto(f"{url}/programmas?jaar=2027")
        wait_idle(page)
        nav = page.get_by_test_id("stSidebarNav")
        expect(nav.get_by_role("link", name="Programma's")).to_be_visible(timeout=20_000)
        assert "begrippen" not in nav.inner_text()  # bare file names = the folder-based menu
        assert page.get_by_role("heading", level=1).inner_text() == "GLI-programma's per verzekeraar"
        assert "/programmas?" in page.url and "beleid=cz-2027" in page.url  # the old filter link, as keys
        expect(page.get_by_text("CZ 2027", exact=True).first).to_be_visible()


#: Five pages, each reached by clicking its name in the page bar.
ROUTE = [("Programma's", "programmas", "GLI-programma's per verzekeraar"), ("Voorwaarden", "voorwaarden", "Contractvoorwaarden"),
         ("Tijdlijn", "tijdlijn", "Tijdlijn"), ("Wijzigingen", "wijzigingen", "Wijzigingen"),
         ("Handreiking", "handreiking", "Handreiking: de GLI organiseren in uw regio")]


def _title(page) -> str:
    return page.get_by_role("heading", level=1).inner_text().strip()


def _assert_presenting(page, path: str) -> None:
    assert re.search(rf"/{path}\?(.*&)?presentatie=true", page.url), page.url
    assert page.get_by_role("button", name="✕ Presentatie uit").is_visible()
    assert not page.get_by_test_id("stSidebar").is_visible()


def test_a_presenter_moves_through_five_pages_from_the_page_bar_and_back(projector, app_url):
    projector.goto(f"{app_url}/?presentatie=true")
    wait_idle(projector)
    entries = projector.evaluate("history.length")
    visited = []
    for label, path, title in ROUTE:
        projector.locator(".st-key-gli_page_bar").get_by_role("link", name=label).click()
        expect(projector.get_by_role("heading", level=1)).to_have_text(title, timeout=30_000)
        wait_idle(projector)
        _assert_presenting(projector, path)
        entries += 1
        assert projector.evaluate("history.length") == entries, "one history entry per click"
        visited.append((path, title, projector.url))
    # Back returns to each previous view, in the same mode, at the same address.
    for path, title, url in reversed(visited[:-1]):
        projector.go_back()
        expect(projector.get_by_role("heading", level=1)).to_have_text(title, timeout=30_000)
        wait_idle(projector)
        _assert_presenting(projector, path)
        assert projector.url == url


def test_a_choice_made_on_one_comparison_page_is_kept_on_the_next(projector, app_url):
    projector.goto(f"{app_url}/registers?presentatie=true&beleid=cz-2027&beleid=vgz-2024")
    wait_idle(projector)
    projector.locator(".st-key-gli_page_bar").get_by_role("link", name="Voorwaarden").click()
    expect(projector.get_by_role("heading", level=1)).to_have_text("Contractvoorwaarden", timeout=30_000)
    wait_idle(projector)
    assert "beleid=cz-2027&beleid=vgz-2024" in projector.url and "zz-2024" not in projector.url
    _assert_presenting(projector, "voorwaarden")


def test_changing_a_choice_is_one_history_entry_and_back_undoes_it(projector, app_url):
    projector.goto(f"{app_url}/voorwaarden?presentatie=true")
    wait_idle(projector)
    before, entries = projector.url, projector.evaluate("history.length")
    projector.get_by_role("tab", name="Contracteerroutes").click()
    wait_idle(projector)
    expect(projector).to_have_url(re.compile(r"tab=Contracteerroutes"))
    assert projector.evaluate("history.length") == entries + 1
    projector.go_back()
    wait_idle(projector)
    expect(projector).to_have_url(before)
    expect(projector.get_by_role("tab", name="Eisen per onderwerp")).to_have_attribute("aria-selected", "true")
    _assert_presenting(projector, "voorwaarden")


def test_link_to_this_view_copies_the_address_and_says_so(context, projector, app_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)  # taken back after the test
    page = projector
    page.goto(f"{app_url}/voorwaarden?beleid=cz-2027&beleid=zz-2024&tab=Contracteerroutes")
    wait_idle(page)
    page.get_by_role("button", name="🔗 Link naar deze weergave").click()
    expect(page.get_by_role("status")).to_have_text("✓ Link gekopieerd")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url
    assert "beleid=cz-2027&beleid=zz-2024" in copied and "tab=Contracteerroutes" in copied
