"""The comparison hand-out says what differs: full texts for the chosen role, the rows that
are the same named, silence kept apart, and expectations named where their text would not
fit two pages. (Its page count in a real browser: tests/e2e/test_handout_print.py.)"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html import unescape

from policy_model.comparison.text_rows import registry_text_rows, requirement_text_rows
from policy_model.reports.handout import (
    PAGE_BUDGET,
    binding_part,
    comparison_handout_html,
    estimated_pages,
    overview_texts,
    printed_rows,
    section_ref,
    who_detail,
)
from policy_model.schema import Source

DAY = dt.date(2026, 12, 2)


def _text(html: str) -> str:
    """The printed text: inline tags dropped, block tags a space."""
    html = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    html = re.sub(r"</?(?:b|span|i|u)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _policies(cat, *keys):
    return [cat.policy_by_key(k) for k in keys]


def test_the_role_is_printed_and_filters_the_requirements(cat):
    policies = _policies(cat, "cz-2027", "vgz-2024")
    rho = _text(comparison_handout_html(cat, policies, DAY, role="rho"))
    assert "Rol: RHO." in rho
    # A minimum requirement for the RHO only is there in full; one for the individual coach only is not.
    assert "De RHO informeert ten minste de regionale huisartsen" in rho
    assert "Heeft een geldige AGB-code." not in rho
    assert "Inschrijving KvK (CZ 2027: alleen voor individuele coach)" in rho  # said, not "niet vermeld"
    coach = _text(comparison_handout_html(cat, policies, DAY, role="individual_coach"))
    assert "Rol: Individuele coach." in coach and "Heeft een geldige AGB-code." in coach
    assert "De RHO informeert ten minste de regionale huisartsen" not in coach
    everyone = _text(comparison_handout_html(cat, policies, DAY))
    assert "Rol: alle rollen." in everyone


def test_every_differing_binding_requirement_is_printed_in_full_with_its_section(cat):
    policies = _policies(cat, "cz-2027", "vgz-2024")
    text = _text(comparison_handout_html(cat, policies, DAY, role="rho"))
    rows = requirement_text_rows(policies, "rho")
    binding = [e for r in rows if r.differs for es in r.cells.values() for e in es
               if e.force in ("minimum", "exclusion", "obligation") and e.is_statement]  # not "alleen voor" another role
    assert len(binding) > 40
    missing = [e.text for e in binding if " ".join(e.text.split()) not in text]
    assert not missing
    assert "(§ 3.3.1)" in text and "§ Bijlage 2" in text


def test_rows_stated_by_one_record_are_listed_apart_and_rows_that_agree_are_named(cat):
    policies = _policies(cat, "cz-2023", "cz-2024")  # the derived 2023 record repeats some of 2024
    rows = requirement_text_rows(policies, "rho")
    same = [r.label for r in rows if not r.differs]
    assert same, "this pair agrees on some topics"
    text = _text(comparison_handout_html(cat, policies, DAY, role="rho"))
    assert f"Gelijk in alle gekozen documenten ({len(same)}): {', '.join(same)}." in text
    differing = [r for r in rows if r.differs]
    # CZ 2024 is a web page: what only the derived 2023 record states is counted apart.
    mentioned = [r for r in differing if r.only_mentioned()]
    assert mentioned, "the web page leaves topics to other documents"
    assert (f"Eisen per onderwerp: wat verschilt ({len(differing) - len(mentioned)} van {len(rows)}; daarnaast "
            f"{len(mentioned)} alleen in een deel van de documenten vermeld)") in text
    for row in differing:
        assert row.label in text


def test_rows_stated_by_one_record_are_listed_per_record(cat):
    policies = _policies(cat, "cz-2027", "vgz-2024")
    rows = requirement_text_rows(policies, "rho")
    full, _ = printed_rows(rows, list(overview_texts(cat, policies).values()), "rho")
    def states(row, key):  # a statement for the role; "alleen voor <rol>" is not one
        return any(e.is_statement for e in row.cells[key])

    # Only VGZ states it for the role. Where CZ's full list of conditions leaves out a VGZ
    # condition, the topic says "CZ 2027: niet gesteld": CZ's silence there is no "niet vermeld".
    def unset(row, key):
        return [e.kind for e in row.cells[key]] == ["not_set"]

    only_vgz = [r for r in full if states(r, "vgz-2024") and not states(r, "cz-2027")]
    unset_rows = [r for r in only_vgz if unset(r, "cz-2027")]
    assert only_vgz and unset_rows and len(unset_rows) < len(only_vgz)
    text = _text(comparison_handout_html(cat, policies, DAY, role="rho"))
    assert f"Alleen in VGZ 2024 ({len(only_vgz)})" in text and "Hierover zegt het andere document niets" in text
    assert "behalve waar ‘…: niet gesteld’ staat: dat document noemt zijn eisen volledig" in text
    solo = text[text.index(f"Alleen in VGZ 2024 ({len(only_vgz)})"):]
    for row in only_vgz:
        assert (f"{row.label} (CZ 2027: niet gesteld)" in solo) == (row in unset_rows), row.label


def test_expectations_are_named_not_printed_when_the_whole_would_not_fit_two_pages(cat):
    policies = _policies(cat, "cz-2027", "vgz-2024", "zz-2024")
    rows = requirement_text_rows(policies, "rho")
    overview = list(overview_texts(cat, policies).values())
    assert estimated_pages(rows, overview, "rho") > PAGE_BUDGET
    full, named = printed_rows(rows, overview, "rho")
    assert named and all(e.force == "expectation" for r in named for es in r.cells.values() for e in es)
    assert all(e.force != "expectation" for r in full for es in r.cells.values() for e in es)
    text = _text(comparison_handout_html(cat, policies, DAY, role="rho"))
    assert "Verwachtingen die verschillen (niet bindend)" in text
    expectation = next(e for r in named for es in r.cells.values() for e in es)
    assert " ".join(expectation.text.split()) not in text
    assert named[0].label in text


def test_everything_is_printed_in_full_when_it_fits(cat):
    policies = _policies(cat, "cz-2026", "cz-2027")
    rows = requirement_text_rows(policies, "msv")
    overview = list(overview_texts(cat, policies).values())
    full, named = printed_rows(rows, overview, "msv")
    assert not named and full == [r for r in rows if r.differs]
    assert "Verwachtingen die verschillen" not in comparison_handout_html(cat, policies, DAY, role="msv")


def test_binding_part_keeps_statements_without_a_force(cat):
    rows = registry_text_rows(cat, _policies(cat, "cz-2027", "vgz-2024"))
    assert all(binding_part(r) == r for r in rows)


def test_a_registers_handout_prints_its_rows_and_no_role(cat):
    policies = _policies(cat, "cz-2027", "vgz-2024")
    rows = registry_text_rows(cat, policies)
    text = _text(comparison_handout_html(cat, policies, DAY, rows=rows, subject="Registers", by_role=False))
    assert "Rol:" not in text and "Registers: wat verschilt" in text
    for row in rows:
        if row.differs:
            assert row.label in text


def test_who_detail_drops_the_role_list_only_where_it_names_the_chosen_role():
    assert who_detail("Voor: RHO, Samenwerkingsverband; Fysiotherapeut", "rho") == "Fysiotherapeut"
    assert who_detail("Voor: RHO", "rho") == ""
    coach = "Voor: Leefstijlcoach (uitvoerder), Multidisciplinair / zorggroep"
    assert who_detail(coach, "rho") == coach
    assert who_detail("Voor: RHO", None) == "Voor: RHO"
    assert who_detail("alleen nieuwe aanbieders", "rho") == "alleen nieuwe aanbieders"


def test_section_ref_keeps_the_number_or_a_short_title():
    def ref(section: str) -> str:
        return section_ref(Source(document="x", section=section, quote="eight chars"))

    assert ref("3.3.1 Minimumeisen voor een RHO en/of samenwerkingsverband") == "§ 3.3.1"
    assert ref("Bijlage 2. Minimumeisen voor Zorgovereenkomst") == "§ Bijlage 2"
    assert ref("Bekendmaking gecontracteerd zorgaanbod") == "§ Bekendmaking gecontracteerd zorgaanbod"
    assert ref("Belangrijkste wijzigingen ten opzichte van vorig jaar – Tarieven") == (
        "§ Belangrijkste wijzigingen ten opzichte…")


def test_data_text_stays_text(cat):
    policy = cat.policy_by_key("cz-2027")
    evil = "<script>alert(1)</script>"
    first = next(i for i, r in enumerate(policy.requirements) if r.force == "minimum")
    requirements = list(policy.requirements)
    requirements[first] = requirements[first].model_copy(update={"text": evil})
    hostile = policy.model_copy(update={"requirements": requirements})
    other = cat.policy_by_key("vgz-2024")
    html = comparison_handout_html(cat, [hostile, other], DAY, link="https://x/?a=<b>")
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "?a=&lt;b&gt;" in html


def test_the_page_number_is_on_every_printed_page(cat):
    html = comparison_handout_html(cat, _policies(cat, "cz-2027", "vgz-2024"), DAY)
    assert 'counter(page) " van " counter(pages)' in html


def test_an_empty_comparison_says_so(cat):
    policies = _policies(cat, "cz-2027", "vgz-2024")
    rows = [dataclasses.replace(r, differences=()) for r in requirement_text_rows(policies, "rho")]
    text = _text(comparison_handout_html(cat, policies, DAY, rows=rows, role="rho"))
    assert f"wat verschilt (0 van {len(rows)})" in text


def test_the_overview_says_what_a_record_asks_where_it_names_no_register_or_programme(cat):
    # CZ 2024 §2.1 asks "een door CZ groep erkend kwaliteitsregister" and names none; ZZ 2024 §5.1
    # names no programme but holds the GLI to criteria. Neither is "niet vermeld".
    overview = overview_texts(cat, _policies(cat, "cz-2024", "zz-2024"))
    assert overview["Registers"][0] == "geen genoemd: een erkend kwaliteitsregister gevraagd"
    assert overview["Programma's"][1] == "geen genoemd; eisen aan de GLI zelf"
