"""The bench's same-shape floor: a page's shape is counted where Streamlit queues it, and the
shape page draws exactly that shape (so "÷shape" compares like with like)."""

from __future__ import annotations

import importlib

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO


def _bench(monkeypatch):
    monkeypatch.setenv("GLI_BENCH", "1")  # the reference pages are in the menu only on a bench server
    return importlib.import_module("benchmarks.run")


def _on(page: str) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def test_the_bare_reference_page_is_a_title_and_a_table(monkeypatch):
    bench = _bench(monkeypatch)
    assert bench.page_shape(_on(bench.REFERENCE_TABLE), bench.REFERENCE_TABLE) == (2, 0, 0)


def test_the_shape_page_draws_the_shape_it_is_given(monkeypatch):
    bench = _bench(monkeypatch)
    monkeypatch.setenv("GLI_BENCH_SHAPE", "5,3,2")
    at = _on(bench.REFERENCE_SHAPE)
    assert bench.page_shape(at, bench.REFERENCE_SHAPE) == (5, 3, 2)
    assert len(at.checkbox) == 3 and len(at.markdown) == 5


def test_a_page_is_counted_with_its_widgets(monkeypatch):
    bench = _bench(monkeypatch)
    elements, widgets, blocks = bench.page_shape(_on("app_pages/zoeken.py"), "app_pages/zoeken.py")
    assert widgets >= 2 and elements >= 3  # the presentation toggle and the search box; title, caption, footer
