"""Contractvoorwaarden: the chosen policies side by side as full text: requirements by topic
(minimum requirements first), routes, periods, tariffs, applying, contacts, provisions."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.comparison.matrix import requirement_rows
from policy_model.comparison.text_rows import (
    TextRow,
    application_text_rows,
    contact_text_rows,
    participant_text_rows,
    period_text_rows,
    provision_text_rows,
    requirement_and_participant_text_rows,
    requirement_text_rows,
    role_deferral_notes,
    route_text_rows,
    tariff_text_rows,
)
from policy_model.reports.comparison_export import Part
from policy_model.schema import Policy
from policy_model.vocab import CONTRACTING_ROLES, ROLE_SHORT_LABELS
from ui.citation import show_sourced_lines
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
from ui.text import html_escape
from ui.url_state import known, url_expander, url_select, url_tabs, url_toggle

TAB_KEY, ROLE_KEY, DIFF_KEY, WORDS_KEY, SOURCES_KEY = "tab", "rol", "alleen_verschillen", "woorden", "eisen_bronnen"
TABS = ["Eisen per onderwerp", "Contracteerroutes", "Looptijd en tarief", "Aanvragen en contact"]
ALL_ROLES = "alle"  # a value, not None: a selectbox shows None as "no choice"
#: The role box fits its longest choice, "Multidisciplinair / zorggroep" (at 18 px when presenting).
ROLE_WIDTH, ROLE_WIDTH_PRESENTING = 260, 340


def _role_label(role: str) -> str:
    return ROLE_SHORT_LABELS.get(role, "Alle rollen")


def parts(policies: list[Policy], role: str | None, only_diff: bool) -> list[Part]:
    """Every part of this page as shown (all tabs), for the Excel and CSV files."""
    def rows(make, *args) -> list[TextRow]:
        return filter_rows(make(policies, *args), only_diff)

    return [
        Part(TABS[0], "Onderwerp", rows(requirement_text_rows, role)),
        Part("Wie in aanmerking komt", "Onderwerp", rows(participant_text_rows)),
        Part(TABS[1], "Route", rows(route_text_rows)),
        Part("Looptijden", "Route", rows(period_text_rows)),
        Part("Tarieven", "Tarief", rows(tariff_text_rows)),
        Part("Aanvragen", "Route", rows(application_text_rows)),
        Part("Contact", "Contact", rows(contact_text_rows)),
        Part("Bepalingen", "Onderwerp", rows(provision_text_rows)),
    ]


def show_requirements(cat: Catalogue, policies: list[Policy], only_diff: bool, words: bool,
                      role: str | None = None) -> None:
    st.caption("Minimumeisen en uitsluitingsgronden eerst, dan verplichtingen, dan verwachtingen; daarna wie in "
               "aanmerking komt voor een GLI (geldt voor elke rol)."
               + (f" Een onderwerp dat een document alleen voor een andere rol dan {_role_label(role)} noemt, "
                  "staat er als ‘– Alleen voor …’: klik om de tekst te lezen." if role else ""))
    show_sourced_lines(cat, ("", [(f"<b>{html_escape(label)}</b> – {html_escape(text)}", source)
                                  for label, text, source in role_deferral_notes(cat, policies, role)]))
    side_by_side(cat, policies, only_diff, words, requirement_and_participant_text_rows, role, key="requirements",
                 name="gli-eisen-per-onderwerp", empty="Geen eisen vastgelegd voor deze selectie.")
    box = url_expander("Alle eisen met bron, als tabel om te sorteren", SOURCES_KEY)
    if box is not None:
        with box:
            show_sourced_table(requirement_rows(cat, policies, role), name="gli-eisen-bronnen", key="requirement_sources")


def side_by_side(cat: Catalogue, policies: list[Policy], only_diff: bool, words: bool,
                 make: Callable[..., list[TextRow]], *args: str | None, key: str, **options: str) -> None:
    """One part of the page: its rows made and drawn once per record set and choices (the
    downloads are in the bar at the top)."""
    show_side_by_side(cat, compared_rows(make, policies, *args, only_differences=only_diff), policies, key=key,
                      show_words=words, downloads=False, **options)


def show_routes(cat: Catalogue, policies: list[Policy], only_diff: bool, words: bool) -> None:
    side_by_side(cat, policies, only_diff, words, route_text_rows, key="routes", first="Route",
                 name="gli-contracteerroutes")


def show_terms(cat: Catalogue, policies: list[Policy], only_diff: bool, words: bool) -> None:
    st.markdown("**Looptijden**")
    side_by_side(cat, policies, only_diff, words, period_text_rows, key="periods", first="Route", name="gli-looptijden")
    st.markdown("**Tarieven**")
    side_by_side(cat, policies, only_diff, words, tariff_text_rows, key="tariffs", first="Tarief", name="gli-tarieven",
                 empty="De gekozen beleidsdocumenten zeggen niets over tarieven.")


def show_applying(cat: Catalogue, policies: list[Policy], only_diff: bool, words: bool) -> None:
    st.markdown("**Zo vraagt u een overeenkomst aan**")
    side_by_side(cat, policies, only_diff, words, application_text_rows, key="applications", first="Route",
                 name="gli-aanvragen")
    st.markdown("**Contact**")
    side_by_side(cat, policies, only_diff, words, contact_text_rows, key="contacts", first="Contact",
                 name="gli-contact")
    st.markdown("**Bepalingen van de verzekeraar**")
    side_by_side(cat, policies, only_diff, words, provision_text_rows, key="provisions", name="gli-bepalingen")


presenting = page_header(
    "Contractvoorwaarden",
    "Kies twee tot vier beleidsdocumenten: hun eisen per onderwerp staan naast elkaar, volledig leesbaar, "
    "met de contracteerroutes, looptijden, tarieven en hoe u een overeenkomst aanvraagt. Rijen met ✱ "
    "verschillen tussen de gekozen beleidsdocumenten.",
    share=True, missing_years=True,
)
cat = catalogue()
known(WORDS_KEY)  # its switch shows only for two years of one insurer
known(SOURCES_KEY)  # in the requirements tab, which runs only when open
policies = policy_picker(cat)
with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
    # The role is chosen here, above the tabs: it filters the requirements and the hand-out.
    chosen_role = url_select(
        "Rol", [ALL_ROLES, *CONTRACTING_ROLES], ROLE_KEY, format_func=_role_label,
        width=ROLE_WIDTH_PRESENTING if presenting else ROLE_WIDTH,
        label_visibility="collapsed" if presenting else "visible",
        help="Toon alleen eisen die gelden voor deze rol (op het tabblad Eisen per onderwerp en in de "
        "hand-out). Eisen aan de leefstijlcoach die de GLI uitvoert gelden voor elke rol.",
    )
    role = None if chosen_role == ALL_ROLES else chosen_role
    only_diff = url_toggle("Alleen onderwerpen die verschillen", DIFF_KEY,
                           help="Verbergt onderwerpen waarover alle gekozen documenten hetzelfde zeggen.")
    pairs, words = words_switch(
        policies, WORDS_KEY, help="Bij twee jaren van dezelfde verzekeraar: doorgestreept wat verviel, groen wat nieuw is.")
takeaway_bar(cat, policies, Takeaway(
    "Contractvoorwaarden", "gli-contractvoorwaarden", lambda: parts(policies, role, only_diff),
    lambda: requirement_text_rows(policies, role), role=role, by_role=True,
    filters=(("Alleen onderwerpen die verschillen", "ja" if only_diff else "nee"),
             *((("Tekstwijzigingen woord voor woord", "ja" if words else "nee"),) if pairs else ())),
    word_pairs=pairs if words else {},
))

# Only the open tab runs; the open tab is always in the link.
tabs = url_tabs(TABS, TAB_KEY)
for tab, show in zip(tabs, (partial(show_requirements, role=role), show_routes, show_terms, show_applying),
                     strict=True):
    if tab.open:
        with tab:
            show(cat, policies, only_diff, words)
provenance_footer(policies)
