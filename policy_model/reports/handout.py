"""A printable hand-out of the current comparison: one to two A4 pages for a meeting.

The full comparison (every requirement's text) runs to many pages; this hand-out is the
summary that fits on one sheet: the chosen records, what each buys, accepts and
contracts, its key dates, which requirement topics each makes a minimum requirement,
and the documents behind it all. Every piece of data text is escaped with
:func:`html.escape`; the page has no scripts and no external resources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from policy_model.catalogue import Catalogue
from policy_model.comparison.matrix import STATUS_SYMBOLS, requirement_matrix
from policy_model.schema import Policy
from policy_model.vocab import (
    APPLICATION_WINDOW_LABELS,
    AVAILABILITY_LABELS,
    FORCE_LABELS,
    FORCE_ORDER,
    REGISTRY_USE_LABELS,
    ROLE_SHORT_LABELS,
    TIMELINE_KIND_LABELS,
)

#: Short route names: a hand-out cell has little room.
ROUTE_SHORT = {"rho": "RHO", "coach_network": "Samenwerkingsverband", "msv": "Multidisciplinair sv.",
               "zorggroep": "Zorggroep", "individual_coach": "Individuele coach", "runoff": "Uitloop",
               "follow": "Volgen preferente verzekeraar"}
#: Short force names, with a legend on the page.
FORCE_SHORT = {"minimum": "Min", "exclusion": "Uitsl", "obligation": "Verpl", "expectation": "Verw"}
#: Timeline kinds a provider has to act on: the dates a hand-out lists.
KEY_DATES = ("publication", "application", "plan_submission", "objection_deadline", "offer", "signing_deadline",
             "agreement_deadline")

_CSS = """
@page { size: A4; margin: 11mm 10mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Arial, sans-serif; font-size: 8pt; line-height: 1.22;
       color: #111; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 14pt; margin: 0 0 1mm; } h2 { font-size: 10.5pt; margin: 3mm 0 1mm; }
p { margin: 0 0 1.5mm; } .meta { color: #444; font-size: 8pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.6pt solid #999; padding: 0.5mm 1.1mm; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
tr { break-inside: avoid; }
th { background: #eee; } th.row { width: 22%; background: #f6f6f6; }
tr.diff th.row { border-left: 2.5pt solid #E69F00; }
.force-minimum, .force-exclusion { font-weight: 600; }
ul.src { margin: 0; padding-left: 4mm; font-size: 7.5pt; color: #333; }
@media print { body { max-width: none; } a { color: inherit; text-decoration: none; } }
"""


def _years(value: float) -> str:
    amount = int(value) if value == int(value) else value
    return f"{amount} jaar"


def _date(value: dt.date) -> str:
    return f"{value:%d-%m-%Y}"


def _overview(catalogue: Catalogue, policy: Policy) -> dict[str, str]:
    """Short, escaped summaries of one record, per subject."""
    programmes = [
        f"{STATUS_SYMBOLS[p.status]} {catalogue.programme(p.programme).abbreviation or catalogue.programme(p.programme).name}"
        for p in policy.programmes
    ]
    registries: dict[str, list[str]] = {}
    for r in policy.registries:
        name = catalogue.registry(r.registry).abbreviation or catalogue.registry(r.registry).name
        registries.setdefault(REGISTRY_USE_LABELS[r.use].lower(), [])
        if name not in registries[REGISTRY_USE_LABELS[r.use].lower()]:
            registries[REGISTRY_USE_LABELS[r.use].lower()].append(name)
    routes = [
        (f"{r.preference}. " if r.preference else "") + ROUTE_SHORT[r.route]
        + ("" if r.available == "yes" else f" ({AVAILABILITY_LABELS[r.available].lower()})")
        for r in sorted(policy.contract_routes, key=lambda r: (r.preference or 99))
    ]
    periods = [f"{ROUTE_SHORT[p.route]}: " + (_years(p.duration_years) + (" (max.)" if p.maximum else "")
                                              if p.duration_years else p.duration_text)
               for p in policy.contract_periods]
    applying = [APPLICATION_WINDOW_LABELS[a.window] for a in policy.applications]
    dates = sorted((t for t in policy.timeline if t.date and t.kind in KEY_DATES), key=lambda t: t.date)
    return {
        "Programma's": ", ".join(dict.fromkeys(programmes)),
        "Registers": "; ".join(f"{use}: {', '.join(names)}" for use, names in registries.items()),
        "Contracteerroutes": "; ".join(dict.fromkeys(routes)),
        "Looptijd": "; ".join(dict.fromkeys(periods)),
        "Aanvragen": "; ".join(dict.fromkeys(applying)),
        "Belangrijke data": "; ".join(
            f"{_date(t.date)} {TIMELINE_KIND_LABELS[t.kind].lower()}" for t in dates[:5]),
    }


def _cell(text: str) -> str:
    return escape(text) if text else "<span class='meta'>– niet vermeld</span>"


def comparison_handout_html(catalogue: Catalogue, policies: Sequence[Policy], generated: dt.date, *,
                            role: str | None = None, link: str | None = None) -> str:
    """The hand-out as one self-contained HTML page with print CSS (A4, one to two pages)."""
    policies = list(policies)
    labels = [catalogue.policy_label(p) for p in policies]
    width = f"style='width:{76 / max(len(policies), 1):.1f}%'"
    head = "".join(f"<th {width}>{escape(label)}</th>" for label in labels)
    body = [
        f"<h1>GLI-inkoopbeleid naast elkaar: {escape(' · '.join(labels))}</h1>",
        f"<p class='meta'>Hand-out gemaakt met de GLI-inkoopwijzer op {generated:%d-%m-%Y}"
        + (f" · eisen voor de rol {escape(ROLE_SHORT_LABELS[role])}" if role else "")
        + (f" · deze vergelijking online: {escape(link)}" if link else "")
        + ". ‘– niet vermeld’ betekent dat het document er niets over zegt; dat is geen ‘nee’.</p>",
        "<h2>Gekozen beleidsdocumenten</h2><ul class='src'>",
    ]
    for policy, label in zip(policies, labels, strict=True):
        titles = ", ".join(catalogue.source(d).title for d in policy.documents)
        body.append(f"<li><b>{escape(label)}</b>: {escape(catalogue.document_kind_label(policy))} – "
                    f"{escape(titles)}</li>")
    body.append("</ul>")

    overviews = [_overview(catalogue, p) for p in policies]
    body.append(f"<h2>In één oogopslag</h2><table><tr><th class='row'></th>{head}</tr>")
    for subject in overviews[0] if overviews else ():
        values = [o[subject] for o in overviews]
        css = " class='diff'" if len(set(values)) > 1 else ""
        body.append(f"<tr{css}><th class='row'>{escape(subject)}</th>"
                    + "".join(f"<td>{_cell(v)}</td>" for v in values) + "</tr>")
    body.append("</table>")

    rows = [r for r in requirement_matrix(policies, role) if r.kind == "provider"]  # who may take part: in the app
    body.append(
        "<h2>Eisen per onderwerp</h2><p class='meta'>Per onderwerp hoe bindend de eisen zijn, met het aantal: "
        + ", ".join(f"<b>{FORCE_SHORT[f]}</b> = {FORCE_LABELS[f].lower()}" for f in FORCE_ORDER)
        + "; – = niet vermeld. Een balk links: de documenten verschillen op dit onderwerp. De volledige "
        "teksten staan in de app (Contractvoorwaarden) en in de downloads.</p>"
        f"<table><tr><th class='row'>Onderwerp</th>{head}</tr>"
    )
    for row in rows:
        css = " class='diff'" if row.differs else ""
        cells = []
        for policy in policies:
            reqs = row.cells[policy.key].requirements
            counts = {f: sum(1 for r in reqs if r.force == f) for f in FORCE_ORDER}
            text = ", ".join(
                f"<span class='force-{f}'>{FORCE_SHORT[f]}</span>" + (f" {n}" if n > 1 else "")
                for f, n in counts.items() if n
            )
            cells.append(f"<td>{text or '–'}</td>")
        body.append(f"<tr{css}><th class='row'>{escape(row.label)}</th>{''.join(cells)}</tr>")
    body.append("</table>")

    body.append(sources_html(catalogue, policies))
    title = "GLI-hand-out " + " · ".join(labels)
    return (
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>{''.join(body)}</body></html>"
    )


def sources_html(catalogue: Catalogue, policies: Sequence[Policy]) -> str:
    """The documents the chosen records come from, once each: a hand-out's source list."""
    seen: list[str] = []
    for policy in policies:
        seen += [d for d in policy.documents if d not in seen]
    items = []
    for doc_id in seen:
        doc = catalogue.source(doc_id)
        address = f" – {escape(doc.url)}" if doc.url else ""
        items.append(f"<li>{escape(doc.publisher)}: {escape(doc.title)}{address}</li>")
    return "<h2>Bronnen</h2><ul class='src'>" + "".join(items) + "</ul>"
