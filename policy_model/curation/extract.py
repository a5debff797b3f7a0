"""Turn a PDF, an HTML page or a plain-text file into the plain text the dataset quotes from.

PDF text comes from pdfplumber with its layout read into paragraphs, bullets and headings
(:mod:`.pdf_layout`); HTML text from BeautifulSoup (the standard-library parser, so no
compiled dependency). Both keep the document's own words and line structure; nothing is
summarised or reordered, so a quote copied from the output is a quote from the document.

What would break quotes is left out:

- page headers and footers: lines at the top or bottom of a page that recur on most pages
  (digits are ignored when comparing, so "5 | Titel 2027" and "6 | Titel 2027" are one line);
- repeated URL lines: a line holding only an address is kept the first time and dropped
  after that (PDF link annotations and web footers repeat them on every page).

Reading is bounded by size, never by content: only a regular file (no FIFO, no device) of
at most :data:`MAX_SOURCE_BYTES`, an HTML page of at most :data:`MAX_HTML_BYTES` nested at
most :data:`MAX_HTML_DEPTH` deep, a PDF of at most :data:`MAX_PDF_PAGES` pages whose page
contents decompress to at most :data:`MAX_PDF_CONTENT_BYTES`. Untrusted files are parsed in
a separate process with a time and memory limit (:mod:`.worker`).

Errors are :class:`ExtractionError` with a message a curator can act on: the file is
missing or unreadable, empty, too large, a PDF without a text layer (a scan), encrypted, a
Word file or an image, not UTF-8 text.
"""

from __future__ import annotations

import io
import os
import re
import stat
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
#: The largest file read at all (a policy PDF is typically 0.2-3 MB).
MAX_SOURCE_BYTES = 20 * 1024 * 1024
#: The largest HTML page and plain-text file (a policy web page is well below 1 MB).
MAX_HTML_BYTES = 5 * 1024 * 1024
MAX_HTML_DEPTH = 400
MAX_PDF_PAGES = 300
#: The page contents of a PDF, decompressed and counted once per page that draws them.
MAX_PDF_CONTENT_BYTES = 60 * 1024 * 1024

#: Files that are not documents we can read, by their first bytes: what they are and what to do.
_NOT_DOCUMENTS = (
    (b"PK\x03\x04", "a Word, Excel or other Office file (or a zip)",
     "open it and save it as PDF (File > Save as > PDF), then add the PDF"),
    (b"\xd0\xcf\x11\xe0", "an old-style Word or Excel file (.doc/.xls)",
     "open it and save it as PDF (File > Save as > PDF), then add the PDF"),
    (b"{\\rtf", "an RTF document", "open it and save it as PDF, then add the PDF"),
    (b"\x89PNG", "an image (PNG)", "an image has no text: run OCR (for example ocrmypdf) or ask for the PDF"),
    (b"\xff\xd8\xff", "an image (JPEG)", "an image has no text: run OCR (for example ocrmypdf) or ask for the PDF"),
    (b"GIF8", "an image (GIF)", "an image has no text: ask for the PDF or the web page"),
    (b"II*\x00", "an image (TIFF)", "an image has no text: run OCR (for example ocrmypdf) or ask for the PDF"),
    (b"MM\x00*", "an image (TIFF)", "an image has no text: run OCR (for example ocrmypdf) or ask for the PDF"),
    (b"RIFF", "an image or media file", "ask for the PDF or the web page"),
)


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


def read_bounded(path: Path, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; FIFOs and devices are refused unopened."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ExtractionError(f"{path}: file not found") from None
    except OSError as exc:
        raise ExtractionError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ExtractionError(f"{path}: is a folder; give the document file")
    if not stat.S_ISREG(info.st_mode):
        raise ExtractionError(f"{path}: is a device, FIFO or socket, not a regular file; save the document as a file")
    if info.st_size > limit:
        raise ExtractionError(f"{path}: {_mb(info.st_size)} is larger than the {_mb(limit)} a source may be")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise ExtractionError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > limit:  # it grew while we looked
        raise ExtractionError(f"{path}: larger than the {_mb(limit)} a source may be")
    return raw


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def extract(path: Path) -> Extracted:
    """The plain text of a PDF, HTML or text file, read and parsed in this process.

    For files from outside (a curator's download, a visitor's upload) use
    :func:`policy_model.curation.worker.extract_bounded`, which runs this in a worker
    process with a time and memory limit."""
    path = Path(path)
    return extract_bytes(read_bounded(path), str(path))


def extract_bytes(raw: bytes, name: str) -> Extracted:
    """The plain text of a document given as bytes (kind chosen by content, then by the name's suffix)."""
    suffix = Path(name).suffix.lower()
    if len(raw) > MAX_SOURCE_BYTES:
        raise ExtractionError(f"{name}: {_mb(len(raw))} is larger than the {_mb(MAX_SOURCE_BYTES)} a source may be")
    if not raw.strip():
        raise ExtractionError(f"{name}: the file is empty")
    head = raw.lstrip()[:8]
    if head[:5] == PDF_MAGIC:
        result = _from_pdf(name, raw)
    elif suffix == ".pdf":
        raise ExtractionError(f"{name}: not a PDF file (it does not start with %PDF-); is the download complete?")
    else:
        _refuse_non_documents(name, raw)
        if len(raw) > MAX_HTML_BYTES:
            raise ExtractionError(f"{name}: {_mb(len(raw))} is larger than the {_mb(MAX_HTML_BYTES)} a web page or "
                                  "text may be; save only the policy's own page")
        if suffix in HTML_SUFFIXES or _looks_like_html(raw):
            result = _from_html(name, raw)
        else:
            result = _from_text(name, raw)
    if not result.text.strip():
        raise ExtractionError(f"{name}: no text found in the {result.kind} file")
    return result


def _refuse_non_documents(name: str, raw: bytes) -> None:
    for magic, what, todo in _NOT_DOCUMENTS:
        if raw.startswith(magic):
            raise ExtractionError(f"{name}: this is {what}, not a PDF, web page or text; {todo}")
    suffix = Path(name).suffix.lower()
    if suffix in (".doc", ".docx", ".odt", ".xls", ".xlsx", ".ppt", ".pptx"):
        raise ExtractionError(f"{name}: an Office document is not read; save it as PDF and add the PDF")


# --------------------------------------------------------------------------- PDF


def _from_pdf(name: str, raw: bytes) -> Extracted:
    pages = _pdf_line_pages(name, raw)
    if not any(page for page in pages):
        raise ExtractionError(
            f"{name}: the PDF has no text layer ({len(pages)} page(s)): it looks like a scan. Run OCR on it first "
            "(for example ocrmypdf) or ask the insurer for the text version, then add it again"
        )
    from policy_model.curation.pdf_layout import paragraph_lines, structured_text

    page_lines = structured_text(pages)
    page_lines, dropped = drop_running_lines(page_lines)
    lines = paragraph_lines(_join_pages(page_lines))
    lines, urls = drop_repeated_urls(lines)
    return Extracted(_join(lines), "pdf", len(pages), dropped, urls)


def check_pdf_bounds(name: str, raw: bytes) -> int:
    """The page count, after refusing encrypted PDFs and PDFs too large to read (pypdf, no text yet)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (PyPdfError, NotImplementedError, ValueError, KeyError, TypeError):
                opened = 0
            if not opened:
                raise ExtractionError(f"{name}: the PDF is encrypted with a password; ask for or save an "
                                      "unprotected copy (print to PDF), then add that")
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise ExtractionError(f"{name}: {count} pages is more than the {MAX_PDF_PAGES} a policy PDF may have")
        total, seen = 0, {}
        for page in reader.pages:
            for key, stream in _page_streams(page):
                if key not in seen:
                    seen[key] = len(stream.get_data()) if hasattr(stream, "get_data") else 0
                total += seen[key]
                if total > MAX_PDF_CONTENT_BYTES:
                    raise ExtractionError(f"{name}: the pages' contents decompress to more than "
                                          f"{_mb(MAX_PDF_CONTENT_BYTES)}; this is not an ordinary policy PDF")
        return count
    except ExtractionError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, RecursionError) as exc:
        raise ExtractionError(f"{name}: cannot read the PDF ({type(exc).__name__}: {str(exc)[:200]})") from None


def _page_streams(page) -> list[tuple[object, object]]:
    """A page's content streams, each with a key that is the same wherever pages share it."""
    from pypdf.generic import ArrayObject, IndirectObject

    ref = page.raw_get("/Contents") if "/Contents" in page else None
    if ref is None:
        return []
    obj = ref.get_object()
    items = list(obj) if isinstance(obj, ArrayObject) else [ref]
    return [((item.idnum, item.generation) if isinstance(item, IndirectObject) else id(item), item.get_object())
            for item in items]


def _pdf_line_pages(name: str, raw: bytes) -> list:
    check_pdf_bounds(name, raw)
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    from policy_model.curation.pdf_layout import pdf_pages

    try:
        with pdfplumber.open(io.BytesIO(raw), password="") as document:
            if not document.pages:
                raise ExtractionError(f"{name}: the PDF has no pages")
            return pdf_pages(document)
    except ExtractionError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ExtractionError(f"{name}: the PDF is encrypted in a way that cannot be read; save an unprotected "
                              "copy (print to PDF), then add that") from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError) as exc:
        raise ExtractionError(f"{name}: cannot read the PDF ({type(exc).__name__}: {str(exc)[:200]})") from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises its own types for broken files
        if type(exc).__module__.startswith(("pdfminer", "pdfplumber", "pypdfium2")):
            raise ExtractionError(f"{name}: cannot read the PDF ({type(exc).__name__})") from None
        raise


def _join_pages(pages: list[list[str]]) -> list[str]:
    """The pages' lines in one list: a paragraph that runs on over a page break is kept whole."""
    lines: list[str] = []
    for page in pages:
        filled = [line for line in page if line.strip()]
        if not filled:
            continue
        last = next((line for line in reversed(lines) if line.strip()), "")
        runs_on = last and not last.rstrip().endswith((".", ":", "?", "!", ";")) and filled[0][:1].islower()
        if lines and not runs_on:
            lines.append("")
        lines.extend(page)
    return lines


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


def _from_html(name: str, raw: bytes) -> Extracted:
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(raw, "html.parser")
    except Exception as exc:  # noqa: BLE001 - the parser is lenient; anything left is unreadable
        raise ExtractionError(f"{name}: cannot parse the HTML ({str(exc)[:200]})") from None
    depth = _depth(soup)
    if depth > MAX_HTML_DEPTH:
        raise ExtractionError(f"{name}: the HTML is nested {depth} elements deep (at most {MAX_HTML_DEPTH}); "
                              "this is not an ordinary web page: save the page again from the browser")
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


def _depth(soup) -> int:
    """How deeply elements nest (iteratively: a deep page must not exhaust the call stack)."""
    from bs4 import Tag

    deepest, stack = 0, [(soup, 0)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > MAX_HTML_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in node.children if isinstance(child, Tag))
    return deepest


_EXIT = object()


def _walk_html(root, blocks: list[str], current: list[str]) -> None:
    """The page's text as blocks: one per paragraph, list item, heading or table row.

    Iterative, with an explicit stack, so that nesting depth costs memory, not recursion."""
    from bs4 import Comment, NavigableString, Tag

    stack: list = list(reversed(list(root.children)))
    while stack:
        node = stack.pop()
        if isinstance(node, tuple) and node[0] is _EXIT:
            if node[1] in ("td", "th"):
                current.append(" ")
            else:
                _flush(blocks, current)
            continue
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            current.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name.lower()
        if name in _SKIP or node.get("hidden") is not None or node.get("aria-hidden") == "true":
            continue
        if name == "br":
            _flush(blocks, current)
            continue
        if name in ("td", "th"):
            current.append(" ")
            stack.append((_EXIT, name))
        elif name in _BLOCK:
            _flush(blocks, current)
            if name == "li":
                current.append("• ")
            stack.append((_EXIT, name))
        stack.extend(reversed(list(node.children)))


def _flush(blocks: list[str], current: list[str]) -> None:
    text = _SPACES.sub(" ", " ".join("".join(current).split())).strip()
    current.clear()
    if text and text != "•":
        blocks.append(text)


# --------------------------------------------------------------------------- plain text


def _from_text(path: str, raw: bytes) -> Extracted:
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
