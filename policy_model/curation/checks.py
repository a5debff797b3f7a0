"""Checks ``validate`` runs on top of the schema: sections against headings, and drafts.

Both give *warnings*: the data loads and the app works, but a curator should look.
They print as ``file:line: field.path: warning: message`` and do not change the exit code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from policy_model.curation.locate import describe, outline_of, section_matches
from policy_model.problems import Problem
from policy_model.quotes import sources_dir
from policy_model.walk import iter_sources

if TYPE_CHECKING:
    from pydantic import BaseModel

    from policy_model.schema import SourceDocument
    from policy_model.yamlio import YamlDocument


def section_warnings(
    located: Iterable[tuple[YamlDocument, BaseModel]], sources: Sequence[SourceDocument]
) -> list[Problem]:
    """A warning for every fact whose ``section`` is not the heading its quote sits under.

    Facts whose quote is not found (the quote check reports those) or that carry a review
    mark (a draft) are skipped; so are documents missing from the sources folder.
    """
    folder = sources_dir()
    files = {s.id: folder / s.file for s in sources}
    warnings: list[Problem] = []
    for doc, model in located:
        for loc, src in iter_sources(model):
            path = files.get(src.document)
            if path is None or not path.is_file() or getattr(src, "review", None) is not None:
                continue
            outline = outline_of(path)
            offsets = outline.occurrences(src.quote)
            if not offsets or any(section_matches(src.section, at, outline) for at in offsets):
                continue
            found = "; ".join(dict.fromkeys(describe(outline.chain_at(at)) for at in offsets))
            warnings.append(doc.problem((*loc, "section"), f"warning: section {src.section!r} does not match the "
                                                          f"heading the quote is under: {found!r}"))
    return warnings
