"""Batch assessment: a CSV of coaches in, a coach × insurer matrix of verdicts out.

A samenwerkingsverband uses it to check its subcontractors. Names of registers and
programmes may be written as the documents write them (BLCN, "Kwaliteitsregister
Paramedici", CooL); anything unknown is reported with its row and value, and the rest of
the row is still assessed.

The file comes from a visitor, so the work it causes is bounded by its size, never by
what it holds: the upload's size (:data:`MAX_UPLOAD_BYTES`), the number of coaches
(:data:`MAX_ROWS`; more are reported, not assessed), the names in one cell
(:data:`MAX_ITEMS_PER_CELL`), the distinct unknown names in one file
(:data:`MAX_UNKNOWN_NAMES`; the rest of the file is then not assessed), the "bedoelde u"
suggestions (``MAX_FUZZY_LOOKUPS`` per upload, cached), the time one batch may take
(:data:`MAX_BATCH_SECONDS`) and the time one visitor's session may spend on batches
(:class:`SessionBudget`), and the warnings (the same warning is said once with its rows,
and at most :data:`MAX_MESSAGES` are listed). A hostile upload of 26 coaches with 40,000
unknown names each once took two minutes and slowed every other visitor sixfold. Rows are
read and assessed one at a time and only the matrix row is kept. A file that is not a CSV
(binary, a zip renamed to .csv, a broken quote, UTF-16) becomes a Dutch message with its
row, never an exception.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from policy_model.catalogue import Catalogue
from policy_model.csv_text import csv_error_nl, nl_number
from policy_model.wizard.profile import (
    MAX_LIST_ITEMS,
    NONE_WORDS,
    TRI_WORDS,
    NameTable,
    Profile,
    fold,
    name_tables,
)
from policy_model.wizard.rules import assess

LIST_SEPARATORS = ("|", ",", ";", "/")
BOOL_WORDS = {"ja": True, "yes": True, "true": True, "1": True, "j": True, "y": True,
              "nee": False, "no": False, "false": False, "0": False, "n": False}
BATCH_COLUMNS = ["name", "background", "registries", "licences", "agb_code", "kvk_registered",
                 "accredited_training", "hbo_level", "scope", "region_has_rho", "region_has_network",
                 "prior_contract_with", "in_insurer_region", "programmes_offered"]
#: No real batch is near these: a samenwerkingsverband has tens to hundreds of coaches.
MAX_ROWS = 2000
#: The same bound as the upload widget's (``server.maxUploadSize = 3`` in .streamlit/config.toml,
#: which the browser reads as 3,000,000 bytes), so the app and the command line agree with it.
MAX_UPLOAD_BYTES = 3_000_000
#: The same limit as users read it (Streamlit's upload box says "hoogstens 3 MB per bestand").
MAX_UPLOAD_MB = MAX_UPLOAD_BYTES // 1_000_000
#: Distinct warnings listed; the rest are counted ("en 9.990 meer meldingen").
MAX_MESSAGES = 20
#: Row numbers named per warning; the rest are counted.
MAX_ROWS_NAMED = 5
#: Longest value quoted in a warning.
MAX_QUOTED = 60
#: Names in one cell (a coach's registers, licences, insurers): more is not a coach's list.
MAX_ITEMS_PER_CELL = MAX_LIST_ITEMS
#: Distinct unknown names in one file; past this the file is not about our registers,
#: programmes and insurers, and the rest of it is not assessed.
MAX_UNKNOWN_NAMES = 2000
#: Longest one batch may take; the rows after are reported, not assessed. The largest
#: batch (2,000 coaches, each answering differently) takes a few seconds on an idle server.
MAX_BATCH_SECONDS = 30.0
#: Seconds of batch work one visitor's session may use, and how fast it comes back.
SESSION_BATCH_SECONDS = 90.0
SESSION_REFILL_PER_SECOND = SESSION_BATCH_SECONDS / 600  # all of it back in ten minutes

_SEPARATORS = (";", ",", "\t", "|")
_LIST_KINDS = {"registries": "register", "licences": "programma", "prior_contract_with": "verzekeraar",
               "in_insurer_region": "verzekeraar"}
_BOOL_COLUMNS = ("agb_code", "kvk_registered", "accredited_training", "hbo_level")
#: Columns answered yes/no/unknown (``in_insurer_region`` may also list insurers).
_TRI_COLUMNS = ("region_has_rho", "region_has_network", "in_insurer_region")
#: Columns whose words are looked up (accents and case do not matter: ``Diëtist``).
_NAMED_COLUMNS = ("background", "scope")


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= MAX_QUOTED else value[: MAX_QUOTED - 1] + "…"


class Messages:
    """Warnings grouped by what they say, each with the rows it applies to, capped.

    A file with one wrong column name in 2,000 rows, or 10,000 unknown columns, gives a
    handful of lines a person can read instead of thousands of boxes. A row is counted
    once per warning, however often the warning comes up in it.
    """

    def __init__(self, limit: int = MAX_MESSAGES) -> None:
        self.limit = limit
        self._rows: dict[str, list[int]] = {}
        self._counts: dict[str, int] = {}
        self._last: dict[str, int | None] = {}
        self._pinned: list[str] = []

    def stop(self, message: str) -> None:
        """Why (part of) the file was not assessed: always listed, first."""
        self._pinned.append(message)

    def add(self, message: str, row: int | None = None) -> None:
        rows = self._rows.setdefault(message, [])
        if row is not None and self._last.get(message) == row:
            return
        self._last[message] = row
        self._counts[message] = self._counts.get(message, 0) + 1
        if row is not None and len(rows) < MAX_ROWS_NAMED:
            rows.append(row)

    def __bool__(self) -> bool:
        return bool(self._rows or self._pinned)

    def lines(self) -> list[str]:
        out = list(self._pinned)
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


def resolver(catalogue: Catalogue) -> dict[str, NameTable]:
    """Tables that map a written register/programme/insurer name, background or scope (any
    case, with or without accents: the profile's shared name tables) to its id. Built once
    per batch: their suggestions are cached and capped per upload."""
    return name_tables(catalogue)


@dataclass
class SessionBudget:
    """The seconds of batch work a visitor's session may still use (a leaky bucket).

    A session starts with :data:`SESSION_BATCH_SECONDS`; every batch spends what it took,
    and time gives it back at :data:`SESSION_REFILL_PER_SECOND`. One visitor uploading the
    largest batch again and again thus gets a clear "try again later" instead of taking
    the server from everyone else.
    """

    available: float = SESSION_BATCH_SECONDS
    updated: float = field(default_factory=time.monotonic)

    def remaining(self, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        self.available = min(SESSION_BATCH_SECONDS,
                             self.available + (now - self.updated) * SESSION_REFILL_PER_SECOND)
        self.updated = now
        return self.available

    def spend(self, seconds: float, now: float | None = None) -> None:
        self.remaining(now)
        self.available -= seconds

    def wait_message(self) -> str:
        """Dutch: why nothing was assessed and when to try again."""
        needed = (SESSION_BATCH_SECONDS / 3 - self.available) / SESSION_REFILL_PER_SECOND
        minutes = max(1, round(needed / 60))
        return (f"U heeft in de afgelopen minuten veel coaches laten beoordelen. Probeer het over {minutes} "
                f"minu{'ut' if minutes == 1 else 'ten'} opnieuw; zo blijft de wijzer voor iedereen snel.")

    def allows_a_batch(self) -> bool:
        """Whether enough is left to start a batch (a third of the whole budget)."""
        return self.remaining() >= SESSION_BATCH_SECONDS / 3


@dataclass
class BatchResult:
    rows: list[dict] = field(default_factory=list)  # one per coach: name + verdict per insurer + unmet
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0  # how long the assessment took (the session budget spends it)


def _split(value: str) -> list[str]:
    text = value.strip()
    for sep in LIST_SEPARATORS:
        text = text.replace(sep, "|")
    return [part.strip() for part in text.split("|") if part.strip()]


@dataclass
class _Limits:
    """What one upload may still cost: distinct unknown names seen, the deadline."""

    deadline: float | None = None
    unknown: set[str] = field(default_factory=set)

    @property
    def too_many_unknown(self) -> bool:
        return len(self.unknown) > MAX_UNKNOWN_NAMES

    @property
    def out_of_time(self) -> bool:
        return self.deadline is not None and time.monotonic() > self.deadline


def _list_cell(key: str, value: str, table: NameTable, number: int, messages: Messages,
               limits: _Limits) -> list[str] | None:
    """The ids a list cell names; unknown names are reported and left out. ``None`` (not
    answered) when nothing is recognised or the cell lists more than a coach can have."""
    names = _split(value)
    if len(names) > MAX_ITEMS_PER_CELL:
        messages.add(f"bij {key} staan {nl_number(len(names))} namen in één cel; een coach heeft er hooguit "
                     f"{MAX_ITEMS_PER_CELL}. De cel is niet gelezen (telt als niet ingevuld)", number)
        return None
    ids = []
    for name in names:
        found = table.get(name)
        if found:
            ids.append(found)
            continue
        if fold(name) in NONE_WORDS:  # "geen": an answer, not an unknown name
            continue
        limits.unknown.add(fold(name))
        messages.add(f"onbekend {_LIST_KINDS[key]} ‘{_short(name)}’ genegeerd{table.hint(name)}", number)
    if ids or fold(value) in NONE_WORDS:
        return ids  # nothing recognised stays "not answered", never "none"
    return None


def parse_profile_row(row: dict[str, str], number: int, role: str, year: int, catalogue: Catalogue,
                      problems: list[str] | Messages, names: dict[str, NameTable] | None = None,
                      limits: _Limits | None = None) -> Profile | None:
    """One CSV row (known columns only) to a profile; unknown names are reported and left out.

    ``names`` is :func:`resolver`'s result; pass it when parsing many rows, so the name
    tables (and their cached suggestions) are built once per batch instead of once per row.
    """
    messages = problems if isinstance(problems, Messages) else Messages(limit=10**9)
    tables = names or resolver(catalogue)
    limits = limits or _Limits()
    data: dict = {"role": role, "year": year}
    for key, raw in row.items():
        value = (raw or "").strip()
        if not value or key not in BATCH_COLUMNS or key == "name":
            continue
        if key in _TRI_COLUMNS and fold(value) in TRI_WORDS:
            data[key] = TRI_WORDS[fold(value)]
        elif key in _LIST_KINDS:
            ids = _list_cell(key, value, tables[key], number, messages, limits)
            if ids is not None:
                data[key] = ids
        elif key in _BOOL_COLUMNS:
            if value.casefold() in BOOL_WORDS:
                data[key] = BOOL_WORDS[value.casefold()]
            else:
                messages.add(f"‘{_short(value)}’ bij {key} is geen ja/nee; genegeerd", number)
        elif key in _NAMED_COLUMNS:
            data[key] = tables[key].get(value) or value  # unknown: the profile's check says why
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
    # Each row is one coach, whatever contract form it is assessed under: its background is its own.
    return profile.as_one_coach() if profile is not None else None


def decode_upload(raw: bytes) -> tuple[str | None, list[str]]:
    """The text of an uploaded CSV, or ``None`` and why not (Dutch, for the visitor).

    UTF-8 (with or without BOM) is expected; UTF-16 (Excel's "Unicode-tekst") is read too;
    other text is read as Latin-1 with a warning. Binary files (a spreadsheet or zip
    renamed to .csv) are refused by their signature or NUL bytes.
    """
    if len(raw) > MAX_UPLOAD_BYTES:
        return None, [f"Het bestand is {nl_number(len(raw))} bytes; de grens is {MAX_UPLOAD_MB} MB ({nl_number(MAX_UPLOAD_BYTES)} "
                      f"bytes, ruim genoeg voor {nl_number(MAX_ROWS)} coaches). Splits het bestand."]
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return None, [_NOT_TEXT + " Het lijkt een Excel- of zipbestand; " + _SAVE_AS]
    utf16 = _utf16(raw)
    if utf16 is not None:
        return utf16
    if b"\x00" in raw[:65536]:
        return None, [_NOT_TEXT + " Het bevat binaire tekens (NUL); " + _SAVE_AS]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return raw.decode("latin-1"), ["Het bestand is geen UTF-8; gelezen als Latin-1. "
                                       "Controleer de namen met accenten."]


_NOT_TEXT = ("Dit is geen CSV-tekstbestand: verwacht wordt tekst met de kolomnamen op de eerste regel en één coach "
             "per regel.")
_SAVE_AS = "sla het in Excel op als ‘CSV UTF-8 (gescheiden door lijstscheidingsteken)’ en upload dat bestand."


def _utf16(raw: bytes) -> tuple[str | None, list[str]] | None:
    """UTF-16 text (a byte-order mark, or a NUL beside every ASCII character), decoded;
    None when the bytes are not UTF-16."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        sample = raw[:4096]
        even, odd = sample[0::2], sample[1::2]
        if len(sample) < 4 or not (odd.count(0) > 0.9 * len(odd) or even.count(0) > 0.9 * len(even)):
            return None
        encoding = "utf-16-le" if odd.count(0) > even.count(0) else "utf-16-be"
    try:
        return raw.decode(encoding).lstrip("\ufeff"), []
    except UnicodeDecodeError:
        return None, ["Het bestand lijkt UTF-16-tekst (‘Unicode-tekst’), maar is niet te lezen; " + _SAVE_AS]


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


def _separator(text: str) -> tuple[str, str, int]:
    """The text without an Excel ``sep=;`` line, the separator and the lines skipped (0 or 1).

    The separator is the one a ``sep=`` line names (Excel writes one), else the one used
    in the header line (``;``, tab or ``,``, the most frequent).
    """
    first, _, rest = text.partition("\n")
    line = first.rstrip("\r").strip('"')  # not .strip(): "sep=<tab>" names the tab
    if line.casefold().startswith("sep=") and len(line) == 5 and line[4] in _SEPARATORS:
        return rest, line[4], 1
    counts = {sep: first.count(sep) for sep in (";", "\t", ",")}
    best = max(counts, key=counts.get)
    return text, best if counts[best] else ",", 0


def assess_batch(text: str, role: str, year: int, catalogue: Catalogue, today: dt.date, *,
                 time_budget: float = MAX_BATCH_SECONDS) -> BatchResult:
    """Assess every coach in a CSV text (comma, semicolon or tab separated, header row required).

    Stops, with a message, after ``time_budget`` seconds or once the file has named more
    than :data:`MAX_UNKNOWN_NAMES` distinct unknown names; the rows before are assessed.
    """
    started = time.monotonic()
    result = _assess_rows(text, role, year, catalogue, today, _Limits(deadline=started + time_budget))
    result.seconds = time.monotonic() - started
    return result


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


def _assess_rows(text: str, role: str, year: int, catalogue: Catalogue, today: dt.date, limits: _Limits) -> BatchResult:
    result = BatchResult()
    messages = Messages()
    if not text.strip():
        result.problems.append("Het bestand is leeg.")
        return result
    text, delimiter, skipped = _separator(text)
    # strict: an unclosed quote is an error with its line, instead of swallowing the rest
    # of the file into one value.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        result.problems.append(f"De eerste regel is niet te lezen: {csv_error_nl(exc)}.")
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
    verdicts = _verdicts(catalogue, today)
    number = 1 + skipped  # the line of the row in the file as the visitor sees it
    while True:
        start = reader.line_num + 1 + skipped  # the line the next row starts on
        try:
            record = next(reader, None)
        except csv.Error as exc:
            messages.stop(f"regel {nl_number(start)} en verder niet gelezen: {csv_error_nl(exc)}. "
                          "De rijen ervoor zijn beoordeeld.")
            break
        if record is None:
            break
        number += 1
        if not any(value.strip() for value in record):
            continue
        if len(result.rows) >= MAX_ROWS:
            messages.stop(f"Het bestand bevat meer dan {nl_number(MAX_ROWS)} coaches: alleen de eerste "
                         f"{nl_number(MAX_ROWS)} zijn beoordeeld. Splits het bestand in delen.")
            break
        stop = _stop_reason(limits, number)
        if stop:
            messages.stop(stop)
            break
        if len(record) > len(columns):
            messages.add("meer waarden dan kolommen; de extra waarden zijn genegeerd", number)
        row = {column: record[index] for column, index in known.items() if index < len(record)}
        profile = parse_profile_row(row, number, role, year, catalogue, messages, names, limits)
        name = row.get("name", "").strip() or f"rij {number}"
        if profile is None:
            continue
        result.rows.append({"Naam": name, **verdicts(profile)})
    result.problems = messages.lines()
    if not result.rows and not result.problems:
        result.problems.append("Het bestand bevat geen rijen met coaches.")
    return result


#: Distinct profiles whose verdicts one batch remembers (coaches of one samenwerkingsverband
#: often answer alike; a coach's name is not part of the profile).
_MAX_REMEMBERED = 500


def _verdicts(catalogue: Catalogue, today: dt.date):
    """A function from a profile to its matrix cells (verdict and unmet topics per insurer),
    assessing each distinct profile once."""
    remembered: dict[str, dict[str, str]] = {}

    def cells(profile: Profile) -> dict[str, str]:
        key = profile.model_dump_json()
        if key in remembered:
            return remembered[key]
        out: dict[str, str] = {}
        for a in assess(profile, catalogue, today):
            out[a.insurer_name] = a.matrix_label()
            unmet = [c.topic_label for c in a.checklist if c.status == "unmet"]
            out[f"{a.insurer_name}: niet voldaan"] = "; ".join(dict.fromkeys(unmet))
        if len(remembered) < _MAX_REMEMBERED:
            remembered[key] = out
        return out

    return cells


def _stop_reason(limits: _Limits, number: int) -> str | None:
    """Why the rows from ``number`` on are not assessed (Dutch), or None to go on."""
    if limits.too_many_unknown:
        return (f"Het bestand noemt meer dan {nl_number(MAX_UNKNOWN_NAMES)} verschillende onbekende namen van "
                f"registers, programma's of verzekeraars; rij {nl_number(number)} en verder zijn niet beoordeeld. "
                "Staan de juiste waarden in de juiste kolommen? De voorbeeld-CSV laat zien hoe het moet.")
    if limits.out_of_time:
        return (f"Het beoordelen duurde te lang en is gestopt bij rij {nl_number(number)}; de rijen ervoor zijn "
                "beoordeeld. Splits het bestand in kleinere delen of probeer het later opnieuw.")
    return None
