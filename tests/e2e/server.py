"""Start and stop the real app (``streamlit run``) for browser tests and benchmarks."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]

#: The screens the tests use: a desktop, a projector (presentation mode), a phone.
DESKTOP = {"width": 1400, "height": 900}
PROJECTOR = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}

#: "Idle": the script finished, the connection is up, nothing is stale or loading, and
#: every Plotly chart has drawn its SVG (notRunning alone fires before widgets are drawn).
IDLE_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const conn = app.getAttribute('data-test-connection-state');
  if (conn !== null && conn !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-stale="true"]')) return false;
  if (!document.querySelector('[data-testid="stMainBlockContainer"] h1, [data-testid="stException"]')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.main-svg')) return false;
  }
  return true;
}
"""


def chromium_path(shell: bool = True) -> str | None:
    """The Chromium to drive: ``GLI_CHROMIUM`` when set, else Debian's packages; None lets
    Playwright use its own browser if installed.

    The tests prefer Debian's ``chromium-headless-shell`` (Chromium's old headless mode, the
    build Playwright itself uses for headless runs): the same Blink, without the full
    browser's window and GPU machinery around it. It ran the whole suite on 3 December 2026
    in 200 s against 230-245 s with ``chromium`` (Chromium's CPU 148 against 186 s). The
    benchmark asks ``shell=False``: its navigation figures are what a user's browser does.
    """
    override = os.environ.get("GLI_CHROMIUM")
    if override:
        return override
    shells = ("/usr/bin/chromium-headless-shell", shutil.which("chromium-headless-shell") or "") if shell else ()
    for candidate in (*shells, "/usr/bin/chromium", shutil.which("chromium") or "",
                      shutil.which("chromium-browser") or ""):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def playwright_has_own_browser() -> bool:
    root = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache" / "ms-playwright"))
    return any(root.glob("chromium*")) if root.exists() else False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(data_dir: Path | None = None, extra_env: dict[str, str] | None = None, timeout: float = 90):
    """Run the app on a free localhost port; yields its base URL; stops it (whole group) after."""
    port = free_port()
    # A bug in a page must fail the browser tests as an exception element, not hide behind
    # the page guard's friendly message (ui/guard.py); a test may override this.
    env = {**os.environ, "GLI_RERAISE_PAGE_ERRORS": "1", **(extra_env or {})}
    if data_dir is not None:
        env["GLI_DATA_DIR"] = str(data_dir)
    cmd = [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early: {proc.stderr.read().decode(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:  # noqa: S310 (localhost)
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not become healthy in time")
            time.sleep(0.3)
        yield base
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)


def wait_idle(page, timeout: float = 30_000) -> None:
    """Wait until the app is idle twice in a row, 150 ms apart (reruns can follow each other)."""
    page.wait_for_function(IDLE_JS, timeout=timeout)
    page.wait_for_timeout(150)
    page.wait_for_function(IDLE_JS, timeout=timeout)


def forget_storage(page) -> None:
    """Empty the local storage of the page's origin, as a new context has it: Streamlit keeps
    its theme per path and the sidebar's sections there. (Session storage goes with the page.)

    Through the browser (DevTools' Storage domain), not the page's script, so a busy or
    broken page cannot hold it up.
    """
    address = urlsplit(page.url)
    if address.scheme not in ("http", "https"):
        return  # about:blank, set_content: no origin of the app's
    session = page.context.new_cdp_session(page)
    try:
        session.send("Storage.clearDataForOrigin",
                     {"origin": f"{address.scheme}://{address.netloc}", "storageTypes": "local_storage"})
    finally:
        session.detach()


def full_screenshot(page, folder: Path | None, name: str) -> None:
    """Streamlit scrolls inside its main area: grow the viewport to the content, then shoot.

    Only for `make screenshots` (``folder`` from GLI_SCREENSHOT_DIR): elsewhere nobody reads
    the image, and a capture up to 8000 px tall costs the browser more than the test.
    """
    if folder is None:
        return
    path = folder / name
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], section.main, [data-testid=\"stAppViewContainer\"]')]"
        ".map(e => e.scrollHeight), document.body.scrollHeight)"
    )
    size = page.viewport_size or {"width": 1400, "height": 900}
    page.set_viewport_size({"width": size["width"], "height": min(max(int(height) + 40, 600), 8000)})
    page.wait_for_timeout(300)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)


def grid_headers(page) -> list[str]:
    """Column headers of the first dataframe (the grid draws on a canvas; its accessible table has them)."""
    headers = page.get_by_test_id("stDataFrame").first.locator("th[role=columnheader]")
    headers.first.wait_for(state="attached")
    return headers.all_text_contents()


def wait_for_grid(page, *first: str, timeout: float = 20_000) -> list[str]:
    """Wait until the first dataframe's headers start with ``first``; return all headers.

    After a click the app can look idle for a moment before the rerun starts (more so on
    a busy machine), so a check right after ``wait_idle`` may still see the old table.
    Waiting for the expected headers themselves removes that race.
    """
    from playwright.sync_api import expect

    headers = page.get_by_test_id("stDataFrame").first.locator("th[role=columnheader]")
    for index, text in enumerate(first):
        expect(headers.nth(index)).to_have_text(text, timeout=timeout)
    return headers.all_text_contents()
