"""The timeline chart (HTML): a fixed mark per activity kind, a legend for the bars and
the symbols, data text escaped, a bar per period and a mark per dated activity."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from policy_model.timeline import all_events, period_rows
from policy_model.vocab import ROUTE_LABELS, TIMELINE_KIND_LABELS
from ui.timeline_chart import (
    GENERAL_NAME,
    GENERAL_STYLE,
    KIND_STYLE,
    ROUTE_STYLE,
    symbol_html,
    timeline_chart,
)

NOW = dt.date(2026, 6, 1)


def test_every_activity_kind_has_its_own_colour_and_symbol():
    assert set(KIND_STYLE) == set(TIMELINE_KIND_LABELS), "add the new kind to KIND_STYLE"
    assert len(set(KIND_STYLE.values())) == len(KIND_STYLE)
    assert set(ROUTE_STYLE) == set(ROUTE_LABELS), "add the new route to ROUTE_STYLE"
    assert len(set(ROUTE_STYLE.values())) == len(ROUTE_STYLE)
    # Every symbol is drawn, and two symbols never look the same.
    drawn = {symbol_html(symbol, "#000") for _, symbol in [*KIND_STYLE.values(), GENERAL_STYLE]}
    assert len(drawn) == len({symbol for _, symbol in [*KIND_STYLE.values(), GENERAL_STYLE]})


def _legend(html: str) -> dict[str, str]:
    """Legend entry text -> the symbol drawn beside it."""
    legend = html.split("class='gli-tl-legend'", 1)[1]
    return {text: symbol for symbol, text in re.findall(r"<span class='gli-tl-key'>(<i class='gli-sym[^>]*></i>)"
                                                        r"([^<]+)</span>", legend)}


@pytest.mark.parametrize("keys", [("cz-2027",), ("vgz-2024", "zz-2024"), ("zz-2024",)])
def test_a_kind_keeps_its_mark_whatever_the_selection(cat, keys):
    chosen = _legend(timeline_chart(keys, NOW, False).html)
    everything = _legend(timeline_chart(tuple(p.key for p in cat.policies_for()), NOW, False).html)
    assert chosen
    for kind, (colour, symbol) in KIND_STYLE.items():
        name = TIMELINE_KIND_LABELS[kind]
        if name in chosen:
            assert chosen[name] == everything[name] == symbol_html(symbol, colour)


def test_the_bars_and_the_symbols_have_a_legend_beside_each_other(cat):
    html = timeline_chart(("cz-2027",), NOW, False).html
    legend = html.split("class='gli-tl-legend'", 1)[1]
    assert "<b>Balken: looptijd per route</b>" in legend and "<b>Symbolen: activiteit</b>" in legend
    for route in ("RHO", "Individuele leefstijlcoach", "Uitloopovereenkomst"):
        assert f"</i>{route}</span>" in legend
    assert "Uiterste tekendatum" in legend
    # On 1 June 2026 CZ's published policy for 2025 is not in the wijzer: its general calendar.
    assert "<b>Open grijs:</b>" in legend and GENERAL_NAME in legend


def test_a_bar_per_period_and_a_mark_per_dated_activity(cat):
    policy = cat.policy_by_key("cz-2027")
    html = timeline_chart(("cz-2027",), NOW, False).html
    assert html.count("class='gli-tl-bar'") == len(period_rows([policy]))
    marks = re.findall(r"class='gli-tl-mark'.*?</span>", html)
    assert len([m for m in marks if "gli-sym open" not in m]) == len(all_events(cat, [policy]))
    # Each mark names its day and activity, with the document's word for the day (audit E: CZ 2027 §4.1
    # "Planning (uiterlijk)"; a "vóór" or "Vanaf" day is no plain day either).
    assert "title='uiterlijk 31 oktober 2026: " in html
    assert "title='vóór 1 oktober 2026: " in html
    assert "vandaag (1 juni 2026)" in html


def test_each_records_rows_stay_together_named_once(cat):
    html = timeline_chart(("cz-2027", "vgz-2024", "zz-2024"), NOW, False).html
    names = re.findall(r"<div class='gli-tl-label[^']*'[^>]*><b>([^<]+)</b>", html)
    assert names[:3] == ["CZ 2027", "VGZ 2024", "Zorg en Zekerheid 2024"]
    assert set(names[3:]) <= {i.short_name for i in cat.insurers}  # then the general calendar, per insurer
    assert html.count("gli-tl-label gli-tl-first") == len(names) - 1  # a line between two groups


def test_presenting_sets_the_chart_in_18_px_text(cat):
    assert "font-size: 18px" in timeline_chart(("cz-2027",), NOW, True).html
    assert "font-size: 18px" not in timeline_chart(("cz-2027",), NOW, False).html


def test_data_text_in_the_chart_is_escaped(cat, monkeypatch):
    import ui.timeline_chart as chart

    policy = cat.policy_by_key("cz-2027")
    item = policy.timeline[0].model_copy(update={"activity": "<script>x()</script>"})
    changed = policy.model_copy(update={"timeline": [item, *policy.timeline[1:]]})
    hostile = dataclasses.replace(cat, policies=tuple(changed if p.key == "cz-2027" else p for p in cat.policies))
    monkeypatch.setattr(chart, "catalogue", lambda: hostile)
    html = chart.render(chart.chart_layout(("cz-2027",), NOW, False), NOW, False)
    assert "<script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html
