"""Wat geldt voor mij?: what each insurer's policy means for one provider (or a participant)."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.tabular import table_csv_bytes
from policy_model.vocab import (
    BACKGROUND_LABELS,
    ORG_FUNCTION_QUESTIONS,
    ROLE_FUNCTIONS,
    ROLE_SHORT_LABELS,
    ROUTE_ROLE,
    SCOPE_LABELS,
)
from policy_model.wizard.batch import BATCH_COLUMNS
from policy_model.wizard.labels import TRI_WORDS_NL
from policy_model.wizard.models import Assessment
from policy_model.wizard.profile import GGR_LABELS, PROFILE_ROLES, Profile, contradictions
from policy_model.wizard.report import assessment_report_html
from ui.batch import assessed_upload
from ui.citation import show_sourced_lines, source_column_config
from ui.data import catalogue
from ui.export import download_table
from ui.filters import check_url
from ui.glossary import glossary_help
from ui.grid import grid
from ui.guard import download_button
from ui.layout import page_header, provenance_footer
from ui.presentation import presenting
from ui.tables import show_table
from ui.text import Html, html_escape, md_escape, nl_date, today
from ui.wizard_view import (
    Assessments,
    assessment_view,
    assessments_for,
    checklist_table,
    verdict_cards,
)

ROLES = list(PROFILE_ROLES)
ORGANISATION_ROLES = ("coach_network", "rho", "msv")
TRI = {"yes": "Ja", "no": "Nee", "unknown": "Weet ik niet"}
BOOL = {"ja": True, "nee": False, "onbekend": None}
BOOL_LABELS = {"ja": "Ja", "nee": "Nee", "onbekend": "Niet ingevuld"}
#: The explicit "none" answer in a multiple choice: distinct from leaving it empty (not answered).
NONE = "none"
NONE_LABEL = "— Geen —"
#: The functions the page asks an organisation (one provider or not follows from the role).
ASKED_FUNCTIONS = {"coach_network": "f_netwerk", "gp_led_regional": "f_huisartsen",
                   "multidisciplinary_primary_care": "f_multidisciplinair", "coordinates_chain_care": "f_ketenzorg"}
#: What the chosen role means, in our words (the documents' own definitions follow below it).
ROLE_NOTES = {
    "coach": "U levert de GLI als leefstijlcoach: als onderaannemer van een RHO of samenwerkingsverband, of met een "
             "eigen overeenkomst. Per verzekeraar ziet u welke van de twee kan; de eisen aan leefstijlcoaches gelden "
             "in beide gevallen.",
    "individual_coach": "U wilt als leefstijlcoach zelf een overeenkomst met de verzekeraar sluiten.",
    "referrer": "U verwijst een deelnemer (huisarts, bedrijfsarts, medisch specialist) en wilt weten of die in "
                "aanmerking komt.",
}
def answer_list(values: list[str]) -> list[str] | None:
    """A multiselect's answer: nothing chosen is "not answered", ``Geen`` is an explicit none."""
    if not values:
        return None
    return [v for v in values if v != NONE]


def checklist_csv(assessments: list[Assessment], cat: Catalogue) -> bytes:
    """Every insurer's checklist in one CSV; built only when the download is clicked."""
    rows = [{"Verzekeraar": a.insurer_name, "Jaar": a.year, **row} for a in assessments for row in checklist_table(a, cat)]
    return table_csv_bytes(pd.DataFrame(rows))


def show_assessment(assessments: Assessments, index: int, cat: Catalogue) -> None:
    """One insurer's verdict in detail: what today means, reasons, routes, deadlines, how to apply, checklist."""
    a = assessments[index]
    view = assessment_view(assessments, index, cat)
    if view.notice:
        st.warning(view.notice, icon="💡")
    st.info(view.next_step)
    if view.today:
        st.warning(view.today, icon="📅")
    st.html(view.body)  # explanation, reasons, sourced lines, contacts, checks: one element
    if not a.checklist:
        st.info("Het beleid noemt geen eisen voor deze situatie.")
        return
    # The checklist is text at every width (readers read the requirement without opening a cell;
    # a grid cut the "Eis" column at 1024 px). Wide screens also get the same rows as a sortable
    # grid, folded away; phones and a projector do not (no row colouring: a pandas Styler made
    # this table twenty times slower).
    if presenting():  # the cards' smaller source line stays at the projector's 18 px minimum
        st.html(Html(view.cards + "<style>.gli-card .src{font-size:1em}</style>"))
        return
    st.html(view.cards)
    with st.container(key=f"gli_checklist_table_{a.insurer}"), st.expander("Dezelfde checklist als sorteerbare tabel"):
        show_table(view.table, key=f"checklist_{a.insurer}", column_config=source_column_config())


page_header(
    "Wat geldt voor mij?",
    "Vul in wie u bent en wat u heeft; per verzekeraar ziet u of u een overeenkomst kunt krijgen, via welke "
    "route, wat u nog mist en wanneer u moet handelen – elk antwoord met de tekst uit het beleid.",
)
cat = catalogue()
years = [y for y in cat.years if any(not p.partial for p in cat.policies_for(years=[y]))] or cat.years
registry_ids = [r.id for r in cat.registries if r.kind in ("quality_register", "professional_association")]
registry_names = {r.id: r.abbreviation or r.name for r in cat.registries}
programme_names = {p.id: p.name for p in cat.programmes}
insurer_names = {i.id: i.short_name for i in cat.insurers}
check_url({
    "rol": [ROLE_SHORT_LABELS[r] for r in ROLES], "jaar": [str(y) for y in years],
    "achtergrond": BACKGROUND_LABELS.values(), "registers": [*(registry_names[r] for r in registry_ids), NONE_LABEL],
    "licenties": [*programme_names.values(), NONE_LABEL], "vorig_contract": [*insurer_names.values(), NONE_LABEL],
    "kernregio": [*insurer_names.values(), NONE_LABEL],
    "schaal": SCOPE_LABELS.values(), "rho_in_regio": TRI.values(), "sv_in_regio": TRI.values(),
    "eigen_regio": TRI.values(), "ggr": GGR_LABELS.values(), "herhaling": BOOL_LABELS.values(),
    "agb": BOOL_LABELS.values(), "kvk": BOOL_LABELS.values(), "opleiding": BOOL_LABELS.values(),
    "hbo": BOOL_LABELS.values(), **{key: TRI.values() for key in ASKED_FUNCTIONS.values()},
}, extra_known=["aantal", "leeftijd", "modus"])

mode = st.segmented_control("Wat wilt u doen?", ["Eén profiel", "Meerdere coaches (CSV)"], default="Eén profiel",
                            key="modus", bind="query-params")


def tri_bool(label: str, key: str, help_text: str | None = None) -> bool | None:
    choice = st.segmented_control(label, list(BOOL), format_func=BOOL_LABELS.get, default="onbekend",
                                  key=key, bind="query-params", help=help_text)
    return BOOL.get(choice or "onbekend")


def pick_insurers(label: str, key: str, placeholder: str, help_text: str | None = None) -> list[str]:
    """A multiple choice of insurers with an explicit "— Geen —" (no English "Select all")."""
    return st.multiselect(label, [*insurer_names, NONE], format_func=lambda i: NONE_LABEL if i == NONE else
                          insurer_names[i], key=key, bind="query-params", placeholder=placeholder,
                          select_all=False, help=help_text)


def form_definitions(role: str) -> list:
    """The documents' own definitions of the chosen form (route forms of the shown records)."""
    seen, out = set(), []
    for policy in cat.policies_for(years=[year]):
        for route in policy.contract_routes:
            if ROUTE_ROLE[route.route] != role or route.route in ("runoff", "follow"):
                continue
            for form in route.forms:
                if form.kind == "definition" and form.source.quote not in seen:
                    seen.add(form.source.quote)
                    out.append((cat.insurer(policy.insurer).short_name, form.source))
    return out


_steps = iter(range(1, 10))


def step(title: str) -> None:
    st.subheader(f"Stap {next(_steps)} – {title}")


def organisation_questions(role: str) -> dict[str, str]:
    """What the organisation is or does, in plain questions; an unanswered one follows from the role."""
    step("Wat doet uw organisatie?")
    st.caption("Verzekeraars omschrijven hun contractvormen met wat een organisatie is of doet. Uw antwoorden "
               "bepalen welke vorm bij u past, welke naam u ook gebruikt. Niet beantwoord: dan geldt wat uit uw "
               "keuze hierboven volgt.")
    answers = {}
    columns = st.columns(2)
    for n, (function, key) in enumerate(ASKED_FUNCTIONS.items()):
        implied = ROLE_FUNCTIONS.get(role, {}).get(function, "unknown")
        choice = columns[n % 2].segmented_control(
            ORG_FUNCTION_QUESTIONS[function], list(TRI), format_func=TRI.get, key=key, bind="query-params",
            help=f"Niet beantwoord: {TRI_WORDS_NL[implied]} (volgt uit uw keuze).")
        if choice:
            answers[function] = choice
    return answers


if mode == "Meerdere coaches (CSV)":
    st.subheader("Controleer uw onderaannemers in één keer")
    st.markdown(
        "Upload een CSV met één coach per regel. Kolommen (alleen `name` is verplicht): "
        + ", ".join(f"`{c}`" for c in BATCH_COLUMNS)
        + ". Lijsten scheidt u met `|`; ja/nee mag als ja, nee, true of false."
    )
    example = pd.DataFrame([
        {"name": "Coach A", "background": "leefstijlcoach", "registries": "BLCN", "licences": "CooL|SLIMMER",
         "agb_code": "ja", "kvk_registered": "ja", "accredited_training": "ja", "hbo_level": "ja"},
        {"name": "Coach B", "background": "fysiotherapeut", "registries": "KP", "licences": "Beweegkuur",
         "agb_code": "ja", "kvk_registered": "nee", "accredited_training": "", "hbo_level": ""},
    ])
    st.download_button("⬇️ Voorbeeld-CSV", table_csv_bytes(example), file_name="gli-coaches-voorbeeld.csv",
                       mime="text/csv", on_click="ignore", key="batch_example")
    c1, c2 = st.columns(2)
    batch_year = c1.selectbox("Beleidsjaar", years, index=len(years) - 1, key="batch_jaar")
    batch_role = c2.selectbox("Contractvorm van de coaches", ["individual_coach", *ORGANISATION_ROLES],
                              format_func=ROLE_SHORT_LABELS.get, key="batch_rol")
    upload = st.file_uploader("CSV met coaches", type=["csv", "txt"], key="batch_file")
    if upload is not None:
        # Bounded: the upload's size, rows, names, time and warnings (see policy_model.wizard.batch);
        # assessed once per file, in a low-priority process, within the session's time budget (ui.batch).
        result, notes = assessed_upload(upload, batch_role, batch_year)
        problems = notes + (result.problems if result else [])
        if problems:
            st.warning("\n".join(f"- {md_escape(problem)}" for problem in problems))
        if result and result.rows:
            frame = pd.DataFrame(result.rows)
            show_table(frame, key="batch_matrix")
            download_table(frame, f"gli-coaches-{batch_year}", key="batch")
    provenance_footer(cat.policies_for(years=[batch_year]))
    st.stop()

step("Wie bent u?")
# The rows of questions are grids (ui.grid): one block each, laid out as st.columns was.
with grid("who"):
    role = st.selectbox("Ik ben …", ROLES, format_func=ROLE_SHORT_LABELS.get, key="rol", bind="query-params",
                        help=glossary_help("RHO samenwerkingsverband zorggroep"))
    year = st.selectbox("Voor het beleidsjaar", years, index=len(years) - 1, key="jaar", bind="query-params",
                        help="Jaren waarvoor een volledig beleidsdocument beschikbaar is.")
if role in ROLE_NOTES:
    st.caption(ROLE_NOTES[role])
show_sourced_lines(cat, ("", [(f"Zo omschrijft {html_escape(insurer)} deze vorm: “{html_escape(source.quote)}”",
                               source) for insurer, source in form_definitions(role)]))
data: dict = {"role": role, "year": year}

if role == "referrer":
    step("Over de deelnemer")
    with grid("participant", 3):
        age = st.number_input("Leeftijd", min_value=0, max_value=120, value=None, step=1, key="leeftijd",
                              bind="query-params", placeholder="Niet ingevuld")
        ggr = st.selectbox("Gewichtsgerelateerd gezondheidsrisico (GGR)", list(GGR_LABELS), format_func=GGR_LABELS.get,
                           index=None, key="ggr", bind="query-params", placeholder="Niet ingevuld",
                           help=glossary_help("GGR"))
        repeat = tri_bool("Eerder een GLI gevolgd, < 2 jaar geleden afgerond?", "herhaling")
    data.update(participant_age=age, participant_ggr=ggr, participant_repeat=repeat)
else:
    if role in ORGANISATION_ROLES:
        data["functions"] = organisation_questions(role) or None
    step("Wat heeft u?")
    with grid("have"):  # two per row
        if role not in ORGANISATION_ROLES:  # an organisation's coach requirements concern its coaches
            data["background"] = st.selectbox("Beroepsachtergrond", list(BACKGROUND_LABELS),
                                              format_func=BACKGROUND_LABELS.get, index=None, key="achtergrond",
                                              bind="query-params", placeholder="Niet ingevuld")
        data["registries"] = st.multiselect("Registers waarin u (of uw coaches) staat", [*registry_ids, NONE],
                                            format_func=lambda r: NONE_LABEL if r == NONE else registry_names[r],
                                            key="registers", bind="query-params", placeholder="Niet ingevuld",
                                            select_all=False, help=glossary_help("KABIZ BLCN KP CKR KNGF"))
        data["licences"] = st.multiselect("Programmalicenties", [*programme_names, NONE],
                                          format_func=lambda p: NONE_LABEL if p == NONE else programme_names[p],
                                          key="licenties", bind="query-params", placeholder="Niet ingevuld",
                                          select_all=False)
        if role in ORGANISATION_ROLES:
            data["programmes_offered"] = st.number_input("Aantal GLI-programma's dat u aanbiedt", min_value=0,
                                                         max_value=50, value=None, step=1, key="aantal",
                                                         bind="query-params", placeholder="Niet ingevuld")
    # Two per row: four three-option controls side by side do not fit a projector at 18 px.
    with grid("have_papers"):
        data["agb_code"] = tri_bool("AGB-code", "agb", glossary_help("AGB"))
        data["kvk_registered"] = tri_bool("Ingeschreven bij de KvK", "kvk")
        data["accredited_training"] = tri_bool("Geaccrediteerde opleiding leefstijlcoach", "opleiding")
        data["hbo_level"] = tri_bool("Competenties op hbo-niveau", "hbo")
    # An empty selection is "not answered" (to check); "— Geen —" is the answer "none".
    data["registries"] = answer_list(data["registries"])
    data["licences"] = answer_list(data["licences"])
    step("Uw situatie")
    with grid("situation", 3):
        data["region_has_rho"] = st.segmented_control(
            "Is in uw regio een RHO gecontracteerd voor de GLI?", list(TRI), format_func=TRI.get, default="unknown",
            key="rho_in_regio", bind="query-params", help=glossary_help("RHO")) or "unknown"
        data["region_has_network"] = st.segmented_control(
            "… of een samenwerkingsverband van leefstijlcoaches?", list(TRI), format_func=TRI.get, default="unknown",
            key="sv_in_regio", bind="query-params") or "unknown"
        regions = pick_insurers("In de kernregio van welke verzekeraars werkt u?", "kernregio", "Weet ik niet",
                                "De regio waar een verzekeraar preferent is. Van belang waar een beleid onderscheid "
                                "maakt: Zorg en Zekerheid volgt buiten de eigen regio de preferente zorgverzekeraar, "
                                "VGZ sluit een RHO-overeenkomst alleen in een regio waar VGZ preferent is.")
    region_list = answer_list(regions)
    data["in_insurer_region"] = "unknown" if region_list is None else region_list
    with grid("situation_more"):
        # The year the documents mean: "een nieuwe zorgaanbieder voor 2027 is een zorgaanbieder die in 2026 geen
        # contract met ons heeft" (CZ 2027 §3.3.4); VGZ and Zorg en Zekerheid 2024 speak of contracts in 2023.
        data["prior_contract_with"] = answer_list(pick_insurers(
            f"In {year - 1} had ik een GLI-contract met", "vorig_contract", "Niet ingevuld",
            f"Het jaar vóór het gekozen beleidsjaar {year}: daarop letten de documenten bij bestaande en nieuwe "
            "zorgaanbieders."))
        data["scope"] = st.selectbox("Waar levert u zorg?", list(SCOPE_LABELS), format_func=SCOPE_LABELS.get,
                                     index=None, key="schaal", bind="query-params", placeholder="Niet ingevuld")

profile = Profile.model_validate(data)
for note in contradictions(profile):
    st.warning(note, icon="⚠️")
chosen = [k for k in ("registers", "licenties", "vorig_contract", "kernregio") if NONE in (st.session_state.get(k) or [])]
for key in chosen:
    if len(st.session_state[key]) > 1:
        st.warning(f"U koos bij ‘{key.replace('_', ' ')}’ zowel ‘Geen’ als iets anders; ‘Geen’ telt dan niet.", icon="⚠️")

step("Resultaat")
now = today()
assessments = assessments_for(profile, now, cat)
if not assessments:
    st.info(f"Er is geen beleid in deze wijzer; jaren met gegevens: {', '.join(map(str, cat.years))}.")
    st.stop()
st.caption(f"Antwoord voor vandaag, {nl_date(now)}. De link van deze pagina bevat uw antwoorden: bewaar of deel hem "
           "om dit resultaat terug te zien.")

st.html(verdict_cards(assessments))

# Only the open tab runs (on_change="rerun"); the downloads below cover every insurer. The
# labels stay the same when a verdict changes, so the open tab stays open (the verdict
# icons are on the cards above).
tabs = st.tabs([md_escape(a.insurer_name) for a in assessments], key="resultaat_tab", on_change="rerun")
for index, tab in enumerate(tabs):
    if tab.open:
        with tab:
            show_assessment(assessments, index, cat)
downloads = grid("downloads")
download_button(downloads, "⬇️ Checklist (CSV)", partial(checklist_csv, assessments, cat),
                file_name=f"gli-checklist-{year}.csv", mime="text/csv", on_click="ignore", key="checklist_csv")
download_button(downloads, "⬇️ Checklist om af te drukken (HTML/PDF)",
                partial(assessment_report_html, cat, assessments, profile, now),
                file_name=f"gli-checklist-{year}.html", mime="text/html", on_click="ignore", key="checklist_html")
provenance_footer([p for a in assessments if (p := cat.policy(a.insurer, a.year))])
