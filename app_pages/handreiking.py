"""Handreiking: the ZonMw guide to organising the GLI, tied to what the insurers demand."""

from __future__ import annotations

from functools import partial

import streamlit as st

from policy_model.guidance.checklist import checklist_csv, checklist_html, parse_checklist_csv
from policy_model.guidance.crossref import guidance_end_year, later_changes, tariff_crossrefs, task_crossrefs
from ui.charts import financing_figure
from ui.citation import show_source, show_sourced_lines, sourced_line
from ui.data import catalogue
from ui.filters import check_url
from ui.glossary import glossary_help
from ui.guard import download_button
from ui.layout import page_header, provenance_footer
from ui.tables import show_sourced_text
from ui.text import html_escape, md_escape, today
from ui.url_state import url_expander

LEVEL_LABELS = {"national": "Landelijk", "regional": "Regionaal", "local": "Lokaal"}
SYSTEM_KIND_LABELS = {"referral": "Verwijzen", "declaration": "Declareren", "both": "Verwijzen en declareren",
                      "other": "Overige systemen en registers"}
# A withholding is on what the insurer pays: the NZa-vergoeding in voorbeeld A, "het tarief dat zij
# van de zorgverzekeraar ontvangen" in Taak 7 (not always the NZa tariff).
MECHANISM_LABELS = {"tariff_withholding": "Inhouding op de vergoeding", "oi_funds": "O&I-gelden",
                    "max_max": "Max-max tarief", "municipality": "Gemeente", "other": "Overig"}


POLICY_TEXT = "Wat het beleid zegt"


def crossref_rows(refs) -> list[dict]:
    return [{"Beleid": r.policy_label, "Soort": r.kind, POLICY_TEXT: r.text, "source": r.source} for r in refs]


presenting = page_header(
    "Handreiking: de GLI organiseren in uw regio",
    "De ZonMw-handreiking ‘Duurzame integrale implementatie van de GLI’ als interactieve gids: 14 taken in "
    "vijf thema's, organisatievormen, financiering, systemen, stakeholders en de checklist borging – "
    "met per onderwerp wat de verzekeraars in hun beleid vastleggen.",
)
cat = catalogue()
guidance = cat.guidance
if guidance is None:
    st.error("De handreiking kon niet worden geladen; zie de melding hierboven.")
    st.stop()
theme_names = {t.id: t.name for t in guidance.themes}
checklist = guidance.checklist
item_keys = {item.id: f"b{n}" for n, item in enumerate(checklist.items, start=1)}
task_keys = {task.number: f"taak{task.number}" for theme in guidance.themes for task in theme.tasks}
check_url({"thema": theme_names.values(), **{k: checklist.answer_options for k in item_keys.values()}},
          extra_known=["regio", "onderdeel", *task_keys.values(), "meer"])
end_year = guidance_end_year(guidance.period)
st.info(f"De handreiking kijkt terug op {md_escape(guidance.period)}. Het beleid van verzekeraars is sindsdien "
        "veranderd; waar dat zo is, staat het bij de taak.", icon="🕰️")
if presenting:  # the summary on demand: the guide's parts start on the first screen
    with st.expander("Waar gaat de handreiking over?"):
        st.markdown(md_escape(guidance.summary))
else:
    st.markdown(md_escape(guidance.summary))

section = st.segmented_control(
    "Onderdeel", ["Taken", "Organisatievormen", "Financiering", "Systemen en stakeholders", "Checklist borging"],
    default="Taken", key="onderdeel", bind="query-params",
) or "Taken"

if section == "Taken":
    chosen = st.pills("Thema", list(theme_names), format_func=lambda t: md_escape(theme_names[t]), selection_mode="multi",
                      key="thema", bind="query-params", help="Kies een of meer thema's; niets gekozen = alle.")
    for theme in guidance.themes:
        if chosen and theme.id not in chosen:
            continue
        st.subheader(md_escape(theme.name))  # headings and labels render Markdown too
        for task in theme.tasks:
            # In the URL, so a link can open a task for a meeting.
            box = url_expander(f"Taak {task.number}: {md_escape(task.title)}", task_keys[task.number])
            if box is None:
                continue
            with box:
                sourced_line(f"**Waarom:** {md_escape(task.why)}", task.source, help=glossary_help(task.why))
                if task.experiences:
                    st.markdown("**Ervaringen en voorbeelden uit de regio's**")
                    for note in task.experiences:
                        sourced_line(f"- {md_escape(note.text)}", note.source)
                changes = later_changes(cat, task.related_topics)
                if changes:
                    st.warning(f"Sinds de handreiking ({end_year}) gewijzigd in het beleid:", icon="🕰️")
                    show_sourced_text(crossref_rows(changes), text=POLICY_TEXT, name=f"taak-{task.number}-wijzigingen",
                                      key=f"changes_{task.number}")
                refs = task_crossrefs(cat, task)
                st.markdown("**Wat de verzekeraars hierover vastleggen**")
                show_sourced_text(crossref_rows(refs), text=POLICY_TEXT, name=f"taak-{task.number}-beleid",
                                  key=f"refs_{task.number}", empty="De beleidsdocumenten zeggen hier niets specifieks over.")

elif section == "Organisatievormen":
    st.subheader("Drie voorbeelden van organisatievormen")
    columns = st.columns(len(guidance.organisation_forms) or 1)
    for column, form in zip(columns, guidance.organisation_forms, strict=False):
        with column.container(border=True):
            st.markdown(f"#### {md_escape(form.name)}")
            st.markdown(f"**Wie contracteert:** {md_escape(form.contracting_party)}")
            st.markdown(f"**Taken:** {md_escape(form.tasks)}")
            st.markdown(f"**Overhead:** {md_escape(form.overhead_financing)}")
            for note in form.notes:
                st.caption(md_escape(note.text))
            show_source(form.source)

elif section == "Financiering":
    st.subheader("Hoe regio's de overhead betalen")
    rows = [
        {"Manier": MECHANISM_LABELS[f.mechanism], "Voorbeeld": f.text,
         "Percentage": (f"{f.percentage_min:g}%" if f.percentage_min == f.percentage_max else
                        f"{f.percentage_min:g}–{f.percentage_max:g}%") if f.percentage_min is not None else "",
         "source": f.source}
        for f in guidance.financing_examples
    ]
    show_sourced_text(rows, text="Voorbeeld", name="handreiking-financiering", key="financing")
    bars = [(f.text, f.percentage_max, f"{MECHANISM_LABELS[f.mechanism]}: {f.text}")
            for f in guidance.financing_examples if f.percentage_min is not None and f.covers_overhead]
    if bars:
        # No tool bar: its tooltips are English only, and a bar chart needs no zoom.
        st.plotly_chart(financing_figure(bars, presenting), key="financing_chart",
                        config={"displaylogo": False, "displayModeBar": False})
    for example in guidance.financing_examples:
        refs = tariff_crossrefs(cat, example)
        if refs and example.mechanism == "max_max":
            st.markdown(f"**{md_escape(example.text)}** – kan dat nog? Wat de verzekeraars zeggen over dit tarief:")
            show_sourced_text(crossref_rows(refs), text=POLICY_TEXT, name=f"tarief-{example.id}", key=f"tariff_{example.id}")
            break

elif section == "Systemen en stakeholders":
    st.subheader("Verwijs- en declaratiesystemen")
    for kind, label in SYSTEM_KIND_LABELS.items():
        systems = [s for s in guidance.systems if s.kind == kind]
        if systems:
            st.markdown(f"**{label}**")
            for system in systems:
                sourced_line(f"- **{md_escape(system.name)}**: {md_escape(system.text)}", system.source)
    st.subheader("Stakeholders")
    # Audit C #32 / G #5: which levels are the handreiking's own and which are ours (data/guidance.yaml).
    if guidance.stakeholder_levels:
        sourced_line(f":small[{md_escape(guidance.stakeholder_levels.text)}]", guidance.stakeholder_levels.source)
    show_sourced_lines(cat, *[
        (f"<b>{label}</b>", [(f"<b>{html_escape(s.name)}</b> – {html_escape(s.role)}", s.source)
                             for s in guidance.stakeholders if s.level == level])
        for level, label in LEVEL_LABELS.items()])

else:
    st.subheader(md_escape(checklist.title))
    st.caption("Vul de checklist in voor uw regio. Uw antwoorden staan in de link van deze pagina; u kunt ze "
               "ook downloaden en later weer uploaden om verder te gaan.")
    upload = st.file_uploader("Eerder ingevulde checklist hervatten (CSV)", type=["csv"], key="checklist_upload")
    if upload is not None and st.session_state.get("_checklist_applied") != upload.file_id:
        region, answers, notes, problems = parse_checklist_csv(upload.getvalue(), checklist)
        for problem in problems:
            st.warning(md_escape(problem))
        if answers or region:
            for item_id, answer in answers.items():
                st.session_state[item_keys[item_id]] = answer
            st.session_state["regio"] = region
            for item_id, note in notes.items():
                st.session_state[f"note_{item_id}"] = note
        st.session_state["_checklist_applied"] = upload.file_id
    region = st.text_input("Regio of samenwerkingsverband", key="regio", bind="query-params")
    answers: dict[str, str] = {}
    notes: dict[str, str] = {}
    if checklist.grouping_note:
        sourced_line(f":small[{md_escape(checklist.grouping_note)}]", checklist.source)
    for group in dict.fromkeys(item.group for item in checklist.items):
        st.markdown(f"**{md_escape(group)}**")
        for item in [i for i in checklist.items if i.group == group]:
            left, right = st.columns([5, 2])
            answer = left.radio(md_escape(item.question), checklist.answer_options, index=None, key=item_keys[item.id],
                                format_func=md_escape,
                                bind="query-params", horizontal=True)
            note = right.text_input("Toelichting", key=f"note_{item.id}", label_visibility="collapsed",
                                    placeholder="Toelichting (optioneel)")
            if answer:
                answers[item.id] = answer
            if note:
                notes[item.id] = note
    st.progress(len(answers) / len(checklist.items), text=f"{len(answers)} van {len(checklist.items)} beantwoord")
    c1, c2 = st.columns(2)
    c1.download_button("⬇️ Checklist (CSV, ook om te hervatten)", checklist_csv(checklist, answers, notes, region),
                       file_name="checklist-borging.csv", mime="text/csv", on_click="ignore", key="checklist_csv")
    download_button(c2, "⬇️ Checklist om af te drukken (HTML/PDF)",
                    partial(checklist_html, checklist, answers, notes, region, today()),
                    file_name="checklist-borging.html", mime="text/html", on_click="ignore", key="checklist_html")
    show_source(checklist.source, label="📄 Bron van de checklist")

more = url_expander("Meer uit de handreiking", "meer")
if more is not None:
    with more:
        rows = [{"Feit": f.text, "source": f.source} for f in guidance.facts]
        show_sourced_text(rows, text="Feit", name="handreiking-feiten", key="guidance_facts")
provenance_footer()
