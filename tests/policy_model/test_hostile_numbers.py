"""Numbers, dates and the purchasing calendar in a hostile data folder: every value that
is not a usable number (``.inf``, ``.nan``, ``1e309``, a year of 10**30, a day in 9999) and
every impossible calendar day is a located message from ``validate`` with exit code 1,
never an "internal error" later in ``diff``, ``assess``, an export or a page."""

from __future__ import annotations

import pytest
import yaml

from policy_model.calendar import CALENDAR_FILE, load_calendar
from policy_model.yamlio import read_yaml
from tests.policy_model.test_hostile_data import validate

POLICY = "policies/zz-2024.yaml"


def _first(items: list[dict], key: str) -> int:
    return next(n for n, item in enumerate(items) if item.get(key) is not None)


def set_in_policy(folder, loc: tuple, literal: str) -> int:
    """Write ``literal`` (as YAML text, e.g. ``.inf`` or ``1e309``) at ``loc`` of the ZZ 2024
    policy; returns the line the message must name."""
    path = folder / POLICY
    policy = yaml.safe_load(path.read_text(encoding="utf-8"))
    node = policy
    for part in loc[:-1]:
        node = node[part]
    marker = "MARKER-VALUE-7"
    node[loc[-1]] = marker
    path.write_text(yaml.safe_dump(policy, allow_unicode=True, sort_keys=False).replace(marker, literal),
                    encoding="utf-8")
    return read_yaml(path).line_of(loc)


def _requirement_with_value(folder) -> int:
    policy = yaml.safe_load((folder / POLICY).read_text(encoding="utf-8"))
    return _first(policy["requirements"], "value")


@pytest.mark.parametrize(
    ("field", "literal", "message"),
    [
        ("amount", ".inf", "not a number that can be used (.inf, .nan, or too large, such as 1e309)"),
        ("amount", ".nan", "not a number that can be used"),
        ("amount", "-.inf", "not a number that can be used"),
        ("amount", "1.0e+309", "not a number that can be used"),
        ("amount", "1e309", "not a number that can be used"),
        ("amount", "-1", "too small"),
        ("amount", "1.0e+300", "amount 1e+300 is more than"),
    ],
    ids=["inf", "nan", "minus-inf", "float-overflow", "text-overflow", "negative", "beyond-its-unit"],
)
def test_a_requirement_value_that_is_no_usable_number_is_located(data, capsys, field, literal, message):
    index = _requirement_with_value(data)
    line = set_in_policy(data, ("requirements", index, "value", field), literal)
    if message.startswith("amount "):  # a check of amount and unit together: on the value's line
        line = read_yaml(data / POLICY).line_of(("requirements", index, "value"))
    code, printed = validate(data, capsys)
    assert code == 1
    where = f"{POLICY}:{line}: requirements[{index}].value"
    assert any(row.startswith(where) and message in row for row in printed.splitlines()), printed


@pytest.mark.parametrize(
    ("loc", "literal", "message"),
    [
        (("contract_periods", 0, "duration_years"), ".inf", "not a number that can be used"),
        (("contract_periods", 0, "duration_years"), "1000", "too large"),
        (("changes", 0, "against_year"), "1" + "0" * 30, "too large"),
        (("year",), "99999", "too large"),
        (("timeline", 0, "date"), "9999-12-31", "date 9999-12-31 is outside 2000-2100"),
        (("contacts", 0, "answer_working_days"), "100000", "too large"),
    ],
    ids=["infinite-duration", "thousand-years", "huge-against-year", "year-99999", "day-in-9999", "answer-days"],
)
def test_durations_years_and_days_out_of_range_are_located(data, capsys, loc, literal, message):
    line = set_in_policy(data, loc, literal)
    code, printed = validate(data, capsys)
    assert code == 1
    path = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if n else p) for n, p in enumerate(loc))
    assert any(row.startswith(f"{POLICY}:{line}: {path}") and message in row for row in printed.splitlines()), printed


@pytest.mark.parametrize("character", ["\u202e", "\u200b", "\u2066", "\ufeff"], ids=["rlo", "zwsp", "lri", "bom"])
def test_bidi_and_zero_width_characters_in_names_are_refused(data, capsys, character):
    path = data / "insurers.yaml"
    insurers = yaml.safe_load(path.read_text(encoding="utf-8"))
    insurers["insurers"][0]["short_name"] = f"V{character}GZ"
    path.write_text(yaml.safe_dump(insurers, allow_unicode=True, sort_keys=False), encoding="utf-8")
    line = read_yaml(path).line_of(("insurers", 0, "short_name"))
    code, printed = validate(data, capsys)
    assert code == 1
    assert (f"insurers.yaml:{line}: insurers[0].short_name: text holds the invisible character "
            f"U+{ord(character):04X}") in printed, printed


# --------------------------------------------------------------------------- the calendar


def write_calendar(folder, edit) -> int | None:
    """Apply ``edit`` to the calendar's data and write it back; returns the line of milestone 0's day."""
    path = folder / CALENDAR_FILE
    calendar = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(calendar)
    path.write_text(yaml.safe_dump(calendar, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return read_yaml(path).line_of(("milestones", 0, "day"))


def _day(month: int, day: int):
    def edit(calendar):
        calendar["milestones"][0].update(month=month, day=day)
    return edit


@pytest.mark.parametrize(
    ("month", "day", "message"),
    [
        (2, 31, "31 February does not exist"),
        (4, 31, "31 April does not exist"),
        (2, 29, "29 February is not in every year"),
    ],
)
def test_an_impossible_calendar_day_is_located(data, capsys, month, day, message):
    line = write_calendar(data, _day(month, day))
    code, printed = validate(data, capsys)
    assert code == 1
    assert f"calendar.yaml:{line}: milestones[0].day: {message}" in printed, printed
    assert load_calendar(data) is None  # the app goes on without it


def test_a_calendar_with_a_syntax_error_is_no_longer_ok(data, capsys):
    (data / CALENDAR_FILE).write_text("rule:\n  general_knowledge: [x\nmilestones: []\n", encoding="utf-8")
    code, printed = validate(data, capsys)
    assert code == 1
    assert "calendar.yaml:3: (file): YAML syntax error" in printed, printed


def test_a_calendar_citing_an_unknown_document_or_lacking_publication_is_located(data, capsys):
    def edit(calendar):
        calendar["milestones"][1]["sources"][0]["document"] = "nergens_2099"
        calendar["milestones"][0]["id"] = "published"
    write_calendar(data, edit)
    line = read_yaml(data / CALENDAR_FILE).line_of(("milestones", 1, "sources", 0, "document"))
    code, printed = validate(data, capsys)
    assert code == 1
    assert "calendar.yaml:" in printed and "the milestone 'policy_published' (publication of the policy) is missing" in printed
    # The reference check needs a calendar that validates: fix the id and look again.
    write_calendar(data, lambda c: c["milestones"][0].update(id="policy_published"))
    code, printed = validate(data, capsys)
    assert f"calendar.yaml:{line}: milestones[1].sources[0].document: unknown source document 'nergens_2099'" in printed


def test_a_missing_calendar_is_reported(data, capsys):
    (data / CALENDAR_FILE).unlink()
    code, printed = validate(data, capsys)
    assert code == 1
    assert "calendar.yaml: (file): file is missing" in printed
