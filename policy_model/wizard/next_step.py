"""What to do and by when: the actions against today and the one next step per insurer.

The next step names the channel the document gives (e-mail address, form, VECOZO) and the
signing date where there is one; it says "u ontvangt een aanbod" where the insurer offers
(a former contractant, ZZ 2024 §5.3, VGZ 2024 "ontvangen voor 2024-2025 een aanbod", CZ 2027
§4.1); a window that has closed says so and when the next one opens, instead of "vraag aan".
"""

from __future__ import annotations

import datetime as dt
import re

from policy_model.schema import Application, TimelineItem
from policy_model.timeline import date_qualifier
from policy_model.vocab import APPLICATION_WINDOW_LABELS, CHANNEL_LABELS
from policy_model.wizard.context import Ctx, Decision, lower_first, route_kind_names, route_names
from policy_model.wizard.models import Action, Deadline
from policy_model.wizard.routes import where_to_find
from policy_model.wizard.timing import (
    actor,
    duration_provisions,
    for_provider,
    for_routes,
    last_day,
    month_of,
    month_text,
    next_window,
    running_period,
    when,
    year_over,
)

_ORDER = {"today": 0, "open": 1, "upcoming": 2, "past": 3}


def applications_for(ctx: Ctx, route_kinds: set[str]) -> list[Application]:
    """The ways to apply that fit these routes and this provider: a new provider's route not for a
    former contractant; an offer (without application) not for one who had no contract."""
    had = ctx.had_contract
    out = []
    for a in ctx.policy.applications:
        if not route_kinds & set(a.routes):
            continue
        if a.new_providers_only and had:
            continue
        if a.window == "on_offer" and not a.new_providers_only and had is False:
            continue
        out.append(a)
    return out


def _via(channel: str, address: str | None) -> str:
    """`` via e-mail rz.gli@cz.nl``; nothing where the document names no channel."""
    if channel == "other" and not address:
        return ""
    label = CHANNEL_LABELS[channel]
    return f" via {label if label.isupper() else label.lower()}" + (f" {address}" if address else "")


def application_action(a: Application, ctx: Ctx, restricted_now: bool) -> Action | None:
    """One application route as an action for today: open all year within the policy year,
    mid-year (``restricted``) only during the contract year, closed after the year ends."""
    year = ctx.policy.year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if a.window in ("on_offer", "deadline"):
        return None  # an offer is its own action; a deadline is in the timeline
    if ctx.today > end:
        return Action(text=f"Aanvragen voor {year}{_via(a.channel, a.address)} kon tot en met 31-12-{year}; die "
                           f"periode is voorbij. {a.text}", date=end, when="past", source=a.source)
    if a.window == "restricted":
        if ctx.today < start:
            return Action(text=f"Tijdens het contractjaar {year} (tussentijds) aanvragen{_via(a.channel, a.address)}: "
                               f"{a.text}", date=start, when="upcoming", source=a.source)
        return Action(text=f"Tussentijds aanvragen{_via(a.channel, a.address)}: {a.text}", date=None, when="open",
                      source=a.source)
    if restricted_now and a.channel == "other" and not a.address:
        return None  # during the contract year the mid-year route is the way in (ZZ 2024 §5.4)
    start_text = [p.text for p in duration_provisions(ctx.policy, a.source)]
    if a.channel == "other" and not a.address:
        text = f"Aanvragen: het beleid noemt hiervoor geen kanaal of termijn. {a.text}"
    else:
        text = (f"Vraag aan{_via(a.channel, a.address)}; geen deadline "
                f"({APPLICATION_WINDOW_LABELS[a.window].lower()}). {a.text}")
    return Action(text=text + "".join(f" {t}" for t in start_text), date=None, when="open", source=a.source)


def offer_action(ctx: Ctx, route_kinds: set[str], applications: list[Application],
                 deadlines: list[Deadline]) -> Action | None:
    """The insurer offers the contract to a former contractant: nothing to apply for; sign by the date.
    An offer that names no route is for the routes the insurer contracts (data/README.md), so, as in
    :func:`~.timing.dated_items`, only for an organisation with an own route: not for a coach whose
    route the insurer closes (ZZ 2024 §3.1 "geen nieuwe zorgovereenkomsten ... met individuele
    GLI-zorgaanbieders")."""
    if ctx.had_contract is False:
        return None
    offers = [t for t in ctx.policy.timeline if t.kind == "offer" and for_provider(t, ctx.had_contract)
              and for_routes(t, route_kinds)]
    on_offer = [a for a in applications if a.window == "on_offer" and not a.new_providers_only]
    if not offers and not on_offer:
        return None
    offer = offers[0] if offers else None
    channel = (offer.channel if offer and offer.channel else None) or (on_offer[0].channel if on_offer else "other")
    by, offered, month = offer_wording(offer)
    sign = next((d for d in deadlines if d.kind == "signing_deadline"), None)
    source = offer.source if offer else on_offer[0].source
    who = "" if ctx.had_contract else f"Als u in {ctx.policy.year - 1} een overeenkomst met {ctx.name} had: "
    last = sign.date if sign else offered
    if last is not None and last < ctx.today:
        text = (f"{who}{ctx.name} bood de overeenkomst{by} aan{_via(channel, None)}"
                + (f"; de tekentermijn liep tot {sign.date:%d-%m-%Y} en is verstreken" if sign else "")
                + f". Heeft u niet getekend, vraag {ctx.name} wat nu geldt. {ctx.ask}")
        return Action(text=text, date=sign.date if sign else offer.date, when="past",
                      source=sign.source if sign else source, kind="offer", date_text=None if sign else month)
    if offered is not None and offered < ctx.today and sign:
        return offer_made_sign_now(ctx, who, by, channel, sign, deadlines)
    if last is None and year_over(ctx.policy, ctx.today):
        # An undated offer (VGZ 2024: 2023 contractants "ontvangen voor 2024-2025 een aanbod") of
        # a policy year that is over is no offer still to come.
        text = (f"{who}{ctx.name} zou de overeenkomst voor {ctx.policy.year} aanbieden{_via(channel, None)}; dat "
                f"beleidsjaar is voorbij. Vraag {ctx.name} wat nu geldt. {ctx.ask}")
        return Action(text=text[:1].upper() + text[1:], date=None, when="past", source=source, kind="offer",
                      date_text=f"beleidsjaar {ctx.policy.year}")
    other_way = other_way_in(ctx, deadlines)
    text = ((f"{who}mogelijk ontvangt u{by} een aanbod van {ctx.name}{_via(channel, None)}." if other_way else
             f"{who}u ontvangt{by} een aanbod van {ctx.name}{_via(channel, None)}; u hoeft niets aan te vragen.")
            + (f" Teken uiterlijk {sign.date:%d-%m-%Y}." if sign else "") + other_way)
    text = text[:1].upper() + text[1:]
    date = offer.date if offer and offer.date else None
    return Action(text=text, date=date, when=when(offered, ctx.today) if offered else "open", source=source,
                  kind="offer", date_text=month)


def offer_wording(offer: TimelineItem | None) -> tuple[str, dt.date | None, str | None]:
    """When the offer comes, as words after "bood de overeenkomst", its last possible day, and the
    month where the document dates it by month alone: CZ 2027 §4.1 " uiterlijk 30-09-2026"; ZZ 2024
    §6.3 "September 2023" in its column "Uiterste datum": " uiterlijk in september 2023", over after
    30 September 2023 (audit E #9: "in september" said the offer comes that month, the document says
    by then)."""
    if offer is None:
        return "", None, None
    if offer.date:
        return f" uiterlijk {offer.date:%d-%m-%Y}", last_day(offer), None
    month = month_of(offer.date_text)
    if month is None:
        return f" {offer.date_text.lower()}", None, None
    return f" {date_qualifier(offer.date_text)}in {month_text(*month)}", last_day(offer), month_text(*month)


def offer_made_sign_now(ctx: Ctx, who: str, by: str, channel: str, sign: Deadline,
                        deadlines: list[Deadline]) -> Action:
    """Between the offer date and the signing date (CZ 2027 §4.1: offered by 30 September,
    signed by 31 October): the offer has been made, what is left is to sign it."""
    other_way = other_way_in(ctx, deadlines)
    text = (f"{who}{ctx.name} bood de overeenkomst{by} aan{_via(channel, None)}"
            + ("." if other_way else "; u hoeft niets aan te vragen.")
            + f" Teken uiterlijk {sign.date:%d-%m-%Y}." + other_way)
    return Action(text=text, date=sign.date, when=sign.when, source=sign.source, kind="offer")


#: What a provider hands in to be contracted: a plan and offer, an application.
_HANDED_IN = ("plan_submission", "application")


def other_way_in(ctx: Ctx, deadlines: list[Deadline]) -> str:
    """Where the document offers the contract to a former contractant and also sets, for this
    provider, a term to hand in a plan or application for a route: that term, and that the
    document does not say whether the offer reaches the provider besides or instead. VGZ 2024
    offers samenwerkingsverbanden with a 2023 contract a 2024-2025 contract ("ontvangen voor
    2024-2025 een aanbod") and asks an RHO for its regioplan and offerte "Uiterlijk 15 juli 2023",
    a planning that holds "net zoals voor reeds gecontracteerde organisaties" (Zo kopen wij zorg in
    bij nieuwe zorgaanbieders). "U hoeft niets aan te vragen" silenced the term (audit E#14); "welke
    van beide" made the two alternatives, which the document does not (audit G #1). "" where there
    is no such term."""
    steps = sorted((d for d in deadlines if d.actor == "provider" and d.kind in _HANDED_IN), key=lambda d: d.date)
    if not steps:
        return ""
    first = steps[0]
    what = lower_first(first.activity.rstrip(". "))
    term = lower_first(first.date_text) if first.date_text else f"uiterlijk {first.date:%d-%m-%Y}"
    route = route_kind_names(first.routes)
    for_route = f"Voor de route {route}" if route else "Daarnaast"
    where = f"(§ {first.source.section})"
    if first.when == "past":
        return (f" {for_route} vroeg het beleid: {what}, {term} {where}; die termijn is verstreken. Of het aanbod u "
                f"daarnaast of in plaats daarvan bereikt, zegt het beleid niet. {ctx.ask}")
    return (f" {for_route} vraagt het beleid: {what}, {term} {where}. Of het aanbod u daarnaast of in plaats daarvan "
            f"bereikt, zegt het beleid niet: vraag het {ctx.name} voordat die termijn afloopt. {ctx.ask}")


def running_contract_action(ctx: Ctx, route_kinds: set[str]) -> Action | None:
    """A former contractant whose contract for the route began before the policy year and runs
    through it (CZ 2027 §2.4: RHO and samenwerkingsverband 1 januari 2026 – 31 december 2027; §4.1
    "lopende overeenkomsten"): nothing to apply for or sign this year. Only where every period the
    document gives for the route does so; a route with a running and a new period (the run-off
    contract) is left to the offer."""
    if not ctx.had_contract:
        return None
    year = ctx.policy.year
    for route in sorted(route_kinds - {"follow"}):
        p = running_period(ctx.policy, route)
        if p is not None:
            return Action(text=f"Uw overeenkomst loopt door: {p.label}, {p.start:%d-%m-%Y} t/m {p.end:%d-%m-%Y} "
                               f"({p.duration_text}). Het beleid noemt voor een lopende overeenkomst geen aanvraag en "
                               f"geen tekentermijn voor {year}." + _running_tariff_note(ctx, route),
                          date=None, when="open", source=p.source, kind="running")
    return None


def _running_tariff_note(ctx: Ctx, route: str) -> str:
    """When the insurer tells a running contract its tariffs for the year (CZ 2027 §4.1
    "Informeren over de tarieven voor 2027 bij lopende overeenkomsten … 31 oktober 2026"), or ""."""
    item = next((t for t in ctx.policy.timeline if t.kind == "tariff_information" and route in t.routes), None)
    if item is None:
        return ""
    when = item.date_text or (f"op {item.date:%d-%m-%Y}" if item.date else "")
    if not when:
        return ""
    if item.date is not None and item.date < ctx.today:  # it knows what day it is
        return (f" Volgens het beleid informeerde {ctx.name} u {when} over de tarieven; heeft u niets ontvangen, "
                f"vraag het dan na bij {ctx.name} (§ {item.source.section}).")
    return f" {ctx.name} informeert u {when} over de tarieven (§ {item.source.section})."


def actions(ctx: Ctx, route_kinds: set[str], deadlines: list[Deadline]) -> list[Action]:
    """What to do and by when: still possible first (no deadline, then by date), past last."""
    applications = applications_for(ctx, route_kinds)
    in_year = dt.date(ctx.policy.year, 1, 1) <= ctx.today <= dt.date(ctx.policy.year, 12, 31)
    restricted_now = in_year and any(a.window == "restricted" for a in applications)
    out = [x for a in applications if (x := application_action(a, ctx, restricted_now)) is not None]
    for own in (running_contract_action(ctx, route_kinds), offer_action(ctx, route_kinds, applications, deadlines)):
        if own is not None:
            out.append(own)
    for d in deadlines:
        if d.actor == "provider" or d.kind in ("agreement_deadline", "administration", "negotiation"):
            # A range is done by its last day (VGZ 2024: overeenstemming "1 oktober 2023 – 22 december 2023").
            out.append(Action(text=d.activity, date=d.date_end or d.date, when=d.when, source=d.source, kind=d.kind,
                              date_text=d.date_text or None))
    out.extend(relative_actions(ctx, route_kinds))
    return sorted(out, key=lambda x: (_ORDER[x.when], x.date.toordinal() if x.date and x.when != "past" else
                                      -(x.date.toordinal() if x.date else 0)))


#: A term the document counts from the offer: CZ 2027 §4.1 "Vragen stellen over de overeenkomsten
#: Uiterlijk 4 weken na het aanbieden van de overeenkomst".
_WEEKS_AFTER_OFFER = re.compile(r"(\d+)\s+weken\s+na\s+het\s+aanbieden", re.IGNORECASE)


def relative_actions(ctx: Ctx, route_kinds: set[str]) -> list[Action]:
    """A provider's term that the document counts from the offer, not from a day (CZ 2027 §4.1: ask
    questions "uiterlijk 4 weken na het aanbieden van de overeenkomst"), for whom the offer is: its
    last possible day is the offer's last day plus those weeks. No day is invented: the action
    names the term in the document's words and that outer day, and says it is earlier for an
    earlier offer."""
    out = []
    for item in ctx.policy.timeline:
        match = _WEEKS_AFTER_OFFER.search(item.date_text)
        if (item.date or match is None or actor(item) != "provider" or not for_provider(item, ctx.had_contract)
                or not for_routes(item, route_kinds)):
            continue
        offer = next((t for t in ctx.policy.timeline if t.kind == "offer" and for_provider(t, ctx.had_contract)
                      and for_routes(t, route_kinds) and last_day(t)), None)
        term = f"uiterlijk {match.group(1)} weken na het aanbieden van de overeenkomst"
        if offer is None:
            out.append(Action(text=f"{item.activity} Termijn: {term}.", date=None, when="upcoming",
                              source=item.source, kind=item.kind, date_text=item.date_text))
            continue
        offered = last_day(offer)
        latest = offered + dt.timedelta(weeks=int(match.group(1)))
        if latest < ctx.today:
            text = (f"{item.activity} Dat kon tot {term}; het aanbod kwam uiterlijk {offered:%d-%m-%Y}, dus die "
                    f"termijn liep uiterlijk {latest:%d-%m-%Y} af.")
            state = "past"
        else:
            tense = "komt" if ctx.today <= offered else "kwam"
            text = (f"{item.activity} Dat kan tot {term}: het aanbod {tense} uiterlijk {offered:%d-%m-%Y}, dus "
                    f"uiterlijk {latest:%d-%m-%Y}; eerder als het aanbod eerder {tense}.")
            state = "today" if latest == ctx.today else "upcoming"
        out.append(Action(text=text, date=None, when=state, source=item.source, kind=item.kind,
                          date_text=item.date_text))
    return out


def window_text(ctx: Ctx) -> str:
    """When the provider can act again: the newer policy (in this wijzer or not) and the next one due."""
    recorded = frozenset(p.year for p in ctx.catalogue.policies_for(insurers=[ctx.policy.insurer]) if not p.partial)
    return next_window(ctx.policy, ctx.calendar, ctx.today, ctx.name, ctx.profile.role == "referrer", recorded)


def next_step(d: Decision, ctx: Ctx, todo: list[Action]) -> str:
    """The one next step: by verdict, with today's window and the document's channel. In a
    policy year that is over, what is still possible comes first: the newer policy."""
    step = verdict_step(d, ctx, todo)
    if (d.verdict == "eligible" and ctx.profile.role != "referrer") or not year_over(ctx.policy, ctx.today):
        return step
    window = window_text(ctx)
    return (f"Het beleidsjaar {ctx.policy.year} is voorbij. {window}"
            f" Wat voor {ctx.policy.year} gold: {step}")


def verdict_step(d: Decision, ctx: Ctx, todo: list[Action]) -> str:
    if ctx.profile.role == "referrer":
        return referrer_next_step(d, ctx)
    if d.verdict == "subcontractor_only":
        return subcontractor_next_step(d, ctx, todo)
    if d.verdict == "conditional":
        return d.question or ctx.ask
    if d.verdict == "not_eligible":
        reason = d.reasons[0] if d.reasons else ""
        return f"{reason} Wat dit verandert: {d.change}" if d.change else reason
    return eligible_next_step(ctx, todo)


def referrer_next_step(d: Decision, ctx: Ctx) -> str:
    if d.verdict == "eligible":
        return "Verwijs de deelnemer naar een gecontracteerde leefstijlcoach."
    if d.verdict == "not_eligible":
        return "De deelnemer komt volgens dit beleid niet in aanmerking: " + (d.reasons[0] if d.reasons else "")
    return d.question or ctx.ask


def subcontractor_next_step(d: Decision, ctx: Ctx, todo: list[Action]) -> str:
    """Join an organisation the insurer contracts; a former contractant with a run-off contract
    also reads when it is offered and by when to sign (CZ 2027 §2.2, §4.1)."""
    forms = route_names(d.join) or "organisatie"
    text = (f"Sluit u als onderaannemer aan bij een {forms} die {ctx.name} in uw regio heeft gecontracteerd. "
            f"{where_to_find(ctx)}")
    if any(r.route == "runoff" for r in d.routes):
        runoff = next((a for a in todo if a.kind == "offer"), None)
        if runoff is not None:
            text += f" Uitloopovereenkomst: {lower_first(runoff.text)}"
    return text


def eligible_next_step(ctx: Ctx, todo: list[Action]) -> str:
    if year_over(ctx.policy, ctx.today):
        return (f"Het beleidsjaar {ctx.policy.year} is voorbij; aanvragen of tekenen voor dat jaar kan niet meer. "
                + window_text(ctx))
    own = next((a for a in todo if a.kind in ("running", "offer")), None)
    if own is not None and ctx.had_contract:
        closed = own.when == "past"
        return own.text + (" " + window_text(ctx) if closed else "")
    first = next((a for a in todo if a.when != "past"), None)
    if first is not None:
        # Not answered whether there was a contract: the way in for a new provider, then the offer
        # to a former contractant ("Als u in 2023 een overeenkomst had: ...").
        also = f" {own.text}" if own is not None and own is not first and own.when != "past" else ""
        return first.text + (f" (uiterlijk {first.date:%d-%m-%Y})" if first.date and "uiterlijk" not in first.text
                             else "") + also
    # Objecting to the policy is no way into a contract: its passing does not close the year.
    closed = next((a for a in todo if a.when == "past" and a.date and a.kind != "objection_deadline"), None)
    if closed is not None:
        return (f"De termijn voor {ctx.policy.year} is verstreken ({closed.date:%d-%m-%Y}): {closed.text} "
                + window_text(ctx))
    return f"Vraag een overeenkomst aan. {ctx.ask}"


def explanation(d: Decision, groups: dict[str, int], ctx: Ctx) -> str:
    insurer, verdict, reasons = ctx.name, d.verdict, d.reasons
    if ctx.profile.role == "referrer":
        head = {"eligible": f"Volgens het beleid van {insurer} komt de deelnemer in aanmerking voor een GLI.",
                "not_eligible": f"Volgens het beleid van {insurer} komt de deelnemer niet in aanmerking.",
                "conditional": f"Of de deelnemer bij {insurer} in aanmerking komt, hangt nog af van een paar punten.",
                "subcontractor_only": ""}[verdict]
    else:
        # The organisations to join are the ones the policy names (ZZ 2024 §3.2 names no RHO).
        join = route_names(d.join) or f"organisatie die {insurer} contracteert"
        head = {
            "eligible": (f"Uw overeenkomst met {insurer} loopt volgens het beleid door, zolang u aan de eisen blijft "
                         "voldoen (ook die hieronder nog na te gaan zijn)." if d.running else
                         f"U kunt bij {insurer} een eigen overeenkomst krijgen, als u voldoet aan de eisen die nog "
                         "na te gaan zijn."),
            "subcontractor_only": f"Bij {insurer} kunt u de GLI alleen leveren als onderaannemer van een {join}.",
            "not_eligible": f"Bij {insurer} komt u nu niet in aanmerking voor een overeenkomst.",
            "conditional": f"Of u bij {insurer} een overeenkomst kunt krijgen, hangt af van iets wat nog niet vaststaat.",
        }[verdict]
        if ctx.profile.role == "coach" and verdict in ("eligible", "conditional"):
            head += (f" Werkt u liever als onderaannemer van een organisatie die {insurer} contracteert, dan kan dat "
                     "ook; de eisen aan leefstijlcoaches hieronder gelden dan evengoed. Bij een eis die niet voor "
                     "beide geldt, staat bij welke route die hoort.")
    tail = (f" Eisen: {groups['unmet']} niet voldaan, {groups['to_check']} na te gaan, {groups['met']} voldaan;"
            f" daarnaast {groups['obligation']} verplichtingen en {groups['expectation']} verwachtingen.")
    return head + (" " + reasons[0] if reasons else "") + tail
