"""Registers: which quality registers and other registers each insurer-year accepts or requires."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from policy_model.comparison.matrix import registry_matrix
from policy_model.vocab import BACKGROUND_LABELS, REGISTRY_KIND_LABELS, REGISTRY_USE_LABELS, ROLE_SHORT_LABELS
from ui.citation import sourced_line
from ui.data import catalogue
from ui.export import download_table
from ui.filters import filtered_policies
from ui.glossary import glossary_help
from ui.layout import lazy_expander, page_header, provenance_footer
from ui.tables import show_sourced_table
from ui.text import md_escape

page_header(
    "Registers",
    "Welke kwaliteitsregisters en andere registers accepteert of eist elke verzekeraar, en voor wie "
    "(leefstijlcoach, fysiotherapeut, oefentherapeut, diëtist)?",
)
cat = catalogue()
policies, _ = filtered_policies(cat)

st.subheader("Naast elkaar")
matrix_rows = registry_matrix(cat, policies)
if matrix_rows:
    matrix = pd.DataFrame(matrix_rows).drop(columns="_id")
    st.dataframe(matrix, hide_index=True, key="registry_matrix")
    download_table(matrix, "gli-registers", key="registry_matrix")
else:
    st.info("De gekozen beleidsdocumenten noemen geen specifieke registers.")

st.subheader("Per register, met bron")
rows = []
for policy in policies:
    for entry in policy.registries:
        registry = cat.registry(entry.registry)
        rows.append({
            "Beleid": cat.policy_label(policy),
            "Register": registry.abbreviation or registry.name,
            "Gebruik": REGISTRY_USE_LABELS[entry.use],
            "Voor": ", ".join(ROLE_SHORT_LABELS[r] for r in entry.roles),
            "Achtergrond": ", ".join(BACKGROUND_LABELS[b] for b in entry.backgrounds) or "alle",
            "Toelichting": entry.note or "",
            "source": entry.source,
        })
show_sourced_table(rows, name="gli-registers-bronnen", key="registry_sources")

st.subheader("Over de registers")
for registry in cat.registries:
    backgrounds = ", ".join(BACKGROUND_LABELS[b] for b in registry.backgrounds) or "alle achtergronden"
    box = lazy_expander(f"{registry.abbreviation or registry.name} – {REGISTRY_KIND_LABELS[registry.kind]}",
                        key=f"register_{registry.id}")
    if box is None:
        continue
    with box:
        st.markdown(f"**{md_escape(registry.name)}** · betreft: {backgrounds}",
                    help=glossary_help(registry.name, registry.abbreviation or ""))
        for fact in registry.facts:
            sourced_line(md_escape(fact.text), fact.source)
provenance_footer(policies)
