"""Organisation forms by function: whether a contract route fits what an organisation is or does.

A document describes its contract forms by what an organisation must be or do, by name, or by
example (``ContractRoute.forms``). A profile answers the same functions (``Profile.functions``);
what it leaves open follows from the chosen form where that form settles it by construction
(vocab ``ROLE_FUNCTIONS``: one coach is no samenwerkingsverband), else it stays open. A route
fits ("yes") when every function of one of its forms holds and the document settles the form;
it may fit ("maybe") when a function is open, or when the document only names the form by
example in an open list or says it "can in some cases" be it; it does not fit ("no") only when
the organisation answered that it lacks a function the form needs. So no route is closed to an
organisation because of the word an insurer uses for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from policy_model.schema import ContractRoute, RouteForm
from policy_model.vocab import ROLE_FUNCTIONS, ROUTE_ROLE, SETTLING_FORM_KINDS, OrgFunction, values
from policy_model.wizard.labels import Fit
from policy_model.wizard.profile import Profile

FUNCTIONS: tuple[str, ...] = values(OrgFunction)
#: Being one of these makes an organisation a samenwerkingsverband, not a single provider.
COOPERATIVE_FUNCTIONS = ("coach_network", "gp_led_regional", "multidisciplinary_primary_care")


@dataclass(frozen=True)
class RouteFit:
    """How one route fits the organisation, and the form that decided it (None: by route kind)."""

    route: ContractRoute
    fit: Fit
    form: RouteForm | None = None


def resolved_functions(profile: Profile) -> dict[str, str]:
    """yes/no/unknown per function: the profile's answers over what its role settles."""
    values_ = dict.fromkeys(FUNCTIONS, "unknown")
    values_.update(ROLE_FUNCTIONS.get(profile.role, {}))
    answered = {k: v for k, v in (profile.functions or {}).items() if v != "unknown"}
    values_.update(answered)
    if any(values_[f] == "yes" for f in COOPERATIVE_FUNCTIONS) and "cooperation" not in answered:
        values_["cooperation"] = "yes"
    # One provider is no samenwerkingsverband, and the other way round, unless both were answered.
    for one, other in (("single_provider", "cooperation"), ("cooperation", "single_provider")):
        if values_[one] == "yes" and other not in answered:
            values_[other] = "no"
    return values_


def form_fit(form: RouteForm, functions: dict[str, str]) -> Fit:
    """One form: "no" if the organisation lacks a function it needs; "yes" if it has them all and
    the document settles the form (definition, name, example); else "maybe"."""
    answers = [functions.get(f, "unknown") for f in form.functions]
    if "no" in answers:
        return "no"
    if all(a == "yes" for a in answers) and form.kind in SETTLING_FORM_KINDS:
        return "yes"
    return "maybe"


def route_fit(route: ContractRoute, functions: dict[str, str], role: str) -> RouteFit:
    """The best fit over a route's forms. A route without forms (an older record) fits the role
    that the route's kind names (vocab ``ROUTE_ROLE``) and no other."""
    if not route.forms:
        return RouteFit(route, "yes" if ROUTE_ROLE[route.route] == role else "no")
    scored = [(form_fit(form, functions), form) for form in route.forms]
    best = max(scored, key=lambda pair: fit_rank(pair[0], pair[1], functions))
    return RouteFit(route, best[0], best[1])


def fit_rank(fit: Fit, form: RouteForm, functions: dict[str, str]) -> int:
    """yes, then a "maybe" whose functions all hold (an open list, a "can be"), then other
    "maybe"s, then no: the form shown with a "maybe" is the one nearest to settling it."""
    if fit != "maybe":
        return {"yes": 3, "no": 0}[fit]
    return 2 if all(functions.get(f) == "yes" for f in form.functions) else 1


def route_fits(routes: list[ContractRoute], functions: dict[str, str], role: str) -> list[RouteFit]:
    return [route_fit(route, functions, role) for route in routes]


def form_wording(fit: RouteFit) -> str:
    """How the document describes the form, for the reason and the question: its words, quoted."""
    if fit.form is None:
        return ""
    return f"“{fit.form.source.quote}” (§ {fit.form.source.section})"
