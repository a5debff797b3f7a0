"""What a person writes in a profile becomes ids and values by the kind of answer each key
takes (``ANSWER_KINDS``); what is not understood is an error, and the key reads as not answered."""

from __future__ import annotations

import pytest

from policy_model.wizard.profile import ANSWER_KINDS, Profile, normalise_input

PLAIN_KEYS = {"name", "year", "programmes_offered", "participant_age"}


def test_every_profile_key_but_a_few_plain_ones_has_a_kind_of_answer():
    assert set(Profile.model_fields) - set(ANSWER_KINDS) == PLAIN_KEYS
    assert set(ANSWER_KINDS) <= set(Profile.model_fields)


@pytest.mark.parametrize(("raw", "data"), [
    # names from a table, as a list: any case, any separator; "geen" is the explicit none
    ({"registries": "BLCN; Kabiz"}, {"registries": ["blcn", "kabiz"]}),
    ({"registries": "geen"}, {"registries": []}),
    ({"registries": "onbekend"}, {}),
    # one name from a table, accents folded; "onbekend" is no answer
    ({"background": "Diëtist"}, {"background": "dietist"}),
    ({"background": "onbekend"}, {}),
    ({"scope": "landelijk"}, {"scope": "national"}),
    ({"participant_ggr": "Matig verhoogd"}, {"participant_ggr": "moderate"}),
    # ja / nee / onbekend
    ({"region_has_rho": "Ja"}, {"region_has_rho": "yes"}),
    ({"region_has_network": False}, {"region_has_network": "no"}),
    # ja / nee; "onbekend" is no answer
    ({"agb_code": "nee"}, {"agb_code": False}),
    ({"agb_code": "onbekend"}, {}),
    # the core region: one answer for every insurer, or the insurers named
    ({"in_insurer_region": "ja"}, {"in_insurer_region": "yes"}),
    ({"in_insurer_region": True}, {"in_insurer_region": "yes"}),
    ({"in_insurer_region": "CZ, Zorg en Zekerheid"}, {"in_insurer_region": ["cz", "zz"]}),
    # the organisation's functions, each ja / nee / onbekend
    ({"functions": {"single_provider": "ja"}}, {"functions": {"single_provider": "yes"}}),
    # plain values as written (the schema checks them); a name may be "onbekend"
    ({"participant_age": " 40 "}, {"participant_age": "40"}),
    ({"participant_age": "onbekend"}, {}),
    ({"name": "onbekend"}, {"name": "onbekend"}),
    ({"agb_code": None}, {}),
])
def test_each_kind_of_answer_is_read(cat, raw, data):
    result = normalise_input(raw, cat)
    assert (result.data, result.errors, result.dropped) == (data, [], [])


@pytest.mark.parametrize(("raw", "message"), [
    ({"registries": "blcm"}, "onbekend register ‘blcm’ bij registries. Bedoelde u ‘BLCN’? Geldige waarden: KABIZ, BLCN"),
    ({"role": "onbekend"}, "onbekend rol ‘onbekend’ bij role. Geldige waarden: coach, individual_coach"),
    ({"region_has_rho": "misschien"}, "‘misschien’ bij region_has_rho is geen ja, nee of onbekend."),
    ({"in_insurer_region": "misschien"}, "onbekend verzekeraar ‘misschien’ bij in_insurer_region."),
    ({"agb_code": "soms"}, "‘soms’ bij agb_code is geen ja/nee."),
    ({"functions": "ja"}, "functions is een lijst van functie: ja/nee (gevonden: ‘ja’)."),
    ({"functions": {"single_provider": "soms"}}, "‘soms’ bij functions.single_provider is geen ja, nee of onbekend."),
])
def test_an_answer_not_understood_is_an_error_and_reads_as_not_answered(cat, raw, message):
    result = normalise_input(raw, cat)
    (key,) = raw
    assert result.data == {}
    assert result.dropped == [key]
    assert len(result.errors) == 1 and result.errors[0].startswith(message), result.errors
