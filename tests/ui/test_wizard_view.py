"""The wizard tab's text as one block (ui.wizard_view.tab_body_html): every part in its
place and order, data text escaped, checked addresses linked as they show themselves."""

from __future__ import annotations

import datetime as dt

from policy_model.loader import load_catalogue
from policy_model.wizard.profile import Profile
from policy_model.wizard.rules import assess
from ui.text import html_escape
from ui.wizard_view import TAB_BODY_CSS, assessment_lines_html, checklist_table, tab_body_html


def an_assessment():
    cat = load_catalogue().catalogue
    profile = Profile.model_validate({"role": "individual_coach", "year": 2027, "region_has_rho": "no",
                                      "region_has_network": "no"})
    return cat, assess(profile, cat, dt.date(2026, 12, 2))[0]


def test_the_tab_body_holds_each_part_in_order_as_the_elements_did():
    cat, a = an_assessment()
    assert a.reasons and a.contacts
    body = tab_body_html(a, cat)
    assert body.startswith("<div class='gli-tab'><p>") and body.endswith(TAB_BODY_CSS)
    # The first reason is told in full in the explanation; the rest stand below it, once each.
    assert a.reasons[0] in a.explanation and a.further_reasons == a.reasons[1:]
    assert body.count(html_escape(a.reasons[0])) == 1
    reasons = [body.index(f"<ul><li>{html_escape(r)}</li></ul>") for r in a.further_reasons]
    lines = body.index(assessment_lines_html(a, cat))
    contacts = body.index("<p class='gli-tab-cap'>Vragen? ")
    assert reasons and max(reasons) < lines < contacts
    assert "mailto:" in body[contacts:]  # an e-mail address is a link that shows itself


def test_the_tab_body_escapes_data_text_and_links_only_checked_addresses():
    cat, a = an_assessment()
    hostile = a.model_copy(update={
        "explanation": "<script>alert(1)</script> **vet** zie www.cz.nl",
        "reasons": ["<img src=x onerror=alert(1)>"],
        "contacts": [a.contacts[0].model_copy(update={"channel": "<b>E-mail</b>", "address": "javascript:alert(1)"})],
    })
    body = tab_body_html(hostile, cat)
    assert "<script>" not in body and "<img" not in body and "<b>E-mail</b>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **vet**" in body  # shown as typed, no Markdown either
    assert "<a href='https://www.cz.nl'" in body  # a checked address links, showing itself
    assert "href='javascript" not in body and "&lt;b&gt;E-mail&lt;/b&gt;: javascript:alert(1)" in body


def test_the_checklist_says_under_which_route_a_requirement_holds_where_not_every_route():
    """VGZ 2024: an RHO may contract as samenwerkingsverband or under its RHO agreement; the
    agreement's requirements (bijlage 2) hold only for that route, and the table says so."""
    cat = load_catalogue().catalogue
    profile = Profile.model_validate({"role": "rho", "year": 2024})
    vgz = next(a for a in assess(profile, cat, dt.date(2026, 12, 2)) if a.insurer == "vgz")
    rows = checklist_table(vgz, cat)
    assert all("Route" in row for row in rows)
    assert {row["Route"] for row in rows} == {"Geldt bij de route RHO", "Elke route"}
    # One route for every requirement: no column to read.
    cz = assess(Profile.model_validate({"role": "individual_coach", "year": 2027, "region_has_rho": "no",
                                        "region_has_network": "no"}), cat, dt.date(2026, 12, 2))[0]
    assert not any("Route" in row for row in checklist_table(cz, cat))
