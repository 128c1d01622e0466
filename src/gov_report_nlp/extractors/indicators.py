"""Targets from the tables of indicators of reports.

    >>> list(find_table_targets(doc))   # [Target(indicator="Tổng thu ngân sách", value=150, ...), ...]

A report's table "Chỉ tiêu | Đơn vị | Kế hoạch | Thực hiện | Tỷ lệ % so KH" (the text of a DOCX
table row, cells separated by " | ", as files.read_docx gives it) holds one target per
indicator row and value column: the indicator from the row's indicator cell (without its
"1." / "a)" numbering), the unit from its unit cell ("%" in a column of percentages), the
relation from the column's header (data/vi/table_value_headers.txt: "kế hoạch", "thực
hiện", "so với kế hoạch"...), the value from the cell, and the evidence on the cell.
A table is read from the row whose cells name an indicator column and at least one value
column (data/vi/table_*_headers.txt) to the last row of " | " cells after it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ..doc.document import Document
from ..lexicon import alternation, lazy_pattern, load_list, load_map
from ..lang.numbers import parse_number
from ..records import Evidence, Target

SEP = " | "
_NUMBERING = lazy_pattern(regex.compile, r"^\s*(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]\s*|^\s*[-–+•]\s*")
_VALUE = lazy_pattern(regex.compile, r"^\s*(?P<num>[-–]?\s*\d[\d.,]*)\s*(?:(?P<pct>%)|(?P<unit>[^\W\d_][\w/ ]*?))?\s*$")
_PERCENT_HEADER = lazy_pattern(regex.compile, r"%|tỷ\s+lệ", regex.IGNORECASE)


@dataclass
class _Cell:
    start: int
    end: int
    text: str  # stripped


@dataclass
class _Column:
    index: int
    relation: str
    percent: bool


@lru_cache(maxsize=None)
def _headers() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, dict[str, str]]:
    """(indicator header, unit header, value header) patterns, and value header -> relation."""
    values = {k.lower(): v for k, v in load_map("table_value_headers").items()}
    flags = regex.IGNORECASE
    return (lazy_pattern(regex.compile, rf"(?:{alternation(load_list('table_indicator_headers'))})(?!\w)", flags),
            lazy_pattern(regex.compile, rf"(?:{alternation(load_list('table_unit_headers'))})(?!\w)", flags),
            lazy_pattern(regex.compile, rf"(?P<head>{alternation(values)})(?!\w)", flags),
            values)


def _cells(text: str, start: int, end: int) -> list[_Cell]:
    """The cells of a row "a | b | c" (an empty last cell may have lost its space: "b |")."""
    out, pos = [], start
    while True:
        cut = text.find("|", pos, end)
        stop = end if cut < 0 else cut
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        out.append(_Cell(pos + lead, pos + len(raw.rstrip()), raw.strip()))
        if cut < 0:
            return out
        pos = cut + 1


def _header(cells: list[_Cell], above: tuple | None = None) -> tuple | None:
    """(indicator column, unit column, value columns) when the row is a header row; a row
    naming the indicator column but no value column gives (indicator, unit, []), whose value
    columns a second header row under it may name ("Năm 2027" over "KH | TH | % so KH")."""
    ind_re, unit_re, value_re, relations = _headers()
    indicator, unit = above[:2] if above else (None, None)
    columns = []
    for i, c in enumerate(cells):
        if indicator is None and ind_re.match(c.text, None, None, False):
            indicator = i
        elif unit is None and unit_re.match(c.text, None, None, False):
            unit = i
        elif indicator is not None and i != indicator:
            m = value_re.match(c.text)
            if m:
                rel = relations[" ".join(m["head"].lower().split())]
                columns.append(_Column(i, rel, rel.startswith("so với") or bool(_PERCENT_HEADER.search(c.text))))
    if indicator is None or (above and not columns):
        return None
    return indicator, unit, columns


def _tables(doc: Document) -> Iterator[tuple[int, int, list[_Cell], tuple | None]]:
    """(start, end, cells, header) of every row of a table of indicators after its header;
    header None on the header rows themselves."""
    text = doc.text
    if SEP not in text:
        return  # no line has a cell (SEP holds no line break): most documents
    header = None
    for ln in doc.iter_lines():
        if text.count(SEP, ln.start, ln.end) == 0:
            header = None  # the table is over
            continue
        cells = _cells(text, ln.start, ln.end)
        pending = header if header is not None and not header[2] else None
        found = _header(cells, pending)
        if found is not None and (found[2] or pending is None):
            header = found
            yield ln.start, ln.end, cells, None
        elif header is not None and header[2]:
            yield ln.start, ln.end, cells, header
        elif pending is not None:
            header = None  # no value columns under the first header row: not a table of indicators


def find_table_targets(doc: Document) -> Iterator[Target]:
    """One target per indicator row and value column of every table of indicators."""
    for _, _, cells, header in _tables(doc):
        if header is not None:
            yield from _row(doc.text, cells, *header)


def table_rows(doc: Document) -> list[tuple[int, int]]:
    """Spans of the lines read as rows of a table of indicators (their figures are given
    by find_table_targets, not by the running-text targets)."""
    return [(start, end) for start, end, _, _ in _tables(doc)]


def _cell_unit(words: str | None) -> str | None:
    """A unit written in the value's own cell ("150 tỷ đồng"), when the units lexicon knows it."""
    if not words:
        return None
    rest = words.lower()
    for mult in _multipliers():  # "tỷ đồng", "nghìn tấn": a multiplier word stays in the unit
        if rest.startswith(mult + " "):
            rest = rest[len(mult) + 1:]
            break
    return words if rest in _units() else None


@lru_cache(maxsize=None)
def _multipliers() -> tuple[str, ...]:
    return tuple(sorted((m.lower() for m in load_list("unit_multipliers")), key=len, reverse=True))


@lru_cache(maxsize=None)
def _units() -> frozenset[str]:
    return frozenset(u.lower() for u in load_list("units"))


def _row(text: str, cells: list[_Cell], ind: int, unit_col: int | None, columns: list[_Column]) -> Iterator[Target]:
    if ind >= len(cells):
        return
    indicator = _NUMBERING.sub("", cells[ind].text).strip() or None
    if indicator is None:
        return
    unit = cells[unit_col].text or None if unit_col is not None and unit_col < len(cells) else None
    for col in columns:
        if col.index >= len(cells):
            continue
        cell = cells[col.index]
        m = _VALUE.match(cell.text)
        if not m:
            continue
        value = parse_number(regex.sub(r"[-–\s]", "", m["num"]))
        if value is None:
            continue
        if m["num"].lstrip()[:1] in "-–":
            value = -value
        yield Target(
            indicator=indicator,
            value=value,
            unit="%" if col.percent or m["pct"] else (_cell_unit(m["unit"]) or unit),
            relation=col.relation,
            text=cell.text,
            evidence=Evidence.of(text, cell.start, cell.end),
        )
