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
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from policy_model.problems import Problem
from policy_model.walk import iter_sources

if TYPE_CHECKING:
    from pydantic import BaseModel

    from policy_model.schema import SourceDocument
    from policy_model.yamlio import YamlDocument

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


def quote_problems(
    located: Iterable[tuple[YamlDocument, BaseModel]], sources: Sequence[SourceDocument]
) -> list[Problem]:
    """A problem for every quote not found in its document (located in its YAML file).

    When the sources folder is missing, one problem says so instead of hundreds.
    """
    folder = sources_dir()
    if not folder.is_dir():
        return [Problem(str(folder), None, "", "sources folder not found: set GLI_SOURCES_DIR to check quotes")]
    files = {s.id: folder / s.file for s in sources}
    problems: list[Problem] = []
    missing_reported: set[str] = set()
    for doc, model in located:
        for loc, src in iter_sources(model):
            path = files.get(src.document)
            if path is None or src.review is not None:
                continue  # an unknown document: the integrity check; a review mark: a draft warning
            if not path.is_file():
                if src.document not in missing_reported:
                    missing_reported.add(src.document)
                    problems.append(Problem(str(path), None, "", f"source text of {src.document!r} not found"))
                continue
            if not quote_found(src.quote, path):
                problems.append(
                    doc.problem((*loc, "quote"), f"quote not found in {path.name}: {src.quote[:80]!r}")
                )
    return problems
