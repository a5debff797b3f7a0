"""Filters shared by the comparison pages, kept in the URL so a link reopens the view.

Widgets are bound to query parameters (``bind="query-params"``). Before they are drawn,
the URL is checked: unknown parameters or values are named in a gentle notice and then
ignored (Streamlit drops invalid bound values itself), never an exception.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.vocab import CONTRACTING_ROLES, ROLE_SHORT_LABELS
from ui.layout import PRESENTATION_KEY, presenting
from ui.text import md_escape, shortened

INSURER_KEY = "verzekeraar"
YEAR_KEY = "jaar"
ROLE_KEY = "rol"
#: Unknown parameters or values a notice names; the rest are counted.
_MAX_NOTICES = 10
#: Parameters Streamlit itself uses; never reported as unknown.
_STREAMLIT_PARAMS = {"embed", "embed_options"}


def check_url(valid: dict[str, Iterable[str]], extra_known: Iterable[str] = ()) -> list[str]:
    """Report URL parameters that are unknown or hold invalid values; returns the notices."""
    known = set(valid) | set(extra_known) | {PRESENTATION_KEY} | _STREAMLIT_PARAMS
    notices: list[str] = []
    for key in st.query_params.keys():
        if key not in known:
            notices.append(f"onbekende parameter ‘{shortened(key)}’")
            continue
        allowed = valid.get(key)
        if allowed is None:
            continue
        allowed = set(allowed)
        for value in st.query_params.get_all(key):
            if value and value not in allowed:
                notices.append(f"‘{shortened(value)}’ bij ‘{shortened(key)}’")
    if notices:
        more = f" en {len(notices) - _MAX_NOTICES} meer" if len(notices) > _MAX_NOTICES else ""
        st.info(
            "De link bevatte onderdelen die niet (meer) bestaan en zijn genegeerd: "
            + md_escape("; ".join(notices[:_MAX_NOTICES]) + more),
            icon="ℹ️",
        )
    return notices


def insurer_labels(cat: Catalogue) -> dict[str, str]:
    return {i: cat.insurer(i).short_name for i in cat.insurer_ids}


def policy_filters(cat: Catalogue, *, role: bool = False, default_years: list[int] | None = None,
                   extra_params: dict[str, Iterable[str]] | None = None) -> tuple[list[str], list[int], str | None]:
    """Insurer and year multiselects (and optionally a role choice) in the sidebar.

    Returns the chosen insurer ids, years and role; empty selections mean "all".
    """
    labels = insurer_labels(cat)
    valid: dict[str, Iterable[str]] = {
        INSURER_KEY: labels.values(),
        YEAR_KEY: [str(y) for y in cat.years],
    }
    if role:
        valid[ROLE_KEY] = [ROLE_SHORT_LABELS[r] for r in CONTRACTING_ROLES]
    valid.update(extra_params or {})
    check_url(valid)

    if presenting():
        # The sidebar is hidden while presenting: the same widgets (same keys, same URL)
        # in a compact bar at the top of the page.
        bar = st.columns(3 if role else 2, gap="small")
        sidebar, year_box, role_box = bar[0], bar[1], bar[-1]
    else:
        sidebar = year_box = role_box = st.sidebar
        sidebar.header("Filters")
    insurers = sidebar.multiselect(
        "Zorgverzekeraar", list(labels), format_func=labels.get, key=INSURER_KEY,
        bind="query-params", placeholder="Alle verzekeraars",
        help="Laat leeg om alle verzekeraars te tonen.",
    )
    years = year_box.multiselect(
        "Beleidsjaar", cat.years, default=default_years, format_func=str, key=YEAR_KEY,
        bind="query-params", placeholder="Alle jaren",
        help="Jaren met ‘(afgeleid)’ zijn gereconstrueerd uit wat een later document over dat jaar zegt.",
    )
    chosen_role = None
    if role:
        chosen_role = role_box.selectbox(
            "Rol", list(CONTRACTING_ROLES), format_func=ROLE_SHORT_LABELS.get, key=ROLE_KEY,
            bind="query-params", index=None, placeholder="Alle rollen",
            help="Toon alleen eisen die gelden voor deze rol. Eisen aan de leefstijlcoach die de GLI "
            "uitvoert gelden voor elke rol.",
        )
    return insurers, years, chosen_role


def filtered_policies(cat: Catalogue, *, role: bool = False, extra_params: dict[str, Iterable[str]] | None = None):
    """The sidebar filters and the policies they select; stops the page when none match.

    ``extra_params`` names the page's own URL parameters and their valid values.
    """
    insurers, years, chosen_role = policy_filters(cat, role=role, extra_params=extra_params)
    policies = cat.policies_for(insurers, years)
    if not policies:
        st.warning("Geen beleid gevonden voor deze selectie. Kies een andere verzekeraar of een ander jaar.")
        st.stop()
    return policies, chosen_role
