"""The classified comparison of two records: only what both documents settle is a change.

Each expectation is read from the documents (sections named), not from the output. The
tests follow the six causes of issue 17 and the document's own change lists.
"""

from __future__ import annotations

from policy_model.comparison.diff import REAL_CHANGES, compare_with_stated, diff_policies


def _diff(cat, old: str, new: str):
    return diff_policies(cat, cat.policy_by_key(old), cat.policy_by_key(new))


def _item(diff, kind: str, key: str):
    (item,) = [i for i in _all(diff) if i.kind == kind and i.key == key]
    return item


def _all(diff):
    """Top-level items and the evidence under stated changes."""
    return [x for i in diff.items for x in (i, *i.evidence)]


def _topic(diff, kind: str, topic: str):
    return [i for i in _all(diff) if i.kind == kind and i.topic == topic]


# --------------------------------------------------------------------------- cause 1: general terms and deferrals


def test_cz_2024_summary_statements_are_worked_out_in_2027_not_changed(cat):
    # CZ 2024 §2.1 is a summary: "een door CZ groep erkend kwaliteitsregister" names no register,
    # the RHO "zorgt onder andere voor de borging van de kwaliteit", the minimum requirements are
    # "in paragraaf 2.4". CZ 2027 §2.1.1/§3.3 works them out. Same rules, more detail: never Gewijzigd.
    diff = _diff(cat, "cz-2024", "cz-2027")
    for topic in ("quality_register", "social_domain_collaboration", "subcontractors", "quality_assurance",
                  "contracting"):
        items = _topic(diff, "requirement", topic)
        assert items, topic
        assert not [i for i in items if i.cls in REAL_CHANGES], topic
        older = [i for i in items if i.before is not None]
        assert older and all(i.cls == "elaborated_in_to" for i in older), topic
    register = _item(diff, "requirement", "coach_quality_register")
    assert register.matched and "KABIZ" in register.after and "erkend kwaliteitsregister" in register.before


def test_the_rho_requirements_of_cz_2027_are_one_sided_and_name_the_2024_deferral(cat):
    # CZ 2024 §2.1.2: "U vindt deze minimumeisen in paragraaf 2.4."
    diff = _diff(cat, "cz-2024", "cz-2027")
    item = _item(diff, "requirement", "rho_min_two_programmes")
    # The deferral is the RHO's: for the samenwerkingsverband, whom §3.3.1 names too, the 2024
    # page says nothing (audit M #4; it read as deferred for both).
    readings = {r.roles: r for r in item.readings}
    assert item.cls == "only_in_to" and set(readings) == {("rho",), ("coach_network",)}
    assert readings[("rho",)].other_side == "deferred" and "paragraaf 2.4" in readings[("rho",)].deferral.quote
    assert readings[("coach_network",)].deferral is None


def test_cz_2024_to_2027_has_exactly_the_real_changes_the_documents_settle(cat):
    # KD2O is bought in 2027 (§3.2) and not among the four programmes of the 2024 page; individual
    # coaches were on a par with networks in 2024 ("een samenwerkingsverband ... of individuele
    # leefstijlcoaches") and come after them in 2027 (§2.2); CZ 2027 §3.1 states the RIVM change.
    # Referral ("De huisarts toetst ... en zorgt voor de verwijzing" on the 2024 summary page, "de
    # huisarts, de bedrijfsarts of een medisch specialist" in 2027 §2.1) is described differently,
    # not changed: the summary does not settle who may refer, so naming only the GP is no "only".
    diff = _diff(cat, "cz-2024", "cz-2027")
    found = sorted((i.kind, i.key, i.cls) for i in diff.changes)
    referral = _item(diff, "participant", "gp_assesses_and_refers")
    assert referral.cls in ("described_differently", "elaborated_in_to") and not referral.word_pairs()
    assert found == [
        ("programme", "kd2o", "added"),
        ("route", "individual_coach", "changed"),
        ("stated", "cz-2027:rivm_indicator_registration_dropped", "removed"),
    ]


# --------------------------------------------------------------------------- cause 2: coverage per subject and role


def test_run_off_and_following_are_not_new_against_a_page_that_does_not_address_them(cat):
    # The 2024 page names RHO's, networks and individual coaches; no uitloopovereenkomst, no volgbeleid.
    for newer in ("cz-2026", "cz-2027"):
        diff = _diff(cat, "cz-2024", newer)
        for route in ("runoff", "follow"):
            matches = [i for i in diff.items if i.kind == "route" and i.key == route]
            assert all(i.cls == "only_in_to" for i in matches), (newer, route)


def test_vgz_2024_defers_the_rho_conditions_so_its_silence_is_not_no_requirement(cat):
    # VGZ 2024 bijlage 2: the addendum's conditions "zijn opgenomen in het document 'Uitwerking
    # inkoopbeleid Multidisciplinaire Zorg 2024-2025'".
    vgz = cat.policy_by_key("vgz-2024")
    assert vgz.coverage_level("requirements", role="rho") == "deferred"
    assert vgz.coverage_level("requirements", role="coach_network") == "full"
    diff = _diff(cat, "vgz-2024", "cz-2027")
    item = _item(diff, "requirement", "rho_inform_gps_referral_agreements")  # CZ 3.3.1, for the RHO only
    assert item.cls == "only_in_to" and "Uitwerking inkoopbeleid" in item.deferral.quote


# --------------------------------------------------------------------------- cause 3: kinds of statement


def test_who_may_take_part_is_compared_only_with_who_may_take_part(cat):
    # CZ 2024 §2.1: "Volwassenen met ten minste een matig verhoogd GGR die voldoende gemotiveerd zijn,
    # komen in aanmerking voor een GLI"; CZ 2027 §2.1 only describes "volwassenen met overgewicht".
    diff = _diff(cat, "cz-2024", "cz-2027")
    participants = [i for i in diff.items if i.kind == "participant"]
    assert {i.key for i in participants} >= {"target_group_ggr", "target_group_adults", "target_group_motivation"}
    assert not [i for i in participants if i.cls == "removed"]
    # Neither the summary (2024) nor §2.1 of 2027 settles the target group: described differently
    assert _item(diff, "participant", "target_group_adults").cls == "described_differently"
    assert _item(diff, "participant", "target_group_ggr").cls == "only_in_from"
    assert not [i for i in diff.items if i.kind == "requirement" and i.topic == "target_group"]


def test_a_request_to_providers_is_a_requirement_with_force_expectation(cat):
    # ZZ 2024 §3.3: "Wij verzoeken zorgaanbieders na te denken over de mogelijkheden voor digitalisering".
    zz = cat.policy_by_key("zz-2024")
    request = next(r for r in zz.requirements if r.id == "verzoek_ideeen_digitalisering")
    assert request.force == "expectation"
    assert not [p for p in zz.provisions if "verzoeken" in p.source.quote]


# --------------------------------------------------------------------------- cause 4: statements, not clumps


def test_words_are_compared_only_between_statements_that_continue_each_other(cat):
    for old, new in (("cz-2024", "cz-2027"), ("cz-2026", "cz-2027"), ("zz-2023", "zz-2024"), ("cz-2027", "vgz-2024")):
        for item in _all(_diff(cat, old, new)):
            if item.word_pairs():
                assert item.matched and len(item.before_texts) == len(item.after_texts) == 1, (old, new, item.key)
            if item.kind in ("requirement", "participant", "provision") and item.matched:
                assert len(item.before_texts) == len(item.after_texts) == 1


def test_a_summary_sentence_and_the_rule_it_sums_up_are_not_compared_word_by_word(cat):
    # CZ 2024's web page (§2.1, requirements in general terms) asks "een door CZ groep erkend
    # kwaliteitsregister"; CZ 2027 §2.1.1 names them. One statement, worked out: no struck-out
    # and inserted words, as on the side-by-side pages.
    item = _item(_diff(cat, "cz-2024", "cz-2027"), "requirement", "coach_quality_register")
    assert item.matched and item.cls == "elaborated_in_to"
    assert item.word_pairs() == []
    # Between two records that both settle it, a continued statement still is (whether a page
    # shows the marks is the diff's: a derived record's are not, see test_selection).
    assert any(i.word_pairs() for i in _all(_diff(cat, "zz-2023", "zz-2024")) if i.cls == "changed")


def test_a_diff_with_a_derived_record_shows_no_word_marks(cat):
    # ZZ 2023's "In 2023 heette de strategie nog …" is no earlier version of ZZ 2024's sentence.
    assert not _diff(cat, "zz-2023", "zz-2024").compares_words
    assert not _diff(cat, "cz-2026", "cz-2027").compares_words
    assert _diff(cat, "cz-2024", "cz-2027").compares_words
    assert not _diff(cat, "cz-2027", "vgz-2024").compares_words


def test_a_continued_statement_is_found_by_its_lineage(cat):
    # CZ 2027 §2.1 "De GLI is een bewezen effectieve interventie voor volwassenen met overgewicht"
    # continues 2024's adults criterion; its ketenaanpak policy (§2.1) continues 2024's timeline item.
    diff = _diff(cat, "cz-2024", "cz-2027")
    assert _item(diff, "participant", "target_group_adults").matched
    ketenaanpak = _item(diff, "timeline", "lineage:ketenaanpak_policy_elaboration")
    assert ketenaanpak.matched and ketenaanpak.cls == "reworded"


# --------------------------------------------------------------------------- cause 5: the stated change list


def test_the_rivm_change_is_one_stated_item_between_2026_and_2027(cat):
    # CZ 2027 §3.1: "De registratie via de indicatorenlijst van het RIVM is geen minimumeis meer", and the
    # same bullet goes on: "We stimuleren zorgaanbieders wel om waar mogelijk bij te dragen aan monitoring
    # via het actuele register." The change names that expectation too (it used to name only the dropped
    # minimum, leaving out the half of the bullet that says what CZ still asks).
    diff = _diff(cat, "cz-2026", "cz-2027")
    stated = [i for i in diff.items if i.kind == "stated"]
    assert len(stated) == 1 and stated[0].cls == "removed"
    assert {(e.kind, e.key) for e in stated[0].evidence} == {
        ("registry", "rivm_gli_register"), ("requirement", "rivm_indicator_registration"),
        ("requirement", "encourage_monitoring_current_register")}
    assert [i.key for i in diff.changes] == [stated[0].key]  # counted once, nothing else


def test_the_rivm_change_is_also_shown_from_2024_to_2027(cat):
    diff = _diff(cat, "cz-2024", "cz-2027")
    stated = [i for i in diff.items if i.kind == "stated"]
    assert [i.change.id for i in stated] == ["rivm_indicator_registration_dropped"]
    assert compare_with_stated(diff) is None  # §3.1 is against 2026: no list to set beside 2024


def test_only_what_the_change_list_names_is_flagged_as_in_it(cat):
    # ZZ 2024 hoofdstuk 1 names no route, contract period or NZa tariff.
    diff = _diff(cat, "zz-2023", "zz-2024")
    flagged = [i for i in _all(diff) if i.stated_by_document and i.kind != "stated"]
    assert flagged
    assert not [i for i in flagged if i.kind in ("route", "period") or (i.kind == "tariff" and i.key != "max_max")]
    stated = {i.change.id: i for i in diff.items if i.kind == "stated"}
    assert len(stated) == 9
    assert [e.key for e in stated["max_max_vervallen"].evidence] == ["max_max"]
    assert stated["voorrang_gli_beleid"].cls == "changed"


def test_zz_2023_to_2024_changes_are_the_stated_list_and_the_individual_coach_route(cat):
    # §3.1: "we geen nieuwe zorgovereenkomsten aangaan met individuele GLI-zorgaanbieders waarmee in
    # 2023 een zorgovereenkomst was" is a change chapter 1 does not list.
    diff = _diff(cat, "zz-2023", "zz-2024")
    computed = [(i.kind, i.key) for i in diff.changes if i.kind != "stated"]
    assert computed == [("route", "individual_coach")]
    disagreement = compare_with_stated(diff)
    assert [i.key for i in disagreement.computed_not_stated] == ["individual_coach"]


def test_x_fittt_is_new_at_vgz_in_2024_as_annex_1_states(cat):
    diff = _diff(cat, "vgz-2023", "vgz-2024")
    stated = {i.change.id: i for i in diff.items if i.kind == "stated"}
    assert stated["x_fittt_added"].cls == "added"
    (x_fittt,) = stated["x_fittt_added"].evidence
    assert x_fittt.key == "x_fittt" and x_fittt.after == "Ingekocht" and x_fittt.stated_by_document


def test_two_insurers_have_no_change_list(cat):
    diff = _diff(cat, "cz-2027", "vgz-2024")
    assert compare_with_stated(diff) is None
    assert not [i for i in diff.items if i.kind == "stated" or i.stated_by_document]


# --------------------------------------------------------------------------- general


def test_a_policy_compared_with_itself_has_only_items_that_are_the_same(cat):
    for policy in cat.policies:
        diff = diff_policies(cat, policy, policy)
        assert diff.items and {i.cls for i in diff.items} == {"same"}, policy.key


def test_every_item_of_a_comparison_carries_the_sources_of_the_sides_it_has(cat):
    for old, new in (("cz-2024", "zz-2024"), ("cz-2024", "cz-2027"), ("zz-2023", "zz-2024")):
        for item in _all(_diff(cat, old, new)):
            assert bool(item.before_sources) == (item.before is not None), item.key
            assert bool(item.after_sources) == (item.after is not None), item.key


def test_a_period_says_for_whom_it_is(cat):
    # CZ 2027 §2.4 (contracts from 1 January 2026) against §3.3.4 (new providers: from the first of
    # the month after acceptance): each period names its audience.
    diff = _diff(cat, "cz-2026", "cz-2027")
    rho = next(i for i in diff.items if i.kind == "period" and i.key == "rho")
    assert "(voor wie al een overeenkomst had)" in rho.after and "(alleen nieuwe aanbieders)" in rho.after
