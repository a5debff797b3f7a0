"""Browser end-to-end fixtures: the app started once per session, Debian's Chromium.

Without any Chromium the tests skip with a clear reason, except where GLI_REQUIRE_BROWSER
is set (CI): there a missing browser fails the run.

Each test process (pytest-xdist worker) keeps one browser with a persistent profile: its
disk cache keeps Streamlit's script bundle and V8's code compiled from it, which a fresh
context compiles again for every test, and its test pages share one renderer process,
kept warm by a page left open on the app's site. Every test still gets its own Streamlit
session and starts as in a new context: after a test the storage, cookies and permissions it
left are cleared, and its ``page`` (``projector``, ``phone``) is emptied (blank, no history,
its screen size and media back) and lent to the next test. A new tab costs Chromium about a
third more than loading the app in a tab it already has (measured: 1.3 against 0.95 CPU-s a
load). A page the test gave listeners or routes, or one of a failed test, is closed instead;
other pages a test opens are closed after it. (A test that changes a context itself, with
routes, init scripts or headers, needs one of its own: ``browser.new_context()``.)
Phones need ``is_mobile`` and ``has_touch``, fixed per context: they get a second such
browser, started by the first phone test of a process. pytest-playwright's ``--tracing``,
``--video`` and ``--screenshot`` record per context: with any of them on, each test gets a
fresh context as before.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.server import (
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    PROJECTOR,
    chromium_path,
    forget_storage,
    playwright_has_own_browser,
    running_app,
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
    items[:] = shared_loads_together(items)


def shared_loads_together(items: list[pytest.Item]) -> list[pytest.Item]:
    """Tests that read one shared page load sit next to each other, in the place of the first.

    A module names the load a test reads with ``shared_load(item) -> str | None``. pytest-xdist
    hands out tests in runs of neighbours, so neighbours share a worker, and the worker loads
    that page once for all of them (see test_presentation.py); apart, each loads it again.
    """
    keys = [_shared_load(item) for item in items]
    groups: dict[tuple[str, str], list[pytest.Item]] = {}
    for item, key in zip(items, keys, strict=True):
        if key is not None:
            groups.setdefault(key, []).append(item)
    ordered: list[pytest.Item] = []
    placed: set[int] = set()
    for item, key in zip(items, keys, strict=True):
        if id(item) not in placed:
            together = groups[key] if key is not None else [item]
            ordered.extend(together)
            placed.update(id(i) for i in together)
    return ordered


def _shared_load(item: pytest.Item) -> tuple[str, str] | None:
    """(module, load) for a test that reads a shared page load, else None."""
    module = getattr(item, "module", None)
    name = getattr(module, "shared_load", None)
    key = name(item) if name else None
    return (module.__name__, key) if key is not None else None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    if path is None and not playwright_has_own_browser():
        if os.environ.get("GLI_REQUIRE_BROWSER"):
            pytest.fail("GLI_REQUIRE_BROWSER is set but no Chromium was found (apt-get install chromium)")
        pytest.skip("no Chromium found: install Debian's 'chromium' package to run the browser tests")
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS, "headless": True}
    if path:
        args["executable_path"] = path
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": DESKTOP, "locale": "nl-NL", "accept_downloads": True}


def _records_artifacts(config: pytest.Config) -> bool:
    """True when pytest-playwright is asked to trace, film or shoot each test's own context."""
    return (config.getoption("--tracing") != "off" or config.getoption("--video") != "off"
            or config.getoption("--screenshot") != "off")


@contextmanager
def _persistent_context(browser_type, launch_args: dict[str, Any], context_args: dict[str, Any],
                        app_url: str) -> Iterator[Any]:
    """A browser whose profile (HTTP cache, V8 code cache) lives in a temporary folder while
    it runs, with one page kept open on the app's site (127.0.0.1, every test server's port):
    with ``--process-per-site`` each test's page then runs in that page's renderer process,
    already started and holding the compiled bundle, instead of starting its own (about a
    third of Chromium's CPU for a page load). (The folder is not under pytest's basetemp:
    pytest keeps those, and "pytest" in Chromium's command line would file its processes
    under pytest in /proc-based CPU accounting.)"""
    args = {**launch_args, "args": [*launch_args.get("args", []), "--process-per-site"]}
    with tempfile.TemporaryDirectory(prefix="gli-e2e-chromium-") as profile:
        context = browser_type.launch_persistent_context(profile, **args, **context_args)
        keeper = context.pages[0] if context.pages else context.new_page()
        keeper.goto(f"{app_url}/_stcore/health")
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="session")
def desktop_context(browser_type, browser_type_launch_args, browser_context_args, app_url):
    """This worker's desktop browser (1400×900, nl-NL, downloads accepted), shared by its tests."""
    with _persistent_context(browser_type, browser_type_launch_args, browser_context_args, app_url) as context:
        yield context


@pytest.fixture(scope="session")
def phone_context(browser_type, browser_type_launch_args, browser_context_args, app_url):
    """This worker's phone browser (390×844, mobile, touch), started by its first phone test."""
    args = {**browser_context_args, "viewport": PHONE, "is_mobile": True, "has_touch": True}
    with _persistent_context(browser_type, browser_type_launch_args, args, app_url) as context:
        yield context


@pytest.fixture(scope="session")
def browser(desktop_context):
    """The desktop browser itself: ``browser.new_context()`` / ``new_page()`` open fresh,
    empty contexts in it (no second Chromium per worker)."""
    return desktop_context.browser


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's outcome on the test, so a fixture can tell whether its test passed."""
    report = yield
    if call.when == "call":
        item.gli_passed = report.passed
    return report


class _Lender:
    """A worker's shared context, lent to one test at a time, with the page of the last test
    kept, emptied, for the next (see the module's docstring)."""

    def __init__(self, context, viewport: dict[str, int]) -> None:
        self.context, self.viewport = context, viewport
        self.spare = self.lent = None
        self.listeners: dict | None = None

    def page(self):
        """The test's page: the one kept from an earlier test, or a new one."""
        kept = self.spare if self.spare is not None and not self.spare.is_closed() else None
        self.lent, self.spare = kept or self.context.new_page(), None
        self.listeners = _listeners(self.lent)
        return self.lent

    @contextmanager
    def lend(self, item: pytest.Item) -> Iterator[Any]:
        """Lend the context to the test ``item``; afterwards keep its page if it can be emptied,
        close every other page it opened, and forget the cookies and permissions."""
        before = set(self.context.pages)
        try:
            yield self.context
        finally:
            for opened in [p for p in self.context.pages if p not in before or p is self.lent]:
                if (opened is self.lent and getattr(item, "gli_passed", False)
                        and self.listeners is not None and _listeners(opened) == self.listeners
                        and _emptied(opened, self.viewport)):
                    self.spare = opened
                else:
                    forget_storage(opened)
                    opened.close()
            self.lent = None
            self.context.clear_cookies()
            self.context.clear_permissions()


def _listeners(page) -> dict | None:
    """The page's event listeners and routes (Playwright's own included), to see whether a
    test added any: the public API cannot list them. None where Playwright keeps them
    elsewhere than in 1.65 (then no page is kept)."""
    impl = getattr(page, "_impl_obj", None)
    events, routes = getattr(impl, "_events", None), getattr(impl, "_routes", None)
    if not isinstance(events, dict) or not isinstance(routes, list):
        return None
    return {"events": {name: list(f) if isinstance(f, list) else [f] for name, f in events.items()},
            "routes": list(routes)}


def _emptied(page, viewport: dict[str, int]) -> bool:
    """Empty ``page`` as a new tab is: no session, storage or history of the app's, the
    context's screen size, no media emulation. False when it cannot be emptied."""
    if page.is_closed():
        return False
    try:
        if page.url.startswith("http"):
            page.evaluate("() => sessionStorage.clear()")
            forget_storage(page)
        page.goto("about:blank")  # ends the test's Streamlit session
        session = page.context.new_cdp_session(page)
        try:
            session.send("Page.resetNavigationHistory")
        finally:
            session.detach()
        if page.viewport_size != viewport:
            page.set_viewport_size(viewport)
        page.emulate_media(media="null")
    except PlaywrightError:
        return False
    return True


@pytest.fixture(scope="session")
def desktop_lender(desktop_context) -> _Lender:
    return _Lender(desktop_context, DESKTOP)


@pytest.fixture(scope="session")
def phone_lender(phone_context) -> _Lender:
    return _Lender(phone_context, PHONE)


@pytest.fixture
def context(request, desktop_lender):
    """The worker's shared desktop context for this test (or a fresh one when recording)."""
    if _records_artifacts(request.config):
        yield request.getfixturevalue("new_context")()
        return
    with desktop_lender.lend(request.node) as shared:
        yield shared


@pytest.fixture
def page(context, desktop_lender):
    """The test's page in its context: its own Streamlit session once it opens the app."""
    return desktop_lender.page() if context is desktop_lender.context else context.new_page()


@pytest.fixture
def projector(page):
    """A page at a projector's 1024×768."""
    page.set_viewport_size(PROJECTOR)
    return page


@pytest.fixture
def phone(request, phone_lender):
    """A page on a phone (390×844, mobile, touch) in the worker's phone context (or in a
    fresh phone context when recording)."""
    if _records_artifacts(request.config):
        yield request.getfixturevalue("new_context")(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
        return
    with phone_lender.lend(request.node):
        yield phone_lender.page()


@pytest.fixture(scope="session")
def app_url():
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def screenshot_dir() -> Path | None:
    """docs/screenshots for `make screenshots` (GLI_SCREENSHOT_DIR); else None: no test
    reads the images, so the full-page captures are skipped (their assertions still run)."""
    folder = os.environ.get("GLI_SCREENSHOT_DIR")
    return Path(folder) if folder else None
