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
from policy_model.report import diff_report_html
from policy_model.vocab import CHANGE_KIND_LABELS, TOPIC_LABELS
from ui.citation import sourced_line
from ui.data import catalogue
from ui.filters import check_url, insurer_labels
from ui.layout import page_header, provenance_footer
from ui.tables import show_sourced_table
from ui.text import md_escape, today

FROM_KEY, TO_KEY, TAB_KEY = "van", "naar", "tab"
TABS = ["Genoemde wijzigingen", "Vergelijk twee beleidsdocumenten"]


def show_stated(cat: Catalogue, labels: dict[str, str], names: dict[str, str]) -> None:
    """What each document itself lists as changed since last year, and what it leaves open."""
    chosen = st.multiselect("Zorgverzekeraar", list(names), format_func=names.get, key="verzekeraar",
                            bind="query-params", placeholder="Alle verzekeraars")
    policies = cat.policies_for(chosen)
    rows = [
        {
            "Beleid": labels[p.key],
            "Ten opzichte van": c.against_year,
            "Soort": CHANGE_KIND_LABELS[c.kind],
            "Onderwerp": TOPIC_LABELS[c.topic],
            "Wijziging": c.text,
            "source": c.source,
        }
        for p in policies for c in p.changes
    ]
    show_sourced_table(rows, name="gli-wijzigingen", key="stated_changes",
                       column_config={"Ten opzichte van": st.column_config.NumberColumn(format="%d")})
    open_rows = [
        {"Beleid": labels[p.key], "Onderwerp": TOPIC_LABELS[o.topic], "Nog open": o.text, "source": o.source}
        for p in policies for o in p.open_items
    ]
    st.markdown("**Wat de documenten nog openlaten**")
    show_sourced_table(open_rows, name="gli-open-punten", key="open_items")


def show_diff(cat: Catalogue, labels: dict[str, str]) -> None:
    """A computed comparison of any two policy records, item by item, with sources.

    The headline counts only real changes (both documents address the subject); what only
    one document mentions is a separate, collapsed section, because silence is not a change.
    """
    keys = list(labels)
    default_from = keys.index("cz-2024") if "cz-2024" in keys else 0
    default_to = keys.index("cz-2027") if "cz-2027" in keys else min(1, len(keys) - 1)
    left, right = st.columns(2)
    old_key = left.selectbox("Van", keys, index=default_from, format_func=labels.get, key=FROM_KEY, bind="query-params")
    new_key = right.selectbox("Naar", keys, index=default_to, format_func=labels.get, key=TO_KEY, bind="query-params")
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
    st.download_button(
        "⬇️ Rapport (HTML)",
        partial(diff_report_html, cat, diff, today()), file_name=f"gli-vergelijking-{old_key}-{new_key}.html",
        mime="text/html", on_click="ignore", key="diff_report",
        help="Een afdrukbare pagina met dezelfde vergelijking en de bronnen",
    )
    labels_pair = (labels[old_key], labels[new_key])
    show_stated_beside_computed(cat, diff, labels_pair)
    st.markdown("#### Verschillen")
    st.caption("Onderwerpen waar beide documenten over gaan en iets anders zeggen.")
    if not diff.changes:
        st.caption("Geen verschillen tussen wat beide documenten zeggen.")
    for kind, label in KIND_LABELS.items():
        items = diff.of_kind(kind)
        if items:
            st.markdown(f"**{label}**")
            for item in items:
                _item_line(item, labels_pair)
    only = diff.only_in_one
    with st.expander(f"Alleen in één document vermeld ({len(only)})", expanded=False):
        st.caption("Het andere document gaat niet over dit onderwerp. Dat het er niet staat, is geen "
                   "wijziging en geen ‘nee’: het document zegt er niets over.")
        for item in only:
            _item_line(item, labels_pair)


SYMBOLS = {"added": "➕", "removed": "➖", "changed": "✏️", "only_in_from": "◧", "only_in_to": "◨", "same": "="}


def _item_line(item: DiffItem, labels_pair: tuple[str, str]) -> None:
    old_label, new_label = (md_escape(x) for x in labels_pair)
    line = f"{SYMBOLS[item.cls]} **{md_escape(item.subject)}** – "
    if item.cls == "only_in_from":
        line += f"alleen vermeld in {old_label}: {md_escape(item.before)}"
    elif item.cls == "only_in_to":
        line += f"alleen vermeld in {new_label}: {md_escape(item.after)}"
    elif item.cls == "changed":
        line += f"gewijzigd: {md_escape(item.before)} → {md_escape(item.after)}"
    elif item.cls == "added":
        line += f"nieuw: {md_escape(item.after)}"
    else:
        line += f"vervallen (was: {md_escape(item.before)})"
    if item.stated_by_document:
        line += " *(staat in de wijzigingenlijst van het document)*"
    sourced_line(line, (*item.before_sources[:3], *item.after_sources[:3]))


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
)
cat = catalogue()
labels = {p.key: cat.policy_label(p) for p in cat.policies_for()}
keys = list(labels)
names = insurer_labels(cat)
check_url({TAB_KEY: TABS, FROM_KEY: [labels[k] for k in keys], TO_KEY: [labels[k] for k in keys],
           "verzekeraar": names.values()})

# Bound to the URL: only the open tab runs, and a link reopens the same tab.
stated_tab, diff_tab = st.tabs(TABS, key=TAB_KEY, bind="query-params")
if stated_tab.open:
    with stated_tab:
        show_stated(cat, labels, names)
if diff_tab.open:
    with diff_tab:
        show_diff(cat, labels)
provenance_footer(cat.policies)
