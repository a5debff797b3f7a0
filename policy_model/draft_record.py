"""Whether one record is a draft, and what a draft is called: below the catalogue, which
asks it of every record (the catalogue-wide choices are in :mod:`policy_model.drafts`)."""

from __future__ import annotations

from policy_model.walk import iter_sources

#: How a draft is called wherever it is shown: column headers, assessments, exports.
DRAFT_LABEL = "concept"


def is_draft(policy: object) -> bool:
    """A record is a draft when it says so or when any of its facts carries a review mark."""
    if getattr(policy, "draft", False):
        return True
    return any(src.review is not None for _, src in iter_sources(policy))
