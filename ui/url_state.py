"""Widgets whose state is always in the link, defaults included, and the check of a link.

Streamlit's own ``bind="query-params"`` drops a value from the URL when it equals the
widget's default, so a shared link would depend on today's defaults. These widgets read
their state from the link on a page's first run and write it back on every run.

Every URL widget registers its own parameter (:func:`known`) as it is drawn; after the
page has run, :func:`report_unknown` names what the link held that nothing on the page
reads, in a notice at the top of the page (:func:`notice_slot`). A page registers by hand
only the parameters of widgets that did not run (a closed tab's) or that Streamlit binds
itself (``bind="query-params"``).

History: the values a run writes reach the address together when the run ends
(:func:`flush_params`), and the browser keeps one history entry per user action, not one
per parameter or per run (see :mod:`ui.navigation`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import streamlit as st
from streamlit.errors import StreamlitAPIException

from ui.text import md_escape, shortened

_TRUE, _FALSE = {"true", "ja", "1", "aan"}, {"false", "nee", "0", "uit"}
#: Parameters every page reads (presentation mode) and Streamlit's own.
ALWAYS_KNOWN = frozenset({"presentatie", "embed", "embed_options"})
_KNOWN = "_gli_url_known"   # this run: parameter -> allowed values (None: any value)
_LINK = "_gli_url_link"     # this run: the parameters as the run found them
_SLOT = "_gli_url_notice_slot"
_PENDING = "_gli_url_pending"  # this run: values to write to the URL when it ends
_WRITTEN = "_gli_url_written"  # the session: what it last put in the URL, per parameter
#: Unknown parameters or values a notice names (each shortened); the rest are counted.
_MAX_NOTICES = 10


def start_run() -> None:
    """Note the link as this run found it and forget the previous run's parameters
    (``app.py``, before the page runs): widgets may rewrite a wrong value before the
    page ends, and the notice names what the link held."""
    st.session_state[_KNOWN] = {}
    st.session_state[_LINK] = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    st.session_state[_PENDING] = {}
    st.session_state.pop(_SLOT, None)


def known(key: str, values: Iterable[str] | None = None) -> None:
    """Register a parameter this page reads; ``values`` limits what the link may hold."""
    registry = st.session_state.setdefault(_KNOWN, {})
    registry[key] = None if values is None else {str(v) for v in values}


def notice_slot() -> None:
    """Reserve the place at the top of the page for the notice about the link."""
    st.session_state[_SLOT] = st.empty()


def unknown_parts(params: dict[str, list[str]], registry: dict[str, set[str] | None]) -> list[str]:
    """Dutch names of what a link holds that the page does not read: unknown parameters
    and values outside a parameter's allowed ones."""
    notices: list[str] = []
    for key, values in params.items():
        if key in ALWAYS_KNOWN:
            continue
        if key not in registry:
            notices.append(f"onbekende parameter ‘{shortened(key)}’")
            continue
        allowed = registry[key]
        if allowed is not None:
            notices += [f"‘{shortened(value)}’ bij ‘{shortened(key)}’" for value in values
                        if value and value not in allowed]
    return notices


def report_unknown() -> list[str]:
    """After the page ran: name the parts of the link nothing on the page read.

    Called only for a page that ran to its end (a page that stopped early did not
    register its later widgets) and that has the place for it (every page header has).
    """
    registry, link, slot = (st.session_state.get(k) for k in (_KNOWN, _LINK, _SLOT))
    if registry is None or link is None or slot is None:
        return []
    notices = unknown_parts(link, registry)
    if notices:
        more = f" en {len(notices) - _MAX_NOTICES} meer" if len(notices) > _MAX_NOTICES else ""
        slot.info(
            "De link bevatte onderdelen die niet (meer) bestaan en zijn genegeerd: "
            + md_escape("; ".join(notices[:_MAX_NOTICES]) + more),
            icon="ℹ️",
        )
    return notices


def stop_page() -> None:
    """Stop the page here, for a page whose every parameter is registered by now: the
    notice about the link is given first (``st.stop()`` would skip it)."""
    report_unknown()
    st.session_state[_KNOWN] = None  # reported once
    st.stop()


def check_url(valid: dict[str, Iterable[str]], extra_known: Iterable[str] = ()) -> None:
    """Register parameters by hand: ``valid`` with their allowed values, ``extra_known``
    with any value (for widgets bound by Streamlit itself, or of a section not shown)."""
    for key, values in valid.items():
        known(key, values)
    for key in extra_known:
        known(key)


def read_flag(raw: str | None) -> bool | None:
    """``true``/``ja``/``1``/``aan`` or the opposite; None for anything else."""
    if raw is None:
        return None
    value = raw.strip().lower()
    return True if value in _TRUE else False if value in _FALSE else None


def _same(value: str | list[str], key: str) -> bool:
    return value == st.query_params.get_all(key) or value == st.query_params.get(key)


def _as_list(value: str | list[str]) -> list[str]:
    return list(value) if isinstance(value, list | tuple) else [value]


def from_link(key: str) -> bool:
    """Whether a widget should take its value from the link in this run: on its first run,
    or when the address now holds another value than the one this session wrote there
    (Back or Forward to an earlier view), so Back undoes a choice as well as a page."""
    if key not in st.session_state:
        return True
    link = st.session_state.get(_LINK, {}).get(key)
    written = st.session_state.get(_WRITTEN, {}).get(key)
    return link is not None and written is not None and link != written


def write_param(key: str, value: str | list[str]) -> None:
    """Put a value in the URL at the end of this run (:func:`flush_params`), with every
    other value this run writes: one address change per run, not one per parameter."""
    values = _as_list(value)
    st.session_state.setdefault(_WRITTEN, {})[key] = values
    pending = st.session_state.setdefault(_PENDING, {})
    # Against the link as this run found it (a dict lookup, where asking the live address
    # costs a query-parameter round per widget); flush_params checks the live address again.
    if st.session_state.get(_LINK, {}).get(key) == values:
        pending.pop(key, None)
    else:
        pending[key] = value


def pending_params() -> dict[str, str | list[str]]:
    """What this run will still write to the URL (a link made during the run needs it)."""
    return dict(st.session_state.get(_PENDING, {}))


def flush_params() -> None:
    """Write this run's values to the URL in one go (``app.py``, after the page ran or
    stopped). A parameter a Streamlit widget is bound to is left to that widget."""
    pending = {k: v for k, v in st.session_state.pop(_PENDING, {}).items() if not _same(v, k)}
    if not pending:
        return
    try:
        st.query_params.update(pending)
    except StreamlitAPIException:
        for key, value in pending.items():
            try:
                st.query_params[key] = value
            except StreamlitAPIException:
                pass


def link_notice(text: str) -> None:
    st.info(text, icon="ℹ️")


def url_toggle(label: str, key: str, *, default: bool = False, help: str | None = None) -> bool:
    """A toggle whose value is always in the URL as ``key=true``/``key=false``."""
    known(key)
    if from_link(key):
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
    known(key, labels)
    if from_link(key) or st.session_state[key] not in labels:
        raw = st.query_params.get(key)
        st.session_state[key] = raw if raw in labels else labels[0]
    tabs = st.tabs(labels, key=key, on_change="rerun")
    write_param(key, st.session_state[key])
    return tabs


def url_expander(label: str, key: str, *, default: bool = False):
    """An expander whose open state is always in the URL; returns it when open, else ``None``
    (its content then does not run)."""
    known(key)
    if from_link(key):
        parsed = read_flag(st.query_params.get(key))
        st.session_state[key] = default if parsed is None else parsed
    box = st.expander(label, key=key, on_change="rerun")
    write_param(key, "true" if box.open else "false")
    return box if box.open else None


def url_select(label: str, options: Sequence, key: str, *, format_func, default_index: int = 0,
               help: str | None = None, width: int | str = "stretch", label_visibility: str = "visible"):
    """A selectbox whose choice is always in the URL, as the option's label (a link may
    also name the option itself, such as a policy key)."""
    by_text = {str(o): o for o in options} | {format_func(o): o for o in options}
    known(key)  # the widget names a wrong value itself, below
    if from_link(key):
        raw = st.query_params.get(key)
        if raw is not None and raw not in by_text:
            link_notice(f"De link bevatte ‘{md_escape(shortened(raw))}’ bij ‘{md_escape(key)}’; dat is genegeerd.")
        st.session_state[key] = by_text.get(raw, options[default_index])
    value = st.selectbox(label, options, format_func=format_func, key=key, help=help, width=width,
                         label_visibility=label_visibility)
    write_param(key, format_func(value))
    return value


def url_segments(label: str, options: Sequence, key: str, *, format_func, default_index: int = 0,
                 help: str | None = None, label_visibility: str = "visible"):
    """A segmented control (one click per choice, for a presenter) whose choice is always
    in the URL, as the option itself (``str``); a wrong value in a link falls back to the
    default with a notice."""
    by_text = {str(o): o for o in options}
    known(key)
    if from_link(key) or st.session_state[key] not in options:
        raw = st.query_params.get(key)
        if raw is not None and raw not in by_text:
            link_notice(f"De link bevatte ‘{md_escape(shortened(raw))}’ bij ‘{md_escape(key)}’; dat is genegeerd.")
        st.session_state[key] = by_text.get(raw, options[default_index])
    value = st.segmented_control(label, list(options), format_func=format_func, key=key, required=True, help=help,
                                 label_visibility=label_visibility)
    write_param(key, str(value))
    return value
