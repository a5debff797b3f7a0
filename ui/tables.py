"""Tables with their sources: one way to show rows that carry a citation."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from policy_model.comparison.matrix import status_cell
from ui.citation import source_column_config, source_columns
from ui.data import catalogue
from ui.export import download_table

#: Okabe–Ito based tints: distinguishable with colour-blindness, and every cell also
#: carries a symbol and a word, so the table reads in black and white.
STATUS_COLOURS = {
    "bought": "#cdeee3",       # bluish green tint
    "expected": "#fbf6c4",     # yellow tint
    "conditional": "#fae3b8",  # orange tint
    "not_bought": "#f6d0bd",   # vermillion tint
    None: "#e4e4e4",
}


def show_status_matrix(matrix: pd.DataFrame, *, key: str, first: str = "Programma") -> None:
    """A status matrix with each cell as a coloured label.

    The colours come from a column type (one-option lists shown as labels), not from a
    pandas Styler, which made this table about twenty times slower to send.
    """
    options = [status_cell(s) for s in STATUS_COLOURS]
    colours = list(STATUS_COLOURS.values())
    shown = matrix.copy()
    config = {}
    for column in shown.columns:
        if column == first:
            continue
        shown[column] = [[value] for value in shown[column]]
        config[column] = st.column_config.MultiselectColumn(column, options=options, color=colours, width="medium")
    st.dataframe(shown, hide_index=True, key=key, column_config=config)


def sourced_rows(rows: list[dict]) -> list[dict]:
    """Rows with a ``source`` key get Bron/Citaat/Document columns instead."""
    cat = catalogue()
    out = []
    for row in rows:
        row = dict(row)
        source = row.pop("source")
        row.pop("policy", None)
        out.append({**row, **source_columns(source, cat)})
    return out


def table_data(rows: list[dict]) -> pa.Table | pd.DataFrame:
    """Rows as an Arrow table for ``st.dataframe``: Streamlit sends it as it is, while a
    pandas frame is converted to Arrow first (about five times the cost per table). Rows
    whose columns mix types Arrow cannot hold in one column fall back to pandas."""
    try:
        return pa.Table.from_pylist(rows)
    except (pa.ArrowException, TypeError):
        return pd.DataFrame(rows)


def show_sourced_table(rows: list[dict], *, name: str, key: str, column_config: dict | None = None,
                       empty: str = "Niets vermeld voor deze selectie.") -> None:
    """A table of sourced rows plus CSV/Excel downloads of exactly what is shown."""
    if not rows:
        st.info(empty)
        return
    shown = sourced_rows(rows)
    config = {**source_column_config(), **(column_config or {})}
    st.dataframe(table_data(shown), hide_index=True, column_config=config, key=f"{key}_table")
    download_table(shown, name, key=key)
