"""The "about" sections of Registers and Programma's: what the wijzer knows of each register
and programme, each section folded away, as Streamlit's expanders drew them.

They were an expander per register (fifteen) and per programme, each a widget that wrote
its open state in the URL and ran its content only once opened; those widgets took most of
a page run, on every rerun, also with every section closed. Now all sections are one block
of escaped HTML, made once per data folder, with a native disclosure per section drawn like
an expander (opening one needs no rerun). A link with ``register_<id>=true`` (or
``programma_<id>=true``) still opens its section; the parameters stay known to the link
check. A section the reader opened or closed stays so while the block is drawn again
(:data:`KEEP_OPEN_JS`, in the page header's script element).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import NamedTuple

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.describe import registry_background_lines
from policy_model.vocab import PROGRAMME_FACT_LABELS, REGISTRY_KIND_LABELS
from ui.citation import LINES_CSS, SourcedLine, sourced_lines_html
from ui.data import catalogue, data_ident
from ui.glossary import GLOSSARY_HELP_CSS, glossary_help_html
from ui.text import Html, html_escape
from ui.url_state import link_flags


class AboutSection(NamedTuple):
    key: str  # the link parameter that opens it (``register_blcn``)
    label: str  # escaped HTML, one line
    body: str  # escaped HTML


# Constant CSS, no data in it: the sizes, colours and spacing of Streamlit's own expanders
# (1.67, light theme), a chevron from the icon font Streamlit ships.
ABOUT_CSS = """<style>
.gli-about { display: flex; flex-direction: column; gap: 1rem; }
.gli-about > details { border: 1px solid rgb(220, 216, 212); border-radius: .5rem; }
.gli-about > details > summary { display: flex; align-items: center; gap: .5rem; min-height: calc(2.5rem - 2px);
  padding: .25rem .75rem; cursor: pointer; list-style: none; border-radius: .5rem; overflow: hidden;
  transition: border-radius 200ms cubic-bezier(0.23, 1, 0.32, 1), background-color 150ms; }
.gli-about > details > summary::-webkit-details-marker { display: none; }
.gli-about > details > summary:focus { outline: none; }
.gli-about > details > summary:focus-visible { box-shadow: rgba(197, 57, 72, .5) 0 0 0 .2rem; }
.gli-about > details[open] > summary { background-color: rgb(252, 252, 251); border-radius: .5rem .5rem 0 0; }
.gli-about > details > summary:hover, .gli-about > details > summary:focus-visible {
  background-color: rgba(187, 187, 165, .15); }
.gli-about > details > summary:active { background-color: rgba(187, 187, 165, .25); }
.gli-about .gli-about-icon { display: inline-flex; align-items: center; justify-content: center; flex-shrink: 0;
  width: 1rem; height: 1rem; font-family: "Material Symbols Rounded"; font-size: 1rem; font-weight: 400;
  font-style: normal; line-height: 1; letter-spacing: normal; text-transform: none; white-space: nowrap;
  direction: ltr; font-feature-settings: "liga"; -webkit-font-smoothing: antialiased; user-select: none; }
.gli-about .gli-about-icon::before { content: "keyboard_arrow_right"; }
.gli-about > details[open] > summary .gli-about-icon::before { content: "keyboard_arrow_down"; }
.gli-about .gli-about-label { min-width: 0; overflow-wrap: break-word; font-size: .875rem; line-height: 1.6; }
.gli-about .gli-about-body { padding: 1rem; border-top: 1px solid rgb(220, 216, 212); line-height: 1.6; }
.gli-about .gli-about-head, .gli-about .gli-about-caption { margin: 0 0 1rem; overflow-wrap: anywhere; }
.gli-about b { font-weight: 600; }
.gli-about .gli-about-caption { font-size: .875rem; color: rgba(47, 45, 43, .6); }
@media print { .gli-about > details:not([open]) { display: none !important; } }
</style>"""


# Constant script, installed once per browser tab with the page header's history script (no
# data in it): Streamlit draws an element anew when one above it comes or goes (a caption,
# a notice), and a native disclosure would then lose what the reader did with it. This
# remembers, per page and section, whether the reader left it open, and says so again.
KEEP_OPEN_JS = """
<script>
(() => {
  if (window.__gliKeepOpen) return;
  window.__gliKeepOpen = true;
  const chosen = new Map();
  const SECTIONS = ".gli-about > details[data-key]";
  const name = (section) => location.pathname + "|" + section.dataset.key;
  document.addEventListener("toggle", (event) => {
    const section = event.target;
    if (section instanceof Element && section.matches(SECTIONS)) chosen.set(name(section), section.open);
  }, true);
  new MutationObserver(() => {
    if (!chosen.size) return;
    for (const section of document.querySelectorAll(SECTIONS)) {
      const open = chosen.get(name(section));
      if (open !== undefined && section.open !== open) section.open = open;
    }
  }).observe(document.body, { childList: true, subtree: true });
})();
</script>
"""


def section_html(section: AboutSection, *, opened: bool) -> str:
    """One section as a disclosure, open or closed."""
    return (f"<details class='gli-about-item' data-key='{escape(section.key, quote=True)}'{' open' if opened else ''}>"
            f"<summary><span class='gli-about-icon' aria-hidden='true' translate='no'></span>"
            f"<span class='gli-about-label'>{section.label}</span></summary>"
            f"<div class='gli-about-body'>{section.body}</div></details>")


def about_html(sections: Sequence[AboutSection], opened: set[str]) -> Html:
    """Every section in one block, those in ``opened`` open, with the style sheets after them."""
    items = "".join(section_html(s, opened=s.key in opened) for s in sections)
    return Html(f"<div class='gli-about'>{items}</div>{ABOUT_CSS}{LINES_CSS}{GLOSSARY_HELP_CSS}")


@st.cache_resource(max_entries=16, show_spinner=False)
def _sections(ident: str, _build: Callable[[Catalogue], list[AboutSection]]) -> tuple[AboutSection, ...]:
    # ``ident``: the data folder (another folder, another catalogue) and the builder.
    return tuple(_build(catalogue()))


@st.cache_resource(max_entries=64, show_spinner=False)
def _block(ident: str, _sections: tuple[AboutSection, ...], _opened: frozenset[str]) -> Html:
    # ``ident``: the sections' ident and the open ones.
    return about_html(_sections, set(_opened))


def show_about_sections(build: Callable[[Catalogue], list[AboutSection]]) -> None:
    """The sections ``build`` (a module-level function: its name is part of the cache key)
    makes of the catalogue, open where the link says so."""
    ident = data_ident(f"{build.__module__}.{build.__qualname__}")
    sections = _sections(ident=ident, _build=build)
    opened = link_flags([s.key for s in sections])
    st.html(_block(ident=f"{ident}\x1f{' '.join(sorted(opened))}", _sections=sections, _opened=frozenset(opened)))


def _lines(cat: Catalogue, lines: Sequence[SourcedLine]) -> str:
    return sourced_lines_html(cat, [("", lines)], style=False)


#: Where no policy ties a register to a background: the name of a register is not a document's word.
NO_BACKGROUND_TIE = "Geen beleid in deze wijzer koppelt dit register aan een beroepsachtergrond."


def registry_sections(cat: Catalogue) -> list[AboutSection]:
    """Registers: per register its full name, whom it concerns and what the wijzer knows of it, with sources."""
    out = []
    for registry in cat.registries:
        head = (f"<div class='gli-about-head'><b>{html_escape(registry.name)}</b>"
                f"{glossary_help_html(registry.name, registry.abbreviation or '')}</div>")
        ties = [(html_escape(text), source) for text, source in registry_background_lines(cat, registry.id)]
        if not ties and registry.kind in ("quality_register", "professional_association"):  # not VECOZO, KvK, ...
            head += f"<div class='gli-about-caption'>{NO_BACKGROUND_TIE}</div>"
        body = head + _lines(cat, [*ties, *((html_escape(fact.text), fact.source) for fact in registry.facts)])
        label = f"{html_escape(registry.abbreviation or registry.name)} – {escape(REGISTRY_KIND_LABELS[registry.kind])}"
        out.append(AboutSection(f"register_{registry.id}", label, body))
    return out


#: A name the sources write beside a programme ("CooL – Expertisecentrum Leefstijlinterventies"):
#: not called its owner or licence holder there.
OWNER_LABEL = "Genoemd bij het programma"


def programme_sections(cat: Catalogue) -> list[AboutSection]:
    """Programma's: per programme its other spellings, owners, variants and facts, with sources."""
    out = []
    for programme in cat.programmes:
        title = programme.name + (f" ({programme.abbreviation})" if programme.abbreviation else "")
        body = (f"<div class='gli-about-caption'>Ook geschreven als: {html_escape(', '.join(programme.aliases))}</div>"
                if programme.aliases else "")
        if programme.owners:  # "CooL – MiGuide" (CZ 2027 §3.2): what the name is, the list does not say
            body += ("<div class='gli-about-caption'>Welke rol een naam bij het programma heeft (eigenaar, "
                     "licentiehouder of aanbieder), zegt de bron niet.</div>")
        lines: list[SourcedLine] = [
            (f"<b>{label}:</b> {html_escape(entry.name)}", entry.source)
            for label, entries in ((OWNER_LABEL, programme.owners), ("Variant", programme.variants))
            for entry in entries
        ]
        lines += [(f"<b>{escape(PROGRAMME_FACT_LABELS[fact.topic])}:</b> {html_escape(fact.text)}"
                   f"{glossary_help_html(fact.text)}", fact.source) for fact in programme.facts]
        out.append(AboutSection(f"programma_{programme.id}", html_escape(title), body + _lines(cat, lines)))
    return out
