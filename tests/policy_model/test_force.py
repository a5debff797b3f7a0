"""Requirement force: one per requirement, decided by the rules in data/README.md.

One test per rule, each checked against the section the requirement cites (the
document's own heading) and, where the rule is about wording, the cited quote.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from policy_model.export import export_csv
from policy_model.force import FORCE_WORDINGS, readme_table, wording_for
from policy_model.vocab import FORCE_LABELS
from tests.conftest import REPO

MINIMUM_SECTION = re.compile(r"minimumeis|minimum- en kwaliteitseisen|in aanmerking|voorwaarden nieuwe zorgaanbieders", re.I)
EXCLUSION_SECTION = re.compile(r"uitsluiting", re.I)
CONDITION_WORDS = re.compile(
    r"alleen in aanmerking|kom\w* .*in aanmerking|voorwaarde|minimumeis|moet voldoen|voldoet aan|alleen .*contract"
    r"|contracte\w* .*alleen|uitsluitend",
    re.I,
)


def _requirements(cat):
    return [(p, r) for p in cat.policies for r in p.requirements]


def test_every_requirement_has_a_force_from_the_fixed_list(cat):
    assert _requirements(cat)
    assert {r.force for _, r in _requirements(cat)} <= set(FORCE_LABELS)


def test_rule_1_a_requirement_in_an_exclusion_section_is_an_exclusion_ground(cat):
    found = [(p.key, r.id, r.force) for p, r in _requirements(cat) if EXCLUSION_SECTION.search(r.source.section)]
    assert found, "no requirement cites an exclusion section"
    assert [f for f in found if f[2] != "exclusion"] == []


def test_rule_2_a_requirement_in_a_minimum_requirements_section_is_a_minimum_requirement(cat):
    found = [(p.key, r.id, r.force) for p, r in _requirements(cat)
             if MINIMUM_SECTION.search(r.source.section) and not EXCLUSION_SECTION.search(r.source.section)]
    assert found
    assert [f for f in found if f[2] not in ("minimum", "exclusion")] == []


def test_rule_2_outside_a_minimum_section_a_minimum_requirement_is_worded_as_a_condition(cat):
    loose = [(p.key, r.id, r.source.quote) for p, r in _requirements(cat)
             if r.force == "minimum" and not MINIMUM_SECTION.search(r.source.section)
             and not CONDITION_WORDS.search(r.source.quote) and not CONDITION_WORDS.search(r.source.section)]
    assert loose == []


def test_rule_4_cz_2027_annex_1_describes_expectations_not_conditions(cat):
    # CZ 2027 Bijlage 1 is CZ's vision and expectations of the RHO's and network's tasks.
    annex = [r for r in cat.policy("cz", 2027).requirements if r.source.section.startswith("Bijlage 1")]
    assert len(annex) >= 20
    assert {r.force for r in annex} == {"expectation"}


def test_cz_2027_sections_3_3_1_and_3_3_2_are_minimum_requirements_and_3_3_3_exclusions(cat):
    by_section: dict[str, set[str]] = {}
    for r in cat.policy("cz", 2027).requirements:
        by_section.setdefault(r.source.section[:5], set()).add(r.force)
    assert by_section["3.3.1"] == {"minimum"}
    assert by_section["3.3.2"] == {"minimum"}
    assert by_section["3.3.3"] == {"exclusion"}


@pytest.mark.parametrize("key", ["cz-2027", "vgz-2024", "zz-2024"])
def test_each_full_policy_has_minimum_requirements(cat, key):
    assert any(r.force == "minimum" for r in cat.policy_by_key(key).requirements)


def test_the_csv_export_carries_the_force_of_every_requirement(cat):
    rows = list(csv.DictReader(io.StringIO(export_csv(cat)), delimiter=";"))
    # A provider's requirement and a criterion for taking part are each their own kind of fact.
    kinds = ("requirement", "participant")
    requirement_rows = [row for row in rows if row["kind"] in kinds]
    assert len(requirement_rows) == sum(len(p.requirements) for p in cat.policies)
    assert sum(row["kind"] == "participant" for row in rows) == sum(
        r.kind == "participant" for p in cat.policies for r in p.requirements) > 0
    assert {row["force"] for row in requirement_rows} <= set(FORCE_LABELS)
    assert {row["force"] for row in rows if row["kind"] not in kinds} == {""}


# --------------------------------------------------------------------------- the table of wordings


def test_the_same_wording_gets_the_same_force_in_every_record(cat):
    # Every requirement a row of the table fits (section heading or quoted words, first row
    # wins) has that row's force: one wording, one force, whatever the insurer or year.
    by_row: dict[int, set[str]] = {}
    wrong = []
    for policy, r in _requirements(cat):
        row = wording_for(r.source.section, r.source.quote)
        if row is None:
            continue
        by_row.setdefault(FORCE_WORDINGS.index(row), set()).add(r.force)
        if r.force != row.force:
            wrong.append((policy.key, r.id, r.force, row.force, row.example))
    assert wrong == []
    assert all(len(forces) == 1 for forces in by_row.values())
    assert len(by_row) >= 5  # the table is in use, not a list nobody matches


def test_the_table_in_the_data_readme_is_the_one_in_the_code():
    readme = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- force-table:start -->")[1].split("<!-- force-table:end -->")[0]
    assert table.strip() == readme_table()


@pytest.mark.parametrize(("section", "quote", "force"), [
    ("3.3.3 Uitsluitingen", "die in staat van faillissement verkeert", "exclusion"),
    ("3.3.1 Minimumeisen voor een RHO", "We verwachten dat de RHO ...", "minimum"),
    ("Bijlage 1 – Intervisie", "De RHO moet minimaal 2 keer per jaar ...", "expectation"),
    ("2.1 Kern", "Volwassenen ... die voldoende gemotiveerd zijn, komen in aanmerking voor een GLI.", "minimum"),
    ("3.3 Passende zorg", "Wij verzoeken zorgaanbieders na te denken over digitalisering", "expectation"),
    ("6.2 Aanbod", "U dient tijdig een certificaat aan te vragen bij VECOZO", "obligation"),
])
def test_the_table_reads_the_wordings_of_the_readme_examples(section, quote, force):
    assert wording_for(section, quote).force == force
