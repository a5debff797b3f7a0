"""Open and closed lists: decided from the document's wording, the same rule for every record."""

from __future__ import annotations

import pytest

from policy_model.vocab import is_open_wording


@pytest.mark.parametrize("wording", [
    "Kwaliteitsregister Fysiotherapie (CKR), kwaliteitsregister Paramedici (KP) of een vergelijkbaar door de "
    "zorgverzekeraar goedgekeurd register.",
    "Samenwerkingsverbanden (bijv. regionale huisartsenorganisaties of samenwerkingsverband van paramedici)",
    "monodisciplinaire zorgprofessionals zoals fysiotherapeuten",
    "De RHO zorgt onder andere voor de borging van de kwaliteit",
    "bijvoorbeeld een mondelinge introductie",
    # VGZ 2024 bijlage 2: the integrity check uses the RIZ among other sources
    "toetsing (aan onder meer het RIZ-portaal, Raadpleging Integriteit Zorgaanbieders) door VGZ van de zorgaanbieder",
])
def test_words_that_name_by_example_leave_a_list_open(wording):
    assert is_open_wording(wording)


@pytest.mark.parametrize("wording", [
    "CZ groep contracteert daarom alleen leefstijlcoaches die zijn geregistreerd in de volgende erkende "
    "kwaliteitsregisters",
    "De zorgverlener is daarom als leefstijlcoach lid van de Beroepsvereniging Leefstijlcoaches Nederland (BLCN), "
    "en/of staat geregistreerd in het KNGF Kwaliteitsregister",
    "De leefstijlcoach is geregistreerd in het register van de Beroepsvereniging Leefstijlcoaches Nederland (BLCN).",
])
def test_a_list_without_them_is_closed(wording):
    assert not is_open_wording(wording)


def test_every_recorded_listing_agrees_with_its_quoted_wording(cat):
    listings = [(p.key, r.id, r.listing) for p in cat.policies for r in p.requirements if r.listing is not None]
    assert {listing.open for *_, listing in listings} == {True, False}  # both kinds are in the data
    for key, requirement, listing in listings:
        assert listing.open == is_open_wording(listing.source.quote), (key, requirement, listing.source.quote)


def test_every_route_form_named_by_example_quotes_an_open_wording(cat):
    """A form recorded as an open list is one whose quote names it by example ("bijv.")."""
    for policy in cat.policies:
        for route in policy.contract_routes:
            for form in route.forms:
                if form.kind == "open_list":
                    assert is_open_wording(form.source.quote), (policy.key, route.route, form.source.quote)
