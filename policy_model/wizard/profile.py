"""The "wat geldt voor mij?" profile: who the user is, what they have, their situation.

Everything but ``role`` and ``year`` is optional. ``None`` means "not answered", which the
rules turn into "to check" — never into a yes or a no. An explicit "none" (``[]``, or the
word ``none``/``geen`` in a file or CSV) is an answer: no licence, no previous contract.

:func:`normalise_input` turns what a person writes (ids or names, any case: ``BLCN``,
``blcn``, ``CooL``, ``Zorg en Zekerheid``, ``Diëtist``) into ids, and reports every value it
does not know as an error naming the valid values and the closest match. The command line,
the batch CSV and the page all use it, so the same spelling works everywhere.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from policy_model.schema import Id
from policy_model.vocab import (
    BACKGROUND_LABELS,
    ORG_FUNCTION_LABELS,
    ROLE_LABELS,
    ROLE_SHORT_LABELS,
    SCOPE_LABELS,
    Background,
    OrgFunction,
    Scope,
)
from policy_model.yamlio import read_yaml

ProfileRole = Literal["coach", "individual_coach", "coach_network", "rho", "msv", "referrer"]
#: The roles in the order the wizard offers them. ``coach``: a lifestyle coach who delivers the
#: GLI, as subcontractor or with an own contract; the answer says which of the two an insurer allows.
PROFILE_ROLES: tuple[str, ...] = ("coach", "individual_coach", "coach_network", "rho", "msv", "referrer")
#: The roles of one coach (with an own contract or as subcontractor) and of an organisation. An
#: organisation's coach requirements concern its coaches, never its own professional background.
COACH_ROLES: tuple[str, ...] = ("coach", "individual_coach")
ORGANISATION_ROLES: tuple[str, ...] = ("coach_network", "rho", "msv")
Tri = Literal["yes", "no", "unknown"]
GGR = Literal["none", "moderate", "high"]
GGR_LEVEL = {"none": 0, "moderate": 1, "high": 2}
GGR_LABELS = {"none": "Niet verhoogd", "moderate": "Matig verhoogd", "high": "Hoog"}
#: Where the README lists the profile keys; named in the message for an unknown key.
README_SECTION = "README.md, sectie ‘\"Wat geldt voor mij?\"’"


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    role: ProfileRole
    year: int = Field(ge=2000, le=2100)
    name: str | None = None
    background: Background | None = None
    registries: list[Id] | None = None
    licences: list[Id] | None = None
    programmes_offered: int | None = Field(default=None, ge=0, le=50)
    agb_code: bool | None = None
    kvk_registered: bool | None = None
    accredited_training: bool | None = None
    hbo_level: bool | None = None
    region_has_rho: Tri = "unknown"
    region_has_network: Tri = "unknown"
    prior_contract_with: list[Id] | None = Field(
        default=None, description="Insurers with whom the provider had a GLI contract; [] = none, None = not answered."
    )
    scope: Scope | None = None
    in_insurer_region: Tri | list[Id] = Field(
        default="unknown",
        description="yes/no/unknown for every insurer, or the insurers in whose core region the provider works.",
    )
    participant_age: int | None = Field(default=None, ge=0, le=120)
    participant_ggr: GGR | None = None
    participant_repeat: bool | None = Field(
        default=None, description="Referrer mode: followed a GLI that ended less than two years ago."
    )
    functions: dict[OrgFunction, Tri] | None = Field(
        default=None,
        description="What the organisation is or does (vocab ORG_FUNCTION_LABELS), yes/no/unknown each; "
        "what is not answered follows from the role where the role settles it.",
    )

    @field_validator("region_has_rho", "region_has_network", "in_insurer_region", mode="before")
    @classmethod
    def _yaml_booleans(cls, value: object) -> object:
        # YAML 1.1 reads an unquoted yes/no as a boolean; accept that spelling too.
        if isinstance(value, bool):
            return "yes" if value else "no"
        return value

    @field_validator("functions", mode="before")
    @classmethod
    def _yaml_boolean_functions(cls, value: object) -> object:
        if isinstance(value, dict):
            return {k: ("yes" if v else "no") if isinstance(v, bool) else v for k, v in value.items()}
        return value

    @property
    def contracting_role(self) -> str:
        """The role whose routes and requirements apply: a coach is assessed for an own contract
        (individual_coach), and the requirements on every coach apply to it anyway."""
        return "individual_coach" if self.role == "coach" else self.role

    #: A batch row: one coach, assessed under the contract form its role names ("Contractvorm van de
    #: coaches"), whose background is its own. Not a key of a profile file: see :meth:`as_one_coach`.
    _one_coach: bool = PrivateAttr(default=False)

    def as_one_coach(self) -> Profile:
        """This profile as one coach under the contract form of its role (a row of the batch CSV)."""
        copy = self.model_copy()
        copy._one_coach = True
        return copy

    @property
    def is_organisation(self) -> bool:
        """An RHO, samenwerkingsverband or zorggroep: it answers for its coaches, who have many backgrounds."""
        return self.role in ORGANISATION_ROLES and not self._one_coach

    @property
    def coach_background(self) -> Background | None:
        """The background a coach requirement is held against: a coach's own, never an organisation's
        (ZZ 2024 §5.1 "Aanvullende eisen aan de leefstijlcoach met achtergrond ..." concern its coaches)."""
        return None if self.is_organisation else self.background

    def region_for(self, insurer: str) -> Tri:
        """Whether the provider works in ``insurer``'s core region."""
        if isinstance(self.in_insurer_region, list):
            return "yes" if insurer in self.in_insurer_region else "no"
        return self.in_insurer_region

    def had_contract_with(self, insurer: str) -> bool | None:
        """True/False where the profile says, None where the question was not answered."""
        if self.prior_contract_with is None:
            return None
        return insurer in self.prior_contract_with


#: Keys that only a referrer's answer uses, and keys that only a provider's answer uses.
REFERRER_KEYS = ("participant_age", "participant_ggr", "participant_repeat")
PROVIDER_KEYS = ("background", "registries", "licences", "programmes_offered", "agb_code", "kvk_registered",
                 "accredited_training", "hbo_level", "region_has_rho", "region_has_network", "prior_contract_with",
                 "scope", "in_insurer_region", "functions")
#: Keys about an organisation, not about one coach; and about one coach, not an organisation.
ORGANISATION_KEYS = ("programmes_offered",)
COACH_KEYS = ("background",)


def inapplicable_keys(profile: Profile) -> list[str]:
    """Answered keys that the profile's role does not use: each a warning, never silently dropped."""
    role = profile.role
    if role == "referrer":
        unused = PROVIDER_KEYS
    elif role in COACH_ROLES:
        unused = REFERRER_KEYS + ORGANISATION_KEYS
    else:
        unused = REFERRER_KEYS + COACH_KEYS
    label = ROLE_SHORT_LABELS[role].lower()
    return [f"‘{key}’ geldt niet voor de rol {label} en telt niet mee in het antwoord."
            for key in Profile.model_fields if key in unused and key in profile.model_fields_set
            and getattr(profile, key) not in (None, "unknown")]


def contradictions(profile: Profile) -> list[str]:
    """Answers that do not fit together: a gentle warning, not an error."""
    notes = []
    if profile.licences == [] and profile.programmes_offered:
        notes.append(
            f"U geeft aan geen licentie te hebben, maar wel {profile.programmes_offered} programma('s) aan te bieden."
        )
    if profile.licences and profile.programmes_offered is not None and profile.programmes_offered < len(profile.licences):
        notes.append("U heeft meer programmalicenties dan het aantal programma's dat u zegt aan te bieden.")
    if profile.role == "referrer" and (profile.registries or profile.licences):
        notes.append("Als verwijzer zijn registers en licenties niet van belang; die worden genegeerd.")
    return notes


# --------------------------------------------------------------------------- forgiving input

NONE_WORDS = frozenset({"none", "geen", "nee", "no", "-", "niets", "geen enkele"})
UNANSWERED_WORDS = frozenset({"", "unknown", "onbekend", "weet ik niet", "niet ingevuld", "?"})
TRI_WORDS = {"yes": "yes", "ja": "yes", "j": "yes", "y": "yes", "true": "yes",
             "no": "no", "nee": "no", "n": "no", "false": "no",
             "unknown": "unknown", "onbekend": "unknown", "weet ik niet": "unknown", "?": "unknown"}
BOOL_WORDS = {"ja": True, "yes": True, "true": True, "1": True, "j": True, "y": True,
              "nee": False, "no": False, "false": False, "0": False, "n": False}
LIST_SEPARATORS = ("|", ",", ";", "/")
LIST_KEYS = ("registries", "licences", "prior_contract_with")
BOOL_KEYS = ("agb_code", "kvk_registered", "accredited_training", "hbo_level", "participant_repeat")
TRI_KEYS = ("region_has_rho", "region_has_network")
CHOICE_KEYS = ("role", "background", "scope", "participant_ggr")


def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``Diëtist`` and ``dietist`` match."""
    decomposed = unicodedata.normalize("NFKD", str(text).strip().casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


#: "Bedoelde u ...?" lookups one set of tables does (tables are built per profile, per
#: batch upload): each is a fuzzy comparison with every known name, and a hostile upload
#: asked for a million of them. Repeated names are looked up once (cached).
MAX_FUZZY_LOOKUPS = 200
#: Most names one answer may list (registers, licences, insurers): there are about fifteen of
#: each, so a longer list is not an answer, and each unknown name costs a lookup.
MAX_LIST_ITEMS = 30
#: Errors said about one profile; the rest are counted.
MAX_PROFILE_ERRORS = 20
#: Longest written name a suggestion is looked for: every real name is far shorter, and a
#: fuzzy match costs time in the product of the lengths.
MAX_FUZZY_CHARS = 80


@dataclass
class NameTable:
    """Written names (ids, abbreviations, names, aliases, labels) -> id, and what to show.

    The suggestions of :meth:`closest` are cached and capped at :data:`MAX_FUZZY_LOOKUPS`
    per table.
    """

    kind: str
    lookup: dict[str, str] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)  # id -> how the valid values are listed
    fuzzy_left: int = MAX_FUZZY_LOOKUPS
    _near: dict[str, str | None] = field(default_factory=dict, repr=False)

    def add(self, id_: str, *names: object, show: str | None = None) -> None:
        self.shown.setdefault(id_, show or id_)
        for name in names:
            for value in (name if isinstance(name, list | tuple) else [name]):
                if value:
                    self.lookup.setdefault(fold(value), id_)

    def get(self, written: str) -> str | None:
        return self.lookup.get(fold(written))

    def closest(self, written: str) -> str | None:
        """The valid value most like ``written`` ("did you mean"), if one is close enough."""
        key = fold(written)
        if key in self._near:
            return self._near[key]
        if len(key) > MAX_FUZZY_CHARS or self.fuzzy_left <= 0:
            return None
        self.fuzzy_left -= 1
        match = difflib.get_close_matches(key, list(self.lookup), n=1, cutoff=0.75)
        self._near[key] = self.shown[self.lookup[match[0]]] if match else None
        return self._near[key]

    def hint(self, written: str) -> str:
        """`` (bedoelde u ‘BLCN’?)``, or that no suggestion was looked for (the cap), or nothing."""
        key = fold(written)
        capped = key not in self._near and self.fuzzy_left <= 0 and len(key) <= MAX_FUZZY_CHARS
        near = self.closest(written)
        if near:
            return f" (bedoelde u ‘{near}’?)"
        return " (niet op spelling vergeleken: er zijn te veel onbekende namen)" if capped else ""

    def unknown_message(self, written: str, key: str) -> str:
        near = self.closest(written)
        hint = f" Bedoelde u ‘{near}’?" if near else ""
        valid = ", ".join(self.shown.values())
        return f"onbekend {self.kind} ‘{_short(written)}’ bij {key}.{hint} Geldige waarden: {valid}."


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def name_tables(catalogue) -> dict[str, NameTable]:
    """The name tables for every key with a fixed set of values (built once per catalogue)."""
    registries = NameTable("register")
    for r in catalogue.registries:
        registries.add(r.id, r.id, r.abbreviation, r.name, r.aliases, show=r.abbreviation or r.name)
    programmes = NameTable("programma")
    for p in catalogue.programmes:
        programmes.add(p.id, p.id, p.abbreviation, p.name, p.aliases, show=p.abbreviation or p.name)
    insurers = NameTable("verzekeraar")
    for i in catalogue.insurers:
        insurers.add(i.id, i.id, i.name, i.short_name, [e.name for e in i.entities], show=i.short_name)
    roles = NameTable("rol")
    for role in PROFILE_ROLES:
        roles.add(role, role, ROLE_LABELS[role], ROLE_SHORT_LABELS[role])
    functions = NameTable("functie")
    for function, label in ORG_FUNCTION_LABELS.items():
        functions.add(function, function, label)
    backgrounds = NameTable("achtergrond")
    for bg, label in BACKGROUND_LABELS.items():
        backgrounds.add(bg, bg, label)
    scopes = NameTable("werkgebied")
    for scope, label in SCOPE_LABELS.items():
        scopes.add(scope, scope, label)
    ggr = NameTable("GGR")
    for level, label in GGR_LABELS.items():
        ggr.add(level, level, label)
    return {"registries": registries, "licences": programmes, "prior_contract_with": insurers,
            "in_insurer_region": insurers, "role": roles, "background": backgrounds, "scope": scopes,
            "participant_ggr": ggr, "functions": functions}


def _split(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    for sep in LIST_SEPARATORS:
        text = text.replace(sep, "|")
    return [part.strip() for part in text.split("|") if part.strip()]


@dataclass
class InputResult:
    """Normalised profile data, with errors (a value is unknown or wrong) and warnings."""

    data: dict
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Keys whose value was not understood: left out, so they read as "not answered".
    dropped: list[str] = field(default_factory=list)


def normalise_input(raw: dict, catalogue, tables: dict[str, NameTable] | None = None,
                    keys: tuple[str, ...] | None = None) -> InputResult:
    """Names to ids, words to values; every value not understood is an error with the valid values.

    A key whose value is not understood is left out (so it reads as "not answered", never
    as "none", which could flip a verdict) and named in ``dropped``.
    """
    tables = tables or name_tables(catalogue)
    known = keys or tuple(Profile.model_fields)
    result = InputResult(data={})
    for key, value in raw.items():
        key_text = str(key).strip()
        norm = key_text.casefold()
        if norm not in known:
            near = difflib.get_close_matches(norm, list(known), n=1, cutoff=0.6) \
                if len(result.errors) < MAX_PROFILE_ERRORS and len(norm) <= MAX_FUZZY_CHARS else []
            hint = f" Bedoelde u ‘{near[0]}’?" if near else ""
            result.errors.append(f"onbekende sleutel ‘{_short(key_text)}’.{hint} De sleutels staan in {README_SECTION}.")
            continue
        problem = _normalise_value(norm, value, tables, result)
        if problem:
            result.errors.append(problem)
            result.dropped.append(norm)
    return result


def _normalise_value(key: str, value: object, tables: dict[str, NameTable], result: InputResult) -> str | None:
    """One key's value into ``result.data`` by the kind of answer the key takes
    (:data:`ANSWER_KINDS`; any other key is a plain value); an error message where it is
    not understood. No value (``None``) is no answer."""
    if value is None:
        return None
    return ANSWER_KINDS.get(key, _normalise_plain)(key, value, tables, result.data)


def _normalise_plain(key: str, value: object, tables: dict[str, NameTable], data: dict) -> str | None:
    """A number or a name as written (the schema checks it); "onbekend" is no answer, except as a name."""
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and key != "name" and fold(text) in UNANSWERED_WORDS:
        return None
    data[key] = text
    return None


def _normalise_list(key: str, value: object, tables: dict[str, NameTable], data: dict) -> str | None:
    """Names or ids, separated by | , ; /; "geen" is the explicit none; unknown names are errors."""
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and fold(text) in UNANSWERED_WORDS:
        return None
    parts = _split(value)
    if isinstance(text, str) and fold(text) in NONE_WORDS or (not parts and isinstance(value, list)):
        data[key] = []
        return None
    if len(parts) > MAX_LIST_ITEMS:
        return (f"bij {key} staan {len(parts):,} waarden; een antwoord noemt er hooguit {MAX_LIST_ITEMS}. "
                "Noem alleen de geldende.").replace(",", ".")
    ids, bad = [], []
    for part in parts:
        if fold(part) in NONE_WORDS:
            continue
        found = tables[key].get(part)
        if found:
            ids.append(found)
        else:
            bad.append(tables[key].unknown_message(part, key))
    if bad:
        return " ".join(bad)
    data[key] = list(dict.fromkeys(ids))
    return None


def _normalise_choice(key: str, value: object, tables: dict[str, NameTable], data: dict) -> str | None:
    """One name or id of a fixed set (role, background, scope, GGR); a role must be answered."""
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and fold(text) in UNANSWERED_WORDS and key != "role":
        return None
    found = tables[key].get(str(text))
    if not found:
        return tables[key].unknown_message(str(text), key)
    data[key] = found
    return None


def _normalise_tri(key: str, value: object, tables: dict[str, NameTable], data: dict) -> str | None:
    """ja, nee or onbekend (YAML's true/false too)."""
    if isinstance(value, bool):
        data[key] = "yes" if value else "no"
        return None
    text = value.strip() if isinstance(value, str) else value
    found = TRI_WORDS.get(fold(text)) if isinstance(text, str) else None
    if not found:
        return f"‘{_short(text)}’ bij {key} is geen ja, nee of onbekend."
    data[key] = found
    return None


def _normalise_bool(key: str, value: object, tables: dict[str, NameTable], data: dict) -> str | None:
    """ja or nee; "onbekend" is no answer."""
    if isinstance(value, bool):
        data[key] = value
        return None
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and fold(text) in UNANSWERED_WORDS:
        return None
    if isinstance(text, str) and fold(text) in BOOL_WORDS:
        data[key] = BOOL_WORDS[fold(text)]
        return None
    return f"‘{_short(text)}’ bij {key} is geen ja/nee."


def _normalise_functions(key: str, value: object, tables: dict[str, NameTable], data: dict) -> str | None:
    """``functions: {gp_led_regional: ja, ...}``: each key a function (id or label), each value ja/nee/onbekend."""
    table = tables[key]
    if not isinstance(value, dict):
        return f"functions is een lijst van functie: ja/nee (gevonden: ‘{_short(str(value))}’)."
    out, bad = {}, []
    for name, answer in value.items():
        found = table.get(str(name))
        if not found:
            bad.append(table.unknown_message(str(name), "functions"))
            continue
        tri = ("yes" if answer else "no") if isinstance(answer, bool) else TRI_WORDS.get(fold(str(answer)))
        if tri is None:
            bad.append(f"‘{_short(str(answer))}’ bij functions.{name} is geen ja, nee of onbekend.")
            continue
        out[found] = tri
    if bad:
        return " ".join(bad)
    data["functions"] = out
    return None


def _normalise_region(key: str, value: object, tables: dict[str, NameTable], data: dict) -> str | None:
    """``in_insurer_region``: ja, nee or onbekend for every insurer, or the insurers named."""
    if _is_tri(value):
        return _normalise_tri(key, value, tables, data)
    return _normalise_list(key, value, tables, data)


def _is_tri(value: object) -> bool:
    return isinstance(value, bool) or (isinstance(value, str) and fold(value) in TRI_WORDS)


#: How each key's answer is read: names from a table (a list or one choice), ja/nee/onbekend,
#: ja/nee, the organisation's functions. A key not listed is a plain value.
ANSWER_KINDS: dict[str, Callable[[str, object, dict[str, NameTable], dict], str | None]] = {
    **dict.fromkeys(LIST_KEYS, _normalise_list),
    **dict.fromkeys(CHOICE_KEYS, _normalise_choice),
    **dict.fromkeys(TRI_KEYS, _normalise_tri),
    **dict.fromkeys(BOOL_KEYS, _normalise_bool),
    "in_insurer_region": _normalise_region,
    "functions": _normalise_functions,
}


def capped(errors: list[str], limit: int = MAX_PROFILE_ERRORS) -> list[str]:
    """At most ``limit`` errors, and a line counting the rest (a profile of 100,000 wrong keys)."""
    if len(errors) <= limit:
        return errors
    return [*errors[:limit], f"… en {len(errors) - limit:,} meer fouten (niet getoond).".replace(",", ".")]


def validation_messages(exc: ValidationError) -> list[str]:
    out = []
    for error in exc.errors():
        where = ".".join(str(x) for x in error["loc"])
        out.append(f"{where}: {error['msg']} (gevonden: ‘{_short(error.get('input'))}’)")
    return out


def profile_from_input(raw: object, catalogue) -> tuple[Profile | None, list[str], list[str]]:
    """A profile from what a person wrote: ``(profile, errors, warnings)``.

    Any error means no profile: a value that is not understood is never silently ignored.
    """
    if not isinstance(raw, dict):
        return None, ["een profiel is een lijst van sleutels met waarden (role: ..., year: ...)"], []
    result = normalise_input(raw, catalogue)
    if result.errors:
        return None, capped(result.errors), result.warnings
    try:
        profile = Profile.model_validate(result.data)
    except ValidationError as exc:
        return None, validation_messages(exc), result.warnings
    return profile, [], result.warnings + inapplicable_keys(profile) + contradictions(profile)


def read_profile_file(path: Path, catalogue) -> tuple[Profile | None, list[str], list[str]]:
    """Read a YAML or JSON profile (JSON is YAML): ``(profile, errors, warnings)``, never raised."""
    doc = read_yaml(path, path.name)
    if doc.problems:
        return None, [str(p) for p in doc.problems], []
    profile, errors, warnings = profile_from_input(doc.data, catalogue)
    return profile, [f"{path.name}: {e}" for e in errors], warnings
