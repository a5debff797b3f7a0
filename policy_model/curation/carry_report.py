"""The report of ``carry-forward``: a short summary first, then one decision per group.

Marks that differ only in the year are one decision together; reworded passages are shown
word by word against the old quote (:mod:`policy_model.comparison.wording`); passages that
are probably gone say so instead of offering an unrelated "best match"; uncited passages are
whole sentences under their heading, never a bare heading.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass

from policy_model.comparison.wording import diff_plain, word_diff
from policy_model.curation.review import DocumentReview, FactCheck, Uncited

SHOWN_CHARS = 160
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass
class CarryReport:
    from_key: str
    to_key: str
    document: str
    output: str
    review: DocumentReview
    moved_values: int = 0

    @property
    def kept(self) -> list[FactCheck]:
        return self.review.of_status("kept")

    @property
    def marked(self) -> list[FactCheck]:
        return [f for f in self.review.facts if f.status != "kept"]

    @property
    def relocated(self) -> list[FactCheck]:
        return [f for f in self.kept if f.relocated]

    @property
    def uncited(self) -> list[Uncited]:
        return self.review.uncited

    def counts(self) -> dict[str, int]:
        counts = self.review.counts()
        return {"kept": counts["kept"], "marked": len(self.marked), **counts, "moved_values": self.moved_values}

    def summary(self) -> str:
        return f"{self.to_key}: {self.review.summary()}"

    def header_lines(self, file_name: str, today: dt.date) -> list[str]:
        """The comment at the top of the draft: where it comes from and what to do."""
        return [
            f"DRAFT carried forward from {self.from_key} against {self.document} ({file_name}) on {today}.",
            f"Review summary: {self.review.summary()}.",
            "Handle every source.review mark (rewrite the fact and its values from the new passage, or",
            "delete the fact; then delete the mark), add what the uncited passages say,",
            "then remove 'draft: true' and run python -m policy_model validate.",
        ]

    def to_json(self) -> str:
        data = {
            "from": self.from_key, "to": self.to_key, "document": self.document, "output": self.output,
            "summary": self.review.summary(),
            "counts": self.counts(),
            "marked": [_fact_json(f) for f in self.marked],
            "relocated": [_fact_json(f) for f in self.relocated],
            "uncited": [asdict(p) for p in self.uncited],
        }
        return json.dumps(data, ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        out = [f"{self.from_key} -> {self.to_key} against {self.document}: wrote {self.output}",
               f"Review summary: {self.review.summary()}; {self.moved_values} value(s) of kept facts moved to "
               "the new year (only where the quote does not state them)"]
        year_only = self.review.of_status("year_only")
        if year_only:
            out.append(f"\nOnly the year differs ({len(year_only)}): one decision for all of them. Each quote "
                       "occurs with other years; take the new passages and check the dates:")
            out.extend(f"  {f.path}: {_short(f.passage)!r}" for f in year_only)
        changed = self.review.of_status("changed")
        if changed:
            out.append(f"\nGewijzigd ({len(changed)}): the quote is not in the new document; the most similar "
                       "sentence(s), word by word against the old quote ([-old-] {+new+}):")
            for f in changed:
                out.append(f"  {f.path} ({f.similarity:.0f}/100, {f.section}):")
                out.append(f"      {_short(diff_plain(word_diff(f.quote, f.passage or '')), 2 * SHOWN_CHARS)}")
                if f.values:
                    out.append(f"      the new passage states: {', '.join(f.values)}")
        gone = self.review.of_status("probably_deleted")
        if gone:
            out.append(f"\nWaarschijnlijk verwijderd ({len(gone)}): no passage of the new document is like "
                       "the quote:")
            out.extend(f"  {f.path}: {_short(f.quote)!r}" for f in gone)
        moved = [f for f in self.relocated if _YEAR.sub("#", f.old_section) != _YEAR.sub("#", f.section)]
        if self.relocated:
            out.append(f"\nStill there, under another heading ({len(self.relocated)}, of which "
                       f"{len(self.relocated) - len(moved)} only the heading's year moved on; section updated):")
            out.extend(f"  {f.path}: {f.old_section!r} -> {f.section!r}" for f in moved)
        if self.uncited:
            out.append(f"\nPassages no fact cites ({len(self.uncited)}; candidates for new facts):")
            for p in self.uncited:
                also = f" (also suggested for {', '.join(p.suggested_for)})" if p.suggested_for else ""
                out.append(f"  line {p.line} [{p.section}]{also}: {_short(p.text)}")
        return "\n".join(out)


def _fact_json(f: FactCheck) -> dict:
    return {"path": f.path, "status": f.status, "quote": f.quote, "old_section": f.old_section,
            "section": f.section, "best_match": f.passage, "similarity": f.similarity, "values": f.values}


def _short(text: str | None, limit: int = SHOWN_CHARS) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"
