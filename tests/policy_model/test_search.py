"""Search: every word, case and accents aside; ranked; and where in a text it was found."""

from __future__ import annotations

from policy_model.facts import all_facts
from policy_model.search import match_spans, search_facts


def _marked(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in match_spans(text, query)]


def test_the_words_are_marked_where_they_stand_in_the_text_itself():
    text = "De Diëtist en de DIETIST werken samen met de ﬁetscoach."
    assert _marked(text, "dietist") == ["Diëtist", "DIETIST"]
    assert _marked(text, "diëtist samen") == ["Diëtist", "DIETIST", "samen"]
    assert _marked(text, "fiets") == ["ﬁets"]  # a ligature is two letters of the folded text
    assert _marked("sociaal domein", "sociaal domein") == ["sociaal", "domein"]
    assert _marked("sociaaldomein", "sociaal domein") == ["sociaaldomein"]  # touching marks merge
    assert _marked(text, "e") == []  # one letter would mark half the text


def test_results_found_in_our_own_text_come_first_and_say_so(cat):
    hits = search_facts(all_facts(cat), "intervisie")
    own = [hit.in_own_text for hit in hits]
    assert own == sorted(own, reverse=True) and True in own and False in own
    for hit in hits:
        assert ("intervisie" in hit.fact.text.lower()) == hit.in_own_text
        assert "intervisie" in " ".join([hit.fact.text, hit.fact.key, hit.fact.quote, hit.fact.section]).lower()


def test_a_hit_found_only_by_its_key_or_topic_is_not_called_found_in_the_text(cat):
    # Audit G #4: ZZ 2024's provision aanbod_op_ondernemingsniveau (topic vecozo) has no "VECOZO"
    # in its text; the result showed no mark and no note.
    hits = {hit.fact.key: hit for hit in search_facts(all_facts(cat), "VECOZO")}
    hit = hits["aanbod_op_ondernemingsniveau"]
    assert "vecozo" not in hit.fact.text.lower() and not hit.in_own_text


def test_a_repeated_word_is_searched_once(cat):
    facts = all_facts(cat)
    assert search_facts(facts, "zorg " * 50) == search_facts(facts, "zorg")


def test_an_abbreviation_is_found_as_a_word_and_a_longer_word_inside_compounds(cat):
    # LOOK O #2: "AGB" found and marked "vraagbaak" (vra·agb·aak) among its 22 results.
    hits = search_facts(all_facts(cat), "AGB")
    assert hits and all("vraagbaak" not in h.fact.text.lower() or "agb" in h.fact.text.lower().replace("vraagbaak", "")
                        for h in hits)
    assert match_spans("De vraagbaak vraagt een AGB-code.", "agb") == [(24, 27)]
    assert match_spans("kwaliteitsregister", "register") == [(10, 18)]
    assert any("kwaliteitsregister" in h.fact.text.lower() for h in search_facts(all_facts(cat), "register"))
