"""The assess command line: exit codes, JSON shape, batch matrix, bad input."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest

from policy_model import cli
from policy_model.cli import main
from tests.conftest import REPO

EXAMPLE = REPO / "examples" / "profile-coach-2027.yaml"


@pytest.fixture(autouse=True)
def _clean_data(load_result):
    if not load_result.ok:
        pytest.fail("dataset has problems: " + "; ".join(map(str, load_result.problems[:3])))


def test_assess_prints_json_with_the_documented_keys(capsys):
    assert main(["assess", str(EXAMPLE), "--format", "json", "--today", "2026-06-01"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert {"year", "today", "warnings", "assessments"} <= set(answer)
    data = answer["assessments"]
    assert [a["insurer"] for a in data] == ["cz", "vgz", "zz"]  # every insurer, one run
    assert [a["hint"] for a in data] == [False, True, True]
    assert any("VGZ: geen beleid voor 2027 in deze wijzer; het nieuwste is 2024" in w for w in answer["warnings"])
    first = data[0]
    assert {"insurer", "year", "verdict", "reasons", "routes", "checklist", "programmes", "registries", "deadlines",
            "next_step", "actions", "groups"} <= set(first)
    assert first["verdict"] in {"eligible", "subcontractor_only", "not_eligible", "conditional"}
    item = first["checklist"][0]
    assert {"topic", "text", "status", "source"} <= set(item)
    assert {"document", "section", "quote"} <= set(item["source"])
    # The example coach had no contract with CZ in 2026 (prior_contract_with: []): a new provider, who
    # applies by e-mail without a closing date (CZ 2027 §3.3.4). Its deadlines hold the objection date
    # (Voorwoord), not the signing date of the contracts CZ offers its existing contractants (§4.1,
    # 31 October 2026), which this test used to expect.
    assert [d["date"] for d in first["deadlines"]] == ["2026-05-15"]
    assert {"kind", "date", "date_text", "activity", "when", "source"} <= set(first["deadlines"][0])


def test_assess_text_output_is_dutch_and_names_the_verdict(capsys):
    assert main(["assess", str(EXAMPLE), "--today", "2026-06-01"]) == 0
    out = capsys.readouterr().out
    assert "== CZ 2027" in out and "bron:" in out


def test_a_json_profile_works_too(tmp_path, capsys):
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"role": "rho", "year": 2024}), encoding="utf-8")
    assert main(["assess", str(profile), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["assessments"]) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "file is empty"),
        ("role: [unclosed", "YAML syntax error"),
        ("role: astronaut\nyear: 2027\n", "onbekend rol ‘astronaut’ bij role"),
        ("year: 2027\n", "role: Field required"),
        ("- just a list\n", "een profiel is een lijst van sleutels met waarden"),
    ],
)
def test_a_bad_profile_is_a_clear_message_and_exit_1(tmp_path, capsys, content, message):
    profile = tmp_path / "p.yaml"
    profile.write_text(content, encoding="utf-8")
    assert main(["assess", str(profile)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_unknown_register_in_a_profile_is_an_error_with_the_closest_match(tmp_path, capsys):
    profile = tmp_path / "p.yaml"
    profile.write_text("role: individual_coach\nyear: 2027\nregistries: [blcn, BLNC]\n", encoding="utf-8")
    assert main(["assess", str(profile), "--format", "json"]) == 1
    err = capsys.readouterr().err
    assert "onbekend register ‘BLNC’ bij registries" in err
    assert "Bedoelde u ‘BLCN’?" in err and "Geldige waarden:" in err and "KABIZ" in err


@pytest.mark.parametrize("spelling", ["[BLCN]", "[blcn]", "BLCN", "[Beroepsvereniging Leefstijlcoaches Nederland]"])
def test_registers_programmes_insurers_and_backgrounds_by_id_or_name_any_case(tmp_path, capsys, spelling):
    profile = tmp_path / "p.yaml"
    profile.write_text(f"role: Individuele coach\nyear: 2024\nregistries: {spelling}\nlicences: [CooL, slimmer]\n"
                       "prior_contract_with: [Zorg en Zekerheid]\nbackground: Diëtist\nin_insurer_region: [cz]\n",
                       encoding="utf-8")
    assert main(["assess", str(profile), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)["assessments"]
    assert {r["registry"] for r in data[0]["registries"]} == {"blcn"}
    assert {p["programme"] for p in data[0]["programmes"]} == {"cool", "slimmer"}


def test_an_unknown_key_names_the_readme_section(tmp_path, capsys):
    profile = tmp_path / "p.yaml"
    profile.write_text("role: rho\nyear: 2024\nlicenses: [cool]\n", encoding="utf-8")
    assert main(["assess", str(profile)]) == 1
    err = capsys.readouterr().err
    assert "onbekende sleutel ‘licenses’" in err and "Bedoelde u ‘licences’?" in err and "README.md" in err


def test_explicit_none_differs_from_not_answered(tmp_path, capsys):
    def programme_licence(text: str) -> set[str]:
        profile = tmp_path / "p.yaml"
        profile.write_text("role: individual_coach\nyear: 2027\nregion_has_rho: 'no'\nregion_has_network: 'no'\n" + text,
                           encoding="utf-8")
        assert main(["assess", str(profile), "--format", "json"]) == 0
        cz = json.loads(capsys.readouterr().out)["assessments"][0]
        return {c["status"] for c in cz["checklist"] if c["topic"] == "programme_licence" and c["force"] == "minimum"}

    assert programme_licence("") == {"to_check"}
    assert programme_licence("licences: none\n") == {"unmet"}
    assert programme_licence("licences: []\n") == {"unmet"}


def test_warnings_are_in_the_json_output_too(tmp_path, capsys):
    profile = tmp_path / "p.yaml"
    profile.write_text("role: coach_network\nyear: 2027\nlicences: []\nprogrammes_offered: 3\n", encoding="utf-8")
    assert main(["assess", str(profile), "--format", "json"]) == 0
    captured = capsys.readouterr()
    warnings = json.loads(captured.out)["warnings"]
    assert any("geen licentie" in w for w in warnings) and "geen licentie" in captured.err


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
    assert {"CZ", "VGZ", "Zorg en Zekerheid"} <= set(matrix.columns)


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


def _cz(capsys) -> dict:
    answer = json.loads(capsys.readouterr().out)
    return answer, next(a for a in answer["assessments"] if a["insurer"] == "cz")


def test_gli_today_pins_the_day_of_assess(monkeypatch, capsys):
    # README: GLI_TODAY pins today for tests and demonstrations.
    monkeypatch.setenv("GLI_TODAY", "2026-06-01")
    assert main(["assess", str(EXAMPLE), "--format", "json"]) == 0
    answer, cz = _cz(capsys)
    assert answer["today"] == "2026-06-01"
    # The example coach is a new provider: CZ's signing date of 31 October 2026 is its existing
    # contractants' (CZ 2027 §4.1, §3.3.4), so the day is read off CZ's publication of the contracted
    # providers on 12 November 2026, a date of the insurer's that is the coach's too.
    assert {d["date"]: d["when"] for d in cz["insurer_dates"]}["2026-11-12"] == "upcoming"
    monkeypatch.setenv("GLI_TODAY", "2026-12-02")
    assert main(["assess", str(EXAMPLE), "--format", "json"]) == 0
    answer, cz = _cz(capsys)
    assert answer["today"] == "2026-12-02"
    assert {d["date"]: d["when"] for d in cz["insurer_dates"]}["2026-11-12"] == "past"
    # --today still wins over the environment.
    assert main(["assess", str(EXAMPLE), "--format", "json", "--today", "2026-06-01"]) == 0
    assert _cz(capsys)[0]["today"] == "2026-06-01"


def test_gli_today_pins_the_day_of_assess_batch(monkeypatch, tmp_path, capsys):
    coaches = tmp_path / "c.csv"
    coaches.write_text("name,registries\nCoach,BLCN\n", encoding="utf-8")
    seen = []
    real = cli.assess_batch
    monkeypatch.setattr(cli, "assess_batch", lambda *args: seen.append(args[-1]) or real(*args))
    monkeypatch.setenv("GLI_TODAY", "2026-06-01")
    assert main(["assess-batch", str(coaches), "--year", "2027"]) == 0
    assert seen == [dt.date(2026, 6, 1)]


@pytest.mark.parametrize(("args", "env", "message"), [
    (["--today", "2026-13-01"], None, "--today ‘2026-13-01’ is geen datum; schrijf JJJJ-MM-DD"),
    ([], "1 december", "GLI_TODAY ‘1 december’ is geen datum"),
])
def test_a_bad_day_is_a_dutch_message_and_exit_1(monkeypatch, tmp_path, capsys, args, env, message):
    if env:
        monkeypatch.setenv("GLI_TODAY", env)
    coaches = tmp_path / "c.csv"
    coaches.write_text("name\nCoach\n", encoding="utf-8")
    for command in (["assess", str(EXAMPLE)], ["assess-batch", str(coaches), "--year", "2027"]):
        assert main([*command, *args]) == 1
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err and "usage:" not in err


def test_a_key_that_does_not_apply_to_the_role_is_a_warning_in_the_json(tmp_path, capsys):
    profile = tmp_path / "p.yaml"
    profile.write_text("role: individual_coach\nyear: 2027\nparticipant_age: 45\n", encoding="utf-8")
    assert main(["assess", str(profile), "--format", "json", "--today", "2026-06-01"]) == 0
    warnings = json.loads(capsys.readouterr().out)["warnings"]
    assert any("‘participant_age’ geldt niet voor de rol individuele coach" in w for w in warnings)


def test_organisation_functions_are_read_by_name_or_id(tmp_path, capsys):
    profile = tmp_path / "p.yaml"
    profile.write_text("role: rho\nyear: 2024\nin_insurer_region: [zz]\n"
                       "functions: {coordinates_chain_care: ja, 'Een regionale organisatie van (overwegend) huisartsen': yes}\n",
                       encoding="utf-8")
    assert main(["assess", str(profile), "--format", "json", "--today", "2023-06-01"]) == 0
    zz = next(a for a in json.loads(capsys.readouterr().out)["assessments"] if a["insurer"] == "zz")
    assert zz["verdict"] == "eligible" and "zorggroep" in {r["route"] for r in zz["routes"]}
    profile.write_text("role: rho\nyear: 2024\nfunctions: {ketenzorg: ja}\n", encoding="utf-8")
    assert main(["assess", str(profile)]) == 1
    assert "onbekend functie ‘ketenzorg’ bij functions" in capsys.readouterr().err
