"""Page chrome: header, presentation mode, data problems banner and provenance footer."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from policy_model.schema import Policy
from ui.data import catalogue, load_result
from ui.navigation import ensure_app_navigation
from ui.text import md_escape

PRESENTATION_KEY = "presentatie"

# Constant CSS (no data in it): larger type and no sidebar for a projector.
_PRESENTATION_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
header[data-testid="stHeader"], .gli-filters { display: none !important; }
.stMainBlockContainer, .block-container { max-width: 100% !important; padding-top: 1rem !important; }
html, body, [data-testid="stAppViewContainer"] { font-size: 20px !important; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.25rem !important; }
h1 { font-size: 2.6rem !important; }
</style>
"""


def presentation_mode() -> bool:
    """The presentation toggle (in the sidebar, also ``?presentatie=true`` in the URL)."""
    on = st.sidebar.toggle(
        "Presentatiemodus", key=PRESENTATION_KEY, bind="query-params",
        help="Verbergt de zijbalk en filters en vergroot tekst en grafieken, voor een beamer. "
        "Zet uit via de knop bovenaan de pagina of verwijder ?presentatie=true uit de link.",
    )
    if on:
        st.html(_PRESENTATION_CSS)
        if st.button("Presentatiemodus uit", key="presentation_off"):
            st.session_state[PRESENTATION_KEY] = False
            st.rerun()
    return on


def page_header(title: str, intro: str) -> bool:
    """Title, one-line purpose, data-problems banner. Returns whether presentation mode is on."""
    ensure_app_navigation()
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


def lazy_expander(label: str, *, key: str, in_url: bool = False) -> DeltaGenerator | None:
    """An expander whose content runs only while it is open; returns it open, else ``None``.

    Streamlit runs the body of a closed expander on every rerun; pages with many of them
    (fourteen tasks, fourteen registers) paid for content nobody looked at. With state
    tracking the body runs on opening instead. ``in_url`` keeps the open state in the
    link, so a shared link opens the same section (the key is the query parameter).
    """
    mode = {"bind": "query-params"} if in_url else {"on_change": "rerun"}
    box = st.expander(label, key=key, **mode)
    return box if box.open else None
