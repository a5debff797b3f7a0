"""A PDF's text with its structure: paragraphs, bullets and headings recovered from the layout.

A PDF holds positioned glyphs, not paragraphs. pdfplumber (MIT, on pdfminer.six) gives every
text line with its position, font and size, and the small shapes drawn beside it; from those:

- a **paragraph** ends where the gap to the next line is clearly larger than the gap between
  the lines of a paragraph (the document's own most common line gap), where the indent
  steps back, or before a bullet or a heading;
- a **bullet** is a line that starts with a bullet glyph (``•``, ``●``, ``▪``, the Symbol
  font's private-use bullet) or has a small drawn disc or square just left of it (how
  Chromium and Word print list markers); it is written as ``• text``;
- a **heading** is a line in a larger font than the body text, or a short bold line that
  does not end a sentence, standing on its own;
- **running headers and footers** (lines at the top or bottom of most pages, page numbers
  counting up) are left out, as for any PDF (:func:`~policy_model.curation.extract.drop_running_lines`).

The result is written as lines (one per PDF line, so the words stay the document's own) with
a blank line between paragraphs and around headings: the shape the outline
(:mod:`~policy_model.curation.locate`) and the paragraph splitter read.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

#: Glyphs that start a list item (the Symbol and Wingdings private-use bullets included).
BULLETS = ("•", "●", "▪", "■", "◦", "‣", "∙", "·", "", "", "", "", "", "➢", "►", "✓")
#: A drawn marker is at most this wide and high (points), and ends at most this far left of the text.
MARKER_MAX = 8.0
MARKER_GAP = 30.0
HEADING_RATIO = 1.15
MAX_HEADING_WORDS = 16


@dataclass
class Line:
    text: str
    x0: float
    top: float
    bottom: float
    size: float
    bold: bool
    bullet: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top


def page_lines(page) -> list[Line]:
    """The text lines of one pdfplumber page, with drawn list markers attached."""
    markers = [shape for shape in (*page.curves, *page.rects)
               if shape["width"] <= MARKER_MAX and shape["height"] <= MARKER_MAX]
    lines: list[Line] = []
    for raw in page.extract_text_lines(strip=True, return_chars=True):
        chars = [c for c in raw["chars"] if c["text"].strip()]
        if not chars or not raw["text"].strip():
            continue
        sizes = Counter(round(c["size"], 1) for c in chars)
        bold = sum("bold" in c["fontname"].lower() or "black" in c["fontname"].lower() for c in chars)
        line = Line(raw["text"].strip(), raw["x0"], raw["top"], raw["bottom"], sizes.most_common(1)[0][0],
                    bold >= 0.6 * len(chars))
        _mark_bullet(line, markers)
        lines.append(line)
    return lines


def _mark_bullet(line: Line, markers: list[dict]) -> None:
    first = line.text[:1]
    if first in BULLETS:
        line.text = "• " + line.text[1:].strip()
        line.bullet = True
        return
    if line.text[:2] in ("- ", "– ") and len(line.text) > 3:
        line.text = "• " + line.text[2:].strip()
        line.bullet = True
        return
    for shape in markers:
        middle = (shape["top"] + shape["bottom"]) / 2
        if line.top <= middle <= line.bottom and 0 <= line.x0 - shape["x1"] <= MARKER_GAP:
            line.text = "• " + line.text
            line.bullet = True
            return


@dataclass(frozen=True)
class Measures:
    """The document's body font size and the usual gap between the lines of a paragraph."""

    body_size: float
    line_gap: float


def measure(pages: list[list[Line]]) -> Measures:
    weights: Counter[float] = Counter()
    for page in pages:
        for line in page:
            weights[line.size] += len(line.text)
    body = weights.most_common(1)[0][0] if weights else 10.0
    gaps = [round(b.top - a.bottom, 1) for page in pages for a, b in zip(page, page[1:], strict=False)
            if a.size == body and b.size == body and b.top > a.bottom - 1]
    usual = statistics.median_low(gaps) if gaps else body * 0.3
    common = Counter(gaps).most_common(1)
    if common and common[0][1] >= len(gaps) / 4:
        usual = common[0][0]
    return Measures(body, max(usual, 0.0))


def is_heading(line: Line, m: Measures) -> bool:
    words = len(line.text.split())
    if words > MAX_HEADING_WORDS or line.bullet or line.text.endswith((".", ",", ";")):
        return False
    if line.size >= m.body_size * HEADING_RATIO:
        return True
    return line.bold and words <= 12 and line.text[:1].isupper() or line.bold and line.text[:1].isdigit()


def breaks_before(prev: Line, line: Line, m: Measures, bullet_indent: float | None) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev`` on the same page."""
    if line.bullet:
        return True
    gap = line.top - prev.bottom
    if gap > m.line_gap + 0.45 * m.body_size:
        return True
    if bullet_indent is not None and line.x0 < bullet_indent - 2:
        return True  # the indent steps back: the list item has ended
    return abs(line.size - prev.size) > 0.5


def structured_text(pages: list[list[Line]]) -> list[list[str]]:
    """Per page, its lines with blank lines between paragraphs and around headings."""
    m = measure(pages)
    out: list[list[str]] = []
    for page in pages:
        lines: list[str] = []
        prev: Line | None = None
        bullet_indent: float | None = None
        prev_heading = False
        for line in page:
            heading = is_heading(line, m)
            if prev is not None and (heading or prev_heading or breaks_before(prev, line, m, bullet_indent)):
                if lines and lines[-1] != "":
                    lines.append("")
            if line.bullet:
                bullet_indent = line.x0
            elif heading or (bullet_indent is not None and line.x0 < bullet_indent - 2):
                bullet_indent = None
            if lines and lines[-1] and _hyphen_break(lines[-1], line.text):
                lines[-1] += line.text  # "niet-" + "gecontracteerde": one word broken at its hyphen
            else:
                lines.append(line.text)
            prev, prev_heading = line, heading
        out.append(lines)
    return out


def paragraph_lines(lines: list[str]) -> list[str]:
    """One line per paragraph: the PDF's wrapped lines of a paragraph joined.

    A wrapped line that happens to be short and capitalised would otherwise read as a
    subheading. A numbered section heading and an address line keep their own line (a PDF in
    one font puts "2.4 Looptijd" straight above its text)."""
    from policy_model.curation.locate import section_level

    out: list[str] = []
    for line in lines:
        if (line and out and out[-1] and section_level(out[-1]) is None
                and not _ADDRESS.match(out[-1]) and not _ADDRESS.match(line) and not line.startswith("• ")):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


_ADDRESS = re.compile(r"^\s*(https?://|www\.|mailto:)\S*\s*$", re.IGNORECASE)


def _hyphen_break(previous: str, text: str) -> bool:
    """A line that ends in a word's own hyphen, continued in lower case on the next line."""
    return (len(previous) > 1 and previous.endswith("-") and previous[-2].isalpha()
            and text[:1].islower())


def pdf_pages(document) -> list[list[Line]]:
    """Every page's lines of an open pdfplumber document."""
    pages = []
    for page in document.pages:
        pages.append(page_lines(page))
        page.flush_cache()  # pdfplumber keeps every object of a page until told otherwise
    return pages
