"""Plotly charts shared by pages (the Tijdlijn draws its own, see :mod:`ui.timeline_chart`).

Fonts and the taller presentation size come from :mod:`ui.presentation`, the one place
the sizes of presentation mode are set.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import plotly.graph_objects as go

from ui.presentation import CHART_HEIGHT_SCALE, chart_font_px, chart_title_px

# Okabe–Ito palette: distinguishable with the common forms of colour-blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


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
