"""Render data-derived text safely and in Dutch.

Data text goes through Markdown in many Streamlit elements; escaping keeps a stray
``*``, ``[link](...)`` or ``<script>`` in a YAML field from turning into markup.

Escaping does not stop Markdown's *autolinks*: Streamlit's Markdown (GFM) turns
``www.…``, ``http(s)://…`` and ``naam@domein.nl`` in the text it shows into live links
after the escapes are resolved, so a data text could put a link to any host on a page.
:func:`md_escape` therefore puts an invisible word joiner (U+2060) where such a link
would start, which the autolink rules do not cross; the text looks the same. A web
address that was validated (:mod:`policy_model.addresses`) can be shown as a link that
shows itself with :func:`md_address`.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from policy_model.addresses import check_web_url

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:])")
_WORD_JOINER = "\u2060"
#: Where GFM starts an autolink (after escapes are resolved): ``www.``, ``http://``,
#: ``https://`` (any case) and the ``@`` of an e-mail address (``mailto:``/``xmpp:`` links
#: need that ``@`` too).
_AUTOLINK_START = re.compile(r"(?i)(www)(\\?\.)|(https?\\?:)(/)|(@)")

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def md_escape(text: object) -> str:
    """Escape Markdown (and so HTML) metacharacters in data text, and break autolinks."""
    return _AUTOLINK_START.sub(_join, _MD_SPECIAL.sub(r"\\\1", str(text)))


def _join(match: re.Match[str]) -> str:
    if match.group(5):
        return "@" + _WORD_JOINER
    first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    return first + _WORD_JOINER + second


def md_address(address: str) -> str:
    """A validated address (a :data:`~policy_model.addresses.ContactAddress`) as Markdown: a
    web address becomes a link that shows the address itself, anything else escaped text."""
    url = address if address.lower().startswith(("http://", "https://")) else (
        "https://" + address if address.lower().startswith("www.") else None)
    if url is None:
        return md_escape(address)
    try:
        check_web_url(url)
    except ValueError:
        return md_escape(address)
    return f"[{md_escape(address)}]({url})"


#: Characters of a value from a link or an upload that a notice repeats (a link may hold 100 KB).
MAX_SHOWN_CHARS = 40


def shortened(text: object, limit: int = MAX_SHOWN_CHARS) -> str:
    """Visitor-supplied text as a notice repeats it: on one line, at most ``limit`` characters."""
    value = " ".join(str(text).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


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
