"""Measure carry-forward's review on the real case: CZ 2024 (web page) against the CZ 2027 policy.

    .venv/bin/python tools/measure_review.py [--sources-dir DIR]

Prints the review summary and how many of the curated CZ 2027 facts the review points a
curator at (:mod:`policy_model.curation.reachability`): by a kept quote, an uncited passage or
a right suggestion; and how many wrong suggestions hide, or the review misses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from policy_model.curation.carry_forward import _path, _sources  # noqa: E402
from policy_model.curation.reachability import measure  # noqa: E402
from policy_model.curation.review import Citation, review_citations  # noqa: E402
from policy_model.paths import DEFAULT_DATA_DIR  # noqa: E402
from policy_model.quotes import sources_dir  # noqa: E402
from policy_model.yamlio import read_yaml  # noqa: E402


def cz_reachability(data_dir: Path, sources: Path, old_key: str = "cz-2024", new_key: str = "cz-2027",
                    document: str = "cz-gli-volwassenen-2027.txt"):
    """(review, reach) of ``old_key`` against ``document``, measured on the curated ``new_key``."""
    old = read_yaml(data_dir / "policies" / f"{old_key}.yaml").data
    new = read_yaml(data_dir / "policies" / f"{new_key}.yaml").data
    citations = [Citation(_path(loc), str(src["quote"]), str(src["section"])) for loc, _, src in _sources(old)
                 if src.get("document") in old["documents"]]
    review = review_citations(citations, (sources / document).read_text(encoding="utf-8"))
    curated = [(_path(loc), str(src["quote"])) for loc, _, src in _sources(new)
               if src.get("document") in new["documents"]]
    return review, measure(review, old, new, curated)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources-dir", type=Path, default=None)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    args = parser.parse_args()
    review, reach = cz_reachability(args.data_dir, args.sources_dir or sources_dir())
    print("CZ 2024 -> CZ 2027 document:", review.summary())
    print(reach.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
