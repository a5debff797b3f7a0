"""The facts every export and Zoeken are made of: their kinds, in words, on a page."""

from __future__ import annotations

from policy_model.facts import FACT_KIND_LABELS, KIND_PAGE, all_facts, fact_kind_label
from policy_model.vocab import FORCE_LABELS, PARTICIPANT_FORCE_LABELS


def test_every_kind_of_fact_has_words_and_a_page(cat):
    kinds = {f.kind for f in all_facts(cat)}
    assert kinds - {"programme_fact", "registry_fact", "insurer_entity", "glossary", "guidance"} <= set(KIND_PAGE)
    assert kinds <= set(FACT_KIND_LABELS)  # Zoeken showed "requirement_listing" and the like as ids


def test_a_requirement_is_named_by_its_force_and_taking_part_is_no_provider_requirement(cat):
    # Audit C #40: Zoeken called every requirement "Eis", an insurer's expectation included.
    facts = {(f.insurer, f.year, f.key): f for f in all_facts(cat) if f.kind in ("requirement", "participant")}
    for policy in cat.policies:
        for r in policy.requirements:
            fact = facts[(policy.insurer, policy.year, r.id)]
            label = fact_kind_label(fact)
            assert fact.kind == ("participant" if r.kind == "participant" else "requirement")
            assert label == (PARTICIPANT_FORCE_LABELS if r.kind == "participant" else FORCE_LABELS)[r.force]
    labels = {fact_kind_label(f) for f in all_facts(cat) if f.kind == "requirement"}
    assert {"Minimumeis", "Verwachting"} <= labels and "Eis" not in labels
    assert "Voorwaarde voor deelname" in {fact_kind_label(f) for f in all_facts(cat) if f.kind == "participant"}


def test_a_fact_says_where_its_document_names_no_contractant(cat):
    # Audit H #7: the roles of cz-2026's RIVM requirement are the forms it may concern.
    unnamed = {(f.insurer, f.year, f.kind, f.key) for f in all_facts(cat) if not f.roles_stated}
    assert unnamed == {("cz", 2026, "requirement", "rivm_indicator_registration"),
                       ("cz", 2026, "registry", "rivm_gli_register")}
