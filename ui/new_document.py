""""Nieuw beleidsdocument?": a reader holds an insurer's newer policy against the wijzer.

The upload is parsed in a worker process with a time and memory limit
(:mod:`policy_model.curation.worker`), compared with the insurer's newest record
(:mod:`policy_model.curation.new_document`) and shown marked "niet gecontroleerd". Nothing is
written anywhere and nothing is cached across sessions: the result lives in this visitor's
session state only.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.curation.extract import ExtractionError
from policy_model.curation.new_document import (
    FactStanding,
    NewDocumentComparison,
    comparison_from,
    newest_record,
    reader_message,
    record_citations,
)
from policy_model.curation.worker import review_bytes_bounded
from policy_model.wizard.batch import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB
from ui.side_by_side import segments_markdown
from ui.text import md_escape

RESULT_KEY = "nieuw_document_resultaat"
#: A visitor's upload gets less time and memory than a curator's add-source.
READ_SECONDS = 30
READ_MEMORY = 768 * 1024 * 1024


def show_new_document(cat: Catalogue) -> None:
    """The upload, the insurer and the comparison (only after both are given)."""
    st.markdown("#### Nieuw beleidsdocument?")
    st.caption("Heeft u een nieuwer inkoopbeleid van een verzekeraar dan deze wijzer? Kies de verzekeraar en upload "
               f"het document (PDF of HTML, hoogstens {MAX_UPLOAD_MB} MB). U ziet welke feiten "
               "van het nieuwste beleid in de wijzer er nog in staan, welke gewijzigd zijn en wat nieuw is. Het "
               "document wordt niet bewaard en is alleen voor u zichtbaar.")
    insurers = [i for i in cat.insurer_ids if newest_record(cat, i) is not None]
    if not insurers:
        st.info("De wijzer heeft nog geen beleid om een document mee te vergelijken.")
        return
    insurer = st.selectbox("Verzekeraar", insurers, format_func=lambda i: cat.insurer(i).name,
                           key="nieuw_document_verzekeraar")
    upload = st.file_uploader("Beleidsdocument (PDF of HTML)", type=["pdf", "html", "htm"],
                              key="nieuw_document_bestand")
    policy = newest_record(cat, insurer)
    if upload is None or policy is None:
        st.caption(f"Vergeleken wordt met {md_escape(cat.policy_label(policy))}, het nieuwste beleid van "
                   f"{md_escape(cat.insurer(insurer).short_name)} in de wijzer." if policy else "")
        return
    raw = upload.getvalue()
    if len(raw) > MAX_UPLOAD_BYTES:
        st.error(f"Het bestand is groter dan {MAX_UPLOAD_MB} MB en wordt niet gelezen.")
        return
    result = _comparison(cat, insurer, upload.name, raw)
    if isinstance(result, str):
        st.error(result)
        return
    show_comparison(result, cat.insurer(insurer).short_name)


def _comparison(cat: Catalogue, insurer: str, name: str, raw: bytes) -> NewDocumentComparison | str:
    """The comparison, or a Dutch message why there is none; kept for this session only."""
    key = (insurer, hashlib.sha256(raw).hexdigest())
    kept = st.session_state.get(RESULT_KEY)
    if kept is not None and kept[0] == key:
        return kept[1]
    policy = newest_record(cat, insurer)
    citations, facts = record_citations(policy)
    try:
        with st.spinner("Document lezen en vergelijken…"):  # both in the worker, within its limits
            extracted, checks, uncited = review_bytes_bounded(raw, name, citations, timeout=READ_SECONDS,
                                                              memory=READ_MEMORY)
        result: NewDocumentComparison | str = comparison_from(cat, policy, facts, checks, uncited, extracted.text)
    except ExtractionError as exc:
        result = reader_message(exc)
    st.session_state[RESULT_KEY] = (key, result)
    return result


def show_comparison(result: NewDocumentComparison, insurer_name: str) -> None:
    st.warning(f"**Niet gecontroleerd.** Deze vergelijking is automatisch gemaakt tussen uw document en "
               f"{md_escape(result.label)}. Controleer elke passage in het document zelf; de wijzer is niet "
               "bijgewerkt.")
    if not result.names_insurer:
        st.warning(f"Uw document noemt {md_escape(insurer_name)} nergens. Is het wel het beleid van "
                   f"{md_escape(insurer_name)}? Kies anders de verzekeraar van het document.")
    counts = result.counts()
    columns = st.columns(5)
    for column, (label, value) in zip(columns, (("Staat er nog", counts["kept"]),
                                                ("Gewijzigd", counts["changed"]),
                                                ("Alleen ander jaar", counts["year_only"]),
                                                ("Waarschijnlijk verwijderd", counts["probably_deleted"]),
                                                ("Nieuwe passages", counts["new"])), strict=True):
        column.metric(label, value)
    _standings("Gewijzigd", result.of_status("changed"),
               "De passage in uw document die het meest lijkt op het citaat, woord voor woord: "
               ":red[~~doorgestreept~~] staat niet meer in uw document, :green-background[groen] is nieuw.")
    _standings("Alleen het jaar is anders", result.of_status("year_only"),
               "Dezelfde woorden met een ander jaartal: kijk of de data kloppen.")
    _standings("Waarschijnlijk verwijderd", result.of_status("probably_deleted"),
               "Geen passage in uw document lijkt op het citaat. Misschien staat het er in andere woorden.")
    st.markdown(f"##### Nieuwe passages ({len(result.new_passages)})")
    st.caption(f"Wat uw document zegt en geen feit van {md_escape(insurer_name)} in de wijzer citeert.")
    for passage in result.new_passages:
        with st.container(border=True):
            st.markdown(f":gray[{md_escape(passage.section)}]  \n{md_escape(passage.text)}")
    kept = result.of_status("kept")
    with st.expander(f"Staat er nog ({len(kept)})"):
        for standing in kept:
            st.markdown(f"- {md_escape('; '.join(standing.facts))}  \n  :gray[{md_escape(standing.new_section)}]")


def _standings(title: str, standings: list[FactStanding], explanation: str) -> None:
    st.markdown(f"##### {title} ({len(standings)})")
    if not standings:
        return
    st.caption(explanation)
    for standing in standings:
        with st.container(border=True):
            st.markdown("  \n".join(f"**{md_escape(fact)}**" for fact in standing.facts))
            st.markdown(f":gray[In de wijzer ({md_escape(standing.section)}):] {md_escape(standing.quote)}")
            if standing.words:
                st.markdown(f":gray[In uw document ({md_escape(standing.new_section)}):] "
                            f"{segments_markdown(standing.words)}")
            if standing.values:
                st.caption("Uw document noemt: " + md_escape(", ".join(standing.values)))
