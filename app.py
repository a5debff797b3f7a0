"""GLI-inkoopwijzer: entry point. Sets up the page and the navigation; each page lives in app_pages/.

Start with ``make run`` (or ``.venv/bin/streamlit run app.py``).
"""

from __future__ import annotations

import streamlit as st

from ui.guard import page_guard
from ui.navigation import app_pages
from ui.url_state import flush_params, report_unknown, start_run

st.set_page_config(page_title="GLI-inkoopwijzer", page_icon="🥗", layout="wide")

start_run()
try:
    with page_guard():  # a visitor never sees a traceback: a Dutch message with a reference instead
        st.navigation(app_pages()).run()
        report_unknown()  # what the link held that nothing on the page read, named at the top
finally:
    flush_params()  # the run's URL values in one address change, also after st.stop()
