"""``python -m policy_model diff FROM TO``: the documented JSON shape, clear errors, a closed pipe."""

from __future__ import annotations

import json
import subprocess
import sys

from policy_model.cli import main
from policy_model.paths import DEFAULT_DATA_DIR
from policy_model.vocab import DIFF_CLASS_LABELS, DIFF_ITEM_KIND_LABELS

ITEM_KEYS = {"kind", "key", "subject", "class", "from", "to", "from_label", "to_label", "roles",
             "roles_stated", "against_year", "stated_by_document", "other_side", "deferral", "readings", "sources"}


def _check_item(item: dict) -> None:
    assert set(item) - {"evidence"} == ITEM_KEYS
    assert item["kind"] in DIFF_ITEM_KIND_LABELS and item["class"] in DIFF_CLASS_LABELS
    assert item["from"] is not None or item["to"] is not None
    for source in item["sources"]:
        assert set(source) == {"side", "document", "section", "quote"}
    for evidence in item.get("evidence", []):
        _check_item(evidence)


def test_diff_json_has_the_documented_shape(capsys):
    assert main(["diff", "cz-2024", "cz-2027", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["from"] == "cz-2024" and data["to"] == "cz-2027"
    assert set(data["counts"]) == set(DIFF_CLASS_LABELS)
    for item in data["items"]:
        _check_item(item)
    kd2o = next(i for i in data["items"] if i["subject"] == "Keer Diabetes2 Om")
    assert kd2o["class"] == "added" and kd2o["from"] is None
    deferred = [i for i in data["items"] if i["other_side"] == "deferred"]
    assert deferred and all("paragraaf 2.4" in i["deferral"]["quote"] for i in deferred)


def test_diff_text_puts_real_changes_first_grouped_by_kind_with_counts(capsys):
    assert main(["diff", "zz-2023", "zz-2024"]) == 0
    out = capsys.readouterr().out
    assert out.index("== Verschillen ==") < out.index("== Alleen in één document vastgelegd of vermeld ==")
    assert "-- Genoemd in de wijzigingenlijst (9) --" in out
    assert "Max-max tarief" in out and "[Tarief · Max-max tarief]" in out


def test_an_unknown_policy_key_names_the_known_keys_and_exits_1(capsys):
    assert main(["diff", "cz-2099", "cz-2027"]) == 1
    err = capsys.readouterr().err
    assert "unknown policy key 'cz-2099'" in err
    assert "cz-2027" in err and "vgz-2024" in err


def test_a_closed_pipe_ends_the_command_quietly():
    # ``python -m policy_model diff ... | head`` used to end with "internal error ... BrokenPipeError".
    # JSON: some 200 KB, more than a pipe holds, so the writer meets the closed end.
    command = [sys.executable, "-m", "policy_model", "diff", "cz-2024", "cz-2027", "--format", "json",
               "--data-dir", str(DEFAULT_DATA_DIR)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout.readline().startswith(b"{")
        process.stdout.close()  # as head does after its lines
        stderr = process.stderr.read().decode()
        code = process.wait(timeout=60)
    assert code == 0, stderr
    assert "Error" not in stderr and "internal error" not in stderr


def test_the_readme_example_is_what_the_command_prints(cat, capsys):
    # The README's example had gone stale ("2 gewijzigd, 1 nieuw, 1 vervallen; 198 …").
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ .venv/bin/python -m policy_model diff cz-2024 cz-2027\n", 1)[1].split("\n```", 1)[0]
    shown = [line for line in block.splitlines() if line.strip() != "..."]
    assert main(["diff", "cz-2024", "cz-2027"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert len(shown) > 5 and all(line in printed for line in shown), [x for x in shown if x not in printed]
