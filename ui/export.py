"""Download buttons for every table: CSV and Excel."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import streamlit as st

from policy_model.tabular import table_csv_bytes, table_xlsx_bytes
from ui.guard import XLSX_MIME, download_button

__all__ = ["XLSX_MIME", "download_table"]


def download_table(table: pd.DataFrame | list[dict] | Callable[[], list[dict]], name: str, *, key: str) -> None:
    """Two buttons side by side; ``name`` is the file name without extension.

    The bytes (and, for rows, the frame; for a function, its rows) are made only when a
    button is clicked (deferred data), so a page with many tables does no export work on
    every rerun.
    """
    left, right, _ = st.columns([1, 1, 4])
    download_button(
        left, "⬇️ CSV", partial(_bytes, table_csv_bytes, table), on_click="ignore", file_name=f"{name}.csv",
        mime="text/csv", key=f"{key}_csv", help="Puntkomma-gescheiden, UTF-8: opent direct in Excel",
    )
    download_button(
        right, "⬇️ Excel", partial(_bytes, table_xlsx_bytes, table), on_click="ignore", file_name=f"{name}.xlsx",
        mime=XLSX_MIME, key=f"{key}_xlsx",
    )


def _bytes(make: Callable[[pd.DataFrame], bytes], table: pd.DataFrame | list[dict] | Callable[[], list[dict]]) -> bytes:
    if callable(table) and not isinstance(table, pd.DataFrame):
        table = table()
    return make(table if isinstance(table, pd.DataFrame) else pd.DataFrame(table))
