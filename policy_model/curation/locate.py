"""Where a quote sits in its document: the section heading(s) it occurs under.

A source text is read as lines. Headings are found by their shape:

- numbered headings: ``2.4 Looptijd van de overeenkomst``, ``3. Voorwaarden zorginkoop`` (a
  heading wrapped onto a second line is joined), ``Bijlage 1: ...``, ``Taak 6. ...``,
  ``Thema II - ...``: these open a *section*;
- short title-like lines between paragraphs (no closing full stop, comma or semicolon,
  starting with a capital, after a finished sentence): these open a *subsection* inside
  the current section ("Digitale zorg", "Contractering RHO's").

The text is normalised exactly as the quote check does (:func:`policy_model.quotes.normalise`),
so a quote found by the quote check is found here at the same place.

The dataset writes a fact's ``section`` as the document's own heading, optionally with a
subheading after it (``2.2 Wie ... 2027? – Uitloopovereenkomst``, ``5.1 ... (Eisen aan de GLI)``,
``Bijlage 1 – Bedrijfsvoering: Aanbod``). :func:`section_matches` accepts a section when
each part that names a heading of the document names one the quote actually sits under,
and at least one part does.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from policy_model.quotes import normalise

_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")
_NAMED = re.compile(r"^(Bijlage\s+\d+\b|Taak\b|Thema\s+[IVX]+\b)(.*)$")
_URL = re.compile(r"^\s*(https?://|www\.|mailto:)\S*\s*$|^\s*\d{1,4}\s*$", re.IGNORECASE)  # also page numbers and lone years
_END_SENTENCE = (".", ":", "?", "!", ";")
_SPLIT = re.compile(r"\s+[–—]\s+|\s+-\s+(?=[A-ZÀ-Ý])|:\s+|\s*\(|\)\s*")
MAX_HEADING_CHARS = 110
MAX_SUBHEADING_CHARS = 90
MAX_SUBHEADING_WORDS = 13
MAX_LABEL_WORDS = 9
SUB = 9
_FUNCTION_WORDS = {"en", "of", "de", "het", "een", "van", "voor", "met", "in", "op", "aan", "te", "die", "dat",
                   "zoals", "bij", "naar", "om", "als"}
LABEL = 10
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DATE = re.compile(rf"\b\d{{1,2}}\s+({_MONTHS})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Heading:
    text: str  # as in the document, wrapped lines joined, whitespace collapsed
    level: int  # 1.. numbered/named sections, SUB unnumbered subheadings, LABEL "Aanbod:" labels
    line: int  # 1-based line in the text file
    offset: int  # where it starts in the normalised text


#: At most this many subheadings since the section heading count as context (a document
#: with thousands of unnumbered subheadings must not make every lookup walk them all).
MAX_CONTEXT_SUBS = 50


@dataclass(frozen=True)
class Outline:
    """A document's normalised text and its headings in order.

    Lookups are logarithmic in the number of headings: the heading starts, the section
    heading in force at each heading and each section's enclosing section are worked out
    once, when the outline is made."""

    text: str
    headings: tuple[Heading, ...]
    _starts: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)
    _section_of: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)
    _parent: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        section_of: list[int] = []
        parent: list[int] = []
        stack: list[int] = []  # open section headings, outermost first
        current = -1
        for index, heading in enumerate(self.headings):
            if heading.level < SUB:
                while stack and self.headings[stack[-1]].level >= heading.level:
                    stack.pop()
                parent.append(stack[-1] if stack else -1)
                stack.append(index)
                current = index
            else:
                parent.append(-1)
            section_of.append(current)
        object.__setattr__(self, "_starts", tuple(h.offset for h in self.headings))
        object.__setattr__(self, "_section_of", tuple(section_of))
        object.__setattr__(self, "_parent", tuple(parent))

    def chain_at(self, offset: int) -> tuple[Heading, ...]:
        """The headings in force at ``offset``: the section, its nearest subheading and the
        nearest label after that (each only where there is one)."""
        section, subs = self.context_at(offset)
        sub = next((h for h in reversed(subs) if h.level == SUB), None)
        label = next((h for h in reversed(subs) if h.level == LABEL), None)
        if label is not None and sub is not None and label.offset < sub.offset:
            label = None
        return tuple(h for h in (section, sub, label) if h is not None)

    def context_at(self, offset: int) -> tuple[Heading | None, list[Heading]]:
        """The section heading in force at ``offset`` and the sub-headings and labels since it."""
        head, subs, _ = self._walk_back(offset)
        return head, subs

    def ancestors_at(self, offset: int) -> list[Heading]:
        """Every heading in force at ``offset``: enclosing sections, then subheadings and labels."""
        _, subs, sections = self._walk_back(offset)
        return sections + subs

    def _walk_back(self, offset: int) -> tuple[Heading | None, list[Heading], list[Heading]]:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None, [], []
        section = self._section_of[index]
        first_sub = max(section + 1, index + 1 - MAX_CONTEXT_SUBS)
        subs = [h for h in self.headings[first_sub: index + 1] if h.level >= SUB]
        sections: list[Heading] = []
        at = section
        while at >= 0:
            sections.append(self.headings[at])
            at = self._parent[at]
        sections.reverse()
        return (self.headings[section] if section >= 0 else None), subs, sections

    def occurrences(self, quote: str) -> list[int]:
        needle = normalise(quote)
        found, start = [], 0
        while needle:
            at = self.text.find(needle, start)
            if at < 0:
                break
            found.append(at)
            start = at + 1
        return found

    def locate(self, quote: str) -> list[tuple[Heading, ...]]:
        """The heading chain at every place the quote occurs (empty: not found)."""
        chains: list[tuple[Heading, ...]] = []
        for offset in self.occurrences(quote):
            chain = self.chain_at(offset)
            if chain not in chains:
                chains.append(chain)
        return chains

    @property
    def heading_keys(self) -> set[str]:
        return {heading_key(h.text) for h in self.headings}


def heading_key(text: str) -> str:
    """Compare headings without case, punctuation at the ends, quote style or numbering dots."""
    text = normalise(text).casefold().replace("'", "").replace('"', "")
    text = re.sub(r"^bijlage\s+", "", text)
    text = re.sub(r"^(\d+(?:\.\d+)*)\.(?=\s)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip(" .:;,-–")


def _is_title_like(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_SUBHEADING_CHARS or _URL.match(stripped):
        return False
    if len(stripped.split()) > MAX_SUBHEADING_WORDS:
        return False
    first = stripped[0]
    if not (first.isupper() or first.isdigit()):
        return False
    if stripped.endswith((".", ",", ";", ":")) or "|" in stripped:
        return False
    if (re.match(r"^\d", stripped) and not _NUMBERED.match(stripped)) or _DATE.search(stripped):
        return False  # a date or a figure (a table row), not a heading
    return any(c.isalpha() for c in stripped)


def _is_label(line: str) -> bool:
    """A short line ending in a colon that names what follows ("Aanbod:", "Verbinding met ...:")."""
    stripped = line.strip()
    return (stripped.endswith(":") and len(stripped.split()) <= MAX_LABEL_WORDS and stripped[:1].isupper()
            and _is_title_like(stripped[:-1]))


def section_level(line: str) -> int | None:
    """The level of a numbered or named section heading, else None."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_HEADING_CHARS or stripped.endswith((",", ";")):
        return None
    match = _NUMBERED.match(stripped)
    if match:
        number, rest = match.groups()
        if int(number.split(".")[0]) == 0 or not rest[:1].isupper() or rest.endswith("."):
            return None
        if len(rest.split()) > 16:
            return None
        return number.count(".") + 1
    named = _NAMED.match(stripped)
    if named and len(stripped.split()) <= 16 and not re.search(r"\.\s+[A-Z]", stripped):
        return 2 if named.group(1) == "Taak" else 1
    return None


def build_outline(raw: str) -> Outline:
    """Find the headings of a source text and the normalised text they sit in.

    Three steps: normalise each line and join the filled ones into the text (each line's
    place in it), find the headings line by line (:func:`_find_headings`), and place each
    heading at its line's offset."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    normalised = [normalise(line) for line in lines]
    text, starts = _join_filled(normalised)
    headings = tuple(Heading(" ".join(heading.split()), level, number + 1, starts[number])
                     for number, level, heading in _find_headings(lines, normalised))
    return Outline(text, headings)


def _join_filled(normalised: list[str]) -> tuple[str, dict[int, int]]:
    """The filled lines joined by one space, and where each of them starts in that text."""
    starts: dict[int, int] = {}
    offset = 0
    for number, norm in enumerate(normalised):
        if norm:
            offset += 1 if starts else 0
            starts[number] = offset
            offset += len(norm)
    return " ".join(norm for norm in normalised if norm), starts


@dataclass
class _Scan:
    """What deciding whether a line is a heading needs to know of the lines before it."""

    previous_filled: str = ""  # the last line with text
    blank_before: bool = True
    heading_lines: set[int] = field(default_factory=set)  # lines that are (part of) a heading
    last_number: str = ""  # the number of the last numbered section heading

    def block_start(self, number: int) -> bool:
        """The line opens a block: after a blank line, a finished sentence, an address or a heading."""
        return (self.blank_before or self.previous_filled.rstrip().endswith(_END_SENTENCE)
                or bool(_URL.match(self.previous_filled)) or number - 1 in self.heading_lines)


def _find_headings(lines: list[str], normalised: list[str]) -> Iterator[tuple[int, int, str]]:
    """``(line index, level, text)`` of every heading, in order; a line whose text normalises
    away counts as blank."""
    scan = _Scan()
    for number, line in enumerate(lines):
        if not normalised[number]:
            scan.blank_before = True
            continue
        found = _heading_of_line(lines, number, scan)
        if found is not None:
            level, text = found
            scan.heading_lines.add(number)
            numbered = _NUMBERED.match(text)
            if numbered and level < SUB:
                scan.last_number = numbered.group(1)
            yield number, level, text
        scan.previous_filled = line
        scan.blank_before = False


def _heading_of_line(lines: list[str], number: int, scan: _Scan) -> tuple[int, str] | None:
    """``(level, text)`` when line ``number`` opens a section, a subsection or a label."""
    line = lines[number]
    block_start = scan.block_start(number)
    level = section_level(line)
    # Inside a block a numbered line is a heading only where its number follows the last one
    # ("Keer Diabetes / 2 Om" is a line that goes on with a sentence).
    if level is not None and (block_start or _plausible_next(scan.last_number, line)):
        return _section_heading(lines, number, level, scan)
    if block_start and _is_title_like(line):
        nxt = _next_filled(lines, number)
        return (SUB, line.strip()) if nxt is None or not lines[nxt].strip()[:1].islower() else None
    if block_start and _is_label(line):
        return LABEL, line.strip().rstrip(":").strip()
    return None


def _section_heading(lines: list[str], number: int, level: int, scan: _Scan) -> tuple[int, str] | None:
    """A section heading with the lines it wraps onto, unless it is a numbered sentence, a list
    item or a footnote."""
    text, wrapped = _join_wrapped(lines, number)
    scan.heading_lines.update(wrapped)
    nxt = _next_filled(lines, wrapped[-1] if wrapped else number)
    goes_on = nxt is not None and lines[nxt].strip()[:1].islower()
    if (goes_on or text.endswith(".") or text.split()[-1].lower() in _FUNCTION_WORDS
            or _in_numbered_list(lines, number)):
        return None
    return level, text


def _join_wrapped(lines: list[str], number: int) -> tuple[str, list[int]]:
    """A heading and the short lower-case lines it wraps onto ("3.3 Voorwaarden om in
    aanmerking te komen voor een" / "vergoeding"), and those lines' indexes."""
    text, at, wrapped = lines[number].strip(), number, []
    while not text.endswith(("?", ":")) and len(text) < 2 * MAX_HEADING_CHARS:
        nxt = _next_filled(lines, at)
        if nxt is None or not lines[nxt].strip()[:1].islower() or len(lines[nxt].strip()) >= 60:
            break
        text, at = f"{text} {lines[nxt].strip()}", nxt
        wrapped.append(nxt)
    return text, wrapped


def _plausible_next(previous: str, line: str) -> bool:
    """True when the line's number follows the last section number (2.2 -> 2.3, 3, 2.2.1)."""
    match = _NUMBERED.match(line.strip())
    if not match or not previous:
        return False
    prev = [int(p) for p in previous.split(".")]
    cur = [int(p) for p in match.group(1).split(".")]
    candidates = [prev + [1]] + [prev[:k] + [prev[k] + 1] for k in range(len(prev))]
    return any(cur == c or cur == c + [1] for c in candidates)


def _in_numbered_list(lines: list[str], index: int) -> bool:
    """True when a neighbouring line carries the next or previous plain number (footnotes, lists)."""
    match = re.match(r"^\s*(\d{1,2})\.?\s", lines[index])
    if not match:
        return False
    number = int(match.group(1))
    for n in (_prev_filled(lines, index), _next_filled(lines, index)):
        if n is not None:
            other = re.match(r"^\s*(\d{1,2})\.?\s+\S", lines[n])
            if other and abs(int(other.group(1)) - number) == 1:
                return True
    return False


def _prev_filled(lines: list[str], index: int) -> int | None:
    for n in range(index - 1, max(index - 4, -1), -1):
        if lines[n].strip():
            return n
    return None


def _next_filled(lines: list[str], index: int) -> int | None:
    for n in range(index + 1, min(index + 4, len(lines))):
        if lines[n].strip():
            return n
    return None


@lru_cache(maxsize=16)
def outline_of(path: Path) -> Outline:
    return build_outline(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- sections


def section_parts(section: str) -> list[str]:
    """``"5.1 Eisen (Eisen aan de GLI)"`` -> ``["5.1 Eisen", "Eisen aan de GLI"]``."""
    return [part.strip() for part in _SPLIT.split(section) if part and part.strip()]


def _same(part: str, heading: str) -> bool:
    a, b = heading_key(part), heading_key(heading)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    # a heading cut where the document wraps it, or cited without its number
    return len(shorter) >= 8 and (longer.startswith(shorter) or longer.endswith(shorter))


def names_heading(part: str, outline: Outline) -> bool:
    return any(_same(part, h.text) for h in outline.headings)


def section_matches(section: str, offset: int, outline: Outline) -> bool:
    """True when ``section`` agrees with the headings the quote at ``offset`` sits under.

    The whole section may be the heading in force; otherwise every part of it that names a
    heading of the document must name one in force there (the section heading, or a
    subheading or label since it), and at least one part must. Parts that name no heading
    ("(voetnoot 6)", a table's column) are not judged. Without levels for unnumbered
    subheadings, a part naming an *earlier sibling* subheading of the same section passes.
    """
    context = [h.text for h in outline.ancestors_at(offset)]
    if any(_same(section, text) for text in context):
        return True
    named = [part for part in section_parts(section) if names_heading(part, outline)]
    return bool(named) and all(any(_same(part, text) for text in context) for part in named)


def describe(chain: tuple[Heading, ...]) -> str:
    return " – ".join(h.text for h in chain) if chain else "(before the first heading)"
