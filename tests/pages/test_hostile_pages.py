"""Hostile uploads and unexpected errors through the real pages (AppTest): a short Dutch
message, bounded warnings, never a traceback."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path

import pytest

import policy_model.timeline
from policy_model.wizard.batch import MAX_ROWS
from tests.pages.conftest import html_bodies, open_page
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


# --------------------------------------------------------------------------- round 2: autolinks

EVIL_ADDRESSES = " zie www.evil.invalid/a, HTTPS://evil.invalid/b of mail x@evil.invalid"
#: Free-text keys whose values may be changed without breaking the data's own checks.
FREE_TEXT = {"text", "name", "title", "summary", "activity", "note", "purpose", "label", "explanation", "expansion",
             "why", "question", "group", "role", "conditions", "duration_text", "date_text", "derived_note", "covers",
             "contracting_party", "tasks", "overhead_financing", "period", "hours", "section", "quote"}
#: Elements drawn without Markdown (escaped HTML, the canvas grid, charts, code).
NOT_MARKDOWN = {"html", "dataframe", "arrow_data_frame", "plotly_chart", "code", "json"}
NOT_MARKDOWN_FIELDS = {"id", "formId", "url", "data", "spec", "deferredFileId", "value", "default", "rawValues",
                       "rawValue", "placeholder"}


def _inject(value, key=None):
    if isinstance(value, dict):
        return {k: _inject(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_inject(v, key) for v in value]
    if isinstance(value, str) and key in FREE_TEXT and (key != "quote" or len(value) < 320):
        return value + EVIL_ADDRESSES
    return value


@pytest.fixture(scope="module")
def _data_with_addresses(tmp_path_factory) -> Path:
    """The dataset with addresses in every free text, written once for all pages (the pages
    only read it; rewriting it per page cost ~6 s each)."""
    import shutil

    import yaml

    from policy_model.paths import DEFAULT_DATA_DIR

    data = tmp_path_factory.mktemp("addresses") / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    for path in [*data.glob("*.yaml"), *data.glob("policies/*.yaml")]:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_inject(content), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data


@pytest.fixture
def addresses_in_every_text(_data_with_addresses, monkeypatch):
    monkeypatch.setenv("GLI_DATA_DIR", str(_data_with_addresses))
    return _data_with_addresses


def markdown_strings(at) -> list[str]:
    """Every string of every element that Streamlit draws as Markdown: bodies, labels, help."""
    from google.protobuf.json_format import MessageToDict

    out: list[str] = []

    def strings(value, skip):
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in skip:
                    strings(item, skip)
        elif isinstance(value, list):
            for item in value:
                strings(item, skip)

    def walk(node):
        kind = getattr(node, "type", None)
        if kind not in NOT_MARKDOWN and getattr(node, "proto", None) is not None:
            # Values and the options of drop-down lists are plain text; a radio's options are Markdown.
            skip = NOT_MARKDOWN_FIELDS | ({"options"} if kind != "radio" else set())
            strings(MessageToDict(node.proto), skip)
        children = getattr(node, "children", None) or {}
        for child in (children.values() if isinstance(children, dict) else children):
            walk(child)

    walk(at._tree)
    return out


#: What GFM (mdast-util-gfm-autolink-literal) turns into a link in a text, after escapes.
_AUTOLINK = re.compile(r"(?i)(?:https?://|www\.)[-\w]+(?:\.[-\w]+)+|[-.\w+]+@[-\w]+(?:\.[-\w]+)+")
_EXPLICIT_LINK = re.compile(r"(?<!\\)\[(?:[^\]\\]|\\.)*\]\([^)\s]*\)")  # not an escaped \[
_LINK_PARTS = re.compile(r"(?<!\\)\[((?:[^\]\\]|\\.)*)\]\(([^)\s]*)\)")


def autolinks(text: str) -> list[str]:
    """The autolinks Markdown would make in ``text`` (explicit ``[label](url)`` links left out)."""
    plain = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", _EXPLICIT_LINK.sub(" ", text))
    return _AUTOLINK.findall(plain)


def links_hiding_their_address(text: str) -> list[str]:
    """Explicit links to an injected address whose text is not that address itself."""
    out = []
    for label, url in _LINK_PARTS.findall(text):
        shown = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", label)
        if "evil" in url and url not in (shown, f"https://{shown}", f"mailto:{shown}"):
            out.append(f"[{label}]({url})")
    return out


def test_the_checks_find_what_markdown_would_link():
    from ui.text import md_escape

    assert autolinks("zie www.cz.nl en https://a.nl of info@cz.nl") == ["www.cz.nl", "https://a.nl", "info@cz.nl"]
    assert autolinks("zie www\\.cz\\.nl") == ["www.cz.nl"]  # escaping alone does not stop it
    assert links_hiding_their_address("[klik hier](https://evil.invalid/x)") == ["[klik hier](https://evil.invalid/x)"]
    escaped = md_escape(EVIL_ADDRESSES + " ![t](http://evil.invalid/p.png) http://evil.invalid/<b> x@@evil.invalid")
    assert autolinks(escaped) == [] and links_hiding_their_address(escaped) == []
    assert "[www\\.evil\\.invalid/a](https://www.evil.invalid/a)" in escaped  # shown as such, copied as such
    assert "[x@evil\\.invalid](mailto:x@evil.invalid)" in escaped


@pytest.mark.parametrize("page_name", ["home", "programmas", "registers", "voorwaarden", "tijdlijn", "wijzigingen",
                                  "wizard", "handreiking", "begrippen", "zoeken"])
def test_web_addresses_in_data_texts_do_not_become_links(addresses_in_every_text, page_name):
    at = open_page(None if page_name == "home" else page_name, **({"q": "evil"} if page_name == "zoeken" else {}))
    assert not at.exception
    texts = markdown_strings(at)
    assert any("evil" in t for t in [*texts, *html_bodies(at)]), "the injected texts should be on the page"
    found = [(t[:120], autolinks(t)) for t in texts if autolinks(t)]
    assert found == []
    hidden = [(t[:120], links_hiding_their_address(t)) for t in texts if links_hiding_their_address(t)]
    assert hidden == []


# --------------------------------------------------------------------------- round 2: old links


@pytest.mark.parametrize("year", ["²", "9" * 5000], ids=["superscript-two", "5000-digits"])
@pytest.mark.parametrize("page_name", ["programmas", "registers", "voorwaarden", "tijdlijn", "wijzigingen", "wizard"])
def test_an_old_link_with_an_impossible_year_gives_a_notice_not_an_error(page_name, year):
    at = open_page(page_name, jaar=year, verzekeraar="V" * 100_000)
    assert not at.exception
    assert not [e for e in at.error if "Er ging iets mis" in e.value]
    notices = [i.value for i in at.info if "genegeerd" in i.value]
    assert notices, [i.value for i in at.info]
    assert all(len(n) < 600 for n in notices), [len(n) for n in notices]


# --------------------------------------------------------------------------- round 2: downloads, message size


@pytest.fixture
def deferred_downloads(monkeypatch):
    """The data builders of the page's download buttons, by file name, as the server calls
    them when a visitor clicks (AppTest does not run them itself)."""
    from streamlit.runtime import media_file_manager

    built: dict[str, object] = {}
    real = media_file_manager.MediaFileManager.add_deferred

    def add_deferred(self, data, mimetype, coordinates, file_name=None, **kwargs):
        built[file_name] = data
        return real(self, data, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(media_file_manager.MediaFileManager, "add_deferred", add_deferred)
    return built


def test_a_failing_download_gives_the_visitor_a_dutch_file_with_a_reference(monkeypatch, caplog, deferred_downloads):
    import policy_model.reports.timeline_handout
    import ui.export

    monkeypatch.delenv(RERAISE_ENV, raising=False)

    def broken(*args, **kwargs):
        raise RuntimeError("/srv/geheim/handout.py exploded")

    monkeypatch.setattr(policy_model.reports.timeline_handout, "timeline_handout_html", broken)
    monkeypatch.setattr(policy_model.timeline, "to_ics", broken)
    monkeypatch.setattr(ui.export, "table_xlsx_bytes", broken)
    at = open_page("tijdlijn", alle_activiteiten="true")  # with the table of every activity open
    assert not at.exception
    with caplog.at_level(logging.ERROR, logger="gli_inkoopwijzer"):
        handout = deferred_downloads["gli-tijdlijn-handout.html"]().decode("utf-8")
        ics = deferred_downloads["gli-deadlines.ics"]().decode("utf-8")
        xlsx = deferred_downloads["gli-tijdlijn.xlsx"]()
    assert handout.startswith("<!doctype html>") and "Dit bestand kon niet worden gemaakt" in handout
    assert ics.startswith("Dit bestand kon niet worden gemaakt") and "/srv/geheim" not in ics
    assert xlsx.startswith(b"PK")  # a real workbook, with the message in it
    reference = handout.split("beheerder: ")[1].split(".")[0]
    assert reference.startswith("GLI-")
    logged = [r for r in caplog.records if reference in r.getMessage()]
    assert logged and "exploded" in str(logged[0].exc_info[1])
    assert deferred_downloads["gli-tijdlijn.csv"]().decode("utf-8-sig").startswith("Beleid;")  # the rest still works


def test_a_message_too_large_to_send_is_explained_in_dutch(monkeypatch):
    """Streamlit swaps such an element for an exception box while sending; its text is Dutch."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.runtime import runtime_util

    import ui.guard  # noqa: F401  (sets the Dutch text on import, as app.py does)

    monkeypatch.setattr(runtime_util, "_max_message_size_bytes", 1_000_000)
    message = ForwardMsg()
    message.delta.new_element.markdown.body = "x" * 2_000_000
    sent = ForwardMsg()
    sent.ParseFromString(runtime_util.serialize_forward_msg(message))
    box = sent.delta.new_element.exception
    assert box.type == "Te groot om te tonen"
    assert box.message.startswith("**Dit onderdeel is te groot om te tonen** (2.0 MB; de grens is 1 MB)")
    assert "MessageSizeError" not in box.message and "config" not in box.message


def test_a_checklist_with_an_unclosed_quote_keeps_earlier_answers_and_says_so(cat):
    checklist = cat.guidance.checklist
    first, second = checklist.items[0], checklist.items[1]
    option = checklist.answer_options[0]
    content = (f"# regio;Regio X\nid;groep;vraag;antwoord;toelichting\n{first.id};g;v;{option};\n"
               f"{second.id};\"g;v;{option};\n").encode("utf-8-sig")
    at = open_page("handreiking", onderdeel="Checklist borging")
    at.file_uploader(key="checklist_upload").set_value(("checklist.csv", content, "text/csv")).run()
    assert not at.exception
    assert warnings(at) == ["regel 4 en verder niet gelezen: een aanhalingsteken (\") wordt nergens gesloten. "
                            "De antwoorden ervoor zijn overgenomen; controleer de rest."]
    assert at.radio(key="b1").value == option  # the first question's answer was taken over
    assert at.radio(key="b2").value is None


# --------------------------------------------------------------------------- round 2: a broken calendar

PAGES = ["home", "programmas", "registers", "voorwaarden", "tijdlijn", "wijzigingen", "wizard", "handreiking",
         "begrippen", "zoeken"]


@pytest.fixture(params=["31-february", "syntax-error"])
def broken_calendar(request, tmp_path, monkeypatch):
    import shutil

    from policy_model.paths import DEFAULT_DATA_DIR

    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    path = data / "calendar.yaml"
    text = path.read_text(encoding="utf-8")
    if request.param == "31-february":
        broken = text.replace("    month: 4\n    day: 1\n", "    month: 2\n    day: 31\n", 1)
    else:
        broken = text.replace("milestones:\n", "milestones: [\n", 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    monkeypatch.setenv("GLI_DATA_DIR", str(data))
    return request.param


@pytest.mark.parametrize("page_name", PAGES)
def test_the_app_survives_a_broken_calendar_and_names_it(broken_calendar, page_name):
    """31 February once broke 11 of 16 views; now the calendar is left out and named."""
    at = open_page(None if page_name == "home" else page_name)
    assert not at.exception
    assert not [e for e in at.error if "Er ging iets mis" in e.value]
    problems = "\n".join(c.value for c in at.code)
    expected = "milestones[0].day: 31 February does not exist" if broken_calendar == "31-february" else "YAML syntax error"
    assert "calendar.yaml:" in problems and expected in problems, problems


# --------------------------------------------------------------------------- round 2: batch work bounded


def test_the_stalling_upload_is_assessed_quickly_once_and_says_why_cells_were_not_read(monkeypatch):
    """Once 125 s of work per upload, and again on every rerun."""
    import ui.batch
    from tests.policy_model.wizard.test_hostile_batch import stalling_upload

    calls = []
    real = ui.batch.assess_batch_apart
    monkeypatch.setattr(ui.batch, "assess_batch_apart", lambda *a, **k: calls.append(1) or real(*a, **k))
    at = upload_batch(stalling_upload().encode())
    assert len(at.dataframe[0].value) == 26
    assert "bij registries staan 36.000 namen in één cel" in warnings(at)[0]
    at.run()  # any click reruns the page: the result is remembered, not assessed again
    assert not at.exception and len(calls) == 1


def test_a_session_that_spent_its_batch_time_is_asked_to_wait():
    from policy_model.wizard.batch import SessionBudget

    at = open_page("wizard", **BATCH)
    at.session_state["_gli_batch_budget"] = SessionBudget(available=0.0)
    at.file_uploader(key="batch_file").set_value(("coaches.csv", b"name;registries\nAnna;BLCN\n", "text/csv")).run()
    assert not at.exception
    assert not at.dataframe
    assert any("Probeer het over" in w and "minuten opnieuw" in w for w in warnings(at)), warnings(at)


def _app_with_a_failing_callback():
    import streamlit as st

    from ui.guard import guarded_callback

    def boom():
        raise RuntimeError("/srv/geheim/callback.py exploded")

    st.button("Kies", key="kies", on_click=guarded_callback(boom))
    st.write("de pagina loopt door")


def test_a_failing_widget_callback_is_a_dutch_message_with_a_reference(monkeypatch, caplog):
    from streamlit.testing.v1 import AppTest

    monkeypatch.delenv(RERAISE_ENV, raising=False)
    at = AppTest.from_function(_app_with_a_failing_callback, default_timeout=30).run()
    with caplog.at_level(logging.ERROR, logger="gli_inkoopwijzer"):
        at.button(key="kies").click().run()
    assert not at.exception
    message = next(e.value for e in at.error if "kon niet worden verwerkt" in e.value)
    assert "/srv/geheim" not in message and "RuntimeError" not in message
    reference = message.split("**")[1]
    assert any(reference in r.getMessage() for r in caplog.records)
    assert any("de pagina loopt door" in m.value for m in at.markdown)
