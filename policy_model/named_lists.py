"""Which registers and programmes a record names, and what counts where it names none.

Registers: those it names, a list it leaves open ("of een vergelijkbaar register") or gives in
full, or a register it asks for without naming any ("een door CZ groep erkend
kwaliteitsregister", CZ 2024 §2.1). Programmes: those it names, or none but criteria a GLI
must meet (ZZ 2024 §5.1). Neither an open list nor criteria refuse what they do not name; the
comparison pages and the wizard both ask here.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_model.catalogue import Catalogue
from policy_model.schema import Policy, Requirement

#: The kinds of register a quality-register requirement's list names.
LISTED_REGISTRY_KINDS = ("quality_register", "professional_association")


def open_register_requirements(requirements: Iterable[Requirement]) -> list[Requirement]:
    """The quality-register requirements whose list of registers is open (ZZ 2024 §5.1)."""
    return [r for r in requirements
            if r.topic == "quality_register" and r.listing is not None and r.listing.open]


def closed_register_requirements(policy: Policy) -> list[Requirement]:
    """The quality-register requirements whose list is complete (no "bijv.", "zoals", "of een
    vergelijkbaar"): a register not on such a list is not one the document accepts for whom the
    list is (VGZ 2024 bijlage 2, CZ 2027 §2.1.1, ZZ 2024 §5.1 for leefstijlcoaches).

    The requirement's own list decides, not how far the record settles registers as a whole: ZZ
    2024 §5.1 requires BLCN of a leefstijlcoach "aanvullend" to a general policy that may name
    other registers (KvK, AGB), so its registers are deferred, but BLCN stays the only one
    that meets that requirement."""
    return [r for r in policy.requirements
            if r.topic == "quality_register" and r.listing is not None and not r.listing.open]


def unnamed_register_requirements(catalogue: Catalogue, policy: Policy,
                                  requirements: Iterable[Requirement] | None = None) -> list[Requirement]:
    """The quality-register requirements of a record that names no quality register at all:
    it asks for "een erkend kwaliteitsregister" and leaves which ones unsaid (CZ 2024 §2.1).

    A record that names registers elsewhere is not meant: there "een door CZ erkend register"
    refers to the ones it names (CZ 2027 §2.1.1).
    """
    if any(catalogue.registry(r.registry).kind in LISTED_REGISTRY_KINDS for r in policy.registries):
        return []
    return [r for r in (policy.requirements if requirements is None else requirements)
            if r.topic == "quality_register" and r.kind == "provider" and not r.registries and r.listing is None]


def programme_criteria(policy: Policy) -> list[Requirement]:
    """The requirements on the GLI itself of a record that names no programme (ZZ 2024 §5.1: in
    Loket Gezond Leven with score 2 or higher, judged a technical variant by the insurer); none
    when it names programmes."""
    if policy.programmes:
        return []
    return [r for r in policy.requirements if r.kind == "provider" and r.topic == "programme_recognition"]
