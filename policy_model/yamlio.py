"""Read one YAML file safely, with a line for every field path.

Only a safe loader is used (the C one when available). Timestamps are *not* converted
implicitly: dates stay strings until the schema parses them, so an impossible date such
as 2026-02-30 becomes a located validation message instead of a loader crash. Duplicate
mapping keys, which YAML silently resolves to the last value, are reported.

A data folder may be handed over by someone else, so reading is bounded and every odd
input is a located problem, never a crash or a hang:

- only regular files are read (no device, FIFO or folder; no link out of the data
  folder), opened without blocking and read up to :data:`MAX_FILE_BYTES`;
- deep nesting is refused *before* PyYAML builds its node tree (its C composer recurses
  and crashed the process on 50,000 nested ``[``): a file that may nest deeply is checked
  exactly against :data:`MAX_DEPTH` first, by counting the parser's events (brackets in
  comments or quoted texts cannot fool that count), and nesting too deep for the Python
  builder is a message too;
- aliases may repeat a value, but not expand the file by more than
  :data:`MAX_ALIAS_SIZE` characters (a "billion laughs" took gigabytes, and 250 aliases
  of one 1.5 MB text 3.3 GB on the pages that show them) nor refer to the value they are
  part of;
- a list or mapping used as a key, a number too long to be one, and control characters
  in texts (which would break exports and calendars) are located messages.

The deep and alias checks walk the parser's events, which costs about half a parse; they
run only for files a cheap look at the text cannot clear (no real data file needs them).
Finding the line of a problem costs the same for the 20,000th problem in a file as for
the first (key indexes are built once per mapping), so a file full of errors is reported
in linear time.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from policy_model.problems import Problem, format_path

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Larger files are refused before parsing: no policy is anywhere near this size.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: Deepest nesting of lists and mappings accepted (the data uses about six).
MAX_DEPTH = 100
#: Size that aliases may add to a file (each alias repeats the whole anchored value), in
#: characters, where every value also counts :data:`_VALUE_WEIGHT` (so at most 100,000
#: repeated values, or 1 MB of repeated text).
MAX_ALIAS_SIZE = 1_000_000
_VALUE_WEIGHT = 10
#: Longest number accepted, in characters (Python refuses ints over 4,300 digits anyway).
MAX_NUMBER_CHARS = 40

#: Cheap looks at the text decide whether a file needs the exact (slower) event check.
#: Each block level starts at least half a column right of its parent, at the start of a
#: line or after indicators, anchors and tags on it (none of which holds ``, [ ] { }``); so
#: a file whose lines have no such run of 400 characters, and at most 400 opening flow
#: brackets in all (wherever they are: in a comment or a quoted text they are counted too,
#: so nothing can hide one), nests at most about 1,200 levels: safe for the C composer.
#: Deeper than the Python builder allows (about 1,000) is then still a located message
#: (RecursionError below). The real data files hold at most about 140 brackets.
_LONG_PREFIX = re.compile(r"\n[^\n,\[\]{}]{400}")
_MAX_FLOW_UNCHECKED = 400
_ALIAS = re.compile(r"(?:^|[\s\[{,:])\*[^\s\]},]", re.M)
#: Raw characters _CONTROL may find in a text (the YAML reader refuses the other controls).
_RAW_SEPARATORS = ("\\", "\x85", "\u2028", "\u2029")
#: Characters not allowed in a data text: C0/C1 controls but tab and line feed, a lone
#: carriage return, and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


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
_NUMBERS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_SCALAR, _MAPPING = yaml.ScalarNode, yaml.MappingNode


class _Refused(Exception):
    """A node this program does not read, with why (becomes a located problem)."""

    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


@dataclass
class YamlDocument:
    """The parsed data of one file, its node tree (for lines) and the problems found."""

    file: str
    data: Any = None
    root: yaml.Node | None = None
    problems: list[Problem] = field(default_factory=list)
    _key_index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(
        default_factory=dict, repr=False, compare=False)

    def line_of(self, loc: tuple[object, ...]) -> int | None:
        """The line (1-based) of the deepest prefix of ``loc`` that exists in the file.

        A map entry's line is the line of its key (the last one, when a key is repeated,
        as YAML keeps the last value); a list item's line is where the item starts. Lines
        are looked up in the node tree only when a problem needs one, instead of building
        a map of every path on each load; a mapping's keys are indexed on its first
        lookup, so 20,000 problems in one mapping cost 20,000 lookups, not 20,000 scans.
        """
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                match = self._keys_of(node).get(str(part))
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

    def _keys_of(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """The mapping's entries by key text (the last of repeated keys), built once per node."""
        index = self._key_index.get(id(node))
        if index is None:
            index = {str(key.value): (key, value) for key, value in node.value}
            self._key_index[id(node)] = index
        return index

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
        return node.value if loader is None or node.tag == _STR else _scalar(node, loader)
    if loader is not None and node.tag != (_MAP if kind is _MAPPING else _SEQ):
        return _constructed(node, loader, duplicates)
    if kind is _MAPPING:
        result: dict[object, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag != _STR:
                if type(key_node) is not _SCALAR:
                    raise _Refused(key_node, "a key must be a single name, not a list or mapping ('? [a, b]'); "
                                   "write it as a plain key")
                if loader is not None:
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


def _scalar(node: yaml.ScalarNode, loader: yaml.BaseLoader) -> Any:
    """A number, boolean or null built by the safe constructor; absurdly long numbers refused."""
    if node.tag in _NUMBERS and len(node.value) > MAX_NUMBER_CHARS:
        raise _Refused(node, f"a number of {len(node.value):,} characters: too long to be a year, count or "
                       "amount; check the value")
    return loader.construct_object(node, deep=True)


def _check_numbers(node: yaml.Node) -> None:
    """The number check of :func:`_scalar` for a subtree the safe constructor builds."""
    stack = [node]
    while stack:
        current = stack.pop()
        if type(current) is _SCALAR:
            if current.tag in _NUMBERS and len(current.value) > MAX_NUMBER_CHARS:
                _scalar(current, None)  # type: ignore[arg-type]  # raises _Refused
        elif type(current) is _MAPPING:
            stack += [part for pair in current.value for part in pair]
        else:
            stack += current.value


def _constructed(node: yaml.Node, loader: yaml.BaseLoader, duplicates: list[tuple[yaml.Node, yaml.Node]]) -> Any:
    """A subtree built by the safe constructor, still checked for duplicate keys."""
    found: list[tuple[yaml.Node, yaml.Node]] = []
    _build(node, None, found)
    _check_numbers(node)
    seen = {(id(mapping), id(key)) for mapping, key in duplicates}
    duplicates += [pair for pair in found if (id(pair[0]), id(pair[1])) not in seen]
    return loader.construct_object(node, deep=True)


def _path_to(root: yaml.Node, target: yaml.Node) -> tuple[object, ...]:
    """The path of ``target`` below ``root`` (used for messages only)."""
    return _paths_to(root, {id(target)}).get(id(target), ())


def _paths_to(root: yaml.Node, targets: set[int]) -> dict[int, tuple[object, ...]]:
    """The paths of the nodes whose ids are in ``targets``: one depth-first walk for all."""
    found: dict[int, tuple[object, ...]] = {}
    stack: list[tuple[yaml.Node, tuple[object, ...]]] = [(root, ())]
    while stack and len(found) < len(targets):
        node, loc = stack.pop()
        if id(node) in targets:
            found[id(node)] = loc
        if isinstance(node, yaml.MappingNode):
            stack += [(value, (*loc, key.value)) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, (*loc, index)) for index, item in enumerate(node.value)]
    return found


def _duplicate_problems(doc: YamlDocument, duplicates: list[tuple[yaml.Node, yaml.Node]]) -> list[Problem]:
    """A problem per repeated key, naming the line of its first use (linear in the keys)."""
    paths = _paths_to(doc.root, {id(mapping) for mapping, _ in duplicates}) if duplicates else {}
    firsts: dict[int, dict[object, yaml.Node]] = {}
    out = []
    for mapping, key_node in duplicates:
        if id(mapping) not in firsts:
            first_keys: dict[object, yaml.Node] = {}
            for k, _ in mapping.value:
                first_keys.setdefault(k.value, k)
            firsts[id(mapping)] = first_keys
        key = key_node.value
        first = firsts[id(mapping)][key]
        loc = (*paths.get(id(mapping), ()), key)
        out.append(Problem(
            doc.file, key_node.start_mark.line + 1, format_path(loc),
            f"duplicate key {key!r} (first on line {first.start_mark.line + 1}); "
            "YAML keeps only the last one: remove or rename one of them",
        ))
    return out


def _read_text(path: Path, file: str, root: Path | None) -> tuple[str | None, Problem | None]:
    """The file's text, or the problem that stops it being read.

    Only a regular file is read: a FIFO would hang the reader and a device such as
    ``/dev/zero`` never ends. A link may point only inside ``root`` (the data folder). The
    file is opened without blocking and read with a byte limit, so a file swapped for a
    FIFO or grown after the checks cannot hang or flood the reader either.
    """
    def problem(message: str) -> tuple[None, Problem]:
        return None, Problem(file, None, "", message)

    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve(strict=True)
            if root is not None and not target.is_relative_to(root.resolve()):
                return problem(f"is a link to {target}, outside the data folder; copy the file in instead")
            info = target.stat()
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, FIFO or socket"
            return problem(f"is {kind}, not a regular file; it was not read")
        if info.st_size > MAX_FILE_BYTES:
            return problem(f"file is {info.st_size / 1e6:.1f} MB, larger than the "
                           f"{MAX_FILE_BYTES // (1024 * 1024)} MB limit for a data file; is it the right file?")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return problem("is not a regular file; it was not read")
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return problem("file is missing")
    except RuntimeError:  # a symlink loop, from resolve()
        return problem("is a link that points to itself (a loop); it was not read")
    except OSError as exc:
        return problem(f"cannot read file: {exc.strerror}")
    if len(raw) > MAX_FILE_BYTES:
        return problem(f"file is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit for a data file; "
                       "is it the right file?")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return problem(f"file is not UTF-8 text (byte {exc.start}); save it as UTF-8")
    if "\r" in text:  # as text mode reads it: Windows and old Mac line ends become \n
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


def _needs_event_check(text: str) -> bool:
    """Whether the text might nest too deep to compose safely or hold aliases (see _LONG_PREFIX).

    Every opening bracket counts, also one in a comment or a quoted text: a count that
    tried to skip those could be fooled (``# ]]]`` once closed 50,000 levels on paper), and
    a file with more brackets than the data ever has simply gets the exact check.
    """
    # The searches are kept to what the C regex engine does fast: a literal first character.
    if _LONG_PREFIX.search("\n" + text) or ("*" in text and _ALIAS.search(text)):
        return True
    return text.count("[") + text.count("{") > _MAX_FLOW_UNCHECKED


def _event_check(text: str) -> tuple[int, str] | None:
    """The first nesting or alias problem as (line, message), walking the parser's events.

    libyaml's parser keeps its own stack, so this is safe at any depth; the node tree is
    not built. The expanded size of each anchored value (its characters, plus
    :data:`_VALUE_WEIGHT` per value) is counted, so what aliases would add is known
    without performing it.
    """
    loader = _Loader(text)
    try:
        depth = 0
        sizes: list[int] = [0]
        open_anchors: list[str | None] = [None]
        anchors: dict[str, int] = {}
        added = 0
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.StreamEndEvent:
                return None
            if kind in (yaml.SequenceStartEvent, yaml.MappingStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1, (
                        f"lists and mappings nested more than {MAX_DEPTH} levels deep; the data needs a few")
                sizes.append(_VALUE_WEIGHT)
                open_anchors.append(event.anchor)
            elif kind in (yaml.SequenceEndEvent, yaml.MappingEndEvent):
                depth -= 1
                size = sizes.pop()
                anchor = open_anchors.pop()
                if anchor is not None:
                    anchors[anchor] = size
                sizes[-1] += size
            elif kind is yaml.ScalarEvent:
                size = _VALUE_WEIGHT + len(event.value)
                sizes[-1] += size
                if event.anchor is not None:
                    anchors[event.anchor] = size
            elif kind is yaml.AliasEvent:
                if event.anchor in open_anchors:
                    return event.start_mark.line + 1, (
                        f"alias *{event.anchor} refers to the value it is part of; write the value out")
                size = anchors.get(event.anchor, _VALUE_WEIGHT)
                sizes[-1] += size
                added += size
                if added > MAX_ALIAS_SIZE:
                    return event.start_mark.line + 1, (
                        f"aliases (*{event.anchor}) repeat more than {MAX_ALIAS_SIZE:,} characters of values; "
                        "the data needs no anchors or aliases: write the values out")
    finally:
        loader.dispose()


def _control_problems(doc: YamlDocument) -> list[Problem]:
    """Texts holding control characters or line separators, each located."""
    out: list[Problem] = []
    stack: list[tuple[object, tuple[object, ...]]] = [(doc.data, ())]
    while stack:
        value, loc = stack.pop()
        if isinstance(value, str):
            bad = _CONTROL.search(value)
            if bad:
                out.append(doc.problem(loc, f"text contains the control character U+{ord(bad.group()):04X}; remove "
                                       "it (it would break exports and calendars)"))
        elif isinstance(value, dict):
            stack += [(item, (*loc, key)) for key, item in value.items()]
        elif isinstance(value, list):
            stack += [(item, (*loc, index)) for index, item in enumerate(value)]
    return out


def read_yaml(path: Path, display_name: str | None = None, root: Path | None = None) -> YamlDocument:
    """Parse ``path``; every failure becomes a :class:`Problem`, never an exception.

    ``root`` is the data folder: a link may point only inside it.
    """
    doc = YamlDocument(display_name or path.name)
    text, problem = _read_text(path, doc.file, root)
    if text is None:
        doc.problems.append(problem)  # type: ignore[arg-type]
        return doc
    if not text.strip():
        doc.problems.append(Problem(doc.file, None, "", "file is empty"))
        return doc
    try:
        if _needs_event_check(text):
            found = _event_check(text)
            if found is not None:
                doc.problems.append(Problem(doc.file, found[0], "", found[1]))
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
        finally:
            loader.dispose()
        doc.problems += _duplicate_problems(doc, duplicates)
        if any(char in text for char in _RAW_SEPARATORS):  # only an escape or a raw separator puts one in
            doc.problems += _control_problems(doc)
    except _Refused as exc:
        loc = _path_to(doc.root, exc.node) if doc.root is not None else ()
        doc.problems.append(Problem(doc.file, exc.node.start_mark.line + 1, format_path(loc), exc.message))
        doc.data = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        doc.problems.append(Problem(doc.file, line, "", f"YAML syntax error: {what}"))
        doc.data = None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        doc.problems.append(Problem(doc.file, line, "", f"the character U+{code:04X} is not allowed in a "
                                    "data file (a control character?); remove it"))
        doc.data = None
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(doc.file, None, "", f"YAML error: {exc}"))
        doc.data = None
    except RecursionError:
        doc.problems.append(Problem(doc.file, None, "", f"lists and mappings nested more than {MAX_DEPTH} levels "
                                    "deep; the data needs a few"))
        doc.data = None
    except ValueError as exc:  # what the safe constructor may still raise
        doc.problems.append(Problem(doc.file, None, "", f"a value cannot be read: {exc}"))
        doc.data = None
    return doc
