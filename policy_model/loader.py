"""Loading the dataset: the one place where YAML files become models.

``load_catalogue`` never raises for bad data. It returns what loaded plus every problem
found (syntax, schema, references), so the validator can list them all and the app can
show a readable error while still working with the parts that loaded.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from policy_model import schema
from policy_model.calendar import CALENDAR_FILE, CalendarFile, calendar_reference_problems
from policy_model.catalogue import Catalogue
from policy_model.integrity import check_integrity
from policy_model.paths import data_dir as default_data_dir
from policy_model.problems import Problem
from policy_model.quotes import quote_problems
from policy_model.yamlio import YamlDocument, read_yaml

CATALOGUE_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": schema.SourcesFile,
    "insurers.yaml": schema.InsurersFile,
    "programmes.yaml": schema.ProgrammesFile,
    "registries.yaml": schema.RegistriesFile,
    "glossary.yaml": schema.GlossaryFile,
    "guidance.yaml": schema.GuidanceFile,
}
POLICY_DIR = "policies"

_HINTS = {
    "extra_forbidden": "unknown field: check its spelling against data/README.md",
    "missing": "required field is missing",
    "literal_error": "not one of the allowed values",
    "date_from_datetime_parsing": "not a real date: write YYYY-MM-DD",
    "date_parsing": "not a real date: write YYYY-MM-DD",
    "date_type": "not a date: write YYYY-MM-DD",
    "int_parsing": "not a whole number",
    "int_type": "not a whole number",
    "bool_parsing": "write true or false",
    "string_type": "expected text",
    "list_type": "expected a list (lines starting with '- ')",
    "model_type": "expected a mapping of fields (key: value)",
    "dict_type": "expected a mapping of fields (key: value)",
    "string_pattern_mismatch": "wrong format",
    "too_short": "too short or empty",
    "finite_number": "not a number that can be used (.inf, .nan, or too large, such as 1e309): write the number",
    "greater_than": "too small",
    "greater_than_equal": "too small",
    "less_than": "too large",
    "less_than_equal": "too large",
}


@dataclass(frozen=True)
class LoadedDocuments:
    """Every file that passed the schema, beside the YAML it came from (for its lines).

    The checks on top of the schema (sections, drafts, values: :mod:`policy_model.curation.checks`)
    read these instead of the files, so ``validate`` reads the dataset once. Policies are all
    that passed the schema, also those whose references do not resolve (the catalogue leaves
    those out; their values are still worth checking).
    """

    catalogue_files: tuple[tuple[YamlDocument, BaseModel], ...] = ()
    policies: tuple[tuple[YamlDocument, schema.Policy], ...] = ()
    sources: tuple[schema.SourceDocument, ...] = ()


@dataclass
class LoadResult:
    """What loaded, and every problem found on the way."""

    catalogue: Catalogue
    problems: list[Problem] = field(default_factory=list)
    data_dir: Path | None = None
    #: Only with ``load_catalogue(..., keep_documents=True)``: the app keeps its result for the
    #: life of the process and has no use for the YAML behind it.
    documents: LoadedDocuments | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _describe(error: dict[str, Any]) -> str:
    hint = _HINTS.get(error["type"])
    message = error["msg"]
    if error["type"] == "value_error":
        message = message.removeprefix("Value error, ")
    elif hint and hint not in message:
        message = f"{hint} ({message})"
    if error["type"] in {"literal_error", "string_type", "int_parsing", "date_from_datetime_parsing", "finite_number",
                         "greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        message += f"; found {error.get('input')!r}"
    return message


def validate_model(doc: YamlDocument, model: type[BaseModel]) -> BaseModel | None:
    """Validate parsed YAML against a model; errors become located problems on ``doc``.

    A file that parsed to nothing (only ``---``, ``null`` or ``~``) is a problem too: it
    used to drop a policy without a word.
    """
    if doc.data is None:
        if not doc.problems:
            doc.problems.append(doc.problem((), "the file holds no data (only '---' or null); fill it in or remove it"))
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            doc.problems.append(doc.problem(loc, _describe(error)))
        return None


def load_catalogue(
    directory: Path | None = None, *, check_quotes: bool = False, keep_documents: bool = False
) -> LoadResult:
    """Load and check the whole dataset under ``directory`` (default: the data folder).

    With ``check_quotes`` every quote is also looked up in its source text (the validator
    does this; the app does not need to on every start). With ``keep_documents`` the result
    also holds the parsed files with their lines (``documents``), for the checks that
    ``validate`` runs on top.
    """
    # Loading allocates some hundred thousand objects that all stay alive until it ends;
    # Python's cycle collector kept scanning them and took half the load time.
    with gc_paused():
        return _load(directory, check_quotes, keep_documents)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause automatic garbage collection for a burst of allocations, then restore it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(directory: Path | None, check_quotes: bool, keep_documents: bool) -> LoadResult:
    root = Path(directory) if directory else default_data_dir()
    problems: list[Problem] = []
    docs: dict[str, YamlDocument] = {}
    parsed: dict[str, Any] = {}

    if not root.is_dir():
        problems.append(Problem(str(root), None, "", "data folder does not exist"))
        return LoadResult(Catalogue(), problems, root, LoadedDocuments() if keep_documents else None)

    for name, model in CATALOGUE_FILES.items():
        doc = read_yaml(root / name, name, root=root)
        docs[name] = doc
        parsed[name] = validate_model(doc, model)
        problems.extend(doc.problems)

    policy_docs: list[tuple[YamlDocument, schema.Policy]] = []
    policy_root = root / POLICY_DIR
    policy_files, skipped = _policy_files(policy_root)
    problems += skipped
    if not policy_files:
        problems.append(Problem(f"{POLICY_DIR}/", None, "", "no policy files (*.yaml) found"))
    for path in policy_files:
        doc = read_yaml(path, f"{POLICY_DIR}/{path.name}", root=root)
        policy = validate_model(doc, schema.Policy)
        problems.extend(doc.problems)
        if policy is not None:
            policy_docs.append((doc, policy))

    def items(name: str, attr: str) -> tuple:
        model = parsed.get(name)
        return tuple(getattr(model, attr)) if model is not None else ()

    calendar_doc = read_yaml(root / CALENDAR_FILE, CALENDAR_FILE, root=root)
    calendar = validate_model(calendar_doc, CalendarFile)
    problems += calendar_doc.problems
    if calendar is not None:
        problems += calendar_reference_problems(calendar_doc, calendar, {s.id for s in items("sources.yaml", "sources")})

    guidance_file = parsed.get("guidance.yaml")
    ref_problems, bad_policies = check_integrity(
        sources=items("sources.yaml", "sources"),
        insurers=items("insurers.yaml", "insurers"),
        programmes=items("programmes.yaml", "programmes"),
        registries=items("registries.yaml", "registries"),
        glossary=items("glossary.yaml", "glossary"),
        guidance=guidance_file.guidance if guidance_file is not None else None,
        policies=policy_docs,
        docs=docs,
    )
    problems.extend(ref_problems)

    parsed_files = [(docs[name], parsed[name]) for name in CATALOGUE_FILES if parsed.get(name) is not None]
    if check_quotes:
        located = parsed_files + policy_docs
        if calendar is not None:
            located.append((calendar_doc, calendar))
        problems.extend(quote_problems(located, items("sources.yaml", "sources")))

    catalogue = Catalogue(
        sources=items("sources.yaml", "sources"),
        insurers=items("insurers.yaml", "insurers"),
        programmes=items("programmes.yaml", "programmes"),
        registries=items("registries.yaml", "registries"),
        glossary=items("glossary.yaml", "glossary"),
        guidance=guidance_file.guidance if guidance_file is not None else None,
        policies=tuple(p for doc, p in policy_docs if doc.file not in bad_policies),
    )
    documents = None
    if keep_documents:
        documents = LoadedDocuments(
            catalogue_files=tuple(parsed_files),
            policies=tuple(policy_docs),
            sources=items("sources.yaml", "sources"),
        )
    return LoadResult(catalogue, sorted(set(problems), key=_sort_key), root, documents)


def _policy_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The ``*.yaml`` files directly in ``policies/``, and a problem for anything else there.

    Policy files are named ``<insurer>-<year>.yaml``. A ``.yml`` or ``.YAML`` file, a file
    in a subfolder or any other file would otherwise be skipped without a word, and the
    app would show fewer facts than the curator thinks it holds.
    """
    if not folder.is_dir():
        return [], []
    files: list[Path] = []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        where = f"{POLICY_DIR}/{path.name}"
        if path.is_dir():
            problems.append(Problem(f"{where}/", None, "", "a folder in policies/ is not read: put policy files "
                                    "directly in policies/"))
        elif path.suffix == ".yaml" and path.stem:
            files.append(path)
        elif path.suffix.lower() in (".yaml", ".yml") or path.name.lower() in (".yaml", ".yml"):
            problems.append(Problem(where, None, "", "not read: policy files end in .yaml (lower case) and are "
                                    "named <insurer>-<year>.yaml; rename it"))
        else:
            problems.append(Problem(where, None, "", "not a policy file (<insurer>-<year>.yaml), so it was not "
                                    "read; move it out of policies/"))
    return files, problems


def _sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.path, problem.message)
