"""Next year's Zorg en Zekerheid document, made from the 2024 text with every year moved on by
one and twelve logged edits, as an HTML page and as a PDF that Chromium prints from it.

The edits are the curator's round trip of issue 20: two new dates and a date moved half a
year, a number, a duration and opening hours, two deleted paragraphs, two new requirements,
a sentence moved to another section, and a rewording.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from policy_model.curation.locate import SUB, build_outline
from policy_model.curation.paragraphs import paragraphs


@dataclass(frozen=True)
class Edit:
    number: int
    kind: str  # value | deleted | added | moved | reworded
    old: str  # the words of the 2024 text (years moved on) that change; "" for an addition
    new: str  # what the new document says instead ("" for a deletion)
    anchor: str = ""  # added/moved: the heading after which the new paragraph goes


NEW_REQUIREMENT_1 = ("Zorg en Zekerheid vraagt multidisciplinaire samenwerkingsverbanden vanaf 2025 jaarlijks een "
                     "duurzaamheidsplan voor de GLI aan te leveren.")
NEW_REQUIREMENT_2 = ("De leefstijlcoach volgt jaarlijks ten minste acht uur bijscholing over motiverende "
                     "gespreksvoering.")
MOVED = "Digitale zorg is een onderdeel van het verlenen van zorg op de juiste plek."

EDITS = (
    Edit(1, "value", "9 november 2024 Uiterste datum", "7 november 2024 Uiterste datum"),
    Edit(2, "value", "vóór 1 januari 2025 een Wtza", "vóór 1 juli 2025 een Wtza"),
    Edit(3, "value", "binnen een week na doorverwijzing", "binnen twee weken na doorverwijzing"),
    Edit(4, "value", "De zorgovereenkomst wordt aangegaan voor de duur van één jaar.",
         "De zorgovereenkomst wordt aangegaan voor de duur van twee jaar."),
    Edit(5, "value", "tussen 8 en 12 uur telefonisch", "tussen 9 en 13 uur telefonisch"),
    Edit(6, "value", "1 april 2024 Publicatie zorginkoopbeleid", "2 april 2024 Publicatie zorginkoopbeleid"),
    Edit(7, "deleted", "Om een gezonde leefstijl bij verzekerden te bereiken", ""),
    Edit(8, "deleted", "De afgelopen jaren is toegewerkt naar het mogelijk maken van preventieve leefstijlzorg", ""),
    Edit(9, "added", "", NEW_REQUIREMENT_1, anchor="5.1 Minimum- en kwaliteitseisen"),
    Edit(10, "added", "", NEW_REQUIREMENT_2, anchor="Eisen aan de GLI"),
    Edit(11, "moved", MOVED, MOVED, anchor="4.2 Impactvolle transformaties"),
    Edit(12, "reworded", "De leefstijlcoach registreert per verzekerde ten minste de landelijk afgesproken set "
         "kwaliteitsindicatoren.", "De leefstijlcoach legt per verzekerde minimaal de landelijk afgesproken set "
         "kwaliteitsindicatoren vast."),
)


@dataclass
class Block:
    kind: str  # h2.. h5 | p | li
    text: str


def years_moved(raw: str) -> str:
    """Every 2023 and 2024 one year on (a next year's document says the same of its own years)."""
    return re.sub(r"\b(2023|2024)\b", lambda m: str(int(m.group(0)) + 1), raw)


def blocks_of(raw: str) -> list[Block]:
    """The text's paragraphs as HTML blocks: headings by their outline level, bullets as items."""
    outline = build_outline(raw)
    levels = {h.line: h.level for h in outline.headings}
    out: list[Block] = []
    for para in paragraphs(raw, outline):
        level = levels.get(para.line)
        if level is not None and level < SUB:
            out.append(Block(f"h{min(level + 1, 4)}", para.text))
        elif level == SUB:
            out.append(Block("h5", para.text))
        elif para.text.startswith("•"):
            out.append(Block("li", para.text.lstrip("• ").strip()))
        else:
            out.append(Block("p", para.text))
    return out


def apply_edits(blocks: list[Block], edits: tuple[Edit, ...] = EDITS) -> list[Block]:
    blocks = [Block(b.kind, b.text) for b in blocks]
    for edit in edits:
        if edit.kind in ("value", "reworded"):
            hits = [b for b in blocks if edit.old in b.text]
            assert len(hits) == 1, (edit, len(hits))
            hits[0].text = hits[0].text.replace(edit.old, edit.new)
        elif edit.kind == "deleted":
            hits = [b for b in blocks if edit.old in b.text]
            assert len(hits) == 1, (edit, len(hits))
            blocks.remove(hits[0])
        elif edit.kind == "moved":
            hits = [b for b in blocks if edit.old in b.text]
            assert len(hits) == 1, edit
            hits[0].text = " ".join(hits[0].text.replace(edit.old, "").split())
            _insert_after(blocks, edit.anchor, Block("p", edit.new))
        elif edit.kind == "added":
            _insert_after(blocks, edit.anchor, Block("li" if edit.number == 10 else "p", edit.new))
    return blocks


def _insert_after(blocks: list[Block], heading: str, block: Block) -> None:
    index = next(n for n, b in enumerate(blocks) if b.kind.startswith("h") and b.text.startswith(heading))
    blocks.insert(index + 1, block)


def to_html(blocks: list[Block], title: str) -> str:
    body: list[str] = []
    in_list = False
    for block in blocks:
        if block.kind == "li" and not in_list:
            body.append("<ul>")
            in_list = True
        elif block.kind != "li" and in_list:
            body.append("</ul>")
            in_list = False
        tag = block.kind
        body.append(f"<{tag}>{html.escape(block.text, quote=False)}</{tag}>")
    if in_list:
        body.append("</ul>")
    return (f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            "<style>body{font-family:sans-serif;font-size:11pt;max-width:40em}</style></head><body><main>"
            + "\n".join(body) + "</main></body></html>\n")


def next_year_html(source: Path, edits: tuple[Edit, ...] = EDITS) -> str:
    raw = years_moved(source.read_text(encoding="utf-8"))
    return to_html(apply_edits(blocks_of(raw), edits), "Zorginkoopbeleid GLI 2025")


def print_pdf(html_path: Path, pdf_path: Path) -> Path:
    """Chromium's own print to PDF (as a curator's browser would), A4 with margins.

    Chromium runs as its own process (``--print-to-pdf``), not through Playwright: the
    browser tests' Playwright session may already hold this process's event loop.
    """
    import subprocess
    import tempfile

    from tests.e2e.server import CHROMIUM_ARGS, chromium_path

    page = html_path.with_suffix(".print.html")
    text = html_path.read_text(encoding="utf-8")
    page.write_text(text.replace("<style>", "<style>@page{size:A4;margin:2cm}", 1), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium_path() or "chromium", "--headless", *CHROMIUM_ARGS, f"--user-data-dir={profile}",
             "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", page.resolve().as_uri()],
            check=True, capture_output=True, timeout=120,
        )
    return pdf_path
