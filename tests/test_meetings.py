"""Meetings: the case table (held, planned, in passing) and the evidence of every record."""
from __future__ import annotations

import pytest
from conftest import case_params

from gov_report_nlp import make_document
from gov_report_nlp.extractors.meetings import find_meetings


@pytest.mark.parametrize("case", case_params("meetings"))
def test_meetings_table(case):
    doc = make_document(case["text"])
    got = list(find_meetings(doc))
    want = case["meetings"]
    assert len(got) == len(want), [m.model_dump(include={"kind", "name", "date"}) for m in got]
    for g, w in zip(got, want):
        assert g.model_dump(include=set(w)) == w
        assert g.evidence.text == doc.text[g.evidence.start:g.evidence.end]
        for ev in g.chair_evidence + g.attendee_evidence:
            assert ev.text == doc.text[ev.start:ev.end]


def test_link_drops_chairs_from_attendees():
    from gov_report_nlp.link import link
    from gov_report_nlp.records import Evidence, Report

    text = "Đồng chí Lê Văn An chủ trì. Dự có đồng chí Lê Văn An và lãnh đạo các xã."
    doc = make_document(text)
    t = doc.text
    n = t.index("Lê Văn An")
    g = t.index("lãnh đạo")
    meeting = {"kind": "hội nghị", "chairs": ["Lê Văn An"], "attendees": ["Lê Văn An", "lãnh đạo các xã"],
               "attendee_evidence": [Evidence.of(t, n, n + 9), Evidence.of(t, g, len(t) - 1)]}
    report = Report(meetings=[meeting])
    link(doc, report)
    assert report.meetings[0].attendees == ["lãnh đạo các xã"]
    assert [e.text for e in report.meetings[0].attendee_evidence] == ["lãnh đạo các xã"]
