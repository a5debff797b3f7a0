"""AppTest of the Handreiking page: every section and theme filter, the checklist filled and exported."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import escape

import pytest

from policy_model.guidance.checklist import checklist_html, parse_checklist_csv
from tests.pages.conftest import all_text, html_bodies, html_text, open_page
from ui.text import md_escape


def sourced_lines(at) -> list[tuple[str, str]]:
    """(bold lead, text) of every sourced line the page shows as text (ui.tables.show_sourced_text)."""
    out = []
    for body in html_bodies(at):
        for lead, text in re.findall(r"<div class='gli-line'><b>(.*?)</b>: (.*?)<details>", body):
            out.append((html_text(lead), html_text(text)))
    return out


SECTIONS = ["Taken", "Organisatievormen", "Financiering", "Systemen en stakeholders", "Checklist borging"]


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_runs(section):
    at = open_page("handreiking", onderdeel=section)
    assert not at.exception


def test_every_theme_filter_shows_only_its_tasks(cat):
    for theme in cat.guidance.themes:
        at = open_page("handreiking", thema=theme.name)
        assert not at.exception
        titles = [e.label for e in at.expander if e.label.startswith("Taak ")]
        # Labels render Markdown, so data text in them is escaped (shown as written).
        assert titles == [f"Taak {t.number}: {md_escape(t.title)}" for t in theme.tasks]


def test_organisation_forms_side_by_side(cat):
    text = all_text(open_page("handreiking", onderdeel="Organisatievormen"))
    for form in cat.guidance.organisation_forms:
        assert form.name.split(":")[0] in text


def test_the_checklist_is_filled_and_exported(cat):
    checklist = cat.guidance.checklist
    at = open_page("handreiking", onderdeel="Checklist borging", regio="Regio Noord")
    at.radio(key="b1").set_value(checklist.answer_options[0]).run()
    at.radio(key="b2").set_value(checklist.answer_options[3]).run()
    assert not at.exception
    assert "2 van" in at.get("progress")[0].proto.text
    from policy_model.guidance.checklist import checklist_csv

    answers = {checklist.items[0].id: at.radio(key="b1").value, checklist.items[1].id: at.radio(key="b2").value}
    region, back, _, problems = parse_checklist_csv(
        checklist_csv(checklist, answers, {}, at.text_input(key="regio").value), checklist)
    assert region == "Regio Noord" and back == answers and not problems


def test_a_shared_checklist_link_restores_the_answers(cat):
    option = cat.guidance.checklist.answer_options[1]
    at = open_page("handreiking", onderdeel="Checklist borging", b3=option)
    assert at.radio(key="b3").value == option


def test_a_task_opened_by_link_shows_what_the_insurers_say_and_closed_tasks_run_nothing(cat):
    closed = open_page("handreiking")
    assert not closed.exception
    assert sourced_lines(closed) == []
    opened = open_page("handreiking", taak1="true")
    assert not opened.exception
    # What each insurer says, as text: "CZ 2027 · Minimumeis: …" (a grid cut it on a phone).
    lines = sourced_lines(opened)
    labels = {cat.policy_label(p) for p in cat.policies}
    assert lines and all(lead.split(" · ")[0] in labels for lead, _ in lines)
    assert not opened.dataframe
    task = cat.guidance.themes[0].tasks[0]
    assert task.number == 1
    assert "Waarom" in all_text(opened)


def test_the_financing_chart_labels_bars_with_the_examples_own_words(cat):
    at = open_page("handreiking", onderdeel="Financiering")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    labels = spec["data"][0]["y"]
    # Only ways of paying the overhead: an insurer's 10% on the NZa fee (Thema II, Contracten) is
    # named beside them, not as one, and stays in the table only (audit C #35).
    examples = [f for f in cat.guidance.financing_examples if f.percentage_min is not None and f.covers_overhead]
    assert len(labels) == len(examples)
    (other,) = [f for f in cat.guidance.financing_examples if not f.covers_overhead]
    assert "10% op de NZa-vergoeding" in other.source.quote and other.text in {t for _, t in sourced_lines(at)}
    for label, example in zip(labels, examples, strict=True):
        assert label.startswith(escape(example.text)[:20])  # not the example's id
    # Plotly's tool bar speaks only English here (no Dutch locale in Streamlit's bundle); the
    # bar chart needs no zooming, so it has none.
    assert json.loads(at.get("plotly_chart")[0].proto.config)["displayModeBar"] is False


def test_a_withholding_is_named_on_what_the_insurer_pays_not_always_the_nza_tariff(cat):
    # Audit C: only voorbeeld A withholds on the NZa-vergoeding; Taak 7's 2% and 10% are on "het
    # tarief dat zij van de zorgverzekeraar ontvangen". "Inhouding op het NZa-tarief" said more.
    at = open_page("handreiking", onderdeel="Financiering")
    withholdings = [f.text for f in cat.guidance.financing_examples if f.mechanism == "tariff_withholding"]
    leads = [lead for lead, text in sourced_lines(at) if text in withholdings]
    assert len(leads) == len(withholdings) >= 3
    assert {lead.split(" · ")[0] for lead in leads} == {"Inhouding op de vergoeding"}
    assert "NZa-tarief" not in all_text(at)


def test_a_task_shows_each_requirement_with_its_force_not_as_a_demand(cat):
    # Audit C: every requirement was "Eis", also an insurer's expectation. Task 4 (sociaal domein)
    # shows expectations and minimum requirements, each named for what it is.
    at = open_page("handreiking", taak4="true")
    kinds = {lead.split(" · ")[1] for lead, _ in sourced_lines(at) if " · " in lead}
    assert "Eis" not in kinds
    assert "Verwachting" in kinds


def test_every_stakeholder_is_text_with_its_source_and_the_level_the_wijzer_adds_is_named(cat):
    # Audit C #32: the handreiking has a landelijk and a lokaal level; "Regionaal" is ours.
    at = open_page("handreiking", onderdeel="Systemen en stakeholders")
    (body,) = [b for b in html_bodies(at) if "gli-lines-head" in b and "Regionaal" in b]
    heads = re.findall(r"<div class='gli-lines-head'><b>(.*?)</b></div>", body)
    assert heads == ["Landelijk", "Regionaal", "Lokaal"]
    for holder in cat.guidance.stakeholders:
        line = f"<div class='gli-line'><b>{escape(holder.name, quote=False)}</b> – "
        assert line in body, holder.name
    assert body.count("<summary>📄 Bron</summary>") == len(cat.guidance.stakeholders)
    # Audit G #5: the handreiking names its landelijke stakeholders by example; the rest is ours.
    note = cat.guidance.stakeholder_levels
    assert "de groep ‘Regionaal’, is van deze wijzer" in note.text and "onder meer de NZa" in note.text
    assert md_escape(note.text) in all_text(at)


def test_the_checklist_says_its_grouping_is_read_from_the_tables_order(cat):
    # Audit C #33: bijlage 3 puts no part above its rows; the page and the print say the grouping is ours.
    note = cat.guidance.checklist.grouping_note
    at = open_page("handreiking", onderdeel="Checklist borging")
    assert "leidt deze wijzer af uit de volgorde van de tabel" in note
    assert md_escape(note) in all_text(at)
    assert note in checklist_html(cat.guidance.checklist, {}, {}, "", dt.date(2026, 12, 3))
