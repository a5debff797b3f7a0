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
    """Safe loader without the implicit timestamp resolver, with a leaner tag resolver.

    The parser asks Python for the tag of every node; PyYAML's general resolver also
    supports path resolvers, which safe loading never registers. The version below does
    the same for what safe loading uses (implicit scalar tags by first character, default
    tags otherwise) with less work per node; a test checks every data file reads the same.
    """

    def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], ()):  # type: ignore[index]
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
#: Implicit resolvers per first character, with the wildcard ones (key None) appended.
_IMPLICIT = {
    first: resolvers + _Loader.yaml_implicit_resolvers.get(None, [])
    for first, resolvers in _Loader.yaml_implicit_resolvers.items() if first is not None
}
assert not _Base.yaml_path_resolvers, "the lean resolver assumes no path resolvers"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SCALAR, _MAPPING = yaml.ScalarNode, yaml.MappingNode

@dataclass
class YamlDocument:
    """The parsed data of one file, its node tree (for lines) and the problems found."""

    file: str
    data: Any = None
    root: yaml.Node | None = None
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: tuple[object, ...]) -> int | None:
        """The line (1-based) of the deepest prefix of ``loc`` that exists in the file.

        A map entry's line is the line of its key (the last one, when a key is repeated,
        as YAML keeps the last value); a list item's line is where the item starts. Lines
        are looked up in the node tree only when a problem needs one, instead of building
        a map of every path on each load.
        """
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                match = next((pair for pair in reversed(node.value) if pair[0].value == str(part)), None)
                if match is None:
                    return line
                line = match[0].start_mark.line + 1
                node = match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line

    def problem(self, loc: tuple[object, ...], message: str) -> Problem:
        return Problem(self.file, self.line_of(loc), format_path(loc), message)


def _build(node: yaml.Node, loader: yaml.BaseLoader | None, duplicates: list[tuple[yaml.Node, yaml.Node]]) -> Any:
    """Build the value of ``node`` and note repeated map keys.

    Plain maps (string keys), lists and strings are built here, in one pass; any other
    node (numbers, booleans, null, merge keys, explicit tags) is built by the safe
    constructor. With ``loader=None`` nothing is built: only duplicates are looked for (in
    a subtree the constructor has built). A duplicate is noted as (map node, key node);
    its path is worked out afterwards, as duplicates are rare. Strings, by far the most
    common node, are taken without a call.
    """
    kind = type(node)
    if kind is _SCALAR:
        return node.value if loader is None or node.tag == _STR else loader.construct_object(node, deep=True)
    if loader is not None and node.tag != (_MAP if kind is _MAPPING else _SEQ):
        return _constructed(node, loader, duplicates)
    if kind is _MAPPING:
        result: dict[object, Any] = {}
        for key_node, value_node in node.value:
            if loader is not None and key_node.tag != _STR:
                return _constructed(node, loader, duplicates)
            key = key_node.value
            if key in result:
                duplicates.append((node, key_node))
            if type(value_node) is _SCALAR and value_node.tag == _STR:
                result[key] = value_node.value
            else:
                result[key] = _build(value_node, loader, duplicates)
        return result
    return [
        item.value if type(item) is _SCALAR and item.tag == _STR else _build(item, loader, duplicates)
        for item in node.value
    ]


def _constructed(node: yaml.Node, loader: yaml.BaseLoader, duplicates: list[tuple[yaml.Node, yaml.Node]]) -> Any:
    """A subtree built by the safe constructor, still checked for duplicate keys."""
    found: list[tuple[yaml.Node, yaml.Node]] = []
    _build(node, None, found)
    duplicates += [pair for pair in found if pair not in duplicates]
    return loader.construct_object(node, deep=True)


def _path_to(root: yaml.Node, target: yaml.Node) -> tuple[object, ...]:
    """The path of ``target`` below ``root`` (a depth-first search; used for messages only)."""
    stack: list[tuple[yaml.Node, tuple[object, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if node is target:
            return loc
        if isinstance(node, yaml.MappingNode):
            stack += [(value, (*loc, key.value)) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, (*loc, index)) for index, item in enumerate(node.value)]
    return ()


def _duplicate_problems(doc: YamlDocument, duplicates: list[tuple[yaml.Node, yaml.Node]]) -> list[Problem]:
    out = []
    for mapping, key_node in duplicates:
        key = key_node.value
        first = next(k for k, _ in mapping.value if k.value == key)
        loc = (*_path_to(doc.root, mapping), key)
        out.append(Problem(
            doc.file, key_node.start_mark.line + 1, format_path(loc),
            f"duplicate key {key!r} (first on line {first.start_mark.line + 1}); "
            "YAML keeps only the last one: remove or rename one of them",
        ))
    return out


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
        doc.root = node
        duplicates: list[tuple[yaml.Node, yaml.Node]] = []
        doc.data = _build(node, loader, duplicates)
        doc.problems += _duplicate_problems(doc, duplicates)
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
