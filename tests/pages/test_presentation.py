"""Presentation mode in AppTest: it survives page switches, carries itself in links, puts
the filters in a bar at the top and turns tables into HTML whose text scales; the timeline
page has a list for phones beside its chart."""

from __future__ import annotations

from tests.pages.conftest import open_page
from ui.navigation import PAGES


def _html_bodies(at) -> list[str]:
    return [element.proto.body for element in at.get("html")]


def _switch(at, page: str):
    # A page switch (menu, st.page_link) drops the URL parameter: simulate exactly that.
    at.query_params.clear()
    at.switch_page(f"app_pages/{page}.py")
    return at.run()


def test_presentation_mode_stays_on_across_page_switches_until_switched_off():
    at = open_page(presentatie="true")
    assert at.toggle(key="presentatie").value is True
    for page in ("tijdlijn", "begrippen", "home"):
        _switch(at, page)
        assert not at.exception
        assert at.toggle(key="presentatie").value is True, page
        assert at.button(key="presentation_off")
    at.button(key="presentation_off").click().run()
    assert at.toggle(key="presentatie").value is False
    _switch(at, "tijdlijn")
    assert at.toggle(key="presentatie").value is False
    assert not [b for b in at.button if b.key == "presentation_off"]


def test_home_tiles_and_the_page_bar_carry_presentation_mode_only_while_presenting():
    presenting = open_page(presentatie="true")
    links = presenting.get("page_link")
    # The page bar (every page) and Home's tiles (every page but Home).
    assert [link.proto.page for link in links].count("") == 1  # Home, in the bar only
    assert len(links) == len(PAGES) + len(PAGES) - 1
    assert {link.proto.query_string for link in links} == {"presentatie=true"}
    plain = open_page()
    assert len(plain.get("page_link")) == len(PAGES) - 1  # no page bar: the sidebar menu is there
    assert {link.proto.query_string for link in plain.get("page_link")} == {""}


def test_the_page_bar_offers_every_page_and_the_way_out_on_every_page():
    for page in ("programmas", "tijdlijn", "wizard", "zoeken"):
        at = open_page(page, presentatie="true")
        assert not at.exception
        pages = [link.proto.page for link in at.get("page_link")]
        assert pages == [info.url_path for info in PAGES]
        assert at.button(key="presentation_off").label == "✕ Presentatie uit"


def test_presentation_mode_puts_itself_in_the_address_and_leaves_it_when_switched_off():
    at = open_page("programmas", presentatie="ja")
    assert at.query_params["presentatie"] in ("true", ["true"])
    at.button(key="presentation_off").click().run()
    assert "presentatie" not in at.query_params
    assert not at.get("page_link")  # the bar is gone, the sidebar is back


def test_while_presenting_tables_are_html_and_the_picker_is_one_line_at_the_top():
    at = open_page("tijdlijn", presentatie="true", alle_activiteiten="true")
    assert not at.exception
    assert len(at.dataframe) == 0  # canvas grids do not scale: none while presenting
    tables = [body for body in _html_bodies(at) if "gli-table" in body and "<table" in body]
    assert tables and "<th>Activiteit</th>" in tables[0]
    assert "<th>Citaat</th>" not in tables[0]  # document and section stay, the quote goes
    picker = at.multiselect(key="beleid")
    assert picker.value == ["cz-2027", "vgz-2024", "zz-2024"]
    assert picker.proto.label_visibility.value == picker.proto.label_visibility.COLLAPSED
    assert len(at.sidebar.multiselect) == 0


def test_without_presentation_mode_tables_stay_grids_and_the_picker_keeps_its_label():
    at = open_page("tijdlijn", alle_activiteiten="true")
    assert len(at.dataframe) >= 1
    assert at.multiselect(key="beleid").label.startswith("Naast elkaar: kies 1 tot 4")
    assert len(at.sidebar.multiselect) == 0


def test_the_timeline_page_has_a_list_of_periods_and_activities_for_phones(cat):
    at = open_page("tijdlijn", verzekeraar="CZ", jaar="2027")
    assert not at.exception
    listing = "\n".join(str(m.value) for m in at.markdown)
    assert "**CZ 2027**" in listing
    # The day keeps CZ 2027 §4.1's word for it ("Planning (uiterlijk)"; audit E).
    assert "**uiterlijk 31\\-10\\-2026** · Uiterste tekendatum" in listing
    assert "**1\\-1\\-2027 t/m 31\\-12\\-2027** · Looptijd Individuele leefstijlcoach" in listing
    # Dated entries in date order.
    assert listing.index("1\\-4\\-2026") < listing.index("15\\-5\\-2026") < listing.index("31\\-10\\-2026")
    css = "\n".join(_html_bodies(at))
    assert "max-width: 640px" in css and ".st-key-gli_timeline_chart" in css


def test_the_timeline_handout_download_is_offered():
    at = open_page("tijdlijn")
    buttons = [e for e in at.get("download_button")]
    labels = [b.proto.label for b in buttons]
    assert "🖨️ Tijdlijn als hand-out (HTML, 1–2 A4)" in labels
