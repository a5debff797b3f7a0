"""Web addresses and contact addresses in the data: checked before any page links them.

A source address is put into Markdown links (``[origineel](…)``) and link columns on
every page. An address such as ``https://x.nl/a) ![t](http://evil.test/p.png)`` closed
the link early and made every page load an external image; ``javascript:`` and
``data:`` addresses would run or embed content. So a document address must be a plain
``http(s)`` URL with a host and without spaces or Markdown/HTML metacharacters. A
contact or application address may also be an e-mail address, a phone number or a bare
``www.`` address, but never another scheme nor those metacharacters.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, StringConstraints

#: Characters that end or start Markdown/HTML markup; none belongs in an address.
_MARKUP = re.compile(r"[\s<>\[\]()`\"'\\{}|^]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$")
CONTACT_SCHEMES = ("http", "https", "mailto", "tel")


def check_web_url(value: str) -> str:
    """An absolute ``http(s)`` URL with a host, without spaces or markup characters."""
    scheme = _SCHEME.match(value)
    if scheme is None or scheme.group(1).lower() not in ("http", "https"):
        found = scheme.group(1) if scheme else "none"
        raise ValueError(f"must be an http(s) address such as https://www.example.nl/pagina (scheme: {found})")
    bad = _MARKUP.search(value)
    if bad:
        raise ValueError(f"address contains {bad.group()!r}: spaces and the characters < > [ ] ( ) ` \" ' \\ {{ }} "
                         "| ^ are not allowed; percent-encode them (%20, %28, ...)")
    parts = urlsplit(value)
    if not parts.netloc or parts.username or parts.password or not _HOST.match(parts.netloc):
        raise ValueError("address has no valid host name (https://host/path, without user name or password)")
    return value


def check_contact_address(value: str) -> str:
    """An e-mail address, phone number, ``www.`` address or ``http(s)``/``mailto``/``tel`` URL.

    Phone numbers keep their spaces ("071 582 5441"); anything with a scheme or starting
    with ``www.`` is checked as an address, so it cannot carry markup either.
    """
    scheme = _SCHEME.match(value)
    if scheme and not value[scheme.end():].isdigit():  # "0800:1234" is not a scheme
        name = scheme.group(1).lower()
        if name not in CONTACT_SCHEMES:
            raise ValueError(f"scheme {name!r} is not allowed here; use http(s), mailto or tel, or write the "
                             "e-mail address or phone number plainly")
        if name in ("http", "https"):
            return check_web_url(value)
    if value.lower().startswith("www."):
        check_web_url("https://" + value)
        return value
    bad = re.search(r"[<>\[\]`\\{}|^]", value)
    if bad:
        raise ValueError(f"address contains {bad.group()!r}, which is not allowed in an address")
    return value


WebUrl = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
                   AfterValidator(check_web_url)]
ContactAddress = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
                           AfterValidator(check_contact_address)]
