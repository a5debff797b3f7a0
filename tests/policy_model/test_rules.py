"""The wizard's rules: scenarios from the policy texts, and properties over random profiles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_model.profile import Profile, contradictions
from policy_model.rules import assess
from policy_model.walk import iter_sources

SCENARIOS = yaml.safe_load((Path(__file__).parent / "scenarios" / "wizard.yaml").read_text(encoding="utf-8"))
DEFAULT_TODAY = dt.date(2026, 6, 1)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"][:60] for s in SCENARIOS])
def test_scenario(cat, scenario):
    profile = Profile.model_validate(scenario["profile"])
    today = dt.date.fromisoformat(str(scenario.get("today", DEFAULT_TODAY)))
    results = {a.insurer: a for a in assess(profile, cat, today)}
    for insurer, expected in scenario["expect"].items():
        a = results[insurer]
        assert a.verdict == expected["verdict"], (insurer, a.reasons)
        if "reason" in expected:
            assert expected["reason"] in " ".join(a.reasons), (insurer, a.reasons)
        for topic, status in expected.get("checklist", {}).items():
            statuses = {c.status for c in a.checklist if c.topic == topic}
            assert status in statuses, (insurer, topic, statuses)
        for topic in expected.get("absent_topics", []):
            assert topic not in {c.topic for c in a.checklist}, (insurer, topic)
        for item in a.checklist:
            assert item.source.quote  # every item traced to the policy text


def test_deadlines_are_only_those_still_ahead(cat):
    profile = Profile(role="individual_coach", year=2027)
    before = {d.date for d in assess(profile, cat, dt.date(2026, 9, 1))[0].deadlines}
    after = {d.date for d in assess(profile, cat, dt.date(2026, 11, 1))[0].deadlines}
    assert dt.date(2026, 10, 31) in before and dt.date(2026, 10, 31) not in after
    assert all(d >= dt.date(2026, 11, 1) for d in after)


def test_cz_2027_individual_coach_route_carries_its_contract_period(cat):
    profile = Profile(role="individual_coach", year=2027, region_has_rho="no", region_has_network="no")
    (a,) = assess(profile, cat, DEFAULT_TODAY)
    assert any("1 jaar" in p for r in a.routes for p in r.periods)
    assert any(h.address and "cz.nl" in h.address for h in a.apply) or a.contacts


def test_contradictory_answers_give_a_gentle_warning():
    profile = Profile(role="coach_network", year=2027, licences=[], programmes_offered=3)
    assert contradictions(profile)


TRI = st.sampled_from(["yes", "no", "unknown"])
OPT_BOOL = st.sampled_from([True, False, None])


@st.composite
def profiles(draw, cat):
    return Profile(
        role=draw(st.sampled_from(["individual_coach", "coach_network", "rho", "msv", "referrer"])),
        year=draw(st.sampled_from(cat.years)),
        background=draw(st.sampled_from([None, "leefstijlcoach", "fysiotherapeut", "oefentherapeut", "dietist"])),
        registries=draw(st.one_of(st.none(), st.lists(st.sampled_from([r.id for r in cat.registries]), max_size=3))),
        licences=draw(st.one_of(st.none(), st.lists(st.sampled_from([p.id for p in cat.programmes]), max_size=3))),
        programmes_offered=draw(st.one_of(st.none(), st.integers(0, 8))),
        agb_code=draw(OPT_BOOL), kvk_registered=draw(OPT_BOOL), accredited_training=draw(OPT_BOOL),
        hbo_level=draw(OPT_BOOL), region_has_rho=draw(TRI), region_has_network=draw(TRI),
        in_insurer_region=draw(TRI),
        prior_contract_with=draw(st.lists(st.sampled_from([i.id for i in cat.insurers]), max_size=2)),
        scope=draw(st.sampled_from([None, "local", "regional", "national"])),
        participant_age=draw(st.one_of(st.none(), st.integers(0, 99))),
        participant_ggr=draw(st.sampled_from([None, "none", "moderate", "high"])),
        participant_repeat=draw(OPT_BOOL),
    )


STATED = {
    "quality_register": "registries", "programme_licence": "licences", "agb_code": "agb_code",
    "kvk_registration": "kvk_registered", "accredited_training": "accredited_training",
    "min_programmes": "programmes_offered",
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_profile_gets_a_sound_assessment(cat, data):
    profile = data.draw(profiles(cat))
    known_sources = {s.id for s in cat.sources}
    for a in assess(profile, cat, DEFAULT_TODAY):
        assert a.verdict in {"eligible", "subcontractor_only", "not_eligible", "conditional"}
        assert a.explanation
        for _, source in iter_sources(a.checklist):
            assert source.document in known_sources
        for item in a.checklist:
            field = STATED.get(item.topic)
            if item.status in ("met", "unmet") and field and profile.role != "referrer":
                assert getattr(profile, field) is not None, (item.topic, item.status)
            if profile.role != "referrer" and item.topic not in STATED and item.topic != "competence_level":
                assert item.status == "to_check", item
