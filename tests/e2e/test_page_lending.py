"""The page a browser test leaves is lent to the next only when it starts as a new tab would
(tests/e2e/conftest.py): no history, storage or session of the app's, the context's screen
size, no media emulation; a page given listeners, or of a failed test, is not lent again."""

from __future__ import annotations

from types import SimpleNamespace

from tests.e2e.conftest import _Lender
from tests.e2e.server import DESKTOP, PROJECTOR, wait_idle

PASSED, FAILED = SimpleNamespace(gli_passed=True), SimpleNamespace(gli_passed=False)


def _use_and_dirty(lender: _Lender, app_url: str, test=PASSED):
    """One test's use of a lent page: the app opened twice, storage written, screen and
    media changed. Returns the page."""
    with lender.lend(test):
        page = lender.page()
        page.set_viewport_size(PROJECTOR)
        page.goto(f"{app_url}/begrippen")
        wait_idle(page)
        page.goto(f"{app_url}/zoeken")
        wait_idle(page)
        page.evaluate("() => { sessionStorage.setItem('gli-test', '1'); localStorage.setItem('gli-test', '1'); }")
        page.emulate_media(media="print")
    return page


def test_a_lent_page_starts_as_a_new_tab(desktop_context, app_url):
    lender = _Lender(desktop_context, DESKTOP)
    first = _use_and_dirty(lender, app_url)
    try:
        with lender.lend(PASSED):
            page = lender.page()
            assert page is first  # kept, not a new tab
            assert page.url == "about:blank" and page.viewport_size == DESKTOP
            assert page.evaluate("() => history.length") == 1
            page.goto(f"{app_url}/begrippen")
            wait_idle(page)
            assert page.evaluate("() => [sessionStorage.getItem('gli-test'), localStorage.getItem('gli-test')]") \
                == [None, None]
            assert page.evaluate("() => [matchMedia('print').matches, innerWidth]") == [False, DESKTOP["width"]]
            page.go_back()  # nothing of the last test's to go back to
            assert page.url == "about:blank"
    finally:
        first.close()


def test_a_page_with_listeners_or_of_a_failed_test_is_not_lent_again(desktop_context, app_url):
    lender = _Lender(desktop_context, DESKTOP)
    failed = _use_and_dirty(lender, app_url, FAILED)
    assert failed.is_closed()
    with lender.lend(PASSED):
        listened = lender.page()
        listened.on("request", lambda request: None)
    assert listened.is_closed()
    with lender.lend(PASSED):
        fresh = lender.page()
    try:
        assert fresh is not listened and fresh is not failed
    finally:
        fresh.close()
