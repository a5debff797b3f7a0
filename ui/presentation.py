"""Presentation mode for a meeting room: its sizes (the one place they are set), its style
sheet and its state.

At 1024×768 on a projector every text, table cell and chart label is at least
:data:`TEXT_PX`; charts take their fonts from :func:`chart_font_px` (Plotly draws its own
text, no style sheet reaches it). Tables are drawn as HTML in this mode
(:func:`ui.tables.show_table`), because the canvas grid keeps a fixed small font.

The mode is on with ``?presentatie=true`` or the sidebar toggle, and stays on for the
session (every page link keeps it in the address) until "Presentatie uit" is clicked.
"""

from __future__ import annotations

import streamlit as st

from ui.guard import guarded_callback
from ui.text import Html
from ui.url_state import read_flag, write_param

PRESENTATION_KEY = "presentatie"

#: The smallest text a room can read at 1024×768: CSS, tables and chart labels.
TEXT_PX = 18
#: Chart labels in the normal view (Plotly's own default is 12).
CHART_TEXT_PX = 13
#: Chart titles and axis titles in the normal view.
CHART_TITLE_PX = 14
#: How much taller a chart grows while presenting (its labels are larger).
CHART_HEIGHT_SCALE = 1.4


def chart_font_px(presenting: bool) -> int:
    """The label size of every chart, for both modes."""
    return TEXT_PX if presenting else CHART_TEXT_PX


def chart_title_px(presenting: bool) -> int:
    return TEXT_PX if presenting else CHART_TITLE_PX


# Constant CSS (no data in it), built from the sizes above: no sidebar or Streamlit header,
# every text at least TEXT_PX, buttons no larger than the text, metric numbers larger than
# their labels, headings and spacing tight enough for the first screen at 1024×768.
PRESENTATION_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
header[data-testid="stHeader"] { display: none !important; }
.stMainBlockContainer, .block-container { max-width: 100% !important; padding: .6rem 1.5rem 3rem !important; }
html, body, [data-testid="stAppViewContainer"] { font-size: 20px !important; }
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] label,
[data-testid="stMain"] input, [data-testid="stMain"] td, [data-testid="stMain"] th,
[data-testid="stMain"] summary, [data-testid="stMain"] a, [data-testid="stMain"] span,
[data-testid="stMain"] code, [data-testid="stMain"] div, [data-testid="stMain"] button { font-size: max(1em, @TEXT@px); }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stMain"] .gli-lines > div, [data-testid="stMain"] .gli-about-label,
[data-testid="stMain"] .gli-about-head, [data-testid="stMain"] .gli-heads p,
[data-testid="stMain"] .gli-verdict p, [data-testid="stMain"] .gli-tab > p,
[data-testid="stMain"] .gli-tab li { font-size: 1.2rem !important; }
[data-testid="stMain"] .gli-about-caption, [data-testid="stMain"] .gli-tip,
[data-testid="stMain"] .gli-verdict p.gli-cap, [data-testid="stMain"] .gli-tab > p.gli-tab-cap {
  font-size: @TEXT@px !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stWidgetLabel"] p, [data-testid="stTooltipHoverTarget"],
[data-testid="stMain"] .stMarkdownBadge { font-size: @TEXT@px !important; }
[data-testid="stMain"] h1 { font-size: 1.9rem !important; padding: .2rem 0 .1rem !important; }
[data-testid="stMain"] h2 { font-size: 1.6rem !important; }
[data-testid="stMain"] h3 { font-size: 1.4rem !important; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] p { font-size: @TEXT@px !important; }
[data-testid="stMetricValue"], [data-testid="stMain"] [data-testid="stMetricValue"] * { font-size: 2.6rem !important; line-height: 1.2; }
.stButton button, .stDownloadButton button, .stPopover button, [data-testid="stPageLink"] a, .gli-share button {
  min-height: 0 !important; padding: .15rem .6rem !important; }
.stButton button p, .stDownloadButton button p, .stPopover button p { font-size: @TEXT@px !important; }
.stDownloadButton button { background: transparent !important; }
.gli-table-wrap { overflow-x: auto; margin-bottom: .6rem; }
table.gli-table { border-collapse: collapse; width: 100%; font-size: @TEXT@px; line-height: 1.35; }
table.gli-table th, table.gli-table td { border: 1px solid #ccc; padding: .25rem .45rem; vertical-align: top;
  text-align: left; font-size: @TEXT@px !important; overflow-wrap: break-word; }
table.gli-table th { background: #f0f2f6; }
</style>
""".replace("@TEXT@", str(TEXT_PX))

#: Session memory of the mode: a page link without the parameter does not end it.
_PRESENTING_STICKY = "_gli_presenting"


def _set_mode(on: bool) -> None:
    st.session_state[_PRESENTING_STICKY] = on
    st.session_state[PRESENTATION_KEY] = on
    if on:
        write_param(PRESENTATION_KEY, "true")
    elif PRESENTATION_KEY in st.query_params:
        del st.query_params[PRESENTATION_KEY]


@guarded_callback
def _toggled() -> None:
    _set_mode(bool(st.session_state.get(PRESENTATION_KEY)))


@guarded_callback
def presentation_off() -> None:
    """Button callback: leave presentation mode (the address loses ``presentatie``)."""
    _set_mode(False)


def presentation_mode(bar_css: str = "") -> bool:
    """Decide the mode for this run, offer the sidebar toggle and apply the style sheet
    (with ``bar_css``, the page bar's, in the same element). A style sheet of its own, sent
    before the page's widgets: Streamlit sizes some icons from the root font size when it
    draws them, so the mode's sizes must be in place first.

    The address decides when it says ``presentatie=true`` or ``false`` (a link, or Back to
    an earlier view); without it the session does, so a page reached by a link that
    dropped the parameter stays in the mode. The address is then kept in step, so a
    reload or a copied link keeps the mode too.
    """
    from_link = read_flag(st.query_params.get(PRESENTATION_KEY))
    if from_link is not None:
        st.session_state[_PRESENTING_STICKY] = from_link
    on = bool(st.session_state.get(_PRESENTING_STICKY, False))
    st.session_state[PRESENTATION_KEY] = on
    st.sidebar.toggle(
        "Presentatiemodus", key=PRESENTATION_KEY, on_change=_toggled,
        help="Verbergt de zijbalk en vergroot tekst, tabellen en grafieken, voor een beamer. Bovenaan "
        "staat dan een balk met alle pagina's; zet de modus uit met ‘Presentatie uit’ in die balk.",
    )
    if on:
        st.html(Html(PRESENTATION_CSS + bar_css))
        write_param(PRESENTATION_KEY, "true")
    return on


def presenting() -> bool:
    """Whether presentation mode is on in this run (after ``page_header``)."""
    return bool(st.session_state.get(_PRESENTING_STICKY))


def presentation_query() -> dict[str, str]:
    """Query parameters a page link carries so the next page opens in the same mode."""
    return {PRESENTATION_KEY: "true"} if presenting() else {}
