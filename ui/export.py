"""Download buttons for every table: CSV and Excel."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from policy_model.tabular import table_csv_bytes, table_xlsx_bytes


def download_table(frame: pd.DataFrame, name: str, *, key: str) -> None:
    """Two buttons side by side; ``name`` is the file name without extension.

    The bytes are made only when a button is clicked (deferred data), so a page with
    many tables does not build workbooks on every rerun.
    """
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        "⬇️ CSV", partial(table_csv_bytes, frame), on_click="ignore", file_name=f"{name}.csv", mime="text/csv",
        key=f"{key}_csv", help="Puntkomma-gescheiden, UTF-8: opent direct in Excel",
    )
    right.download_button(
        "⬇️ Excel", partial(table_xlsx_bytes, frame), on_click="ignore", file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}_xlsx",
    )
