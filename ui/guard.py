"""Never a traceback for a visitor: an unexpected error becomes a short Dutch message.

A traceback shows server paths and data, and tells a visitor nothing they can act on.
``client.showErrorDetails`` is restricted in ``.streamlit/config.toml`` as a second line;
this guard around the page run (``app.py``) shows what to do instead, with a reference
that is also in the server log next to the full traceback, so a report can be matched.

Streamlit's own control flow (``st.stop``, ``st.rerun``, page switches) raises
``BaseException`` subclasses and passes through untouched. The tests of the pages set
``GLI_RERAISE_PAGE_ERRORS=1`` so that a bug still fails them as an exception.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

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
        reference = error_reference()
        LOG.exception("unexpected error on a page; reference %s", reference)
        st.error(
            "Er ging iets mis bij het tonen van deze pagina. Probeer het opnieuw of kies een andere pagina. "
            f"Blijft het gebeuren, meld dan deze referentie aan de beheerder: **{reference}**.",
            icon="⚠️",
        )
