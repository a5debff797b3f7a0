"""GLI-inkoopwijzer: entry point. Sets up the page and the navigation; each page lives in pages/.

Start with ``make run`` (or ``.venv/bin/streamlit run app.py``).
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="GLI-inkoopwijzer", page_icon="🥗", layout="wide")

#: (file, title, icon) in menu order. Emoji icons: material icons fetch a font online.
PAGES = [
    ("pages/home.py", "Home", "🏠"),
    ("pages/programmas.py", "Programma's", "🧩"),
    ("pages/registers.py", "Registers", "📇"),
    ("pages/voorwaarden.py", "Contractvoorwaarden", "📋"),
    ("pages/tijdlijn.py", "Tijdlijn", "📅"),
    ("pages/wijzigingen.py", "Wijzigingen", "🔀"),
    ("pages/wizard.py", "Wat geldt voor mij?", "🧭"),
    ("pages/handreiking.py", "Handreiking", "🗺️"),
    ("pages/begrippen.py", "Begrippen", "📖"),
    ("pages/zoeken.py", "Zoeken", "🔎"),
]

navigation = st.navigation(
    [st.Page(path, title=title, icon=icon, default=(n == 0)) for n, (path, title, icon) in enumerate(PAGES)]
)
navigation.run()
