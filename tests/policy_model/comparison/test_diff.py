"""The classified comparison of two records: a document's silence is not a change.

Each expectation is read from the documents (sections named), not from the output.
"""

from __future__ import annotations

from policy_model.comparison.diff import REAL_CHANGES, compare_with_stated, diff_policies


def _diff(cat, old: str, new: str):
    return diff_policies(cat, cat.policy_by_key(old), cat.policy_by_key(new))


def _item(diff, kind: str, key: str):
    (item,) = [i for i in diff.items if i.kind == kind and i.key == key]
    return item


def test_registers_that_the_cz_2024_web_page_does_not_name_are_only_in_2027_not_new(cat):
    # CZ 2024 §2.1 only says "een door CZ groep erkend kwaliteitsregister" and names none;
    # CZ 2027 §2.1.1 names KABIZ (incl. BLCN), IRF/KFIR and KP; §3.3 AGB and KvK.
    diff = _diff(cat, "cz-2024", "cz-2027")
    for registry in ("kabiz", "blcn", "irf_kfir", "kp", "vektis_agb", "kvk"):
        assert _item(diff, "registry", registry).cls == "only_in_to", registry
    assert not [i for i in diff.items if i.kind == "registry" and i.cls == "added"]


def test_kd2o_is_new_for_cz_because_the_2024_page_lists_the_four_programmes_it_buys(cat):
    # CZ 2024 §2.1: "de GLI-programma's CooL, de Beweegkuur, SLIMMER en Samen Sportief in
    # Beweging"; CZ 2027 §3.2 also contracts Keer Diabetes2 Om.
    diff = _diff(cat, "cz-2024", "cz-2027")
    assert _item(diff, "programme", "kd2o").cls == "added"
    assert _item(diff, "programme", "cool").cls == "same"


def test_cz_2024_to_2027_counts_far_fewer_real_changes_than_items_only_one_document_states(cat):
    diff = _diff(cat, "cz-2024", "cz-2027")
    assert len(diff.changes) < len(diff.only_in_one)
    assert all(i.cls in REAL_CHANGES for i in diff.changes)


def test_a_record_derived_from_the_2027_policy_does_not_make_2027_look_new(cat):
    # CZ 2026 holds only what the 2027 policy says about 2026 (§2.4, §3.1): no programme,
    # register or route is "nieuw" in 2027, and the RHO route's rank did not change.
    diff = _diff(cat, "cz-2026", "cz-2027")
    assert diff.counts["added"] == 0
    assert not [i for i in diff.changes if i.kind in ("programme", "route")]
    assert _item(diff, "route", "rho").cls == "same"


def test_the_end_of_the_rivm_registration_is_a_change_the_2027_document_states(cat):
    # CZ 2027 §3.1: "De registratie via de indicatorenlijst van het RIVM is geen minimumeis meer".
    diff = _diff(cat, "cz-2026", "cz-2027")
    rivm = [i for i in diff.items if i.stated_by_document and i.cls in REAL_CHANGES]
    assert rivm, "the RIVM registration change is not marked as stated by the document"
    assert not [i for i in diff.items if i.key == "rivm_gli_register" and i.cls == "added"]


def test_x_fittt_is_new_at_vgz_in_2024_as_annex_1_states(cat):
    # VGZ 2024 bijlage 1 "Nieuw GLI programma toegevoegd": the 2023 list was CooL, Beweegkuur,
    # SLIMMER and SSiB; X-Fittt is added.
    diff = _diff(cat, "vgz-2023", "vgz-2024")
    item = _item(diff, "programme", "x_fittt")
    assert item.cls in ("added", "changed") and item.stated_by_document
    assert item.after == "Ingekocht"


def test_the_end_of_max_max_tariffs_at_zorg_en_zekerheid_is_a_stated_change(cat):
    # ZZ 2024 hoofdstuk 1: "Max-max tarieven zijn niet meer mogelijk per 2024".
    diff = _diff(cat, "zz-2023", "zz-2024")
    item = _item(diff, "tariff", "max_max")
    assert item.cls == "changed" and item.before == "Ja" and item.after == "Nee"
    assert item.stated_by_document


def test_zz_2023_to_2024_has_exactly_the_two_changes_the_document_states(cat):
    # Hoofdstuk 1: "Max-max tarieven zijn niet meer mogelijk per 2024"; §3.1: "we geen nieuwe
    # zorgovereenkomsten aangaan met individuele GLI-zorgaanbieders waarmee in 2023 een
    # zorgovereenkomst was". Everything else the 2024 policy says, the 2023 record is silent on.
    diff = _diff(cat, "zz-2023", "zz-2024")
    assert sorted((i.kind, i.key) for i in diff.changes) == [("route", "individual_coach"), ("tariff", "max_max")]
    assert _item(diff, "route", "individual_coach").after.startswith("Nee")


def test_the_document_change_list_is_set_beside_the_computed_one_for_one_insurer(cat):
    disagreement = compare_with_stated(_diff(cat, "zz-2023", "zz-2024"))
    assert disagreement is not None
    # Chapter 1 names nine changes; most are about vision and wording the data does not
    # structure as a difference, and they are listed as "genoemd, niet berekend".
    assert disagreement.stated_not_computed
    assert all(c.against_year == 2023 for c in disagreement.stated_not_computed)


def test_two_insurers_have_no_change_list_to_compare_with(cat):
    assert compare_with_stated(_diff(cat, "cz-2027", "vgz-2024")) is None


def test_a_policy_compared_with_itself_has_only_items_that_are_the_same(cat):
    policy = cat.policy("cz", 2027)
    diff = diff_policies(cat, policy, policy)
    assert diff.items and {i.cls for i in diff.items} == {"same"}


def test_every_item_of_a_comparison_carries_the_sources_of_the_sides_it_has(cat):
    diff = _diff(cat, "cz-2024", "zz-2024")
    for item in diff.items:
        assert bool(item.before_sources) == (item.before is not None)
        assert bool(item.after_sources) == (item.after is not None)


def test_a_change_list_against_another_year_is_not_set_beside_the_comparison(cat):
    # CZ 2027 §3.1 lists its changes against 2026; against the 2024 page it says nothing.
    diff = _diff(cat, "cz-2024", "cz-2027")
    assert compare_with_stated(diff) is None
    assert not [i for i in diff.items if i.stated_by_document]
    assert compare_with_stated(_diff(cat, "cz-2026", "cz-2027")) is not None
