"""What every rule reads (:class:`Ctx`) and what the route rules build (:class:`Decision`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from policy_model.calendar import CalendarFile
from policy_model.catalogue import Catalogue
from policy_model.schema import Contact, ContractRoute, Policy, Source
from policy_model.vocab import ROUTE_LABELS
from policy_model.wizard.forms import RouteFit, resolved_functions, route_fits
from policy_model.wizard.labels import RUNNING_LABEL, VERDICT_LABELS, Verdict
from policy_model.wizard.profile import Profile, fold


@dataclass
class Decision:
    """The verdict as it is built up: reasons, the deciding question, what would change it."""

    verdict: Verdict
    reasons: list[str] = field(default_factory=list)
    routes: list[ContractRoute] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    question: str | None = None
    change: str | None = None  # not eligible: what would change it
    #: subcontractor: the routes of the organisations the policy names to join (as onderaannemer)
    join: list[ContractRoute] = field(default_factory=list)
    follows: bool = False  # rests on the volgbeleid (following the preferent insurer)
    running: bool = False  # rests on a contract that runs through the policy year (CZ 2027 §2.4)


@dataclass
class Ctx:
    """One policy record read for one profile on one day."""

    policy: Policy
    profile: Profile
    catalogue: Catalogue
    today: dt.date
    name: str  # the insurer's short name
    ask: str  # "Vraag het na bij CZ: zorginkoop.gli@cz.nl."
    calendar: CalendarFile | None = None
    functions: dict[str, str] = field(default_factory=dict)
    fits: list[RouteFit] = field(default_factory=list)
    #: The year the profile asked about, where this record is for another year (a hint).
    requested_year: int | None = None

    @classmethod
    def of(cls, policy: Policy, profile: Profile, catalogue: Catalogue, today: dt.date,
           calendar: CalendarFile | None = None, requested_year: int | None = None) -> Ctx:
        name = catalogue.insurer(policy.insurer).short_name
        mail = question_contact(policy.contacts)
        ask = f"Vraag het na bij {name}: {mail.address}." if mail else f"Vraag het na bij {name}."
        functions = resolved_functions(profile)
        return cls(policy, profile, catalogue, today, name, ask, calendar, functions,
                   route_fits(policy.contract_routes, functions, profile.contracting_role), requested_year)

    @property
    def role(self) -> str:
        return self.profile.contracting_role

    @property
    def region(self) -> str:
        return self.profile.region_for(self.policy.insurer)

    @property
    def single_provider(self) -> bool:
        return self.functions.get("single_provider") == "yes"

    @property
    def prior_answer_elsewhere(self) -> bool:
        """Whether the profile answered "GLI-contract in het jaar ervoor" for another year than the
        one before this record's: a profile for 2027 read against VGZ 2024 as a hint says who had a
        contract in 2026, nothing about 2023 (what VGZ 2024's offer and exception are about)."""
        return (self.profile.prior_contract_with is not None and self.requested_year is not None
                and self.requested_year != self.policy.year)

    @property
    def had_contract(self) -> bool | None:
        """Whether the provider had a GLI contract with this insurer in the year before the policy
        year; None where the profile does not say, or says it for another year."""
        if self.prior_answer_elsewhere:
            return None
        return self.profile.had_contract_with(self.policy.insurer)


def question_contact(contacts: list[Contact]) -> Contact | None:
    """The address for questions: a contact for "vragen" that is not a website, else any e-mail, else any."""
    return (next((c for c in contacts if re.search(r"(^|\s)vragen\b", fold(c.purpose)) and c.channel != "website"),
                 None)
            or next((c for c in contacts if c.channel == "email"), None)
            or (contacts[0] if contacts else None))


def unique_routes(routes: list[ContractRoute]) -> list[ContractRoute]:
    """Routes without repeats, in order (a route holds lists, so it is not hashable)."""
    seen: set[int] = set()
    return [r for r in routes if not (id(r) in seen or seen.add(id(r)))]


def route_names(routes: list[ContractRoute]) -> str:
    """``RHO``, ``RHO of Zorggroep``, ``A, B of C``."""
    return route_kind_names([r.route for r in routes])


def route_kind_names(kinds: Iterable[str]) -> str:
    """:func:`route_names` for route kinds (``rho``, ``msv``)."""
    names = list(dict.fromkeys(in_sentence(ROUTE_LABELS[kind]) for kind in kinds))
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " of " + names[-1]


def verdict_label(verdict: Verdict, join: list[ContractRoute], running: bool = False) -> str:
    """The verdict in words. "Only as subcontractor" names the organisations the policy itself
    names to join (ZZ 2024 §3.2: "uitsluitend ... multidisciplinaire samenwerkingsverbanden of
    zorggroepen"), never a generic "RHO of samenwerkingsverband" a document may not mention. A
    contract that runs through the year is no new contract to get (CZ 2027 §2.4)."""
    if verdict == "eligible" and running:
        return RUNNING_LABEL
    if verdict == "subcontractor_only" and join:
        return f"Alleen via een {route_names(join)} (als onderaannemer)"
    return VERDICT_LABELS[verdict]


def in_sentence(label: str) -> str:
    """A label inside a sentence: ``Zorggroep`` -> ``zorggroep``, ``RHO`` stays ``RHO``."""
    return lower_first(label)


def lower_first(text: str) -> str:
    """The first letter in lower case, for text that continues a sentence, unless the first word
    is an abbreviation (``CZ bood ...``, ``RHO``, ``KvK``, ``AGB-code``): those keep their capitals."""
    first = text.split(" ", 1)[0]
    if any(ch.isupper() for ch in first[1:]):
        return text
    return text[:1].lower() + text[1:]
