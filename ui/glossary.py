"""Glossary terms explained where they appear: as help text (tooltips) on labels."""

from __future__ import annotations

from policy_model.glossary import terms_in
from ui.data import catalogue
from ui.text import md_escape


def glossary_help(*texts: str) -> str | None:
    """A tooltip text explaining the glossary terms in ``texts`` (None if there are none)."""
    glossary = catalogue().glossary
    found = terms_in(" ".join(texts), glossary)
    if not found:
        return None
    return "  \n".join(
        f"**{md_escape(t.term)}**" + (f" ({md_escape(t.expansion)})" if t.expansion else "") + f": {md_escape(t.explanation)}"
        for t in found[:8]
    )
