"""The computed comparison of two policies, independent of Streamlit."""

from __future__ import annotations

from policy_model.comparison.diff import diff_policies
from policy_model.comparison.matrix import requirement_matrix


def _find(diff, section, subject):
    return [i for i in diff.section(section) if i.subject == subject]


def test_vgz_2023_to_2024_shows_x_fittt_now_bought(cat):
    diff = diff_policies(cat, cat.policy("vgz", 2023), cat.policy("vgz", 2024))
    (item,) = _find(diff, "programmes", "X-Fittt")
    assert item.after == "Ingekocht" and item.after_sources


def test_cz_2024_to_2027_adds_kd2o_and_run_off_agreements(cat):
    diff = diff_policies(cat, cat.policy("cz", 2024), cat.policy("cz", 2027))
    assert _find(diff, "programmes", "Keer Diabetes2 Om")[0].kind == "added"
    assert _find(diff, "routes", "Uitloopovereenkomst")[0].kind == "added"


def test_zz_2023_to_2024_loses_the_max_max_tariff(cat):
    diff = diff_policies(cat, cat.policy("zz", 2023), cat.policy("zz", 2024))
    (item,) = _find(diff, "tariffs", "Max-max tarief")
    assert item.kind == "changed" and item.before == "Ja" and item.after == "Nee"


def test_a_policy_compared_with_itself_has_no_differences(cat):
    policy = cat.policy("cz", 2027)
    assert diff_policies(cat, policy, policy).items == ()


def test_two_insurers_in_one_year_differ_in_programmes_and_routes(cat):
    diff = diff_policies(cat, cat.policy("cz", 2024), cat.policy("zz", 2024))
    assert diff.section("programmes") and diff.section("routes")
    assert all(i.before_sources or i.after_sources for i in diff.items)


def test_requirement_matrix_marks_a_stated_topic_against_a_silent_one_as_different(cat):
    rows = requirement_matrix([cat.policy("cz", 2027), cat.policy("zz", 2024)], role="individual_coach")
    by_topic = {r.topic: r for r in rows}
    kvk = by_topic["kvk_registration"]
    assert kvk.differs
    assert kvk.cells["cz-2027"].stated and not kvk.cells["zz-2024"].stated


def test_role_filter_keeps_coach_requirements_for_organisations(cat):
    rows = requirement_matrix([cat.policy("zz", 2024)], role="msv")
    topics = {r.topic for r in rows}
    assert "intake_response" in topics  # a requirement on the coach, agreed via the msv
