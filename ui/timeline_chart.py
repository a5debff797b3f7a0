"""The Tijdlijn chart, drawn as HTML and CSS: contract periods as bars, dated activities as
symbols in lanes, a dashed line at today, a legend that flows into columns.

Why not Plotly: a fresh browser session had to fetch and compile Plotly's 4.7 MB script
before the chart could appear, seconds on a busy two-core machine, more than the rest of
the page. This chart needs no script at all, its labels wrap and scale like the page's
text (18 px while presenting), and its legend flows beside itself instead of adding a
line per entry under the plot.

Where everything goes is :func:`policy_model.timeline.timeline_layout` (pure); this module
turns that layout into escaped HTML (data text never becomes markup). The chart for a set
of records, a day and a mode never changes while the process runs, so it is built once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

import streamlit as st

from policy_model.calendar import GenericMilestone, generic_milestones
from policy_model.catalogue import Catalogue
from policy_model.timeline import (
    ChartRow,
    Event,
    LaneGeometry,
    TimelineLayout,
    all_events,
    date_qualifier,
    period_rows,
    timeline_layout,
)
from policy_model.vocab import ROUTE_LABELS, TIMELINE_KIND_LABELS
from ui.citation import SourcedLine
from ui.data import catalogue, data_ident
from ui.missing_years import calendar
from ui.presentation import TEXT_PX
from ui.text import Html, html_escape, nl_date

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
#: One colour and hatching per contract route (Okabe–Ito colours, readable with the common
#: forms of colour-blindness, and a pattern besides), for the bars and their legend.
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

#: Each symbol's outline as a CSS polygon (the same shapes the marks had in the Plotly
#: chart; the page's HTML cleaner drops inline SVG). A circle is a rounded square.
_POLYGONS: dict[str, str] = {
    "square": "12% 12%, 88% 12%, 88% 88%, 12% 88%",
    "diamond": "50% 0, 100% 50%, 50% 100%, 0 50%",
    "triangle-up": "50% 4%, 100% 92%, 0 92%",
    "triangle-down": "0 8%, 100% 8%, 50% 96%",
    "x": "15% 0, 50% 35%, 85% 0, 100% 15%, 65% 50%, 100% 85%, 85% 100%, 50% 65%, 15% 100%, 0 85%, 35% 50%, 0 15%",
    "cross": "33% 0, 67% 0, 67% 33%, 100% 33%, 100% 67%, 67% 67%, 67% 100%, 33% 100%, 33% 67%, 0 67%, 0 33%, 33% 33%",
    "hexagon": "50% 0, 93% 25%, 93% 75%, 50% 100%, 7% 75%, 7% 25%",
    "pentagon": "50% 0, 100% 38%, 81% 100%, 19% 100%, 0 38%",
    "star": "50% 0, 63% 34%, 98% 36%, 71% 58%, 80% 95%, 50% 74%, 20% 95%, 29% 58%, 2% 36%, 37% 34%",
    "star-diamond": "50% 0, 64% 36%, 100% 50%, 64% 64%, 50% 100%, 36% 64%, 0 50%, 36% 36%",
    "hourglass": "5% 5%, 95% 5%, 50% 50%, 95% 95%, 5% 95%, 50% 50%",
}
#: Each route's hatching as CSS backgrounds over its colour.
_HATCH: dict[str, str] = {
    "": "",
    "/": "repeating-linear-gradient(-45deg, rgba(0,0,0,.4) 0 1.5px, transparent 1.5px 7px)",
    "\\": "repeating-linear-gradient(45deg, rgba(0,0,0,.4) 0 1.5px, transparent 1.5px 7px)",
    "-": "repeating-linear-gradient(0deg, rgba(0,0,0,.4) 0 1.5px, transparent 1.5px 6px)",
    "x": "repeating-linear-gradient(-45deg, rgba(0,0,0,.4) 0 1.5px, transparent 1.5px 8px), "
         "repeating-linear-gradient(45deg, rgba(0,0,0,.4) 0 1.5px, transparent 1.5px 8px)",
    "+": "repeating-linear-gradient(0deg, rgba(0,0,0,.4) 0 1.5px, transparent 1.5px 8px), "
         "repeating-linear-gradient(90deg, rgba(0,0,0,.4) 0 1.5px, transparent 1.5px 8px)",
    ".": "radial-gradient(rgba(0,0,0,.5) 1.3px, transparent 1.8px) 0 0 / 6px 6px",
}

# Constant CSS, no data in it.
_CSS = """
<style>
.gli-tl { font-size: .9rem; line-height: 1.25; margin: .2rem 0 .4rem; }
.gli-tl-grid { display: grid; grid-template-columns: var(--gli-tl-label, 15rem) minmax(0, 1fr); }
.gli-tl-label { grid-column: 1; padding: .15rem .7rem .15rem 0; text-align: right; color: #555;
  display: flex; flex-direction: column; justify-content: center; overflow-wrap: anywhere; }
.gli-tl-label b { color: #31333f; }
.gli-tl-plot { grid-column: 2; position: relative; border-left: 1px solid #bbb; }
.gli-tl-first { border-top: 1px solid #ccc; }
.gli-tl-bar { position: absolute; top: 18%; bottom: 18%; border: 1px solid #333; border-radius: 2px; }
.gli-tl-mark { position: absolute; width: 1.05em; height: 1.05em; transform: translate(-50%, -50%); }
.gli-sym { position: relative; display: inline-block; width: 1.05em; height: 1.05em; background: #222;
  flex: none; vertical-align: middle; }
.gli-sym::after { content: ""; position: absolute; inset: 13%; background: var(--gli-c); clip-path: inherit;
  border-radius: inherit; }
.gli-sym.open { background: transparent; border: .17em solid var(--gli-c); border-radius: 50%; }
.gli-sym.open::after { display: none; }
.gli-tl-mark .gli-sym { width: 100%; height: 100%; display: block; }
.gli-tl-today { grid-column: 2; position: relative; pointer-events: none; }
.gli-tl-today i { position: absolute; top: 0; bottom: 0; border-left: 2px dashed #444; }
.gli-tl-head { grid-column: 2; position: relative; height: 1.5em; }
.gli-tl-head span { position: absolute; bottom: .1em; transform: translateX(-50%); white-space: nowrap; color: #555; }
.gli-tl-axis { grid-column: 2; position: relative; height: 1.6em; border-top: 1px solid #777; }
.gli-tl-axis span { position: absolute; top: .15em; transform: translateX(-50%); color: #555; }
.gli-tl-legend { display: flex; flex-wrap: wrap; gap: .35rem 1.6rem; margin-top: .5rem; }
.gli-tl-group { display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .9rem; }
.gli-tl-group > b { font-weight: 600; color: #555; }
.gli-tl-key { display: inline-flex; align-items: center; gap: .35rem; }
.gli-tl-swatch { display: inline-block; width: 1.8em; height: .95em; border: 1px solid #333; }
</style>
"""


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
    """Marker, row and label sizes in each mode (rem is 20 px while presenting, else 16)."""
    if presenting:
        return LaneGeometry(marker_px=int(1.05 * 20), unit_px=46, wrap=24, plot_px=560)
    return LaneGeometry(marker_px=int(1.05 * 16), unit_px=40, wrap=30, plot_px=760)


#: The key of the container the page draws the chart in: on a phone the browser leaves it out.
CHART_CONTAINER_KEY = "gli_timeline_chart"
#: Keys starting so: what speaks of the chart (left out on a phone, with the chart) and what says
#: on a phone that the chart is not there (left out on a wider screen; LOOK O #5).
CHART_NOTE_KEY, PHONE_NOTE_KEY = "gli_chart_note", "gli_phone_note"

# Streamlit cannot see the screen width: on a phone the browser leaves the chart out (the
# list on the page says the same). Constant CSS.
NARROW_CSS = f"""<style>
@media (max-width: 640px) {{ .st-key-{CHART_CONTAINER_KEY}, [class*="st-key-{CHART_NOTE_KEY}"] {{
  display: none !important; }} }}
@media (min-width: 641px) {{ [class*="st-key-{PHONE_NOTE_KEY}"] {{ display: none !important; }} }}
</style>"""


@dataclass(frozen=True)
class TimelineChart:
    html: str
    height: float  # rows, in row units (about two lines of label text each)
    block: Html = Html("")  # what the page draws: the chart with its style sheets (:func:`show_timeline_chart`)
    #: Whether it has a bar (a period with a start and an end day): Zorg en Zekerheid 2024 gives its
    #: periods' length only (§5.2), and its chart has marks only.
    has_bars: bool = True


def timeline_chart(policy_keys: tuple[str, ...], now: dt.date, presenting: bool) -> TimelineChart | None:
    """The chart of these records; ``None`` when they have neither a full period nor a
    dated activity (nor a general-calendar day)."""
    ident = data_ident(" ".join(policy_keys), now.isoformat(), presenting)
    return _timeline_chart(ident=ident, _policy_keys=policy_keys, _now=now, _presenting=presenting)


@st.cache_resource(show_spinner=False, max_entries=256)
def _timeline_chart(ident: str, _policy_keys: tuple[str, ...], _now: dt.date, _presenting: bool) -> TimelineChart | None:
    # ``ident``: the data folder (another folder is another catalogue), records, day and mode.
    layout = chart_layout(_policy_keys, _now, _presenting)
    if layout is None:
        return None
    html = render(layout, _now, _presenting)
    return TimelineChart(html, layout.height, Html(html + _CSS + NARROW_CSS), has_bars=bool(layout.bars))


def chart_layout(policy_keys: tuple[str, ...], now: dt.date, presenting: bool) -> TimelineLayout | None:
    """The pure layout of these records' chart (rows, bars, marks, general-calendar days)."""
    cat = catalogue()
    policies = [cat.policy_by_key(k) for k in policy_keys]
    labels = {p.key: cat.policy_label(p) for p in policies}
    general = general_calendar(cat, policies, now)
    names = {m.insurer: cat.insurer(m.insurer).short_name for m in general}
    return timeline_layout(policies, labels, all_events(cat, policies), period_rows(policies), general, names, now,
                           geometry(presenting))


class _Scale:
    """Dates to a percentage of the plot's width: whole years, a little room at each end."""

    def __init__(self, dates: list[dt.date]) -> None:
        self.first = dt.date(min(dates).year, 1, 1) - dt.timedelta(days=20)
        self.last = dt.date(max(dates).year + 1, 1, 1) + dt.timedelta(days=20)
        self.days = (self.last - self.first).days

    def __call__(self, day: dt.date) -> float:
        return round(100 * (day - self.first).days / self.days, 3)

    def years(self) -> list[int]:
        return list(range(self.first.year + 1, self.last.year + 1))


def _dates(layout: TimelineLayout, now: dt.date) -> list[dt.date]:
    return [now, *(e.date for e, _ in layout.marks), *(m.date for m, _ in layout.general),
            *(r["start"] for r, _ in layout.bars), *(r["end"] for r, _ in layout.bars)]


def symbol_html(symbol: str, colour: str) -> str:
    """A mark's symbol as a clipped square in CSS (colours are constants of this module,
    never data): a dark outline with the colour inside, or an open circle."""
    if symbol == "circle-open":
        return f"<i class='gli-sym open' aria-hidden='true' style='--gli-c: {colour}'></i>"
    shape = ("border-radius: 50%" if symbol == "circle"
             else f"clip-path: polygon({_POLYGONS.get(symbol, _POLYGONS['hourglass'])})")
    return f"<i class='gli-sym' aria-hidden='true' style='--gli-c: {colour}; {shape}'></i>"


def route_background(route: str) -> str:
    colour, hatch = ROUTE_STYLE.get(route, ("#888888", ""))
    return f"background: {_HATCH[hatch] + ', ' if _HATCH[hatch] else ''}{colour};"


def _row_html(row: ChartRow, line: int, first_of_record: bool, unit_rem: float, marks: str) -> str:
    """A row's label and plot cells, on grid line ``line`` (placed explicitly: the line at
    today spans every row and would push cells placed automatically out of the way)."""
    label = (f"<b>{escape(row.title)}</b>" if row.title else "") + f"<span>{escape(' '.join(row.lines))}</span>"
    edge = " gli-tl-first" if first_of_record else ""
    return (f"<div class='gli-tl-label{edge}' style='grid-row: {line}'>{label}</div>"
            f"<div class='gli-tl-plot{edge}' style='grid-row: {line}; min-height: {row.height * unit_rem:.2f}rem'>"
            f"{marks}</div>")


def _bar_html(period: dict, scale: _Scale) -> str:
    left, right = scale(period["start"]), scale(period["end"] + dt.timedelta(days=1))
    text = (f"{period['label']}: {nl_date(period['start'])} – {nl_date(period['end'])} ({period['duration']})"
            + (f"; {period['running']}" if period["running"] else ""))
    route = _ROUTE_BY_LABEL.get(period["route"], period["route"])
    return (f"<span class='gli-tl-bar' role='img' aria-label='{escape(text)}' title='{escape(text)}' "
            f"style='left: {left}%; width: {right - left:.3f}%; {route_background(route)}'></span>")


def _mark_html(x: float, top: float, symbol: str, colour: str, text: str) -> str:
    return (f"<span class='gli-tl-mark' role='img' aria-label='{escape(text)}' title='{escape(text)}' "
            f"style='left: {x}%; top: {top:.2f}%'>{symbol_html(symbol, colour)}</span>")


def _marks_in(row: ChartRow, layout: TimelineLayout, scale: _Scale) -> str:
    """The bars, activity marks or general-calendar days that sit on this row."""
    def top(y: float) -> float:
        return 100 * (y - row.top) / row.height

    if row.kind == "period":
        return "".join(_bar_html(p, scale) for p, y in layout.bars if row.top <= y < row.top + row.height)
    if row.kind == "process":
        return "".join(_mark_html(scale(e.date), top(y), *reversed(kind_style(e.kind)),
                                  f"{date_qualifier(e.date_text)}{nl_date(e.date)}: {e.activity}")
                       for e, y in layout.marks if e.policy_key == row.owner)
    return "".join(_mark_html(scale(m.date), top(y), GENERAL_STYLE[1], GENERAL_STYLE[0],
                              f"{nl_date(m.date)}: {m.label} (beleid {m.year}; algemene kalender, niet de eigen "
                              "datum van de verzekeraar)")
                   for m, y in layout.general if m.insurer == row.owner)


def _legend_html(layout: TimelineLayout) -> str:
    """Three groups that flow side by side and wrap: route bars, activity symbols and the
    general calendar, each only with what the chart shows."""
    routes = list(dict.fromkeys(_ROUTE_BY_LABEL.get(p["route"], p["route"]) for p, _ in layout.bars))
    present = {e.kind for e, _ in layout.marks}
    kinds = [k for k in TIMELINE_KIND_LABELS if k in present] + sorted(present - set(TIMELINE_KIND_LABELS))
    groups = []
    if routes:
        keys = "".join(f"<span class='gli-tl-key'><i class='gli-tl-swatch' style='{route_background(r)}'></i>"
                       f"{escape(ROUTE_LABELS.get(r, r))}</span>" for r in routes)
        groups.append(f"<div class='gli-tl-group'><b>Balken: looptijd per route</b>{keys}</div>")
    if kinds:
        keys = "".join(f"<span class='gli-tl-key'>{symbol_html(*reversed(kind_style(k)))}"
                       f"{escape(TIMELINE_KIND_LABELS.get(k, k))}</span>" for k in kinds)
        groups.append(f"<div class='gli-tl-group'><b>Symbolen: activiteit</b>{keys}</div>")
    if layout.general:
        groups.append(f"<div class='gli-tl-group'><b>Open grijs:</b><span class='gli-tl-key'>"
                      f"{symbol_html(GENERAL_STYLE[1], GENERAL_STYLE[0])}{escape(GENERAL_NAME)}</span></div>")
    return f"<div class='gli-tl-legend'>{''.join(groups)}</div>"


def render(layout: TimelineLayout, now: dt.date, presenting: bool) -> str:
    """The chart as one block of escaped HTML: a header with 'vandaag', a row per layout
    row (label and plot), the dashed line at today over all rows, the year axis, the legend."""
    scale = _Scale(_dates(layout, now))
    root_px = 20 if presenting else 16
    unit_rem = geometry(presenting).unit_px / root_px
    today = scale(now)
    rows, owner = [], None
    for line, row in enumerate(layout.rows, start=2):
        rows.append(_row_html(row, line, owner is not None and row.owner != owner, unit_rem,
                              _marks_in(row, layout, scale)))
        owner = row.owner
    years = scale.years()
    step = 1 if len(years) <= 9 else 2
    axis = "".join(f"<span style='left: {scale(dt.date(y, 1, 1))}%'>{y}</span>" for y in years[::step])
    label_rem = 13 if presenting else 15
    size = "" if not presenting else f" font-size: {TEXT_PX}px;"
    return (
        f"<div class='gli-tl' role='figure' aria-label='Tijdlijn: looptijden en activiteiten' "
        f"style='--gli-tl-label: {label_rem}rem;{size}'><div class='gli-tl-grid'>"
        f"<div class='gli-tl-head' style='grid-row: 1'><span style='left: {today}%'>vandaag ({escape(nl_date(now))})</span></div>"
        + "".join(rows)
        + f"<div class='gli-tl-today' style='grid-row: 2 / span {len(layout.rows)}'><i style='left: {today}%'></i></div>"
        f"<div class='gli-tl-axis' style='grid-row: {len(layout.rows) + 2}'>{axis}</div></div>"
        f"{_legend_html(layout)}</div>"
    )


def show_timeline_chart(chart: TimelineChart) -> None:
    """Draw a chart built by :func:`timeline_chart`, with its style sheets: one element."""
    st.html(chart.block)


def event_line(cat: Catalogue, event: Event) -> SourcedLine:
    """A dated activity as a sourced line: ``<b>1 april 2026</b> – CZ 2027: …`` (escaped)."""
    return (f"<b>{date_qualifier(event.date_text)}{nl_date(event.date)}</b> – "
            f"{html_escape(cat.insurer(event.insurer).short_name)} {event.year}: "
            f"{html_escape(event.activity)}", event.source)
