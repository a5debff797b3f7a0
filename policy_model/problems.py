"""Problems found while loading data: values with a location, never exceptions.

A hand-edited YAML file can be wrong in many places at once; the maintainer wants all of
them in one run, each with file, line and field path, and a plain hint on how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ProblemKind = Literal["user", "internal"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in the data: where it is and what is wrong.

    ``kind`` is ``user`` for errors in the data a maintainer can fix, ``internal`` for a bug
    in this program (reported, but never blamed on the data).
    """

    file: str
    line: int | None
    path: str
    message: str
    kind: ProblemKind = "user"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path or '(file)'}: {self.message}"


def format_path(loc: tuple[object, ...]) -> str:
    """``("policies", 0, "year")`` -> ``policies[0].year``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
