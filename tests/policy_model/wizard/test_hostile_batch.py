"""Hostile batch CSVs: bounded rows and warnings, Dutch messages with the row, no exception.

The time and memory of a full batch are measured in ``make bench`` (benchmarks/run.py),
not asserted here.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from io import BytesIO

import pytest

from policy_model.cli import main
from policy_model.wizard import batch
from policy_model.wizard.batch import MAX_MESSAGES, MAX_ROWS, MAX_UPLOAD_BYTES, assess_batch, decode_upload

TODAY = dt.date(2026, 6, 1)


def run(cat, text: str, year: int = 2027):
    return assess_batch(text, "individual_coach", year, cat, TODAY)


def test_more_than_the_row_limit_assesses_the_first_rows_and_says_so(cat):
    text = "name;registries\n" + "".join(f"Coach {n};BLCN\n" for n in range(MAX_ROWS + 50))
    result = run(cat, text)
    assert len(result.rows) == MAX_ROWS
    assert result.rows[-1]["Naam"] == f"Coach {MAX_ROWS - 1}"
    assert any("meer dan 2.000 coaches" in p and "Splits" in p for p in result.problems)


def test_name_tables_are_built_once_per_batch(cat, monkeypatch):
    calls = []
    real = batch.resolver
    monkeypatch.setattr(batch, "resolver", lambda c: calls.append(1) or real(c))
    run(cat, "name;registries\n" + "".join(f"C{n};BLCN\n" for n in range(30)))
    assert len(calls) == 1


def test_ten_thousand_extra_columns_give_one_grouped_warning(cat):
    extra = [f"x{n}" for n in range(10_000)]
    text = "name;" + ";".join(extra) + "\n" + "Anna;" + ";".join("v" for _ in extra) + "\n"
    result = run(cat, text)
    assert [r["Naam"] for r in result.rows] == ["Anna"]
    assert len(result.problems) == 1
    assert "‘x0’" in result.problems[0] and "en 9.990 meer" in result.problems[0]


def test_the_same_warning_in_many_rows_is_said_once_with_its_rows(cat):
    text = "name;registries\n" + "".join(f"C{n};Nepregister\n" for n in range(500))
    result = run(cat, text)
    assert result.problems == ["rij 2, 3, 4, 5, 6 en 495 andere rijen: onbekend register ‘Nepregister’ genegeerd (bedoelde u ‘KP’?)"]
    assert len(result.rows) == 500


def test_thousands_of_different_warnings_are_capped(cat):
    text = "name;registries\n" + "".join(f"C{n};Nep{n}\n" for n in range(1500))
    result = run(cat, text)
    assert len(result.problems) == MAX_MESSAGES + 1
    assert result.problems[-1] == "… en 1.480 meer meldingen (niet getoond)."


def test_a_huge_value_is_shortened_in_the_warning(cat):
    result = run(cat, "name;registries\nAnna;" + "N" * 5000 + "\n")
    assert len(result.problems[0]) < 200 and "…" in result.problems[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name\nAnna\n" + "x" * 200_000 + "\n", "regel 3 en verder niet gelezen: een veld is langer dan 131.072 tekens"),
        ("name;registries\nAnna;BLCN\nBram;\"KP\nCor;BLCN\n", "een aanhalingsteken (\") wordt nergens gesloten"),
        ("name;registries\nAnna;KP\nBram;\"BLCN\"KP\nCor;KP\n", "regel 3 en verder niet gelezen: tekst direct na een afsluitend aanhalingsteken"),
    ],
)
def test_unreadable_csv_is_a_dutch_message_and_earlier_rows_are_kept(cat, text, expected):
    result = run(cat, text)
    assert any(expected in p for p in result.problems), result.problems
    assert result.rows and result.rows[0]["Naam"] == "Anna"
    assert not any("Error" in p or "Traceback" in p for p in result.problems)


def test_a_lone_carriage_return_ends_a_row_instead_of_failing(cat):
    result = run(cat, "name;registries\rAnna;BLCN\rBram;KP\r")
    assert [r["Naam"] for r in result.rows] == ["Anna", "Bram"]


def _zip_bytes() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("coaches.csv", "name\nAnna\n")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (_zip_bytes(), "geen CSV-tekstbestand"),
        (b"name\nAnna\x00\n", "geen CSV-tekstbestand"),
        (b"name\n" + b"A" * (MAX_UPLOAD_BYTES + 1), "de grens is 3 MB"),
    ],
)
def test_uploads_that_are_not_a_csv_or_too_big_are_refused_with_a_reason(raw, expected):
    text, notes = decode_upload(raw)
    assert text is None
    assert expected in notes[0]


def test_latin1_is_read_with_a_warning():
    text, notes = decode_upload("name\nJosé\n".encode("latin-1"))
    assert text == "name\nJosé\n" and "Latin-1" in notes[0]


def test_cli_batch_refuses_a_fifo_without_hanging(tmp_path, capsys):
    fifo = tmp_path / "coaches.csv"
    os.mkfifo(fifo)
    assert main(["assess-batch", str(fifo), "--year", "2027"]) == 1
    assert "geen gewoon bestand" in capsys.readouterr().err


def test_cli_batch_with_garbage_is_a_message_and_exit_1(tmp_path, capsys):
    coaches = tmp_path / "coaches.csv"
    coaches.write_bytes(_zip_bytes())
    assert main(["assess-batch", str(coaches), "--year", "2027"]) == 1
    err = capsys.readouterr().err
    assert "geen CSV-tekstbestand" in err and "Traceback" not in err


def test_a_misspelt_register_in_a_batch_names_the_closest_match(cat):
    text = "name,registries\nAnna,BLNC\n"
    result = assess_batch(text, "individual_coach", 2027, cat, dt.date(2026, 6, 1))
    assert result.problems == ["rij 2: onbekend register ‘BLNC’ genegeerd (bedoelde u ‘BLCN’?)"]
