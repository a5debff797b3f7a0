"""AppTest of choosing what to compare and of links that restore the whole view.

Every choice is written to the URL, defaults included, so opening the written URL again
gives the same view whatever the defaults are then.
"""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from policy_model.loader import load_catalogue
from policy_model.paths import DEFAULT_DATA_DIR, data_dir
from tests.dataset import newest_full, reworded_next_year
from tests.pages.conftest import about_sections, all_text, column_heads, html_bodies, open_page, plain_text


def _all(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key)
    return value if isinstance(value, list) else [value] if value is not None else []


def _reopen(at: AppTest, page: str) -> AppTest:
    """A new session opening the URL the first one wrote."""
    return open_page(page, **{k: v for k, v in at.query_params.items()})


def test_the_default_choice_is_written_to_the_url_with_every_toggle_and_the_tab():
    at = open_page("voorwaarden")
    assert not at.exception
    assert _all(at, "beleid") == newest_full(load_catalogue(data_dir()).catalogue)  # the default columns
    assert at.query_params["afgeleid"] == "false"
    assert at.query_params["alleen_verschillen"] == "false"
    assert at.query_params["tab"] == "Eisen per onderwerp"
    assert at.query_params["rol"] == "Alle rollen"
    assert at.query_params["eisen_bronnen"] == "false"


def test_two_chosen_records_of_any_insurer_and_year_are_the_only_columns():
    at = open_page("voorwaarden", beleid=["cz-2027", "vgz-2024"])
    assert at.multiselect(key="beleid").value == ["cz-2027", "vgz-2024"]
    text = all_text(at)
    assert column_heads(at) == [("CZ 2027", "Volledig beleidsdocument"), ("VGZ 2024", "Volledig beleidsdocument")]
    assert "Zorg en Zekerheid 2024" not in text
    cells = "\n".join(html_bodies(at))
    assert "<span class='gli-badge minimum'>Minimumeis</span>" in cells
    assert cells.count("<div class='gli-cell'>") == 2 * cells.count("<div class='gli-cells'")  # two columns a row


def test_an_unknown_key_in_the_link_is_named_in_a_dutch_notice():
    at = open_page("voorwaarden", beleid=["cz-2027", "bestaat-1999"])
    notice = " ".join(i.value for i in at.info)
    assert "bestaat" in notice and "genegeerd" in notice
    assert at.multiselect(key="beleid").value == ["cz-2027"]
    assert _all(at, "beleid") == ["cz-2027"]


def test_derived_years_are_offered_only_with_the_switch():
    at = open_page("programmas")
    assert "cz-2023" not in at.multiselect(key="beleid").options and "CZ 2023 (afgeleid)" not in at.multiselect(
        key="beleid").options
    at.toggle(key="afgeleid").set_value(True).run()
    assert "CZ 2023 (afgeleid)" in at.multiselect(key="beleid").options
    assert at.query_params["afgeleid"] == "true"
    assert at.multiselect(key="beleid").value == newest_full(load_catalogue(data_dir()).catalogue)  # no column added


def test_a_shortcut_sets_the_choice_and_the_url():
    at = open_page("registers")
    at.selectbox(key="snelkeuze").select("Alle jaren van VGZ").run()
    assert not at.exception
    assert at.multiselect(key="beleid").value == ["vgz-2023", "vgz-2024"]
    assert _all(at, "beleid") == ["vgz-2023", "vgz-2024"]
    assert at.selectbox(key="snelkeuze").value is None


def test_toggling_only_differences_is_kept_in_the_url_and_a_new_session_restores_it():
    at = open_page("voorwaarden", beleid=["cz-2023", "cz-2024"])  # these agree on some topics
    row = "<div class='gli-row-head'><b>Onderaannemers</b>"  # the same on both sides
    assert row in "".join(html_bodies(at))
    at.toggle(key="alleen_verschillen").set_value(True).run()
    assert at.query_params["alleen_verschillen"] == "true"
    fewer = all_text(at)
    assert row not in "".join(html_bodies(at)) and "✱ verschilt" in fewer
    again = _reopen(at, "voorwaarden")
    assert again.toggle(key="alleen_verschillen").value is True
    assert again.multiselect(key="beleid").value == ["cz-2023", "cz-2024"]
    assert all_text(again) == fewer


@pytest.mark.parametrize("value", ["false", "true"])
def test_a_toggle_equal_to_its_default_stays_in_the_link(value):
    at = open_page("voorwaarden", alleen_verschillen=value, woorden=value, beleid=["cz-2024", "cz-2027"])
    assert at.query_params["alleen_verschillen"] == value
    assert at.query_params["woorden"] == value
    assert at.toggle(key="woorden").value is (value == "true")


@pytest.fixture
def cz_next_year(tmp_path, monkeypatch) -> str:
    """A copy of the data with a reworded CZ 2028 beside CZ 2027 (tests.dataset.reworded_next_year)."""
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    key = reworded_next_year(data)
    monkeypatch.setenv("GLI_DATA_DIR", str(data))
    return key


def test_two_years_of_one_insurer_show_changed_words_struck_through_and_highlighted(cz_next_year):
    at = open_page("voorwaarden", beleid=["cz-2027", cz_next_year])
    cells = "\n".join(html_bodies(at))
    assert "<ins>en actuele</ins>" in cells.replace("<ins> ", "<ins>")
    plain = open_page("voorwaarden", beleid=["cz-2027", cz_next_year], woorden="false")
    assert "<ins>" not in "\n".join(html_bodies(plain))


def test_no_words_are_marked_beside_a_summary_or_a_derived_record():
    # CZ 2024's summary settles neither requirements nor who may take part: nothing of it is
    # compared word by word with CZ 2027.
    summary = open_page("voorwaarden", beleid=["cz-2024", "cz-2027"])
    assert "<ins>" not in "\n".join(html_bodies(summary))
    # CZ 2026 is derived from the 2027 document: its sentences say from 2027 what 2026 had and
    # are no earlier version of CZ 2027's text (before, "Registratie … was een minimumeis" read
    # as struck out by CZ). The page says why there is no switch.
    derived = open_page("voorwaarden", beleid=["cz-2026", "cz-2027"])
    assert "<ins>" not in "\n".join(html_bodies(derived)) and "<del>" not in "\n".join(html_bodies(derived))
    assert "Niet woord voor woord: CZ 2026 (afgeleid) is afgeleid uit een later document" in plain_text(derived)
    assert not [t for t in derived.toggle if t.key == "woorden"]


def test_an_open_section_is_restored_from_the_link():
    at = open_page("voorwaarden", eisen_bronnen="true")
    assert any("Soort eis" in d.value.columns for d in at.dataframe)
    assert at.query_params["eisen_bronnen"] == "true"
    at = open_page("programmas", programma_cool="true")
    sections = about_sections(at)
    assert sections["programma_cool"][0] and "Genoemd bij het programma" in sections["programma_cool"][1]
    assert not sections["programma_slimmer"][0]  # closed, as the link did not open it
    assert at.query_params["programma_cool"] == "true"


def test_the_role_and_tab_choices_round_trip():
    at = open_page("voorwaarden", rol="RHO", beleid=["vgz-2024", "zz-2024"])
    assert at.selectbox(key="rol").value == "rho"
    at2 = _reopen(at, "voorwaarden")
    assert at2.selectbox(key="rol").value == "rho"
    assert all_text(at2) == all_text(at)


def test_the_comparison_of_two_records_takes_keys_and_writes_both_choices():
    at = open_page("wijzigingen", tab="Vergelijk twee beleidsdocumenten", van="zz-2023", naar="zz-2024")
    assert not at.exception
    assert at.selectbox(key="van").value == "zz-2023"
    assert at.query_params["naar"] == "Zorg en Zekerheid 2024" and at.query_params["alleen_in_een"] == "false"
    # ZZ 2023 is derived from ZZ 2024 ch. 1: "Afgeleid: … is per 2024 gewijzigd" is no earlier
    # version of 2024's precedence rule, so its words are not marked against it; the page says why.
    assert not any("<ins>" in body for body in html_bodies(at))
    assert "Niet woord voor woord: Zorg en Zekerheid 2023 (afgeleid) is afgeleid" in plain_text(at)
    # CZ 2024's summary sentence on referral beside CZ 2027 §2.1 is no rewording (principle 1)
    summary = open_page("wijzigingen", tab="Vergelijk twee beleidsdocumenten", van="cz-2024", naar="cz-2027")
    assert not any("<ins>" in body for body in html_bodies(summary))


def test_the_stated_changes_are_side_by_side_for_the_chosen_records():
    at = open_page("wijzigingen", beleid=["cz-2027", "zz-2024"])
    heads = [label for label, _ in column_heads(at)]
    assert "CZ 2027" in heads and "Zorg en Zekerheid 2024" in heads and "VGZ 2024" not in heads
    assert at.query_params["tab"] == "Genoemde wijzigingen"


def test_every_chosen_page_runs_with_four_records_including_derived_ones():
    for page in ("programmas", "registers", "voorwaarden", "wijzigingen"):
        at = open_page(page, beleid=["cz-2023", "cz-2026", "vgz-2023", "zz-2023"])
        assert not at.exception, page
        assert at.multiselect(key="beleid").value == ["cz-2023", "cz-2026", "vgz-2023", "zz-2023"]


@pytest.mark.parametrize(("page", "key", "column"), [("programmas", "programmas_bronnen", "Status"),
                                                      ("registers", "registers_bronnen", "Gebruik")])
def test_the_sortable_source_table_opens_from_the_link(page, key, column):
    at = open_page(page)
    assert not at.dataframe and at.query_params[key] == "false"
    at = open_page(page, **{key: "true"})
    assert column in at.dataframe[0].value.columns


@pytest.mark.parametrize("page", ["programmas", "registers", "voorwaarden"])
def test_each_comparison_page_offers_the_handout_of_its_chosen_records(page):
    at = open_page(page, beleid=["cz-2027", "vgz-2024"])
    buttons = [b for b in at.get("download_button") if b.proto.label.startswith("⬇️ Hand-out")]
    assert len(buttons) == 1


def test_a_name_beside_a_programme_is_not_called_its_owner():
    # CZ 2027 §3.2 lists "CooL – Expertisecentrum Leefstijlinterventies", "CooL – MiGuide": what the
    # name after the dash is, it does not say (audit F). The section says so once.
    at = open_page("programmas", programma_cool="true")
    body = about_sections(at)["programma_cool"][1]
    assert "Eigenaar / licentiehouder" not in body
    assert "Genoemd bij het programma" in body and "zegt de bron niet" in body
