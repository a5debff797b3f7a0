"""Shared fixtures: the real catalogue (loaded once), the source texts, AppTest helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policy_model.catalogue import Catalogue
from policy_model.loader import LoadResult, load_catalogue
from policy_model.paths import data_dir
from policy_model.quotes import sources_dir
from tests.apptest_setup import share_component_registry

REPO = Path(__file__).resolve().parent.parent
share_component_registry()  # one scan of installed components per test process (tests/apptest_setup.py)


@pytest.fixture(scope="session")
def load_result() -> LoadResult:
    return load_catalogue(data_dir())


@pytest.fixture(scope="session")
def cat(load_result: LoadResult) -> Catalogue:
    return load_result.catalogue


@pytest.fixture(scope="session")
def source_texts() -> Path:
    """The sources folder; tests needing it skip without it, except in CI where it must exist."""
    folder = sources_dir()
    if not folder.is_dir():
        if os.environ.get("GLI_REQUIRE_SOURCES"):
            pytest.fail(f"GLI_REQUIRE_SOURCES is set but the sources folder {folder} is missing")
        pytest.skip(f"source texts not found at {folder} (set GLI_SOURCES_DIR)")
    return folder
