"""The handreiking's "checklist borging" filled in for a region: export and resume.

The CSV a user downloads is also the file they upload to continue later, so its format is
read back by :func:`parse_checklist_csv` (tested as a round trip).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from html import escape

from policy_model.csv_text import csv_error_nl, nl_number
from policy_model.reports.report import html_page
from policy_model.schema import Checklist
from policy_model.tabular import csv_cell, is_formula_like

CHECKLIST_COLUMNS = ["id", "groep", "vraag", "antwoord", "toelichting"]


#: Bounds on an uploaded checklist: a real one has a few dozen rows and a short region name.
MAX_PROBLEMS = 20
MAX_REGION_CHARS = 200
MAX_NOTE_CHARS = 2000


def checklist_csv(checklist: Checklist, answers: dict[str, str], notes: dict[str, str], region: str) -> bytes:
    """The filled-in checklist, written like every download (formula-like cells neutralised)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["# regio", csv_cell(region)])
    writer.writerow(CHECKLIST_COLUMNS)
    for item in checklist.items:
        writer.writerow([csv_cell(v) for v in (item.id, item.group, item.question, answers.get(item.id, ""),
                                               notes.get(item.id, ""))])
    return buffer.getvalue().encode("utf-8-sig")


def _cell(value: str) -> str:
    """A cell as the user typed it: the apostrophe :func:`csv_cell` put before a formula removed."""
    value = value.strip()
    return value[1:] if value.startswith("'") and is_formula_like(value[1:]) else value


def parse_checklist_csv(data: bytes, checklist: Checklist) -> tuple[str, dict[str, str], dict[str, str], list[str]]:
    """Region, answers and notes from a downloaded checklist; problems for anything unknown.

    Read strictly, row by row: a broken row (an unclosed quote, a field over the csv limit)
    stops the reading with a Dutch message naming its line, and the answers before it are
    kept; it no longer swallowed the rest of the file (and its answers) without a word.
    """
    problems: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "", {}, {}, ["Het bestand is geen UTF-8-tekst; gebruik het bestand dat u hier downloadde."]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    rows: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1  # the line the next row starts on
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if not rows:
                return "", {}, {}, [f"Het bestand is geen leesbare CSV: regel {nl_number(start)}: {csv_error_nl(exc)}. "
                                    "Gebruik het bestand dat u hier downloadde."]
            problems.append(f"regel {nl_number(start)} en verder niet gelezen: {csv_error_nl(exc)}. De antwoorden "
                            "ervoor zijn overgenomen; controleer de rest.")
            break
        rows.append((start, row))
    region = ""
    if rows and rows[0][1] and rows[0][1][0] == "# regio":
        # The region goes into the page's link: a long one made the next reload fail (HTTP 400).
        first = rows[0][1]
        region = _cell(first[1])[:MAX_REGION_CHARS] if len(first) > 1 else ""
        rows = rows[1:]
    if not rows or [c.strip() for c in rows[0][1][:4]] != CHECKLIST_COLUMNS[:4]:
        return region, {}, {}, [*problems, "Dit is geen ingevulde checklist borging (de kolommen kloppen niet)."]
    ids = {item.id for item in checklist.items}
    options = set(checklist.answer_options)
    answers: dict[str, str] = {}
    notes: dict[str, str] = {}
    for number, row in rows[1:]:
        if not row or not row[0].strip():
            continue
        item_id = row[0].strip()
        answer = row[3].strip() if len(row) > 3 else ""
        if item_id not in ids:
            problems.append(f"regel {number}: onbekende vraag ‘{_short(item_id)}’ overgeslagen")
            continue
        if answer and answer not in options:
            problems.append(f"regel {number}: antwoord ‘{_short(answer)}’ is geen keuzemogelijkheid; overgeslagen")
        elif answer:
            answers[item_id] = answer
        if len(row) > 4 and row[4].strip():
            notes[item_id] = _cell(row[4])[:MAX_NOTE_CHARS]
    if len(problems) > MAX_PROBLEMS:
        hidden = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], f"… en {nl_number(hidden)} meer meldingen (niet getoond)."]
    return region, answers, notes, problems


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def checklist_html(checklist: Checklist, answers: dict[str, str], notes: dict[str, str], region: str,
                   generated: dt.date) -> str:
    body = [f"<h1>{escape(checklist.title)}{' – ' + escape(region) if region else ''}</h1>",
            "<table><tr><th>Onderdeel</th><th>Vraag</th><th>Antwoord</th><th>Toelichting</th></tr>"]
    for item in checklist.items:
        body.append(f"<tr><td>{escape(item.group)}</td><td>{escape(item.question)}</td>"
                    f"<td>{escape(answers.get(item.id, '–'))}</td><td>{escape(notes.get(item.id, ''))}</td></tr>")
    body.append("</table><p class='src'>Checklist uit bijlage 3 van de handreiking ‘Duurzame integrale "
                f"implementatie van de gecombineerde leefstijlinterventie’. {escape(checklist.grouping_note or '')}</p>")
    return html_page(checklist.title, "".join(body), generated)
