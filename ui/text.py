"""Render data-derived text safely and in Dutch.

Data text goes through Markdown in many Streamlit elements; escaping keeps a stray
``*``, ``[link](...)`` or ``<script>`` in a YAML field from turning into markup.

Escaping does not stop Markdown's *autolinks*: Streamlit's Markdown (GFM) turns
``www.…``, ``http(s)://…`` and ``naam@domein.nl`` in the text it shows into live links
after the escapes are resolved, whatever the address holds. :func:`md_escape` therefore
decides itself: an address that passes the same check as the data's own addresses
(:func:`policy_model.addresses.check_web_url`; an e-mail address of plain characters)
becomes an explicit link whose text is the address itself, so a reader sees where it
goes and can copy it; anything else that Markdown would still link gets an invisible
word joiner (U+2060) where the link would start, which the autolink rules do not cross.
:func:`html_escape` does the same for text in blocks of HTML: escaped, the same addresses
as links that show themselves, nothing else linked.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Callable, Sequence
from html import escape

from policy_model.addresses import check_web_url
from policy_model.calendar import dutch_today
from policy_model.wizard.timing import BadDate, nl_day, resolve_today

LOG = logging.getLogger(__name__)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:])")
_WORD_JOINER = "\u2060"
#: Where GFM starts an autolink (after escapes are resolved): ``www.``, ``http://``,
#: ``https://`` (any case) and the ``@`` of an e-mail address (``mailto:``/``xmpp:`` links
#: need that ``@`` too).
_AUTOLINK_START = re.compile(r"(?i)(www)(\\?\.)|(https?\\?:)(/)|(@)")
#: An address in running text: a web address up to a space or a markup character, or an
#: e-mail address; punctuation at its end belongs to the sentence (as GFM decides too).
_ADDRESS = re.compile(r"(?i)(?<![\w@/.+-])(?:(?:https?://|www\.)[^\s<>\[\]()`\"'\\{}|^]+"
                      r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
_SENTENCE_END = ".,;:!?*_~"
_MAYBE_ADDRESS = re.compile(r"(?i)@|://|www\.")
_MAX_LINKED_CHARS = 2000  # as policy_model.addresses.WebUrl
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.ASCII)


class Html(str):
    """HTML that ``st.html`` shows as it is. A plain string is checked as a possible file
    path and dedented and stripped on every call, a noticeable cost for a long block or
    style sheet; an object with ``_repr_html_`` is not. Only for HTML that is escaped
    already or constant."""

    def _repr_html_(self) -> str:
        return str(self)


def md_escape(text: object) -> str:
    """Data text as Markdown that shows exactly that text: metacharacters escaped, checked
    addresses as links that show themselves, and no other autolink (see the module)."""
    text = str(text)
    if not _MAYBE_ADDRESS.search(text):  # most texts: nothing Markdown could link
        return _MD_SPECIAL.sub(r"\\\1", text)
    return _with_links(text, _escaped, _markdown_link)


def html_escape(text: object) -> str:
    """Data text as HTML that shows exactly that text, with the addresses :func:`md_escape`
    links as links that show themselves (HTML makes no autolinks of its own)."""
    text = str(text)
    if not _MAYBE_ADDRESS.search(text):
        return escape(text)
    return _with_links(text, escape, lambda address, url: f"<a href='{escape(url, quote=True)}' target='_blank' "
                                                          f"rel='noopener noreferrer'>{escape(address)}</a>")


def marked_html(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` as :func:`html_escape` shows it, with ``spans`` (start, end) in ``<mark>``: what a
    search found in it. Each piece is escaped on its own (an address a mark cuts through is
    then shown as text, not as a link)."""
    out: list[str] = []
    done = 0
    for start, end in spans:
        out += [html_escape(text[done:start]), f"<mark>{html_escape(text[start:end])}</mark>"]
        done = end
    out.append(html_escape(text[done:]))
    return "".join(out)


def _with_links(text: str, plain: Callable[[str], str], link: Callable[[str, str], str]) -> str:
    """``text`` with each checked address as ``link(address, url)`` and the rest as ``plain(rest)``."""
    out: list[str] = []
    done = 0
    for match in _ADDRESS.finditer(text):
        address = match.group().rstrip(_SENTENCE_END)
        url = address_url(address)
        if url is not None:
            out += [plain(text[done:match.start()]), link(address, url)]
            done = match.start() + len(address)
    out.append(plain(text[done:]))
    return "".join(out)


def _markdown_link(address: str, url: str) -> str:
    label = _MD_SPECIAL.sub(r"\\\1", address)  # inside a link Markdown makes no autolink
    return f"[{label}]({url})"


def _escaped(text: str) -> str:
    """Metacharacters escaped and every autolink start broken by a word joiner."""
    return _AUTOLINK_START.sub(_join, _MD_SPECIAL.sub(r"\\\1", text))


def _join(match: re.Match[str]) -> str:
    if match.group(5):
        return "@" + _WORD_JOINER
    first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    return first + _WORD_JOINER + second


def address_url(address: str) -> str | None:
    """Where a checked web or e-mail address in running text links to, else None."""
    if len(address) > _MAX_LINKED_CHARS:
        return None
    if _EMAIL.match(address):
        return f"mailto:{address}"
    url = address if address.lower().startswith(("http://", "https://")) else "https://" + address
    try:
        check_web_url(url)
    except ValueError:
        return None
    return url


#: Characters of a value from a link or an upload that a notice repeats (a link may hold 100 KB).
MAX_SHOWN_CHARS = 40


def shortened(text: object, limit: int = MAX_SHOWN_CHARS) -> str:
    """Visitor-supplied text as a notice repeats it: on one line, at most ``limit`` characters."""
    value = " ".join(str(text).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def nl_date(value: dt.date | None) -> str:
    """``9 november 2023`` (empty for no date)."""
    return "" if value is None else nl_day(value)


def today() -> dt.date:
    """Today in the Netherlands; ``GLI_TODAY=YYYY-MM-DD`` pins it (tests, demonstrations of a
    past day), read as the command line reads it (:func:`policy_model.wizard.timing.resolve_today`).

    An unreadable ``GLI_TODAY`` does not break every page: the real date is used and the
    server log says why (the value is set by whoever runs the server, not by a visitor).
    """
    try:
        return resolve_today(None)
    except BadDate as bad:
        _warn_once(str(bad))
        return dutch_today()


@functools.lru_cache(maxsize=4)
def _warn_once(message: str) -> None:
    LOG.warning("%s De echte datum wordt gebruikt.", message)
