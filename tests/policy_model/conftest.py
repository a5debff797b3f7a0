"""Fixtures of the data tests: a copy of the real dataset to break."""

from __future__ import annotations

import shutil

import pytest

from policy_model.paths import DEFAULT_DATA_DIR


@pytest.fixture
def data(tmp_path):
    """A copy of the real data folder in a temporary folder, to change freely."""
    folder = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, folder)
    return folder
