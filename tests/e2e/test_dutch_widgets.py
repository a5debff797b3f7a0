"""Widget texts Streamlit draws itself are Dutch too: no "Select all" in the record
picker, "Geen resultaten" for an empty search, the file uploader's button and size line."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.server import wait_idle

#: The visible text of an element including its ::after content (CSS puts the Dutch there).
SHOWN_TEXT_JS = """
e => {
  const after = getComputedStyle(e, '::after').content;
  const own = parseFloat(getComputedStyle(e).fontSize) > 0 ? e.textContent : '';
  return (own + (after && after !== 'none' ? after.replace(/^"|"$/g, '') : '')).trim();
}
"""


def test_the_record_picker_offers_no_english_select_all_and_an_empty_search_says_so_in_dutch(page, app_url):
    page.goto(f"{app_url}/programmas")
    wait_idle(page)
    page.locator(".st-key-gli-policy-picker input").first.click()
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option").first).to_be_visible()
    options = " ".join(listbox.get_by_role("option").all_inner_texts())
    assert "Select" not in options and "CZ 2024" not in options  # full policies only, no bulk action
    page.keyboard.type("qqqq")
    empty = listbox.locator("div[role=option] > span").first
    expect(empty).to_be_attached()
    assert empty.evaluate(SHOWN_TEXT_JS) == "Geen resultaten"


def test_the_file_uploader_speaks_dutch(page, app_url):
    page.goto(f"{app_url}/handreiking?onderdeel=Checklist+borging")
    wait_idle(page)
    zone = page.get_by_test_id("stFileUploaderDropzone")
    button = zone.locator("button [data-testid=stMarkdownContainer] p")
    assert button.evaluate(SHOWN_TEXT_JS) == "Bestand kiezen"
    size = zone.get_by_test_id("stFileUploaderDropzoneInstructions").locator("span").first
    assert size.evaluate(SHOWN_TEXT_JS) == "hoogstens 3 MB per bestand"
