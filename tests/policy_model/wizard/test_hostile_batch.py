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
from policy_model.wizard.batch import (
    MAX_ITEMS_PER_CELL,
    MAX_MESSAGES,
    MAX_ROWS,
    MAX_UNKNOWN_NAMES,
    MAX_UPLOAD_BYTES,
    assess_batch,
    decode_upload,
)
from policy_model.wizard.profile import MAX_FUZZY_LOOKUPS
from tests.conftest import REPO
from tests.limits import crashed, run_limited

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


# --------------------------------------------------------------------------- round 2: work bounded by size


def _pairs() -> list[str]:
    return [a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz"]


def stalling_upload(coaches: int = 26, names: int = 36_000) -> str:
    """The upload that took 125 s and slowed every other visitor sixfold: under 3 MB, a few
    coaches, each with tens of thousands of unknown register names."""
    pairs = _pairs()
    rows = [f"Coach {c};" + "|".join(pairs[(n + c) % len(pairs)] for n in range(names)) for c in range(coaches)]
    return "name;registries\n" + "\n".join(rows) + "\n"


@pytest.fixture
def fuzzy_calls(monkeypatch):
    """Every "bedoelde u" lookup (a fuzzy comparison with every known name) is counted."""
    import difflib

    from policy_model.wizard import profile

    calls: list[str] = []
    real = difflib.get_close_matches
    monkeypatch.setattr(profile.difflib, "get_close_matches",
                        lambda word, *args, **kwargs: calls.append(word) or real(word, *args, **kwargs))
    return calls


def test_a_cell_with_tens_of_thousands_of_names_is_not_read_and_costs_no_lookups(cat, fuzzy_calls):
    text = stalling_upload()
    assert len(text.encode()) < MAX_UPLOAD_BYTES
    result = run(cat, text)
    assert len(result.rows) == 26
    assert result.problems == [f"rij 2, 3, 4, 5, 6 en 21 andere rijen: bij registries staan 36.000 namen in één cel; "
                               f"een coach heeft er hooguit {MAX_ITEMS_PER_CELL}. De cel is niet gelezen (telt als "
                               "niet ingevuld)"]
    assert fuzzy_calls == []


def test_unknown_names_per_file_and_suggestions_per_upload_are_capped(cat, fuzzy_calls):
    pairs = _pairs()
    rows = [f"C{r};" + "|".join(f"nep{r}{pairs[n]}" for n in range(MAX_ITEMS_PER_CELL)) for r in range(MAX_ROWS)]
    result = run(cat, "name;registries\n" + "\n".join(rows) + "\n")
    first_unassessed = MAX_UNKNOWN_NAMES // MAX_ITEMS_PER_CELL + 3  # header on line 1, rows from 2
    assert len(result.rows) == first_unassessed - 2
    stop = result.problems[0]  # why the rest was not assessed comes first, never hidden by the cap
    assert stop.startswith(f"Het bestand noemt meer dan {MAX_UNKNOWN_NAMES:,} verschillende onbekende namen"
                           .replace(",", ".")), stop
    assert f"rij {first_unassessed} en verder zijn niet beoordeeld" in stop
    assert len(fuzzy_calls) == MAX_FUZZY_LOOKUPS
    assert len(result.problems) == 1 + MAX_MESSAGES + 1


def test_a_repeated_unknown_name_is_looked_up_once(cat, fuzzy_calls):
    run(cat, "name;registries;licences\n" + "".join(f"C{n};Nepregister;Nepregister\n" for n in range(500)))
    assert sorted(fuzzy_calls) == ["nepregister", "nepregister"]  # once per table (register, programme)


def test_past_the_suggestion_cap_a_name_says_it_was_not_compared(cat):
    rows = "".join(f"C{n};Nep{n}\n" for n in range(MAX_FUZZY_LOOKUPS + 5))
    result = assess_batch("name;registries\n" + rows, "individual_coach", 2027, cat, TODAY)
    assert len(result.rows) == MAX_FUZZY_LOOKUPS + 5
    lines = batch.Messages(limit=10**6)
    limits = batch._Limits()
    names = batch.resolver(cat)
    for n in range(MAX_FUZZY_LOOKUPS + 1):
        batch.parse_profile_row({"registries": f"Nep{n}"}, n + 2, "individual_coach", 2027, cat, lines, names, limits)
    assert lines.lines()[-1] == (f"rij {MAX_FUZZY_LOOKUPS + 2}: onbekend register ‘Nep{MAX_FUZZY_LOOKUPS}’ genegeerd "
                                 "(niet op spelling vergeleken: er zijn te veel onbekende namen)")


def test_a_batch_stops_when_its_time_is_up_and_keeps_what_it_assessed(cat):
    result = assess_batch("name;registries\nAnna;BLCN\nBram;KP\n", "individual_coach", 2027, cat, TODAY, time_budget=0)
    assert result.rows == []
    assert result.problems == ["Het beoordelen duurde te lang en is gestopt bij rij 2; de rijen ervoor zijn beoordeeld. "
                               "Splits het bestand in kleinere delen of probeer het later opnieuw."]


def test_a_session_budget_is_spent_and_comes_back():
    budget = batch.SessionBudget(updated=1000.0)
    assert budget.remaining(1000.0) == batch.SESSION_BATCH_SECONDS
    budget.spend(batch.SESSION_BATCH_SECONDS, now=1000.0)
    assert budget.remaining(1000.0) == 0
    needed = batch.SESSION_BATCH_SECONDS / 3 / batch.SESSION_REFILL_PER_SECOND
    assert budget.remaining(1000.0 + needed / 2) < batch.SESSION_BATCH_SECONDS / 3
    assert budget.remaining(1000.0 + needed) >= batch.SESSION_BATCH_SECONDS / 3 - 1e-9
    assert budget.remaining(10_000.0) == batch.SESSION_BATCH_SECONDS  # never more than the whole budget
    budget.spend(batch.SESSION_BATCH_SECONDS, now=10_000.0)
    assert "Probeer het over 3 minuten opnieuw" in budget.wait_message()


def test_the_stalling_upload_through_the_command_line_is_bounded(tmp_path):
    coaches = tmp_path / "coaches.csv"
    coaches.write_text(stalling_upload(), encoding="utf-8")
    out = tmp_path / "matrix.csv"
    done = run_limited(["assess-batch", str(coaches), "--year", "2027", "--today", "2026-06-01", "--out", str(out)])
    assert not crashed(done), done.stderr[-2000:]
    assert done.returncode == 0
    assert "bij registries staan 36.000 namen in één cel" in done.stderr
    assert out.read_bytes().decode("utf-8-sig").count("\n") == 27  # header and 26 coaches


# --------------------------------------------------------------------------- round 2: minor


def test_an_excel_sep_line_is_read_as_the_separator(cat):
    result = run(cat, "sep=;\nname;registries\nAnna;BLCN\nBram;\"KP\n")
    assert [r["Naam"] for r in result.rows] == ["Anna"]
    assert result.problems == ["regel 4 en verder niet gelezen: een aanhalingsteken (\") wordt nergens gesloten. "
                               "De rijen ervoor zijn beoordeeld."]  # lines as the visitor sees them


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_csv_is_read_not_called_an_excel_file(cat, encoding):
    text, notes = decode_upload("name\tbackground\tregistries\nJosé\tDiëtist\tBLCN\n".encode(encoding))
    assert notes == [] and text is not None
    result = run(cat, text)
    assert [r["Naam"] for r in result.rows] == ["José"] and result.problems == []


@pytest.mark.parametrize("written", ["diëtist", "Diëtist", "DIETIST", "dietist"])
def test_accents_and_case_in_a_background_are_accepted(cat, written):
    result = run(cat, f"name,background\nAnna,{written}\n")
    assert result.problems == [] and len(result.rows) == 1


def test_a_scope_and_yes_no_answers_are_read_as_people_write_them(cat):
    result = run(cat, "name;region_has_rho;in_insurer_region\nAnna;Ja;Weet ik niet\n")
    assert result.problems == [] and len(result.rows) == 1


def test_a_warning_names_a_row_once_however_often_it_comes_up_in_it(cat):
    result = run(cat, "name;registries;licences\nAnna;Nep|Nep|Nep;Nep\n")
    assert result.problems[0] == "rij 2: onbekend register ‘Nep’ genegeerd"


def test_the_upload_limit_is_the_widgets_limit():
    """The browser reads maxUploadSize (MB) as 1,000,000 bytes each; the app allowed 3 MiB."""
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert MAX_UPLOAD_BYTES == config["server"]["maxUploadSize"] * 1_000_000
    assert decode_upload(b"name\n" + b"A" * (MAX_UPLOAD_BYTES - 5))[0] is not None
    text, notes = decode_upload(b"name\n" + b"A" * (MAX_UPLOAD_BYTES - 4))
    assert text is None and "3.000.001 bytes; de grens is 3 MB (3.000.000 bytes" in notes[0]


# --------------------------------------------------------------------------- round 2: apart, in a child process


def test_a_batch_assessed_apart_gives_the_same_matrix(cat):
    from policy_model.paths import DEFAULT_DATA_DIR
    from policy_model.wizard.batch_worker import assess_batch_apart

    text = "name;background;registries\nAnna;Diëtist;BLCN|Nep\nBram;leefstijlcoach;KP\n"
    apart = assess_batch_apart(text, "individual_coach", 2027, TODAY, DEFAULT_DATA_DIR)
    here = run(cat, text)
    assert apart.rows == here.rows and apart.problems == here.problems
    assert apart.seconds > 0


def test_a_child_over_its_memory_or_time_is_a_dutch_message(monkeypatch):
    from policy_model.paths import DEFAULT_DATA_DIR
    from policy_model.wizard import batch_worker

    monkeypatch.setattr(batch_worker, "MEMORY_LIMIT_MB", 20)  # too little to even start Python's imports
    starved = batch_worker.assess_batch_apart("name\nAnna\n", "individual_coach", 2027, TODAY, DEFAULT_DATA_DIR)
    assert starved.rows == [] and starved.problems[0].startswith("De beoordeling kon niet worden afgemaakt")
    monkeypatch.setattr(batch_worker, "MEMORY_LIMIT_MB", 1024)
    monkeypatch.setattr(batch_worker, "START_SECONDS", 0.01)
    late = batch_worker.assess_batch_apart("name\nAnna\n", "individual_coach", 2027, TODAY, DEFAULT_DATA_DIR,
                                           time_budget=0)
    assert late.problems == ["De beoordeling kon niet worden afgemaakt: het duurde te lang. Probeer het later opnieuw "
                             "of splits het bestand in kleinere delen."]


def test_geen_in_a_list_cell_is_the_answer_none_not_an_unknown_name(cat):
    result = run(cat, "name;registries;licences\nAnna;geen;Geen\n")
    assert result.problems == [] and len(result.rows) == 1


# --------------------------------------------------------------------------- round 2: profiles


def test_a_profile_listing_thousands_of_names_is_one_error_without_lookups(tmp_path, capsys, fuzzy_calls):
    profile = tmp_path / "profiel.yaml"
    profile.write_text("role: individual_coach\nyear: 2027\nregistries: [" + ", ".join(f"nep{n}" for n in range(50_000))
                       + "]\n", encoding="utf-8")
    assert main(["assess", str(profile)]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"fout: profiel.yaml: bij registries staan 50.000 waarden; een antwoord noemt er "
                                        f"hooguit {MAX_ITEMS_PER_CELL}. Noem alleen de geldende."]
    assert fuzzy_calls == []


def test_a_profile_with_thousands_of_unknown_keys_gives_a_capped_list(tmp_path, capsys):
    from policy_model.wizard.profile import MAX_PROFILE_ERRORS

    profile = tmp_path / "profiel.yaml"
    profile.write_text("role: individual_coach\nyear: 2027\n" + "".join(f"sleutel{n}: x\n" for n in range(10_000)),
                       encoding="utf-8")
    assert main(["assess", str(profile)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == MAX_PROFILE_ERRORS + 1
    assert lines[-1] == "fout: profiel.yaml: … en 9.980 meer fouten (niet getoond)."


@pytest.mark.parametrize("line", ["sep=;", "sep=\t", '"sep=,"', "sep=;\r"], ids=["semicolon", "tab", "quoted", "crlf"])
def test_every_excel_sep_line_is_honoured(cat, line):
    sep = line.strip('"\r')[4]
    result = run(cat, f"{line}\nname{sep}registries\nAnna{sep}BLCN\n")
    assert [r["Naam"] for r in result.rows] == ["Anna"] and result.problems == []
