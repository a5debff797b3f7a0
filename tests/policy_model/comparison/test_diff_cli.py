"""``python -m policy_model diff FROM TO``: the documented JSON shape and clear errors."""

from __future__ import annotations

import json

from policy_model.cli import main


def test_diff_json_has_the_documented_shape(capsys):
    assert main(["diff", "cz-2024", "cz-2027", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["from"] == "cz-2024" and data["to"] == "cz-2027"
    kinds = {"programme", "registry", "route", "period", "tariff", "application", "timeline", "requirement"}
    classes = {"changed", "added", "removed", "only_in_from", "only_in_to", "same"}
    for item in data["items"]:
        assert set(item) == {"kind", "subject", "class", "from", "to", "stated_by_document", "sources"}
        assert item["kind"] in kinds and item["class"] in classes
        assert item["from"] is not None or item["to"] is not None
        for source in item["sources"]:
            assert set(source) == {"side", "document", "section", "quote"}
    kd2o = next(i for i in data["items"] if i["subject"] == "Keer Diabetes2 Om")
    assert kd2o["class"] == "added" and kd2o["from"] is None


def test_diff_text_puts_real_changes_before_what_one_document_alone_states(capsys):
    assert main(["diff", "zz-2023", "zz-2024"]) == 0
    out = capsys.readouterr().out
    assert out.index("== Verschillen ==") < out.index("== Alleen in één document vermeld ==")
    assert "Max-max tarief" in out


def test_an_unknown_policy_key_names_the_known_keys_and_exits_1(capsys):
    assert main(["diff", "cz-2099", "cz-2027"]) == 1
    err = capsys.readouterr().err
    assert "unknown policy key 'cz-2099'" in err
    assert "cz-2027" in err and "vgz-2024" in err
