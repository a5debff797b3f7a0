"""Downloaded bytes: CSV and Excel hold the shown rows; the iCalendar file is well-formed."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd

from policy_model.comparison.matrix import programme_matrix
from policy_model.tabular import table_csv_bytes, table_xlsx_bytes
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
