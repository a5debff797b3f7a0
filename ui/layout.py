"""Page chrome: the header (with presentation mode's page bar), the data-problems banner and
the provenance footer. Presentation mode itself (sizes, style sheet, state) is
:mod:`ui.presentation`."""

from __future__ import annotations

import functools
from collections.abc import Iterable

import streamlit as st

from policy_model.loader import LoadResult
from policy_model.schema import Policy
from ui import html_check  # noqa: F401 (installed on import: a faster st.html check of every body)
from ui.about import KEEP_OPEN_JS
from ui.data import catalogue, data_ident, load_result
from ui.grid import GRID_CSS
from ui.missing_years import show_missing_years
from ui.navigation import BAR_CSS, one_history_entry_per_action, page_bar
from ui.presentation import (
    PRESENTATION_KEY,
    presentation_mode,
    presentation_query,
    presenting,
)
from ui.share import share_link
from ui.text import md_escape
from ui.url_state import notice_slot

# Streamlit has no Dutch for the texts its own widgets draw; constant CSS puts Dutch in
# their place (the multiselects drop "Select all" through their own select_all=False):
# the file uploader's button and size line, and an empty search in a selection list.
# And two rules for a phone.
_DUTCH_WIDGET_CSS = """
<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { font-size: 0 !important; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: "Bestand kiezen"; font-size: max(1rem, 16px); }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0 !important; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after { content: "hoogstens @MB@ MB per bestand";
  font-size: max(.9rem, 14px); }
[role="listbox"] > div[role="option"][style*="contents"] > span:only-child { font-size: 0 !important; }
[role="listbox"] > div[role="option"][style*="contents"] > span:only-child::after { content: "Geen resultaten";
  font-size: max(1rem, 16px); }
/* Home's page tiles: descriptions of two lines at least, so a row lines up beside one that wraps. */
@media (min-width: 641px) { .st-key-gli_home_links [data-testid="stCaptionContainer"] p { min-height: 2lh; } }
/* On a phone: a title that fits the width, the record picker on a line of its own, and every
   tab's label in view (a scrolling tab row cut "Looptijd en ta›" and hid the open tab). */
@media (max-width: 640px) {
  [data-testid="stMain"] h1 { font-size: 2rem !important; }
  .st-key-gli-policy-picker > div:first-child { flex: 1 1 100% !important; }
  [data-testid="stTabs"] [role="tablist"] { flex-wrap: wrap; row-gap: .25rem; }
}
</style>
"""


@functools.lru_cache(maxsize=8)
def constant_head(max_upload_mb: int) -> str:
    """Every page's constant style sheet and script for the history script's element: the
    script that keeps the "about" sections as the reader left them (:mod:`ui.about`), the
    Dutch texts of Streamlit's own widgets and the rows of :func:`ui.grid.grid` (before
    the page's elements, so a grid never shows as a column first). No data in them; one
    element, not four."""
    return KEEP_OPEN_JS + _DUTCH_WIDGET_CSS.replace("@MB@", str(max_upload_mb)) + GRID_CSS


#: The container of Home's page tiles (its descriptions line up, see the style sheet above).
HOME_LINKS_KEY = "gli_home_links"

__all__ = ["HOME_LINKS_KEY", "PRESENTATION_KEY", "page_header", "presentation_query", "presenting", "provenance_footer",
           "show_load_problems"]


def page_header(title: str, intro: str, *, share: bool = False, missing_years: bool = False) -> bool:
    """The top of every page; returns whether presentation mode is on.

    Normally: title, one-line purpose, data-problems banner. While presenting, first the
    page bar (every page, and the way out of the mode), then the title with its purpose
    on demand (a help tooltip), so the page's own content starts on the first screen at
    1024×768. ``share`` adds "Link naar deze weergave" (comparison pages);
    ``missing_years`` the one-line notice of published years the wijzer lacks.
    """
    on = presentation_mode(BAR_CSS)
    one_history_entry_per_action(constant_head(st.get_option("server.maxUploadSize")))
    if on:
        page_bar()
    result = load_result()
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="gli_title_row"):
        st.title(title, help=intro if on else None, width="content")
        if missing_years:
            show_missing_years(result.catalogue, compact=True)
        if share:
            share_link()
    if not on:
        st.caption(intro)
    notice_slot()
    show_load_problems(result)
    if not result.catalogue.policies:
        st.error("Er is geen bruikbare beleidsdata geladen, dus deze pagina kan niets tonen. "
                 "Zie de meldingen hierboven en controleer de data met: python -m policy_model validate")
        st.stop()
    return on


def show_load_problems(result: LoadResult | None = None) -> None:
    """If the data folder has problems, say so plainly; the pages show what did load."""
    result = result or load_result()
    if not result.problems:
        return
    with st.expander(f"⚠️ De beleidsdata bevat {len(result.problems)} probleem/problemen; "
                     "onderdelen met fouten worden niet getoond", expanded=not result.catalogue.policies):
        st.code("\n".join(str(p) for p in result.problems[:200]), language=None)
        st.caption("Controleer de data met: python -m policy_model validate")


def provenance_footer(policies: Iterable[Policy] = ()) -> None:
    """Which documents the facts on this page come from (Datasette-style provenance)."""
    doc_ids: list[str] = []
    for policy in policies:
        doc_ids += [d for d in policy.documents if d not in doc_ids]
    st.divider()
    st.caption(_footer(ident=data_ident(' '.join(doc_ids)), _doc_ids=tuple(doc_ids)))


@st.cache_resource(max_entries=256, show_spinner=False)
def _footer(ident: str, _doc_ids: tuple[str, ...]) -> str:
    # ``ident``: the data folder (another folder, another catalogue) and the documents; none
    # means every document of the catalogue. Escaped Markdown, made once.
    cat = catalogue()
    lines = []
    for doc_id in _doc_ids or [s.id for s in cat.sources]:
        doc = cat.source(doc_id)
        link = f" – [origineel]({doc.url})" if doc.url and doc.url.startswith("https://") else ""
        lines.append(f"- {md_escape(doc.publisher)}: *{md_escape(doc.title)}*{link}")
    return "**Bronnen op deze pagina**  \n" + "\n".join(lines)
