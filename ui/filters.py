"""The check of a link's parameters, where pages have always imported it from.

The insurer/year sidebar filters are gone: every comparison page, the Tijdlijn included,
chooses its records with :func:`ui.selection.policy_picker` (old ``verzekeraar``/``jaar``
links still choose their records there). URL widgets register their own parameters; see
:mod:`ui.url_state`.
"""

from __future__ import annotations

from ui.url_state import check_url

__all__ = ["check_url"]
