"""The computed comparison of two records, drawn as blocks of escaped HTML.

Every item is labelled by its kind ("Looptijd · RHO", "Aanvragen · RHO": two rows both
called "RHO" cannot be confused) and shows both records side by side, each text with its
force (or status) and roles. Between statements that continue each other the newer text
is shown word by word; nowhere else. Items are grouped by kind with a heading and a count.
One HTML block per group, not an element per cell: a comparison has some two hundred
items and must open at once. All data text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.comparison.diff import KIND_LABELS, ONLY_IN_ONE, DiffItem, class_label, other_side_text
from policy_model.comparison.wording import word_diff
from policy_model.describe import roles_phrase
from policy_model.vocab import DIFF_ITEM_KIND_SINGULAR
from ui.citation import sources_html
from ui.side_by_side import segments_html

_CSS = """
<style>
.gli-diff-group { margin: .2rem 0 .6rem; font-weight: 600; }
.gli-diff-item { border: 1px solid #d6d8dd; border-radius: .5rem; padding: .5rem .8rem; margin-bottom: .6rem; }
.gli-diff-item.real { border-left: 4px solid #E69F00; background: #fdf6e3; }
.gli-diff-item.stated { border-left: 4px solid #0072B2; background: #eef5fb; }
.gli-diff-head { margin-bottom: .3rem; }
.gli-diff-kind { display: inline-block; border-radius: .4rem; padding: 0 .35rem; background: #eceef1; color: #31333f; }
.gli-diff-class { color: #7a3e00; font-weight: 600; }
.gli-diff-stated { color: #0b3d91; }
.gli-diff-cols { display: grid; gap: 1rem; grid-template-columns: repeat(2, minmax(0, 1fr)); }
.gli-diff-col { overflow-wrap: anywhere; line-height: 1.45; }
.gli-diff-col .gli-who, .gli-diff-col .gli-none, .gli-diff-note { color: #6b6f76; }
.gli-diff-label { display: inline-block; border-radius: .4rem; padding: 0 .35rem; margin-right: .3rem;
  background: #dbe7f7; color: #0b3d91; }
.gli-diff-col ins { background: #d7f0dd; text-decoration: none; }
.gli-diff-col del { background: #fbe3d6; color: #6b1d00; }
.gli-diff-col details { margin-top: .25rem; } .gli-diff-col summary { cursor: pointer; }
.gli-diff-col blockquote { margin: .25rem 0 .5rem; padding-left: .6rem; border-left: 3px solid #ccc; }
.gli-diff-evidence { margin: .4rem 0 0 .8rem; }
.gli-diff-item.compact { padding: .35rem .8rem; margin-bottom: .35rem; }
.gli-diff-one { overflow-wrap: anywhere; line-height: 1.45; }
.gli-diff-one details { display: inline-block; margin-left: .3rem; } .gli-diff-one summary { cursor: pointer; }
.gli-diff-one blockquote { margin: .25rem 0 .5rem; padding-left: .6rem; border-left: 3px solid #ccc; }
@media (max-width: 640px) { .gli-diff-cols { grid-template-columns: minmax(0, 1fr); } }
</style>
"""


def _who(item: DiffItem) -> str:
    if not item.roles or item.kind != "requirement":
        return ""
    return " · voor " + roles_phrase(item.roles, stated=item.roles_stated)


def _side(label: str, text: str | None, texts: tuple[str, ...], sources, cat: Catalogue, *,
          other_phrase: str = "", words: list[tuple[str, str]] | None = None) -> str:
    """One record's column: its name, the force/roles label, the text (word by word when given)."""
    body = ""
    if words:
        body = "".join(f"<div>{segments_html(word_diff(before, after))}</div>" for before, after in words)
    elif text is not None:
        body = "".join(f"<div>{escape(t)}</div>" for t in (texts or (text,)))
    else:
        body = f"<div class='gli-none'>– {escape(other_phrase or 'niet vermeld')}</div>"
    return f"<div class='gli-diff-col'><div class='gli-who'>{escape(label)}</div>{body}{sources_html(cat, sources)}</div>"


def _labelled(label: str, side_label: str) -> str:
    return f"{label}" + (f" · {side_label}" if side_label else "")


def _compact_html(cat: Catalogue, item: DiffItem, head: str, phrase: str) -> str:
    """A subject only one record mentions: one line for the side that has it, the other
    side's silence (or deferral) as a note, not a column of its own."""
    older = item.after is None
    label, text = (item.before_label, item.before) if older else (item.after_label, item.after)
    sources = item.before_sources if older else item.after_sources
    badge = f"<span class='gli-diff-label'>{escape(label)}</span>" if label else ""
    return (f"<div class='gli-diff-item compact' id='gli-diff-{escape(item.kind)}-{escape(item.key)}'>"
            f"<div class='gli-diff-head'>{head}</div><div class='gli-diff-one'>{badge}{escape(text or '')}"
            f" <span class='gli-diff-note'>({escape(phrase)})</span>{sources_html(cat, sources)}</div></div>")


def item_html(cat: Catalogue, item: DiffItem, old: str, new: str, *, words: bool, nested: bool = False,
              across: bool = False, same_insurer: bool = False) -> str:
    """One compared item: kind and subject, its class, and both records' texts."""
    if item.kind == "stated":
        return _stated_html(cat, item, old, new, words=words)
    css = "real" if item.is_change and not nested else ""
    stated = " · <span class='gli-diff-stated'>in de wijzigingenlijst</span>" if item.stated_by_document else ""
    head = (f"<span class='gli-diff-kind'>{escape(_kind_label(item))}</span> <b>{escape(item.subject)}</b>"
            f"{escape(_who(item))} · <span class='gli-diff-class'>{escape(class_label(item, old, new, across=across, same_insurer=same_insurer))}</span>"
            f"{stated}")
    # Added or removed: both documents settle the subject, so the other side's is a full list.
    phrase = "niet in de volledige lijst van dit document" if item.cls in ("added", "removed") else other_side_text(item)
    if item.cls in ONLY_IN_ONE:
        return _compact_html(cat, item, head, phrase)
    pairs = item.word_pairs() if words else []
    left = _side(_labelled(old, item.before_label), item.before, item.before_texts, item.before_sources, cat,
                 other_phrase=phrase)
    right = _side(_labelled(new, item.after_label) + (", woord voor woord" if pairs else ""), item.after,
                  item.after_texts, item.after_sources, cat, other_phrase=phrase, words=pairs)
    return (f"<div class='gli-diff-item {css}' id='gli-diff-{escape(item.kind)}-{escape(item.key)}'>"
            f"<div class='gli-diff-head'>{head}</div><div class='gli-diff-cols'>{left}{right}</div></div>")


def _kind_label(item: DiffItem) -> str:
    return DIFF_ITEM_KIND_SINGULAR[item.kind]


def _stated_html(cat: Catalogue, item: DiffItem, old: str, new: str, *, words: bool) -> str:
    change = item.change
    # Against which year: a change stated against a later year than the older record's is listed
    # but not counted, and the card says so beside the headline's "Vervallen 0" (LOOK O #4).
    year = "" if not change or f"ten opzichte van {change.against_year}" in item.subject else (
        f" · ten opzichte van {change.against_year}")
    section = f" (§ {change.source.section}){year}" if change else ""
    evidence = "".join(item_html(cat, e, old, new, words=words, nested=True) for e in item.evidence)
    if not evidence:
        evidence = ("<div class='gli-diff-note'>De gegevens leggen dit niet als afzonderlijk verschil vast; "
                    "het document noemt het zelf.</div>")
    return (f"<div class='gli-diff-item stated real' id='gli-diff-stated-{escape(item.key)}'>"
            f"<div class='gli-diff-head'><span class='gli-diff-kind'>Wijzigingenlijst</span> "
            f"<span class='gli-diff-class'>{escape(class_label(item, old, new))}</span> · genoemd door het document"
            f"{escape(section)}</div><div>{escape(item.subject)}</div>"
            f"{sources_html(cat, item.after_sources)}<div class='gli-diff-evidence'>{evidence}</div></div>")


def groups_html(cat: Catalogue, items: Sequence[DiffItem], old: str, new: str, *, words: bool,
                across: bool = False, same_insurer: bool = False) -> str:
    """The items grouped by kind, each group with its heading and count."""
    out = []
    for kind, heading in KIND_LABELS.items():
        group = [i for i in items if i.kind == kind]
        if group:
            out.append(f"<div class='gli-diff-group'>{escape(heading)} ({len(group)})</div>")
            out += [item_html(cat, i, old, new, words=words, across=across, same_insurer=same_insurer) for i in group]
    return "".join(out)


def show_items(cat: Catalogue, items: Sequence[DiffItem], old: str, new: str, *, words: bool,
               across: bool = False, same_insurer: bool = False) -> None:
    """Draw the items, grouped by kind, as one block."""
    if items:
        st.html(_CSS)
        st.html(groups_html(cat, items, old, new, words=words, across=across, same_insurer=same_insurer))
