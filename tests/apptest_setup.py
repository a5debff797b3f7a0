"""Make AppTest cheaper to start in tests, without changing what a page run does.

Two costs of starting a page in a test that say nothing about the page: the component scan
(below) and reloading unchanged data after the caches are cleared
(``remember_loaded_catalogues``).

Every new ``AppTest`` scans all installed distributions for Streamlit v2 components
(``BidiComponentManager.discover_and_register_components``): about 0.18 s of CPU per
AppTest here, more than the two script runs of a typical page test together. The
registry it builds depends only on the installed packages, which do not change during a
test run, so one scan per test process is shared by every AppTest (the server does the
same: it scans once at start).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from streamlit.components.v2.component_manager import BidiComponentManager
from streamlit.testing.v1 import app_test

from policy_model.loader import LoadResult

_shared: BidiComponentManager | None = None


def _shared_component_manager() -> BidiComponentManager:
    """Stands in for ``BidiComponentManager()`` in AppTest: the process's one registry,
    scanned on first use; AppTest's own scan right after creating it is then a no-op."""
    global _shared
    if _shared is None:
        _shared = BidiComponentManager()
        _shared.discover_and_register_components(start_file_watching=False)
        _shared.discover_and_register_components = lambda **_: None  # scanned once is enough
    return _shared


def share_component_registry() -> None:
    """Patch AppTest (for this process) to reuse one scanned component registry."""
    app_test.BidiComponentManager = _shared_component_manager


def _fingerprint(directory: Path) -> tuple:
    """Every file under ``directory`` with its size and modification time: a test that
    writes, changes or removes a data file gets a new fingerprint, so a fresh load."""
    return tuple(sorted((str(p), s.st_size, s.st_mtime_ns) for p in directory.rglob("*")
                        if p.is_file() and (s := p.stat())))


def remember_loaded_catalogues() -> None:
    """Let the app's catalogue loader (``ui.data``) reuse a load of the same, unchanged data
    folder within this test process.

    Page tests clear Streamlit's caches before each test so that nothing a page computed
    leaks into the next; reloading the unchanged committed data after that (about 0.09 s
    of CPU) is the largest part of starting a page in a test. The catalogue is immutable;
    each caller gets its own ``LoadResult`` (the app filters drafts out of it).
    """
    import ui.data

    original = ui.data.load_catalogue
    if getattr(original, "remembers", False):
        return
    loads: dict[tuple, LoadResult] = {}

    def load(directory: Path, **options) -> LoadResult:
        key = (str(Path(directory).resolve()), tuple(sorted(options.items())), _fingerprint(Path(directory)))
        if key not in loads:
            loads.clear()  # one data folder at a time is enough; keeps memory flat
            loads[key] = original(directory, **options)
        return dataclasses.replace(loads[key], problems=list(loads[key].problems))

    load.remembers = True
    ui.data.load_catalogue = load
