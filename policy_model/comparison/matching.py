"""Which statement of one record continues which statement of another.

A requirement or provision that continues from one year to the next keeps its identity
(its ``lineage``, else its ``id``) across one insurer's records, as a provision keeps its
work identity across versions in STOP / Akoma Ntoso. Statements are matched on that
identity first; the rest by kind, topic, overlapping roles and text similarity
(rapidfuzz), best pairs first. Word-level views only ever run between matched statements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from policy_model.schema import Provision, Requirement

Statement = Requirement | Provision
MatchedBy = Literal["identity", "similarity"]

#: Text similarity (0–100) two statements without a shared identity need to be read as one.
MATCH_THRESHOLD = 80.0
#: Above this similarity (or with the same quoted sentence) a changed text is a rewording.
REWORDED_THRESHOLD = 90.0


def family(statement: Statement) -> str:
    """``requirement`` (on providers), ``participant`` (who may take part) or ``provision``."""
    if isinstance(statement, Provision):
        return "provision"
    return "participant" if statement.kind == "participant" else "requirement"


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


def similarity(a: Statement, b: Statement) -> float:
    """0–100: the better of the similarity of our texts and of the quoted sentences."""
    return max(
        fuzz.token_sort_ratio(normalised(a.text), normalised(b.text)),
        fuzz.token_sort_ratio(normalised(a.source.quote), normalised(b.source.quote)),
    )


def same_sentence(a: Statement, b: Statement) -> bool:
    """Both cite the same sentence of the same document."""
    return a.source.document == b.source.document and normalised(a.source.quote) == normalised(b.source.quote)


def _roles(statement: Statement) -> set[str]:
    return set(statement.roles) if isinstance(statement, Requirement) else set()


def _comparable(a: Statement, b: Statement) -> bool:
    if family(a) != family(b) or a.topic != b.topic:
        return False
    roles_a, roles_b = _roles(a), _roles(b)
    return not roles_a or not roles_b or bool(roles_a & roles_b)


@dataclass(frozen=True)
class Pair:
    old: Statement | None
    new: Statement | None
    by: MatchedBy | None = None
    score: float = 0.0


def match_statements(old: Sequence[Statement], new: Sequence[Statement], *, use_identity: bool) -> list[Pair]:
    """Pairs in the newer record's order, then the older statements nobody continues.

    ``use_identity``: only between records of one insurer, where identities are kept.
    """
    pairs: dict[int, Pair] = {}  # new index -> pair
    taken_old: set[int] = set()
    if use_identity:
        by_identity = {s.identity: i for i, s in enumerate(old)}
        for j, statement in enumerate(new):
            i = by_identity.get(statement.identity)
            if i is not None and i not in taken_old:
                pairs[j] = Pair(old[i], statement, "identity", 100.0)
                taken_old.add(i)
    # Only statements of one family and topic are compared (:func:`_comparable`): grouped by
    # those first, instead of asking every pair (the diff spent a third of its time there).
    open_old: dict[tuple[str, str], list[tuple[int, Statement, set[str]]]] = {}
    for i, a in enumerate(old):
        if i not in taken_old:
            open_old.setdefault((family(a), a.topic), []).append((i, a, _roles(a)))
    candidates = sorted(
        ((similarity(a, b), i, j) for j, b in enumerate(new) if j not in pairs
         for roles_b in (_roles(b),)
         for i, a, roles_a in open_old.get((family(b), b.topic), ())
         if not roles_a or not roles_b or roles_a & roles_b),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    for score, i, j in candidates:
        if score < MATCH_THRESHOLD:
            break
        if i in taken_old or j in pairs:
            continue
        pairs[j] = Pair(old[i], new[j], "similarity", score)
        taken_old.add(i)
    out = [pairs.get(j, Pair(None, statement)) for j, statement in enumerate(new)]
    out += [Pair(statement, None) for i, statement in enumerate(old) if i not in taken_old]
    return out
