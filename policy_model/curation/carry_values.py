"""Which values of a carried fact move to the new year, and which stay as the document says.

Only a fact whose quote occurs in the new document as it is (``kept``) has its values
touched, and only where the quote does not state them itself:

- a date field moves by the years carried unless the quote (or section) names that very
  date with its year ("9 november 2023" in the quote keeps 2023-11-09: the new document
  says so); a day and month without a year ("uiterlijk 1 april") move with the year;
- in ``date_text`` and our own texts, a year the quote does not name moves when it is the
  old record's year or the year before it (the years a policy is planned and runs in);
- ``against_year`` moves unless the quote or section names it.

A fact the review marks (changed, year only, probably deleted) keeps every value as it
was: the mark says what the new passage states, and the curator decides. No value is ever
moved silently into disagreement with its quote.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from policy_model.curation.values import DATE_FIELDS, TEXT_FIELDS, dates_in, years_in


def shift_kept_fact(fact: dict[str, Any], quote: str, section: str, old_year: int, delta: int) -> int:
    """Move the values of a kept fact that its quote does not state; returns how many moved."""
    if delta == 0:
        return 0
    stated_dates = [m for m in dates_in(quote) if m.year is not None] or [
        m for m in dates_in(section) if m.year is not None]
    stated_years = years_in(quote) | years_in(section)
    moved = 0
    for key in DATE_FIELDS:
        value = fact.get(key)
        day = _as_date(value)
        if day is None or any(m.agrees(day) for m in stated_dates):
            continue
        fact[key] = _moved(day, delta).isoformat()
        moved += 1
    relative = {old_year, old_year - 1} - stated_years
    for key in ("date_text", *TEXT_FIELDS):
        text = fact.get(key)
        if isinstance(text, str) and relative:
            new = _move_years(text, relative, delta)
            if new != text:
                fact[key] = new
                moved += 1
    against = fact.get("against_year")
    if isinstance(against, int) and not ({against, against + 1} & stated_years):
        fact["against_year"] = against + delta
        moved += 1
    return moved


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _moved(day: dt.date, delta: int) -> dt.date:
    try:
        return day.replace(year=day.year + delta)
    except ValueError:  # 29 February
        return day.replace(year=day.year + delta, day=28)


def _move_years(text: str, years: set[int], delta: int) -> str:
    return re.sub(r"\b(19|20)\d{2}\b", lambda m: str(int(m.group(0)) + delta) if int(m.group(0)) in years
                  else m.group(0), text)
