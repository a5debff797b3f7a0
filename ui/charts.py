"""Charts shared by pages, built once per selection and kept (building one costs more than a page).

Plotly validates a figure when it is built; a figure with twenty traces took ~30 ms, more
than the rest of the Tijdlijn page. The figure for a selection of policies, a day and a
display mode never changes while the process runs, so it is built once and reused. The
cached figure is shared between sessions: callers only pass it to ``st.plotly_chart``,
which copies it, and never change it.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import plotly.graph_objects as go
import streamlit as st

from policy_model.paths import data_dir
from policy_model.timeline import all_events, period_rows
from policy_model.vocab import TIMELINE_KIND_LABELS
from ui.data import catalogue
from ui.text import nl_date

# Okabe–Ito palette: distinguishable with the common forms of colour-blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SYMBOLS = ["circle", "diamond", "square", "triangle-up", "x", "star", "cross", "hexagon"]
DAY_MS = 86_400_000


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
    events = all_events(cat, policies)
    periods = period_rows(policies)  # already grouped per policy, in policy order
    labels = {p.key: cat.policy_label(p) for p in policies}
    traces: list[dict] = [
        {
            "type": "bar", "orientation": "h", "showlegend": False,
            "base": [row["start"].isoformat()], "x": [((row["end"] - row["start"]).days + 1) * DAY_MS],
            "y": [f"{labels[row['policy_key']]} · {row['route']}"],
            "marker": {"color": PALETTE[n % len(PALETTE)], "opacity": 0.55, "pattern": {"shape": "/" if n % 2 else ""}},
            "name": f"{labels[row['policy_key']]}: {row['route']}",
            "hovertemplate": f"{escape(row['label'])}<br>{nl_date(row['start'])} – {nl_date(row['end'])}<br>"
                             f"{escape(row['duration'])}<extra></extra>",
        }
        for n, row in enumerate(periods)
    ]
    for k, kind in enumerate(dict.fromkeys(e.kind for e in events)):
        chosen = [e for e in events if e.kind == kind]
        traces.append({
            "type": "scatter", "mode": "markers", "name": TIMELINE_KIND_LABELS[kind],
            "x": [e.date.isoformat() for e in chosen],
            "y": [f"{labels[e.policy_key]} · contracteerproces" for e in chosen],
            "marker": {"size": 16 if presenting else 12, "color": PALETTE[k % len(PALETTE)],
                       "symbol": SYMBOLS[k % len(SYMBOLS)], "line": {"width": 1, "color": "#222"}},
            "customdata": [[nl_date(e.date), escape(e.activity)] for e in chosen],
            "hovertemplate": "%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        })
    # Rows grouped per policy, in policy order: its contract periods, then its process.
    used = {y for trace in traces for y in trace["y"]}
    rows = [
        row for p in policies
        for row in (*(f"{labels[p.key]} · {r['route']}" for r in periods if r["policy_key"] == p.key),
                    f"{labels[p.key]} · contracteerproces")
        if row in used
    ]
    fig = {
        "data": traces,
        "layout": {
            "barmode": "overlay",
            "height": max(380, 48 * (len(periods) + len(policies)) + 160) * (1.3 if presenting else 1),
            "xaxis": {"type": "date", "title": {"text": None}},
            "yaxis": {"autorange": "reversed", "title": {"text": None}, "categoryorder": "array",
                      "categoryarray": list(dict.fromkeys(rows))},
            "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.04, "x": 0},
            "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
            "font": {"size": 18 if presenting else 13},
            "shapes": [{"type": "line", "xref": "x", "yref": "paper", "x0": now.isoformat(), "x1": now.isoformat(),
                        "y0": 0, "y1": 1, "line": {"dash": "dash", "color": "#444"}}],
            # At the top of the plot, right of the line: below the axis it ran into the year labels.
            "annotations": [{"x": now.isoformat(), "y": 1, "xref": "x", "yref": "paper", "yanchor": "top",
                             "xanchor": "left", "xshift": 4, "text": f"vandaag ({nl_date(now)})",
                             "showarrow": False, "bgcolor": "rgba(255,255,255,0.8)"}],
        },
    }
    return go.Figure(fig) if traces else None
