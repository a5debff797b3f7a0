"""The side-by-side rows as text for other uses: word by word against an older record, plain
cells and a table for CSV/XLSX, and rows for paper (:mod:`policy_model.comparison.text_rows`
makes the rows; this module only writes them out)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from policy_model.catalogue import Catalogue
from policy_model.comparison.text_rows import Entry, TextRow
from policy_model.comparison.wording import diff_plain, pair_texts, word_diff
from policy_model.describe import addressees_label
from policy_model.schema import Policy
from policy_model.vocab import NOT_STATED_LABEL


@dataclass(frozen=True)
class Worded:
    """An entry of a newer record beside the older record of the same insurer."""

    entry: Entry | None          # None: a sentence of the older record with no successor
    before: str | None           # the paired older text (None: new sentence)

    def segments(self):
        if self.entry is None:
            return word_diff(self.before or "", "")
        return word_diff(self.before or "", self.entry.text)


def worded(before: Sequence[Entry], after: Sequence[Entry]) -> list[Worded]:
    """Each newer entry with the older sentence it rewords (see :func:`pair_texts`),
    then the older sentences without a successor. Only statements for the chosen role are
    compared: a text for another role or a reference elsewhere is not a rewording."""
    before = [e for e in before if e.is_statement]
    after = [e for e in after if e.is_statement]
    pairs = pair_texts([e.text for e in before], [e.text for e in after])
    return [
        Worded(after[j] if j is not None else None, before[i].text if i is not None else None)
        for i, j in pairs
    ]


def other_roles_label(entries: Sequence[Entry]) -> str:
    """``Alleen voor RHO, Samenwerkingsverband`` for entries stated for other roles."""
    return "Alleen voor " + (addressees_label(e for e in entries if e.kind == "other_role") or "een andere rol")


def cell_text(entries: Sequence[Entry]) -> str:
    """A cell as plain text for exports: one line per entry, label first; a topic stated
    for another role or referred elsewhere says so instead of "niet vermeld"."""
    if not entries:
        return f"– {NOT_STATED_LABEL}"
    lines = [": ".join(x for x in (e.label, e.text) if x) + (f" ({e.detail})" if e.detail else "") for e in entries]
    if entries[0].kind == "other_role":
        return f"– {other_roles_label(entries)}:\n" + "\n".join(lines)
    return "\n".join(lines)


def export_rows(catalogue: Catalogue, rows: Sequence[TextRow], policies: Sequence[Policy], first: str,
                word_changes: dict[str, str] | None = None) -> list[dict]:
    """The rows as a table (one column per policy), with what differs, for CSV/XLSX.

    ``word_changes`` maps a policy key to the key of the older record it is worded against:
    its column then shows ``[-deleted-]`` and ``{+added+}`` words.
    """
    labels = {p.key: catalogue.policy_label(p) for p in policies}
    out = []
    for row in rows:
        record: dict = {first: row.label, "Verschilt in": row.difference_note(labels)}
        for policy in policies:
            entries = row.cells.get(policy.key, ())
            older = (word_changes or {}).get(policy.key)
            if older is not None and not row.words_comparable(policy.key, older):
                # Plain text here would read as "wording unchanged": say why it is not compared.
                record[labels[policy.key]] = f"{cell_text(entries)}\n({row.word_note(policy.key, older, labels)})"
            elif older is not None and _statements(entries) and _statements(row.cells.get(older, ())):
                record[labels[policy.key]] = "\n".join(
                    diff_plain(w.segments()) for w in worded(row.cells[older], entries))
            else:
                record[labels[policy.key]] = cell_text(entries)
        out.append(record)
    return out


def _statements(entries: Sequence[Entry]) -> list[Entry]:
    return [e for e in entries if e.is_statement]


def for_print(row: TextRow, labels: dict[str, str]) -> TextRow:
    """The row for paper, where nothing opens on a click: a record that states the topic only
    for other roles (or refers elsewhere) gets an empty cell, and the row's label says so,
    "Inschrijving KvK (CZ 2027: alleen voor Individuele coach)", so that it is neither
    printed as the role's requirement nor read as "niet vermeld"."""
    notes, cells = [], {}
    for key, entries in row.cells.items():
        if entries and entries[0].kind in ("other_role", "deferral"):
            what = other_roles_label(entries).lower() if entries[0].kind == "other_role" else "verwezen naar elders"
            notes.append(f"{labels.get(key, key)}: {what}")
            entries = ()
        cells[key] = entries
    label = f"{row.label} ({'; '.join(notes)})" if notes else row.label
    return replace(row, label=label, cells=cells)
