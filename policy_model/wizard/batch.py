"""Batch assessment: a CSV of coaches in, a coach × insurer matrix of verdicts out.

A samenwerkingsverband uses it to check its subcontractors. Names of registers and
programmes may be written as the documents write them (BLCN, "Kwaliteitsregister
Paramedici", CooL); anything unknown is reported with its row and value, and the rest of
the row is still assessed.

The file comes from a visitor, so everything is bounded: the upload's size
(:data:`MAX_UPLOAD_BYTES`), the number of coaches (:data:`MAX_ROWS`; more are reported,
not assessed), the warnings (the same warning is said once with its rows, and at most
:data:`MAX_MESSAGES` are listed). Rows are read and assessed one at a time and only the
matrix row is kept, so a full batch takes seconds and little memory. A file that is not a
CSV (binary, a zip renamed to .csv, a broken quote) becomes a Dutch message with its row,
never an exception.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from policy_model.catalogue import Catalogue
from policy_model.wizard.profile import NONE_WORDS, Profile, fold, name_tables
from policy_model.wizard.rules import assess

LIST_SEPARATORS = ("|", ",", ";", "/")
BOOL_WORDS = {"ja": True, "yes": True, "true": True, "1": True, "j": True, "y": True,
              "nee": False, "no": False, "false": False, "0": False, "n": False}
BATCH_COLUMNS = ["name", "background", "registries", "licences", "agb_code", "kvk_registered",
                 "accredited_training", "hbo_level", "scope", "region_has_rho", "region_has_network",
                 "prior_contract_with", "in_insurer_region", "programmes_offered"]
#: No real batch is near these: a samenwerkingsverband has tens to hundreds of coaches.
MAX_ROWS = 2000
MAX_UPLOAD_BYTES = 3 * 1024 * 1024
#: Distinct warnings listed; the rest are counted ("en 9.990 meer meldingen").
MAX_MESSAGES = 20
#: Row numbers named per warning; the rest are counted.
MAX_ROWS_NAMED = 5
#: Longest value quoted in a warning.
MAX_QUOTED = 60

_LIST_KINDS = {"registries": "register", "licences": "programma", "prior_contract_with": "verzekeraar"}
_BOOL_COLUMNS = ("agb_code", "kvk_registered", "accredited_training", "hbo_level")
_CSV_ERRORS_NL = {
    "field larger than field limit": "een veld is langer dan {limit} tekens",
    "new-line character seen in unquoted field": "een regeleinde midden in een veld zonder aanhalingstekens",
    "line contains NUL": "een NUL-teken: is het wel een tekstbestand?",
    "unexpected end of data": "een aanhalingsteken (\") wordt nergens gesloten",
    "expected after": "tekst direct na een afsluitend aanhalingsteken (\")",
}


def nl_number(n: int) -> str:
    """``9990`` -> ``9.990`` (Dutch thousands separator)."""
    return f"{n:,}".replace(",", ".")


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= MAX_QUOTED else value[: MAX_QUOTED - 1] + "…"


class Messages:
    """Warnings grouped by what they say, each with the rows it applies to, capped.

    A file with one wrong column name in 2,000 rows, or 10,000 unknown columns, gives a
    handful of lines a person can read instead of thousands of boxes.
    """

    def __init__(self, limit: int = MAX_MESSAGES) -> None:
        self.limit = limit
        self._rows: dict[str, list[int]] = {}
        self._counts: dict[str, int] = {}

    def add(self, message: str, row: int | None = None) -> None:
        rows = self._rows.setdefault(message, [])
        self._counts[message] = self._counts.get(message, 0) + 1
        if row is not None and len(rows) < MAX_ROWS_NAMED:
            rows.append(row)

    def __bool__(self) -> bool:
        return bool(self._rows)

    def lines(self) -> list[str]:
        out = []
        for message, rows in list(self._rows.items())[: self.limit]:
            if not rows:
                out.append(message)
                continue
            rest = self._counts[message] - len(rows)
            named = ", ".join(map(str, rows))
            where = f"rij {named}" + (f" en {nl_number(rest)} andere rijen" if rest > 0 else "")
            out.append(f"{where}: {message}")
        hidden = len(self._rows) - self.limit
        if hidden > 0:
            out.append(f"… en {nl_number(hidden)} meer meldingen (niet getoond).")
        return out


def _index(items, *fields) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        for name in fields:
            value = getattr(item, name, None)
            values = value if isinstance(value, list) else [value]
            for v in values:
                if v:
                    out[str(v).casefold()] = item.id
    return out


def resolver(catalogue: Catalogue):
    """Tables that map a written register/programme/insurer name (any case, with or without
    accents: the profile's shared name tables) to its id."""
    tables = name_tables(catalogue)
    return tables["registries"], tables["licences"], tables["prior_contract_with"]


@dataclass
class BatchResult:
    rows: list[dict] = field(default_factory=list)  # one per coach: name + verdict per insurer + unmet
    problems: list[str] = field(default_factory=list)


def _split(value: str) -> list[str]:
    text = value.strip()
    for sep in LIST_SEPARATORS:
        text = text.replace(sep, "|")
    return [part.strip() for part in text.split("|") if part.strip()]


def parse_profile_row(row: dict[str, str], number: int, role: str, year: int, catalogue: Catalogue,
                      problems: list[str] | Messages, names: tuple | None = None) -> Profile | None:
    """One CSV row (known columns only) to a profile; unknown names are reported and left out.

    ``names`` is :func:`resolver`'s result; pass it when parsing many rows, so the name
    tables are built once per batch instead of once per row.
    """
    messages = problems if isinstance(problems, Messages) else Messages(limit=10**9)
    registries, programmes, insurers = names or resolver(catalogue)
    tables = {"registries": registries, "licences": programmes, "prior_contract_with": insurers}
    data: dict = {"role": role, "year": year}
    for key, raw in row.items():
        value = (raw or "").strip()
        if not value or key not in BATCH_COLUMNS or key == "name":
            continue
        if key in tables:
            ids = []
            for name in _split(value):
                found = tables[key].get(name)
                if found:
                    ids.append(found)
                else:
                    near = tables[key].closest(name)
                    hint = f" (bedoelde u ‘{near}’?)" if near else ""
                    messages.add(f"onbekend {_LIST_KINDS[key]} ‘{_short(name)}’ genegeerd{hint}", number)
            if ids or fold(value) in NONE_WORDS:
                data[key] = ids  # nothing recognised stays "not answered", never "none"
        elif key in _BOOL_COLUMNS:
            if value.casefold() in BOOL_WORDS:
                data[key] = BOOL_WORDS[value.casefold()]
            else:
                messages.add(f"‘{_short(value)}’ bij {key} is geen ja/nee; genegeerd", number)
        else:
            data[key] = value
    profile = None
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(x) for x in error["loc"])
            found = _short(str(error.get("input")))
            messages.add(f"{where}: {error['msg']} (gevonden: ‘{found}’); genegeerd", number)
        # Assess what is valid: drop the offending fields and retry once.
        for error in exc.errors():
            data.pop(error["loc"][0], None)
        try:
            profile = Profile.model_validate(data)
        except ValidationError:
            profile = None
    if not isinstance(problems, Messages):
        problems += messages.lines()
    return profile


def decode_upload(raw: bytes) -> tuple[str | None, list[str]]:
    """The text of an uploaded CSV, or ``None`` and why not (Dutch, for the visitor).

    UTF-8 (with or without BOM) is expected; other text is read as Latin-1 with a warning.
    Binary files (a spreadsheet or zip renamed to .csv) are refused by their NUL bytes.
    """
    if len(raw) > MAX_UPLOAD_BYTES:
        return None, [f"Het bestand is {len(raw) / 1e6:.1f} MB; de grens is "
                      f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB (ruim genoeg voor {nl_number(MAX_ROWS)} coaches). "
                      "Splits het bestand."]
    if b"\x00" in raw[:65536] or raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return None, ["Dit is geen CSV-tekstbestand: verwacht wordt tekst met de kolomnamen op de eerste regel en "
                      "één coach per regel. Het lijkt een Excel- of zipbestand; sla het in Excel op als "
                      "‘CSV (gescheiden door lijstscheidingsteken)’ en upload dat bestand."]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return raw.decode("latin-1"), ["Het bestand is geen UTF-8; gelezen als Latin-1. "
                                       "Controleer de namen met accenten."]


def read_upload_file(path: Path) -> tuple[str | None, list[str]]:
    """:func:`decode_upload` for a file given on the command line, read with the same bound."""
    try:
        if not path.is_file():
            return None, [f"{path}: geen gewoon bestand"]
        with path.open("rb") as handle:
            raw = handle.read(MAX_UPLOAD_BYTES + 1)
    except OSError as exc:
        return None, [f"{path}: kan het bestand niet lezen: {exc.strerror}"]
    return decode_upload(raw)


def _delimiter(text: str) -> str:
    """The separator used in the header line: ``;``, tab or ``,`` (the most frequent)."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (";", "\t", ",")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _csv_error(exc: csv.Error) -> str:
    text = str(exc)
    for english, dutch in _CSV_ERRORS_NL.items():
        if english in text:
            return dutch.format(limit=nl_number(csv.field_size_limit()))
    return "het is geen geldige CSV"


def _known_columns(columns: list[str], messages: Messages) -> dict[str, int]:
    """Known column -> its index (the first of repeats); repeats and unknown columns are reported."""
    known: dict[str, int] = {}
    for index, column in enumerate(columns):
        if column in BATCH_COLUMNS and column not in known:
            known[column] = index
        elif column in known:
            messages.add(f"kolom ‘{_short(column)}’ staat er meer dan eens; de eerste telt")
    unknown = [c for c in dict.fromkeys(columns) if c and c not in BATCH_COLUMNS]
    if unknown:
        shown = ", ".join(f"‘{_short(c)}’" for c in unknown[:10])
        more = f" en {nl_number(len(unknown) - 10)} meer" if len(unknown) > 10 else ""
        messages.add(f"onbekende kolommen genegeerd: {shown}{more}. Bekende kolommen: {', '.join(BATCH_COLUMNS)}")
    return known


def _matrix_row(name: str, profile: Profile, catalogue: Catalogue, today: dt.date) -> dict[str, str]:
    """One coach's row of the matrix: the verdict per insurer and what is not met."""
    out = {"Naam": name}
    for a in assess(profile, catalogue, today):
        out[a.insurer_name] = a.matrix_label()
        unmet = [c.topic_label for c in a.checklist if c.status == "unmet"]
        out[f"{a.insurer_name}: niet voldaan"] = "; ".join(dict.fromkeys(unmet))
    return out


def assess_batch(text: str, role: str, year: int, catalogue: Catalogue, today: dt.date) -> BatchResult:
    """Assess every coach in a CSV text (comma, semicolon or tab separated, header row required)."""
    result = BatchResult()
    messages = Messages()
    if not text.strip():
        result.problems.append("Het bestand is leeg.")
        return result
    # strict: an unclosed quote is an error with its line, instead of swallowing the rest
    # of the file into one value.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        result.problems.append(f"De eerste regel is niet te lezen: {_csv_error(exc)}.")
        return result
    columns = [h.strip().casefold() for h in header]
    if "name" not in columns:
        result.problems.append(
            "De eerste regel moet de kolomnamen bevatten, met ten minste ‘name’. Bekende kolommen: "
            + ", ".join(BATCH_COLUMNS)
        )
        return result
    known = _known_columns(columns, messages)
    names = resolver(catalogue)
    number = 1
    while True:
        try:
            record = next(reader, None)
        except csv.Error as exc:
            messages.add(f"regel {nl_number(reader.line_num)} en verder niet gelezen: {_csv_error(exc)}. "
                         "De rijen ervoor zijn beoordeeld.")
            break
        if record is None:
            break
        number += 1
        if not any(value.strip() for value in record):
            continue
        if len(result.rows) >= MAX_ROWS:
            messages.add(f"Het bestand bevat meer dan {nl_number(MAX_ROWS)} coaches: alleen de eerste "
                         f"{nl_number(MAX_ROWS)} zijn beoordeeld. Splits het bestand in delen.")
            break
        if len(record) > len(columns):
            messages.add("meer waarden dan kolommen; de extra waarden zijn genegeerd", number)
        row = {column: record[index] for column, index in known.items() if index < len(record)}
        profile = parse_profile_row(row, number, role, year, catalogue, messages, names)
        name = row.get("name", "").strip() or f"rij {number}"
        if profile is None:
            continue
        result.rows.append(_matrix_row(name, profile, catalogue, today))
    result.problems = messages.lines()
    if not result.rows and not result.problems:
        result.problems.append("Het bestand bevat geen rijen met coaches.")
    return result
