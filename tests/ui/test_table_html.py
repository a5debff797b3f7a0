"""Tables as HTML for presentation mode: escaped, labelled and linked as the grid would be."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import streamlit as st

from ui.tables import table_html


def test_cells_are_escaped_and_line_breaks_kept():
    html = table_html([{"Tekst": "<script>x</script> & *ster*\nregel 2"}])
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt; &amp; *ster*<br>regel 2" in html


def test_column_config_gives_labels_links_and_hides_columns():
    frame = pd.DataFrame([{"Adres": "https://example.org/a?b=1&c=2", "Citaat": "lang", "Jaar": 2024.0,
                           "Lokaal": "javascript:alert(1)"}])
    config = {"Adres": st.column_config.LinkColumn("Origineel", display_text="openen"), "Citaat": None,
              "Lokaal": st.column_config.LinkColumn("Lokaal")}
    html = table_html(frame, config)
    assert "<th>Origineel</th>" in html and "Citaat" not in html
    assert '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">openen</a>' in html
    assert "<td>2024</td>" in html
    assert "href=\"javascript" not in html and "<td>javascript:alert(1)</td>" in html


def test_arrow_tables_lists_and_dates_read_as_text():
    table = pa.Table.from_pylist([{"Wat": ["✔ ingekocht"], "Datum": dt.date(2023, 11, 9)}])
    html = table_html(table)
    assert "<td>✔ ingekocht</td>" in html and "<td>9 november 2023</td>" in html


def test_cell_colours_tint_matching_cells():
    html = table_html([{"Programma": "CooL", "CZ 2027": "✔ ingekocht"}], cell_colours={"✔ ingekocht": "#cdeee3"})
    assert '<td style="background:#cdeee3">✔ ingekocht</td>' in html
