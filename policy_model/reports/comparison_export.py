"""A comparison as files to take away: an Excel workbook with its sources, and a CSV.

The workbook holds one sheet per part of the page (requirements by topic, routes, periods,
...), one row per subject and one column per chosen record with the full texts, exactly
as the page shows them; a sheet "Bronnen" with one row per statement and its document,
section, verbatim quote and address; and a sheet "Over deze export" naming the records,
the role, the filters, the date and the link to the view, and that "niet vermeld" is no
"nee". The CSV is the "Bronnen" table (a spreadsheet's one table). Every byte is written
by :mod:`policy_model.tabular`, which keeps formulas out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from policy_model.catalogue import Catalogue
from policy_model.comparison.text_output import export_rows
from policy_model.comparison.text_rows import TextRow
from policy_model.schema import Policy
from policy_model.tabular import About, Sheet, table_csv_bytes, workbook_xlsx_bytes
from policy_model.vocab import NOT_STATED_LABEL

SOURCES_SHEET = "Bronnen"
#: The columns of the "Bronnen" sheet and the CSV.
SOURCE_COLUMNS = ("Onderdeel", "Onderwerp", "Verschilt in", "Beleid", "Soort", "Tekst", "Toelichting",
                  "Document", "Paragraaf", "Citaat", "Adres")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


@dataclass(frozen=True)
class Part:
    """One part of a comparison page: its title (the sheet's name), the name of its first
    column ("Onderwerp", "Route", ...) and its rows as the page shows them."""

    title: str
    first: str
    rows: Sequence[TextRow]


@dataclass(frozen=True)
class ExportContext:
    """What a reader of the file needs to know about the view it came from."""

    page: str                                  # "Contractvoorwaarden"
    generated: dt.date
    role: str | None = None                    # the role's label, None for all roles
    filters: Sequence[tuple[str, str]] = ()    # ("Alleen rijen die verschillen", "nee"), ...
    link: str | None = None


def _nl_date(value: dt.date) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def source_rows(catalogue: Catalogue, policies: Sequence[Policy], parts: Sequence[Part]) -> list[dict]:
    """One row per statement with its sources (several sources: one line each in the
    source columns); a record that says nothing on a subject gets a "niet vermeld" row, so
    silence stays visible and is not read as "nee"."""
    labels = {p.key: catalogue.policy_label(p) for p in policies}
    out = []
    for part in parts:
        for row in part.rows:
            for policy in policies:
                head = {"Onderdeel": part.title, "Onderwerp": row.label, "Verschilt in": row.difference_note(labels),
                        "Beleid": labels[policy.key]}
                entries = row.cells.get(policy.key, ())
                if not entries:
                    out.append({**head, "Soort": "Niet vermeld", "Tekst": f"– {NOT_STATED_LABEL}", "Toelichting": "",
                                "Document": "", "Paragraaf": "", "Citaat": "", "Adres": ""})
                    continue
                for entry in entries:
                    docs = [catalogue.source(s.document) for s in entry.sources]
                    out.append({
                        **head, "Soort": entry.label, "Tekst": entry.text, "Toelichting": entry.detail,
                        "Document": "\n".join(f"{d.publisher}: {d.title}" for d in docs),
                        "Paragraaf": "\n".join(s.section for s in entry.sources),
                        "Citaat": "\n".join(f"“{s.quote}”" for s in entry.sources),
                        "Adres": "\n".join(dict.fromkeys(d.url or "" for d in docs)),
                    })
    return out


def about(catalogue: Catalogue, policies: Sequence[Policy], parts: Sequence[Part], context: ExportContext,
          word_pairs: dict[str, str] | None = None) -> About:
    """The lines of "Over deze export"."""
    labels = {p.key: catalogue.policy_label(p) for p in policies}
    lines = [
        ("Beleidsdocumenten", "; ".join(f"{labels[p.key]} ({catalogue.document_kind_label(p)})" for p in policies)),
        ("Rol", context.role or "alle rollen"),
        *[(name, value) for name, value in context.filters],
        ("Gemaakt op", _nl_date(context.generated)),
        ("Link naar deze weergave", context.link or "(niet bekend)"),
        ("Niet vermeld ≠ nee", f"‘– {NOT_STATED_LABEL}’ betekent dat het document er niets over zegt; "
                               "dat is geen ‘nee’. ‘Niet gesteld’, ‘Geen eigen route’: het document noemt zijn "
                               "eisen of routes volledig en dit staat er niet bij."),
        ("Bladen", "; ".join(f"{p.title}: één rij per {p.first.lower()}, één kolom per beleidsdocument, de volledige "
                             "teksten" for p in parts)
         + f"; {SOURCES_SHEET}: één rij per uitspraak, met document, paragraaf, letterlijk citaat en adres."),
    ]
    if word_pairs:
        pairs = "; ".join(f"{labels[new]} tegenover {labels[old]}" for new, old in word_pairs.items())
        lines.append(("Woord voor woord", f"[-woorden-] staan niet meer in de nieuwere tekst, {{+woorden+}} zijn "
                                          f"nieuw: {pairs}."))
    sources = []
    for policy in policies:
        sources += [d for d in policy.documents if d not in sources]
    lines += [("Bron", f"{catalogue.source(d).publisher}: {catalogue.source(d).title}"
               + (f" – {catalogue.source(d).url}" if catalogue.source(d).url else "")) for d in sources]
    return About(f"GLI-inkoopwijzer – {context.page}: " + " · ".join(labels[p.key] for p in policies), lines)


def comparison_xlsx_bytes(catalogue: Catalogue, policies: Sequence[Policy], parts: Sequence[Part],
                          context: ExportContext, word_pairs: dict[str, str] | None = None) -> bytes:
    """The workbook: one sheet per part, "Bronnen", "Over deze export"."""
    header = ["Verschilt in", *(catalogue.policy_label(p) for p in policies)]
    sheets = [Sheet(part.title, export_rows(catalogue, part.rows, policies, part.first, word_pairs)
                    or pd.DataFrame(columns=[part.first, *header]), frozen_columns=1)
              for part in parts]
    sheets.append(Sheet(SOURCES_SHEET, source_rows(catalogue, policies, parts) or [dict.fromkeys(SOURCE_COLUMNS)],
                        frozen_columns=2, links=("Adres",)))
    return workbook_xlsx_bytes(sheets, about(catalogue, policies, parts, context, word_pairs))


def comparison_csv_bytes(catalogue: Catalogue, policies: Sequence[Policy], parts: Sequence[Part]) -> bytes:
    """The "Bronnen" table as CSV (``;``, UTF-8 with byte-order mark)."""
    return table_csv_bytes(source_rows(catalogue, policies, parts) or [dict.fromkeys(SOURCE_COLUMNS)])
