"""Home: what this dashboard is, the sources it covers, headline figures, what is coming."""

from __future__ import annotations

import streamlit as st

from ui.data import catalogue
from ui.home_view import coming, home_blocks
from ui.layout import HOME_LINKS_KEY, page_header, presentation_query, provenance_footer
from ui.missing_years import show_missing_years
from ui.navigation import page_links
from ui.text import md_escape, nl_date, today

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
# Each description takes at least two lines (ui.layout's style sheet), so the tiles of a row line
# up beside a description that wraps (LOOK O #9); columns keep it to four blocks.
with st.container(key=HOME_LINKS_KEY):
    link_columns = st.columns(3)
query = presentation_query()
for n, (info, page) in enumerate(page_links()[1:]):
    with link_columns[n % 3]:
        st.page_link(page, label=info.title, icon=info.icon, query_params=query)
        st.caption(info.about)

figures = cat.headline()
cols = st.columns(5)
cols[0].metric("Verzekeraars", figures["insurers"])
cols[1].metric("Beleidsjaren", figures["policy_years"], help=", ".join(str(y) for y in cat.years))
cols[2].metric("GLI-programma's", figures["programmes"])
cols[3].metric("Registers", figures["registries"])
cols[4].metric("Eisen vastgelegd", figures["requirements"])

st.subheader("Wat komt eraan")
now = today()
dates = coming(now)
if dates.lines:
    st.html(dates.lines)
else:
    st.info(f"Geen deadlines meer na vandaag ({nl_date(now)}) in de beschikbare documenten.")
    if dates.recent:
        st.caption("Meest recente data in het beleid:")
        for event in dates.recent:
            insurer = cat.insurer(event.insurer).short_name
            st.markdown(f"- {nl_date(event.date)} – {md_escape(insurer)} {event.year}: {md_escape(event.activity)}")

blocks = home_blocks()
st.subheader("Beleid per verzekeraar en jaar")
st.html(blocks.policies)
st.subheader("Brondocumenten")
st.html(blocks.sources)
provenance_footer()
