"""read_yaml builds values itself (for speed); they must equal PyYAML's safe loader's."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policy_model.paths import DEFAULT_DATA_DIR
from policy_model.yamlio import _Loader, read_yaml

TRICKY = """\
base: &base
  a: 1
  b: [true, null, 2.5, "3", '4', 2024-01-02]
merged:
  <<: *base
  c: ~
tagged: !!str 12
numbers: [0x10, 1_000, -3, .inf]
nested:
  - {x: yes, y: "no"}
  - [1, [2, [3]]]
1: integer key
"""


@pytest.mark.parametrize("path", sorted(DEFAULT_DATA_DIR.rglob("*.yaml")), ids=lambda p: p.name)
def test_every_data_file_reads_the_same_as_with_pyyaml(path: Path):
    doc = read_yaml(path)
    assert not doc.problems
    assert doc.data == yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe subclass)


def test_anchors_merge_keys_tags_and_scalars_read_the_same_as_with_pyyaml(tmp_path):
    path = tmp_path / "tricky.yaml"
    path.write_text(TRICKY, encoding="utf-8")
    doc = read_yaml(path)
    assert not doc.problems
    assert doc.data == yaml.load(TRICKY, Loader=_Loader)  # noqa: S506
    assert doc.data["base"]["b"][-1] == "2024-01-02"  # dates stay text until the schema parses them
    assert doc.line_of(("merged", "c")) == 6
    assert doc.line_of(("merged", "nope", 3)) == 4  # the deepest prefix that exists


def test_a_duplicate_key_inside_a_constructed_subtree_is_still_reported(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("top:\n  1: a\n  1: b\n", encoding="utf-8")
    doc = read_yaml(path)
    assert [p.line for p in doc.problems] == [3]
    assert "duplicate key" in doc.problems[0].message
