"""Contractvoorwaarden: requirements by topic and insurer-year, routes, periods, tariffs, applying."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.comparison.matrix import duration_label, requirement_matrix, requirement_rows
from policy_model.schema import Policy
from policy_model.vocab import (
    APPLICATION_WINDOW_LABELS,
    AVAILABILITY_LABELS,
    CHANNEL_LABELS,
    ROUTE_LABELS,
    TARIFF_KIND_LABELS,
    TOPIC_LABELS,
)
from ui.data import catalogue
from ui.export import download_table
from ui.filters import filtered_policies
from ui.layout import lazy_expander, page_header, provenance_footer
from ui.tables import show_sourced_table
from ui.text import nl_date

TAB_KEY = "tab"
TABS = ["Eisen per onderwerp", "Contracteerroutes", "Looptijd en tarief", "Aanvragen en contact"]


def show_requirements(cat: Catalogue, policies: list[Policy], role: str | None) -> None:
    matrix = requirement_matrix(policies, role)
    if not matrix:
        st.info("Geen eisen vastgelegd voor deze selectie.")
    else:
        labels = {p.key: cat.policy_label(p) for p in policies}
        frame = pd.DataFrame([
            {"✱": "✱" if row.differs else "", "Onderwerp": row.label,
             **{labels[key]: cell.display() for key, cell in row.cells.items()}}
            for row in matrix
        ])
        only_diff = st.toggle("Alleen onderwerpen die verschillen", key="alleen_verschillen")
        shown = frame[frame["✱"] == "✱"] if only_diff else frame
        # Differing rows are marked by the ✱ column (and can be filtered), not by row colour:
        # a pandas Styler made this table about twenty times slower to send.
        st.dataframe(
            shown, hide_index=True, key="requirement_matrix", row_height=90,
            column_config={"✱": st.column_config.TextColumn("✱", help="Verschilt tussen de gekozen beleidsdocumenten", width="small")},
        )
        st.caption("‘– Niet vermeld in het beleid’ betekent dat het document er niets over zegt; dat is geen ‘nee’.")
        download_table(shown, "gli-eisen-per-onderwerp", key="requirement_matrix")
        box = lazy_expander("Alle eisen met bron", key="eisen_bronnen")
        if box is not None:
            with box:
                show_sourced_table(requirement_rows(cat, policies, role), name="gli-eisen-bronnen", key="requirement_sources")


def show_routes(cat: Catalogue, policies: list[Policy], role: str | None) -> None:
    rows = [
        {
            "Beleid": cat.policy_label(p),
            "Route": ROUTE_LABELS[r.route],
            "Voorkeur": str(r.preference) if r.preference else "niet vermeld",
            "Mogelijk": AVAILABILITY_LABELS[r.available],
            "Omschrijving": r.description,
            "Voorwaarden": r.conditions or "",
            "source": r.source,
        }
        for p in policies for r in p.contract_routes
    ]
    show_sourced_table(rows, name="gli-contracteerroutes", key="routes",
                       column_config={"Voorkeur": st.column_config.TextColumn(help="1 = eerste keus van de verzekeraar")})


def show_terms(cat: Catalogue, policies: list[Policy], role: str | None) -> None:
    st.markdown("**Looptijden**")
    rows = [
        {
            "Beleid": cat.policy_label(p),
            "Voor": period.label,
            "Start": nl_date(period.start) or "niet vermeld",
            "Einde": nl_date(period.end) or "niet vermeld",
            "Looptijd": duration_label(period),
            "source": period.source,
        }
        for p in policies for period in p.contract_periods
    ]
    show_sourced_table(rows, name="gli-looptijden", key="periods")
    st.markdown("**Tarieven**")
    rows = [
        {
            "Beleid": cat.policy_label(p),
            "Soort": TARIFF_KIND_LABELS[t.kind],
            "Mogelijk": AVAILABILITY_LABELS[t.available],
            "Toelichting": t.text,
            "source": t.source,
        }
        for p in policies for t in p.tariffs
    ]
    show_sourced_table(rows, name="gli-tarieven", key="tariffs",
                       empty="De gekozen beleidsdocumenten zeggen niets over tarieven.")


def show_applying(cat: Catalogue, policies: list[Policy], role: str | None) -> None:
    st.markdown("**Zo vraagt u een overeenkomst aan**")
    rows = [
        {
            "Beleid": cat.policy_label(p),
            "Voor": ", ".join(ROUTE_LABELS[r] for r in a.routes),
            "Via": CHANNEL_LABELS[a.channel],
            "Adres": a.address or "",
            "Wanneer": APPLICATION_WINDOW_LABELS[a.window],
            "Toelichting": a.text,
            "source": a.source,
        }
        for p in policies for a in p.applications
    ]
    show_sourced_table(rows, name="gli-aanvragen", key="applications")
    st.markdown("**Contact**")
    rows = [
        {
            "Beleid": cat.policy_label(p),
            "Waarvoor": c.purpose,
            "Via": CHANNEL_LABELS[c.channel],
            "Adres": c.address,
            "Antwoordtermijn": c.answer_time_text or "niet vermeld",
            "Bereikbaar": c.hours or "",
            "source": c.source,
        }
        for p in policies for c in p.contacts
    ]
    show_sourced_table(rows, name="gli-contact", key="contacts")
    st.markdown("**Bepalingen van de verzekeraar**")
    rows = [
        {"Beleid": cat.policy_label(p), "Onderwerp": TOPIC_LABELS[x.topic], "Bepaling": x.text, "source": x.source}
        for p in policies for x in p.provisions
    ]
    show_sourced_table(rows, name="gli-bepalingen", key="provisions")


page_header(
    "Contractvoorwaarden",
    "Eisen per onderwerp naast elkaar, met de contracteerroutes, looptijden, tarieven en hoe u een "
    "overeenkomst aanvraagt. Rijen met ✱ verschillen tussen de gekozen beleidsdocumenten.",
)
cat = catalogue()
policies, role = filtered_policies(cat, role=True, extra_params={TAB_KEY: TABS})

# Bound to the URL: only the open tab runs, and a link reopens the same tab.
tabs = st.tabs(TABS, key=TAB_KEY, bind="query-params")
for tab, show in zip(tabs, (show_requirements, show_routes, show_terms, show_applying), strict=True):
    if tab.open:
        with tab:
            show(cat, policies, role)
provenance_footer(policies)
