"""Glossary terms explained where they appear: as help text (tooltips) on labels, and as
the same tooltip in blocks of HTML (:func:`glossary_help_html`)."""

from __future__ import annotations

from functools import lru_cache

import streamlit as st

from policy_model.glossary import search_glossary, terms_in
from policy_model.paths import data_dir
from policy_model.schema import GlossaryTerm
from ui.citation import sourced_lines_html
from ui.data import catalogue, data_ident
from ui.text import Html, html_escape, md_escape


def glossary_help(*texts: str) -> str | None:
    """A tooltip text explaining the glossary terms in ``texts`` (None if there are none)."""
    return _help(str(data_dir()), " ".join(texts))


@lru_cache(maxsize=4096)
def _help(data_folder: str, text: str) -> str | None:
    # Pages ask for the same texts on every rerun; matching 100+ terms each time cost more
    # than drawing the label. The folder is in the key: another folder, another glossary.
    found = terms_in(text, catalogue().glossary)
    if not found:
        return None
    return "  \n".join(
        f"**{md_escape(t.term)}**" + (f" ({md_escape(t.expansion)})" if t.expansion else "") + f": {md_escape(t.explanation)}"
        for t in found[:8]
    )


#: Constant CSS for :func:`glossary_help_html`: a question mark in a circle in the grey of
#: Streamlit's help icon (from the icon font Streamlit ships: the HTML sanitiser drops an
#: inline SVG), the text shown while it is pointed at or has the focus.
GLOSSARY_HELP_CSS = """<style>
.gli-help { position: relative; display: inline-flex; vertical-align: middle; margin-left: .6rem; cursor: help;
  color: rgba(47, 45, 43, .6); }
.gli-help::before { content: "help"; font-family: "Material Symbols Rounded"; font-size: 1rem; line-height: 1;
  font-weight: 400; font-feature-settings: "liga"; -webkit-font-smoothing: antialiased; user-select: none; }
.gli-help:focus { outline: none; } .gli-help:focus-visible { box-shadow: rgba(197, 57, 72, .5) 0 0 0 .2rem; border-radius: .5rem; }
.gli-help .gli-tip { display: none; position: absolute; left: 0; top: 1.4rem; z-index: 10; width: max-content;
  max-width: min(24rem, 80vw); padding: .5rem .75rem; border-radius: .5rem; background: #fff; color: rgb(47, 45, 43);
  box-shadow: 0 2px 12px rgba(0, 0, 0, .18); font-size: .875rem; line-height: 1.5; font-weight: 400; white-space: normal; }
.gli-help:hover .gli-tip, .gli-help:focus .gli-tip { display: block; }
</style>"""


def glossary_help_html(*texts: str) -> str:
    """The glossary terms in ``texts`` as a help icon whose explanation shows on pointing
    or focus, in escaped HTML for a block (empty when there are none); its style sheet is
    :data:`GLOSSARY_HELP_CSS`."""
    return _help_html(str(data_dir()), " ".join(texts))


@lru_cache(maxsize=4096)
def _help_html(data_folder: str, text: str) -> str:
    found = terms_in(text, catalogue().glossary)
    if not found:
        return ""
    tip = "<br>".join(f"<b>{html_escape(t.term)}</b>" + (f" ({html_escape(t.expansion)})" if t.expansion else "")
                      + f": {html_escape(t.explanation)}" for t in found[:8])
    return (f"<span class='gli-help' tabindex='0' role='button' aria-label='Uitleg' translate='no'>"
            f"<span class='gli-tip' role='tooltip' translate='yes'>{tip}</span></span>")


def glossary_block(query: str) -> Html:
    """The Begrippen list of the terms ``query`` finds, as one block of escaped HTML with each
    term's source one click away; made once per data folder and query (the 108 terms took
    2 ms to write out on every run, a third of the page)."""
    return _glossary_block(ident=data_ident(query), _query=query)


@st.cache_resource(max_entries=64, show_spinner=False)
def _glossary_block(ident: str, _query: str) -> Html:
    # ``ident``: the data folder (another folder is another glossary) and the query.
    cat = catalogue()
    terms = search_glossary(_query, cat.glossary)
    return Html(sourced_lines_html(cat, [("", [(glossary_line_html(term), term.source) for term in terms])]))


def glossary_line_html(term: GlossaryTerm) -> str:
    """One term for the Begrippen list, as escaped HTML: the term in bold, written out, explained."""
    expansion = f" ({html_escape(term.expansion)})" if term.expansion else ""
    return f"<b>{html_escape(term.term)}</b>{expansion}: {html_escape(term.explanation)}"
