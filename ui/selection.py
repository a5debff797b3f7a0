"""Choosing what to compare, and keeping the choice in the link.

The comparison pages show the policy records the user picked (two to four) as their
columns; the choice lives in the URL as repeated ``beleid`` parameters holding policy
keys, defaults included (see :mod:`ui.url_state`). The logic (default, checking a link's
keys) is :mod:`policy_model.comparison.selection`.
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAPIException

from policy_model.catalogue import Catalogue
from policy_model.comparison import selection
from policy_model.paths import data_dir
from policy_model.schema import Policy
from ui.data import catalogue
from ui.guard import guarded_callback
from ui.presentation import presenting
from ui.text import md_escape
from ui.url_state import check_url, flush_params, from_link, link_notice, read_flag, url_toggle, write_param

BELEID_KEY = "beleid"
DERIVED_KEY = "afgeleid"
SHORTCUT_KEY = "snelkeuze"
#: Old filter parameters: a link that has them (and no ``beleid``) chooses their records.
LEGACY_INSURER_KEY, LEGACY_YEAR_KEY = "verzekeraar", "jaar"
PARAMS = (BELEID_KEY, DERIVED_KEY, LEGACY_INSURER_KEY, LEGACY_YEAR_KEY)
#: The session's last choice: the next comparison page starts with the same records.
_REMEMBERED = "_gli_chosen_policies"
_TOO_MANY = "_gli_too_many_policies"


def _initial_choice(cat: Catalogue) -> selection.Selection:
    """A link's ``beleid`` keys, else its old insurer/year filters, else the session's last
    choice (from another comparison page), else the default."""
    raw = st.query_params.get_all(BELEID_KEY)
    if raw:
        return selection.parse_keys(cat, raw)
    insurers, years = st.query_params.get_all(LEGACY_INSURER_KEY), st.query_params.get_all(LEGACY_YEAR_KEY)
    if insurers or years:
        return selection.from_old_link(cat, insurers, years)
    remembered = [k for k in st.session_state.get(_REMEMBERED, ()) if cat.policy_by_key(k) is not None]
    if remembered:
        return selection.Selection(tuple(remembered))
    return selection.Selection(tuple(selection.default_keys(cat)))


@guarded_callback
def _apply_shortcut(cat: Catalogue, choices: dict[str, list[str]]) -> None:
    name = st.session_state.get(SHORTCUT_KEY)
    if name in choices:
        st.session_state[BELEID_KEY] = list(choices[name])
    st.session_state[SHORTCUT_KEY] = None


@guarded_callback
def _keep_at_most_the_maximum() -> None:
    """A fifth record is refused with a Dutch message (Streamlit's own limit says it in English)."""
    chosen = list(st.session_state.get(BELEID_KEY) or [])
    if len(chosen) > selection.MAX_CHOSEN:
        st.session_state[BELEID_KEY] = chosen[: selection.MAX_CHOSEN]
        st.session_state[_TOO_MANY] = True


def _start_choice(cat: Catalogue) -> None:
    initial = _initial_choice(cat)
    for notice in initial.notices:
        link_notice(md_escape(notice))
    st.session_state[BELEID_KEY] = list(initial.keys)
    if DERIVED_KEY not in st.session_state and read_flag(st.query_params.get(DERIVED_KEY)) is None:
        st.session_state[DERIVED_KEY] = False
    for legacy in (LEGACY_INSURER_KEY, LEGACY_YEAR_KEY):
        if legacy in st.query_params:
            try:
                del st.query_params[legacy]
            except StreamlitAPIException:
                pass


@st.cache_resource(max_entries=8, show_spinner=False)
def _labels_and_shortcuts(directory: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Every record's label and the quick choices, once per data folder (every comparison
    page asked for them on every run). Shared: read, never changed."""
    cat = catalogue()
    return {p.key: cat.policy_label(p) for p in cat.policies}, selection.shortcuts(cat)


def policy_picker(cat: Catalogue, *, minimum: int = selection.MIN_CHOSEN) -> list[Policy]:
    """The records to compare, on one line: a multiselect of up to four records (any
    insurer, any year) and, behind "Meer keuzes", the "ook afgeleide jaren" switch and
    the quick choices. Stops the page when nothing is chosen. Every choice is written to
    the URL, the default included, and remembered for the next comparison page."""
    check_url({}, extra_known=(*PARAMS, SHORTCUT_KEY))
    if from_link(BELEID_KEY):
        _start_choice(cat)
    labels, choices = _labels_and_shortcuts(directory=str(data_dir()))
    with st.container(key="gli-policy-picker", horizontal=True, vertical_alignment="bottom", gap="small"):
        picker = st.container()
        with st.popover("⚙️ Meer keuzes", help="Ook afgeleide jaren en samenvattingen tonen, of een hele "
                        "keuze in één keer klaarzetten."):
            derived = url_toggle(
                "Ook afgeleide jaren", DERIVED_KEY,
                help="Biedt ook jaren aan die alleen bekend zijn uit wat een later document erover zegt "
                "(‘afgeleid’), en korte samenvattingen (webpagina’s).",
            )
            st.selectbox(
                "Snelkeuze", list(choices), index=None, key=SHORTCUT_KEY, placeholder="Kies een snelkeuze…",
                on_change=_apply_shortcut, args=(cat, choices),
                help="Zet een hele keuze in één keer klaar; u kunt daarna kolommen weghalen of toevoegen.",
            )
        chosen_now = [k for k in st.session_state[BELEID_KEY] if k in labels]
        st.session_state[BELEID_KEY] = chosen_now
        offered = selection.options(cat, include_derived=derived, chosen=chosen_now)
        picker.multiselect(
            f"Naast elkaar: kies {minimum} tot {selection.MAX_CHOSEN} beleidsdocumenten",
            offered, format_func=labels.get, key=BELEID_KEY, select_all=False, on_change=_keep_at_most_the_maximum,
            placeholder="Kies beleidsdocumenten (verzekeraar en jaar)",
            label_visibility="collapsed" if presenting() else "visible",
            help="Elke keuze wordt een kolom. Kies elke verzekeraar en elk jaar; afgeleide jaren en "
            "samenvattingen staan erbij als ‘ook afgeleide jaren’ aan staat.",
        )
    if st.session_state.pop(_TOO_MANY, False):
        st.info(f"Er passen {selection.MAX_CHOSEN} beleidsdocumenten naast elkaar: haal er eerst een weg om een "
                "ander te kiezen.", icon="ℹ️")
    chosen = list(st.session_state[BELEID_KEY])
    st.session_state[_REMEMBERED] = chosen
    write_param(BELEID_KEY, chosen, widget_value=chosen)
    # In the address now, not only when the run ends: the page's hand-out and files print
    # the address of the view, and the choice may have come from another page's session.
    flush_params()
    policies = [cat.policy_by_key(k) for k in chosen]
    if not policies:
        st.warning("Kies hierboven minstens één beleidsdocument om te tonen.")
        st.stop()
    if len(policies) < minimum:
        st.caption(f"Kies nog een beleidsdocument om te vergelijken (u kunt er {selection.MAX_CHOSEN} naast elkaar zetten).")
    return policies
