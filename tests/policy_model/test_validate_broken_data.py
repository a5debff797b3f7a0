"""Each file in broken_data/ is one small mutation of the real dataset with the messages
``python -m policy_model validate`` must print for it. The expected errors live next to
the mutation, so adding a case is adding a YAML file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from policy_model.cli import main
from policy_model.paths import DEFAULT_DATA_DIR

CASES = sorted((Path(__file__).parent / "broken_data").glob("*.yaml"))


def apply_case(case: dict, target: Path) -> None:
    shutil.copytree(DEFAULT_DATA_DIR, target)
    for name in case.get("delete", []):
        (target / name).unlink()
    for name, content in case.get("write", {}).items():
        (target / name).write_text(content, encoding="utf-8")
    for name, content in case.get("write_latin1", {}).items():
        (target / name).write_bytes(content.encode("latin-1"))
    for name, size in case.get("fill", {}).items():
        (target / name).write_bytes(b"# filler\n" * (size // 9))


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_broken_data_is_reported_with_location_and_exit_code_1(case_file, tmp_path, capsys, request):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    if case.get("needs_sources"):
        request.getfixturevalue("source_texts")
    data = tmp_path / "data"
    apply_case(case, data)
    args = case.get("args", ["--no-quotes"])

    code = main(["validate", str(data), *args])

    out = capsys.readouterr()
    printed = out.out + out.err
    assert code == 1, printed
    assert "Traceback" not in printed
    for expected in case["expect"]:
        assert expected in printed, f"{case['description']}\nexpected: {expected}\ngot:\n{printed}"


def test_the_real_dataset_validates_clean(capsys, source_texts):
    """No error; what is printed before the OK line is only warnings (numbers in our own texts
    that the quote does not state, listed for the curators)."""
    code = main(["validate"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0, lines
    assert lines[-1].startswith("OK:")
    assert all(": warning: " in line for line in lines[:-1]), [x for x in lines[:-1] if ": warning: " not in x]


def test_the_validator_reports_every_problem_at_once(tmp_path, capsys):
    data = tmp_path / "data"
    apply_case({"delete": ["registries.yaml"], "write": {"policies/zz-2030.yaml": ""}}, data)
    main(["validate", str(data), "--no-quotes"])
    printed = capsys.readouterr().out
    assert "registries.yaml: (file): file is missing" in printed
    assert "policies/zz-2030.yaml: (file): file is empty" in printed


def test_a_missing_data_folder_is_a_clear_message(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere")]) == 1
    assert "data folder does not exist" in capsys.readouterr().out


def test_unusual_unicode_in_texts_is_valid_data(tmp_path, capsys):
    """Emoji, combining accents, ligatures and right-to-left scripts are just text (bidi controls and
    zero-width characters are not: tests/policy_model/test_hostile_numbers.py)."""
    data = tmp_path / "data"
    apply_case({"write": {"policies/zz-2030.yaml": (
        "insurer: zz\nyear: 2030\ndocument_kind: full_policy\ncoverage: {subjects: [tariffs]}\ndocuments: [zz_gli_2024]\n"
        "title: \"Beleid GLI 🥗 Die\u0308tist\"\n"
        "summary: \"日本語 · עברית · ﬁnanciering\"\n"
        "tariffs:\n  - kind: nza_maximum\n    available: \"yes\"\n    text: \"Maximumtarief 🙂\"\n"
        "    source: {document: zz_gli_2024, section: \"6.1\", quote: \"De NZa beleidsregel kent een maximumtarief voor GLI.\"}\n"
    )}}, data)
    assert main(["validate", str(data), "--no-quotes"]) == 0, capsys.readouterr().out
