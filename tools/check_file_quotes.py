"""Check every source quote in one YAML data file against the source texts.

Usage: .venv/bin/python tools/check_file_quotes.py data/policies/cz-2027.yaml
Prints each quote that is not found (with its YAML path) and exits 1 if any.
A curator's quick check; the full check is `python -m policy_model validate` and the tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from policy_model import schema  # noqa: E402
from policy_model.loader import CATALOGUE_FILES  # noqa: E402
from policy_model.quotes import quote_found, sources_dir  # noqa: E402

MODELS = CATALOGUE_FILES


def walk(node, path=""):
    if isinstance(node, dict):
        if set(node) >= {"document", "quote"}:
            yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}[{i}]")


def main(argv: list[str]) -> int:
    files = {
        s["id"]: s["file"]
        for s in yaml.safe_load(
            (Path(__file__).resolve().parent.parent / "data" / "sources.yaml").read_text()
        )["sources"]
    }
    bad = 0
    total = 0
    for name in argv:
        data = yaml.safe_load(Path(name).read_text(encoding="utf-8"))
        model = MODELS.get(Path(name).name, schema.Policy)
        try:
            model.model_validate(data)
        except Exception as exc:  # a curator's tool: show pydantic's own report
            print(f"{name}: schema problems:\n{exc}")
            bad += 1
        for path, src in walk(data):
            total += 1
            doc = src.get("document")
            if doc not in files:
                print(f"{name}: {path}: unknown document {doc!r}")
                bad += 1
            elif not quote_found(str(src.get("quote", "")), sources_dir() / files[doc]):
                print(f"{name}: {path}: quote not found in {files[doc]}: {src.get('quote')!r}")
                bad += 1
    print(f"{total} quotes checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
