"""Tables with their sources: one way to show rows that carry a citation.

Every table goes through :func:`show_table`: an ``st.dataframe`` grid normally, and in
presentation mode an HTML table whose text scales with the page (the grid draws on a
canvas at a fixed 13 px that no CSS reaches).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape

import pandas as pd
import pyarrow as pa
import streamlit as st

from policy_model.comparison.matrix import status_cell
from ui.citation import show_sourced_lines, source_column_config, source_columns
from ui.data import catalogue
from ui.export import download_table
from ui.layout import presenting
from ui.text import html_escape, nl_date

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
    if presenting():
        by_label = dict(zip(options, colours, strict=True))
        show_table(matrix, key=key, cell_colours=by_label)
        return
    st.dataframe(shown, hide_index=True, key=key, column_config=config)


def _rows_of(data: pa.Table | pd.DataFrame | Sequence[Mapping]) -> tuple[list[str], list[Mapping]]:
    if isinstance(data, pa.Table):
        return list(data.column_names), data.to_pylist()
    if isinstance(data, pd.DataFrame):
        return [str(c) for c in data.columns], data.to_dict("records")
    rows = list(data)
    return (list(dict.fromkeys(k for row in rows for k in row)), rows)


def _cell_html(value: object, config: Mapping | None) -> str:
    """One cell as escaped HTML, shown as the grid's column type would show it."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    kind = ((config or {}).get("type_config") or {}).get("type")
    if isinstance(value, list | tuple):
        return escape(", ".join(str(v) for v in value))
    if kind == "link":
        url = str(value)
        if not (url.startswith("https://") or (url.startswith("/") and not url.startswith("//"))):
            return escape(url)
        shown = (config or {}).get("type_config", {}).get("display_text") or url
        return f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{escape(str(shown))}</a>'
    if isinstance(value, dt.date):
        return escape(nl_date(value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return escape(str(value)).replace("\n", "<br>")


def table_html(data: pa.Table | pd.DataFrame | Sequence[Mapping], column_config: Mapping | None = None,
               cell_colours: Mapping[str, str] | None = None) -> str:
    """A table as escaped HTML: column labels and link texts from ``column_config``,
    hidden columns (config ``None``) left out, optional background per cell text."""
    config = dict(column_config or {})
    columns, rows = _rows_of(data)
    columns = [c for c in columns if not (c in config and config[c] is None)]
    head = "".join(f"<th>{escape(str((config.get(c) or {}).get('label') or c))}</th>" for c in columns)
    body = []
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column)
            colour = (cell_colours or {}).get(value) if isinstance(value, str) else None
            style = f' style="background:{escape(colour)}"' if colour else ""
            cells.append(f"<td{style}>{_cell_html(value, config.get(column))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<div class="gli-table-wrap"><table class="gli-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


def show_table(data: pa.Table | pd.DataFrame | Sequence[Mapping], *, key: str, column_config: Mapping | None = None,
               cell_colours: Mapping[str, str] | None = None, **dataframe_kwargs) -> None:
    """A table: ``st.dataframe`` normally; in presentation mode HTML whose text scales.

    ``dataframe_kwargs`` go to ``st.dataframe`` only (``height``, ``width``, ...).
    """
    if presenting():
        # For a room: document and section stay, the quote is in the downloads and the normal view
        # (with it the other columns were squeezed until words broke letter by letter at 1024 px).
        st.html(table_html(data, {**(column_config or {}), "Citaat": None}, cell_colours))
        return
    if isinstance(data, list):
        data = table_data(data)
    st.dataframe(data, hide_index=True, column_config=column_config, key=key, **dataframe_kwargs)


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
    show_table(table_data(shown), column_config=config, key=f"{key}_table")
    download_table(shown, name, key=key)


def show_sourced_text(rows: list[dict], *, text: str, name: str, key: str,
                      empty: str = "Niets vermeld voor deze selectie.") -> None:
    """Rows people read, as text at every width: the row's other values as a bold lead ("CZ 2027 ·
    Minimumeis"), then its ``text`` column, its source one click away (📄 Bron); the same rows as a
    table in the CSV/Excel downloads. (A grid cut such text on a phone and at 1024 px.)"""
    if not rows:
        st.info(empty)
        return
    lines = []
    for row in rows:
        lead = " · ".join(html_escape(v) for k, v in row.items() if k not in (text, "source", "policy") and v)
        body = html_escape(row[text])
        lines.append((f"<b>{lead}</b>: {body}" if lead else body, row["source"]))
    show_sourced_lines(catalogue(), ("", lines))
    download_table(sourced_rows(rows), name, key=key)
