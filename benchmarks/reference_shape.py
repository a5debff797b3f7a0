"""Benchmark reference: a page of another page's shape and nothing else.

``GLI_BENCH_SHAPE="elements,widgets,blocks"`` (set by ``benchmarks/run.py`` from one run of
the page measured) gives that many plain Markdown lines, checkboxes and containers: what
Streamlit itself costs to draw a page of that size, so the bench can say how much of a page's
run is the page's own work (:func:`benchmarks.run.bench_shapes`).
"""

import os

import streamlit as st

elements, widgets, blocks = (int(n) for n in os.environ.get("GLI_BENCH_SHAPE", "0,0,0").split(","))
for n in range(blocks):
    st.container(key=f"shape_block_{n}")
for n in range(elements):
    st.markdown(f"Regel {n}")
for n in range(widgets):
    st.checkbox(f"Vak {n}", key=f"shape_widget_{n}")
