"""Begrippen: the glossary of GLI purchasing terms, searchable."""

from __future__ import annotations

import streamlit as st

from policy_model.glossary import search_glossary
from ui.citation import source_columns
from ui.data import catalogue
from ui.export import download_table
from ui.filters import check_url
from ui.glossary import glossary_block
from ui.layout import page_header, provenance_footer

page_header("Begrippen", "Afkortingen en termen uit het GLI-inkoopbeleid, kort uitgelegd.")
cat = catalogue()
check_url({}, extra_known=["q"])
query = st.text_input("Zoek een begrip", key="q", bind="query-params", placeholder="bijvoorbeeld RHO of volgbeleid")
terms = search_glossary(query, cat.glossary)
st.caption(f"{len(terms)} van {len(cat.glossary)} begrippen")
if not terms:
    st.info("Geen begrip gevonden. Probeer een ander woord of zoek in alle gegevens via ‘Zoeken’.")
else:
    # Text at every width, each term's source one click away (a grid cut the explanation on a
    # phone and at 1024 px); the downloads are the sortable table.
    st.html(glossary_block(query))
    download_table(lambda: [{"Begrip": term.term, "Voluit": term.expansion or "", "Uitleg": term.explanation,
                             **source_columns(term.source, cat)} for term in terms], "gli-begrippen", key="glossary")
provenance_footer()
