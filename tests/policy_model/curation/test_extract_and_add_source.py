"""add-source: PDF, HTML and text in, plain text out; clear errors for what gives no text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from fpdf import FPDF
from PIL import Image

from policy_model.curation.add_source import AddSourceError, add_source
from policy_model.curation.cli import add_curation_commands
from policy_model.curation.extract import ExtractionError, extract

PARAGRAPHS = [
    ("2.4 Looptijd van de overeenkomst", "De zorgovereenkomst wordt aangegaan voor de duur van één jaar."),
    ("3.1 Eisen aan de diëtist", "De coöperatie vraagt een geldige AGB-code en registratie in het BLCN-register."),
    ("4.1 Tijdpad", "Uiterlijk 30 september bieden wij de overeenkomsten aan via VECOZO."),
]


class _Policy(FPDF):
    def header(self) -> None:
        self.set_font("helvetica", size=9)
        self.cell(0, 8, "Zorginkoopbeleid GLI 2025 | Voorbeeldverzekeraar", new_x="LMARGIN", new_y="NEXT")

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("helvetica", size=9)
        self.cell(0, 8, f"Pagina {self.page_no()}")


def make_pdf(path: Path) -> Path:
    pdf = _Policy()
    for heading, body in PARAGRAPHS:
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, f"{heading}\nhttps://www.voorbeeld.nl/zorgaanbieders/gli\n{body}")
    pdf.output(str(path))
    return path


def make_scanned_pdf(path: Path) -> Path:
    image = Image.new("RGB", (200, 80), "white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buffer, x=10, y=10, w=100)
    pdf.output(str(path))
    return path


HTML = """<!DOCTYPE html><html lang="nl"><head><title>GLI</title><style>p {color: red}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/zorgaanbieders">Zorgaanbieders</a></nav></header>
<main>
<h1>Kern van het zorginkoopbeleid 2025</h1>
<p>Wij kopen de GLI   in bij
samenwerkingsverbanden van <strong>leefstijlcoaches</strong>.</p>
<h2>Wijzigingen</h2>
<ul><li>Met ingang van 1 januari 2025 vervalt de eis X.</li><li>Coöperatie-leden melden zich vóór 1 mei.</li></ul>
<table><tr><th>Activiteit</th><th>Datum</th></tr><tr><td>Publicatie</td><td>1 april 2024</td></tr></table>
<p>https://www.voorbeeld.nl/gli</p><p>https://www.voorbeeld.nl/gli</p>
<script>alert('x')</script>
</main>
<footer>© Voorbeeldverzekeraar · Privacy</footer></body></html>
"""

HTML_TEXT = """Kern van het zorginkoopbeleid 2025

Wij kopen de GLI in bij samenwerkingsverbanden van leefstijlcoaches.

Wijzigingen

• Met ingang van 1 januari 2025 vervalt de eis X.

• Coöperatie-leden melden zich vóór 1 mei.

Activiteit Datum

Publicatie 1 april 2024

https://www.voorbeeld.nl/gli
"""


def test_pdf_text_without_running_headers_footers_and_repeated_urls(tmp_path: Path) -> None:
    result = extract(make_pdf(tmp_path / "beleid.pdf"))
    assert result.kind == "pdf" and result.pages == 3
    url = "https://www.voorbeeld.nl/zorgaanbieders/gli"
    expected = "\n\n".join(f"{heading}\n{url}\n{body}" if n == 0 else f"{heading}\n{body}"
                           for n, (heading, body) in enumerate(PARAGRAPHS))
    assert result.text == expected + "\n"  # the address once; no header, no page number; a page ends a paragraph
    assert result.dropped_urls == 2
    assert "Zorginkoopbeleid GLI 2025 | Voorbeeldverzekeraar" in result.dropped_headers


def test_pdf_without_text_layer_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="no text layer .*scan.*OCR"):
        extract(make_scanned_pdf(tmp_path / "scan.pdf"))


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "leeg.pdf", "the file is empty"),
        (b"   \n", "leeg.txt", "the file is empty"),
        (b"%PDF-1.7\nnot really a pdf", "kapot.pdf", "cannot read the PDF|no pages"),
        (b"<html>only text?</html>", "kapot.pdf", "not a PDF file"),
        (b"Beleid \xff\xfe 2025", "latin.txt", "not UTF-8"),
    ],
)
def test_unreadable_and_empty_files(tmp_path: Path, content: bytes, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExtractionError, match=message):
        extract(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="file not found"):
        extract(tmp_path / "nergens.pdf")


def test_html_page_as_text(tmp_path: Path) -> None:
    path = tmp_path / "pagina.html"
    path.write_text(HTML, encoding="utf-8")
    result = extract(path)
    assert result.kind == "html"
    assert result.text == HTML_TEXT
    assert result.dropped_urls == 1


def test_plain_text_with_form_feeds_drops_running_lines(tmp_path: Path) -> None:
    bodies = ["Eerste tekst.", "Tweede tekst.", "Derde tekst."]
    pages = [f"Beleid GLI 2025\n{body}\n{n} | Voorbeeld" for n, body in enumerate(bodies, start=1)]
    path = tmp_path / "pdftotext.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    result = extract(path)
    assert result.text == "Eerste tekst.\nTweede tekst.\nDerde tekst.\n"


def _data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    (data / "sources.yaml").write_text(
        "# comment kept\nsources:\n  - id: bestaand\n    title: T\n    publisher: P\n    kind: guidance\n"
        "    covers: C\n    file: bestaand.txt\n",
        encoding="utf-8",
    )
    return data


def test_add_source_writes_text_and_entry(tmp_path: Path) -> None:
    data, sources = _data_dir(tmp_path), tmp_path / "sources"
    sources.mkdir()
    added = add_source(make_pdf(tmp_path / "in.pdf"), source_id="voorbeeld_gli_2025", publisher="Voorbeeld",
                       title="Zorginkoopbeleid GLI 2025", year=2025, sources_dir=sources, data_dir=data)
    assert added.text_path == sources / "voorbeeld-gli-2025.txt"
    assert added.text_path.read_text(encoding="utf-8") == added.extracted.text
    text = (data / "sources.yaml").read_text(encoding="utf-8")
    assert text.startswith("# comment kept\n")
    entry = yaml.safe_load(text)["sources"][1]
    assert entry == {"id": "voorbeeld_gli_2025", "title": "Zorginkoopbeleid GLI 2025", "publisher": "Voorbeeld",
                     "kind": "insurer_policy", "policy_year": 2025, "covers": entry["covers"],
                     "file": "voorbeeld-gli-2025.txt"}
    with pytest.raises(AddSourceError, match="already exists"):
        add_source(make_pdf(tmp_path / "in.pdf"), source_id="voorbeeld_gli_2025", publisher="V", title="T",
                   year=2025, sources_dir=sources, data_dir=data)


def test_add_source_refuses_before_writing(tmp_path: Path) -> None:
    data, sources = _data_dir(tmp_path), tmp_path / "sources"
    sources.mkdir()
    before = (data / "sources.yaml").read_text(encoding="utf-8")
    with pytest.raises(AddSourceError, match="no text layer"):
        add_source(make_scanned_pdf(tmp_path / "scan.pdf"), source_id="scan_2025", publisher="V", title="T",
                   year=2025, sources_dir=sources, data_dir=data)
    with pytest.raises(AddSourceError, match="sources folder does not exist"):
        add_source(make_pdf(tmp_path / "in.pdf"), source_id="x_2025", publisher="V", title="T", year=2025,
                   sources_dir=tmp_path / "nope", data_dir=data)
    with pytest.raises(AddSourceError, match="--year 1800: give the policy year in four digits"):
        add_source(make_pdf(tmp_path / "in.pdf"), source_id="x_2025", publisher="V", title="T", year=1800,
                   sources_dir=sources, data_dir=data)
    assert (data / "sources.yaml").read_text(encoding="utf-8") == before
    assert list(sources.iterdir()) == []


def test_add_source_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    data, sources = _data_dir(tmp_path), tmp_path / "sources"
    sources.mkdir()
    parser = argparse.ArgumentParser()
    add_curation_commands(parser.add_subparsers(dest="command", required=True))
    html = tmp_path / "pagina.html"
    html.write_text(HTML, encoding="utf-8")
    args = parser.parse_args(["add-source", str(html), "--id", "web_2025", "--publisher", "V", "--title", "T",
                              "--year", "2025", "--sources-dir", str(sources), "--data-dir", str(data)])
    assert args.func(args) == 0
    assert "left out 1 repeated URL line(s)" in capsys.readouterr().out
    assert yaml.safe_load((data / "sources.yaml").read_text(encoding="utf-8"))["sources"][1]["kind"] == "web_page"
    args = parser.parse_args(["add-source", str(tmp_path / "nergens.pdf"), "--id", "n_2025", "--publisher", "V",
                              "--title", "T", "--year", "2025", "--sources-dir", str(sources), "--data-dir", str(data)])
    assert args.func(args) == 1
    assert "file not found" in capsys.readouterr().err
