"""Side-by-side comparisons of policy records: the tables the comparison pages show.

Each function takes the catalogue and the chosen policies and returns plain rows
(lists of dicts, one column per policy) that a page turns into a DataFrame. "Not stated"
is its own value, never folded into "no".
"""

from __future__ import annotations

from dataclasses import dataclass

from policy_model.catalogue import Catalogue
from policy_model.comparison.diff_items import settles
from policy_model.describe import (
    addressees_label,
    applies_to_role,
    force_label,
    registry_use_label,
    roles_phrase,
    value_text,
)
from policy_model.schema import CoverageEntry, Policy, Requirement, Source
from policy_model.vocab import (
    BACKGROUND_LABELS,
    DEFERRAL_LABELS,
    FORCE_LABELS,
    FORCE_ORDER,
    NOT_STATED_LABEL,
    PROGRAMME_STATUS_LABELS,
    REQUIREMENT_KIND_LABELS,
    TOPIC_LABELS,
)

#: Text symbols so a status reads the same in black and white.
STATUS_SYMBOLS = {
    "bought": "✔",
    "expected": "◔",
    "conditional": "◑",
    "not_bought": "✘",
    None: "–",
}


def status_cell(status: str | None) -> str:
    """``✔ Ingekocht`` / ``– Niet vermeld in het beleid``."""
    label = PROGRAMME_STATUS_LABELS[status] if status else NOT_STATED_LABEL
    return f"{STATUS_SYMBOLS[status]} {label}"


def programme_matrix(catalogue: Catalogue, policies: list[Policy]) -> list[dict]:
    """One row per programme, one column per policy with the status cell."""
    rows = []
    for programme in catalogue.programmes:
        row: dict = {"Programma": programme.name, "_id": programme.id}
        for policy in policies:
            status = next((p.status for p in policy.programmes if p.programme == programme.id), None)
            row[catalogue.policy_label(policy)] = status_cell(status)
        rows.append(row)
    return rows


def programme_rows(catalogue: Catalogue, policies: list[Policy]) -> list[dict]:
    """Long form of the matrix (Programma's sortable table): one row per programme a policy
    names, in Dutch columns, with its source."""
    return [
        {
            "Beleid": catalogue.policy_label(policy),
            "Programma": catalogue.programme(item.programme).name,
            "Status": status_cell(item.status),
            "Varianten": ", ".join(item.variants),
            "Toelichting": item.note or "",
            "source": item.source,
        }
        for policy in policies for item in policy.programmes
    ]


def registry_rows(catalogue: Catalogue, policies: list[Policy]) -> list[dict]:
    """The Registers page's sortable table: one row per register a policy names, for whom
    (saying where the document names no contractant), with its source."""
    rows = []
    for policy in policies:
        for entry in policy.registries:
            registry = catalogue.registry(entry.registry)
            rows.append({
                "Beleid": catalogue.policy_label(policy),
                "Register": registry.abbreviation or registry.name,
                "Gebruik": registry_use_label(entry),
                "Voor": roles_phrase(entry.roles, stated=entry.roles_stated),
                "Achtergrond": ", ".join(BACKGROUND_LABELS[b] for b in entry.backgrounds) or "alle",
                "Toelichting": entry.note or "",
                "source": entry.source,
            })
    return rows


@dataclass(frozen=True)
class TopicCell:
    """What one policy says on one topic (possibly several requirements).

    With a role filter, a policy that states the topic only for other roles keeps those
    requirements in ``other_roles`` ("alleen voor RHO", the text one click away), and one that
    refers elsewhere for the role keeps the quote in ``deferral``: neither is "niet vermeld".
    """

    texts: tuple[str, ...]
    values: tuple[str, ...]
    sources: tuple[Source, ...]
    requirements: tuple[Requirement, ...] = ()
    other_roles: tuple[Requirement, ...] = ()
    #: The coverage entry by which the document does not settle the topic: it speaks of it only
    #: in general terms (a summary page) or defers it. What it leaves out is then not a "no".
    unsettled_by: CoverageEntry | None = None
    #: True when the document settles the topic in full (coverage ``full``): what it does not
    #: state for the role, it does not ask.
    complete: bool = False

    @property
    def settles(self) -> bool:
        return self.unsettled_by is None

    @property
    def deferral(self) -> Source | None:
        """Where the document points for this topic, when it states nothing on it here."""
        entry = self.unsettled_by
        if self.requirements or entry is None or entry.level != "deferred":
            return None
        return entry.source

    @property
    def stated(self) -> bool:
        return bool(self.texts)

    def silence_label(self) -> str:
        """What an empty cell says: for whom the document does state it, where it points, or nothing."""
        if self.other_roles:
            return f"– Alleen voor {addressees_label(self.other_roles)}"
        if self.deferral is not None:
            kind = self.unsettled_by.points_to if self.unsettled_by else None
            return f"– {DEFERRAL_LABELS[kind or 'other_text']}: “{self.deferral.quote}”"
        return f"– {NOT_STATED_LABEL}"

    def display(self) -> str:
        if not self.texts:
            return self.silence_label()
        return "\n".join(f"• {t}" for t in self.texts)

    def structure(self) -> dict[str, object]:
        """The comparable, structured content: registers per background, programmes,
        routes, values with units, force and roles."""
        reqs = self.requirements
        return {
            "registers": frozenset((reg, tuple(sorted(r.backgrounds))) for r in reqs for reg in r.registries),
            "programma's": frozenset(p for r in reqs for p in r.programmes),
            "routes": frozenset(x for r in reqs for x in r.routes),
            "waarden": frozenset(self.values),
            "soort eis": frozenset(r.force for r in reqs),
            "voor wie": frozenset(x for r in reqs for x in r.roles),
        }

    def wording(self) -> frozenset[str]:
        return frozenset(" ".join(r.text.lower().split()) for r in self.requirements)


@dataclass(frozen=True)
class TopicRow:
    topic: str
    label: str
    cells: dict[str, TopicCell]  # policy key -> cell
    #: ``provider`` (requirements on providers) or ``participant`` (who may take part).
    kind: str = "provider"

    @property
    def key(self) -> str:
        return self.topic if self.kind == "provider" else f"{self.kind}:{self.topic}"

    @property
    def differences(self) -> list[str]:
        """In what the policies differ on this topic, in Dutch: ``["registers", "tekst"]``.

        Structured content is compared first (registers per background, programmes,
        routes, values, force, roles); where that is the same, the texts are; a row whose
        texts differ is never "the same". Empty when every policy says the same. Silence is
        no difference: an aspect a cell names nothing for, or leaves out in a document that
        speaks only in general terms, is not called different (:func:`_aspect_differs`).
        """
        cells = list(self.cells.values())
        stated = [c for c in cells if c.stated]
        head = []
        if len(stated) != len(cells):
            # A document that states it for another role differs in whom it asks, not by silence;
            # unless it speaks only in general terms, when leaving a role out says nothing.
            head = (["voor wie"] if all(c.stated or (c.other_roles and c.settles) for c in cells)
                    else ["niet overal vermeld"])
        if len(stated) < 2:  # nothing stated, or stated by one: nothing to set the content against
            return head if stated else []
        # What the documents that do state it differ in (a third one's silence hides no difference).
        structures = [(c.structure(), c.settles) for c in stated]
        out = [aspect for aspect in structures[0][0]
               if _aspect_differs([(s[aspect], settles) for s, settles in structures])]
        if len({c.wording() for c in stated}) > 1:
            out.append("tekst")
        return [*head, *(aspect for aspect in out if aspect not in head)]

    @property
    def differs(self) -> bool:
        """True when the policies do not all say the same on this topic."""
        return bool(self.differences)


def _aspect_differs(values: list[tuple[frozenset, bool]]) -> bool:
    """Whether the cells differ in one aspect (registers, roles, ...), each given with whether
    its document settles the topic.

    Silence is not a difference: a cell that names nothing for the aspect (a requirement to be
    in "een door CZ groep erkend kwaliteitsregister" without naming one, CZ 2024 §2.1) is left
    out, and what one cell names is a difference only against a cell whose document settles the
    topic and lacks it. A summary's shorter list beside a full document's longer one is not.
    """
    named = [(value, settles) for value, settles in values if value]
    return any(value - other and other_settles
               for i, (value, _) in enumerate(named)
               for j, (other, other_settles) in enumerate(named) if i != j)


def requirement_matrix(policies: list[Policy], role: str | None = None, kind: str = "provider") -> list[TopicRow]:
    """Requirements of one kind aligned by topic (rows) and policy (columns), filtered by role.

    Rows come in order of weight: topics with a minimum requirement or exclusion ground
    first, then obligations, then expectations; within that, the shared topic order. Who may
    take part (``kind="participant"``) has rows of its own and no role filter: it says whom a
    provider may treat, not what a provider must do.
    """
    wanted = role if kind == "provider" else None
    topics: list[str] = []
    for policy in policies:
        for requirement in policy.requirements:
            if requirement.kind == kind and applies_to_role(requirement, wanted) and requirement.topic not in topics:
                topics.append(requirement.topic)
    rows = [TopicRow(topic, _row_label(kind, topic), {p.key: _cell(p, kind, topic, wanted) for p in policies}, kind)
            for topic in topics]
    order = list(TOPIC_LABELS)

    def weight(row: TopicRow) -> tuple[int, int]:
        forces = [r.force for c in row.cells.values() for r in c.requirements]
        return (min(FORCE_ORDER.index(f) for f in forces), order.index(row.topic))

    return sorted(rows, key=weight)


def _row_label(kind: str, topic: str) -> str:
    return TOPIC_LABELS[topic] if kind == "provider" else f"{REQUIREMENT_KIND_LABELS[kind]}: {TOPIC_LABELS[topic]}"


def _cell(policy: Policy, kind: str, topic: str, role: str | None) -> TopicCell:
    on_topic = sorted((r for r in policy.requirements if r.topic == topic and r.kind == kind),
                      key=lambda r: FORCE_ORDER.index(r.force))
    chosen = [r for r in on_topic if applies_to_role(r, role)]
    others = tuple(r for r in on_topic if r not in chosen)
    subject = "requirements" if kind == "provider" else "participants"
    coverage = policy.coverage.entry(subject, role=role, topic=topic)
    return TopicCell(
        texts=tuple(_requirement_line(r) for r in chosen),
        values=tuple(sorted(v for v in (value_text(r) for r in chosen) if v)),
        sources=tuple(r.source for r in chosen),
        requirements=tuple(chosen),
        other_roles=others,
        unsettled_by=coverage if coverage is not None and not settles(coverage, stated=bool(chosen)) else None,
        complete=coverage is not None and coverage.level == "full",
    )


def _requirement_line(requirement: Requirement) -> str:
    if requirement.kind == "participant":
        return f"{force_label(requirement)}: {requirement.text}"
    who = addressees_label([requirement], with_referrer=True)
    extra = []
    if requirement.backgrounds:
        extra.append(", ".join(BACKGROUND_LABELS[b] for b in requirement.backgrounds))
    if requirement.scopes:
        extra.append("bij (boven)regionale/landelijke levering")
    suffix = f" [{who}{'; ' + '; '.join(extra) if extra else ''}]"
    return f"{FORCE_LABELS[requirement.force]}: {requirement.text}{suffix}"


def requirement_rows(catalogue: Catalogue, policies: list[Policy], role: str | None = None) -> list[dict]:
    """Long form: one row per requirement with its source (for tables and exports)."""
    rows = []
    for policy in policies:
        for r in sorted(policy.requirements, key=lambda r: FORCE_ORDER.index(r.force)):
            if r.kind == "provider" and not applies_to_role(r, role):
                continue
            rows.append({
                "Beleid": catalogue.policy_label(policy),
                "Onderwerp": _row_label(r.kind, r.topic),
                "Soort eis": force_label(r),
                "Eis": r.text,
                "Waarde": value_text(r),
                "Geldt voor": "Deelnemers" if r.kind == "participant" else addressees_label([r], with_referrer=True),
                "Achtergrond": ", ".join(BACKGROUND_LABELS[b] for b in r.backgrounds) or "alle",
                "source": r.source,
            })
    return rows
