"""Hostile data folders: every case is a located message and exit code 1, never a crash,
a hang, a flood of memory or a policy dropped without a word."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from policy_model.cli import main
from policy_model.paths import DEFAULT_DATA_DIR
from policy_model.yamlio import MAX_ALIAS_SIZE, MAX_DEPTH, read_yaml
from tests.conftest import REPO
from tests.limits import crashed, run_limited

POLICY_HEAD = "insurer: zz\nyear: 2030\n"
LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(9)
)


def validate(folder, capsys) -> tuple[int, str]:
    started = time.monotonic()
    code = main(["validate", str(folder), "--no-quotes"])
    out = capsys.readouterr()
    assert time.monotonic() - started < 60, "validate took far too long"
    printed = out.out + out.err
    assert "Traceback" not in printed and "internal error" not in printed, printed
    return code, printed


def test_fifty_thousand_nested_brackets_do_not_crash_the_process(tmp_path):
    """Once a segmentation fault: run in a child process so a regression cannot take pytest down."""
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (data / "policies" / "zz-2030.yaml").write_text(POLICY_HEAD + "title: " + "[" * 50_000 + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "policy_model", "validate", str(data), "--no-quotes"],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert f"policies/zz-2030.yaml:3: (file): lists and mappings nested more than {MAX_DEPTH} levels deep" in run.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("title: " + "[" * 1000 + "]" * 1000, "zz-2030.yaml:3: (file): lists and mappings nested more than"),
        ("title:\n" + "".join(" " * n + "- \n" for n in range(1, 1200)), "nested more than 100 levels"),
        (LAUGHS, "repeat more than 1,000,000 characters of values; the data needs no anchors or aliases"),
        ("title: &t [*t]\n", "zz-2030.yaml:3: (file): alias *t refers to the value it is part of"),
        ("? [a, b]\n: 1\n", "zz-2030.yaml:3: (file): a key must be a single name, not a list or mapping"),
        ("summary: 1\nproblem: " + "9" * 5000, "zz-2030.yaml:4: problem: a number of 5,000 characters"),
        ('title: "Beleid\\x07 2030"\n', "zz-2030.yaml:3: title: text contains the control character U+0007"),
        ('summary: "een\\rregel"\n', "zz-2030.yaml:3: summary: text contains the control character U+000D"),
        ('summary: "een\\u2028regel"\n', "zz-2030.yaml:3: summary: text contains the control character U+2028"),
        ("summary: b\x01c\n", "zz-2030.yaml:3: (file): the character U+0001 is not allowed in a data file"),
    ],
    ids=["deep-flow", "deep-block", "billion-laughs", "recursive-alias", "complex-key", "huge-number",
         "bell-in-text", "carriage-return-in-text", "line-separator-in-text", "raw-control-character"],
)
def test_odd_yaml_is_a_located_message(data, capsys, content, expected):
    (data / "policies" / "zz-2030.yaml").write_text(POLICY_HEAD + content, encoding="utf-8")
    code, printed = validate(data, capsys)
    assert code == 1
    assert expected in printed, printed


def test_aliases_that_expand_a_little_are_still_fine(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("base: &b {a: 1, b: [x, y]}\ncopy: *b\n", encoding="utf-8")
    doc = read_yaml(path)
    assert not doc.problems and doc.data["copy"] == {"a": 1, "b": ["x", "y"]}


@pytest.mark.parametrize("content", ["---\n", "null\n", "~\n", "--- null\n...\n"])
def test_a_policy_file_that_holds_nothing_is_an_error(data, capsys, content):
    (data / "policies" / "zz-2030.yaml").write_text(content, encoding="utf-8")
    code, printed = validate(data, capsys)
    assert code == 1
    assert "(file): the file holds no data (only '---' or null)" in printed
    assert printed.startswith("policies/zz-2030.yaml:")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zz-2030.yml", "policies/zz-2030.yml: (file): not read: policy files end in .yaml (lower case)"),
        ("ZZ-2030.YAML", "policies/ZZ-2030.YAML: (file): not read: policy files end in .yaml (lower case)"),
        (".yml", "policies/.yml: (file): not read: policy files end in .yaml"),
        ("oud/zz-2030.yaml", "policies/oud/: (file): a folder in policies/ is not read"),
        ("notities.txt", "policies/notities.txt: (file): not a policy file"),
    ],
)
def test_files_the_loader_does_not_read_are_reported_not_skipped(data, capsys, name, expected):
    target = data / "policies" / name
    target.parent.mkdir(exist_ok=True)
    shutil.copy(data / "policies" / "zz-2024.yaml", target)
    code, printed = validate(data, capsys)
    assert code == 1
    assert expected in printed, printed


def test_a_fifo_named_yaml_does_not_hang_validation(data, capsys):
    os.mkfifo(data / "policies" / "zz-2030.yaml")
    code, printed = validate(data, capsys)
    assert code == 1
    assert "policies/zz-2030.yaml: (file): is a device, FIFO or socket, not a regular file" in printed


@pytest.mark.parametrize("target", ["/dev/zero", "/etc/hostname"])
def test_a_link_out_of_the_data_folder_is_not_followed(data, capsys, target):
    (data / "policies" / "zz-2030.yaml").symlink_to(target)
    code, printed = validate(data, capsys)
    assert code == 1
    assert f"policies/zz-2030.yaml: (file): is a link to {target}, outside the data folder" in printed


def test_a_link_inside_the_data_folder_is_read(data, capsys):
    (data / "policies" / "zz-2024.yaml").rename(data / "zz-2024-original.yaml")
    (data / "policies" / "zz-2024.yaml").symlink_to(data / "zz-2024-original.yaml")
    code, printed = validate(data, capsys)
    assert code == 0, printed


def test_a_link_loop_is_a_message(data, capsys):
    (data / "policies" / "zz-2030.yaml").symlink_to(data / "policies" / "zz-2030.yaml")
    code, printed = validate(data, capsys)
    assert code == 1
    assert "policies/zz-2030.yaml: (file): is a link that points to itself" in printed


def _deep_behind(hide: str) -> str:
    """125 lines of 399 ``[`` each, their ``]`` hidden where a text scan could miscount them:
    50,000 levels in all (once a segmentation fault)."""
    closers = "]" * 399
    tail = {"comment": f" # {closers}", "quoted": f" '{closers}'", "double-quoted": f' "{closers}"'}[hide]
    return "title:\n" + "".join("  " + "[" * 399 + tail + "\n" for _ in range(125))


@pytest.mark.parametrize("hide", ["comment", "quoted", "double-quoted"])
def test_brackets_hidden_in_comments_or_quotes_cannot_fool_the_depth_check(data, hide):
    (data / "policies" / "zz-2030.yaml").write_text(POLICY_HEAD + _deep_behind(hide), encoding="utf-8")
    run = run_limited(["validate", str(data), "--no-quotes"])
    assert not crashed(run), (run.returncode, run.stderr[-2000:])
    assert run.returncode == 1
    assert f"policies/zz-2030.yaml:4: (file): lists and mappings nested more than {MAX_DEPTH} levels deep" in run.stdout


def test_a_deep_profile_is_a_message_for_assess(tmp_path):
    profile = tmp_path / "profiel.yaml"
    profile.write_text("role: individual_coach\nyear: 2027\nname:\n" + _deep_behind("comment")[len("title:\n"):],
                       encoding="utf-8")
    run = run_limited(["assess", str(profile)])
    assert not crashed(run), (run.returncode, run.stderr[-2000:])
    assert run.returncode == 1
    assert f"fout: profiel.yaml:4: (file): lists and mappings nested more than {MAX_DEPTH} levels deep" in run.stderr


def test_aliases_of_a_large_text_are_bounded_by_size_not_count(data):
    """250 aliases of a 1.5 MB text passed the count and took the server to 3.3 GB."""
    big = "x" * 1_500_000
    content = f"summary: &big {big}\ntitle: Beleid\nderived_note: [{', '.join(['*big'] * 250)}]\n"
    (data / "policies" / "zz-2030.yaml").write_text(POLICY_HEAD + content, encoding="utf-8")
    run = run_limited(["validate", str(data), "--no-quotes"])
    assert not crashed(run), (run.returncode, run.stderr[-2000:])
    assert run.returncode == 1
    assert (f"policies/zz-2030.yaml:5: (file): aliases (*big) repeat more than {MAX_ALIAS_SIZE:,} characters "
            "of values") in run.stdout


def test_twenty_thousand_unknown_keys_are_each_located(data, capsys):
    """Once 39 s (each line looked up by a scan of the whole mapping); the time is in make bench."""
    path = data / "policies" / "zz-2024.yaml"
    original = path.read_text(encoding="utf-8")
    first = original.count("\n") + 1
    path.write_text(original + "".join(f"onbekend_{n:05d}: waarde {n}\n" for n in range(20_000)), encoding="utf-8")
    code, printed = validate(data, capsys)
    assert code == 1
    lines = [line for line in printed.splitlines() if ": onbekend_" in line]
    assert len(lines) == 20_000
    assert lines[0].startswith(f"policies/zz-2024.yaml:{first}: onbekend_00000: unknown field")
    assert lines[-1].startswith(f"policies/zz-2024.yaml:{first + 19_999}: onbekend_19999: unknown field")


def test_twenty_thousand_repeated_keys_each_name_their_first_line(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("a:\n" + "".join(f"  k{n % 10_000}: {n}\n" for n in range(20_000)), encoding="utf-8")
    doc = read_yaml(path)
    assert len(doc.problems) == 10_000
    last = doc.problems[-1]
    assert (last.line, last.path) == (20_001, "a.k9999")
    assert "first on line 10001" in last.message
