"""The browser's own print of a comparison page: a document, not a screenshot of the app.

Printing a comparison page used to give some twenty pages of narrow columns: the sidebar,
the pickers and every button printed too, and the text rows shared what width was left.
This style sheet applies only to print (``@media print``): it hides the app's chrome and
widgets (sidebar, header, toolbar, buttons, pickers, closed sections and the tabs that are
not open), gives the text rows the full page width in a smaller type, and keeps each row
whole on a page where it fits. A line that only prints (:func:`print_caption`) says which
view the paper shows. Constant CSS with no data in it, sent in the element of that line
(:func:`print_caption`) and of the side-by-side rows (:func:`ui.side_by_side.rows_block`)
rather than as an element of its own (harmless twice).
"""

from __future__ import annotations

from html import escape

import streamlit as st

from ui.text import Html

PRINT_CSS = """
<style>
/* A line that only prints: its element container takes no place (and no gap) on screen. */
[data-testid="stElementContainer"]:has(.gli-print-only) { display: none; }
@media print {
  [data-testid="stElementContainer"]:has(.gli-print-only) { display: block; }
  @page { size: A4; margin: 12mm 11mm 14mm; }
  html, body { font-size: 12px !important; }
  section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stBottom"], .stButton, .stDownloadButton, [data-testid="stPopover"], .stMultiSelect,
  .stSelectbox, .stToggle, .stCheckbox, .stRadio, .stTextInput, [data-testid="stPageLink"],
  [data-baseweb="tab"][aria-selected="false"], [data-baseweb="tab-highlight"], [data-baseweb="tab-border"],
  [data-testid="stExpander"]:has(details:not([open])), .gli-cell details:not([open]),
  [data-testid="stElementToolbar"], iframe { display: none !important; }
  /* Streamlit scrolls inside a full-height main area: let the document flow onto pages. */
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  .stMain, .stMainBlockContainer, [data-testid="stMainBlockContainer"] {
    height: auto !important; min-height: 0 !important; overflow: visible !important; position: static !important; }
  .stMainBlockContainer, [data-testid="stMainBlockContainer"] { max-width: none !important; padding: 0 !important; }
  [data-testid="stMain"] { margin-left: 0 !important; }
  [data-testid="stVerticalBlock"] { gap: .35rem !important; }
  h1 { font-size: 18pt !important; padding: 0 !important; } h2, h3 { font-size: 12pt !important; }
  p, li { orphans: 3; widows: 3; }
  .gli-row { break-inside: avoid; page-break-inside: avoid; padding: .3rem .5rem !important; margin-bottom: .35rem !important;
    border-radius: 0 !important; }
  .gli-row, .gli-row * { font-size: 8pt !important; line-height: 1.25 !important; }
  .gli-print-only { font-size: 9pt; }
  .gli-print-only::before { content: attr(data-print); }
  .gli-row-head { break-after: avoid; }
  .gli-row.diff { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .gli-cells { gap: .6rem !important; }
  .gli-cell .gli-entry { margin: .15rem 0 !important; }
  a { color: inherit !important; text-decoration: none !important; }
}
</style>
"""


def print_caption(text: str) -> None:
    """A line that shows only on paper: which role, filters and link the printed view has,
    since the widgets that say so on screen are not printed. The text sits in an (escaped)
    attribute that the print style shows, so it is no text of the page: a search or a
    test looking for a widget's label does not find it twice. The print style sheet comes
    with it, in the same element."""
    st.html(Html(f"<div class='gli-print-only' data-print='{escape(text, quote=True)}'></div>{PRINT_CSS}"))
