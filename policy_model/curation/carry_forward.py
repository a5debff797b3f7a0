"""``carry-forward``: last year's record as a draft for a new year, checked against the new document.

Every citation of the old record's documents now cites the new document, and then:

- a fact whose quote occurs in the new document is **kept**; its ``section`` stays when it
  still agrees with the heading the quote sits under, else it becomes that heading;
- a fact whose quote no longer occurs is **marked**: ``source.review`` holds the most
  similar passage of the new document and its similarity (rapidfuzz partial ratio, 0-100);
- the new document's paragraphs that no kept fact quotes and that are no marked fact's
  best match are listed as **uncited**: candidates for new facts.

Dates (``date``, ``date_end``, ``start``, ``end``) and ``against_year`` move by the number
of years carried; the record gets ``draft: true`` so the app hides it until a curator has
handled every mark and removed the flag. The YAML is rewritten from the old file's data
(field order kept; comments are not carried over).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from policy_model.curation.locate import Outline, build_outline, describe, section_matches
from policy_model.quotes import normalise
from policy_model.yamlio import read_yaml

DATE_FIELDS = ("date", "date_end", "start", "end")
_END = (".", ":", "?", "!", ";")
_URL = re.compile(r"^\s*(https?://|www\.|mailto:)\S*\s*$", re.IGNORECASE)
MIN_UNCITED_WORDS = 6
MAX_MATCH_CHARS = 400


class CarryForwardError(Exception):
    """The record cannot be carried forward; the message says why."""


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based, in document order
    line: int  # first line in the text file
    start: int  # offsets in the normalised text
    end: int
    text: str


@dataclass
class FactResult:
    path: str
    status: str  # kept | marked
    quote: str
    old_section: str
    section: str
    best_match: str | None = None
    similarity: float | None = None


@dataclass
class CarryReport:
    from_key: str
    to_key: str
    document: str
    output: str
    kept: list[FactResult] = field(default_factory=list)
    marked: list[FactResult] = field(default_factory=list)
    relocated: list[FactResult] = field(default_factory=list)
    uncited: list[Paragraph] = field(default_factory=list)
    shifted_dates: int = 0

    def counts(self) -> dict[str, int]:
        return {"kept": len(self.kept), "marked": len(self.marked), "relocated": len(self.relocated),
                "uncited": len(self.uncited), "shifted_dates": self.shifted_dates}

    def to_json(self) -> str:
        data = {
            "from": self.from_key, "to": self.to_key, "document": self.document, "output": self.output,
            "counts": self.counts(),
            "marked": [asdict(f) for f in self.marked],
            "relocated": [asdict(f) for f in self.relocated],
            "uncited": [asdict(p) for p in self.uncited],
        }
        return json.dumps(data, ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        c = self.counts()
        out = [
            f"{self.from_key} -> {self.to_key} against {self.document}: wrote {self.output}",
            f"kept {c['kept']} fact(s) ({c['relocated']} with a new section), marked {c['marked']} for review, "
            f"{c['uncited']} uncited paragraph(s); {c['shifted_dates']} date(s) moved to the new year",
        ]
        if self.marked:
            out.append("\nMarked for review (quote not in the new document):")
            for f in self.marked:
                out.append(f"  {f.path}: {f.quote[:90]!r}")
                if f.best_match:
                    out.append(f"      best match ({f.similarity:.0f}): {f.best_match[:120]!r}")
        if self.relocated:
            out.append("\nNew section:")
            for f in self.relocated:
                out.append(f"  {f.path}: {f.old_section!r} -> {f.section!r}")
        if self.uncited:
            out.append("\nParagraphs no fact cites (candidates for new facts):")
            for p in self.uncited:
                out.append(f"  line {p.line}: {p.text[:140]}")
        return "\n".join(out)


# --------------------------------------------------------------------------- paragraphs


def paragraphs(raw: str, outline: Outline) -> list[Paragraph]:
    """Split a source text into paragraphs: a blank line after a finished sentence, a heading
    or an address line ends one. Offsets are in the outline's normalised text."""
    heading_lines = {h.line for h in outline.headings}
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0

    def close() -> None:
        nonlocal current
        if current:
            blocks.append((first, current))
        current = []

    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            if current and current[-1].rstrip().endswith(_END):
                close()
            continue
        if number in heading_lines or _URL.match(stripped):
            close()
            blocks.append((number, [stripped]))
            continue
        if not current:
            first = number
        current.append(stripped)
    close()

    found: list[Paragraph] = []
    cursor = 0
    for first_line, block in blocks:
        text = normalise(" ".join(block))
        if not text:
            continue
        at = outline.text.find(text, cursor)
        if at < 0:
            at = outline.text.find(text)
        if at < 0:
            continue
        cursor = at + len(text)
        found.append(Paragraph(len(found) + 1, first_line, at, at + len(text), text))
    return found


def best_passage(quote: str, text: str) -> tuple[str | None, float, int, int]:
    """The passage of ``text`` most similar to ``quote``: (passage, score 0-100, start, end).

    The quote is aligned against the whole normalised document (rapidfuzz partial ratio),
    so the passage has about the quote's length wherever it sits.
    """
    needle = normalise(quote)
    match = fuzz.partial_ratio_alignment(needle, text) if needle and text else None
    if match is None or match.score <= 0:
        return None, 0.0, 0, 0
    start, end = match.dest_start, match.dest_end
    while start > 0 and not text[start - 1].isspace():  # widen to whole words
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end][:MAX_MATCH_CHARS].strip(), round(match.score, 1), start, end


# --------------------------------------------------------------------------- carry forward


def carry_forward(
    from_key: str,
    year: int,
    document_id: str,
    *,
    data_dir: Path,
    sources_dir: Path,
    force: bool = False,
) -> CarryReport:
    data_dir = Path(data_dir)
    source_file = data_dir / "policies" / f"{from_key}.yaml"
    if not source_file.is_file():
        raise CarryForwardError(f"{source_file}: no such policy record (FROM_KEY is <insurer>-<year>, e.g. zz-2024)")
    doc = read_yaml(source_file, f"policies/{source_file.name}")
    if doc.problems or not isinstance(doc.data, dict):
        raise CarryForwardError(f"{source_file}: cannot read it; run python -m policy_model validate first")
    record: dict[str, Any] = doc.data
    sources = read_yaml(data_dir / "sources.yaml", "sources.yaml").data or {}
    entry = next((s for s in sources.get("sources") or [] if isinstance(s, dict) and s.get("id") == document_id), None)
    if entry is None:
        raise CarryForwardError(f"{document_id!r} is not in {data_dir / 'sources.yaml'}; add it first (add-source)")
    text_path = Path(sources_dir) / str(entry.get("file"))
    if not text_path.is_file():
        raise CarryForwardError(f"{text_path}: the text of {document_id!r} is not in the sources folder")
    insurer = record.get("insurer")
    old_year = int(record.get("year"))
    target = data_dir / "policies" / f"{insurer}-{year}.yaml"
    if target.exists() and not force:
        raise CarryForwardError(f"{target}: already exists (use --force to overwrite it)")

    raw = text_path.read_text(encoding="utf-8")
    outline = build_outline(raw)
    paras = paragraphs(raw, outline)
    old_documents = set(record.get("documents") or [])
    report = CarryReport(from_key, f"{insurer}-{year}", document_id, str(target))
    cited: list[tuple[int, int]] = []
    matched: list[tuple[int, int]] = []  # best matches of marked facts

    for loc, src in _sources(record):
        if src.get("document") not in old_documents:
            continue
        src["document"] = document_id
        quote, old_section = str(src.get("quote", "")), str(src.get("section", ""))
        path = _path(loc)
        offsets = outline.occurrences(quote)
        if offsets:
            length = len(normalise(quote))
            cited.extend((at, at + length) for at in offsets)
            section = old_section
            if not any(section_matches(old_section, at, outline) for at in offsets):
                section = describe(outline.chain_at(offsets[0]))
                src["section"] = section
            result = FactResult(path, "kept", quote, old_section, section)
            report.kept.append(result)
            if section != old_section:
                report.relocated.append(result)
        else:
            passage, score, start, end = best_passage(quote, outline.text)
            review: dict[str, Any] = {"reason": f"quote not found in {text_path.name}"}
            if passage:
                review |= {"best_match": passage, "similarity": score}
                matched.append((start, end))
            src["review"] = review
            report.marked.append(FactResult(path, "marked", quote, old_section, old_section, passage, score))

    delta = year - old_year
    report.shifted_dates = _shift(record, delta)
    for para in paras:
        if len(para.text.split()) < MIN_UNCITED_WORDS:
            continue
        if any(start < para.end and para.start < end for start, end in cited + matched):
            continue
        report.uncited.append(para)

    new = _new_record(record, year, old_year, document_id)
    header = (
        f"# DRAFT carried forward from {from_key} against {document_id} ({text_path.name}) on {dt.date.today()}:\n"
        f"# {len(report.kept)} fact(s) kept, {len(report.marked)} marked for review (source.review).\n"
        "# Handle every review mark (update or remove the fact, then delete the mark), check the dates,\n"
        "# add what the new document says that no fact cites, then remove 'draft: true'.\n"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(header + yaml.safe_dump(new, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
    return report


def _new_record(record: dict[str, Any], year: int, old_year: int, document_id: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key in ("partial", "derived_note", "draft"):
            continue
        if key == "year":
            out["year"] = year
            out["draft"] = True
            continue
        if key == "documents":
            value = [document_id]
        elif key == "title" and isinstance(value, str):
            value = value.replace(str(old_year), str(year))
        out[key] = value
    out.setdefault("draft", True)
    return out


def _sources(node: Any, loc: tuple = ()) -> list[tuple[tuple, dict]]:
    """Every citation mapping (document/section/quote) in a raw YAML tree, with its path."""
    found: list[tuple[tuple, dict]] = []
    if isinstance(node, dict):
        if {"document", "section", "quote"} <= node.keys():
            found.append((loc, node))
            return found
        for key, value in node.items():
            found.extend(_sources(value, (*loc, key)))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found.extend(_sources(item, (*loc, index)))
    return found


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _shift(node: Any, delta: int) -> int:
    """Move ISO dates and ``against_year`` by ``delta`` years; returns how many moved."""
    moved = 0
    if isinstance(node, dict):
        for key, value in node.items():
            if key in DATE_FIELDS and isinstance(value, str):
                try:
                    day = dt.date.fromisoformat(value)
                except ValueError:
                    continue
                try:
                    node[key] = day.replace(year=day.year + delta).isoformat()
                except ValueError:  # 29 February
                    node[key] = day.replace(year=day.year + delta, day=28).isoformat()
                moved += delta != 0
            elif key == "against_year" and isinstance(value, int):
                node[key] = value + delta
            else:
                moved += _shift(value, delta)
    elif isinstance(node, list):
        for item in node:
            moved += _shift(item, delta)
    return moved
