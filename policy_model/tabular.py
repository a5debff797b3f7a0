"""Tables to downloadable bytes: CSV for Excel and real .xlsx, safe to open.

The one writer for every table a user downloads, in the app and from the command line,
so the bytes are tested without Streamlit and hardened in one place. Cells hold texts
from the data and from uploads (coach names, notes); a spreadsheet must show them as
text, never run them:

- a text starting with ``= + - @`` (or a tab or carriage return) would be a live formula
  in Excel or LibreOffice (``=HYPERLINK(...)``, DDE). As OWASP advises for CSV, such a
  cell gets a leading apostrophe; in .xlsx the cell is written as a string (openpyxl
  would otherwise write ``=…`` as a formula) with Excel's "quote prefix" style, so
  editing it does not turn it into a formula either;
- every line break is quoted (a lone carriage return too), and a lone carriage return
  becomes a line feed, so no reader splits one record into two;
- characters Excel refuses in a cell (C0 controls but tab and line breaks) are dropped
  instead of failing the whole download.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

CSV_SEPARATOR = ";"
#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection);
#: a line feed too, as a carriage return is written as one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")

Table = pd.DataFrame | Sequence[Mapping[str, Any]]


def clean_text(text: str) -> str:
    """Line breaks as ``\\n`` and no character Excel refuses (the cell text, not yet neutralised)."""
    return ILLEGAL_CHARACTERS_RE.sub("", _LINE_BREAKS.sub("\n", text))


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def _plain(value: Any) -> Any:
    """A cell value as ``str``, ``int``, ``float``, ``bool`` or ``None`` (empty)."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple | set):
        return clean_text("; ".join(str(v) for v in value))
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return _plain(value.item())
    return clean_text(str(value))


def csv_cell(value: Any) -> str:
    """The text of one CSV cell: formulas neutralised with a leading apostrophe."""
    plain = _plain(value)
    if plain is None:
        return ""
    if isinstance(plain, str):
        return "'" + plain if is_formula_like(plain) else plain
    return str(plain)


def _columns_and_rows(table: Table) -> tuple[list[str], Iterable[Sequence[Any]]]:
    if isinstance(table, pd.DataFrame):
        return [str(c) for c in table.columns], table.itertuples(index=False, name=None)
    columns = list(dict.fromkeys(key for row in table for key in row))
    return columns, ([row.get(c) for c in columns] for row in table)


def write_csv(out: io.TextIOBase, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Stream rows as ``;``-separated CSV to ``out`` (text; see :func:`csv_bytes` for the BOM).

    ``\\r\\n`` ends a record and every cell holding a line break, separator or quote is
    quoted (the csv module quotes any cell with a character of the line terminator).
    """
    writer = csv.writer(out, delimiter=CSV_SEPARATOR, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([csv_cell(c) for c in columns])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    write_csv(buffer, columns, rows)
    return buffer.getvalue()


def csv_bytes(text: str) -> bytes:
    """CSV text as bytes Excel reads as UTF-8 (with BOM)."""
    return text.encode("utf-8-sig")


def table_csv_bytes(table: Table) -> bytes:
    """UTF-8 with BOM and ``;``: opens by double-click in a Dutch-language Excel."""
    return csv_bytes(csv_text(*_columns_and_rows(table)))


def table_xlsx_bytes(table: Table, sheet: str = "Gegevens") -> bytes:
    """An .xlsx workbook with one sheet holding the table, header row frozen; no formulas."""
    columns, rows = _columns_and_rows(table)
    book = Workbook()
    ws = book.active
    ws.title = clean_text(sheet).translate(str.maketrans("", "", "[]:*?/\\"))[:31] or "Gegevens"
    for r, values in enumerate([columns, *rows], start=1):
        for c, value in enumerate(values, start=1):
            plain = _plain(value)
            cell = ws.cell(row=r, column=c)
            cell.value = plain
            if isinstance(plain, str):
                # Assigning "=…" makes openpyxl write a formula; a string cell never is one.
                cell.data_type = "s"
                if is_formula_like(plain):
                    cell.quotePrefix = True
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
