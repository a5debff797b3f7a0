"""Text-first side by side: one row per subject, one cell per chosen policy, full texts.

Every builder returns :class:`TextRow` objects whose cells hold the whole sentences a
record states (never a truncated summary), each with a small label (the force of a
requirement, a programme's status, whether a route is open) and its sources. Rows say in
what the records differ (:attr:`TextRow.differences`), so a page can mark them and a
reader can filter on them. The same rows feed the page (:mod:`ui.side_by_side`), the
CSV/XLSX downloads (:func:`policy_model.comparison.text_output.export_rows`) and the printable
handout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from policy_model.catalogue import Catalogue
from policy_model.comparison.diff_items import settles
from policy_model.comparison.matrix import (
    STATUS_SYMBOLS,
    TopicCell,
    requirement_matrix,
)
from policy_model.describe import (
    Addressees,
    addressees_label,
    duration_label,
    force_label,
    period_audience,
    registry_use_label,
    value_text,
)
from policy_model.named_lists import (
    LISTED_REGISTRY_KINDS,
    closed_register_requirements,
    open_register_requirements,
    programme_criteria,
    unnamed_register_requirements,
)
from policy_model.schema import CoverageEntry, Policy, Requirement, Source
from policy_model.vocab import (
    APPLICATION_WINDOW_LABELS,
    AVAILABILITY_LABELS,
    BACKGROUND_LABELS,
    CHANGE_KIND_LABELS,
    CHANNEL_LABELS,
    DEFERRAL_LABELS,
    GATING_FORCES,
    PROGRAMME_STATUS_LABELS,
    ROLE_SHORT_LABELS,
    ROUTE_LABELS,
    TARIFF_KIND_LABELS,
    TOPIC_LABELS,
)

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def _date(value: dt.date | None) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value else "niet vermeld"


@dataclass(frozen=True)
class Entry:
    """One statement of one record: its full text, a small label, who it is for, its sources."""

    text: str
    label: str = ""
    detail: str = ""
    sources: tuple[Source, ...] = ()
    #: For requirements: the force id (``minimum``, ...), for styling the label.
    force: str | None = None
    #: For programmes: the status id (``bought``, ...), for styling the label.
    status: str | None = None
    #: ``statement`` (what the record says for the chosen role), ``other_role`` (the record
    #: states it, but for another role: shown one click away), ``deferral`` (it points elsewhere)
    #: ``absent`` (not on the record's complete list: :func:`closed_register_lists`,
    #: :func:`programme_list_entries`),
    #: ``open_list`` (not named, but the record's list is open: see :func:`open_register_lists`) or
    #: ``unnamed`` (the record names none, but says what would count: :func:`unnamed_register_lists`,
    #: :func:`programme_criteria_entries`).
    kind: str = "statement"
    #: For requirements on providers: the roles it is for, and the routes it holds under.
    roles: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()
    #: False where the document names no contractant (``Requirement.roles_stated``).
    roles_stated: bool = True

    @property
    def is_statement(self) -> bool:
        return self.kind == "statement"


@dataclass(frozen=True)
class TextRow:
    key: str
    label: str
    cells: dict[str, tuple[Entry, ...]]  # policy key -> entries (empty: not stated)
    differences: tuple[str, ...] = ()
    #: The policies whose documents do not settle this row's subject, with the coverage entry
    #: that says so: they speak of it only in general terms (a summary page) or defer it.
    unsettled: dict[str, CoverageEntry] = field(default_factory=dict)
    #: The policies whose documents settle this row's subject in full (coverage ``full``): their
    #: silence is a "no", not "not mentioned".
    complete: frozenset[str] = frozenset()

    @property
    def differs(self) -> bool:
        return bool(self.differences)

    def stating(self) -> list[str]:
        """The policies whose cell states something on the row's subject for the chosen role (not
        only for another role, not only where it points or that a list leaves it open)."""
        return [key for key, entries in self.cells.items() if any(e.kind not in _NO_STATEMENT for e in entries)]

    def only_mentioned(self) -> bool:
        """Differs only because some documents are silent, where none of the silent ones settles
        the subject in full, or what the others state is no condition (a full list of
        requirements holds the conditions, minimum requirements and exclusion grounds, not every
        expectation): "alleen vermeld in …", not a difference in policy (as Wijzigingen's
        "alleen in"). One silent document that settles it in full makes it a difference."""
        if self.differences != ("niet overal vermeld",):
            return False
        stating = self.stating()
        if all(key not in self.complete for key in self.cells if key not in stating):
            return True
        forces = {e.force for key in stating for e in self.cells[key] if e.is_statement and e.force}
        return bool(forces) and not forces & GATING_FORCES

    def difference_note(self, labels: dict[str, str]) -> str:
        """In what the row differs, for a reader: "registers, tekst", "niet overal vermeld" (a
        document that settles the subject in full is silent on a condition), or "alleen vermeld in
        CZ 2027" (the silent documents do not settle it: no difference in policy). Empty when
        every record says the same."""
        if self.only_mentioned():
            return "alleen vermeld in " + ", ".join(labels.get(key, key) for key in self.stating())
        return ", ".join(self.differences)

    def words_comparable(self, newer: str, older: str) -> bool:
        """Whether the newer record's sentences may be shown as rewordings of the older's: only
        where both documents settle the subject. A summary's sentence beside the full rule is
        not a deletion, and the full rule beside it is not new (CZ 2024's web page, §2.1,
        against CZ 2027 §2.1.1)."""
        return newer not in self.unsettled and older not in self.unsettled

    def word_note(self, newer: str, older: str, labels: dict[str, str]) -> str:
        """Why a cell is not compared word by word: which record does not settle the subject,
        and how (in general terms only, or pointing elsewhere in its own words)."""
        reasons = []
        for key in dict.fromkeys((older, newer)):
            entry = self.unsettled.get(key)
            if entry is None:
                continue
            name = labels.get(key, key)
            if entry.level == "general":
                reasons.append(f"{name} spreekt hierover alleen in algemene termen")
            else:
                quote = f": “{entry.source.quote}”" if entry.source is not None else ""
                reasons.append(f"{name} {_DEFERRAL_REASONS[entry.points_to or 'other_text']}{quote}")
        note = "Niet woord voor woord vergeleken: " + "; ".join(reasons)
        return note if note.endswith("”") else note + "."

    def sources(self) -> list[Source]:
        return [s for entries in self.cells.values() for e in entries for s in e.sources]


#: Why a deferring record's words are not compared, by where it points (coverage ``points_to``).
_DEFERRAL_REASONS = {
    "other_text": "verwijst hiervoor (ook) naar een ander stuk",
    "this_text": "regelt dit elders in het document",
    "later": "legt dit nog niet vast",
}


#: Entries that are no statement on the row's subject: a register or programme not named
#: (though not refused), or a pointer to where the document settles it.
_NOT_NAMED = ("open_list", "unnamed", "deferral")
#: ... nor is a statement made only for another role, nor a condition a document that lists
#: its conditions in full does not set (:func:`_not_set`).
_NO_STATEMENT = (*_NOT_NAMED, "other_role", "not_set")


def _differences(cells: dict[str, tuple[Entry, ...]]) -> tuple[str, ...]:
    """``niet overal vermeld`` / ``soort`` (labels) / ``tekst``; empty when all say the same.
    The records that do state the subject are compared among themselves too: a third one's
    silence hides no difference between the others."""
    values = [v for v in cells.values() if any(e.kind not in _NOT_NAMED for e in v)]
    out = ["niet overal vermeld"] if values and len(values) != len(cells) else []
    if len(values) < 2:
        return tuple(out)
    if len({frozenset(e.label for e in v) for v in values}) > 1:
        out.append("soort")
    if len({frozenset(" ".join(f"{e.text} {e.detail}".lower().split()) for e in v) for v in values}) > 1:
        out.append("tekst")
    return tuple(out)


def _rows(policies: Sequence[Policy], keys: Iterable[str], label: Callable[[str], str],
          entries: Callable[[Policy, str], list[Entry]],
          coverage: Callable[[Policy, str], CoverageEntry | None] | None = None,
          not_listed: tuple[Entry, ...] = ()) -> list[TextRow]:
    """One row per key; ``coverage`` gives the coverage entry that says how far a policy's document
    settles the row's subject (:meth:`~policy_model.schema.Coverage.entry`), for
    :attr:`TextRow.unsettled`; ``not_listed`` is the cell of a document that settles it in full
    and has nothing on the key (its silence there is no "niet vermeld")."""
    rows = []
    for key in dict.fromkeys(keys):
        stated = {p.key: tuple(entries(p, key)) for p in policies}
        entries_by_key = {p.key: entry for p in policies
                          if coverage is not None and (entry := coverage(p, key)) is not None}
        unsettled = {k: entry for k, entry in entries_by_key.items()
                     if not settles(entry, stated=any(e.is_statement for e in stated[k]))}
        complete = frozenset(k for k, entry in entries_by_key.items() if entry.level == "full")
        cells = {p.key: stated[p.key] or _deferral(unsettled.get(p.key))
                 or (not_listed if p.key in complete else ()) for p in policies}
        rows.append(TextRow(key, label(key), cells, _differences(cells), unsettled, complete))
    return rows


def _deferral(entry: CoverageEntry | None) -> tuple[Entry, ...]:
    """An empty cell of a document that defers the subject: where it points, in its own words
    (CZ 2027 §4.1 on tariffs: "Informeren over de tarieven voor 2027 …"), not "niet vermeld"."""
    if entry is None or entry.level != "deferred" or entry.source is None:
        return ()
    return (Entry(text=f"“{entry.source.quote}”", label=DEFERRAL_LABELS[entry.points_to or "other_text"], sources=(entry.source,),
                  kind="deferral"),)


def _by_route(subject: str) -> Callable[[Policy, str], CoverageEntry | None]:
    return lambda policy, route: policy.coverage.entry(subject, route=route)


def _by_topic(subject: str) -> Callable[[Policy, str], CoverageEntry | None]:
    return lambda policy, topic: policy.coverage.entry(subject, topic=topic)


def _whole(subject: str) -> Callable[[Policy, str], CoverageEntry | None]:
    return lambda policy, _key: policy.coverage.entry(subject)


def _who(roles: Iterable[str], backgrounds: Iterable[str] = (), routes: Iterable[str] = (), *,
         stated: bool = True) -> str:
    parts = [addressees_label([Addressees(list(roles), list(routes), stated)], with_referrer=True)]
    backgrounds = list(backgrounds)
    if backgrounds:
        parts.append(", ".join(BACKGROUND_LABELS[b] for b in backgrounds))
    return "Voor: " + "; ".join(p for p in parts if p)


# --------------------------------------------------------------------------- builders


def _requirement_entry(r, kind: str = "statement") -> Entry:
    detail = "" if r.kind == "participant" else (
        _who(r.roles, r.backgrounds, r.routes, stated=r.roles_stated)
        + ("; bij (boven)regionale/landelijke levering" if r.scopes else "")
        + ("; alleen nieuwe aanbieders" if r.new_providers_only else ""))
    return Entry(text=r.text + (f" ({value_text(r)})" if r.value else ""), label=force_label(r), detail=detail,
                 sources=(r.source,), force=r.force, kind=kind,
                 roles=() if r.kind == "participant" else tuple(r.roles), routes=tuple(r.routes),
                 roles_stated=r.roles_stated)


def _requirement_cell(cell: TopicCell) -> tuple[Entry, ...]:
    """The cell's requirements; without any for the chosen role, what the record does say:
    the same topic for other roles, or where it refers to."""
    if cell.requirements:
        return tuple(_requirement_entry(r) for r in cell.requirements)
    if cell.other_roles:
        return tuple(_requirement_entry(r, "other_role") for r in cell.other_roles)
    return _deferral(cell.unsettled_by)


#: What a record that lists its conditions in full says by leaving one out, per kind of requirement.
_NOT_SET_TEXTS = {
    "provider": "Staat niet bij de minimumeisen en uitsluitingsgronden, die dit document volledig noemt.",
    "participant": "Staat niet bij de voorwaarden voor deelname, die dit document volledig noemt.",
}


def _not_set(kind: str) -> tuple[Entry, ...]:
    """The cell of a record whose document settles the topic in full (coverage ``full``) and sets
    no condition where another record does: its silence is "this insurer does not ask it", not
    "niet vermeld" (which the page says is no "nee"); a full list holds the conditions only, so
    an expectation elsewhere leaves the cell empty."""
    return (Entry(text=_NOT_SET_TEXTS[kind], label="Niet gesteld", kind="not_set"),)


def _gating(cells: Iterable[TopicCell]) -> bool:
    return any(r.force in GATING_FORCES for cell in cells for r in cell.requirements)


def requirement_text_rows(policies: Sequence[Policy], role: str | None = None, kind: str = "provider") -> list[TextRow]:
    """Requirements on providers by topic, minimum requirements first (the order of the
    requirement matrix). With a role, a topic a record states only for other roles reads
    "alleen voor <rol>" with the text one click away, never "niet vermeld"; a condition a
    record's full list leaves out reads "Niet gesteld"."""
    rows = []
    for row in requirement_matrix(list(policies), role, kind):
        gating = _gating(row.cells.values())
        cells = {key: (_not_set(kind) if gating and cell.complete and not (cell.requirements or cell.other_roles)
                       else _requirement_cell(cell)) for key, cell in row.cells.items()}
        rows.append(TextRow(row.key, row.label, cells, tuple(row.differences),
                            {key: cell.unsettled_by for key, cell in row.cells.items() if cell.unsettled_by is not None},
                            frozenset(key for key, cell in row.cells.items() if cell.complete)))
    return rows


def participant_text_rows(policies: Sequence[Policy]) -> list[TextRow]:
    """Who may take part (age, GGR, motivation, referral, repeat rules), by topic: its own
    rows, for every role, never mixed with what a provider must do."""
    return requirement_text_rows(policies, None, "participant")


def requirement_and_participant_text_rows(policies: Sequence[Policy], role: str | None = None) -> list[TextRow]:
    """What a provider must do, by topic, then who may take part: the two never mixed, in
    that order (Contractvoorwaarden's first tab)."""
    return [*requirement_text_rows(policies, role), *participant_text_rows(policies)]


def role_deferrals(policies: Sequence[Policy], role: str | None) -> list[tuple[Policy, CoverageEntry]]:
    """The records that leave the requirements for ``role`` to another text or to later, as a
    whole: CZ 2027 for an msv ("publiceren wij hiervoor aanvullend beleid", §2.2), the CZ 2024
    page for an RHO ("U vindt deze minimumeisen in paragraaf 2.4"). What their cells then show for
    the role are requirements that hold for every role (those on the coach); without this a reader
    who picks the role is not told that the record sets nothing of its own for it (audit H #8)."""
    if role is None:
        return []
    out = []
    for policy in policies:
        entry = policy.coverage.entry("requirements", role=role)
        if entry is not None and entry.level == "deferred" and not entry.own_list and role in entry.roles:
            out.append((policy, entry))
    return out


def role_deferral_notes(catalogue: Catalogue, policies: Sequence[Policy], role: str | None
                        ) -> list[tuple[str, str, Source]]:
    """:func:`role_deferrals` as (record label, sentence, source), for the line above the rows."""
    out = []
    for policy, entry in role_deferrals(policies, role):
        if entry.source is None or role is None:
            continue
        text = (f"{DEFERRAL_LABELS[entry.points_to or 'other_text']} voor {ROLE_SHORT_LABELS[role]}: "
                f"“{entry.source.quote}” Zijn kolom hieronder toont voor deze rol alleen wat het document daarnaast "
                "zegt, zoals de eisen aan de leefstijlcoach.")
        out.append((catalogue.policy_label(policy), text, entry.source))
    return out


def route_text_rows(policies: Sequence[Policy]) -> list[TextRow]:
    def entries(p: Policy, route: str) -> list[Entry]:
        return [
            Entry(
                text=r.description + (f" Voorwaarden: {r.conditions}" if r.conditions else ""),
                label=f"Mogelijk: {AVAILABILITY_LABELS[r.available].lower()}"
                + (f" · voorkeur {r.preference}" if r.preference else ""),
                detail={True: "Alleen in de eigen regio", False: "Alleen buiten de eigen regio"}.get(r.in_region, ""),
                sources=(r.source,),
            )
            for r in sorted((r for r in p.contract_routes if r.route == route), key=lambda r: r.preference or 99)
        ]

    keys = sorted({r.route for p in policies for r in p.contract_routes}, key=list(ROUTE_LABELS).index)
    return _rows(policies, keys, ROUTE_LABELS.__getitem__, entries, _by_route("routes"), _NO_OWN_ROUTE)


#: The route cell of a document that lists its routes in full without this one. Not "CZ does not
#: contract this form": an organisation is what it does, and may fit another route of the list.
_NO_OWN_ROUTE = (Entry(
    text="Het document noemt zijn routes volledig; deze staat er niet bij. Of een organisatie van deze vorm "
         "via een andere route in aanmerking komt, hangt af van wat zij doet (zie ‘Wat geldt voor mij?’).",
    label="Geen eigen route", kind="not_set"),)


def period_text_rows(policies: Sequence[Policy]) -> list[TextRow]:
    def entries(p: Policy, route: str) -> list[Entry]:
        return [
            Entry(
                text=f"{x.label}: {duration_label(x)}{period_audience(x)}",
                label="Looptijd",
                detail=f"Van {_date(x.start)} tot en met {_date(x.end)}" if x.start or x.end else "",
                sources=(x.source,),
            )
            for x in p.contract_periods if x.route == route
        ]

    keys = sorted({x.route for p in policies for x in p.contract_periods}, key=list(ROUTE_LABELS).index)
    return _rows(policies, keys, ROUTE_LABELS.__getitem__, entries, _by_route("periods"))


def tariff_text_rows(policies: Sequence[Policy]) -> list[TextRow]:
    def entries(p: Policy, kind: str) -> list[Entry]:
        return [Entry(text=t.text, label=f"Mogelijk: {AVAILABILITY_LABELS[t.available].lower()}", sources=(t.source,))
                for t in p.tariffs if t.kind == kind]

    keys = sorted({t.kind for p in policies for t in p.tariffs}, key=list(TARIFF_KIND_LABELS).index)
    return _rows(policies, keys, TARIFF_KIND_LABELS.__getitem__, entries, _whole("tariffs"))


def application_text_rows(policies: Sequence[Policy]) -> list[TextRow]:
    def entries(p: Policy, route: str) -> list[Entry]:
        return [
            Entry(
                text=a.text,
                label=APPLICATION_WINDOW_LABELS[a.window],
                detail=f"Via {CHANNEL_LABELS[a.channel].lower()}" + (f": {a.address}" if a.address else "")
                + ("; alleen nieuwe aanbieders" if a.new_providers_only else ""),
                sources=(a.source,),
            )
            for a in p.applications if route in a.routes
        ]

    keys = sorted({r for p in policies for a in p.applications for r in a.routes}, key=list(ROUTE_LABELS).index)
    return _rows(policies, keys, ROUTE_LABELS.__getitem__, entries, _by_route("applications"))


def contact_text_rows(policies: Sequence[Policy]) -> list[TextRow]:
    def entries(p: Policy, channel: str) -> list[Entry]:
        return [
            Entry(
                text=f"{c.purpose}: {c.address}",
                label=CHANNEL_LABELS[c.channel],
                detail="; ".join(x for x in (
                    f"Antwoord: {c.answer_time_text}" if c.answer_time_text else "",
                    f"Bereikbaar: {c.hours}" if c.hours else "") if x),
                sources=(c.source,),
            )
            for c in p.contacts if c.channel == channel
        ]

    keys = sorted({c.channel for p in policies for c in p.contacts}, key=list(CHANNEL_LABELS).index)
    return _rows(policies, keys, lambda k: f"Contact: {CHANNEL_LABELS[k]}", entries)


def provision_text_rows(policies: Sequence[Policy]) -> list[TextRow]:
    def entries(p: Policy, topic: str) -> list[Entry]:
        return [Entry(text=x.text, label="Bepaling", sources=(x.source,)) for x in p.provisions if x.topic == topic]

    keys = sorted({x.topic for p in policies for x in p.provisions}, key=list(TOPIC_LABELS).index)
    return _rows(policies, keys, TOPIC_LABELS.__getitem__, entries, _by_topic("provisions"))


def _for_backgrounds(backgrounds: Iterable[str]) -> str:
    """" voor fysiotherapeut" beside a list's label where the list is for some backgrounds only: ZZ
    2024's list for a fysiotherapeut is open and its list for a leefstijlcoach closed, and one cell
    read "Open lijst" beside "Niet in de lijst" (LOOK O #7)."""
    names = [BACKGROUND_LABELS[b].lower() for b in backgrounds]
    return f" voor {', '.join(names)}" if names else ""


def open_register_lists(policy: Policy) -> list[Entry]:
    """The record's open lists of quality registers ("… of een vergelijkbaar … register", ZZ
    2024 §5.1): a register such a record does not name is not refused, so its cell says the list
    is open, for whom, with the words that open it, instead of "niet vermeld"."""
    return [
        Entry(text="Niet bij naam genoemd, maar de lijst is open: een vergelijkbaar register kan ook voldoen.",
              label="Open lijst" + _for_backgrounds(r.backgrounds), detail=_who(r.roles, r.backgrounds, stated=r.roles_stated), sources=(r.listing.source,),
              kind="open_list")
        for r in open_register_requirements(policy.requirements) if r.listing is not None
    ]


def closed_register_lists(policy: Policy) -> list[Entry]:
    """The record's complete lists of quality registers, for a register it does not name: not
    "niet vermeld" (which reads as "it may still count") but "not on the list", for whom, with
    the list's own words. One entry per list; requirements quoting the same list share it."""
    by_list: dict[str, list[Requirement]] = {}
    for r in closed_register_requirements(policy):
        if r.listing is not None:
            by_list.setdefault(r.listing.source.quote, []).append(r)
    return [
        Entry(text="Staat niet in de volledige lijst van registers die dit document noemt.",
              label="Niet in de lijst" + _for_backgrounds(dict.fromkeys(b for r in reqs for b in r.backgrounds)),
              detail=_who(dict.fromkeys(x for r in reqs for x in r.roles),
                          dict.fromkeys(b for r in reqs for b in r.backgrounds),
                          stated=all(r.roles_stated for r in reqs)),
              sources=(reqs[0].listing.source,), kind="absent")
        for reqs in by_list.values() if reqs[0].listing is not None
    ]


def unnamed_register_lists(catalogue: Catalogue, policy: Policy) -> list[Entry]:
    """A record that asks for a recognised register without naming one (CZ 2024 §2.1, "een door
    CZ groep erkend kwaliteitsregister"): a register it does not name is not refused either, so
    its cell says so, for whom, with the sentence, instead of "niet vermeld"."""
    return [
        Entry(text="Niet bij naam genoemd: het document vraagt een erkend kwaliteitsregister zonder te zeggen "
                   "welke registers dat zijn.",
              label="Registers niet genoemd", detail=_who(r.roles, r.backgrounds, stated=r.roles_stated),
              sources=(r.source,),
              kind="unnamed")
        for r in unnamed_register_requirements(catalogue, policy)
    ]


def registry_text_rows(catalogue: Catalogue, policies: Sequence[Policy]) -> list[TextRow]:
    def entries(p: Policy, registry: str) -> list[Entry]:
        named = [
            Entry(text=r.note or "", label=registry_use_label(r),
                  detail=_who(r.roles, r.backgrounds, stated=r.roles_stated), sources=(r.source,))
            for r in p.registries if r.registry == registry
        ]
        if named or catalogue.registry(registry).kind not in LISTED_REGISTRY_KINDS:
            return named
        # A generic register ("het Centraal Kwaliteitsregister") may be a listed one under another
        # name: never "not on the list".
        closed = [] if catalogue.registry(registry).generic else closed_register_lists(p)
        return [*open_register_lists(p), *closed] or unnamed_register_lists(catalogue, p)

    named = {r.registry for p in policies for r in p.registries}
    keys = [r.id for r in catalogue.registries if r.id in named]

    def label(key: str) -> str:
        registry = catalogue.registry(key)
        return registry.abbreviation or registry.name

    def coverage(policy: Policy, key: str) -> CoverageEntry | None:
        # A generic register ("het Centraal Kwaliteitsregister") may be a listed one under another
        # name: a full list's silence on it is no "no".
        return None if catalogue.registry(key).generic else policy.coverage.entry("registries")

    return _rows(policies, keys, label, entries, coverage)


def programme_criteria_entries(policy: Policy) -> list[Entry]:
    """A record that names no programme but says what a GLI must be (ZZ 2024 §5.1: in Loket
    Gezond Leven with score 2 or higher, judged a technical variant by the insurer): a programme
    it does not name is then neither bought nor refused, so its cell gives those criteria
    instead of "niet vermeld"."""
    criteria = programme_criteria(policy)
    if not criteria:
        return []
    return [Entry(text="Het beleid noemt geen programma's bij naam, maar eist: "
                       + " ".join(r.text for r in criteria),
                  label="Geen programma genoemd", detail=_who(dict.fromkeys(x for r in criteria for x in r.roles),
                                                                  stated=all(r.roles_stated for r in criteria)),
                  sources=tuple(r.source for r in criteria), kind="unnamed")]


def programme_list_entries(policy: Policy) -> list[Entry]:
    """A record whose document lists the programmes it buys in full (coverage ``full``: CZ 2027
    §3.2 "Voor 2027 koopt CZ groep de volgende erkende programma's in", VGZ 2024 bijlage 2 "Dit
    zijn momenteel ...") and not this one: not "niet vermeld", which the page says is no "no" and
    which the document does settle, but "not on the list", with the list's words (as the wizard
    says, and as a register absent from a complete list reads)."""
    if not policy.programmes or not policy.addresses("programmes"):
        return []
    return [Entry(text="Staat niet in de volledige lijst van programma's die het document voor dit jaar noemt.",
                  label="Niet in de lijst", sources=(policy.programmes[0].source,), kind="absent")]


def programme_text_rows(catalogue: Catalogue, policies: Sequence[Policy]) -> list[TextRow]:
    def entries(p: Policy, programme: str) -> list[Entry]:
        return [
            Entry(
                text="; ".join(x for x in (", ".join(s.variants), s.note or "") if x),
                label=f"{STATUS_SYMBOLS[s.status]} {PROGRAMME_STATUS_LABELS[s.status]}",
                sources=(s.source,),
                status=s.status,
            )
            for s in p.programmes if s.programme == programme
        ] or programme_criteria_entries(p) or programme_list_entries(p)

    return _rows(policies, [p.id for p in catalogue.programmes], lambda k: catalogue.programme(k).name, entries,
                 _whole("programmes"))


def change_text_rows(policies: Sequence[Policy]) -> list[TextRow]:
    """The changes each document itself states, by topic."""
    def entries(p: Policy, topic: str) -> list[Entry]:
        return [Entry(text=c.text, label=CHANGE_KIND_LABELS[c.kind], detail=f"Ten opzichte van {c.against_year}",
                      sources=(c.source,)) for c in p.changes if c.topic == topic]

    keys = sorted({c.topic for p in policies for c in p.changes}, key=list(TOPIC_LABELS).index)
    return _rows(policies, keys, TOPIC_LABELS.__getitem__, entries)


def open_item_text_rows(policies: Sequence[Policy]) -> list[TextRow]:
    """What each document explicitly leaves open, by topic."""
    def entries(p: Policy, topic: str) -> list[Entry]:
        return [Entry(text=o.text, label="Nog open", sources=(o.source,)) for o in p.open_items if o.topic == topic]

    keys = sorted({o.topic for p in policies for o in p.open_items}, key=list(TOPIC_LABELS).index)
    return _rows(policies, keys, TOPIC_LABELS.__getitem__, entries)
