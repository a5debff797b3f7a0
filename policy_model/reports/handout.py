"""A printable hand-out of a comparison: what differs, in full, on one to two A4 pages.

A meeting needs the requirements themselves, not counts of them: the hand-out prints the
rows that differ between the chosen records with each record's full text side by side
(for the chosen role, which it names), the rows only one record states (per record: the
others are silent, which is no "nee"), how many rows say the same everywhere and which,
an "in één oogopslag" table (programmes, registers, routes, periods, applying, dates) and
the documents behind it. Every printed page says "pagina x van y".

Two A4 pages hold about 20,000 characters of requirement text at 7.5 pt; three records'
differing requirements for one role can hold more. So the hand-out prints every binding
statement (minimum requirement, exclusion ground, obligation) in full, and expectations in
full as well when :func:`estimated_pages` says the whole still fits two pages; otherwise
it names the topics where expectations differ, with their number, and points to the app
and the Excel file for their text.

The rows are the page's own :class:`~policy_model.comparison.text_rows.TextRow` objects
(requirements by topic for a role, registers, programmes), printed as they are. Every
piece of data text is escaped with :func:`html.escape`; the page has no scripts and no
external resources.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Sequence
from html import escape

from policy_model.catalogue import Catalogue
from policy_model.comparison.matrix import STATUS_SYMBOLS
from policy_model.comparison.text_output import for_print
from policy_model.comparison.text_rows import Entry, TextRow, requirement_text_rows
from policy_model.describe import registry_use_label
from policy_model.named_lists import programme_criteria, unnamed_register_requirements
from policy_model.schema import Policy, Source
from policy_model.vocab import (
    APPLICATION_WINDOW_LABELS,
    AVAILABILITY_LABELS,
    FORCE_LABELS,
    FORCE_ORDER,
    ROLE_SHORT_LABELS,
    TIMELINE_KIND_LABELS,
)

#: Short route names: a hand-out cell has little room.
ROUTE_SHORT = {"rho": "RHO", "coach_network": "Samenwerkingsverband", "msv": "Multidisciplinair sv.",
               "zorggroep": "Zorggroep", "individual_coach": "Individuele coach", "runoff": "Uitloop",
               "follow": "Volgen preferente verzekeraar"}
#: Short force names, with a legend on the page.
FORCE_SHORT = {"minimum": "Min", "exclusion": "Uitsl", "obligation": "Verpl", "expectation": "Verw"}
#: Statements a hand-out always prints in full: what decides a contract and what a provider must do.
BINDING_FORCES = frozenset({"minimum", "exclusion", "obligation"})
#: Timeline kinds a provider has to act on: the dates a hand-out lists.
KEY_DATES = ("publication", "application", "plan_submission", "objection_deadline", "offer", "signing_deadline",
             "agreement_deadline")
#: The subject of the hand-out when the caller gives no rows: requirements by topic.
REQUIREMENTS_SUBJECT = "Eisen per onderwerp"
#: The page budget for two or three records and one role.
PAGE_BUDGET = 2

# Dense but readable on paper: 7.5 pt in a narrow face (Arial Narrow, or its metric twin
# Liberation Sans Narrow), one full-width heading per row so the records' texts get the
# whole width, the records' names repeated at the top of every page, statements only one
# record makes in two columns, and "pagina x van y" in the bottom margin.
_CSS = """
@page { size: A4; margin: 8mm 8mm 10mm;
        @bottom-right { content: "pagina " counter(page) " van " counter(pages); font: 7pt Arial, 'Liberation Sans', sans-serif; color: #555; } }
* { box-sizing: border-box; }
body { font-family: 'Arial Narrow', 'Liberation Sans Narrow', 'Roboto Condensed', Arial, 'Liberation Sans', sans-serif;
       font-size: 7.5pt; line-height: 1.15; color: #111; margin: 0 auto; max-width: 194mm; }
h1 { font-size: 13pt; margin: 0 0 1mm; } h2 { font-size: 9.5pt; margin: 2mm 0 0.8mm; break-after: avoid; }
p { margin: 0 0 1.2mm; } .meta { color: #333; } .role { font-size: 9pt; margin: 0 0 1.2mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.5pt solid #999; padding: 0.3mm 0.8mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: #eee; } thead { display: table-header-group; }
th.row { width: 19%; background: #f6f6f6; }
tr.diff th.row { border-left: 2.5pt solid #E69F00; }
tr.topic th { background: #f3f3f3; border-left: 2.5pt solid #E69F00; font-size: 7.5pt; line-height: 1.05; padding: 0 0.8mm; }
tr.topic .why { font-weight: normal; color: #555; font-size: 7pt; }
tr.topic { break-inside: avoid; break-after: avoid; }
.e { margin: 0 0 0.4mm; } .e:last-child { margin-bottom: 0; }
.f { font-weight: 700; } .d { color: #555; font-size: 6.8pt; }
.none { color: #666; font-style: italic; }
.kind { font-weight: normal; color: #444; font-size: 7pt; }
.solo { column-count: 2; column-gap: 5mm; }
.solo h3 { font-size: 8.5pt; margin: 0.8mm 0 0.4mm; break-after: avoid; }
.solo .topic { margin: 0 0 0.7mm; } .solo .topic > b { display: block; break-after: avoid; }
p.src { margin: 2mm 0 0; font-size: 7pt; color: #333; }
@media print { body { max-width: none; } a { color: inherit; text-decoration: none; } }
"""

#: The estimate of printed lines, fitted to Chromium's print of this page with Liberation
#: Sans Narrow over every two- and three-record comparison for each role (root-mean-square
#: error 0.03 pages): characters per line of the full width, lines per page, and the extra
#: lines of a row heading, of a one-record topic (in a column of half the width), of an
#: overview line and of the fixed parts (title, legend, headings, sources).
_CHARS_PER_LINE = 185
_LINES_PER_PAGE = 83.7
_ROW_LINES, _SOLO_ROW_LINES, _SOLO_LINE, _OVERVIEW_LINE, _FIXED_LINES = 0.98, 0.74, 1.02, 1.2, 19.3
#: The share of the budget the estimate may fill: page breaks waste some room.
_PAGE_FILL = 0.93


def _years(value: float) -> str:
    amount = int(value) if value == int(value) else value
    return f"{amount} jaar"


def _date(value: dt.date) -> str:
    return f"{value:%d-%m-%Y}"


def _overview(catalogue: Catalogue, policy: Policy) -> dict[str, str]:
    """Short summaries of one record, per subject (plain text; escaped where printed)."""
    programmes = [
        f"{STATUS_SYMBOLS[p.status]} {catalogue.programme(p.programme).abbreviation or catalogue.programme(p.programme).name}"
        for p in policy.programmes
    ]
    registries: dict[str, list[str]] = {}
    for r in policy.registries:
        name = catalogue.registry(r.registry).abbreviation or catalogue.registry(r.registry).name
        use = registry_use_label(r).lower()
        if name not in registries.setdefault(use, []):
            registries[use].append(name)
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
    # A record that names none but asks for a recognised register (CZ 2024 §2.1) or holds the
    # GLI to criteria (ZZ 2024 §5.1) says something: not "niet vermeld".
    if not registries and unnamed_register_requirements(catalogue, policy):
        registries["geen genoemd"] = ["een erkend kwaliteitsregister gevraagd"]
    if not programmes and programme_criteria(policy):
        programmes = ["geen genoemd; eisen aan de GLI zelf"]
    return {
        "Programma's": ", ".join(dict.fromkeys(programmes)),
        "Registers": "; ".join(f"{use}: {', '.join(names)}" for use, names in registries.items()),
        "Contracteerroutes": "; ".join(dict.fromkeys(routes)),
        "Looptijd": "; ".join(dict.fromkeys(periods)),
        "Aanvragen": "; ".join(dict.fromkeys(applying)),
        "Belangrijke data": "; ".join(
            f"{_date(t.date)} {TIMELINE_KIND_LABELS[t.kind].lower()}" for t in dates[:5]),
    }


# --------------------------------------------------------------------------- statements


def section_ref(source: Source) -> str:
    """The section a statement comes from, short enough for a hand-out cell: its number
    (``§ 3.3.1``, ``§ Bijlage 2``) or else its title up to the first dash or colon."""
    number = re.match(r"\s*((?:Bijlage\s+)?\d+(?:\.\d+)*)", source.section)
    if number:
        return "§ " + number.group(1)
    title = re.split(r" – |: | \(", source.section, maxsplit=1)[0].strip()
    return "§ " + (title if len(title) <= 40 else title[:39].rstrip() + "…")


def who_detail(detail: str, role: str | None) -> str:
    """An entry's detail for a hand-out about one role.

    ``Voor: RHO, Samenwerkingsverband; ...`` loses its role list when that names the chosen
    role (every printed requirement applies to it), and keeps it when the requirement is
    addressed to someone else (the coach who delivers the GLI): a requirement for the coach
    is not one for the RHO. What follows the role list (backgrounds, scopes) always stays.
    """
    if role is None or not detail.startswith("Voor: "):
        return detail
    who, _, rest = detail.removeprefix("Voor: ").partition("; ")
    if ROLE_SHORT_LABELS[role] in who.split(", "):
        return rest
    return detail


def _entry_parts(entry: Entry, role: str | None) -> tuple[str, str, str]:
    """(label, text, detail) of one statement as printed: kind, full text, for whom and section."""
    label = FORCE_SHORT.get(entry.force or "", entry.label)
    refs = ", ".join(dict.fromkeys(section_ref(s) for s in entry.sources))
    detail = " · ".join(x for x in (who_detail(entry.detail, role), refs) if x)
    return label, entry.text, detail


def _entry_html(entry: Entry, role: str | None) -> str:
    label, text, detail = _entry_parts(entry, role)
    return ("<div class='e'>" + (f"<span class='f'>{escape(label)}</span> " if label else "")
            + escape(text) + (f" <span class='d'>({escape(detail)})</span>" if detail else "") + "</div>")


def _none() -> str:
    return "<span class='none'>– niet vermeld</span>"


def _cells_html(row: TextRow, policies: Sequence[Policy], role: str | None) -> str:
    return "".join(
        "<td>" + ("".join(_entry_html(e, role) for e in row.cells.get(p.key, ())) or _none()) + "</td>"
        for p in policies
    )


def _said(entries: Sequence[Entry]) -> bool:
    """The cell says something of its own: not empty, and not only "niet gesteld" (a full list
    of conditions that leaves this one out, said beside the other record's text instead)."""
    return any(e.kind != "not_set" for e in entries)


def _stated_by(row: TextRow) -> int:
    return sum(_said(entries) for entries in row.cells.values())


def _not_set_in(row: TextRow, labels: dict[str, str]) -> str:
    """`` (CZ 2027: niet gesteld)`` for a one-sided row whose other records list their
    conditions in full without it (as :func:`for_print` says "alleen voor …")."""
    keys = [key for key, entries in row.cells.items() if entries and not _said(entries)]
    return "".join(f" ({labels[k]}: niet gesteld)" for k in keys)


# --------------------------------------------------------------------------- what fits


def _lines(lengths: Sequence[int], chars_per_line: float) -> int:
    """Printed lines of statements of these lengths at ``chars_per_line``."""
    return sum(math.ceil(n / chars_per_line) for n in lengths)


def _printed_lengths(entries: Sequence[Entry], role: str | None) -> list[int]:
    return [len(" ".join(_entry_parts(e, role))) + 2 for e in entries]


def estimated_pages(rows: Sequence[TextRow], overview: Sequence[Sequence[str]], role: str | None) -> float:
    """How many A4 pages of content the differing ``rows`` and the overview take.

    A side-by-side row is as tall as its longest cell; a row only one record states flows
    in one of two columns; ``overview`` holds the "in één oogopslag" texts per subject and
    record. The weights are fitted to Chromium's print (see ``_CHARS_PER_LINE``).
    """
    n = max(len(overview[0]) if overview else 1, 1)
    lines = float(_FIXED_LINES)
    lines += _OVERVIEW_LINE * sum(max(max(1, math.ceil(len(t) / (_CHARS_PER_LINE * 0.81 / n))) for t in texts)
                                  for texts in overview)
    for row in rows:
        if not row.differs:
            continue
        if _stated_by(row) > 1:
            lines += _ROW_LINES + max(
                max(1, _lines(_printed_lengths(es, role), _CHARS_PER_LINE / n)) for es in row.cells.values())
        else:
            solo = sum(_lines(_printed_lengths(es, role), _CHARS_PER_LINE / 2) for es in row.cells.values()
                       if _said(es))
            lines += (_SOLO_ROW_LINES + _SOLO_LINE * solo) / 2
    return lines / _LINES_PER_PAGE


def _split(row: TextRow, keep) -> TextRow:
    return dataclasses.replace(row, cells={k: tuple(e for e in es if keep(e)) for k, es in row.cells.items()})


def binding_part(row: TextRow) -> TextRow:
    """The row with only the statements a hand-out always prints (binding forces, and
    anything without a force, such as a programme status or a register)."""
    return _split(row, lambda e: e.force is None or e.force in BINDING_FORCES)


def expectation_part(row: TextRow) -> TextRow:
    return _split(row, lambda e: e.force is not None and e.force not in BINDING_FORCES)


def printed_rows(rows: Sequence[TextRow], overview: Sequence[Sequence[str]],
                 role: str | None) -> tuple[list[TextRow], list[TextRow]]:
    """(the rows printed in full, the rows whose expectations are only named).

    Everything in full when it fits :data:`PAGE_BUDGET` pages; otherwise the binding
    statements in full and the expectations named by topic.
    """
    differing = [r for r in rows if r.differs]
    if estimated_pages(differing, overview, role) <= PAGE_BUDGET * _PAGE_FILL:
        return differing, []
    full = [b for b in (binding_part(r) for r in differing) if any(b.cells.values())]
    named = [x for x in (expectation_part(r) for r in differing) if any(x.cells.values())]
    return full, named


# --------------------------------------------------------------------------- the page


def role_line(role: str | None) -> str:
    """Whom the printed requirements are for, in words (escaped HTML)."""
    if role is None:
        return ("<p class='role'><b>Rol: alle rollen.</b> Alle eisen staan erin; kies op de pagina een rol "
                "(RHO, samenwerkingsverband, ...) voor een kortere hand-out.</p>")
    return (f"<p class='role'><b>Rol: {escape(ROLE_SHORT_LABELS[role])}.</b> Alleen eisen die gelden voor deze rol "
            "en voor de leefstijlcoach die de GLI uitvoert.</p>")


def comparison_handout_html(catalogue: Catalogue, policies: Sequence[Policy], generated: dt.date, *,
                            rows: Sequence[TextRow] | None = None, subject: str = REQUIREMENTS_SUBJECT,
                            role: str | None = None, by_role: bool = True, link: str | None = None) -> str:
    """The hand-out as one self-contained HTML page with print CSS.

    ``rows`` are the page's rows (default: the requirements by topic for ``role``); the
    rows that differ are printed in full (see :func:`printed_rows`), the others counted
    and named. ``by_role`` says the rows depend on a role, so the page names it (a page of
    registers or programmes has no role to name).
    """
    policies = list(policies)
    labels = [catalogue.policy_label(p) for p in policies]
    # For paper: "alleen voor <rol>" in the row's label instead of texts one click away on screen.
    names_by_key = {p.key: label for p, label in zip(policies, labels, strict=True)}
    rows = [for_print(r, names_by_key) for r in (requirement_text_rows(policies, role) if rows is None else rows)]
    overviews = overview_texts(catalogue, policies)
    width = f"style='width:{81 / max(len(policies), 1):.1f}%'"
    heads = "".join(f"<th {width}>{escape(label)}<br><span class='kind'>{escape(catalogue.document_kind_label(p))}"
                    "</span></th>" for label, p in zip(labels, policies, strict=True))
    # Repeated at the top of every page of the differences: the names alone, on one line.
    names = "".join(f"<th>{escape(label)}</th>" for label in labels)
    body = [
        f"<h1>GLI-inkoopbeleid naast elkaar: {escape(' · '.join(labels))}</h1>",
        role_line(role) if by_role else "",
        f"<p class='meta'>Gemaakt met de GLI-inkoopwijzer op {generated:%d-%m-%Y}"
        + (f" · deze vergelijking online: {escape(link)}" if link else "")
        + ". ‘– niet vermeld’ betekent dat het document er niets over zegt; dat is geen ‘nee’. "
        + (", ".join(f"<b>{FORCE_SHORT[f]}</b> = {FORCE_LABELS[f].lower()}" for f in FORCE_ORDER) + "; "
           if any(e.force for r in rows for es in r.cells.values() for e in es) else "")
        + "§ = paragraaf in het document.</p>",
        overview_html(overviews, heads),
        differences_html(rows, policies, names, subject, labels, role, overviews),
        sources_html(catalogue, policies),
    ]
    title = "GLI-hand-out " + " · ".join(labels)
    return (
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>{''.join(body)}</body></html>"
    )


def overview_texts(catalogue: Catalogue, policies: Sequence[Policy]) -> dict[str, list[str]]:
    """"In één oogopslag": per subject (programmes, registers, routes, periods, applying,
    dates) one short text per record."""
    overviews = [_overview(catalogue, p) for p in policies]
    return {subject: [o[subject] for o in overviews] for subject in (overviews[0] if overviews else ())}


def overview_html(overviews: dict[str, list[str]], heads: str) -> str:
    out = [f"<h2>In één oogopslag</h2><table><thead><tr><th class='row'></th>{heads}</tr></thead>"]
    for subject, values in overviews.items():
        css = " class='diff'" if len(set(values)) > 1 else ""
        out.append(f"<tr{css}><th class='row'>{escape(subject)}</th>"
                   + "".join(f"<td>{escape(v) if v else _none()}</td>" for v in values) + "</tr>")
    out.append("</table>")
    return "".join(out)


def differences_html(rows: Sequence[TextRow], policies: Sequence[Policy], names: str, subject: str,
                     labels: Sequence[str], role: str | None, overviews: dict[str, list[str]]) -> str:
    """The rows that differ: side by side where more than one record states them, per
    record where only one does; the rows that are the same everywhere, counted and named."""
    differing = [r for r in rows if r.differs]
    same = [r for r in rows if not r.differs]
    full, named = printed_rows(rows, list(overviews.values()), role)
    shared = [r for r in full if _stated_by(r) > 1]
    one_sided = [r for r in full if _stated_by(r) == 1]
    mentioned = sum(r.only_mentioned() for r in differing)
    also = f"; daarnaast {mentioned} alleen in een deel van de documenten vermeld" if mentioned else ""
    out = [f"<h2>{escape(subject)}: wat verschilt ({len(differing) - mentioned} van {len(rows)}{also})</h2>"]
    if same:
        out.append(f"<p class='meta'><b>Gelijk in alle gekozen documenten ({len(same)}):</b> "
                   f"{escape(', '.join(r.label for r in same))}.</p>")
    elif rows:
        out.append("<p class='meta'>Geen enkele rij is gelijk in alle gekozen documenten.</p>")
    if shared:
        out.append(f"<table><thead><tr>{names}</tr></thead>")
        by_key = dict(zip((p.key for p in policies), labels, strict=True))
        for row in shared:
            why = row.difference_note(by_key)
            why = why if row.only_mentioned() else f"verschilt in: {why}"
            out.append(f"<tr class='topic'><th colspan='{len(policies)}'>{escape(row.label)} "
                       f"<span class='why'>– {escape(why)}</span></th></tr>"
                       f"<tr class='cells'>{_cells_html(row, policies, role)}</tr>")
        out.append("</table>")
    if one_sided:
        others = "zeggen de andere gekozen documenten" if len(policies) > 2 else "zegt het andere document"
        unset = any(not _said(es) for r in one_sided for es in r.cells.values() if es)
        out.append(f"<h2>Alleen in één document vermeld ({len(one_sided)})</h2>"
                   f"<p class='meta'>Hierover {others} niets; dat is geen ‘nee’"
                   + (", behalve waar ‘…: niet gesteld’ staat: dat document noemt zijn eisen volledig en deze "
                      "staat er niet bij" if unset else "") + ".</p><div class='solo'>")
        by_key = dict(zip((p.key for p in policies), labels, strict=True))
        for policy, label in zip(policies, labels, strict=True):
            mine = [r for r in one_sided if _said(r.cells.get(policy.key, ()))]
            if mine:
                out.append(f"<h3>Alleen in {escape(label)} ({len(mine)})</h3>")
                out.extend(f"<div class='topic'><b>{escape(r.label)}<span class='d'>{escape(_not_set_in(r, by_key))}</span></b>"
                           + "".join(_entry_html(e, role) for e in r.cells[policy.key]) + "</div>" for r in mine)
        out.append("</div>")
    if named:
        out.append(named_expectations_html(named, policies, labels))
    return "".join(out)


def named_expectations_html(rows: Sequence[TextRow], policies: Sequence[Policy], labels: Sequence[str]) -> str:
    """Expectations that differ, by topic with their number per record (their text did not
    fit two pages; the app and the Excel file hold it)."""
    parts = []
    for policy, label in zip(policies, labels, strict=True):
        topics = [f"{r.label} ({len(r.cells[policy.key])})" for r in rows if r.cells.get(policy.key)]
        parts.append(f"<b>{escape(label)}:</b> " + (escape(", ".join(topics)) if topics else "geen"))
    return ("<h2>Verwachtingen die verschillen (niet bindend)</h2><p class='meta'>Hun volledige tekst past niet op "
            "twee pagina's; die staat in de app (Contractvoorwaarden) en in de Excel-download. Per onderwerp het "
            "aantal verwachtingen: " + "; ".join(parts) + ".</p>")


def sources_html(catalogue: Catalogue, policies: Sequence[Policy]) -> str:
    """The documents the chosen records come from, once each: a hand-out's source list."""
    seen: list[str] = []
    for policy in policies:
        seen += [d for d in policy.documents if d not in seen]
    items = []
    for doc_id in seen:
        doc = catalogue.source(doc_id)
        address = f" – {escape(doc.url)}" if doc.url else ""
        items.append(f"{escape(doc.publisher)}: {escape(doc.title)}{address}")
    return "<p class='src'><b>Bronnen:</b> " + "; ".join(items) + ".</p>"
