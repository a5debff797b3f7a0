"""The comparison as JSON and as plain text (``python -m policy_model diff``)."""

from __future__ import annotations

from policy_model.catalogue import Catalogue
from policy_model.comparison.diff import (
    KIND_LABELS,
    ONE_SIDED,
    REAL_CHANGES,
    DiffItem,
    PolicyDiff,
    class_label,
    other_side_text,
    row_label,
)
from policy_model.describe import roles_phrase
from policy_model.schema import Source


def _source_json(source: Source | None) -> dict | None:
    return {"document": source.document, "section": source.section, "quote": source.quote} if source else None


def _item_json(item: DiffItem) -> dict:
    out = {
        "kind": item.kind,
        "key": item.key,
        "subject": item.subject,
        "class": item.cls,
        "from": item.before,
        "to": item.after,
        "from_label": item.before_label or None,
        "to_label": item.after_label or None,
        "roles": list(item.roles),
        "roles_stated": item.roles_stated,
        # The year a stated change is stated against (its document's own list); null for the others.
        "against_year": item.change.against_year if item.change is not None else None,
        "stated_by_document": item.stated_by_document,
        "other_side": item.other_side,
        "deferral": _source_json(item.deferral),
        # Per group of roles, where the other document does different things for different roles.
        "readings": [{"roles": list(r.roles), "other_side": r.other_side, "deferral": _source_json(r.deferral)}
                     for r in item.readings],
        "sources": [
            {"side": side, "document": s.document, "section": s.section, "quote": s.quote}
            for side, sources in (("from", item.before_sources), ("to", item.after_sources))
            for s in sources
        ],
    }
    if item.kind == "stated":
        out["evidence"] = [_item_json(e) for e in item.evidence]
    return out


def diff_json(diff: PolicyDiff) -> dict:
    """The documented JSON shape of ``python -m policy_model diff --format json``."""
    return {"from": diff.old.key, "to": diff.new.key, "counts": diff.counts,
            "items": [_item_json(i) for i in diff.items]}


def _against(item: DiffItem) -> str:
    """" (ten opzichte van 2026)" after a stated change: the year its document states it against, so a
    change listed but not counted reads as such beside the headline (LOOK O #4)."""
    if item.change is None or f"ten opzichte van {item.change.against_year}" in item.subject:
        return ""  # the change's own words may say it already (ZZ 2024 §1, audit R #5)
    return f" (ten opzichte van {item.change.against_year})"


def _lines(item: DiffItem, old: str, new: str, indent: str = "", across: bool = False,
           same_insurer: bool = False) -> list[str]:
    mark = " (in de wijzigingenlijst van het document)" if item.stated_by_document and item.kind != "stated" else ""
    who = f" [voor {roles_phrase(item.roles, stated=item.roles_stated)}]" if item.roles and item.kind == "requirement" else ""
    lines = [f"{indent}- [{row_label(item) if item.kind != 'stated' else 'Wijzigingenlijst'}] "
             + (f"{class_label(item, old, new)}{_against(item)}: {item.subject}" if item.kind == "stated"
                else f"{class_label(item, old, new, across=across, same_insurer=same_insurer)}{who}{mark}")]
    if item.kind != "stated":
        for label, side, text in ((item.before_label, old, item.before), (item.after_label, new, item.after)):
            if text is not None:
                tag = f" ({label})" if label else ""
                lines.append(f"{indent}    {side}{tag}: {' | '.join(text.splitlines())}")
    if item.other_side or item.readings:
        lines.append(f"{indent}    ({other_side_text(item)})")
    for evidence in item.evidence:
        lines += _lines(evidence, old, new, indent + "    ")
    return lines


def count_phrase(diff: PolicyDiff, old_label: str, new_label: str) -> str:
    """The headline's counts: "gewijzigd, nieuw, vervallen" from an older year to a newer one of
    one insurer, otherwise what only one of the two has (:attr:`PolicyDiff.neutral_labels`)."""
    counts = diff.counts
    if diff.neutral_labels:
        return (f"{counts['changed']} verschillend, {counts['added']} alleen in {new_label}, "
                f"{counts['removed']} alleen in {old_label}")
    return f"{counts['changed']} gewijzigd, {counts['added']} nieuw, {counts['removed']} vervallen"


def headline_notes(diff: PolicyDiff, old_label: str, new_label: str) -> list[str]:
    """What to read beside the headline, one sentence each, for the page, the text reading and the
    report: a comparison from a newer year back to an older one, and what :attr:`PolicyDiff.counts`
    leaves out: topics where both insurers set conditions in their own words, and changes a later
    record states against a year after the older record's."""
    notes = []
    if diff.backwards:
        notes.append(f"{old_label} is nieuwer dan {new_label}: wat maar één van beide heeft, heet hier ‘alleen in’, "
                     f"niet nieuw of vervallen. De eigen wijzigingenlijst van {old_label} staat bij de vergelijking "
                     f"van {new_label} naar {old_label}.")
    if own := diff.own_words:
        notes.append(f"Niet meegeteld: {len(own)} onderwerp(en) waarop beide verzekeraars eisen stellen, elk in "
                     "eigen woorden; ze staan hieronder bij de verschillen, naast elkaar.")
    if later := diff.stated_after_old:
        years = ", ".join(sorted({str(i.change.against_year) for i in later if i.change}))
        notes.append(f"Niet meegeteld: {len(later)} wijziging(en) die een later beleidsdocument noemt ten opzichte "
                     f"van {years}, een jaar na {old_label}; ze staan hieronder met dat jaar.")
    return notes


def later_note(diff: PolicyDiff, old_label: str, new_label: str) -> str:
    """The :func:`headline_notes` after a headline, or ""."""
    return "".join(f" {note}" for note in headline_notes(diff, old_label, new_label))


def diff_text(catalogue: Catalogue, diff: PolicyDiff) -> str:
    """A plain-text reading: real changes (the document's own list first), then what one
    document works out or mentions alone, then rewordings."""
    old, new = catalogue.policy_label(diff.old), catalogue.policy_label(diff.new)
    counts = diff.counts
    lines = [f"{old} -> {new}",
             f"{count_phrase(diff, old, new)}; {sum(counts[c] for c in ONE_SIDED)} alleen in één document vastgelegd "
             f"of vermeld; {counts['reworded']} anders verwoord." + later_note(diff, old, new)]
    for title, classes in (("Verschillen", REAL_CHANGES), ("Alleen in één document vastgelegd of vermeld", ONE_SIDED),
                           ("Anders verwoord", ("reworded",))):
        chosen = diff.of_classes(classes)
        if not chosen:
            continue
        lines += ["", f"== {title} =="]
        for kind, heading in KIND_LABELS.items():
            group = [i for i in chosen if i.kind == kind]
            if group:
                lines.append(f"-- {heading} ({len(group)}) --")
                for item in group:
                    lines += _lines(item, old, new, across=diff.neutral_labels,
                                    same_insurer=not diff.across_insurers)
    return "\n".join(lines)
