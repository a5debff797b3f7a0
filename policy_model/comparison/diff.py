"""A computed comparison of two policy records, from the structured data.

Works for the same insurer in two years and for two insurers in one year. Items are
matched on their stable identity (programme id, registry id, route kind, topic), so the
result reads as "added / removed / changed" per section, each with the sources on both
sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from policy_model.catalogue import Catalogue
from policy_model.comparison.matrix import value_text
from policy_model.schema import Policy, Source
from policy_model.vocab import (
    AVAILABILITY_LABELS,
    PROGRAMME_STATUS_LABELS,
    REGISTRY_USE_LABELS,
    ROUTE_LABELS,
    TARIFF_KIND_LABELS,
    TOPIC_LABELS,
)

DiffKind = Literal["added", "removed", "changed"]
DIFF_KIND_LABELS = {"added": "Nieuw", "removed": "Vervallen", "changed": "Gewijzigd"}
SECTION_LABELS = {
    "programmes": "Programma's",
    "registries": "Registers",
    "routes": "Contracteerroutes",
    "periods": "Looptijden",
    "tariffs": "Tarieven",
    "requirements": "Eisen",
}


@dataclass(frozen=True)
class DiffItem:
    section: str
    kind: DiffKind
    subject: str
    before: str = ""
    after: str = ""
    before_sources: tuple[Source, ...] = ()
    after_sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class PolicyDiff:
    old: Policy
    new: Policy
    items: tuple[DiffItem, ...] = field(default_factory=tuple)

    def section(self, name: str) -> list[DiffItem]:
        return [i for i in self.items if i.section == name]

    @property
    def counts(self) -> dict[str, int]:
        out = {"added": 0, "removed": 0, "changed": 0}
        for item in self.items:
            out[item.kind] += 1
        return out


def _compare_keyed(section: str, old: dict[str, tuple[str, tuple[Source, ...]]],
                   new: dict[str, tuple[str, tuple[Source, ...]]], names: dict[str, str]) -> list[DiffItem]:
    """Diff two ``key -> (description, sources)`` maps, keeping the order of appearance."""
    items = []
    for key in list(dict.fromkeys([*old, *new])):
        subject = names.get(key, key)
        if key not in old:
            items.append(DiffItem(section, "added", subject, "", new[key][0], (), new[key][1]))
        elif key not in new:
            items.append(DiffItem(section, "removed", subject, old[key][0], "", old[key][1], ()))
        elif old[key][0] != new[key][0]:
            items.append(DiffItem(section, "changed", subject, old[key][0], new[key][0], old[key][1], new[key][1]))
    return items


def _group(entries, key, describe) -> dict[str, tuple[str, tuple[Source, ...]]]:
    grouped: dict[str, list] = {}
    for entry in entries:
        grouped.setdefault(key(entry), []).append(entry)
    return {
        k: ("; ".join(dict.fromkeys(describe(e) for e in v)), tuple(e.source for e in v))
        for k, v in grouped.items()
    }


def diff_policies(catalogue: Catalogue, old: Policy, new: Policy) -> PolicyDiff:
    """Everything that differs between two policy records, section by section."""
    items: list[DiffItem] = []
    programme_names = {p.id: p.name for p in catalogue.programmes}
    items += _compare_keyed(
        "programmes",
        _group(old.programmes, lambda p: p.programme, lambda p: PROGRAMME_STATUS_LABELS[p.status]),
        _group(new.programmes, lambda p: p.programme, lambda p: PROGRAMME_STATUS_LABELS[p.status]),
        programme_names,
    )
    registry_names = {r.id: r.abbreviation or r.name for r in catalogue.registries}
    items += _compare_keyed(
        "registries",
        _group(old.registries, lambda r: r.registry, lambda r: REGISTRY_USE_LABELS[r.use]),
        _group(new.registries, lambda r: r.registry, lambda r: REGISTRY_USE_LABELS[r.use]),
        registry_names,
    )

    def route(r):
        rank = f"voorkeur {r.preference}" if r.preference else "geen voorkeursvolgorde"
        return f"{AVAILABILITY_LABELS[r.available]}, {rank}"

    items += _compare_keyed(
        "routes",
        _group(old.contract_routes, lambda r: r.route, route),
        _group(new.contract_routes, lambda r: r.route, route),
        ROUTE_LABELS,
    )

    def period(p):
        span = f"{p.start:%d-%m-%Y} t/m {p.end:%d-%m-%Y}" if p.start and p.end else "data niet vermeld"
        return f"{p.duration_text} ({span})"

    items += _compare_keyed(
        "periods",
        _group(old.contract_periods, lambda p: p.route, period),
        _group(new.contract_periods, lambda p: p.route, period),
        ROUTE_LABELS,
    )
    items += _compare_keyed(
        "tariffs",
        _group(old.tariffs, lambda t: t.kind, lambda t: AVAILABILITY_LABELS[t.available]),
        _group(new.tariffs, lambda t: t.kind, lambda t: AVAILABILITY_LABELS[t.available]),
        TARIFF_KIND_LABELS,
    )
    items += _requirement_diff(old, new)
    return PolicyDiff(old, new, tuple(items))


def _requirement_diff(old: Policy, new: Policy) -> list[DiffItem]:
    """Per topic: added, removed, or changed (a different number or a different count)."""

    def by_topic(policy: Policy) -> dict[str, list]:
        out: dict[str, list] = {}
        for requirement in policy.requirements:
            out.setdefault(requirement.topic, []).append(requirement)
        return out

    def summary(reqs) -> str:
        values = sorted({value_text(r) for r in reqs if r.value})
        head = f"{len(reqs)} eis(en)" + (f"; {', '.join(values)}" if values else "")
        return head + ": " + " | ".join(r.text for r in reqs)

    a, b = by_topic(old), by_topic(new)
    items = []
    for topic in [t for t in TOPIC_LABELS if t in a or t in b]:
        label = TOPIC_LABELS[topic]
        if topic not in a:
            items.append(DiffItem("requirements", "added", label, "", summary(b[topic]), (), tuple(r.source for r in b[topic])))
        elif topic not in b:
            items.append(DiffItem("requirements", "removed", label, summary(a[topic]), "", tuple(r.source for r in a[topic]), ()))
        else:
            va = sorted(value_text(r) for r in a[topic] if r.value)
            vb = sorted(value_text(r) for r in b[topic] if r.value)
            if va != vb or len(a[topic]) != len(b[topic]):
                items.append(DiffItem("requirements", "changed", label, summary(a[topic]), summary(b[topic]),
                                      tuple(r.source for r in a[topic]), tuple(r.source for r in b[topic])))
    return items
