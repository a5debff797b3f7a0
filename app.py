"""GLI-inkoopwijzer: entry point. Sets up the page and the navigation; each page lives in app_pages/.

Start with ``make run`` (or ``.venv/bin/streamlit run app.py``).
"""

from __future__ import annotations

import os

import streamlit as st

from ui.guard import page_guard
from ui.navigation import PAGES
from ui.url_state import flush_params, report_unknown, start_run

st.set_page_config(page_title="GLI-inkoopwijzer", page_icon="🥗", layout="wide")

pages = [st.Page(p.path, title=p.title, icon=p.icon, default=(n == 0)) for n, p in enumerate(PAGES)]
if os.environ.get("GLI_BENCH"):
    # Reference pages for the benchmark only (benchmarks/run.py), in the menu only on a
    # benchmark server: the bench navigates to the bare one to measure Streamlit's floor.
    pages += [
        st.Page("benchmarks/reference_table.py", title="Referentie", url_path="ref_table"),
        st.Page("benchmarks/reference_chart.py", title="Referentie grafiek", url_path="ref_chart", visibility="hidden"),
    ]
start_run()
try:
    with page_guard():  # a visitor never sees a traceback: a Dutch message with a reference instead
        st.navigation(pages).run()
        report_unknown()  # what the link held that nothing on the page read, named at the top
finally:
    flush_params()  # the run's URL values in one address change, also after st.stop()
