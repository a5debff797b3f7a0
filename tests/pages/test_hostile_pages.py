"""Hostile uploads and unexpected errors through the real pages (AppTest): a short Dutch
message, bounded warnings, never a traceback."""

from __future__ import annotations

import io
import logging
import re
import zipfile

import pytest

import policy_model.timeline
from policy_model.wizard.batch import MAX_ROWS
from tests.pages.conftest import open_page
from ui.guard import RERAISE_ENV

BATCH = {"modus": "Meerdere coaches (CSV)"}


def warnings(at) -> list[str]:
    """The warnings as a visitor reads them (Markdown escapes removed)."""
    return [re.sub(r"\\(.)", r"\1", w.value) for w in at.warning]


def upload_batch(content: bytes):
    at = open_page("wizard", **BATCH)
    at.file_uploader(key="batch_file").set_value(("coaches.csv", content, "text/csv")).run()
    assert not at.exception
    return at


def test_an_unexpected_error_is_a_dutch_message_with_a_reference(monkeypatch, caplog):
    monkeypatch.delenv(RERAISE_ENV, raising=False)

    def broken(*args, **kwargs):
        raise RuntimeError("/srv/geheim/pad.py exploded")

    monkeypatch.setattr(policy_model.timeline, "upcoming", broken)
    with caplog.at_level(logging.ERROR, logger="gli_inkoopwijzer"):
        at = open_page()
    assert not at.exception
    message = next(e.value for e in at.error if "Er ging iets mis" in e.value)
    assert "/srv/geheim" not in message and "RuntimeError" not in message
    reference = message.split("**")[1]
    assert reference.startswith("GLI-")
    logged = [r for r in caplog.records if reference in r.getMessage()]
    assert logged and "exploded" in str(logged[0].exc_info[1])


def test_more_coaches_than_the_limit_are_cut_off_with_a_message():
    rows = "".join(f"Coach {n};BLCN\n" for n in range(MAX_ROWS + 1))
    at = upload_batch(f"name;registries\n{rows}".encode())
    assert len(at.dataframe[0].value) == MAX_ROWS
    assert len(at.warning) == 1 and "meer dan 2.000 coaches" in warnings(at)[0]


def test_ten_thousand_extra_columns_give_one_short_warning():
    extra = [f"x{n}" for n in range(10_000)]
    at = upload_batch(("name;" + ";".join(extra) + "\nAnna;" + ";".join("v" for _ in extra) + "\n").encode())
    assert len(at.warning) == 1
    assert "9.990 meer" in warnings(at)[0] and len(warnings(at)[0]) < 2000
    assert list(at.dataframe[0].value["Naam"]) == ["Anna"]


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("x.csv", "name\nAnna\n")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (_zip(), "geen CSV-tekstbestand"),
        (b"name\nAnna\n" + b"x" * 200_000 + b"\n", "een veld is langer dan"),
        (b"name;registries\nAnna;BLCN\nBram;\"KP\n", "wordt nergens gesloten"),
    ],
    ids=["zip-renamed-to-csv", "field-larger-than-limit", "unclosed-quote"],
)
def test_unreadable_uploads_are_a_dutch_message(content, expected):
    at = upload_batch(content)
    assert any(expected in w for w in warnings(at)), warnings(at)
    assert not any("Error" in w or "Traceback" in w for w in warnings(at))


def test_a_checklist_with_many_unknown_ids_and_a_huge_region_is_bounded():
    rows = "".join(f"onbekend{n};x;y;;\n" for n in range(5_000))
    content = ("# regio;" + "R" * 100_000 + "\nid;groep;vraag;antwoord;toelichting\n" + rows).encode("utf-8-sig")
    at = open_page("handreiking", onderdeel="Checklist borging")
    at.file_uploader(key="checklist_upload").set_value(("checklist.csv", content, "text/csv")).run()
    assert not at.exception
    assert len(at.warning) <= 21
    assert any("4.980 meer meldingen" in w for w in warnings(at)), warnings(at)[-1]
    assert len(at.text_input(key="regio").value) <= 200
