"""Which policy records a comparison shows: the default choice and the keys in a link.

The comparison pages show the records the user chose (two to four, any insurer, any
year) as their columns. Without a choice they show the newest full policy of each
insurer; derived records and summaries appear only when chosen, or offered when the user
asks for them ("ook afgeleide jaren"). Links carry the choice as repeated ``beleid``
parameters holding policy keys (``?beleid=cz-2027&beleid=vgz-2024``).

Pure functions: the widget that uses them is :mod:`ui.selection`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from policy_model.catalogue import Catalogue
from policy_model.schema import Policy

#: Fewest and most records a comparison shows side by side.
MIN_CHOSEN = 2
MAX_CHOSEN = 4


@dataclass(frozen=True)
class Selection:
    """The chosen policy keys, in column order, and Dutch notices about the link."""

    keys: tuple[str, ...]
    notices: tuple[str, ...] = ()
    from_link: bool = False

    def policies(self, catalogue: Catalogue) -> list[Policy]:
        return [p for p in (catalogue.policy_by_key(k) for k in self.keys) if p is not None]


def _insurer_order(catalogue: Catalogue) -> dict[str, int]:
    return {i.id: n for n, i in enumerate(catalogue.insurers)}


def ordered(catalogue: Catalogue, policies: Iterable[Policy]) -> list[Policy]:
    """Insurer order of the catalogue, then newest year first."""
    order = _insurer_order(catalogue)
    return sorted(policies, key=lambda p: (order.get(p.insurer, 99), -p.year))


def default_keys(catalogue: Catalogue) -> list[str]:
    """The newest full policy of each insurer, in insurer order.

    An insurer without a full policy is left out; when that leaves fewer than two, the
    newest record of each insurer (of any kind) fills up, so a comparison always starts
    with something to compare.
    """
    chosen: list[str] = []
    for insurer in catalogue.insurer_ids:
        full = [p for p in catalogue.policies if p.insurer == insurer and p.document_kind == "full_policy"]
        if full:
            chosen.append(max(full, key=lambda p: p.year).key)
    if len(chosen) < MIN_CHOSEN:
        for insurer in catalogue.insurer_ids:
            own = [p for p in catalogue.policies if p.insurer == insurer]
            newest = max(own, key=lambda p: p.year).key
            if newest not in chosen:
                chosen.append(newest)
    return chosen[:MAX_CHOSEN]


def options(catalogue: Catalogue, *, include_derived: bool, chosen: Iterable[str] = ()) -> list[str]:
    """The keys a user can pick: full policies, plus derived records and summaries when
    ``include_derived`` is on, plus whatever is already chosen (so a choice never vanishes)."""
    keep = set(chosen)
    offered = [
        p for p in catalogue.policies
        if include_derived or p.document_kind == "full_policy" or p.key in keep
    ]
    return [p.key for p in ordered(catalogue, offered)]


def is_secondary(policy: Policy) -> bool:
    """Derived records and summary pages: shown only when chosen or asked for."""
    return policy.document_kind != "full_policy"


def parse_keys(catalogue: Catalogue, raw: Sequence[str]) -> Selection:
    """The ``beleid`` values of a link, checked: unknown keys and duplicates are dropped
    with a notice, at most :data:`MAX_CHOSEN` are kept; with none left, the default."""
    notices: list[str] = []
    keys: list[str] = []
    unknown: list[str] = []
    for value in raw:
        key = value.strip().lower()
        if not key:
            continue
        if catalogue.policy_by_key(key) is None:
            unknown.append(value)
        elif key not in keys:
            keys.append(key)
    if unknown:
        notices.append(
            "Onbekend beleidsdocument in de link genegeerd: " + link_values(unknown)
            + ". Een beleidsdocument heet in de link verzekeraar-jaar, bijvoorbeeld ‘cz-2027’."
        )
    if len(keys) > MAX_CHOSEN:
        notices.append(
            f"De link noemde {len(keys)} beleidsdocumenten; er passen er {MAX_CHOSEN} naast elkaar, "
            f"de eerste {MAX_CHOSEN} worden getoond."
        )
        keys = keys[:MAX_CHOSEN]
    if not keys:
        if raw:
            notices.append("Daarom worden de nieuwste volledige beleidsdocumenten van elke verzekeraar getoond.")
        return Selection(tuple(default_keys(catalogue)), tuple(notices), from_link=False)
    return Selection(tuple(keys), tuple(notices), from_link=True)


def from_filters(catalogue: Catalogue, insurers: Iterable[str] = (), years: Iterable[int] = ()) -> list[str]:
    """A shortcut: the records of some insurers and/or years (at most :data:`MAX_CHOSEN`,
    full policies first when there are more)."""
    found = catalogue.policies_for(list(insurers) or None, list(years) or None)
    if len(found) > MAX_CHOSEN:
        keep = {p.key for p in sorted(found, key=is_secondary)[:MAX_CHOSEN]}  # stable: full policies first
        found = [p for p in found if p.key in keep]
    return [p.key for p in found]


def shortcuts(catalogue: Catalogue) -> dict[str, list[str]]:
    """Named quick choices: the default, each insurer's years, each year's insurers."""
    out: dict[str, list[str]] = {"Nieuwste volledige beleid van elke verzekeraar": default_keys(catalogue)}
    for insurer in catalogue.insurer_ids:
        keys = from_filters(catalogue, insurers=[insurer])
        if len(keys) > 1:
            out[f"Alle jaren van {catalogue.insurer(insurer).short_name}"] = keys
    for year in catalogue.years:
        keys = from_filters(catalogue, years=[year])
        if len(keys) > 1:
            out[f"Alle verzekeraars in {year}"] = keys
    return out


def link_year(value: str) -> int | None:
    """A year written in a link (four ASCII digits), else None: ``²`` counts as a digit for
    ``str.isdigit`` and a 5,000-digit number cannot be made an int, and both broke pages."""
    text = value.strip()
    return int(text) if len(text) == 4 and text.isascii() and text.isdigit() else None


#: Values a link notice repeats, and the characters of each (a link may hold 100 KB).
MAX_LINK_VALUES, MAX_LINK_VALUE_CHARS = 5, 40


def link_values(values: Sequence[str]) -> str:
    """``‘a’, ‘b’ en 3 meer``: the first few values of a link, each shortened, for a notice."""
    def short(value: str) -> str:
        value = " ".join(value.split())
        return value if len(value) <= MAX_LINK_VALUE_CHARS else value[: MAX_LINK_VALUE_CHARS - 1] + "…"

    shown = ", ".join(f"‘{short(v)}’" for v in values[:MAX_LINK_VALUES])
    rest = len(values) - MAX_LINK_VALUES
    return shown + (f" en {rest} meer" if rest > 0 else "")


def from_old_link(catalogue: Catalogue, insurer_names: Sequence[str], years: Sequence[str]) -> Selection:
    """A link from before records were chosen (``?verzekeraar=VGZ&jaar=2024``): the records
    of those insurers (by short name, any case) and years; what does not exist is named."""
    by_name = {catalogue.insurer(i).short_name.lower(): i for i in catalogue.insurer_ids}
    insurers = [by_name[v.lower()] for v in insurer_names if v.lower() in by_name]
    known_years = set(catalogue.years)
    chosen_years = [y for v in years if (y := link_year(v)) in known_years]
    ignored = [v for v in insurer_names if v.lower() not in by_name]
    ignored += [v for v in years if link_year(v) not in known_years]
    notices = (("De link bevatte onderdelen die niet (meer) bestaan en zijn genegeerd: "
                + link_values(ignored)),) if ignored else ()
    if insurers or chosen_years:
        return Selection(tuple(from_filters(catalogue, insurers, chosen_years)), notices, True)
    return Selection(tuple(default_keys(catalogue)), notices)


def default_pair(catalogue: Catalogue) -> tuple[str, str]:
    """The two records a two-way comparison starts with: the newest full policy (first
    insurer on a tie) and the newest earlier record of the same insurer; without one,
    the next record in insurer order."""
    full = [p for p in catalogue.policies if p.document_kind == "full_policy"] or list(catalogue.policies)
    order = _insurer_order(catalogue)
    newest = min(full, key=lambda p: (-p.year, order.get(p.insurer, 99)))
    older = predecessor(catalogue.policies, newest)
    if older is None:
        older = next(p for p in ordered(catalogue, catalogue.policies) if p.key != newest.key)
    return older.key, newest.key


def predecessor(policies: Sequence[Policy], policy: Policy) -> Policy | None:
    """The chosen record of the same insurer with the nearest earlier year, if any."""
    earlier = [p for p in policies if p.insurer == policy.insurer and p.year < policy.year]
    return max(earlier, key=lambda p: p.year) if earlier else None


def words_comparable(older: Policy, newer: Policy) -> bool:
    """Whether two records' sentences may be compared word by word: one insurer's, neither
    derived. A derived record's sentences tell, from a later document, what that year had
    ("In 2023 heette de strategie nog …", ZZ 2023 from ZZ 2024 ch. 1; CZ 2026 from CZ 2027):
    they are no earlier version of the later text, so marks between them mark nothing the
    insurer changed ("beëindigd" → "gestopt")."""
    return older.insurer == newer.insurer and not older.partial and not newer.partial


def word_pairs(policies: Sequence[Policy]) -> dict[str, str]:
    """Policy key -> the key of the chosen older record it is worded against: the same
    insurer's nearest earlier year, where :func:`words_comparable` allows it."""
    out = {}
    for policy in policies:
        older = predecessor(policies, policy)
        if older is not None and words_comparable(older, policy):
            out[policy.key] = older.key
    return out


def words_withheld_note(catalogue: Catalogue, policies: Sequence[Policy]) -> str:
    """Why a chosen derived record is not worded against the same insurer's other year (Dutch,
    plain text), or "" where none is: the switch or the marks a reader expects are missing."""
    withheld = [p for p in policies if p.partial and any(q.insurer == p.insurer and q.key != p.key for q in policies)]
    if not withheld:
        return ""
    names = ", ".join(catalogue.policy_label(p) for p in withheld)
    return (f" Niet woord voor woord: {names} is afgeleid uit een later document; de zinnen zeggen vanuit dat "
            "document wat er gold en zijn geen eerdere versie van dezelfde tekst.")


def link_names(catalogue: Catalogue) -> dict[str, str]:
    """Every way a link may name a record (lower-cased) -> its key.

    A shared link outlives the labels of the day: besides the key (``cz-2024``) and today's
    label (``CZ 2024 (samenvatting)``) it may hold the label from before the document-kind
    marker was added (``CZ 2024``) or the insurer's full name with the year (``CZ groep 2024``).
    """
    names: dict[str, str] = {}
    for policy in catalogue.policies:
        insurer = catalogue.insurer(policy.insurer)
        for name in (policy.key, catalogue.policy_label(policy), f"{insurer.short_name} {policy.year}",
                     f"{insurer.name} {policy.year}", f"{insurer.id} {policy.year}"):
            names.setdefault(" ".join(name.lower().split()), policy.key)
    return names


def resolve_link_name(catalogue: Catalogue, text: str | None) -> str | None:
    """The key of the record a link names (see :func:`link_names`), or None."""
    if not text:
        return None
    return link_names(catalogue).get(" ".join(text.lower().replace("+", " ").split()))
