"""Reports as tables: one flat row per record of a kind, for CSV files and DataFrames.

    >>> rows = report.to_rows("awards")            # [{"id": ..., "kind": ..., ...}, ...]
    >>> df = report.to_dataframe("awards")         # needs pandas: the 'tables' extra
    >>> columns("awards")                          # the header, the same for every report

The columns of a kind come from its model's fields, never from the data, so rows of many
documents share one header: `id` (the document's id) first, then each field in the
model's order, flattened, and the record's evidence last:

- a scalar stays as it is (None for a missing value: an empty cell in a CSV);
- a list of strings is joined with "; " ("Bí thư; Chủ tịch");
- a list of spans (Person.mentions, Meeting.chair_evidence...) is joined as "start-end";
- a nested object is flattened with prefixed names: evidence -> evidence_start,
  evidence_end, evidence_text; the signers of the header -> signers (names) and
  signers_titles ("name: title, title");
- a mapping (Meeting.attendance) is one JSON cell.

Kinds: the record lists of a Report (people, meetings, document_refs, awards, targets,
terms, organizations, places) and "document", the header of a formal document (one row,
or none).
"""
from __future__ import annotations

import json
import types
import typing
from functools import lru_cache
from typing import Any, Iterable

from pydantic import BaseModel

from .errors import GovReportError
from .records import (
    Award,
    DocumentRef,
    Evidence,
    FormalDocument,
    Meeting,
    Organization,
    Person,
    Place,
    Report,
    Signer,
    Target,
    Term,
)

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


def _records(report: Report, kind: str) -> list[BaseModel]:
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


def to_rows(report: Report, kind: str) -> list[dict[str, Any]]:
    """One flat dict per record of `kind` in the report, keys in the order of columns(kind)."""
    _check(kind)
    return [_row(report.id, r, kind) for r in _records(report, kind)]


def rows(reports: Iterable[Report], kind: str) -> Iterable[dict[str, Any]]:
    """The rows of many reports, one after the other (lazily); other items are skipped."""
    _check(kind)
    for report in reports:
        if isinstance(report, Report):
            yield from to_rows(report, kind)


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError(f"a DataFrame needs pandas: {TABLES_HINT}") from None
    return pandas


def to_dataframe(reports: Report | Iterable[Report], kind: str):
    """A pandas DataFrame of the records of `kind` of one report or many; columns(kind) always."""
    pd = _pandas()
    if isinstance(reports, Report):
        reports = [reports]
    return pd.DataFrame(list(rows(reports, kind)), columns=columns(kind))
