"""Cross-references from the ZonMw handreiking to the insurers' policies, computed.

A task lists the policy topics it touches; a financing example names the tariff it
depends on. From those, this module finds what each insurer-year says on the same
topics, so the guidance page never holds a hand-written link to a policy. It also finds
policy changes stated after the handreiking's period, so the page can warn where the
handreiking's situation is out of date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policy_model.catalogue import Catalogue
from policy_model.describe import force_label
from policy_model.schema import FinancingExample, GuidanceTask, Policy, Source
from policy_model.vocab import (
    APPLICATION_WINDOW_LABELS,
    AVAILABILITY_LABELS,
    CHANNEL_LABELS,
    ROUTE_LABELS,
    TARIFF_KIND_LABELS,
    TOPIC_LABELS,
)

ROUTE_TOPICS = {"contracting", "subcontractors"}
APPLICATION_TOPICS = {"application", "contracting"}


@dataclass(frozen=True)
class CrossRef:
    policy_key: str
    policy_label: str
    kind: str
    topic: str
    text: str
    source: Source


def _label(catalogue: Catalogue, policy: Policy) -> str:
    return catalogue.policy_label(policy)


def task_crossrefs(catalogue: Catalogue, task: GuidanceTask, policies: list[Policy] | None = None) -> list[CrossRef]:
    """What each policy states on the topics of one handreiking task."""
    chosen = policies if policies is not None else catalogue.policies_for()
    topics = set(task.related_topics)
    out: list[CrossRef] = []
    for policy in chosen:
        label = _label(catalogue, policy)
        if topics & ROUTE_TOPICS:
            for route in policy.contract_routes:
                rank = f" (voorkeur {route.preference})" if route.preference else ""
                out.append(CrossRef(policy.key, label, "Contracteerroute", "contracting",
                                    f"{ROUTE_LABELS[route.route]}{rank}: {route.description}", route.source))
        if topics & APPLICATION_TOPICS:
            for app in policy.applications:
                where = f" {app.address}" if app.address else ""
                out.append(CrossRef(policy.key, label, "Aanvragen", "application",
                                    f"{CHANNEL_LABELS[app.channel]}{where} – {APPLICATION_WINDOW_LABELS[app.window]}: {app.text}",
                                    app.source))
        if "tariff" in topics:
            for tariff in policy.tariffs:
                out.append(CrossRef(policy.key, label, "Tarief", "tariff",
                                    f"{TARIFF_KIND_LABELS[tariff.kind]}: {AVAILABILITY_LABELS[tariff.available]} – {tariff.text}",
                                    tariff.source))
        for requirement in policy.requirements:
            if requirement.topic in topics:
                out.append(CrossRef(policy.key, label, force_label(requirement), requirement.topic, requirement.text,
                                    requirement.source))
        for provision in policy.provisions:
            if provision.topic in topics:
                out.append(CrossRef(policy.key, label, "Bepaling", provision.topic, provision.text, provision.source))
    return out


def tariff_crossrefs(catalogue: Catalogue, example: FinancingExample) -> list[CrossRef]:
    """Which insurer-years state that the tariff this example relies on is (not) available."""
    if example.related_tariff is None:
        return []
    return [
        CrossRef(policy.key, _label(catalogue, policy), "Tarief", "tariff",
                 f"{TARIFF_KIND_LABELS[t.kind]}: {AVAILABILITY_LABELS[t.available]} – {t.text}", t.source)
        for policy in catalogue.policies_for()
        for t in policy.tariffs
        if t.kind == example.related_tariff
    ]


def guidance_end_year(period: str) -> int | None:
    """The last year named in the handreiking's period ("juni 2021 tot juni 2022" -> 2022)."""
    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", period)]
    return max(years) if years else None


def later_changes(catalogue: Catalogue, topics: list[str]) -> list[CrossRef]:
    """Policy changes on these topics stated for a year after the handreiking's period."""
    guidance = catalogue.guidance
    end = guidance_end_year(guidance.period) if guidance else None
    if end is None:
        return []
    wanted = set(topics)
    return [
        CrossRef(policy.key, _label(catalogue, policy), "Wijziging", change.topic,
                 f"{TOPIC_LABELS[change.topic]}: {change.text}", change.source)
        for policy in catalogue.policies_for()
        if policy.year > end
        for change in policy.changes
        if change.topic in wanted
    ]
