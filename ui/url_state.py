"""Widgets whose state is always in the link, defaults included.

Streamlit's own ``bind="query-params"`` drops a value from the URL when it equals the
widget's default, so a shared link would depend on today's defaults. These widgets read
their state from the link on a page's first run and write it back on every run.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.errors import StreamlitAPIException

from ui.text import md_escape, shortened

_TRUE, _FALSE = {"true", "ja", "1", "aan"}, {"false", "nee", "0", "uit"}


def read_flag(raw: str | None) -> bool | None:
    """``true``/``ja``/``1``/``aan`` or the opposite; None for anything else."""
    if raw is None:
        return None
    value = raw.strip().lower()
    return True if value in _TRUE else False if value in _FALSE else None


def write_param(key: str, value: str | list[str]) -> None:
    """Put a value in the URL (skipped for a parameter a widget elsewhere is bound to)."""
    try:
        if value != st.query_params.get_all(key) and value != st.query_params.get(key):
            st.query_params[key] = value
    except StreamlitAPIException:
        pass


def link_notice(text: str) -> None:
    st.info(text, icon="ℹ️")


def url_toggle(label: str, key: str, *, default: bool = False, help: str | None = None) -> bool:
    """A toggle whose value is always in the URL as ``key=true``/``key=false``."""
    if key not in st.session_state:
        raw = st.query_params.get(key)
        parsed = read_flag(raw)
        if raw is not None and parsed is None:
            link_notice(f"De link bevatte ‘{md_escape(shortened(raw))}’ bij ‘{md_escape(key)}’; dat is genegeerd "
                        "(gebruik true of false).")
        st.session_state[key] = default if parsed is None else parsed
    value = st.toggle(label, key=key, help=help)
    write_param(key, "true" if value else "false")
    return bool(value)


def url_tabs(labels: Sequence[str], key: str):
    """Tabs whose open tab is always in the URL (``tab=...``); only the open tab should run."""
    labels = list(labels)
    if key not in st.session_state or st.session_state[key] not in labels:
        raw = st.query_params.get(key)
        st.session_state[key] = raw if raw in labels else labels[0]
    tabs = st.tabs(labels, key=key, on_change="rerun")
    write_param(key, st.session_state[key])
    return tabs


def url_expander(label: str, key: str, *, default: bool = False):
    """An expander whose open state is always in the URL; returns it when open, else ``None``
    (its content then does not run)."""
    if key not in st.session_state:
        parsed = read_flag(st.query_params.get(key))
        st.session_state[key] = default if parsed is None else parsed
    box = st.expander(label, key=key, on_change="rerun")
    write_param(key, "true" if box.open else "false")
    return box if box.open else None


def url_select(label: str, options: Sequence, key: str, *, format_func, default_index: int = 0,
               help: str | None = None):
    """A selectbox whose choice is always in the URL, as the option's label (a link may
    also name the option itself, such as a policy key)."""
    by_text = {str(o): o for o in options} | {format_func(o): o for o in options}
    if key not in st.session_state:
        raw = st.query_params.get(key)
        if raw is not None and raw not in by_text:
            link_notice(f"De link bevatte ‘{md_escape(shortened(raw))}’ bij ‘{md_escape(key)}’; dat is genegeerd.")
        st.session_state[key] = by_text.get(raw, options[default_index])
    value = st.selectbox(label, options, format_func=format_func, key=key, help=help)
    write_param(key, format_func(value))
    return value
