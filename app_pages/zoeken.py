"""Zoeken: full-text search over every fact, with a link to the page where it appears."""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from policy_model.facts import KIND_PAGE, fact_kind_label
from policy_model.search import search_facts
from ui.citation import source_column_config
from ui.data import catalogue, facts
from ui.export import download_table
from ui.filters import check_url
from ui.layout import page_header, presentation_query, provenance_footer
from ui.tables import show_table
from ui.url_state import stop_page

page_header("Zoeken", "Zoek in alle eisen, wijzigingen, programma's, registers, begrippen en de handreiking.")
cat = catalogue()
check_url({}, extra_known=["q"])
query = st.text_input("Zoekterm(en)", key="q", bind="query-params",
                      placeholder="bijvoorbeeld sociaal domein, AGB, 2 keer per jaar")
if not query.strip():
    st.caption(f"Doorzoekt {len(facts())} vastgelegde feiten, elk met bron.")
    stop_page()

results = search_facts(facts(), query)
st.caption(f"{len(results)} resultaten" + (" (eerste 200)" if len(results) == 200 else ""))
if not results:
    st.info("Niets gevonden. Probeer minder of andere woorden.")
    stop_page()

rows = []
for fact in results:
    page = KIND_PAGE.get(fact.kind, "home")
    params = {}
    if fact.insurer:
        params = {"verzekeraar": cat.insurer(fact.insurer).short_name, "jaar": str(fact.year)}
    params.update(presentation_query())  # an HTML link opens a new session: carry the mode
    link = f"/{page}" + (f"?{urlencode(params)}" if params else "")
    policy = cat.policy(fact.insurer, fact.year) if fact.insurer else None
    rows.append({
        "Waar": cat.policy_label(policy) if policy else "Algemeen",
        "Soort": fact_kind_label(fact),
        "Tekst": fact.text,
        "Bekijk": link,
        "Bron": f"{cat.source(fact.document).publisher} – § {fact.section}",
        "Citaat": fact.quote,
        "Document": cat.source(fact.document).url or "",
    })
frame = pd.DataFrame(rows)
show_table(frame, key="search_results", column_config={
    **source_column_config(),
    "Tekst": st.column_config.TextColumn(width="large"),
    "Bekijk": st.column_config.LinkColumn("Bekijk", display_text="open pagina", help="De pagina waar dit gegeven staat"),
})
download_table(frame, "gli-zoekresultaten", key="search")
provenance_footer()
