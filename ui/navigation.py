"""The pages of the app, how a presenter moves between them, and the browser history.

:data:`PAGES` is the one list of pages: ``app.py`` builds the menu from it, Home its
tiles, presentation mode its page bar and the benchmark its page list.

While presenting, the sidebar is hidden; :func:`page_bar` puts every page in one compact
row at the top instead, each link keeping ``presentatie=true`` in the address.

Streamlit adds a browser history entry for every query-parameter write, so one click
could add a dozen and Back stayed on the page. :func:`one_history_entry_per_action`
installs a small script (constant, no data in it, no external resources): one entry per
click or key press, however many writes follow it, so Back returns to the previous view.
"""

from __future__ import annotations

import os
from typing import NamedTuple

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui.presentation import TEXT_PX, presentation_off, presentation_query
from ui.text import Html


class PageInfo(NamedTuple):
    path: str
    title: str
    icon: str  # emoji: material icons would fetch a font from the internet
    about: str
    short: str  # the label in the page bar while presenting

    @property
    def url_path(self) -> str:
        """The page's address: '' for Home, else the file name (Streamlit's own rule)."""
        return "" if self is PAGES[0] else self.path.rsplit("/", 1)[-1].removesuffix(".py")


PAGES: list[PageInfo] = [
    PageInfo("app_pages/home.py", "Home", "🏠", "overzicht en bronnen", "Home"),
    PageInfo("app_pages/programmas.py", "Programma's", "🧩", "welke GLI-programma's elke verzekeraar inkoopt",
             "Programma's"),
    PageInfo("app_pages/registers.py", "Registers", "📇", "welke kwaliteitsregisters worden geaccepteerd", "Registers"),
    PageInfo("app_pages/voorwaarden.py", "Contractvoorwaarden", "📋", "eisen, routes, looptijden, tarieven, aanvragen",
             "Voorwaarden"),
    PageInfo("app_pages/tijdlijn.py", "Tijdlijn", "📅", "deadlines en looptijden, ook als agenda", "Tijdlijn"),
    PageInfo("app_pages/wijzigingen.py", "Wijzigingen", "🔀", "wat er per jaar veranderde, en vergelijken",
             "Wijzigingen"),
    PageInfo("app_pages/wizard.py", "Wat geldt voor mij?", "🧭", "uw situatie, per verzekeraar beoordeeld",
             "Wat geldt?"),
    PageInfo("app_pages/handreiking.py", "Handreiking", "🗺️", "de GLI regionaal organiseren (ZonMw)", "Handreiking"),
    PageInfo("app_pages/begrippen.py", "Begrippen", "📖", "afkortingen en termen uitgelegd", "Begrippen"),
    PageInfo("app_pages/zoeken.py", "Zoeken", "🔎", "in alle vastgelegde gegevens", "Zoeken"),
]

_SESSION_PAGES = "_gli_pages"


def app_pages() -> list[StreamlitPage]:
    """The menu's pages (``st.Page`` for each of :data:`PAGES`), built once per session.

    Building them resolves and checks every page file, on every rerun of every page; the
    objects are per session, not shared between sessions, because ``st.navigation`` marks
    the one it returns as the one allowed to run.
    """
    pages = st.session_state.get(_SESSION_PAGES)
    if pages is None:
        pages = [st.Page(p.path, title=p.title, icon=p.icon, default=(n == 0)) for n, p in enumerate(PAGES)]
        if os.environ.get("GLI_BENCH"):
            # Reference pages for the benchmark only (benchmarks/run.py), in the menu only on a
            # benchmark server: the bench navigates to the bare one to measure Streamlit's floor.
            pages += [
                st.Page("benchmarks/reference_table.py", title="Referentie", url_path="ref_table"),
                st.Page("benchmarks/reference_chart.py", title="Referentie grafiek", url_path="ref_chart",
                        visibility="hidden"),
                st.Page("benchmarks/reference_shape.py", title="Referentie vorm", url_path="ref_shape",
                        visibility="hidden"),
            ]
        st.session_state[_SESSION_PAGES] = pages
    return pages


def page_links() -> list[tuple[PageInfo, StreamlitPage]]:
    """Each of :data:`PAGES` with its ``st.Page`` of this session, for ``st.page_link``: given
    the page itself, a link is made without resolving the page's file on disk (as a path
    it was, for every link on every run)."""
    return list(zip(PAGES, app_pages(), strict=False))


# Constant CSS: the page bar is one row of small links.
BAR_CSS = """
<style>
.st-key-gli_page_bar { gap: .15rem .35rem !important; border-bottom: 1px solid #d6d8dd; padding-bottom: .25rem; }
.st-key-gli_page_bar [data-testid="stPageLink"] a { padding: .05rem .3rem !important; }
.st-key-gli_page_bar [data-testid="stPageLink"] p { font-size: @TEXT@px !important; }
.st-key-gli_page_bar [data-testid="stPageLink"] a span { white-space: nowrap; }
.st-key-gli_page_bar .stButton { margin-left: auto; }
</style>
""".replace("@TEXT@", str(TEXT_PX))

# Constant script, installed once per browser tab. Only the first address change after a
# user's click or key press adds a history entry; every later change until the next one
# (the parameters the page writes, and Streamlit's own page-address update, which may come
# after them) replaces it. Back/Forward change no address themselves here.
HISTORY_JS = """
<script>
(() => {
  if (window.__gliOneEntryPerAction) return;
  window.__gliOneEntryPerAction = true;
  let fresh = false;
  const arm = (event) => { if (event.isTrusted) fresh = true; };
  document.addEventListener("pointerdown", arm, true);
  document.addEventListener("keydown", arm, true);
  const push = window.history.pushState.bind(window.history);
  const replace = window.history.replaceState.bind(window.history);
  window.history.pushState = (state, title, url) => {
    if (!fresh) return replace(state, title, url);
    fresh = false;
    return push(state, title, url);
  };
})();
</script>
"""


def one_history_entry_per_action(constant_html: str = "") -> None:
    """Install the history script (every page, every mode; it runs once per browser tab),
    with ``constant_html`` (style sheets, no data) in the same element: each element costs
    a page run about as much as the next."""
    st.html(Html(HISTORY_JS + constant_html), unsafe_allow_javascript=True)


def page_bar() -> None:
    """Every page in one compact row, for a presenter (the sidebar is hidden), and the way
    out of presentation mode at its end. Its style sheet is :data:`BAR_CSS` (sent with
    the presentation style sheet, :func:`ui.presentation.presentation_mode`)."""
    query = presentation_query()
    with st.container(key="gli_page_bar", horizontal=True, vertical_alignment="center", gap=None):
        for info, page in page_links():
            st.page_link(page, label=info.short, icon=info.icon, query_params=query, help=info.title)
        st.button("✕ Presentatie uit", key="presentation_off", on_click=presentation_off,
                  help="Terug naar de gewone weergave met de zijbalk.")
