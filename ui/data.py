"""The catalogue, loaded once per process and shared by every page and session."""

from __future__ import annotations

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.drafts import drafts_requested, without_drafts
from policy_model.facts import Fact, all_facts
from policy_model.loader import LoadResult, load_catalogue
from policy_model.paths import data_dir


@st.cache_resource(show_spinner="Beleidsdata laden…")
def _load(directory: str) -> LoadResult:
    # cache_resource, not cache_data: the catalogue is immutable and large; copying it
    # on every rerun (what cache_data does) would cost more than the pages themselves.
    result = load_catalogue(data_dir().__class__(directory))
    if not drafts_requested():  # carried-forward drafts stay hidden until reviewed
        result.catalogue = without_drafts(result.catalogue)
    return result


def data_ident(*parts: object) -> str:
    """A cache key for what is made of the loaded data: the data folder (another folder is
    another catalogue) and ``parts`` (records, day, choices), as one string. Cached layout is
    called with one string by keyword: Streamlit hashes a string a few times faster than a
    tuple, and looks every positional argument up in the function's signature."""
    return "\x1f".join((str(data_dir()), *map(str, parts)))


def load_result() -> LoadResult:
    """The load result for the configured data folder ($GLI_DATA_DIR or data/)."""
    return _load(directory=str(data_dir()))  # by keyword: Streamlit looks a positional up in the signature


def catalogue() -> Catalogue:
    return load_result().catalogue


@st.cache_resource(show_spinner=False)
def _facts(directory: str) -> list[Fact]:
    return all_facts(_load(directory=directory).catalogue)


def facts() -> list[Fact]:
    """Every fact as a flat row (for search and exports), computed once."""
    return _facts(directory=str(data_dir()))
