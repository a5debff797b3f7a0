"""The assess command line: exit codes, JSON shape, batch matrix, bad input."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from policy_model.cli import main
from tests.conftest import REPO

EXAMPLE = REPO / "examples" / "profile-coach-2027.yaml"


@pytest.fixture(autouse=True)
def _clean_data(load_result):
    if not load_result.ok:
        pytest.fail("dataset has problems: " + "; ".join(map(str, load_result.problems[:3])))


def test_assess_prints_json_with_the_documented_keys(capsys):
    assert main(["assess", str(EXAMPLE), "--format", "json", "--today", "2026-06-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["insurer"] for a in data] == ["cz"]
    first = data[0]
    assert {"insurer", "year", "verdict", "reasons", "routes", "checklist", "programmes", "registries", "deadlines"} <= set(first)
    assert first["verdict"] in {"eligible", "subcontractor_only", "not_eligible", "conditional"}
    item = first["checklist"][0]
    assert {"topic", "text", "status", "source"} <= set(item)
    assert set(item["source"]) == {"document", "section", "quote"}
    assert any(d["date"] == "2026-10-31" for d in first["deadlines"])


def test_assess_text_output_is_dutch_and_names_the_verdict(capsys):
    assert main(["assess", str(EXAMPLE), "--today", "2026-06-01"]) == 0
    out = capsys.readouterr().out
    assert "CZ groep 2027" in out and "bron:" in out


def test_a_json_profile_works_too(tmp_path, capsys):
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"role": "rho", "year": 2024}), encoding="utf-8")
    assert main(["assess", str(profile), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "file is empty"),
        ("role: [unclosed", "YAML syntax error"),
        ("role: astronaut\nyear: 2027\n", "role: not one of the allowed values"),
        ("year: 2027\n", "role: required field is missing"),
        ("- just a list\n", "expected a mapping"),
    ],
)
def test_a_bad_profile_is_a_clear_message_and_exit_1(tmp_path, capsys, content, message):
    profile = tmp_path / "p.yaml"
    profile.write_text(content, encoding="utf-8")
    assert main(["assess", str(profile)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_unknown_register_in_a_profile_is_named_and_the_rest_assessed(tmp_path, capsys):
    profile = tmp_path / "p.yaml"
    profile.write_text("role: individual_coach\nyear: 2027\nregistries: [blcn, nonsense]\n", encoding="utf-8")
    assert main(["assess", str(profile), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "unknown register 'nonsense'" in captured.err
    assert json.loads(captured.out)[0]["registries"][0]["registry"] == "blcn"


def test_a_year_without_policies_says_which_years_exist(tmp_path, capsys):
    profile = tmp_path / "p.yaml"
    profile.write_text("role: rho\nyear: 2031\n", encoding="utf-8")
    assert main(["assess", str(profile)]) == 1
    assert "2027" in capsys.readouterr().err


def test_batch_writes_a_coach_by_insurer_matrix_and_names_bad_rows(tmp_path, capsys):
    coaches = tmp_path / "coaches.csv"
    coaches.write_text(
        "name;background;registries;licences;agb_code;kvk_registered\n"
        "Anna;leefstijlcoach;BLCN;CooL;ja;ja\n"
        "Bram;fysiotherapeut;Kwaliteitsregister Paramedici|Onbekendregister;Beweegkuur;ja;misschien\n",
        encoding="utf-8",
    )
    out = tmp_path / "matrix.csv"
    assert main(["assess-batch", str(coaches), "--year", "2024", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "rij 3: onbekend register ‘Onbekendregister’" in err
    assert "rij 3: ‘misschien’ bij kvk_registered is geen ja/nee" in err
    matrix = pd.read_csv(out, sep=";", encoding="utf-8-sig")
    assert list(matrix["Naam"]) == ["Anna", "Bram"]
    assert {"CZ groep", "Coöperatie VGZ", "Zorg en Zekerheid"} <= set(matrix.columns)


def test_batch_with_an_empty_file_fails_clearly(tmp_path, capsys):
    coaches = tmp_path / "empty.csv"
    coaches.write_text("", encoding="utf-8")
    assert main(["assess-batch", str(coaches), "--year", "2024"]) == 1
    assert "leeg" in capsys.readouterr().err


def test_batch_output_parses(tmp_path, capsys):
    coaches = tmp_path / "c.csv"
    coaches.write_text("name,registries\nCoach,BLCN\n", encoding="utf-8")
    assert main(["assess-batch", str(coaches), "--year", "2027"]) == 0
    frame = pd.read_csv(io.BytesIO(capsys.readouterr().out.encode()), sep=";", encoding="utf-8-sig")
    assert frame.loc[0, "Naam"] == "Coach"
