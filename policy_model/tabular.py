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

An .xlsx is laid out as a person would want to read it: a bold header row that stays in
view (and the first column too where it names the row), an autofilter, column widths set
from the content (long texts wrap in a column of at most :data:`MAX_WIDTH` characters),
and optionally a sheet "Over deze export" saying what the file holds (:class:`About`).
Row heights are left to the spreadsheet, which fits wrapped text when it opens the file.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:  # openpyxl is imported when a workbook is written: it costs a new server ~0.5 s
    from openpyxl.worksheet.worksheet import Worksheet

CSV_SEPARATOR = ";"
#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection);
#: a line feed too, as a carriage return is written as one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")

Table = pd.DataFrame | Sequence[Mapping[str, Any]]

#: Column widths in characters: no column narrower than MIN_WIDTH, none wider than MAX_WIDTH
#: (longer texts wrap), the about sheet's values in a column of ABOUT_WIDTH. A column whose
#: longest text would wrap to more than MAX_LINES lines (Excel shows at most 409 points of a
#: row, about 27 lines) widens up to WIDEST.
MIN_WIDTH, MAX_WIDTH, WIDEST, MAX_LINES, ABOUT_WIDTH = 8, 60, 100, 26, 100
ABOUT_SHEET = "Over deze export"
#: The control characters an .xlsx cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE).
_ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


@dataclass(frozen=True)
class _Styles:
    wrap: Any
    header_font: Any
    header_fill: Any
    header_border: Any


@cache
def _styles() -> _Styles:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    return _Styles(Alignment(wrap_text=True, vertical="top"), Font(bold=True), PatternFill("solid", fgColor="E8EAED"),
                   Border(bottom=Side(style="thin", color="9AA0A6")))


@dataclass(frozen=True)
class Sheet:
    """One worksheet: its name (cut to Excel's 31 characters), its table, and how many
    columns on the left stay in view when scrolling sideways (the one naming each row).
    ``links`` names columns whose ``https://`` addresses become clickable."""

    title: str
    table: Table
    frozen_columns: int = 0
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class About:
    """The sheet "Over deze export": a title and label/value lines (which records, role,
    filters, date, link to the view, what "niet vermeld" means). A value that is one
    ``http(s)://`` address becomes a link."""

    title: str
    lines: Sequence[tuple[str, str]] = field(default_factory=tuple)


def clean_text(text: str) -> str:
    """Line breaks as ``\\n`` and no character Excel refuses (the cell text, not yet neutralised)."""
    return _ILLEGAL_CHARACTERS.sub("", _LINE_BREAKS.sub("\n", text))


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


def table_xlsx_bytes(table: Table, sheet: str = "Gegevens", about: About | None = None) -> bytes:
    """An .xlsx workbook with one laid-out sheet holding the table (see :func:`workbook_xlsx_bytes`)."""
    return workbook_xlsx_bytes([Sheet(sheet, table)], about)


def workbook_xlsx_bytes(sheets: Sequence[Sheet], about: About | None = None) -> bytes:
    """An .xlsx workbook: one laid-out sheet per :class:`Sheet` (the first one opens), then
    "Over deze export" when ``about`` is given. No cell is a formula."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for sheet in sheets:
        ws = book.create_sheet(_sheet_title(sheet.title, used))
        _write_table(ws, sheet)
    if about is not None:
        _write_about(book.create_sheet(_sheet_title(ABOUT_SHEET, used)), about)
    if not book.worksheets:
        book.create_sheet("Gegevens")
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of ``[]:*?/\\``, unique in the workbook."""
    base = clean_text(title).translate(str.maketrans("", "", "[]:*?/\\")).strip()[:31] or "Gegevens"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def _set_text(cell, value: Any) -> None:
    """A cell's value as data, never a formula: strings are written as strings, and one that
    starts like a formula gets Excel's quote prefix, so editing it keeps it text."""
    plain = _plain(value)
    cell.value = plain
    if isinstance(plain, str):
        # Assigning "=…" makes openpyxl write a formula; a string cell never is one.
        cell.data_type = "s"
        if is_formula_like(plain):
            cell.quotePrefix = True


def _text_size(value: Any) -> tuple[int, int, int]:
    """(longest line, characters, line breaks) of a cell's text."""
    plain = _plain(value)
    if plain is None:
        return 0, 0, 0
    text = str(plain)
    return max(len(line) for line in text.split("\n")), len(text), text.count("\n")


def column_width(longest_line: int, longest_text: int, breaks: int) -> int:
    """A column's width in characters: its longest line (wrapped beyond :data:`MAX_WIDTH`),
    wider up to :data:`WIDEST` where its longest text would otherwise not show in full."""
    width = min(max(longest_line + 2, MIN_WIDTH), MAX_WIDTH)
    while width < WIDEST and longest_text / (width - 2) + breaks > MAX_LINES:
        width += 5
    return width


def _write_table(ws: Worksheet, sheet: Sheet) -> None:
    """Header bold on grey, frozen with the first ``frozen_columns`` columns, an autofilter,
    widths from the content, long texts wrapped at the top of their cell."""
    from openpyxl.utils import get_column_letter

    style = _styles()
    columns, rows = _columns_and_rows(sheet.table)
    sizes = [(len(str(c)), 0, 0) for c in columns]  # (longest line, longest text, its line breaks)
    for c, name in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=c)
        _set_text(cell, name)
        cell.font, cell.fill, cell.border, cell.alignment = style.header_font, style.header_fill, style.header_border, style.wrap
    links = {i for i, name in enumerate(columns) if name in sheet.links}
    last_row = 1
    for r, values in enumerate(rows, start=2):
        last_row = r
        for i, value in enumerate(values):
            cell = ws.cell(row=r, column=i + 1)
            _set_text(cell, value)
            cell.alignment = style.wrap
            line, size, breaks = _text_size(value)
            if line > sizes[i][0] or size > sizes[i][1]:
                sizes[i] = (max(line, sizes[i][0]), *max((size, breaks), sizes[i][1:]))
            if i in links and isinstance(cell.value, str) and _is_address(cell.value):
                cell.hyperlink = cell.value
                cell.style = "Hyperlink"
                cell.alignment = style.wrap
    for i, size in enumerate(sizes, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column_width(*size)
    if columns:
        ws.freeze_panes = f"{get_column_letter(sheet.frozen_columns + 1)}2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last_row}"


def _is_address(text: str) -> bool:
    return re.fullmatch(r"https?://[^\s\"<>]+", text) is not None


def _write_about(ws: Worksheet, about: About) -> None:
    """Title in bold, then one line per label (bold) and value (wrapped; an address is a link)."""
    from openpyxl.styles import Font

    style = _styles()
    _set_text(ws.cell(row=1, column=1), about.title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    for r, (label, value) in enumerate(about.lines, start=3):
        head, cell = ws.cell(row=r, column=1), ws.cell(row=r, column=2)
        _set_text(head, label)
        _set_text(cell, value)
        head.font, head.alignment, cell.alignment = style.header_font, style.wrap, style.wrap
        if isinstance(cell.value, str) and _is_address(cell.value):
            cell.hyperlink = cell.value
            cell.style = "Hyperlink"
            cell.alignment = style.wrap
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = ABOUT_WIDTH
