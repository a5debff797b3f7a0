"""Which records a comparison shows: the default, the options, the keys of a link."""

from __future__ import annotations

from policy_model.comparison.selection import (
    MAX_CHOSEN,
    default_keys,
    default_pair,
    from_filters,
    from_old_link,
    options,
    parse_keys,
    predecessor,
    resolve_link_name,
    shortcuts,
    word_pairs,
    words_comparable,
    words_withheld_note,
)
from tests.dataset import newest_full


def test_the_default_is_the_newest_full_policy_of_each_insurer(cat):
    keys = default_keys(cat)
    assert keys == newest_full(cat)  # e.g. cz-2027, vgz-2024, zz-2024 in the data as committed
    for key in keys:
        policy = cat.policy_by_key(key)
        assert policy.document_kind == "full_policy"
        newer = [p for p in cat.policies if p.insurer == policy.insurer and p.year > policy.year
                 and p.document_kind == "full_policy"]
        assert not newer


def test_derived_records_and_summaries_are_offered_only_when_asked_or_chosen(cat):
    plain = options(cat, include_derived=False)
    assert all(cat.policy_by_key(k).document_kind == "full_policy" for k in plain)
    every = options(cat, include_derived=True)
    assert set(every) == {p.key for p in cat.policies}
    assert "cz-2023" in options(cat, include_derived=False, chosen=["cz-2023"])


def test_a_link_with_two_keys_of_any_insurer_and_year_is_kept_in_order(cat):
    chosen = parse_keys(cat, ["cz-2027", "vgz-2024"])
    assert chosen.keys == ("cz-2027", "vgz-2024") and not chosen.notices and chosen.from_link
    assert parse_keys(cat, ["VGZ-2023", "cz-2024"]).keys == ("vgz-2023", "cz-2024")


def test_unknown_and_duplicate_keys_are_dropped_with_a_dutch_notice(cat):
    chosen = parse_keys(cat, ["cz-2027", "ohra-2031", "cz-2027", "vgz-2024"])
    assert chosen.keys == ("cz-2027", "vgz-2024")
    assert len(chosen.notices) == 1
    assert "ohra-2031" in chosen.notices[0] and "genegeerd" in chosen.notices[0]


def test_a_link_of_only_unknown_keys_falls_back_to_the_default_and_says_so(cat):
    chosen = parse_keys(cat, ["<script>", "x"])
    assert chosen.keys == tuple(default_keys(cat)) and not chosen.from_link
    assert any("nieuwste volledige" in n for n in chosen.notices)


def test_more_than_four_keys_keep_the_first_four(cat):
    keys = [p.key for p in cat.policies]
    chosen = parse_keys(cat, keys)
    assert chosen.keys == tuple(keys[:MAX_CHOSEN])
    assert any(str(MAX_CHOSEN) in n for n in chosen.notices)


def test_filter_shortcuts_choose_at_most_four_records_and_only_their_own(cat):
    vgz = [p.key for p in cat.policies_for(["vgz"])]  # vgz-2023, vgz-2024 in the data as committed
    assert from_filters(cat, insurers=["vgz"]) == vgz[:MAX_CHOSEN]
    assert from_filters(cat, years=[2027]) == [p.key for p in cat.policies_for(years=[2027])]  # cz-2027
    for name, keys in shortcuts(cat).items():
        assert 1 <= len(keys) <= MAX_CHOSEN, name
    every_2024 = [p.key for p in cat.policies_for(years=[2024])]  # cz-, vgz-, zz-2024
    assert shortcuts(cat)["Alle verzekeraars in 2024"] == every_2024


def test_the_predecessor_is_the_nearest_earlier_chosen_year_of_the_same_insurer(cat):
    chosen = [cat.policy_by_key(k) for k in ("cz-2023", "cz-2027", "cz-2024", "vgz-2024")]
    assert predecessor(chosen, chosen[1]).key == "cz-2024"
    assert predecessor(chosen, chosen[0]) is None
    assert predecessor(chosen, chosen[3]) is None


def test_a_shortcut_matching_more_than_four_keeps_the_full_policies_first(cat):
    keys = from_filters(cat)
    assert len(keys) == MAX_CHOSEN
    full = [p.key for p in cat.policies_for() if p.document_kind == "full_policy"]
    assert set(full[:MAX_CHOSEN]) <= set(keys)  # the full policies first (cz-2027, vgz-2024, zz-2024)
    assert keys == [p.key for p in cat.policies_for() if p.key in keys]  # in the catalogue's order


def test_an_old_link_with_insurer_and_year_chooses_those_records_and_names_the_rest(cat):
    chosen = from_old_link(cat, ["vgz", "Nergens"], ["2024", "1999"])
    assert chosen.keys == ("vgz-2024",)
    assert chosen.notices and "‘Nergens’" in chosen.notices[0] and "‘1999’" in chosen.notices[0]


def test_a_two_way_comparison_starts_with_the_newest_full_policy_and_its_predecessor(cat):
    older, newer = default_pair(cat)
    assert newer == max((p for p in cat.policies if p.document_kind == "full_policy"), key=lambda p: p.year).key
    assert older.split("-")[0] == newer.split("-")[0] and older < newer


def test_a_link_may_name_a_record_by_key_label_or_earlier_label(cat):
    # The README's example link: ?van=CZ+2024&naar=CZ+2027, from before the label became
    # "CZ 2024 (samenvatting)".
    for text in ("cz-2024", "CZ-2024", "CZ 2024 (samenvatting)", "CZ 2024", "cz  2024", "CZ+2024", "CZ groep 2024"):
        assert resolve_link_name(cat, text) == "cz-2024", text
    assert resolve_link_name(cat, "VGZ 2023 (afgeleid)") == "vgz-2023"
    assert resolve_link_name(cat, "Zorg en Zekerheid 2024") == "zz-2024"
    for text in ("CZ 2099", "", None, "<script>"):
        assert resolve_link_name(cat, text) is None


def test_a_derived_record_is_not_worded_against_the_same_insurers_other_year(cat):
    # CZ 2026 is derived from CZ 2027 (its sentences say, from 2027, what 2026 had): marking
    # "beëindigd" against "gestopt" would mark our wording, not a change by CZ.
    cz2024, cz2026, cz2027 = (cat.policy_by_key(k) for k in ("cz-2024", "cz-2026", "cz-2027"))
    assert cz2026.partial and not words_comparable(cz2026, cz2027)
    assert word_pairs([cz2026, cz2027]) == {}
    assert word_pairs([cz2024, cz2027]) == {"cz-2027": "cz-2024"}  # two documents of CZ's own
    assert not words_comparable(cz2024, cat.policy_by_key("vgz-2024"))  # two insurers
    note = words_withheld_note(cat, [cz2026, cz2027])
    assert "CZ 2026 (afgeleid) is afgeleid uit een later document" in note
    assert words_withheld_note(cat, [cz2024, cz2027]) == ""
    assert words_withheld_note(cat, [cz2026, cat.policy_by_key("vgz-2024")]) == ""  # no same-insurer neighbour
