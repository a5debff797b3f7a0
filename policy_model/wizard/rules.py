"""The rules of "wat geldt voor mij?": a profile in, an assessment per insurer out.

The rules read the structured policy data only (routes with the forms they describe,
preference, region and follow rules, requirement topics, forces, values and list openness,
registries, programmes, coverage, timeline), so a new policy year with the same topics needs no
code change. Where the profile does not settle a requirement it is ``to_check``; where the
policy is silent the answer says so ("niet vastgelegd in het beleid") and points to the
insurer's contact — it never guesses. Only a minimum requirement or an exclusion ground
(``GATING_FORCES``) can be "niet voldaan"; obligations and expectations are listed, never unmet.

The order of an assessment: the route rules (:mod:`.routes`), the programmes
(:mod:`.programmes`), the checklist (:mod:`.checklist`) and the requirements it leaves unmet,
then what kind of record this is (a derived year or a missing one never gives a firm verdict),
then today (:mod:`.timing`, :mod:`.next_step`). One run covers every insurer: the record for the
chosen year, or, where an insurer has none, its newest record as a clearly marked hint.
"""

from __future__ import annotations

import datetime as dt

from policy_model.calendar import CalendarFile
from policy_model.catalogue import Catalogue
from policy_model.schema import Policy, Requirement
from policy_model.vocab import APPLICATION_WINDOW_LABELS, CHANNEL_LABELS, ROUTE_LABELS, ROUTE_ROLE
from policy_model.wizard.checklist import checklist as build_checklist
from policy_model.wizard.context import Ctx, Decision, lower_first, unique_routes, verdict_label
from policy_model.wizard.forms import form_wording
from policy_model.wizard.holding import holding_for, holds
from policy_model.wizard.labels import (
    GROUP_LABELS,
    GROUP_ORDER,
    NOT_SETTLED,
    REFERRER_VERDICT_LABELS,
    STATUS_LABELS,
    VERDICT_LABELS,
    WHEN_LABELS,
)
from policy_model.wizard.models import (
    Action,
    Assessment,
    CheckItem,
    Contact,
    Deadline,
    HowToApply,
    ProgrammeCheck,
    RegistryCheck,
    RouteOption,
)
from policy_model.wizard.next_step import actions, applications_for, explanation, next_step
from policy_model.wizard.participants import deferred_criteria, referrer_verdict
from policy_model.wizard.profile import Profile
from policy_model.wizard.programmes import programme_checks, programme_decision, registry_checks
from policy_model.wizard.routes import route_decision
from policy_model.wizard.timing import dated_items, missing_year_text, period_texts, time_notes

# The output models and labels live in their own modules; these names stay importable here.
__all__ = [
    "Action", "Assessment", "CheckItem", "Contact", "Deadline", "GROUP_LABELS", "GROUP_ORDER", "HowToApply",
    "ProgrammeCheck", "RegistryCheck", "RouteOption", "STATUS_LABELS", "VERDICT_LABELS", "WHEN_LABELS", "assess",
    "assess_policy", "newest_policy",
]


def unmet_requirements_close_routes(ctx: Ctx, d: Decision, pairs: list[tuple[CheckItem, Requirement]]) -> None:
    """An unmet minimum requirement or exclusion ground closes the routes it holds under
    (:func:`.holding.holds`: the routes it names, of the contractants it binds). Where another
    route stays open but the closed one is the organisation's own form (VGZ 2024 bijlage 2: the
    RHO agreement needs a VGZ-preferent region; a GLI contract as samenwerkingsverband names RHO's
    as an example), the document does not say whether the closed route's requirements bind the
    other: conditional."""
    if d.verdict not in ("eligible", "conditional"):
        return
    routes = [r for r in d.routes if r.route != "follow"] or d.routes
    # What holds only for the routes a coach may join as subcontractor closes none of its own.
    unmet = [(c, r) for c, r in pairs if c.status == "unmet" and (not routes or any(holds(r, x.route) for x in routes))]
    if not unmet:
        return
    blocked = [r for r in routes if any(holds(req, r.route) for _, req in unmet)]
    topics = "; ".join(dict.fromkeys(f"{lower_first(c.topic_label)} ({c.why.rstrip('.')})" for c, _ in unmet))
    if routes and len(blocked) < len(routes):
        open_ = [r for r in routes if r not in blocked]
        own = [r for r in blocked if ROUTE_ROLE[r.route] == ctx.role]
        d.routes = [r for r in d.routes if r not in blocked]
        d.sources += [c.source for c, _ in unmet]
        closed = ", ".join(dict.fromkeys(ROUTE_LABELS[r.route] for r in blocked))
        d.reasons.insert(0, f"Niet voldaan voor {closed}: {topics}.")
        if own:
            d.verdict = "conditional"
            d.question = (f"Het beleid noemt ook deze route: {open_[0].description} Gelden de eisen voor {closed} daar "
                          f"ook? Het beleid zegt het niet. {ctx.ask}")
        return
    d.verdict = "not_eligible"
    d.question = None
    d.reasons.insert(0, f"Niet voldaan aan: {topics}.")
    d.sources += [c.source for c, _ in unmet]
    d.change = d.change or "Als u voldoet aan: " + " ".join(c.text for c, _ in unmet)


def speaks_of_prior_contract(policy: Policy) -> bool:
    """Whether a record says anything that depends on a contract in the year before its own: a
    period, date or way to apply for former contractants or for new providers only, a run-off
    route, an exception for providers contracted then."""
    dated = [*policy.contract_periods, *policy.timeline]
    return (any(getattr(x, "existing_contractants_only", False) or getattr(x, "new_providers_only", False)
                for x in dated)
            or any(a.new_providers_only for a in policy.applications)
            or any(r.route == "runoff" for r in policy.contract_routes)
            or any(r.new_providers_only or (r.exception is not None and r.exception.prior_year_contract)
                   for r in policy.requirements))


def prior_answer_for_another_year(ctx: Ctx, d: Decision) -> None:
    """A record read as a hint for another year (VGZ 2024 for a profile for 2027): the answer
    "GLI-contract in het jaar ervoor" is about the year before the profile's year, not the
    record's, so the wizard reads it as not given (:attr:`.Ctx.had_contract`) and says why."""
    if not ctx.prior_answer_elsewhere or ctx.requested_year is None or not speaks_of_prior_contract(ctx.policy):
        return
    year = ctx.policy.year
    d.reasons.append(f"Uw antwoord over een GLI-contract in het jaar ervoor gaat over {ctx.requested_year - 1}. Dit "
                     f"beleid is van {year}; wat het zegt over wie in {year - 1} wel of geen overeenkomst met "
                     f"{ctx.name} had, is voor u na te gaan.")


def derived_record_not_firm(ctx: Ctx, d: Decision) -> None:
    """A derived record holds only what a later document says about the year (data/README:
    derived records): it never gives a firm verdict, and says which document it comes from."""
    policy = ctx.policy
    if not policy.partial:
        return
    origin = ctx.catalogue.document_kind_label(policy)
    if d.verdict != "conditional":
        d.reasons.insert(0, f"Volgens wat het latere document over {policy.year} zegt: "
                            f"{lower_first(verdict_label(d.verdict, d.join, d.running))}.")
        d.verdict = "conditional"
        d.question = None
    d.reasons.append(f"Let op: dit jaar is {origin[:1].lower() + origin[1:]}: alleen wat dat document over "
                     f"{policy.year} zegt; het beleid {policy.year} zelf staat niet in deze wijzer.")
    d.question = d.question or (f"Welk beleid gold in {policy.year}? Dit record is {origin[:1].lower() + origin[1:]}: "
                                f"alleen wat dat document over {policy.year} zegt. {ctx.ask}")


def assess_policy(policy: Policy, profile: Profile, catalogue: Catalogue, today: dt.date,
                  requested_year: int | None = None, calendar: CalendarFile | None = None) -> Assessment:
    ctx = Ctx.of(policy, profile, catalogue, today, calendar, requested_year)
    programmes = programme_checks(policy, profile, catalogue)
    if profile.role == "referrer":
        pairs = build_checklist(ctx)
        d = referrer_verdict([c for c, _ in pairs], [r for _, r in pairs])
        deferred_criteria(ctx, d)
    else:
        # The requirements follow the routes the organisation fits by what it does (the verdict's).
        d = route_decision(ctx)
        programme_decision(ctx, programmes, d)
        pairs = build_checklist(ctx, holding_for(ctx, d))
        unmet_requirements_close_routes(ctx, d, pairs)
        prior_answer_for_another_year(ctx, d)
    checklist = [c for c, _ in pairs]
    relevant = [r for _, r in pairs]
    derived_record_not_firm(ctx, d)
    if (d.verdict == "conditional" or any(NOT_SETTLED in r for r in d.reasons)) and d.question is None:
        d.question = ctx.ask

    route_kinds = {r.route for r in d.routes}
    if ctx.single_provider and any(r.route == "runoff" for r in policy.contract_routes) and ctx.had_contract is not False:
        route_kinds.add("runoff")
    had = ctx.had_contract  # a new provider is not shown the existing contractants' dates and periods
    deadlines = [] if profile.role == "referrer" else dated_items(policy, route_kinds, today, "provider", had)
    insurer_dates = [] if profile.role == "referrer" else dated_items(policy, route_kinds, today, "insurer", had)
    todo = [] if profile.role == "referrer" else actions(ctx, route_kinds, deadlines)
    groups = {g: sum(c.group == g for c in checklist) for g in GROUP_ORDER}
    fits = {id(f.route): f for f in ctx.fits}
    return Assessment(
        insurer=policy.insurer, insurer_name=ctx.name, year=policy.year, requested_year=requested_year or policy.year,
        today=today, partial=policy.partial, draft=catalogue.is_draft(policy), document_kind=policy.document_kind,
        verdict=d.verdict, verdict_label=(REFERRER_VERDICT_LABELS[d.verdict] if profile.role == "referrer"
                                          else verdict_label(d.verdict, d.join, d.running)),
        reasons=d.reasons, verdict_sources=list(dict.fromkeys(s for s in d.sources if s is not None)),
        explanation=explanation(d, groups, ctx), next_step=next_step(d, ctx, todo),
        question=d.question if d.verdict == "conditional" else None,
        time_notes=time_notes(policy, catalogue, calendar, route_kinds, today, had),
        routes=[RouteOption(route=r.route, label=ROUTE_LABELS[r.route], preference=r.preference, conditions=r.conditions,
                            periods=period_texts(policy, r.route, had), source=r.source,
                            fit=fits[id(r)].fit if id(r) in fits else "yes",
                            form=form_wording(fits[id(r)]) if id(r) in fits and fits[id(r)].fit == "maybe" else None)
                for r in unique_routes(d.routes)],
        checklist=checklist, groups=groups, programmes=programmes,
        registries=registry_checks(policy, profile, catalogue, relevant),
        deadlines=deadlines, insurer_dates=insurer_dates, actions=todo,
        apply=[HowToApply(channel=CHANNEL_LABELS[a.channel], address=a.address,
                          when=APPLICATION_WINDOW_LABELS[a.window], text=a.text, source=a.source)
               for a in applications_for(ctx, route_kinds)],
        contacts=[Contact(channel=CHANNEL_LABELS[c.channel], address=c.address, purpose=c.purpose,
                          answer_time=c.answer_time_text, source=c.source) for c in policy.contacts],
    )


def newest_policy(catalogue: Catalogue, insurer: str) -> Policy | None:
    """An insurer's newest full record, else its newest record of any kind."""
    policies = catalogue.policies_for(insurers=[insurer])
    full = [p for p in policies if not p.partial]
    return (full or policies or [None])[-1]


def missing_year_not_firm(a: Assessment, catalogue: Catalogue, calendar: CalendarFile | None,
                          requested: int, today: dt.date, referrer: bool) -> Assessment:
    """A year the wijzer has no record for is answered from the newest record as a hint, never
    firmly: the verdict is conditional, the newest record's answer a reason, and the question says
    whether that year's policy is out (general calendar) and where the hint comes from."""
    name = a.insurer_name
    newest = catalogue.policy(a.insurer, a.year)
    origin = catalogue.source(newest.documents[0]).title if newest and newest.documents else f"beleid {a.year}"
    notice = (f"{name}: geen beleid voor {requested} in deze wijzer; het nieuwste is {a.year}. Wat hieronder staat "
              f"geldt voor {a.year} en is alleen een hint.")
    reasons = [f"Volgens het beleid {a.year} ({origin}): {lower_first(a.verdict_label)}.", *a.reasons]
    question = f"{missing_year_text(catalogue, calendar, a.insurer, requested, today)} {a.question or ''}".strip()
    label = (REFERRER_VERDICT_LABELS if referrer else VERDICT_LABELS)["conditional"]
    return a.model_copy(update={
        "hint": True, "notice": notice, "verdict": "conditional", "verdict_label": label, "reasons": reasons,
        "question": question, "next_step": question})


def assess(profile: Profile, catalogue: Catalogue, today: dt.date,
           calendar: CalendarFile | None = None) -> list[Assessment]:
    """One assessment per insurer, in catalogue order: the record for ``profile.year``, or the
    newest record as a marked hint where the insurer has none for that year."""
    out = []
    for insurer_id in catalogue.insurer_ids:
        policy = catalogue.policy(insurer_id, profile.year)
        if policy is not None:
            out.append(assess_policy(policy, profile, catalogue, today, calendar=calendar))
            continue
        newest = newest_policy(catalogue, insurer_id)
        if newest is None:
            continue
        a = assess_policy(newest, profile.model_copy(update={"year": newest.year}), catalogue, today,
                          requested_year=profile.year, calendar=calendar)
        out.append(missing_year_not_firm(a, catalogue, calendar, profile.year, today, profile.role == "referrer"))
    return out
