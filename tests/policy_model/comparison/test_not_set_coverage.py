"""'Niet gesteld' only where the document really lists its conditions in full and leaves one out
(audit D): checked cell by cell against CZ 2027 §2.2/§3.3 and VGZ 2024 bijlage 2 and its procedure
chapter. Where the condition stands in other words, elsewhere or by reference, the cell shows the
document's own words (a deferral) or stays unsettled, never "Niet gesteld"."""

from __future__ import annotations

from itertools import combinations

import pytest

from policy_model.comparison.text_rows import requirement_text_rows

KEYS = ("cz-2027", "vgz-2024", "zz-2024", "cz-2024")
ROLES = (None, "rho", "coach_network", "individual_coach", "msv")


def _cells(cat, keys, role):
    rows = requirement_text_rows([cat.policy_by_key(k) for k in keys], role)
    return {r.key: r for r in rows}


def _not_set(row, key):
    return [e.kind for e in row.cells[key]] == ["not_set"]


def _deferral_quote(row, key):
    (entry,) = row.cells[key]
    assert entry.kind == "deferral", (row.key, key, entry)
    return entry.sources[0]


@pytest.mark.parametrize("role", [None, "rho", "coach_network"])
def test_cz_2027_asks_the_professions_guidelines_by_reference(cat, role):
    # CZ 2027 §3.3.1: "voldoet net als de aangesloten onderaannemers aantoonbaar aan alle wet- en
    # regelgeving, richtlijnen, standaarden en protocollen die van toepassing zijn op de betreffende
    # zorg en de beroepsgroep". Beside VGZ's "werkt volgens de landelijke vastgestelde
    # kwaliteitsstandaarden, richtlijnen en protocollen" CZ's cell used to read "Niet gesteld".
    rows = _cells(cat, ("cz-2027", "vgz-2024", "zz-2024"), role)
    for topic in ("professional_guidelines", "electronic_record"):
        if topic not in rows:
            continue
        source = _deferral_quote(rows[topic], "cz-2027")
        assert source.section.startswith("3.3.1") and "richtlijnen, standaarden en protocollen" in source.quote


def test_an_individual_contractant_is_shown_its_own_list_s_words(cat):
    # §3.3.2 says the same for an individual contractant, in its own sentence.
    rows = _cells(cat, ("cz-2027", "vgz-2024"), "individual_coach")
    source = _deferral_quote(rows["professional_guidelines"], "cz-2027")
    assert source.section.startswith("3.3.2") and "wet- en regelgeving, richtlijnen" in source.quote


def test_cz_2027_sets_no_list_for_an_organisation_form_it_does_not_contract(cat):
    # §2.2 contracts RHO's, samenwerkingsverbanden and individual contractants; for other forms
    # "publiceren wij hiervoor aanvullend beleid". An msv's Wtza licence (ZZ 2024 §5.1) is no
    # "Niet gesteld" at CZ: CZ names no conditions for it at all.
    rows = _cells(cat, ("cz-2027", "zz-2024"), "msv")
    assert not any(_not_set(r, "cz-2027") for r in rows.values())
    source = _deferral_quote(rows["wtza_licence"], "cz-2027")
    assert "aanvullend beleid" in source.quote


def test_cz_2027_open_exclusion_ground_names_continuity_and_integrity(cat):
    # §3.3.3's last ground: "de continuïteit en kwaliteit van de zorg niet voldoende gewaarborgd ...
    # onder andere - maar niet uitsluitend- ... (integriteits)beletselen": CZ speaks of them, in
    # general terms; not "Niet gesteld" beside VGZ's continuity and integrity requirements.
    rows = _cells(cat, ("cz-2027", "vgz-2024"), None)
    for topic in ("continuity_of_care", "integrity_check"):
        row = rows[topic]
        assert not _not_set(row, "cz-2027"), topic
        assert row.unsettled["cz-2027"].level == "general"
        assert "integriteits" in row.unsettled["cz-2027"].source.quote


def test_vgz_2024_states_programme_recognition_and_meeting_the_minimum_elsewhere(cat):
    rows = _cells(cat, ("cz-2027", "vgz-2024"), None)
    # Bijlage 2 (before its list): the GLI's the RIVM marks effective and the ZiNL insured care.
    assert "RIVM" in _deferral_quote(rows["programme_recognition"], "vgz-2024").quote
    # Procedure chapter: new providers meet the same conditions; existing ones the 2024 minimum.
    # (audit G #3: the quote that says an applicant must meet the minimum requirements)
    assert "voldoen aan de minimumeisen kunnen" in _deferral_quote(rows["application"], "vgz-2024").quote
    assert "voldoen aan de minimumeisen" in _deferral_quote(rows["contracting"], "vgz-2024").quote
    # Its open integrity check ("aan onder meer het RIZ-portaal") lists no grounds, excludes none.
    exclusion = rows["exclusion_grounds"]
    assert not _not_set(exclusion, "vgz-2024") and exclusion.unsettled["vgz-2024"].level == "general"


def test_the_not_set_cells_left_are_conditions_the_full_lists_leave_out(cat):
    # What still reads "Niet gesteld", checked against the sources (AUDIT_D.md, finding 1): for CZ
    # 2027 none of these is in §2.1.1, §3.2 or §3.3 in any words, nor in the annex; §3.1 even
    # drops the RIVM indicator registration as a minimum requirement.
    cz_ok = {"duplicate_care", "group_size", "multidisciplinary_agreements", "quality_indicators", "stepped_care",
             "digital_care", "vecozo", "oi_contract"}
    vgz_ok = {"accredited_training", "declarations", "intake_response", "min_programmes", "competence_level",
              "referral", "social_map", "oi_contract", "wtza_licence"}
    allowed = {"cz-2027": cz_ok, "vgz-2024": vgz_ok}
    for n in (2, 3):
        for keys in combinations(KEYS, n):
            for role in ROLES:
                for row in requirement_text_rows([cat.policy_by_key(k) for k in keys], role):
                    for key in row.cells:
                        if _not_set(row, key):
                            assert row.key in allowed.get(key, set()), (keys, role, key, row.key)
