"""A classified comparison of two policy records that says only what both documents settle.

A document's silence is not a change, and neither is a summary that states in general
terms what the other document works out: ``changed``, ``added`` and ``removed`` need both
documents to settle the subject for that role (:mod:`policy_model.comparison.diff_items`).
Requirements, participant criteria and provisions are compared statement by statement,
matched on their identity across one insurer's years (:mod:`policy_model.comparison.matching`).

The documents' own change lists are authoritative: every change a record of the insurer
states between the two years is one item (``kind == "stated"``), never two, with the
computed items it concerns as its evidence; only those carry ``stated_by_document``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from policy_model.catalogue import Catalogue
from policy_model.comparison.diff_items import (
    ONE_SIDED,
    ONLY_IN_ONE,
    REAL_CHANGES,
    DiffItem,
    application_sides,
    keyed_items,
    period_sides,
    programme_sides,
    registry_sides,
    route_sides,
    statement_items,
    tariff_sides,
    timeline_key,
    timeline_sides,
)
from policy_model.comparison.selection import words_comparable
from policy_model.describe import roles_phrase
from policy_model.schema import Change, Policy, Source
from policy_model.vocab import (
    DIFF_CLASS_LABELS,
    DIFF_ITEM_KIND_LABELS,
    DIFF_ITEM_KIND_SINGULAR,
    OTHER_SIDE_LABELS,
    ROUTE_LABELS,
    TARIFF_KIND_LABELS,
    TIMELINE_KIND_LABELS,
)

__all__ = [
    "DIFF_CLASS_LABELS", "KIND_LABELS", "ONE_SIDED", "ONLY_IN_ONE", "REAL_CHANGES", "DiffItem", "Disagreement",
    "PolicyDiff", "changes_in_span", "compare_with_stated", "diff_policies", "stated_changes",
]

#: Headings per kind of item, in display order (kept under this name for the pages).
KIND_LABELS = DIFF_ITEM_KIND_LABELS
#: A stated change's kind as a class of the comparison.
_CHANGE_CLASS = {"added": "added", "removed": "removed", "changed": "changed", "clarified": "reworded"}


@dataclass(frozen=True)
class PolicyDiff:
    old: Policy
    new: Policy
    items: tuple[DiffItem, ...] = field(default_factory=tuple)

    def of_kind(self, kind: str, classes: Iterable[str] = REAL_CHANGES) -> list[DiffItem]:
        wanted = set(classes)
        return [i for i in self.items if i.kind == kind and i.cls in wanted]

    def of_classes(self, classes: Iterable[str]) -> list[DiffItem]:
        wanted = set(classes)
        return [i for i in self.items if i.cls in wanted]

    @property
    def changes(self) -> list[DiffItem]:
        """The real differences: both documents settle the subject (stated changes included)."""
        return self.of_classes(REAL_CHANGES)

    @property
    def only_in_one(self) -> list[DiffItem]:
        return self.of_classes(ONLY_IN_ONE)

    @property
    def one_sided(self) -> list[DiffItem]:
        """Everything only one document settles: worked out on one side, or mentioned by one."""
        return self.of_classes(ONE_SIDED)

    @property
    def compares_words(self) -> bool:
        """Whether changed texts are shown word by word (:func:`selection.words_comparable`)."""
        return words_comparable(self.old, self.new)

    @property
    def across_insurers(self) -> bool:
        """Two insurers: "nieuw" and "vervallen" read as "only one of them has it"."""
        return self.old.insurer != self.new.insurer

    @property
    def backwards(self) -> bool:
        """One insurer's newer record against its older (the reader may choose either order)."""
        return not self.across_insurers and self.old.year > self.new.year

    @property
    def neutral_labels(self) -> bool:
        """Whether nothing reads as "nieuw" or "vervallen", only as what one record has and the
        other has not: between two insurers, and from a newer year back to an older one, where
        "Nieuw" named what CZ 2026 had and CZ 2027 dropped (audit M #6)."""
        return self.across_insurers or self.backwards

    @property
    def counts(self) -> dict[str, int]:
        """Items per class, for the headline. A change a later record states against a year after
        the older record's is listed but not counted: CZ 2027 drops the RIVM registration "in 2026"
        (against 2026), which the CZ 2024 page never settled; "1 vervallen" between 2024 and 2027
        said 2024 had it (audit H #6). Nor are :attr:`own_words` topics."""
        out = dict.fromkeys(DIFF_CLASS_LABELS, 0)
        later = {id(i) for i in (*self.stated_after_old, *self.own_words)}
        for item in self.items:
            if id(item) not in later:
                out[item.cls] += 1
        return out

    @property
    def own_words(self) -> list[DiffItem]:
        """Topics on which two insurers each set conditions in their own words (``topic:`` items):
        listed with the differences, not counted as one: they may ask the same (audit L #6)."""
        return [i for i in self.items if i.key.startswith("topic:")]

    @property
    def stated_after_old(self) -> list[DiffItem]:
        """The stated changes against a year after the older record's (see :attr:`counts`)."""
        return [i for i in self.items if i.change is not None and i.change.against_year != self.old.year]


# --------------------------------------------------------------------------- stated changes


def stated_changes(old: Policy, new: Policy) -> list[Change]:
    """The newer record's own list of changes against exactly the older record's year (what
    a page sets beside a comparison of two consecutive documents)."""
    if old.insurer != new.insurer or old.year >= new.year:
        return []
    return [c for c in new.changes if c.against_year == old.year]


def changes_in_span(catalogue: Catalogue, old: Policy, new: Policy) -> list[tuple[Policy, Change]]:
    """Every change a record of the insurer states that falls between the two years: stated
    by a record of a year after ``old`` up to ``new``, against a year from ``old`` on."""
    if old.insurer != new.insurer or old.year >= new.year:
        return []
    records = sorted((p for p in catalogue.policies if p.insurer == old.insurer and old.year < p.year <= new.year),
                     key=lambda p: p.year)
    found: dict[str, tuple[Policy, Change]] = {}
    for record in records:
        for change in record.changes:
            if old.year <= change.against_year < record.year:
                found.setdefault(f"{record.key}:{change.id}", (record, change))
    return list(found.values())


def _concerns(change: Change, item: DiffItem) -> bool:
    """Exactly what the change names: nothing is flagged for sharing a topic with it."""
    by_kind = {
        "programme": change.programmes, "registry": change.registries, "route": change.routes,
        "period": change.periods, "application": change.applications, "tariff": change.tariffs,
    }
    if item.kind in by_kind:
        return item.key in by_kind[item.kind]
    if item.kind == "timeline":
        return item.key.startswith("lineage:") and item.key.removeprefix("lineage:") in change.statements
    return item.key.split("@")[0] in change.statements


def _with_stated(items: list[DiffItem], stated: list[tuple[Policy, Change]]) -> list[DiffItem]:
    """One item per stated change, holding the computed items it concerns (which leave the list)."""
    folded: set[int] = set()
    out: list[DiffItem] = []
    for record, change in stated:
        evidence = [i for i in items if i.cls != "same" and _concerns(change, i)]
        folded |= {id(i) for i in evidence}
        out.append(DiffItem(
            "stated", f"{record.key}:{change.id}", change.text, _CHANGE_CLASS[change.kind],
            after=change.text, after_sources=(change.source,), stated_by_document=True, topic=change.topic,
            change=change, evidence=tuple(replace(i, stated_by_document=True) for i in evidence),
        ))
    return out + [i for i in items if id(i) not in folded]


# --------------------------------------------------------------------------- entry point


def diff_policies(catalogue: Catalogue, old: Policy, new: Policy) -> PolicyDiff:
    """Every subject and statement either record has, classified; ``same`` items are kept too."""
    programme_names = {p.id: p.name for p in catalogue.programmes}
    registry_names = {r.id: r.abbreviation or r.name for r in catalogue.registries}
    activities = {timeline_key(t): t.activity for t in (*old.timeline, *new.timeline)}
    routes_old, routes_new = route_sides(old, new)
    items: list[DiffItem] = []
    items += keyed_items("programme", "programmes", old, new, programme_sides(old), programme_sides(new),
                         lambda k: programme_names.get(k, k))
    items += keyed_items("registry", "registries", old, new, registry_sides(old), registry_sides(new),
                         lambda k: registry_names.get(k, k))
    items += keyed_items("route", "routes", old, new, routes_old, routes_new, ROUTE_LABELS.__getitem__, by_route=True)
    items += keyed_items("period", "periods", old, new, period_sides(old), period_sides(new),
                         ROUTE_LABELS.__getitem__, by_route=True)
    items += keyed_items("tariff", "tariffs", old, new, tariff_sides(old), tariff_sides(new),
                         TARIFF_KIND_LABELS.__getitem__)
    items += keyed_items("application", "applications", old, new, application_sides(old), application_sides(new),
                         ROUTE_LABELS.__getitem__, by_route=True)
    # A one-off dated activity (a key of its own) belongs to its own year: another year's
    # timeline not having it is not a removal.
    items += keyed_items("timeline", "timeline", old, new, timeline_sides(old), timeline_sides(new),
                         lambda k: activities.get(k) or TIMELINE_KIND_LABELS[k], one_off=lambda k: ":" in k)
    items += statement_items(old, new)
    return PolicyDiff(old, new, tuple(_with_stated(items, changes_in_span(catalogue, old, new))))


@dataclass(frozen=True)
class Disagreement:
    """Where the document's own change list and the computed comparison do not match."""

    stated_not_computed: tuple[Change, ...]
    computed_not_stated: tuple[DiffItem, ...]


def compare_with_stated(diff: PolicyDiff) -> Disagreement | None:
    """Set the newer document's change list against the older year beside the computed
    changes (same insurer, the list is against exactly the older record's year).

    A stated change no computed item is evidence for is listed (the data may not structure
    it); a computed real change outside the list is listed too.
    """
    changes = stated_changes(diff.old, diff.new)
    if not changes:
        return None
    stated = [i for i in diff.items if i.kind == "stated" and i.change in changes]
    return Disagreement(
        tuple(i.change for i in stated if not i.evidence and i.change is not None),
        tuple(i for i in diff.changes if i.kind != "stated"),
    )


def row_label(item: DiffItem) -> str:
    """The item named with its kind, so equal names cannot be confused ("Looptijd · RHO")."""
    return f"{DIFF_ITEM_KIND_SINGULAR[item.kind]} · {item.subject}"


#: Kinds of item compared statement by statement (the others are keyed lists: periods, routes, ...).
STATEMENT_KINDS = ("requirement", "participant", "provision")


def class_label(item_or_cls: DiffItem | str, old_label: str | None = None, new_label: str | None = None, *,
                across: bool = False, same_insurer: bool = False) -> str:
    """The class in Dutch, naming the records where a class refers to one side; between two
    insurers, or from a newer year back to an older one (``across``: :attr:`PolicyDiff.neutral_labels`),
    nothing is "new" or "dropped", one simply has what the other has not. Within one insurer
    (``same_insurer``) a later sentence still works out an earlier one's ("Uitgewerkt in …")."""
    cls = item_or_cls if isinstance(item_or_cls, str) else item_or_cls.cls
    if old_label and new_label:
        named = {
            "only_in_from": f"Alleen vermeld in {old_label}",
            "only_in_to": f"Alleen vermeld in {new_label}",
            "elaborated_in_to": f"Uitgewerkt in {new_label}",
            "elaborated_in_from": f"Uitgewerkt in {old_label}",
        }
        if across:
            named |= {
                "added": f"Alleen in {new_label}; {old_label} legt dit volledig vast zonder",
                "removed": f"Alleen in {old_label}; {new_label} legt dit volledig vast zonder",
                "changed": "Verschilt",
            }
            item = None if isinstance(item_or_cls, str) else item_or_cls
            if item is not None and item.key.startswith("topic:"):
                # Each insurer's conditions on the topic in its own words: they may ask the same.
                return "Beide stellen hier eisen, elk in eigen woorden"
            if item is not None and item.kind in STATEMENT_KINDS and not same_insurer:
                # One insurer's rules do not "work out" another's general sentence (audit J #5); a
                # period or a list is still worked out by the longer side (audit L #5).
                named |= {
                    "elaborated_in_to": f"{old_label} legt dit niet vast; {new_label} legt het onderwerp vast",
                    "elaborated_in_from": f"{new_label} legt dit niet vast; {old_label} legt het onderwerp vast",
                }
        if cls in named:
            return named[cls]
    return DIFF_CLASS_LABELS[cls]


def other_side_text(item: DiffItem) -> str:
    """What the other document does with a one-sided item's subject, in words, with a deferral's
    quote; per group of roles where it differs by role ("voor RHO: het andere document legt dit
    hier niet vast: “U vindt deze minimumeisen in paragraaf 2.4.” …; voor Samenwerkingsverband:
    het andere document zegt hier niets over"), never one role's reading for all (audit M #4)."""
    if item.readings:
        return "; ".join(f"voor {roles_phrase(r.roles)}: {_other_side_words(r.other_side, r.deferral)}"
                         for r in item.readings)
    return _other_side_words(item.other_side, item.deferral)


def _other_side_words(other_side: str | None, deferral: Source | None) -> str:
    words = OTHER_SIDE_LABELS.get(other_side or "", "")
    return words + (f": “{deferral.quote}” (§ {deferral.section})" if deferral is not None else "")
