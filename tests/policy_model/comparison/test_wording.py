"""Changed wording, word by word (difflib), and the pairing of sentences on one topic."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policy_model.comparison.text_output import worded
from policy_model.comparison.text_rows import requirement_text_rows
from policy_model.comparison.wording import (
    Segment,
    changed,
    diff_html,
    diff_plain,
    pair_texts,
    similarity,
    word_diff,
)


def _side(segments: list[Segment], keep: str) -> str:
    return " ".join("".join(s.text for s in segments if s.kind in ("same", keep)).split())


def test_a_changed_word_is_deleted_and_added_the_rest_kept():
    segments = word_diff("De coach staat in het BLCN-register.", "De coach staat in het KABIZ-register.")
    assert segments == [
        Segment("same", "De coach staat in het "),
        Segment("deleted", "BLCN-register. "),
        Segment("added", "KABIZ-register."),
    ]


def test_identical_texts_are_one_kept_segment_and_not_changed():
    assert word_diff("Twee jaar.", "Twee  jaar.") == [Segment("same", "Twee jaar.")]
    assert not changed("Twee jaar.", " Twee   jaar. ")
    assert changed("Twee jaar.", "Drie jaar.")


words = st.lists(st.sampled_from(["de", "coach", "RHO", "<b>", "2027", "jaar", "&", "*x*"]), max_size=12)


@given(words, words)
def test_either_side_can_be_read_back_from_the_segments(before, after):
    segments = word_diff(" ".join(before), " ".join(after))
    assert _side(segments, "deleted") == " ".join(before)
    assert _side(segments, "added") == " ".join(after)


def test_html_and_plain_renderings_escape_and_mark_the_changes():
    segments = word_diff("geen <script>", "wel <script>")
    html = diff_html(segments)
    assert "<del>geen </del><ins>wel </ins>&lt;script&gt;" == html
    assert diff_plain(word_diff("een jaar", "twee jaar")) == "[-een-] {+twee+} jaar"


def test_sentences_pair_with_their_most_similar_rewording_and_the_rest_stand_alone():
    before = ["De coach heeft een AGB-code.", "De coach staat in het BLCN-register."]
    after = ["De coach staat in het KABIZ-register of BLCN-register.", "Iets heel anders en nieuws hier."]
    assert pair_texts(before, after) == [(1, 0), (None, 1), (0, None)]
    assert similarity("a b c", "a b c") == 1.0


def test_two_years_of_cz_pair_their_requirements_on_a_topic(cat):
    old, new = cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027")
    rows = {r.key: r for r in requirement_text_rows([old, new])}
    row = rows["quality_register"]
    items = worded(row.cells[old.key], row.cells[new.key])
    assert {i.entry.text for i in items if i.entry} == {e.text for e in row.cells[new.key]}
    assert all(i.segments() for i in items)
