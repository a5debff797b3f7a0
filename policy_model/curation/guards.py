"""Checks the curator commands make before building any path or writing any file.

A record key, an insurer id, a year and a source id come from the command line or from a
file; each is checked against its pattern and range first, so no value can make a command
write outside the data and sources folders, and every refusal says what to give instead.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

KEY = re.compile(r"^([a-z0-9][a-z0-9_]{0,59})-(\d{4})$")
ID = re.compile(r"^[a-z0-9][a-z0-9_]{0,59}$")
FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,120}$")
#: The policy years a record may have (the schema's range).
YEARS = range(2000, 2101)


class GuardError(Exception):
    """A value a curator command refuses; the message says what to give instead."""


def check_key(key: str, what: str = "FROM_KEY") -> tuple[str, int]:
    """``zz-2024`` -> ("zz", 2024), or a clear refusal."""
    match = KEY.match(key or "")
    if not match:
        raise GuardError(f"{what} {key!r}: give a record key <insurer>-<year>, e.g. zz-2024 "
                         "(lower-case insurer id, a dash, four digits)")
    year = int(match.group(2))
    check_year(year, what)
    return match.group(1), year


def check_year(year: int, what: str = "--year") -> int:
    if year not in YEARS:
        hint = f" (did you mean {2000 + year}?)" if 0 <= year < 100 else ""
        raise GuardError(f"{what} {year}: give the policy year in four digits, {YEARS.start}-{YEARS.stop - 1}{hint}")
    return year


def check_id(value: object, what: str) -> str:
    if not isinstance(value, str) or not ID.match(value):
        raise GuardError(f"{what} {value!r}: not a valid id (lower-case letters, digits and _)")
    return value


def check_file_name(value: object, what: str) -> str:
    if not isinstance(value, str) or not FILE_NAME.match(value) or value in (".", ".."):
        raise GuardError(f"{what} {value!r}: not a plain file name (letters, digits, - _ .; no folder)")
    return value


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refused unless it stays inside ``folder`` (no link or .. out of it)."""
    target = (folder / name).resolve()
    if not target.is_relative_to(folder.resolve()):
        raise GuardError(f"{folder / name}: outside {folder}; refused")
    return folder / name


def did_you_mean(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""
