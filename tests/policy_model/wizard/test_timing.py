"""Today as an input: --today, GLI_TODAY, the clock; a day that is no date is an error."""

from __future__ import annotations

import datetime as dt

import pytest

from policy_model.wizard.timing import BadDate, resolve_today


def test_the_argument_wins_then_the_environment_then_the_clock():
    assert resolve_today("2026-12-02", {"GLI_TODAY": "2025-01-01"}) == dt.date(2026, 12, 2)
    assert resolve_today(None, {"GLI_TODAY": "2025-01-01"}) == dt.date(2025, 1, 1)
    assert resolve_today(None, {}) == dt.date.today()


@pytest.mark.parametrize(("given", "env", "where"), [("2026-13-01", {}, "--today"), ("morgen", {}, "--today"),
                                                     (None, {"GLI_TODAY": "2-12-2026"}, "GLI_TODAY")])
def test_a_day_that_is_no_date_is_a_dutch_error_naming_where_it_came_from(given, env, where):
    with pytest.raises(BadDate) as error:
        resolve_today(given, env)
    assert where in str(error.value) and "JJJJ-MM-DD" in str(error.value)
