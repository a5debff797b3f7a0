"""A classified comparison of two policy records, aware of what each document addresses.

A document's silence is not a change: an item present on one side only is ``added`` or
``removed`` when the other document addresses that subject in full (its record's
:class:`~policy_model.schema.Coverage`), and ``only_in_from`` / ``only_in_to`` ("alleen
vermeld in ...") when it does not. Items present on both sides are ``changed`` or
``same``. Each item also says whether the newer document's own list of changes names it
(``stated_by_document``), so a page can set the document's list beside the computed one.

Items are matched on stable identity: programme id, registry id, route kind, tariff kind,
timeline activity kind, requirement topic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from policy_model.catalogue import Catalogue
from policy_model.describe import duration_label, value_text
from policy_model.schema import Change, Policy, Source
from policy_model.vocab import (
    APPLICATION_WINDOW_LABELS,
    AVAILABILITY_LABELS,
    BACKGROUND_LABELS,
    CHANNEL_LABELS,
    FORCE_LABELS,
    GATING_FORCES,
    PROGRAMME_STATUS_LABELS,
    REGISTRY_USE_LABELS,
    ROUTE_LABELS,
    TARIFF_KIND_LABELS,
    TIMELINE_KIND_LABELS,
    TOPIC_LABELS,
)

DiffClass = Literal["changed", "added", "removed", "only_in_from", "only_in_to", "same"]
ItemKind = Literal["programme", "registry", "route", "period", "tariff", "application", "timeline", "requirement"]

#: Classes that are a real difference between two documents that both address the subject.
REAL_CHANGES: tuple[str, ...] = ("changed", "added", "removed")
#: Classes where only one document mentions the subject.
ONLY_IN_ONE: tuple[str, ...] = ("only_in_from", "only_in_to")

DIFF_CLASS_LABELS: dict[str, str] = {
    "changed": "Gewijzigd",
    "added": "Nieuw",
    "removed": "Vervallen",
    "only_in_from": "Alleen vermeld in het oudere document",
    "only_in_to": "Alleen vermeld in het nieuwere document",
    "same": "Gelijk",
}
#: Item kinds in display order, with the coverage subject that decides added vs only-in.
KIND_SUBJECT: dict[str, str] = {
    "programme": "programmes",
    "registry": "registries",
    "route": "routes",
    "period": "periods",
    "tariff": "tariffs",
    "application": "applications",
    "timeline": "timeline",
    "requirement": "requirements",
}
KIND_LABELS: dict[str, str] = {
    "programme": "Programma's",
    "registry": "Registers",
    "route": "Contracteerroutes",
    "period": "Looptijden",
    "tariff": "Tarieven",
    "application": "Aanvragen",
    "timeline": "Tijdlijn",
    "requirement": "Eisen",
}


@dataclass(frozen=True)
class DiffItem:
    """One subject compared across two records."""

    kind: ItemKind
    key: str
    subject: str
    cls: DiffClass
    before: str | None = None
    after: str | None = None
    before_sources: tuple[Source, ...] = ()
    after_sources: tuple[Source, ...] = ()
    stated_by_document: bool = False
    #: For requirements: the texts on each side, one per requirement, for a word-level view.
    before_texts: tuple[str, ...] = ()
    after_texts: tuple[str, ...] = ()

    @property
    def is_change(self) -> bool:
        return self.cls in REAL_CHANGES


@dataclass(frozen=True)
class PolicyDiff:
    old: Policy
    new: Policy
    items: tuple[DiffItem, ...] = field(default_factory=tuple)

    def of_kind(self, kind: str, classes: Iterable[str] = REAL_CHANGES) -> list[DiffItem]:
        wanted = set(classes)
        return [i for i in self.items if i.kind == kind and i.cls in wanted]

    @property
    def changes(self) -> list[DiffItem]:
        """The real differences: both documents address the subject."""
        return [i for i in self.items if i.cls in REAL_CHANGES]

    @property
    def only_in_one(self) -> list[DiffItem]:
        return [i for i in self.items if i.cls in ONLY_IN_ONE]

    @property
    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(DIFF_CLASS_LABELS, 0)
        for item in self.items:
            out[item.cls] += 1
        return out


@dataclass(frozen=True)
class _Side:
    """What one record says on one subject: a description, a comparable signature, sources."""

    text: str
    signature: object
    sources: tuple[Source, ...]
    texts: tuple[str, ...] = ()


def _classify(
    kind: ItemKind, key: str, subject: str, old: _Side | None, new: _Side | None,
    old_addresses: bool, new_addresses: bool,
) -> DiffItem:
    if old and new:
        cls: DiffClass = "same" if old.signature == new.signature else "changed"
    elif new:
        cls = "added" if old_addresses else "only_in_to"
    else:
        cls = "removed" if new_addresses else "only_in_from"
    return DiffItem(
        kind, key, subject, cls,
        old.text if old else None, new.text if new else None,
        old.sources if old else (), new.sources if new else (),
        before_texts=old.texts if old else (), after_texts=new.texts if new else (),
    )


def _keyed(kind: ItemKind, old: Policy, new: Policy, describe: Callable[[Policy], dict[str, _Side]],
           names: Callable[[str], str]) -> list[DiffItem]:
    a, b = describe(old), describe(new)
    subject = KIND_SUBJECT[kind]
    items = []
    for key in dict.fromkeys([*a, *b]):
        # A one-off dated activity ("kind:activity" keys) belongs to its own year: another
        # year's timeline not having it is not a removal.
        one_off = kind == "timeline" and ":" in key
        items.append(_classify(kind, key, names(key), a.get(key), b.get(key),
                               old.addresses(subject) and not one_off, new.addresses(subject) and not one_off))
    return items


def _grouped(entries, key, text, signature) -> dict[str, _Side]:
    groups: dict[str, list] = {}
    for entry in entries:
        groups.setdefault(key(entry), []).append(entry)
    return {
        k: _Side(
            "; ".join(dict.fromkeys(text(e) for e in v)),
            tuple(sorted({repr(signature(e)) for e in v})),
            tuple(e.source for e in v),
        )
        for k, v in groups.items()
    }


# --------------------------------------------------------------------------- per kind


def _programmes(policy: Policy) -> dict[str, _Side]:
    return _grouped(policy.programmes, lambda p: p.programme,
                    lambda p: PROGRAMME_STATUS_LABELS[p.status], lambda p: p.status)


def _registries(policy: Policy) -> dict[str, _Side]:
    def text(r) -> str:
        whom = ", ".join(BACKGROUND_LABELS[b].lower() for b in r.backgrounds)
        return REGISTRY_USE_LABELS[r.use] + (f" ({whom})" if whom else "")

    return _grouped(policy.registries, lambda r: r.registry, text, lambda r: (r.use, tuple(sorted(r.backgrounds))))


def _route_pairs(old: Policy, new: Policy) -> tuple[dict[str, _Side], dict[str, _Side]]:
    """Routes: a preference counts only when both records state one (a derived record often
    names a route without its rank, which is silence, not a change of rank)."""
    both_rank = {r.route for r in old.contract_routes if r.preference} & {r.route for r in new.contract_routes if r.preference}

    def describe(policy: Policy) -> dict[str, _Side]:
        def text(r) -> str:
            parts = [AVAILABILITY_LABELS[r.available]]
            if r.preference:
                parts.append(f"voorkeur {r.preference}")
            if r.in_region is not None:
                where = "in de eigen regio" if r.in_region else "buiten de eigen regio"
                parts.append(where if r.available == "no" else f"alleen {where}")
            return ", ".join(parts)

        return _grouped(
            policy.contract_routes, lambda r: r.route, text,
            lambda r: (r.available, r.in_region, r.preference if r.route in both_rank else None),
        )

    return describe(old), describe(new)


def _periods(policy: Policy) -> dict[str, _Side]:
    """Periods compare on their length, not their dates: every year has new dates."""

    def text(p) -> str:
        span = f" ({p.start:%d-%m-%Y} t/m {p.end:%d-%m-%Y})" if p.start and p.end else ""
        return f"{duration_label(p)}{span}"

    return _grouped(policy.contract_periods, lambda p: p.route, text,
                    lambda p: (p.duration_years, p.maximum) if p.duration_years else p.duration_text.lower())


def _tariffs(policy: Policy) -> dict[str, _Side]:
    return _grouped(policy.tariffs, lambda t: t.kind, lambda t: AVAILABILITY_LABELS[t.available], lambda t: t.available)


def _applications(policy: Policy) -> dict[str, _Side]:
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


def _timeline(policy: Policy) -> dict[str, _Side]:
    """Timeline items compare on their date relative to the policy year (1 April of the
    year before stays 1 April of the year before), so a yearly calendar is not a change."""

    def relative(item) -> object:
        if item.date is None:
            return item.date_text.lower()
        return (item.date.year - policy.year, item.date.month, item.date.day)

    def key(item) -> str:
        # "other" and "policy_updates" are grab bags: match those on their activity instead.
        if item.kind in ("other", "policy_updates"):
            return f"{item.kind}:{' '.join(item.activity.lower().split())}"
        return item.kind

    return _grouped(policy.timeline, key, lambda t: t.date_text, relative)


def _requirements(policy: Policy) -> dict[str, _Side]:
    """Per topic: structured content (values, registries, programmes, routes, force, roles)
    and the cited sentences; requirements citing the same sentences say the same."""
    by_topic: dict[str, list] = {}
    for requirement in policy.requirements:
        by_topic.setdefault(requirement.topic, []).append(requirement)
    out = {}
    for topic, reqs in by_topic.items():
        structured = tuple(sorted(
            (value_text(r), tuple(sorted(r.registries)), tuple(sorted(r.programmes)), tuple(sorted(r.routes)),
             r.force, tuple(sorted(r.roles)), tuple(sorted(r.backgrounds)))
            for r in reqs
        ))
        quotes = frozenset(" ".join(r.source.quote.split()) for r in reqs)
        out[topic] = _Side(
            " | ".join(f"[{FORCE_LABELS[r.force]}] {r.text}" for r in reqs),
            (structured, quotes),
            tuple(r.source for r in reqs),
            tuple(r.text for r in reqs),
        )
    return out


def _addresses_topic(policy: Policy, topic: str, other: Policy) -> bool:
    """Whether ``policy`` addresses a requirement topic that ``other`` has requirements on.

    A document's full list of requirements (coverage subject ``requirements``) is its list
    of conditions: its silence on a topic settles only the other side's minimum
    requirements and exclusion grounds. That the newer document no longer describes an
    expectation in the same words is not a removal: topics of expectations line up less
    well between documents than conditions do.
    """
    if topic in policy.coverage.topics or any(x.topic == topic for x in (*policy.requirements, *policy.changes)):
        return True
    return "requirements" in policy.coverage.subjects and any(
        r.topic == topic and r.force in GATING_FORCES for r in other.requirements
    )


def _requirement_items(old: Policy, new: Policy) -> list[DiffItem]:
    a, b = _requirements(old), _requirements(new)
    items = []
    for topic in [t for t in TOPIC_LABELS if t in a or t in b]:
        old_side, new_side = a.get(topic), b.get(topic)
        item = _classify("requirement", topic, TOPIC_LABELS[topic], old_side, new_side,
                         _addresses_topic(old, topic, new), _addresses_topic(new, topic, old))
        if item.cls == "changed" and old_side and new_side:
            # Same structure but other sentences: changed only where our texts differ too.
            same_structure = old_side.signature[0] == new_side.signature[0]  # type: ignore[index]
            if same_structure and _normalised(old_side.texts) == _normalised(new_side.texts):
                item = DiffItem(**{**item.__dict__, "cls": "same"})
        items.append(item)
    return items


def _normalised(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(t.lower().split()) for t in texts)


# --------------------------------------------------------------------------- stated changes


def _stated(item: DiffItem, changes: Iterable[Change], requirement_refs: dict[str, set[str]]) -> bool:
    """Whether one of the newer document's own stated changes is about this item."""
    for change in changes:
        if item.kind == "programme" and item.key in change.programmes:
            return True
        if item.kind == "registry" and item.key in change.registries:
            return True
        if item.kind in ("route", "period", "application") and item.key in change.routes:
            return True
        if item.kind == "tariff" and change.topic == "tariff":
            return True
        if item.kind == "requirement" and (
            change.topic == item.key or requirement_refs.get(item.key, set()) & set(change.registries)
        ):
            return True
    return False


def stated_changes(old: Policy, new: Policy) -> list[Change]:
    """The newer record's own list of changes against the older record's year.

    Only an exact match counts: CZ 2027 lists its changes against 2026, so setting that
    list beside a comparison with 2024 would call every 2024-2026 change "not stated".
    """
    if old.insurer != new.insurer or old.year >= new.year:
        return []
    return [c for c in new.changes if c.against_year == old.year]


# --------------------------------------------------------------------------- entry point


def diff_policies(catalogue: Catalogue, old: Policy, new: Policy) -> PolicyDiff:
    """Every subject either record states, classified; ``same`` items are kept too."""
    programme_names = {p.id: p.name for p in catalogue.programmes}
    registry_names = {r.id: r.abbreviation or r.name for r in catalogue.registries}
    items: list[DiffItem] = []
    items += _keyed("programme", old, new, _programmes, lambda k: programme_names.get(k, k))
    items += _keyed("registry", old, new, _registries, lambda k: registry_names.get(k, k))
    routes_old, routes_new = _route_pairs(old, new)
    items += _keyed("route", old, new, lambda p: routes_old if p is old else routes_new, lambda k: ROUTE_LABELS[k])
    items += _keyed("period", old, new, _periods, lambda k: ROUTE_LABELS[k])
    items += _keyed("tariff", old, new, _tariffs, lambda k: TARIFF_KIND_LABELS[k])
    items += _keyed("application", old, new, _applications, lambda k: ROUTE_LABELS[k])
    activities = {f"{t.kind}:{' '.join(t.activity.lower().split())}": t.activity for t in (*old.timeline, *new.timeline)}
    items += _keyed("timeline", old, new, _timeline, lambda k: activities.get(k) or TIMELINE_KIND_LABELS[k])
    items += _requirement_items(old, new)
    changes = stated_changes(old, new)
    if changes:
        refs: dict[str, set[str]] = {}
        for requirement in (*old.requirements, *new.requirements):
            refs.setdefault(requirement.topic, set()).update(requirement.registries)
        items = [DiffItem(**{**i.__dict__, "stated_by_document": _stated(i, changes, refs)}) for i in items]
    return PolicyDiff(old, new, tuple(items))


@dataclass(frozen=True)
class Disagreement:
    """Where the document's own change list and the computed comparison do not match."""

    stated_not_computed: tuple[Change, ...]
    computed_not_stated: tuple[DiffItem, ...]


def compare_with_stated(diff: PolicyDiff) -> Disagreement | None:
    """Set the newer document's change list beside the computed one (same insurer only).

    A stated change no computed item points to is listed (the data may miss it, or it is
    a change our model does not structure); a computed real change that no stated change
    names is listed too (the document does not call it a change, or the data differ).
    """
    changes = stated_changes(diff.old, diff.new)
    if not changes:
        return None
    refs: dict[str, set[str]] = {}
    for requirement in (*diff.old.requirements, *diff.new.requirements):
        refs.setdefault(requirement.topic, set()).update(requirement.registries)
    visible = [i for i in diff.items if i.cls != "same"]
    stated_not_computed = tuple(c for c in changes if not any(_stated(i, [c], refs) for i in visible))
    computed_not_stated = tuple(i for i in diff.changes if not i.stated_by_document)
    return Disagreement(stated_not_computed, computed_not_stated)


def diff_json(diff: PolicyDiff) -> dict:
    """The documented JSON shape of ``python -m policy_model diff``."""
    return {
        "from": diff.old.key,
        "to": diff.new.key,
        "items": [
            {
                "kind": i.kind,
                "subject": i.subject,
                "class": i.cls,
                "from": i.before,
                "to": i.after,
                "stated_by_document": i.stated_by_document,
                "sources": [
                    {"side": side, "document": s.document, "section": s.section, "quote": s.quote}
                    for side, sources in (("from", i.before_sources), ("to", i.after_sources))
                    for s in sources
                ],
            }
            for i in diff.items
        ],
    }


def diff_text(catalogue: Catalogue, diff: PolicyDiff) -> str:
    """A plain-text reading of the comparison: real changes first, then what only one says."""
    old, new = catalogue.policy_label(diff.old), catalogue.policy_label(diff.new)
    lines = [f"{old} -> {new}"]
    counts = diff.counts
    lines.append(
        f"{counts['changed']} gewijzigd, {counts['added']} nieuw, {counts['removed']} vervallen; "
        f"{counts['only_in_from'] + counts['only_in_to']} alleen in één document vermeld"
    )
    for title, classes in (("Verschillen", REAL_CHANGES), ("Alleen in één document vermeld", ONLY_IN_ONE)):
        chosen = [i for i in diff.items if i.cls in classes]
        if not chosen:
            continue
        lines.append("")
        lines.append(f"== {title} ==")
        for item in chosen:
            mark = " (in de wijzigingenlijst van het document)" if item.stated_by_document else ""
            lines.append(f"- [{KIND_LABELS[item.kind]}] {item.subject}: {DIFF_CLASS_LABELS[item.cls]}{mark}")
            if item.before is not None:
                lines.append(f"    {old}: {item.before}")
            if item.after is not None:
                lines.append(f"    {new}: {item.after}")
    return "\n".join(lines)
