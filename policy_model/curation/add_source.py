"""``add-source``: a new document's text into the sources folder and its entry into sources.yaml.

The entry is appended to ``sources.yaml`` as text, so the file's comments and layout stay
as they are. Nothing is written unless everything checks out first: a valid id that is not
taken, a plain file name, text extracted (in a worker process with a time and memory limit,
:mod:`.worker`), a writable sources folder. An existing source is never replaced: a taken
id or a text file that an entry of ``sources.yaml`` names is refused, also with ``--force``;
``--force`` only replaces a text file no entry names (left over from an earlier attempt).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from policy_model.curation.extract import Extracted, ExtractionError
from policy_model.curation.guards import FILE_NAME, GuardError, check_id, check_year
from policy_model.curation.worker import extract_bounded
from policy_model.schema import SourceDocument
from policy_model.yamlio import read_yaml

COVERS_PLACEHOLDER = "Nog te beschrijven: wat dit document voor de GLI behandelt."


class AddSourceError(Exception):
    """The source cannot be added; the message says why."""


@dataclass
class Added:
    text_path: Path
    sources_yaml: Path
    entry: SourceDocument
    extracted: Extracted
    placeholder_covers: bool


def default_file_name(source_id: str) -> str:
    return source_id.replace("_", "-") + ".txt"


def add_source(
    file: Path,
    *,
    source_id: str,
    publisher: str,
    title: str,
    year: int | None,
    sources_dir: Path,
    data_dir: Path,
    kind: str | None = None,
    url: str | None = None,
    covers: str | None = None,
    published: dt.date | None = None,
    file_name: str | None = None,
    force: bool = False,
) -> Added:
    """Extract ``file`` and register it; raises :class:`AddSourceError` before writing anything."""
    sources_yaml = Path(data_dir) / "sources.yaml"
    try:
        check_id(source_id, "--id")
        if year is not None:
            check_year(year)
    except GuardError as exc:
        raise AddSourceError(str(exc)) from None
    existing = _existing_entries(sources_yaml)
    if source_id in existing:
        raise AddSourceError(f"{sources_yaml}: a source with id {source_id!r} already exists; add-source never "
                             "replaces a source (choose another --id)")
    name = file_name or default_file_name(source_id)
    if not FILE_NAME.match(name) or name in (".", ".."):
        raise AddSourceError(f"--file-name {name!r}: give a plain file name (letters, digits, - _ .), no folder")
    named_by = next((sid for sid, entry in existing.items() if entry.get("file") == name), None)
    if named_by is not None:
        raise AddSourceError(f"{name}: is the text of source {named_by!r}; add-source never replaces a source "
                             "(give another --file-name NAME)")
    try:
        extracted = extract_bounded(Path(file))
    except ExtractionError as exc:
        raise AddSourceError(str(exc)) from None
    fields = {
        "id": source_id,
        "title": title,
        "publisher": publisher,
        "kind": kind or ("web_page" if extracted.kind == "html" else "insurer_policy"),
        "policy_year": year,
        "covers": covers or COVERS_PLACEHOLDER,
        "url": url,
        "file": name,
        "published": published,
    }
    try:
        entry = SourceDocument.model_validate({k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise AddSourceError(f"the new entry is not valid: {problems}") from None

    folder = Path(sources_dir)
    target = folder / name
    if not folder.is_dir():
        raise AddSourceError(f"{folder}: the sources folder does not exist (give --sources-dir or GLI_SOURCES_DIR)")
    if not os.access(folder, os.W_OK):
        raise AddSourceError(f"{folder}: the sources folder is read-only (give a writable --sources-dir)")
    if target.exists() and not force:
        raise AddSourceError(f"{target}: already exists, and no entry in sources.yaml names it (give another "
                             "--file-name NAME, or --force to replace this left-over file)")
    if not sources_yaml.is_file():
        raise AddSourceError(f"{sources_yaml}: not found (give --data-dir)")

    target.write_text(extracted.text, encoding="utf-8")
    _append_entry(sources_yaml, entry)
    return Added(target, sources_yaml, entry, extracted, covers is None)


def _existing_entries(sources_yaml: Path) -> dict[str, dict]:
    """The entries of sources.yaml by id (read with the bounded reader)."""
    if not sources_yaml.is_file():
        return {}
    doc = read_yaml(sources_yaml, "sources.yaml")
    if doc.problems:
        raise AddSourceError(f"{sources_yaml}: cannot read it ({doc.problems[0]}); run python -m policy_model "
                             "validate") from None
    data = doc.data or {}
    items = data.get("sources") if isinstance(data, dict) else None
    return {str(item.get("id")): item for item in items or [] if isinstance(item, dict)}


_ORDER = ("id", "title", "publisher", "kind", "policy_year", "covers", "url", "file", "published")


def entry_yaml(entry: SourceDocument) -> str:
    """The entry as a YAML list item indented like the rest of sources.yaml."""
    data = entry.model_dump(mode="json", exclude_none=True)
    ordered = {key: data[key] for key in _ORDER if key in data}
    text = yaml.safe_dump([ordered], allow_unicode=True, sort_keys=False, width=100)
    return "".join("  " + line if line.strip() else line for line in text.splitlines(keepends=True))


def _append_entry(sources_yaml: Path, entry: SourceDocument) -> None:
    current = sources_yaml.read_text(encoding="utf-8")
    if not current.endswith("\n"):
        current += "\n"
    sources_yaml.write_text(current + entry_yaml(entry), encoding="utf-8")


def summary(added: Added) -> str:
    ex = added.extracted
    lines = [
        f"wrote {added.text_path} ({len(ex.text)} characters from a {ex.kind} file"
        + (f", {ex.pages} pages" if ex.pages else "") + ")",
        f"added {added.entry.id!r} to {added.sources_yaml}",
    ]
    if ex.dropped_headers:
        shown = "; ".join(repr(h) for h in ex.dropped_headers[:5])
        lines.append(f"left out {len(ex.dropped_headers)} running header/footer line(s): {shown}")
    if ex.dropped_urls:
        lines.append(f"left out {ex.dropped_urls} repeated URL line(s)")
    if added.placeholder_covers:
        lines.append("note: 'covers' is a placeholder; describe the document in sources.yaml (or pass --covers)")
    return "\n".join(lines)

