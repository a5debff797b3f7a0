"""Glossary terms explained where they appear: as help text (tooltips) on labels."""

from __future__ import annotations

from functools import lru_cache

from policy_model.glossary import terms_in
from policy_model.paths import data_dir
from ui.data import catalogue
from ui.text import md_escape


def glossary_help(*texts: str) -> str | None:
    """A tooltip text explaining the glossary terms in ``texts`` (None if there are none)."""
    return _help(str(data_dir()), " ".join(texts))


@lru_cache(maxsize=4096)
def _help(data_folder: str, text: str) -> str | None:
    # Pages ask for the same texts on every rerun; matching 100+ terms each time cost more
    # than drawing the label. The folder is in the key: another folder, another glossary.
    found = terms_in(text, catalogue().glossary)
    if not found:
        return None
    return "  \n".join(
        f"**{md_escape(t.term)}**" + (f" ({md_escape(t.expansion)})" if t.expansion else "") + f": {md_escape(t.explanation)}"
        for t in found[:8]
    )
