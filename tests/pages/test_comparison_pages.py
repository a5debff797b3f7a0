"""AppTest of every comparison page: every selection runs, real content shows, URLs restore."""

from __future__ import annotations

import html
import re

import pytest

from policy_model.loader import load_catalogue
from policy_model.paths import data_dir
from tests.dataset import newest_full
from tests.pages.conftest import about_sections, all_text, column_heads, html_bodies, html_text, open_page

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


def test_a_record_that_leaves_a_roles_requirements_to_later_or_elsewhere_says_so_above_the_rows():
    # CZ 2027 §2.2 sets no requirements for other forms (an msv) yet: "publiceren wij hiervoor
    # aanvullend beleid". Its cells for an msv showed only the coach requirements, which hold for
    # every role, and never the deferral (audit H #8). The CZ 2024 page points the RHO to §2.4.
    text = " ".join(all_text(open_page("voorwaarden", rol="Multidisciplinair / zorggroep",
                                       beleid=["cz-2024", "cz-2027"])).split())
    assert ("CZ 2027 – Nog niet vastgelegd voor Multidisciplinair / zorggroep: “CZ groep onderzoekt of andere "
            "organisatievormen") in text
    assert "publiceren wij hiervoor aanvullend beleid.” Zijn kolom hieronder toont" in text
    # Each row's note says the same: not yet laid down ("verwijst naar elders" said it pointed somewhere).
    assert "CZ 2027 legt dit nog niet vast: “CZ groep onderzoekt" in text and "naar elders" not in text
    rho = " ".join(all_text(open_page("voorwaarden", rol="RHO", beleid=["cz-2024", "cz-2027"])).split())
    assert ("CZ 2024 (samenvatting) – Verwezen naar een ander stuk voor RHO: “U vindt deze minimumeisen in "
            "paragraaf 2.4.”") in rho
    assert "CZ 2027 – Nog niet vastgelegd" not in rho
    coach = " ".join(all_text(open_page("voorwaarden", rol="Individuele coach", beleid=["cz-2024", "cz-2027"])).split())
    assert "Zijn kolom hieronder toont" not in coach


def test_programme_matrix_2027_marks_what_cz_buys_and_what_is_not_on_its_list():
    at = open_page("programmas", jaar="2027")
    # The first cell of each row's block is CZ 2027's (the only record of 2027).
    blocks = [row for body in html_bodies(at) for row in body.split("<div class='gli-cells'")[1:]]
    rows = [html_text(row.split("<div class='gli-cell'>")[1]) for row in blocks]
    names = ["CooL", "Beweegkuur", "SLIMMER", "Samen Sportief in Beweging", "X-Fittt", "Keer Diabetes2 Om"]
    assert len(rows) == len(names)  # one row per programme, in catalogue order
    for n, name in enumerate(names):
        assert rows[n].split()[:2] == ["CZ", "2027"]
        if "Fittt" in name:
            # CZ 2027 §3.2 lists the programmes it buys in full: X-Fittt is not on that list. It
            # read "– Niet vermeld in het beleid" ("het document zegt er niets over"), which the
            # document does settle; it reads "Niet in de lijst", with the list's words (audit F).
            assert "Niet in de lijst" in rows[n] and "Niet vermeld in het beleid" not in rows[n]
        else:
            assert "✔ Ingekocht" in rows[n], name


def test_an_old_filter_link_chooses_its_records_and_the_url_then_names_them():
    at = open_page("programmas", verzekeraar="VGZ", jaar="2024")
    assert at.multiselect(key="beleid").value == ["vgz-2024"]
    assert [label for label, _ in column_heads(at)] == ["VGZ 2024"] and "CZ 2027" not in all_text(at)
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
    # The mark keeps CZ 2027 §4.1's word for the day ("Planning (uiterlijk)"; audit E).
    assert len(charts) == 1 and "title='uiterlijk 31 oktober 2026: " in charts[0]


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
    results = at.dataframe[0].value  # the sortable table, folded below the lines
    assert len(results) > 5
    assert results["Bekijk"].str.startswith("/").all()
    # A requirement is named by its force (audit C #40: an expectation is no "Eis").
    assert (results["Soort"] == "Minimumeis").any() and (results["Soort"] == "Verwachting").any()
    assert not (results["Soort"] == "Eis").any()
    # Read as text, one line per result in the same order: what, where, the words marked, a link.
    (body,) = [b for b in html_bodies(at) if "gli-lines" in b]
    leads = re.findall(r"<div class='gli-line'><b>(.*?)</b>", body)
    assert leads == [html.escape(f"{w} · {k}") for w, k in zip(results["Waar"], results["Soort"], strict=True)]
    assert "<mark>sociaal</mark> <mark>domein</mark>" in body
    links = re.findall(r"<a href='([^']*)' target='_blank' rel='noopener noreferrer'>open pagina</a>", body)
    assert [html.unescape(link) for link in links] == list(results["Bekijk"])
    assert body.count("<summary>📄 Bron</summary>") == len(results)
    expander = next(e for e in at.expander if e.label.startswith("Als tabel"))
    assert expander.dataframe  # the grid is in the fold, not the first thing read


def test_a_search_result_found_only_in_the_quote_says_so():
    at = open_page("zoeken", q="intervisie")
    results = at.dataframe[0].value
    (body,) = [b for b in html_bodies(at) if "gli-lines" in b]
    lines = re.findall(r"<div class='gli-line'>(.*?)<details>", body)
    assert len(lines) == len(results)
    quoted_only = [line for line in lines if "gevonden in het citaat, de paragraaf of het onderwerp" in line]
    assert quoted_only and all("<mark>" not in line for line in quoted_only)
    assert any("<mark>" in line for line in lines if line not in quoted_only)


def test_glossary_search_filters_terms():
    at = open_page("begrippen", q="RHO")
    (body,) = [b for b in html_bodies(at) if "gli-lines" in b]
    terms = re.findall(r"<div class='gli-line'><b>(.*?)</b>", body)
    assert "RHO" in terms and len(terms) < 20
    assert not at.dataframe  # text, not a grid whose explanation a phone cuts off


def test_every_glossary_term_is_text_with_its_explanation_and_source():
    cat = load_catalogue().catalogue
    at = open_page("begrippen")
    (body,) = [b for b in html_bodies(at) if "gli-lines" in b]
    assert body.count("<div class='gli-line'>") == len(cat.glossary)
    rho = next(t for t in cat.glossary if t.term == "RHO")
    line = next(x for x in body.split("<div class='gli-line'>") if x.startswith("<b>RHO</b>"))
    assert html.escape(rho.explanation, quote=False) in line and "📄 Bron" in line
    assert html.escape(rho.source.quote, quote=False) in line


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
    ("programmas", "programma_cool", "Genoemd bij het programma"),
    ("registers", "register_blcn", "BLCN"),
])
def test_an_about_section_is_closed_until_opened_and_a_link_opens_it(page, key, expected):
    at = open_page(page)
    sections = about_sections(at)
    assert len(sections) > 1 and not any(opened for opened, _ in sections.values())
    assert expected in sections[key][1]  # one click away (a native disclosure), no rerun needed
    at = open_page(page, **{key: "true"})
    assert not at.exception
    sections = about_sections(at)
    assert sections[key][0] and [k for k, (opened, _) in sections.items() if opened] == [key]
    assert at.query_params[key] == "true"
    assert "De link bevatte" not in all_text(at)  # a known parameter


def test_a_register_is_tied_to_a_background_only_where_a_policy_says_so():
    # Audit F #9: "Over de registers" read "betreft: Fysiotherapeut" for IRF/KFIR and KNGF from their
    # names; CZ 2027 §2.1.1 and VGZ 2024 list them without a background. Only Zorg en Zekerheid 2024
    # names backgrounds (5.1: the KP "In het geval van fysiotherapie", the BLCN for a coach without
    # a paramedical background), each with its source.
    sections = about_sections(open_page("registers"))
    for key in ("register_irf_kfir", "register_kngf", "register_kabiz"):
        body = sections[key][1]
        assert "Geen beleid in deze wijzer koppelt dit register aan een beroepsachtergrond." in body
        assert "betreft" not in body and "noemt dit register voor" not in body
    kp = sections["register_kp"][1]
    assert "Zorg en Zekerheid 2024 noemt dit register voor: fysiotherapeut" in kp
    assert kp.split("noemt dit register voor: ")[1].split("📄")[0].strip() == "fysiotherapeut"
    assert "Zorg en Zekerheid 2024 noemt dit register voor: leefstijlcoach" in sections["register_blcn"][1]
    # A register of another kind (VECOZO, the KvK) is for no profession: no line about it (audit J).
    assert "beroepsachtergrond" not in sections["register_vecozo"][1] + sections["register_kvk"][1]


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


def test_the_readme_link_with_earlier_labels_opens_the_comparison_without_a_notice():
    # README: ?tab=Vergelijk+twee+beleidsdocumenten&van=CZ+2024&naar=CZ+2027 (labels from before
    # "CZ 2024" became "CZ 2024 (samenvatting)").
    at = open_page("wijzigingen", tab="Vergelijk twee beleidsdocumenten", van="CZ 2024", naar="CZ 2027")
    assert not at.exception
    assert at.selectbox(key="van").value == "cz-2024" and at.selectbox(key="naar").value == "cz-2027"
    assert "genegeerd" not in all_text(at)
    # CZ 2027's RIVM change is against 2026: listed, not counted between 2024 and 2027 (audit H #6).
    assert {m.label: m.value for m in at.metric} == {"Gewijzigd": "1", "Nieuw": "1", "Vervallen": "0"}
    text = all_text(at)
    assert "Wijzigingenlijst" in text and "RIVM-indicatorenlijst" in text
    assert at.query_params["van"] == "CZ 2024 (samenvatting)"


def test_the_headline_leaves_out_a_change_stated_against_a_later_year_and_says_so():
    at = open_page("wijzigingen", tab="Vergelijk twee beleidsdocumenten", van="cz-2024", naar="cz-2027")
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Vervallen"] == "0"
    text = " ".join(all_text(at).replace("\\", "").split())  # the caption is Markdown-escaped
    assert ("Niet meegeteld: 1 wijziging(en) die een later beleidsdocument noemt ten opzichte van 2026, een jaar "
            "na CZ 2024 (samenvatting)") in text


def test_one_sided_items_are_grouped_by_kind_with_counts_and_labelled_by_kind():
    at = open_page("wijzigingen", tab="Vergelijk twee beleidsdocumenten", van="cz-2024", naar="cz-2027",
                   alleen_in_een="true")
    assert not at.exception
    text = " ".join(all_text(at).split())
    for heading in ("Looptijden (4)", "Aanvragen (4)", "Contracteerroutes (2)"):
        assert heading in text, heading
    # Two rows about the RHO, told apart by their kind.
    assert "Looptijd RHO" in text and "Aanvragen RHO" in text
    # The word-level view of a matched statement names force and role on both sides.
    assert "Uitgewerkt in CZ 2027" in text and "Minimumeis · Leefstijlcoach (uitvoerder)" in text
    assert "legt dit hier niet vast: “U vindt deze minimumeisen in paragraaf 2.4.”" in text


def test_the_role_filter_says_for_whom_a_document_states_a_topic_instead_of_not_stated():
    # Individual coach: ZZ 2024 asks programme recognition of the samenwerkingsverband/zorggroep (5.1),
    # VGZ 2024 KvK registration of the RHO (bijlage 2).
    at = open_page("voorwaarden", rol="Individuele coach", beleid=["cz-2027", "vgz-2024", "zz-2024"])
    assert not at.exception
    bodies = " ".join(html_bodies(at))
    blocks = {block.split("</b>")[0].split("<b>")[-1]: block
              for block in bodies.split("<div class='gli-row ")[1:]}
    for topic, phrase in (("Erkenning GLI-programma", "Alleen voor Multidisciplinair / zorggroep"),
                          ("Inschrijving KvK", "Alleen voor RHO")):
        assert phrase in html_text(blocks[topic]), topic
    assert "Alleen voor …" in all_text(at)


def _chose_vgz_2024_as_new() -> object:
    """The comparison of CZ 2024 with CZ 2027, then "Naar" changed to VGZ 2024 (its run wrote it)."""
    at = open_page("wijzigingen", tab="Vergelijk twee beleidsdocumenten", van="CZ 2024", naar="CZ 2027")
    at.selectbox(key="naar").set_value("vgz-2024").run()
    assert at.selectbox(key="naar").value == "vgz-2024" and at.query_params["naar"] == "VGZ 2024"
    return at


def test_a_click_sent_with_the_address_from_before_a_choice_keeps_the_choice():
    # A click some 20-100 ms after a choice reaches the server with the address from before
    # it (the browser had not shown the new one yet); it used to be taken as Back.
    at = _chose_vgz_2024_as_new()
    at.query_params["naar"] = "CZ 2027"  # the stale address the click's rerun carries
    at.selectbox(key="van").set_value("zz-2024").run()
    assert not at.exception
    assert at.selectbox(key="naar").value == "vgz-2024" and at.selectbox(key="van").value == "zz-2024"
    assert at.query_params["naar"] == "VGZ 2024"  # written back over the stale value


def test_back_to_the_address_from_before_a_choice_undoes_it():
    at = _chose_vgz_2024_as_new()
    at.query_params["naar"] = "CZ 2027"  # Back: the earlier address, no widget changed
    at.run()
    assert at.selectbox(key="naar").value == "cz-2027" and at.query_params["naar"] == "CZ 2027"


def test_home_lists_every_record_and_document_as_text():
    # A grid cut the summaries on a phone and at 1024 px: Home's overview is text now.
    cat = load_catalogue().catalogue
    at = open_page()
    assert not at.exception and not at.dataframe
    lists = [b for b in html_bodies(at) if "gli-home-list" in b]
    assert len(lists) == 2
    records, documents = lists
    assert records.count("<p><b>") == len(cat.policies_for())
    shown = " ".join(html_text(records).split())
    for policy in cat.policies_for():
        assert " ".join(policy.summary.split()) in shown
    assert documents.count("<p><b>") == len(cat.sources)
    links = re.findall(r"href='([^']*)'", documents)
    assert links and all(link.startswith("https://") for link in links)
    assert "1 eisen" not in records and "1 wijzigingen" not in records  # "1 wijziging"


def test_a_search_too_long_to_search_says_so_and_keeps_the_query():
    from policy_model.search import MAX_QUERY_CHARS

    query = " ".join(["zorg"] * 5000)
    at = open_page("zoeken", q=query)
    assert not at.exception and not at.dataframe
    assert any(f"{len(query)} tekens lang" in w.value and str(MAX_QUERY_CHARS) in w.value for w in at.warning)
    assert at.text_input(key="q").value == query  # nothing the user entered is lost


def test_the_timeline_says_which_periods_the_chart_cannot_draw(cat):
    # Audit G #2: CZ 2027's new provider's contract "gaat in op de eerste dag van de maand na het
    # accorderen" (§3.3.4): no start day, so the chart shows only the running RHO period.
    at = open_page("tijdlijn", beleid="cz-2027")
    policy = cat.policy_by_key("cz-2027")
    missing = [p for p in policy.contract_periods if not (p.start and p.end)]
    assert missing
    assert any(c.value.startswith(f"{len(missing)} looptijd(en) hebben in het document geen begin- of einddatum")
               for c in at.caption)
    at = open_page("tijdlijn", beleid="cz-2026")
    assert all(p.start and p.end for p in cat.policy_by_key("cz-2026").contract_periods)
    assert not any("looptijd(en) hebben" in c.value for c in at.caption)


def test_a_timeline_without_bars_does_not_explain_bars():
    # Audit P #7: Zorg en Zekerheid 2024 gives its periods' length only (§5.2): its chart has marks
    # only, and the caption began "Balken: looptijden van overeenkomsten".
    at = open_page("tijdlijn", beleid="zz-2024")
    assert not at.exception
    text = all_text(at)
    assert "Geen balken: de gekozen documenten geven geen looptijd met een begin- en einddatum." in text
    assert "Balken: looptijden" not in text and "Wijs een symbool aan" in text
    text = all_text(open_page("tijdlijn", beleid="cz-2027"))
    assert "Balken: looptijden van overeenkomsten" in text and "Wijs een balk of symbool aan" in text
