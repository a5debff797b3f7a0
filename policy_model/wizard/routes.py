"""The route rules: which contract route a policy opens to an organisation, one function per
rule of the documents, tried in the order they decide (as OpenFisca and GETTSIM keep rules).

Every rule reads only the structured record: routes with their forms (what an organisation
must be or do, :mod:`.forms`), preference, region condition (``in_region``) and availability,
plus the profile. A rule returns a :class:`Decision` when it decides, else ``None``.
Programmes and requirements are weighed afterwards (:mod:`.rules`).
"""

from __future__ import annotations

from dataclasses import dataclass

from policy_model.schema import ContractPeriod, ContractRoute
from policy_model.vocab import (
    ORG_FUNCTION_QUESTIONS,
    ROUTE_FORM_KIND_LABELS,
    ROUTE_LABELS,
    ROUTE_ROLE,
    SPECIAL_ROUTES,
)
from policy_model.wizard.context import (
    Ctx,
    Decision,
    in_sentence,
    lower_first,
    route_names,
    unique_routes,
    verdict_label,
)
from policy_model.wizard.forms import RouteFit, fit_rank, form_wording
from policy_model.wizard.labels import (
    NOT_SETTLED,
    ROLE_NOUNS,
    UMBRELLA_ROUTES,
)
from policy_model.wizard.profile import fold
from policy_model.wizard.timing import duration_provisions, period_texts, running_period


def applies_in_region(route: ContractRoute, region: str) -> bool | None:
    """True/False where the route's region condition is settled for the profile, None when the
    profile does not know whether it works in the insurer's region (``in_region``: True only in
    the insurer's own, preferent region; False only outside it)."""
    if route.in_region is None:
        return True
    if region == "unknown":
        return None
    return route.in_region == (region == "yes")


@dataclass
class Here:
    """The routes as they stand for the organisation on one side of the insurer's region line."""

    own: list[RouteFit]  # own contract routes that fit (or may fit) and are open here
    elsewhere: list[RouteFit]  # such routes that are open only on the other side of the line
    closed: list[RouteFit]  # routes for this organisation that the policy closes (available: no)
    follows: list[RouteFit]  # volgbeleid that the organisation fits, open here
    umbrellas: list[ContractRoute]  # organisations a coach can join, here


def routes_here(ctx: Ctx, region: str) -> Here:
    own, elsewhere, closed, follows = [], [], [], []
    for fit in ctx.fits:
        route = fit.route
        if fit.fit == "no" or route.route == "runoff":
            continue
        applies = applies_in_region(route, region) is not False
        if route.route == "follow":
            if route.available != "no" and applies:
                follows.append(fit)
        elif route.available == "no":
            if applies:
                closed.append(fit)
        else:
            (own if applies else elsewhere).append(fit)
    umbrellas = [r for r in ctx.policy.contract_routes if r.route in UMBRELLA_ROUTES and r.available != "no"
                 and applies_in_region(r, region) is not False]
    return Here(own, elsewhere, closed, follows, umbrellas)


def region_matters(ctx: Ctx) -> bool:
    """Whether a route the organisation could use (or join, or follow) depends on the region."""
    return any(r.in_region is not None for r in ctx.policy.contract_routes)


# --------------------------------------------------------------------------- the rules


def route_decision(ctx: Ctx) -> Decision:
    """The verdict on the routes alone. Where the profile does not know whether it works in the
    insurer's region and the region matters, both sides are decided and compared."""
    if not ctx.policy.contract_routes:
        return no_routes_stated(ctx)
    if ctx.region == "unknown" and region_matters(ctx):
        return region_decides(ctx, decide_in_region(ctx, "yes"), decide_in_region(ctx, "no"))
    return decide_in_region(ctx, ctx.region)


def decide_in_region(ctx: Ctx, region: str) -> Decision:
    here = routes_here(ctx, region)
    for rule in (follows_preferent_insurer, route_not_offered, route_may_fit, umbrella_preferred):
        decision = rule(ctx, here)
        if decision is not None:
            break
    else:
        decision = Decision("eligible", [], routes=[f.route for f in here.own if f.fit == "yes"])
    note_follow_option(ctx, here, decision)
    return decision


def no_routes_stated(ctx: Ctx) -> Decision:
    """A record without contract routes settles nothing about them (data/README: coverage)."""
    return Decision("conditional", [f"Het beleid beschrijft geen contracteerroutes ({NOT_SETTLED})."],
                    question=f"Welke contractvormen koopt {ctx.name} in? {ctx.ask}")


def follows_preferent_insurer(ctx: Ctx, here: Here) -> Decision | None:
    """Volgbeleid decides where no own route is open here (ZZ 2024 §3.1 "Buiten de regio sluit
    Zorg en Zekerheid aan bij de overeengekomen afspraken met zorgaanbieders en hun preferente
    zorgverzekeraar", §5, §5.4; CZ 2027 §2.3): the insurer follows the contract the organisation
    has with the preferent insurer."""
    if not here.follows or here.own:
        return None
    fit = here.follows[0]
    follow = fit.route
    noun = ROLE_NOUNS[ctx.profile.role]
    if here.elsewhere:
        # The forms the document names, not the profile's own word for itself (ZZ 2024 never says RHO).
        forms = route_names([f.route for f in here.elsewhere]) or noun
        lead = f"{ctx.name} contracteert een {forms} zelf alleen binnen de eigen regio. "
    else:
        lead = f"{ctx.name} sluit hier geen eigen overeenkomst met een {noun}. "
    text = lead + follow.description + (f" {follow.conditions}" if follow.conditions else "")
    if fit.form is not None:
        text += f" Voor u geldt: {form_wording(fit)}."
    decision = Decision("conditional", [text], routes=[follow],
                        sources=[follow.source] + ([fit.form.source] if fit.form else []), follows=True)
    _mention_closed_route(ctx, here.closed, decision)
    decision.question = (f"Heeft u voor {ctx.policy.year} een GLI-overeenkomst met de preferente zorgverzekeraar in "
                         f"uw regio? Dan kunt u {ctx.name} vragen die te volgen; {lower_first(ctx.ask)}")
    return decision


def lists_forms_for(ctx: Ctx) -> bool:
    """Whether the policy states in full which contract forms it buys from, for every form
    this organisation could contract under (its role's routes; run-off and following are
    not forms). A summary page may list whom it contracts in full and say nothing about
    run-off (CZ 2024 §2.1): a form it does not name is then a "no", a run-off not a subject."""
    forms = [r for r, role in ROUTE_ROLE.items() if role == ctx.profile.role and r not in SPECIAL_ROUTES]
    return all(ctx.policy.addresses("routes", route=r) for r in forms)


def route_not_offered(ctx: Ctx, here: Here) -> Decision | None:
    """No route for this organisation is open here: it is open only on the other side of the
    region line, the policy closes it, a derived record does not mention it, or a policy that
    lists its routes in full does not offer it (then a coach can still join an organisation
    the policy contracts, as subcontractor)."""
    if here.own:
        return None
    if here.elsewhere:
        return region_closes(ctx, here)
    if not here.closed and not lists_forms_for(ctx):
        kind = "afgeleide " if ctx.policy.partial else ""
        return Decision("conditional", [f"Het {kind}beleid van dit jaar noemt deze contractvorm niet ({NOT_SETTLED})."],
                        question=f"Contracteert {ctx.name} een {ROLE_NOUNS[ctx.profile.role]}? {ctx.ask}")
    return not_offered(ctx, here)


def region_closes(ctx: Ctx, here: Here) -> Decision:
    """A route tied to one side of the insurer's region (``in_region``) is closed on the other."""
    routes = [f.route for f in here.elsewhere]
    side = "binnen" if routes[0].in_region else "buiten"
    return Decision("not_eligible", [f"Deze route geldt bij {ctx.name} niet voor uw regio: {route_names(routes)} "
                                     f"alleen {side} de eigen regio."],
                    sources=[r.source for r in routes],
                    change=f"Alleen als u {side} de eigen regio van {ctx.name} werkt.")


def not_offered(ctx: Ctx, here: Here) -> Decision:
    """A contract form the policy closes, or does not name in its full list of routes."""
    policy, name = ctx.policy, ctx.name
    offered = policy.offered_routes()
    closed = here.closed[0].route if here.closed else None
    if closed is not None and not lists_forms_for(ctx):
        reasons, sources = [f"Het beleid sluit deze route uit: {closed.description}"], [closed.source]
    else:
        sections = "; ".join(dict.fromkeys(f"§ {r.source.section}" for r in offered))
        reasons = [f"{name} sluit geen overeenkomst met een {ROLE_NOUNS[ctx.profile.role]}: het beleid noemt alleen "
                   f"{route_names(offered)}" + (f" ({sections})." if offered else ".")]
        sources = ([closed.source] if closed else []) + [r.source for r in offered]
    decision = Decision("not_eligible", reasons, sources=sources)
    _mention_closed_route(ctx, [] if closed is not None and not lists_forms_for(ctx) else None, decision)
    if ctx.single_provider and here.umbrellas:
        decision.verdict = "subcontractor_only"
        decision.join = unique_routes(here.umbrellas)
        return decision
    if here.umbrellas:
        decision.change = (f"{name} contracteert alleen {route_names(here.umbrellas)}; als uw organisatie (ook) zo'n "
                           "verband is, beantwoord dan wat uw organisatie doet. Anders kunnen uw leefstijlcoaches "
                           "als onderaannemer van zo'n verband werken.")
    return decision


def _mention_closed_route(ctx: Ctx, closed: list[RouteFit] | None, decision: Decision) -> None:
    """A former contractant reads why its own contract is not renewed (ZZ 2024 §3.1), wherever it works."""
    if ctx.had_contract is not True:
        return
    routes = closed if closed is not None else [f for f in ctx.fits if f.fit != "no" and f.route.available == "no"
                                                 and f.route.route not in SPECIAL_ROUTES]
    for fit in routes[:1]:
        decision.reasons.append(f"U had in {ctx.policy.year - 1} een overeenkomst met {ctx.name}: {fit.route.description}")
        decision.sources.append(fit.route.source)


def route_may_fit(ctx: Ctx, here: Here) -> Decision | None:
    """A route the document defines by function, names by example or says a form "can in some
    cases" be, is open to an organisation that may fit it: conditional, naming the definition to
    check, never "not eligible" because of the word (ZZ 2024 §5 zorggroep, VGZ 2024
    "Samenwerkingsverbanden (bijv. ...)")."""
    if any(f.fit == "yes" for f in here.own):
        return None
    lines = [f"{ROUTE_LABELS[f.route.route]}: {form_wording(f)}" for f in here.own if f.form is not None]
    decision = Decision(
        "conditional",
        [f"Of uw organisatie onder een contractvorm van {ctx.name} valt, is na te gaan. Het beleid omschrijft de "
         "vorm zo: " + "; ".join(lines)],
        routes=[f.route for f in here.own], sources=[f.form.source for f in here.own if f.form is not None])
    nearest = max(here.own, key=lambda f: fit_rank(f.fit, f.form, ctx.functions) if f.form else 0)
    decision.question = _fit_question(ctx, nearest)
    return decision


def _fit_question(ctx: Ctx, fit: RouteFit) -> str:
    """The plain question that settles a "maybe": the first open function, else ask the insurer."""
    open_functions = [f for f in (fit.form.functions if fit.form else []) if ctx.functions.get(f) != "yes"]
    if open_functions:
        return (f"{ORG_FUNCTION_QUESTIONS[open_functions[0]]} Beantwoord het bij ‘Wat doet uw organisatie?’; "
                f"{lower_first(ctx.ask)}")
    kind = ROUTE_FORM_KIND_LABELS[fit.form.kind] if fit.form else ""
    return (f"Telt uw organisatie voor {ctx.name} als zo'n vorm? Het beleid laat dat open ({kind}): "
            f"{form_wording(fit)}. {ctx.ask}")


def umbrella_preferred(ctx: Ctx, here: Here) -> Decision | None:
    """A route ranked below the RHO or samenwerkingsverband routes is open only where those are
    not contracted in the region (CZ 2024 §2.1; CZ 2027 §2.2, §3.3.4)."""
    applicable = [f.route for f in here.own if f.fit == "yes"]
    best = min((r.preference for r in applicable if r.preference), default=None)
    higher = [r for r in here.umbrellas if r.preference and best and r.preference < best]
    if not higher:
        return None
    answers = {r.route: (ctx.profile.region_has_rho if r.route == "rho" else ctx.profile.region_has_network)
               for r in higher}
    maybe_there = [r for r in higher if answers[r.route] != "no"]
    running = running_contract_decision(ctx, applicable, maybe_there) if maybe_there else None
    if running is not None:
        return running
    present = [r for r in higher if answers[r.route] == "yes"]
    if present:
        return umbrella_contracted(ctx, applicable, present)
    names = route_names(higher)
    if "unknown" in answers.values():
        decision = Decision("conditional",
                            [f"Dit kan alleen als er in uw regio geen {names} is gecontracteerd; dat weet u nog niet."],
                            routes=applicable, sources=[r.source for r in applicable])
        decision.question = f"Heeft {ctx.name} in uw regio een {names} gecontracteerd? {where_to_find(ctx)}"
        if ctx.single_provider:
            runoff_for_former_contractant(ctx, decision, certain=False, umbrellas=names)
        note_running_contract(ctx, applicable, decision)
        return decision
    return Decision("eligible", [f"Er is in uw regio geen {names} gecontracteerd (die gaat bij {ctx.name} voor), "
                                 "dus deze route komt in aanmerking."], routes=applicable)


def running_contract_decision(ctx: Ctx, applicable: list[ContractRoute],
                              preferred: list[ContractRoute]) -> Decision | None:
    """A former contractant whose contract under its route runs through the policy year keeps it,
    whoever the insurer prefers in the region: the preference decides whom the insurer contracts
    (CZ 2027 §2.2 "Kan of wil de RHO in een bepaalde regio de zorg niet leveren, dan contracteren
    wij in plaats daarvan ..."), and the document gives the samenwerkingsverband's contract as
    running 1 januari 2026 – 31 december 2027 (§2.4; §4.1 "lopende overeenkomsten van RHO's,
    samenwerkingsverbanden") without saying it ends where an RHO is contracted. Only a coach's
    run-off contract is tied to that (§2.2 Uitloopovereenkomst, :func:`runoff_for_former_contractant`).
    ``preferred``: the organisations the insurer prefers that are, or may be, in the region."""
    running = _running_contract(ctx, applicable)
    if running is None or ctx.had_contract is not True:
        return None
    route, period = running
    names, own = route_names(preferred), in_sentence(ROUTE_LABELS[route.route])
    condition = (lower_first(route.conditions.rstrip(".")) if route.conditions
                 else f"{ctx.name} contracteert een {own} alleen waar geen {names} is")
    reason = (f"U had in {ctx.policy.year - 1} een GLI-overeenkomst met {ctx.name}. De overeenkomst van een {own} "
              f"loopt volgens het beleid van {period.start:%d-%m-%Y} t/m {period.end:%d-%m-%Y} "
              f"(§ {period.source.section}). De voorwaarde voor deze route ({condition}; § {route.source.section}) "
              f"gaat over wie {ctx.name} contracteert; dat een lopende overeenkomst eindigt als er een {names} in uw "
              "regio is, staat niet in het beleid.")
    # What the document asks of this route's contractant under the route's own heading (CZ 2027
    # §2.2: that a samenwerkingsverband contacts the RHO in its region).
    asks = [r for r in ctx.policy.requirements if r.source.document == route.source.document
            and r.source.section == route.source.section and ROUTE_ROLE[route.route] in r.roles]
    reason += "".join(f" Het beleid vraagt daarbij: {lower_first(r.text)}" for r in asks)
    return Decision("eligible", [reason], routes=[route], sources=[period.source, route.source] + [r.source for r in asks],
                    running=True)


def _running_contract(ctx: Ctx, applicable: list[ContractRoute]) -> tuple[ContractRoute, ContractPeriod] | None:
    """An organisation's own route (not a coach's: its run-off is its own rule) with the contract
    a former contractant has running through the policy year (:func:`.timing.running_period`)."""
    if ctx.single_provider:
        return None
    return next(((r, p) for r in applicable if (p := running_period(ctx.policy, r.route)) is not None), None)


def note_running_contract(ctx: Ctx, applicable: list[ContractRoute], decision: Decision) -> None:
    """Not answered whether the organisation had a contract: the preference closes a new contract
    only, so a running one is named beside the verdict (CZ 2027 §2.4), as the run-off is for a coach."""
    running = _running_contract(ctx, applicable) if ctx.had_contract is None else None
    if running is None:
        return
    route, period = running
    decision.reasons.append(
        f"Had u in {ctx.policy.year - 1} al een GLI-overeenkomst met {ctx.name}? De overeenkomst van een "
        f"{in_sentence(ROUTE_LABELS[route.route])} loopt volgens het beleid van {period.start:%d-%m-%Y} t/m "
        f"{period.end:%d-%m-%Y} (§ {period.source.section}); deze voorwaarde gaat over een nieuwe overeenkomst.")
    decision.sources.append(period.source)


def umbrella_contracted(ctx: Ctx, applicable: list[ContractRoute], present: list[ContractRoute]) -> Decision:
    """An RHO or samenwerkingsverband is contracted in the region: a coach works as its
    subcontractor; another organisation gets no own contract there (CZ 2027 §2.2)."""
    here = route_names(present)
    if ctx.single_provider:
        decision = Decision("subcontractor_only", [
            f"In uw regio is een {here} gecontracteerd; die heeft bij {ctx.name} de voorkeur. "
            "U levert de GLI dan als onderaannemer."], sources=[r.source for r in present],
            join=unique_routes(present))
        runoff_for_former_contractant(ctx, decision, certain=True, umbrellas=here)
        return decision
    conditions = next((r.conditions for r in applicable if r.conditions), None)
    decision = Decision("not_eligible", [
        f"In uw regio is een {here} gecontracteerd; {ctx.name} contracteert een {ROLE_NOUNS[ctx.profile.role]} alleen "
        "waar die er niet is" + (f": {lower_first(conditions.split('. ')[0].rstrip('.'))}." if conditions else ".")],
        sources=[r.source for r in applicable] + [r.source for r in present],
        change=f"Uw leefstijlcoaches kunnen de GLI wel leveren als onderaannemer van de {here}; "
               f"een eigen overeenkomst kan alleen in een regio zonder {here}.")
    note_running_contract(ctx, applicable, decision)
    return decision


def runoff_for_former_contractant(ctx: Ctx, decision: Decision, certain: bool, umbrellas: str) -> None:
    """A coach who had a contract gets a run-off contract where an umbrella is contracted, so that
    participants in care can finish (CZ 2027 §2.2 Uitloopovereenkomst, §2.4, §4.1). ``umbrellas``:
    the organisations the policy prefers, in words, where it is not yet known whether one is there."""
    runoff = next((f.route for f in ctx.fits if f.route.route == "runoff" and f.fit != "no"
                   and f.route.available != "no"), None)
    if runoff is None:
        return
    had = ctx.had_contract
    periods = period_texts(ctx.policy, "runoff")
    # What the document says beside the run-off on its duration, with its source (CZ 2027 §2.2: who
    # has a run-off contract per 1 January 2026 gets no new one): the exception to "u krijgt".
    unless = duration_provisions(ctx.policy, runoff.source)
    text = runoff.description + (f" {runoff.conditions}" if runoff.conditions else "") + (
        f" Looptijd: {periods[0]}." if periods else "") + "".join(f" Let op: {p.text}" for p in unless)
    if had is True:
        lead = (f"U had een overeenkomst met {ctx.name}: u krijgt geen nieuwe overeenkomst maar een "
                "uitloopovereenkomst. " if certain else
                f"U had een overeenkomst met {ctx.name}; is er een {umbrellas} in uw regio, "
                "dan krijgt u een uitloopovereenkomst. ")
        decision.reasons.append(lead + text)
        decision.routes.append(runoff)
        decision.sources.append(runoff.source)
    elif had is None and certain:
        decision.reasons.append(f"Had u al een overeenkomst met {ctx.name}? Dan krijgt u een uitloopovereenkomst: {text}")
        decision.routes.append(runoff)
    else:
        return
    decision.sources.extend(p.source for p in unless)


def note_follow_option(ctx: Ctx, here: Here, decision: Decision) -> None:
    """Where own routes are open and the insurer also follows the preferent insurer's contract
    (CZ 2027 §2.3), the volgbeleid is named beside the verdict, never left out."""
    if decision.follows or not here.follows or decision.verdict == "not_eligible":
        return
    follow = here.follows[0].route
    decision.reasons.append(f"Volgbeleid: {follow.description}" + (f" {follow.conditions}" if follow.conditions else ""))
    decision.routes.append(follow)
    decision.sources.append(follow.source)


def region_decides(ctx: Ctx, inside: Decision, outside: Decision) -> Decision:
    """The profile does not know whether it works in the insurer's region (ZZ 2024 §3.1/§5: inside
    its own contracts, outside the preferent insurer's). Where both sides give the same answer on
    the same grounds, that is the answer (with the volgbeleid named); else the region decides."""
    if inside.verdict == outside.verdict and not inside.follows and not outside.follows:
        extra = [r for r in outside.routes if r.route == "follow" and r not in inside.routes]
        for follow in extra[:1]:
            inside.reasons.append(f"Werkt u buiten de regio waar {ctx.name} preferent is: {follow.description}")
            inside.routes.append(follow)
            inside.sources.append(follow.source)
        return inside
    decision = Decision("conditional", [f"Binnen de regio van {ctx.name}: {_summary(inside)}",
                                        f"Buiten de regio van {ctx.name}: {_summary(outside)}"],
                        routes=unique_routes(inside.routes + outside.routes),
                        sources=inside.sources + outside.sources,
                        # Whom to join on either side stays: ZZ 2024 §5.1's criteria on coaches hold
                        # under its msv and zorggroep contracts (audit J #7).
                        join=unique_routes(inside.join + outside.join))
    decision.question = f"Werkt u in de eigen (kern)regio van {ctx.name}, waar {ctx.name} preferent is? {ctx.ask}"
    return decision


def _summary(decision: Decision) -> str:
    head = lower_first(verdict_label(decision.verdict, decision.join, decision.running))
    if decision.routes and decision.verdict == "eligible" and not decision.reasons:
        return f"{head} ({route_names(decision.routes)})."
    return f"{head}. " + " ".join(decision.reasons[:1])


def where_to_find(ctx: Ctx) -> str:
    """Where the contracted organisations in a region are listed (the insurer's zorgvinder), else whom to ask."""
    listing = next((c for c in ctx.policy.contacts if "gecontracteerde" in fold(c.purpose)), None)
    if listing:
        return f"U vindt ze op {listing.address}; of {lower_first(ctx.ask)}"
    published = next((t for t in ctx.policy.timeline if t.kind == "publication_contracted"), None)
    if published:
        return f"{published.activity} Of {lower_first(ctx.ask)}"
    return ctx.ask
