"""The timeline as a readable list and as a printable hand-out (one to two A4 pages).

One list per policy record: its contract periods and every timeline item, dated ones in
date order and then those the document gives without a day ("September 2023"). The
Tijdlijn page shows the list instead of the chart on a phone; the hand-out prints it for
a meeting. Every piece of data text is escaped with :func:`html.escape`; the page has no
scripts and no external resources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from policy_model.catalogue import Catalogue
from policy_model.reports.handout import sources_html
from policy_model.schema import ContractPeriod, Policy, Source
from policy_model.timeline import date_qualifier, running_words
from policy_model.vocab import ROUTE_LABELS, TIMELINE_KIND_LABELS


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the list: a dated (or undated) activity or a contract period."""

    date: dt.date | None  # the day it starts, None when the document gives no day
    when: str  # as a reader should see it: "9-11-2023", "1-1-2026 t/m 31-12-2027", "September 2023"
    what: str  # the kind of activity, or "Looptijd <route>"
    text: str
    routes: tuple[str, ...]
    source: Source
    period: bool = False


def short_date(value: dt.date) -> str:
    return f"{value.day}-{value.month}-{value.year}"


def _period_text(period: ContractPeriod, year: int) -> str:
    """"Regionale huisartsenorganisatie (RHO) (2 jaar); loopt al sinds 2026"."""
    running = running_words(period, year)
    return f"{period.label} ({period.duration_text})" + (f"; {running}" if running else "")


def policy_entries(policy: Policy) -> list[TimelineEntry]:
    """The periods and timeline items of one record: dated ones by date, then the undated."""
    entries = []
    for period in policy.contract_periods:
        when = (f"{short_date(period.start)} t/m {short_date(period.end)}" if period.start and period.end
                else period.duration_text)
        entries.append(TimelineEntry(period.start, when, f"Looptijd {ROUTE_LABELS[period.route]}",
                                     _period_text(period, policy.year) if period.start and period.end else period.label,
                                     (period.route,), period.source, period=True))
    for item in policy.timeline:
        when = item.date_text
        if item.date:
            when = (date_qualifier(item.date_text) + short_date(item.date)
                    + (f" t/m {short_date(item.date_end)}" if item.date_end else ""))
        entries.append(TimelineEntry(item.date, when, TIMELINE_KIND_LABELS[item.kind], item.activity,
                                     tuple(item.routes), item.source))
    dated = sorted((e for e in entries if e.date), key=lambda e: (e.date, not e.period))
    return dated + [e for e in entries if not e.date]


def timeline_entries(policies: Sequence[Policy]) -> dict[str, list[TimelineEntry]]:
    """Per policy key, in the order of ``policies``; records without any entry are left out."""
    out = {p.key: policy_entries(p) for p in policies}
    return {key: entries for key, entries in out.items() if entries}


def _grouped(entries: list[TimelineEntry]) -> list[list[TimelineEntry]]:
    """Consecutive contract periods with the same dates together; every other entry alone."""
    groups: list[list[TimelineEntry]] = []
    for entry in entries:
        last = groups[-1][0] if groups else None
        if entry.period and last is not None and last.period and last.when == entry.when:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return groups


_CSS = """
@page { size: A4; margin: 10mm 9mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Arial, sans-serif; font-size: 8pt; line-height: 1.2;
       color: #111; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 14pt; margin: 0 0 1mm; } h2 { font-size: 10pt; margin: 2.5mm 0 0.8mm; break-after: avoid; }
p { margin: 0 0 1.2mm; } .meta { color: #444; font-size: 7.5pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.5pt solid #aaa; padding: 0.5mm 1mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eee; } tr { break-inside: avoid; }
col.when { width: 15%; } col.what { width: 20%; }
tr.period td { background: #f3f6fa; } .src { color: #444; font-size: 7pt; }
ul.src { margin: 0; padding-left: 4mm; }
@media print { body { max-width: none; } a { color: inherit; text-decoration: none; } }
"""


def timeline_handout_html(catalogue: Catalogue, policies: Sequence[Policy], generated: dt.date, *,
                          link: str | None = None) -> str:
    """The timeline of the chosen records as one self-contained HTML page with print CSS."""
    policies = list(policies)
    labels = {p.key: catalogue.policy_label(p) for p in policies}
    entries = timeline_entries(policies)
    body = [
        f"<h1>Tijdlijn GLI-inkoopbeleid: {escape(' · '.join(labels.values()))}</h1>",
        f"<p class='meta'>Hand-out gemaakt met de GLI-inkoopwijzer op {short_date(generated)}"
        + (f" · deze tijdlijn online: {escape(link)}" if link else "")
        + ". Per beleidsdocument: de looptijden van de overeenkomsten (blauw) en de stappen van het "
        "contracteerproces, op datum; data zonder precieze dag staan onderaan. Bij elke regel de paragraaf "
        "van het brondocument.</p>",
    ]
    for policy in policies:
        rows = entries.get(policy.key)
        if not rows:
            continue
        body.append(
            f"<h2>{escape(labels[policy.key])} <span class='meta'>({escape(catalogue.document_kind_label(policy))})"
            "</span></h2><table><colgroup><col class='when'><col class='what'><col></colgroup>"
            "<tr><th>Wanneer</th><th>Wat</th><th>Omschrijving <span class='src'>(§ paragraaf van de bron)</span></th></tr>"
        )
        for group in _grouped(rows):
            first = group[0]
            if first.period:
                # Periods with the same dates share one row: one line per route.
                what = "Looptijd" if len(group) > 1 else first.what
                text = "; ".join(
                    (f"<b>{escape(ROUTE_LABELS[e.routes[0]])}</b>: " if len(group) > 1 else "") + escape(e.text)
                    for e in group)
            else:
                what = first.what
                routes = ", ".join(ROUTE_LABELS[r] for r in first.routes)
                text = escape(first.text) + (f" <span class='src'>Voor: {escape(routes)}.</span>" if routes else "")
            sections = dict.fromkeys(e.source.section for e in group)
            text += " <span class='src'>(" + "; ".join(f"§ {escape(s)}" for s in sections) + ")</span>"
            css = " class='period'" if first.period else ""
            body.append(f"<tr{css}><td>{escape(first.when)}</td><td>{escape(what)}</td><td>{text}</td></tr>")
        body.append("</table>")
    if not entries:
        body.append("<p>De gekozen beleidsdocumenten noemen geen looptijden of activiteiten.</p>")
    elif empty := [labels[p.key] for p in policies if p.key not in entries]:
        body.append(f"<p class='meta'>Geen looptijden of activiteiten vermeld in: {escape(', '.join(empty))}.</p>")
    body.append(sources_html(catalogue, policies))
    title = "GLI-tijdlijn " + " · ".join(labels.values())
    return (
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>{''.join(body)}</body></html>"
    )
