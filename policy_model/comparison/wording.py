"""Changed wording, word by word, between two years of one insurer.

Computed with :mod:`difflib` from the standard library (no hand-written diff): a text is
split into words and the spaces after them, and the matcher's opcodes say which words
were kept, deleted or added. Requirements on one topic are paired first (each newer
sentence with the most similar older one), so a topic with several requirements reads
as several small changes rather than one large one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from html import escape
from typing import Literal

SegmentKind = Literal["same", "deleted", "added"]
_WORD = re.compile(r"\S+\s*")
#: How similar two sentences must be (0–1) to be read as one sentence reworded.
PAIR_THRESHOLD = 0.4


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str


def _words(text: str) -> list[str]:
    return _WORD.findall(" ".join(text.split()))


def _key(word: str) -> str:
    return word.strip()


def word_diff(before: str, after: str) -> list[Segment]:
    """The words of ``after`` against ``before``: kept, deleted (from ``before``) and added.

    Consecutive words of one kind are joined into one segment; whitespace follows the
    word it came after, so joining every segment's text gives back either side.
    """
    old, new = _words(before), _words(after)
    matcher = SequenceMatcher(a=[_key(w) for w in old], b=[_key(w) for w in new], autojunk=False)
    out: list[Segment] = []

    def add(kind: SegmentKind, words: Sequence[str]) -> None:
        if not words:
            return
        text = "".join(words)
        if out and out[-1].kind == kind:
            out[-1] = Segment(kind, out[-1].text + text)
        else:
            out.append(Segment(kind, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("same", new[j1:j2])
        else:
            add("deleted", old[i1:i2])
            add("added", new[j1:j2])
    return _spaced(out)


def _spaced(segments: list[Segment]) -> list[Segment]:
    """A deleted run directly before an added one needs a space between them."""
    out = []
    for n, segment in enumerate(segments):
        text = segment.text
        nxt = segments[n + 1] if n + 1 < len(segments) else None
        if nxt is not None and not text.endswith(" "):
            text += " "
        out.append(Segment(segment.kind, text))
    if out:
        out[-1] = Segment(out[-1].kind, out[-1].text.rstrip())
    return out


def similarity(before: str, after: str) -> float:
    """0–1: the share of words two texts have in common, in order."""
    a, b = [_key(w).lower() for w in _words(before)], [_key(w).lower() for w in _words(after)]
    if not a and not b:
        return 1.0
    return SequenceMatcher(a=a, b=b, autojunk=False).ratio()


def pair_texts(before: Sequence[str], after: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Pair each newer text with the most similar older one (at least :data:`PAIR_THRESHOLD`).

    Returns ``(before index, after index)`` pairs in the newer texts' order, then the older
    texts nobody took as ``(index, None)``. A newer text with no similar older one is
    ``(None, index)``.
    """
    scores = sorted(
        ((similarity(b, a), i, j) for i, b in enumerate(before) for j, a in enumerate(after)),
        key=lambda s: (-s[0], s[1], s[2]),
    )
    taken_before: dict[int, int] = {}
    taken_after: dict[int, int] = {}
    for score, i, j in scores:
        if score < PAIR_THRESHOLD:
            break
        if i in taken_before or j in taken_after:
            continue
        taken_before[i], taken_after[j] = j, i
    pairs: list[tuple[int | None, int | None]] = [(taken_after.get(j), j) for j in range(len(after))]
    pairs += [(i, None) for i in range(len(before)) if i not in taken_before]
    return pairs


def changed(before: str, after: str) -> bool:
    """Whether the wording differs (ignoring spacing)."""
    return " ".join(before.split()) != " ".join(after.split())


def diff_html(segments: Sequence[Segment]) -> str:
    """Escaped HTML: deleted words in ``<del>``, added words in ``<ins>``."""
    tags = {"same": ("", ""), "deleted": ("<del>", "</del>"), "added": ("<ins>", "</ins>")}
    return "".join(f"{tags[s.kind][0]}{escape(s.text)}{tags[s.kind][1]}" for s in segments)


def diff_plain(segments: Sequence[Segment]) -> str:
    """Plain text for exports: ``[-deleted-]`` and ``{+added+}`` (the git word-diff notation)."""
    marks = {"same": ("", ""), "deleted": ("[-", "-]"), "added": ("{+", "+}")}
    return "".join(f"{marks[s.kind][0]}{s.text.rstrip() if s.kind != 'same' else s.text}{marks[s.kind][1]}"
                   + (" " if s.kind != "same" and s.text.endswith(" ") else "") for s in segments)
