"""Where an old quote went in a new document: the same words with only the years moved on,
the most similar whole sentence(s), or nothing alike (probably deleted).

The most similar passage is found with rapidfuzz's partial-ratio alignment (the quote
against the whole normalised text, so the passage has about the quote's length wherever it
sits) and then widened to the whole sentence(s) it touches within its paragraph, so a
suggestion is never cut mid-sentence and never runs into the next list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from policy_model.curation.paragraphs import ParagraphIndex
from policy_model.curation.values import amounts_in, dates_in, durations_in
from policy_model.quotes import normalise

#: Below this similarity (0-100) no passage is really like the quote: "waarschijnlijk verwijderd".
PROBABLY_DELETED_BELOW = 72
#: A suggestion at least this similar is taken as the quote's new place: its paragraph is not
#: listed again as uncited.
CONFIDENT_AT = 88
#: A suggestion longer than this is cut at a word (marked with an ellipsis).
MAX_SUGGESTION_CHARS = 600
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class Passage:
    text: str
    start: int
    end: int
    similarity: float


def year_variant(quote: str, text: str) -> Passage | None:
    """The quote with only its years changed, where the new text has it (None if the quote
    names no year, or occurs as it is)."""
    needle = normalise(quote)
    if not _YEAR.search(needle):
        return None
    parts = _YEAR.split(needle)
    pattern = r"(?:19|20)\d{2}".join(re.escape(p) for p in parts)
    for match in re.finditer(pattern, text):
        if match.group(0) != needle:
            return Passage(match.group(0), match.start(), match.end(), 100.0)
    return None


def best_passage(quote: str, text: str, paras: ParagraphIndex) -> Passage | None:
    """The whole sentence(s) of ``text`` most like ``quote``, with the alignment's score."""
    needle = normalise(quote)
    if not needle or not text:
        return None
    match = fuzz.partial_ratio_alignment(needle, text)
    if match is None or match.score <= 0:
        return None
    start, end = whole_sentences(match.dest_start, match.dest_end, text, paras)
    passage = text[start:end].strip()
    if len(passage) > MAX_SUGGESTION_CHARS:
        cut = passage.rfind(" ", 0, MAX_SUGGESTION_CHARS)
        passage = passage[: cut if cut > 0 else MAX_SUGGESTION_CHARS] + " …"
    return Passage(passage, start, end, round(match.score, 1))


def whole_sentences(start: int, end: int, text: str, paras: ParagraphIndex) -> tuple[int, int]:
    """``[start, end)`` widened to the sentences it touches, within the paragraph that holds
    its middle (an alignment may begin in the tail of the paragraph before)."""
    para = paras.at((start + end) // 2) or paras.at(start)
    if para is None:
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        return start, end
    start, end = max(start, para.start), min(max(end, start + 1), para.end)
    spans = [s for s in para.sentences() if s[0] < end and start < s[1]]
    if not spans:
        return para.start, para.end
    return spans[0][0], spans[-1][1]


def passage_values(text: str) -> list[str]:
    """The dates, durations and amounts a passage states, as it states them (for a review mark)."""
    found = [str(m) for m in dates_in(text)]
    found += [f"{a:g} {_UNIT_NL[u]}" for a, u in durations_in(text)]
    found += [f"€ {a:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") for a in amounts_in(text)]
    return list(dict.fromkeys(found))


_UNIT_NL = {"years": "jaar", "months": "maanden", "weeks": "weken", "days": "dagen", "working_days": "werkdagen"}
