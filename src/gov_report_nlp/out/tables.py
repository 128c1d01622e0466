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

from typing import Any, Iterable

from ..records import (  # noqa: F401  (the rows of one report are records' own)
    JOIN,
    KINDS,
    TABLES_HINT,
    KindError,
    Report,
    columns,
    dataframe,
    to_rows,
)


def rows(reports: Iterable[Report], kind: str) -> Iterable[dict[str, Any]]:
    """The rows of many reports, one after the other (lazily); other items are skipped."""
    columns(kind)  # an unknown kind fails here, before the first report
    for report in reports:
        if isinstance(report, Report):
            yield from to_rows(report, kind)


def to_dataframe(reports: Report | Iterable[Report], kind: str):
    """A pandas DataFrame of the records of `kind` of one report or many; columns(kind) always."""
    if isinstance(reports, Report):
        reports = [reports]
    return dataframe(list(rows(reports, kind)), kind)
