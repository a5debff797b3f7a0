"""What tests about the committed dataset mean, worked out from the data they run on.

A curator who adds a valid record (next year's policy of an insurer, or a new insurer) must
keep ``make test`` green. So a test says "the default columns are the newest full policy of
each insurer" and computes which records those are, instead of naming zz-2024; and "the
years published by the pinned day that the dataset lacks" instead of listing 2025-2027.
``tests/policy_model/test_dataset_growth.py`` runs these tests on a copy of the data with a
generated record added.
"""

from __future__ import annotations

from pathlib import Path

from policy_model.catalogue import Catalogue

#: The day the missing-years tests pin, and the newest policy year due by then: policies are
#: published by 1 April of the year before (calendar.yaml), so by 26 November 2026 the 2027
#: policies were due (tests/policy_model/curation checks the calendar against the documents).
PINNED_DAY = "2026-11-26"
DUE_BY_PINNED_DAY = 2027


def newest_full(cat: Catalogue) -> list[str]:
    """The key of the newest full policy of each insurer, in the catalogue's insurer order."""
    keys = []
    for insurer in cat.insurers:
        full = [p for p in cat.policies if p.insurer == insurer.id and p.document_kind == "full_policy"]
        if full:
            keys.append(max(full, key=lambda p: p.year).key)
    return keys


def gaps(cat: Catalogue, latest: int = DUE_BY_PINNED_DAY) -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    """Per insurer: (years from its first full record up to ``latest`` with no record at all,
    years with only a derived record). Insurers lacking nothing are left out."""
    out = {}
    for insurer in cat.insurers:
        records = [p for p in cat.policies if p.insurer == insurer.id]
        if not records:
            continue
        full = {p.year for p in records if not p.partial}
        partial = {p.year for p in records if p.partial} - full
        years = range(min(full or partial), latest + 1)
        missing = tuple(y for y in years if y not in full | partial)
        derived = tuple(y for y in years if y in partial)
        if missing or derived:
            out[insurer.id] = (missing, derived)
    return out


def nl_list(years: tuple[int, ...]) -> str:
    """``2025, 2026 en 2027``."""
    words = [str(y) for y in years]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def add_next_year(data_dir, key: str) -> str:
    """A valid record for the year after ``key`` (its facts, sources and quotes as they are),
    written beside it in a copy of the data; returns the new key. A stand-in for a curator's
    reviewed next year: what matters is that the dataset grew, not what the record says."""
    import re
    from pathlib import Path

    source = Path(data_dir) / "policies" / f"{key}.yaml"
    insurer, year = key.rsplit("-", 1)
    new_key = f"{insurer}-{int(year) + 1}"
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^year: \d{4}$", f"year: {int(year) + 1}", text, count=1)
    text = re.sub(rf"(?m)^(title: .*){year}", rf"\g<1>{int(year) + 1}", text, count=1)
    (source.parent / f"{new_key}.yaml").write_text(text, encoding="utf-8")
    return new_key


def replace_first(path: Path, old: str, new: str) -> None:
    """Break (or mend) a copy of the data: the first ``old`` in the file becomes ``new``; the
    tests name the line it is on, so ``old`` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The line (1-based) on which the first ``text`` in the file starts."""
    content = path.read_text(encoding="utf-8")
    assert text in content, f"{text!r} is not in {path.name}"
    return content[:content.index(text)].count("\n") + 1


def reworded_next_year(data_dir: Path) -> str:
    """CZ 2028 beside CZ 2027 in a copy of the data, its AGB requirement reworded ("geldige en
    actuele"): two documents of one insurer that both settle a requirement, which the committed
    data lacks (CZ 2024 is a summary, the older years are derived). Returns the new key."""
    key = add_next_year(data_dir, "cz-2027")
    replace_first(Path(data_dir) / "policies" / f"{key}.yaml", "text: Heeft een geldige AGB-code.",
                  "text: Heeft een geldige en actuele AGB-code.")
    return key
