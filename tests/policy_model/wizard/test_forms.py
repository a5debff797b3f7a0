"""Organisation forms by function: a route fits what an organisation is or does, not its name."""

from __future__ import annotations

import pytest

from policy_model.schema import RouteForm, Source
from policy_model.wizard.forms import form_fit, resolved_functions, route_fit
from policy_model.wizard.profile import Profile

SOURCE = Source(document="zz_gli_2024", section="5", quote="een organisatie die de samenwerking coördineert")


def form(kind: str, *functions: str) -> RouteForm:
    return RouteForm(functions=list(functions), kind=kind, source=SOURCE)


@pytest.mark.parametrize(("kind", "answer", "fit"), [
    ("definition", "yes", "yes"), ("definition", "unknown", "maybe"), ("definition", "no", "no"),
    ("name", "yes", "yes"), ("example", "yes", "yes"),
    # Named by example in an open list, or "kan in sommige gevallen": never more than "maybe".
    ("open_list", "yes", "maybe"), ("possible", "yes", "maybe"), ("possible", "no", "no"),
])
def test_a_form_fits_by_the_answers_and_how_the_document_describes_it(kind, answer, fit):
    assert form_fit(form(kind, "coordinates_chain_care"), {"coordinates_chain_care": answer}) == fit


def test_a_form_for_any_provider_fits_everyone():
    assert form_fit(form("definition"), {}) == "yes"


def test_the_chosen_form_settles_only_what_it_is_by_construction():
    rho = resolved_functions(Profile(role="rho", year=2024))
    assert rho["gp_led_regional"] == "yes" and rho["cooperation"] == "yes" and rho["single_provider"] == "no"
    assert rho["coordinates_chain_care"] == "unknown"  # the profile has to say so
    coach = resolved_functions(Profile(role="coach", year=2024))
    assert coach["single_provider"] == "yes" and coach["coordinates_chain_care"] == "no"


def test_an_answer_overrides_what_the_form_implies():
    fn = resolved_functions(Profile(role="msv", year=2024, functions={"multidisciplinary_primary_care": "no",
                                                                      "coordinates_chain_care": "yes"}))
    assert fn["multidisciplinary_primary_care"] == "no" and fn["coordinates_chain_care"] == "yes"


def test_a_route_takes_the_form_nearest_to_settling_it(cat):
    # ZZ 2024 5: a zorggroep coordinates chain care, or "kan in sommige gevallen" be a network of
    # monodisciplinary professionals: for a coach network the second is the one to check.
    zorggroep = next(r for r in cat.policy("zz", 2024).contract_routes if r.route == "zorggroep")
    fit = route_fit(zorggroep, resolved_functions(Profile(role="coach_network", year=2024)), "coach_network")
    assert fit.fit == "maybe" and fit.form.kind == "possible"


def test_a_route_without_forms_fits_the_role_its_kind_names(cat):
    route = next(r for r in cat.policy("cz", 2027).contract_routes if r.route == "rho").model_copy(
        update={"forms": []})
    assert route_fit(route, {}, "rho").fit == "yes"
    assert route_fit(route, {}, "msv").fit == "no"
