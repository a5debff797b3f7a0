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

A stale address: a run sets the address when it ends, but a click that comes before the
browser has shown that address (a tab switched some 20–100 ms after a choice) sends the
address from before the choice with its rerun. Taken as Back, it undid the choice. A run
that a URL widget's change started (:func:`start_run` sees a widget value other than the
one the session last wrote) keeps the session's values and writes them back over the
stale ones; a run that no widget started (Back, Forward) takes the address.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.state.session_state_proxy import get_session_state

from ui.text import md_escape, shortened

_TRUE, _FALSE = {"true", "ja", "1", "aan"}, {"false", "nee", "0", "uit"}
#: Parameters every page reads (presentation mode) and Streamlit's own.
ALWAYS_KNOWN = frozenset({"presentatie", "embed", "embed_options"})
_MISSING = object()
_STATE = "_gli_url_state"  # the session's URL bookkeeping (:class:`_UrlState`)
#: Unknown parameters or values a notice names (each shortened); the rest are counted.
_MAX_NOTICES = 10


class _UrlState:
    """The session's URL bookkeeping, one object in the session state: each URL widget
    reads it once per call (every access to ``st.session_state`` goes through a lock and
    the widget-key mapping, and a page has some twenty URL widgets)."""

    __slots__ = ("known", "link", "pending", "slot", "widget_started", "widget_values", "written")

    def __init__(self) -> None:
        self.known: dict[str, set[str] | None] | None = {}  # this run: parameter -> allowed values (None: any)
        self.link: dict[str, list[str]] | None = None  # this run: the parameters as the run found them
        self.pending: dict[str, str | list[str]] = {}  # this run: values to write to the URL when it ends
        self.slot = None  # this run: the place for the notice about the link
        self.written: dict[str, list[str]] = {}  # the session: what it last put in the URL, per parameter
        self.widget_values: dict[str, object] = {}  # the session: each URL widget's value when it was written
        self.widget_started = False  # this run: a URL widget's change started it (the link may be stale)


def _state() -> _UrlState:
    state = st.session_state.get(_STATE)
    if state is None:
        state = st.session_state[_STATE] = _UrlState()
    return state


def _link_now() -> dict[str, list[str]]:
    """Every parameter of the address with all its values, read in one go (asking
    ``st.query_params`` takes its lock once per call, twice per parameter)."""
    try:
        with get_session_state().query_params() as params:
            return {key: params.get_all(key) for key in params}
    except Exception:  # another Streamlit's internals: the public way, slower
        return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def live_params() -> dict[str, list[str]]:
    """The address's parameters now, every value of each, in their order (read in one go)."""
    return _link_now()


def start_run() -> None:
    """Note the link as this run found it and forget the previous run's parameters
    (``app.py``, before the page runs): widgets may rewrite a wrong value before the
    page ends, and the notice names what the link held."""
    state = _state()
    state.known, state.link, state.pending, state.slot = {}, _link_now(), {}, None
    state.widget_started = _a_widget_changed(state)


def _a_widget_changed(state: _UrlState) -> bool:
    """Whether a URL widget now holds another value than the session last wrote for it: the
    visitor changed it, so this run was started by a widget, not by Back or Forward."""
    values = st.session_state  # one access per widget: each goes through the session's lock
    return any((now := values.get(key, _MISSING)) is not _MISSING and now != value
               for key, value in state.widget_values.items())


def known(key: str, values: Iterable[str] | None = None) -> None:
    """Register a parameter this page reads; ``values`` limits what the link may hold."""
    _register(_state(), key, values)


def _register(state: _UrlState, key: str, values: Iterable[str] | None = None) -> None:
    if state.known is not None:
        state.known[key] = None if values is None else {str(v) for v in values}


def link_flags(keys: Sequence[str]) -> set[str]:
    """Register ``keys`` (any value) and return those the link sets to true: for parts of a
    page a link can open that are no widgets (:mod:`ui.about`); the link keeps them as it
    has them."""
    state = _state()
    link = state.link if state.link is not None else _link_now()
    for key in keys:
        _register(state, key)
    return {key for key in keys if key in link and read_flag(link[key][-1]) is True}


def notice_slot() -> None:
    """Reserve the place at the top of the page for the notice about the link."""
    _state().slot = st.empty()


def unknown_parts(params: dict[str, list[str]], registry: dict[str, set[str] | None]) -> list[str]:
    """Dutch names of what a link holds that the page does not read: unknown parameters
    and values outside a parameter's allowed ones."""
    notices: list[str] = []
    for key, values in params.items():
        if key in ALWAYS_KNOWN:
            continue
        if key not in registry:
            notices.append(f"‘{shortened(key)}’ (geen keuze op deze pagina)")
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
    state = _state()
    if state.known is None or state.link is None or state.slot is None:
        return []
    notices = unknown_parts(state.link, state.known)
    if notices:
        more = f" en {len(notices) - _MAX_NOTICES} meer" if len(notices) > _MAX_NOTICES else ""
        state.slot.info(
            "De link bevatte onderdelen die niet (meer) bestaan en zijn genegeerd: "
            + md_escape("; ".join(notices[:_MAX_NOTICES]) + more),
            icon="ℹ️",
        )
    return notices


def stop_page() -> None:
    """Stop the page here, for a page whose every parameter is registered by now: the
    notice about the link is given first (``st.stop()`` would skip it)."""
    report_unknown()
    _state().known = None  # reported once
    st.stop()


def check_url(valid: dict[str, Iterable[str]], extra_known: Iterable[str] = ()) -> None:
    """Register parameters by hand: ``valid`` with their allowed values, ``extra_known``
    with any value (for widgets bound by Streamlit itself, or of a section not shown)."""
    state = _state()
    for key, values in valid.items():
        _register(state, key, values)
    for key in extra_known:
        _register(state, key)


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
    return key not in st.session_state or _changed_in_link(_state(), key)


def _changed_in_link(state: _UrlState, key: str) -> bool:
    """The address holds another value than this session wrote, and no widget started the
    run: Back or Forward (after a widget's change the address may only be stale)."""
    link = (state.link or {}).get(key)
    written = state.written.get(key)
    return link is not None and written is not None and link != written and not state.widget_started


def write_param(key: str, value: str | list[str], *, widget_value: object = None) -> None:
    """Put a value in the URL at the end of this run (:func:`flush_params`), with every
    other value this run writes: one address change per run, not one per parameter.
    ``widget_value``: the value of the widget ``key`` as the session state holds it, when
    the parameter is a widget's (so a change of it is known as a widget's, see above)."""
    _write(_state(), key, value, widget_value)


def _write(state: _UrlState, key: str, value: str | list[str], widget_value: object = None) -> None:
    values = _as_list(value)
    state.written[key] = values
    if widget_value is not None:
        state.widget_values[key] = widget_value
    # Against the link as this run found it (a dict lookup, where asking the live address
    # costs a query-parameter round per widget); flush_params checks the live address again.
    if (state.link or {}).get(key) == values:
        state.pending.pop(key, None)
    else:
        state.pending[key] = value


def pending_params() -> dict[str, str | list[str]]:
    """What this run will still write to the URL (a link made during the run needs it)."""
    return dict(_state().pending)


def flush_params() -> None:
    """Write this run's values to the URL in one go (``app.py``, after the page ran or
    stopped). A parameter a Streamlit widget is bound to is left to that widget."""
    state = _state()
    pending, state.pending = state.pending, {}
    if state.widget_started:  # a stale address: the session's other values back over it
        pending = {**_stale_in_link(state), **pending}
    pending = {k: v for k, v in pending.items() if not _same(v, k)}
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


def _stale_in_link(state: _UrlState) -> dict[str, list[str]]:
    """What the run's address holds differently from what the session last wrote."""
    link = state.link or {}
    return {key: values for key, values in state.written.items() if key in link and link[key] != values}


def link_notice(text: str) -> None:
    st.info(text, icon="ℹ️")


def _begin(key: str, values: Iterable[str] | None = None) -> tuple[_UrlState, bool]:
    """A URL widget's start: register its parameter, and whether it takes its value from
    the link (:func:`from_link`), with one look at the session's bookkeeping."""
    state = _state()
    _register(state, key, values)
    return state, key not in st.session_state or _changed_in_link(state, key)


def url_toggle(label: str, key: str, *, default: bool = False, help: str | None = None) -> bool:
    """A toggle whose value is always in the URL as ``key=true``/``key=false``."""
    state, take_link = _begin(key)
    if take_link:
        raw = st.query_params.get(key)
        parsed = read_flag(raw)
        if raw is not None and parsed is None:
            link_notice(f"De link bevatte ‘{md_escape(shortened(raw))}’ bij ‘{md_escape(key)}’; dat is genegeerd "
                        "(gebruik true of false).")
        st.session_state[key] = default if parsed is None else parsed
    value = st.toggle(label, key=key, help=help)
    _write(state, key, "true" if value else "false", bool(value))
    return bool(value)


def url_tabs(labels: Sequence[str], key: str):
    """Tabs whose open tab is always in the URL (``tab=...``); only the open tab should run."""
    labels = list(labels)
    state, take_link = _begin(key, labels)
    if take_link or st.session_state[key] not in labels:
        raw = st.query_params.get(key)
        st.session_state[key] = raw if raw in labels else labels[0]
    tabs = st.tabs(labels, key=key, on_change="rerun")
    _write(state, key, st.session_state[key], st.session_state[key])
    return tabs


def url_expander(label: str, key: str, *, default: bool = False):
    """An expander whose open state is always in the URL; returns it when open, else ``None``
    (its content then does not run)."""
    state, take_link = _begin(key)
    if take_link:
        parsed = read_flag(st.query_params.get(key))
        st.session_state[key] = default if parsed is None else parsed
    box = st.expander(label, key=key, on_change="rerun")
    _write(state, key, "true" if box.open else "false")
    return box if box.open else None


def url_select(label: str, options: Sequence, key: str, *, format_func, default_index: int = 0,
               help: str | None = None, width: int | str = "stretch", label_visibility: str = "visible"):
    """A selectbox whose choice is always in the URL, as the option's label (a link may
    also name the option itself, such as a policy key)."""
    by_text = {str(o): o for o in options} | {format_func(o): o for o in options}
    state, take_link = _begin(key)  # the widget names a wrong value itself, below
    if take_link:
        raw = st.query_params.get(key)
        if raw is not None and raw not in by_text:
            link_notice(f"De link bevatte ‘{md_escape(shortened(raw))}’ bij ‘{md_escape(key)}’; dat is genegeerd.")
        st.session_state[key] = by_text.get(raw, options[default_index])
    value = st.selectbox(label, options, format_func=format_func, key=key, help=help, width=width,
                         label_visibility=label_visibility)
    _write(state, key, format_func(value), value)
    return value


def url_segments(label: str, options: Sequence, key: str, *, format_func, default_index: int = 0,
                 help: str | None = None, label_visibility: str = "visible"):
    """A segmented control (one click per choice, for a presenter) whose choice is always
    in the URL, as the option itself (``str``); a wrong value in a link falls back to the
    default with a notice."""
    by_text = {str(o): o for o in options}
    state, take_link = _begin(key)
    if take_link or st.session_state[key] not in options:
        raw = st.query_params.get(key)
        if raw is not None and raw not in by_text:
            link_notice(f"De link bevatte ‘{md_escape(shortened(raw))}’ bij ‘{md_escape(key)}’; dat is genegeerd.")
        st.session_state[key] = by_text.get(raw, options[default_index])
    value = st.segmented_control(label, list(options), format_func=format_func, key=key, required=True, help=help,
                                 label_visibility=label_visibility)
    _write(state, key, str(value), value)
    return value
