"""Home: what this dashboard is, the sources it covers, headline figures, what is coming."""

from __future__ import annotations

import streamlit as st

from policy_model.timeline import all_events, upcoming
from policy_model.vocab import SOURCE_KIND_LABELS
from ui.citation import show_sourced_lines
from ui.data import catalogue
from ui.layout import page_header, presentation_query, provenance_footer
from ui.missing_years import show_missing_years
from ui.navigation import PAGES
from ui.tables import show_table, table_data
from ui.text import md_escape, nl_date, today
from ui.timeline_chart import event_line

presenting = page_header(
    "GLI-inkoopwijzer",
    "Het zorginkoopbeleid van zorgverzekeraars voor de gecombineerde leefstijlinterventie (GLI), "
    "naast elkaar gezet: per verzekeraar en per jaar, met bij elk feit de bron.",
)
cat = catalogue()
# While presenting, one line that opens on demand: the tiles stay on the first screen.
show_missing_years(cat, compact=presenting)

st.markdown(
    "Zorgverzekeraars publiceren elk jaar hun inkoopbeleid voor de GLI: welke programma's ze inkopen, "
    "welke kwaliteitsregisters ze accepteren, wie ze contracteren en wanneer. Deze wijzer zet die "
    "documenten gestructureerd naast elkaar. Alles komt uit de brondocumenten hieronder; bij elk "
    "gegeven staat waar het in het document staat, met een letterlijk citaat."
)

st.subheader("Waar wilt u naartoe?")
link_columns = st.columns(3)
for n, info in enumerate(PAGES[1:]):
    with link_columns[n % 3]:
        st.page_link(info.path, label=info.title, icon=info.icon, query_params=presentation_query())
        st.caption(info.about)

figures = cat.headline()
cols = st.columns(5)
cols[0].metric("Verzekeraars", figures["insurers"])
cols[1].metric("Beleidsjaren", figures["policy_years"], help=", ".join(str(y) for y in cat.years))
cols[2].metric("GLI-programma's", figures["programmes"])
cols[3].metric("Registers", figures["registries"])
cols[4].metric("Eisen vastgelegd", figures["requirements"])

st.subheader("Wat komt eraan")
events = all_events(cat)
ahead = upcoming(events, today(), limit=6)
if ahead:
    show_sourced_lines(cat, ("", [event_line(cat, event) for event in ahead]))
else:
    st.info(f"Geen deadlines meer na vandaag ({nl_date(today())}) in de beschikbare documenten.")
    recent = [e for e in events if e.date < today()][-3:]
    if recent:
        st.caption("Meest recente data in het beleid:")
        for event in reversed(recent):
            insurer = cat.insurer(event.insurer).short_name
            st.markdown(f"- {nl_date(event.date)} – {md_escape(insurer)} {event.year}: {md_escape(event.activity)}")

st.subheader("Beleid per verzekeraar en jaar")
rows = []
for policy in cat.policies_for():
    rows.append({
        "Verzekeraar": cat.insurer(policy.insurer).short_name,
        "Jaar": policy.year,
        "Soort": cat.document_kind_label(policy),
        "Programma's": len(policy.programmes),
        "Eisen": len(policy.requirements),
        "Wijzigingen": len(policy.changes),
        "Samenvatting": policy.summary,
    })
show_table(
    table_data(rows), key="policy_overview",
    column_config={"Jaar": st.column_config.NumberColumn(format="%d"),
                   "Samenvatting": st.column_config.TextColumn(width="large")},
)

st.subheader("Brondocumenten")
source_rows = [
    {
        "Document": doc.title,
        "Uitgever": doc.publisher,
        "Soort": SOURCE_KIND_LABELS[doc.kind],
        "Beleidsjaar": doc.policy_year,
        "Gepubliceerd": nl_date(doc.published) if doc.published else "niet vermeld",
        "Inhoud": doc.covers,
        "Adres": doc.url or "",
    }
    for doc in cat.sources
]
show_table(
    table_data(source_rows), key="source_documents",
    column_config={
        "Beleidsjaar": st.column_config.NumberColumn(format="%d"),
        "Adres": st.column_config.LinkColumn("Origineel", display_text="openen"),
        "Inhoud": st.column_config.TextColumn(width="large"),
    },
)
provenance_footer()
