"""Begrippen: the glossary of GLI purchasing terms, searchable."""

from __future__ import annotations

import streamlit as st

from policy_model.glossary import search_glossary
from ui.citation import source_column_config, source_columns
from ui.data import catalogue
from ui.export import download_table
from ui.filters import check_url
from ui.layout import page_header, provenance_footer
from ui.tables import show_table, table_data

page_header("Begrippen", "Afkortingen en termen uit het GLI-inkoopbeleid, kort uitgelegd.")
cat = catalogue()
check_url({}, extra_known=["q"])
query = st.text_input("Zoek een begrip", key="q", bind="query-params", placeholder="bijvoorbeeld RHO of volgbeleid")
terms = search_glossary(query, cat.glossary)
st.caption(f"{len(terms)} van {len(cat.glossary)} begrippen")
if not terms:
    st.info("Geen begrip gevonden. Probeer een ander woord of zoek in alle gegevens via ‘Zoeken’.")
else:
    rows = []
    for term in terms:
        row = {"Begrip": term.term, "Voluit": term.expansion or "", "Uitleg": term.explanation}
        row.update(source_columns(term.source, cat) if term.source else {"Bron": "eigen uitleg", "Citaat": "",
                                                                            "Document": ""})
        rows.append(row)
    show_table(table_data(rows), key="glossary_table",
               column_config={**source_column_config(), "Uitleg": st.column_config.TextColumn(width="large")})
    download_table(rows, "gli-begrippen", key="glossary")
provenance_footer()
