"""A reader's newer policy document held against the wijzer: which facts of the insurer's
newest record still stand, which changed (with the new passage, word by word), which are
probably gone, and what the document says that no fact cites.

Pure: a catalogue, an insurer and the document's text in, a :class:`NewDocumentComparison`
out; the same review as ``carry-forward`` (:mod:`.review`), without writing anything. The
result is the reader's own and unchecked ("niet gecontroleerd"): the page keeps it in the
visitor's session only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel

from policy_model.catalogue import Catalogue
from policy_model.comparison.wording import Segment, word_diff
from policy_model.curation.review import (
    MAX_REVIEW_CHARS,
    STATUS_LABELS,
    Citation,
    FactCheck,
    Uncited,
    review_citations,
)
from policy_model.curation.values import iter_facts
from policy_model.schema import CoverageEntry, Policy
from policy_model.vocab import COVERAGE_SUBJECT_LABELS
from policy_model.walk import iter_sources

#: What each list of a record is called on the page.
FACT_KIND_LABELS = {
    "programmes": "Programma", "registries": "Register", "contract_routes": "Contracteerroute",
    "contract_periods": "Contractduur", "tariffs": "Tarief", "applications": "Aanvragen",
    "contacts": "Contact", "timeline": "Tijdpad", "requirements": "Eis", "provisions": "Bepaling",
    "changes": "Genoemde wijziging", "open_items": "Open punt",
}
_TEXT_FIELDS = ("text", "description", "activity", "purpose", "label", "note", "duration_text", "date_text")


class DocumentTooLong(ValueError):
    """The document's text is longer than :data:`~.review.MAX_REVIEW_CHARS`."""


@dataclass(frozen=True)
class FactStanding:
    """One quote of the record (with every fact that cites it) against the new document."""

    status: str  # kept | year_only | changed | probably_deleted
    facts: tuple[str, ...]  # "Eis: De leefstijlcoach ..." for each fact citing this quote
    quote: str
    section: str  # the record's section
    new_section: str  # where the quote (or the new passage) sits in the new document
    passage: str | None = None
    similarity: float | None = None
    words: tuple[Segment, ...] = ()  # the new passage word by word against the quote
    values: tuple[str, ...] = ()  # dates, durations, amounts the new passage states

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class NewDocumentComparison:
    policy: Policy
    label: str
    standings: list[FactStanding] = field(default_factory=list)
    new_passages: list[Uncited] = field(default_factory=list)
    summary: str = ""
    names_insurer: bool = True  # whether the document names the insurer at all (else: another's?)

    def of_status(self, status: str) -> list[FactStanding]:
        return [s for s in self.standings if s.status == status]

    def counts(self) -> dict[str, int]:
        return {status: len(self.of_status(status)) for status in STATUS_LABELS} | {"new": len(self.new_passages)}


def newest_record(catalogue: Catalogue, insurer: str) -> Policy | None:
    """The insurer's newest record, a full policy before a summary page or a derived year."""
    records = [p for p in catalogue.policies_for([insurer]) if not catalogue.is_draft(p)]
    if not records:
        return None
    rank = {"full_policy": 2, "summary_page": 1, "derived": 0}
    return max(records, key=lambda p: (p.year, rank.get(p.document_kind, 0)))


def fact_label(loc: tuple[object, ...], fact: BaseModel) -> str:
    """``Eis: <our text>``: what the fact says, in the record's own words."""
    kind = FACT_KIND_LABELS.get(str(loc[0]), str(loc[0])) if loc else "Feit"
    text = next((getattr(fact, name) for name in _TEXT_FIELDS if isinstance(getattr(fact, name, None), str)), "")
    subject = next((str(getattr(fact, name)) for name in ("programme", "registry", "route", "kind", "channel", "id")
                    if getattr(fact, name, None)), "")
    if isinstance(fact, CoverageEntry):  # two subjects may rest on one passage (ZZ 2024 §5.1)
        subject = COVERAGE_SUBJECT_LABELS[fact.subject]
    return f"{kind}: {text or subject}"


def record_citations(policy: Policy) -> tuple[list[Citation], list[tuple[str, ...]]]:
    """One citation per distinct quote of the record's own documents, with the facts citing it."""
    labels: dict[tuple[str, str], list[str]] = {}
    for loc, fact in iter_facts(policy):
        source = fact.source  # type: ignore[attr-defined]
        if source.document in policy.documents:
            labels.setdefault((source.quote, source.section), []).append(fact_label(loc, fact))
    citations = [Citation(str(n), quote, section) for n, (quote, section) in enumerate(labels)]
    return citations, [tuple(dict.fromkeys(facts)) for facts in labels.values()]


def compare_document(catalogue: Catalogue, policy: Policy, text: str) -> NewDocumentComparison:
    """Hold every quote of ``policy`` against ``text`` (a document's extracted text), here."""
    if len(text) > MAX_REVIEW_CHARS:
        raise DocumentTooLong(f"de tekst is {len(text):,} tekens; meer dan {MAX_REVIEW_CHARS:,} wordt niet vergeleken")
    citations, facts = record_citations(policy)
    review = review_citations(citations, text)
    return comparison_from(catalogue, policy, facts, review.facts, review.uncited, text)


def comparison_from(catalogue: Catalogue, policy: Policy, facts: list[tuple[str, ...]], checks: list[FactCheck],
                    uncited: list[Uncited], text: str) -> NewDocumentComparison:
    """The comparison from a review (made here or in the worker, :mod:`.worker`)."""
    standings = []
    for check, labels in zip(checks, facts, strict=True):
        words = tuple(word_diff(check.quote, check.passage)) if check.passage else ()
        standings.append(FactStanding(check.status, labels, check.quote, check.old_section, check.section,
                                      check.passage, check.similarity, words, tuple(check.values)))
    insurer = catalogue.insurer(policy.insurer)
    names = [insurer.name, insurer.short_name, *(e.name for e in insurer.entities)]
    named = any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) for name in names if len(name) >= 2)
    result = NewDocumentComparison(policy, catalogue.policy_label(policy), standings, uncited, "", named)
    counts = result.counts()
    result.summary = (f"{counts['kept']} staan er nog, {counts['year_only']} alleen een ander jaar, "
                      f"{counts['changed']} gewijzigd, {counts['probably_deleted']} waarschijnlijk verwijderd; "
                      f"{counts['new']} nieuwe passages")
    return result


def cited_sources(policy: Policy) -> int:
    """How many citations of the record come from its own documents (for the page's count)."""
    return sum(src.document in policy.documents for _, src in iter_sources(policy))


#: Why a document could not be read, in the reader's words (matched on the curator message).
_READER_REASONS = (
    ("encrypted", "Het PDF-bestand is met een wachtwoord beveiligd. Sla een onbeveiligde kopie op (afdrukken als "
                  "PDF) en upload die."),
    ("no text layer", "Het PDF-bestand heeft geen tekst (het is een scan). Vraag de verzekeraar om de tekstversie."),
    ("took longer", "Het lezen van dit document duurde te lang. Dit is geen gewoon beleidsdocument; sla het "
                    "opnieuw op (afdrukken als PDF) en probeer het nog eens."),
    ("needed more than", "Het lezen van dit document vroeg te veel geheugen. Dit is geen gewoon beleidsdocument."),
    ("decompress", "Dit PDF-bestand bevat veel meer dan een gewoon beleidsdocument en wordt niet gelezen."),
    ("characters, more than", "De tekst van dit document is te lang om te vergelijken (een beleidsdocument is "
                              "veel korter)."),
    ("pages is more than", "Dit PDF-bestand heeft te veel pagina's voor een beleidsdocument."),
    ("larger than", "Het bestand is te groot voor een beleidsdocument."),
    ("nested", "Deze webpagina is te diep genest om te lezen. Sla de pagina opnieuw op vanuit de browser."),
    ("Office", "Dit is een Office-bestand (zoals Word). Sla het op als PDF en upload de PDF."),
    ("an image", "Dit is een afbeelding, geen tekst. Upload het PDF-bestand of de webpagina."),
    ("empty", "Het bestand is leeg."),
    ("not a PDF", "Het bestand heet .pdf maar is geen PDF; is het helemaal gedownload?"),
    ("no text found", "In het bestand staat geen tekst."),
)


def reader_message(error: Exception) -> str:
    """A Dutch sentence for why an upload gave no comparison (the curator's message is English)."""
    if isinstance(error, DocumentTooLong):
        return "De tekst van dit document is te lang om te vergelijken (een beleidsdocument is veel korter)."
    text = str(error)
    return next((message for needle, message in _READER_REASONS if needle in text),
                "Het document kon niet gelezen worden. Upload het PDF-bestand of de webpagina van de verzekeraar.")
