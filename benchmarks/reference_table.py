"""Benchmark reference page: loads the cached catalogue and shows one dataframe, nothing else."""

import pandas as pd
import streamlit as st

from ui.data import catalogue

cat = catalogue()
st.title("Referentie")
st.dataframe(pd.DataFrame([{"Beleid": cat.policy_label(p), "Eisen": len(p.requirements)} for p in cat.policies]))
