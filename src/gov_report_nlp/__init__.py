"""gov_report_nlp: typed, grounded facts out of Vietnamese government reports and portal news.

    >>> from gov_report_nlp import extract
    >>> report = extract(text)
    >>> report.model_dump(mode="json")      # the contract's JSON
"""
from __future__ import annotations

import importlib

from .errors import GovReportError, InputError, LexiconError

__version__ = "0.1.0"

# The API's names, each imported from its module when first asked for (PEP 562): importing
# the package, or one of its modules (the CLI, records, the store), does not import the whole
# pipeline, its lexicons and pydantic models with it.
_EXPORTS = {
    "extract_many": ".batch",
    "Document": ".doc.document", "Segment": ".doc.document", "Span": ".doc.document",
    "read_file": ".io.files",
    "extract_file": ".pipeline", "extract": ".pipeline", "run": ".pipeline",
    "UserLexicons": ".lexicon",
    "make_document": ".doc.make",
    "normalize_text": ".io.normalize",
    "render_html": ".out.render",  # the HTML renderer (a cold `extract` does not need it)
    **{name: ".records" for name in (
        "Award", "DocumentRef", "Evidence", "FormalDocument", "Meeting", "Organization",
        "Person", "Place", "Report", "Signer", "Target", "Term")},
}


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # asked once
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))


__all__ = [
    "extract", "extract_many", "extract_file", "read_file", "UserLexicons", "run", "make_document", "normalize_text", "render_html",
    "Document", "Segment", "Span",
    "Report", "Evidence", "FormalDocument", "Signer", "Person", "Meeting", "DocumentRef",
    "Award", "Target", "Term", "Organization", "Place",
    "GovReportError", "InputError", "LexiconError",
]
