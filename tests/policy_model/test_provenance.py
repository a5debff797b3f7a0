"""Every fact carries a source that exists, and nothing in the catalogue is an orphan."""

from __future__ import annotations

from policy_model.facts import all_facts
from policy_model.walk import iter_sources


def _all_sources(cat):
    roots = [cat.sources, cat.insurers, cat.programmes, cat.registries, cat.glossary, cat.policies]
    found = [s for root in roots for _, s in iter_sources(list(root))]
    if cat.guidance:
        found += [s for _, s in iter_sources(cat.guidance)]
    return found


def test_the_dataset_loads_without_problems(load_result):
    assert load_result.ok, "\n".join(str(p) for p in load_result.problems)


def test_every_fact_row_has_exactly_one_source_and_every_source_is_a_fact(cat):
    facts = all_facts(cat)
    assert len(facts) == len(_all_sources(cat))
    assert all(f.document and f.section and f.quote for f in facts)


def test_every_cited_document_is_a_listed_source(cat):
    known = {s.id for s in cat.sources}
    assert {s.document for s in _all_sources(cat)} <= known


def test_every_source_document_is_cited(cat):
    cited = {s.document for s in _all_sources(cat)}
    assert cited == {s.id for s in cat.sources}


def test_every_programme_is_named_by_some_policy(cat):
    used = {p.programme for policy in cat.policies for p in policy.programmes}
    assert used == {p.id for p in cat.programmes}


def test_every_registry_is_used_by_a_policy_or_described_by_a_source(cat):
    used = {r.registry for policy in cat.policies for r in policy.registries}
    used |= {reg for policy in cat.policies for req in policy.requirements for reg in req.registries}
    orphans = [r.id for r in cat.registries if r.id not in used and not r.facts]
    assert not orphans, f"registries neither used nor described: {orphans}"


def test_every_insurer_has_at_least_one_full_policy(cat):
    for insurer in cat.insurers:
        assert any(p.insurer == insurer.id and not p.partial for p in cat.policies), insurer.id


def test_partial_policies_are_derived_from_a_later_document(cat):
    for policy in cat.policies:
        if policy.partial:
            years = {cat.source(d).policy_year for d in policy.documents}
            assert all(y is None or y > policy.year for y in years), policy.key
