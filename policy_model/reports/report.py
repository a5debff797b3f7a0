"""Self-contained HTML reports (for a meeting): a policy comparison, printable to PDF.

The wizard's printable checklist lives with the wizard (:mod:`policy_model.wizard.report`).

Every piece of data text is escaped with :func:`html.escape`; the page has no scripts
and no external resources, so it opens offline and prints cleanly from any browser.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from policy_model.catalogue import Catalogue
from policy_model.comparison.diff import (
    KIND_LABELS,
    ONE_SIDED,
    REAL_CHANGES,
    DiffItem,
    PolicyDiff,
    class_label,
    row_label,
)
from policy_model.comparison.diff_output import count_phrase, later_note
from policy_model.schema import Source

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;color:#222;line-height:1.45}
h1{font-size:1.6rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9rem} th,td{border:1px solid #ccc;padding:.35rem;vertical-align:top;text-align:left}
th{background:#f2f2f2} .added{background:#e3f3ec} .removed{background:#fbe3d6} .changed{background:#fdf3d0}
.src{color:#555;font-size:.8rem} @media print{body{margin:0}}
"""


def _sources(catalogue: Catalogue, sources: tuple[Source, ...]) -> str:
    parts = []
    for source in sources:
        doc = catalogue.source(source.document)
        parts.append(
            f"<div class='src'>{escape(doc.title)}, § {escape(source.section)}: “{escape(source.quote)}”</div>"
        )
    return "".join(parts)


def html_page(title: str, body: str, generated: dt.date) -> str:
    return (
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"{body}<p class='src'>Gemaakt met de GLI-inkoopwijzer op {generated:%d-%m-%Y}. "
        "Elk gegeven komt uit het genoemde brondocument.</p></body></html>"
    )


def diff_report_html(catalogue: Catalogue, diff: PolicyDiff, generated: dt.date) -> str:
    """The computed comparison of two policies as one printable HTML page.

    The headline counts only real changes (both documents settle the subject), the
    document's own change list first; what only one document settles or mentions, and
    rewordings, follow in their own, explained sections, grouped by kind with counts.
    """
    old, new = catalogue.policy_label(diff.old), catalogue.policy_label(diff.new)
    counts = diff.counts
    one_sided = diff.of_classes(ONE_SIDED)
    body = [
        f"<h1>Vergelijking GLI-inkoopbeleid: {escape(old)} → {escape(new)}</h1>",
        f"<p>{escape(count_phrase(diff, old, new))}. "
        f"{len(one_sided)} punt(en) legt maar één van beide documenten vast of noemt er maar één; dat is geen "
        f"wijziging. {counts['reworded']} anders verwoord.{escape(later_note(diff, old, new))}</p>",
        "<h2>Verschillen</h2>",
        _diff_table(catalogue, diff.of_classes(REAL_CHANGES), old, new, diff.neutral_labels,
                    not diff.across_insurers),
        "<h2>Alleen in één document vastgelegd of vermeld</h2>",
        "<p>Het andere document zegt er niets over, alleen in algemene termen, of regelt het elders; "
        "of er iets veranderde, zegt het niet.</p>",
        _diff_table(catalogue, one_sided, old, new, diff.neutral_labels, not diff.across_insurers),
        "<h2>Anders verwoord</h2>",
        _diff_table(catalogue, diff.of_classes(("reworded",)), old, new),
    ]
    return html_page(f"Vergelijking {old} – {new}", "".join(body), generated)


def _diff_table(catalogue: Catalogue, items: list[DiffItem], old: str, new: str, across: bool = False,
                same_insurer: bool = False) -> str:
    if not items:
        return "<p>Geen.</p>"
    rows = []
    css = {"added": "added", "removed": "removed", "changed": "changed"}
    for kind, heading in KIND_LABELS.items():
        group = [i for i in items if i.kind == kind]
        if not group:
            continue
        rows.append(f"<h3>{escape(heading)} ({len(group)})</h3>"
                    f"<table><tr><th>Wat</th><th>Soort</th><th>{escape(old)}</th><th>{escape(new)}</th></tr>")
        for item in group:
            for line in (item, *item.evidence):
                stated = "<br><i>in de wijzigingenlijst van het document</i>" if line.stated_by_document else ""
                what = "Wijzigingenlijst: " + line.subject if line.kind == "stated" else row_label(line)
                rows.append(
                    f"<tr class='{css.get(line.cls, '')}'><td>{escape(what)}</td>"
                    f"<td>{escape(class_label(line, old, new, across=across, same_insurer=same_insurer))}{stated}</td>"
                    f"<td>{_side(line.before_label, line.before)}{_sources(catalogue, line.before_sources)}</td>"
                    f"<td>{_side(line.after_label, line.after)}{_sources(catalogue, line.after_sources)}</td></tr>"
                )
        rows.append("</table>")
    return "".join(rows)


def _side(label: str, text: str | None) -> str:
    if text is None:
        return "–"
    return (f"<b>{escape(label)}</b><br>" if label else "") + escape(text)
