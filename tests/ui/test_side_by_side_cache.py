"""Comparison rows and their HTML, made once per data folder, builder, records and choices."""

from __future__ import annotations

import shutil

import streamlit as st

from policy_model.comparison.selection import word_pairs
from policy_model.comparison.text_rows import (
    Entry,
    TextRow,
    requirement_and_participant_text_rows,
    requirement_text_rows,
)
from policy_model.loader import load_catalogue
from policy_model.paths import DEFAULT_DATA_DIR
from tests.dataset import reworded_next_year
from ui.side_by_side import ComparedRows, cached_rows_html, compared_rows, rows_block, rows_html


def test_rows_are_made_once_and_a_new_folder_role_or_filter_makes_them_again(cat, monkeypatch, tmp_path):
    st.cache_resource.clear()
    made: list[tuple] = []

    def make(policies, role=None):
        made.append((tuple(p.key for p in policies), role))
        same = TextRow("same", "Overal gelijk", {p.key: (Entry("Zelfde tekst"),) for p in policies})
        return [*requirement_text_rows(policies, role), same]

    policies = cat.policies_for(insurers=["cz"])
    first = compared_rows(make, policies, "rho")
    assert isinstance(first, ComparedRows) and list(first)[:-1] == requirement_text_rows(policies, "rho")
    assert compared_rows(make, policies, "rho") is first and len(made) == 1
    assert compared_rows(make, policies, None) is not first and len(made) == 2
    only = compared_rows(make, policies, "rho", only_differences=True)
    assert list(only) == list(first)[:-1] and not first[-1].differs
    assert compared_rows(make, policies[:1], "rho") is not first
    monkeypatch.setenv("GLI_DATA_DIR", str(tmp_path))  # another folder is another catalogue
    assert compared_rows(make, policies, "rho") is not first
    assert made[-1] == (tuple(p.key for p in policies), "rho") and len(made) == 5


def test_the_cached_html_is_the_html_of_the_same_rows(monkeypatch, tmp_path):
    st.cache_resource.clear()
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    key = reworded_next_year(data)
    monkeypatch.setenv("GLI_DATA_DIR", str(data))
    cat = load_catalogue(data).catalogue
    policies = (cat.policy_by_key("cz-2027"), cat.policy_by_key(key))
    rows = compared_rows(requirement_and_participant_text_rows, policies, None)
    assert word_pairs(policies) == {key: "cz-2027"}  # two documents of CZ: word by word
    for words in (False, True):
        html = cached_rows_html(cat, rows, policies, "requirements", words)
        assert html == rows_block(cat, policies, rows_html(cat, list(rows), policies, "requirements",
                                                           word_pairs(policies) if words else {}))
        assert html._repr_html_() == str(html)  # st.html takes it as it is
    assert cached_rows_html(cat, rows, policies, "requirements", True) is cached_rows_html(
        cat, rows, policies, "requirements", True)  # made once
    assert "<ins>" in cached_rows_html(cat, rows, policies, "requirements", True)


def test_a_summary_beside_the_full_rule_is_shown_as_it_is_with_the_reason(cat):
    # CZ 2024's web page speaks of requirements only in general terms: its register sentence
    # is not struck out against CZ 2027 §2.1.1, whose rule is not marked new; the cell says why.
    policies = (cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027"))
    rows = [r for r in requirement_text_rows(policies) if r.key == "quality_register"]
    html = rows_html(cat, rows, policies, "requirements", word_pairs(policies))
    assert "<del>" not in html and "<ins>" not in html and "staat niet meer in deze tekst" not in html
    assert "Niet woord voor woord vergeleken: CZ 2024 (samenvatting) spreekt hierover alleen in algemene termen" in html
    assert "KABIZ" in html  # CZ 2027's rule, in full


def test_a_topic_only_one_document_speaks_of_gets_a_plain_badge_and_no_tint(cat):
    policies = (cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027"))
    rows = [r for r in requirement_text_rows(policies) if r.key in ("agb_code", "quality_register")]
    html = rows_html(cat, rows, policies, "requirements", {})
    assert "<div class='gli-row solo' id='gli-requirements-agb_code'>" in html
    assert "<span class='gli-badge solo'>alleen vermeld in CZ 2027</span>" in html
    assert "<div class='gli-row diff' id='gli-requirements-quality_register'>" in html  # the texts differ
    assert "✱ verschilt: tekst" in html
