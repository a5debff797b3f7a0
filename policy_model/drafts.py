"""Draft records: carried forward by ``carry-forward`` and not yet reviewed.

A draft is a property of the data, so every reader (the app, ``export``, ``assess``,
``diff``) decides the same way whether to show it: left out unless asked for
(``GLI_SHOW_DRAFTS=1`` or a command's ``--include-drafts``).
"""

from __future__ import annotations

import dataclasses
import os

from policy_model.catalogue import Catalogue
from policy_model.walk import iter_sources

SHOW_DRAFTS_ENV = "GLI_SHOW_DRAFTS"


def is_draft(policy: object) -> bool:
    """A record is a draft when it says so or when any of its facts carries a review mark."""
    if getattr(policy, "draft", False):
        return True
    return any(src.review is not None for _, src in iter_sources(policy))


def drafts_requested() -> bool:
    """Whether the environment asks to show drafts (``GLI_SHOW_DRAFTS=1``)."""
    return os.environ.get(SHOW_DRAFTS_ENV) == "1"


def without_drafts(catalogue: Catalogue) -> Catalogue:
    """The catalogue with every draft policy record left out."""
    kept = tuple(p for p in catalogue.policies if not is_draft(p))
    if len(kept) == len(catalogue.policies):
        return catalogue
    return dataclasses.replace(catalogue, policies=kept)
