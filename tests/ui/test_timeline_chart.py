"""The timeline chart: a fixed mark per activity kind, a legend for the bars beside the
plot, no marker on top of another, one record's chart within one projector screen."""

from __future__ import annotations

import datetime as dt

import pytest

from policy_model.timeline import lanes
from policy_model.vocab import ROUTE_LABELS, TIMELINE_KIND_LABELS
from ui.charts import GENERAL_NAME, GENERAL_STYLE, KIND_STYLE, ROUTE_STYLE, timeline_figure

NOW = dt.date(2026, 6, 1)


def test_every_activity_kind_has_its_own_colour_and_symbol():
    assert set(KIND_STYLE) == set(TIMELINE_KIND_LABELS), "add the new kind to KIND_STYLE"
    assert len(set(KIND_STYLE.values())) == len(KIND_STYLE)
    assert set(ROUTE_STYLE) == set(ROUTE_LABELS), "add the new route to ROUTE_STYLE"
    assert len(set(ROUTE_STYLE.values())) == len(ROUTE_STYLE)


def _name(trace) -> str:
    """A legend entry as one line (long ones are wrapped beside the plot)."""
    return trace.name.replace("<br>", " ")


def _marks(fig) -> dict[str, tuple[str, str]]:
    return {_name(t): (t.marker.color, t.marker.symbol) for t in fig.data if t.type == "scatter"}


@pytest.mark.parametrize("keys", [("cz-2027",), ("vgz-2024", "zz-2024"), ("zz-2024",)])
def test_a_kind_keeps_its_mark_whatever_the_selection(cat, keys):
    everything = _marks(timeline_figure(tuple(p.key for p in cat.policies_for()), NOW, False))
    chosen = _marks(timeline_figure(keys, NOW, False))
    assert chosen
    expected = {TIMELINE_KIND_LABELS[kind]: style for kind, style in KIND_STYLE.items()}
    expected[GENERAL_NAME] = GENERAL_STYLE  # the general calendar for years the wijzer lacks
    for name, mark in chosen.items():
        assert mark == expected[name] == everything[name]


def test_the_bars_have_a_legend_per_route(cat):
    fig = timeline_figure(tuple(p.key for p in cat.policies_for()), NOW, False)
    bars = [t for t in fig.data if t.type == "bar"]
    names = [_name(t) for t in bars]
    assert {"RHO", "Individuele leefstijlcoach"} <= set(names) and len(names) == len(set(names))
    assert {t.legendgrouptitle.text for t in bars} == {"Balken: looptijd per route"}
    assert all(t.showlegend is not False for t in bars)
    assert fig.layout.legend.x > 1 and fig.layout.legend.orientation == "v"  # beside the plot
    assert fig.layout.annotations[0].yanchor == "bottom"  # 'vandaag' sits above the plot area


def test_presentation_fonts_reach_every_label(cat):
    fig = timeline_figure(("cz-2027",), NOW, True)
    layout = fig.layout
    assert layout.font.size == layout.xaxis.tickfont.size == layout.yaxis.tickfont.size == 18
    assert layout.legend.font.size == layout.annotations[0].font.size == 18


def test_close_markers_take_different_lanes_and_far_ones_share_one():
    days = [dt.date(2026, 9, 30), dt.date(2026, 10, 1), dt.date(2026, 10, 31), dt.date(2026, 10, 31),
            dt.date(2027, 3, 1)]
    assigned = lanes(days, close_days=20)
    assert assigned == [0, 1, 0, 1, 0]
    for i, a in enumerate(days):
        for j, b in enumerate(days[:i]):
            if abs((a - b).days) <= 20:
                assert assigned[i] != assigned[j]


def test_markers_of_one_record_never_overlap(cat):
    fig = timeline_figure(("cz-2027",), NOW, False)
    points = [(x, y) for t in fig.data if t.type == "scatter" for x, y in zip(t.x, t.y, strict=True)]
    for n, (x, y) in enumerate(points):
        for x2, y2 in points[:n]:
            if x == x2:
                assert y != y2


@pytest.mark.parametrize("key", ["cz-2027", "vgz-2024", "zz-2024"])
def test_one_records_chart_with_its_legend_fits_a_projector_screen(cat, key):
    fig = timeline_figure((key,), dt.date(2026, 12, 2), True)
    assert fig.layout.height <= 720  # bars, the year axis and the legend on one 1024×768 screen
    rows = len(fig.layout.yaxis.tickvals)
    assert rows >= 3


def test_every_legend_line_fits_beside_the_plot(cat):
    fig = timeline_figure(tuple(p.key for p in cat.policies_for()), NOW, True)
    for trace in fig.data:
        assert all(len(line) <= 24 or " " not in line for line in trace.name.split("<br>")), trace.name
