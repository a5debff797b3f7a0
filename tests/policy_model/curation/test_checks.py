"""The checks ``validate`` runs on top of the schema, on the committed dataset."""

from __future__ import annotations

from policy_model.curation.checks import catalogue_names, value_problems
from policy_model.loader import CATALOGUE_FILES, POLICY_DIR, validate_model
from policy_model.paths import DEFAULT_DATA_DIR
from policy_model.schema import Policy
from policy_model.yamlio import read_yaml


def _parsed(name: str, model: type) -> tuple:
    doc = read_yaml(DEFAULT_DATA_DIR / name, name)
    return doc, validate_model(doc, model)


def test_the_names_validate_passes_on_are_the_programme_and_register_names() -> None:
    catalogue = [_parsed(name, model)[1] for name, model in CATALOGUE_FILES.items()]
    names = catalogue_names(catalogue)
    # programmes.yaml: KD2O's name, alias and variants; registries.yaml: the registers.
    assert {"Keer Diabetes2 Om", "Keer Diabetes 2 Om", "KD2O", "KD2O plus", "BLCN"} <= names


def test_vgz_2024_keer_diabetes_2_om_is_a_name_not_a_number() -> None:
    """VGZ 2024 (wijzigingen, bijlage 1) names the programme "Keer Diabetes 2 Om (KD2O)"; our
    notes spell it out where the quote says only "KD2O"."""
    catalogue = [_parsed(name, model)[1] for name, model in CATALOGUE_FILES.items()]
    sources = _parsed("sources.yaml", CATALOGUE_FILES["sources.yaml"])[1].sources
    policy = [_parsed(f"{POLICY_DIR}/vgz-2024.yaml", Policy)]
    texts = [w for w in value_problems(policy, sources)[1] if "the number(s) 2 in the text" in w.message]
    assert {w.path for w in texts} >= {"programmes[5].note", "changes[1].text"}
    assert [w for w in value_problems(policy, sources, catalogue_names(catalogue))[1]
            if "the number(s) 2 in the text" in w.message] == []
