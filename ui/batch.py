"""The wizard's batch upload, assessed once per file, apart, and within the visitor's time budget.

Streamlit reruns the page on every click; without a cache each rerun assessed the whole
upload again. The result is kept in the session for the same file, role, year and day,
and the session's :class:`~policy_model.wizard.batch.SessionBudget` decides whether a new
batch may start. The assessment runs in its own low-priority process
(:mod:`policy_model.wizard.batch_worker`), so other visitors' pages do not wait for it;
:mod:`policy_model.wizard.batch` has every other bound.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from policy_model.drafts import drafts_requested
from policy_model.paths import data_dir
from policy_model.wizard.batch import MAX_BATCH_SECONDS, BatchResult, SessionBudget, decode_upload
from policy_model.wizard.batch_worker import assess_batch_apart
from ui.text import today

_RESULT_KEY = "_gli_batch_result"
_BUDGET_KEY = "_gli_batch_budget"


def assessed_upload(upload: UploadedFile, role: str, year: int) -> tuple[BatchResult | None, list[str]]:
    """The batch result of an upload (None when it could not be read or the budget is spent)
    and the notes to show first (Dutch)."""
    key = (upload.file_id, upload.size, role, year, today())
    cached = st.session_state.get(_RESULT_KEY)
    if cached is not None and cached[0] == key:
        return cached[1], cached[2]
    text, notes = decode_upload(upload.getvalue())
    if text is None:
        return None, notes
    budget: SessionBudget = st.session_state.setdefault(_BUDGET_KEY, SessionBudget())
    if not budget.allows_a_batch():
        return None, [*notes, budget.wait_message()]
    with st.spinner("De coaches worden beoordeeld…"):
        result = assess_batch_apart(text, role, year, today(), data_dir(), show_drafts=drafts_requested(),
                                    time_budget=min(MAX_BATCH_SECONDS, budget.remaining()))
    budget.spend(result.seconds)
    st.session_state[_RESULT_KEY] = (key, result, notes)
    return result, notes
