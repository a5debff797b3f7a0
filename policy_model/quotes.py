"""Verify that quotes occur verbatim in their source documents.

The source texts are PDF/web extractions: hard line breaks mid-sentence, runs of spaces,
typographic quote marks and ligatures. Both sides are normalised the same way before
comparing, so a quote copied from the text always matches, and a quote that was
paraphrased never does.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

#: Where the source texts live unless GLI_SOURCES_DIR says otherwise.
DEFAULT_SOURCES_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "sources"

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": "", "\u00ad": "",
        "\u2022": " ", "\uf0b7": " ", "\u25cf": " ",
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Collapse whitespace, unify quote marks and dashes, expand ligatures (NFKC)."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return _SPACE.sub(" ", text).strip()


def sources_dir() -> Path:
    """The folder with the source texts: $GLI_SOURCES_DIR, else ../shared/sources."""
    env = os.environ.get("GLI_SOURCES_DIR")
    return Path(env) if env else DEFAULT_SOURCES_DIR


@lru_cache(maxsize=32)
def document_text(path: Path) -> str:
    """The normalised text of one source file (cached: quotes are checked by the hundred)."""
    return normalise(path.read_text(encoding="utf-8"))


def quote_found(quote: str, path: Path) -> bool:
    """True when the quote occurs in the document after normalisation."""
    return normalise(quote) in document_text(path)
