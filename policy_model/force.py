"""The force of a requirement from the document's own words: one table of wordings.

A requirement's ``force`` is curated data, decided by the rules in ``data/README.md``
("Requirement force"). This module holds those rules as a table, so that a test can check
that the same wording gets the same force in every record, and the README can print the
same table. The first row that matches (in the section heading, else in the quote) wins:
a minimum-requirements section keeps its "verwachten" a condition, a vision annex keeps its
"moet" an expectation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Where = Literal["section", "quote"]


@dataclass(frozen=True)
class ForceWording:
    """One row of the table: where to look, the wording (a case-insensitive pattern), the force."""

    force: str
    where: Where
    pattern: str
    example: str

    def matches(self, section: str, quote: str) -> bool:
        text = section if self.where == "section" else quote
        return re.search(self.pattern, " ".join(text.split()), re.IGNORECASE) is not None


#: In order of precedence. ``example`` is the wording as the README shows it.
FORCE_WORDINGS: tuple[ForceWording, ...] = (
    ForceWording("exclusion", "section", r"uitsluiting", "“Uitsluitingen”"),
    ForceWording("exclusion", "quote", r"komt niet in aanmerking|contracteren (wij|we) niet|sluiten (wij|we) geen overeenkomst",
                 "“komt niet in aanmerking”, “contracteren wij niet”, “sluiten wij geen overeenkomst”"),
    ForceWording("minimum", "section",
                 r"minimumeis|minimum- en kwaliteitseisen|hoe komt u .*in aanmerking|voorwaarden nieuwe zorgaanbieders|"
                 r"inkoopvoorwaarden",
                 "“Minimumeisen …”, “Minimum- en kwaliteitseisen”, “Hoe komt u … in aanmerking”, "
                 "“Voorwaarden nieuwe zorgaanbieders”, “… inkoopvoorwaarden”"),
    ForceWording("expectation", "section", r"^bijlage 1\b", "“Bijlage 1” of CZ 2027 (CZ's vision of the RHO's tasks)"),
    ForceWording("minimum", "quote",
                 r"komt? alleen in aanmerking|kom\w* .*in aanmerking|voorwaarde voor|moet voldoen aan|"
                 r"contracte\w* (wij|we) (daarom )?(alleen|uitsluitend)|uitsluitend van toepassing",
                 "“komt alleen in aanmerking”, “komen in aanmerking”, “voorwaarde voor”, “moet voldoen aan”, "
                 "“contracteren wij alleen/uitsluitend”, “uitsluitend van toepassing”"),
    ForceWording("expectation", "quote",
                 r"(wij|we) verwachten|verwachten (wij|we)|(wij|we) vragen|(wij|we) verzoeken|stimule(ren|ert)|"
                 r"vind(t|en)( \w+)? (het )?belangrijk|bij voorkeur|wenselijk",
                 "“wij verwachten”, “wij vragen”, “wij verzoeken”, “stimuleren”, “vinden het belangrijk”, "
                 "“bij voorkeur”, “wenselijk”"),
    ForceWording("obligation", "quote", r"u bent verplicht|\bdient\b|\bdienen\b|\bmoet\b",
                 "“u bent verplicht”, “dient”, “moet” (outside a minimum-requirements list)"),
)


def wording_for(section: str, quote: str) -> ForceWording | None:
    """The first row of :data:`FORCE_WORDINGS` that the section or the quote matches."""
    return next((w for w in FORCE_WORDINGS if w.matches(section, quote)), None)


def readme_table() -> str:
    """The table as ``data/README.md`` prints it (a test keeps the two the same)."""
    lines = ["| # | where | wording | force |", "|---|---|---|---|"]
    where = {"section": "section heading", "quote": "the quoted words"}
    for n, row in enumerate(FORCE_WORDINGS, 1):
        lines.append(f"| {n} | {where[row.where]} | {row.example} | `{row.force}` |")
    return "\n".join(lines)
