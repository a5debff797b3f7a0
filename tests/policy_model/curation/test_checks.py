"""The checks ``validate`` runs on top of the schema read what the loader read, once, and
``--no-quotes`` leaves out every check that opens a source text."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_model import loader, yamlio
from policy_model.cli import main
from policy_model.curation import checks
from policy_model.curation.checks import curation_checks
from policy_model.loader import load_catalogue
from tests.dataset import replace_first

SECTION = '      section: "3.1 Algemene visie op GLI"\n      quote: "Buiten de regio'
WRONG_SECTION = '      section: "7.2 Een andere kop"\n      quote: "Buiten de regio'
SECTION_WARNING = ("policies/zz-2024.yaml:59: contract_routes[0].source.section: warning: section '7.2 Een andere "
                   "kop' does not match the heading the quote is under: '3.1 Algemene visie op GLI'")
DATE, WRONG_DATE = "    date: 2023-07-15\n", "    date: 2023-07-16\n"
VALUE_ERROR = ("policies/vgz-2024.yaml:428: timeline[0].date: value disagrees with its quote: 2023-07-16 is not a "
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
    assert SECTION_WARNING in printed
    assert VALUE_ERROR in printed


def test_no_quotes_opens_no_source_text_and_still_holds_values_against_quotes(misfiled, monkeypatch, capsys):
    def opened(*args: object) -> None:
        raise AssertionError(f"a source text was opened: {args}")

    monkeypatch.setattr(checks, "outline_of", opened)
    monkeypatch.setattr(loader, "quote_problems", opened)
    assert main(["validate", str(misfiled), "--no-quotes"]) == 1
    printed = capsys.readouterr().out
    assert VALUE_ERROR in printed
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
    assert VALUE_ERROR in [str(e) for e in errors]


def test_the_app_load_keeps_no_documents(data):
    assert load_catalogue(data).documents is None
    missing = load_catalogue(data / "nowhere", keep_documents=True)
    assert missing.documents is not None and missing.documents.policies == ()
