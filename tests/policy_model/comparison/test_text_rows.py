"""Text-first rows (full texts per chosen policy) and the printable hand-out."""

from __future__ import annotations

import datetime as dt

from policy_model.comparison.text_output import cell_text, export_rows
from policy_model.comparison.text_rows import (
    application_text_rows,
    change_text_rows,
    participant_text_rows,
    programme_text_rows,
    registry_text_rows,
    requirement_text_rows,
    route_text_rows,
    tariff_text_rows,
)
from policy_model.describe import force_label
from policy_model.reports.handout import comparison_handout_html
from policy_model.vocab import FORCE_ORDER, GATING_FORCES, NOT_STATED_LABEL


def _pair(cat):
    return [cat.policy_by_key("cz-2027"), cat.policy_by_key("vgz-2024")]


def _all_rows(policies, role=None):
    return [*requirement_text_rows(policies, role), *participant_text_rows(policies)]


def test_every_requirement_text_is_in_full_in_its_cell_with_its_force_and_source(cat):
    policies = _pair(cat)
    rows = _all_rows(policies)
    shown = {(key, e.text.split(" (")[0], e.label, e.sources[0]) for r in rows for key, es in r.cells.items()
             for e in es if e.kind != "not_set"}
    for policy in policies:
        for r in policy.requirements:
            assert any(k == policy.key and r.text.startswith(t) and label == force_label(r) and s == r.source
                       for k, t, label, s in shown), r.id


def test_minimum_requirements_come_first_and_who_may_take_part_has_rows_of_its_own(cat):
    provider = requirement_text_rows(_pair(cat))
    participant = participant_text_rows(_pair(cat))
    rows = provider + participant
    assert provider and participant
    assert not [r for r in provider if r.key.startswith("participant:")]
    assert all(r.key.startswith("participant:") for r in participant)
    # Who may take part is never a provider requirement, whatever the role.
    assert participant_text_rows(_pair(cat)) == requirement_text_rows(_pair(cat), None, "participant")
    for group in (provider, participant):
        weights = [min(FORCE_ORDER.index(e.force) for es in r.cells.values() for e in es if e.force) for r in group]
        assert weights == sorted(weights) and weights[0] == 0
    assert all(r.label.startswith("Wie in aanmerking komt: ") for r in participant)
    assert any(r.differs for r in rows)
    assert all(set(r.differences) <= {"niet overal vermeld", "registers", "programma's", "routes", "waarden",
                                      "soort eis", "voor wie", "tekst"} for r in rows)


def test_a_topic_stated_only_for_another_role_reads_alleen_voor_that_role_not_niet_vermeld(cat):
    # Role "individual coach": ZZ 2024 §5.1 asks a recognised GLI of the samenwerkingsverband/zorggroep,
    # VGZ 2024 bijlage 2 asks KvK registration of the RHO. Both are stated, for another role.
    policies = [cat.policy_by_key(k) for k in ("cz-2027", "vgz-2024", "zz-2024")]
    rows = {r.key: r for r in requirement_text_rows(policies, role="individual_coach")}
    zz = rows["programme_recognition"].cells["zz-2024"]
    vgz = rows["kvk_registration"].cells["vgz-2024"]
    for entries, role in ((zz, "Multidisciplinair / zorggroep"), (vgz, "RHO")):
        assert entries and {e.kind for e in entries} == {"other_role"}
        text = cell_text(entries)
        assert text.startswith(f"– Alleen voor {role}") and NOT_STATED_LABEL not in text
        assert all(e.text.split(" (")[0] in text for e in entries)
    assert rows["kvk_registration"].differences == ("niet overal vermeld",)  # ZZ 2024 is silent on it
    pair = {r.key: r for r in requirement_text_rows(policies[:2], role="individual_coach")}
    assert pair["kvk_registration"].differences == ("voor wie",)
    table = export_rows(cat, list(rows.values()), policies, "Onderwerp")
    kvk = next(r for r in table if r["Onderwerp"] == "Inschrijving KvK")
    assert kvk["VGZ 2024"].startswith("– Alleen voor RHO")


def test_zz_2024_coach_criteria_are_no_requirement_for_a_route_zz_does_not_contract(cat):
    # ZZ 2024 §5.1: the criteria on the coach are "van toepassing op het multidisciplinair
    # samenwerkingsverband of de zorggroep", the only forms ZZ contracts (§3.2). Under the individual
    # coach and RHO filters they read as ZZ minimum requirements (audit I #3); they are another role's.
    policies = [cat.policy_by_key(k) for k in ("vgz-2024", "zz-2024")]
    for role in ("individual_coach", "rho", "coach_network"):
        rows = {r.key: r for r in requirement_text_rows(policies, role=role)}
        for key in ("quality_register", "programme_licence"):
            entries = rows[key].cells["zz-2024"]
            assert entries and {e.kind for e in entries} == {"other_role"}, (role, key)
            # For the msv's coaches, not for "Leefstijlcoach (uitvoerder)", which an individual coach is too.
            text = cell_text(entries)
            assert text.startswith("– Alleen voor Multidisciplinair / zorggroep en hun leefstijlcoaches:\n"), text
            assert "Leefstijlcoach (uitvoerder)" not in text
    msv = {r.key: r for r in requirement_text_rows(policies, role="msv")}
    assert any(e.force == "minimum" for e in msv["quality_register"].cells["zz-2024"])


def test_a_topic_deferred_for_the_role_quotes_where_it_points(cat):
    # VGZ 2024: the RHO's GLI-addendum conditions are in 'Uitwerking inkoopbeleid Multidisciplinaire Zorg'.
    policies = [cat.policy_by_key("cz-2027"), cat.policy_by_key("vgz-2024")]
    rows = {r.key: r for r in requirement_text_rows(policies, role="rho")}
    cell = rows["min_programmes"].cells["vgz-2024"]
    assert [e.kind for e in cell] == ["deferral"] and "Uitwerking inkoopbeleid" in cell[0].text


def test_other_subjects_align_on_their_key_and_mark_silence(cat):
    policies = _pair(cat)
    for rows in (route_text_rows(policies), application_text_rows(policies), registry_text_rows(cat, policies),
                 change_text_rows(policies)):
        assert rows
        for row in rows:
            assert set(row.cells) == {p.key for p in policies}
            if any(not v for v in row.cells.values()):
                assert row.differences == ("niet overal vermeld",)


def test_the_export_has_one_column_per_policy_with_the_full_texts(cat):
    policies = _pair(cat)
    rows = _all_rows(policies)
    table = export_rows(cat, rows, policies, "Onderwerp")
    assert list(table[0]) == ["Onderwerp", "Verschilt in", "CZ 2027", "VGZ 2024"]
    text = "\n".join(v for r in table for v in r.values())
    for r in policies[1].requirements:
        assert r.text in text


def test_the_export_marks_changed_words_between_two_years_of_one_insurer(cat):
    policies = [cat.policy_by_key("cz-2026"), cat.policy_by_key("cz-2027")]
    rows = requirement_text_rows(policies)
    table = export_rows(cat, rows, policies, "Onderwerp", {"cz-2027": "cz-2026"})
    column = "\n".join(r["CZ 2027"] for r in table)
    assert "{+" in column and "[-" in column


def test_a_summarys_sentences_are_not_worded_against_the_full_rule(cat):
    # CZ 2024 is a web page that speaks of requirements in general terms (§2.1: "een door CZ
    # groep erkend kwaliteitsregister"); CZ 2027 §2.1.1 gives the rule. Its sentence is no
    # deletion and CZ 2027's are not new: no word marks on those rows, the texts as they are.
    policies = [cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027")]
    rows = requirement_text_rows(policies)
    register = next(r for r in rows if r.key == "quality_register")
    assert set(register.unsettled) == {"cz-2024"} and not register.words_comparable("cz-2027", "cz-2024")
    table = export_rows(cat, rows, policies, "Onderwerp", {"cz-2027": "cz-2024"})
    column = "\n".join(r["CZ 2027"] for r in table)
    assert "{+" not in column and "[-" not in column
    for record, row in zip(table, rows, strict=True):  # as they are, with why (plain would read "unchanged")
        if "cz-2024" in row.unsettled:
            assert record["CZ 2027"] == (f"{cell_text(row.cells['cz-2027'])}\n(Niet woord voor woord vergeleken: "
                                         "CZ 2024 (samenvatting) spreekt hierover alleen in algemene termen.)")
    note = register.word_note("cz-2027", "cz-2024", {"cz-2024": "CZ 2024 (samenvatting)"})
    assert note == "Niet woord voor woord vergeleken: CZ 2024 (samenvatting) spreekt hierover alleen in algemene termen."
    # ZZ 2024 §5.1 points to its general purchasing policy for the general requirements and lists
    # its own GLI requirements (`own_list`): where it states one, it settles the subject (audit I
    # #4); where it is silent, the note quotes where it points.
    zz_pair = [cat.policy_by_key("vgz-2024"), cat.policy_by_key("zz-2024")]
    zz = {r.key: r for r in requirement_text_rows(zz_pair)}
    assert "zz-2024" not in zz["quality_register"].unsettled
    zz_note = zz["kvk_registration"].word_note("zz-2024", "vgz-2024", {"zz-2024": "ZZ 2024"})
    assert zz_note == ("Niet woord voor woord vergeleken: ZZ 2024 verwijst hiervoor (ook) naar een ander stuk: “Het Algemeen "
                       "zorginkoopbeleid beschrijft de algemene minimum- en kwaliteitseisen.”")
    # The routes, which the summary page does settle (coverage "full"), are still worded.
    routes = route_text_rows(policies)
    assert routes and all(r.words_comparable("cz-2027", "cz-2024") for r in routes)


def test_the_handout_names_the_records_their_documents_and_escapes_data(cat):
    policies = [cat.policy_by_key(k) for k in ("cz-2027", "vgz-2024", "zz-2024", "cz-2024")]
    html = comparison_handout_html(cat, policies, dt.date(2026, 11, 26), role="rho", link="http://x/?a=<b>")
    assert "CZ 2027 · VGZ 2024 · Zorg en Zekerheid 2024 · CZ 2024 (samenvatting)" in html
    assert "26-11-2026" in html and "@page" in html and "<script" not in html
    assert "?a=&lt;b&gt;" in html
    for policy in policies:
        for doc in policy.documents:
            assert cat.source(doc).title.replace("'", "&#x27;") in html
    assert "Min" in html and "minimumeis" in html


def test_hostile_text_in_a_record_stays_text_in_the_handout(cat):
    policy = cat.policy_by_key("cz-2027")
    evil = "<img src=x onerror=alert(1)>"
    period = policy.contract_periods[0].model_copy(update={"duration_text": evil, "duration_years": None})
    hostile = policy.model_copy(update={"contract_periods": [period]})
    html = comparison_handout_html(cat, [hostile], dt.date(2026, 1, 1))
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_register_a_record_with_an_open_list_does_not_name_reads_open_not_unstated(cat):
    # ZZ 2024 §5.1: "CKR, KP of een vergelijkbaar door de zorgverzekeraar goedgekeurd register"
    # (for physiotherapists). VGZ 2024 lists its registers in full (BLCN, KNGF, KABIZ, KP).
    policies = [cat.policy_by_key("vgz-2024"), cat.policy_by_key("zz-2024")]
    kabiz = next(r for r in registry_text_rows(cat, policies) if r.key == "kabiz")
    zz = kabiz.cells["zz-2024"]
    # Open for physiotherapists; for leefstijlcoaches ZZ's list is BLCN alone, in full.
    assert [e.kind for e in zz] == ["open_list", "absent"]
    assert "vergelijkbaar" in zz[0].sources[0].quote and "Fysiotherapeut" in zz[0].detail
    assert "BLCN" in zz[1].sources[0].quote and "Leefstijlcoach" in zz[1].detail and "Fysio" not in zz[1].detail
    assert kabiz.differences == ("soort", "tekst")  # VGZ accepts it
    assert "lijst is open" in export_rows(cat, [kabiz], policies, "Register")[0]["Zorg en Zekerheid 2024"]
    # a register that is no quality register (the KvK) is not stood for by an open list; ZZ's
    # general requirements (with any register they name) stand in the Algemeen zorginkoopbeleid
    kvk = next(r for r in registry_text_rows(cat, [cat.policy_by_key("cz-2027"), *policies]) if r.key == "kvk")
    assert [e.kind for e in kvk.cells["zz-2024"]] == ["deferral"]
    assert "Algemeen zorginkoopbeleid" in kvk.cells["zz-2024"][0].text
    assert "zz-2024" in kvk.unsettled and "zz-2024" not in kvk.complete


def test_a_record_that_names_no_programme_gives_its_criteria_instead_of_not_stated(cat):
    # ZZ 2024 §5.1 names no GLI programme; it asks a GLI in Loket Gezond Leven with score 2 or
    # higher, judged a technical variant by Zorg en Zekerheid. CooL is neither bought nor refused
    # there: the cell gives those criteria with their sources.
    policies = [cat.policy_by_key("cz-2027"), cat.policy_by_key("zz-2024"), cat.policy_by_key("zz-2023")]
    cool = next(r for r in programme_text_rows(cat, policies) if r.key == "cool")
    [zz] = cool.cells["zz-2024"]
    assert zz.kind == "unnamed" and zz.label == "Geen programma genoemd"
    assert "Loket Gezond Leven" in zz.text and "technische variant" in zz.text
    assert [s.section for s in zz.sources] == ["5.1 Minimum- en kwaliteitseisen (Eisen aan de GLI)"] * 2
    assert [e.status for e in cool.cells["cz-2027"]] == ["bought"]  # CZ 2027 names it
    assert cool.cells["zz-2023"] == ()  # the derived 2023 record says nothing of it
    assert cool.differences == ("niet overal vermeld",)


def test_a_document_that_defers_a_subject_points_there_in_its_cell(cat):
    # CZ 2027 sets no tariffs in the document; §4.1 says when CZ informs about them. Its tariff
    # cells quote that, not "niet vermeld", and that is no statement on the tariff itself.
    policies = [cat.policy_by_key("cz-2027"), cat.policy_by_key("zz-2024")]
    rows = tariff_text_rows(policies)
    assert rows
    for row in rows:
        [entry] = row.cells["cz-2027"]
        # §4.1 only says when running contracts will be told: still to come, not settled (audit G #3).
        assert entry.kind == "deferral" and entry.label == "Nog niet vastgelegd"
        assert entry.sources[0].section == "4.1 Tijdpad" and "tarieven voor 2027" in entry.text
        assert cell_text(row.cells["cz-2027"]).startswith("Nog niet vastgelegd: “Informeren over de tarieven")
        assert row.differences == ("niet overal vermeld",)


def test_a_register_missing_from_a_complete_list_reads_not_on_the_list(cat):
    # VGZ 2024 bijlage 2: "lid van de BLCN en/of geregistreerd in het KNGF Kwaliteitsregister, bij
    # KABIZ en/of in het KP-register" (closed; registers settled in full). IRF/KFIR is not on it;
    # CZ 2027 §2.1.1 accepts it. The cell says "not on the list", with the list's words.
    policies = [cat.policy_by_key("cz-2027"), cat.policy_by_key("vgz-2024")]
    rows = {r.key: r for r in registry_text_rows(cat, policies)}
    [vgz] = rows["irf_kfir"].cells["vgz-2024"]
    assert vgz.kind == "absent" and vgz.label == "Niet in de lijst"
    assert "KNGF Kwaliteitsregister" in vgz.sources[0].quote
    assert rows["irf_kfir"].differences == ("soort", "tekst")
    # CZ 2027's three requirements quote one list: one entry, for all their roles.
    [cz] = rows["kngf"].cells["cz-2027"]
    assert cz.kind == "absent" and "RHO" in cz.detail and "Individuele coach" in cz.detail
    # A generic register (ZZ's "het Centraal Kwaliteitsregister") may be a listed one by another
    # name: never "not on the list".
    generic = registry_text_rows(cat, [*policies, cat.policy_by_key("zz-2024")])
    own = next(r for r in generic if r.key == "centraal_kwaliteitsregister")
    assert own.cells["vgz-2024"] == () and own.cells["cz-2027"] == ()


def test_a_topic_only_one_document_speaks_of_reads_alleen_vermeld_not_verschilt(cat):
    # CZ 2024's web page speaks of requirements in general terms; CZ 2027 §2.1.1 asks a valid
    # AGB code. The web page's silence is no difference in policy.
    policies = [cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027")]
    labels = {p.key: cat.policy_label(p) for p in policies}
    agb = next(r for r in requirement_text_rows(policies) if r.key == "agb_code")
    assert agb.differs and agb.only_mentioned()  # not the same everywhere, but no difference in policy
    assert agb.difference_note(labels) == "alleen vermeld in CZ 2027"
    # Where the silent document settles its conditions in full, a minimum requirement it lacks is
    # a difference: VGZ 2024 bijlage 2 has no accredited-training requirement for the individual
    # coach, CZ 2027 §2.1.1 has.
    pair = [cat.policy_by_key("cz-2027"), cat.policy_by_key("vgz-2024")]
    training = next(r for r in requirement_text_rows(pair, "individual_coach") if r.key == "accredited_training")
    assert not training.only_mentioned()
    assert training.difference_note({p.key: cat.policy_label(p) for p in pair}) == "niet overal vermeld"
    # ... but an expectation is not what a full list of conditions settles.
    local = next(r for r in requirement_text_rows(pair, "individual_coach") if r.key == "local_sports_offer")
    assert {e.force for e in local.cells["cz-2027"]} == {"expectation"} and local.only_mentioned()
    # Three records: ZZ 2024 defers its general requirements, but VGZ 2024's full list lacks
    # the hbo level CZ 2027 asks: one complete silence makes it a difference.
    three = [*pair, cat.policy_by_key("zz-2024")]
    hbo = next(r for r in requirement_text_rows(three, "individual_coach") if r.key == "competence_level")
    assert "zz-2024" in hbo.unsettled and "vgz-2024" in hbo.complete and not hbo.only_mentioned()
    # The export says the same in its "Verschilt in" column.
    [record] = export_rows(cat, [agb], policies, "Onderwerp")
    assert record["Verschilt in"] == "alleen vermeld in CZ 2027"


def test_a_third_records_silence_hides_no_difference_between_the_others(cat):
    # CZ 2024 names no register; CZ 2027 §2.1.1 accepts KABIZ, while ZZ 2024 §5.1 asks BLCN of a
    # leefstijlcoach (KABIZ not on that list). The two that speak of KABIZ differ: never
    # "alleen vermeld", however silent the third one is.
    policies = [cat.policy_by_key(k) for k in ("cz-2024", "cz-2027", "zz-2024")]
    kabiz = next(r for r in registry_text_rows(cat, policies) if r.key == "kabiz")
    assert kabiz.differences == ("niet overal vermeld", "soort", "tekst")
    assert not kabiz.only_mentioned()
    # The same for requirements: CZ 2024 (summary) beside two full texts that differ.
    register = next(r for r in requirement_text_rows(policies) if r.key == "quality_register")
    assert "registers" in register.differences


def test_a_condition_a_full_list_leaves_out_reads_not_set_not_not_mentioned(cat):
    # VGZ 2024 lists its minimum requirements in full (coverage requirements: full); CZ 2027
    # §3.3.1 asks an RHO/samenwerkingsverband to offer at least two programmes. VGZ's silence
    # there is "niet gesteld", not "niet vermeld" (which the page says is no "nee").
    rows = {r.key: r for r in requirement_text_rows(_pair(cat))}
    row = rows["min_programmes"]
    assert [e.kind for e in row.cells["cz-2027"]] == ["statement"]
    (entry,) = row.cells["vgz-2024"]
    assert entry.kind == "not_set" and entry.label == "Niet gesteld" and not entry.is_statement
    assert row.stating() == ["cz-2027"] and not row.only_mentioned()
    # An expectation is not on a full list of conditions: its absence elsewhere stays empty.
    for r in rows.values():
        forces = {e.force for es in r.cells.values() for e in es if e.is_statement}
        if forces and forces.isdisjoint(GATING_FORCES):
            assert not any(e.kind == "not_set" for es in r.cells.values() for e in es), r.key
    # A document that does not settle the topic (ZZ 2024 defers its requirements) stays unsettled.
    zz = requirement_text_rows([cat.policy_by_key("cz-2027"), cat.policy_by_key("zz-2024")])
    assert not any(e.kind == "not_set" for r in zz for e in r.cells["zz-2024"])


def test_a_route_a_full_list_of_routes_leaves_out_reads_no_own_route(cat):
    # CZ 2027 §2.2 and ZZ 2024 ch. 3 name their routes in full; ZZ has no RHO route, CZ none
    # for a zorggroep. Not "niet vermeld", and not "does not contract this form" either: an RHO
    # that coordinates chain care may fit ZZ's zorggroep route (the wizard decides by function).
    rows = {r.key: r for r in route_text_rows([cat.policy_by_key("cz-2027"), cat.policy_by_key("zz-2024")])}
    for key, silent in (("rho", "zz-2024"), ("zorggroep", "cz-2027")):
        (entry,) = rows[key].cells[silent]
        assert entry.kind == "not_set" and entry.label == "Geen eigen route" and "Wat geldt voor mij?" in entry.text
        assert not rows[key].only_mentioned() and rows[key].differs
    # Where a document settles only some route kinds (CZ 2024's summary: the five forms, not the
    # run-off or following another insurer), its silence on the others stays "niet vermeld".
    summary = {r.key: r for r in route_text_rows([cat.policy_by_key(k) for k in ("cz-2024", "cz-2027", "zz-2024")])}
    assert summary["runoff"].cells["cz-2024"] == () and summary["follow"].cells["cz-2024"] == ()
    assert [e.kind for e in summary["zorggroep"].cells["cz-2024"]] == ["not_set"]


def test_a_programme_missing_from_a_complete_list_reads_not_on_the_list(cat):
    # CZ 2027 §3.2 lists the programmes it buys in full ("Voor 2027 koopt CZ groep de volgende
    # erkende programma's in"); X-Fittt, which VGZ 2024 buys, is not on it. The cell said "– Niet
    # vermeld in het beleid" (which the page says is no "nee" and "says nothing about it"); the
    # document does settle it, and the wizard already reads it as "niet in de lijst". ZZ 2024 names
    # no programme (its criteria stay), and the derived ZZ 2023 record lists none (still unstated).
    policies = [cat.policy_by_key(k) for k in ("cz-2027", "vgz-2024", "zz-2024", "zz-2023")]
    rows = {r.key: r for r in programme_text_rows(cat, policies)}
    [cz] = rows["x_fittt"].cells["cz-2027"]
    assert cz.kind == "absent" and cz.label == "Niet in de lijst"
    assert cz.sources[0].quote.startswith("Voor 2027 koopt CZ groep de volgende erkende programma")
    assert [e.kind for e in rows["x_fittt"].cells["zz-2024"]] == ["unnamed"]
    assert rows["x_fittt"].cells["zz-2023"] == ()
    assert rows["x_fittt"].differences == ("niet overal vermeld", "soort", "tekst")
    # VGZ 2024's list ("Dit zijn momenteel ...") holds CooL: a statement, not the absent entry.
    assert [e.status for e in rows["cool"].cells["vgz-2024"]] == ["bought"]
    # A summary page that names its programmes in full (CZ 2024 §2.1) reads the same for KD2O.
    summary = {r.key: r for r in programme_text_rows(cat, [cat.policy_by_key("cz-2024"), cat.policy_by_key("cz-2027")])}
    assert [e.kind for e in summary["kd2o"].cells["cz-2024"]] == ["absent"]
    assert not summary["kd2o"].only_mentioned()


def test_a_subject_a_document_states_outside_its_list_reads_elders_in_dit_document_with_its_own_words(cat):
    # Audit D #4: VGZ 2024 says which programmes it reimburses just before its list of
    # requirements ("De GLI's die door het RIVM zijn aangemerkt als effectief ..."). It points
    # nowhere else; its cell read "Verwezen naar elders".
    policies = [cat.policy_by_key("cz-2027"), cat.policy_by_key("vgz-2024")]
    row = next(r for r in requirement_text_rows(policies) if r.key == "programme_recognition")
    [entry] = row.cells["vgz-2024"]
    assert entry.kind == "deferral" and entry.label == "Elders in dit document"
    assert "door het RIVM zijn aangemerkt als effectief" in entry.text
    assert not any("Verwezen" in e.label for cell in row.cells.values() for e in cell)


def test_each_kind_of_deferral_reads_what_its_quote_says(cat):
    # Audit G #3: one label ("Elders geregeld") claimed CZ 2027's pending msv policy and ZZ 2024's
    # pointer to its general policy were settled somewhere.
    labels = {}
    for keys, role in ((("cz-2027", "zz-2024"), "msv"), (("vgz-2024", "zz-2024"), None)):
        for row in requirement_text_rows([cat.policy_by_key(k) for k in keys], role):
            for key, cell in row.cells.items():
                if cell and cell[0].kind == "deferral":
                    labels.setdefault(key, set()).add(cell[0].label)
    assert labels["cz-2027"] == {"Nog niet vastgelegd"}  # for an msv: "publiceren wij hiervoor aanvullend beleid"
    assert labels["zz-2024"] == {"Verwezen naar een ander stuk"}  # "Het Algemeen zorginkoopbeleid beschrijft ..."
    assert "Elders in dit document" in labels["vgz-2024"]


def test_a_requirement_whose_document_names_no_contractant_says_so_in_its_cell(cat):
    # Audit H #7: the cell's "Voor:" named cz-2026's inferred forms as the document's.
    policies = [cat.policy_by_key("cz-2026"), cat.policy_by_key("cz-2027")]
    entries = [e for row in requirement_text_rows(policies, role="rho") for e in row.cells["cz-2026"]
               if "RIVM" in e.text]
    assert entries and all(not e.roles_stated for e in entries)
    assert all(e.detail == "Voor: Individuele coach, Samenwerkingsverband, RHO (het document noemt de contractant "
                           "niet)" for e in entries)


def test_a_register_list_for_some_backgrounds_names_them_in_its_label(cat):
    # LOOK O #7: ZZ 2024's KABIZ cell read "Open lijst" beside "Niet in de lijst": the open list is
    # for a fysiotherapeut (5.1 "of een vergelijkbaar ... register"), the closed one for a leefstijlcoach.
    from policy_model.comparison.text_rows import registry_text_rows

    row = next(r for r in registry_text_rows(cat, [cat.policy_by_key("cz-2027"), cat.policy_by_key("zz-2024")])
               if r.key == "kabiz")
    assert sorted(e.label for e in row.cells["zz-2024"]) == ["Niet in de lijst voor leefstijlcoach",
                                                              "Open lijst voor fysiotherapeut"]
