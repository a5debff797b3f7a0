"""``carry-forward``: last year's record as a draft for a new year, checked against the new document.

Every citation of the old record's documents now cites the new document, and each fact is
reviewed against it (:mod:`.review`):

- a fact whose quote occurs in the new document is **kept**; its ``section`` stays when it
  still agrees with the heading the quote sits under, else it becomes that heading; its
  values move to the new year only where the quote does not state them (:mod:`.carry_values`);
- every other fact is **marked**: ``source.review`` says whether only the years differ, the
  wording changed (with the most similar whole sentence(s) and their similarity, 0-100) or
  the passage is probably gone ("waarschijnlijk verwijderd"), and which dates, durations and
  amounts the new passage states. Its own values stay exactly as they were;
- the new document's sentences that no kept fact quotes and no confident suggestion covers
  are listed as **uncited**: candidates for new facts (headings are never listed).

Before anything is built or written, every input is checked (:mod:`.guards`): the record key,
the year, the source id (with the closest known id), the document's publisher against the
record's insurer, and the document's policy year. The draft is written only inside the data
folder, and never over a reviewed record: an existing draft is replaced only with ``--force``.
The record gets ``draft: true`` so every reader leaves it out until a curator has handled
every mark and removed the flag. The YAML is rewritten from the old file's data (field order
kept; comments are not carried over).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from policy_model.calendar import dutch_today
from policy_model.curation.carry_report import CarryReport
from policy_model.curation.carry_values import shift_kept_fact
from policy_model.curation.extract import ExtractionError, read_bounded
from policy_model.curation.guards import (
    GuardError,
    check_file_name,
    check_id,
    check_key,
    check_year,
    did_you_mean,
    inside,
)
from policy_model.curation.review import Citation, FactCheck, review_citations
from policy_model.yamlio import read_yaml


class CarryForwardError(Exception):
    """The record cannot be carried forward; the message says why."""


@dataclass(frozen=True)
class Plan:
    """Everything checked, nothing written yet."""

    source_file: Path
    record: dict[str, Any]
    old_year: int
    insurer: str
    text_path: Path
    target: Path


def carry_forward(
    from_key: str,
    year: int,
    document_id: str,
    *,
    data_dir: Path,
    sources_dir: Path,
    force: bool = False,
) -> CarryReport:
    """Write ``policies/<insurer>-<year>.yaml`` as a reviewed draft and return the report."""
    try:
        plan = plan_carry(from_key, year, document_id, Path(data_dir), Path(sources_dir), force)
        raw = read_bounded(plan.text_path).decode("utf-8")
    except GuardError as exc:
        raise CarryForwardError(str(exc)) from None
    except ExtractionError as exc:
        raise CarryForwardError(f"{exc} (run add-source again to make the text file)") from None
    except UnicodeDecodeError:
        raise CarryForwardError(f"{plan.text_path}: not UTF-8 text; make it with add-source") from None
    record = plan.record
    old_documents = set(record.get("documents") or [])
    cited = [(loc, fact, src) for loc, fact, src in _sources(record) if src.get("document") in old_documents]
    review = review_citations([Citation(_path(loc), str(src.get("quote", "")), str(src.get("section", "")))
                               for loc, _, src in cited], raw)
    delta = year - plan.old_year
    moved = 0
    for (_, fact, src), check in zip(cited, review.facts, strict=True):
        src["document"] = document_id
        if check.status == "kept":
            src["section"] = check.section
            moved += shift_kept_fact(fact, check.quote, check.section, plan.old_year, delta)
        else:
            src["review"] = review_mark(check, plan.text_path.name)
    report = CarryReport(from_key, f"{plan.insurer}-{year}", document_id, str(plan.target), review, moved)
    new = _new_record(record, year, plan.old_year, document_id)
    header = "".join(f"# {line}\n" for line in report.header_lines(plan.text_path.name, dutch_today()))
    plan.target.write_text(header + yaml.safe_dump(new, allow_unicode=True, sort_keys=False, width=110),
                           encoding="utf-8")
    return report


def review_mark(check: FactCheck, file_name: str) -> dict[str, Any]:
    """The ``source.review`` block of a marked fact: why, the new passage, what it states."""
    values = f"; it states {', '.join(check.values)}" if check.values else ""
    if check.status == "year_only":
        reason = (f"alleen het jaar is anders: the quote occurs in {file_name} with other years{values}. "
                  "Take the new passage as the quote and check each date")
    elif check.status == "changed":
        reason = (f"gewijzigd: the quote is not in {file_name}; the most similar sentence(s) are below{values}. "
                  "Rewrite the fact and every value from it, or delete the fact")
    else:
        best = f" (best {check.similarity:.0f}/100)" if check.similarity is not None else ""
        reason = (f"waarschijnlijk verwijderd: no passage of {file_name} is like the quote{best}. "
                  "Delete the fact unless the document says it elsewhere")
    mark: dict[str, Any] = {"reason": reason}
    if check.passage:
        mark |= {"best_match": check.passage, "similarity": check.similarity}
    return mark


# --------------------------------------------------------------------------- checks first


def plan_carry(from_key: str, year: int, document_id: str, data_dir: Path, sources_dir: Path,
               force: bool) -> Plan:
    """Check every input and every path; raises :class:`GuardError` before anything is written."""
    key_insurer, key_year = check_key(from_key)
    check_year(year)
    if year == key_year:
        raise GuardError(f"--year {year}: {from_key} is already {year}; give the year of the new document")
    policies = data_dir / "policies"
    source_file = inside(policies, f"{from_key}.yaml")
    if not source_file.is_file():
        known = sorted(p.stem for p in policies.glob("*.yaml")) if policies.is_dir() else []
        raise GuardError(f"{source_file}: no such policy record; {did_you_mean(from_key, known)}"
                         "FROM_KEY is <insurer>-<year>, e.g. zz-2024")
    doc = read_yaml(source_file, f"policies/{source_file.name}", root=data_dir)
    if doc.problems or not isinstance(doc.data, dict):
        raise GuardError(f"{source_file}: cannot read it; run python -m policy_model validate first")
    record: dict[str, Any] = doc.data
    insurer = check_id(record.get("insurer"), f"{source_file.name}: insurer")
    if insurer != key_insurer or record.get("year") != key_year:
        raise GuardError(f"{source_file}: says insurer {insurer!r}, year {record.get('year')!r}, not what its "
                         f"name says ({from_key}); fix the file first")
    entry = _source_entry(document_id, data_dir)
    _check_document_fits(entry, document_id, insurer, year, from_key, data_dir)
    name = check_file_name(entry.get("file"), f"sources.yaml: {document_id}: file")
    text_path = inside(sources_dir, name)
    if not text_path.is_file():
        raise GuardError(f"{text_path}: the text of {document_id!r} is not in the sources folder "
                         "(give --sources-dir, or run add-source)")
    target = inside(policies, f"{insurer}-{year}.yaml")
    _check_not_curated(target, force)
    return Plan(source_file, record, key_year, insurer, text_path, target)


def _source_entry(document_id: str, data_dir: Path) -> dict[str, Any]:
    check_id(document_id, "--document")
    sources = read_yaml(data_dir / "sources.yaml", "sources.yaml", root=data_dir).data or {}
    entries = [s for s in (sources.get("sources") or []) if isinstance(s, dict)] if isinstance(sources, dict) else []
    entry = next((s for s in entries if s.get("id") == document_id), None)
    if entry is None:
        known = [str(s.get("id")) for s in entries]
        raise GuardError(f"--document {document_id!r} is not in {data_dir / 'sources.yaml'}; "
                         f"{did_you_mean(document_id, known)}a new document is added first with add-source")
    return entry


def _check_document_fits(entry: dict[str, Any], document_id: str, insurer: str, year: int, from_key: str,
                         data_dir: Path) -> None:
    """The document must be this insurer's (by its publisher) and this year's policy."""
    if entry.get("kind") == "guidance":
        raise GuardError(f"{document_id} is a guidance document, not an insurer's policy")
    policy_year = entry.get("policy_year")
    if isinstance(policy_year, int) and policy_year != year:
        raise GuardError(f"{document_id} is the {policy_year} policy (policy_year in sources.yaml); "
                         f"give --year {policy_year}, or the document of {year}")
    owners = publisher_insurers(str(entry.get("publisher", "")), data_dir)
    if owners and insurer not in owners:
        raise GuardError(f"{document_id} is published by {entry.get('publisher')!r} ({', '.join(sorted(owners))}), "
                         f"but {from_key} is {insurer}'s record: carry a record of {', '.join(sorted(owners))}, "
                         f"or give {insurer}'s own document")


def publisher_insurers(publisher: str, data_dir: Path) -> set[str]:
    """The insurer ids whose name, short name or legal entity the publisher names."""
    data = read_yaml(data_dir / "insurers.yaml", "insurers.yaml", root=data_dir).data or {}
    found: set[str] = set()
    text = f" {publisher.casefold()} "
    for item in data.get("insurers") or [] if isinstance(data, dict) else []:
        if not isinstance(item, dict):
            continue
        names = [item.get("name"), item.get("short_name")]
        names += [e.get("name") for e in item.get("entities") or [] if isinstance(e, dict)]
        if any(isinstance(n, str) and n and _names(text, n) for n in names):
            found.add(str(item.get("id")))
    return found


def _names(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", text) is not None


def _check_not_curated(target: Path, force: bool) -> None:
    """Never replace a reviewed record; replace a draft only with --force."""
    if not target.exists():
        return
    existing = read_yaml(target, target.name)
    is_draft = isinstance(existing.data, dict) and existing.data.get("draft") is True
    if not is_draft:
        raise GuardError(f"{target}: a reviewed record (no 'draft: true') already exists; carry-forward never "
                         "replaces it. Compare with it instead (python -m policy_model diff), or remove it "
                         "yourself if you mean to start again")
    if not force:
        raise GuardError(f"{target}: a draft already exists; --force replaces it (your review marks in it are lost)")


# --------------------------------------------------------------------------- the YAML tree


def _new_record(record: dict[str, Any], year: int, old_year: int, document_id: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key in ("partial", "derived_note", "draft"):
            continue
        if key == "year":
            out["year"] = year
            out["draft"] = True
            continue
        if key == "documents":
            value = [document_id]
        elif key == "title" and isinstance(value, str):
            value = value.replace(str(old_year), str(year))
        out[key] = value
    out.setdefault("draft", True)
    return out


def _sources(node: Any, loc: tuple = (), parent: Any = None) -> list[tuple[tuple, dict, dict]]:
    """Every citation mapping (document/section/quote) in a raw YAML tree: its path, the fact
    that holds it and the citation itself."""
    found: list[tuple[tuple, dict, dict]] = []
    if isinstance(node, dict):
        if {"document", "section", "quote"} <= node.keys():
            found.append((loc, parent if isinstance(parent, dict) else node, node))
            return found
        for key, value in node.items():
            found.extend(_sources(value, (*loc, key), node))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found.extend(_sources(item, (*loc, index), node))
    return found


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out

