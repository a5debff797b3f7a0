"""The wizard's answer as text people read: the profile in Dutch, the checklist as cards (for a
phone, where a grid needs sideways scrolling), and the printable checklist (one HTML page).

Every piece of data text is escaped with :func:`html.escape`; the printable page has no
scripts and no external resources, a mobile viewport, and prints on A4.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape

from policy_model.catalogue import Catalogue
from policy_model.schema import Source
from policy_model.vocab import BACKGROUND_LABELS, ORG_FUNCTION_LABELS, ROLE_LABELS, SCOPE_LABELS
from policy_model.wizard.labels import (
    GROUP_LABELS,
    GROUP_ORDER,
    GROUP_WORDS,
    PROFILE_KEY_LABELS,
    STATUS_LABELS,
    TRI_WORDS_NL,
    WHEN_LABELS,
)
from policy_model.wizard.models import Assessment, CheckItem
from policy_model.wizard.profile import GGR_LABELS, Profile
from policy_model.wizard.timing import action_day

STATUS_MARKS = {"met": "☑", "unmet": "☒", "to_check": "☐"}
#: Constant CSS for the cards (page and printout): one column, text wraps, nothing wider than the screen.
CARDS_CSS = """
.gli-cards{list-style:none;margin:0 !important;padding:0 !important}
.gli-card{border:1px solid #ccc;border-left:6px solid #999;border-radius:4px;padding:.5rem .6rem;margin:0 0 .5rem !important;
  overflow-wrap:anywhere;line-height:1.4}
.gli-card.unmet{border-left-color:#d55e00}.gli-card.met{border-left-color:#009e73}
.gli-card.to_check{border-left-color:#e69f00}.gli-card.obligation,.gli-card.expectation{border-left-color:#999}
.gli-card .head{font-weight:600}.gli-card .route{font-style:italic}.gli-card .why{margin:.2rem 0}.gli-card .src{color:#555;font-size:.85em}
.gli-card details summary{cursor:pointer}
.gli-fold{margin:.3rem 0 .6rem}.gli-fold>summary{cursor:pointer;font-weight:600;margin-bottom:.5rem}
"""
_PAGE_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:48rem;margin:1rem auto;padding:0 .8rem;
  color:#222;line-height:1.45;font-size:16px;overflow-wrap:anywhere}
h1{font-size:1.5rem} h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid #ccc}
dl.profile{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.5rem 0}
dl.profile dt{font-weight:600} dl.profile dd{margin:0}
@media (max-width:480px){dl.profile{grid-template-columns:1fr} dl.profile dd{margin-bottom:.3rem}}
@media print{body{margin:0;max-width:none} .gli-card{break-inside:avoid}}
"""


def _yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def profile_summary(profile: Profile, catalogue: Catalogue) -> list[tuple[str, str]]:
    """The answers as (Dutch label, Dutch value), only those given: ids become names, yes/no words."""
    names = {
        "registries": lambda ids: ", ".join(catalogue.registry(i).abbreviation or catalogue.registry(i).name
                                            for i in ids) or "geen",
        "licences": lambda ids: ", ".join(catalogue.programme(i).abbreviation or catalogue.programme(i).name
                                          for i in ids) or "geen",
        "prior_contract_with": lambda ids: ", ".join(catalogue.insurer(i).short_name for i in ids) or "geen",
    }
    out = []
    for key, value in profile.model_dump(exclude_none=True).items():
        if value in ("unknown", {}) or key == "name":
            continue
        label = PROFILE_KEY_LABELS.get(key, key)
        if key == "prior_contract_with":
            label = f"GLI-contract in {profile.year - 1} met"
        out.append((label, _value_text(key, value, names)))
    if profile.name:
        out.insert(0, (PROFILE_KEY_LABELS["name"], profile.name))
    return out


def _value_text(key: str, value: object, names: dict) -> str:
    if key in names:
        return names[key](value)
    if key == "role":
        return ROLE_LABELS[value]
    if key == "background":
        return BACKGROUND_LABELS[value]
    if key == "scope":
        return SCOPE_LABELS[value]
    if key == "participant_ggr":
        return GGR_LABELS[value]
    if key == "in_insurer_region":
        return ", ".join(value) if isinstance(value, list) and value else TRI_WORDS_NL.get(str(value), "geen")
    if key == "functions":
        return "; ".join(f"{ORG_FUNCTION_LABELS[f].lower()}: {TRI_WORDS_NL[v]}" for f, v in value.items())
    if isinstance(value, bool):
        return _yes_no(value)
    return TRI_WORDS_NL.get(str(value), str(value))


def _source_html(catalogue: Catalogue, source: Source) -> str:
    doc = catalogue.source(source.document)
    return (f"<div class='src'>{escape(doc.title)}, § {escape(source.section)}: "
            f"“{escape(source.quote)}”</div>")


def card_html(item: CheckItem, catalogue: Catalogue, *, for_paper: bool = False, also: str = "") -> str:
    """One requirement as a card: status and kind, topic, the route it holds under (where not every
    route), the requirement, why, where else the document speaks of the topic (``also``), the source
    (open on paper: a closed disclosure prints closed)."""
    status = STATUS_LABELS[item.status]
    return (f"<li class='gli-card {escape(item.group)}'><div class='head'>{STATUS_MARKS[item.status]} "
            f"{escape(status)} · {escape(_kind_and_topic(item))}</div>"
            + (f"<div class='route'>{escape(item.applies_to)}</div>" if item.applies_to else "")
            + f"<div>{escape(item.text)}</div><div class='why'><i>{escape(item.why)}</i></div>"
            + (f"<div class='route'>{escape(also)}</div>" if also else "")
            + f"<details{' open' if for_paper else ''}><summary>Bron</summary>{_source_html(catalogue, item.source)}"
            "</details></li>")


def _kind_and_topic(item: CheckItem) -> str:
    """"Minimumeis · Kwaliteitsregister"; the kind alone where the topic only repeats it
    ("Uitsluitingsgrond", not "Uitsluitingsgrond · Uitsluitingsgronden"; LOOK O #8)."""
    if item.topic_label.lower().startswith(item.force_label.lower()):
        return item.force_label
    return f"{item.force_label} · {item.topic_label}"


def _also_on_topic(items: list[CheckItem]) -> dict[int, str]:
    """For each card whose topic another card of the same checklist has: where the document says
    more on it ("Het beleid noemt dit onderwerp ook in § 2.1.1"), so two cards on one topic read as
    the document's two places, not as a repetition (CZ 2027 asks a register in §2.1.1 and §3.3.2;
    LOOK O #8)."""
    places: dict[str, list[str]] = {}
    for item in items:
        places.setdefault(item.topic, [])
        if _paragraph(item.source.section) not in places[item.topic]:
            places[item.topic].append(_paragraph(item.source.section))
    out = {}
    for n, item in enumerate(items):
        others = [p for p in places[item.topic] if p != _paragraph(item.source.section)]
        if others and item.topic != "other":  # the catch-all topic ties nothing together
            out[n] = "Het beleid noemt dit onderwerp ook in " + "; ".join(f"§ {p}" for p in others) + "."
    return out


def _paragraph(section: str) -> str:
    """The paragraph a section heading belongs to: its number ("3.3.2" for "3.3.2 Minimumeisen …
    – Aanvullende eisen", "5.1" for ZZ's "5.1 Minimum- en kwaliteitseisen (Eisen aan de GLI)"), or
    the heading before a sub-heading; a sub-heading is no other place (audit P #6)."""
    numbered = re.match(r"(?:Bijlage\s+)?\d+(?:\.\d+)*[.:]?(?=\s|$)", section)
    if numbered:
        return numbered.group(0).rstrip(".:")
    return section.split(" – ")[0].split(" (")[0].strip()


def checklist_cards_html(assessment: Assessment, catalogue: Catalogue, *, for_paper: bool = False) -> str:
    """The checklist of one assessment as a list of cards, by weight, with the counts. On screen the
    insurer's expectations (no condition for a contract) are folded under one line with their number,
    so the conditions come first and the page ends; on paper everything is printed."""
    counts = " · ".join(f"{assessment.groups[g]} {GROUP_WORDS[g]}" for g in GROUP_ORDER)
    items = list(assessment.checklist)
    also = _also_on_topic(items)
    fold = [] if for_paper else [n for n, i in enumerate(items) if i.group == "expectation"]
    cards = "".join(card_html(item, catalogue, for_paper=for_paper, also=also.get(n, ""))
                    for n, item in enumerate(items) if n not in fold)
    out = f"<p><b>Checklist</b> – {escape(counts)}</p><ul class='gli-cards'>{cards}</ul>"
    if fold:
        folded = "".join(card_html(items[n], catalogue, also=also.get(n, "")) for n in fold)
        out += (f"<details class='gli-fold'><summary>{len(fold)} {escape(GROUP_LABELS['expectation'].lower())} "
                f"(geen voorwaarde voor een overeenkomst)</summary><ul class='gli-cards'>{folded}</ul></details>")
    return out


def _assessment_section(a: Assessment, catalogue: Catalogue) -> str:
    marker = " (afgeleid, onvolledig)" if a.partial else ""
    hint = f" – hint: geen beleid {a.requested_year}" if a.hint else ""
    body = [f"<h2>{escape(a.insurer_name)} {a.year}{marker}{escape(hint)}: {escape(a.verdict_label)}</h2>"]
    if a.notice:
        body.append(f"<p><b>Let op:</b> {escape(a.notice)}</p>")
    body += [f"<p><b>Volgende stap:</b> {escape(a.next_step)}</p>", f"<p>{escape(a.explanation)}</p>"]
    if a.time_notes:
        body.append("<p><b>Vandaag:</b> " + " ".join(escape(n) for n in a.time_notes) + "</p>")
    if a.further_reasons:
        body.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in a.further_reasons) + "</ul>")
    if a.actions:
        body.append("<p><b>Wat u kunt doen:</b></p><ul>" + "".join(
            f"<li>{escape(action_day(x))} ({WHEN_LABELS[x.when]}): "
            f"{escape(x.text)}</li>" for x in a.actions) + "</ul>")
    if a.insurer_dates:
        body.append("<p><b>Wat de verzekeraar doet</b> (geen deadline voor u): " + "; ".join(
            f"{d.date:%d-%m-%Y} {escape(d.activity)}" for d in a.insurer_dates) + "</p>")
    body.append(checklist_cards_html(a, catalogue, for_paper=True))
    return "".join(body)


def assessment_report_html(catalogue: Catalogue, assessments: list[Assessment], profile: Profile,
                           generated: dt.date) -> str:
    """The wizard's result as a printable checklist: the profile in Dutch, then per insurer the
    verdict, next step, what today means, the actions and every requirement as a card."""
    rows = "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"
                   for label, value in profile_summary(profile, catalogue))
    body = ["<h1>Wat geldt voor mij? – GLI-inkoopbeleid</h1>",
            f"<p>Stand van {generated:%d-%m-%Y}. Uw antwoorden:</p><dl class='profile'>{rows}</dl>"]
    body += [_assessment_section(a, catalogue) for a in assessments]
    title = "Wat geldt voor mij? – GLI"
    return ("<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{escape(title)}</title><style>{_PAGE_CSS}{CARDS_CSS}</style></head><body>"
            + "".join(body)
            + f"<p class='src'>Gemaakt met de GLI-inkoopwijzer op {generated:%d-%m-%Y}. Elk gegeven komt uit het "
              "genoemde brondocument.</p></body></html>")
