"""Fixed vocabularies with their Dutch labels.

Every enumerated field in the data uses one of these ids, so that the same kind of
fact lines up across insurers and years. The labels are what the dashboard shows.
Adding a value here is a deliberate schema change: add its label in the same place.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

SourceKind = Literal["insurer_policy", "web_page", "guidance"]
SOURCE_KIND_LABELS: dict[str, str] = {
    "insurer_policy": "Zorginkoopbeleid",
    "web_page": "Webpagina",
    "guidance": "Handreiking",
}

ProgrammeStatus = Literal["bought", "expected", "conditional", "not_bought"]
PROGRAMME_STATUS_LABELS: dict[str, str] = {
    "bought": "Ingekocht",
    "expected": "Verwacht",
    "conditional": "Onder voorwaarde",
    "not_bought": "Niet ingekocht",
}
#: Shown where a policy says nothing about a programme. Never the same as "no".
NOT_STATED_LABEL = "Niet vermeld in het beleid"

Role = Literal["individual_coach", "coach_network", "rho", "msv", "coach", "referrer"]
ROLE_LABELS: dict[str, str] = {
    "individual_coach": "Individuele leefstijlcoach (eigen contract)",
    "coach_network": "Samenwerkingsverband van leefstijlcoaches en/of paramedici",
    "rho": "Regionale huisartsenorganisatie (RHO)",
    "msv": "Multidisciplinair samenwerkingsverband / zorggroep",
    "coach": "Leefstijlcoach die de GLI uitvoert (ook als onderaannemer)",
    "referrer": "Verwijzer (huisarts, bedrijfsarts, medisch specialist)",
}
#: Roles a provider can contract as (the wizard's organisational roles).
CONTRACTING_ROLES: tuple[str, ...] = ("individual_coach", "coach_network", "rho", "msv")

RouteKind = Literal[
    "rho", "coach_network", "msv", "zorggroep", "individual_coach", "runoff", "follow"
]
ROUTE_LABELS: dict[str, str] = {
    "rho": "RHO",
    "coach_network": "Samenwerkingsverband van leefstijlcoaches/paramedici",
    "msv": "Multidisciplinair samenwerkingsverband",
    "zorggroep": "Zorggroep",
    "individual_coach": "Individuele leefstijlcoach",
    "runoff": "Uitloopovereenkomst",
    "follow": "Volgen van de preferente zorgverzekeraar",
}
#: Routes that are no contract form of their own: a run-off contract, following another insurer.
SPECIAL_ROUTES = ("runoff", "follow")
#: Which profile role contracts through which route.
ROUTE_ROLE: dict[str, str] = {
    "rho": "rho",
    "coach_network": "coach_network",
    "msv": "msv",
    "zorggroep": "msv",
    "individual_coach": "individual_coach",
    "runoff": "individual_coach",
    "follow": "msv",
}

Background = Literal["leefstijlcoach", "fysiotherapeut", "oefentherapeut", "dietist"]
BACKGROUND_LABELS: dict[str, str] = {
    "leefstijlcoach": "Leefstijlcoach",
    "fysiotherapeut": "Fysiotherapeut",
    "oefentherapeut": "Oefentherapeut",
    "dietist": "Diëtist",
}

Scope = Literal["local", "regional", "national"]
SCOPE_LABELS: dict[str, str] = {
    "local": "Lokaal",
    "regional": "(Boven)regionaal",
    "national": "Landelijk",
}

Topic = Literal[
    "quality_register",
    "programme_licence",
    "programme_recognition",
    "agb_code",
    "kvk_registration",
    "accredited_training",
    "competence_level",
    "professional_guidelines",
    "legislation_standards",
    "gp_collaboration",
    "social_domain_collaboration",
    "local_sports_offer",
    "regional_collaboration",
    "social_map",
    "insurer_consultation",
    "min_programmes",
    "work_area",
    "subcontractors",
    "declarations",
    "intake_response",
    "electronic_record",
    "quality_indicators",
    "monitoring",
    "wtza_licence",
    "oi_contract",
    "group_size",
    "stepped_care",
    "target_group",
    "referral",
    "repeat_participation",
    "programme_change",
    "multidisciplinary_agreements",
    "duplicate_care",
    "continuity_of_care",
    "positive_health",
    "digital_care",
    "sustainability",
    "exclusion_grounds",
    "integrity_check",
    "vecozo",
    "children",
    "ketenaanpak",
    "quality_assurance",
    "tariff",
    "contracting",
    "application",
    "contract_duration",
    "follow_policy",
    "duty_of_care",
    "policy_precedence",
    "insurer_discretion",
    "other",
]
TOPIC_LABELS: dict[str, str] = {
    "quality_register": "Kwaliteitsregister",
    "programme_licence": "Licentie GLI-programma",
    "programme_recognition": "Erkenning GLI-programma",
    "agb_code": "AGB-code",
    "kvk_registration": "Inschrijving KvK",
    "accredited_training": "Geaccrediteerde opleiding",
    "competence_level": "Competentieniveau (hbo)",
    "professional_guidelines": "Richtlijnen beroepsgroep en licentiehouder",
    "legislation_standards": "Wet- en regelgeving, standaarden",
    "gp_collaboration": "Samenwerking met huisartsen / eerste lijn",
    "social_domain_collaboration": "Samenwerking met het sociaal domein",
    "local_sports_offer": "Lokaal beweegaanbod",
    "regional_collaboration": "Regionale samenwerkingsafspraken",
    "social_map": "Sociale kaart",
    "insurer_consultation": "Overleg met de zorgverzekeraar",
    "min_programmes": "Minimum aantal programma's",
    "work_area": "Werkgebied (postcodes)",
    "subcontractors": "Onderaannemers",
    "declarations": "Declaraties",
    "intake_response": "Contact voor intake",
    "electronic_record": "Elektronisch patiëntendossier",
    "quality_indicators": "Kwaliteitsindicatoren",
    "monitoring": "Monitoring",
    "wtza_licence": "Wtza-vergunning",
    "oi_contract": "O&I-overeenkomst",
    "group_size": "Groepsgrootte",
    "stepped_care": "Stepped care",
    "target_group": "Doelgroep / leeftijd",
    "referral": "Verwijzing",
    "repeat_participation": "Herhaalde deelname",
    "programme_change": "Wisselen van programma",
    "multidisciplinary_agreements": "Multidisciplinaire afspraken",
    "duplicate_care": "Dubbele zorg voorkomen",
    "continuity_of_care": "Continuïteit van zorg",
    "positive_health": "Positieve gezondheid",
    "digital_care": "Digitale zorg",
    "sustainability": "Duurzaamheid",
    "exclusion_grounds": "Uitsluitingsgronden",
    "integrity_check": "Integriteitstoets",
    "vecozo": "VECOZO",
    "children": "Kinderen / ketenaanpak kinderen",
    "ketenaanpak": "Ketenaanpak overgewicht",
    "quality_assurance": "Kwaliteitsborging",
    "tariff": "Tarief",
    "contracting": "Contractering",
    "application": "Aanvragen",
    "contract_duration": "Looptijd",
    "follow_policy": "Volgbeleid",
    "duty_of_care": "Zorgplicht",
    "policy_precedence": "Rangorde beleidsdocumenten",
    "insurer_discretion": "Voorbehoud zorgverzekeraar",
    "other": "Overig",
}

ValueUnit = Literal[
    "days", "working_days", "weeks", "years", "count", "per_year", "participants", "age", "score", "ggr_level",
    "percent",
]
VALUE_UNIT_LABELS: dict[str, str] = {
    "days": "dagen",
    "working_days": "werkdagen",
    "weeks": "weken",
    "years": "jaar",
    "count": "aantal",
    "per_year": "keer per jaar",
    "participants": "deelnemers",
    "age": "jaar (leeftijd)",
    "score": "score",
    "ggr_level": "GGR-niveau (1 = matig verhoogd, 2 = hoog)",
    "percent": "procent",
}

#: An age group a participant criterion names in words only ("volwassenen"): the document gives no
#: age, so the requirement has no ``value`` (data/README.md, "Policy records").
AgeGroup = Literal["adults"]
AGE_GROUP_LABELS: dict[str, str] = {
    "adults": "volwassenen (geen leeftijd genoemd)",
}

TimelineKind = Literal[
    "publication",
    "objection_deadline",
    "plan_submission",
    "negotiation",
    "offer",
    "questions",
    "signing_deadline",
    "agreement_deadline",
    "administration",
    "tariff_information",
    "publication_contracted",
    "application",
    "policy_updates",
    "other",
]
TIMELINE_KIND_LABELS: dict[str, str] = {
    "publication": "Publicatie beleid",
    "objection_deadline": "Bezwaartermijn",
    "plan_submission": "Indienen plan/offerte",
    "negotiation": "Inkoopgesprekken",
    "offer": "Aanbieden overeenkomst",
    "questions": "Vragen stellen",
    "signing_deadline": "Uiterste tekendatum",
    "agreement_deadline": "Overeenstemming bereiken",
    "administration": "Administratieve afhandeling",
    "tariff_information": "Informeren over tarieven",
    "publication_contracted": "Publicatie gecontracteerd aanbod",
    "application": "Aanvragen overeenkomst",
    "policy_updates": "Aanvullingen op het beleid",
    "other": "Overig",
}

Channel = Literal["vecozo", "email", "web_form", "phone", "website", "meeting", "other"]
CHANNEL_LABELS: dict[str, str] = {
    "vecozo": "VECOZO",
    "email": "E-mail",
    "web_form": "Webformulier",
    "phone": "Telefoon",
    "website": "Website",
    "meeting": "Inkoopgesprek",
    "other": "Anders",
}

ApplicationWindow = Literal["all_year", "deadline", "on_offer", "restricted", "open"]
APPLICATION_WINDOW_LABELS: dict[str, str] = {
    "all_year": "Het hele jaar door",
    "deadline": "Voor een uiterste datum",
    "on_offer": "Na aanbod door de verzekeraar",
    "restricted": "Terughoudend / beperkt",
    "open": "Niet vastgelegd",
}

TariffKind = Literal["nza_maximum", "max_max", "negotiated", "other"]
TARIFF_KIND_LABELS: dict[str, str] = {
    "nza_maximum": "NZa-maximumtarief",
    "max_max": "Max-max tarief",
    "negotiated": "Onderhandeld tarief",
    "other": "Overig",
}

Availability = Literal["yes", "no", "open"]
AVAILABILITY_LABELS: dict[str, str] = {
    "yes": "Ja",
    "no": "Nee",
    "open": "Open / nog niet vastgelegd",
}

RegistryKind = Literal[
    "quality_register",
    "professional_association",
    "provider_register",
    "trade_register",
    "programme_register",
    "recognition",
    "monitoring",
    "integrity",
    "portal",
]
REGISTRY_KIND_LABELS: dict[str, str] = {
    "quality_register": "Kwaliteitsregister",
    "professional_association": "Beroepsvereniging",
    "provider_register": "Register zorgaanbieders",
    "trade_register": "Handelsregister",
    "programme_register": "Register per programma",
    "recognition": "Erkenning interventies",
    "monitoring": "Monitoring",
    "integrity": "Integriteitstoets",
    "portal": "Portaal",
}

RegistryUse = Literal["accepted", "required", "verification", "no_longer_required"]
REGISTRY_USE_LABELS: dict[str, str] = {
    "accepted": "Geaccepteerd",
    "required": "Verplicht",
    "verification": "Gebruikt ter controle",
    "no_longer_required": "Niet meer vereist",
}

ChangeKind = Literal["added", "removed", "changed", "clarified"]
CHANGE_KIND_LABELS: dict[str, str] = {
    "added": "Toegevoegd",
    "removed": "Vervallen",
    "changed": "Gewijzigd",
    "clarified": "Verduidelijkt",
}

Force = Literal["minimum", "obligation", "expectation", "exclusion"]
#: How binding a requirement is, in the document's own terms. Ordered by weight: a
#: minimum requirement or an exclusion ground decides whether a provider gets a contract,
#: an obligation binds a contracted party, an expectation only describes what is wished.
FORCE_LABELS: dict[str, str] = {
    "minimum": "Minimumeis",
    "exclusion": "Uitsluitingsgrond",
    "obligation": "Verplichting",
    "expectation": "Verwachting",
}
FORCE_ORDER: tuple[str, ...] = ("minimum", "exclusion", "obligation", "expectation")
#: Forces that decide eligibility: only these can make the wizard say "niet voldaan".
GATING_FORCES: frozenset[str] = frozenset({"minimum", "exclusion"})

DocumentKind = Literal["full_policy", "summary_page", "derived"]
DOCUMENT_KIND_LABELS: dict[str, str] = {
    "full_policy": "Volledig beleidsdocument",
    "summary_page": "Samenvatting (webpagina)",
    "derived": "Afgeleid uit later document",
}

CoverageSubject = Literal[
    "programmes", "registries", "routes", "periods", "tariffs", "applications", "timeline", "requirements",
    "participants", "provisions",
]
#: The subjects a document can settle; "requirements" are the requirements on providers,
#: "participants" the criteria for who may take part.
COVERAGE_SUBJECT_LABELS: dict[str, str] = {
    "programmes": "Programma's",
    "registries": "Registers",
    "routes": "Contracteerroutes",
    "periods": "Looptijden",
    "tariffs": "Tarieven",
    "applications": "Aanvragen",
    "timeline": "Tijdlijn",
    "requirements": "Eisen aan zorgaanbieders",
    "participants": "Wie in aanmerking komt (deelnemers)",
    "provisions": "Bepalingen van de verzekeraar",
}
#: Subjects whose entries can be narrowed to requirement topics, and to route kinds.
TOPIC_SUBJECTS: frozenset[str] = frozenset({"requirements", "participants", "provisions"})
ROUTE_SUBJECTS: frozenset[str] = frozenset({"routes", "periods", "applications"})

#: The Dutch month names, January first (dates in texts, "2 december 2026").
MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december")

CoverageLevel = Literal["full", "general", "deferred"]
#: How far a document settles a subject (for a role, a topic): in full (what is absent is
#: absent), only in general terms (a vision, a summary: what it says is not the rule in
#: full) or not here but in another place it names. A subject a document does not address
#: at all has no level.
COVERAGE_LEVEL_LABELS: dict[str, str] = {
    "full": "Volledig vastgelegd",
    "general": "Alleen in algemene termen",
    "deferred": "Niet hier vastgelegd",
}
DeferralKind = Literal["other_text", "this_text", "later"]
#: What a ``deferred`` subject's quote says instead, as the empty cell's label before the quote:
#: it points to another text (ZZ 2024: "Het Algemeen zorginkoopbeleid beschrijft ..."), the
#: document says it elsewhere, outside the list compared (VGZ 2024 names the programmes it
#: reimburses before its list of requirements), or it is still to come (CZ 2027: "publiceren wij
#: hiervoor aanvullend beleid"; tariffs for running contracts "uiterlijk 31 oktober 2026"). One
#: label for all three claimed what only some are (audit G #3).
DEFERRAL_LABELS: dict[str, str] = {
    "other_text": "Verwezen naar een ander stuk",
    "this_text": "Elders in dit document",
    "later": "Nog niet vastgelegd",
}

RequirementKind = Literal["provider", "participant"]
#: What a requirement is about: what a provider must do or be, or who may take part
#: (age, GGR, motivation, referral, repeat rules). The two are only compared with their own kind.
REQUIREMENT_KIND_LABELS: dict[str, str] = {
    "provider": "Eis aan de zorgaanbieder",
    "participant": "Wie in aanmerking komt",
}
#: The force of a participant criterion, in words that fit it: a condition for taking part
#: ("komen in aanmerking") or a description of the target group.
PARTICIPANT_FORCE_LABELS: dict[str, str] = {
    "minimum": "Voorwaarde voor deelname",
    "exclusion": "Uitgesloten van deelname",
    "obligation": "Regel voor deelname",
    "expectation": "Beschrijving, geen voorwaarde",
}

ProgrammeFactTopic = Literal[
    "target_group", "provider_demands", "recognition", "content", "variant", "other"
]
PROGRAMME_FACT_LABELS: dict[str, str] = {
    "target_group": "Doelgroep",
    "provider_demands": "Eisen aan aanbieders",
    "recognition": "Erkenning",
    "content": "Inhoud",
    "variant": "Variant",
    "other": "Overig",
}


def values(literal: object) -> tuple[str, ...]:
    """The allowed values of a Literal vocabulary, for menus and checks."""
    return tuple(get_args(literal))


#: Short role names for filters and URLs.
ROLE_SHORT_LABELS: dict[str, str] = {
    "individual_coach": "Individuele coach",
    "coach_network": "Samenwerkingsverband",
    "rho": "RHO",
    "msv": "Multidisciplinair / zorggroep",
    "coach": "Leefstijlcoach (uitvoerder)",
    "referrer": "Verwijzer",
}


DiffClass = Literal[
    "changed", "added", "removed", "reworded", "elaborated_in_to", "elaborated_in_from",
    "described_differently", "only_in_from", "only_in_to", "same",
]
#: How one statement (or structured item) compares across two records. ``changed``,
#: ``added`` and ``removed`` need both documents to settle the subject for that role; a
#: statement one document works out that the other states only in general terms is
#: ``elaborated_*``, never "Gewijzigd".
DIFF_CLASS_LABELS: dict[str, str] = {
    "changed": "Gewijzigd",
    "added": "Nieuw",
    "removed": "Vervallen",
    "reworded": "Anders verwoord",
    "elaborated_in_to": "Uitgewerkt in het nieuwere document",
    "elaborated_in_from": "Uitgewerkt in het oudere document",
    "described_differently": "Anders beschreven; geen van beide legt het volledig vast",
    "only_in_from": "Alleen vermeld in het oudere document",
    "only_in_to": "Alleen vermeld in het nieuwere document",
    "same": "Gelijk",
}

#: What the other document does with a subject one document alone states, in a phrase.
OTHER_SIDE_LABELS: dict[str, str] = {
    "silent": "het andere document zegt hier niets over",
    "other_words": "het andere document heeft over dit onderwerp eigen uitspraken",
    "other_words_deferred": "het andere document heeft over dit onderwerp eigen uitspraken en verwijst voor de rest "
                            "naar elders",
    "general": "het andere document noemt dit alleen in algemene termen",
    "deferred": "het andere document legt dit hier niet vast",
    "full": "het andere document noemt dit niet; zijn lijst van voorwaarden is volledig, maar dit is geen voorwaarde",
    "full_unsettled": "het andere document noemt dit niet in zijn volledige lijst van voorwaarden; dit document legt "
                      "het onderwerp niet volledig vast",
    "one_off": "een eenmalige activiteit van dat jaar, geen jaarlijkse",
}

DiffItemKind = Literal[
    "stated", "programme", "registry", "route", "period", "tariff", "application", "timeline",
    "requirement", "participant", "provision",
]
#: Headings per kind of compared item (plural, for groups) and the kind as a row label
#: (singular), so that two rows both called "RHO" say which is a period and which applying.
DIFF_ITEM_KIND_LABELS: dict[str, str] = {
    "stated": "Genoemd in de wijzigingenlijst",
    "programme": "Programma's",
    "registry": "Registers",
    "route": "Contracteerroutes",
    "period": "Looptijden",
    "tariff": "Tarieven",
    "application": "Aanvragen",
    "timeline": "Tijdlijn",
    "requirement": "Eisen aan zorgaanbieders",
    "participant": "Wie in aanmerking komt",
    "provision": "Bepalingen van de verzekeraar",
}
DIFF_ITEM_KIND_SINGULAR: dict[str, str] = {
    "stated": "Wijzigingenlijst",
    "programme": "Programma",
    "registry": "Register",
    "route": "Contracteerroute",
    "period": "Looptijd",
    "tariff": "Tarief",
    "application": "Aanvragen",
    "timeline": "Tijdlijn",
    "requirement": "Eis",
    "participant": "Deelnemers",
    "provision": "Bepaling",
}


# --------------------------------------------------------------------------- organisation forms by function

OrgFunction = Literal[
    "single_provider", "cooperation", "coach_network", "gp_led_regional", "multidisciplinary_primary_care",
    "coordinates_chain_care",
]
#: What an organisation is or does, in plain words: a contract route is described by these
#: (``ContractRoute.forms``), a profile answers them, so an organisation is judged by what it
#: is, not by the word an insurer uses for it.
ORG_FUNCTION_LABELS: dict[str, str] = {
    "single_provider": "Eén zorgverlener: een leefstijlcoach die zelf een overeenkomst sluit",
    "cooperation": "Een samenwerkingsverband: meerdere zorgaanbieders die structureel samenwerken",
    "coach_network": "Een samenwerkingsverband van leefstijlcoaches en/of paramedici",
    "gp_led_regional": "Een regionale organisatie van (overwegend) huisartsen",
    "multidisciplinary_primary_care": "Eerstelijns zorgaanbieders van verschillende disciplines, met huisartsen, "
                                      "die structureel samenwerken",
    "coordinates_chain_care": "Coördineert de (multidisciplinaire) samenwerking in de ketenzorg (bijv. diabetes, COPD)",
}
#: The plain question the wizard asks for each function.
ORG_FUNCTION_QUESTIONS: dict[str, str] = {
    "single_provider": "Sluit u als één zorgverlener zelf een overeenkomst?",
    "cooperation": "Is uw organisatie een samenwerkingsverband van meerdere zorgaanbieders?",
    "coach_network": "Bestaat uw samenwerkingsverband uit leefstijlcoaches en/of paramedici?",
    "gp_led_regional": "Is uw organisatie een regionale organisatie van (overwegend) huisartsen?",
    "multidisciplinary_primary_care": "Werken in uw organisatie eerstelijns zorgaanbieders van verschillende "
                                      "disciplines (met huisartsen) structureel samen?",
    "coordinates_chain_care": "Coördineert uw organisatie de multidisciplinaire samenwerking in de ketenzorg "
                              "(bijvoorbeeld diabetes of COPD)?",
}
#: What each form the wizard offers is by construction (our reading of the form's name; the
#: documents' own definitions are on the routes). Functions left out are not settled by the
#: form: the profile answers them, else they are "na te gaan".
_ONE_COACH: dict[str, str] = {"single_provider": "yes", "cooperation": "no", "coach_network": "no",
                              "gp_led_regional": "no", "multidisciplinary_primary_care": "no",
                              "coordinates_chain_care": "no"}
ROLE_FUNCTIONS: dict[str, dict[str, str]] = {
    "individual_coach": _ONE_COACH,
    "coach": _ONE_COACH,
    "coach_network": {"single_provider": "no", "cooperation": "yes", "coach_network": "yes", "gp_led_regional": "no"},
    "rho": {"single_provider": "no", "cooperation": "yes", "gp_led_regional": "yes", "coach_network": "no"},
    "msv": {"single_provider": "no", "cooperation": "yes", "multidisciplinary_primary_care": "yes", "coach_network": "no"},
}

RouteFormKind = Literal["definition", "name", "example", "open_list", "possible"]
#: How a document describes a form. ``definition``, ``name`` and ``example`` settle it when
#: every function holds; ``open_list`` (named by example: "bijv.", "zoals") and ``possible``
#: ("kan in sommige gevallen") leave it to be checked, so they never settle more than "misschien".
ROUTE_FORM_KIND_LABELS: dict[str, str] = {
    "definition": "omschrijving in het beleid",
    "name": "alleen bij naam genoemd",
    "example": "genoemd als voorbeeld",
    "open_list": "open opsomming (met voorbeelden)",
    "possible": "kan in sommige gevallen",
}
SETTLING_FORM_KINDS: frozenset[str] = frozenset({"definition", "name", "example"})

#: Words that leave a list open: what is not on it may still count ("bijv.", "zoals", "onder andere",
#: "of een vergelijkbaar ... register"). A list without them names everything that counts.
OPEN_LIST_WORDINGS: tuple[str, ...] = (
    r"\bbijv\.", r"\bbijvoorbeeld\b", r"\bzoals\b", r"\bonder andere\b", r"\bo\.a\.", r"\bonder meer\b",
    r"\bof een vergelijkbaar", r"\bof vergelijkbare?\b", r"\ben dergelijke\b",
)


def is_open_wording(text: str) -> bool:
    """Whether a list's own wording leaves it open (see :data:`OPEN_LIST_WORDINGS`)."""
    return any(re.search(pattern, text, flags=re.IGNORECASE) for pattern in OPEN_LIST_WORDINGS)


TimelineActor = Literal["provider", "insurer", "both"]
#: Who acts on a dated item, by kind: only the provider's (or both parties') dates are the
#: provider's deadlines; an insurer's date (publishing, offering, informing) is what the
#: provider can expect. ``TimelineItem.actor`` overrides it for kind ``other``.
TIMELINE_ACTORS: dict[str, str] = {
    "publication": "insurer",
    "objection_deadline": "provider",
    "plan_submission": "provider",
    "negotiation": "both",
    "offer": "insurer",
    "questions": "provider",
    "signing_deadline": "provider",
    "agreement_deadline": "both",
    "administration": "both",
    "tariff_information": "insurer",
    "publication_contracted": "insurer",
    "application": "provider",
    "policy_updates": "insurer",
    "other": "insurer",
}
TIMELINE_ACTOR_LABELS: dict[str, str] = {"provider": "zorgaanbieder", "insurer": "zorgverzekeraar",
                                         "both": "zorgaanbieder en zorgverzekeraar"}
