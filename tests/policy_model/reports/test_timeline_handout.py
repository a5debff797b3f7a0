"""The timeline as a list and as a printable hand-out: order, completeness, escaping.

That it prints to at most two A4 pages is checked in a browser (tests/e2e/test_presentation.py).
"""

from __future__ import annotations

import datetime as dt

from policy_model.reports.timeline_handout import policy_entries, timeline_entries, timeline_handout_html


def test_entries_are_dated_first_in_date_order_then_undated(cat):
    policy = cat.policy("zz", 2024)
    entries = timeline_entries([policy])[policy.key]
    assert len(entries) == len(policy.timeline) + len(policy.contract_periods)
    dated = [e.date for e in entries if e.date]
    assert dated == sorted(dated)
    first_undated = next(n for n, e in enumerate(entries) if e.date is None)
    assert all(e.date is None for e in entries[first_undated:])


def test_records_without_periods_or_activities_are_left_out(cat):
    records = cat.policies_for()
    entries = timeline_entries(records)
    assert set(entries) == {p.key for p in records if p.timeline or p.contract_periods}


def test_the_handout_names_title_date_records_and_sources(cat):
    records = cat.policies_for(["cz"], [2027])
    html = timeline_handout_html(cat, records, dt.date(2026, 5, 1))
    assert "<h1>Tijdlijn GLI-inkoopbeleid: CZ 2027</h1>" in html
    assert "1-5-2026" in html and "@page" in html and "size: A4" in html
    assert "Uiterste tekendatum" in html and "31-10-2026" in html
    assert "§ 4.1 Tijdpad" in html
    assert cat.source(records[0].documents[0]).title in html
    assert "<script" not in html


def test_data_text_is_escaped(cat):
    policy = cat.policy("cz", 2027)
    item = policy.timeline[0].model_copy(update={"activity": "<script>alert(1)</script> & <b>"})
    hostile = policy.model_copy(update={"timeline": [item]})
    html = timeline_handout_html(cat, [hostile], dt.date(2026, 5, 1))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in html


def test_a_day_keeps_the_documents_word_for_what_it_is(cat):
    # Audit E: the list showed "1-8-2023" where VGZ 2024's planning says "Vanaf 1 augustus 2023 Maken
    # inkoopafspraken" (a start, not a deadline), and "1-10-2026" where CZ 2027 §2.1.4 says "vóór 1 oktober 2026".
    vgz = {e.text: e.when for e in timeline_entries([cat.policy("vgz", 2024)])["vgz-2024"]}
    assert vgz["RHO-overeenkomstprocedure: VGZ en de RHO maken de inkoopafspraken in inkoopgesprekken."] == "vanaf 1-8-2023"
    assert any(when == "uiterlijk 15-7-2023" for when in vgz.values())
    assert any(when == "vanaf 12-11-2023" for when in vgz.values())
    cz = [e.when for e in timeline_entries([cat.policy("cz", 2027)])["cz-2027"]]
    assert "vóór 1-10-2026" in cz and "uiterlijk 31-10-2026" in cz


def test_a_running_contract_says_so_in_the_list(cat):
    # CZ 2027 §2.4 gives the RHO's contract as "1 januari 2026 – 31 december 2027": in 2027 it runs.
    entries = policy_entries(cat.policy_by_key("cz-2027"))
    periods = {e.text for e in entries if e.period}
    assert "Regionale huisartsenorganisatie (RHO) (2 jaar); loopt al sinds 2026" in periods
    assert not any("loopt al" in e.text for e in policy_entries(cat.policy_by_key("vgz-2024")))
