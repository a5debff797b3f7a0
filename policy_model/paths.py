"""Where the data and the source texts are found (both configurable by environment)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

#: The dataset folder unless GLI_DATA_DIR says otherwise.
DEFAULT_DATA_DIR = REPO_ROOT / "data"


def data_dir() -> Path:
    """The folder with the YAML dataset: $GLI_DATA_DIR, else ``data/`` in the repository."""
    env = os.environ.get("GLI_DATA_DIR")
    return Path(env) if env else DEFAULT_DATA_DIR
