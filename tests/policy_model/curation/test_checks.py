"""The checks ``validate`` runs on top of the schema: they read what the loader read, once;
``--no-quotes`` leaves out every check that opens a source text; programme and register
names are names, not numbers, on the committed dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_model import loader, yamlio
from policy_model.cli import main
from policy_model.curation import checks
from policy_model.curation.checks import catalogue_names, curation_checks, value_problems
from policy_model.loader import LoadedDocuments, load_catalogue
from policy_model.paths import DEFAULT_DATA_DIR
from tests.dataset import line_of, replace_first

SECTION = '      section: "3.1 Algemene visie op GLI"\n      quote: "Buiten de regio'
WRONG_SECTION = '      section: "7.2 Een andere kop"\n      quote: "Buiten de regio'
DATE, WRONG_DATE = "    date: 2023-07-15\n", "    date: 2023-07-16\n"


def section_warning(data: Path) -> str:
    line = line_of(data / "policies" / "zz-2024.yaml", WRONG_SECTION)
    return (f"policies/zz-2024.yaml:{line}: contract_routes[0].source.section: warning: section '7.2 Een andere "
            "kop' does not match the heading the quote is under: '3.1 Algemene visie op GLI'")


def value_error(data: Path) -> str:
    line = line_of(data / "policies" / "vgz-2024.yaml", WRONG_DATE)
    return (f"policies/vgz-2024.yaml:{line}: timeline[0].date: value disagrees with its quote: 2023-07-16 is not a "
            "date the quote names (15 juli 2023)")


@pytest.fixture
def misfiled(data: Path) -> Path:
    """The data with one section that is not its quote's heading and one date its quote does not state."""
    replace_first(data / "policies" / "zz-2024.yaml", SECTION, WRONG_SECTION)
    replace_first(data / "policies" / "vgz-2024.yaml", DATE, WRONG_DATE)
    return data


def test_validate_holds_sections_against_the_source_texts(misfiled, source_texts, capsys):
    assert main(["validate", str(misfiled)]) == 1
    printed = capsys.readouterr().out
    assert section_warning(misfiled) in printed
    assert value_error(misfiled) in printed


def test_no_quotes_opens_no_source_text_and_still_holds_values_against_quotes(misfiled, monkeypatch, capsys):
    def opened(*args: object) -> None:
        raise AssertionError(f"a source text was opened: {args}")

    monkeypatch.setattr(checks, "outline_of", opened)
    monkeypatch.setattr(loader, "quote_problems", opened)
    assert main(["validate", str(misfiled), "--no-quotes"]) == 1
    printed = capsys.readouterr().out
    assert value_error(misfiled) in printed
    assert ".section: warning:" not in printed
    assert "quote not found" not in printed


def test_validate_reads_each_data_file_once(data, monkeypatch, capsys):
    read: list[str] = []
    real = yamlio.read_yaml

    def counted(path: Path, *args: object, **kwargs: object) -> yamlio.YamlDocument:
        read.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(yamlio, "read_yaml", counted)
    monkeypatch.setattr(loader, "read_yaml", counted)
    assert main(["validate", str(data), "--no-quotes"]) == 0, capsys.readouterr().out
    expected = sorted([*loader.CATALOGUE_FILES, "calendar.yaml", *(p.name for p in (data / "policies").glob("*.yaml"))])
    assert sorted(read) == expected


def test_a_policy_whose_references_do_not_resolve_is_still_checked(data):
    """The catalogue leaves such a policy out; its values are still held against its quotes."""
    replace_first(data / "policies" / "vgz-2024.yaml", DATE, WRONG_DATE)
    replace_first(data / "policies" / "vgz-2024.yaml", "insurer: vgz\n", "insurer: vgzz\n")
    result = load_catalogue(data, keep_documents=True)
    assert "vgzz" not in {p.insurer for p in result.catalogue.policies}
    assert "vgzz" in {p.insurer for _, p in result.documents.policies}
    errors, _ = curation_checks(result.documents, with_sources=False)
    assert value_error(data) in [str(e) for e in errors]


def test_the_app_load_keeps_no_documents(data):
    assert load_catalogue(data).documents is None
    missing = load_catalogue(data / "nowhere", keep_documents=True)
    assert missing.documents is not None and missing.documents.policies == ()


def _committed() -> LoadedDocuments:
    documents = load_catalogue(DEFAULT_DATA_DIR, keep_documents=True).documents
    assert documents is not None
    return documents


def test_the_names_validate_passes_on_are_the_programme_and_register_names() -> None:
    catalogue = [model for _, model in _committed().catalogue_files]
    names = catalogue_names(catalogue)
    # programmes.yaml: KD2O's name, alias and variants; registries.yaml: the registers.
    assert {"Keer Diabetes2 Om", "Keer Diabetes 2 Om", "KD2O", "KD2O plus", "BLCN"} <= names


def test_vgz_2024_keer_diabetes_2_om_is_a_name_not_a_number() -> None:
    """VGZ 2024 (wijzigingen, bijlage 1) names the programme "Keer Diabetes 2 Om (KD2O)"; our
    notes spell it out where the quote says only "KD2O"."""
    documents = _committed()
    catalogue = [model for _, model in documents.catalogue_files]
    sources = documents.sources
    policy = [(doc, p) for doc, p in documents.policies if p.key == "vgz-2024"]
    texts = [w for w in value_problems(policy, sources)[1] if "the number(s) 2 in the text" in w.message]
    assert {w.path for w in texts} >= {"programmes[5].note", "changes[1].text"}
    assert [w for w in value_problems(policy, sources, catalogue_names(catalogue))[1]
            if "the number(s) 2 in the text" in w.message] == []


def test_a_force_the_table_of_wordings_contradicts_is_a_located_warning(data: Path, capsys) -> None:
    # CZ 2027 3.3.3 "Uitsluitingen": the table gives every requirement there the force exclusion.
    path = data / "policies" / "cz-2027.yaml"
    line = line_of(path, "    force: exclusion\n")
    replace_first(path, "    force: exclusion\n", "    force: expectation\n")
    assert main(["validate", str(data), "--no-quotes"]) == 0  # a warning, not an error
    out = capsys.readouterr().out
    warnings = [w for w in out.splitlines() if "force 'expectation'" in w]
    assert len(warnings) == 1, out
    assert warnings[0].startswith(f"policies/cz-2027.yaml:{line}: requirements[")
    assert "gives 'exclusion'" in warnings[0] and "row 1" in warnings[0]


def test_the_committed_requirements_raise_no_force_warning() -> None:
    documents = load_catalogue(DEFAULT_DATA_DIR, keep_documents=True).documents
    assert checks.force_warnings(documents.policies) == []
