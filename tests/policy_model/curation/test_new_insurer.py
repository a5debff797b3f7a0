"""The first record of an insurer not yet in the wijzer, step by step as data/README.md says
("A new insurer"), in a copy of the data: insurer entry, source, record with coverage."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from policy_model.cli import main
from policy_model.curation.add_source import add_source
from policy_model.loader import load_catalogue

#: A fictional insurer's policy: the test's own document, never part of the dataset.
POLICY = [
    ("1 Wie contracteren wij?", "Voorbeeldverzekeraar contracteert voor 2027 alleen samenwerkingsverbanden van "
                                "leefstijlcoaches."),
    ("2 Programma's", "Wij kopen in 2027 de programma's CooL en SLIMMER in."),
    ("3 Minimumeisen", "De leefstijlcoach is geregistreerd in het register van de Beroepsvereniging "
                       "Leefstijlcoaches Nederland (BLCN)."),
    ("4 Tijdpad", "Uiterlijk 30 september 2026 bieden wij de overeenkomsten aan."),
]

INSURER = """  - id: voorbeeld
    name: Voorbeeldverzekeraar
    short_name: Voorbeeld
    entities:
      - name: Voorbeeldverzekeraar
        source:
          document: voorbeeld_gli_2027
          section: "1 Wie contracteren wij?"
          quote: "Voorbeeldverzekeraar contracteert voor 2027 alleen samenwerkingsverbanden"
"""

RECORD = """insurer: voorbeeld
year: 2027
document_kind: full_policy
coverage:
  subjects: [programmes, routes]
  note: Een kort beleid; noemt de programma's en wie het contracteert, een register en de aanbiedingsdatum.
documents: [voorbeeld_gli_2027]
title: Zorginkoopbeleid GLI 2027
summary: Voorbeeldverzekeraar contracteert in 2027 alleen samenwerkingsverbanden van leefstijlcoaches.
programmes:
  - programme: cool
    status: bought
    source: &programmes
      document: voorbeeld_gli_2027
      section: "2 Programma's"
      quote: "Wij kopen in 2027 de programma's CooL en SLIMMER in."
  - programme: slimmer
    status: bought
    source: *programmes
contract_routes:
  - route: coach_network
    preference: 1
    description: Alleen samenwerkingsverbanden van leefstijlcoaches krijgen een overeenkomst.
    source:
      document: voorbeeld_gli_2027
      section: "1 Wie contracteren wij?"
      quote: "contracteert voor 2027 alleen samenwerkingsverbanden van leefstijlcoaches"
requirements:
  - id: blcn
    topic: quality_register
    force: minimum
    roles: [coach]
    text: De leefstijlcoach staat in het BLCN-register.
    registries: [blcn]
    source:
      document: voorbeeld_gli_2027
      section: "3 Minimumeisen"
      quote: "De leefstijlcoach is geregistreerd in het register van de Beroepsvereniging Leefstijlcoaches"
timeline:
  - kind: offer
    activity: Voorbeeldverzekeraar biedt de overeenkomsten aan.
    date: 2026-09-30
    date_text: uiterlijk 30 september 2026
    source:
      document: voorbeeld_gli_2027
      section: "4 Tijdpad"
      quote: "Uiterlijk 30 september 2026 bieden wij de overeenkomsten aan."
"""


def _policy_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    for heading, body in POLICY:
        pdf.set_font("helvetica", style="B", size=14)
        pdf.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, body, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.output(str(path))
    return path


def test_the_first_record_of_a_new_insurer(workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    data, sources = workspace
    # 1. the document: text into the sources folder, the entry into sources.yaml
    add_source(_policy_pdf(tmp_path / "voorbeeld-2027.pdf"), source_id="voorbeeld_gli_2027",
               publisher="Voorbeeldverzekeraar", title="Zorginkoopbeleid GLI 2027", year=2027,
               sources_dir=sources, data_dir=data)
    # 2. the insurer, under the insurers: list
    with (data / "insurers.yaml").open("a", encoding="utf-8") as handle:
        handle.write(INSURER)
    # 3. the record, with what the document covers
    (data / "policies" / "voorbeeld-2027.yaml").write_text(RECORD, encoding="utf-8")
    # 4. validate (quotes looked up in the new text), then the reader's side
    assert main(["validate", str(data)]) == 0, capsys.readouterr().out
    cat = load_catalogue(data).catalogue
    assert cat.policy_label(cat.policy_by_key("voorbeeld-2027")) == "Voorbeeld 2027"
    profile = tmp_path / "coach.yaml"
    profile.write_text("role: individual_coach\nyear: 2027\nregistries: [blcn]\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["assess", str(profile), "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "== Voorbeeld 2027:" in out
    assert main(["diff", "cz-2027", "voorbeeld-2027", "--data-dir", str(data)]) == 0
    # the pages show it, with the comparison pages' default columns including it
    from streamlit.testing.v1 import AppTest

    from tests.conftest import REPO

    monkeypatch.setenv("GLI_DATA_DIR", str(data))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["beleid"] = ["voorbeeld-2027", "cz-2027"]
    at.run()
    at.switch_page("app_pages/programmas.py")
    at.run()
    assert not at.exception
    assert at.multiselect(key="beleid").value == ["voorbeeld-2027", "cz-2027"]
