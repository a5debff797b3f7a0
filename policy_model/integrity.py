"""Referential integrity across files: unique ids and references that resolve.

Schema validation sees one file at a time; these checks see the whole dataset. Each
problem is located in the file and line where the bad id or reference is written.

What is checked is written as tables: :data:`POLICY_REFERENCES` (every reference a policy
makes and the list that must hold it), :data:`CATALOGUE_IDS`, :data:`GUIDANCE_IDS` and
:data:`POLICY_IDS` (what must be unique); one small function applies each kind of table.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

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
from policy_model.walk import Loc, iter_sources
from policy_model.yamlio import YamlDocument

#: Known ids are listed in a message when there are at most this many.
_HINT_LIMIT = 15


@dataclass(frozen=True)
class KnownIds:
    """The ids a reference may name, per catalogue list."""

    sources: frozenset[str]
    insurers: frozenset[str]
    programmes: frozenset[str]
    registries: frozenset[str]

    @classmethod
    def of(cls, sources: Iterable[SourceDocument], insurers: Iterable[Insurer], programmes: Iterable[Programme],
           registries: Iterable[Registry]) -> KnownIds:
        return cls(frozenset(s.id for s in sources), frozenset(i.id for i in insurers),
                   frozenset(p.id for p in programmes), frozenset(r.id for r in registries))


@dataclass(frozen=True)
class ReferenceRule:
    """One kind of reference a policy makes: where it is written (``refs`` yields each
    location and value) and which list must hold it (``known``, an attribute of
    :class:`KnownIds`, kept in ``listed_in``)."""

    what: str
    known: str
    listed_in: str
    refs: Callable[[Policy], Iterable[tuple[Loc, str]]]


def _cited_documents(node: object, prefix: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """The ``document`` of every source citation below ``node``."""
    return (((*loc, "document"), src.document) for loc, src in iter_sources(node, prefix))


POLICY_REFERENCES: tuple[ReferenceRule, ...] = (
    ReferenceRule("insurer", "insurers", "insurers.yaml", lambda p: [(("insurer",), p.insurer)]),
    ReferenceRule("source document", "sources", "sources.yaml",
                  lambda p: ((("documents", i), d) for i, d in enumerate(p.documents))),
    ReferenceRule("programme", "programmes", "programmes.yaml",
                  lambda p: ((("programmes", i, "programme"), e.programme) for i, e in enumerate(p.programmes))),
    ReferenceRule("registry", "registries", "registries.yaml",
                  lambda p: ((("registries", i, "registry"), e.registry) for i, e in enumerate(p.registries))),
    ReferenceRule("registry", "registries", "registries.yaml",
                  lambda p: ((("requirements", i, "registries", j), reg)
                             for i, r in enumerate(p.requirements) for j, reg in enumerate(r.registries))),
    ReferenceRule("source document", "sources", "sources.yaml", _cited_documents),
)

#: The catalogue files whose entries each have an id, and their top-level key.
CATALOGUE_IDS: tuple[tuple[str, str], ...] = (
    ("sources.yaml", "sources"),
    ("insurers.yaml", "insurers"),
    ("programmes.yaml", "programmes"),
    ("registries.yaml", "registries"),
    ("glossary.yaml", "glossary"),
)
#: The catalogue files that cite sources (all but sources.yaml; guidance.yaml on its own).
CITING_FILES: tuple[tuple[str, str], ...] = CATALOGUE_IDS[1:]


@dataclass(frozen=True)
class UniqueRule:
    """Values that must be unique in a list: where the list is, what they are called, and how
    to read them from the model. ``places`` (optional) gives each value's own place where the
    values run across nested lists (task numbers across themes), so a duplicate is reported at
    its own line; without it a value's place is its index in the list at ``loc``."""

    loc: Loc
    what: str
    values: Callable[[BaseModel], Iterable[object]]
    places: Callable[[BaseModel], Iterable[Loc]] | None = None

    def located(self, model: BaseModel) -> Iterator[tuple[Loc, object]]:
        """(place, value) of every value, in order."""
        places = self.places(model) if self.places else ((*self.loc, i) for i in itertools.count())
        return zip(places, self.values(model), strict=False)


GUIDANCE_IDS: tuple[UniqueRule, ...] = (
    UniqueRule(("guidance", "themes"), "theme id", lambda g: (t.id for t in g.themes)),
    # Task numbers run across themes: each is reported at its own task.
    UniqueRule(("guidance", "themes"), "task number", lambda g: (t.number for th in g.themes for t in th.tasks),
               lambda g: (("guidance", "themes", i, "tasks", j) for i, th in enumerate(g.themes)
                          for j in range(len(th.tasks)))),
    UniqueRule(("guidance", "checklist", "items"), "checklist item id", lambda g: (i.id for i in g.checklist.items)),
    UniqueRule(("guidance", "financing_examples"), "financing example id",
               lambda g: (f.id for f in g.financing_examples)),
)

POLICY_IDS: tuple[UniqueRule, ...] = (
    *(UniqueRule((key,), f"{key[:-1].replace('_', ' ')} id", lambda p, key=key: (x.id for x in getattr(p, key)))
      for key in ("requirements", "provisions", "changes", "open_items")),
    UniqueRule(("programmes",), "programme entry", lambda p: (e.programme for e in p.programmes)),
)


def _line(doc: YamlDocument | None, loc: Loc) -> int | None:
    return doc.line_of(loc) if doc else None


def _duplicates(doc: YamlDocument | None, file: str, located: Iterable[tuple[Loc, object]], what: str) -> list[Problem]:
    """A problem for each value seen before, at its own place; it names the first one's place
    (its index where both are in one list)."""
    problems: list[Problem] = []
    first: dict[object, Loc] = {}
    for loc, value in located:
        if value in first:
            seen = first[value]
            also = f"item {seen[-1]}" if seen[:-1] == loc[:-1] else format_path(seen)
            problems.append(Problem(file, _line(doc, loc), format_path(loc),
                                    f"duplicate {what} {value!r} (also {also}); ids must be unique"))
        else:
            first[value] = loc
    return problems


def _unique(doc: YamlDocument | None, file: str, model: BaseModel, rules: Iterable[UniqueRule]) -> list[Problem]:
    """Every duplicate that a table of :class:`UniqueRule` finds in ``model``."""
    return [p for rule in rules for p in _duplicates(doc, file, rule.located(model), rule.what)]


def _unknown(doc: YamlDocument | None, file: str, refs: Iterable[tuple[Loc, str]], known: frozenset[str],
             what: str, listed_in: str) -> list[Problem]:
    """A problem for each reference whose value ``known`` does not hold, with the known ids
    as a hint when they are few."""
    problems: list[Problem] = []
    for loc, value in refs:
        if value in known:
            continue
        hint = f"; known: {', '.join(sorted(known))}" if 0 < len(known) <= _HINT_LIMIT else ""
        problems.append(Problem(file, _line(doc, loc), format_path(loc),
                                f"unknown {what} {value!r}: add it to {listed_in} or fix the spelling{hint}"))
    return problems


def policy_reference_problems(doc: YamlDocument, policy: Policy, known: KnownIds) -> list[Problem]:
    """Every reference of :data:`POLICY_REFERENCES` in one policy that its list does not hold."""
    return [p for rule in POLICY_REFERENCES
            for p in _unknown(doc, doc.file, rule.refs(policy), getattr(known, rule.known), rule.what, rule.listed_in)]


def catalogue_citation_problems(lists: dict[str, Sequence[BaseModel]], docs: dict[str, YamlDocument],
                                known: KnownIds) -> list[Problem]:
    """Source documents cited in insurers, programmes, registries and glossary that sources.yaml lacks."""
    return [p for name, key in CITING_FILES
            for p in _unknown(docs.get(name), name, _cited_documents(list(lists[name]), (key,)), known.sources,
                              "source document", "sources.yaml")]


def guidance_problems(guidance: Guidance, doc: YamlDocument | None, known: KnownIds) -> list[Problem]:
    """The handreiking's own document and its citations exist; its ids and task numbers are unique."""
    file = "guidance.yaml"
    refs = [(("guidance", "document"), guidance.document), *_cited_documents(guidance, ("guidance",))]
    return _unknown(doc, file, refs, known.sources, "source document", "sources.yaml") + _unique(
        doc, file, guidance, GUIDANCE_IDS)


def _file_name_problems(doc: YamlDocument, policy: Policy) -> list[Problem]:
    """A policy file is named ``<insurer>-<year>.yaml``."""
    expected = f"{policy.insurer}-{policy.year}.yaml"
    if doc.file.endswith("/" + expected):
        return []
    return [Problem(doc.file, doc.line_of(("insurer",)), "insurer",
                    f"file name should be {expected} for insurer {policy.insurer!r} and year {policy.year}")]


def _duplicate_identities(doc: YamlDocument, policy: Policy) -> list[Problem]:
    """Statement identities are unique in a record: a comparison matches statements on them."""
    problems: list[Problem] = []
    identities = [("requirements", i, r.identity) for i, r in enumerate(policy.requirements)]
    identities += [("provisions", i, p.identity) for i, p in enumerate(policy.provisions)]
    seen: dict[str, tuple] = {}
    for key, index, identity in identities:
        if identity in seen:
            loc = (key, index)
            problems.append(Problem(doc.file, doc.line_of(loc), format_path(loc),
                                    f"statement identity {identity!r} is also {format_path(seen[identity])}; give "
                                    "one of them another id or lineage"))
        seen.setdefault(identity, (key, index))
    return problems


def _stated_change_problems(doc: YamlDocument, policy: Policy, same_insurer: Sequence[Policy],
                            known: KnownIds) -> list[Problem]:
    """What a stated change concerns exists in this record or another record of the same insurer."""
    statements = {r.identity for p in same_insurer for r in p.requirements}
    statements |= {x.identity for p in same_insurer for x in p.provisions}
    statements |= {t.lineage for p in same_insurer for t in p.timeline if t.lineage}
    problems: list[Problem] = []
    for i, change in enumerate(policy.changes):
        refs = [("statements", value, statements, "statement identity") for value in change.statements]
        refs += [("programmes", value, known.programmes, "programme") for value in change.programmes]
        refs += [("registries", value, known.registries, "registry") for value in change.registries]
        for field, value, allowed, what in refs:
            if value not in allowed:
                loc = ("changes", i, field)
                problems.append(Problem(doc.file, doc.line_of(loc), format_path(loc),
                                        f"unknown {what} {value!r}: a stated change can only concern what a record of "
                                        f"{policy.insurer!r} holds"))
    return problems


def policy_problems(policies: Sequence[tuple[YamlDocument, Policy]], known: KnownIds) -> tuple[list[Problem], set[str]]:
    """Each policy's name, key, references, unique ids and statement identities; and the files
    with any such problem (the catalogue leaves those policies out)."""
    problems: list[Problem] = []
    bad_policies: set[str] = set()
    seen_keys: dict[str, str] = {}
    for doc, policy in policies:
        found = _file_name_problems(doc, policy)
        if policy.key in seen_keys:
            found.append(Problem(doc.file, doc.line_of(("year",)), "year",
                                 f"a policy for {policy.key} already exists in {seen_keys[policy.key]}"))
        seen_keys.setdefault(policy.key, doc.file)
        found += policy_reference_problems(doc, policy, known)
        found += _unique(doc, doc.file, policy, POLICY_IDS)
        found += _duplicate_identities(doc, policy)
        found += _stated_change_problems(doc, policy, [p for _, p in policies if p.insurer == policy.insurer], known)
        if found:
            bad_policies.add(doc.file)
        problems += found
    return problems, bad_policies


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
    lists: dict[str, Sequence[BaseModel]] = {"sources.yaml": sources, "insurers.yaml": insurers,
                                             "programmes.yaml": programmes, "registries.yaml": registries,
                                             "glossary.yaml": glossary}
    known = KnownIds.of(sources, insurers, programmes, registries)
    problems = [p for name, key in CATALOGUE_IDS
                for p in _duplicates(docs.get(name), name, (((key, i), item.id) for i, item in enumerate(lists[name])),
                                     "id")]
    problems += catalogue_citation_problems(lists, docs, known)
    if guidance is not None:
        problems += guidance_problems(guidance, docs.get("guidance.yaml"), known)
    found, bad_policies = policy_problems(policies, known)
    return problems + found, bad_policies
