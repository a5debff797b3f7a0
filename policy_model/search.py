"""Full-text search over every fact: requirements, changes, programme facts, glossary, guidance."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from policy_model.facts import Fact


@lru_cache(maxsize=16384)
def _fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Diëtist' matches 'dietist'. (Remembered: every search
    folds the same few thousand facts again.)"""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: Query words this short are abbreviations ("AGB", "KP", "GLI"): found only as a word of their own,
#: not inside another ("vraagbaak" is no hit for "AGB"; LOOK O #2). Longer words are found inside
#: Dutch compounds ("register" in "kwaliteitsregister").
WHOLE_WORD_MAX = 3


@lru_cache(maxsize=1024)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])")


def _found(word: str, text: str) -> bool:
    """Whether a folded query word stands in a folded text (see :data:`WHOLE_WORD_MAX`)."""
    if len(word) > WHOLE_WORD_MAX:
        return word in text
    return word in text and _word_pattern(word).search(text) is not None


def _places(word: str, text: str) -> list[int]:
    """Where a folded query word starts in a folded text, found as :func:`_found` finds it."""
    if len(word) > WHOLE_WORD_MAX:
        places, start = [], text.find(word)
        while start != -1:
            places.append(start)
            start = text.find(word, start + len(word))
        return places
    return [m.start() for m in _word_pattern(word).finditer(text)]


@dataclass(frozen=True)
class SearchHit:
    """A fact that holds every word of a query. ``in_own_text``: every word is in our own text,
    where a result marks them; else a word was found only in the quote, the section, the topic or
    the key (an id such as ``aanbod_op_ondernemingsniveau``), which a result should then say."""

    fact: Fact
    in_own_text: bool


def search_facts(facts: list[Fact], query: str, limit: int = 200) -> list[SearchHit]:
    """Facts containing every word of ``query`` in their text, quote, section or key.

    Ranked: matches in our own text first, then those found only in the quote.
    """
    words = query_words(query)
    if not words:
        return []
    hits: list[tuple[int, int, Fact]] = []
    for n, fact in enumerate(facts):
        own = _fold(" ".join([fact.text, fact.key, fact.topic]))
        everything = own + " " + _fold(" ".join([fact.quote, fact.section]))
        if all(_found(w, everything) for w in words):
            rank = 0 if all(_found(w, own) for w in words) else 1
            hits.append((rank, n, fact))
    hits.sort(key=lambda h: (h[0], h[1]))
    return [SearchHit(fact, all(_found(w, _fold(fact.text)) for w in words)) for _, _, fact in hits[:limit]]


#: The longest query searched: a link can carry any length, and every word is looked for in
#: every fact (20,000 repeated words took 2.7 s a run).
MAX_QUERY_CHARS = 200


def query_words(query: str) -> list[str]:
    """The query's words, folded as the texts are (:func:`_fold`), each once (every word must
    be found, so a repeated word asks nothing more)."""
    return list(dict.fromkeys(_fold(w) for w in query.split() if w.strip()))


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words stand in ``text``, as ``(start, end)`` of the text itself, in
    order and merged where they touch: matched as the search matches (case and accents aside),
    so that a result can mark why it was found ("diëtist" in the text for "dietist"). Words of
    one letter are not marked."""
    folded: list[str] = []
    origin: list[int] = []  # index in ``text`` of each character of the folded form
    for index, char in enumerate(text):
        for piece in (char.lower() if char.isascii() else _fold(char)):
            folded.append(piece)
            origin.append(index)
    flat = "".join(folded)
    spans: list[tuple[int, int]] = []
    for word in query_words(query):
        if len(word) < 2:  # a single letter would mark half the text
            continue
        for start in _places(word, flat):
            spans.append((origin[start], origin[start + len(word) - 1] + 1))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
