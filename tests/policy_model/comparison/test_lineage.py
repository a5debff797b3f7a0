"""Statement identities across an insurer's years: kept by carry-forward, used by the comparison."""

from __future__ import annotations

import shutil
from pathlib import Path

from policy_model.comparison.diff import diff_policies
from policy_model.comparison.matching import match_statements
from policy_model.curation.carry_forward import carry_forward
from policy_model.loader import load_catalogue
from policy_model.paths import DEFAULT_DATA_DIR


def test_a_carried_forward_year_keeps_every_identity_so_the_comparison_matches_them_all(tmp_path: Path, source_texts):
    # The CZ 2024 page carried forward against the 2027 document (as data/README's example):
    # every quote is for review, every statement keeps its identity.
    data, sources = tmp_path / "data", tmp_path / "sources"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    shutil.copytree(source_texts, sources)
    (data / "policies" / "cz-2027.yaml").unlink()  # carry-forward never replaces a reviewed record
    carry_forward("cz-2024", 2027, "cz_gli_2027", data_dir=data, sources_dir=sources)
    catalogue = load_catalogue(data).catalogue
    old, draft = catalogue.policy_by_key("cz-2024"), catalogue.policy_by_key("cz-2027")
    assert draft is not None and draft.draft
    assert [r.identity for r in draft.requirements] == [r.identity for r in old.requirements]
    assert [p.identity for p in draft.provisions] == [p.identity for p in old.provisions]
    assert [t.lineage for t in draft.timeline] == [t.lineage for t in old.timeline]
    statements = [i for i in diff_policies(catalogue, old, draft).items
                  if i.kind in ("requirement", "participant", "provision")]
    assert statements and all(i.matched and i.cls == "same" for i in statements)


def test_identity_wins_over_similarity_and_unrelated_insurers_are_matched_by_text_only(cat):
    cz_2024, cz_2027 = cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027")
    pairs = match_statements(cz_2024.requirements, cz_2027.requirements, use_identity=True)
    by_old = {p.old.id: p for p in pairs if p.old is not None}
    # CZ 2027 §2.1 continues the 2024 adults criterion under another id (lineage).
    assert by_old["target_group_adults"].new.id == "target_group_adults_overweight"
    assert by_old["target_group_adults"].by == "identity"
    # Between two insurers an equal id means nothing.
    vgz = cat.policy_by_key("vgz-2024")
    across = match_statements(cz_2027.requirements, vgz.requirements, use_identity=False)
    assert all(p.by != "identity" for p in across)
