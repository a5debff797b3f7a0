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


def test_a_summary_that_names_no_register_does_not_differ_in_registers(cat):
    # CZ 2024 is a summary page (coverage "general"): §2.1 asks a register "door CZ groep
    # erkend" without naming one; CZ 2027 §2.1.1 names KABIZ, BLCN, IRF/KFIR and KP. Its
    # silence on which registers is not a different set of registers.
    summary, full = cat.policy("cz", 2024), cat.policy("cz", 2027)
    for role in (None, "coach", "individual_coach"):
        row = {r.topic: r for r in requirement_matrix([summary, full], role)}["quality_register"]
        assert not row.cells[summary.key].settles and row.cells[full.key].settles
        assert "registers" not in row.differences
        assert row.differences == ["tekst"]  # the sentences themselves do differ


def test_what_a_summary_names_beyond_a_full_list_is_a_difference(cat):
    # The other way round: a summary naming a register the full document's complete list
    # lacks does differ; a full list holding the summary's names does not.
    from dataclasses import replace

    summary, full = cat.policy("cz", 2024), cat.policy("cz", 2027)
    row = {r.topic: r for r in requirement_matrix([summary, full])}["quality_register"]
    stated = row.cells[summary.key].requirements[0]
    for named, differs in ((["kvk"], True), (["kabiz"], False)):
        cell = replace(row.cells[summary.key], requirements=(stated.model_copy(update={"registries": named}),))
        changed = replace(row, cells={summary.key: cell, full.key: row.cells[full.key]})
        assert ("registers" in changed.differences) is differs, named


def test_a_summary_stating_a_topic_for_another_role_does_not_differ_in_whom(cat):
    # CZ 2024 (summary) states social-domain collaboration only for other roles than the
    # individual coach; CZ 2027 states it for that coach. A general text leaving a role out
    # says nothing about that role: "niet overal vermeld", not "voor wie".
    rows = {r.topic: r for r in requirement_matrix([cat.policy("cz", 2024), cat.policy("cz", 2027)],
                                                   "individual_coach")}
    assert rows["contracting"].differences == ["niet overal vermeld"]
    # A full document that states it for another role does differ in whom it asks: VGZ 2024
    # bijlage 2 asks KvK registration of the RHO, CZ 2027 of the individual coach.
    pair = {r.topic: r for r in requirement_matrix([cat.policy("cz", 2027), cat.policy("vgz", 2024)],
                                                   "individual_coach")}
    assert all(c.settles for c in pair["kvk_registration"].cells.values())
    assert pair["kvk_registration"].differences == ["voor wie"]


def test_the_sortable_register_table_says_for_whom_and_where_the_document_names_no_contractant(cat):
    from policy_model.comparison.matrix import registry_rows

    rows = registry_rows(cat, [cat.policy_by_key("cz-2026"), cat.policy_by_key("zz-2024")])
    rivm = [r for r in rows if r["Register"].startswith("GLI-register")]
    assert rivm and rivm[0]["Voor"] == "Individuele coach, Samenwerkingsverband, RHO (het document noemt de contractant niet)"
    assert all("niet" not in r["Voor"] for r in rows if r["Beleid"].startswith("Zorg"))
    assert {r["source"].document for r in rows} == {"cz_gli_2027", "zz_gli_2024"}


def test_a_register_named_only_for_new_providers_says_so(cat):
    # Audit N #35: CZ 2027 §3.3.4 names VECOZO only for a new provider's questionnaire; the registers
    # table, the side-by-side rows and the export read "Verplicht" for every form.
    from policy_model.comparison.matrix import registry_rows
    from policy_model.comparison.text_rows import registry_text_rows
    from policy_model.facts import all_facts

    cz = cat.policy_by_key("cz-2027")
    vecozo = next(r for r in registry_rows(cat, [cz]) if r["Register"] == "VECOZO")
    assert vecozo["Gebruik"] == "Verplicht (genoemd voor nieuwe aanbieders)"
    row = next(r for r in registry_text_rows(cat, [cz, cat.policy_by_key("vgz-2024")]) if r.key == "vecozo")
    assert [e.label for e in row.cells["cz-2027"]] == ["Verplicht (genoemd voor nieuwe aanbieders)"]
    assert all(e.label == "Verplicht" for e in row.cells["vgz-2024"])  # VGZ contracts through VECOZO
    fact = next(f for f in all_facts(cat) if f.kind == "registry" and f.key == "vecozo" and f.year == 2027)
    assert fact.text.startswith("Verplicht (genoemd voor nieuwe aanbieders): ")
