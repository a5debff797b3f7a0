"""Every source citation in a model tree, with its field path."""

from __future__ import annotations

from collections.abc import Iterator

from policy_model.schema import Source
from policy_model.tree import Loc, iter_instances

__all__ = ["Loc", "iter_sources"]


def iter_sources(node: object, loc: Loc = ()) -> Iterator[tuple[Loc, Source]]:
    """Yield ``(path, source)`` for every :class:`Source` below ``node``."""
    return iter_instances(node, Source, loc)
