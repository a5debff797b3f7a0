"""A faster answer to the one question ``st.html`` asks of every body: is it only style tags?

Streamlit (1.67) sends a body that holds nothing but ``<style>`` blocks and comments to
the page's event container (it takes no room) and decides that with two regular-expression
passes over the whole body, the second case-insensitive, so character by character: for
the pages' large blocks of escaped HTML (the side-by-side rows, the "about" sections, 30
to 170 KB) about half a millisecond per block and rerun, for an answer the first
characters already give. A body whose first non-blank characters start neither a comment
nor a style tag cannot be style-only: nothing before them can be removed, and they are
not the start of anything the passes remove. Only such bodies are answered here;
everything else goes to Streamlit's own check, so the answer is always the same as
Streamlit's (tests/ui/test_html_check.py compares them).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from streamlit.elements import html as _st_html

#: What a removable part starts with, with the flags of Streamlit's own patterns.
_REMOVABLE_START = re.compile(r"<!--|<style", re.IGNORECASE)

streamlit_check: Callable[[str], bool] = getattr(_st_html, "_streamlit_only_style_tags",
                                                 getattr(_st_html, "_html_only_style_tags", None))


def only_style_tags(html_content: str) -> bool:
    """Streamlit's answer, without reading the body when its start already decides it."""
    start = html_content.lstrip()
    if start and not _REMOVABLE_START.match(start):
        return False
    return streamlit_check(html_content)


def install() -> None:
    """Answer Streamlit's question with :func:`only_style_tags` (once; harmless again). Does
    nothing when this Streamlit has no such check (a test then says so)."""
    if streamlit_check is None or _st_html._html_only_style_tags is only_style_tags:
        return
    _st_html._streamlit_only_style_tags = streamlit_check
    _st_html._html_only_style_tags = only_style_tags


install()
