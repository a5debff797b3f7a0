"""Glossary lines that say no more than their sources (audit C, notes/AUDIT_C.md).

Each test reads the real glossary and checks a line the audit found saying more than, or
other than, the document it cites, and the tooltip that the pages build from it.
"""

from __future__ import annotations

from policy_model.glossary import terms_in


def _term(cat, term_id: str):
    return next(t for t in cat.glossary if t.id == term_id)


def test_the_gli_target_group_needs_an_extra_risk_factor_with_overweight(cat):
    # Handreiking, Aanleiding: "volwassenen met overgewicht en een extra risicofactor ... en
    # volwassenen met obesitas" – not every adult with overweight.
    text = _term(cat, "gli").explanation
    assert "overgewicht of obesitas" not in text
    assert "extra risicofactor" in text


def test_the_gli_plus_differs_in_length_and_intensity_without_saying_which_way(cat):
    # "verschilt in duur en intensiteit ten opzichte van een GLI basis"
    text = _term(cat, "gli_plus").explanation
    assert "Langere en intensievere" not in text and "verschilt" in text


def test_gli_op_maat_is_cz_groeps_ambition_not_what_every_insured_gets(cat):
    # CZ 2027 §2.1: "De ambitie is om toe te werken naar een ‘GLI op maat’, waarbij iedere
    # verzekerde toegang heeft tot een interventie ..."
    text = _term(cat, "gli_op_maat").explanation
    assert "een interventie krijgt" not in text and "Ambitie" in text


def test_the_poh_ggz_is_not_explained_as_the_gps_referring_assistant(cat):
    # The POH GGZ is where one may first refer on a suspicion of psychological problems
    # (handreiking, Taak Bepaal of GLI het beste aanbod is), not the POH who refers to the GLI.
    assert "POH GGZ" not in _term(cat, "poh").aliases
    found = [t.id for t in terms_in("verwijs eerst naar de POH GGZ", cat.glossary)]
    assert "poh_ggz" in found
    assert "psycholoog" in _term(cat, "poh_ggz").explanation


def test_a_neighbourhood_sports_coach_is_not_called_a_municipal_official(cat):
    # The handreiking says only that working with them "kan vaak via de gemeente worden bekostigd".
    text = _term(cat, "buurtsportcoach").explanation
    assert "Gemeentelijke functionaris" not in text and "kan vaak via de gemeente" in text


def test_the_coordinator_links_the_stakeholders_the_handreiking_names(cat):
    # "spil tussen de verschillende stakeholders, waaronder de GLI-aanbieder, zorggroep of
    # samenwerkingsverband, de gemeente en het sociale domein" – referrers are not in that list.
    assert "verwijzers" not in _term(cat, "gli_coordinator").explanation


def test_gps_often_already_use_zorgdomein(cat):
    # "huisartsen vaak al gebruik maken van dit systeem"
    assert "vaak al" in _term(cat, "zorgdomein").explanation


def test_the_oi_max_max_caveat_is_about_zorggroepen(cat):
    # "Vanwege het recht op O&I komen zorggroepen vaak niet in aanmerking voor het max-max tarief."
    text = _term(cat, "o_en_i").explanation
    assert "wie O&I krijgt" not in text and "zorggroepen" in text


def test_lines_the_audit_left_for_a_second_pass_say_no_more_than_their_source(cat):
    # Audit C #37/#38: each said something its cited passage does not.
    said_more = {
        "gala": "ketenaanpak",  # CZ 2024's web page says that, not the handreiking's footnote
        "max_max_tarief": "Verhoogd",  # no source defines it as a raised maximum
        "basis_onderhoudsprogramma": "per kwartaal",  # the handreiking's fee phases, not CZ's programme
        "eerste_lijn": "ziekenhuis",
        "ketenzorg": "RHO",
        "intervisie": "verwijzers",
    }
    for term_id, words in said_more.items():
        term = _term(cat, term_id)
        assert words not in term.explanation, term_id
    # "behandelfase" is the handreiking's fee phase; no source equates it with the basisprogramma.
    assert "behandelfase" not in _term(cat, "basis_onderhoudsprogramma").aliases


def test_gli_basis_is_not_called_less_intensive_than_the_gli_plus(cat):
    # "De GLI-plus ... verschilt in duur en intensiteit ten opzichte van een GLI basis": the
    # handreiking does not say which way, so neither term may ("de intensievere GLI-plus" did).
    assert "intensiever" not in _term(cat, "gli_basis").explanation
    assert "CooL" in _term(cat, "gli_basis").explanation  # what the cited sentence names
