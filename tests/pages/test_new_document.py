"""Wijzigingen, "Nieuw beleidsdocument?": a reader's newer document against the wijzer (AppTest)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from policy_model.paths import DEFAULT_DATA_DIR
from tests.pages.conftest import all_text, open_page
from tests.policy_model.curation.next_year import NEW_REQUIREMENT_1, next_year_html
from tests.policy_model.curation.test_hostile_sources import encrypted_pdf, shared_stream_pdf
from ui.text import md_escape

TAB = "Nieuw beleidsdocument?"


@pytest.fixture(autouse=True)
def zz_2024_is_the_newest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests hold next year's ZZ document against the ZZ 2024 record: the app reads a
    copy of the data in which that is ZZ's newest record, whatever records are added later."""
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    for path in (data / "policies").glob("zz-*.yaml"):
        if int(path.stem.split("-")[1]) > 2024:
            path.unlink()
    monkeypatch.setenv("GLI_DATA_DIR", str(data))


def _upload(name: str, content: bytes, mime: str, insurer: str = "zz"):
    at = open_page("wijzigingen", tab=TAB)
    at.selectbox(key="nieuw_document_verzekeraar").set_value(insurer).run()
    at.file_uploader(key="nieuw_document_bestand").set_value((name, content, mime)).run()
    assert not at.exception
    return at


def test_a_newer_document_is_held_against_the_newest_record(source_texts: Path) -> None:
    html = next_year_html(source_texts / "zz-gli-2024.txt").encode("utf-8")
    at = _upload("zz-gli-2025.html", html, "text/html")
    text = all_text(at)
    assert "Niet gecontroleerd." in text and "Zorg en Zekerheid 2024" in text
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics["Gewijzigd"] == 8 and metrics["Alleen ander jaar"] == 15 and metrics["Waarschijnlijk verwijderd"] == 2 and metrics["Nieuwe passages"] > 0
    assert md_escape(NEW_REQUIREMENT_1) in text  # the new requirement, whole, among the new passages
    assert ":green-background[7]" in text and ":red[~~9~~]" in text  # the changed date word by word
    assert "Uw document noemt: 7 november 2024" in text


def test_the_result_stays_in_the_session_and_nothing_is_written(source_texts: Path, tmp_path: Path) -> None:
    data = Path(os.environ["GLI_DATA_DIR"])
    before = sorted((p.name, p.stat().st_mtime_ns) for p in data.rglob("*"))
    html = next_year_html(source_texts / "zz-gli-2024.txt").encode("utf-8")
    at = _upload("zz-gli-2025.html", html, "text/html")
    assert at.session_state["nieuw_document_resultaat"][1].summary
    assert sorted((p.name, p.stat().st_mtime_ns) for p in data.rglob("*")) == before
    other = open_page("wijzigingen", tab=TAB)  # another session sees no upload and no result
    assert "nieuw_document_resultaat" not in other.session_state
    assert "Niet gecontroleerd." not in all_text(other)


def test_hostile_and_unreadable_uploads_are_dutch_messages() -> None:
    cases = [
        ("geheim.pdf", encrypted_pdf(), "application/pdf", "met een wachtwoord beveiligd"),
        ("bom.pdf", shared_stream_pdf(), "application/pdf", "veel meer dan een gewoon beleidsdocument"),
        ("diep.html", b"<html><body>" + b"<div>" * 1000 + b"x</body></html>", "text/html", "te diep genest"),
        ("kapot.pdf", b"%PDF-1.7\nniets", "application/pdf", "kon niet gelezen worden"),
    ]
    for name, content, mime, message in cases:
        at = _upload(name, content, mime)
        errors = [e.value for e in at.error]
        assert any(message in e for e in errors), (name, errors)


def test_another_insurers_document_is_named_as_such(source_texts: Path) -> None:
    html = next_year_html(source_texts / "zz-gli-2024.txt").encode("utf-8")
    at = _upload("zz-gli-2025.html", html, "text/html", insurer="cz")
    assert any("Uw document noemt CZ nergens" in w.value for w in at.warning)
    at = _upload("zz-gli-2025.html", html, "text/html", insurer="zz")
    assert not any("nergens" in w.value for w in at.warning)


def test_a_text_too_long_to_compare_is_refused_in_the_worker() -> None:
    from policy_model.curation.review import MAX_REVIEW_CHARS

    words = "De leefstijlcoach werkt samen met de huisarts in de regio. " * (MAX_REVIEW_CHARS // 50)
    at = _upload("lang.html", f"<html><body><p>{words}</p></body></html>".encode(), "text/html")
    assert any("te lang om te vergelijken" in e.value for e in at.error)


def test_the_upload_limit_reads_the_same_as_streamlits_upload_box() -> None:
    # LOOK O #1: the intro said "hoogstens 2 MB" (3,000,000 bytes in MiB, rounded down) under an
    # upload box that says "hoogstens 3 MB per bestand" (server.maxUploadSize = 3).
    from policy_model.wizard.batch import MAX_UPLOAD_MB

    config = (Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert f"\nmaxUploadSize = {MAX_UPLOAD_MB}\n" in config
    at = open_page("wijzigingen", tab=TAB)
    assert "hoogstens 3 MB" in all_text(at) and "hoogstens 2 MB" not in all_text(at)
    at = _upload("groot.html", b"<html>" + b"x" * 3_000_001 + b"</html>", "text/html")
    assert any("groter dan 3 MB" in e.value for e in at.error)
