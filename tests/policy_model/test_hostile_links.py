"""Old links and link values a visitor (or a crafted address) brings: a notice that names a
few of them shortly, never an error."""

from __future__ import annotations

import pytest

from policy_model.comparison.selection import (
    MAX_LINK_VALUE_CHARS,
    default_keys,
    from_old_link,
    link_year,
    parse_keys,
)


@pytest.mark.parametrize("value", ["²", "٢٠٢٤", "2024²", "9" * 5000, "-2024", " 2024x", "", "0x7e8"])
def test_a_year_in_a_link_is_four_ascii_digits_or_nothing(value):
    assert link_year(value) is None


def test_a_real_year_is_read():
    assert link_year("2024") == 2024 and link_year(" 2027 ") == 2027


@pytest.mark.parametrize("year", ["²", "9" * 5000, "٢٠٢٤"], ids=["superscript-two", "5000-digits", "arabic-digits"])
def test_an_old_link_with_an_impossible_year_is_a_notice(cat, year):
    chosen = from_old_link(cat, ["VGZ"], [year])
    assert [cat.policy_by_key(k).insurer for k in chosen.keys] == ["vgz"] * len(chosen.keys) and chosen.keys
    assert len(chosen.notices) == 1
    notice = chosen.notices[0]
    assert notice.startswith("De link bevatte onderdelen die niet (meer) bestaan en zijn genegeerd: ‘")
    assert len(notice) < 200


def test_a_notice_repeats_a_few_values_each_shortened(cat):
    values = ["X" * 100_000, *[f"onbekend{n}" for n in range(50)]]
    chosen = parse_keys(cat, values)
    assert chosen.keys == tuple(default_keys(cat))
    notice = chosen.notices[0]
    assert f"‘{'X' * (MAX_LINK_VALUE_CHARS - 1)}…’" in notice and "en 46 meer" in notice
    assert len(notice) < 400
    old = from_old_link(cat, values, ["9" * 5000])
    assert "en 47 meer" in old.notices[0] and len(old.notices[0]) < 400
