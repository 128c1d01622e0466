"""The typed records and the Report: pydantic v2 models of ../shared/contract/report-format.md.

Every record carries `evidence`, the span of the normalized text it was read from; the
contract's keys are never renamed or dropped, extra keys (evidence, codes, expansions)
are additions the scorer ignores.
"""
from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field

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
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls(start=start, end=end, text=text[start:end])


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    evidence: Optional[Evidence] = None


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
        then the record's fields flattened (gov_report_nlp.tables says how)."""
        from .tables import to_rows

        return to_rows(self, kind)

    def to_dataframe(self, kind: str):
        """The rows of `kind` as a pandas DataFrame (the 'tables' extra); columns fixed per kind."""
        from .tables import to_dataframe

        return to_dataframe(self, kind)


class ErrorLine(BaseModel):
    """What a batch writes in place of a report for an input line it could not read."""

    model_config = ConfigDict(extra="forbid")

    id: Optional[str] = Field(default=None, description="the id of the input line, as given (a number as its JSON text)")
    error: str = Field(description="what is wrong, starting with the input's name and line number: \"docs.jsonl:3: not JSON: ...\"")


META_SCHEMA = {
    "type": "object",
    "description": "JSONL input only: the input line's keys other than \"id\" and \"text\" (\"source\", \"url\", "
                   "a user's own), as given, so results can be joined back; absent when the line has none",
}


def line_schema() -> dict[str, Any]:
    """The JSON Schema of every line (jsonl) or item (json) `gov-report-nlp extract` writes:
    a Report, or an ErrorLine for an input it could not read, each with the optional "meta"."""
    defs: dict[str, Any] = {}
    for model in (Report, ErrorLine):
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        schema["properties"]["meta"] = META_SCHEMA
        defs[model.__name__] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "gov-report-nlp output line",
        "description": "One line of `gov-report-nlp extract --format jsonl` (one item of --format json): "
                       "the Report of an input, or an ErrorLine for an input that could not be read or extracted.",
        "oneOf": [{"$ref": "#/$defs/Report"}, {"$ref": "#/$defs/ErrorLine"}],
        "$defs": defs,
    }
