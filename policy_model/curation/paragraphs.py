"""A source text's paragraphs and sentences, located in its normalised text.

The text files hold a document's own lines: a PDF's lines with a blank line between
paragraphs (:mod:`.pdf_layout`), an HTML page's blocks, or older pypdf output where a blank
line may sit between every line. So a blank line ends a paragraph only after a finished
sentence; a heading line, a bullet (``•``) and an address line each start a new one.

Offsets are in the outline's normalised text (:func:`policy_model.quotes.normalise`), the
text quotes are found in, so a paragraph, a sentence and a quote can be compared by offset.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from policy_model.curation.locate import MAX_SUBHEADING_WORDS, SUB, Outline
from policy_model.quotes import normalise

_END = (".", ":", "?", "!", ";")
MIN_LIST_LINES = 3
_URL = re.compile(r"^\s*(https?://|www\.|mailto:)\S*\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[•●▪■◦‣∙·]|-\s|–\s)")
#: A sentence ends at . ! ? ; or : followed by a space and something that can start one.
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-ZÀ-Ý0-9•'\"(‘“])")


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based, in document order
    line: int  # first line in the text file
    start: int  # offsets in the normalised text
    end: int
    text: str
    heading: bool = False  # a heading line of the outline, or a short title-like line

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence, as offsets in the normalised text."""
        spans, at = [], 0
        for match in _SENTENCE_END.finditer(self.text):
            spans.append((self.start + at, self.start + match.start()))
            at = match.end()
        spans.append((self.start + at, self.end))
        return [(a, b) for a, b in spans if b > a]


def looks_like_heading(text: str) -> bool:
    """A short line that names what follows and says nothing itself: no sentence end, a
    capital first, few words ("Digitale zorg", "Contractering RHO's", a table's header)."""
    stripped = text.strip()
    return (bool(stripped) and not stripped.endswith(_END) and stripped[:1].isupper()
            and len(stripped.split()) <= MAX_SUBHEADING_WORDS and not stripped.startswith("•"))


def paragraphs(raw: str, outline: Outline) -> list[Paragraph]:
    """Split a source text into paragraphs (see the module docstring)."""
    heading_lines = {h.line: h.level for h in outline.headings}
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[tuple[int, list[str], bool]] = []
    title_like: set[int] = set()  # blocks that are one short title-like line (unnumbered)
    current: list[str] = []
    first = 0

    def close() -> None:
        nonlocal current
        if current:
            if len(current) == 1 and looks_like_heading(current[0]):
                title_like.add(len(blocks))
            blocks.append((first, current, len(current) == 1 and looks_like_heading(current[0])))
        current = []

    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            if current and current[-1].rstrip().endswith(_END):
                close()
            continue
        if number in heading_lines or _URL.match(stripped):
            close()
            if heading_lines.get(number) == SUB:
                title_like.add(len(blocks))
            blocks.append((number, [stripped], number in heading_lines))
            continue
        if _BULLET.match(stripped):
            close()
        if not current:
            first = number
        current.append(stripped)
    close()
    return _locate_blocks(_lists_joined(blocks, title_like), outline)


def _lists_joined(blocks: list[tuple[int, list[str], bool]], title_like: set[int]) -> list[tuple[int, list[str], bool]]:
    """Three or more title-like lines in a row are a list (programme names, register names), not
    headings: one block, which says something. (Two in a row are a heading and a subheading.)"""
    out: list[tuple[int, list[str], bool]] = []
    index = 0
    while index < len(blocks):
        end = index
        while end in title_like and end + 1 in title_like:
            end += 1
        if end >= index + MIN_LIST_LINES - 1:
            out.append((blocks[index][0], [line for b in blocks[index: end + 1] for line in b[1]], False))
            index = end + 1
        else:
            out.append(blocks[index])
            index += 1
    return out


def _locate_blocks(blocks: list[tuple[int, list[str], bool]], outline: Outline) -> list[Paragraph]:
    found: list[Paragraph] = []
    cursor = 0
    for first_line, block, heading in blocks:
        text = normalise(" ".join(block))
        if not text:
            continue
        at = outline.text.find(text, cursor)
        if at < 0:
            continue
        cursor = at + len(text)
        found.append(Paragraph(len(found) + 1, first_line, at, at + len(text), text, heading))
    return found


@dataclass(frozen=True)
class ParagraphIndex:
    """Paragraphs in document order, with a lookup by offset in logarithmic time."""

    items: tuple[Paragraph, ...]
    _starts: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.start for p in self.items))

    def at(self, offset: int) -> Paragraph | None:
        """The paragraph that holds ``offset`` (None between paragraphs)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and self.items[index].start <= offset < self.items[index].end:
            return self.items[index]
        return None
