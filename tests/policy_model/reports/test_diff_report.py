"""The printable report of a computed comparison: the same groups as the page, escaped."""

from __future__ import annotations

import datetime as dt

from policy_model.comparison.diff import diff_policies
from policy_model.reports.report import diff_report_html


def test_the_report_puts_the_stated_change_first_and_groups_the_rest_by_kind_with_counts(cat):
    diff = diff_policies(cat, cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027"))
    html = diff_report_html(cat, diff, dt.date(2026, 12, 2))
    # CZ 2027's RIVM change is against 2026: listed, not counted between 2024 and 2027 (audit H #6).
    assert "1 gewijzigd, 1 nieuw, 0 vervallen" in html and "Niet meegeteld: 1 wijziging(en) die een later beleidsdocument noemt ten opzichte van 2026" in html
    verschillen = html.index("<h2>Verschillen</h2>")
    assert verschillen < html.index("Wijzigingenlijst: Registratie via de RIVM-indicatorenlijst") < html.index(
        "<h2>Alleen in één document vastgelegd of vermeld</h2>")
    assert "<h3>Looptijden (4)</h3>" in html and "Looptijd · RHO" in html and "Aanvragen · RHO" in html
    assert "Uitgewerkt in CZ 2027" in html and "<script" not in html


def test_hostile_text_in_a_record_stays_text_in_the_report(cat):
    old, new = cat.policy_by_key("cz-2026"), cat.policy_by_key("cz-2027")
    evil = "<img src=x onerror=alert(1)>"
    provision = new.provisions[0].model_copy(update={"text": evil})
    hostile = new.model_copy(update={"provisions": [provision, *new.provisions[1:]]})
    html = diff_report_html(cat, diff_policies(cat, old, hostile), dt.date(2026, 12, 2))
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
