"""The menu is the app's own, whatever the first request of a fresh server is."""

from __future__ import annotations

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
