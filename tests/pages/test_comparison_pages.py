"""AppTest of every comparison page: every selection runs, real content shows, URLs restore."""

from __future__ import annotations

import re

import pytest

from policy_model.loader import load_catalogue
from policy_model.paths import data_dir
from tests.dataset import newest_full
from tests.pages.conftest import all_text, html_bodies, html_text, open_page

PAGES = ["home", "programmas", "registers", "voorwaarden", "tijdlijn", "wijzigingen", "begrippen", "zoeken"]
FILTERED = ["programmas", "registers", "voorwaarden", "tijdlijn"]
INSURERS = ["CZ", "VGZ", "Zorg en Zekerheid"]
YEARS = ["2023", "2024", "2027"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(page):
    at = open_page(page)
    assert not at.exception, at.exception


@pytest.mark.parametrize("page", FILTERED)
@pytest.mark.parametrize("selection", [{"verzekeraar": i} for i in INSURERS] + [{"jaar": y} for y in YEARS])
def test_every_insurer_and_year_selection_runs(page, selection):
    at = open_page(page, **selection)
    assert not at.exception, at.exception
    assert not at.info or "genegeerd" not in all_text(at)


@pytest.mark.parametrize("role", ["Individuele coach", "Samenwerkingsverband", "RHO", "Multidisciplinair / zorggroep"])
def test_contract_terms_run_for_every_role(role):
    at = open_page("voorwaarden", rol=role)
    assert not at.exception
    assert at.selectbox(key="rol").value is not None


def test_programme_matrix_2027_marks_what_cz_buys_and_what_it_does_not_state():
    at = open_page("programmas", jaar="2027")
    # The first cell of each row's block is CZ 2027's (the only record of 2027).
    blocks = [row for body in html_bodies(at) for row in body.split("<div class='gli-cells'")[1:]]
    rows = [html_text(row.split("<div class='gli-cell'>")[1]) for row in blocks]
    names = ["CooL", "Beweegkuur", "SLIMMER", "Samen Sportief in Beweging", "X-Fittt", "Keer Diabetes2 Om"]
    assert len(rows) == len(names)  # one row per programme, in catalogue order
    for n, name in enumerate(names):
        assert rows[n].split()[:2] == ["CZ", "2027"]
        if "Fittt" in name:
            assert "– Niet vermeld in het beleid" in rows[n]
        else:
            assert "✔ Ingekocht" in rows[n], name


def test_an_old_filter_link_chooses_its_records_and_the_url_then_names_them():
    at = open_page("programmas", verzekeraar="VGZ", jaar="2024")
    assert at.multiselect(key="beleid").value == ["vgz-2024"]
    assert "**VGZ 2024**" in all_text(at) and "CZ 2027" not in all_text(at)
    assert at.query_params["beleid"] in ("vgz-2024", ["vgz-2024"]) and "verzekeraar" not in at.query_params


def test_garbage_url_parameters_are_ignored_with_a_notice():
    at = open_page("programmas", verzekeraar="Bestaatniet", jaar="twintig", onzin="1")
    assert not at.exception
    notice = " ".join(i.value for i in at.info)
    assert "genegeerd" in notice and "onzin" in notice and "Bestaatniet" in notice
    assert at.multiselect(key="beleid").value == newest_full(load_catalogue(data_dir()).catalogue)


def test_timeline_lists_the_cz_2027_signing_deadline():
    at = open_page("tijdlijn", verzekeraar="CZ", jaar="2027", alle_activiteiten="true")
    table = at.dataframe[0].value
    signing = table[table["Soort"] == "Uiterste tekendatum"]
    assert "31 oktober 2026" in " ".join(signing["Datum"])
    charts = [body for body in html_bodies(at) if "class='gli-tl'" in body]
    assert len(charts) == 1 and "title='31 oktober 2026: " in charts[0]


def test_the_diff_of_vgz_2023_to_2024_shows_x_fittt_added():
    at = open_page("wijzigingen", tab="Vergelijk twee beleidsdocumenten", van="VGZ 2023 (afgeleid)", naar="VGZ 2024")
    assert not at.exception
    text = all_text(at)
    assert "X\\-Fittt" in text or "X-Fittt" in text
    assert "Ingekocht" in text


def test_contract_terms_highlight_topics_that_differ():
    at = open_page("voorwaarden", jaar="2024")
    text = all_text(at)
    assert "✱ verschilt" in text
    assert "– Niet vermeld in het beleid" in text


def test_search_finds_the_social_domain_requirement_and_links_to_its_page():
    at = open_page("zoeken", q="sociaal domein")
    results = at.dataframe[0].value
    assert len(results) > 5
    assert results["Bekijk"].str.startswith("/").all()
    assert (results["Soort"] == "Eis").any()


def test_glossary_search_filters_terms():
    at = open_page("begrippen", q="RHO")
    terms = at.dataframe[0].value
    assert "RHO" in set(terms["Begrip"])
    assert len(terms) < 20


def test_presentation_mode_is_a_url_parameter():
    at = open_page("programmas", presentatie="true")
    assert at.toggle(key="presentatie").value is True
    assert not at.exception


def test_the_changes_page_opens_on_stated_changes_and_runs_the_comparison_only_when_asked():
    at = open_page("wijzigingen")
    assert [m.label for m in at.metric] == []  # the comparison's counts belong to the other tab
    assert "Wat de documenten nog openlaten" in all_text(at)
    at = open_page("wijzigingen", tab="Vergelijk twee beleidsdocumenten")
    assert [m.label for m in at.metric] == ["Gewijzigd", "Nieuw", "Vervallen"]


@pytest.mark.parametrize(("tab", "own", "other"), [
    ("Eisen per onderwerp", " Kwaliteitsregister ", "**Looptijden**"),
    ("Contracteerroutes", " Uitloopovereenkomst ", "Minimumeisen en uitsluitingsgronden eerst"),
    ("Looptijd en tarief", "**Tarieven**", "Minimumeisen en uitsluitingsgronden eerst"),
    ("Aanvragen en contact", "**Contact**", "Minimumeisen en uitsluitingsgronden eerst"),
])
def test_a_link_opens_a_contract_terms_tab_and_only_that_tab_runs(tab, own, other):
    at = open_page("voorwaarden", tab=tab)
    assert not at.exception
    text = all_text(at)
    assert own in text
    assert other not in text
    assert at.query_params["tab"] == tab


@pytest.mark.parametrize(("page", "key", "expected"), [
    ("programmas", "programma_cool", "Eigenaar"),
    ("registers", "register_blcn", "BLCN"),
])
def test_an_about_section_runs_its_content_only_once_opened(page, key, expected):
    at = open_page(page)
    closed = all_text(at)
    at.session_state[key] = True
    at.run()
    assert not at.exception
    opened = all_text(at)
    assert len(opened) > len(closed)
    assert expected in opened


def test_the_timeline_chart_groups_each_policys_rows_together():
    at = open_page("tijdlijn", verzekeraar="CZ", grafiek="alle")  # all CZ records in one chart
    chart = next(body for body in html_bodies(at) if "class='gli-tl'" in body)
    labels = re.findall(r"<div class='gli-tl-label[^']*'[^>]*>(.*?)</div>", chart)
    # Each record is named once, in bold, on its first row; its other rows follow it.
    owners, owner = [], None
    for label in labels:
        found = re.search(r"<b>(.*?)</b>", label)
        owner = found.group(1) if found else owner
        owners.append(owner)
    named = [o for o, label in zip(owners, labels, strict=True) if "<b>" in label]
    assert len(named) == len(set(named)) >= 2
    assert owners == sorted(owners, key=owners.index)  # each record's rows are contiguous
    for n, label in enumerate(labels):
        if label.endswith("<span>contracteerproces</span>") and n + 1 < len(labels):
            assert "<b>" in labels[n + 1], "a record's process row is its last row"
