"""Full-text search over every fact: requirements, changes, programme facts, glossary, guidance."""

from __future__ import annotations

import unicodedata

from policy_model.facts import Fact


def _fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Diëtist' matches 'dietist'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_facts(facts: list[Fact], query: str, limit: int = 200) -> list[Fact]:
    """Facts containing every word of ``query`` in their text, quote, section or key.

    Ranked: matches in our own text first, then those found only in the quote.
    """
    words = [_fold(w) for w in query.split() if w.strip()]
    if not words:
        return []
    hits: list[tuple[int, int, Fact]] = []
    for n, fact in enumerate(facts):
        own = _fold(" ".join([fact.text, fact.key, fact.topic]))
        everything = own + " " + _fold(" ".join([fact.quote, fact.section]))
        if all(w in everything for w in words):
            rank = 0 if all(w in own for w in words) else 1
            hits.append((rank, n, fact))
    hits.sort(key=lambda h: (h[0], h[1]))
    return [fact for _, _, fact in hits[:limit]]
