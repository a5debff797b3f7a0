"""Wijzigingen: changes each document states, and a computed comparison of any two policies."""

from __future__ import annotations

from functools import partial

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.comparison.diff import (
    DIFF_CLASS_LABELS,
    KIND_LABELS,
    DiffItem,
    compare_with_stated,
    diff_policies,
    stated_changes,
)
from policy_model.comparison.selection import default_pair
from policy_model.comparison.text_rows import change_text_rows, open_item_text_rows
from policy_model.comparison.wording import pair_texts, word_diff
from policy_model.reports.report import diff_report_html
from policy_model.vocab import CHANGE_KIND_LABELS
from ui.citation import show_source, sourced_line
from ui.data import catalogue
from ui.guard import download_button
from ui.layout import page_header, provenance_footer
from ui.new_document import show_new_document
from ui.selection import PARAMS, SHORTCUT_KEY, policy_picker
from ui.side_by_side import filter_rows, segments_markdown, show_side_by_side
from ui.text import md_escape, today
from ui.url_state import check_url, url_expander, url_select, url_tabs, url_toggle

FROM_KEY, TO_KEY, TAB_KEY, ONLY_KEY, DIFF_KEY = "van", "naar", "tab", "alleen_in_een", "alleen_verschillen"
TABS = ["Genoemde wijzigingen", "Vergelijk twee beleidsdocumenten", "Nieuw beleidsdocument?"]


def show_stated(cat: Catalogue) -> None:
    """What each chosen document itself lists as changed, and what it leaves open, by topic."""
    policies = policy_picker(cat)
    only_diff = url_toggle("Alleen onderwerpen die verschillen", DIFF_KEY)
    show_side_by_side(cat, filter_rows(change_text_rows(policies), only_diff), policies, key="stated_changes",
                      name="gli-wijzigingen", empty="De gekozen documenten noemen zelf geen wijzigingen.")
    st.markdown("**Wat de documenten nog openlaten**")
    show_side_by_side(cat, filter_rows(open_item_text_rows(policies), only_diff), policies, key="open_items",
                      name="gli-open-punten", empty="De gekozen documenten laten niets uitdrukkelijk open.")


def show_diff(cat: Catalogue, labels: dict[str, str]) -> None:
    """A computed comparison of any two policy records, item by item, with sources.

    The headline counts only real changes (both documents address the subject); what only
    one document mentions is a separate, collapsed section, because silence is not a change.
    """
    keys = list(labels)
    older, newer = default_pair(cat)
    default_from, default_to = keys.index(older), keys.index(newer)
    left, right = st.columns(2)
    with left:
        old_key = url_select("Van", keys, FROM_KEY, format_func=labels.get, default_index=default_from)
    with right:
        new_key = url_select("Naar", keys, TO_KEY, format_func=labels.get, default_index=default_to)
    if old_key == new_key:
        st.info("Kies twee verschillende beleidsdocumenten om te vergelijken.")
        return
    old, new = cat.policy_by_key(old_key), cat.policy_by_key(new_key)
    diff = diff_policies(cat, old, new)
    counts = diff.counts
    c1, c2, c3 = st.columns(3)
    c1.metric("Gewijzigd", counts["changed"])
    c2.metric("Nieuw", counts["added"])
    c3.metric("Vervallen", counts["removed"])
    for policy in (old, new):
        if policy.document_kind != "full_policy":
            st.caption(f"{md_escape(labels[policy.key])}: {md_escape(cat.document_kind_label(policy))}. "
                       f"{md_escape(policy.coverage.note or '')}")
    download_button(
        st, "⬇️ Rapport (HTML)",
        partial(diff_report_html, cat, diff, today()), file_name=f"gli-vergelijking-{old_key}-{new_key}.html",
        mime="text/html", on_click="ignore", key="diff_report",
        help="Een afdrukbare pagina met dezelfde vergelijking en de bronnen",
    )
    labels_pair = (labels[old_key], labels[new_key])
    show_stated_beside_computed(cat, diff, labels_pair)
    words = old.insurer == new.insurer
    st.markdown("#### Verschillen")
    st.caption("Onderwerpen waar beide documenten over gaan en iets anders zeggen."
               + (" Gewijzigde eisen woord voor woord: :red[~~doorgestreept~~] verviel, "
                  ":green-background[groen] is nieuw." if words else ""))
    if not diff.changes:
        st.caption("Geen verschillen tussen wat beide documenten zeggen.")
    for kind, label in KIND_LABELS.items():
        items = diff.of_kind(kind)
        if items:
            st.markdown(f"**{label}**")
            for item in items:
                _item_block(item, labels_pair, words)
    only = diff.only_in_one
    box = url_expander(f"Alleen in één document vermeld ({len(only)})", ONLY_KEY)
    if box is not None:
        with box:
            st.caption("Het andere document gaat niet over dit onderwerp. Dat het er niet staat, is geen "
                       "wijziging en geen ‘nee’: het document zegt er niets over.")
            for item in only:
                _item_block(item, labels_pair, words)


SYMBOLS = {"added": "➕", "removed": "➖", "changed": "✏️", "only_in_from": "◧", "only_in_to": "◨", "same": "="}


def _texts_markdown(before: tuple[str, ...], after: tuple[str, ...]) -> str:
    """The newer texts word by word against the older ones they reword."""
    lines = []
    for i, j in pair_texts(before, after):
        old_text = before[i] if i is not None else ""
        if j is None:
            lines.append(f":red[~~{md_escape(old_text)}~~]")
        else:
            lines.append(segments_markdown(word_diff(old_text, after[j])) if i is not None
                         else f":green-background[{md_escape(after[j])}]")
    return "\n\n".join(f"- {line}" for line in lines)


def _item_block(item: DiffItem, labels_pair: tuple[str, str], words: bool) -> None:
    """One compared subject: what each document says, side by side, in full."""
    old_label, new_label = (md_escape(x) for x in labels_pair)
    with st.container(border=True):
        head = f"{SYMBOLS[item.cls]} **{md_escape(item.subject)}** · {DIFF_CLASS_LABELS[item.cls]}"
        if item.stated_by_document:
            head += " · *staat in de wijzigingenlijst van het document*"
        st.markdown(head)
        left, right = st.columns(2)
        left.markdown(f":gray[{old_label}]  \n" + (md_escape(item.before) if item.before is not None
                                                     else ":gray[– niet vermeld]"))
        if words and item.cls == "changed" and item.before_texts and item.after_texts:
            after = _texts_markdown(item.before_texts, item.after_texts)
            right.markdown(f":gray[{new_label}, woord voor woord]\n\n{after}")
        else:
            right.markdown(f":gray[{new_label}]  \n" + (md_escape(item.after) if item.after is not None
                                                         else ":gray[– niet vermeld]"))
        sources = (*item.before_sources[:3], *item.after_sources[:3])
        if sources:
            with right:
                show_source(sources, label="📄 Bron")


def show_stated_beside_computed(cat: Catalogue, diff, labels_pair: tuple[str, str]) -> None:
    """For one insurer: the document's own change list next to the computed one, and where they disagree."""
    disagreement = compare_with_stated(diff)
    stated = stated_changes(diff.old, diff.new)
    if disagreement is None:
        return
    with st.expander(f"Wijzigingenlijst van {md_escape(labels_pair[1])} naast de berekende vergelijking "
                     f"({len(stated)} genoemd)", expanded=True):
        left, right = st.columns(2)
        left.markdown("**Wat het document zelf noemt**")
        for change in stated:
            with left:
                sourced_line(f"{CHANGE_KIND_LABELS[change.kind]}: {md_escape(change.text)}", change.source)
        right.markdown("**Waar de lijst en de berekening verschillen**")
        if not disagreement.stated_not_computed and not disagreement.computed_not_stated:
            right.success("De berekende verschillen en de wijzigingenlijst van het document komen overeen.")
        for change in disagreement.stated_not_computed:
            right.markdown(f"- Genoemd, niet berekend: {md_escape(change.text)} "
                           "*(een wijziging die de gegevens niet als verschil vastleggen)*")
        for item in disagreement.computed_not_stated:
            right.markdown(f"- Berekend, niet genoemd: {md_escape(KIND_LABELS[item.kind])} – "
                           f"{md_escape(item.subject)} ({DIFF_CLASS_LABELS[item.cls].lower()})")


page_header(
    "Wijzigingen",
    "Wat elk document zelf als wijziging noemt, en een berekende vergelijking tussen twee "
    "beleidsdocumenten: dezelfde verzekeraar in twee jaren, of twee verzekeraars in één jaar.",
    share=True, missing_years=True,
)
cat = catalogue()
labels = {p.key: cat.policy_label(p) for p in cat.policies_for()}
# The parameters of the tab that does not run (each widget registers its own when it runs).
check_url({}, extra_known=(*PARAMS, SHORTCUT_KEY, DIFF_KEY, FROM_KEY, TO_KEY, ONLY_KEY, "woorden"))

# Only the open tab runs; the open tab is always in the link.
stated_tab, diff_tab, new_tab = url_tabs(TABS, TAB_KEY)
if stated_tab.open:
    with stated_tab:
        show_stated(cat)
if diff_tab.open:
    with diff_tab:
        show_diff(cat, labels)
if new_tab.open:  # a reader's newer document against the wijzer (ui/new_document.py)
    with new_tab:
        show_new_document(cat)
provenance_footer(cat.policies)
