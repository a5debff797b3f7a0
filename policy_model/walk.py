"""Walk a model tree and find every source citation in it, with its field path."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from policy_model.schema import Source

Loc = tuple[object, ...]


def iter_sources(node: object, loc: Loc = ()) -> Iterator[tuple[Loc, Source]]:
    """Yield ``(path, source)`` for every :class:`Source` below ``node``."""
    if isinstance(node, Source):
        yield loc, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from iter_sources(getattr(node, name), (*loc, name))
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            yield from iter_sources(item, (*loc, index))
