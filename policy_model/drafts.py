"""Draft records: carried forward by ``carry-forward`` and not yet reviewed.

A draft is a property of the data, so every reader (the app, ``export``, ``assess``,
``assess-batch``, ``diff``) decides the same way whether to show it: left out unless asked
for (``GLI_SHOW_DRAFTS=1`` for the app, a command's ``--include-drafts``), and labelled
"concept" wherever it is shown (:data:`DRAFT_LABEL`).
"""

from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING

from policy_model.draft_record import DRAFT_LABEL

if TYPE_CHECKING:
    from policy_model.catalogue import Catalogue

SHOW_DRAFTS_ENV = "GLI_SHOW_DRAFTS"


def drafts_requested() -> bool:
    """Whether the environment asks to show drafts (``GLI_SHOW_DRAFTS=1``)."""
    return os.environ.get(SHOW_DRAFTS_ENV) == "1"


def without_drafts(catalogue: Catalogue) -> Catalogue:
    """The catalogue with every draft policy record left out."""
    kept = tuple(p for p in catalogue.policies if not catalogue.is_draft(p))
    if len(kept) == len(catalogue.policies):
        return catalogue
    return dataclasses.replace(catalogue, policies=kept)


def with_drafts_if(catalogue: Catalogue, include: bool) -> Catalogue:
    """The catalogue as a reader should see it: drafts only when ``include`` asks for them."""
    return catalogue if include else without_drafts(catalogue)


def hidden_draft_message(key: str, catalogue: Catalogue) -> str | None:
    """Why ``key`` is unknown when it is a draft left out: the flag that shows it (else None)."""
    policy = catalogue.policy_by_key(key)
    if policy is not None and catalogue.is_draft(policy):
        return f"{key} is a draft ({DRAFT_LABEL}, not yet reviewed); add --include-drafts to use it"
    return None
