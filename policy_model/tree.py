"""Walk a model tree and find every instance of a model class in it, with its field path.

Knows nothing of the schema, so the schema's own validators can use it (:mod:`policy_model.walk`
gives the common case: every source citation)."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from functools import cache
from typing import TypeVar

from pydantic import BaseModel

Loc = tuple[object, ...]
M = TypeVar("M", bound=BaseModel)


def iter_instances(node: object, cls: type[M], loc: Loc = ()) -> Iterator[tuple[Loc, M]]:
    """Yield ``(path, instance)`` for every ``cls`` below ``node``."""
    found: list[tuple[Loc, M]] = []
    _collect(node, cls, loc, found)
    return iter(found)


def _collect(node: object, cls: type[M], loc: Loc, found: list[tuple[Loc, M]]) -> None:
    # Plain recursion over only the fields that can hold a model: the loader runs this over
    # every policy on each load, and a generator per field was a fifth of the load time.
    if isinstance(node, cls):
        found.append((loc, node))
    elif isinstance(node, BaseModel):
        for name in _model_fields(type(node)):
            _collect(getattr(node, name), cls, (*loc, name), found)
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            _collect(item, cls, (*loc, index), found)


@cache
def _model_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` whose type can contain a model."""
    return tuple(name for name, info in cls.model_fields.items() if _holds_model(info.annotation))


def _holds_model(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_model(arg) for arg in typing.get_args(annotation))
