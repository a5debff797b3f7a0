"""Tijdlijn: the contracting process of each insurer-year, contract periods, upcoming deadlines."""

from __future__ import annotations

import datetime as dt
from functools import partial
from html import escape

import streamlit as st

from policy_model.timeline import all_events, period_rows, to_ics, undated_items, upcoming
from policy_model.vocab import ROUTE_LABELS, TIMELINE_KIND_LABELS
from ui.citation import sourced_line
from ui.data import catalogue
from ui.filters import filtered_policies
from ui.layout import page_header, provenance_footer
from ui.tables import show_sourced_table
from ui.text import md_escape, nl_date, today

# Okabe–Ito palette: distinguishable with the common forms of colour-blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SYMBOLS = ["circle", "diamond", "square", "triangle-up", "x", "star", "cross", "hexagon"]

presenting = page_header(
    "Tijdlijn",
    "Het contracteerproces van elke verzekeraar per jaar (publicatie, aanbod, vragen, tekenen, "
    "publicatie van het gecontracteerde aanbod) en de looptijden van de overeenkomsten.",
)
cat = catalogue()
policies, _ = filtered_policies(cat)

events = all_events(cat, policies)
periods = period_rows(policies)  # already grouped per policy, in policy order
now = today()

st.subheader("Komende deadlines")
ahead = upcoming(events, now)
if ahead:
    for event in ahead:
        sourced_line(f"**{nl_date(event.date)}** – {md_escape(cat.insurer(event.insurer).short_name)} "
                      f"{event.year}: {md_escape(event.activity)}", event.source)
else:
    st.info(f"Geen deadlines na vandaag ({nl_date(now)}) in de gekozen beleidsdocumenten.")
if events:
    st.download_button(
        "📅 Deadlines als agenda (.ics)", partial(to_ics, events, cat), file_name="gli-deadlines.ics",
        mime="text/calendar", on_click="ignore", key="ics",
        help="Alle gedateerde activiteiten van de gekozen beleidsdocumenten, voor Outlook of Google Agenda.",
    )

st.subheader("Proces en looptijden")
labels = {p.key: cat.policy_label(p) for p in policies}
DAY_MS = 86_400_000
# The figure is built as one plain spec (not trace by trace with graph objects): Plotly
# validates it once in st.plotly_chart instead of on every add_trace.
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
fig = {
    "data": traces,
    "layout": {
        "barmode": "overlay",
        "height": max(380, 48 * (len(periods) + len(policies)) + 160) * (1.3 if presenting else 1),
        "xaxis": {"type": "date", "title": {"text": None}},
        "yaxis": {"autorange": "reversed", "title": {"text": None}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.04, "x": 0},
        "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
        "font": {"size": 18 if presenting else 13},
        "shapes": [{"type": "line", "xref": "x", "yref": "paper", "x0": now.isoformat(), "x1": now.isoformat(),
                    "y0": 0, "y1": 1, "line": {"dash": "dash", "color": "#444"}}],
        "annotations": [{"x": now.isoformat(), "y": 0, "xref": "x", "yref": "paper", "yanchor": "top",
                         "text": f"vandaag ({nl_date(now)})", "showarrow": False}],
    },
}
if traces:
    st.plotly_chart(fig, config={"displaylogo": False, "toImageButtonOptions": {"filename": "gli-tijdlijn"}},
                    key="timeline_chart")
    st.caption("Balken: looptijden van overeenkomsten. Symbolen: activiteiten met een datum. Stippellijn: vandaag.")
else:
    st.info("De gekozen beleidsdocumenten noemen geen looptijden of activiteiten met een precieze datum; "
            "zie de tabel hieronder.")

st.subheader("Alle activiteiten")
rows = []
for policy in policies:
    for item in policy.timeline:
        rows.append({
            "Beleid": labels[policy.key],
            "Datum": item.date_text,
            "Sorteerdatum": item.date or dt.date(policy.year, 1, 1),
            "Soort": TIMELINE_KIND_LABELS[item.kind],
            "Activiteit": item.activity,
            "Voor": ", ".join(ROUTE_LABELS[r] for r in item.routes),
            "source": item.source,
        })
rows.sort(key=lambda r: (r["Beleid"], r["Sorteerdatum"]))
for row in rows:
    row.pop("Sorteerdatum")
show_sourced_table(rows, name="gli-tijdlijn", key="timeline_rows")
undated = sum(len(undated_items(p)) for p in policies)
if undated:
    st.caption(f"{undated} activiteit(en) hebben in het document geen precieze dag (bijvoorbeeld ‘September 2023’); "
               "ze staan in de tabel maar niet in de grafiek of de agenda.")
provenance_footer(policies)
