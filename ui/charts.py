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
from html import escape

import plotly.graph_objects as go
import streamlit as st

from policy_model.calendar import GenericMilestone, generic_milestones
from policy_model.paths import data_dir
from policy_model.timeline import all_events, period_rows
from policy_model.vocab import ROUTE_LABELS, TIMELINE_KIND_LABELS
from ui.data import catalogue
from ui.missing_years import calendar
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


def _wrap(text: str, width: int) -> str:
    """Plotly tick text with line breaks (escaped: Plotly reads some HTML in labels)."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(escape(line) for line in lines) or escape(text)


def lanes(dates: list[dt.date], close_days: int) -> list[int]:
    """A lane per date so that no two markers closer than ``close_days`` share a lane.

    Dates must be sorted. Each date takes the first lane whose last marker is far enough
    away (interval packing): markers never overlap, and a lone date stays in lane 0.
    """
    last: list[dt.date] = []
    out = []
    for date in dates:
        for lane, previous in enumerate(last):
            if (date - previous).days > close_days:
                last[lane] = date
                out.append(lane)
                break
        else:
            last.append(date)
            out.append(len(last) - 1)
    return out


def general_calendar(cat, policies, now: dt.date) -> list[GenericMilestone]:
    """The general purchasing calendar's days for the policy years of the chosen insurers
    that the wijzer lacks (see :mod:`policy_model.calendar`)."""
    cal = calendar()
    if cal is None:
        return []
    return generic_milestones(cat, cal, now, insurers=list(dict.fromkeys(p.insurer for p in policies)))


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
    general = general_calendar(cat, policies, now)
    if not periods and not events and not general:
        return None
    labels = {p.key: cat.policy_label(p) for p in policies}
    events = [e for e in events if e.policy_key in labels]  # one row per chosen record
    wrap = 26 if presenting else 34

    # Markers closer than about their own width (at a typical plot width of 600 px) take
    # separate lanes, so the process row of a busy autumn grows instead of piling up.
    marker = 17 if presenting else 12
    span = [*(e.date for e in events), *(r["start"] for r in periods), *(r["end"] for r in periods), now]
    close_days = max(3, (max(span) - min(span)).days * (marker + 4) // 600)
    lane_of: dict[int, int] = {}
    lane_count: dict[str, int] = {}
    for policy in policies:
        mine = [i for i, e in enumerate(events) if e.policy_key == policy.key]  # events are sorted by date
        for i, lane in zip(mine, lanes([events[i].date for i in mine], close_days), strict=True):
            lane_of[i] = lane
        lane_count[policy.key] = max((lane_of[i] for i in mine), default=-1) + 1
    unit = 54 if presenting else 40  # pixels per row unit: two lines of tick text
    lane_step = (marker + 3) / unit  # lanes a marker apart

    # Rows, top to bottom, per policy: each contract period, then its contracting process
    # (as tall as its lanes need). A route with two periods gets a row per period.
    centre_of_period: list[float] = []
    process_centre: dict[str, float] = {}
    ticks: list[str] = []
    centres: list[float] = []
    boundaries: list[float] = []
    top = 0.0

    def add_row(text: str, height: float = 1.0) -> float:
        nonlocal top
        # Tall enough for its label: half a unit per line of text.
        height = max(height, 0.5 * (text.count("<br>") + 1))
        ticks.append(text)
        centres.append(top + height / 2)
        top += height
        return centres[-1]

    for policy in policies:
        mine = [r for r in periods if r["policy_key"] == policy.key]
        if not mine and not lane_count[policy.key]:
            continue
        if top:
            boundaries.append(top)
        name = f"<b>{escape(labels[policy.key])}</b>"  # on the first row of the record only
        for row in mine:
            again = [r for r in mine if r["route"] == row["route"]]
            years = f" {row['start'].year}–{row['end'].year}" if len(again) > 1 else ""
            route = _wrap(row["route"] + years, wrap)
            centre_of_period.append(add_row(f"{name}<br>{route}" if name else route))
            name = ""
        if lane_count[policy.key]:
            process_centre[policy.key] = add_row(f"{name}<br>contracteerproces" if name else "contracteerproces",
                                                 max(1.0, lane_count[policy.key] * lane_step + 0.4))

    # Years an insurer published a policy for that the wijzer lacks: the general calendar's
    # days on a row of their own, in open grey marks, never mistaken for the insurer's dates.
    general_centre: dict[str, float] = {}
    for insurer in dict.fromkeys(m.insurer for m in general):
        if top:
            boundaries.append(top)
        name = escape(cat.insurer(insurer).short_name)
        general_centre[insurer] = add_row(f"<b>{name}</b><br>{_wrap('algemene kalender (jaren zonder beleid hier)', wrap)}",
                                          1.2)

    traces: list[dict] = []
    by_route: dict[str, list[int]] = {}
    for n, row in enumerate(periods):
        by_route.setdefault(_ROUTE_BY_LABEL.get(row["route"], row["route"]), []).append(n)
    for route, indexes in by_route.items():
        colour, hatch = ROUTE_STYLE.get(route, ("#888888", ""))
        chosen = [periods[n] for n in indexes]
        traces.append({
            "type": "bar", "orientation": "h", "name": f"Looptijd {ROUTE_LABELS.get(route, route)}",
            "legendgroup": "periods", "legendgrouptitle": {"text": "Balken: looptijd per route"},
            "base": [r["start"].isoformat() for r in chosen],
            "x": [((r["end"] - r["start"]).days + 1) * DAY_MS for r in chosen],
            "y": [centre_of_period[n] for n in indexes], "width": 0.7,
            "marker": {"color": colour, "opacity": 0.75, "line": {"width": 1, "color": "#333"},
                       "pattern": {"shape": hatch, "fillmode": "overlay", "fgcolor": "#222", "fgopacity": 0.45}},
            "customdata": [[escape(r["label"]), f"{nl_date(r['start'])} – {nl_date(r['end'])}", escape(r["duration"])]
                           for r in chosen],
            "hovertemplate": "%{customdata[0]}<br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        })

    for kind in [k for k in TIMELINE_KIND_LABELS if any(e.kind == k for e in events)] + sorted(
            {e.kind for e in events} - set(TIMELINE_KIND_LABELS)):
        indexes = [i for i, e in enumerate(events) if e.kind == kind]
        colour, symbol = kind_style(kind)
        traces.append({
            "type": "scatter", "mode": "markers", "name": TIMELINE_KIND_LABELS.get(kind, kind),
            "legendgroup": "activities", "legendgrouptitle": {"text": "Symbolen: activiteit"},
            "x": [events[i].date.isoformat() for i in indexes],
            "y": [process_centre[events[i].policy_key]
                  + (lane_of[i] - (lane_count[events[i].policy_key] - 1) / 2) * lane_step for i in indexes],
            "marker": {"size": marker, "color": colour, "symbol": symbol, "line": {"width": 1, "color": "#222"}},
            "customdata": [[nl_date(events[i].date), escape(events[i].activity)] for i in indexes],
            "hovertemplate": "%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        })

    if general:
        traces.append({
            "type": "scatter", "mode": "markers", "name": GENERAL_NAME,
            "legendgroup": "general", "legendgrouptitle": {"text": "Open grijs: algemene kalender"},
            "x": [m.date.isoformat() for m in general],
            "y": [general_centre[m.insurer] for m in general],
            "marker": {"size": marker, "color": GENERAL_STYLE[0], "symbol": GENERAL_STYLE[1], "line": {"width": 2}},
            "customdata": [[nl_date(m.date), escape(f"{m.label} (beleid {m.year})")] for m in general],
            "hovertemplate": "%{customdata[0]}<br>%{customdata[1]}<br>algemene kalender, niet de eigen datum van "
                             "de verzekeraar<extra></extra>",
        })

    font = 18 if presenting else 13
    # The legend below the plot takes its height from the figure: add it, or the rows get
    # squeezed. Its two groups sit side by side, or (large type) one under the other.
    kinds_shown = sum(1 for t in traces if t["type"] == "scatter")
    routes_shown = len(traces) - kinds_shown
    legend_rows = (routes_shown + kinds_shown + 2) if presenting else (max(routes_shown, kinds_shown) + 1)
    legend_px = legend_rows * (font + 10)
    fig = {
        "data": traces,
        "layout": {
            "barmode": "overlay",
            "height": max(380, int(unit * top) + 150 + legend_px),
            # Tick fonts set on the axes: Streamlit's chart theme sets them there, over layout.font.
            "xaxis": {"type": "date", "title": {"text": None}, "side": "bottom", "tickfont": {"size": font}},
            "yaxis": {"autorange": False, "range": [top, 0], "title": {"text": None},
                      "tickmode": "array", "tickvals": centres, "ticktext": ticks,
                      "showgrid": False, "zeroline": False, "tickfont": {"size": font}},
            # Below the plot: above it, the legend ran into the 'vandaag' label.
            "legend": {"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0, "xanchor": "left",
                       "groupclick": "toggleitem", "font": {"size": font}, "grouptitlefont": {"size": font}},
            "margin": {"l": 10, "r": 10, "t": 40 if presenting else 32, "b": 10},
            "font": {"size": font},
            "hoverlabel": {"font": {"size": font}},
            "shapes": [{"type": "line", "xref": "x", "yref": "paper", "x0": now.isoformat(), "x1": now.isoformat(),
                        "y0": 0, "y1": 1, "line": {"dash": "dash", "color": "#444"}}]
            + [{"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": y, "y1": y,
                "line": {"width": 1, "color": "#bbb"}} for y in boundaries],
            # Above the plot area, in the top margin: never over a bar, a marker or a year label.
            "annotations": [{"x": now.isoformat(), "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom",
                             "xanchor": "center", "text": f"vandaag ({nl_date(now)})", "showarrow": False,
                             "font": {"size": font}}],
        },
    }
    return go.Figure(fig)
