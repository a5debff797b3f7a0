"""The timeline chart's layout (pure): rows per record, markers in lanes within their
record's process row, nothing drawn for records without dates."""

from __future__ import annotations

import datetime as dt

from policy_model.calendar import GenericMilestone
from policy_model.timeline import (
    LaneGeometry,
    all_events,
    lanes,
    period_rows,
    running_since,
    timeline_layout,
    undated_periods,
)

NOW = dt.date(2026, 12, 2)
SHAPE = LaneGeometry(marker_px=17, unit_px=46, wrap=24, plot_px=450)


def _layout(cat, keys, general=()):
    policies = [cat.policy_by_key(k) for k in keys]
    labels = {p.key: cat.policy_label(p) for p in policies}
    names = {i.id: i.short_name for i in cat.insurers}
    return timeline_layout(policies, labels, all_events(cat, policies), period_rows(policies), list(general), names,
                           NOW, SHAPE)


def test_each_records_rows_are_together_named_once_with_its_process_last(cat):
    layout = _layout(cat, ("cz-2027", "vgz-2024", "zz-2024"))
    owners = [row.owner for row in layout.rows]
    assert owners == sorted(owners, key=owners.index)  # contiguous per record, in the chosen order
    assert list(dict.fromkeys(owners)) == ["cz-2027", "vgz-2024", "zz-2024"]
    for key in ("cz-2027", "vgz-2024", "zz-2024"):
        mine = [row for row in layout.rows if row.owner == key]
        assert [bool(row.title) for row in mine] == [True] + [False] * (len(mine) - 1)
        assert mine[-1].kind == "process" and all(row.kind == "period" for row in mine[:-1])
    assert len(layout.boundaries) == 2  # a line between two records
    assert layout.height == sum(row.height for row in layout.rows)


def test_every_period_is_a_bar_on_its_own_row_and_every_dated_event_a_mark(cat):
    layout = _layout(cat, ("cz-2027",))
    policy = cat.policy_by_key("cz-2027")
    assert len(layout.bars) == len(period_rows([policy])) == sum(r.kind == "period" for r in layout.rows)
    assert len(layout.marks) == len(all_events(cat, [policy]))
    named = [" ".join(row.lines) for row in layout.rows if row.kind == "period"]
    # A period that began before the policy year is a running contract, and its row says so (audit
    # E#16: CZ 2027's RHO period "1 januari 2026 – 31 december 2027" read as one still to get).
    assert named[0] == "RHO (loopt al sinds 2026)"
    # A route with two periods gets a row per period, named with its years.
    assert "Uitloopovereenkomst 2026–2027 (loopt al sinds 2026)" in named
    assert "Uitloopovereenkomst 2027–2028" in named and "Individuele leefstijlcoach" in named


def test_only_a_period_that_began_before_its_policy_year_is_called_running(cat):
    rows = [row for row in _layout(cat, ("vgz-2024",)).rows if row.kind == "period"]
    assert rows and not any("loopt al" in " ".join(row.lines) for row in rows)
    # ZZ 2024 gives its periods' length only (5.2): none is a bar, so none can be "running".
    assert not [row for row in _layout(cat, ("zz-2024",)).rows if row.kind == "period"]
    assert len(undated_periods(cat.policy_by_key("zz-2024"))) == 3
    policy = cat.policy_by_key("cz-2027")
    running = {p.label: running_since(p, policy.year) for p in policy.contract_periods}
    assert running["Regionale huisartsenorganisatie (RHO)"] == dt.date(2026, 1, 1)
    assert running["Nieuwe uitloopovereenkomst voor individuele leefstijlcoaches"] is None
    assert running["Overeenkomst voor een nieuwe zorgaanbieder"] is None  # no start day: never "running"


def test_marks_stay_inside_their_process_row_and_close_ones_take_separate_lanes(cat):
    layout = _layout(cat, ("cz-2027", "vgz-2024"))
    rows = {row.owner: row for row in layout.rows if row.kind == "process"}
    for event, y in layout.marks:
        row = rows[event.policy_key]
        assert row.top < y < row.top + row.height
    for n, (event, y) in enumerate(layout.marks):
        for other, y2 in layout.marks[:n]:
            if other.policy_key == event.policy_key and abs((other.date - event.date).days) <= 3:
                assert y != y2


def test_the_general_calendar_gets_a_row_per_insurer_after_the_records(cat):
    source = cat.policy_by_key("cz-2027").timeline[0].source
    general = [GenericMilestone("cz", 2025, dt.date(2024, 4, 1), "Publicatie zorginkoopbeleid", source),
               GenericMilestone("cz", 2025, dt.date(2024, 11, 12), "Publicatie gecontracteerd aanbod", source)]
    layout = _layout(cat, ("cz-2027",), general)
    assert layout.rows[-1].kind == "general" and layout.rows[-1].title == "CZ"
    assert {y for _, y in layout.general} == {layout.rows[-1].centre}


def test_a_record_without_dates_or_periods_draws_nothing(cat):
    assert _layout(cat, ("cz-2023",)) is None


def test_lanes_pack_markers_into_the_fewest_lanes():
    days = [dt.date(2026, 9, 30), dt.date(2026, 10, 1), dt.date(2026, 10, 2), dt.date(2026, 12, 1)]
    assert lanes(days, close_days=10) == [0, 1, 2, 0]
    assert lanes([], close_days=10) == []
