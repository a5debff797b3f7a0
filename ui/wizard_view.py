"""The result of "Wat geldt voor mij?", made once per answer: the assessments of a profile,
the verdict cards, and per insurer its sourced lines, checklist table and checklist cards.

Every rerun of the wizard (each answer, each tab) asked for the same assessment again and
built the same HTML and tables from it; they are frozen, so they are made once per data
folder, record set, day and profile (:class:`Assessments`' ``ident``) and shared by reruns
and sessions. The verdict cards are one block of escaped HTML drawn as Streamlit's bordered
columns drew them (one element where there were some fifteen).
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import NamedTuple

import pyarrow as pa
import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.wizard.labels import GROUP_ORDER, GROUP_WORDS, STATUS_LABELS, WHEN_LABELS
from policy_model.wizard.models import Assessment
from policy_model.wizard.profile import Profile
from policy_model.wizard.report import CARDS_CSS, checklist_cards_html
from policy_model.wizard.rules import assess
from policy_model.wizard.timing import action_day
from ui.citation import source_columns, sourced_lines_html
from ui.data import catalogue, data_ident
from ui.missing_years import calendar
from ui.tables import table_data
from ui.text import Html, html_escape, md_escape, nl_date

VERDICT_ICONS = {"eligible": "✅", "subcontractor_only": "🔁", "not_eligible": "⛔", "conditional": "❔"}
WHEN_ICONS = {"today": "⏰", "open": "▶️", "upcoming": "🗓️", "past": "✖️"}

# Constant CSS: the verdict cards as Streamlit's bordered containers in equal columns drew
# them (1.67, light theme; stacked on a phone).
VERDICTS_CSS = """<style>
.gli-verdicts { display: grid; gap: 1rem; grid-template-columns: repeat(var(--gli-n, 3), minmax(0, 1fr));
  align-items: start; }
.gli-verdict { display: flex; flex-direction: column; gap: 1rem; min-width: 0; padding: calc(1rem - 1px);
  border: 1px solid rgb(220, 216, 212); border-radius: .5rem; }
.gli-verdict p { margin: 0; line-height: 1.6; overflow-wrap: break-word; }
.gli-verdict b { font-weight: 600; }
.gli-verdict .gli-cap { font-size: .875rem; opacity: .6; }
.gli-verdict h3 { margin: 0 0 -1rem; padding: .75rem 0 1rem; font-family: inherit; font-size: 1.75rem; font-weight: 600;
  line-height: 1.2; letter-spacing: -0.005em; color: inherit; overflow-wrap: break-word; }
.gli-verdict h3 .gli-last { white-space: nowrap; }
.gli-verdict h3 .gli-anchor { display: inline-block; width: 16px; height: 16px; margin-left: 8px; }
@media (max-width: 640px) { .gli-verdicts { grid-template-columns: minmax(0, 1fr); } }
</style>"""

# Constant CSS, with the checklist's cards: the cards' look, and no sortable grid on a phone
# (Streamlit cannot see the screen width: the browser hides it).
CHECKLIST_CSS = f"""<style>
@media (max-width: 640px) {{ [class*="st-key-gli_checklist_table"] {{ display: none !important; }} }}
{CARDS_CSS}
</style>"""


class Assessments(tuple):
    """Every insurer's assessment of one profile (:func:`assessments_for`); ``ident`` says
    which data folder, records, day and profile, so what is made of them is made once."""

    ident: str


# Constant CSS for a tab's body (:func:`tab_body_html`): its parts drawn as the Markdown,
# list and caption elements they were (Streamlit 1.67, light theme), 1rem apart.
TAB_BODY_CSS = """<style>
.gli-tab { display: flex; flex-direction: column; gap: 1rem; }
.gli-tab > p, .gli-tab li { margin: 0; font-size: 1rem; line-height: 1.6; overflow-wrap: break-word; }
.gli-tab > ul { margin: 0; padding: 0; list-style: disc outside; }
.gli-tab > ul > li { margin: .2em 0 0 1.15em; padding-left: .3em; }
.gli-tab > p.gli-tab-cap { font-size: .875rem; opacity: .6; }
.gli-tab > p > b { font-weight: 600; }
.gli-tab > p a, .gli-tab li a { color: rgb(36, 79, 180); }
</style>"""


class AssessmentView(NamedTuple):
    """What one insurer's tab shows that is made of data only; texts as escaped Markdown,
    the body as escaped HTML."""

    notice: str  # a notice about the record ("" for none)
    next_step: str
    today: str  # what today means for the answer ("" for nothing)
    body: Html  # explanation, reasons, sourced lines, contacts, checks: one block (tab_body_html)
    cards: Html  # the checklist as cards, the text every width reads, with :data:`CHECKLIST_CSS`
    table: pa.Table  # the same rows for a sortable grid (wide screens), Arrow or pandas (see ui.tables.table_data)


def assessments_for(profile: Profile, day: dt.date, cat: Catalogue) -> Assessments:
    """The assessments of ``profile`` on ``day``, computed once (the models are frozen)."""
    ident = data_ident(" ".join(p.key for p in cat.policies), day.isoformat(), profile.model_dump_json())
    return _assessments(ident=ident, _profile=profile, _day=day)


@st.cache_resource(max_entries=64, show_spinner=False)
def _assessments(ident: str, _profile: Profile, _day: dt.date) -> Assessments:
    # ``ident`` holds everything the answer depends on: folder, records, day and profile.
    out = Assessments(assess(_profile, catalogue(), _day, calendar()))
    out.ident = ident
    return out


def group_counts(a: Assessment) -> str:
    """``1 niet voldaan · 4 na te gaan · 3 voldaan · 2 verplichtingen · 5 verwachtingen``."""
    return " · ".join(f"{a.groups[g]} {GROUP_WORDS[g]}" for g in GROUP_ORDER)


def checklist_table(a: Assessment, cat: Catalogue) -> list[dict]:
    """The checklist of one assessment as table rows, by weight (unmet minimum requirements
    and exclusion grounds first, expectations last), each with its source; where a requirement
    holds under only some of the routes the organisation may take, a column says which."""
    routes = any(c.applies_to for c in a.checklist)
    return [
        {"Status": ("❗ " if c.status == "unmet" else "") + STATUS_LABELS[c.status], "Soort": c.force_label,
         "Onderwerp": c.topic_label, **({"Route": c.applies_to or "Elke route"} if routes else {}), "Eis": c.text,
         "Toelichting": c.why, **source_columns(c.source, cat)}
        for c in a.checklist
    ]


def verdict_card_html(a: Assessment) -> str:
    """One insurer's verdict: record, a hint when it is another year's, the verdict, the counts. Escaped."""
    head = f"<p><b>{escape(a.insurer_name)} {a.year}</b>{' <em>(afgeleid)</em>' if a.partial else ''}</p>"
    hint = (f"<p class='gli-cap'>💡 Hint: geen beleid voor {a.requested_year}; dit is het beleid van {a.year}.</p>"
            if a.hint else "")
    # The heading keeps the room of the link icon Streamlit puts after a heading's last word,
    # so it wraps as it did.
    words, _, last = f"{VERDICT_ICONS[a.verdict]} {a.verdict_label}".rpartition(" ")
    heading = (f"{escape(words)} <span class='gli-last'>{escape(last)}"
               "<span class='gli-anchor' aria-hidden='true'></span></span>")
    return (f"<div class='gli-verdict'>{head}{hint}<h3>{heading}</h3>"
            f"<p class='gli-cap'>{escape(group_counts(a))}</p></div>")


def verdict_cards(assessments: Assessments) -> Html:
    """Every insurer's verdict card side by side, with their style sheet."""
    return _verdict_cards(ident=assessments.ident, _assessments=assessments)


@st.cache_resource(max_entries=64, show_spinner=False)
def _verdict_cards(ident: str, _assessments: Assessments) -> Html:
    cards = "".join(verdict_card_html(a) for a in _assessments)
    return Html(f"<div class='gli-verdicts' style='--gli-n: {len(_assessments)}'>{cards}</div>{VERDICTS_CSS}")


def assessment_lines_html(a: Assessment, cat: Catalogue) -> str:
    """The sourced lines of one insurer's tab: why, the routes, what to do when, what the
    insurer does, how to apply."""
    return sourced_lines_html(
        cat,
        [
            ("", [(f"Bron: {html_escape(source.section)}", source) for source in a.verdict_sources[:4]]),
            ("<b>Route en looptijd</b>", [
                (f"{html_escape(route.label)}{' (na te gaan of uw organisatie hieronder valt)' if route.fit == 'maybe' else ''}"
                 f" – {html_escape('; '.join(route.periods) or 'looptijd niet vermeld')}", route.source)
                for route in a.routes]),
            ("<b>Wat u kunt doen, en wanneer</b> (ten opzichte van vandaag)", [
                (f"{WHEN_ICONS[action.when]} <b>{html_escape(action_day(action))}</b> "
                 f"({escape(WHEN_LABELS[action.when])}) – {html_escape(action.text)}", action.source)
                for action in a.actions]),
            ("<b>Wat de verzekeraar doet</b> (geen deadline voor u)",
             [(f"{nl_date(item.date)} – {html_escape(item.activity)}", item.source) for item in a.insurer_dates]),
            ("<b>Zo vraagt u aan</b>", [
                (f"{html_escape(how.channel)} {html_escape(how.address or '')} ({html_escape(how.when)}): "
                 f"{html_escape(how.text)}", how.source)
                for how in a.apply]),
        ],
    )


def tab_body_html(a: Assessment, cat: Catalogue) -> str:
    """The plain text of one insurer's tab as one block of escaped HTML, drawn as its
    separate elements were: the explanation, each reason as a list item, the sourced
    lines, the contacts as a caption, what the answers mean per programme and register."""
    parts = [f"<p>{html_escape(a.explanation)}</p>"]
    parts += [f"<ul><li>{html_escape(reason)}</li></ul>" for reason in a.further_reasons]
    lines = assessment_lines_html(a, cat)
    if lines:
        parts.append(lines)
    if a.contacts:
        contacts = " · ".join(html_escape(f"{c.channel}: {c.address}") for c in a.contacts)
        parts.append(f"<p class='gli-tab-cap'>Vragen? {contacts}</p>")
    parts += [f"<p>Programma <b>{html_escape(p.name)}</b>: {html_escape(p.label)}</p>" for p in a.programmes]
    parts += [f"<p>Register <b>{html_escape(r.name)}</b>: {html_escape(r.label)}</p>" for r in a.registries]
    return f"<div class='gli-tab'>{''.join(parts)}</div>{TAB_BODY_CSS}"


def assessment_view(assessments: Assessments, index: int, cat: Catalogue) -> AssessmentView:
    """What the tab of ``assessments[index]`` shows that is made of data only, made once."""
    return _assessment_view(ident=f"{assessments.ident}\x1f{index}", _a=assessments[index], _cat=cat)


@st.cache_resource(max_entries=256, show_spinner=False)
def _assessment_view(ident: str, _a: Assessment, _cat: Catalogue) -> AssessmentView:
    a = _a
    return AssessmentView(
        notice=md_escape(a.notice) if a.notice else "",
        next_step=f"**Volgende stap:** {md_escape(a.next_step)}",
        today=(f"**Vandaag ({nl_date(a.today)}):** " + " ".join(md_escape(n) for n in a.time_notes)
               if a.time_notes else ""),
        body=Html(tab_body_html(a, _cat)),
        cards=Html(checklist_cards_html(a, _cat) + CHECKLIST_CSS),
        table=table_data(checklist_table(a, _cat)),
    )
