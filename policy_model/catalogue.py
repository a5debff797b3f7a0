"""The loaded dataset: every catalogue and policy, with lookups by id.

Built once by :func:`policy_model.loader.load_catalogue` and then only read. Pages and
rules take a :class:`Catalogue` in and return plain models or tables out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policy_model.draft_record import DRAFT_LABEL, is_draft
from policy_model.schema import (
    GlossaryTerm,
    Guidance,
    Insurer,
    Policy,
    Programme,
    Registry,
    SourceDocument,
)
from policy_model.vocab import DOCUMENT_KIND_LABELS


@dataclass(frozen=True)
class Catalogue:
    sources: tuple[SourceDocument, ...] = ()
    insurers: tuple[Insurer, ...] = ()
    programmes: tuple[Programme, ...] = ()
    registries: tuple[Registry, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    guidance: Guidance | None = None
    policies: tuple[Policy, ...] = ()
    _index: dict[str, dict] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index = {
            "source": {s.id: s for s in self.sources},
            "insurer": {i.id: i for i in self.insurers},
            "programme": {p.id: p for p in self.programmes},
            "registry": {r.id: r for r in self.registries},
            "glossary": {g.id: g for g in self.glossary},
            "policy": {p.key: p for p in self.policies},
        }
        object.__setattr__(self, "_index", index)

    # ---- lookups (KeyError on unknown ids: the loader guarantees references resolve)
    def source(self, source_id: str) -> SourceDocument:
        return self._index["source"][source_id]

    def insurer(self, insurer_id: str) -> Insurer:
        return self._index["insurer"][insurer_id]

    def programme(self, programme_id: str) -> Programme:
        return self._index["programme"][programme_id]

    def registry(self, registry_id: str) -> Registry:
        return self._index["registry"][registry_id]

    def policy(self, insurer_id: str, year: int) -> Policy | None:
        return self._index["policy"].get(f"{insurer_id}-{year}")

    def policy_by_key(self, key: str) -> Policy | None:
        return self._index["policy"].get(key)

    def is_draft(self, policy: Policy) -> bool:
        """Whether a record is a draft (:func:`policy_model.draft_record.is_draft`), computed once per record."""
        drafts = self._index.get("draft")
        if drafts is None:
            drafts = {p.key for p in self.policies if is_draft(p)}
            self._index["draft"] = drafts
        return policy.key in drafts if self._index["policy"].get(policy.key) is policy else is_draft(policy)

    # ---- derived views
    @property
    def years(self) -> list[int]:
        return sorted({p.year for p in self.policies})

    @property
    def insurer_ids(self) -> list[str]:
        return [i.id for i in self.insurers if any(p.insurer == i.id for p in self.policies)]

    def policies_for(
        self, insurers: list[str] | None = None, years: list[int] | None = None
    ) -> list[Policy]:
        """Policies filtered by insurer and year, ordered by insurer then year."""
        order = {i.id: n for n, i in enumerate(self.insurers)}
        chosen = [
            p
            for p in self.policies
            if (not insurers or p.insurer in insurers) and (not years or p.year in years)
        ]
        return sorted(chosen, key=lambda p: (order.get(p.insurer, 99), p.year))

    def policy_label(self, policy: Policy) -> str:
        """``CZ groep 2027`` and a marker for derived records and drafts, for column headers."""
        name = self.insurer(policy.insurer).short_name
        marker = {"derived": " (afgeleid)", "summary_page": " (samenvatting)"}.get(policy.document_kind, "")
        if self.is_draft(policy):
            marker += f" ({DRAFT_LABEL})"
        return f"{name} {policy.year}{marker}"

    def document_kind_label(self, policy: Policy) -> str:
        """``Volledig beleidsdocument``, ``Samenvatting (webpagina)`` or ``Afgeleid uit <document>``."""
        if policy.document_kind != "derived":
            return DOCUMENT_KIND_LABELS[policy.document_kind]
        titles = [self.source(d).title for d in policy.documents if self.source(d)]
        return "Afgeleid uit " + (" en ".join(titles) if titles else "een later document")

    def headline(self) -> dict[str, int]:
        """The dataset's headline figures, shown on the home page."""
        return {
            "insurers": len(self.insurer_ids),
            "policy_years": len(self.years),
            "policies": len(self.policies),
            "programmes": len(self.programmes),
            "registries": len(self.registries),
            "requirements": sum(len(p.requirements) for p in self.policies),
            "sources": len(self.sources),
        }
