"""Text-first side by side: every statement readable in full, without opening a cell.

One bordered row per subject (topic, route, register, ...), one column per chosen policy,
the full text wrapped, the force or status as a small label, the sources behind a 📄
popover. Rows that differ are tinted and say in what they differ. Between two years of
one insurer, the newer column can show its changed wording word by word (deleted words
struck through, added words highlighted). The rows come from
:mod:`policy_model.comparison.text_rows`; the same rows download as CSV/XLSX.

All data text is Markdown-escaped (:func:`ui.text.md_escape`); nothing is rendered as
HTML except the constant style sheet below.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from urllib.parse import urlencode

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.comparison.selection import predecessor
from policy_model.comparison.text_rows import Entry, TextRow, export_rows, worded
from policy_model.comparison.wording import Segment
from policy_model.reports.handout import comparison_handout_html
from policy_model.schema import Policy
from policy_model.vocab import NOT_STATED_LABEL
from ui.citation import show_source
from ui.export import download_table
from ui.text import md_escape, today

#: Badge colours per requirement force (Streamlit Markdown badges); other labels are grey.
FORCE_COLOURS = {"minimum": "blue", "exclusion": "red", "obligation": "violet", "expectation": "gray"}
#: Programme statuses: the same hues as the status tints (every label also has a symbol and a word).
STATUS_BADGES = {"bought": "green", "expected": "yellow", "conditional": "orange", "not_bought": "red"}

# Constant CSS, no data in it: differing rows get a tint and a bar on the left.
_CSS = """
<style>
div[class*="st-key-gli-row-diff-"] { background: #fdf6e3; border-left: 4px solid #E69F00 !important; }
div[class*="st-key-gli-row-"] [data-testid="stMarkdownContainer"] p { overflow-wrap: anywhere; }
div[class*="st-key-gli-row-"] del { background: #fbe3d6; color: #6b1d00; }
</style>
"""


def word_pairs(policies: Sequence[Policy]) -> dict[str, str]:
    """Policy key -> the key of the chosen older record of the same insurer, if any."""
    out = {}
    for policy in policies:
        older = predecessor(policies, policy)
        if older is not None:
            out[policy.key] = older.key
    return out


def segments_markdown(segments: Sequence[Segment]) -> str:
    """Escaped Markdown: deleted words struck through in red, added words on green."""
    parts = []
    for segment in segments:
        text = segment.text.strip()
        if not text:
            continue
        if segment.kind == "same":
            parts.append(md_escape(text))
        elif segment.kind == "deleted":
            parts.append(f":red[~~{md_escape(text)}~~]")
        else:
            parts.append(f":green-background[{md_escape(text)}]")
    return " ".join(parts)


def _label(entry: Entry) -> str:
    if not entry.label:
        return ""
    colour = FORCE_COLOURS.get(entry.force or "") or STATUS_BADGES.get(entry.status or "", "gray")
    return f":{colour}-badge[{md_escape(entry.label)}] "


def _entry_markdown(entry: Entry, text_markdown: str | None = None) -> str:
    body = text_markdown if text_markdown is not None else md_escape(entry.text)
    line = f"{_label(entry)}{body}"
    if entry.detail:
        line += f"  \n:gray[{md_escape(entry.detail)}]"
    return line


def cell_markdown(entries: Sequence[Entry], older: Sequence[Entry] | None = None) -> str:
    """A cell's entries as escaped Markdown; with ``older`` (the same row of the older
    record of the same insurer) the wording is shown word by word against it."""
    if not entries and not older:
        return f":gray[– {NOT_STATED_LABEL}]"
    if older is None or not entries:
        return "\n\n".join(_entry_markdown(e) for e in entries) or f":gray[– {NOT_STATED_LABEL}]"
    lines = []
    for item in worded(older, entries):
        if item.entry is None:
            lines.append(f":red[~~{md_escape(item.before or '')}~~] :gray[(staat niet meer in deze tekst)]")
        elif item.before is None:
            lines.append(_entry_markdown(item.entry, f":green-background[{md_escape(item.entry.text)}]"))
        else:
            lines.append(_entry_markdown(item.entry, segments_markdown(item.segments())))
    return "\n\n".join(lines)


def show_side_by_side(
    cat: Catalogue, rows: Sequence[TextRow], policies: Sequence[Policy], *, key: str, first: str = "Onderwerp",
    show_words: bool = False, name: str = "gli-vergelijking", empty: str = "Niets vermeld voor deze selectie.",
) -> None:
    """The rows, one bordered block each, and CSV/Excel downloads of the same content."""
    if not rows:
        st.info(empty)
        return
    st.html(_CSS)
    labels = {p.key: cat.policy_label(p) for p in policies}
    pairs = word_pairs(policies) if show_words else {}
    header = st.columns(len(policies))
    for column, policy in zip(header, policies, strict=True):
        column.markdown(f"**{md_escape(labels[policy.key])}**  \n:gray[{md_escape(cat.document_kind_label(policy))}]")
    for row in rows:
        state = "diff" if row.differs else "same"
        with st.container(border=True, key=f"gli-row-{state}-{key}-{row.key}"):
            head = f"**{md_escape(row.label)}**"
            if row.differs:
                head += f" :orange-badge[✱ verschilt: {md_escape(', '.join(row.differences))}]"
            st.markdown(head)
            columns = st.columns(len(policies))
            for column, policy in zip(columns, policies, strict=True):
                entries = row.cells.get(policy.key, ())
                older_key = pairs.get(policy.key)
                older = row.cells.get(older_key) if older_key else None
                with column:
                    st.markdown(f":gray[{md_escape(labels[policy.key])}]  \n"
                                + cell_markdown(entries, older if older_key and (older or entries) else None))
                    sources = [s for e in entries for s in e.sources]
                    if sources:
                        show_source(sources, label="📄 Bron")
    if pairs:
        st.caption("Woord voor woord: :red[~~doorgestreept~~] staat niet meer in de nieuwere tekst, "
                   ":green-background[groen gemarkeerd] is nieuw, tegenover het oudere jaar van dezelfde verzekeraar.")
    st.caption("‘– Niet vermeld in het beleid’ betekent dat het document er niets over zegt; dat is geen ‘nee’.")
    download_table(export_rows(cat, rows, policies, first, pairs), name, key=key)


def handout_button(cat: Catalogue, policies: Sequence[Policy], *, role: str | None = None) -> None:
    """Download the printable hand-out of the chosen records (one to two A4 pages)."""
    st.download_button(
        "⬇️ Hand-out (HTML, 1–2 A4)",
        partial(comparison_handout_html, cat, list(policies), today(), role=role, link=_current_link()),
        file_name="gli-hand-out-" + "-".join(p.key for p in policies) + ".html", mime="text/html",
        on_click="ignore", key="handout",
        help="Een afdrukbare samenvatting van deze vergelijking op één of twee A4: gekozen documenten, "
        "programma's, registers, routes, data, eisen per onderwerp en bronnen.",
    )


def _current_link() -> str | None:
    """The address of this view (page and every choice in the URL), printed on the hand-out
    so a reader can open the same comparison; None where the server cannot tell it."""
    base = (st.context.url or "").split("?")[0]
    if not base:
        return None
    query = urlencode([(key, value) for key in st.query_params for value in st.query_params.get_all(key)])
    return f"{base}?{query}" if query else base


def filter_rows(rows: Sequence[TextRow], only_differences: bool) -> list[TextRow]:
    return [r for r in rows if r.differs] if only_differences else list(rows)
