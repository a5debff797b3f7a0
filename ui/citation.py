"""How a source is shown: the same everywhere, one click or hover away from each fact."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.schema import Source
from ui.data import catalogue
from ui.text import md_escape

SOURCE_COLUMNS = ("Bron", "Citaat", "Document")


def source_label(source: Source) -> str:
    """``Zorginkoopbeleid GLI 2024 (Zorg en Zekerheid), 5.1 Minimum- en kwaliteitseisen``."""
    doc = catalogue().source(source.document)
    return f"{doc.publisher}: {doc.title}, § {source.section}"


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
