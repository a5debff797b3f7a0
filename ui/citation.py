"""How a source is shown: the same everywhere, one click or hover away from each fact.

Two forms: a popover button beside a line of Markdown (:func:`sourced_line`), and, where a
page shows many sourced lines, escaped HTML with a native disclosure per line
(:func:`show_sourced_lines`; the comparison pages' cells use the same disclosure,
:func:`sources_html`): one element for the whole block instead of columns, Markdown and a
popover per line.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.schema import Source, SourceDocument
from ui.data import catalogue
from ui.text import md_escape

SOURCE_COLUMNS = ("Bron", "Citaat", "Document")


def source_markdown(source: Source) -> str:
    """Escaped Markdown: document, section, the verbatim quote, and a link to the original."""
    doc = catalogue().source(source.document)
    text = (
        f"**{md_escape(doc.title)}** ({md_escape(doc.publisher)})  \n"
        f"Paragraaf: {md_escape(source.section)}  \n"
        f"> “{md_escape(source.quote)}”"
    )
    if doc.url:
        text += f"  \n\n[Origineel document]({doc.url})" if doc.url.startswith("https://") else ""
    return text


def show_source(source: Source | Sequence[Source], *, label: str = "📄 Bron") -> None:
    """A small popover with the full citation (several, for a comparison of two documents)."""
    sources = [source] if isinstance(source, Source) else list(source)
    with st.popover(label):
        st.markdown("\n\n---\n\n".join(source_markdown(s) for s in sources))


def source_columns(source: Source, cat: Catalogue | None = None) -> dict[str, str]:
    """Citation columns for a table row (see :func:`source_column_config`).

    Pass ``cat`` when building many rows: it saves a cache lookup per row.
    """
    doc = (cat or catalogue()).source(source.document)
    return {
        "Bron": f"{doc.publisher} – § {source.section}",
        "Citaat": source.quote,
        "Document": doc.url or "",
    }


def source_column_config() -> dict:
    return {
        "Bron": st.column_config.TextColumn("Bron", help="Document en paragraaf waar dit staat", width="medium"),
        "Citaat": st.column_config.TextColumn("Citaat", help="Letterlijk citaat uit het document (beweeg erover voor de hele tekst)", width="large"),
        "Document": st.column_config.LinkColumn("Document", help="Originele vindplaats van het document", display_text="openen", width="small"),
    }


def sourced_line(markdown: str, source: Source | Sequence[Source], *, help: str | None = None) -> None:
    """One line of (already escaped) Markdown with its source popover beside it."""
    left, right = st.columns([6, 1])
    left.markdown(markdown, help=help)
    with right:
        show_source(source)


def original_link_html(doc: SourceDocument) -> str:
    """`` origineel`` linking a source document's address (https only, escaped), or ""."""
    if not (doc.url and doc.url.startswith("https://")):
        return ""
    return f" <a href='{escape(doc.url, quote=True)}' target='_blank' rel='noopener noreferrer'>origineel</a>"


def sources_html(cat: Catalogue, sources: Sequence[Source]) -> str:
    """The citations behind a text in a native disclosure (📄 Bron): document, section,
    a link to the original, the quote. All escaped."""
    if not sources:
        return ""
    items = []
    for source in dict.fromkeys(sources):
        doc = cat.source(source.document)
        link = original_link_html(doc)
        items.append(f"<b>{escape(doc.title)}</b> ({escape(doc.publisher)}), § {escape(source.section)}{link}"
                     f"<blockquote>“{escape(source.quote)}”</blockquote>")
    return f"<details><summary>📄 Bron</summary>{''.join(items)}</details>"


# Constant CSS, no data in it: a sourced line reads as a paragraph, its 📄 Bron after the
# text; a heading as a bold paragraph. At the end of each block (one element, not two).
LINES_CSS = """<style>
.gli-lines .gli-line, .gli-lines .gli-lines-head { line-height: 1.6; margin: 0 0 .55rem; overflow-wrap: anywhere; }
.gli-lines .gli-lines-head { margin-top: .9rem; }
.gli-lines .gli-lines-head:first-child { margin-top: 0; }
.gli-lines .gli-line details { display: inline-block; margin-left: .4rem; }
.gli-lines .gli-line summary { cursor: pointer; color: #31333f; }
.gli-lines .gli-line details[open] { display: block; margin: .2rem 0 0; }
.gli-lines .gli-line blockquote { margin: .25rem 0 .5rem; padding-left: .6rem; border-left: 3px solid #ccc; }
</style>"""

#: One line: its text as escaped HTML (:func:`ui.text.html_escape`, ``<b>`` for emphasis) and its sources.
SourcedLine = tuple[str, Source | Sequence[Source]]
#: A heading (escaped HTML; empty for none) and its lines.
LineSection = tuple[str, Sequence[SourcedLine]]


def sourced_lines_html(cat: Catalogue, sections: Sequence[LineSection], *, style: bool = True) -> str:
    """Sections of lines of (already escaped) HTML, each line with its sources one click
    away; a section without lines is left out, heading and all. ``style=False`` leaves out
    the style sheet (:data:`LINES_CSS`), for a block that has it once for many of these."""
    out = []
    for heading, lines in sections:
        if not lines:
            continue
        if heading:
            out.append(f"<div class='gli-lines-head'>{heading}</div>")
        for text, source in lines:
            sources = [source] if isinstance(source, Source) else list(source)
            out.append(f"<div class='gli-line'>{text}{sources_html(cat, sources)}</div>")
    return f"<div class='gli-lines'>{''.join(out)}</div>{LINES_CSS if style else ''}" if out else ""


def show_sourced_lines(cat: Catalogue, *sections: LineSection) -> None:
    """The sections as one block (nothing when no section has a line)."""
    block = sourced_lines_html(cat, sections)
    if block:
        st.html(block)
