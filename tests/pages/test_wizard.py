"""AppTest of "Wat geldt voor mij?": every step, both modes, the batch path, shared URLs."""

from __future__ import annotations

import re
from html import escape

from policy_model.loader import load_catalogue
from tests.pages.conftest import all_text, html_bodies, html_text, open_page


def verdict_cards(at) -> list[str]:
    """The verdict cards above the tabs (ui.wizard_view), each as the text a reader sees."""
    return [html_text(card) for body in html_bodies(at)
            for card in re.findall(r"<div class='gli-verdict'>(.*?)</div>", body)]


def verdicts(at) -> list[str]:
    """Each card's verdict, in Markdown's heading notation (the cards' third-level heading)."""
    return [f"### {' '.join(html_text(h).split())}" for body in html_bodies(at)
            for h in re.findall(r"<div class='gli-verdict'>.*?<h3>(.*?)</h3>", body)]


def test_the_wizard_runs_through_its_steps_with_defaults():
    at = open_page("wizard")
    assert not at.exception
    text = all_text(at)
    for step in ("Stap 1", "Stap 2", "Stap 3", "Stap 4"):
        assert step in text
    assert verdicts(at)


def test_answering_the_steps_changes_the_verdict():
    # Writing answers into the URL happens in the browser (see tests/e2e); AppTest checks
    # the other direction, a link restoring the answers, below.
    at = open_page("wizard")
    at.selectbox(key="rol").set_value("individual_coach").run()
    at.selectbox(key="jaar").set_value(2027).run()
    at.multiselect(key="registers").set_value(["blcn"]).run()
    at.multiselect(key="licenties").set_value(["cool"]).run()
    at.segmented_control(key="rho_in_regio").set_value("yes").run()
    assert not at.exception
    # Every insurer in one run: CZ for 2027, VGZ and ZZ from their newest year as a marked hint.
    # The headline names the organisation the verdict names: an RHO is contracted in the region and
    # CZ prefers it (2027 §2.2), so the coach works under the RHO; no longer a fixed "RHO of
    # samenwerkingsverband" (ZZ 2024, for one, names no RHO at all).
    assert verdicts(at)[0] == "### 🔁 Alleen via een RHO (als onderaannemer)"
    assert len(verdicts(at)) == 3
    assert sum("Hint: geen beleid voor 2027" in card for card in verdict_cards(at)) == 2


def test_a_shared_link_restores_the_result():
    at = open_page("wizard", rol="Samenwerkingsverband", jaar="2027", aantal="1", rho_in_regio="Nee")
    assert not at.exception
    assert verdicts(at)[0] == "### ⛔ Komt niet in aanmerking"
    assert "Minimum aantal programma's" in all_text(at) or "minimum aantal" in all_text(at)


def test_referrer_mode_checks_a_participant():
    # 15: below VGZ 2024's exception from 16 ("uitsluitend ... volwassenen"): a "no" there; CZ
    # 2024's summary and ZZ do not settle who may take part, so no "no" from them
    at = open_page("wizard", rol="Verwijzer", jaar="2024", leeftijd="15", ggr="Matig verhoogd")
    assert not at.exception
    assert verdicts(at).count("### ⛔ De deelnemer komt niet in aanmerking") == 1
    assert len(verdicts(at)) == 3


def test_contradictory_answers_show_a_warning():
    at = open_page("wizard", rol="Samenwerkingsverband", jaar="2027", aantal="2", licenties="CooL")
    assert not any("programmalicenties" in w.value for w in at.warning)
    at = open_page("wizard", rol="Samenwerkingsverband", jaar="2027", aantal="0", licenties="CooL")
    assert not at.exception
    assert any("meer programmalicenties" in w.value for w in at.warning)


def test_garbage_in_the_url_is_ignored_with_a_notice():
    at = open_page("wizard", rol="Astronaut", leeftijd="oud", registers="XYZ")
    assert not at.exception
    assert any("genegeerd" in i.value for i in at.info)


def test_batch_mode_with_a_good_csv_gives_a_matrix():
    at = open_page("wizard", modus="Meerdere coaches (CSV)")
    assert "Controleer uw onderaannemers" in all_text(at)
    csv = b"name;registries;licences\nAnna;BLCN;CooL\nBram;KP;Beweegkuur\n"
    at.file_uploader(key="batch_file").set_value(("coaches.csv", csv, "text/csv")).run()
    assert not at.exception
    matrix = at.dataframe[0].value
    assert list(matrix["Naam"]) == ["Anna", "Bram"]
    assert not at.warning


def test_batch_mode_with_a_bad_csv_names_row_and_value_and_keeps_the_rest():
    at = open_page("wizard", modus="Meerdere coaches (CSV)")
    csv = b"name;registries\nAnna;BLCN\nBram;Nepregister\n"
    at.file_uploader(key="batch_file").set_value(("coaches.csv", csv, "text/csv")).run()
    assert not at.exception
    assert any("rij 3" in w.value and "Nepregister" in w.value for w in at.warning)
    assert list(at.dataframe[0].value["Naam"]) == ["Anna", "Bram"]


def test_batch_mode_with_a_file_without_header_is_a_clear_message():
    at = open_page("wizard", modus="Meerdere coaches (CSV)")
    at.file_uploader(key="batch_file").set_value(("x.csv", b"\x00\x01garbage", "text/csv")).run()
    assert not at.exception
    assert any("kolomnamen" in w.value for w in at.warning)


def test_each_insurer_tab_shows_its_own_checklist_and_the_download_covers_all():
    at = open_page("wizard", rol="Individuele coach", jaar="2024")
    assert not at.exception
    assert len(at.dataframe) == 1  # only the open tab runs
    first = at.dataframe[0].value
    names = [t.label for t in at.tabs]
    assert len(names) >= 2
    at.session_state["resultaat_tab"] = names[1]
    at.run()
    assert not at.exception
    assert len(at.dataframe) == 1
    assert not at.dataframe[0].value.equals(first)


def test_the_open_tab_leads_with_the_next_step_the_actions_and_the_weighted_checklist():
    at = open_page("wizard", rol="Individuele coach", jaar="2027", rho_in_regio="Nee", sv_in_regio="Nee",
                   vorig_contract="— Geen —")
    assert not at.exception
    assert at.info[0].value.startswith("**Volgende stap:**") and "[rz\\.gli@cz\\.nl](mailto:rz.gli@cz.nl)" in at.info[0].value  # a link showing itself
    text = all_text(at)
    assert "Wat u kunt doen, en wanneer" in text and "geen deadline" in text
    assert "verwachtingen" in text and "verplichtingen" in text  # counts per group
    table = at.dataframe[0].value
    assert "Soort" in table.columns


def test_explicit_none_is_an_answer_and_differs_from_empty():
    at = open_page("wizard", rol="Individuele coach", jaar="2027", rho_in_regio="Nee", sv_in_regio="Nee",
                   licenties="— Geen —")
    assert not at.exception
    assert verdicts(at)[0] == "### ⛔ Komt niet in aanmerking"
    at = open_page("wizard", rol="Individuele coach", jaar="2027", rho_in_regio="Nee", sv_in_regio="Nee")
    assert verdicts(at)[0] != "### ⛔ Komt niet in aanmerking"


def test_region_is_asked_per_insurer_and_zz_follows_outside_its_region():
    at = open_page("wizard", rol="Multidisciplinair / zorggroep", jaar="2024", kernregio="CZ")
    assert not at.exception
    names = [t.label for t in at.tabs]
    at.session_state["resultaat_tab"] = next(n for n in names if "Zekerheid" in n)
    at.run()
    assert "preferente zorgverzekeraar" in all_text(at)


def test_a_leefstijlcoach_is_a_role_of_its_own_with_what_it_means():
    at = open_page("wizard", rol="Leefstijlcoach (uitvoerder)", jaar="2027", rho_in_regio="Nee", sv_in_regio="Nee")
    assert not at.exception
    assert any("als onderaannemer van een RHO of samenwerkingsverband, of met een eigen overeenkomst" in c.value
               for c in at.caption)
    assert "onderaannemer van een organisatie die CZ contracteert" in all_text(at)


def test_an_organisation_answers_what_it_does_and_the_form_is_judged_by_it():
    at = open_page("wizard", rol="RHO", jaar="2024", kernregio="Zorg en Zekerheid")
    assert not at.exception
    assert "Wat doet uw organisatie?" in all_text(at)
    at.session_state["resultaat_tab"] = next(t.label for t in at.tabs if "Zekerheid" in t.label)
    at.run()
    assert "ketenzorg coördineert" in all_text(at)  # ZZ 5's definition of the zorggroep, to check
    at = open_page("wizard", rol="RHO", jaar="2024", kernregio="Zorg en Zekerheid", f_ketenzorg="Ja")
    zz = verdicts(at)[2]
    assert zz == "### ✅ U kunt rechtstreeks contracteren"


def test_the_contract_question_names_the_year_it_means():
    at = open_page("wizard", rol="Individuele coach", jaar="2027", vorig_contract="CZ")
    assert at.multiselect(key="vorig_contract").label == "In 2026 had ik een GLI-contract met"
    assert at.multiselect(key="vorig_contract").value == ["cz"]
    at.selectbox(key="jaar").set_value(2024).run()
    assert not at.exception
    assert at.multiselect(key="vorig_contract").label == "In 2023 had ik een GLI-contract met"
    assert at.multiselect(key="vorig_contract").value == ["cz"]  # the answer survives the new label


def test_the_checklist_is_also_there_as_cards_for_a_phone():
    at = open_page("wizard", rol="Individuele coach", jaar="2027")
    assert not at.exception
    cards = next(body for body in html_bodies(at) if "gli-cards" in body)
    assert cards.count("<li class='gli-card") == len(at.dataframe[0].value)


def test_today_is_in_the_answer(monkeypatch):
    monkeypatch.setenv("GLI_TODAY", "2026-12-02")
    at = open_page("wizard", rol="Individuele coach", jaar="2024")
    assert not at.exception
    assert any("Antwoord voor vandaag, 2 december 2026" in c.value for c in at.caption)
    assert any("beleidsjaar 2024 is voorbij" in w.value for w in at.warning)


def test_on_a_projector_the_checklist_is_cards_not_an_eight_column_table():
    """In 1024 px at presentation size an eight-column HTML table broke its words letter by letter."""
    at = open_page("wizard", rol="Individuele coach", jaar="2027", presentatie="true")
    assert not at.exception
    bodies = html_bodies(at)
    cards = next(body for body in bodies if "gli-cards" in body)
    assert cards.count("<li class='gli-card") >= 5
    assert not any("<th" in body and "Eis" in body for body in bodies)  # no checklist table
    assert not at.dataframe


def test_every_sourced_line_has_its_section_and_quote_one_click_away():
    """The lines of the open tab (reasons' sources, routes, actions, dates, applying) are one
    block of escaped HTML; each line's own source opens in a disclosure beside it."""
    at = open_page("wizard", rol="RHO", jaar="2027")
    assert not at.exception
    block = next(body for body in html_bodies(at) if "Route en looptijd" in body)
    lines = re.findall(r"<div class='gli-line'>(.*?)</details></div>", block)
    assert len(lines) >= 5
    for line in lines:
        text, _, source = line.partition("<details>")
        assert text.strip() and source.startswith("<summary>📄 Bron</summary>")
        assert "§ " in source and "<blockquote>“" in source and "”</blockquote>" in source
    rho = load_catalogue().catalogue.policy("cz", 2027)
    route = next(r for r in rho.contract_routes if r.route == "rho")
    line = next(line for line in lines if line.startswith("RHO – "))
    assert f"§ {escape(route.source.section)}" in line and escape(route.source.quote) in line
    assert "<a href='https://" in line  # the original document, one more click


def test_the_checklist_names_the_route_a_requirement_holds_under():
    # VGZ 2024 bijlage 2: the RHO agreement's requirements hold for the RHO route only; an RHO can
    # also contract as samenwerkingsverband, so the table says which requirement is whose.
    at = open_page("wizard", rol="RHO", jaar="2024")
    assert not at.exception
    at.session_state["resultaat_tab"] = next(t.label for t in at.tabs if "VGZ" in t.label)
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert "Route" in table.columns and "Geldt bij de route RHO" in set(table["Route"])
    cards = next(body for body in html_bodies(at) if "gli-cards" in body)
    assert "<div class='route'>Geldt bij de route RHO</div>" in cards


def test_an_organisation_is_not_asked_its_own_background():
    # ZZ 2024 §5.1's background requirements are about an organisation's coaches, and the wizard
    # reads them so (ga na dat uw leefstijlcoaches …): an answer it would ignore is not asked.
    coach = open_page("wizard", rol="Individuele coach", jaar="2027")
    assert [s for s in coach.selectbox if s.label == "Beroepsachtergrond"]
    for role in ("RHO", "Samenwerkingsverband", "Multidisciplinair / zorggroep"):
        at = open_page("wizard", rol=role, jaar="2027")
        assert not at.exception and not [s for s in at.selectbox if s.label == "Beroepsachtergrond"], role
