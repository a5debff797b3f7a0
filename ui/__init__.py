"""Shared Streamlit pieces every page uses: the cached catalogue, citations, filters,
exports and page chrome. Pages import from here; nothing here holds a fact of its own.
"""
