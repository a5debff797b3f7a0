"""Never a traceback for a visitor: an unexpected error becomes a short Dutch message.

A traceback shows server paths and data, and tells a visitor nothing they can act on.
``client.showErrorDetails`` is restricted in ``.streamlit/config.toml`` as a second line;
this guard around the page run (``app.py``) shows what to do instead, with a reference
that is also in the server log next to the full traceback, so a report can be matched.

Streamlit's own control flow (``st.stop``, ``st.rerun``, page switches) raises
``BaseException`` subclasses and passes through untouched. The tests of the pages set
``GLI_RERAISE_PAGE_ERRORS=1`` so that a bug still fails them as an exception.

Three kinds of failure happen outside the page run, so the guard covers them separately:

- a widget's callback runs before the page; :func:`guarded_callback` turns its error into
  the same Dutch message with a reference, at the top of the page;

- a download's data is built when the visitor clicks (deferred), in a server thread;
  Streamlit then showed nothing but a few seconds of English. :func:`download_button`
  wraps the builder: on an error the visitor downloads a short Dutch explanation with
  the reference (in the file's own format where that is simple) instead.
- an element too large to send (over ``server.maxMessageSize``) is replaced by
  Streamlit, while sending, with an English "MessageSizeError" box; its text is Dutch
  here (:func:`explain_message_size_in_dutch`, done on import).
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html import escape
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.runtime_util import MessageSizeError, get_max_message_size_bytes

from policy_model.tabular import table_csv_bytes, table_xlsx_bytes

LOG = logging.getLogger("gli_inkoopwijzer")
RERAISE_ENV = "GLI_RERAISE_PAGE_ERRORS"


def error_reference() -> str:
    """A short reference a visitor can quote (``GLI-3F9A2C``), unique enough to find in a log."""
    return f"GLI-{secrets.token_hex(3).upper()}"


@contextmanager
def page_guard() -> Iterator[None]:
    """Run a page; turn any unexpected exception into a Dutch message and a logged reference."""
    try:
        yield
    except Exception:
        if os.environ.get(RERAISE_ENV):
            raise
        _explain("on a page", "Er ging iets mis bij het tonen van deze pagina. Probeer het opnieuw of kies een "
                 "andere pagina.")


def _explain(where: str, what_happened: str) -> None:
    """Log the exception being handled with a new reference; show the visitor what happened and the reference."""
    reference = error_reference()
    LOG.exception("unexpected error %s; reference %s", where, reference)
    st.error(f"{what_happened} Blijft het gebeuren, meld dan deze referentie aan de beheerder: **{reference}**.",
             icon="⚠️")


def guarded_callback(callback: Callable[..., Any]) -> Callable[..., Any]:
    """A widget callback (``on_change``/``on_click``) whose error is a Dutch message with a
    logged reference, not Streamlit's English error box (callbacks run before the page, so
    :func:`page_guard` does not see them)."""
    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except Exception:
            if os.environ.get(RERAISE_ENV):
                raise
            _explain("in a widget callback", "Deze keuze kon niet worden verwerkt. Probeer het opnieuw of kies iets "
                     "anders.")
            return None

    return run


# --------------------------------------------------------------------------- downloads

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def failed_download_message(reference: str) -> str:
    return ("Dit bestand kon niet worden gemaakt. Probeer het opnieuw of kies een andere selectie. Blijft het "
            f"gebeuren, meld dan deze referentie aan de beheerder: {reference}.")


def failed_download(mime: str, reference: str) -> bytes:
    """What the visitor downloads when the real file could not be made: the Dutch message,
    as a page, a table or plain text, so it opens where the file would have."""
    message = failed_download_message(reference)
    try:
        if mime == "text/html":
            return (f"<!doctype html><html lang='nl'><meta charset='utf-8'><title>GLI-inkoopwijzer</title>"
                    f"<h1>GLI-inkoopwijzer</h1><p>{escape(message)}</p></html>").encode()
        if mime == "text/csv":
            return table_csv_bytes(pd.DataFrame({"Melding": [message]}))
        if mime == XLSX_MIME:
            return table_xlsx_bytes(pd.DataFrame({"Melding": [message]}))
    except Exception:  # the fallback must not fail itself: plain text then
        LOG.exception("could not write the download's error message; reference %s", reference)
    return message.encode("utf-8")


def guarded_data(build: Callable[[], Any], mime: str) -> Callable[[], Any]:
    """``build`` (a download's deferred data) that never fails silently: an error is logged
    with a reference and the visitor gets :func:`failed_download` instead."""
    def build_or_explain() -> Any:
        try:
            return build()
        except Exception:
            if os.environ.get(RERAISE_ENV):
                raise
            reference = error_reference()
            LOG.exception("a download could not be made; reference %s", reference)
            return failed_download(mime, reference)

    return build_or_explain


def download_button(target: Any, label: str, data: Any, *, mime: str, **kwargs: Any) -> Any:
    """``target.download_button`` (``st`` or a container) whose deferred data is guarded."""
    return target.download_button(label, guarded_data(data, mime) if callable(data) else data, mime=mime, **kwargs)


# --------------------------------------------------------------------------- too large to send


def _dutch_size_message(self: MessageSizeError, failed_msg_str: Any) -> str:
    return (f"**Dit onderdeel is te groot om te tonen** ({len(failed_msg_str) / 1e6:.1f} MB; de grens is "
            f"{get_max_message_size_bytes() / 1e6:.0f} MB).\n\nKies minder beleidsdocumenten of een kleinere "
            "selectie, of gebruik de downloadknoppen. Blijft het gebeuren, meld het dan aan de beheerder: "
            "de gegevens zijn waarschijnlijk te groot.")


def explain_message_size_in_dutch() -> None:
    """Give Streamlit's message-size box a Dutch title and text.

    Streamlit raises no exception in the page for this: while sending, it swaps the
    element for an exception box built from :class:`MessageSizeError`, whose message
    (``_get_message``) and shown name (``alternate_name``) are set here. The data cannot
    normally get that large (data files, aliases and uploads are bounded); this covers
    whatever still does.
    """
    MessageSizeError._get_message = _dutch_size_message  # type: ignore[method-assign]
    MessageSizeError.alternate_name = "Te groot om te tonen"  # type: ignore[attr-defined]


explain_message_size_in_dutch()
