"""Zoeken: full-text search over every fact, with a link to the page where it appears."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from policy_model.facts import KIND_PAGE, fact_kind_label
from policy_model.schema import Source
from policy_model.search import MAX_QUERY_CHARS, match_spans, search_facts
from ui.citation import show_sourced_lines, source_column_config
from ui.data import catalogue, facts
from ui.export import download_table
from ui.filters import check_url
from ui.layout import page_header, presentation_query, provenance_footer
from ui.tables import show_table
from ui.text import html_escape, marked_html
from ui.url_state import stop_page

page_header("Zoeken", "Zoek in alle eisen, wijzigingen, programma's, registers, begrippen en de handreiking.")
cat = catalogue()
check_url({}, extra_known=["q"])
query = st.text_input("Zoekterm(en)", key="q", bind="query-params",
                      placeholder="bijvoorbeeld sociaal domein, AGB, 2 keer per jaar")
if not query.strip():
    st.caption(f"Doorzoekt {len(facts())} vastgelegde feiten, elk met bron.")
    stop_page()

if len(query) > MAX_QUERY_CHARS:
    st.warning(f"De zoekterm is {len(query)} tekens lang; zoek met hoogstens {MAX_QUERY_CHARS} tekens "
               "(een paar woorden).", icon="⚠️")
    stop_page()
results = search_facts(facts(), query)
st.caption(f"{len(results)} resultaten" + (" (eerste 200)" if len(results) == 200 else ""))
if not results:
    st.info("Niets gevonden. Probeer minder of andere woorden.")
    stop_page()

rows, lines = [], []
for hit in results:
    fact = hit.fact
    page = KIND_PAGE.get(fact.kind, "home")
    params = {}
    if fact.insurer:
        params = {"verzekeraar": cat.insurer(fact.insurer).short_name, "jaar": str(fact.year)}
    params.update(presentation_query())  # an HTML link opens a new session: carry the mode
    link = f"/{page}" + (f"?{urlencode(params)}" if params else "")
    policy = cat.policy(fact.insurer, fact.year) if fact.insurer else None
    where = cat.policy_label(policy) if policy else "Algemeen"
    rows.append({
        "Waar": where,
        "Soort": fact_kind_label(fact),
        "Tekst": fact.text,
        "Bekijk": link,
        "Bron": f"{cat.source(fact.document).publisher} – § {fact.section}",
        "Citaat": fact.quote,
        "Document": cat.source(fact.document).url or "",
    })
    # Read as text at every width (a grid cut "Tekst" on a phone); the search words marked.
    found_where = "" if hit.in_own_text else " <i>(gevonden in het citaat, de paragraaf of het onderwerp)</i>"
    lines.append((f"<b>{html_escape(where)} · {html_escape(fact_kind_label(fact))}</b>: "
                  f"{marked_html(fact.text, match_spans(fact.text, query))}{found_where} "
                  f"<a href='{escape(link, quote=True)}' target='_blank' rel='noopener noreferrer'>open pagina</a>",
                  Source(document=fact.document, section=fact.section, quote=fact.quote)))
show_sourced_lines(cat, ("", lines))
frame = pd.DataFrame(rows)
with st.expander("Als tabel: sorteren op plaats, soort of bron"):
    show_table(frame, key="search_results", column_config={
        **source_column_config(),
        "Tekst": st.column_config.TextColumn(width="large"),
        "Bekijk": st.column_config.LinkColumn("Bekijk", display_text="open pagina",
                                              help="De pagina waar dit gegeven staat"),
    })
download_table(frame, "gli-zoekresultaten", key="search")
provenance_footer()
