"""Find glossary terms in a text, so pages can explain them where they appear."""

from __future__ import annotations

import re
from functools import lru_cache

from policy_model.schema import GlossaryTerm


@lru_cache(maxsize=1024)
def _pattern(words: tuple[str, ...], case_sensitive: bool) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", 0 if case_sensitive else re.IGNORECASE)


def terms_in(text: str, glossary: tuple[GlossaryTerm, ...]) -> list[GlossaryTerm]:
    """Glossary terms occurring in ``text``, in glossary order, each once.

    Abbreviations (all capitals) match case-sensitively: RHO, not "rho" inside a word.
    """
    return [
        term for term in glossary
        if _pattern(tuple(dict.fromkeys((term.term, *term.aliases))), term.term.isupper()).search(text)
    ]


def search_glossary(query: str, glossary: tuple[GlossaryTerm, ...]) -> list[GlossaryTerm]:
    """Terms whose name, expansion, aliases or explanation contain the query (case-insensitive)."""
    q = query.strip().casefold()
    if not q:
        return list(glossary)
    return [
        t for t in glossary
        if q in " ".join([t.term, t.expansion or "", t.explanation, *t.aliases]).casefold()
    ]
