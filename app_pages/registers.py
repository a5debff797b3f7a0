"""Registers: which quality registers and other registers each insurer-year accepts or requires."""

from __future__ import annotations

import streamlit as st

from policy_model.comparison.matrix import registry_rows
from policy_model.comparison.text_rows import registry_text_rows
from policy_model.reports.comparison_export import Part
from ui.about import registry_sections, show_about_sections
from ui.data import catalogue
from ui.layout import page_header, provenance_footer
from ui.selection import policy_picker
from ui.side_by_side import (
    Takeaway,
    compared_rows,
    filter_rows,
    show_side_by_side,
    takeaway_bar,
    words_switch,
)
from ui.tables import show_sourced_table
from ui.url_state import known, url_expander, url_toggle

page_header(
    "Registers",
    "Welke kwaliteitsregisters en andere registers accepteert of eist elke verzekeraar, en voor wie "
    "(leefstijlcoach, fysiotherapeut, oefentherapeut, diëtist)?",
    share=True, missing_years=True,
)
cat = catalogue()
DIFF_KEY, WORDS_KEY = "alleen_verschillen", "woorden"
known(WORDS_KEY)  # its switch shows only for two years of one insurer
policies = policy_picker(cat)

st.subheader("Naast elkaar")
with st.container(horizontal=True, gap="medium"):
    only_diff = url_toggle("Alleen registers die verschillen", DIFF_KEY)
    pairs, words = words_switch(policies, WORDS_KEY)
takeaway_bar(cat, policies, Takeaway(
    "Registers", "gli-registers",
    lambda: [Part("Registers", "Register", filter_rows(registry_text_rows(cat, policies), only_diff))],
    lambda: registry_text_rows(cat, policies), subject="Registers",
    filters=(("Alleen registers die verschillen", "ja" if only_diff else "nee"),),
    word_pairs=pairs if words else {},
))
show_side_by_side(cat, compared_rows(registry_text_rows, policies, only_differences=only_diff, with_catalogue=True),
                  policies, key="registries",
                  first="Register", show_words=words, name="gli-registers",
                  empty="De gekozen beleidsdocumenten noemen geen specifieke registers.", downloads=False)

# The long list, sortable, with the citation columns: a grid, folded away (the rows above say the same).
box = url_expander("Alle registers met bron, als tabel om te sorteren", "registers_bronnen")
if box is not None:
    with box:
        show_sourced_table(registry_rows(cat, policies), name="gli-registers-bronnen", key="registry_sources")

st.subheader("Over de registers")
show_about_sections(registry_sections)
provenance_footer(policies)
