"""Whom a checklist item addresses: who judges a participant criterion (``Requirement.judged_by``),
what an RHO's requirement on its subcontractors means for the subcontractor coach
(``Requirement.coach_text``), and that an organisation's coach items are about its coaches."""

from __future__ import annotations

import datetime as dt

from policy_model.wizard.profile import Profile
from policy_model.wizard.rules import assess_policy

TODAY = dt.date(2026, 12, 3)


def _item(cat, key: str, requirement_id: str, profile: Profile):
    """The checklist item of one real requirement (its text may carry a prefix or a suffix)."""
    policy = cat.policy_by_key(key)
    text = next(r.text for r in policy.requirements if r.id == requirement_id)
    return next(c for c in assess_policy(policy, profile, cat, TODAY).checklist if text in c.text)


REFERRER = Profile(role="referrer", year=2024, participant_age=17, participant_ggr="moderate",
                   participant_repeat=False)


def test_zz_2024_the_medical_team_judges_inclusion_in_a_digital_gli_not_the_referrer(cat):
    # ZZ 2024 §5.1 (Eisen aan de GLI), digital GLI: "Het medisch team van de interventie-eigenaar
    # beoordeelt of een deelnemer voldoet aan de inclusiecriteria." The wizard used to say "Dit
    # beoordeelt u als verwijzer zelf".
    item = _item(cat, "zz-2024", "digitale_gli_inclusie_medisch_team", REFERRER)
    assert item.status == "to_check"
    assert "verwijzer zelf" not in item.why
    assert item.why.startswith("Dit beoordeelt volgens het beleid het medisch team van de interventie-eigenaar")
    assert "“Het medisch team van de interventie-eigenaar beoordeelt of een deelnemer voldoet aan de " \
           "inclusiecriteria.” (§ 5.1 Minimum- en kwaliteitseisen (Eisen aan de GLI))" in item.why


def test_who_judges_follows_the_documents_words_and_is_not_guessed(cat):
    # VGZ 2024 bijlage 2: "De verwijzer moet in dit geval inschatten": the referrer, with the quote.
    youth = _item(cat, "vgz-2024", "youth_referrer_assessment", REFERRER)
    assert youth.why.startswith("Dit beoordeelt u als verwijzer: “De verwijzer moet in dit geval inschatten")
    # CZ 2024 §2.1: "De huisarts toetst of een GLI-programma passend is".
    gp = _item(cat, "cz-2024", "gp_assesses_and_refers", REFERRER)
    assert gp.why.startswith("Dit beoordeelt volgens het beleid de huisarts: “De huisarts toetst")
    # CZ 2024 §2.1 "die voldoende gemotiveerd zijn": the page names no one who judges motivation.
    motivation = _item(cat, "cz-2024", "target_group_motivation", REFERRER)
    assert motivation.status == "to_check" and "zegt het beleid niet" in motivation.why
    assert "verwijzer zelf" not in motivation.why
