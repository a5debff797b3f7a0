"""Programma's: which recognised GLI programmes each insurer buys, per year."""

from __future__ import annotations

import streamlit as st

from policy_model.comparison.matrix import programme_rows, status_cell
from policy_model.comparison.text_rows import programme_text_rows
from policy_model.reports.comparison_export import Part
from ui.about import programme_sections, show_about_sections
from ui.data import catalogue
from ui.layout import page_header, provenance_footer
from ui.selection import policy_picker
from ui.side_by_side import Takeaway, compared_rows, show_side_by_side, takeaway_bar
from ui.tables import show_sourced_table
from ui.url_state import url_expander

page_header(
    "GLI-programma's per verzekeraar",
    "Welke erkende GLI-programma's koopt elke verzekeraar in, per jaar? ‘Niet vermeld’ betekent "
    "dat het beleid er niets over zegt – niet dat het programma niet wordt ingekocht.",
    share=True, missing_years=True,
)
cat = catalogue()
policies = policy_picker(cat)

st.subheader("Overzicht")
st.caption(
    "Legenda: " + " · ".join(status_cell(s) for s in ("bought", "expected", "conditional", "not_bought", None))
    + ". Kolommen met ‘(afgeleid)’ komen uit wat een later document over dat jaar zegt."
)
takeaway_bar(cat, policies, Takeaway(
    "Programma's", "gli-programmas",
    lambda: [Part("Programma's", "Programma", programme_text_rows(cat, policies))],
    lambda: programme_text_rows(cat, policies), subject="Programma's",
))
# Text-first, one row per programme: a grid put the third and fourth column off-screen at 1024 px.
show_side_by_side(cat, compared_rows(programme_text_rows, policies, with_catalogue=True), policies, key="programmes",
                  first="Programma", name="gli-programmas", downloads=False)

# The long list, sortable, with the citation columns: a grid, folded away (the rows above say the same).
box = url_expander("Alle statussen met bron, als tabel om te sorteren", "programmas_bronnen")
if box is not None:
    with box:
        show_sourced_table(programme_rows(cat, policies), name="gli-programmas-bronnen", key="programme_sources")

st.subheader("Over de programma's")
show_about_sections(programme_sections)
provenance_footer(policies)
