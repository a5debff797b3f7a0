"""Page chrome: header, presentation mode, data problems banner and provenance footer."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from policy_model.schema import Policy
from ui.data import catalogue, load_result
from ui.guard import guarded_callback
from ui.text import md_escape

PRESENTATION_KEY = "presentatie"

# Constant CSS (no data in it): no sidebar, and every text a room can read at 1024×768:
# nothing below 18 px (tables are drawn as HTML in this mode, see ui.tables.show_table, and
# charts get their fonts through the Plotly layout), buttons no larger than the text, metric
# numbers larger than their labels.
_PRESENTATION_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
header[data-testid="stHeader"] { display: none !important; }
.stMainBlockContainer, .block-container { max-width: 100% !important; padding: 1rem 1.5rem 3rem !important; }
html, body, [data-testid="stAppViewContainer"] { font-size: 20px !important; }
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] label,
[data-testid="stMain"] input, [data-testid="stMain"] td, [data-testid="stMain"] th,
[data-testid="stMain"] summary, [data-testid="stMain"] a, [data-testid="stMain"] span,
[data-testid="stMain"] code, [data-testid="stMain"] div { font-size: max(1em, 18px); }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.2rem !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stWidgetLabel"] p, [data-testid="stTooltipHoverTarget"],
[data-testid="stMain"] .stMarkdownBadge { font-size: 18px !important; }
[data-testid="stMain"] h1 { font-size: 2.4rem !important; }
[data-testid="stMain"] h2 { font-size: 1.9rem !important; }
[data-testid="stMain"] h3 { font-size: 1.5rem !important; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] p { font-size: 18px !important; }
[data-testid="stMetricValue"], [data-testid="stMain"] [data-testid="stMetricValue"] * { font-size: 2.6rem !important; line-height: 1.2; }
.stButton button, .stDownloadButton button, .stPopover button, [data-testid="stPageLink"] a {
  min-height: 0 !important; padding: .15rem .6rem !important; }
.stButton button p, .stDownloadButton button p, .stPopover button p { font-size: 18px !important; }
.stDownloadButton button { background: transparent !important; }
.gli-table-wrap { overflow-x: auto; margin-bottom: .6rem; }
table.gli-table { border-collapse: collapse; width: 100%; font-size: 18px; line-height: 1.35; }
table.gli-table th, table.gli-table td { border: 1px solid #ccc; padding: .25rem .45rem; vertical-align: top;
  text-align: left; font-size: 18px !important; overflow-wrap: anywhere; }
table.gli-table th { background: #f0f2f6; }
</style>
"""

#: Session memory of presentation mode. Streamlit drops the URL parameter on every page
#: switch (the menu, st.page_link, st.switch_page), so the mode is re-applied from here
#: until it is switched off.
_PRESENTING_STICKY = "_gli_presenting"


@guarded_callback
def _remember_presentation() -> None:
    st.session_state[_PRESENTING_STICKY] = bool(st.session_state.get(PRESENTATION_KEY))


@guarded_callback
def _presentation_off() -> None:
    st.session_state[PRESENTATION_KEY] = False
    st.session_state[_PRESENTING_STICKY] = False


def presentation_mode() -> bool:
    """The presentation toggle (in the sidebar, also ``?presentatie=true`` in the URL).

    Once on, it stays on across every in-app navigation until it is switched off.
    """
    remembered = st.session_state.get(_PRESENTING_STICKY)
    if remembered is not None and PRESENTATION_KEY not in st.query_params:
        # The session decides, not a value Streamlit restores for the page's own widget:
        # after "uit" a page visited while presenting would otherwise switch it back on.
        st.session_state[PRESENTATION_KEY] = remembered
    on = st.sidebar.toggle(
        "Presentatiemodus", key=PRESENTATION_KEY, bind="query-params", on_change=_remember_presentation,
        help="Verbergt de zijbalk en vergroot tekst, tabellen en grafieken, voor een beamer. "
        "Zet uit via de knop bovenaan de pagina of verwijder ?presentatie=true uit de link.",
    )
    st.session_state[_PRESENTING_STICKY] = on
    if on:
        st.html(_PRESENTATION_CSS)
        st.button("Presentatiemodus uit", key="presentation_off", on_click=_presentation_off)
    return on


def presenting() -> bool:
    """Whether presentation mode is on in this run (after ``page_header``)."""
    return bool(st.session_state.get(_PRESENTING_STICKY))


def presentation_query() -> dict[str, str]:
    """Query parameters a page link carries so the next page opens in the same mode."""
    return {PRESENTATION_KEY: "true"} if presenting() else {}


def page_header(title: str, intro: str) -> bool:
    """Title, one-line purpose, data-problems banner. Returns whether presentation mode is on."""
    st.title(title)
    st.caption(intro)
    show_load_problems()
    if not catalogue().policies:
        st.error("Er is geen bruikbare beleidsdata geladen, dus deze pagina kan niets tonen. "
                 "Zie de meldingen hierboven en controleer de data met: python -m policy_model validate")
        st.stop()
    return presentation_mode()


def show_load_problems() -> None:
    """If the data folder has problems, say so plainly; the pages show what did load."""
    result = load_result()
    if not result.problems:
        return
    with st.expander(f"⚠️ De beleidsdata bevat {len(result.problems)} probleem/problemen; "
                     "onderdelen met fouten worden niet getoond", expanded=not result.catalogue.policies):
        st.code("\n".join(str(p) for p in result.problems[:200]), language=None)
        st.caption("Controleer de data met: python -m policy_model validate")


def provenance_footer(policies: Iterable[Policy] = ()) -> None:
    """Which documents the facts on this page come from (Datasette-style provenance)."""
    cat = catalogue()
    doc_ids: list[str] = []
    for policy in policies:
        doc_ids += [d for d in policy.documents if d not in doc_ids]
    if not doc_ids:
        doc_ids = [s.id for s in cat.sources]
    st.divider()
    lines = []
    for doc_id in doc_ids:
        doc = cat.source(doc_id)
        link = f" – [origineel]({doc.url})" if doc.url and doc.url.startswith("https://") else ""
        lines.append(f"- {md_escape(doc.publisher)}: *{md_escape(doc.title)}*{link}")
    st.caption("**Bronnen op deze pagina**  \n" + "\n".join(lines))
