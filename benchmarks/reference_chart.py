"""Benchmark reference page: one cached dataframe and one small Plotly chart."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ui.data import catalogue

cat = catalogue()
st.title("Referentie grafiek")
rows = [{"Beleid": cat.policy_label(p), "Eisen": len(p.requirements)} for p in cat.policies]
st.dataframe(pd.DataFrame(rows))
st.plotly_chart(go.Figure(go.Bar(x=[r["Beleid"] for r in rows], y=[r["Eisen"] for r in rows])), key="ref_chart")
