"""The typed records and the Report: pydantic v2 models of ../shared/contract/report-format.md.

Every record carries `evidence`, the span of the normalized text it was read from; the
contract's keys are never renamed or dropped, extra keys (evidence, codes, expansions)
are additions the scorer ignores.
"""
from __future__ import annotations

import json
import types
import typing
from functools import lru_cache
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field

from .errors import GovReportError

FORMAT_VERSION = "1"


class Evidence(BaseModel):
    """A span [start, end) of the normalized text, and the text there."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Evidence":
        """Evidence for text[start:end], trimmed of surrounding spaces."""
        if not 0 <= start <= end <= len(text):  # a span the slice does not read as the loops do
            return cls.of_plain(text, start, end)
        piece = text[start:end]
        kept = piece.strip()  # (str.strip drops what str.isspace holds for, as of_plain's loops)
        if len(kept) != len(piece):
            start += len(piece) - len(piece.lstrip())
            end = start + len(kept)
        # validated as cls(...) validates (same checks, same fields set), without
        # BaseModel.__init__'s Python frame: ~2 800 calls per dev pass, from every extractor
        return cls.__pydantic_validator__.validate_python({"start": start, "end": end, "text": kept})

    @classmethod
    def of_plain(cls, text: str, start: int, end: int) -> "Evidence":
        """Evidence.of with the spaces stepped over one by one (benchmarks/check_refs.py compares)."""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls.__pydantic_validator__.validate_python({"start": start, "end": end, "text": text[start:end]})


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    evidence: Optional[Evidence] = None
    # the numbers of the outline's sections that contain the evidence, outermost first: "II > 1 > 1.1"
    section: Optional[str] = None


class Signer(Record):
    name: str
    titles: list[str] = Field(default_factory=list)


class FormalDocument(Record):
    """The header of a formal document (Decree 30/2020/NĐ-CP, Guide 36-HD/VPTW)."""

    kind: Optional[str] = None
    number: Optional[str] = None
    authority: Optional[str] = None
    place: Optional[str] = None
    date: Optional[str] = None
    summary: Optional[str] = None
    signers: list[Signer] = Field(default_factory=list)
    layout: Optional[str] = None  # "state" or "party"


class Person(Record):
    name: str
    titles: list[str] = Field(default_factory=list)
    titles_expanded: list[str] = Field(default_factory=list)
    mentions: list[Evidence] = Field(default_factory=list)


class Meeting(Record):
    kind: str
    name: Optional[str] = None
    ordinal: Optional[int] = None
    organizer: Optional[str] = None
    date: Optional[str] = None
    part_of_day: Optional[str] = None
    chairs: list[str] = Field(default_factory=list)
    attendees: list[str] = Field(default_factory=list)
    resolutions: list[str] = Field(default_factory=list)
    resolution_count: Optional[int] = None
    place: Optional[str] = None
    purpose: Optional[str] = None
    period: Optional[str] = None
    attendance: Optional[dict[str, Any]] = None
    # spans of each chair / attendee phrase, parallel to chairs / attendees (for link.py)
    chair_evidence: list[Evidence] = Field(default_factory=list)
    attendee_evidence: list[Evidence] = Field(default_factory=list)


class DocumentRef(Record):
    kind: Optional[str] = None
    number: str
    date: Optional[str] = None
    issuer: Optional[str] = None
    type_code: Optional[str] = None
    issuer_code: Optional[str] = None
    issuer_expanded: Optional[str] = None  # the issuer code decoded ("TW" -> "Trung ương")


class Award(Record):
    kind: str
    issuer: Optional[str] = None
    collectives: Optional[int] = None
    individuals: Optional[int] = None
    reason: Optional[str] = None
    decision: Optional[str] = None


class Target(Record):
    indicator: Optional[str] = None
    value: float
    value_max: Optional[float] = None
    unit: Optional[str] = None
    relation: Optional[str] = None
    of: Optional[float] = None
    text: Optional[str] = None
    # the reporting period the quantity measures, from periods.find_periods: {"text": as
    # written, "start"/"end": ISO at month or year precision} ("6 tháng đầu năm 2020" gives
    # "2020-01" to "2020-06"; "năm 2019" gives "2019" to "2019"), or None
    period: Optional[dict[str, Optional[str]]] = None


class Term(Record):
    body: Optional[str] = None
    ordinal: Optional[int] = None
    start: int
    end: int


class Organization(Record):
    name: str
    kind: Optional[str] = None
    level: Optional[str] = None
    place: Optional[str] = None
    expanded: Optional[str] = None


class Place(Record):
    name: str
    level: Optional[str] = None
    province: Optional[str] = None
    province_2025: Optional[str] = None


class Section(BaseModel):
    """One numbered section of a document's outline (gov_report_nlp.doc.outline): its marker as
    written ("Chương II", "Điều 3", "I", "1.1", "a", "-"), its heading or None where the item
    runs straight into its body, its depth (1 outermost) and the span [start, end) of the whole
    section, heading and body, in the normalized text."""

    model_config = ConfigDict(extra="forbid")

    number: str
    heading: Optional[str] = None
    level: int
    start: int
    end: int
    section: Optional[str] = None  # the path of numbers down to this one: "II > 1 > 1.1"


class Segment(BaseModel):
    kind: str
    start: int
    end: int


class Report(BaseModel):
    """One document's facts: the public JSON of the contract, plus evidence and warnings."""

    model_config = ConfigDict(extra="forbid")

    id: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    authors: list[str] = Field(default_factory=list)
    document: Optional[FormalDocument] = None
    people: list[Person] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    document_refs: list[DocumentRef] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    # the numbered sections of the document in order (flat; `level` gives the tree)
    outline: list[Section] = Field(default_factory=list)
    # evidence of the report-level fields: {"title": [...], "published": [...], "authors": [...]}
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict)
    layout: Optional[str] = None
    input_format: Optional[str] = None
    encoding: Optional[str] = None
    warnings: list[str] = Field(default_factory=list)
    format_version: str = FORMAT_VERSION

    def records(self):
        """Every record of the report with an evidence span, for checks and rendering."""
        for key in ("people", "meetings", "document_refs", "awards", "targets", "terms", "organizations", "places"):
            for r in getattr(self, key):
                yield key, r
        if self.document is not None:
            yield "document", self.document
            for s in self.document.signers:
                yield "signer", s

    def to_rows(self, kind: str) -> list[dict[str, Any]]:
        """One flat dict per record of `kind` ("awards", "meetings", "people", "document_refs",
        "targets", "terms", "organizations", "places", "document"): the document's id first,
        then the record's fields flattened (see _shape below)."""
        return to_rows(self, kind)

    def to_dataframe(self, kind: str):
        """The rows of `kind` as a pandas DataFrame (the 'tables' extra); columns fixed per kind."""
        return dataframe(to_rows(self, kind), kind)


class ErrorLine(BaseModel):
    """What a batch writes in place of a report for an input line it could not read."""

    model_config = ConfigDict(extra="forbid")

    id: Optional[str] = Field(default=None, description="the id of the input line, as given (a number as its JSON text)")
    error: str = Field(description="what is wrong, starting with the input's name and line number: \"docs.jsonl:3: not JSON: ...\"")


# -- records as flat rows (CSV, DataFrame): how a model's fields flatten -------------------
# Here, beside the models, so that Report.to_rows needs nothing above this module;
# gov_report_nlp.out.tables builds CSV files and DataFrames of many reports on it.

#: kind -> the model of its records
KINDS: dict[str, type[BaseModel]] = {
    "awards": Award,
    "meetings": Meeting,
    "people": Person,
    "document_refs": DocumentRef,
    "targets": Target,
    "terms": Term,
    "organizations": Organization,
    "places": Place,
    "document": FormalDocument,
}
JOIN = "; "
TABLES_HINT = "install the 'tables' extra: pip install 'gov-report-nlp[tables]'"


class KindError(GovReportError, ValueError):
    """A kind of record that is not one of KINDS."""


def _check(kind: str) -> type[BaseModel]:
    try:
        return KINDS[kind]
    except (KeyError, TypeError):
        raise KindError(f"no such kind of record: {kind!r} (one of {', '.join(KINDS)})") from None


def _shape(annotation: Any) -> str:
    """How a field is flattened: evidence, spans, signers, list, mapping or scalar."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _shape(args[0])
    if annotation is Evidence:
        return "evidence"
    if origin is list:
        item = args[0] if args else str
        if item is Evidence:
            return "spans"
        if item is Signer:
            return "signers"
        return "list"
    if origin is dict:
        return "mapping"
    return "scalar"


@lru_cache(maxsize=None)
def _layout(kind: str) -> tuple[tuple[str, str], ...]:
    """(field name, shape) of a kind's model, in the model's order, then the record's section
    (where it sits in the outline) and its evidence last."""
    model = _check(kind)
    fields = [(name, _shape(f.annotation)) for name, f in model.model_fields.items()]
    return tuple(sorted(fields, key=lambda f: {"section": 1, "evidence": 2}.get(f[0], 0)))


@lru_cache(maxsize=None)
def _columns(kind: str) -> tuple[str, ...]:
    cols = ["id"]
    for name, shape in _layout(kind):
        if shape == "evidence":
            cols += [f"{name}_start", f"{name}_end", f"{name}_text"]
        elif shape == "signers":
            cols += [name, f"{name}_titles"]
        else:
            cols.append(name)
    return tuple(cols)


def columns(kind: str) -> list[str]:
    """The header of a kind's table: "id", then the flattened fields of its model."""
    return list(_columns(kind))


def _records(report: "Report", kind: str) -> list[BaseModel]:
    if kind == "document":
        return [report.document] if report.document is not None else []
    return list(getattr(report, kind))


def _row(doc_id: str | None, record: BaseModel, kind: str) -> dict[str, Any]:
    row: dict[str, Any] = {"id": doc_id}
    for name, shape in _layout(kind):
        value = getattr(record, name)
        if shape == "evidence":
            row[f"{name}_start"] = value.start if value is not None else None
            row[f"{name}_end"] = value.end if value is not None else None
            row[f"{name}_text"] = value.text if value is not None else None
        elif shape == "spans":
            row[name] = JOIN.join(f"{e.start}-{e.end}" for e in value)
        elif shape == "signers":
            row[name] = JOIN.join(s.name for s in value)
            row[f"{name}_titles"] = JOIN.join(f"{s.name}: {', '.join(s.titles)}" for s in value if s.titles)
        elif shape == "list":
            row[name] = JOIN.join(str(v) for v in value)
        elif shape == "mapping":
            row[name] = json.dumps(value, ensure_ascii=False, sort_keys=True) if value is not None else None
        else:
            row[name] = value
    return row


def to_rows(report: "Report", kind: str) -> list[dict[str, Any]]:
    """One flat dict per record of `kind` in the report, keys in the order of columns(kind)."""
    _check(kind)
    return [_row(report.id, r, kind) for r in _records(report, kind)]



def dataframe(rows: list[dict[str, Any]], kind: str):
    """A pandas DataFrame of rows of `kind` (the 'tables' extra), with columns(kind) always."""
    try:
        import pandas
    except ImportError:
        raise ImportError(f"a DataFrame needs pandas: {TABLES_HINT}") from None
    return pandas.DataFrame(rows, columns=columns(kind))
