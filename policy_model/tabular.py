"""Tables to downloadable bytes: CSV for Excel and real .xlsx.

Kept out of the pages so the bytes a user downloads are tested without Streamlit.
"""

from __future__ import annotations

import io

import pandas as pd

CSV_SEPARATOR = ";"


def table_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM and ``;``: opens by double-click in a Dutch-language Excel."""
    return frame.to_csv(index=False, sep=CSV_SEPARATOR).encode("utf-8-sig")


def table_xlsx_bytes(frame: pd.DataFrame, sheet: str = "Gegevens") -> bytes:
    """An .xlsx workbook with one sheet holding the table, header row frozen."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet[:31])
        writer.sheets[sheet[:31]].freeze_panes = "A2"
    return buffer.getvalue()
