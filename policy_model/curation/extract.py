"""Turn a PDF, an HTML page or a plain-text file into the plain text the dataset quotes from.

PDF text comes from pypdf, HTML text from BeautifulSoup (the standard-library parser, so
no compiled dependency). Both keep the document's own words and line structure; nothing
is summarised or reordered, so a quote copied from the output is a quote from the document.

What would break quotes is left out:

- page headers and footers: lines at the top or bottom of a page that recur on most pages
  (digits are ignored when comparing, so "5 | Titel 2027" and "6 | Titel 2027" are one line);
- repeated URL lines: a line holding only an address is kept the first time and dropped
  after that (PDF link annotations and web footers repeat them on every page).

Errors are :class:`ExtractionError` with a message a curator can act on: the file is
missing or unreadable, empty, a PDF without a text layer (a scan), not UTF-8 text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_MAGIC = b"%PDF-"
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"[ \t\u00a0]+")

#: A top or bottom line is a running header/footer when it recurs on at least this share of pages.
HEADER_SHARE = 0.5
#: How many non-blank lines at the top and at the bottom of a page can be a header or footer.
EDGE_LINES = 2


class ExtractionError(Exception):
    """The file cannot give text; the message says why and what to do."""


@dataclass
class Extracted:
    """The text of one document and what was left out on the way."""

    text: str
    kind: str  # pdf | html | text
    pages: int = 0
    dropped_headers: list[str] = field(default_factory=list)
    dropped_urls: int = 0


def extract(path: Path) -> Extracted:
    """The plain text of a PDF, HTML or text file (kind chosen by content, then suffix)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ExtractionError(f"{path}: file not found") from None
    except OSError as exc:
        raise ExtractionError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    if not raw.strip():
        raise ExtractionError(f"{path}: the file is empty")
    if raw.lstrip()[:5] == PDF_MAGIC:
        result = _from_pdf(path, raw)
    elif path.suffix.lower() == ".pdf":
        raise ExtractionError(f"{path}: not a PDF file (it does not start with %PDF-); is the download complete?")
    elif path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(raw):
        result = _from_html(path, raw)
    else:
        result = _from_text(path, raw)
    if not result.text.strip():
        raise ExtractionError(f"{path}: no text found in the {result.kind} file")
    return result


# --------------------------------------------------------------------------- PDF


def _from_pdf(path: Path, raw: bytes) -> Extracted:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(f"{path}: the PDF is password-protected; save an unprotected copy first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractionError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExtractionError(f"{path}: cannot read the PDF ({type(exc).__name__}: {exc})") from None
    if not pages:
        raise ExtractionError(f"{path}: the PDF has no pages")
    if not any(p.strip() for p in pages):
        images = sum(len(_page_images(page)) for page in reader.pages)
        what = f"{len(pages)} page(s), {images} image(s)" if images else f"{len(pages)} page(s)"
        raise ExtractionError(
            f"{path}: the PDF has no text layer ({what}): it looks like a scan. Run OCR on it first "
            "(for example ocrmypdf) or ask the insurer for the text version, then add it again"
        )
    page_lines = [_clean_lines(p) for p in pages]
    page_lines, dropped = drop_running_lines(page_lines)
    lines = [line for page in page_lines for line in page]
    lines, urls = drop_repeated_urls(lines)
    return Extracted(_join(lines), "pdf", len(pages), dropped, urls)


def _page_images(page) -> list:
    try:
        return list(page.images)
    except Exception:  # noqa: BLE001 - an unreadable image is still "not text"
        return []


# --------------------------------------------------------------------------- HTML

_SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg",
         "iframe", "button", "select", "head", "title", "meta", "link"}
_BLOCK = {"p", "div", "section", "article", "main", "ul", "ol", "li", "table", "thead", "tbody", "tr",
          "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "address", "details", "summary",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr", "caption"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _looks_like_html(raw: bytes) -> bool:
    head = raw[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _from_html(path: Path, raw: bytes) -> Extracted:
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(raw, "html.parser")
    except Exception as exc:  # noqa: BLE001 - the parser is lenient; anything left is unreadable
        raise ExtractionError(f"{path}: cannot parse the HTML ({exc})") from None
    root = soup.find("main") or soup.find("article") or soup.body or soup
    blocks: list[str] = []
    current: list[str] = []
    _walk_html(root, blocks, current)
    _flush(blocks, current)
    lines: list[str] = []
    for block in blocks:
        lines.extend([block, ""])
    lines, urls = drop_repeated_urls(lines)
    return Extracted(_join(lines), "html", 0, [], urls)


def _walk_html(node, blocks: list[str], current: list[str]) -> None:
    from bs4 import Comment, NavigableString, Tag

    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            current.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name in _SKIP or child.get("hidden") is not None or child.get("aria-hidden") == "true":
            continue
        if name == "br":
            _flush(blocks, current)
        elif name in ("td", "th"):
            current.append(" ")
            _walk_html(child, blocks, current)
            current.append(" ")
        elif name in _BLOCK:
            _flush(blocks, current)
            if name == "li":
                current.append("• ")
            _walk_html(child, blocks, current)
            _flush(blocks, current)
        else:
            _walk_html(child, blocks, current)


def _flush(blocks: list[str], current: list[str]) -> None:
    text = _SPACES.sub(" ", " ".join("".join(current).split())).strip()
    current.clear()
    if text and text != "•":
        blocks.append(text)


# --------------------------------------------------------------------------- plain text


def _from_text(path: Path, raw: bytes) -> Extracted:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExtractionError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8, or give the PDF or HTML instead"
        ) from None
    if "\x00" in text:
        raise ExtractionError(f"{path}: a binary file, not text, PDF or HTML")
    pages = text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    page_lines = [[line.rstrip() for line in page.split("\n")] for page in pages]
    dropped: list[str] = []
    if len(page_lines) > 1:  # form feeds mark pages (pdftotext output): headers can be found
        page_lines, dropped = drop_running_lines(page_lines)
    lines, urls = drop_repeated_urls([line for page in page_lines for line in page])
    return Extracted(_join(lines), "text", len(pages) if len(pages) > 1 else 0, dropped, urls)


# --------------------------------------------------------------------------- clean-up


def _clean_lines(page_text: str) -> list[str]:
    return [line.rstrip() for line in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _edge_key(line: str) -> str:
    return _SPACES.sub(" ", line).strip().casefold()


def _masked(key: str) -> str:
    return _DIGITS.sub("#", key)


def drop_running_lines(pages: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Drop lines at the top or bottom of pages that recur on most pages (running headers
    and footers). A line that differs only in a number counting up with the page
    ("5 | Titel", "6 | Titel") counts as recurring too. Returns the pages and the distinct
    lines dropped."""
    if len(pages) < 2:
        return pages, []
    need = max(2, -(-len(pages) * HEADER_SHARE // 1))
    exact: Counter[str] = Counter()
    numbered: dict[str, list[tuple[int, list[int]]]] = {}
    for n, page in enumerate(pages):
        keys = {_edge_key(page[i]) for i in _edges(page)}
        exact.update(keys)
        for key in keys:
            if _DIGITS.search(key):
                numbered.setdefault(_masked(key), []).append((n, [int(d) for d in _DIGITS.findall(key)]))
    running = {key for key, count in exact.items() if count >= need and key}
    counters = {masked for masked, seen in numbered.items() if len(seen) >= need and _counts_pages(seen)}
    if not running and not counters:
        return pages, []
    dropped: dict[str, None] = {}
    out = []
    for page in pages:
        edges = _edges(page)
        kept = []
        for index, line in enumerate(page):
            key = _edge_key(line)
            if index in edges and (key in running or _masked(key) in counters):
                dropped.setdefault(line.strip(), None)
                continue
            kept.append(line)
        out.append(kept)
    return out, list(dropped)


def _counts_pages(seen: list[tuple[int, list[int]]]) -> bool:
    """True when one of the numbers on the line is the page index plus a fixed offset."""
    width = min(len(numbers) for _, numbers in seen)
    return any(len({numbers[k] - n for n, numbers in seen}) == 1 for k in range(width))


def _edges(page: list[str]) -> set[int]:
    """Indices of the first and last non-blank lines of a page."""
    filled = [i for i, line in enumerate(page) if line.strip()]
    if len(filled) <= 2 * EDGE_LINES:
        return set(filled)
    return set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])


def drop_repeated_urls(lines: list[str]) -> tuple[list[str], int]:
    """Keep a line that holds only an address the first time; drop its repeats."""
    seen: set[str] = set()
    out: list[str] = []
    dropped = 0
    for line in lines:
        if _URL_LINE.match(line):
            key = line.strip().rstrip("/").lower()
            if key in seen:
                dropped += 1
                continue
            seen.add(key)
        out.append(line)
    return out, dropped


def _join(lines: list[str]) -> str:
    """Lines joined, runs of blank lines collapsed to one, ending in a newline."""
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
