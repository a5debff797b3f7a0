"""Values in Dutch policy text: dates, years, durations, amounts and numbers, and whether a
fact's values agree with its quote.

A fact's dates, durations, structured values and the numbers in its own text are read
from the fields; the same kinds of value are read from its quote (and, where the quote
holds none of that kind, from its section heading, which for a table row often carries the
year). A value that the quote (or section) states differently is a *disagreement*:
``validate`` reports it at the field's line, and ``carry-forward`` uses the same readers to
propose the value of a new passage instead of shifting an old one.

Only what the text states is compared: a contract period whose quote says "voor de duur
van één jaar" has no date to compare its ``start`` with, so nothing is said about it.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import TypeVar

from pydantic import BaseModel

from policy_model.schema import Source

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:e|ste|de)?\s+({_MONTH})\.?(?:\s+(\d{{4}}))?\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.,/])(20\d{2}|19\d{2})(?!\d|[.,]\d)")

WORDS = {
    "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30,
    "veertig": 40, "vijftig": 50, "zestig": 60, "honderd": 100, "anderhalf": 1.5, "half": 0.5,
}
_WORD = "|".join(sorted(WORDS, key=len, reverse=True))
#: A number: Dutch digits (1.234,5 or 2,5 or 80) or a number word; "een" only before a unit.
_NUM = rf"(\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?|{_WORD})"
UNITS = {
    "jaar": "years", "jaren": "years", "jaargangen": "years", "maand": "months", "maanden": "months",
    "week": "weeks", "weken": "weeks", "dag": "days", "dagen": "days", "kalenderdagen": "days",
    "werkdag": "working_days", "werkdagen": "working_days",
}
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_DURATION = re.compile(rf"(?<![\w.,])({_NUM.strip('()')}|een)[\s-]*({_UNIT})\b", re.IGNORECASE)
_NUMBER = re.compile(rf"(?<![\w.,/-]){_NUM}(?![\w]|[.,/-]\d)", re.IGNORECASE)
_AMOUNT = re.compile(r"(?:€|EUR|euro)\s*(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)|"
                     r"(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)\s*(?:euro|EUR)\b", re.IGNORECASE)
#: Fields holding our own text, whose numbers must be in the quote too.
TEXT_FIELDS = ("text", "description", "activity", "conditions", "note", "purpose", "label", "answer_time_text")
DATE_FIELDS = ("date", "date_end", "start", "end")
#: Units of a structured :class:`~policy_model.schema.Value` that are a duration.
DURATION_UNITS = {"days": "days", "working_days": "working_days", "weeks": "weeks", "years": "years"}
#: A ``ggr_level`` is a code for words, not a number a document writes (vocab ``VALUE_UNIT_LABELS``:
#: 1 = matig verhoogd, 2 = hoog): the quote states a level by these words ("ten minste een matig
#: verhoogd gewichtsgerelateerd gezondheidsrisico", "een matig verhoogd GGR (of hoger)").
GGR_LEVEL_WORDS: dict[int, tuple[str, ...]] = {1: ("matig verhoogd",), 2: ("sterk verhoogd", "hoog gewichtsgerelateerd",
                                                                          "hoog ggr")}


@dataclass(frozen=True)
class DateMention:
    """A date as a text states it: day and month, and the year where the text gives one."""

    day: int
    month: int
    year: int | None
    text: str

    def agrees(self, day: dt.date) -> bool:
        return (self.day, self.month) == (day.day, day.month) and self.year in (None, day.year)

    def __str__(self) -> str:
        return self.text


_Found = TypeVar("_Found", list, set)


def _read_once_per_text(reader: Callable[[str], _Found]) -> Callable[[str], _Found]:
    """``reader`` remembered by its text, each caller getting its own copy of the list or set.

    ``validate`` reads the same quotes and sections again for every check of every fact, and a
    test process validates some ninety data folders; the readers took a fifth of that time."""
    remembered = lru_cache(maxsize=8192)(reader)

    @wraps(reader)
    def read(text: str) -> _Found:
        return copy.copy(remembered(text))

    return read


def to_number(token: str) -> float:
    """``"1.234,5"`` -> 1234.5, ``"twee"`` -> 2, ``"een"`` -> 1."""
    token = token.lower()
    if token in ("een", "één", "eén"):
        return 1.0
    if token in WORDS:
        return float(WORDS[token])
    return float(token.replace(".", "").replace(",", "."))


@_read_once_per_text
def dates_in(text: str) -> list[DateMention]:
    """Every day-and-month date in ``text`` (``7 november 2024``, ``1 juli``, ``01-07-2025``, ISO)."""
    found: list[DateMention] = []
    for m in _DAY_MONTH.finditer(text):
        day, month = int(m.group(1)), MONTHS[m.group(2).lower()]
        if _valid(day, month):
            found.append(DateMention(day, month, int(m.group(3)) if m.group(3) else None, m.group(0)))
    for m in _NUMERIC_DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if _valid(day, month):
            found.append(DateMention(day, month, int(m.group(3)), m.group(0)))
    for m in _ISO_DATE.finditer(text):
        day, month = int(m.group(3)), int(m.group(2))
        if _valid(day, month):
            found.append(DateMention(day, month, int(m.group(1)), m.group(0)))
    return found


def _valid(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


@_read_once_per_text
def years_in(text: str) -> set[int]:
    """Every year (1900-2099) the text names, in dates or alone."""
    return {int(y) for y in _YEAR.findall(text)}


@_read_once_per_text
def durations_in(text: str) -> list[tuple[float, str]]:
    """``(amount, unit)`` for every duration: ``één jaar`` -> (1, years), ``10 werkdagen``."""
    return [(to_number(m.group(1)), UNITS[m.group(2).lower()]) for m in _DURATION.finditer(text)]


@_read_once_per_text
def amounts_in(text: str) -> list[float]:
    """Money amounts: ``€ 1.250,00``, ``150 euro``."""
    return [to_number(m.group(1) or m.group(2)) for m in _AMOUNT.finditer(text)]


@_read_once_per_text
def numbers_in(text: str) -> set[float]:
    """Every number the text states in digits or words (dates' days and years included)."""
    found = {to_number(m.group(1)) for m in _NUMBER.finditer(text)}
    found |= {amount for amount, _ in durations_in(text)}
    return found


_REFERENCE = re.compile(r"(?:hoofdstuk|paragraaf|bijlage|voorkeur|§|stap|fase|artikel)\s+$", re.IGNORECASE)


@_read_once_per_text
def _text_numbers(text: str) -> set[float]:
    """The numbers in our own text worth checking: digits, number words before a unit; not 1,
    and not a reference to a chapter or our own preference order ("hoofdstuk 5", "voorkeur 2")."""
    found = {to_number(m.group(1)) for m in _NUMBER.finditer(text)
             if m.group(1)[0].isdigit() and not _REFERENCE.search(text[: m.start()])}
    found |= {amount for amount, _ in durations_in(text)}
    return {n for n in found if n not in (0.0, 1.0)}


def in_years(amount: float, unit: str) -> float | None:
    return {"years": amount, "months": amount / 12}.get(unit)


# --------------------------------------------------------------------------- checks


@dataclass(frozen=True)
class Disagreement:
    """A value of a fact that its quote (or section) states differently (an error), or that
    neither states at all (``unsupported``: a warning, the evidence may be elsewhere)."""

    loc: tuple[object, ...]  # path of the field, from the fact's path
    message: str
    unsupported: bool = False


def _evidence(source: Source) -> tuple[str, str]:
    return source.quote, source.section


def _date_fields(fact: BaseModel) -> Iterator[tuple[str, dt.date]]:
    for name in DATE_FIELDS:
        value = getattr(fact, name, None)
        if isinstance(value, dt.date):
            yield name, value


def check_dates(fact: BaseModel, source: Source) -> list[Disagreement]:
    """A date field must be a date its quote (else its section) names, with that year if named."""
    out: list[Disagreement] = []
    quote, section = _evidence(source)
    mentions = dates_in(quote) or dates_in(section)
    years = years_in(quote) or years_in(section)
    for name, value in _date_fields(fact):
        if mentions:
            if not any(m.agrees(value) for m in mentions):
                said = ", ".join(dict.fromkeys(str(m) for m in mentions))
                out.append(Disagreement((name,), f"{value.isoformat()} is not a date the quote names ({said})"))
        elif years and value.year not in years and name in ("date", "date_end"):
            said = ", ".join(str(y) for y in sorted(years))
            out.append(Disagreement((name,), f"{value.isoformat()}: the quote names the year(s) {said}, not "
                                             f"{value.year}"))
    return out


def check_date_text(fact: BaseModel, source: Source) -> list[Disagreement]:
    """``date_text`` must say the same day as ``date``/``date_end`` and the years its quote names."""
    text = getattr(fact, "date_text", None)
    if not text:
        return []
    out: list[Disagreement] = []
    fields = [v for _, v in _date_fields(fact)]
    for mention in dates_in(text):
        if fields and not any(mention.agrees(v) for v in fields):
            shown = ", ".join(v.isoformat() for v in fields)
            out.append(Disagreement(("date_text",), f"{mention} does not agree with the date field(s) ({shown})"))
    quote, section = _evidence(source)
    mentions = dates_in(quote) or dates_in(section)
    for mention in dates_in(text):
        if mentions and not any(_same_mention(mention, m) for m in mentions):
            said = ", ".join(dict.fromkeys(str(m) for m in mentions))
            out.append(Disagreement(("date_text",), f"{mention} is not a date the quote names ({said})"))
    stated = years_in(quote) | years_in(section)
    in_dates = {m.year for m in dates_in(text)}
    for year in sorted(years_in(text) - in_dates):
        if stated and year not in stated:
            out.append(Disagreement(("date_text",), f"the year {year} is not in the quote or section "
                                                    f"({', '.join(map(str, sorted(stated)))})"))
    return out


def _same_mention(a: DateMention, b: DateMention) -> bool:
    return (a.day, a.month) == (b.day, b.month) and (a.year is None or b.year is None or a.year == b.year)


def check_duration(fact: BaseModel, source: Source) -> list[Disagreement]:
    """``duration_years`` must agree with ``duration_text``, and that with the quote's durations."""
    text = getattr(fact, "duration_text", None)
    if text is None:
        return []
    out: list[Disagreement] = []
    ours = durations_in(text)
    years = getattr(fact, "duration_years", None)
    ours_years = [y for y in (in_years(a, u) for a, u in ours) if y is not None]
    if years is not None and ours_years and not any(abs(y - years) < 1e-9 for y in ours_years):
        out.append(Disagreement(("duration_years",), f"{years:g} does not agree with duration_text {text!r}"))
    quote, section = _evidence(source)
    stated = durations_in(quote) or durations_in(section)
    if stated:
        for amount, unit in ours:
            if not any(_same_duration((amount, unit), s) for s in stated):
                said = ", ".join(f"{a:g} {u}" for a, u in stated)
                out.append(Disagreement(("duration_text",), f"{amount:g} {unit} is not a duration the quote "
                                                            f"names ({said})"))
    return out


def _same_duration(a: tuple[float, str], b: tuple[float, str]) -> bool:
    if a == b:
        return True
    ya, yb = in_years(*a), in_years(*b)
    return ya is not None and yb is not None and abs(ya - yb) < 1e-9


def check_structured_value(fact: BaseModel, source: Source) -> list[Disagreement]:
    """A requirement's ``value`` and ``condition`` amounts must be stated by the quote (or section)."""
    out: list[Disagreement] = []
    quote, section = _evidence(source)
    for name in ("value", "condition"):
        value = getattr(fact, name, None)
        if value is None:
            continue
        if value.unit in DURATION_UNITS:
            unit = DURATION_UNITS[value.unit]
            stated = durations_in(quote) + durations_in(section)
            ok = any(_same_duration((value.amount, unit), s) for s in stated)
            if not ok and unit == "days":  # "binnen 10 dagen" read as working days or not
                ok = any(a == value.amount and u == "working_days" for a, u in stated)
        elif value.unit == "ggr_level":
            ok = states_ggr_level(f"{quote} {section}", value.amount)
        else:
            ok = value.amount in numbers_in(quote) | numbers_in(section)
        if not ok:
            out.append(Disagreement((name, "amount"), f"{value.amount:g} ({value.unit}) is not stated in the "
                                                      "quote or section", unsupported=True))
    return out


def states_ggr_level(text: str, level: float) -> bool:
    """Whether ``text`` names GGR level ``level`` in words (:data:`GGR_LEVEL_WORDS`)."""
    if level != int(level):
        return False
    folded = " ".join(text.lower().split())
    return any(words in folded for words in GGR_LEVEL_WORDS.get(int(level), ()))


def without_names(text: str, names: Iterable[str]) -> str:
    """``text`` with every occurrence of a name that holds a digit blanked out: the 2 of "Keer
    Diabetes 2 Om" is part of a programme's name, not a number the text states. Spaces in a
    name match any run of spaces; a name must stand as a whole word."""
    if not _DIGIT.search(text):  # most texts: nothing a name could hide
        return text
    pattern = _digit_names_pattern(tuple(names))
    return pattern.sub(" ", text) if pattern else text


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=8)
def _digit_names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for every name in ``names`` that holds a digit, longest first (so "Keer
    Diabetes 2 Om" wins over a shorter name inside it); built once per list of names, which
    ``validate`` passes unchanged for every text of every record."""
    with_digits = sorted({n for n in names if any(c.isdigit() for c in n)}, key=len, reverse=True)
    if not with_digits:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in name.split()) for name in with_digits)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags=re.IGNORECASE)


def check_text_numbers(fact: BaseModel, source: Source, record_years: set[int],
                       names: Iterable[str] = ()) -> list[Disagreement]:
    """Numbers and dates in our own texts must be in the quote or section (a year may be the record's).

    A number inside a name from ``names`` (the programmes' and registers' names and aliases) is part
    of that name and is not checked."""
    out: list[Disagreement] = []
    quote, section = _evidence(source)
    stated = numbers_in(quote) | numbers_in(section) | {float(y) for y in record_years}
    stated_dates = dates_in(quote) + dates_in(section)
    stated |= set(amounts_in(quote))
    for name in TEXT_FIELDS:
        text = getattr(fact, name, None)
        if not isinstance(text, str):
            continue
        missing = sorted(n for n in _text_numbers(without_names(text, names)) if n not in stated)
        if missing:
            shown = ", ".join(f"{n:g}" for n in missing)
            out.append(Disagreement((name,), f"the number(s) {shown} in the text are not in the quote or section",
                                    unsupported=True))
        for mention in dates_in(text):
            if stated_dates and not any((m.day, m.month) == (mention.day, mention.month) for m in stated_dates):
                out.append(Disagreement((name,), f"the date {mention} in the text is not a date the quote names "
                                                 f"({', '.join(dict.fromkeys(str(m) for m in stated_dates))})",
                                        unsupported=True))
    return out


def check_against_year(fact: BaseModel, source: Source) -> list[Disagreement]:
    """A stated change's ``against_year`` must be a year its quote or section names, where they name one."""
    year = getattr(fact, "against_year", None)
    if year is None:
        return []
    quote, section = _evidence(source)
    stated = years_in(quote) or years_in(section)
    if stated and year not in stated and year + 1 not in stated:  # "vanaf 2025" is a change against 2024
        return [Disagreement(("against_year",), f"{year} is not a year the quote or section names "
                                               f"({', '.join(map(str, sorted(stated))) })")]
    return []


def fact_disagreements(fact: BaseModel, record_years: set[int], names: Iterable[str] = ()) -> list[Disagreement]:
    """Every value of one fact (a model with a ``source``) that its quote states differently
    (``names``: see :func:`check_text_numbers`)."""
    source = getattr(fact, "source", None)
    if not isinstance(source, Source) or source.review is not None:
        return []  # a fact marked for review is being rewritten; its mark says so
    return (check_dates(fact, source) + check_date_text(fact, source) + check_duration(fact, source)
            + check_structured_value(fact, source) + check_against_year(fact, source)
            + check_text_numbers(fact, source, record_years, names))


def iter_facts(node: object, loc: tuple[object, ...] = ()) -> Iterator[tuple[tuple[object, ...], BaseModel]]:
    """Every model with a ``source`` below ``node``, with its path."""
    if isinstance(node, BaseModel):
        if isinstance(getattr(node, "source", None), Source):
            yield loc, node
        for name in type(node).model_fields:
            value = getattr(node, name)
            if isinstance(value, (BaseModel, list, tuple)) and name != "source":
                yield from iter_facts(value, (*loc, name))
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            yield from iter_facts(item, (*loc, index))


def policy_disagreements(policy: BaseModel, document_years: set[int] = frozenset(),
                         names: Iterable[str] = ()) -> list[Disagreement]:
    """Every value disagreement in a policy record, with full field paths.

    A year in our own text may be the record's year, the year before it (when a policy year
    is planned and contracted) or the policy year of one of its documents (a derived record
    speaks from a later document). ``names``: the programmes' and registers' names, whose
    digits are not numbers (:func:`check_text_numbers`)."""
    year = getattr(policy, "year", None)
    years = ({year, year - 1} if isinstance(year, int) else set()) | set(document_years)
    out: list[Disagreement] = []
    for loc, fact in iter_facts(policy):
        out.extend(Disagreement((*loc, *d.loc), d.message, d.unsupported) for d in fact_disagreements(fact, years, names))
    return out
