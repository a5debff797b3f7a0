"""One compared item as HTML (ui.diff_view): what the other document does, per role where it differs."""

from __future__ import annotations

from policy_model.comparison.diff import diff_policies
from ui.diff_view import item_html


def test_a_one_sided_item_says_what_the_other_document_does_for_each_of_its_roles(cat):
    # Audit M #4: the CZ 2024 page defers the RHO's minimum requirements to "paragraaf 2.4" and says
    # nothing of a samenwerkingsverband's; the item read as deferred for both.
    diff = diff_policies(cat, cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027"))
    item = next(i for i in diff.items if i.key == "rho_min_two_programmes")
    html = item_html(cat, item, "CZ 2024", "CZ 2027", words=False)
    assert ("(voor RHO: het andere document legt dit hier niet vast: “U vindt deze minimumeisen in paragraaf 2.4.” "
            "(§ 2.1.2 Belangrijkste wijzigingen in de voorwaarden voor een overeenkomst); voor Samenwerkingsverband: "
            "het andere document zegt hier niets over)") in html


def test_a_stated_change_card_says_against_which_year_it_is_stated(cat):
    # LOOK O #4: beside the headline's "Vervallen 0", the card "Vervallen" is CZ 2027 §3.1's change
    # against 2026, listed but not counted.
    diff = diff_policies(cat, cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027"))
    stated = next(i for i in diff.items if i.kind == "stated")
    assert "· ten opzichte van 2026</div>" in item_html(cat, stated, "CZ 2024", "CZ 2027", words=False)
