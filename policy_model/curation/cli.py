"""The curator subcommands: ``add-source``, ``carry-forward``, ``locate``, ``missing-years``.

Registered on the main parser by :func:`add_curation_commands`; errors are one plain line on
standard error and exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from policy_model.paths import data_dir as default_data_dir
from policy_model.quotes import sources_dir as default_sources_dir

if TYPE_CHECKING:
    from policy_model.loader import LoadedDocuments


def _data(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def _sources(args: argparse.Namespace) -> Path:
    return Path(args.sources_dir) if args.sources_dir else default_sources_dir()


def _add_source(args: argparse.Namespace) -> int:
    from policy_model.curation.add_source import AddSourceError, add_source, summary

    try:
        added = add_source(
            args.file, source_id=args.id, publisher=args.publisher, title=args.title, year=args.year,
            sources_dir=_sources(args), data_dir=_data(args), kind=args.kind, url=args.url, covers=args.covers,
            published=args.published, file_name=args.file_name, force=args.force,
        )
    except AddSourceError as exc:
        print(f"add-source: {exc}", file=sys.stderr)
        return 1
    print(summary(added))
    return 0


def _carry_forward(args: argparse.Namespace) -> int:
    from policy_model.curation.carry_forward import CarryForwardError, carry_forward

    try:
        report = carry_forward(args.from_key, args.year, args.document, data_dir=_data(args),
                               sources_dir=_sources(args), force=args.force)
    except CarryForwardError as exc:
        print(f"carry-forward: {exc}", file=sys.stderr)
        return 1
    print(report.to_text())
    if args.json:
        Path(args.json).write_text(report.to_json() + "\n", encoding="utf-8")
        print(f"\nwrote the report as JSON to {args.json}")
    return 0


def _locate(args: argparse.Namespace) -> int:
    from policy_model.curation.extract import ExtractionError, read_bounded
    from policy_model.curation.locate import build_outline, describe

    path = Path(args.document)
    if not path.exists():  # a source id or a file name in the sources folder
        path = _resolve_document(args.document, _data(args), _sources(args))
        if path is None:
            print(f"locate: {args.document!r} is neither a file, a source id nor a file in the sources folder",
                  file=sys.stderr)
            return 1
    try:
        raw = read_bounded(path).decode("utf-8")
    except ExtractionError as exc:
        print(f"locate: {exc}", file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"locate: {path}: not UTF-8 text; give the text file (add-source makes one from a PDF or HTML)",
              file=sys.stderr)
        return 1
    outline = build_outline(raw)
    offsets = outline.occurrences(args.quote)
    if not offsets:
        print(f"locate: quote not found in {path.name}", file=sys.stderr)
        return 1
    for chain in dict.fromkeys(describe(outline.chain_at(at)) for at in offsets):
        print(chain)
    return 0


def _resolve_document(name: str, data: Path, sources: Path) -> Path | None:
    import yaml

    if (sources / name).is_file():
        return sources / name
    try:
        entries = (yaml.safe_load((data / "sources.yaml").read_text(encoding="utf-8")) or {}).get("sources") or []
    except (OSError, yaml.YAMLError):
        return None
    for entry in entries:
        if isinstance(entry, dict) and entry.get("id") == name and (sources / str(entry.get("file"))).is_file():
            return sources / str(entry["file"])
    return None


def _missing_years(args: argparse.Namespace) -> int:
    from policy_model.calendar import dutch_today, latest_required_year, load_calendar, missing_years
    from policy_model.loader import load_catalogue

    calendar = load_calendar(_data(args))
    if calendar is None:
        print(f"missing-years: no valid calendar.yaml in {_data(args)}", file=sys.stderr)
        return 1
    today = args.today or dutch_today()
    gaps = missing_years(load_catalogue(_data(args)).catalogue, calendar, today)
    if args.format == "json":
        print(json.dumps([{"insurer": g.insurer, "missing": list(g.missing), "partial_only": list(g.partial_only),
                           "newest": g.newest, "message": g.message} for g in gaps], ensure_ascii=False, indent=2))
        return 0
    print(f"policy years that must be published by {today}: up to {latest_required_year(calendar, today)}")
    for gap in gaps:
        print(gap.message)
    if not gaps:
        print("no published policy year is missing")
    return 0


def print_curation_checks(documents: LoadedDocuments, *, with_sources: bool = True) -> int:
    """Print the value errors, then the section, draft and value warnings (``validate``);
    returns how many errors there were (warnings do not change the exit code)."""
    from policy_model.curation.checks import curation_checks

    errors, warnings = curation_checks(documents, with_sources=with_sources)
    for problem in errors + warnings:
        print(problem)
    return len(errors)


def add_curation_commands(sub: argparse._SubParsersAction) -> None:
    add = sub.add_parser("add-source", help="a PDF, HTML or text file into the sources folder and sources.yaml")
    add.add_argument("file", type=Path)
    add.add_argument("--id", required=True, help="the new source id, e.g. zz_gli_2025")
    add.add_argument("--publisher", required=True)
    add.add_argument("--title", required=True, help="as the document names itself")
    add.add_argument("--year", type=int, required=True, help="the policy year")
    add.add_argument("--kind", choices=("insurer_policy", "web_page", "guidance"), default=None)
    add.add_argument("--url", default=None)
    add.add_argument("--covers", default=None, help="what it covers for the GLI, in our words")
    add.add_argument("--published", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD")
    add.add_argument("--file-name", default=None, help="name of the text file (default: from the id)")
    add.add_argument("--sources-dir", type=Path, default=None, help="default: $GLI_SOURCES_DIR or ../shared/sources")
    add.add_argument("--data-dir", type=Path, default=None)
    add.add_argument("--force", action="store_true",
                     help="replace a left-over text file that no sources.yaml entry names (never a source)")
    add.set_defaults(func=_add_source)

    carry = sub.add_parser("carry-forward", help="a draft record for a new year from last year's, checked against the new document")
    carry.add_argument("from_key", metavar="FROM_KEY", help="e.g. zz-2024")
    carry.add_argument("--year", type=int, required=True)
    carry.add_argument("--document", required=True, help="the new document's source id")
    carry.add_argument("--json", type=Path, default=None, help="also write the report as JSON")
    carry.add_argument("--sources-dir", type=Path, default=None)
    carry.add_argument("--data-dir", type=Path, default=None)
    carry.add_argument("--force", action="store_true",
                       help="replace an existing draft record (a reviewed record is never replaced)")
    carry.set_defaults(func=_carry_forward)

    locate = sub.add_parser("locate", help="the section heading(s) under which a quote occurs")
    locate.add_argument("document", help="a source id, a file in the sources folder, or a path")
    locate.add_argument("quote")
    locate.add_argument("--sources-dir", type=Path, default=None)
    locate.add_argument("--data-dir", type=Path, default=None)
    locate.set_defaults(func=_locate)

    missing = sub.add_parser("missing-years", help="published policy years the dataset lacks, per insurer")
    missing.add_argument("--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD")
    missing.add_argument("--format", choices=("json", "text"), default="text")
    missing.add_argument("--data-dir", type=Path, default=None)
    missing.set_defaults(func=_missing_years)
