"""Checks ``validate`` runs on top of the schema: sections against headings, drafts, and
each fact's values against its quote.

Sections and drafts give *warnings*: the data loads and the app works, but a curator should
look. They print as ``file:line: field.path: warning: message`` and do not change the exit
code. A date, duration or year in a structured field that its quote states differently is
an *error* (:mod:`policy_model.curation.values`); a number in our own text that neither the
quote nor the section states is a warning.

They run over the files :func:`policy_model.loader.load_catalogue` read (``keep_documents``),
so ``validate`` reads and parses the dataset once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from policy_model.curation.locate import describe, outline_of, section_matches
from policy_model.draft_record import is_draft
from policy_model.force import FORCE_WORDINGS, wording_for
from policy_model.problems import Problem
from policy_model.quotes import sources_dir
from policy_model.walk import iter_sources

if TYPE_CHECKING:
    from pydantic import BaseModel

    from policy_model.loader import LoadedDocuments
    from policy_model.schema import SourceDocument
    from policy_model.yamlio import YamlDocument


def section_warnings(
    located: Iterable[tuple[YamlDocument, BaseModel]], sources: Sequence[SourceDocument]
) -> list[Problem]:
    """A warning for every fact whose ``section`` is not the heading its quote sits under.

    Facts whose quote is not found (the quote check reports those) or that carry a review
    mark (a draft) are skipped; so are documents missing from the sources folder.
    """
    folder = sources_dir()
    files = {s.id: folder / s.file for s in sources}
    warnings: list[Problem] = []
    for doc, model in located:
        for loc, src in iter_sources(model):
            path = files.get(src.document)
            if path is None or not path.is_file() or getattr(src, "review", None) is not None:
                continue
            outline = outline_of(path)
            offsets = outline.occurrences(src.quote)
            if not offsets or any(section_matches(src.section, at, outline) for at in offsets):
                continue
            found = "; ".join(dict.fromkeys(describe(outline.chain_at(at)) for at in offsets))
            warnings.append(doc.problem((*loc, "section"), f"warning: section {src.section!r} does not match the "
                                                          f"heading the quote is under: {found!r}"))
    return warnings


def draft_warnings(policy_docs: Iterable[tuple[YamlDocument, BaseModel]]) -> list[Problem]:
    """One warning per draft record and one per review mark, each at its line."""
    warnings: list[Problem] = []
    for doc, policy in policy_docs:
        if not is_draft(policy):
            continue
        marks = [(loc, src) for loc, src in iter_sources(policy) if src.review is not None]
        warnings.append(doc.problem(("draft",), f"warning: draft record with {len(marks)} fact(s) marked for "
                                                "review; hidden in the app unless GLI_SHOW_DRAFTS=1"))
        for loc, src in marks:
            review = src.review
            found = (f"; best match ({review.similarity:.0f}/100): {review.best_match[:100]!r}"
                     if review.best_match else "")
            warnings.append(doc.problem((*loc, "review"), f"warning: review: {review.reason}{found}"))
    return warnings


def force_warnings(policy_docs: Iterable[tuple[YamlDocument, BaseModel]]) -> list[Problem]:
    """A requirement whose force differs from what the table of wordings gives for its section
    or quote (data/README "Requirement force", :mod:`policy_model.force`): the same wording has
    the same force in every record, so a new record is held to the table before it is read."""
    warnings: list[Problem] = []
    for doc, policy in policy_docs:
        for i, requirement in enumerate(getattr(policy, "requirements", ())):
            row = wording_for(requirement.source.section, requirement.source.quote)
            if row is not None and row.force != requirement.force:
                warnings.append(doc.problem(
                    ("requirements", i, "force"),
                    f"warning: force {requirement.force!r}, but the wording {row.example} gives {row.force!r} "
                    f"(data/README.md, requirement force, row {FORCE_WORDINGS.index(row) + 1}); change the force, "
                    "or the table if the wording really means something else here"))
    return warnings


def catalogue_names(catalogue: Iterable[BaseModel]) -> set[str]:
    """Every name, abbreviation, alias and variant name of the programmes and registers in the
    parsed catalogue files: a digit in one of them ("Keer Diabetes 2 Om") is part of a name."""
    names: set[str] = set()
    for parsed in catalogue:
        for entry in [*getattr(parsed, "programmes", ()), *getattr(parsed, "registries", ())]:
            names.update(n for n in (entry.name, entry.abbreviation, *entry.aliases) if n)
            names.update(v.name for v in getattr(entry, "variants", ()))
    return names


def value_problems(
    policy_docs: Iterable[tuple[YamlDocument, BaseModel]], sources: Sequence[SourceDocument],
    names: Iterable[str] = (),
) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings): every fact value its quote states differently, or does not state
    (``names``: programme and register names, see :func:`catalogue_names`)."""
    from policy_model.curation.values import policy_disagreements

    years = {s.id: s.policy_year for s in sources if s.policy_year}
    names = frozenset(names)
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for doc, policy in policy_docs:
        document_years = {years[d] for d in getattr(policy, "documents", ()) if d in years}
        for found in policy_disagreements(policy, document_years, names):
            if found.unsupported:
                warnings.append(doc.problem(found.loc, f"warning: {found.message}"))
            else:
                errors.append(doc.problem(found.loc, f"value disagrees with its quote: {found.message}"))
    return errors, warnings


def curation_checks(documents: LoadedDocuments, *, with_sources: bool = True) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of the checks on top of the schema, over the files the loader read.

    Values are held against the quotes written in the data; only the section check opens the
    source texts, so ``with_sources=False`` (``validate --no-quotes``) leaves that one out.
    """
    located = [*documents.catalogue_files, *documents.policies]
    found = section_warnings(located, documents.sources) if with_sources and sources_dir().is_dir() else []
    names = catalogue_names(model for _, model in documents.catalogue_files)
    errors, value_warnings = value_problems(documents.policies, documents.sources, names)
    return errors, draft_warnings(documents.policies) + force_warnings(documents.policies) + found + value_warnings


def validation_warnings(data_dir: Path | None = None) -> list[Problem]:
    """Section, draft and value warnings for the dataset (files that do not load are left to the errors)."""
    from policy_model.loader import load_catalogue

    documents = load_catalogue(data_dir, keep_documents=True).documents
    assert documents is not None  # keep_documents=True always sets it
    return curation_checks(documents)[1]
