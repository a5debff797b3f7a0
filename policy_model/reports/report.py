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
    DIFF_CLASS_LABELS,
    KIND_LABELS,
    ONLY_IN_ONE,
    REAL_CHANGES,
    DiffItem,
    PolicyDiff,
)
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

    The headline counts only real changes (both documents address the subject); what only
    one document mentions follows in its own, explained section.
    """
    old, new = catalogue.policy_label(diff.old), catalogue.policy_label(diff.new)
    counts = diff.counts
    only = counts["only_in_from"] + counts["only_in_to"]
    body = [
        f"<h1>Vergelijking GLI-inkoopbeleid: {escape(old)} → {escape(new)}</h1>",
        f"<p>{counts['changed']} gewijzigd, {counts['added']} nieuw, {counts['removed']} vervallen. "
        f"{only} onderwerp(en) staan maar in één van beide documenten; dat is geen wijziging.</p>",
    ]
    body.append("<h2>Verschillen</h2>")
    body.append(_diff_table(catalogue, [i for i in diff.items if i.cls in REAL_CHANGES], old, new))
    body.append("<h2>Alleen in één document vermeld</h2>")
    body.append("<p>Het andere document gaat niet over dit onderwerp; of er iets veranderde, zegt het niet.</p>")
    body.append(_diff_table(catalogue, [i for i in diff.items if i.cls in ONLY_IN_ONE], old, new))
    return html_page(f"Vergelijking {old} – {new}", "".join(body), generated)


def _diff_table(catalogue: Catalogue, items: list[DiffItem], old: str, new: str) -> str:
    if not items:
        return "<p>Geen.</p>"
    rows = [f"<table><tr><th>Wat</th><th>Soort</th><th>{escape(old)}</th><th>{escape(new)}</th></tr>"]
    css = {"added": "added", "removed": "removed", "changed": "changed"}
    for item in items:
        stated = "<br><i>in de wijzigingenlijst van het document</i>" if item.stated_by_document else ""
        rows.append(
            f"<tr class='{css.get(item.cls, '')}'><td>{escape(KIND_LABELS[item.kind])}: {escape(item.subject)}</td>"
            f"<td>{escape(DIFF_CLASS_LABELS[item.cls])}{stated}</td>"
            f"<td>{escape(item.before or '–')}{_sources(catalogue, item.before_sources)}</td>"
            f"<td>{escape(item.after or '–')}{_sources(catalogue, item.after_sources)}</td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)

