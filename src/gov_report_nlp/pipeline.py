"""The ordered extractors: plain data, no plugin machinery.

raw -> normalize (make_document) -> segment -> extractors -> link -> Report
Each extractor reads the Document and yields records; none calls another. What several
need (dates, numbers, titles) lives in the shared layers below them.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import islice
from pathlib import Path

from pydantic import ValidationError

from . import budget
from .budget import format_seconds
from .doc.document import Document
from .errors import GovReportError
from .extractors import awards, header, indicators, meetings, organizations, people, places, refs, targets, terms
from .lexicon import activate
from .link import link
from .doc.make import make_document
from .io.files import FileText, read_file
from .doc.outline import find_outline, place_records
from .records import Report

def find_all_targets(doc: Document):
    """The targets of the running text and those of the tables of indicators; a row of such a
    table is read by the table's columns only (extractors/indicators.py)."""
    rows = indicators.table_rows(doc)
    if not rows:
        yield from targets.find_targets(doc)
        return
    starts = [a for a, _ in rows]

    def in_table(t) -> bool:
        i = bisect_right(starts, t.evidence.start) - 1
        return i >= 0 and t.evidence.start < rows[i][1]

    found = [t for t in targets.find_targets(doc) if t.evidence is None or not in_table(t)]
    found += indicators.find_table_targets(doc)
    yield from sorted(found, key=lambda t: t.evidence.start if t.evidence else 0)


# report key -> the extractor's one public verb
EXTRACTORS = {
    "people": people.find_people,
    "organizations": organizations.find_organizations,
    "places": places.find_places,
    "meetings": meetings.find_meetings,
    "document_refs": refs.find_document_refs,
    "awards": awards.find_awards,
    "targets": find_all_targets,
    "terms": terms.find_terms,
}


def timeout_warning(key: str, e: TimeoutError) -> str:
    """The warning for an extractor whose pattern timed out (the regex module's TimeoutError,
    or budget.PatternTimeout, which also gives the seconds)."""
    seconds = getattr(e, "seconds", None)
    after = f" after {format_seconds(seconds)} s" if seconds is not None else ""
    return f"{key}: pattern timed out{after}; facts of this kind may be missing"


def _valid_fields(head: dict, fields: dict, doc: Document) -> dict:
    """The fields that validate one by one: a bug that gave one field records of the wrong kind
    loses that field (said in a warning, as an extractor's failure is), not the document."""
    valid = {}
    for key, records in fields.items():
        try:
            Report(**head, **{key: records})
        except ValidationError as e:
            doc.warnings.append(f"{key}: extractor failed: ValidationError: {e.error_count()} invalid record(s)")
        else:
            valid[key] = records
    return valid


def run(doc: Document) -> Report:
    """Run every extractor over one Document and link the records into a Report."""
    facts = header.read_header(doc)
    # the report's fields, given to one Report(...) at the end: one validation instead of a
    # model __setattr__ per field (the records themselves are not validated again: pydantic
    # takes a model's own instances as they are)
    fields = {}
    try:
        fields["outline"] = find_outline(doc)
    except GovReportError:
        raise
    except Exception as e:  # a bug in the outline loses the outline, not the document
        doc.warnings.append(f"outline: failed: {type(e).__name__}: {e}")
    for key, find in EXTRACTORS.items():
        try:
            most = budget.MAX_RECORDS
            records = list(islice(find(doc), most + 1))
            if len(records) > most:
                # a hostile or machine-made text ("50 ha " x 200 000): bounded time, said out loud
                del records[most:]
                doc.warnings.append(f"{key}: more than {most} records; the rest were not extracted")
            fields[key] = records
        except GovReportError:
            raise  # misuse (a bad lexicon line): a clear error, not a silent gap
        except TimeoutError as e:  # a pattern ran past its limit (budget.py): its kind is lost, not the document
            doc.warnings.append(timeout_warning(key, e))
        except Exception as e:  # a bug in one extractor loses its facts, not the document
            doc.warnings.append(f"{key}: extractor failed: {type(e).__name__}: {e}")
    head = dict(id=doc.id, title=facts.title, published=facts.published, authors=facts.authors,
                document=facts.document, evidence=facts.evidence, layout=doc.layout,
                input_format=doc.input_format, encoding=doc.encoding)
    try:
        report = Report(**head, **fields)
    except ValidationError:
        report = Report(**head, **_valid_fields(head, fields, doc))
    try:
        link(doc, report)
    except GovReportError:
        raise
    except Exception as e:
        doc.warnings.append(f"link: failed: {type(e).__name__}: {e}")
    place_records(report)
    report.warnings = list(doc.warnings)
    return report


def extract(text: str, *, input_format: str = "auto", id: str | None = None, lexicon=...) -> Report:
    """Extract the Report of one text (plain text or HTML).

    lexicon: a directory of the team's own lexicon files (or a lexicon.UserLexicons, or a
    list of them) added to the built-in ones; None for the built-in ones only. The set given
    stays active for later calls until another is given (switching recompiles the patterns,
    so keep one set for a batch); left out, the active set is used.
    """
    if lexicon is not ...:
        activate(lexicon)
    return run(make_document(text, input_format=input_format, id=id))


# -- files: a report of what a file holds (io reads it; the pipeline extracts) ----------

def extract_text_of(ft: FileText, id: str | None = None):
    """The Report of a FileText: the pipeline run on ft.text, with its format and warnings."""
    report = extract(ft.text, input_format=ft.input_format, id=id)
    if ft.encoding is not None:
        report.encoding = ft.encoding
    report.warnings = ft.warnings + report.warnings
    return report


def extract_file(path: str | Path, fmt: str = "auto", id: str | None = None, *, errors: str = "strict"):
    """The Report of one file (PDF, DOCX, text or HTML); its id is the path unless given.

    input_format is "pdf", "docx", "text" or "html". Spans (evidence start/end) point
    into the text read from the file, `read_file(path).text`, not into its bytes.
    """
    ft = read_file(path, fmt, errors=errors)
    return extract_text_of(ft, id=str(path) if id is None else id)
