"""What a link holds that a page does not read, in Dutch (ui.url_state.unknown_parts)."""

from __future__ import annotations

from ui.url_state import unknown_parts


def test_an_unknown_part_of_a_link_is_named_in_plain_dutch():
    # LOOK O #10: "onbekende parameter ‘rol’" on Programma's (a link from Contractvoorwaarden).
    notices = unknown_parts({"rol": ["RHO"], "jaar": ["2031"]}, {"jaar": {"2027"}})
    assert notices == ["‘rol’ (geen keuze op deze pagina)", "‘2031’ bij ‘jaar’"]
    assert not any("parameter" in n for n in notices)
