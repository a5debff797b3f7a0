"""Command line: ``python -m policy_model validate|export|schema|assess``.

Bad data never produces a traceback here: problems are printed one per line as
``file:line: field.path: message`` and the exit code says whether the data is clean.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policy_model.export import csv_bytes, export_csv, export_json, export_json_schema
from policy_model.loader import load_catalogue


def _validate(args: argparse.Namespace) -> int:
    result = load_catalogue(args.data_dir, check_quotes=not args.no_quotes)
    user = [p for p in result.problems if p.kind == "user"]
    internal = [p for p in result.problems if p.kind == "internal"]
    for problem in user:
        print(problem)
    for problem in internal:
        print(f"internal error (not your data): {problem}")
    if result.problems:
        print(f"{len(result.problems)} problem(s) in {result.data_dir}", file=sys.stderr)
        return 1
    figures = result.catalogue.headline()
    print(
        f"OK: {result.data_dir}: {figures['policies']} policies of {figures['insurers']} insurers, "
        f"{figures['programmes']} programmes, {figures['registries']} registries, "
        f"{figures['requirements']} requirements"
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    result = load_catalogue(args.data_dir)
    if result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print("export refused: fix the problems above first (python -m policy_model validate)", file=sys.stderr)
        return 1
    if args.format == "json":
        payload = export_json(result.catalogue).encode("utf-8")
    else:
        payload = csv_bytes(export_csv(result.catalogue))
    if args.out:
        Path(args.out).write_bytes(payload)
        print(f"wrote {args.out} ({len(payload)} bytes)", file=sys.stderr)
    else:
        sys.stdout.buffer.write(payload)
    return 0


def _schema(args: argparse.Namespace) -> int:
    text = export_json_schema()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m policy_model", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", help="check the dataset; exit 1 on any problem")
    validate.add_argument("data_dir", nargs="?", type=Path, default=None, help="default: data/ or $GLI_DATA_DIR")
    validate.add_argument("--no-quotes", action="store_true", help="skip looking up quotes in the source texts")
    validate.set_defaults(func=_validate)

    export = sub.add_parser("export", help="write the whole dataset as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--out", type=Path, default=None, help="file to write (default: standard output)")
    export.add_argument("--data-dir", type=Path, default=None)
    export.set_defaults(func=_export)

    schema = sub.add_parser("schema", help="print the JSON Schema of the JSON export")
    schema.add_argument("--out", type=Path, default=None)
    schema.set_defaults(func=_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except Exception as exc:  # a bug in this program, not in the data: say so plainly
        print(f"internal error (please report, not a data problem): {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
