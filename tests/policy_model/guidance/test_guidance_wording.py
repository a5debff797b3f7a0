"""The handreiking's own wording, kept: what it says "kan", "bij voorkeur" or by example stays so.

An audit against zonmw-handreiking-gli.txt (notes/AUDIT_C.md) found texts that said more than
the document: a "kan" turned into a fact, a "bij voorkeur" dropped, a list given by example
("bijvoorbeeld", "taken als", "Voorbeelden van taken") closed. Each test reads the real record
and checks both that the document's softer word is there and that the stronger one is gone.
"""

from __future__ import annotations

import pytest


def _tasks(cat):
    return {task.number: task for theme in cat.guidance.themes for task in theme.tasks}


def _experience(cat, number: int, quote_part: str):
    matches = [n for n in _tasks(cat)[number].experiences if quote_part in n.source.quote]
    assert len(matches) == 1, quote_part
    return matches[0]


def _fact(cat, quote_part: str):
    matches = [f for f in cat.guidance.facts if quote_part in f.source.quote]
    assert len(matches) == 1, quote_part
    return matches[0]


def _stakeholder(cat, name: str):
    return next(s for s in cat.guidance.stakeholders if s.name == name)


def test_the_referral_search_with_the_inhabitant_stays_a_preference(cat):
    # "bij voorkeur samen met de inwoner" (Thema I, Huisarts en POH)
    text = _fact(cat, "Zo kan de huisarts via het verwijssysteem direct").text
    assert "bij voorkeur samen met de inwoner" in text


def test_motivation_can_be_discussed_and_whose_task_that_is_stays_open(cat):
    # "Dit kan tijdens het signaleringsgesprek ... worden besproken. Wie hier verantwoordelijk voor
    # is dient in het implementatieplan beschreven te staan." (Thema I, Inwoner)
    fact = _fact(cat, "voldoende gemotiveerd is om deel te nemen").text
    assert "kan worden besproken" in fact and "wordt besproken" not in fact
    gp = _stakeholder(cat, "Huisarts en praktijkondersteuner (POH)").role
    assert "bespreken in het signaleringsgesprek" not in gp
    assert "kan in het signaleringsgesprek" in gp and "implementatieplan" in gp


def test_motivation_is_important_not_a_condition_for_an_inhabitant(cat):
    # "Daarnaast is het belangrijk dat een deelnemer voldoende gemotiveerd is" – not "mits".
    role = _stakeholder(cat, "Inwoner").role
    assert "mits" not in role and "belangrijk" in role


def test_the_coordinators_tasks_are_examples(cat):
    # "Voorbeelden van taken van een GLI-coördinator zijn:" (Thema I, GLI-coördinator)
    assert "Voorbeelden van taken" in _stakeholder(cat, "GLI-coördinator (kartrekker)").role


def test_a_primary_care_organisation_taking_the_lead_is_an_example(cat):
    # "In andere gevallen is de zorggroep niet betrokken en neemt bijvoorbeeld een
    # eerstelijnsorganisatie het voortouw." (Thema I, Organisatievorm)
    role = _stakeholder(cat, "Eerstelijnsorganisatie").role
    assert not role.startswith("Neemt het voortouw") and "bijvoorbeeld" in role


def test_the_poh_ggz_is_a_possible_first_address(cat):
    # "kan er om te beginnen worden doorverwezen naar de POH GGZ" (Taak Bepaal of GLI het beste aanbod is)
    role = _stakeholder(cat, "POH GGZ").role
    assert not role.startswith("Eerste verwijsadres") and "kan om te beginnen" in role


def test_municipal_funding_of_sports_coaches_is_a_possibility(cat):
    # "Samenwerking met buurtsportcoaches kan vaak via de gemeente worden bekostigd."
    text = _experience(cat, 4, "Advies is dan ook om buurtsportcoaches").text
    assert "worden vaak via de gemeente" not in text and "kan vaak via de gemeente worden bekostigd" in text


def test_the_helpdesk_purposes_stay_an_open_list(cat):
    # "als centraal punt voor bijvoorbeeld verwijzen, vragen, klachten, verbetersuggesties en doorontwikkeling"
    text = _experience(cat, 9, "Een helpdesk vanuit het samenwerkingsverband").text
    assert "bijvoorbeeld" in text and "doorontwikkeling" in text


def test_the_referrer_can_answer_and_point_on(cat):
    # "vanuit in eerste instantie de verwijzer ... kan de verwijzer de basisvragen beantwoorden"
    text = _experience(cat, 9, "In het kader van verwachtingsmanagement").text
    assert "legt vooral de verwijzer uit" not in text
    assert "in eerste instantie" in text and "kan de basisvragen" in text


def test_the_partnerships_tasks_for_providers_are_examples(cat):
    # "Voor taken als het aantrekken van de doelgroep of de contractering ... is het
    # samenwerkingsverband verantwoordelijk." (Taak Verhoog aantal GLI-aanbieders)
    text = _experience(cat, 10, "Voor taken als het aantrekken van de doelgroep").text
    assert "taken als" in text
    attractive = _experience(cat, 10, "is voor veel GLI-aanbieders aantrekkelijk").text
    assert "voor veel aanbieders" in attractive


@pytest.mark.parametrize(("number", "quote_part", "wrong", "right"), [
    # "Belangrijk is dat met name verwijzers goed weten wat de GLI inhoudt." (Taak 3)
    (3, "Belangrijk is dat met name verwijzers", "verwijzers moeten goed weten", "belangrijk is dat"),
    # "Zeker in het kader van een subsidie is het van belang om hier tijdig over na te denken" (Borging)
    (14, "Zeker in het kader van een subsidie", "moet tijdig", "van belang"),
    # "zij kregen echter te horen dat dit ... standaard niet wordt vergoed" (Taak 7): what they heard
    (7, "zij kregen echter te horen", "maar de betreffende verzekeraar vergoedt", "kreeg te horen"),
    # "Dit kan dus verschillen per regio" (Taak 7)
    (7, "Een andere regio koos ervoor om een percentage van 10%", "hangt af", "kan per regio verschillen"),
    # "Veel huisartsen zijn vaak al bekend met een bepaald systeem dat ze bijvoorbeeld gebruiken voor
    # de ketenzorg. Echter werken GLI-aanbieders vaak weer met een ander systeem" (Verwijs- en declaratiesysteem)
    (6, "Om een makkelijke verwijzing te realiseren", "systeem uit de ketenzorg", "vaak een ander systeem"),
])
def test_task_experiences_keep_the_documents_modality(cat, number, quote_part, wrong, right):
    text = _experience(cat, number, quote_part).text
    assert wrong not in text and right in text


def test_implementation_plan_agreements_can_be_described_there(cat):
    # "Afspraken hierover en de borging hiervan kunnen worden omschreven in een implementatieplan."
    why = _tasks(cat)[14].why
    assert "horen in het implementatieplan" not in why and "kunnen in een" in why


def test_licence_benefits_are_often_offered(cat):
    # "zo bieden GLI interventie-eigenaren vaak (bij)scholing en intervisie aan"
    assert "vaak" in _fact(cat, "zo bieden GLI interventie-eigenaren vaak").text


def test_example_c_is_facilitating_in_agreement_with_the_insurer(cat):
    # "Eerstelijnsorganisatie heeft een faciliterende rol" and "Maakt in overeenstemming met
    # preferente zorgverzekeraar gebruik van max-max tarief (10%)" (Voorbeeld C)
    form = next(f for f in cat.guidance.organisation_forms if f.id == "C")
    assert "faciliteert alleen" not in form.contracting_party and "faciliterende rol" in form.contracting_party
    assert "In overleg" not in form.overhead_financing and "overeenstemming" in form.overhead_financing


@pytest.mark.parametrize(("example_id", "wrong", "right"), [
    ("max_max_afgewezen", "maar de betreffende zorgverzekeraar vergoedt", "kreeg te horen"),
    ("inhouding_10_procent", "verschilt per regio", "kan per regio verschillen"),
])
def test_financing_examples_keep_the_documents_modality(cat, example_id, wrong, right):
    text = next(f for f in cat.guidance.financing_examples if f.id == example_id).text
    assert wrong not in text and right in text


def test_a_task_is_cited_by_the_heading_the_handreiking_gives_it(cat, source_texts):
    # Audit C #31: tasks 9-14 carry no number in their headings ("Taak Bereik je stakeholders");
    # 44 citations read "Taak Bereik je stakeholders (taak 9)". A section is the document's own.
    import re

    from policy_model.walk import iter_sources

    lines = {" ".join(line.split()) for line in (source_texts / "zonmw-handreiking-gli.txt").read_text().splitlines()}
    cited = {src.section for _, src in iter_sources(cat.guidance) if src.section.startswith("Taak")}
    assert len(cited) >= 14
    for section in cited:
        heading = re.split(r" – |: ", section)[0]
        assert heading in lines, section
