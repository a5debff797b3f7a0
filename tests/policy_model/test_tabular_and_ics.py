"""Downloaded bytes: CSV and Excel hold the shown rows; the iCalendar file is well-formed."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd

from policy_model.comparison.matrix import programme_matrix
from policy_model.tabular import (
    ABOUT_SHEET,
    MAX_LINES,
    MAX_WIDTH,
    MIN_WIDTH,
    WIDEST,
    About,
    Sheet,
    column_width,
    table_csv_bytes,
    table_xlsx_bytes,
    workbook_xlsx_bytes,
)
from policy_model.timeline import all_events, to_ics, upcoming


def _frame(cat):
    return pd.DataFrame(programme_matrix(cat, cat.policies_for()))


def test_csv_bytes_round_trip_to_the_same_table(cat):
    frame = _frame(cat)
    back = pd.read_csv(io.BytesIO(table_csv_bytes(frame)), sep=";", encoding="utf-8-sig")
    pd.testing.assert_frame_equal(back, frame)


def test_xlsx_bytes_open_with_openpyxl_and_hold_the_same_rows(cat):
    frame = _frame(cat)
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx_bytes(frame)))
    rows = list(book.active.iter_rows(values_only=True))
    assert list(rows[0]) == list(frame.columns)
    assert [list(r) for r in rows[1:]] == frame.astype(object).values.tolist()


def test_an_xlsx_table_is_laid_out_for_reading(cat):
    frame = _frame(cat)
    ws = openpyxl.load_workbook(io.BytesIO(table_xlsx_bytes(frame, "Programma's"))).active
    assert ws.title == "Programma's"
    assert all(c.font.bold for c in ws[1]) and ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(frame.columns))}{len(frame) + 1}"
    longest = max(len(str(v)) for v in frame["Programma"])
    assert ws.column_dimensions["A"].width == min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)
    assert all(c.alignment.wrap_text and c.alignment.vertical == "top" for row in ws.iter_rows(min_row=2) for c in row)


def test_a_long_text_wraps_in_a_column_that_widens_until_it_shows_in_full():
    assert column_width(3, 3, 0) == MIN_WIDTH
    assert column_width(20, 20, 0) == 22
    assert column_width(400, 1000, 0) == MAX_WIDTH  # 18 lines at 60: fits Excel's tallest row
    assert column_width(400, 1850, 0) == 75  # the widest requirement cell: 25 lines at 75
    assert 1850 / (75 - 2) <= MAX_LINES < 1850 / (70 - 2)
    assert column_width(400, 9000, 0) == WIDEST


def test_a_workbook_has_its_sheets_in_order_unique_names_and_an_about_sheet():
    data = workbook_xlsx_bytes(
        [Sheet("Eisen", [{"Onderwerp": "x", "Adres": "https://example.org/a"}], frozen_columns=1, links=("Adres",)),
         Sheet("Eisen", [{"a": 1}]), Sheet("x" * 40, [])],
        About("Titel", [("Rol", "RHO"), ("Link", "https://example.org/?a=1")]))
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Eisen", "Eisen (2)", "x" * 31, ABOUT_SHEET]
    first = book["Eisen"]
    assert first.freeze_panes == "B2" and first["B2"].hyperlink.target == "https://example.org/a"
    about = book[ABOUT_SHEET]
    assert about["A1"].value == "Titel" and about["A3"].value == "Rol" and about["B3"].value == "RHO"
    assert about["B4"].hyperlink.target == "https://example.org/?a=1"


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_is_well_formed_and_holds_every_dated_deadline(cat):
    events = all_events(cat)
    text = to_ics(events, cat, stamp=dt.datetime(2026, 11, 23, tzinfo=dt.UTC))
    lines = [line for line in _unfold(text) if line]
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert all(len(raw.encode()) <= 75 for raw in text.split("\r\n"))
    blocks = text.count("BEGIN:VEVENT")
    assert blocks == text.count("END:VEVENT") == len(events)
    starts = [line.split(":", 1)[1] for line in lines if line.startswith("DTSTART;VALUE=DATE:")]
    assert "20261031" in starts  # CZ 2027 signing deadline
    assert "20231109" in starts  # Zorg en Zekerheid 2024 signing deadline
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == len(uids)


def test_upcoming_counts_only_what_is_ahead(cat):
    events = all_events(cat)
    ahead = upcoming(events, dt.date(2026, 10, 1))
    assert all((e.date_end or e.date) >= dt.date(2026, 10, 1) for e in ahead)
    assert any(e.kind == "signing_deadline" for e in ahead)
