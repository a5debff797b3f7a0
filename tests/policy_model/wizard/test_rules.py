"""The wizard's rules: scenarios from the policy texts, and properties over random profiles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_model.calendar import load_calendar
from policy_model.vocab import GATING_FORCES
from policy_model.walk import iter_sources
from policy_model.wizard.forms import resolved_functions, route_fit
from policy_model.wizard.profile import Profile, contradictions
from policy_model.wizard.rules import GROUP_ORDER, assess, assess_policy

SCENARIO_DIR = Path(__file__).parent / "scenarios"
SCENARIOS = [s for f in sorted(SCENARIO_DIR.glob("*.yaml")) for s in yaml.safe_load(f.read_text(encoding="utf-8"))]
DEFAULT_TODAY = dt.date(2026, 6, 1)


def _texts(expected: dict, key: str) -> list[str]:
    value = expected.get(key, [])
    return [value] if isinstance(value, str) else list(value)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"][:60] for s in SCENARIOS])
def test_scenario(cat, scenario):
    profile = Profile.model_validate(scenario["profile"])
    today = dt.date.fromisoformat(str(scenario.get("today", DEFAULT_TODAY)))
    results = {a.insurer: a for a in assess(profile, cat, today, load_calendar())}
    for insurer, expected in scenario["expect"].items():
        a = results[insurer]
        reasons = " ".join(a.reasons)
        assert a.verdict == expected["verdict"], (insurer, a.reasons)
        for text in _texts(expected, "reason"):
            assert text in reasons, (insurer, text, a.reasons)
        for text in _texts(expected, "not_reason"):
            assert text not in reasons, (insurer, text, a.reasons)
        for text in _texts(expected, "question"):
            assert a.question and text in a.question, (insurer, a.question)
        for text in _texts(expected, "next_step"):
            assert text in a.next_step, (insurer, a.next_step)
        for text in _texts(expected, "not_next_step"):
            assert text not in a.next_step, (insurer, a.next_step)
        for text in _texts(expected, "time_note"):
            assert any(text in n for n in a.time_notes), (insurer, text, a.time_notes)
        for text in _texts(expected, "action"):
            assert any(text in x.text for x in a.actions), (insurer, text, [x.text for x in a.actions])
        for day in _texts(expected, "no_deadline"):
            assert day not in {d.date.isoformat() for d in a.deadlines}, (insurer, day, a.deadlines)
        for day in _texts(expected, "insurer_date"):
            assert day in {d.date.isoformat() for d in a.insurer_dates}, (insurer, day, a.insurer_dates)
        if "registry" in expected:
            for registry, accepted in expected["registry"].items():
                check = next(r for r in a.registries if r.registry == registry)
                assert check.accepted == accepted, (insurer, registry, check)
        for topic, status in expected.get("checklist", {}).items():
            statuses = {c.status for c in a.checklist if c.topic == topic}
            assert status in statuses, (insurer, topic, statuses)
        for topic, status in expected.get("no_status", {}).items():
            assert status not in {c.status for c in a.checklist if c.topic == topic}, (insurer, topic)
        for topic in expected.get("absent_topics", []):
            assert topic not in {c.topic for c in a.checklist}, (insurer, topic)
        for programme, status in expected.get("programme", {}).items():
            check = next(p for p in a.programmes if p.programme == programme)
            assert check.status == status, (insurer, programme, check)
            if status == "not_bought":
                assert check.source is not None  # "not bought" always with its source
        for route in expected.get("route", []):
            assert route in {r.route for r in a.routes}, (insurer, a.routes)
        for route, fit in expected.get("fit", {}).items():
            assert fit in {r.fit for r in a.routes if r.route == route}, (insurer, route, a.routes)
        for route in expected.get("no_route", []):
            assert route not in {r.route for r in a.routes}, (insurer, a.routes)
        if "period" in expected:
            assert any(expected["period"] in p for r in a.routes for p in r.periods), a.routes
        if "deadline" in expected:
            assert expected["deadline"] in {d.date.isoformat() for d in a.deadlines}
        if expected.get("sources"):
            assert a.verdict_sources and all(s.quote for s in a.verdict_sources)
        for item in a.checklist:
            assert item.source.quote  # every item traced to the policy text


def test_deadlines_are_marked_against_today_and_the_first_possible_is_on_top(cat):
    profile = Profile(role="individual_coach", year=2027)
    before = {d.date: d.when for d in assess(profile, cat, dt.date(2026, 9, 1))[0].deadlines}
    after = assess(profile, cat, dt.date(2026, 11, 1))[0]
    assert before[dt.date(2026, 10, 31)] == "upcoming"
    assert {d.date: d.when for d in after.deadlines}[dt.date(2026, 10, 31)] == "past"
    whens = [a.when for a in after.actions]
    assert whens == sorted(whens, key=["today", "open", "upcoming", "past"].index)
    assert after.actions[0].when != "past"  # the first thing still possible is on top


def test_a_new_cz_coach_is_told_to_apply_by_mail_without_deadline(cat):
    profile = Profile(role="individual_coach", year=2027, prior_contract_with=[], region_has_rho="no",
                      region_has_network="no")
    cz = assess(profile, cat, DEFAULT_TODAY)[0]
    assert cz.verdict == "eligible"
    assert cz.actions[0].when == "open" and "rz.gli@cz.nl" in cz.actions[0].text
    assert "rz.gli@cz.nl" in cz.next_step and "geen deadline" in cz.next_step


def test_cz_2027_individual_coach_route_carries_its_contract_period(cat):
    profile = Profile(role="individual_coach", year=2027, region_has_rho="no", region_has_network="no")
    cz = assess(profile, cat, DEFAULT_TODAY)[0]
    assert any("1 jaar" in p for r in cz.routes for p in r.periods)
    assert any(h.address and "cz.nl" in h.address for h in cz.apply) or cz.contacts


def test_every_insurer_is_answered_and_a_missing_year_is_a_marked_hint(cat):
    results = assess(Profile(role="individual_coach", year=2027), cat, DEFAULT_TODAY)
    assert [a.insurer for a in results] == cat.insurer_ids
    vgz = next(a for a in results if a.insurer == "vgz")
    assert vgz.hint and vgz.year == 2024 and vgz.requested_year == 2027
    assert vgz.notice.startswith("VGZ: geen beleid voor 2027 in deze wijzer; het nieuwste is 2024")
    cz = next(a for a in results if a.insurer == "cz")
    assert not cz.hint and cz.notice is None


def test_checklist_is_ordered_by_weight_with_counts(cat):
    profile = Profile(role="coach_network", year=2027, programmes_offered=1, licences=["cool"], region_has_rho="no")
    cz = assess(profile, cat, DEFAULT_TODAY)[0]
    ranks = [GROUP_ORDER.index(c.group) for c in cz.checklist]
    assert ranks == sorted(ranks)
    assert cz.checklist[0].group == "unmet"
    assert cz.groups == {g: sum(c.group == g for c in cz.checklist) for g in GROUP_ORDER}


def test_only_minimum_and_exclusion_can_be_unmet(cat):
    """Flip a requirement's force: the same fact is unmet as a minimum, never as an obligation."""
    policy = cat.policy("cz", 2027)
    profile = Profile(role="individual_coach", year=2027, kvk_registered=False, region_has_rho="no",
                      region_has_network="no")
    kvk = next(r for r in policy.requirements if r.topic == "kvk_registration")
    for force in ("minimum", "exclusion", "obligation", "expectation"):
        changed = policy.model_copy(update={"requirements": [
            r.model_copy(update={"force": force}) if r is kvk else r for r in policy.requirements]})
        a = assess_policy(changed, profile, cat, DEFAULT_TODAY)
        item = next(c for c in a.checklist if c.topic == "kvk_registration")
        if force in GATING_FORCES:
            assert item.status == "unmet" and a.verdict == "not_eligible"
        else:
            assert item.status == "to_check" and item.group == force and a.verdict == "eligible"


def test_contradictory_answers_give_a_gentle_warning():
    profile = Profile(role="coach_network", year=2027, licences=[], programmes_offered=3)
    assert contradictions(profile)


TRI = st.sampled_from(["yes", "no", "unknown"])
OPT_BOOL = st.sampled_from([True, False, None])
FUNCTIONS = st.dictionaries(st.sampled_from(["single_provider", "cooperation", "coach_network", "gp_led_regional",
                                             "multidisciplinary_primary_care", "coordinates_chain_care"]), TRI,
                            max_size=4)


@st.composite
def profiles(draw, cat):
    return Profile(
        role=draw(st.sampled_from(["coach", "individual_coach", "coach_network", "rho", "msv", "referrer"])),
        year=draw(st.sampled_from(cat.years)),
        background=draw(st.sampled_from([None, "leefstijlcoach", "fysiotherapeut", "oefentherapeut", "dietist"])),
        registries=draw(st.one_of(st.none(), st.lists(st.sampled_from([r.id for r in cat.registries]), max_size=3))),
        licences=draw(st.one_of(st.none(), st.lists(st.sampled_from([p.id for p in cat.programmes]), max_size=3))),
        programmes_offered=draw(st.one_of(st.none(), st.integers(0, 8))),
        agb_code=draw(OPT_BOOL), kvk_registered=draw(OPT_BOOL), accredited_training=draw(OPT_BOOL),
        hbo_level=draw(OPT_BOOL), region_has_rho=draw(TRI), region_has_network=draw(TRI),
        in_insurer_region=draw(st.one_of(TRI, st.lists(st.sampled_from(cat.insurer_ids), max_size=2))),
        prior_contract_with=draw(st.one_of(st.none(), st.lists(st.sampled_from([i.id for i in cat.insurers]), max_size=2))),
        scope=draw(st.sampled_from([None, "local", "regional", "national"])),
        participant_age=draw(st.one_of(st.none(), st.integers(0, 99))),
        participant_ggr=draw(st.sampled_from([None, "none", "moderate", "high"])),
        participant_repeat=draw(OPT_BOOL),
        functions=draw(st.one_of(st.none(), FUNCTIONS)),
    )


STATED = {
    "quality_register": "registries", "programme_licence": "licences", "agb_code": "agb_code",
    "kvk_registration": "kvk_registered", "accredited_training": "accredited_training",
    "min_programmes": "programmes_offered",
}


def _region_quotes(cat) -> set[str]:
    """Quotes of requirements that the region answers (``in_region``)."""
    return {r.source.quote for p in cat.policies for r in p.requirements if r.in_region is not None}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_profile_gets_a_sound_assessment(cat, data):
    profile = data.draw(profiles(cat))
    known_sources = {s.id for s in cat.sources}
    by_region = _region_quotes(cat)
    for a in assess(profile, cat, DEFAULT_TODAY):
        if a.partial or a.hint:
            assert a.verdict == "conditional", (a.insurer, a.year, a.verdict)  # never firm
        assert a.verdict in {"eligible", "subcontractor_only", "not_eligible", "conditional"}
        assert a.explanation and a.next_step
        if a.verdict == "conditional":
            assert a.question
        for _, source in iter_sources(a.checklist):
            assert source.document in known_sources
        for item in a.checklist:
            assert item.status != "unmet" or item.force in GATING_FORCES, item
            field = STATED.get(item.topic)
            if item.status in ("met", "unmet") and field and profile.role != "referrer":
                assert getattr(profile, field) is not None, (item.topic, item.status)
            if item.source.quote in by_region:
                assert item.status == "to_check" or profile.region_for(a.insurer) != "unknown", item
            elif profile.role != "referrer" and item.topic not in STATED and item.topic != "competence_level":
                assert item.status == "to_check", item


# The answers a profile can leave open, each with the values that could fill it in.
FILLABLE = {
    "background": st.sampled_from(["leefstijlcoach", "fysiotherapeut", "oefentherapeut", "dietist"]),
    "registries": st.lists(st.sampled_from(["blcn", "kabiz", "kp", "ckr", "kngf", "irf_kfir"]), max_size=3),
    "agb_code": st.booleans(), "kvk_registered": st.booleans(), "accredited_training": st.booleans(),
    "hbo_level": st.booleans(), "programmes_offered": st.integers(0, 6),
    "region_has_rho": st.sampled_from(["yes", "no"]), "region_has_network": st.sampled_from(["yes", "no"]),
    "scope": st.sampled_from(["local", "regional", "national"]),
    "prior_contract_with": st.lists(st.sampled_from(["cz", "vgz", "zz"]), max_size=2),
    "in_insurer_region": st.one_of(st.sampled_from(["yes", "no"]), st.lists(st.sampled_from(["cz", "vgz", "zz"]),
                                                                            max_size=2)),
    "participant_age": st.integers(0, 99), "participant_ggr": st.sampled_from(["none", "moderate", "high"]),
    "participant_repeat": st.booleans(),
    "functions": FUNCTIONS,
}


def _unset(profile: Profile, key: str) -> bool:
    return getattr(profile, key) in (None, "unknown")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_more_complete_profile_never_makes_a_conditional_unjustly_not_eligible(cat, data):
    """Answering an open question may settle a conditional either way, but a new
    not_eligible must be justified: an unmet minimum/exclusion (which needs a stated fact)
    or a reason the policy states (a closed route, an unbought programme, a region)."""
    profile = data.draw(profiles(cat))
    open_keys = [k for k in FILLABLE if _unset(profile, k)]
    if not open_keys:
        return
    keys = data.draw(st.lists(st.sampled_from(open_keys), min_size=1, max_size=len(open_keys), unique=True))
    fuller = profile.model_copy(update={k: data.draw(FILLABLE[k]) for k in keys})
    before = {a.insurer: a for a in assess(profile, cat, DEFAULT_TODAY)}
    for after in assess(fuller, cat, DEFAULT_TODAY):
        was = before[after.insurer]
        if was.verdict != "conditional" or after.verdict != "not_eligible":
            continue
        assert after.reasons and after.verdict_sources, after
        for item in after.checklist:
            if item.status == "unmet":
                assert item.force in GATING_FORCES
                field = STATED.get(item.topic)
                if field and fuller.role != "referrer":
                    assert getattr(fuller, field) is not None
        if fuller.role != "referrer":
            _not_excluded_by_a_word(cat, fuller, after)


def _not_excluded_by_a_word(cat, profile, after):
    """Organisation forms: "not offered" only when no route of the policy may fit what the
    organisation is or does (an open list, a "can be", an unanswered function keep it open)."""
    if not any("sluit geen overeenkomst met een" in r for r in after.reasons):
        return
    policy = cat.policy(after.insurer, after.year)
    functions = resolved_functions(profile)
    open_routes = [r for r in policy.contract_routes if r.available != "no" and r.route not in ("runoff", "follow")]
    fits = [route_fit(r, functions, profile.contracting_role).fit for r in open_routes]
    assert all(f == "no" for f in fits), (after.insurer, after.reasons, fits)


def _open_list_quotes(cat) -> set[str]:
    return {r.source.quote for p in cat.policies for r in p.requirements if r.listing is not None and r.listing.open}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_an_item_missing_from_an_open_list_is_never_unmet(cat, data):
    """ZZ 2024 §5.1 "CKR, KP of een vergelijkbaar ... register": whatever registers a profile
    holds, an open list's requirement is met or to check, never unmet."""
    profile = data.draw(profiles(cat)).model_copy(update={"role": data.draw(st.sampled_from(["coach", "msv"]))})
    quotes = _open_list_quotes(cat)
    assert quotes  # the dataset has at least one open list
    for a in assess(profile, cat, DEFAULT_TODAY):
        for item in a.checklist:
            if item.source.quote in quotes:
                assert item.status != "unmet", item


def test_an_application_without_deadline_says_when_the_contract_would_start(cat):
    # CZ 2027 §3.3.4: a new provider applies by e-mail without a closing date, and "Een
    # overeenkomst gaat in op de eerste dag van de maand na het accorderen van de inschrijving".
    profile = Profile(role="individual_coach", year=2027, region_has_rho="no", region_has_network="no")
    (cz,) = [a for a in assess(profile, cat, dt.date(2026, 11, 26)) if a.insurer == "cz"]
    first = cz.actions[0]
    assert first.when == "open" and "rz.gli@cz.nl" in first.text
    assert "eerste dag van de maand na goedkeuring" in first.text
