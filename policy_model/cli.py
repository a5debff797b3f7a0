"""Command line: ``python -m policy_model validate|export|schema|assess|assess-batch|diff``.

Bad data never produces a traceback here: problems are printed one per line as
``file:line: field.path: message`` and the exit code says whether the data is clean.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from policy_model.calendar import load_calendar
from policy_model.comparison.diff import diff_policies
from policy_model.comparison.diff_output import diff_json, diff_text
from policy_model.curation.cli import add_curation_commands, print_curation_checks
from policy_model.drafts import hidden_draft_message, with_drafts_if
from policy_model.loader import load_catalogue
from policy_model.wizard.assessment_output import assessment_text, assessments_json
from policy_model.wizard.batch import assess_batch, read_upload_file
from policy_model.wizard.profile import read_profile_file
from policy_model.wizard.rules import assess
from policy_model.wizard.timing import BadDate, resolve_today

# The commands that write tables import pandas (export, tabular) themselves: it was a third
# of the time of ``validate``, which tests and CI start as a process of its own.


def _validate(args: argparse.Namespace) -> int:
    # One load: the curation checks below read the files it parsed (``documents``).
    with_sources = not args.no_quotes
    result = load_catalogue(args.data_dir, check_quotes=with_sources, keep_documents=True)
    user = [p for p in result.problems if p.kind == "user"]
    internal = [p for p in result.problems if p.kind == "internal"]
    for problem in user:
        print(problem)
    for problem in internal:
        print(f"internal error (not your data): {problem}")
    # values against quotes (errors), sections, drafts and unsupported numbers (warnings)
    value_errors = print_curation_checks(result.documents, with_sources=with_sources)
    if result.problems or value_errors:
        print(f"{len(result.problems) + value_errors} problem(s) in {result.data_dir}", file=sys.stderr)
        return 1
    figures = result.catalogue.headline()
    print(
        f"OK: {result.data_dir}: {figures['policies']} policies of {figures['insurers']} insurers, "
        f"{figures['programmes']} programmes, {figures['registries']} registries, "
        f"{figures['requirements']} requirements"
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from policy_model.export import csv_bytes, export_csv, export_json

    result = load_catalogue(args.data_dir)
    if result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print("export refused: fix the problems above first (python -m policy_model validate)", file=sys.stderr)
        return 1
    catalogue = with_drafts_if(result.catalogue, args.include_drafts)
    if args.format == "json":
        payload = export_json(catalogue).encode("utf-8")
    else:
        payload = csv_bytes(export_csv(catalogue))
    if args.out:
        Path(args.out).write_bytes(payload)
        print(f"wrote {args.out} ({len(payload)} bytes)", file=sys.stderr)
    else:
        sys.stdout.buffer.write(payload)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from policy_model.export import export_json_schema

    text = export_json_schema()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _today(args: argparse.Namespace) -> dt.date | None:
    """``--today``, else ``GLI_TODAY``, else the clock; a value that is no date is a Dutch
    message and None (the command then exits 1), never silently the real date."""
    try:
        return resolve_today(args.today)
    except BadDate as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return None


def _assess(args: argparse.Namespace) -> int:
    today = _today(args)
    if today is None:
        return 1
    result = load_catalogue(args.data_dir)
    if result.problems:
        print("the dataset has problems; run: python -m policy_model validate", file=sys.stderr)
        return 1
    catalogue = with_drafts_if(result.catalogue, args.include_drafts)
    # Names or ids, any case; a value that is not understood is an error, never ignored.
    profile, errors, warnings = read_profile_file(args.profile, catalogue)
    if profile is None:
        for error in errors:
            print(f"fout: {error}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"waarschuwing: {warning}", file=sys.stderr)
    assessments = assess(profile, catalogue, today, load_calendar(args.data_dir))
    if not assessments or all(a.hint for a in assessments):
        print(f"geen beleid voor {profile.year} in deze wijzer; jaren met gegevens: "
              f"{', '.join(map(str, catalogue.years))}", file=sys.stderr)
        return 1
    for a in assessments:
        if a.notice:
            print(f"waarschuwing: {a.notice}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(assessments_json(assessments, warnings, today, profile.year), ensure_ascii=False, indent=2))
    else:
        print(assessment_text(assessments))
    return 0


def _assess_batch(args: argparse.Namespace) -> int:
    today = _today(args)
    if today is None:
        return 1
    result = load_catalogue(args.data_dir)
    if result.problems:
        print("the dataset has problems; run: python -m policy_model validate", file=sys.stderr)
        return 1
    text, notes = read_upload_file(args.csv)
    for note in notes:
        print(f"{args.csv}: {note}", file=sys.stderr)
    if text is None:
        return 1
    catalogue = with_drafts_if(result.catalogue, args.include_drafts)
    batch = assess_batch(text, args.role, args.year, catalogue, today)
    for problem in batch.problems:
        print(f"{args.csv}: {problem}", file=sys.stderr)
    if not batch.rows:
        return 1
    import pandas as pd

    from policy_model.tabular import table_csv_bytes

    frame = pd.DataFrame(batch.rows)
    payload = table_csv_bytes(frame)
    if args.out:
        args.out.write_bytes(payload)
    else:
        sys.stdout.buffer.write(payload)
    return 0


def _diff(args: argparse.Namespace) -> int:
    result = load_catalogue(args.data_dir)
    if result.problems:
        print("the dataset has problems; run: python -m policy_model validate", file=sys.stderr)
        return 1
    catalogue = with_drafts_if(result.catalogue, args.include_drafts)
    known = [p.key for p in catalogue.policies]
    unknown = [key for key in (args.from_key, args.to_key) if key not in known]
    if unknown:
        for key in unknown:
            print(hidden_draft_message(key, result.catalogue)
                  or f"unknown policy key {key!r}; known keys: {', '.join(known)}", file=sys.stderr)
        return 1
    diff = diff_policies(catalogue, catalogue.policy_by_key(args.from_key), catalogue.policy_by_key(args.to_key))
    if args.format == "json":
        print(json.dumps(diff_json(diff), ensure_ascii=False, indent=2))
    else:
        print(diff_text(catalogue, diff))
    return 0


INCLUDE_DRAFTS_HELP = "also use draft records (carried forward, not yet reviewed; labelled 'concept')"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m policy_model", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", help="check the dataset; exit 1 on any problem")
    validate.add_argument("data_dir", nargs="?", type=Path, default=None, help="default: data/ or $GLI_DATA_DIR")
    validate.add_argument("--no-quotes", action="store_true",
                          help="skip what needs the source texts: looking up each quote in its document and "
                               "checking each section against the heading its quote is under (values are still "
                               "held against their quotes)")
    validate.set_defaults(func=_validate)

    export = sub.add_parser("export", help="write the whole dataset as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--out", type=Path, default=None, help="file to write (default: standard output)")
    export.add_argument("--data-dir", type=Path, default=None)
    export.add_argument("--include-drafts", action="store_true", help=INCLUDE_DRAFTS_HELP)
    export.set_defaults(func=_export)

    assess_cmd = sub.add_parser("assess", help="what each insurer's policy means for one profile (YAML or JSON)")
    assess_cmd.add_argument("profile", type=Path)
    assess_cmd.add_argument("--format", choices=("json", "text"), default="text")
    assess_cmd.add_argument("--today", default=None,
                            help="YYYY-MM-DD: the day the answer is for (default: $GLI_TODAY, else today)")
    assess_cmd.add_argument("--data-dir", type=Path, default=None)
    assess_cmd.add_argument("--include-drafts", action="store_true", help=INCLUDE_DRAFTS_HELP)
    assess_cmd.set_defaults(func=_assess)

    batch = sub.add_parser("assess-batch", help="a CSV of coaches in, a coach x insurer matrix of verdicts out")
    batch.add_argument("csv", type=Path)
    batch.add_argument("--year", type=int, required=True)
    batch.add_argument("--role", default="individual_coach", choices=("individual_coach", "coach_network", "rho", "msv"))
    batch.add_argument("--out", type=Path, default=None)
    batch.add_argument("--today", default=None, help="YYYY-MM-DD (default: $GLI_TODAY, else today)")
    batch.add_argument("--data-dir", type=Path, default=None)
    batch.add_argument("--include-drafts", action="store_true", help=INCLUDE_DRAFTS_HELP)
    batch.set_defaults(func=_assess_batch)

    diff_cmd = sub.add_parser("diff", help="a classified comparison of two policy records (keys such as cz-2024)")
    diff_cmd.add_argument("from_key", metavar="FROM")
    diff_cmd.add_argument("to_key", metavar="TO")
    diff_cmd.add_argument("--format", choices=("json", "text"), default="text")
    diff_cmd.add_argument("--data-dir", type=Path, default=None)
    diff_cmd.add_argument("--include-drafts", action="store_true", help=INCLUDE_DRAFTS_HELP)
    diff_cmd.set_defaults(func=_diff)

    schema = sub.add_parser("schema", help="print the JSON Schema of the JSON export")
    schema.add_argument("--out", type=Path, default=None)
    schema.set_defaults(func=_schema)
    add_curation_commands(sub)
    return parser


def _closed_pipe() -> int:
    """The reader stopped reading (``... | head``): end quietly, as other command-line tools do.

    Standard output is pointed at the null device so that Python's own flush at exit does
    not raise the same error again.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (captured output in tests)
        pass
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # inside the try: a closed pipe shows up here, not at exit
        return code
    except BrokenPipeError:
        return _closed_pipe()
    except Exception as exc:  # a bug in this program, not in the data: say so plainly
        print(f"internal error (please report, not a data problem): {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
