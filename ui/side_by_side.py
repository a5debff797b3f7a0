"""Text-first side by side: every statement readable in full, without opening a cell.

One bordered row per subject (topic, route, register, ...), one column per chosen policy,
the full text wrapped, the force or status as a small label, the sources behind a 📄 Bron
disclosure. Rows that differ are tinted and say in what they differ. Between two years of
one insurer, the newer column can show its changed wording word by word (deleted words
struck through, added words highlighted). The rows come from
:mod:`policy_model.comparison.text_rows`; the same rows download as CSV/XLSX.

The column heads and the rows are one block of HTML in which all data text is escaped,
with its style sheets (one element: Streamlit's columns and a Markdown element per head
cost a page run more than the rows). A page asks :func:`compared_rows` for its rows: they
and their HTML are made once per data folder, records and choices and shared by reruns
and sessions, since every rerun asked for the same ones again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from functools import partial
from html import escape
from urllib.parse import urlencode

import streamlit as st

from policy_model.catalogue import Catalogue
from policy_model.comparison.selection import word_pairs, words_withheld_note
from policy_model.comparison.text_output import export_rows, other_roles_label, worded
from policy_model.comparison.text_rows import Entry, TextRow
from policy_model.comparison.wording import Segment
from policy_model.reports.comparison_export import (
    ExportContext,
    Part,
    comparison_csv_bytes,
    comparison_xlsx_bytes,
)
from policy_model.reports.handout import REQUIREMENTS_SUBJECT, comparison_handout_html
from policy_model.schema import Policy
from policy_model.vocab import DEFERRAL_LABELS, NOT_STATED_LABEL, ROLE_SHORT_LABELS
from ui.citation import sources_html
from ui.data import catalogue, data_ident
from ui.export import XLSX_MIME, download_table
from ui.guard import download_button
from ui.print_style import PRINT_CSS, print_caption
from ui.text import Html, md_escape, nl_date, today
from ui.url_state import live_params, url_toggle

# Constant CSS, no data in it: differing rows get a tint and a bar on the left.
_CSS = """
<style>
.gli-row { border: 1px solid #d6d8dd; border-radius: .5rem; padding: .6rem .9rem; margin-bottom: .7rem; }
.gli-row.diff { background: #fdf6e3; border-left: 4px solid #E69F00; }
.gli-row-head { margin-bottom: .3rem; }
.gli-badge.differs { background: #fde4c4; color: #7a3e00; }
.gli-cells { display: grid; gap: 1rem; grid-template-columns: repeat(var(--gli-n, 2), minmax(0, 1fr)); }
.gli-cell { overflow-wrap: anywhere; line-height: 1.45; }
.gli-cell .gli-who { color: #6b6f76; }
.gli-cell .gli-entry { margin: .35rem 0; }
.gli-cell .gli-detail, .gli-cell .gli-none { color: #6b6f76; }
.gli-cell ins { background: #d7f0dd; text-decoration: none; }
.gli-cell del { background: #fbe3d6; color: #6b1d00; }
.gli-badge { display: inline-block; border-radius: .4rem; padding: 0 .35rem; margin-right: .3rem;
  background: #eceef1; color: #31333f; }
.gli-badge.minimum { background: #dbe7f7; color: #0b3d91; } .gli-badge.exclusion { background: #fbe3d6; color: #8a1c00; }
.gli-badge.obligation { background: #ece3f7; color: #4b2a84; }
.gli-badge.bought { background: #d7f0dd; color: #115c2a; } .gli-badge.expected { background: #fdf3c4; color: #6b5200; }
.gli-badge.conditional { background: #fde4c4; color: #7a3e00; } .gli-badge.not_bought { background: #fbe3d6; color: #8a1c00; }
.gli-cell details { margin-top: .25rem; } .gli-cell summary { cursor: pointer; color: #31333f; }
.gli-cell blockquote { margin: .25rem 0 .5rem; padding-left: .6rem; border-left: 3px solid #ccc; }
.gli-cell details.gli-other > summary { color: #6b6f76; }
@media (max-width: 640px) { .gli-cells { grid-template-columns: minmax(0, 1fr); } }
.gli-heads { display: grid; gap: 1rem; grid-template-columns: repeat(var(--gli-n, 2), minmax(0, 1fr)); margin-bottom: 1rem; }
.gli-heads p { margin: 0; line-height: 1.6; overflow-wrap: break-word; }
.gli-heads b { font-weight: 600; } .gli-heads .gli-kind { color: rgb(104, 98, 85); }
@media (max-width: 640px) { .gli-heads { grid-template-columns: minmax(0, 1fr); } }
</style>
"""


def segments_markdown(segments: Sequence[Segment]) -> str:
    """Escaped Markdown: deleted words struck through in red, added words on green."""
    parts = []
    for segment in segments:
        text = segment.text.strip()
        if not text:
            continue
        if segment.kind == "same":
            parts.append(md_escape(text))
        elif segment.kind == "deleted":
            parts.append(f":red[~~{md_escape(text)}~~]")
        else:
            parts.append(f":green-background[{md_escape(text)}]")
    return " ".join(parts)


def _entry_html(entry: Entry, text_html: str | None = None) -> str:
    badge = ""
    if entry.label:
        kind = entry.force or entry.status or ""
        badge = f"<span class='gli-badge {escape(kind)}'>{escape(entry.label)}</span>"
    body = text_html if text_html is not None else escape(entry.text)
    detail = f"<br><span class='gli-detail'>{escape(entry.detail)}</span>" if entry.detail else ""
    return f"<div class='gli-entry'>{badge}{body}{detail}</div>"


def segments_html(segments: Sequence[Segment]) -> str:
    """Escaped HTML: deleted words in <del>, added words in <ins>."""
    tags = {"deleted": "del", "added": "ins"}
    parts = []
    for segment in segments:
        text = segment.text.strip()
        if not text:
            continue
        tag = tags.get(segment.kind)
        parts.append(f"<{tag}>{escape(text)}</{tag}>" if tag else escape(text))
    return " ".join(parts)


def cell_html(entries: Sequence[Entry], older: Sequence[Entry] | None = None) -> str:
    """A cell's entries as escaped HTML; with ``older`` (the same row of the older record
    of the same insurer) the wording is shown word by word against it."""
    none = f"<div class='gli-none'>– {escape(NOT_STATED_LABEL)}</div>"
    if entries and entries[0].kind == "other_role":
        # Stated, but for another role: the text one click away, never "niet vermeld".
        inner = "".join(_entry_html(e) for e in entries)
        return f"<details class='gli-other'><summary>– {escape(other_roles_label(entries))}</summary>{inner}</details>"
    if entries and entries[0].kind == "deferral":
        return f"<div class='gli-none'>– {escape(entries[0].label)}: {escape(entries[0].text)}</div>"
    if not entries and not older:
        return none
    if older is None or not [e for e in entries if e.is_statement] or not [e for e in older if e.is_statement]:
        return "".join(_entry_html(e) for e in entries) or none
    out = []
    for item in worded(older, entries):
        if item.entry is None:
            out.append(f"<div class='gli-entry'><del>{escape(item.before or '')}</del> "
                       "<span class='gli-detail'>(staat niet meer in deze tekst)</span></div>")
        elif item.before is None:
            out.append(_entry_html(item.entry, f"<ins>{escape(item.entry.text)}</ins>"))
        else:
            out.append(_entry_html(item.entry, segments_html(item.segments())))
    return "".join(out)


def row_cells_html(cat: Catalogue, row: TextRow, policies: Sequence[Policy], labels: dict[str, str],
                   pairs: dict[str, str]) -> str:
    """One row's cells side by side as one block of escaped HTML.

    Escaped HTML instead of columns, markdown and a popover per cell: a comparison of four
    records with forty topics drew some five hundred elements and took seconds to open.
    """
    cells = []
    for policy in policies:
        entries = row.cells.get(policy.key, ())
        older_key = pairs.get(policy.key)
        if older_key and not row.words_comparable(policy.key, older_key):
            # A summary's sentence beside the full rule is no rewording: both as they are.
            body = cell_html(entries) + (f"<div class='gli-detail'>{escape(row.word_note(policy.key, older_key, labels))}"
                                         "</div>" if entries or row.cells.get(older_key) else "")
        else:
            older = row.cells.get(older_key) if older_key else None
            body = cell_html(entries, older if older_key and (older or entries) else None)
        sources = [src for e in entries for src in e.sources]
        cells.append(f"<div class='gli-cell'><div class='gli-who'>{escape(labels[policy.key])}</div>"
                     f"{body}{sources_html(cat, sources)}</div>")
    return f"<div class='gli-cells' style='--gli-n: {len(policies)}'>{''.join(cells)}</div>"


class ComparedRows(tuple):
    """Rows of one part of a comparison, made by :func:`compared_rows` once per data folder,
    builder, record set and arguments; ``ident`` says which, so the page's HTML of the same
    rows is made once too (:func:`show_side_by_side`). A tuple of :class:`TextRow`."""

    ident: str


def compared_rows(make: Callable[..., Sequence[TextRow]], policies: Sequence[Policy], *args: Hashable,
                  only_differences: bool = False, with_catalogue: bool = False) -> ComparedRows:
    """``make(policies, *args)`` (``make(catalogue, policies, *args)`` ``with_catalogue``),
    only the rows that differ if asked, shared by reruns and sessions: the rows are frozen
    and every rerun of a page asked for them again. ``make`` is a module-level function of
    ``policy_model`` (its name is part of the key: no lambda, no page-local function)."""
    ident = data_ident(f"{make.__module__}.{make.__qualname__}", " ".join(p.key for p in policies),
                       repr(args), repr(only_differences), repr(with_catalogue))
    return _compared_rows(ident=ident, _make=make, _policies=tuple(policies), _args=args,
                          _only_differences=only_differences, _with_catalogue=with_catalogue)


@st.cache_resource(max_entries=256, show_spinner=False)
def _compared_rows(ident: str, _make: Callable[..., Sequence[TextRow]], _policies: tuple[Policy, ...], _args: tuple,
                   _only_differences: bool, _with_catalogue: bool) -> ComparedRows:
    # ``ident`` holds the data folder (another folder is another catalogue), the builder,
    # the record keys (they name the policies within the folder) and every argument.
    made = _make(catalogue(), list(_policies), *_args) if _with_catalogue else _make(list(_policies), *_args)
    rows = ComparedRows(filter_rows(made, _only_differences))
    rows.ident = ident
    return rows


def heads_html(cat: Catalogue, policies: Sequence[Policy]) -> str:
    """The column heads above the rows, as Streamlit's columns drew them (bold label, the
    kind of document in grey below it; stacked on a phone): escaped HTML."""
    heads = "".join(f"<p><b>{escape(cat.policy_label(p))}</b><br><span class='gli-kind'>"
                    f"{escape(cat.document_kind_label(p))}</span></p>" for p in policies)
    return f"<div class='gli-heads' style='--gli-n: {len(policies)}'>{heads}</div>"


def rows_html(cat: Catalogue, rows: Sequence[TextRow], policies: Sequence[Policy], key: str,
              pairs: dict[str, str]) -> str:
    """All rows as one block of escaped HTML: one element for the browser to draw, however many rows."""
    labels = {p.key: cat.policy_label(p) for p in policies}
    blocks = []
    for row in rows:
        head = f"<b>{escape(row.label)}</b>"
        solo = row.only_mentioned()
        if solo:  # silence of a document that does not settle it: no difference in policy
            head += f" <span class='gli-badge solo'>{escape(row.difference_note(labels))}</span>"
        elif row.differs:
            head += f" <span class='gli-badge differs'>✱ verschilt: {escape(row.difference_note(labels))}</span>"
        kind = "solo" if solo else "diff" if row.differs else "same"
        blocks.append(f"<div class='gli-row {kind}' id='gli-{escape(key)}-{escape(row.key)}'>"
                      f"<div class='gli-row-head'>{head}</div>{row_cells_html(cat, row, policies, labels, pairs)}</div>")
    return "".join(blocks)


@st.cache_resource(max_entries=256, show_spinner=False)
def _cached_rows_html(ident: str, _cat: Catalogue, _rows: ComparedRows, _policies: tuple[Policy, ...], _key: str,
                      _words: bool) -> Html:
    # ``ident`` names the rows (and with them the records and the data folder), the key and
    # whether the words are compared.
    return rows_block(_cat, _policies, rows_html(_cat, _rows, _policies, _key, word_pairs(_policies) if _words else {}))


def rows_block(cat: Catalogue, policies: Sequence[Policy], rows: str) -> Html:
    """The column heads, the rows and their style sheets (the rows' own and the page's
    print style) after them: one element where there were three and a column and a
    Markdown element per record."""
    return Html(heads_html(cat, policies) + rows + _CSS + PRINT_CSS)


def cached_rows_html(cat: Catalogue, rows: ComparedRows, policies: Sequence[Policy], key: str, words: bool) -> Html:
    """:func:`rows_block` of rows from :func:`compared_rows`, made once."""
    return _cached_rows_html(ident=f"{rows.ident}\x1f{key}\x1f{words}", _cat=cat, _rows=rows,
                             _policies=tuple(policies), _key=key, _words=words)


def show_side_by_side(
    cat: Catalogue, rows: Sequence[TextRow], policies: Sequence[Policy], *, key: str, first: str = "Onderwerp",
    show_words: bool = False, name: str = "gli-vergelijking", empty: str = "Niets vermeld voor deze selectie.",
    downloads: bool = True,
) -> None:
    """The column heads and the rows, one bordered block each (tinted where the records differ), and CSV/Excel
    downloads of the same content (``downloads=False`` where the page's :func:`takeaway_bar`
    at the top offers them, with their sources). Rows from :func:`compared_rows` are drawn
    from HTML made once."""
    if not rows:
        st.info(empty)
        return
    pairs = word_pairs(policies) if show_words else {}
    if isinstance(rows, ComparedRows):
        st.html(cached_rows_html(cat, rows, policies, key, bool(pairs)))
    else:
        st.html(rows_block(cat, policies, rows_html(cat, rows, policies, key, pairs)))
    if pairs:
        st.caption("Woord voor woord: :red[~~doorgestreept~~] staat niet meer in de nieuwere tekst, "
                   ":green-background[groen gemarkeerd] is nieuw, tegenover het oudere jaar van dezelfde verzekeraar. "
                   "📄 Bron opent het citaat uit het document.")
    st.caption("‘– Niet vermeld in het beleid’ betekent dat het document er niets over zegt; dat is geen ‘nee’."
               + (" ‘– Alleen voor …’: het document zegt het wel, voor een andere rol (klik om te lezen); "
                  f"‘– {DEFERRAL_LABELS['other_text']}’, ‘– {DEFERRAL_LABELS['this_text']}’, "
                  f"‘– {DEFERRAL_LABELS['later']}’: het document legt het hier niet vast, het citaat zegt wat het "
                  "in plaats daarvan zegt; "
                  "‘Niet gesteld’, ‘Geen eigen route’, ‘Niet in de lijst’: het document noemt zijn eisen, routes, programma's of registers "
                  "volledig en dit staat er niet bij."
                  if any(e.kind != "statement" for r in rows for es in r.cells.values() for e in es) else ""))
    if downloads:  # the rows of the files made only when one is asked for
        download_table(partial(export_rows, cat, rows, policies, first, pairs), name, key=key)


@dataclass(frozen=True)
class Takeaway:
    """What a comparison page hands out: its parts as shown (made only when a file is asked
    for), the rows and subject of its hand-out (all rows, so it can count those that are the
    same), and the view's role and filters, which the files print so a reader knows what
    they hold."""

    page: str
    name: str
    parts: Callable[[], list[Part]]
    handout_rows: Callable[[], list[TextRow]]
    subject: str = REQUIREMENTS_SUBJECT
    role: str | None = None
    by_role: bool = False
    filters: tuple[tuple[str, str], ...] = ()
    word_pairs: dict[str, str] = field(default_factory=dict)


def takeaway_bar(cat: Catalogue, policies: Sequence[Policy], takeaway: Takeaway) -> None:
    """The files to take away from this view, at the top of the page, each named for what
    it gives: the A4 hand-out, the Excel workbook with its sources, the CSV."""
    policies = list(policies)
    link = _current_link()
    # The widgets that show the role and filters on screen are not printed; this line is
    # (with the print style sheet, in the same element).
    print_caption(" · ".join(
        [f"Afgedrukt uit de GLI-inkoopwijzer op {nl_date(today())}"]
        + ([f"Rol: {_role_label(takeaway) or 'alle rollen'}"] if takeaway.by_role else [])
        + [f"{name}: {value}" for name, value in takeaway.filters]
        + ([f"Deze weergave online: {link}"] if link else [])))
    stem = f"{takeaway.name}-" + "-".join(p.key for p in policies)
    with st.container(horizontal=True, gap="small", key="gli-takeaway"):
        download_button(
            st, "⬇️ Hand-out (A4, HTML)", partial(_handout, cat, policies, takeaway, link),
            file_name=f"gli-hand-out-{stem}.html", mime="text/html", on_click="ignore", key="handout",
            help="Om uit te delen: wat verschilt tussen de gekozen documenten, met de volledige teksten naast elkaar"
            + (" voor de gekozen rol" if takeaway.by_role else "") + ", in één oogopslag en met de bronnen; "
            "één of twee A4 bij twee of drie documenten" + (" en een rol" if takeaway.by_role else "")
            + ". Open het bestand en druk het af.",
        )
        download_button(
            st, "⬇️ Excel (.xlsx) met bronnen", partial(_xlsx, cat, policies, takeaway, link),
            file_name=f"{stem}.xlsx", mime=XLSX_MIME, on_click="ignore", key="takeaway_xlsx",
            help="Elk onderdeel van deze pagina op een eigen blad (één kolom per document, volledige teksten), "
            "een blad ‘Bronnen’ met document, paragraaf, citaat en adres per uitspraak, en ‘Over deze export’.",
        )
        download_button(
            st, "⬇️ CSV met bronnen", partial(_csv, cat, policies, takeaway), file_name=f"{stem}.csv",
            mime="text/csv", on_click="ignore", key="takeaway_csv",
            help="Eén rij per uitspraak met document, paragraaf, citaat en adres; puntkomma-gescheiden, UTF-8: "
            "opent direct in Excel.",
        )


def _role_label(takeaway: Takeaway) -> str | None:
    return ROLE_SHORT_LABELS[takeaway.role] if takeaway.role else None


def _handout(cat: Catalogue, policies: list[Policy], takeaway: Takeaway, link: str | None) -> str:
    return comparison_handout_html(cat, policies, today(), rows=takeaway.handout_rows(),
                                   subject=takeaway.subject, role=takeaway.role, by_role=takeaway.by_role,
                                   link=link)


def _context(takeaway: Takeaway, link: str | None) -> ExportContext:
    return ExportContext(takeaway.page, today(), _role_label(takeaway) if takeaway.by_role else None,
                         takeaway.filters, link)


def _xlsx(cat: Catalogue, policies: list[Policy], takeaway: Takeaway, link: str | None) -> bytes:
    return comparison_xlsx_bytes(cat, policies, takeaway.parts(), _context(takeaway, link), takeaway.word_pairs)


def _csv(cat: Catalogue, policies: list[Policy], takeaway: Takeaway) -> bytes:
    return comparison_csv_bytes(cat, policies, takeaway.parts())


def _current_link() -> str | None:
    """The address of this view (page and every choice in the URL), printed on the hand-out
    so a reader can open the same comparison; None where the server cannot tell it."""
    base = (st.context.url or "").split("?")[0]
    if not base:
        return None
    query = urlencode([(key, value) for key, values in live_params().items() for value in values])
    return f"{base}?{query}" if query else base


def words_switch(policies: Sequence[Policy], key: str, help: str | None = None) -> tuple[dict[str, str], bool]:
    """The "woord voor woord" switch, shown where two years of one insurer in its own words are
    chosen; where a derived record is one of them, a line saying why it is not there. Returns
    the word pairs (:func:`word_pairs`) and whether the switch is on."""
    pairs = word_pairs(policies)
    if pairs:
        return pairs, url_toggle("Tekstwijzigingen woord voor woord", key, default=True, help=help)
    note = words_withheld_note(catalogue(), policies)
    if note:
        st.caption(md_escape(note.strip()))
    return pairs, False


def filter_rows(rows: Sequence[TextRow], only_differences: bool) -> list[TextRow]:
    return [r for r in rows if r.differs] if only_differences else list(rows)
