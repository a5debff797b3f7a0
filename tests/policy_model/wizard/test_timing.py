"""Today as an input: --today, GLI_TODAY, the clock; a day that is no date is an error."""

from __future__ import annotations

import datetime as dt

import pytest

from policy_model.calendar import dutch_today
from policy_model.wizard.timing import BadDate, resolve_today


def test_the_argument_wins_then_the_environment_then_the_clock():
    assert resolve_today("2026-12-02", {"GLI_TODAY": "2025-01-01"}) == dt.date(2026, 12, 2)
    assert resolve_today(None, {"GLI_TODAY": "2025-01-01"}) == dt.date(2025, 1, 1)
    assert resolve_today(None, {}) == dutch_today()


@pytest.mark.parametrize(("utc", "day"), [
    ("2026-11-30T22:59", "2026-11-30"),  # winter: CET is UTC+1
    ("2026-11-30T23:30", "2026-12-01"),  # already 1 December in the Netherlands
    ("2026-06-30T21:59", "2026-06-30"),  # summer: CEST is UTC+2
    ("2026-06-30T22:00", "2026-07-01"),
])
def test_the_clock_gives_the_dutch_day_whatever_the_servers_zone(utc, day):
    # A deadline "uiterlijk 1 december" is a Dutch day: on a server on UTC, the evening of
    # 30 November (UTC) can already be 1 December.
    moment = dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC)
    assert dutch_today(moment) == dt.date.fromisoformat(day)


@pytest.mark.parametrize(("given", "env", "where"), [("2026-13-01", {}, "--today"), ("morgen", {}, "--today"),
                                                     (None, {"GLI_TODAY": "2-12-2026"}, "GLI_TODAY")])
def test_a_day_that_is_no_date_is_a_dutch_error_naming_where_it_came_from(given, env, where):
    with pytest.raises(BadDate) as error:
        resolve_today(given, env)
    assert where in str(error.value) and "JJJJ-MM-DD" in str(error.value)
