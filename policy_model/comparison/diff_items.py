"""Compared items of two policy records, each classified by what both documents settle.

Structured subjects (programmes, registries, routes, periods, tariffs, applications,
timeline) are matched on their stable key; requirements, participant criteria and
provisions statement by statement (:mod:`policy_model.comparison.matching`). The class of
an item follows the coverage of both records (:class:`policy_model.schema.Coverage`):

- present on both sides: ``same``, ``reworded`` (same content, other words), or different
  in substance: ``changed`` where both documents settle it, ``elaborated_*`` where one of
  them states it only in general terms (or defers it), ``described_differently`` where
  neither settles it;
- present on one side: ``added`` / ``removed`` only where the other document settles that
  subject in full for that role (for requirements: its conditions), ``elaborated_*`` where
  this side states in general terms what the other works out, else ``only_in_*``.

A statement whose roles fall under different coverage is split into one item per class.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from policy_model.comparison.matching import (
    REWORDED_THRESHOLD,
    Pair,
    Statement,
    family,
    match_statements,
    normalised,
    same_sentence,
)
from policy_model.describe import (
    addressees_label,
    applies_to_role,
    duration_label,
    period_audience,
    registry_use_label,
    value_text,
)
from policy_model.schema import Change, CoverageEntry, Policy, Provision, Requirement, Source
from policy_model.vocab import (
    APPLICATION_WINDOW_LABELS,
    AVAILABILITY_LABELS,
    BACKGROUND_LABELS,
    CHANNEL_LABELS,
    FORCE_LABELS,
    FORCE_ORDER,
    GATING_FORCES,
    PARTICIPANT_FORCE_LABELS,
    PROGRAMME_STATUS_LABELS,
    ROUTE_ROLE,
    TOPIC_LABELS,
)

#: Classes that are a real difference between two documents that both settle the subject.
REAL_CHANGES: tuple[str, ...] = ("changed", "added", "removed")
#: Classes where only one document settles (or mentions) it.
ONE_SIDED: tuple[str, ...] = ("elaborated_in_to", "elaborated_in_from", "described_differently",
                              "only_in_from", "only_in_to")
ONLY_IN_ONE: tuple[str, ...] = ("only_in_from", "only_in_to")
_NOT_SETTLED = ("general", "deferred")


@dataclass(frozen=True)
class OtherReading:
    """What the other document does with a one-sided statement's subject, for some of its roles."""

    roles: tuple[str, ...]
    other_side: str | None
    deferral: Source | None = None


@dataclass(frozen=True)
class DiffItem:
    """One subject or statement compared across two records."""

    kind: str
    key: str
    subject: str
    cls: str
    before: str | None = None
    after: str | None = None
    before_sources: tuple[Source, ...] = ()
    after_sources: tuple[Source, ...] = ()
    stated_by_document: bool = False
    #: The texts on each side, one per statement, for a word-level view between matched statements.
    before_texts: tuple[str, ...] = ()
    after_texts: tuple[str, ...] = ()
    #: Force (or status) and roles of each side, for labels beside the texts.
    before_label: str = ""
    after_label: str = ""
    roles: tuple[str, ...] = ()
    #: False where a side's document names no contractant (``Requirement.roles_stated``).
    roles_stated: bool = True
    topic: str | None = None
    #: For a one-sided item: what the other document does with the subject (``general``,
    #: ``deferred``, ``full``, ``silent``, or ``one_off`` for an activity of its own year) and,
    #: when deferred, where it points.
    other_side: str | None = None
    deferral: Source | None = None
    #: Where the other document does different things with the subject for different roles
    #: (the CZ 2024 page defers the RHO's minimum requirements to "paragraaf 2.4" and says
    #: nothing of a samenwerkingsverband's): one reading per group of roles, and then
    #: ``other_side`` and ``deferral`` are empty (audit M #4).
    readings: tuple[OtherReading, ...] = ()
    #: For an item of the document's own change list: the change and the items it concerns.
    change: Change | None = None
    evidence: tuple[DiffItem, ...] = field(default=())
    #: Both records state it and one continues the other (matched on key or statement). An
    #: unmatched item can still show both sides: a summary's general sentence beside what
    #: the other document works out on the topic; words are never compared there.
    matched: bool = False

    @property
    def is_change(self) -> bool:
        return self.cls in REAL_CHANGES

    def word_pairs(self) -> list[tuple[str, str]]:
        """The older and newer text of a matched statement, for a word-level view; none otherwise,
        and none where only one document settles the subject: a summary's sentence beside the
        rule it sums up is not a rewording of it (the side-by-side pages do the same)."""
        if not self.matched or len(self.before_texts) != 1 or len(self.after_texts) != 1 or self.cls in ONE_SIDED:
            return []
        return [(self.before_texts[0], self.after_texts[0])]


def settled(level: str | None) -> bool:
    """A statement settles its subject unless its document speaks only in general terms or defers."""
    return level not in _NOT_SETTLED


def settles(entry: CoverageEntry | None, stated: bool) -> bool:
    """Whether a document settles a subject where it states something (``stated``) or is silent:
    as its level says, except beside a list of its own (``own_list``), where what it states is
    settled and its silence is not. ZZ 2024 5.1 lists its GLI requirements "aanvullend" to a
    general policy that is not this document; its BLCN requirement was read as a general remark
    that another insurer "works out" (audit I #4)."""
    if entry is not None and entry.level == "deferred" and entry.own_list:
        return stated
    return settled(entry.level if entry else None)


def _substantive(old_settled: bool, new_settled: bool) -> str:
    if old_settled and new_settled:
        return "changed"
    if new_settled:
        return "elaborated_in_to"
    if old_settled:
        return "elaborated_in_from"
    return "described_differently"


def _holds_the_other(left: _Side, right: _Side, old_level: str | None, new_level: str | None) -> str | None:
    """One side states all the other does and more (e.g. two ways to apply against one): that
    is a change only where the shorter side claims to be the full list; otherwise the longer
    side elaborates it (a document that names one of two channels has not dropped the other)."""
    old_set, new_set = set(left.signature), set(right.signature)
    if old_set < new_set and old_level != "full":
        return "elaborated_in_to"
    if new_set < old_set and new_level != "full":
        return "elaborated_in_from"
    return None


def _deferral(policy: Policy, subject: str, **where) -> Source | None:
    entry = policy.coverage.entry(subject, **where)
    return entry.source if entry and entry.level == "deferred" else None


# --------------------------------------------------------------------------- structured subjects


@dataclass(frozen=True)
class _Side:
    """What one record says on one subject: a description, a comparable signature, sources."""

    text: str
    signature: object
    sources: tuple[Source, ...]
    #: Where the signature leaves the wording out on purpose (an undated announcement), the
    #: wording: equal signatures with other wording are a rewording, not the same.
    wording: str | None = None


def _grouped(entries: Iterable, key: Callable, text: Callable, signature: Callable,
             wording: Callable | None = None) -> dict[str, _Side]:
    groups: dict[str, list] = {}
    for entry in entries:
        groups.setdefault(key(entry), []).append(entry)
    return {
        k: _Side("; ".join(dict.fromkeys(text(e) for e in v)), tuple(sorted({repr(signature(e)) for e in v})),
                 tuple(e.source for e in v),
                 " | ".join(sorted(normalised(wording(e)) for e in v)) if wording else None)
        for k, v in groups.items()
    }


def keyed_items(kind: str, subject: str, old: Policy, new: Policy, a: dict[str, _Side], b: dict[str, _Side],
                names: Callable[[str], str], *, by_route: bool = False,
                one_off: Callable[[str], bool] = lambda key: False) -> list[DiffItem]:
    """Items matched on a stable key (programme id, route kind, ...)."""
    items = []
    for key in dict.fromkeys([*a, *b]):
        where = {"route": key} if by_route else {}
        old_entry, new_entry = old.coverage.entry(subject, **where), new.coverage.entry(subject, **where)
        old_level = old_entry.level if old_entry else None
        new_level = new_entry.level if new_entry else None
        left, right = a.get(key), b.get(key)
        other, deferral = None, None
        if left and right:
            if left.signature == right.signature:
                cls = "same" if left.wording == right.wording else "reworded"
            else:
                cls = _holds_the_other(left, right, old_level, new_level) or _substantive(
                    settles(old_entry, stated=True), settles(new_entry, stated=True))
        elif right:
            cls = "added" if old_level == "full" and not one_off(key) else "only_in_to"
            other = "one_off" if one_off(key) else old_level or "silent"
            deferral = _deferral(old, subject, **where)
        else:
            cls = "removed" if new_level == "full" and not one_off(key) else "only_in_from"
            other = "one_off" if one_off(key) else new_level or "silent"
            deferral = _deferral(new, subject, **where)
        items.append(DiffItem(
            kind, key, names(key), cls,
            left.text if left else None, right.text if right else None,
            left.sources if left else (), right.sources if right else (),
            other_side=other if cls in ONLY_IN_ONE else None, deferral=deferral if cls in ONLY_IN_ONE else None,
            matched=bool(left and right),
        ))
    return items


def programme_sides(policy: Policy) -> dict[str, _Side]:
    return _grouped(policy.programmes, lambda p: p.programme, lambda p: PROGRAMME_STATUS_LABELS[p.status],
                    lambda p: p.status)


def registry_sides(policy: Policy) -> dict[str, _Side]:
    def text(r) -> str:
        whom = ", ".join(BACKGROUND_LABELS[b].lower() for b in r.backgrounds)
        return registry_use_label(r) + (f" ({whom})" if whom else "")

    # Not new_providers_only in the signature: a register named for new providers beside one named
    # for all is silence on the others, not a difference (audit P #3).
    return _grouped(policy.registries, lambda r: r.registry, text, lambda r: (r.use, tuple(sorted(r.backgrounds))))


def route_sides(old: Policy, new: Policy) -> tuple[dict[str, _Side], dict[str, _Side]]:
    """Routes: a preference counts only when both records state one (a derived record often
    names a route without its rank, which is silence, not a change of rank)."""
    both_rank = ({r.route for r in old.contract_routes if r.preference}
                 & {r.route for r in new.contract_routes if r.preference})

    def describe(policy: Policy) -> dict[str, _Side]:
        def text(r) -> str:
            parts = [AVAILABILITY_LABELS[r.available]]
            if r.preference:
                parts.append(f"voorkeur {r.preference}")
            if r.in_region is not None:
                where = "in de eigen regio" if r.in_region else "buiten de eigen regio"
                parts.append(where if r.available == "no" else f"alleen {where}")
            return ", ".join(parts)

        return _grouped(policy.contract_routes, lambda r: r.route, text,
                        lambda r: (r.available, r.in_region, r.preference if r.route in both_rank else None))

    return describe(old), describe(new)


def period_sides(policy: Policy) -> dict[str, _Side]:
    """Periods compare on their length, not their dates: every year has new dates."""

    def text(p) -> str:
        span = f" ({p.start:%d-%m-%Y} t/m {p.end:%d-%m-%Y})" if p.start and p.end else ""
        return f"{duration_label(p)}{span}{period_audience(p)}"

    return _grouped(policy.contract_periods, lambda p: p.route, text,
                    lambda p: (p.duration_years, p.maximum) if p.duration_years else p.duration_text.lower())


def tariff_sides(policy: Policy) -> dict[str, _Side]:
    return _grouped(policy.tariffs, lambda t: t.kind, lambda t: AVAILABILITY_LABELS[t.available], lambda t: t.available)


def application_sides(policy: Policy) -> dict[str, _Side]:
    by_route: dict[str, list] = {}
    for application in policy.applications:
        for route in application.routes:
            by_route.setdefault(route, []).append(application)
    return {
        route: _Side(
            "; ".join(dict.fromkeys(
                f"{CHANNEL_LABELS[a.channel]}, {APPLICATION_WINDOW_LABELS[a.window].lower()}" for a in apps)),
            tuple(sorted({(a.channel, a.window, a.new_providers_only) for a in apps})),
            tuple(a.source for a in apps),
        )
        for route, apps in by_route.items()
    }


def timeline_key(item) -> str:
    """The stable key of a timeline item: its lineage, else its kind; the grab-bag kinds
    ("other", "policy_updates") without lineage are matched on their activity."""
    if item.lineage:
        return f"lineage:{item.lineage}"
    if item.kind in ("other", "policy_updates"):
        return f"{item.kind}:{' '.join(item.activity.lower().split())}"
    return item.kind


def timeline_sides(policy: Policy) -> dict[str, _Side]:
    """Dated items compare on their date relative to the policy year (1 April of the year
    before stays 1 April of the year before), so a yearly calendar is not a change; an
    undated announcement ("zodra ...") compares on being announced, not on its wording."""

    def relative(item) -> object:
        if item.date is None:
            return "undated"
        return (item.date.year - policy.year, item.date.month, item.date.day)

    return _grouped(policy.timeline, timeline_key, lambda t: t.date_text, relative,
                    lambda t: t.date_text if t.date is None else "")


# --------------------------------------------------------------------------- statements


def _subject(statement: Statement) -> str:
    return {"requirement": "requirements", "participant": "participants", "provision": "provisions"}[family(statement)]


def statement_label(statement: Statement) -> str:
    """``Minimumeis · RHO, Samenwerkingsverband`` / ``Voorwaarde voor deelname`` / ``Bepaling``."""
    if isinstance(statement, Provision):
        return "Bepaling van de verzekeraar"
    labels = PARTICIPANT_FORCE_LABELS if statement.kind == "participant" else FORCE_LABELS
    label = labels[statement.force]
    if statement.kind == "participant":
        return label
    who = addressees_label([statement], with_referrer=True)
    extra = ", ".join(BACKGROUND_LABELS[b] for b in statement.backgrounds)
    return f"{label} · {who}" + (f" ({extra})" if extra else "")


def _signature(statement: Statement) -> tuple:
    """The structured content: what a changed wording alone does not change."""
    if isinstance(statement, Provision):
        return ("provision", statement.topic)
    r = statement
    return (r.kind, r.force, value_text(r), repr(r.condition), tuple(sorted(r.registries)),
            tuple(sorted(r.programmes)), tuple(sorted(r.routes)), tuple(sorted(r.roles)),
            tuple(sorted(r.backgrounds)), tuple(sorted(r.scopes)), r.new_providers_only)


def _reworded(a: Statement, b: Statement) -> bool:
    from rapidfuzz import fuzz

    return same_sentence(a, b) or fuzz.token_sort_ratio(normalised(a.text), normalised(b.text)) >= REWORDED_THRESHOLD


def _roles_of(*statements: Statement | None) -> list[str | None]:
    roles: list[str | None] = []
    for statement in statements:
        if isinstance(statement, Requirement):
            roles += [r for r in statement.roles if r not in roles]
    return roles or [None]


def _roles_stated(*statements: Statement | None) -> bool:
    """False where a requirement's document names no contractant: its roles are the forms it may concern."""
    return all(s.roles_stated for s in statements if isinstance(s, Requirement))


def _gating(statement: Statement) -> bool:
    return isinstance(statement, Provision) or statement.force in GATING_FORCES


def _states_settled(policy: Policy, statement: Statement, role: str | None) -> bool:
    """Whether ``statement`` settles its subject in its own document, for ``role``."""
    return settles(policy.coverage.entry(_subject(statement), role=role, topic=statement.topic), stated=True)


def _addresses(statement: Statement, role: str | None) -> bool:
    """Whether a statement speaks to ``role``: a requirement for the RHO says nothing about an msv
    (audit I #1: VGZ's RHO-only rules were shown as what works out ZZ's msv composition)."""
    return not isinstance(statement, Requirement) or statement.kind == "participant" or applies_to_role(statement, role)


def _names(statement: Statement, role: str | None) -> bool:
    """Whether a statement names ``role`` itself (a coach's statement names an individual coach,
    who is one): what works out a general sentence for the RHO must be about the RHO, not a
    statement on coaches that an RHO's coaches must also meet (audit K #4: ZZ §5.4's call on
    coaches to join an msv "worked out" CZ 2024's sentence on the RHO's subcontractors)."""
    if not isinstance(statement, Requirement) or statement.kind == "participant" or role is None:
        return True
    if role in ("coach", "individual_coach") and "coach" in statement.roles:
        return applies_to_role(statement, role)
    return role in statement.roles and applies_to_role(statement, role)


def _on_topic(policy: Policy, statement: Statement, role: str | None) -> list[Statement]:
    """The statements of ``policy`` of the same kind on the same topic that name ``role`` and settle it."""
    pool = [*policy.requirements, *policy.provisions]
    return [s for s in pool if family(s) == family(statement) and s.topic == statement.topic
            and _names(s, role) and _states_settled(policy, s, role) and not _describes_a_condition(s, statement)]


def _describes_a_condition(candidate: Statement, statement: Statement) -> bool:
    """Whether ``candidate`` only describes (a participant "expectation": "Beschrijving, geen
    voorwaarde") where ``statement`` is a condition for taking part: CZ 2027 §2.1.1's "De huisarts,
    bedrijfsarts of medisch specialist fungeert als verwijzer" does not work out VGZ 2024's rule that
    the referrer must judge a 16-year-old's benefit (audit M #5)."""
    return (isinstance(statement, Requirement) and statement.kind == "participant"
            and statement.force in GATING_FORCES and isinstance(candidate, Requirement)
            and candidate.force not in GATING_FORCES)


#: ``other_side`` of a statement whose topic the other insurer settles with conditions of its own:
#: merged into one item per topic (:func:`_topic_items`), never shown as such.
_ON_TOPIC = "on_topic"


def _conditions_on_topic(policy: Policy, statement: Statement, role: str | None) -> list[Statement]:
    """The conditions (minimum requirements, exclusion grounds) ``policy`` sets on the statement's
    topic for ``role``, or for every contractant it has. Across insurers an unmatched condition
    beside them is no "B asks nothing of the kind": CZ 2027 §3.3.2 asks a licence in its own words
    where VGZ 2024 asks one in its own (audit I #2); VGZ 2024 asks every GLI provider to follow the
    NZa rules, ZZ 2024 asks it of its msv's coaches, whose roles the two records never share
    (audit J #2)."""
    if not _is_condition(statement):
        return []
    return [s for s in policy.requirements if s.kind == statement.kind and s.topic == statement.topic
            and _is_condition(s) and (_addresses(s, role) or _for_every_contractant(policy, s, role))
            and _states_settled(policy, s, role)]


def _is_condition(statement: Statement) -> bool:
    """A requirement that gates a contract, on a topic of its own: provisions and the catch-all topic
    ``other`` set side by side things that have only their vagueness in common (audit K #1)."""
    return isinstance(statement, Requirement) and statement.force in GATING_FORCES and statement.topic != "other"


def _for_every_contractant(policy: Policy, statement: Statement, role: str | None) -> bool:
    """A requirement put to every form the record contracts (VGZ 2024 bijlage 2's GLI list: RHO,
    samenwerkingsverband, individual coach): what that insurer asks of any provider it contracts,
    whatever the form is called. VGZ's samenwerkingsverband route is open ("bijv."), so an msv may
    be one; restricting this to the forms a record names made VGZ "lack" the NZa rule for an msv
    (audit K #3 against L #1). The two sides then stand together, labelled as each insurer's own
    words, never as a verdict.

    Not for a record that contracts one form only: Zorg en Zekerheid 2024's rules for its msv or
    zorggroep are rules for that form, and said nothing of VGZ's RHO patient portal or of an
    individual coach (audit M #1, #2). Nor for a role whose route the record closes (ZZ 2024 §3.1:
    "geen nieuwe zorgovereenkomsten ... met individuele GLI- zorgaanbieders")."""
    if not isinstance(statement, Requirement) or statement.routes:
        return False
    forms = {ROUTE_ROLE[r.route] for r in policy.offered_routes()}
    closed = {ROUTE_ROLE[r.route] for r in policy.contract_routes if r.available == "no"} - forms
    return len(forms) > 1 and forms <= set(statement.roles) and role not in closed


def _topic_items(old: Policy, new: Policy, found: list[tuple[Statement, list[str | None]]]) -> list[DiffItem]:
    """One item per topic ("Beide stellen hier eisen, elk in eigen woorden") for conditions two insurers set:
    every condition of each side on that topic for those roles, side by side."""
    by_topic: dict[str, list[str | None]] = {}
    for statement, roles in found:
        merged = by_topic.setdefault(statement.topic, [])
        merged += [r for r in roles if r not in merged]
    items = []
    for topic, roles in by_topic.items():
        sample = next(s for s, _ in found if s.topic == topic)
        sides = [list({s.identity: s for role in roles for s in _conditions_on_topic(policy, sample, role)}.values())
                 for policy in (old, new)]
        before, after = sides
        real_roles = tuple(r for r in roles if r)
        items.append(DiffItem(
            family(sample), f"topic:{topic}" + (f"@{'+'.join(real_roles)}" if real_roles else ""), TOPIC_LABELS[topic],
            "changed", "\n".join(s.text for s in before) or None, "\n".join(s.text for s in after) or None,
            tuple(s.source for s in before), tuple(s.source for s in after),
            before_texts=tuple(s.text for s in before), after_texts=tuple(s.text for s in after),
            before_label="; ".join(dict.fromkeys(statement_label(s) for s in before)),
            after_label="; ".join(dict.fromkeys(statement_label(s) for s in after)),
            roles=real_roles, roles_stated=_roles_stated(*before, *after), topic=topic,
        ))
    return items


def _pair_class(old: Policy, new: Policy, pair: Pair, role: str | None) -> tuple[str, str | None, Source | None]:
    """The class of a pair for one role, with what the other side does (one-sided only)."""
    a, b = pair.old, pair.new
    if a is not None and b is not None:
        if _signature(a) == _signature(b):
            if normalised(a.text) == normalised(b.text):
                return "same", None, None
            if _reworded(a, b):
                return "reworded", None, None
        return _substantive(_states_settled(old, a, role), _states_settled(new, b, role)), None, None
    mine, own, other, arrow = (b, new, old, "to") if b is not None else (a, old, new, "from")
    entry = other.coverage.entry(_subject(mine), role=role, topic=mine.topic)
    other_level = entry.level if entry is not None else None
    own_settled = _states_settled(own, mine, role)
    if not own_settled and _on_topic(other, mine, role):
        return ("elaborated_in_from" if arrow == "to" else "elaborated_in_to"), None, None
    if own_settled and _gating(mine) and old.insurer != new.insurer and _conditions_on_topic(other, mine, role):
        return "changed", _ON_TOPIC, None
    if other_level == "full" and _gating(mine):
        # Added or removed only where both documents settle the subject for the role; a condition
        # this document states only in general terms, or beside a deferral, is one-sided.
        if not own_settled:
            return f"only_in_{arrow}", "full_unsettled", None
        return ("added" if arrow == "to" else "removed"), None, None
    speaks = mine.topic != "other" and _speaks_of(other, mine)
    if other_level == "deferred" and entry is not None and entry.own_list and speaks:
        # A list of its own beside the deferral that speaks of the topic: ZZ 2024 §5.1 sets its GLI
        # requirements "aanvullend" to its general policy, the RIVM's Loket Gezond Leven among them
        # (audit P #1: "legt dit hier niet vast" beside them). Where it points stays quoted.
        return f"only_in_{arrow}", "other_words_deferred", entry.source
    deferral = entry.source if other_level == "deferred" and entry is not None else None
    if other_level == "general" and not speaks and not (entry is not None and mine.topic in entry.topics):
        # A summary that never mentions the topic says nothing of it (audit J #4, K #2); a record
        # whose coverage names the topic as general does (VGZ 2024 on exclusion grounds, audit P #2).
        other_level = None
    if other_level is None and speaks:
        # Not "zegt hier niets over" where it speaks of the topic in sentences of its own (audit L #8).
        return f"only_in_{arrow}", "other_words", deferral
    if other_level == "full" and mine.topic != "other" and _mentions_for(other, mine, role):
        # Not "noemt dit niet" where it does, as an insurer's provision or for this role: CZ 2027
        # §2.1.1 makes positive health "een belangrijk uitgangspunt" beside ZZ's expectation of its
        # msv's coaches (audit P #4). VGZ's RHO-agreement list says nothing for a coach (audit Q #1).
        return f"only_in_{arrow}", "other_words", None
    return f"only_in_{arrow}", other_level or "silent", deferral


def _speaks_of(policy: Policy, statement: Statement) -> bool:
    """Whether ``policy`` says anything of the statement's kind on its topic (for any role)."""
    return any(family(s) == family(statement) and s.topic == statement.topic
               for s in (*policy.requirements, *policy.provisions))


def _mentions_for(policy: Policy, statement: Statement, role: str | None) -> bool:
    """Whether ``policy`` speaks of the statement's topic for ``role``: in an insurer's provision, a
    requirement addressed to the role, a participant criterion (for the referrer: CZ 2027 §2.1's
    "Verwijzing vindt plaats via de huisarts …", audit R #1), or a register the statement names
    (VGZ contracts through VECOZO, audit R #3). Another role's list says nothing (audit Q #1)."""
    named = isinstance(statement, Requirement) and bool(
        set(statement.registries) & {entry.registry for entry in policy.registries})
    return named or any(s.topic == statement.topic and _speaks_to(s, role)
                        for s in (*policy.requirements, *policy.provisions))


def _speaks_to(statement: Statement, role: str | None) -> bool:
    """An insurer's provision speaks to every role; a participant criterion to the referrer; a
    requirement on providers to the roles it applies to."""
    if isinstance(statement, Requirement) and statement.kind == "participant":
        return role in (None, "referrer")
    return _addresses(statement, role)


def statement_items(old: Policy, new: Policy) -> list[DiffItem]:
    """Every requirement, participant criterion and provision, matched and classified per role."""
    pairs = match_statements([*old.requirements, *old.provisions], [*new.requirements, *new.provisions],
                             use_identity=old.insurer == new.insurer)
    items: list[DiffItem] = []
    on_topic: list[tuple[Statement, list[str | None]]] = []
    for pair in pairs:
        # Split a statement only where its roles get different classes; what the other side
        # does may differ per role (general here, deferred there): each reading keeps its roles.
        by_class: dict[tuple[str, bool], list[tuple[str | None, str | None, Source | None]]] = {}
        for role in _roles_of(pair.old, pair.new):
            cls, other, deferral = _pair_class(old, new, pair, role)
            by_class.setdefault((cls, other == _ON_TOPIC), []).append((role, other, deferral))
        split = len(by_class) > 1
        for (cls, topic_wide), found in by_class.items():
            if topic_wide:
                on_topic.append((pair.old or pair.new, [role for role, _, _ in found]))
                continue
            roles = [role for role, _, _ in found]
            items.append(_statement_item(old, new, pair, cls, _readings(found), roles, split))
    items += _topic_items(old, new, on_topic)
    order = list(TOPIC_LABELS)
    kinds = ["participant", "requirement", "provision"]
    return sorted(items, key=lambda i: (kinds.index(i.kind), order.index(i.topic), _force_rank(i)))


def _force_rank(item: DiffItem) -> int:
    for index, force in enumerate(FORCE_ORDER):
        if FORCE_LABELS[force] in (item.before_label + item.after_label):
            return index
    return len(FORCE_ORDER)


def _readings(found: list[tuple[str | None, str | None, Source | None]]) -> tuple[OtherReading, ...]:
    """The other side's readings of a statement's roles, one per distinct reading, in role order."""
    by_reading: dict[tuple[str | None, Source | None], list[str]] = {}
    for role, other, deferral in found:
        by_reading.setdefault((other, deferral), []).extend([role] if role else [])
    return tuple(OtherReading(tuple(roles), other, deferral) for (other, deferral), roles in by_reading.items())


def _statement_item(old: Policy, new: Policy, pair: Pair, cls: str, readings: tuple[OtherReading, ...],
                    roles: list[str | None], split: bool) -> DiffItem:
    a, b = pair.old, pair.new
    statement = b or a
    assert statement is not None
    before_texts = (a.text,) if a else ()
    after_texts = (b.text,) if b else ()
    after_sources = (b.source,) if b else ()
    before_sources = (a.source,) if a else ()
    after_label = statement_label(b) if b else ""
    before_label = statement_label(a) if a else ""
    if cls.startswith("elaborated") and (a is None or b is None):
        # One side states in general terms what the other works out: show what the other says.
        other_policy, role = (new if b is None else old), roles[0]
        worked_out = _on_topic(other_policy, statement, role)
        texts = tuple(s.text for s in worked_out)
        sources = tuple(s.source for s in worked_out)
        label = "; ".join(dict.fromkeys(statement_label(s) for s in worked_out))
        if b is None:
            after_texts, after_sources, after_label = texts, sources, label
        else:
            before_texts, before_sources, before_label = texts, sources, label
    kind = family(statement)
    real_roles = tuple(r for r in roles if r)
    key = statement.identity + (f"@{'+'.join(real_roles)}" if split else "")
    return DiffItem(
        kind, key, TOPIC_LABELS[statement.topic], cls,
        "\n".join(before_texts) or None, "\n".join(after_texts) or None,
        before_sources, after_sources,
        before_texts=before_texts, after_texts=after_texts, before_label=before_label, after_label=after_label,
        roles=real_roles, roles_stated=_roles_stated(a, b), topic=statement.topic,
        other_side=readings[0].other_side if len(readings) == 1 else None,
        deferral=readings[0].deferral if len(readings) == 1 else None,
        readings=readings if len(readings) > 1 else (),
        matched=a is not None and b is not None,
    )


def statements_of(policy: Policy) -> Sequence[Statement]:
    return [*policy.requirements, *policy.provisions]
