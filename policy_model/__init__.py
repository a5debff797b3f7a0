"""GLI-inkoopwijzer policy model: schema, loading, validation, comparison and rules.

Pure Python (no Streamlit), so a notebook can ``from policy_model import load_catalogue``.
"""
