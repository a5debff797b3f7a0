"""How well a review points a curator at the right places: measured against a curated record.

Given the review of an old record against a new document, and the record a curator made
from that document by hand (the ground truth), each curated fact is *reached* when the
review shows its passage:

- as a kept fact's quote (the old fact stands and already cites it);
- as an uncited passage (a candidate for a new fact);
- as the suggestion for a marked old fact *of the same kind and subject* (the same
  requirement topic, route, programme, timeline activity, ...): a right suggestion.

A curated fact whose passage is covered only by wrong suggestions (a confident suggestion
for an old fact about something else, so not listed as uncited either) is *hidden*; one
the review does not show at all is *missed*. Used by the tests (CZ 2024 -> 2027) and by
``tools/measure_review.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policy_model.curation.review import DocumentReview
from policy_model.quotes import normalise

#: The field that says what a fact in each list of a record is about.
SUBJECT_FIELD = {
    "programmes": "programme", "registries": "registry", "contract_routes": "route", "contract_periods": "route",
    "tariffs": "kind", "applications": "channel", "contacts": "channel", "timeline": "kind",
    "requirements": "topic", "provisions": "topic", "changes": "topic", "open_items": "topic",
}


@dataclass
class Reach:
    total: int = 0
    kept: list[str] = field(default_factory=list)
    uncited: list[str] = field(default_factory=list)
    suggested: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    not_in_text: list[str] = field(default_factory=list)

    @property
    def reached(self) -> int:
        return len(set(self.kept) | set(self.uncited) | set(self.suggested))

    @property
    def share(self) -> float:
        return self.reached / self.total if self.total else 0.0

    def line(self) -> str:
        return (f"{self.reached}/{self.total} curated facts reached ({self.share:.0%}): {len(self.kept)} by a kept "
                f"quote, {len(self.uncited)} in an uncited passage, {len(self.suggested)} by a right suggestion; "
                f"{len(self.hidden)} hidden by wrong suggestions, {len(self.missed)} missed"
                + (f", {len(self.not_in_text)} curated quotes not in the text" if self.not_in_text else ""))


def subject(record: dict[str, Any], path: str) -> tuple[str, str] | None:
    """``("requirements", "quality_register")`` for ``requirements[3].source``."""
    head = path.split("[", 1)[0].split(".", 1)[0]
    if head not in SUBJECT_FIELD or "[" not in path:
        return None
    try:
        index = int(path.split("[", 1)[1].split("]", 1)[0])
        item = record[head][index]
    except (KeyError, IndexError, ValueError, TypeError):
        return None
    return head, str(item.get(SUBJECT_FIELD[head])) if isinstance(item, dict) else ""


def measure(review: DocumentReview, old_record: dict[str, Any], curated: dict[str, Any],
            curated_citations: list[tuple[str, str]]) -> Reach:
    """Reachability of ``curated_citations`` (path, quote) of the curated record in ``review``."""
    reach = Reach()
    kept = [(f.start, f.end) for f in review.facts if f.status == "kept" and f.start is not None]
    uncited = [(u.start, u.end) for u in review.uncited]
    suggestions = [(f.start, f.end, subject(old_record, f.path), f.confident)
                   for f in review.facts if f.status != "kept" and f.start is not None]
    for path, quote in curated_citations:
        reach.total += 1
        offsets = review.outline.occurrences(quote)
        if not offsets:
            reach.not_in_text.append(path)
            continue
        span = (offsets[0], offsets[0] + max(1, len(normalise(quote))))
        own = subject(curated, path)
        hit = False
        if _any_overlap(span, kept):
            reach.kept.append(path)
            hit = True
        if _any_overlap(span, uncited):
            reach.uncited.append(path)
            hit = True
        touching = [s for s in suggestions if s[0] < span[1] and span[0] < s[1]]
        if any(s[2] == own for s in touching):
            reach.suggested.append(path)
            hit = True
        if not hit:
            (reach.hidden if any(s[3] for s in touching) else reach.missed).append(path)
    return reach


def _any_overlap(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)
