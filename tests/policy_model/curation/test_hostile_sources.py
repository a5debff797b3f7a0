"""add-source and every document parse bounded (issue 22 item 6), and the curator commands'
clear errors (issue 20 item 7, issue 22 item 7): each case a message, never a traceback."""

from __future__ import annotations

import argparse
import io
import os
import zlib
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from policy_model.curation.add_source import AddSourceError, add_source
from policy_model.curation.carry_forward import CarryForwardError, carry_forward
from policy_model.curation.cli import add_curation_commands
from policy_model.curation.extract import MAX_HTML_BYTES, MAX_HTML_DEPTH, ExtractionError, extract
from policy_model.curation.worker import extract_bounded, extract_bytes_bounded


def _pdf(text: str = "3.1 Eisen\nDe leefstijlcoach is geregistreerd in het BLCN-register.") -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def shared_stream_pdf(pages: int = 20, size: int = 70 * 1024 * 1024) -> bytes:
    """A small PDF whose pages all draw one content stream that inflates to ``size`` bytes."""
    stream = zlib.compress(b"q Q\n" * (size // 4), 9)
    kids = " ".join(f"{4 + n} 0 R" for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ] + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % at for at in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf())).pages:
        writer.add_page(page)
    writer.encrypt(user_password="geheim", owner_password="eigenaar", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "name", "message"),
    [
        (shared_stream_pdf, "bom.pdf", "contents decompress to more than"),
        (encrypted_pdf, "geheim.pdf", "encrypted with a password"),
        (lambda: b"<html><body>" + b"<div>" * (MAX_HTML_DEPTH + 100) + b"tekst" + b"</body></html>",
         "diep.html", "nested .* elements deep"),
        (lambda: b"<html><body><p>" + b"x" * (MAX_HTML_BYTES + 1) + b"</p></body></html>", "groot.html",
         "larger than the 5.0 MB"),
        (lambda: b"PK\x03\x04" + b"\x00" * 200, "beleid.docx", "a Word, Excel or other Office file"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "beleid.doc", "old-style Word"),
        (lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "scan.png", r"an image \(PNG\)"),
        (lambda: b"\xff\xd8\xff\xe0" + b"\x00" * 200, "foto.jpg", r"an image \(JPEG\)"),
    ],
)
def test_hostile_documents_are_clear_messages(tmp_path: Path, make, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(ExtractionError, match=message):
        extract_bounded(path)


def test_a_fifo_and_a_device_are_refused_unopened(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.pdf"
    os.mkfifo(fifo)
    with pytest.raises(ExtractionError, match="device, FIFO or socket"):
        extract(fifo)  # would block forever if it were opened
    with pytest.raises(ExtractionError, match="device, FIFO or socket"):
        extract(Path("/dev/zero"))
    with pytest.raises(ExtractionError, match="is a folder"):
        extract(tmp_path)


def test_a_file_over_the_byte_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "groot.pdf"
    with open(big, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: no real disk, the size is what counts
    with pytest.raises(ExtractionError, match="larger than the 20.0 MB"):
        extract_bounded(big)


def test_the_worker_is_killed_at_its_time_and_memory_limit() -> None:
    raw = _pdf()
    with pytest.raises(ExtractionError, match="took longer than"):
        extract_bytes_bounded(raw, "traag.pdf", timeout=0.01)
    with pytest.raises(ExtractionError, match="needed more than 40 MB"):
        extract_bytes_bounded(raw, "geheugen.pdf", memory=40 * 1024 * 1024)
    assert "BLCN-register" in extract_bytes_bounded(raw, "gewoon.pdf").text


def _data_dir(tmp_path: Path) -> tuple[Path, Path]:
    data, sources = tmp_path / "data", tmp_path / "sources"
    data.mkdir()
    sources.mkdir()
    (data / "sources.yaml").write_text(
        "sources:\n  - id: bestaand\n    title: T\n    publisher: P\n    kind: guidance\n    covers: C\n"
        "    file: bestaand.txt\n", encoding="utf-8")
    (sources / "bestaand.txt").write_text("Tekst.\n", encoding="utf-8")
    return data, sources


def test_add_source_never_replaces_a_source(tmp_path: Path) -> None:
    data, sources = _data_dir(tmp_path)
    pdf = tmp_path / "in.pdf"
    pdf.write_bytes(_pdf())
    with pytest.raises(AddSourceError, match="is the text of source 'bestaand'.*--file-name NAME"):
        add_source(pdf, source_id="nieuw_2025", publisher="V", title="T", year=2025, sources_dir=sources,
                   data_dir=data, file_name="bestaand.txt", force=True)
    (sources / "nieuw-2025.txt").write_text("over\n", encoding="utf-8")  # a left-over file
    with pytest.raises(AddSourceError, match="--file-name NAME, or --force"):
        add_source(pdf, source_id="nieuw_2025", publisher="V", title="T", year=2025, sources_dir=sources,
                   data_dir=data)
    add_source(pdf, source_id="nieuw_2025", publisher="V", title="T", year=2025, sources_dir=sources,
               data_dir=data, force=True)
    assert "BLCN-register" in (sources / "nieuw-2025.txt").read_text(encoding="utf-8")
    assert (sources / "bestaand.txt").read_text(encoding="utf-8") == "Tekst.\n"
    with pytest.raises(AddSourceError, match="plain file name"):
        add_source(pdf, source_id="ander_2025", publisher="V", title="T", year=2025, sources_dir=sources,
                   data_dir=data, file_name="../../buiten.txt")


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    add_curation_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_add_source_year_in_two_digits_is_a_clear_message(tmp_path: Path, capsys) -> None:
    data, sources = _data_dir(tmp_path)
    pdf = tmp_path / "in.pdf"
    pdf.write_bytes(_pdf())
    code = _run(["add-source", str(pdf), "--id", "x_2025", "--publisher", "V", "--title", "T", "--year", "25",
                 "--sources-dir", str(sources), "--data-dir", str(data)])
    assert code == 1
    assert "--year 25: give the policy year in four digits" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["zz-2024", "--year", "25"], r"--year 25: give the policy year in four digits, 2000-2100 \(did you mean 2025\?\)"),
        (["zz-2024", "--year", "99999"], "--year 99999: give the policy year in four digits"),
        (["../../etc/passwd-2024", "--year", "2025"], "give a record key <insurer>-<year>"),
        (["zz-2024", "--year", "2027", "--document", "cz_gli_2027"],
         "cz_gli_2027 is published by 'CZ groep .*' \\(cz\\), but zz-2024 is zz's record"),
        (["zz-2024", "--year", "2025", "--document", "zz_gli_2042"],
         "--document 'zz_gli_2042' is not in .*sources.yaml; did you mean 'zz_gli_2024'\\? a new document is "
         "added first with add-source"),
        (["zz-2024", "--year", "2025", "--document", "zz_gli_2024"], "zz_gli_2024 is the 2024 policy"),
        (["zz-2099", "--year", "2100", "--document", "zz_gli_2024"], "no such policy record"),
    ],
)
def test_carry_forward_errors_name_the_fix(workspace, capsys, argv: list[str], message: str) -> None:
    data, sources = workspace
    if "--document" not in argv:
        argv = [*argv, "--document", "zz_gli_2024"]
    before = sorted(p.name for p in (data / "policies").iterdir())
    code = _run(["carry-forward", *argv, "--data-dir", str(data), "--sources-dir", str(sources)])
    err = capsys.readouterr().err
    assert code == 1
    assert __import__("re").search(message, err), err
    assert sorted(p.name for p in (data / "policies").iterdir()) == before  # nothing written


def test_carry_forward_writes_only_inside_the_data_folder(workspace, tmp_path: Path) -> None:
    """An insurer value in the record that would lead out of the folder is refused first."""
    data, sources = workspace
    record = data / "policies" / "zz-2024.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("insurer: zz", "insurer: ../../buiten", 1),
                      encoding="utf-8")
    with pytest.raises(CarryForwardError, match="not a valid id"):
        carry_forward("zz-2024", 2025, "zz_gli_2024", data_dir=data, sources_dir=sources)
    assert not (tmp_path / "buiten-2025.yaml").exists()
