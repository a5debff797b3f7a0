"""The pages' today: the Dutch day, pinned by GLI_TODAY, and a GLI_TODAY that is no date is
named in the server log instead of silently changing the answer or breaking every page."""

from __future__ import annotations

import datetime as dt
import logging

from policy_model.calendar import dutch_today
from ui import text


def test_gli_today_pins_the_pages_day(monkeypatch):
    monkeypatch.setenv("GLI_TODAY", "2026-06-01")
    assert text.today() == dt.date(2026, 6, 1)


def test_without_gli_today_the_pages_day_is_the_dutch_day(monkeypatch):
    monkeypatch.delenv("GLI_TODAY", raising=False)
    assert text.today() == dutch_today()


def test_a_gli_today_that_is_no_date_is_logged_and_the_real_day_used(monkeypatch, caplog):
    monkeypatch.setenv("GLI_TODAY", "2 december")
    text._warn_once.cache_clear()
    with caplog.at_level(logging.WARNING, logger="ui.text"):
        assert text.today() == dutch_today()
    assert "GLI_TODAY ‘2 december’ is geen datum" in caplog.text and "echte datum" in caplog.text
