"""Render data-derived text safely and in Dutch.

Data text goes through Markdown in many Streamlit elements; escaping keeps a stray
``*``, ``[link](...)`` or ``<script>`` in a YAML field from turning into markup.
"""

from __future__ import annotations

import datetime as dt
import os
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:])")

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def md_escape(text: object) -> str:
    """Escape Markdown (and so HTML) metacharacters in data text."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def nl_date(value: dt.date | None) -> str:
    """``9 november 2023`` (empty for no date)."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"


def today() -> dt.date:
    """Today's date; ``GLI_TODAY=YYYY-MM-DD`` pins it (tests, demonstrations of a past day).

    An unreadable ``GLI_TODAY`` is ignored in favour of the real date rather than breaking
    every page; the value is set by whoever runs the server, not by a visitor.
    """
    pinned = os.environ.get("GLI_TODAY", "")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass
    return dt.date.today()
