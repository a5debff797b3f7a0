"""Tables with their sources: one way to show rows that carry a citation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from policy_model.compare import STATUS_SYMBOLS
from ui.citation import source_column_config, source_columns
from ui.export import download_table

#: Okabe–Ito based tints: distinguishable with colour-blindness, and every cell also
#: carries a symbol and a word, so the table reads in black and white.
STATUS_COLOURS = {
    STATUS_SYMBOLS["bought"]: "background-color: #cdeee3",      # bluish green tint
    STATUS_SYMBOLS["expected"]: "background-color: #fbf6c4",    # yellow tint
    STATUS_SYMBOLS["conditional"]: "background-color: #fae3b8",  # orange tint
    STATUS_SYMBOLS["not_bought"]: "background-color: #f6d0bd",   # vermillion tint
    STATUS_SYMBOLS[None]: "background-color: #efefef; color: #555",
}


def status_style(value: object) -> str:
    text = str(value)
    for symbol, style in STATUS_COLOURS.items():
        if text.startswith(symbol):
            return style
    return ""


def sourced_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows with a ``source`` key become a frame with Bron/Citaat/Document columns."""
    out = []
    for row in rows:
        row = dict(row)
        source = row.pop("source")
        row.pop("policy", None)
        out.append({**row, **source_columns(source)})
    return pd.DataFrame(out)


def show_sourced_table(rows: list[dict], *, name: str, key: str, column_config: dict | None = None,
                       empty: str = "Niets vermeld voor deze selectie.") -> pd.DataFrame | None:
    """A dataframe of sourced rows plus CSV/Excel downloads of exactly what is shown."""
    if not rows:
        st.info(empty)
        return None
    frame = sourced_frame(rows)
    config = {**source_column_config(), **(column_config or {})}
    st.dataframe(frame, hide_index=True, column_config=config, key=f"{key}_table")
    download_table(frame, name, key=key)
    return frame
