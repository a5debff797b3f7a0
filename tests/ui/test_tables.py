"""Tables go to st.dataframe as Arrow where the rows allow it, else as pandas, never failing."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from ui.tables import table_data


def test_uniform_rows_become_an_arrow_table_with_the_same_values():
    rows = [{"Beleid": "CZ 2027", "Voorkeur": 1}, {"Beleid": "VGZ 2024", "Voorkeur": None}]
    table = table_data(rows)
    assert isinstance(table, pa.Table)
    assert table.to_pylist() == rows


def test_rows_mixing_numbers_and_text_in_a_column_fall_back_to_pandas():
    rows = [{"Waarde": 18}, {"Waarde": "volwassenen"}]
    table = table_data(rows)
    assert isinstance(table, pd.DataFrame)
    assert list(table["Waarde"]) == [18, "volwassenen"]
