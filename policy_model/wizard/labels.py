"""The wizard's fixed words: verdicts, statuses, checklist groups, times, and the Dutch labels
of the profile's keys (for the printable summary). No logic lives here."""

from __future__ import annotations

from typing import Literal

Verdict = Literal["eligible", "subcontractor_only", "not_eligible", "conditional"]
Status = Literal["met", "unmet", "to_check"]
Group = Literal["unmet", "to_check", "met", "obligation", "expectation"]
When = Literal["past", "today", "upcoming", "open"]
Fit = Literal["yes", "maybe", "no"]

VERDICT_LABELS = {
    "eligible": "U kunt rechtstreeks contracteren",
    "subcontractor_only": "Alleen via een RHO of samenwerkingsverband (als onderaannemer)",
    "not_eligible": "Komt niet in aanmerking",
    "conditional": "Hangt af van iets wat nog niet bekend is",
}
#: An eligible verdict that rests on a contract running through the policy year.
RUNNING_LABEL = "Uw overeenkomst loopt door"
REFERRER_VERDICT_LABELS = {
    "eligible": "De deelnemer komt in aanmerking",
    "not_eligible": "De deelnemer komt niet in aanmerking",
    "conditional": "Nog na te gaan",
    "subcontractor_only": "",
}
STATUS_LABELS = {"met": "Voldaan", "unmet": "Niet voldaan", "to_check": "Na te gaan"}
#: The checklist in order of weight: what blocks a contract first, expectations last.
GROUP_ORDER: tuple[str, ...] = ("unmet", "to_check", "met", "obligation", "expectation")
GROUP_LABELS = {
    "unmet": "Niet voldaan (minimumeis of uitsluitingsgrond)",
    "to_check": "Na te gaan (minimumeis of uitsluitingsgrond)",
    "met": "Voldaan",
    "obligation": "Verplichtingen tijdens de overeenkomst",
    "expectation": "Verwachtingen van de verzekeraar",
}
#: Short plural words for the counts line ("1 niet voldaan · 4 na te gaan · ...").
GROUP_WORDS = {"unmet": "niet voldaan", "to_check": "na te gaan", "met": "voldaan", "obligation": "verplichtingen",
               "expectation": "verwachtingen"}
WHEN_LABELS = {"past": "verstreken", "today": "vandaag", "upcoming": "nog mogelijk", "open": "nu mogelijk"}
#: The same for what the insurer does on a date (offer, publish, inform): it is not "mogelijk" for the
#: provider, it is still to come or going on (CZ 2027 §4.1 "Publicatie van het zorgaanbod 12 november 2026").
INSURER_WHEN_LABELS = {"past": "verstreken", "today": "vandaag", "upcoming": "komt nog", "open": "loopt"}
FIT_LABELS = {"yes": "past bij uw organisatie", "maybe": "kan bij uw organisatie passen (na te gaan)",
              "no": "past niet bij uw organisatie"}
NOT_SETTLED = "niet vastgelegd in het beleid"

#: The contracting roles as nouns in a sentence ("... sluit geen overeenkomst met een ...").
ROLE_NOUNS = {"individual_coach": "individuele leefstijlcoach", "coach": "leefstijlcoach",
              "coach_network": "samenwerkingsverband van leefstijlcoaches",
              "rho": "RHO", "msv": "multidisciplinair samenwerkingsverband of zorggroep", "referrer": "verwijzer"}
#: Organisational routes a coach can work under as subcontractor.
UMBRELLA_ROUTES = ("rho", "coach_network", "msv", "zorggroep")

#: The profile's keys in Dutch, for the summary on the printable checklist and the page.
PROFILE_KEY_LABELS = {
    "role": "Ik ben",
    "year": "Beleidsjaar",
    "name": "Naam",
    "background": "Beroepsachtergrond",
    "registries": "Registers",
    "licences": "Programmalicenties",
    "programmes_offered": "Aantal GLI-programma's",
    "agb_code": "AGB-code",
    "kvk_registered": "Ingeschreven bij de KvK",
    "accredited_training": "Geaccrediteerde opleiding leefstijlcoach",
    "hbo_level": "Competenties op hbo-niveau",
    "region_has_rho": "RHO gecontracteerd in de regio",
    "region_has_network": "Samenwerkingsverband gecontracteerd in de regio",
    "prior_contract_with": "GLI-contract in het jaar ervoor met",
    "scope": "Waar levert u zorg",
    "in_insurer_region": "Werkt in de regio waar preferent is",
    "functions": "Wat uw organisatie is of doet",
    "participant_age": "Leeftijd deelnemer",
    "participant_ggr": "GGR deelnemer",
    "participant_repeat": "Eerder een GLI gevolgd (< 2 jaar)",
}
TRI_WORDS_NL = {"yes": "ja", "no": "nee", "unknown": "weet ik niet"}
