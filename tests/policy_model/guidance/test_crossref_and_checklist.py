"""Cross-references from the handreiking to the policies, and the checklist export."""

from __future__ import annotations

import datetime as dt

from policy_model.guidance.checklist import checklist_csv, checklist_html, parse_checklist_csv
from policy_model.guidance.crossref import guidance_end_year, later_changes, tariff_crossrefs, task_crossrefs
from policy_model.vocab import FORCE_LABELS, PARTICIPANT_FORCE_LABELS


def _task(cat, topic):
    return next(t for theme in cat.guidance.themes for t in theme.tasks if topic in t.related_topics)


def test_the_handreiking_has_five_themes_and_fourteen_tasks(cat):
    assert len(cat.guidance.themes) == 5
    assert sorted(t.number for th in cat.guidance.themes for t in th.tasks) == list(range(1, 15))
    assert [f.id for f in cat.guidance.organisation_forms] == ["A", "B", "C"]


def test_a_contracting_task_lists_each_insurers_routes_and_channels(cat):
    refs = task_crossrefs(cat, _task(cat, "application"))
    kinds_by_policy = {}
    for ref in refs:
        kinds_by_policy.setdefault(ref.policy_key, set()).add(ref.kind)
    assert "Contracteerroute" in kinds_by_policy["cz-2027"]
    assert "Aanvragen" in kinds_by_policy["vgz-2024"]
    assert all(ref.source.quote for ref in refs)


def test_a_social_domain_task_shows_the_social_domain_requirements(cat):
    refs = task_crossrefs(cat, _task(cat, "social_domain_collaboration"))
    # A requirement's kind is its force, not a plain "Eis" (which read every expectation as a demand).
    social = [r for r in refs if r.topic == "social_domain_collaboration" and r.kind in FORCE_LABELS.values()]
    assert {r.policy_key for r in social} >= {"cz-2027", "zz-2024"}


def test_a_requirement_beside_a_task_is_labelled_with_its_own_force(cat):
    # Audit C: "Eis" beside an expectation ("wij stimuleren", "bij voorkeur") turned it into a
    # demand. Every requirement shown with a task carries the label of its recorded force.
    by_text = {}
    for theme in cat.guidance.themes:
        for task in theme.tasks:
            for ref in task_crossrefs(cat, task):
                if ref.kind not in {"Contracteerroute", "Aanvragen", "Tarief", "Bepaling"}:
                    by_text[(ref.policy_key, ref.text)] = ref.kind
    assert "Eis" not in by_text.values()
    checked = 0
    for policy in cat.policies_for():
        for req in policy.requirements:
            if (policy.key, req.text) in by_text:
                labels = PARTICIPANT_FORCE_LABELS if req.kind == "participant" else FORCE_LABELS
                assert by_text[(policy.key, req.text)] == labels[req.force]
                checked += 1
    expectations = [k for k in by_text.values() if k == FORCE_LABELS["expectation"]]
    assert checked > 20 and expectations  # real records, and some of them are only expectations


def test_max_max_financing_links_to_the_insurers_that_state_it(cat):
    example = next(f for f in cat.guidance.financing_examples if f.related_tariff == "max_max")
    refs = tariff_crossrefs(cat, example)
    by_policy = {r.policy_key: r.text for r in refs}
    assert "Nee" in by_policy["zz-2024"] and "Ja" in by_policy["zz-2023"]


def test_changes_after_the_handreiking_are_flagged(cat):
    assert guidance_end_year(cat.guidance.period) == 2022
    changes = later_changes(cat, ["tariff"])
    assert any(c.policy_key == "zz-2024" for c in changes)
    assert later_changes(cat, []) == []


def test_the_exported_checklist_parses_back_to_the_answers_given(cat):
    checklist = cat.guidance.checklist
    first, second = checklist.items[0], checklist.items[1]
    answers = {first.id: checklist.answer_options[0], second.id: checklist.answer_options[1]}
    notes = {first.id: "Afspraak met gemeente; Ede"}
    data = checklist_csv(checklist, answers, notes, "Regio Test")
    region, back, back_notes, problems = parse_checklist_csv(data, checklist)
    assert (region, back, back_notes, problems) == ("Regio Test", answers, notes, [])
    html = checklist_html(checklist, answers, notes, "<script>x</script>", dt.date(2026, 11, 23))
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html


def test_a_foreign_file_is_not_taken_for_a_checklist(cat):
    region, answers, notes, problems = parse_checklist_csv(b"a;b;c\n1;2;3\n", cat.guidance.checklist)
    assert not answers and problems
