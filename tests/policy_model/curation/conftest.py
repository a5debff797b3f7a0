"""Fixtures for the curator tools: a writable copy of the data and sources, and Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from policy_model.paths import DEFAULT_DATA_DIR


@pytest.fixture()
def workspace(tmp_path: Path, source_texts: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(data, sources): copies of the dataset and the source texts, the sources folder set."""
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    sources = tmp_path / "sources"
    shutil.copytree(source_texts, sources)
    monkeypatch.setenv("GLI_SOURCES_DIR", str(sources))
    return data, sources


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium for printing a PDF; without it the test skips, unless CI requires it."""
    from tests.e2e.server import chromium_path

    path = chromium_path()
    if path is None:
        if os.environ.get("GLI_REQUIRE_BROWSER"):
            pytest.fail("GLI_REQUIRE_BROWSER is set but no Chromium was found (apt-get install chromium)")
        pytest.skip("no Chromium found to print a PDF")
    return path
