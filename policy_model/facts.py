"""Every sourced fact of the dataset as one flat row: the tidy long table.

One function turns the nested models into rows, so the CSV export, full-text search and
fact counts all agree on what "a fact" is: one statement with exactly one source.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass

from policy_model.catalogue import Catalogue
from policy_model.describe import force_words, registry_use_label
from policy_model.schema import Policy, Source
from policy_model.vocab import (
    AVAILABILITY_LABELS,
    COVERAGE_LEVEL_LABELS,
    COVERAGE_SUBJECT_LABELS,
    ORG_FUNCTION_LABELS,
    PROGRAMME_STATUS_LABELS,
    ROUTE_FORM_KIND_LABELS,
    ROUTE_LABELS,
    TARIFF_KIND_LABELS,
)


@dataclass(frozen=True)
class Fact:
    insurer: str
    year: int | None
    partial: bool
    draft: bool
    document_kind: str
    kind: str
    topic: str
    key: str
    text: str
    roles: str
    #: False where the document names no contractant: ``roles`` are the forms it may concern.
    roles_stated: bool
    force: str
    date: str
    document: str
    section: str
    quote: str


FACT_COLUMNS = list(Fact.__dataclass_fields__)

#: Which page of the dashboard shows each kind of fact (for search results).
KIND_PAGE = {
    "programme": "programmas",
    "registry": "registers",
    "contract_route": "voorwaarden",
    "route_form": "voorwaarden",
    "requirement_listing": "voorwaarden",
    "requirement_exception": "voorwaarden",
    "requirement_judge": "voorwaarden",
    "contract_period": "tijdlijn",
    "tariff": "voorwaarden",
    "application": "voorwaarden",
    "contact": "voorwaarden",
    "timeline": "tijdlijn",
    "requirement": "voorwaarden",
    "participant": "voorwaarden",
    "provision": "voorwaarden",
    "change": "wijzigingen",
    "open_item": "wijzigingen",
    "coverage": "wijzigingen",
    "programme_fact": "programmas",
    "registry_fact": "registers",
    "insurer_entity": "home",
    "glossary": "begrippen",
    "guidance": "handreiking",
}


#: Each kind of fact in words, for a reader (Zoeken's "Soort"); a requirement is named by its force.
FACT_KIND_LABELS = {
    "programme": "Programma-status", "registry": "Register", "contract_route": "Contracteerroute",
    "route_form": "Organisatievorm van een route", "contract_period": "Looptijd", "tariff": "Tarief",
    "application": "Aanvragen", "contact": "Contact", "timeline": "Tijdpad", "requirement": "Eis",
    "participant": "Wie in aanmerking komt", "requirement_listing": "Lijst bij een eis",
    "requirement_exception": "Uitzondering op een eis", "requirement_judge": "Wie het beoordeelt",
    "provision": "Bepaling", "change": "Wijziging", "open_item": "Nog open", "programme_fact": "Over een programma",
    "registry_fact": "Over een register", "insurer_entity": "Verzekeraar", "glossary": "Begrip",
    "guidance": "Handreiking", "coverage": "Wat het document regelt",
}


def fact_kind_label(fact: Fact) -> str:
    """What a fact is, in words: a requirement by its force ("Verwachting" is no "Eis"), a
    criterion for taking part as such ("Voorwaarde voor deelname"), the rest by kind."""
    if fact.force and fact.kind in ("requirement", "participant"):
        return force_words(fact.force, fact.kind == "participant")
    return FACT_KIND_LABELS.get(fact.kind, fact.kind)


def _row(policy: Policy | None, kind: str, topic: str, key: str, text: str, source: Source,
         roles: list[str] | None = None, date: str = "", force: str = "", roles_stated: bool = True) -> Fact:
    return Fact(
        insurer=policy.insurer if policy else "",
        year=policy.year if policy else None,
        partial=policy.partial if policy else False,
        draft=bool(policy.draft) if policy else False,
        document_kind=policy.document_kind if policy else "",
        kind=kind,
        topic=topic,
        key=key,
        text=text,
        roles=", ".join(roles or []),
        roles_stated=roles_stated,
        force=force,
        date=date,
        document=source.document,
        section=source.section,
        quote=source.quote,
    )


def policy_facts(policy: Policy) -> Iterator[Fact]:
    """Every fact of one policy, in document order per section."""
    yield from _offer_facts(policy)
    yield from _route_facts(policy)
    yield from _statement_facts(policy)


def _offer_facts(p: Policy) -> Iterator[Fact]:
    """What the insurer buys and accepts: programmes and registers."""
    for item in p.programmes:
        text = PROGRAMME_STATUS_LABELS[item.status] + (f": {item.note}" if item.note else "")
        yield _row(p, "programme", item.status, item.programme, text, item.source)
    for item in p.registries:
        text = registry_use_label(item) + (f": {item.note}" if item.note else "")
        yield _row(p, "registry", item.use, item.registry, text, item.source, list(item.roles),
                   roles_stated=item.roles_stated)


def _route_facts(p: Policy) -> Iterator[Fact]:
    """Whom it contracts and how: routes with their forms, periods, tariffs, applying, contacts."""
    for item in p.contract_routes:
        text = item.description + (f" Voorwaarde: {item.conditions}" if item.conditions else "")
        yield _row(p, "contract_route", "contracting", item.route, text, item.source)
        for form in item.forms:
            what = "; ".join(ORG_FUNCTION_LABELS[f] for f in form.functions) or "elke zorgaanbieder"
            yield _row(p, "route_form", "contracting", item.route,
                       f"{ROUTE_LABELS[item.route]} ({ROUTE_FORM_KIND_LABELS[form.kind]}): {what}", form.source)
    for item in p.contract_periods:
        when = f"{item.start or ''}/{item.end or ''}"
        yield _row(p, "contract_period", "contract_duration", item.route,
                   f"{item.label}: {item.duration_text}", item.source, date=when)
    for item in p.tariffs:
        yield _row(p, "tariff", "tariff", item.kind,
                   f"{TARIFF_KIND_LABELS[item.kind]} ({AVAILABILITY_LABELS[item.available]}): {item.text}", item.source)
    for item in p.applications:
        yield _row(p, "application", "application", item.channel, item.text, item.source,
                   [ROUTE_LABELS[r] for r in item.routes])
    for item in p.contacts:
        yield _row(p, "contact", "contracting", item.channel, f"{item.purpose}: {item.address}", item.source)


def _statement_facts(p: Policy) -> Iterator[Fact]:
    """Dates, requirements, provisions, stated changes, open items and how far the document
    settles each subject (where it says so itself)."""
    for item in p.timeline:
        yield _row(p, "timeline", item.kind, item.kind, item.activity, item.source,
                   [ROUTE_LABELS[r] for r in item.routes], str(item.date or item.date_text))
    for item in p.requirements:
        # Who may take part is not what a provider must do: its own kind of fact.
        kind = "participant" if item.kind == "participant" else "requirement"
        yield _row(p, kind, item.topic, item.id, item.text, item.source, list(item.roles), force=item.force,
                   roles_stated=item.roles_stated)
        if item.listing is not None:
            yield _row(p, "requirement_listing", item.topic, item.id,
                       ("Open lijst" if item.listing.open else "Gesloten lijst") + f": {item.text}", item.listing.source)
        if item.exception is not None:
            yield _row(p, "requirement_exception", item.topic, item.id,
                       f"Uitzondering mogelijk {item.exception.text}: {item.text}", item.exception.source)
        if item.judged_by is not None:
            yield _row(p, "requirement_judge", item.topic, item.id,
                       f"Wie beoordeelt: {item.judged_by.text}: {item.text}", item.judged_by.source)
    for item in p.provisions:
        yield _row(p, "provision", item.topic, item.id, item.text, item.source)
    for item in p.changes:
        yield _row(p, "change", item.topic, item.id, item.text, item.source)
    for item in p.open_items:
        yield _row(p, "open_item", item.topic, item.id, item.text, item.source)
    for entry in p.coverage.scope:
        if entry.source:
            text = f"{COVERAGE_SUBJECT_LABELS[entry.subject]}: {COVERAGE_LEVEL_LABELS[entry.level].lower()}"
            yield _row(p, "coverage", entry.subject, entry.level, text, entry.source, list(entry.roles))


def catalogue_facts(catalogue: Catalogue) -> Iterator[Fact]:
    """Facts of the catalogues: entities, programme and registry facts, glossary, guidance."""
    for insurer in catalogue.insurers:
        for entity in insurer.entities:
            yield _row(None, "insurer_entity", "other", insurer.id, entity.name, entity.source)
    for programme in catalogue.programmes:
        yield _row(None, "programme_fact", "recognition", programme.id, programme.name, programme.source)
        for owner in programme.owners:
            yield _row(None, "programme_fact", "owner", programme.id, owner.name, owner.source)
        for variant in programme.variants:
            yield _row(None, "programme_fact", "variant", programme.id, variant.name, variant.source)
        for fact in programme.facts:
            yield _row(None, "programme_fact", fact.topic, programme.id, fact.text, fact.source)
    for registry in catalogue.registries:
        yield _row(None, "registry_fact", registry.kind, registry.id, registry.name, registry.source)
        for fact in registry.facts:
            yield _row(None, "registry_fact", registry.kind, registry.id, fact.text, fact.source)
    for term in catalogue.glossary:
        if term.source:
            yield _row(None, "glossary", "glossary", term.id, f"{term.term}: {term.explanation}", term.source)
    yield from guidance_facts(catalogue)


def guidance_facts(catalogue: Catalogue) -> Iterator[Fact]:
    g = catalogue.guidance
    if g is None:
        return
    for fact in g.facts:
        yield _row(None, "guidance", "fact", "", fact.text, fact.source)
    for theme in g.themes:
        yield _row(None, "guidance", "theme", theme.id, theme.name, theme.source)
        for task in theme.tasks:
            yield _row(None, "guidance", "task", f"{theme.id}.{task.number}", f"{task.title}: {task.why}", task.source)
            for note in task.experiences:
                yield _row(None, "guidance", "experience", f"{theme.id}.{task.number}", note.text, note.source)
    for form in g.organisation_forms:
        yield _row(None, "guidance", "organisation_form", form.id, f"{form.name}: {form.overhead_financing}", form.source)
        for note in form.notes:
            yield _row(None, "guidance", "organisation_form", form.id, note.text, note.source)
    for example in g.financing_examples:
        yield _row(None, "guidance", "financing", example.id, example.text, example.source)
    for system in g.systems:
        yield _row(None, "guidance", "system", system.kind, f"{system.name}: {system.text}", system.source)
    for holder in g.stakeholders:
        yield _row(None, "guidance", "stakeholder", holder.level, f"{holder.name}: {holder.role}", holder.source)
    if g.stakeholder_levels:
        yield _row(None, "guidance", "stakeholder", "levels", g.stakeholder_levels.text, g.stakeholder_levels.source)
    yield _row(None, "guidance", "checklist", "checklist", g.checklist.title, g.checklist.source)
    for item in g.checklist.items:
        yield _row(None, "guidance", "checklist", item.id, item.question, item.source)


def all_facts(catalogue: Catalogue) -> list[Fact]:
    """Every fact of the dataset: policies first (by insurer and year), then catalogues."""
    rows: list[Fact] = []
    for policy in catalogue.policies_for():
        rows.extend(policy_facts(policy))
    rows.extend(catalogue_facts(catalogue))
    return rows


def fact_dicts(facts: list[Fact]) -> list[dict]:
    return [asdict(f) for f in facts]
