"""The printable checklist: readable on a phone and on paper, the profile in Dutch, data escaped."""

from __future__ import annotations

import datetime as dt

from policy_model.wizard.profile import Profile
from policy_model.wizard.report import assessment_report_html, checklist_cards_html, profile_summary
from policy_model.wizard.rules import assess

TODAY = dt.date(2026, 12, 2)


def test_the_profile_reads_in_dutch_labels_and_values(cat):
    profile = Profile(role="individual_coach", year=2027, registries=["blcn"], licences=[], agb_code=True,
                      prior_contract_with=["cz"], background="dietist", functions={"gp_led_regional": "no"})
    summary = dict(profile_summary(profile, cat))
    assert summary["Ik ben"] == "Individuele leefstijlcoach (eigen contract)"
    assert summary["Registers"] == "BLCN" and summary["Programmalicenties"] == "geen"
    assert summary["AGB-code"] == "ja" and summary["Beroepsachtergrond"] == "Diëtist"
    assert summary["GLI-contract in 2026 met"] == "CZ"
    assert "regionale organisatie van (overwegend) huisartsen: nee" in summary["Wat uw organisatie is of doet"]


def test_the_printable_checklist_has_a_mobile_viewport_and_no_raw_profile(cat):
    profile = Profile(role="individual_coach", year=2027, registries=["blcn"], name="<script>alert(1)</script>")
    assessments = assess(profile, cat, TODAY)
    html = assessment_report_html(cat, assessments, profile, TODAY)
    assert "<meta name='viewport' content='width=device-width, initial-scale=1'>" in html
    assert "role: individual_coach" not in html and "registries: ['blcn']" not in html
    assert "<dt>Ik ben</dt><dd>Individuele leefstijlcoach (eigen contract)</dd>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    # Every requirement of every insurer is there, as a card, with its source.
    assert html.count("<li class='gli-card") == sum(len(a.checklist) for a in assessments)
    assert "Volgende stap:" in html and "Vandaag:" in html  # VGZ and ZZ answer from 2024, a year that is over


def test_the_cards_hold_every_requirement_with_why_and_source(cat):
    cz = assess(Profile(role="coach", year=2027, kvk_registered=False), cat, TODAY)[0]
    html = checklist_cards_html(cz, cat)
    assert html.count("<li class='gli-card") == len(cz.checklist)
    unmet = next(c for c in cz.checklist if c.status == "unmet")
    assert "☒ Niet voldaan" in html and unmet.why in html and "Bron" in html


def test_on_screen_the_expectations_are_folded_on_paper_everything_shows_with_its_source(cat):
    cz = assess(Profile(role="coach", year=2027, kvk_registered=False), cat, TODAY)[0]
    expectations = [c for c in cz.checklist if c.group == "expectation"]
    assert expectations
    screen = checklist_cards_html(cz, cat)
    head, folded = screen.split("<details class='gli-fold'>")
    assert head.count("<li class='gli-card") == len(cz.checklist) - len(expectations)
    assert folded.count("<li class='gli-card expectation") == len(expectations)
    assert folded.startswith(f"<summary>{len(expectations)} verwachtingen van de verzekeraar (geen voorwaarde")
    paper = checklist_cards_html(cz, cat, for_paper=True)
    assert "gli-fold" not in paper and paper.count("<details open>") == len(cz.checklist)


def test_two_cards_on_one_topic_say_where_else_the_document_speaks_of_it(cat):
    # LOOK O #8: CZ 2027 asks a quality register in §2.1.1 (every coach) and in §3.3.2 (the
    # individual contractant); the two cards read as a repetition. Exclusion grounds read
    # "Uitsluitingsgrond · Uitsluitingsgronden".
    import re

    cz = assess(Profile(role="individual_coach", year=2027, registries=["blcn"]), cat, TODAY)[0]
    cards = re.findall(r"<li class='gli-card[^>]*>(.*?)</li>", checklist_cards_html(cz, cat))
    registers = [c for c in cards if "· Kwaliteitsregister</div>" in c]
    assert len(registers) == 2
    assert any("Het beleid noemt dit onderwerp ook in § 3.3.2." in c for c in registers)
    assert any("Het beleid noemt dit onderwerp ook in § 2.1.1." in c for c in registers)
    # A sub-heading of the card's own paragraph is no other place (audit P #6: "§ 3.3.2 … – Aanvullende eisen").
    for card in cards:
        own = re.search(r"§ (\d+(?:\.\d+)*)", card.split("Bron")[-1])
        also = re.search(r"ook in (.*?)\.</div>", card)
        if own and also:
            assert f"§ {own.group(1)}" not in also.group(1).split("; "), card
    exclusions = [c for c in cards if "Uitsluitingsgrond" in c]
    assert exclusions and not any("Uitsluitingsgronden" in c.split("</div>")[0] for c in exclusions)
    assert not any("ook in" in c for c in exclusions)  # one list in one section: nothing to point to
    assert not any("ook in § Voorwoord" in c for c in cards)  # the catch-all topic ties nothing together
