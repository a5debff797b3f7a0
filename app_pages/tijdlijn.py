"""Tijdlijn: the contracting process of each insurer-year, contract periods, upcoming deadlines."""

from __future__ import annotations

import datetime as dt
from functools import partial

import streamlit as st

from policy_model.reports.timeline_handout import timeline_handout_html
from policy_model.timeline import to_ics
from policy_model.vocab import ROUTE_LABELS, TIMELINE_KIND_LABELS
from ui.data import catalogue
from ui.guard import download_button
from ui.layout import page_header, provenance_footer
from ui.missing_years import show_missing_years
from ui.selection import policy_picker
from ui.tables import show_sourced_table
from ui.text import nl_date, today
from ui.timeline_chart import (
    CHART_CONTAINER_KEY,
    CHART_NOTE_KEY,
    NARROW_CSS,
    PHONE_NOTE_KEY,
    TimelineChart,
    show_timeline_chart,
    timeline_chart,
)
from ui.timeline_view import timeline_view
from ui.url_state import known, url_expander, url_segments

CHART_KEY, TABLE_KEY = "grafiek", "alle_activiteiten"
ALL_TOGETHER = "alle"
#: The most chart rows (each about two lines of label text) that fit one screen with the
#: year axis and the legend: 1024×768 while presenting, 1400×900 otherwise.
CHART_ROWS_ON_A_SCREEN = {True: 9.0, False: 12.0}

presenting = page_header(
    "Tijdlijn",
    "Het contracteerproces van elke verzekeraar per jaar (publicatie, aanbod, vragen, tekenen, "
    "publicatie van het gecontracteerde aanbod) en de looptijden van de overeenkomsten.",
    share=True, missing_years=True,
)
cat = catalogue()
policies = policy_picker(cat, minimum=1)
now = today()
labels = {p.key: cat.policy_label(p) for p in policies}
view = timeline_view(policies, now)


def chart_choice() -> TimelineChart | None:
    """The chart: of all chosen records when they fit one screen with the axis and the
    legend, else of one at a time (a choice kept in the link), or all together on request."""
    everything = tuple(labels)
    chart = timeline_chart(everything, now, presenting)
    if len(everything) == 1 or chart is None or chart.height <= CHART_ROWS_ON_A_SCREEN[presenting]:
        known(CHART_KEY)
        return chart
    shown = url_segments("Grafiek van", [*everything, ALL_TOGETHER], CHART_KEY,
                         format_func=lambda k: "alle samen" if k == ALL_TOGETHER else labels[k],
                         label_visibility="collapsed" if presenting else "visible",
                         help="Eén beleidsdocument per keer past met zijn legenda op één scherm; "
                         "‘alle samen’ zet ze onder elkaar.")
    return chart if shown == ALL_TOGETHER else timeline_chart((shown,), now, presenting)


with st.container(key=CHART_CONTAINER_KEY):
    if not presenting:
        st.subheader("Proces en looptijden")
    # The chart first: its bars, axis and legend on the first screen, also on a projector.
    chart = chart_choice()
    if chart is not None:
        show_timeline_chart(chart)  # with the style sheet that leaves it out on a phone
        bars = ("Balken: looptijden van overeenkomsten, een kleur en arcering per route. " if chart.has_bars else
                "Geen balken: de gekozen documenten geven geen looptijd met een begin- en einddatum. ")
        point = "Wijs een balk of symbool aan" if chart.has_bars else "Wijs een symbool aan"
        st.caption(bars + "Symbolen: activiteiten met een datum, een vast symbool per soort. Stippellijn: vandaag. "
                   f"{point} voor de datum en de tekst.")
    else:
        st.html(NARROW_CSS)
        st.info("De gekozen beleidsdocumenten noemen geen looptijden of activiteiten met een precieze datum; "
                "zie de tabel hieronder.")
st.subheader("Activiteiten en looptijden")
with st.container(key=f"{PHONE_NOTE_KEY}_timeline"):
    st.caption("Op een smal scherm staat hier geen grafiek: de lijst hieronder geeft dezelfde looptijden en "
               "activiteiten, elk met zijn tekst.")
with st.container(key="gli_timeline_list"):
    # Every text in full, also on a phone (where the chart gives way to it).
    for listing in view.listing:
        st.markdown(listing)

st.subheader("Komende deadlines")
if view.ahead:
    st.html(view.ahead)
else:
    later = "; zie de algemene inkoopkalender hieronder voor de jaren die hier ontbreken" if view.general else ""
    st.info(f"Geen deadlines na vandaag ({nl_date(now)}) in de gekozen beleidsdocumenten{later}.")
downloads = st.container(horizontal=True)
if view.events:
    download_button(
        downloads, "📅 Deadlines als agenda (.ics)", partial(to_ics, view.events, cat), file_name="gli-deadlines.ics",
        mime="text/calendar", on_click="ignore", key="ics",
        help="Alle gedateerde activiteiten van de gekozen beleidsdocumenten, voor Outlook of Google Agenda.",
    )
download_button(
    downloads, "🖨️ Tijdlijn als hand-out (HTML, 1–2 A4)", partial(timeline_handout_html, cat, policies, now),
    file_name="gli-tijdlijn-handout.html", mime="text/html", on_click="ignore", key="timeline_handout",
    help="De looptijden en activiteiten van de gekozen beleidsdocumenten met hun bronnen, om af te drukken "
    "of als PDF te bewaren.",
)

if view.general:
    st.subheader("Algemene inkoopkalender voor jaren die hier ontbreken")
    st.caption("Voor deze jaren is beleid gepubliceerd dat niet in deze wijzer staat. De data hieronder komen uit "
               "de algemene jaarkalender van de zorginkoop (dezelfde dagen in elk document), niet uit het beleid "
               "van de verzekeraar zelf: controleer ze in het actuele document.")
    with st.container(key=f"{CHART_NOTE_KEY}_general"):
        st.caption("In de grafiek: open grijze rondjes.")
    show_missing_years(cat, list(dict.fromkeys(p.insurer for p in policies)))
    if view.general_lines:
        st.html(view.general_lines)

# The sortable table with the sources, folded away (the list above says the same): its grid
# would cost a fresh visitor a second to load.
box = url_expander("Alle activiteiten met bron, als tabel om te sorteren", TABLE_KEY)
rows = []
for policy in policies if box is not None else ():
    for item in policy.timeline:
        rows.append({
            "Beleid": labels[policy.key],
            "Datum": item.date_text,
            "Sorteerdatum": item.date or dt.date(policy.year, 1, 1),
            "Soort": TIMELINE_KIND_LABELS[item.kind],
            "Activiteit": item.activity,
            "Voor": ", ".join(ROUTE_LABELS[r] for r in item.routes),
            "source": item.source,
        })
rows.sort(key=lambda r: (r["Beleid"], r["Sorteerdatum"]))
for row in rows:
    row.pop("Sorteerdatum")
if box is not None:
    with box:
        show_sourced_table(rows, name="gli-tijdlijn", key="timeline_rows")
if view.undated_periods:
    st.caption(f"{view.undated_periods} looptijd(en) hebben in het document geen begin- of einddatum (bijvoorbeeld "
               "een overeenkomst voor een nieuwe zorgaanbieder die ingaat na het accorderen); ze staan in de lijst "
               "maar niet in de grafiek.")
if view.undated:
    st.caption(f"{view.undated} activiteit(en) hebben in het document geen precieze dag (bijvoorbeeld ‘September 2023’); "
               "ze staan in de lijst maar niet in de grafiek of de agenda.")
provenance_footer(policies)
