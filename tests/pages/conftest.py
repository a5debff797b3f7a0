"""AppTest helpers: a fresh app per test, with Streamlit's caches cleared in between."""

from __future__ import annotations

import html
import os
import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.apptest_setup import remember_loaded_catalogues
from tests.conftest import REPO
from ui.guard import RERAISE_ENV

# The page guard (ui/guard.py) turns errors into a Dutch message for visitors; in these
# tests an error must stay an exception (at.exception), except where the guard is tested.
os.environ.setdefault(RERAISE_ENV, "1")
remember_loaded_catalogues()  # the unchanged data folder is loaded once per process


@pytest.fixture(autouse=True)
def _clear_caches():
    # st.cache_* survive between AppTest instances in one process.
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def open_page(page: str | None = None, **query: object) -> AppTest:
    """Run the app (optionally switched to ``pages/<page>.py``) and return the AppTest."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py")
        at.run()
    return at


def all_text(at: AppTest) -> str:
    """Every markdown, caption, metric, info and dataframe text of the page, joined."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "success", "error", "code"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    for frame in at.dataframe:
        parts.append(frame.value.to_string())
    parts += [html_text(body) for body in html_bodies(at)]
    return "\n".join(parts)


def plain_text(at: AppTest) -> str:
    """:func:`all_text` as a reader sees it: Markdown's backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", all_text(at))


def html_bodies(at: AppTest) -> list[str]:
    """The HTML of every st.html element except style blocks (the side-by-side cells)."""
    return [e.proto.body for e in at.get("html") if not e.proto.body.lstrip().startswith("<style")]


def html_text(body: str) -> str:
    """HTML as the text a reader sees: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def sourced_lines(at: AppTest) -> list[str]:
    """The text of every sourced line on the page (``ui.citation.show_sourced_lines``), as
    HTML with its entities decoded (``<b>`` marks the bold part), without its sources."""
    return [html.unescape(line) for body in html_bodies(at)
            for line in re.findall(r"<div class='gli-line'>(.*?)<details>", body)]


def about_sections(at: AppTest) -> dict[str, tuple[bool, str]]:
    """The "about" sections of the page (``ui.about``): link parameter -> (open, the text a
    reader sees when it is open, its label first)."""
    found = {}
    for body in html_bodies(at):
        for key, opened, inner in re.findall(
                r"<details class='gli-about-item' data-key='([^']*)'( open)?>(.*?)</div></details>(?=<details class='gli-about|</div>)",
                body, flags=re.S):
            found[html.unescape(key)] = (bool(opened), html_text(inner))
    return found


def column_heads(at: AppTest) -> list[tuple[str, str]]:
    """The column heads above the side-by-side rows (``ui.side_by_side``): (record label,
    kind of document) per column, in order, of every comparison on the page."""
    return [(html.unescape(label), html.unescape(kind)) for body in html_bodies(at)
            for label, kind in re.findall(r"<p><b>([^<]*)</b><br><span class='gli-kind'>([^<]*)</span></p>", body)]
