"""Reading CSV text from a visitor: Python's csv errors as Dutch, for the batch and the checklist.

Both uploads are read with ``strict=True``, so an unclosed quote is an error with its line
instead of swallowing the rest of the file into one value (which once dropped checklist
answers without a word); this module turns the csv module's English into what a Dutch
user can act on.
"""

from __future__ import annotations

import csv

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


def csv_error_nl(exc: csv.Error) -> str:
    """What went wrong, in Dutch, without the parser's English."""
    text = str(exc)
    for english, dutch in _CSV_ERRORS_NL.items():
        if english in text:
            return dutch.format(limit=nl_number(csv.field_size_limit()))
    return "het is geen geldige CSV"
