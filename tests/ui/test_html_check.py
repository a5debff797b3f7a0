"""The faster style-only check of st.html bodies gives Streamlit's own answer for every body."""

from __future__ import annotations

import pytest
from streamlit.elements import html as st_html

from ui import html_check

BODIES = [
    "", " ", "\n\t ", "<style>a{}</style>", "  <STYLE type='text/css'>a{}</STYLE>\n", "<style>a</style><!-- c -->",
    "<!-- only a comment -->", "<!-- c --><style>x</style> ", "<!-- c --><div>x</div>", "<style>a</style>x",
    "x<style>a</style>", "<div>x</div><style>a</style>", "<div class='gli-row'>…</div>", "<styles>a</styles>",
    "<ſtyle>a</ſtyle>", "<ſtyle>a</style>", "\u2028<style>a</style>", "\u00a0<style>a</style>", "<sty", "<",
    "<!-", "<!--", "<!-- never closed <style>a</style>", "<style>never closed", "   <b>x</b>", "\ufeff<style>a</style>",
]


@pytest.mark.parametrize("body", BODIES)
def test_the_answer_is_streamlits_own(body):
    assert html_check.only_style_tags(body) == html_check.streamlit_check(body)


def test_it_answers_for_st_html_and_a_large_block_is_not_read_through():
    assert st_html._html_only_style_tags is html_check.only_style_tags
    calls = []
    original = html_check.streamlit_check
    html_check.streamlit_check = lambda body: calls.append(body) or original(body)
    try:
        assert not html_check.only_style_tags("<div>" + "x" * 100_000 + "</div><style>a{}</style>")
        assert calls == []
        assert html_check.only_style_tags("<style>a{}</style>") and len(calls) == 1
    finally:
        html_check.streamlit_check = original
