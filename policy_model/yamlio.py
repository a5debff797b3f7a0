"""Read one YAML file safely, with a line for every field path.

Only a safe loader is used (the C one when available). Timestamps are *not* converted
implicitly: dates stay strings until the schema parses them, so an impossible date such
as 2026-02-30 becomes a located validation message instead of a loader crash. Duplicate
mapping keys, which YAML silently resolves to the last value, are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from policy_model.problems import Problem, format_path

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Larger files are refused before parsing: no policy is anywhere near this size.
MAX_FILE_BYTES = 2 * 1024 * 1024


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader without the implicit timestamp resolver."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}

Lines = dict[tuple[object, ...], int]


@dataclass
class YamlDocument:
    """The parsed data of one file, its path-to-line map and the problems found."""

    file: str
    data: Any = None
    lines: Lines = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: tuple[object, ...]) -> int | None:
        """The line of the deepest known prefix of ``loc`` (1-based)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None

    def problem(self, loc: tuple[object, ...], message: str) -> Problem:
        return Problem(self.file, self.line_of(loc), format_path(loc), message)


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


def _walk(node: yaml.Node, loc: tuple[object, ...], doc: YamlDocument, loader: yaml.BaseLoader | None) -> Any:
    """Record the line of every path, report duplicate keys, and build the value.

    Building the value in the same pass (instead of walking the nodes once for lines and
    once more in PyYAML's constructor) makes reading the dataset much faster. Plain maps,
    lists and strings are built here; any other node (numbers, booleans, null, merge keys,
    explicit tags) is built by the safe constructor. With ``loader=None`` only lines and
    duplicates are recorded (for a subtree the constructor has built).
    """
    doc.lines.setdefault(loc, node.start_mark.line + 1)
    if loader is not None and not _plain(node):
        value = loader.construct_object(node, deep=True)
        _walk(node, loc, doc, None)
        return value
    if isinstance(node, yaml.MappingNode):
        result: dict[object, Any] = {}
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                doc.problems.append(
                    Problem(
                        doc.file,
                        line,
                        format_path((*loc, key)),
                        f"duplicate key {key!r} (first on line {seen[key]}); "
                        "YAML keeps only the last one: remove or rename one of them",
                    )
                )
            else:
                seen[key] = line
            doc.lines[(*loc, key)] = line
            result[key] = _walk(value_node, (*loc, key), doc, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, (*loc, index), doc, loader) for index, item in enumerate(node.value)]
    return node.value


def _plain(node: yaml.Node) -> bool:
    """A string, or a map with string keys, or a list: what :func:`_walk` builds itself."""
    if isinstance(node, yaml.MappingNode):
        return node.tag == _MAP and all(k.tag == _STR for k, _ in node.value)
    if isinstance(node, yaml.SequenceNode):
        return node.tag == _SEQ
    return node.tag == _STR


def read_yaml(path: Path, display_name: str | None = None) -> YamlDocument:
    """Parse ``path``; every failure becomes a :class:`Problem`, never an exception."""
    doc = YamlDocument(display_name or path.name)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            doc.problems.append(
                Problem(doc.file, None, "", f"file is {size / 1e6:.1f} MB, larger than the "
                        f"{MAX_FILE_BYTES // (1024 * 1024)} MB limit for a data file; is it the right file?")
            )
            return doc
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        doc.problems.append(Problem(doc.file, None, "", "file is missing"))
        return doc
    except UnicodeDecodeError as exc:
        doc.problems.append(
            Problem(doc.file, None, "", f"file is not UTF-8 text (byte {exc.start}); save it as UTF-8")
        )
        return doc
    except OSError as exc:
        doc.problems.append(Problem(doc.file, None, "", f"cannot read file: {exc.strerror}"))
        return doc
    if not text.strip():
        doc.problems.append(Problem(doc.file, None, "", "file is empty"))
        return doc
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            doc.problems.append(Problem(doc.file, None, "", "file holds no YAML document (only comments?)"))
            return doc
        doc.data = _walk(node, (), doc, loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        doc.problems.append(Problem(doc.file, line, "", f"YAML syntax error: {what}"))
        doc.data = None
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(doc.file, None, "", f"YAML error: {exc}"))
        doc.data = None
    finally:
        loader.dispose()
    return doc
