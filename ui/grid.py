"""Rows of equal columns as one block: a CSS grid in place of ``st.columns``.

Each ``st.columns`` row is a horizontal block plus a block per column, and every block
costs a page run about as much as an element; the wizard's questions were some ten rows
of them. :func:`grid` is one keyed container whose elements :data:`GRID_CSS` lays out as
``st.columns(n)`` lays out one element per column, row after row: equal columns with
Streamlit's small gap (1rem) between them, tops aligned, and on a narrow screen (640 px,
Streamlit's own breakpoint for columns) one under the other in the same order.

Only for rows with one element per column: a column holding several elements under each
other is still ``st.columns``.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

#: The key prefix the style sheet recognises; the digit after it is the number of columns.
KEY_PREFIX = "gli_grid"

# Constant CSS, no data in it; sent with every page's constant head (ui.layout). The widths
# match st.columns' (each column (100% - gaps) / n). Only stVerticalBlock with such a key.
GRID_CSS = f"""<style>
.stVerticalBlock[class*="st-key-{KEY_PREFIX}"] {{ display: grid !important; gap: 1rem !important;
  align-items: start; grid-template-columns: repeat(2, minmax(0, 1fr)); }}
.stVerticalBlock[class*="st-key-{KEY_PREFIX}3_"] {{ grid-template-columns: repeat(3, minmax(0, 1fr)); }}
@media (max-width: 640px) {{
  .stVerticalBlock[class*="st-key-{KEY_PREFIX}"] {{ grid-template-columns: minmax(0, 1fr) !important; }}
}}
</style>"""


def grid(name: str, columns: int = 2) -> DeltaGenerator:
    """A container whose elements are laid out in rows of ``columns`` (2 or 3) equal
    columns, like ``st.columns(columns)`` with one element in each, one block for all rows.
    ``name`` makes the key unique on the page."""
    if columns not in (2, 3):
        raise ValueError("grid supports 2 or 3 columns")
    return st.container(key=f"{KEY_PREFIX}{columns}_{name}")
