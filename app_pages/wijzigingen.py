"""Wijzigingen: changes each document states, and a computed comparison of any two policies."""

from __future__ import annotations

from functools import partial

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.comparison.diff import (
    ONE_SIDED,
    REAL_CHANGES,
    PolicyDiff,
    compare_with_stated,
    diff_policies,
    row_label,
    stated_changes,
)
from policy_model.comparison.diff_output import headline_notes
from policy_model.comparison.selection import default_pair, resolve_link_name, words_withheld_note
from policy_model.comparison.text_rows import change_text_rows, open_item_text_rows
from policy_model.paths import data_dir
from policy_model.reports.report import diff_report_html
from policy_model.vocab import DIFF_CLASS_LABELS
from ui.data import catalogue
from ui.diff_view import show_items
from ui.guard import download_button
from ui.layout import page_header, provenance_footer
from ui.new_document import show_new_document
from ui.selection import PARAMS, SHORTCUT_KEY, policy_picker
from ui.side_by_side import compared_rows, show_side_by_side
from ui.text import md_escape, today
from ui.url_state import check_url, url_expander, url_select, url_tabs, url_toggle

FROM_KEY, TO_KEY, TAB_KEY, ONLY_KEY, DIFF_KEY = "van", "naar", "tab", "alleen_in_een", "alleen_verschillen"
REWORDED_KEY = "anders_verwoord"
TABS = ["Genoemde wijzigingen", "Vergelijk twee beleidsdocumenten", "Nieuw beleidsdocument?"]


def show_stated(cat: Catalogue) -> None:
    """What each chosen document itself lists as changed, and what it leaves open, by topic."""
    policies = policy_picker(cat)
    only_diff = url_toggle("Alleen onderwerpen die verschillen", DIFF_KEY)
    show_side_by_side(cat, compared_rows(change_text_rows, policies, only_differences=only_diff), policies, key="stated_changes",
                      name="gli-wijzigingen", empty="De gekozen documenten noemen zelf geen wijzigingen.")
    st.markdown("**Wat de documenten nog openlaten**")
    show_side_by_side(cat, compared_rows(open_item_text_rows, policies, only_differences=only_diff), policies, key="open_items",
                      name="gli-open-punten", empty="De gekozen documenten laten niets uitdrukkelijk open.")


@st.cache_resource(show_spinner=False, max_entries=64)
def _diff(directory: str, old_key: str, new_key: str) -> PolicyDiff:
    """One comparison per pair of records and data folder, computed once per process."""
    cat = catalogue()
    return diff_policies(cat, cat.policy_by_key(old_key), cat.policy_by_key(new_key))


def _link_choice(cat: Catalogue, key: str) -> None:
    """A link may name a record by key, label or an earlier label (``?van=CZ+2024``)."""
    if key not in st.session_state:
        resolved = resolve_link_name(cat, st.query_params.get(key))
        if resolved is not None:
            st.session_state[key] = resolved


def show_diff(cat: Catalogue, labels: dict[str, str]) -> None:
    """A computed comparison of any two policy records, item by item, with sources.

    The headline counts only real changes (both documents settle the subject for that role);
    what only one document settles or mentions, and rewordings, are separate, collapsed
    sections, grouped by kind with counts.
    """
    keys = list(labels)
    older, newer = default_pair(cat)
    for key in (FROM_KEY, TO_KEY):
        _link_choice(cat, key)
    left, right = st.columns(2)
    with left:
        old_key = url_select("Van", keys, FROM_KEY, format_func=labels.get, default_index=keys.index(older))
    with right:
        new_key = url_select("Naar", keys, TO_KEY, format_func=labels.get, default_index=keys.index(newer))
    if old_key == new_key:
        st.info("Kies twee verschillende beleidsdocumenten om te vergelijken.")
        return
    diff = _diff(directory=str(data_dir()), old_key=old_key, new_key=new_key)
    old_label, new_label = labels[old_key], labels[new_key]
    counts = diff.counts
    c1, c2, c3 = st.columns(3)
    if diff.neutral_labels:
        c1.metric("Verschilt", counts["changed"])
        c2.metric(f"Alleen {new_label}", counts["added"])
        c3.metric(f"Alleen {old_label}", counts["removed"])
    else:
        c1.metric("Gewijzigd", counts["changed"])
        c2.metric("Nieuw", counts["added"])
        c3.metric("Vervallen", counts["removed"])
    for note in headline_notes(diff, old_label, new_label):
        st.caption(md_escape(note))
    for policy in (diff.old, diff.new):
        if policy.document_kind != "full_policy":
            st.caption(f"{md_escape(labels[policy.key])}: {md_escape(cat.document_kind_label(policy))}. "
                       f"{md_escape(policy.coverage.note or '')}")
    download_button(
        st, "⬇️ Rapport (HTML)",
        partial(diff_report_html, cat, diff, today()), file_name=f"gli-vergelijking-{old_key}-{new_key}.html",
        mime="text/html", on_click="ignore", key="diff_report",
        help="Een afdrukbare pagina met dezelfde vergelijking en de bronnen",
    )
    words = diff.compares_words
    st.markdown("#### Verschillen")
    st.caption("Waar beide documenten over gaan en iets anders zeggen; de eigen wijzigingenlijst van het document "
               "staat voorop." + (" Gewijzigde teksten woord voor woord: doorgestreept verviel, groen is nieuw."
                                  if words else words_withheld_note(cat, [diff.old, diff.new])))
    real = diff.of_classes(REAL_CHANGES)
    if not real:
        st.caption("Geen verschillen tussen wat beide documenten vastleggen.")
    same = not diff.across_insurers
    show_items(cat, real, old_label, new_label, words=words, across=diff.neutral_labels, same_insurer=same)
    show_stated_beside_computed(diff, new_label)
    for title, classes, key, caption in (
        ("Alleen in één document vastgelegd of vermeld", ONE_SIDED, ONLY_KEY,
         "Het andere document legt dit niet (volledig) vast: het zegt er niets over, alleen in algemene termen, "
         "of regelt het elders. Dat is geen wijziging en geen ‘nee’."),
        ("Anders verwoord", ("reworded",), REWORDED_KEY,
         "Dezelfde uitspraak in andere woorden; woord voor woord getoond."),
    ):
        items = diff.of_classes(classes)
        box = url_expander(f"{title} ({len(items)})", key)
        if box is not None:
            with box:
                st.caption(caption)
                show_items(cat, items, old_label, new_label, words=words, across=diff.neutral_labels,
                           same_insurer=same)


def show_stated_beside_computed(diff: PolicyDiff, new_label: str) -> None:
    """For one insurer: where the document's own change list and the computed changes disagree."""
    disagreement = compare_with_stated(diff)
    if disagreement is None:
        return
    stated = stated_changes(diff.old, diff.new)
    lines = [f"- Genoemd, niet als verschil vastgelegd: {md_escape(c.text)}" for c in disagreement.stated_not_computed]
    lines += [f"- Berekend, niet in de lijst: {md_escape(row_label(i))} ({DIFF_CLASS_LABELS[i.cls].lower()})"
              for i in disagreement.computed_not_stated]
    with st.expander(f"De wijzigingenlijst van {md_escape(new_label)} ({len(stated)} genoemd) naast de berekening"):
        if not lines:
            st.success("De berekende verschillen en de wijzigingenlijst van het document komen overeen.")
        st.markdown("\n".join(lines))


page_header(
    "Wijzigingen",
    "Wat elk document zelf als wijziging noemt, en een berekende vergelijking tussen twee "
    "beleidsdocumenten: dezelfde verzekeraar in twee jaren, of twee verzekeraars in één jaar.",
    share=True, missing_years=True,
)
cat = catalogue()
labels = {p.key: cat.policy_label(p) for p in cat.policies_for()}
# The parameters of the tab that does not run (each widget registers its own when it runs);
# van/naar may name a record by an earlier label too (resolved in show_diff).
check_url({}, extra_known=(*PARAMS, SHORTCUT_KEY, DIFF_KEY, FROM_KEY, TO_KEY, ONLY_KEY, REWORDED_KEY, "woorden"))

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
