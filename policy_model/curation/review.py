"""A record's citations held against a (new) document's text: what still stands, what moved
on a year, what was reworded, what is probably gone, and what the document says that no
citation covers.

Pure: citations and a text in, a :class:`DocumentReview` out. ``carry-forward`` writes a
draft record from it; the Wijzigingen page shows it to a reader who holds a newer document.

Each citation gets one status:

- ``kept``: the quote occurs in the text (its section is the heading it now sits under);
- ``year_only``: the quote occurs with only its years changed ("12 november 2023" ->
  "12 november 2024"); these are one decision together;
- ``changed``: a passage is like the quote (similarity at least
  :data:`~.matching.PROBABLY_DELETED_BELOW`): the whole sentence(s) are suggested;
- ``probably_deleted`` ("waarschijnlijk verwijderd"): nothing in the text is really like it.

The **uncited** passages are runs of sentences of the text that no kept quote, year-only
passage or confident suggestion covers, at least :data:`MIN_UNCITED_WORDS` words long;
headings are never listed (they say nothing of their own).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from policy_model.curation.locate import Outline, build_outline, describe, section_matches
from policy_model.curation.matching import (
    CONFIDENT_AT,
    PROBABLY_DELETED_BELOW,
    Passage,
    best_passage,
    passage_values,
    year_variant,
)
from policy_model.curation.paragraphs import ParagraphIndex, paragraphs
from policy_model.quotes import normalise

MIN_UNCITED_WORDS = 6
#: The longest text a record is held against for a reader (a policy is 20,000-150,000
#: characters; the work grows with the text).
MAX_REVIEW_CHARS = 600_000
STATUS_LABELS = {
    "kept": "staat er nog",
    "year_only": "alleen het jaar is anders",
    "changed": "gewijzigd",
    "probably_deleted": "waarschijnlijk verwijderd",
}


@dataclass(frozen=True)
class Citation:
    """One fact's citation to check: its path in the record, quote and section."""

    path: str
    quote: str
    section: str


@dataclass
class FactCheck:
    path: str
    status: str  # kept | year_only | changed | probably_deleted
    quote: str
    old_section: str
    section: str  # where the quote (or its suggestion) sits in the new text
    passage: str | None = None  # the new text's words: the year-moved quote or the suggested sentence(s)
    similarity: float | None = None
    start: int | None = None
    end: int | None = None
    values: list[str] = field(default_factory=list)  # dates, durations, amounts the passage states

    @property
    def relocated(self) -> bool:
        return self.section != self.old_section

    @property
    def confident(self) -> bool:
        """Whether the passage is taken as the quote's new place (not listed as uncited)."""
        return self.status in ("kept", "year_only") or (
            self.status == "changed" and (self.similarity or 0) >= CONFIDENT_AT)


@dataclass(frozen=True)
class Uncited:
    """A run of sentences of the text that no citation covers: a candidate for a new fact."""

    line: int  # first line of its paragraph in the text file
    start: int
    end: int
    text: str
    section: str
    suggested_for: tuple[str, ...] = ()  # marked facts whose (not confident) suggestion this is


@dataclass
class DocumentReview:
    outline: Outline
    facts: list[FactCheck]
    uncited: list[Uncited]

    def of_status(self, status: str) -> list[FactCheck]:
        return [f for f in self.facts if f.status == status]

    def counts(self) -> dict[str, int]:
        counts = {status: len(self.of_status(status)) for status in STATUS_LABELS}
        counts["relocated"] = sum(f.status == "kept" and f.relocated for f in self.facts)
        counts["uncited"] = len(self.uncited)
        return counts

    def summary(self) -> str:
        """One line per record: what the curator (or reader) has to look at."""
        c = self.counts()
        return (f"{c['kept']} staan er nog ({c['relocated']} onder een andere kop), {c['year_only']} alleen een "
                f"ander jaar, {c['changed']} gewijzigd, {c['probably_deleted']} waarschijnlijk verwijderd; "
                f"{c['uncited']} nieuwe of niet geciteerde passages")


def review_citations(citations: list[Citation], raw: str) -> DocumentReview:
    """Hold every citation against the text ``raw`` (a source text file's content)."""
    outline = build_outline(raw)
    index = ParagraphIndex(tuple(paragraphs(raw, outline)))
    checks = [check_citation(c, outline, index) for c in citations]
    return DocumentReview(outline, checks, uncited_passages(checks, outline, index))


def check_citation(citation: Citation, outline: Outline, index: ParagraphIndex) -> FactCheck:
    quote, old_section = citation.quote, citation.section
    offsets = outline.occurrences(quote)
    if offsets:
        section = old_section
        if not any(section_matches(old_section, at, outline) for at in offsets):
            section = describe(outline.chain_at(offsets[0]))
        length = len(normalise(quote))
        return FactCheck(citation.path, "kept", quote, old_section, section, start=offsets[0],
                         end=offsets[0] + length)
    moved = year_variant(quote, outline.text)
    if moved is not None:
        return _with_passage(citation, "year_only", moved, outline)
    passage = best_passage(quote, outline.text, index)
    if passage is None or passage.similarity < PROBABLY_DELETED_BELOW:
        check = FactCheck(citation.path, "probably_deleted", quote, old_section, old_section,
                          similarity=passage.similarity if passage else None)
        return check
    return _with_passage(citation, "changed", passage, outline)


def _with_passage(citation: Citation, status: str, passage: Passage, outline: Outline) -> FactCheck:
    return FactCheck(citation.path, status, citation.quote, citation.section,
                     describe(outline.chain_at(passage.start)), passage.text, passage.similarity,
                     passage.start, passage.end, passage_values(passage.text))


def uncited_passages(checks: list[FactCheck], outline: Outline, index: ParagraphIndex) -> list[Uncited]:
    """Runs of sentences no kept quote or confident suggestion covers (headings left out)."""
    covered = _merged([(f.start, f.end) for f in checks if f.confident and f.start is not None])
    weak = [(f.start, f.end, f.path) for f in checks if not f.confident and f.start is not None]
    found: list[Uncited] = []
    for para in index.items:
        if para.heading:
            continue
        run: list[tuple[int, int]] = []
        for span in para.sentences() + [None]:
            if span is not None and not _overlaps(span, covered):
                run.append(span)
                continue
            if run:
                found.extend(_uncited(run, para.line, outline, weak))
            run = []
    return found


def _uncited(run: list[tuple[int, int]], line: int, outline: Outline,
             weak: list[tuple[int, int, str]]) -> list[Uncited]:
    start, end = run[0][0], run[-1][1]
    text = outline.text[start:end].strip()
    if len(text.split()) < MIN_UNCITED_WORDS:
        return []
    suggested = tuple(path for a, b, path in weak if a < end and start < b)
    return [Uncited(line, start, end, text, describe(outline.chain_at(start)), suggested)]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans joined where they overlap: disjoint, in order."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _overlaps(span: tuple[int, int], covered: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps any of the disjoint, sorted ``covered`` spans."""
    index = bisect.bisect_left(covered, (span[1],))
    return index > 0 and covered[index - 1][1] > span[0]
