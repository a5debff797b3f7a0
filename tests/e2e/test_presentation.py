"""Presentation mode in a real browser at 1024×768: every text, table cell and chart label
at 18 px or more, modest buttons, number-first metrics, kept after clicking a Home tile;
each page's own content starts on the first screen and the Tijdlijn chart fits one screen;
the timeline hand-out prints to at most two A4 pages; a phone gets the timeline as a list
and the comparison pages without sideways scrolling."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.server import PHONE, PROJECTOR, forget_storage, full_screenshot, wait_idle

#: Visible text below 18 px in the main area (outside charts), chart text below 18 px,
#: and the canvas grids still shown (their text cannot scale).
FONT_SIZES_JS = """
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const small = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  let texts = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (el.closest('svg')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    texts += 1;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 17.95) small.push(`${size}px ${el.tagName}: ${node.textContent.trim().slice(0, 50)}`);
  }
  const chart = [];
  let chartTexts = 0;
  for (const t of main.querySelectorAll('[data-testid="stPlotlyChart"] svg text')) {
    if (!t.textContent.trim() || t.getBoundingClientRect().width === 0) continue;
    chartTexts += 1;
    const size = parseFloat(getComputedStyle(t).fontSize);
    if (size < 17.95) chart.push(`${size}px ${t.getAttribute('class')}: ${t.textContent.trim().slice(0, 50)}`);
  }
  const cells = [...main.querySelectorAll('table.gli-table td, table.gli-table th')].filter(c => c.textContent.trim());
  const cellSizes = cells.map(c => parseFloat(getComputedStyle(c).fontSize));
  const grids = [...main.querySelectorAll('[data-testid="stDataFrame"]')].filter(g => g.getBoundingClientRect().height > 0);
  return {texts, small, chartTexts, chart, cells: cells.length, minCell: Math.min(...cellSizes), grids: grids.length};
}
"""

#: Each selectbox's shown value in the main area, and whether its box cuts it off.
SELECT_VALUES_JS = """
() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stSelectbox"] input[role="combobox"]')]
  .filter(i => i.getBoundingClientRect().width > 0).map(i => [i.value, i.scrollWidth > i.clientWidth + 1])
"""

PAGES = [
    "", "programmas", "registers", "voorwaarden", "voorwaarden?rol=Multidisciplinair+%2F+zorggroep", "tijdlijn?alle_activiteiten=true", "wijzigingen", "wizard?rho_in_regio=Ja",
    "handreiking?onderdeel=Financiering", "begrippen", "zoeken?q=sociaal+domein",
]


def _presenting(page) -> bool:
    return page.get_by_role("button", name="✕ Presentatie uit").is_visible()


def _presenting_url(path: str) -> str:
    """The page at ``path`` (with its query, if any) in presentation mode."""
    separator = "&" if "?" in path else "?"
    return f"{path}{separator}presentatie=true"


def _page_id(path: str) -> str:
    return (path.split("?")[0] or "home") + ("-" + path.split("rol=")[1].split("+")[0].lower() if "rol=" in path else "")


@pytest.mark.parametrize("path", PAGES, ids=[_page_id(p) for p in PAGES])
def test_every_text_table_and_chart_label_is_at_least_18_px_when_presenting(presented, path):
    seen = presented(_presenting_url(path))
    assert seen["presenting"]
    sizes = seen["font sizes"]
    assert sizes["texts"] > 10
    assert sizes["small"] == [], sizes["small"][:10]
    assert sizes["chart"] == [], sizes["chart"][:10]
    assert sizes["grids"] == 0  # canvas grids keep 13 px: tables are HTML while presenting
    if sizes["cells"]:
        assert sizes["minCell"] >= 18
    if path.startswith("handreiking"):
        assert sizes["chartTexts"] > 5  # the chart is there and was measured
    if path.startswith("tijdlijn"):
        assert seen["legend visible"]  # the HTML chart, measured as text
    if path.startswith(("tijdlijn", "zoeken")):
        assert sizes["cells"] > 0  # a table is there and was measured (Home and Begrippen are text)


@pytest.mark.parametrize("path", PAGES, ids=[_page_id(p) for p in PAGES])
def test_no_chosen_value_in_a_selectbox_is_cut_off_when_presenting(presented, path):
    # At 18 px the Rol box of Contractvoorwaarden showed "Multidisciplinair / zorgg".
    boxes = presented(_presenting_url(path))["selectbox values"]
    assert [value for value, cut in boxes if cut] == []
    if "rol=" in path:
        assert ["Multidisciplinair / zorggroep", False] in boxes  # the long choice was there and measured


#: The top of each of Home's page tiles in page order, and the lines its description takes.
TILE_TOPS_JS = """() => [...document.querySelectorAll('.st-key-gli_home_links [data-testid="stPageLink"]')]
  .map(e => e.getBoundingClientRect().top)
  .concat([...document.querySelectorAll('.st-key-gli_home_links [data-testid="stCaptionContainer"] p')]
  .map(p => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)))"""


def test_home_tiles_of_a_row_line_up_when_presenting(presented):
    # LOOK O #9: "Begrippen" stood 20 px below "Handreiking" and "Zoeken": Wijzigingen's description
    # above it wraps to two lines. The page fills three columns, so in page order the tiles are
    # column by column: row r is tiles r, 3 + r and 6 + r.
    tops, lines = presented(METRICS_URL)["tile tops"][:9], presented(METRICS_URL)["tile tops"][9:]
    rows = [tops[r::3] for r in range(3)]
    assert all(max(row) - min(row) < 2 for row in rows), tops
    # Every description takes two lines at least, so a row lines up whichever wraps (fonts differ).
    assert len(lines) == 9 and min(lines) > 1.95, lines


def test_buttons_stay_modest_and_metrics_read_number_first(presented):
    timeline = presented("tijdlijn?presentatie=true")
    body = timeline["body text size"]
    buttons = timeline["download buttons"]  # the visible ones: (box, text size)
    assert len(buttons) >= 2
    for box, size in buttons:
        assert size <= body, "a button's text is larger than the page's text"
        assert box["height"] <= 2.6 * size
    value, label = presented("?presentatie=true")["metric sizes"]
    assert label >= 18 and value >= 1.5 * label


#: The font size of the element that holds an element's first visible text.
TEXT_SIZE_JS = """
e => {
  const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (walker.currentNode.textContent.trim()) return parseFloat(getComputedStyle(walker.currentNode.parentElement).fontSize);
  }
  return 0;
}
"""


def test_the_record_picker_is_one_line_at_the_top_and_a_choice_keeps_the_mode(projector, app_url):
    projector.goto(f"{app_url}/tijdlijn?presentatie=true")
    wait_idle(projector)
    assert not projector.get_by_test_id("stSidebar").is_visible()
    picker = projector.locator(".st-key-gli-policy-picker")
    box = picker.bounding_box()
    assert box["y"] < 300 and box["height"] < 70  # one line, near the top
    picker.get_by_role("button", name=re.compile("Remove VGZ 2024|VGZ 2024")).last.click()
    wait_idle(projector)
    expect(projector).to_have_url(re.compile(r"beleid=cz-2027&beleid=zz-2024"))
    assert "presentatie=true" in projector.url
    assert _presenting(projector)


def test_presentation_mode_is_kept_after_clicking_a_home_tile_until_switched_off(projector, app_url):
    projector.goto(f"{app_url}/?presentatie=true")
    wait_idle(projector)
    projector.get_by_test_id("stMain").get_by_test_id("stColumn").get_by_role("link", name="Tijdlijn").click()
    wait_idle(projector)
    expect(projector.get_by_role("heading", level=1)).to_have_text("Tijdlijn")
    assert _presenting(projector)
    assert "presentatie=true" in projector.url
    assert projector.evaluate(FONT_SIZES_JS)["small"] == []
    switch_off = projector.get_by_role("button", name="✕ Presentatie uit")
    switch_off.click()
    # On a busy machine the rerun can start after wait_idle's 150 ms: wait for it to take the button.
    expect(switch_off).to_be_hidden()
    wait_idle(projector)
    assert not _presenting(projector)
    expect(projector.get_by_test_id("stSidebar")).to_be_visible()
    projector.get_by_test_id("stSidebarNav").get_by_role("link", name="Home").click()
    expect(projector.get_by_role("heading", level=1)).to_have_text(re.compile(r"^GLI-inkoopwijzer"))  # Home itself, not the page before
    wait_idle(projector)
    assert not _presenting(projector)


def test_screenshot_presentation_mode_at_1024(projector, app_url, screenshot_dir):
    projector.goto(f"{app_url}/tijdlijn?presentatie=true")
    wait_idle(projector)
    full_screenshot(projector, screenshot_dir, "tijdlijn-presentatie.png")


def test_the_timeline_handout_prints_to_at_most_two_a4_pages(page, app_url):
    page.goto(f"{app_url}/tijdlijn")
    wait_idle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="🖨️ Tijdlijn als hand-out (HTML, 1–2 A4)").click()
    html = open(info.value.path(), encoding="utf-8").read()
    assert "<h1>Tijdlijn GLI-inkoopbeleid" in html and "@page" in html
    page.set_content(html)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert 1 <= len(pdf.pages) <= 2
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "Uiterste tekendatum" in text and "Bronnen" in text


def test_screenshot_a_phone_gets_the_timeline_as_a_list_instead_of_the_chart(phone, app_url, screenshot_dir):
    phone.goto(f"{app_url}/tijdlijn?verzekeraar=CZ&jaar=2027")
    wait_idle(phone)
    assert not phone.locator(".st-key-gli_timeline_chart").is_visible()  # the list alone says it all
    # The page says why there is no chart, and no text points to one (LOOK O #5).
    expect(phone.locator(".st-key-gli_phone_note_timeline")).to_contain_text("Op een smal scherm staat hier geen grafiek")
    assert not phone.get_by_text("In de grafiek: open grijze rondjes").is_visible()
    listing = phone.locator(".st-key-gli_timeline_list")
    expect(listing).to_be_visible()
    expect(listing).to_contain_text("31-10-2026 · Uiterste tekendatum")
    full_screenshot(phone, screenshot_dir, "tijdlijn-telefoon.png")


def test_a_wide_screen_gets_the_chart_with_its_legend_and_the_list_in_full_text(page, app_url):
    page.goto(f"{app_url}/tijdlijn?verzekeraar=CZ&jaar=2027")
    wait_idle(page)
    assert page.locator(".st-key-gli_timeline_chart .gli-tl").is_visible()
    legend = page.locator(".st-key-gli_timeline_chart .gli-tl-legend").inner_text()
    assert "Balken: looptijd per route" in legend and "RHO" in legend and "Uiterste tekendatum" in legend
    bar = page.locator(".gli-tl-bar").first.bounding_box()
    assert bar["width"] > 50 and bar["height"] > 10  # drawn, not collapsed
    expect(page.locator(".st-key-gli_timeline_list")).to_contain_text("31-10-2026 · Uiterste tekendatum")
    assert not page.locator(".st-key-gli_phone_note_timeline").is_visible()  # for a phone only


#: Where each page's own content is (the first comparison row, the first difference, the
#: programme rows, the chart, Home's tiles, ...): a selector for its first element.
MAIN_CONTENT = {
    "": "[data-testid='stMain'] [data-testid='stColumn'] [data-testid='stPageLink']",
    "programmas": ".gli-row",
    "registers": ".gli-row",
    "voorwaarden": ".gli-row",
    "tijdlijn": ".gli-tl-bar",  # the chart's first bar
    "wijzigingen": ".gli-row",
    "wijzigingen?tab=Vergelijk+twee+beleidsdocumenten": "[data-testid='stMetric']",
    "wizard": "[data-testid='stMain'] [data-testid='stSelectbox']",
    "handreiking": "[data-testid='stMain'] h3",  # the first theme, its tasks below it
    "begrippen": ".gli-lines .gli-line",
    "zoeken?q=sociaal+domein": ".gli-lines .gli-line",
}

TOP_JS = "sel => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect().top : null; }"


@pytest.mark.parametrize("path", MAIN_CONTENT, ids=[p or "home" for p in MAIN_CONTENT])
def test_each_pages_own_content_starts_on_the_first_screen_when_presenting(presented, path):
    top = presented(_presenting_url(path))[f"top of {MAIN_CONTENT[path]}"]
    assert top is not None, MAIN_CONTENT[path]
    assert top < PROJECTOR["height"] - 60, f"starts at {top:.0f} px"  # and some of it shows


def test_the_timeline_chart_with_its_axis_and_legend_fits_one_screen(projector, app_url):
    projector.goto(f"{app_url}/tijdlijn?presentatie=true")
    wait_idle(projector)
    chart = projector.locator(".gli-tl")
    box = chart.bounding_box()
    assert box["y"] < PROJECTOR["height"] / 2  # it starts on the first screen
    assert box["height"] <= PROJECTOR["height"] - 40  # bars, year axis and legend in one screen
    for part in (".gli-tl-axis", ".gli-tl-legend", ".gli-tl-bar", ".gli-tl-mark"):
        inner = chart.locator(part).first.bounding_box()
        assert box["y"] <= inner["y"] and inner["y"] + inner["height"] <= box["y"] + box["height"] + 1, part
    assert "Uiterste tekendatum" in chart.locator(".gli-tl-legend").inner_text()
    # The other records: one click each, the choice in the link.
    projector.get_by_test_id("stButtonGroup").get_by_text("VGZ 2024", exact=True).click()
    wait_idle(projector)
    expect(projector).to_have_url(re.compile(r"grafiek=vgz-2024"))
    expect(chart.locator(".gli-tl-label b").first).to_have_text("VGZ 2024")
    assert chart.bounding_box()["height"] <= PROJECTOR["height"] - 40


def test_a_phone_reads_search_results_as_whole_text_lines(phone, app_url):
    # A grid cut each result's text at the phone's edge; a line wraps and shows all of it.
    phone.goto(f"{app_url}/zoeken?q=sociaal+domein")
    wait_idle(phone)
    width = phone.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollWidth")
    assert width <= PHONE["width"]
    first = phone.locator(".gli-lines .gli-line").first
    expect(first).to_be_visible()
    assert phone.evaluate(TOP_JS, ".gli-lines .gli-line") < PHONE["height"]
    box = first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert "sociaal" in first.locator("mark").first.inner_text().lower()
    assert not phone.get_by_test_id("stDataFrame").first.is_visible()  # folded away


@pytest.mark.parametrize("path", ["programmas", "registers", "voorwaarden", "tijdlijn", "wijzigingen"])
def test_a_phone_gets_the_comparison_pages_without_sideways_scrolling(phone, app_url, path):
    phone.goto(f"{app_url}/{path}")
    wait_idle(phone)
    width = phone.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollWidth")
    assert width <= PHONE["width"]
    expect(phone.get_by_role("button", name="🔗 Link naar deze weergave")).to_be_visible()
    content = ".st-key-gli_timeline_list" if path == "tijdlijn" else ".gli-row"
    assert phone.evaluate(TOP_JS, content) < 2 * PHONE["height"]  # within two thumbs of scrolling
    # Every tab's label in view: a scrolling tab row cut "Looptijd en ta›" and hid the open tab (LOOK O #3).
    tabs = phone.evaluate("""() => [...document.querySelectorAll('[data-testid="stMain"] [role="tab"]')]
        .map(t => { const b = t.getBoundingClientRect(); return [t.textContent.trim(), b.left, b.right]; })""")
    assert [t for t, left, right in tabs if left < 0 or right > PHONE["width"]] == []
    if path in ("voorwaarden", "wijzigingen"):
        assert len(tabs) >= 3


def test_screenshot_a_comparison_page_on_a_phone(phone, app_url, screenshot_dir):
    phone.goto(f"{app_url}/voorwaarden")
    wait_idle(phone)
    full_screenshot(phone, screenshot_dir, "voorwaarden-telefoon.png")


# Read-only tests above share one load of each presented page per test process: the page is
# read right after it is idle, as each test did on its own load, and the tests assert on that.

BUTTONS_URL, METRICS_URL = "tijdlijn?presentatie=true", "?presentatie=true"


def _download_buttons(page) -> list[tuple[dict, float]]:
    """Each visible download button's box and text size."""
    buttons = [b for b in page.locator('[data-testid="stDownloadButton"] button').all() if b.is_visible()]
    return [(button.bounding_box(), button.evaluate(TEXT_SIZE_JS)) for button in buttons]


def _metric_sizes(page) -> tuple[float, float]:
    """The first metric's value and label text sizes."""
    metric = page.get_by_test_id("stMetric").first
    return (metric.get_by_test_id("stMetricValue").evaluate(TEXT_SIZE_JS),
            metric.get_by_test_id("stMetricLabel").evaluate(TEXT_SIZE_JS))


def _body_text_size(page) -> float:
    """The text size of the page's first paragraph under a heading (or of its first notice)."""
    return page.get_by_test_id("stMain").locator("h2 + div p, [data-testid='stAlert'] p").first.evaluate(TEXT_SIZE_JS)


def _readings() -> dict[str, dict[str, Callable[[Any], Any]]]:
    """What the read-only tests measure on each presented page: {url: {name: read(page)}}."""
    readings: dict[str, dict[str, Callable[[Any], Any]]] = defaultdict(dict)
    for path in PAGES:
        url = _presenting_url(path)
        readings[url]["presenting"] = _presenting
        readings[url]["font sizes"] = lambda page: page.evaluate(FONT_SIZES_JS)
        readings[url]["selectbox values"] = lambda page: page.evaluate(SELECT_VALUES_JS)
        if path.startswith("tijdlijn"):
            readings[url]["legend visible"] = lambda page: page.locator(".gli-tl-legend").is_visible()
    for path, selector in MAIN_CONTENT.items():
        readings[_presenting_url(path)][f"top of {selector}"] = lambda page, s=selector: page.evaluate(TOP_JS, s)
    readings[BUTTONS_URL]["body text size"] = _body_text_size
    readings[BUTTONS_URL]["download buttons"] = _download_buttons
    readings[METRICS_URL]["metric sizes"] = _metric_sizes
    readings[METRICS_URL]["tile tops"] = lambda page: page.evaluate(TILE_TOPS_JS)
    return dict(readings)


READINGS = _readings()


class _Readings(dict):
    """One page's readings: a reading that failed raises its error in the test that reads it."""

    def __getitem__(self, name: str) -> Any:
        value = super().__getitem__(name)
        if isinstance(value, Exception):
            raise value
        return value


def _read_all(page, url: str) -> _Readings:
    """Take every reading registered for ``url`` from the page showing it."""
    readings = _Readings()
    for name, reading in READINGS[url].items():
        try:
            readings[name] = reading(page)
        except Exception as error:  # noqa: BLE001 (kept for the test that reads it)
            readings[name] = error
    return readings


@pytest.fixture(scope="module")
def presented(desktop_context, app_url) -> Iterator[Callable[[str], dict[str, Any]]]:
    """``presented(url)``: the readings of that page at 1024×768, loaded once in this process."""
    page = None
    seen: dict[str, _Readings] = {}

    def read(url: str) -> dict[str, Any]:
        nonlocal page
        if url not in seen:
            if page is None or page.is_closed():
                page = desktop_context.new_page()
                page.set_viewport_size(PROJECTOR)
            page.goto(f"{app_url}/{url}")
            wait_idle(page)
            seen[url] = _read_all(page, url)
            forget_storage(page)  # the next load starts as in a new context
        return seen[url]

    yield read
    if page is not None:
        page.close()


def shared_load(item: pytest.Item) -> str | None:
    """The presented page a read-only test reads first (tests/e2e/conftest.py keeps those together)."""
    if "presented" not in item.fixturenames:
        return None
    path = item.callspec.params.get("path") if hasattr(item, "callspec") else None
    return _presenting_url(path) if path is not None else BUTTONS_URL


def test_a_presented_table_breaks_no_word_across_lines(projector, app_url):
    # Zoeken at 1024 px: with the quote column and "overflow-wrap: anywhere" the narrow columns broke
    # "Minimumeis" into "Mini / mum / eis" and "openen" into "ope / nen".
    projector.goto(f"{app_url}/zoeken?q=AGB&presentatie=true")
    wait_idle(projector)
    projector.get_by_text("Als tabel: sorteren op plaats, soort of bron").click()  # the table is folded
    cell = projector.locator("table.gli-table td", has_text=re.compile(r"^Minimumeis$")).first
    expect(cell).to_be_visible()
    lines = projector.evaluate(
        "td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length; }",
        cell.element_handle())
    assert lines == 1
    assert "<th>Citaat</th>" not in projector.locator("table.gli-table").first.evaluate("t => t.outerHTML")
