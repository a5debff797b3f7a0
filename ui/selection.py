"""Choosing what to compare, and keeping every choice in the link.

The comparison pages show the policy records the user picked (two to four) as their
columns; the choice lives in the URL as repeated ``beleid`` parameters holding policy
keys. The logic (default, checking a link's keys) is :mod:`policy_model.comparison.selection`.

Streamlit's own ``bind="query-params"`` drops a value from the URL when it equals the
widget's default, so a shared link would depend on today's defaults. The widgets here
keep their state in the URL themselves: read from the link on a page's first run, written
back on every run, defaults included.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.errors import StreamlitAPIException

from policy_model.catalogue import Catalogue
from policy_model.comparison import selection
from policy_model.schema import Policy
from ui.text import md_escape

BELEID_KEY = "beleid"
DERIVED_KEY = "afgeleid"
SHORTCUT_KEY = "snelkeuze"
#: Old filter parameters: a link that has them (and no ``beleid``) chooses their records.
LEGACY_INSURER_KEY, LEGACY_YEAR_KEY = "verzekeraar", "jaar"
PARAMS = (BELEID_KEY, DERIVED_KEY, LEGACY_INSURER_KEY, LEGACY_YEAR_KEY)

_TRUE, _FALSE = {"true", "ja", "1", "aan"}, {"false", "nee", "0", "uit"}


def _flag(raw: str | None) -> bool | None:
    if raw is None:
        return None
    value = raw.strip().lower()
    return True if value in _TRUE else False if value in _FALSE else None


def _write(key: str, value: str | list[str]) -> None:
    """Put a value in the URL (skipped for a parameter a widget elsewhere is bound to)."""
    try:
        if value != st.query_params.get_all(key) and value != st.query_params.get(key):
            st.query_params[key] = value
    except StreamlitAPIException:
        pass


def _notice(text: str) -> None:
    st.info(text, icon="ℹ️")


def url_toggle(label: str, key: str, *, default: bool = False, help: str | None = None) -> bool:
    """A toggle whose value is always in the URL as ``key=true``/``key=false``."""
    if key not in st.session_state:
        raw = st.query_params.get(key)
        parsed = _flag(raw)
        if raw is not None and parsed is None:
            _notice(f"De link bevatte ‘{md_escape(raw)}’ bij ‘{md_escape(key)}’; dat is genegeerd (gebruik true of false).")
        st.session_state[key] = default if parsed is None else parsed
    value = st.toggle(label, key=key, help=help)
    _write(key, "true" if value else "false")
    return bool(value)


def url_tabs(labels: Sequence[str], key: str):
    """Tabs whose open tab is always in the URL (``tab=...``); only the open tab should run."""
    labels = list(labels)
    if key not in st.session_state or st.session_state[key] not in labels:
        raw = st.query_params.get(key)
        st.session_state[key] = raw if raw in labels else labels[0]
    tabs = st.tabs(labels, key=key, on_change="rerun")
    _write(key, st.session_state[key])
    return tabs


def url_expander(label: str, key: str, *, default: bool = False):
    """An expander whose open state is always in the URL; returns it when open, else ``None``
    (its content then does not run)."""
    if key not in st.session_state:
        parsed = _flag(st.query_params.get(key))
        st.session_state[key] = default if parsed is None else parsed
    box = st.expander(label, key=key, on_change="rerun")
    _write(key, "true" if box.open else "false")
    return box if box.open else None


def _initial_choice(cat: Catalogue) -> selection.Selection:
    raw = st.query_params.get_all(BELEID_KEY)
    if raw:
        return selection.parse_keys(cat, raw)
    insurers_raw = st.query_params.get_all(LEGACY_INSURER_KEY)
    years_raw = st.query_params.get_all(LEGACY_YEAR_KEY)
    if insurers_raw or years_raw:
        by_name = {cat.insurer(i).short_name.lower(): i for i in cat.insurer_ids}
        insurers = [by_name[v.lower()] for v in insurers_raw if v.lower() in by_name]
        years = [int(v) for v in years_raw if v.isdigit() and int(v) in cat.years]
        ignored = [v for v in insurers_raw if v.lower() not in by_name] + [v for v in years_raw if not (
            v.isdigit() and int(v) in cat.years)]
        notices = (f"De link bevatte onderdelen die niet (meer) bestaan en zijn genegeerd: "
                   f"{', '.join(f'‘{v}’' for v in ignored)}",) if ignored else ()
        if insurers or years:
            return selection.Selection(tuple(selection.from_filters(cat, insurers, years)), notices, True)
        return selection.Selection(tuple(selection.default_keys(cat)), notices)
    return selection.Selection(tuple(selection.default_keys(cat)))


def _apply_shortcut(cat: Catalogue, choices: dict[str, list[str]]) -> None:
    name = st.session_state.get(SHORTCUT_KEY)
    if name in choices:
        st.session_state[BELEID_KEY] = list(choices[name])
    st.session_state[SHORTCUT_KEY] = None


def policy_picker(cat: Catalogue, *, minimum: int = selection.MIN_CHOSEN) -> list[Policy]:
    """The records to compare: a multiselect of 2–4 records (any insurer, any year), a
    visible "ook afgeleide jaren" switch and a quick choice. Stops the page when nothing
    is chosen. Every choice is written to the URL, the default included."""
    if BELEID_KEY not in st.session_state:
        initial = _initial_choice(cat)
        for notice in initial.notices:
            _notice(md_escape(notice))
        st.session_state[BELEID_KEY] = list(initial.keys)
        if DERIVED_KEY not in st.session_state and _flag(st.query_params.get(DERIVED_KEY)) is None:
            st.session_state[DERIVED_KEY] = False
        for legacy in (LEGACY_INSURER_KEY, LEGACY_YEAR_KEY):
            if legacy in st.query_params:
                try:
                    del st.query_params[legacy]
                except StreamlitAPIException:
                    pass
    labels = {p.key: cat.policy_label(p) for p in cat.policies}
    choices = selection.shortcuts(cat)
    with st.container(key="gli-policy-picker"):
        # One full-width row for the choice, then the switch and the quick choice: in
        # narrow columns their labels were cut off at 1024 px.
        picker = st.container()
        with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
            derived = url_toggle(
                "Ook afgeleide jaren", DERIVED_KEY,
                help="Biedt ook jaren aan die alleen bekend zijn uit wat een later document erover zegt "
                "(‘afgeleid’), en korte samenvattingen (webpagina’s).",
            )
            st.selectbox(
                "Snelkeuze", list(choices), index=None, key=SHORTCUT_KEY, placeholder="Kies een snelkeuze…",
                on_change=_apply_shortcut, args=(cat, choices), width=340,
                help="Zet een hele keuze in één keer klaar; u kunt daarna kolommen weghalen of toevoegen.",
            )
        chosen_now = [k for k in st.session_state[BELEID_KEY] if k in labels]
        st.session_state[BELEID_KEY] = chosen_now
        offered = selection.options(cat, include_derived=derived, chosen=chosen_now)
        picker.multiselect(
            f"Naast elkaar: kies {minimum} tot {selection.MAX_CHOSEN} beleidsdocumenten",
            offered, format_func=labels.get, key=BELEID_KEY, max_selections=selection.MAX_CHOSEN,
            placeholder="Kies beleidsdocumenten (verzekeraar en jaar)",
            help="Elke keuze wordt een kolom. Kies elke verzekeraar en elk jaar; afgeleide jaren en "
            "samenvattingen staan erbij als ‘ook afgeleide jaren’ aan staat.",
        )
    chosen = list(st.session_state[BELEID_KEY])
    _write(BELEID_KEY, chosen)
    policies = [cat.policy_by_key(k) for k in chosen]
    if not policies:
        st.warning("Kies hierboven minstens één beleidsdocument om te tonen.")
        st.stop()
    if len(policies) < minimum:
        st.caption(f"Kies nog een beleidsdocument om te vergelijken (u kunt er {selection.MAX_CHOSEN} naast elkaar zetten).")
    return policies


def url_select(label: str, options: Sequence, key: str, *, format_func, default_index: int = 0,
               help: str | None = None):
    """A selectbox whose choice is always in the URL, as the option's label (a link may
    also name the option itself, such as a policy key)."""
    by_text = {str(o): o for o in options} | {format_func(o): o for o in options}
    if key not in st.session_state:
        raw = st.query_params.get(key)
        if raw is not None and raw not in by_text:
            _notice(f"De link bevatte ‘{md_escape(raw)}’ bij ‘{md_escape(key)}’; dat is genegeerd.")
        st.session_state[key] = by_text.get(raw, options[default_index])
    value = st.selectbox(label, options, format_func=format_func, key=key, help=help)
    _write(key, format_func(value))
    return value
