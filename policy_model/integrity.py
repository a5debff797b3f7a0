"""Referential integrity across files: unique ids and references that resolve.

Schema validation sees one file at a time; these checks see the whole dataset. Each
problem is located in the file and line where the bad id or reference is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from policy_model.problems import Problem, format_path
from policy_model.schema import (
    GlossaryTerm,
    Guidance,
    Insurer,
    Policy,
    Programme,
    Registry,
    SourceDocument,
)
from policy_model.walk import iter_sources
from policy_model.yamlio import YamlDocument


def _duplicates(
    doc: YamlDocument | None, file: str, loc_prefix: tuple, ids: Iterable[object], what: str
) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[object, int] = {}
    for index, value in enumerate(ids):
        if value in first:
            loc = (*loc_prefix, index)
            line = doc.line_of(loc) if doc else None
            problems.append(
                Problem(file, line, _fmt(loc), f"duplicate {what} {value!r} (also item {first[value]}); ids must be unique")
            )
        else:
            first[value] = index
    return problems


def _fmt(loc: tuple) -> str:
    return format_path(loc)


def _identity_problems(doc: YamlDocument, file: str, policy: Policy, same_insurer: Sequence[Policy],
                       programme_ids: set[str], registry_ids: set[str]) -> list[Problem]:
    """Statement identities are unique in a record (a comparison matches on them), and what a
    stated change concerns exists in this record or another record of the same insurer."""
    problems: list[Problem] = []
    identities = [("requirements", i, r.identity) for i, r in enumerate(policy.requirements)]
    identities += [("provisions", i, p.identity) for i, p in enumerate(policy.provisions)]
    seen: dict[str, tuple] = {}
    for key, index, identity in identities:
        if identity in seen:
            loc = (key, index)
            problems.append(Problem(file, doc.line_of(loc), _fmt(loc),
                                    f"statement identity {identity!r} is also {_fmt(seen[identity])}; give one of "
                                    "them another id or lineage"))
        seen.setdefault(identity, (key, index))
    known = {r.identity for p in same_insurer for r in p.requirements}
    known |= {x.identity for p in same_insurer for x in p.provisions}
    known |= {t.lineage for p in same_insurer for t in p.timeline if t.lineage}
    for i, change in enumerate(policy.changes):
        refs = [("statements", value, known, "statement identity") for value in change.statements]
        refs += [("programmes", value, programme_ids, "programme") for value in change.programmes]
        refs += [("registries", value, registry_ids, "registry") for value in change.registries]
        for field, value, allowed, what in refs:
            if value not in allowed:
                loc = ("changes", i, field)
                problems.append(Problem(file, doc.line_of(loc), _fmt(loc),
                                        f"unknown {what} {value!r}: a stated change can only concern what a record of "
                                        f"{policy.insurer!r} holds"))
    return problems


def check_integrity(
    *,
    sources: Sequence[SourceDocument],
    insurers: Sequence[Insurer],
    programmes: Sequence[Programme],
    registries: Sequence[Registry],
    glossary: Sequence[GlossaryTerm],
    guidance: Guidance | None,
    policies: Sequence[tuple[YamlDocument, Policy]],
    docs: dict[str, YamlDocument],
) -> tuple[list[Problem], set[str]]:
    """All cross-file problems, and the policy files whose references do not resolve."""
    problems: list[Problem] = []
    bad_policies: set[str] = set()

    for name, items, key in (
        ("sources.yaml", sources, "sources"),
        ("insurers.yaml", insurers, "insurers"),
        ("programmes.yaml", programmes, "programmes"),
        ("registries.yaml", registries, "registries"),
        ("glossary.yaml", glossary, "glossary"),
    ):
        problems += _duplicates(docs.get(name), name, (key,), (i.id for i in items), "id")

    source_ids = {s.id for s in sources}
    insurer_ids = {i.id for i in insurers}
    programme_ids = {p.id for p in programmes}
    registry_ids = {r.id for r in registries}

    def ref(doc: YamlDocument | None, file: str, loc: tuple, value: str, known: set[str], what: str, listed_in: str) -> Problem | None:
        if value in known:
            return None
        hint = f"; known: {', '.join(sorted(known))}" if 0 < len(known) <= 15 else ""
        return Problem(
            file,
            doc.line_of(loc) if doc else None,
            _fmt(loc),
            f"unknown {what} {value!r}: add it to {listed_in} or fix the spelling{hint}",
        )

    # Sources cited in catalogue files.
    for name, root, key in (
        ("insurers.yaml", insurers, "insurers"),
        ("programmes.yaml", programmes, "programmes"),
        ("registries.yaml", registries, "registries"),
        ("glossary.yaml", glossary, "glossary"),
    ):
        for loc, src in iter_sources(list(root), (key,)):
            p = ref(docs.get(name), name, (*loc, "document"), src.document, source_ids, "source document", "sources.yaml")
            if p:
                problems.append(p)
    if guidance is not None:
        gdoc = docs.get("guidance.yaml")
        p = ref(gdoc, "guidance.yaml", ("guidance", "document"), guidance.document, source_ids, "source document", "sources.yaml")
        if p:
            problems.append(p)
        for loc, src in iter_sources(guidance, ("guidance",)):
            p = ref(gdoc, "guidance.yaml", (*loc, "document"), src.document, source_ids, "source document", "sources.yaml")
            if p:
                problems.append(p)
        problems += _duplicates(gdoc, "guidance.yaml", ("guidance", "themes"), (t.id for t in guidance.themes), "theme id")
        numbers = [(ti, t.number) for ti, th in enumerate(guidance.themes) for t in th.tasks]
        problems += _duplicates(gdoc, "guidance.yaml", ("guidance", "themes"), (n for _, n in numbers), "task number")
        problems += _duplicates(gdoc, "guidance.yaml", ("guidance", "checklist", "items"), (i.id for i in guidance.checklist.items), "checklist item id")
        problems += _duplicates(gdoc, "guidance.yaml", ("guidance", "financing_examples"), (f.id for f in guidance.financing_examples), "financing example id")

    # Policies.
    seen_keys: dict[str, str] = {}
    for doc, policy in policies:
        file = doc.file
        found: list[Problem] = []
        expected_name = f"{policy.insurer}-{policy.year}.yaml"
        if not file.endswith("/" + expected_name):
            found.append(Problem(file, doc.line_of(("insurer",)), "insurer", f"file name should be {expected_name} for insurer {policy.insurer!r} and year {policy.year}"))
        if policy.key in seen_keys:
            found.append(Problem(file, doc.line_of(("year",)), "year", f"a policy for {policy.key} already exists in {seen_keys[policy.key]}"))
        seen_keys.setdefault(policy.key, file)
        checks = [(("insurer",), policy.insurer, insurer_ids, "insurer", "insurers.yaml")]
        checks += [(("documents", i), d, source_ids, "source document", "sources.yaml") for i, d in enumerate(policy.documents)]
        checks += [(("programmes", i, "programme"), p.programme, programme_ids, "programme", "programmes.yaml") for i, p in enumerate(policy.programmes)]
        checks += [(("registries", i, "registry"), r.registry, registry_ids, "registry", "registries.yaml") for i, r in enumerate(policy.registries)]
        checks += [
            (("requirements", i, "registries", j), reg, registry_ids, "registry", "registries.yaml")
            for i, r in enumerate(policy.requirements)
            for j, reg in enumerate(r.registries)
        ]
        checks += [((*loc, "document"), s.document, source_ids, "source document", "sources.yaml") for loc, s in iter_sources(policy)]
        for loc, value, known, what, listed_in in checks:
            p = ref(doc, file, loc, value, known, what, listed_in)
            if p:
                found.append(p)
        for key in ("requirements", "provisions", "changes", "open_items"):
            found += _duplicates(doc, file, (key,), (item.id for item in getattr(policy, key)), f"{key[:-1].replace('_', ' ')} id")
        found += _duplicates(doc, file, ("programmes",), (p.programme for p in policy.programmes), "programme entry")
        found += _identity_problems(doc, file, policy, [p for _, p in policies if p.insurer == policy.insurer],
                                    programme_ids, registry_ids)
        if found:
            bad_policies.add(file)
        problems += found
    return problems, bad_policies
