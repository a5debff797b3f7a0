"""Issue 20's round trip: next year's Zorg en Zekerheid document, as a web page and as a PDF
that Chromium prints, brought in with add-source and the 2024 record carried against it.

Every logged edit must be marked (or listed, or relocated), both new requirements listed,
no value moved silently, the draft absent from export and assess, nothing overwritten; the
PDF must give the same review as the HTML (within 10 %).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from policy_model.cli import main
from policy_model.curation.add_source import add_source
from policy_model.curation.carry_forward import CarryForwardError, _path, _sources, carry_forward
from policy_model.curation.carry_report import CarryReport
from policy_model.curation.values import policy_disagreements
from policy_model.paths import DEFAULT_DATA_DIR
from policy_model.quotes import normalise
from policy_model.schema import Policy
from tests.policy_model.curation.next_year import (
    EDITS,
    NEW_REQUIREMENT_1,
    NEW_REQUIREMENT_2,
    Edit,
    blocks_of,
    next_year_html,
    print_pdf,
    years_moved,
)


@dataclass
class Trip:
    data: Path
    sources: Path
    report: CarryReport
    old: dict
    draft: dict


def _carry(tmp: Path, source_texts: Path, document: Path, kind: str) -> Trip:
    data, sources = tmp / kind / "data", tmp / kind / "sources"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    shutil.copytree(source_texts, sources)
    add_source(document, source_id="zz_gli_2025", publisher="Zorg en Zekerheid", title="Zorginkoopbeleid GLI 2025",
               year=2025, sources_dir=sources, data_dir=data)
    report = carry_forward("zz-2024", 2025, "zz_gli_2025", data_dir=data, sources_dir=sources)
    old = yaml.safe_load((data / "policies" / "zz-2024.yaml").read_text(encoding="utf-8"))
    draft = yaml.safe_load((data / "policies" / "zz-2025.yaml").read_text(encoding="utf-8"))
    return Trip(data, sources, report, old, draft)


@pytest.fixture(scope="module")
def trips(tmp_path_factory: pytest.TempPathFactory, source_texts: Path, chromium: str) -> dict[str, Trip]:
    tmp = tmp_path_factory.mktemp("round_trip")
    page = tmp / "zz-gli-2025.html"
    page.write_text(next_year_html(source_texts / "zz-gli-2024.txt"), encoding="utf-8")
    pdf = print_pdf(page, tmp / "zz-gli-2025.pdf")
    return {"html": _carry(tmp, source_texts, page, "html"), "pdf": _carry(tmp, source_texts, pdf, "pdf")}


def _citing(edit: Edit, trip: Trip, source_texts: Path) -> list[str]:
    """The old record's facts whose quote (years moved on) touches the words the edit changes."""
    raw = years_moved((source_texts / "zz-gli-2024.txt").read_text(encoding="utf-8"))
    text = normalise(raw)
    words = normalise(edit.old)
    if edit.kind == "deleted":  # the whole paragraph goes
        words = next(b.text for b in blocks_of(raw) if words in b.text)
    start = text.index(words)
    end = start + len(words)
    paths = []
    for loc, _, src in _sources(trip.old):
        quote = normalise(years_moved(src["quote"]))
        at = text.find(quote)
        while at >= 0:
            if at < end and start < at + len(quote):
                paths.append(_path(loc))
                break
            at = text.find(quote, at + 1)
    return paths


def detected(edit: Edit, trip: Trip, source_texts: Path) -> bool:
    """Whether the review shows the curator this edit, at the right place."""
    status = {f.path: f for f in trip.report.review.facts}
    if edit.kind == "added":
        return normalise(edit.new) in [u.text for u in trip.report.uncited]
    citing = _citing(edit, trip, source_texts)
    assert citing, f"edit {edit.number} changes words no fact cites"
    if edit.kind == "moved":
        return all(status[p].status == "kept" and status[p].section.startswith("4.2") for p in citing)
    if edit.kind == "deleted":
        return all(status[p].status == "probably_deleted" for p in citing)
    # a value or a rewording: every citing fact marked, pointed at the new words
    return all(status[p].status == "changed" and normalise(edit.new) in (status[p].passage or "") for p in citing)


@pytest.mark.parametrize("kind", ["html", "pdf"])
def test_every_edit_is_shown_at_its_place(trips: dict[str, Trip], kind: str, source_texts: Path) -> None:
    trip = trips[kind]
    missed = [e.number for e in EDITS if not detected(e, trip, source_texts)]
    print(f"{kind}: recall {len(EDITS) - len(missed)}/{len(EDITS)};", trip.report.review.summary())
    assert missed == []


@pytest.mark.parametrize("kind", ["html", "pdf"])
def test_no_false_alarms(trips: dict[str, Trip], kind: str, source_texts: Path) -> None:
    """A mark is an edit's, or only the year moved on; a new uncited passage is a new requirement."""
    trip = trips[kind]
    explained = {p for e in EDITS if e.kind != "added" for p in _citing(e, trip, source_texts)}
    alarms = [f.path for f in trip.report.marked if f.path not in explained and f.status != "year_only"]
    assert alarms == []
    year_only = trip.report.review.of_status("year_only")
    assert year_only and all(normalise(years_moved(f.quote)) == f.passage for f in year_only)
    before = normalise(years_moved((source_texts / "zz-gli-2024.txt").read_text(encoding="utf-8")))
    new_words = [normalise(e.new) for e in EDITS if e.new]
    unexplained = [u.text for u in trip.report.uncited
                   if u.text not in before and not any(words in u.text for words in new_words)]
    assert unexplained == []  # every uncited passage was there last year, or is an edit's new text


def test_both_new_requirements_are_listed_whole(trips: dict[str, Trip]) -> None:
    for trip in trips.values():
        texts = [u.text for u in trip.report.uncited]
        assert normalise(NEW_REQUIREMENT_1) in texts and normalise(NEW_REQUIREMENT_2) in texts


def test_pdf_gives_the_review_of_the_html(trips: dict[str, Trip]) -> None:
    html, pdf = trips["html"].report, trips["pdf"].report
    assert abs(len(pdf.uncited) - len(html.uncited)) <= 0.1 * len(html.uncited)
    same_status = sum(a.status == b.status for a, b in zip(html.review.facts, pdf.review.facts, strict=True))
    assert same_status >= 0.9 * len(html.review.facts)
    same_section = sum(a.section == b.section for a, b in zip(html.kept, pdf.kept, strict=False))
    assert len(pdf.kept) == len(html.kept) and same_section >= 0.9 * len(html.kept)


def _fact(record: dict, path: str) -> dict:
    node: object = record
    for part in path.replace("]", "").replace("[", ".").split(".")[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]  # type: ignore[index]
    return node  # type: ignore[return-value]


@pytest.mark.parametrize("kind", ["html", "pdf"])
def test_no_value_moves_silently(trips: dict[str, Trip], kind: str) -> None:
    trip = trips[kind]
    for check in trip.report.marked:  # a marked fact keeps every value; its mark says what is new
        old, new = _fact(trip.old, check.path), _fact(trip.draft, check.path)
        assert _values(new) == _values(old)
        assert new["source"]["review"]["reason"]
    signing = next(f for f in trip.report.marked if "7 november 2024" in (f.passage or ""))
    assert "7 november 2024" in signing.values
    assert "7 november 2024" in _fact(trip.draft, signing.path)["source"]["review"]["reason"]
    kept = {_loc(f.path)[:-1] for f in trip.report.kept}  # the facts, without ".source"
    policy = Policy.model_validate(trip.draft)
    errors = [d for d in policy_disagreements(policy, {2025, 2024})
              if not d.unsupported and any(d.loc[: len(fact)] == fact for fact in kept)]
    assert errors == []  # every value of a kept fact agrees with its quote


def _values(fact: dict) -> str:
    """The fact's own values: every field but its citations (which now name the new document)."""
    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if not (isinstance(v, dict) and "quote" in v)}
        if isinstance(node, list):
            return [strip(v) for v in node if not (isinstance(v, dict) and "quote" in v)]
        return node
    return json.dumps(strip(fact), default=str, sort_keys=True)


def _loc(path: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in path.replace("]", "").replace("[", ".").split("."))


def test_accepting_suggestions_without_their_values_fails_validate(trips: dict[str, Trip],
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A curator who takes each suggested passage as the quote but keeps the old values gets an
    error at each value the new passage states differently (dates, durations, amounts)."""
    trip = trips["html"]
    draft = yaml.safe_load((trip.data / "policies" / "zz-2025.yaml").read_text(encoding="utf-8"))
    for check in trip.report.marked:
        src = _fact(draft, check.path)["source"]
        src.pop("review", None)
        if check.passage and len(check.passage) <= 400:
            src["quote"] = check.passage
    draft.pop("draft")
    reviewed = trip.data.parent / "reviewed"
    shutil.copytree(trip.data, reviewed)
    (reviewed / "policies" / "zz-2025.yaml").write_text(yaml.safe_dump(draft, allow_unicode=True, sort_keys=False),
                                                      encoding="utf-8")
    assert main(["validate", str(reviewed)]) == 1
    out = capsys.readouterr().out
    wrong = [line for line in out.splitlines() if "value disagrees with its quote" in line]
    assert any("timeline" in line and "2023-11-09" in line for line in wrong), wrong  # 7 november now
    assert any("contract_periods" in line and "duration" in line for line in wrong), wrong  # twee jaar now
    assert all(line.startswith("policies/zz-2025.yaml:") for line in wrong)


def test_the_draft_is_left_out_of_export_and_assess(trips: dict[str, Trip], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    data = str(trips["html"].data)
    out = tmp_path / "export.json"
    assert main(["export", "--data-dir", data, "--out", str(out)]) == 0
    assert "zz" not in {(p["insurer"], p["year"]) == ("zz", 2025) and "zz" for p in json.loads(out.read_text())["policies"]}
    assert main(["export", "--data-dir", data, "--out", str(out), "--include-drafts"]) == 0
    drafts = [p for p in json.loads(out.read_text())["policies"] if p["draft"]]
    assert [(p["insurer"], p["year"]) for p in drafts] == [("zz", 2025)]
    csv = tmp_path / "facts.csv"
    assert main(["export", "--format", "csv", "--data-dir", data, "--out", str(csv), "--include-drafts"]) == 0
    header, *rows = csv.read_text(encoding="utf-8-sig").splitlines()
    assert "draft" in header.split(";")
    profile = tmp_path / "coach.yaml"
    profile.write_text("role: individual_coach\nyear: 2025\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["assess", str(profile), "--data-dir", data]) == 1  # no 2025 record but the draft
    assert "geen beleid voor 2025" in capsys.readouterr().err
    assert main(["assess", str(profile), "--data-dir", data, "--include-drafts"]) == 0
    assert "Zorg en Zekerheid 2025 (concept, niet gecontroleerd)" in capsys.readouterr().out
    assert main(["diff", "zz-2024", "zz-2025", "--data-dir", data]) == 1
    assert "zz-2025 is a draft (concept" in capsys.readouterr().err


def test_carry_forward_never_overwrites(trips: dict[str, Trip], tmp_path: Path) -> None:
    # On a copy: the other tests of this module read the trip's draft, in whatever order they run.
    data = tmp_path / "data"
    shutil.copytree(trips["html"].data, data)
    sources = trips["html"].sources
    target = data / "policies" / "zz-2025.yaml"
    with pytest.raises(CarryForwardError, match="a draft already exists; --force replaces it"):
        carry_forward("zz-2024", 2025, "zz_gli_2025", data_dir=data, sources_dir=sources)
    carry_forward("zz-2024", 2025, "zz_gli_2025", data_dir=data, sources_dir=sources, force=True)
    reviewed = target.read_text(encoding="utf-8").replace("draft: true\n", "")
    target.write_text(reviewed, encoding="utf-8")
    with pytest.raises(CarryForwardError, match="reviewed record .* never replaces it"):
        carry_forward("zz-2024", 2025, "zz_gli_2025", data_dir=data, sources_dir=sources, force=True)
    assert target.read_text(encoding="utf-8") == reviewed
