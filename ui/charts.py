"""Charts shared by pages, built once per selection and kept (building one costs more than a page).

Plotly validates a figure when it is built; a figure with twenty traces took ~30 ms, more
than the rest of the Tijdlijn page. The figure for a selection of policies, a day and a
display mode never changes while the process runs, so it is built once and reused. The
cached figure is shared between sessions: callers only pass it to ``st.plotly_chart``,
which copies it, and never change it.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from html import escape

import plotly.graph_objects as go
import streamlit as st

from policy_model.calendar import GenericMilestone, generic_milestones
from policy_model.paths import data_dir
from policy_model.timeline import (
    ChartRow,
    LaneGeometry,
    TimelineLayout,
    all_events,
    period_rows,
    timeline_layout,
)
from policy_model.vocab import ROUTE_LABELS, TIMELINE_KIND_LABELS
from ui.data import catalogue
from ui.missing_years import calendar
from ui.presentation import CHART_HEIGHT_SCALE, chart_font_px, chart_title_px
from ui.text import nl_date

# Okabe–Ito palette: distinguishable with the common forms of colour-blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
DAY_MS = 86_400_000

#: One colour and symbol per activity kind, whatever the selection: a symbol means the same
#: thing on every page and after every filter. Each pair differs in colour or shape.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "publication": ("#0072B2", "circle"),
    "objection_deadline": ("#D55E00", "x"),
    "plan_submission": ("#009E73", "square"),
    "negotiation": ("#56B4E9", "hexagon"),
    "offer": ("#E69F00", "diamond"),
    "questions": ("#CC79A7", "triangle-down"),
    "signing_deadline": ("#D55E00", "star"),
    "agreement_deadline": ("#000000", "star-diamond"),
    "administration": ("#999999", "cross"),
    "tariff_information": ("#F0E442", "triangle-up"),
    "publication_contracted": ("#0072B2", "pentagon"),
    "application": ("#009E73", "triangle-up"),
    "policy_updates": ("#CC79A7", "square"),
    "other": ("#666666", "circle"),
}
#: A kind added to the vocabulary later still gets a mark (and a test asks to add it above).
FALLBACK_KIND_STYLE = ("#444444", "hourglass")
#: One colour and hatching per contract route, for the bars and their legend.
ROUTE_STYLE: dict[str, tuple[str, str]] = {
    "rho": ("#0072B2", ""),
    "coach_network": ("#009E73", "/"),
    "msv": ("#E69F00", "x"),
    "zorggroep": ("#CC79A7", "."),
    "individual_coach": ("#56B4E9", "\\"),
    "runoff": ("#999999", "-"),
    "follow": ("#F0E442", "+"),
}
#: The general purchasing calendar (years the wijzer lacks): open grey, unlike any kind above.
GENERAL_NAME = "Algemene inkoopkalender (geen datum van de verzekeraar)"
GENERAL_STYLE = ("#777777", "circle-open")
_ROUTE_BY_LABEL = {label: route for route, label in ROUTE_LABELS.items()}


def kind_style(kind: str) -> tuple[str, str]:
    return KIND_STYLE.get(kind, FALLBACK_KIND_STYLE)


def general_calendar(cat, policies, now: dt.date) -> list[GenericMilestone]:
    """The general purchasing calendar's days for the policy years of the chosen insurers
    that the wijzer lacks (see :mod:`policy_model.calendar`)."""
    cal = calendar()
    if cal is None:
        return []
    return generic_milestones(cat, cal, now, insurers=list(dict.fromkeys(p.insurer for p in policies)))


def geometry(presenting: bool) -> LaneGeometry:
    """Marker, row and label sizes of the timeline in each mode."""
    if presenting:
        return LaneGeometry(marker_px=17, unit_px=46, wrap=24, plot_px=450)
    return LaneGeometry(marker_px=12, unit_px=40, wrap=30, plot_px=600)


def timeline_figure(policy_keys: tuple[str, ...], now: dt.date, presenting: bool) -> go.Figure | None:
    """Contract periods as bars and dated activities as symbols, with a line at ``now``.

    ``None`` when the policies have neither a full period nor a dated activity.
    """
    return _timeline_figure(str(data_dir()), policy_keys, now, presenting)


@st.cache_resource(show_spinner=False, max_entries=256)
def _timeline_figure(data_folder: str, policy_keys: tuple[str, ...], now: dt.date, presenting: bool) -> go.Figure | None:
    # The data folder is part of the key: another folder is another catalogue.
    cat = catalogue()
    policies = [cat.policy_by_key(k) for k in policy_keys]
    labels = {p.key: cat.policy_label(p) for p in policies}
    general = general_calendar(cat, policies, now)
    names = {m.insurer: cat.insurer(m.insurer).short_name for m in general}
    shape = geometry(presenting)
    layout = timeline_layout(policies, labels, all_events(cat, policies), period_rows(policies), general, names, now,
                             shape)
    if layout is None:
        return None
    traces = [*_period_traces(layout, shape.wrap), *_activity_traces(layout, shape.marker_px, shape.wrap),
              *_general_traces(layout, shape)]
    return go.Figure({"data": traces, "layout": _figure_layout(layout, traces, now, presenting)})


def _tick_text(row: ChartRow) -> str:
    """A row's label as Plotly tick text: the record's name in bold on its first row
    (escaped: Plotly reads some HTML in labels)."""
    lines = ([f"<b>{escape(row.title)}</b>"] if row.title else []) + [escape(line) for line in row.lines]
    return "<br>".join(lines)


def _period_traces(layout: TimelineLayout, wrap: int) -> list[dict]:
    """One bar trace per route: its colour and hatching, a legend entry of its own."""
    by_route: dict[str, list[tuple[dict, float]]] = {}
    for row, y in layout.bars:
        by_route.setdefault(_ROUTE_BY_LABEL.get(row["route"], row["route"]), []).append((row, y))
    traces = []
    for route, bars in by_route.items():
        colour, hatch = ROUTE_STYLE.get(route, ("#888888", ""))
        traces.append({
            # The group title says "looptijd": the entry is the route's name.
            "type": "bar", "orientation": "h", "name": legend_name(ROUTE_LABELS.get(route, route), wrap),
            "legendgroup": "periods", "legendgrouptitle": {"text": "Balken: looptijd per route"},
            "base": [r["start"].isoformat() for r, _ in bars],
            "x": [((r["end"] - r["start"]).days + 1) * DAY_MS for r, _ in bars],
            "y": [y for _, y in bars], "width": 0.7,
            "marker": {"color": colour, "opacity": 0.75, "line": {"width": 1, "color": "#333"},
                       "pattern": {"shape": hatch, "fillmode": "overlay", "fgcolor": "#222", "fgopacity": 0.45}},
            "customdata": [[escape(r["label"]), f"{nl_date(r['start'])} – {nl_date(r['end'])}", escape(r["duration"])]
                           for r, _ in bars],
            "hovertemplate": "%{customdata[0]}<br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        })
    return traces


def _activity_traces(layout: TimelineLayout, marker_px: int, wrap: int) -> list[dict]:
    """One marker trace per activity kind, in vocabulary order: the same mark on every page."""
    present = {e.kind for e, _ in layout.marks}
    kinds = [k for k in TIMELINE_KIND_LABELS if k in present] + sorted(present - set(TIMELINE_KIND_LABELS))
    traces = []
    for kind in kinds:
        marks = [(e, y) for e, y in layout.marks if e.kind == kind]
        colour, symbol = kind_style(kind)
        traces.append({
            "type": "scatter", "mode": "markers", "name": legend_name(TIMELINE_KIND_LABELS.get(kind, kind), wrap),
            "legendgroup": "activities", "legendgrouptitle": {"text": "Symbolen: activiteit"},
            "x": [e.date.isoformat() for e, _ in marks], "y": [y for _, y in marks],
            "marker": {"size": marker_px, "color": colour, "symbol": symbol, "line": {"width": 1, "color": "#222"}},
            "customdata": [[nl_date(e.date), escape(e.activity)] for e, _ in marks],
            "hovertemplate": "%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        })
    return traces


def _general_traces(layout: TimelineLayout, shape: LaneGeometry) -> list[dict]:
    """The general calendar's days (years the wijzer lacks) in open grey, never mistaken
    for an insurer's own dates."""
    if not layout.general:
        return []
    return [{
        "type": "scatter", "mode": "markers", "name": legend_name(GENERAL_NAME, shape.wrap),
        "legendgroup": "general", "legendgrouptitle": {"text": "Open grijs: algemene kalender"},
        "x": [m.date.isoformat() for m, _ in layout.general], "y": [y for _, y in layout.general],
        "marker": {"size": shape.marker_px, "color": GENERAL_STYLE[0], "symbol": GENERAL_STYLE[1], "line": {"width": 2}},
        "customdata": [[nl_date(m.date), escape(f"{m.label} (beleid {m.year})")] for m, _ in layout.general],
        "hovertemplate": "%{customdata[0]}<br>%{customdata[1]}<br>algemene kalender, niet de eigen datum van "
                         "de verzekeraar<extra></extra>",
    }]


def legend_name(text: str, width: int) -> str:
    """A legend entry on lines of ``width`` characters (the legend sits beside the plot)."""
    return "<br>".join(escape(line) for line in textwrap.wrap(text, width, break_long_words=False)) or escape(text)


def _legend_px(traces: list[dict], font: int) -> int:
    """The legend's height beside the plot (the figure must be at least this tall): its
    entries' lines and each group's title, at Plotly's line height."""
    lines = sum(t["name"].count("<br>") + 1 for t in traces)
    groups = len({t["legendgroup"] for t in traces})
    return int((lines + groups) * font * 1.5 + groups * 10)


def _figure_layout(layout: TimelineLayout, traces: list[dict], now: dt.date, presenting: bool) -> dict:
    font = chart_font_px(presenting)
    unit = geometry(presenting).unit_px
    top = 40 if presenting else 32
    return {
        "barmode": "overlay",
        # Rows or legend, whichever is taller, plus the top margin and the year axis.
        "height": max(360, int(unit * layout.height), _legend_px(traces, font)) + top + 2 * font + 20,
        # Tick fonts set on the axes: Streamlit's chart theme sets them there, over layout.font.
        "xaxis": {"type": "date", "title": {"text": None}, "side": "bottom", "tickfont": {"size": font}},
        "yaxis": {"autorange": False, "range": [layout.height, 0], "title": {"text": None},
                  "tickmode": "array", "tickvals": [r.centre for r in layout.rows],
                  "ticktext": [_tick_text(r) for r in layout.rows],
                  "showgrid": False, "zeroline": False, "tickfont": {"size": font}},
        # Beside the plot, top-aligned: below it the legend made the chart taller than a
        # screen; above it, it ran into the 'vandaag' label.
        "legend": {"orientation": "v", "yanchor": "top", "y": 1, "x": 1.01, "xanchor": "left",
                   "groupclick": "toggleitem", "tracegroupgap": 10, "font": {"size": font},
                   "grouptitlefont": {"size": font}},
        "margin": {"l": 10, "r": 10, "t": top, "b": 10},
        "font": {"size": font},
        "hoverlabel": {"font": {"size": font}},
        "shapes": [{"type": "line", "xref": "x", "yref": "paper", "x0": now.isoformat(), "x1": now.isoformat(),
                    "y0": 0, "y1": 1, "line": {"dash": "dash", "color": "#444"}}]
        + [{"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": y, "y1": y,
            "line": {"width": 1, "color": "#bbb"}} for y in layout.boundaries],
        # Above the plot area, in the top margin: never over a bar, a marker or a year label.
        "annotations": [{"x": now.isoformat(), "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom",
                         "xanchor": "center", "text": f"vandaag ({nl_date(now)})", "showarrow": False,
                         "font": {"size": font}}],
    }


def _short(text: str, limit: int = 48) -> str:
    """A bar label from an example's own text (the whole text is in the hover and the table)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def financing_figure(bars: Sequence[tuple[str, float, str]], presenting: bool) -> go.Figure:
    """The Handreiking's overhead percentages as horizontal bars: ``(text, percentage,
    hover)`` per example, labelled with the example's own (shortened) text."""
    font = chart_font_px(presenting)
    # Plotly reads some HTML in labels: escape data text. Numbered if two labels clash.
    labels = [escape(_short(text)) for text, _, _ in bars]
    if len(set(labels)) < len(labels):
        labels = [f"{n}. {label}" for n, label in enumerate(labels, start=1)]
    fig = go.Figure(go.Bar(
        x=[value for _, value, _ in bars], y=labels, hovertext=[escape(hover) for _, _, hover in bars],
        hoverinfo="text", orientation="h", marker_color=PALETTE[0], text=[f"{value:g}%" for _, value, _ in bars],
        textposition="outside",
    ))
    fig.update_layout(
        height=(80 + 45 * len(bars)) * (CHART_HEIGHT_SCALE if presenting else 1), xaxis_title="% van het tarief",
        yaxis_autorange="reversed", margin={"l": 10, "r": 10, "t": 10, "b": 10}, font={"size": font},
        xaxis_tickfont_size=font, yaxis_tickfont_size=font, xaxis_title_font_size=chart_title_px(presenting),
        hoverlabel={"font": {"size": font}},
    )
    return fig
