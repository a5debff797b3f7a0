"""Cross-file checks: each rule of the reference and uniqueness tables reports at the line
where the bad id or reference is written ({line}: the line of the text the case changes), and
a policy with such a problem is left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_model.integrity import POLICY_REFERENCES, KnownIds, policy_reference_problems
from policy_model.loader import load_catalogue
from tests.dataset import line_of, replace_first

REGISTRIES = ("beroepsgroep_kwaliteitsregister, blcn, centraal_kwaliteitsregister, ckr, irf_kfir, kabiz, kngf, kp, "
              "kvk, licence_holder_register, loket_gezond_leven, rivm_gli_register, riz, vecozo, vektis_agb")


CASES = {
    "policy insurer": ("policies/vgz-2024.yaml", "insurer: vgz\n", "insurer: vgzz\n",
                       "policies/vgz-2024.yaml:{line}: insurer: unknown insurer 'vgzz': add it to insurers.yaml or fix "
                       "the spelling; known: cz, vgz, zz"),
    "policy document": ("policies/zz-2024.yaml", "documents: [zz_gli_2024]", "documents: [zz_gli_2099]",
                        "policies/zz-2024.yaml:{line}: documents[0]: unknown source document 'zz_gli_2099': add it to "
                        "sources.yaml or fix the spelling"),
    "policy programme": ("policies/cz-2027.yaml", "- programme: beweegkuur", "- programme: beweegkuurr",
                         "policies/cz-2027.yaml:{line}: programmes[1].programme: unknown programme 'beweegkuurr': add "
                         "it to programmes.yaml or fix the spelling; known: beweegkuur, cool, kd2o, slimmer, ssib, "
                         "x_fittt"),
    "policy registry": ("policies/zz-2024.yaml", "- registry: blcn", "- registry: blcnn",
                        f"policies/zz-2024.yaml:{{line}}: registries[1].registry: unknown registry 'blcnn': add it to "
                        f"registries.yaml or fix the spelling; known: {REGISTRIES}"),
    "requirement registry": ("policies/cz-2027.yaml", "registries: [loket_gezond_leven]",
                             "registries: [loket_gezond_leven, loket_x]",
                             "policies/cz-2027.yaml:{line}: requirements[5].registries[1]: unknown registry 'loket_x'"),
    "cited document": ("policies/zz-2024.yaml", "      document: zz_gli_2024\n", "      document: zz_gli\n",
                       "policies/zz-2024.yaml:{line}: coverage.scope[0].source.document: unknown source document "
                       "'zz_gli': add it to sources.yaml"),
    "duplicate requirement": ("policies/zz-2024.yaml", "- id: msv_zorg_volgens_positieve_gezondheid",
                              "- id: coach_afstemming_medisch_sociaal_domein",
                              "policies/zz-2024.yaml:{line}: requirements[1]: duplicate requirement id "
                              "'coach_afstemming_medisch_sociaal_domein' (also item 0); ids must be unique"),
    "duplicate provision": ("policies/zz-2024.yaml", "- id: gli_inhoud_voeding_beweging_gedrag",
                            "- id: visie_van_zorg_naar_gezondheid",
                            "policies/zz-2024.yaml:{line}: provisions[2]: duplicate provision id "
                            "'visie_van_zorg_naar_gezondheid' (also item 1)"),
    "duplicate change": ("policies/zz-2024.yaml", "- id: strategie_passende_zorg", "- id: voorrang_gli_beleid",
                         "policies/zz-2024.yaml:{line}: changes[1]: duplicate change id 'voorrang_gli_beleid' "
                         "(also item 0)"),
    "duplicate open item": ("policies/zz-2024.yaml", "- id: gli_kinderen_en_czv",
                            "- id: digitale_gli_inkopen_na_erkenning",
                            "policies/zz-2024.yaml:{line}: open_items[1]: duplicate open item id "
                            "'digitale_gli_inkopen_na_erkenning' (also item 0)"),
    "duplicate programme entry": ("policies/cz-2027.yaml", "- programme: beweegkuur", "- programme: cool",
                                  "policies/cz-2027.yaml:{line}: programmes[1]: duplicate programme entry 'cool' "
                                  "(also item 0)"),
    "catalogue id": ("insurers.yaml", "id: vgz", "id: cz",
                     "insurers.yaml:{line}: insurers[1]: duplicate id 'cz' (also item 0); ids must be unique"),
    "catalogue citation": ("programmes.yaml", "document: ", "document: x",
                           "programmes.yaml:{line}: programmes[0].owners[0].source.document: unknown source document "
                           "'xcz_gli_2027': add it to sources.yaml"),
    "guidance document": ("guidance.yaml", "  document: zonmw_handreiking", "  document: zonmw_x",
                          "guidance.yaml:{line}: guidance.document: unknown source document 'zonmw_x'"),
    # Reported at the duplicate task itself (themes[0].tasks[2], "- number: 3"), not at the theme
    # whose index equals the task's place in the run of all tasks (as it was).
    "guidance task number": ("guidance.yaml", "- number: 3", "- number: 1",
                             "guidance.yaml:{line}: guidance.themes[0].tasks[2]: duplicate task number 1 (also item 0)"),
    "guidance task number across themes": ("guidance.yaml", "- number: 5", "- number: 2",
                                           "guidance.yaml:{line}: guidance.themes[1].tasks[0]: duplicate task number 2 "
                                           "(also guidance.themes[0].tasks[1])"),
    "guidance checklist item": ("guidance.yaml", "- id: rol_kartrekker", "- id: samenwerkingsverband_onderhoudt_gli",
                                "guidance.yaml:{line}: guidance.checklist.items[2]: duplicate checklist item id "
                                "'samenwerkingsverband_onderhoudt_gli' (also item 0)"),
    "stated change": ("policies/zz-2024.yaml", "statements: [voorrang_boven_algemeen_zorginkoopbeleid]",
                      "statements: [nope]",
                      "policies/zz-2024.yaml:{line}: changes[0].statements: unknown statement identity 'nope': a "
                      "stated change can only concern what a record of 'zz' holds"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_rule_reports_at_the_line_of_the_bad_value(data, case):
    file, old, new, expected = CASES[case]
    expected = expected.replace("{line}", str(line_of(data / file, old)))
    replace_first(data / file, old, new)
    result = load_catalogue(data)
    printed = [str(p) for p in result.problems]
    assert any(line.startswith(expected) for line in printed), "\n".join(printed)
    if file.startswith("policies/"):
        assert Path(file).stem not in {p.key for p in result.catalogue.policies}


def test_a_second_file_for_the_same_policy_is_named_and_left_out(data):
    (data / "policies" / "zz-2030.yaml").write_bytes((data / "policies" / "zz-2024.yaml").read_bytes())
    result = load_catalogue(data)
    assert [str(p) for p in result.problems] == [
        "policies/zz-2030.yaml:1: insurer: file name should be zz-2024.yaml for insurer 'zz' and year 2024",
        "policies/zz-2030.yaml:2: year: a policy for zz-2024 already exists in policies/zz-2024.yaml",
    ]
    assert [p.key for p in result.catalogue.policies].count("zz-2024") == 1


def test_each_reference_rule_finds_its_references_and_the_real_data_resolves_them():
    result = load_catalogue(keep_documents=True)
    doc, policy = next((d, p) for d, p in result.documents.policies if p.key == "cz-2027")
    for rule in POLICY_REFERENCES:
        assert list(rule.refs(policy)), f"no {rule.what} reference in cz-2027 to test the rule on"
    catalogue = result.catalogue
    known = KnownIds.of(catalogue.sources, catalogue.insurers, catalogue.programmes, catalogue.registries)
    assert policy_reference_problems(doc, policy, known) == []
    nothing = KnownIds(frozenset(), frozenset(), frozenset(), frozenset())
    found = policy_reference_problems(doc, policy, nothing)
    assert {p.message.split(" '")[0] for p in found} == {f"unknown {rule.what}" for rule in POLICY_REFERENCES}
    assert all(p.file == "policies/cz-2027.yaml" and p.line for p in found)


def test_every_register_a_requirement_names_is_on_the_records_register_list(cat):
    """Where a record settles its registers in full, a register one of its requirements names
    is on its list: otherwise the comparison would read that register as absent from it."""
    for policy in cat.policies:
        if policy.addresses("registries"):
            listed = {r.registry for r in policy.registries}
            for requirement in policy.requirements:
                assert set(requirement.registries) <= listed, (policy.key, requirement.id)
