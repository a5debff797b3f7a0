"""Assessments as JSON (the CLI's documented shape) and as plain Dutch text."""

from __future__ import annotations

from policy_model.rules import STATUS_LABELS, Assessment

STATUS_MARK = {"met": "[x]", "unmet": "[ ]", "to_check": "[?]"}


def assessment_json(a: Assessment) -> dict:
    """``{insurer, year, verdict, reasons, routes, checklist, programmes, registries, deadlines}`` and more."""
    data = a.model_dump(mode="json")
    return {
        "insurer": data["insurer"],
        "year": data["year"],
        "partial": data["partial"],
        "verdict": data["verdict"],
        "verdict_label": data["verdict_label"],
        "reasons": data["reasons"],
        "explanation": data["explanation"],
        "routes": data["routes"],
        "checklist": [
            {"topic": c["topic"], "text": c["text"], "status": c["status"], "why": c["why"], "source": c["source"]}
            for c in data["checklist"]
        ],
        "programmes": data["programmes"],
        "registries": data["registries"],
        "deadlines": data["deadlines"],
        "apply": data["apply"],
        "contacts": data["contacts"],
    }


def assessment_text(assessments: list[Assessment]) -> str:
    lines = []
    for a in assessments:
        lines.append(f"== {a.insurer_name} {a.year}{' (afgeleid)' if a.partial else ''}: {a.verdict_label} ==")
        lines.append(a.explanation)
        for reason in a.reasons:
            lines.append(f"  - {reason}")
        if a.routes:
            lines.append("Route(s): " + "; ".join(r.label + (f" ({', '.join(r.periods)})" if r.periods else "") for r in a.routes))
        for item in a.checklist:
            lines.append(f"  {STATUS_MARK[item.status]} {item.topic_label}: {item.text} — {STATUS_LABELS[item.status]}: {item.why}")
            lines.append(f"      bron: {item.source.document}, {item.source.section}")
        for p in a.programmes:
            lines.append(f"  programma {p.name}: {p.label}")
        for r in a.registries:
            lines.append(f"  register {r.name}: {r.label}")
        for d in a.deadlines:
            lines.append(f"  deadline {d.date.isoformat()}: {d.activity}")
        for how in a.apply:
            lines.append(f"  aanvragen via {how.channel}{' ' + how.address if how.address else ''} ({how.when})")
        lines.append("")
    return "\n".join(lines)
