"""Which requirements hold for an organisation: those of the contract routes it fits by what it
does, not those of the word it picked for itself.

A requirement holds under a route when its ``routes`` (if any) include the route, and it binds
the route's contractant (its ``roles`` name the role of the route's kind, vocab ``ROUTE_ROLE``)
or the coach who delivers the GLI (``coach``: a coach with an own contract and a coach working
as subcontractor alike). So an organisation that fits the RHO route by function is held to the
RHO's minimum requirements whatever it calls itself (CZ 2027 §3.3.1), one that fits the
samenwerkingsverband or zorggroep route to theirs (ZZ 2024 §5.1), and a coach who contracts
alone to the individual contractant's (CZ 2027 §3.3.2), not to what the RHO must see to for its
subcontractors ("De RHO of het samenwerkingsverband ... beschikt over voldoende aangesloten
onderaannemers ... Zij hebben een registratie", a requirement with ``routes: [rho,
coach_network]``). A coach who can only work as a subcontractor is held to what the policy asks
of the coaches of the organisations it names to join.

The routes come from the verdict (:class:`~policy_model.wizard.context.Decision`): the own routes
it names, else every route the organisation may fit (whatever the region or whether the policy
still offers it: a volgbeleid or a closed route decides the verdict, not what the organisation
is), else, where nothing fits, the routes of the chosen role. Where more than one route is
possible, or the one route is only "na te gaan", each requirement says under which it holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from policy_model.schema import Requirement
from policy_model.vocab import ROUTE_LABELS, ROUTE_ROLE
from policy_model.wizard.context import Ctx, Decision, in_sentence, unique_routes
from policy_model.wizard.labels import UMBRELLA_ROUTES, Fit
from policy_model.wizard.routes import applies_in_region

#: Following another insurer's contract is no contract form of its own: it holds no requirements.
NO_FORM_ROUTES = ("follow",)


@dataclass(frozen=True)
class Holding:
    """The routes an organisation is held to: its own (kind -> how it fits) and, for a coach, the
    routes of the organisations it works under as subcontractor."""

    own: dict[str, Fit] = field(default_factory=dict)
    joins: tuple[str, ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.own) + self.joins


def holds(requirement: Requirement, kind: str) -> bool:
    """Whether ``requirement`` binds a contractant under route ``kind`` (or its coaches). A route
    that is no form of its own (the volgbeleid) is bound by what names no route, as before."""
    if requirement.routes and kind not in requirement.routes:
        return False
    if kind in NO_FORM_ROUTES:
        return True
    return ROUTE_ROLE[kind] in requirement.roles or "coach" in requirement.roles


def holds_for_subcontractor(requirement: Requirement, kind: str) -> bool:
    """Whether ``requirement`` binds a coach who works under route ``kind`` as subcontractor: only
    what the policy asks of coaches (``coach``), never the contractant's own requirements."""
    return "coach" in requirement.roles and (not requirement.routes or kind in requirement.routes)


def holding_for(ctx: Ctx, decision: Decision) -> Holding:
    """The routes of the verdict, else every route the organisation may fit, else its role's."""
    joins: tuple[str, ...] = ()
    if decision.join:  # subcontractor only, or so on one side of a region the profile does not know
        joins = tuple(dict.fromkeys(r.route for r in decision.join))
    elif ctx.profile.role == "coach":
        # A coach delivers either way (ROLE_NOTES): with an own contract or as subcontractor.
        region = ctx.region
        joins = tuple(dict.fromkeys(r.route for r in ctx.policy.contract_routes if r.route in UMBRELLA_ROUTES
                                    and r.available != "no" and applies_in_region(r, region) is not False))
    fits = {id(f.route): f.fit for f in ctx.fits}
    own = _by_kind((r.route, fits.get(id(r), "yes")) for r in unique_routes(decision.routes))
    if not own and decision.verdict != "subcontractor_only":
        own = fitting_kinds(ctx) or {kind: "yes" for kind, role in ROUTE_ROLE.items()
                                     if role == ctx.role and kind not in NO_FORM_ROUTES}
    return Holding(own, joins)


def fitting_kinds(ctx: Ctx) -> dict[str, Fit]:
    """Every route kind the organisation may fit by what it does ("yes" where one route of the
    kind fits), whatever the region or whether the policy still offers it."""
    return _by_kind((f.route.route, f.fit) for f in ctx.fits if f.fit != "no")


def _by_kind(pairs: Iterable[tuple[str, Fit]]) -> dict[str, Fit]:
    """One fit per route kind that is a form of its own: "yes" where any route of the kind fits."""
    out: dict[str, Fit] = {}
    for kind, fit in pairs:
        if kind not in NO_FORM_ROUTES:
            out[kind] = "yes" if "yes" in (fit, out.get(kind)) else "maybe"
    return out


def held(requirement: Requirement, holding: Holding) -> bool:
    """Whether the requirement binds the organisation under any of its routes."""
    return (any(holds(requirement, kind) for kind in holding.own)
            or any(holds_for_subcontractor(requirement, kind) for kind in holding.joins))


def unsaid_only(requirement: Requirement, holding: Holding) -> bool:
    """Whether every own route under which the requirement would bind the organisation is one the
    document does not say it holds for (``unsaid_routes``: a run-off agreement against CZ 2027 §3.3.2's
    "individuele contractant"): then it is to check, never "niet voldaan"."""
    own = [k for k in holding.own if holds(requirement, k)]
    return bool(own) and all(k in requirement.unsaid_routes for k in own)


def applies_to(requirement: Requirement, holding: Holding) -> str | None:
    """Under which route a requirement holds, in words, where that is not all of them or the
    route is still to be checked; None where it holds whatever route the organisation takes.
    Where the document does not say whether it holds under a route, the words say that."""
    unsaid = [k for k in holding.own if holds(requirement, k) and k in requirement.unsaid_routes]
    if unsaid:
        said = [k for k in holding.own if holds(requirement, k) and k not in unsaid]
        ask = f"of het ook geldt bij de route {_names(unsaid)}, zegt het beleid niet"
        return f"Geldt bij de route {_names(said)}; {ask}" if said else ask[0].upper() + ask[1:]
    own = [k for k in holding.own if holds(requirement, k)]
    joins = [k for k in holding.joins if holds_for_subcontractor(requirement, k)]
    unsettled = bool(own) and all(holding.own[k] == "maybe" for k in own)
    if len(own) == len(holding.own) and len(joins) == len(holding.joins) and not unsettled:
        return None
    parts = []
    if own:
        parts.append(f"bij de route {_names(own)}"
                     + (" (na te gaan of uw organisatie daaronder valt)" if unsettled else ""))
    if joins:
        parts.append(f"als onderaannemer van een {_names(joins)}")
    return "Geldt " + "; ook ".join(parts)


def _names(kinds: list[str]) -> str:
    names = list(dict.fromkeys(in_sentence(ROUTE_LABELS[k]) for k in kinds))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " of " + names[-1]
