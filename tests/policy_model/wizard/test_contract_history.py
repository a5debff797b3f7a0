"""What the profile's answer "GLI-contract in het jaar ervoor" (``prior_contract_with``) tells the
wizard, on the real records. Audit findings (NOTE4):

N4: an existing CZ samenwerkingsverband with a running contract got "komt niet in aanmerking" because
an RHO is contracted in its region. CZ 2027 gives the samenwerkingsverband's contract as running
"1 januari 2026 – 31 december 2027" (§2.4), names "lopende overeenkomsten van RHO's,
samenwerkingsverbanden" (§4.1), and its RHO preference says whom it contracts ("Kan of wil de RHO
in een bepaalde regio de zorg niet leveren, dan contracteren wij in plaats daarvan ...", §2.2); it
nowhere says a running agreement ends where an RHO is. Only the individual coach's contract is tied
to that (§2.2 Uitloopovereenkomst).

N2: see the second half of this file.
"""

from __future__ import annotations

import datetime as dt

from policy_model.calendar import load_calendar
from policy_model.wizard.models import Assessment
from policy_model.wizard.profile import Profile
from policy_model.wizard.rules import assess

AUDIT_DAY = dt.date(2026, 12, 3)
#: The audit's q08 profiles (/work/notes/audit_profiles/q/q08*.yaml): a CZ samenwerkingsverband of
#: coaches asking about 2027, with a CZ contract in 2026.
NETWORK = {"role": "coach_network", "year": 2027, "registries": ["blcn"], "licences": ["cool", "slimmer"],
           "programmes_offered": 2, "agb_code": True, "kvk_registered": True, "region_has_network": "no",
           "prior_contract_with": ["cz"], "scope": "regional", "in_insurer_region": "yes"}


def _one(cat, profile: dict, insurer: str) -> Assessment:
    answers = assess(Profile.model_validate(profile), cat, AUDIT_DAY, load_calendar())
    return next(a for a in answers if a.insurer == insurer)


def _running_contract_stated(a: Assessment) -> None:
    """The verdict says what §2.4 says, with the section, and that §2.2's condition is about contracting."""
    assert a.verdict == "eligible", a.reasons
    assert [r.route for r in a.routes if r.route != "follow"] == ["coach_network"]
    reason = a.reasons[0]
    assert "U had in 2026 een GLI-overeenkomst met CZ" in reason
    assert "01-01-2026 t/m 31-12-2027 (§ 2.4 Looptijd van de overeenkomst)" in reason
    assert "§ 2.2 Wie contracteert CZ groep in 2027? – Contractering samenwerkingsverbanden van leefstijlcoaches" in reason
    assert "gaat over wie CZ contracteert" in reason and "staat niet in het beleid" in reason
    # What §2.2 asks of a samenwerkingsverband in that very paragraph: contact with the RHO.
    assert "legt contact met de RHO in de regio" in reason
    assert {s.section for s in a.verdict_sources} >= {"2.4 Looptijd van de overeenkomst"}
    # What to do next: nothing to apply for or sign for 2027 (§2.4, §4.1).
    assert a.next_step.startswith("Uw overeenkomst loopt door: Samenwerkingsverband van leefstijlcoaches, "
                                  "01-01-2026 t/m 31-12-2027")
    assert "niets aan te vragen of te tekenen" in a.next_step


def test_a_cz_network_with_a_running_contract_keeps_it_where_an_rho_is_contracted(cat):
    # q08: was "Komt niet in aanmerking ... In uw regio is een RHO gecontracteerd".
    a = _one(cat, {**NETWORK, "region_has_rho": "yes"}, "cz")
    _running_contract_stated(a)
    assert "Komt niet" not in a.verdict_label
    assert not any("In uw regio is een RHO gecontracteerd" in r for r in a.reasons)


def test_a_cz_network_with_a_running_contract_need_not_know_whether_an_rho_is_there(cat):
    # q08c: was "Hangt af ...: Dit kan alleen als er in uw regio geen RHO is gecontracteerd", while
    # the same answer already said "Uw overeenkomst loopt door".
    a = _one(cat, {**NETWORK, "region_has_rho": "unknown"}, "cz")
    _running_contract_stated(a)
    assert a.question is None


def test_a_cz_network_with_a_running_contract_and_no_rho_reads_as_before(cat):
    # q08b: no RHO, so the route itself is open; the running contract is the next step.
    a = _one(cat, {**NETWORK, "region_has_rho": "no"}, "cz")
    assert a.verdict == "eligible"
    assert a.reasons[0] == ("Er is in uw regio geen RHO gecontracteerd (die gaat bij CZ voor), dus deze route komt "
                            "in aanmerking.")
    assert a.next_step.startswith("Uw overeenkomst loopt door")


def test_a_new_cz_network_where_an_rho_is_contracted_still_gets_no_contract(cat):
    # §2.2 for a new contract; §3.3.4: a new provider for 2027 had no GLI contract with CZ in 2026.
    a = _one(cat, {**NETWORK, "prior_contract_with": [], "region_has_rho": "yes"}, "cz")
    assert a.verdict == "not_eligible"
    assert a.reasons[0].startswith("In uw regio is een RHO gecontracteerd; CZ contracteert een samenwerkingsverband "
                                   "van leefstijlcoaches alleen waar die er niet is: alleen als de RHO in de regio")
    assert not any("loopt" in r for r in a.reasons)
    assert "onderaannemer van de RHO" in a.next_step


def test_a_cz_network_that_does_not_say_whether_it_had_a_contract_reads_that_a_running_one_runs_on(cat):
    # Not answered: the verdict for a new contract stands, and the running contract is named
    # beside it, as the run-off is for a coach (routes.runoff_for_former_contractant).
    profile = {k: v for k, v in NETWORK.items() if k != "prior_contract_with"}
    for rho, verdict in (("yes", "not_eligible"), ("unknown", "conditional")):
        a = _one(cat, {**profile, "region_has_rho": rho}, "cz")
        assert a.verdict == verdict
        assert ("Had u in 2026 al een GLI-overeenkomst met CZ? De overeenkomst van een samenwerkingsverband van "
                "leefstijlcoaches/paramedici loopt volgens het beleid van 01-01-2026 t/m 31-12-2027 (§ 2.4 Looptijd "
                "van de overeenkomst)") in a.reasons[-1]


def test_a_cz_coach_with_a_contract_still_gets_the_run_off_where_an_rho_is_contracted(cat):
    # §2.2 Uitloopovereenkomst ties a coach's contract to the RHO; the running-contract rule is the
    # organisation's, not the coach's (q09 with an RHO).
    coach = {"role": "individual_coach", "year": 2027, "background": "leefstijlcoach", "registries": ["blcn"],
             "licences": ["cool"], "agb_code": True, "kvk_registered": True, "accredited_training": True,
             "hbo_level": True, "region_has_network": "no", "prior_contract_with": ["cz"], "scope": "local",
             "in_insurer_region": "yes"}
    a = _one(cat, {**coach, "region_has_rho": "yes"}, "cz")
    assert a.verdict == "subcontractor_only"
    assert any("uitloopovereenkomst" in r for r in a.reasons)
    # q09: no RHO or network, the coach's own one-year contract (§2.4) is offered, not "running".
    a = _one(cat, {**coach, "region_has_rho": "no"}, "cz")
    assert a.verdict == "eligible"
    assert "loopt door" not in a.next_step
