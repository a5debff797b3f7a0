"""Wijzigingen: changes each document states, and a computed comparison of any two policies."""

from __future__ import annotations

from functools import partial

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.comparison.diff import DIFF_KIND_LABELS, SECTION_LABELS, diff_policies
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
    """A computed comparison of any two policy records, item by item, with sources."""
    keys = list(labels)
    default_from = keys.index("cz-2024") if "cz-2024" in keys else 0
    default_to = keys.index("cz-2027") if "cz-2027" in keys else min(1, len(keys) - 1)
    left, right = st.columns(2)
    old_key = left.selectbox("Van", keys, index=default_from, format_func=labels.get, key=FROM_KEY, bind="query-params")
    new_key = right.selectbox("Naar", keys, index=default_to, format_func=labels.get, key=TO_KEY, bind="query-params")
    if old_key == new_key:
        st.info("Kies twee verschillende beleidsdocumenten om te vergelijken.")
    else:
        old, new = cat.policy_by_key(old_key), cat.policy_by_key(new_key)
        diff = diff_policies(cat, old, new)
        counts = diff.counts
        c1, c2, c3 = st.columns(3)
        c1.metric("Nieuw", counts["added"])
        c2.metric("Vervallen", counts["removed"])
        c3.metric("Gewijzigd", counts["changed"])
        if old.partial or new.partial:
            st.warning("Eén van beide is afgeleid uit een later document en dus onvolledig: ‘nieuw’ kan ook "
                       "betekenen dat het eerdere jaar er niets over vastlegde.")
        st.download_button(
            "⬇️ Vergelijking als rapport (HTML, af te drukken als PDF)",
            partial(diff_report_html, cat, diff, today()), file_name=f"gli-vergelijking-{old_key}-{new_key}.html",
            mime="text/html", on_click="ignore", key="diff_report",
        )
        symbol = {"added": "➕", "removed": "➖", "changed": "✏️"}
        for section, label in SECTION_LABELS.items():
            items = diff.section(section)
            st.markdown(f"#### {label} ({len(items)})")
            if not items:
                st.caption("Geen verschillen.")
                continue
            for item in items:
                line = f"{symbol[item.kind]} **{md_escape(item.subject)}** – {DIFF_KIND_LABELS[item.kind].lower()}"
                if item.kind == "changed":
                    line += f": {md_escape(item.before)} → {md_escape(item.after)}"
                elif item.kind == "added":
                    line += f": {md_escape(item.after)}"
                else:
                    line += f" (was: {md_escape(item.before)})"
                sourced_line(line, (*item.before_sources[:1], *item.after_sources[:1]))


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
