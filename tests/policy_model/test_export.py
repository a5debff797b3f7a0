"""The exports: JSON valid against the published schema, CSV round-trips through pandas."""

from __future__ import annotations

import io
import json

import jsonschema
import pandas as pd

from policy_model.cli import main
from policy_model.export import export_csv, export_json, export_json_schema
from policy_model.facts import FACT_COLUMNS, all_facts
from tests.conftest import REPO

SCHEMA_FILE = REPO / "schema" / "dataset-export.schema.json"


def test_the_published_schema_is_the_one_generated_from_the_models():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == export_json_schema(), "run: make schema"


def test_the_json_export_validates_against_the_published_schema(cat):
    data = json.loads(export_json(cat))
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    assert set(data) == {"sources", "insurers", "programmes", "registries", "glossary", "guidance", "policies"}


def test_the_json_policies_have_the_documented_shape(cat):
    data = json.loads(export_json(cat))
    policy = next(p for p in data["policies"] if p["insurer"] == "cz" and p["year"] == 2027)
    assert policy["partial"] is False
    assert {"programme", "status", "source"} <= set(policy["programmes"][0])
    assert set(policy["programmes"][0]["source"]) == {"document", "section", "quote"}
    dated = [t for t in policy["timeline"] if t["date"]]
    assert dated and all(len(t["date"]) == 10 and t["date"][4] == "-" for t in dated)
    assert all("date_text" in t and "activity" in t for t in policy["timeline"])
    assert {"topic", "roles", "text", "source"} <= set(policy["requirements"][0])


def test_the_csv_round_trips_through_pandas_with_one_row_per_fact(cat):
    text = export_csv(cat)
    frame = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    assert list(frame.columns) == FACT_COLUMNS
    assert len(frame) == len(all_facts(cat))
    assert (frame["quote"] != "").all()


def test_the_csv_file_has_a_byte_order_mark_for_excel(tmp_path, source_texts):
    out = tmp_path / "facts.csv"
    assert main(["export", "--format", "csv", "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(out, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert "cz" in set(frame["insurer"])


def test_export_refuses_broken_data_with_a_message(tmp_path, capsys):
    (tmp_path / "policies").mkdir()
    assert main(["export", "--data-dir", str(tmp_path)]) == 1
    assert "export refused" in capsys.readouterr().err
