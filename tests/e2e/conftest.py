"""Browser end-to-end fixtures: the app started once per session, Debian's Chromium.

Without any Chromium the tests skip with a clear reason, except where GLI_REQUIRE_BROWSER
is set (CI): there a missing browser fails the run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.server import CHROMIUM_ARGS, chromium_path, playwright_has_own_browser, running_app


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


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
    return {**browser_context_args, "viewport": {"width": 1400, "height": 900}, "locale": "nl-NL",
            "accept_downloads": True}


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
