"""Attach cross-record facts after every extractor has run.

Runs after every extractor; it reads their records and the Document, never the raw input.
Meetings name their chairs and attendees through the one person layer (names.py, read by
lists.py), so nothing is left to rename here; what remains is the one rule that needs the whole
meeting: a chair is not also an attendee.
"""
from __future__ import annotations

from .doc.document import Document
from .records import Meeting, Report


def link_meeting(m: Meeting) -> None:
    """Drop from a meeting's attendees whoever chairs it (the guideline: chairs are not attendees)."""
    if len(m.attendees) != len(m.attendee_evidence):
        m.attendees = [a for a in m.attendees if a not in m.chairs]
        return
    keep = [i for i, a in enumerate(m.attendees) if a not in m.chairs]
    m.attendees = [m.attendees[i] for i in keep]
    m.attendee_evidence = [m.attendee_evidence[i] for i in keep]


def link(doc: Document, report: Report) -> None:
    """Resolve cross-record facts in place."""
    for m in report.meetings:
        link_meeting(m)
