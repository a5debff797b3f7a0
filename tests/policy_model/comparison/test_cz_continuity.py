"""CZ 2024 → 2027, statement by statement against the two documents (audit H).

Where the 2027 policy says what the 2024 page said (the coach as the RHO's subcontractor, the
RHO's coordinating role in the chain, the coach as the link between care and the social domain),
the 2027 record states it too, under the same identity, so that the comparison matches the two
and the Contractvoorwaarden page shows the 2027 words instead of "Niet vermeld" or "Alleen voor
…" beside the 2024 sentence.
"""

from __future__ import annotations

import pytest

from policy_model.comparison.diff import diff_policies
from policy_model.comparison.matching import match_statements
from policy_model.comparison.text_rows import requirement_text_rows
from policy_model.vocab import is_open_wording


def _by_old_id(cat):
    old, new = cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027")
    pairs = match_statements([*old.requirements, *old.provisions], [*new.requirements, *new.provisions],
                             use_identity=True)
    return {p.old.id: p for p in pairs if p.old is not None}


@pytest.mark.parametrize(("old_id", "quote"), [
    # 2024 §2.1 "De leefstijlcoach fungeert hierbij als onderaannemer." /
    # 2027 §2.2 Contractering RHO's.
    ("coach_as_subcontractor_of_rho", "De leefstijlcoach levert de zorg als onderaannemer van de RHO."),
    # 2024 §2.1 "De RHO zorgt onder andere voor ... de afstemming én samenwerking binnen de keten en
    # met andere domeinen" / 2027 §2.2 Contractering RHO's.
    ("rho_chain_coordination", "een coördinerende rol en zijn de verbindende schakel tussen de zorg en het sociaal domein"),
    # 2024 §2.1 "de leefstijlcoach ... legt de verbinding tussen de zorg en het sociaal domein" /
    # 2027 §2.1.1 Eigen regie, ketensamenwerking en doorstroom.
    ("coach_links_care_and_social_domain", "de verbindende schakel vormen tussen de eerstelijnszorg, het sociaal domein"),
])
def test_a_2024_statement_the_2027_document_repeats_is_matched_by_identity(cat, old_id, quote):
    pair = _by_old_id(cat)[old_id]
    assert pair.new is not None and pair.by == "identity", old_id
    assert quote in pair.new.source.quote
    assert pair.new.source.document == "cz_gli_2027"


def test_the_comparison_does_not_call_a_repeated_2024_statement_only_mentioned_in_2024(cat):
    old, new = cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027")
    items = {i.key: i for i in diff_policies(cat, old, new).items if i.kind == "requirement"}
    for old_id in ("coach_as_subcontractor_of_rho", "rho_chain_coordination", "coach_links_care_and_social_domain"):
        found = [i for i in items.values() if i.matched and old_id in i.key]
        assert found, old_id


@pytest.mark.parametrize(("role", "topic"), [
    # The coach reads the 2027 sentence on being the RHO's subcontractor, not "Alleen voor RHO, ...".
    ("coach", "subcontractors"),
    # ... and on being the link between care and the social domain.
    ("coach", "social_domain_collaboration"),
    # The RHO reads 2027 §2.2 on its coordinating role, not "Niet vermeld in het beleid".
    ("rho", "multidisciplinary_agreements"),
    (None, "multidisciplinary_agreements"),
])
def test_contractvoorwaarden_shows_the_2027_words_where_the_document_speaks(cat, role, topic):
    policies = [cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027")]
    row = next(r for r in requirement_text_rows(policies, role) if r.key == topic)
    cell = row.cells["cz-2027"]
    assert cell and all(e.is_statement for e in cell), [(e.kind, e.text) for e in cell]
    assert "voor wie" not in row.differences


def test_a_list_the_2024_page_gives_by_example_stays_open_in_our_words(cat):
    # 2024 §2.1: "Diverse factoren zijn van invloed ... zoals lichaamsbeweging, voeding, ..." and
    # "Denk daarbij aan de huisarts en een leefstijlcoach, maar ook professionals uit het sociaal
    # domein, zoals ...": both lists are examples; our sentence had closed them in brackets.
    provision = next(p for p in cat.policy_by_key("cz-2024").provisions if p.id == "lifestyle_factors_expertise")
    assert "zoals lichaamsbeweging" in provision.source.quote
    assert is_open_wording(provision.text)
    assert provision.text.count("zoals") >= 2


def test_one_sentence_quoted_by_the_derived_2026_record_and_by_2027_reads_the_same(cat):
    # CZ 2027 §2.1.1 "Deze landelijke monitoring en het bijbehorende GLI- register zijn in 2026
    # beëindigd" is the source of both records' provision: the same sentence in our own words
    # twice ("beëindigd" / "gestopt") made the comparison call it "Anders verwoord".
    old, new = cat.policy_by_key("cz-2026"), cat.policy_by_key("cz-2027")
    items = [i for i in diff_policies(cat, old, new).items if i.kind == "provision"]
    assert not [i for i in items if i.cls == "reworded"], [(i.key, i.before, i.after) for i in items if i.cls == "reworded"]
    (before,) = [p for p in old.provisions if p.id == "rivm_monitoring_ended"]
    (after,) = [p for p in new.provisions if p.id == "rivm_monitoring_ended"]
    assert before.source.quote == after.source.quote and before.text == after.text


@pytest.mark.parametrize("old_id", ["gli_definition", "integral_approach_added_value"])
def test_two_descriptions_of_the_gli_in_other_words_are_not_called_changed(cat, old_id):
    # CZ 2027 §2.1 describes the GLI and its added value in other words than the 2024 page. Matched,
    # they read as "Gewijzigd"; with the page's provisions "general", every provision on the topic
    # "worked out" the page's sentences (audit J #3, #4). So each stays its own: mentioned in one
    # document, no change.
    items = [i for i in diff_policies(cat, cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027")).items
             if i.key.split("@")[0] == old_id]
    # CZ 2027 has sentences of its own on the social domain (not on the catch-all topic "other").
    expected = "other_words" if old_id == "integral_approach_added_value" else "silent"
    assert items and all(i.cls == "only_in_from" and i.other_side == expected for i in items), \
        [(i.key, i.cls, i.other_side) for i in items]
