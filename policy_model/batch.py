"""Batch assessment: a CSV of coaches in, a coach × insurer matrix of verdicts out.

A samenwerkingsverband uses it to check its subcontractors. Names of registers and
programmes may be written as the documents write them (BLCN, "Kwaliteitsregister
Paramedici", CooL); anything unknown is reported with its row and value, and the rest of
the row is still assessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from pydantic import ValidationError

from policy_model.catalogue import Catalogue
from policy_model.profile import Profile
from policy_model.rules import Assessment, assess

LIST_SEPARATORS = ("|", ",", ";", "/")
BOOL_WORDS = {"ja": True, "yes": True, "true": True, "1": True, "j": True, "y": True,
              "nee": False, "no": False, "false": False, "0": False, "n": False}
BATCH_COLUMNS = ["name", "background", "registries", "licences", "agb_code", "kvk_registered",
                 "accredited_training", "hbo_level", "scope", "region_has_rho", "region_has_network",
                 "prior_contract_with", "in_insurer_region", "programmes_offered"]


def _index(items, *fields) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        for name in fields:
            value = getattr(item, name, None)
            values = value if isinstance(value, list) else [value]
            for v in values:
                if v:
                    out[str(v).casefold()] = item.id
    return out


def resolver(catalogue: Catalogue):
    """Functions that map a written register/programme/insurer name to its id, or None."""
    registries = _index(catalogue.registries, "id", "abbreviation", "name", "aliases")
    programmes = _index(catalogue.programmes, "id", "abbreviation", "name", "aliases")
    insurers = _index(catalogue.insurers, "id", "name", "short_name")
    return registries, programmes, insurers


@dataclass
class BatchResult:
    rows: list[dict] = field(default_factory=list)  # one per coach: name + verdict per insurer + unmet
    problems: list[str] = field(default_factory=list)
    assessments: dict[str, list[Assessment]] = field(default_factory=dict)


def _split(value: str) -> list[str]:
    text = value.strip()
    for sep in LIST_SEPARATORS:
        text = text.replace(sep, "|")
    return [part.strip() for part in text.split("|") if part.strip()]


def parse_profile_row(row: dict[str, str], number: int, role: str, year: int, catalogue: Catalogue,
                      problems: list[str]) -> Profile | None:
    """One CSV row to a profile; unknown names are reported and left out."""
    registries, programmes, insurers = resolver(catalogue)
    data: dict = {"role": role, "year": year}
    for key, raw in row.items():
        if key is None:
            problems.append(f"rij {number}: meer waarden dan kolommen")
            continue
        key = key.strip().casefold()
        value = (raw or "").strip()
        if not value or key not in BATCH_COLUMNS:
            if value and key not in BATCH_COLUMNS:
                problems.append(f"rij {number}: onbekende kolom ‘{key}’ genegeerd")
            continue
        if key in ("registries", "licences", "prior_contract_with"):
            table = {"registries": registries, "licences": programmes, "prior_contract_with": insurers}[key]
            ids = []
            for name in _split(value):
                found = table.get(name.casefold())
                if found:
                    ids.append(found)
                else:
                    kind = {"registries": "register", "licences": "programma", "prior_contract_with": "verzekeraar"}[key]
                    problems.append(f"rij {number}: onbekend {kind} ‘{name}’ genegeerd")
            data[key] = ids
        elif key in ("agb_code", "kvk_registered", "accredited_training", "hbo_level"):
            if value.casefold() in BOOL_WORDS:
                data[key] = BOOL_WORDS[value.casefold()]
            else:
                problems.append(f"rij {number}: ‘{value}’ bij {key} is geen ja/nee; genegeerd")
        else:
            data[key] = value
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(x) for x in error["loc"])
            problems.append(f"rij {number}: {where}: {error['msg']} (gevonden: {error.get('input')!r})")
        # Assess what is valid: drop the offending fields and retry once.
        for error in exc.errors():
            data.pop(error["loc"][0], None)
        try:
            return Profile.model_validate(data)
        except ValidationError:
            return None


def assess_batch(text: str, role: str, year: int, catalogue: Catalogue, today: dt.date) -> BatchResult:
    """Assess every coach in a CSV text (comma or semicolon separated, header row required)."""
    result = BatchResult()
    if not text.strip():
        result.problems.append("Het bestand is leeg.")
        return result
    sample = text[:2000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not reader.fieldnames or "name" not in [f.strip().casefold() for f in reader.fieldnames]:
        result.problems.append(
            "De eerste regel moet de kolomnamen bevatten, met ten minste ‘name’. Bekende kolommen: "
            + ", ".join(BATCH_COLUMNS)
        )
        return result
    for number, row in enumerate(reader, start=2):
        profile = parse_profile_row(row, number, role, year, catalogue, result.problems)
        name = next((v for k, v in row.items() if k and k.strip().casefold() == "name"), "") or f"rij {number}"
        if profile is None:
            continue
        assessments = assess(profile, catalogue, today)
        result.assessments[name] = assessments
        out = {"Naam": name}
        for a in assessments:
            out[a.insurer_name] = a.verdict_label
            unmet = [c.topic_label for c in a.checklist if c.status == "unmet"]
            out[f"{a.insurer_name}: niet voldaan"] = "; ".join(dict.fromkeys(unmet))
        result.rows.append(out)
    if not result.rows and not result.problems:
        result.problems.append("Het bestand bevat geen rijen met coaches.")
    return result
