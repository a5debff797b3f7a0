"""carry-forward against a modified copy of a real document, locate, section check, missing years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from policy_model.calendar import load_calendar, missing_years
from policy_model.curation.add_source import add_source
from policy_model.curation.carry_forward import CarryForwardError, _path, _sources, carry_forward
from policy_model.curation.checks import validation_warnings
from policy_model.curation.locate import describe, outline_of
from policy_model.curation.reachability import measure
from policy_model.loader import load_catalogue
from policy_model.paths import DEFAULT_DATA_DIR
from policy_model.quotes import normalise
from tests.dataset import DUE_BY_PINNED_DAY, gaps, nl_list

DELETED_START = "Om een gezonde leefstijl bij verzekerden"
DELETED_END = "het lokale beweegaanbod in de regio."
DATE_OLD, DATE_NEW = "12 november 2023 Informeren", "15 november 2023 Informeren"
ADDED = ("Zorg en Zekerheid vraagt multidisciplinaire samenwerkingsverbanden vanaf 2025 jaarlijks een "
         "duurzaamheidsplan voor de GLI aan te leveren.")



def _modified_zz(source_texts: Path, target: Path) -> tuple[str, list[tuple[int, int]]]:
    raw = (source_texts / "zz-gli-2024.txt").read_text(encoding="utf-8")
    start = raw.index(DELETED_START)
    end = raw.index(DELETED_END, start) + len(DELETED_END)
    deleted = raw[start:end]
    assert raw.count(DATE_OLD) == 1
    new = raw[:start] + raw[end:]
    new = new.replace(DATE_OLD, DATE_NEW)
    new = new.replace("4 Wat willen wij bereiken", f"{ADDED}\n\n4 Wat willen wij bereiken", 1)
    target.write_text(new, encoding="utf-8")
    norm = normalise(raw)
    spans = [(norm.index(normalise(deleted)), norm.index(normalise(deleted)) + len(normalise(deleted))),
             (norm.index(DATE_OLD), norm.index(DATE_OLD) + len(DATE_OLD))]
    return norm, spans


def test_carry_forward_marks_exactly_the_changed_facts(workspace, source_texts: Path) -> None:
    data, sources = workspace
    norm, spans = _modified_zz(source_texts, data.parent / "zz-2025.txt")
    add_source(data.parent / "zz-2025.txt", source_id="zz_gli_2025_test", publisher="Zorg en Zekerheid",
               title="Zorginkoopbeleid GLI 2025", year=2025, sources_dir=sources, data_dir=data)

    old = yaml.safe_load((data / "policies" / "zz-2024.yaml").read_text(encoding="utf-8"))
    expected_status, expected_kept = {}, {}
    for loc, _, src in _sources(old):
        if src["document"] != "zz_gli_2024":
            continue
        quote = normalise(src["quote"])
        found = [at for at in _all(norm, quote)]
        assert found, src["quote"]
        path = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(loc))
        hit = [n for n, (a, b) in enumerate(spans) if all(a < at + len(quote) and at < b for at in found)]
        if hit:  # span 0 is the deleted paragraph, span 1 the changed date
            expected_status[path] = "probably_deleted" if hit[0] == 0 else "changed"
        else:
            expected_kept[path] = src["section"]
    assert sorted(set(expected_status.values())) == ["changed", "probably_deleted"]

    report = carry_forward("zz-2024", 2025, "zz_gli_2025_test", data_dir=data, sources_dir=sources)
    assert {f.path: f.status for f in report.marked} == expected_status
    assert {f.path: f.section for f in report.kept} == expected_kept  # sections survive
    changed = [f for f in report.marked if f.status == "changed"]
    assert all(f.passage and "15 november 2023" in f.passage and f.similarity > 80 for f in changed)
    assert all(f.passage is None for f in report.marked if f.status == "probably_deleted")
    assert [p.text for p in report.uncited if "duurzaamheidsplan" in p.text] == [normalise(ADDED)]

    draft = yaml.safe_load((data / "policies" / "zz-2025.yaml").read_text(encoding="utf-8"))
    assert draft["draft"] is True and draft["year"] == 2025 and draft["documents"] == ["zz_gli_2025_test"]
    result = load_catalogue(data, check_quotes=True)
    assert result.problems == []
    warnings = [str(w) for w in validation_warnings(data) if w.file == "policies/zz-2025.yaml"]
    assert sum(".review: warning: review: " in w for w in warnings) == len(expected_status)
    assert any("draft: warning: draft record" in w and "GLI_SHOW_DRAFTS=1" in w for w in warnings)


def _all(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def test_carry_forward_never_replaces_a_reviewed_record(workspace) -> None:
    data, sources = workspace
    target = data / "policies" / "cz-2027.yaml"
    before = target.read_bytes()
    with pytest.raises(CarryForwardError, match="reviewed record .* never replaces it"):
        carry_forward("cz-2024", 2027, "cz_gli_2027", data_dir=data, sources_dir=sources, force=True)
    assert target.read_bytes() == before


def test_cz_2024_to_2027_points_the_curator_at_the_right_place(workspace) -> None:
    """The aim of issue 20: at least 80 % of the curated CZ 2027 facts are shown to the curator
    (kept, uncited or a right suggestion) when CZ 2024 is carried against the 2027 document."""
    data, sources = workspace
    curated = yaml.safe_load((data / "policies" / "cz-2027.yaml").read_text(encoding="utf-8"))
    (data / "policies" / "cz-2027.yaml").unlink()
    report = carry_forward("cz-2024", 2027, "cz_gli_2027", data_dir=data, sources_dir=sources)
    old = yaml.safe_load((data / "policies" / "cz-2024.yaml").read_text(encoding="utf-8"))
    cited = [s for _, _, s in _sources(old) if s["document"] in old["documents"]]
    assert len(report.kept) + len(report.marked) == len(cited)
    citations = [(_path(loc), s["quote"]) for loc, _, s in _sources(curated) if s["document"] in curated["documents"]]
    reach = measure(report.review, old, curated, citations)
    print("CZ 2024 -> 2027:", report.review.summary(), "|", reach.line())
    assert reach.not_in_text == []
    assert reach.share >= 0.8, reach.line()
    headings = {normalise(h.text) for h in report.review.outline.headings}
    assert [u.text for u in report.uncited if u.text in headings or len(u.text.split()) < 6] == []


def test_locate_zz(source_texts: Path) -> None:
    outline = outline_of(source_texts / "zz-gli-2024.txt")
    chains = [describe(outline.chain_at(at))
              for at in outline.occurrences("De zorgovereenkomst wordt aangegaan voor de duur van één jaar.")]
    assert chains == ["5.2 Looptijd van de zorgovereenkomsten"]
    chains = [describe(outline.chain_at(at))
              for at in outline.occurrences("De GLI is opgenomen in het Loket Gezond Leven van het RIVM")]
    assert chains == ["5.1 Minimum- en kwaliteitseisen – Eisen aan de GLI"]


def test_every_section_matches_the_heading_its_quote_is_under(source_texts: Path) -> None:
    found = sorted((w.file, w.path, w.message) for w in validation_warnings(DEFAULT_DATA_DIR) if w.path.endswith(".section"))
    assert found == []


def test_missing_years_on_a_fixed_day(cat) -> None:
    """On 26 November 2026 the 2027 policies were due: each insurer lacks the years from its
    first full record up to 2027 that have no record (in the data as committed: ZZ and VGZ
    2025-2027, CZ 2025 with 2026 only derived)."""
    calendar = load_calendar(DEFAULT_DATA_DIR)
    found = {g.insurer: g for g in missing_years(cat, calendar, dt.date(2026, 11, 26))}
    expected = gaps(cat, DUE_BY_PINNED_DAY)
    assert {i: (g.missing, g.partial_only) for i, g in found.items()} == expected
    for insurer, gap in found.items():
        full = [p.year for p in cat.policies if p.insurer == insurer and not p.partial]
        assert gap.newest == max(full)
        if gap.missing:
            assert gap.message.startswith(f"{cat.insurer(insurer).short_name}: beleid {nl_list(gap.missing)} ")
            assert gap.message.endswith(f"; nieuwste: {max(full)}")
    before = {g.insurer: g.missing for g in missing_years(cat, calendar, dt.date(2026, 3, 31))}
    assert {i: m for i, m in before.items() if m} == {i: m for i, (m, _) in gaps(cat, 2026).items() if m}
    assert all(2027 not in years for years in before.values())  # the 2027 policy is due on 1 April 2026


def test_calendar_quotes_occur_in_the_sources(source_texts: Path) -> None:
    from policy_model.quotes import quote_found

    calendar = load_calendar(DEFAULT_DATA_DIR)
    files = {s.id: s.file for s in load_catalogue(DEFAULT_DATA_DIR).catalogue.sources}
    for milestone in calendar.milestones:
        for src in milestone.sources:
            assert quote_found(src.quote, source_texts / files[src.document]), src.quote


def test_locate_in_a_text_with_twenty_thousand_headings() -> None:
    """Issue 22 item 5: every lookup walks only its own section chain (the time is in make bench;
    here: the answers at both ends of a long text are the right ones)."""
    from policy_model.curation.locate import build_outline

    lines = []
    for n in range(1, 20001):
        number = f"{n // 400 + 1}.{(n // 20) % 20 + 1}.{n % 20 + 1}"
        lines += [f"{number} Kop nummer {n}", "", f"Tekst {n} van de alinea.", ""]
    outline = build_outline("\n".join(lines))
    first, last = outline.occurrences("Tekst 1 van de alinea."), outline.occurrences("Tekst 19999 van de alinea.")
    assert len(outline.headings) == 20000
    assert [describe(outline.chain_at(at)) for at in first] == ["1.1.2 Kop nummer 1"]
    assert [describe(outline.chain_at(at)) for at in last] == ["50.20.20 Kop nummer 19999"]
    assert len(outline.occurrences("van de alinea.")) == 20000
