"""The "wat geldt voor mij?" profile: who the user is, what they have, their situation.

Everything but ``role`` and ``year`` is optional. ``None`` means "not answered", which the
rules turn into "to check" — never into a yes or a no.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from policy_model.problems import Problem
from policy_model.schema import Id
from policy_model.vocab import Background, Scope
from policy_model.yamlio import read_yaml

ProfileRole = Literal["individual_coach", "coach_network", "rho", "msv", "referrer"]
Tri = Literal["yes", "no", "unknown"]
GGR = Literal["none", "moderate", "high"]
GGR_LEVEL = {"none": 0, "moderate": 1, "high": 2}


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
    prior_contract_with: list[Id] = Field(default_factory=list)
    scope: Scope | None = None
    in_insurer_region: Tri = "unknown"
    participant_age: int | None = Field(default=None, ge=0, le=120)
    participant_ggr: GGR | None = None
    participant_repeat: bool | None = Field(
        default=None, description="Referrer mode: followed a GLI that ended less than two years ago."
    )

    @field_validator("region_has_rho", "region_has_network", "in_insurer_region", mode="before")
    @classmethod
    def _yaml_booleans(cls, value: object) -> object:
        # YAML 1.1 reads an unquoted yes/no as a boolean; accept that spelling too.
        if isinstance(value, bool):
            return "yes" if value else "no"
        return value


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


def load_profile_file(path: Path) -> tuple[Profile | None, list[Problem]]:
    """Read a YAML or JSON profile (JSON is YAML); problems are located, never raised."""
    from policy_model.loader import validate_model

    doc = read_yaml(path, path.name)
    profile = validate_model(doc, Profile) if not doc.problems else None
    return profile, doc.problems  # type: ignore[return-value]


def unknown_ids(profile: Profile, catalogue) -> list[str]:
    """Registers, programmes or insurers in the profile that the catalogue does not know."""
    known = {
        "registries": {r.id for r in catalogue.registries},
        "licences": {p.id for p in catalogue.programmes},
        "prior_contract_with": {i.id for i in catalogue.insurers},
    }
    kinds = {"registries": "register", "licences": "programme", "prior_contract_with": "insurer"}
    out = []
    for key, ids in known.items():
        for value in getattr(profile, key) or []:
            if value not in ids:
                out.append(f"unknown {kinds[key]} {value!r} in {key} (ignored); known: {', '.join(sorted(ids))}")
    return out


def drop_unknown_ids(profile: Profile, catalogue) -> Profile:
    """The profile without ids the catalogue does not know (they were reported)."""
    keep = {
        "registries": {r.id for r in catalogue.registries},
        "licences": {p.id for p in catalogue.programmes},
        "prior_contract_with": {i.id for i in catalogue.insurers},
    }
    update = {
        key: [v for v in getattr(profile, key)] if getattr(profile, key) is None else [v for v in getattr(profile, key) if v in ids]
        for key, ids in keep.items()
        if getattr(profile, key) is not None
    }
    return profile.model_copy(update=update)
