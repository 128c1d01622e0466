"""gov_report_nlp: typed, grounded facts out of Vietnamese government reports and portal news.

    >>> from gov_report_nlp import extract
    >>> report = extract(text)
    >>> report.model_dump(mode="json")      # the contract's JSON
"""
from __future__ import annotations

from .batch import extract_many
from .doc.document import Document, Segment, Span
from .errors import GovReportError, InputError, LexiconError
from .io.files import read_file
from .pipeline import extract_file
from .lexicon import UserLexicons
from .doc.make import make_document
from .io.normalize import normalize_text
from .pipeline import extract, run
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

__version__ = "0.1.0"


def __getattr__(name: str):
    # render_html imports the HTML renderer only when asked for (a cold `extract` does not need it)
    if name == "render_html":
        from .out.render import render_html

        return render_html
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "extract", "extract_many", "extract_file", "read_file", "UserLexicons", "run", "make_document", "normalize_text", "render_html",
    "Document", "Segment", "Span",
    "Report", "Evidence", "FormalDocument", "Signer", "Person", "Meeting", "DocumentRef",
    "Award", "Target", "Term", "Organization", "Place",
    "GovReportError", "InputError", "LexiconError",
]
