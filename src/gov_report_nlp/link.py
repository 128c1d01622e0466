"""Attach people, dates and counts to the meetings, awards and references they belong to.

Runs after every extractor; it reads their records and the Document, never the raw input.
"""
from __future__ import annotations

from .document import Document
from .records import Evidence, Meeting, Person, Report


def _person_in(people: list[Person], ev: Evidence) -> Person | None:
    """The one person with a mention inside the phrase `ev`, or None (none or several)."""
    found: list[Person] = []
    for p in people:
        for m in p.mentions:
            if ev.start <= m.start and m.end <= ev.end:
                if p not in found:
                    found.append(p)
                break
    return found[0] if len(found) == 1 else None


def _names(values: list[str], evidence: list[Evidence], people: list[Person]):
    """(names, their evidence): each phrase renamed to its person, repeats dropped."""
    if len(values) != len(evidence):
        return values, evidence
    out: list[str] = []
    out_ev: list[Evidence] = []
    for v, ev in zip(values, evidence):
        p = _person_in(people, ev)
        # only a phrase already read as one person is renamed: a group stays as written
        name = p.name if p is not None and v in ev.text and len(v.split()) <= 5 and p.name in ev.text else v
        if name not in out:
            out.append(name)
            out_ev.append(ev)
    return out, out_ev


def link_meeting(m: Meeting, people: list[Person]) -> None:
    """Reduce a meeting's chair and attendee phrases to the people extractor's names."""
    m.chairs, m.chair_evidence = _names(m.chairs, m.chair_evidence, people)
    att, ev = _names(m.attendees, m.attendee_evidence, people)
    if len(att) == len(ev):
        keep = [i for i, a in enumerate(att) if a not in m.chairs]
        att, ev = [att[i] for i in keep], [ev[i] for i in keep]
    m.attendees, m.attendee_evidence = att, ev


def link(doc: Document, report: Report) -> None:
    """Resolve cross-record facts in place (meeting chairs and attendees to people's names)."""
    for m in report.meetings:
        link_meeting(m, report.people)
