"""Comparisons between documents that differ in whom they address and in how far they settle a
subject (audit I): a statement for the RHO works out nothing for an msv, a condition an insurer
sets in its own words is no "asks nothing of the kind", and a list of its own beside a deferral
settles what it states."""

from __future__ import annotations

import datetime as dt

import pytest

from policy_model.comparison.diff import diff_policies
from policy_model.describe import applies_to_role

PAIRS = [("vgz-2024", "zz-2024"), ("cz-2027", "vgz-2024"), ("cz-2027", "zz-2024"), ("cz-2024", "cz-2027")]


def _diff(cat, old: str, new: str):
    return diff_policies(cat, cat.policy_by_key(old), cat.policy_by_key(new))


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_what_works_a_statement_out_is_addressed_to_the_same_roles(cat, old, new):
    # VGZ 2024's RHO-agreement rules (80 % of the GPs, no GPs of another RHO) were shown as what
    # works out ZZ 2024 §5's make-up of an msv (audit I #1).
    policies = {p.key: p for p in (cat.policy_by_key(old), cat.policy_by_key(new))}
    for item in _diff(cat, old, new).items:
        if not item.cls.startswith("elaborated") or item.matched:
            continue
        worked_out = policies[new if item.cls == "elaborated_in_to" else old]
        texts = item.after_texts if item.cls == "elaborated_in_to" else item.before_texts
        statements = [s for s in worked_out.requirements if s.text in texts]
        for role in item.roles:
            assert all(applies_to_role(s, role) for s in statements), (item.key, role, [s.id for s in statements])


def test_an_msv_requirement_is_not_worked_out_by_another_insurers_rho_rules(cat):
    items = {i.key: i for i in _diff(cat, "vgz-2024", "zz-2024").items}
    composition = items["msv_samenstelling_huisarts_apotheker_derde_discipline"]
    assert composition.cls != "elaborated_in_from"
    assert "80 procent" not in (composition.before or "")


def test_a_condition_set_in_another_insurers_own_words_differs_it_is_not_missing(cat):
    # CZ 2027 §3.3.2 and §3.3.1 ask a licence and a quality register of coaches in their own
    # words; VGZ 2024 bijlage 2 in its own. "Alleen in VGZ 2024; CZ 2027 legt dit volledig vast
    # zonder" said CZ asks nothing of the kind (audit I #2).
    diff = _diff(cat, "cz-2027", "vgz-2024")
    for topic in ("programme_licence", "quality_register"):
        on_topic = [i for i in diff.items if i.topic == topic and i.kind == "requirement"]
        assert not [i for i in on_topic if i.cls in ("added", "removed")], [(i.key, i.cls) for i in on_topic]
        merged = [i for i in on_topic if i.key.startswith(f"topic:{topic}")]
        assert len(merged) == 1 and merged[0].cls == "changed"
        assert merged[0].before_texts and merged[0].after_texts and not merged[0].matched
    licence = next(i for i in diff.items if i.key.startswith("topic:programme_licence"))
    assert "De zorgverlener heeft zolang het GLI-programma loopt een geldige licentie." in licence.after_texts


def test_within_one_insurer_a_new_condition_on_a_known_topic_stays_new(cat):
    # The topic-wide "Verschilt" is for two insurers' own words; between two years of one insurer
    # statements are matched by identity, and what is left is new or dropped.
    diff = _diff(cat, "cz-2024", "cz-2027")
    assert not [i for i in diff.items if i.key.startswith("topic:")]


def test_a_list_of_its_own_beside_a_deferral_settles_what_it_states(cat):
    # ZZ 2024 5.1 lists its GLI requirements "aanvullend" to a general policy that is not this
    # document; VGZ 2024 bijlage 2 lists the RHO agreement's requirements and defers the addendum's.
    # Their explicit requirements were read as general remarks another insurer "works out" (audit I #4).
    zz = {i.key: i for i in _diff(cat, "vgz-2024", "zz-2024").items}
    assert not any(i.cls.startswith("elaborated") and i.key.split("@")[0] in (
        "coach_blcn_register", "coach_licentie_gli_programma", "paramedicus_centraal_kwaliteitsregister") for i in
        zz.values())
    vgz = _diff(cat, "cz-2027", "vgz-2024").items
    rho_agreement = [i for i in vgz if i.key.startswith("rho_agreement_")]
    assert rho_agreement and not [i for i in rho_agreement if i.cls.startswith("elaborated")]
    # Where ZZ is silent, it still points to its general policy: no "Niet gesteld", no "no".
    silent = [i for i in zz.values() if i.cls == "only_in_from" and i.other_side == "deferred"]
    assert silent and all(i.deferral and "Algemeen zorginkoopbeleid" in i.deferral.quote for i in silent)


def test_a_change_stated_against_a_later_year_is_listed_but_not_counted(cat):
    # CZ 2027 §3.1 drops the RIVM registration "doordat deze registratie in 2026 beëindigd is",
    # against 2026. The CZ 2024 page never settled it: "1 vervallen" between 2024 and 2027 said
    # 2024 had it (audit H #6). Against 2026 itself it counts.
    wide = _diff(cat, "cz-2024", "cz-2027")
    later = wide.stated_after_old
    assert later and all(i.change.against_year == 2026 for i in later)
    assert any(i in wide.changes for i in later)  # still listed, with its year
    assert wide.counts["removed"] == sum(1 for i in wide.items if i.cls == "removed") - sum(
        1 for i in later if i.cls == "removed")
    near = _diff(cat, "cz-2026", "cz-2027")
    assert not near.stated_after_old
    assert near.counts["removed"] == sum(1 for i in near.items if i.cls == "removed")


def test_no_statement_is_both_set_beside_the_others_conditions_and_called_unsettled_there(cat):
    # Audit J #1: VGZ's coach register rule stood beside ZZ's BLCN rule ("Verschilt") and again as
    # "Alleen vermeld in VGZ 2024; het andere document legt dit hier niet vast" for the same role.
    import itertools

    for a, b in itertools.permutations(sorted(cat.policies, key=lambda p: p.key), 2):
        if a.insurer == b.insurer:
            continue
        items = diff_policies(cat, a, b).items
        for topic_item in (i for i in items if i.key.startswith("topic:")):
            texts = set(topic_item.before_texts) | set(topic_item.after_texts)
            for item in items:
                if item is topic_item or item.matched or item.topic != topic_item.topic or item.kind != topic_item.kind:
                    continue
                own = set(item.before_texts if item.after is None else item.after_texts)
                assert not (own & texts and set(item.roles) & set(topic_item.roles)), (a.key, b.key, item.key)


def test_a_rule_put_to_every_provider_stands_beside_another_insurers_rule_for_its_own_forms(cat):
    # Audit J #2: VGZ 2024 bijlage 2 asks every GLI provider that "De behandeling voldoet aan de
    # vigerende beleidsregel"; ZZ 2024 5.1 asks it of its msv's coaches. The two records never share
    # a role, and each was said to lack the other's rule.
    items = _diff(cat, "vgz-2024", "zz-2024").items
    nza = next(i for i in items if i.key.startswith("topic:legislation_standards"))
    assert any("vigerende beleidsregel" in t for t in nza.before_texts)
    assert any("NZa-beleidsregel" in t for t in nza.after_texts)
    assert not [i for i in items if i.topic == "legislation_standards" and i.cls in ("added", "removed")]
    # For the msv too: VGZ's samenwerkingsverband route is open ("bijv."), and VGZ asks the rule of
    # every provider it contracts (audit L #1, against the "no route" reading tried for audit K #3).
    assert "msv" in nza.roles and not [i for i in items if i.key.startswith("programma_volgens_nza_beleidsregel")]


def test_across_insurers_a_general_sentence_is_not_worked_out_by_the_other_insurer(cat):
    # Audit J #5: "Uitgewerkt in Zorg en Zekerheid 2024" beside the CZ 2024 page's general sentence.
    from policy_model.comparison.diff import class_label

    item = next(i for i in _diff(cat, "cz-2024", "zz-2024").items if i.cls == "elaborated_in_to")
    label = class_label(item, "CZ 2024", "ZZ 2024", across=True)
    assert label == "CZ 2024 legt dit niet vast; ZZ 2024 legt het onderwerp vast"
    assert class_label(item, "CZ 2024", "CZ 2027") == "Uitgewerkt in CZ 2027"


def test_what_cz_2023_holds_from_the_2024_summary_page_is_no_change_against_cz_2027(cat):
    # Audit J #6, #8: "Gewijzigd" (the RHO's subcontractor, its coordinating role) and "Vervallen
    # [voor RHO]" (contracting) between CZ 2023 and CZ 2027, from the page's general sentences.
    diff = _diff(cat, "cz-2023", "cz-2027")
    computed = [i for i in diff.changes if i.kind in ("requirement", "provision", "participant")]
    assert not computed, [(i.key, i.cls) for i in computed]


def test_only_conditions_on_a_topic_of_their_own_are_set_side_by_side(cat):
    # Audit K #1: provisions and the catch-all topic "other" became "Verschilt" items (VGZ's "Dit
    # inkoopbeleid geldt onder meer voor aanbieders van een GLI" beside ZZ 2023's strategy's name).
    import itertools

    for a, b in itertools.permutations(sorted(cat.policies, key=lambda p: p.key), 2):
        if a.insurer == b.insurer:
            continue
        for item in diff_policies(cat, a, b).items:
            if item.key.startswith("topic:"):
                assert item.kind == "requirement" and item.topic != "other", (a.key, b.key, item.key)
    assert not _diff(cat, "vgz-2024", "zz-2023").changes


def test_each_insurers_own_conditions_on_a_topic_stand_together_uncounted_and_without_a_verdict(cat):
    # Audit K #3, #5, L #6: ZZ 2024's digital-GLI rule (for every provider it contracts) beside VGZ's
    # RHO patient portal shares only a topic; "Verschilt" and the headline count said more.
    from policy_model.comparison.diff import class_label

    diff = _diff(cat, "vgz-2024", "zz-2024")
    own = diff.own_words
    assert own and all(class_label(i, "VGZ 2024", "ZZ 2024", across=True)
                       == "Beide stellen hier eisen, elk in eigen woorden" for i in own)
    assert diff.counts["changed"] == sum(1 for i in diff.items if i.cls == "changed") - len(own)


_DIFF_DIGEST = """
import hashlib, sys
from policy_model.loader import load_catalogue
from policy_model.comparison.diff import diff_policies
cat = load_catalogue().catalogue
digest = hashlib.sha1()
for old, new in (("vgz-2024", "zz-2024"), ("cz-2027", "vgz-2024"), ("cz-2023", "zz-2024")):
    for i in diff_policies(cat, cat.policy_by_key(old), cat.policy_by_key(new)).items:
        digest.update(repr((i.key, i.cls, i.other_side, i.roles, i.before, i.after)).encode())
print(digest.hexdigest())
"""


def test_a_comparison_is_the_same_in_every_process(tmp_path):
    # Audit L #3: a tie between two readings of a merged item was broken by set order, so the page
    # changed with Python's hash seed after a restart.
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, "-c", _DIFF_DIGEST], env=env, cwd=tmp_path, capture_output=True,
                              text=True, timeout=120, check=True)
        digests.add(done.stdout.strip())
    assert len(digests) == 1


def test_what_works_out_a_general_sentence_for_the_rho_is_about_the_rho(cat):
    # Audit K #4: ZZ 5.4's call on coaches to join an msv "worked out" CZ 2024's sentence on the
    # RHO's subcontractors, for the RHO.
    items = [i for i in _diff(cat, "cz-2024", "zz-2024").items if i.key.startswith("coach_as_subcontractor_of_rho")]
    assert items and not [i for i in items if i.cls.startswith("elaborated") and "rho" in i.roles]


def test_a_summary_that_never_mentions_a_topic_is_silent_on_it_not_general(cat):
    # Audit J #4, K #2: "het andere document noemt dit alleen in algemene termen" beside KvK, Green
    # Deal and the like, of which the CZ 2023 and 2024 records say nothing.
    for old in ("cz-2023", "cz-2024"):
        for new in ("cz-2027", "vgz-2024", "zz-2024"):
            policy = cat.policy_by_key(old)
            for item in _diff(cat, old, new).items:
                if item.other_side == "general" and item.kind in ("requirement", "provision", "participant"):
                    assert any(s.topic == item.topic for s in (*policy.requirements, *policy.provisions)), \
                        (old, new, item.key)


def test_a_document_with_its_own_sentences_on_a_topic_is_not_said_to_be_silent_on_it(cat):
    # Audit L #8 (K #7): CZ 2027's five provisions on digital care and ZZ 2024's two each said of the
    # other "het andere document zegt hier niets over".
    from policy_model.vocab import OTHER_SIDE_LABELS

    items = [i for i in _diff(cat, "cz-2027", "zz-2024").items if i.topic == "digital_care" and i.kind == "provision"]
    assert len(items) == 7 and all(i.other_side == "other_words" for i in items)
    assert OTHER_SIDE_LABELS["other_words"] == "het andere document heeft over dit onderwerp eigen uitspraken"
    # The catch-all topic "other" holds unrelated sentences: silence stays silence there.
    assert not [i for i in _diff(cat, "cz-2024", "cz-2027").items if i.topic == "other" and i.other_side == "other_words"]


def test_who_judges_inclusion_in_a_digital_gli_is_not_set_beside_referral_rules(cat):
    # Audit K #6: ZZ 2024 5.1 "Het medisch team van de interventie-eigenaar beoordeelt of een
    # deelnemer voldoet aan de inclusiecriteria" (for a digital GLI) was filed under referral, and
    # "worked out" the CZ 2024 page's and VGZ 2024's referral sentences.
    for old in ("cz-2024", "vgz-2024", "cz-2027"):
        items = [i for i in _diff(cat, old, "zz-2024").items if i.kind == "participant"]
        assert items and not [i for i in items if i.cls.startswith("elaborated") or i.key.startswith("topic:")], old


def test_a_requirement_whose_document_names_no_contractant_is_not_shown_as_settled_per_role(cat):
    # Audit H #7: "Vervallen [voor Individuele coach, Samenwerkingsverband, RHO]" presented the
    # forms cz-2026 lists as what the document says.
    from policy_model.comparison.diff_output import diff_json, diff_text

    diff = _diff(cat, "cz-2026", "cz-2027")
    stated = next(i for i in diff.items if i.key == "cz-2027:rivm_indicator_registration_dropped")
    item = next(e for e in stated.evidence if e.key.startswith("rivm_indicator_registration"))
    assert item.cls == "removed" and not item.roles_stated
    assert "(het document noemt de contractant niet)" in item.before_label
    text = diff_text(cat, diff)
    assert "Vervallen [voor Individuele coach, Samenwerkingsverband, RHO (het document noemt de contractant niet)]" in text
    rows = [e for i in diff_json(diff)["items"] if i["key"] == stated.key for e in i["evidence"] if e["key"] == item.key]
    assert rows and rows[0]["roles_stated"] is False
    assert all(i.roles_stated for i in _diff(cat, "cz-2024", "cz-2027").items)


def test_a_rule_for_the_one_form_a_record_contracts_says_nothing_of_other_forms(cat):
    # Audit M #1: ZZ 2024 contracts only an msv or zorggroep; its rule on digital GLIs (§5.1) stood
    # beside VGZ 2024's RHO patient portal as "Beide stellen hier eisen" for the RHO.
    items = _diff(cat, "vgz-2024", "zz-2024").items
    assert not [i.key for i in items if i.key.startswith("topic:") and {"rho", "individual_coach"} & set(i.roles)]
    portal = next(i for i in items if i.topic == "digital_care" and "RHO" in i.before_label)
    assert portal.cls == "only_in_from" and "patiëntenportaal" in (portal.before or "")
    # Audit M #2: ZZ closes its individual-coach route (§3.1 "geen nieuwe zorgovereenkomsten ... met
    # individuele GLI- zorgaanbieders"), yet its programme criteria stood beside CZ 2027's for that role.
    items = _diff(cat, "cz-2027", "zz-2024").items
    for item in items:
        if item.key.startswith("topic:"):
            assert set(item.roles) <= {"msv", "coach"}, (item.key, item.roles)
    recognition = [i for i in items if i.topic == "programme_recognition" and i.kind == "requirement"]
    assert {i.cls for i in recognition} == {"only_in_from", "only_in_to"}


def test_a_deferral_is_shown_only_for_the_roles_it_is_for(cat):
    # Audit M #4: the CZ 2024 page's RHO-only deferral ("U vindt deze minimumeisen in paragraaf
    # 2.4") stood for the samenwerkingsverband and the individual coach too, where the page says nothing.
    import itertools

    from policy_model.comparison.diff_items import OtherReading

    subjects = {"requirement": "requirements", "participant": "participants", "provision": "provisions"}
    checked = 0
    for a, b in itertools.permutations([p.key for p in cat.policies], 2):
        diff = _diff(cat, a, b)
        for item in [*diff.items, *(e for i in diff.items for e in i.evidence)]:
            if item.kind not in subjects or not item.cls.startswith("only_in"):
                continue
            other = diff.new if item.cls == "only_in_from" else diff.old
            readings = item.readings or (OtherReading(item.roles, item.other_side, item.deferral),)
            assert not item.readings or (item.other_side is None and item.deferral is None)
            for reading in readings:
                if reading.deferral is None:
                    continue
                for role in reading.roles:
                    entry = other.coverage.entry(subjects[item.kind], role=role, topic=item.topic)
                    assert entry is not None and entry.source.quote == reading.deferral.quote, (a, b, item.key, role)
                    checked += 1
    assert checked > 100
    text = diff_text_of(cat, "cz-2024", "cz-2027")
    assert ("voor Individuele coach, Samenwerkingsverband: het andere document zegt hier niets over; voor RHO: "
            "het andere document legt dit hier niet vast: “U vindt deze minimumeisen in paragraaf 2.4.”") in text


def diff_text_of(cat, old: str, new: str) -> str:
    from policy_model.comparison.diff_output import diff_text

    return diff_text(cat, _diff(cat, old, new))


def test_a_description_of_who_refers_does_not_work_out_a_condition_for_taking_part(cat):
    # Audit M #5: CZ 2027 §2.1.1 describes who refers ("Beschrijving, geen voorwaarde"); VGZ 2024's
    # rule that the referrer judges a 16-year-old's benefit read "VGZ 2024 legt dit niet vast; CZ 2027
    # legt het onderwerp vast".
    for old, new in (("cz-2027", "vgz-2024"), ("vgz-2024", "cz-2027")):
        referral = [i for i in _diff(cat, old, new).items if i.kind == "participant" and i.topic == "referral"]
        assert referral and not [i for i in referral if i.cls.startswith("elaborated")]
        vgz = next(i for i in referral if "16 jaar" in ((i.before or "") + (i.after or "")))
        assert vgz.cls.startswith("only_in") and vgz.other_side == "other_words"


def test_from_a_newer_year_back_to_an_older_nothing_reads_as_new_or_dropped(cat):
    # Audit M #6: CZ 2027 -> CZ 2026 called the RIVM requirement "Nieuw", which CZ 2027 §3.1 drops.
    from policy_model.reports.report import diff_report_html

    diff = _diff(cat, "cz-2027", "cz-2026")
    assert diff.backwards and diff.neutral_labels and not _diff(cat, "cz-2026", "cz-2027").backwards
    text = diff_text_of(cat, "cz-2027", "cz-2026")
    assert "Alleen in CZ 2026 (afgeleid); CZ 2027 legt dit volledig vast zonder" in text
    assert " nieuw, " not in text.splitlines()[1] and "Nieuw" not in text
    assert "CZ 2027 is nieuwer dan CZ 2026 (afgeleid)" in text
    report = diff_report_html(cat, diff, dt.date(2026, 12, 3))
    assert "1 alleen in CZ 2026 (afgeleid)" in report and "CZ 2027 is nieuwer dan" in report
    # Between two insurers the report's headline no longer says "nieuw" either.
    assert " nieuw, " not in diff_report_html(cat, _diff(cat, "cz-2027", "vgz-2024"), dt.date(2026, 12, 3))


def test_a_list_of_its_own_that_speaks_of_the_topic_is_not_read_as_silence_on_it(cat):
    # Audit P #1: CZ 2027's RIVM recognition beside ZZ 2024 §5.1, which defers general requirements
    # to its Algemeen zorginkoopbeleid but sets its own GLI requirements ("Loket Gezond Leven"), read
    # "het andere document legt dit hier niet vast".
    items = _diff(cat, "cz-2027", "zz-2024").items
    recognition = next(i for i in items if i.topic == "programme_recognition" and "RIVM" in (i.before or ""))
    assert recognition.other_side == "other_words_deferred" and recognition.deferral is not None
    text = diff_text_of(cat, "cz-2027", "zz-2024")
    assert ("het andere document heeft over dit onderwerp eigen uitspraken en verwijst voor de rest naar elders: "
            "“Het Algemeen zorginkoopbeleid beschrijft") in text


def test_a_topic_the_other_record_names_as_general_is_not_silence(cat):
    # Audit P #2: CZ 2027 §3.3.3's exclusion grounds read "het andere document zegt hier niets over" for
    # VGZ 2024, whose coverage names exclusion grounds as general (the RIZ check for all its contracts).
    items = [i for i in _diff(cat, "cz-2027", "vgz-2024").items if i.topic == "exclusion_grounds"]
    assert items
    for item in items:
        readings = item.readings or ()
        others = {r.other_side for r in readings} | ({item.other_side} if item.other_side else set())
        assert "silent" not in others, (item.key, others)


def test_a_register_named_for_new_providers_is_no_difference_from_one_named_for_all(cat):
    # Audit P #3: CZ 2027 names VECOZO for a new provider's questionnaire only; beside VGZ's and ZZ's
    # "Verplicht" it counted as "Verschilt", reading silence on the others as a difference.
    for other in ("vgz-2024", "zz-2024"):
        for a, b in (("cz-2027", other), (other, "cz-2027")):
            assert not [i for i in _diff(cat, a, b).changes if i.kind == "registry" and i.key == "vecozo"]


def test_within_one_insurer_a_later_document_works_out_an_earlier_one_in_either_order(cat):
    # Audit P #5: CZ 2027 -> CZ 2024 read "CZ 2024 legt dit niet vast; CZ 2027 legt het onderwerp vast",
    # the label between two insurers, for what one insurer's later document works out.
    text = diff_text_of(cat, "cz-2027", "cz-2024")
    assert "Uitgewerkt in CZ 2027" in text and "legt het onderwerp vast" not in text


def test_a_document_that_speaks_of_a_topic_in_a_provision_is_not_said_not_to_name_it(cat):
    # Audit P #4: ZZ 2024's expectation on positive health read "het andere document noemt dit niet"
    # beside CZ 2027, whose §2.1.1 makes positive health "een belangrijk uitgangspunt" (a provision).
    items = [i for i in _diff(cat, "cz-2027", "zz-2024").items if i.topic == "positive_health" and i.kind == "requirement"]
    assert items
    for item in items:
        sides = {r.other_side for r in item.readings} | ({item.other_side} if item.other_side else set())
        assert "full" not in sides and "silent" not in sides, (item.key, sides)


def test_a_stated_change_says_against_which_year_it_is_stated(cat):
    # LOOK O #4: CZ 2024 -> CZ 2027 showed "Vervallen 0" in its headline above a card "Vervallen",
    # CZ 2027 §3.1's change against 2026, listed but not counted (the page card: tests/ui/test_diff_view.py).
    assert "- [Wijzigingenlijst] Vervallen (ten opzichte van 2026): " in diff_text_of(cat, "cz-2024", "cz-2027")


def test_another_roles_list_is_no_statement_of_its_own_for_this_role(cat):
    # Audit Q #1: CZ 2024's sentence on the RHO's coaches read "het andere document heeft over dit
    # onderwerp eigen uitspraken" for the coach, resting on VGZ 2024's RHO-agreement list alone.
    items = [i for i in _diff(cat, "cz-2024", "vgz-2024").items
             if i.topic == "subcontractors" and i.cls == "only_in_from" and i.roles == ("coach",)]
    assert items and all(i.other_side == "full" for i in items)


def test_the_report_labels_one_sided_rows_between_insurers_as_the_page_does(cat):
    # Audit Q #2: the report's one-sided table read "Uitgewerkt in VGZ 2024" between two insurers.
    from policy_model.reports.report import diff_report_html

    for a, b in (("vgz-2024", "cz-2024"), ("cz-2024", "vgz-2024")):
        report = diff_report_html(cat, _diff(cat, a, b), dt.date(2026, 12, 3))
        assert "Uitgewerkt in" not in report and "legt het onderwerp vast" in report


def test_a_participant_criterion_speaks_to_the_referrer_and_a_register_to_whoever_it_names(cat):
    # Audit R #1: ZZ 2024's GP-referral chain read, for the referrer, "CZ 2027 noemt dit niet", beside
    # CZ 2027 §2.1's "Verwijzing vindt plaats via de huisarts, de bedrijfsarts of een medisch specialist".
    chain = next(i for i in _diff(cat, "cz-2027", "zz-2024").items
                 if i.topic == "referral" and i.kind == "requirement" and "referrer" in i.roles)
    readings = {r.roles: r.other_side for r in chain.readings}
    assert readings[("referrer",)] == "other_words"
    # Audit R #3: ZZ's VECOZO certificate read "VGZ noemt dit niet"; VGZ contracts through VECOZO.
    vecozo = next(i for i in _diff(cat, "zz-2024", "vgz-2024").items if i.key.startswith("vecozo_certificaat"))
    assert vecozo.other_side == "other_words"
    # Still (audit Q #1): VGZ's RHO-agreement list says nothing for a coach.
    assert all(i.other_side == "full" for i in _diff(cat, "cz-2024", "vgz-2024").items
               if i.topic == "subcontractors" and i.cls == "only_in_from" and i.roles == ("coach",))


def test_a_stated_change_that_names_its_year_itself_is_not_told_it_again(cat):
    # Audit R #5: "Gewijzigd (ten opzichte van 2023): Gewijzigd ten opzichte van 2023: …" (ZZ 2024 §1).
    from policy_model.comparison.diff_output import diff_json

    text = diff_text_of(cat, "zz-2023", "zz-2024")
    assert "(ten opzichte van 2023): Gewijzigd ten opzichte van 2023" not in text
    assert "- [Wijzigingenlijst] Nieuw (ten opzichte van 2023): " in text
    stated = [i for i in diff_json(_diff(cat, "zz-2023", "zz-2024"))["items"] if i["kind"] == "stated"]
    assert stated and {i["against_year"] for i in stated} == {2023}
