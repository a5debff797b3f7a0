"""The side-by-side requirement matrix: "verschilt" means the policies say something different."""

from __future__ import annotations

from policy_model.comparison.matrix import requirement_matrix, requirement_rows


def test_the_quality_register_row_differs_because_the_accepted_registers_differ(cat):
    # CZ 2027 §2.1.1 accepts KABIZ (incl. BLCN), IRF/KFIR and KP; VGZ 2024 bijlage 2 asks BLCN
    # or a register with the aantekening leefstijlcoach; ZZ 2024 §5.1 BLCN, or CKR/KP for
    # fysiotherapeuten, oefentherapeuten and diëtisten.
    policies = [cat.policy("cz", 2027), cat.policy("vgz", 2024), cat.policy("zz", 2024)]
    rows = {r.topic: r for r in requirement_matrix(policies)}
    row = rows["quality_register"]
    assert row.differs
    assert "registers" in row.differences


def test_only_differing_topics_keeps_the_quality_register_row(cat):
    policies = [cat.policy("cz", 2027), cat.policy("vgz", 2024), cat.policy("zz", 2024)]
    differing = [r.topic for r in requirement_matrix(policies) if r.differs]
    assert "quality_register" in differing


def test_a_stated_topic_against_a_silent_one_differs(cat):
    rows = {r.topic: r for r in requirement_matrix([cat.policy("cz", 2027), cat.policy("zz", 2024)], role="individual_coach")}
    kvk = rows["kvk_registration"]
    assert kvk.differences == ["niet overal vermeld"]
    assert kvk.cells["cz-2027"].stated and not kvk.cells["zz-2024"].stated


def test_a_policy_beside_itself_differs_nowhere(cat):
    policy = cat.policy("cz", 2027)
    rows = requirement_matrix([policy, policy])
    assert rows and not [r.topic for r in rows if r.differs]


def test_rows_with_a_minimum_requirement_come_before_rows_with_only_expectations(cat):
    rows = requirement_matrix([cat.policy("cz", 2027)])
    weights = [min(("minimum", "exclusion", "obligation", "expectation").index(r.force)
                   for c in row.cells.values() for r in c.requirements) for row in rows]
    assert weights == sorted(weights)
    assert weights[0] == 0


def test_role_filter_keeps_coach_requirements_for_organisations(cat):
    topics = {r.topic for r in requirement_matrix([cat.policy("zz", 2024)], role="msv")}
    assert "intake_response" in topics  # a requirement on the coach, agreed via the msv


def test_the_long_list_names_the_force_of_each_requirement(cat):
    rows = requirement_rows(cat, [cat.policy("cz", 2027)])
    assert {r["Soort eis"] for r in rows} >= {"Minimumeis", "Uitsluitingsgrond", "Verwachting"}
