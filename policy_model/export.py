"""Export the dataset as one JSON document or one tidy CSV table, and the JSON Schema.

The JSON export is the models dumped as they are (ISO dates, ids), under the top-level
keys ``sources, insurers, programmes, registries, glossary, guidance, policies``. Its
schema is generated from :class:`DatasetExport`, so it cannot drift from the models.

CSV: UTF-8 with a byte-order mark and ``;`` as separator, so it opens cleanly in a
Dutch-language Excel by double-click; one row per fact (see :mod:`policy_model.facts`).
"""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict

from policy_model.catalogue import Catalogue
from policy_model.facts import FACT_COLUMNS, all_facts, fact_dicts
from policy_model.schema import (
    GlossaryTerm,
    Guidance,
    Insurer,
    Policy,
    Programme,
    Registry,
    SourceDocument,
)
from policy_model.tabular import CSV_SEPARATOR, csv_bytes, csv_text

__all__ = ["CSV_SEPARATOR", "DatasetExport", "csv_bytes", "export_csv", "export_json", "export_json_schema"]


class DatasetExport(BaseModel):
    """The shape of ``python -m policy_model export --format json``."""

    model_config = ConfigDict(extra="forbid", title="GLI-inkoopwijzer dataset export")

    sources: list[SourceDocument]
    insurers: list[Insurer]
    programmes: list[Programme]
    registries: list[Registry]
    glossary: list[GlossaryTerm]
    guidance: Guidance | None
    policies: list[Policy]


def to_export_model(catalogue: Catalogue) -> DatasetExport:
    return DatasetExport(
        sources=list(catalogue.sources),
        insurers=list(catalogue.insurers),
        programmes=list(catalogue.programmes),
        registries=list(catalogue.registries),
        glossary=list(catalogue.glossary),
        guidance=catalogue.guidance,
        policies=catalogue.policies_for(),
    )


def export_json(catalogue: Catalogue) -> str:
    data = to_export_model(catalogue).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_csv(catalogue: Catalogue) -> str:
    """The tidy table as text; write it with encoding ``utf-8-sig`` (see :func:`csv_bytes`).

    Written by the app's table writer (:mod:`policy_model.tabular`), so a data text that
    starts like a formula is neutralised here too.
    """
    rows = ([row.get(column) for column in FACT_COLUMNS] for row in fact_dicts(all_facts(catalogue)))
    return csv_text(FACT_COLUMNS, rows)


def export_json_schema() -> str:
    schema = DatasetExport.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
