"""Assessments as JSON (the CLI's documented shape) and as plain Dutch text."""

from __future__ import annotations

import datetime as dt

from policy_model.wizard.labels import (
    GROUP_LABELS,
    GROUP_ORDER,
    INSURER_WHEN_LABELS,
    STATUS_LABELS,
    WHEN_LABELS,
)
from policy_model.wizard.models import Assessment
from policy_model.wizard.timing import action_day

STATUS_MARK = {"met": "[x]", "unmet": "[ ]", "to_check": "[?]"}


def assessment_json(a: Assessment) -> dict:
    """``{insurer, year, verdict, reasons, routes, checklist, programmes, registries, deadlines}`` and more."""
    data = a.model_dump(mode="json")
    return {
        "insurer": data["insurer"],
        "year": data["year"],
        "requested_year": data["requested_year"],
        "hint": data["hint"],
        "notice": data["notice"],
        "partial": data["partial"],
        "draft": data["draft"],
        "document_kind": data["document_kind"],
        "verdict": data["verdict"],
        "verdict_label": data["verdict_label"],
        "reasons": data["reasons"],
        "verdict_sources": data["verdict_sources"],
        "explanation": data["explanation"],
        "next_step": data["next_step"],
        "question": data["question"],
        "time_notes": data["time_notes"],
        "routes": data["routes"],
        "groups": data["groups"],
        "checklist": [
            {"topic": c["topic"], "text": c["text"], "status": c["status"], "force": c["force"], "group": c["group"],
             "why": c["why"], "applies_to": c["applies_to"], "source": c["source"]}
            for c in data["checklist"]
        ],
        "programmes": data["programmes"],
        "registries": data["registries"],
        "deadlines": data["deadlines"],
        "insurer_dates": data["insurer_dates"],
        "actions": data["actions"],
        "apply": data["apply"],
        "contacts": data["contacts"],
    }


def assessments_json(assessments: list[Assessment], warnings: list[str], today: dt.date, year: int) -> dict:
    """The whole answer: ``{year, today, warnings, assessments}``; warnings include the hints' notices."""
    notices = [a.notice for a in assessments if a.notice]
    return {"year": year, "today": today.isoformat(), "warnings": warnings + notices,
            "assessments": [assessment_json(a) for a in assessments]}


def assessment_text(assessments: list[Assessment]) -> str:
    lines = []
    for a in assessments:
        if a.notice:
            lines.append(f"!! {a.notice}")
        hint = " (HINT: ander jaar)" if a.hint else ""
        concept = " (concept, niet gecontroleerd)" if a.draft else ""
        lines.append(f"== {a.insurer_name} {a.year}{' (afgeleid)' if a.partial else ''}{concept}{hint}: "
                     f"{a.verdict_label} ==")
        lines.append(a.explanation)
        for reason in a.further_reasons:
            lines.append(f"  - {reason}")
        for note in a.time_notes:
            lines.append(f"  (vandaag) {note}")
        lines.append(f"Volgende stap: {a.next_step}")
        if a.routes:
            lines.append("Route(s): " + "; ".join(r.label + (f" ({', '.join(r.periods)})" if r.periods else "") for r in a.routes))
        for action in a.actions:
            date = action.date.isoformat() if action.date else action.date_text or "geen deadline"
            lines.append(f"  {WHEN_LABELS[action.when]:>13} {date}: {action.text}")
        counts = " · ".join(f"{a.groups[g]} {GROUP_LABELS[g].lower()}" for g in GROUP_ORDER)
        lines.append(f"Checklist: {counts}")
        for item in a.checklist:
            route = f" ({item.applies_to})" if item.applies_to else ""
            lines.append(f"  {STATUS_MARK[item.status]} [{item.force_label}]{route} {item.topic_label}: {item.text} — "
                         f"{STATUS_LABELS[item.status]}: {item.why}")
            lines.append(f"      bron: {item.source.document}, {item.source.section}")
        for p in a.programmes:
            lines.append(f"  programma {p.name}: {p.label}")
        for r in a.registries:
            lines.append(f"  register {r.name}: {r.label}")
        for d in a.deadlines:
            lines.append(f"  {action_day(d)} ({WHEN_LABELS[d.when]}): {d.activity}")
        for d in a.insurer_dates:
            lines.append(f"  verzekeraar {d.date.isoformat()} ({INSURER_WHEN_LABELS[d.when]}): {d.activity}")
        for how in a.apply:
            lines.append(f"  aanvragen via {how.channel}{' ' + how.address if how.address else ''} ({how.when})")
        lines.append("")
    return "\n".join(lines)
