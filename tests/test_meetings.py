"""Meetings: the case table (whole records, both origins, with negatives), the list reader and link."""
from __future__ import annotations

import pytest
from conftest import case_params, check_records

from gov_report_nlp import make_document
from gov_report_nlp.extractors.meetings import find_meetings
from gov_report_nlp.lang.lists import read_list


@pytest.mark.parametrize("case", case_params("meetings"))
def test_meetings_table(case):
    doc = make_document(case["text"])
    check_records(doc, list(find_meetings(doc)), case["expected"])


def _items(text: str, start_after: str):
    doc = make_document(text)
    t = doc.text
    a = t.index(start_after) + len(start_after)
    b = t.rindex(".") if t.rstrip().endswith(".") else len(t.rstrip())
    items = read_list(doc, a, b)
    for it in items:  # every item's span is the text it claims
        assert " ".join(t[it.start:it.end].split()).strip(" .,;:") == it.text
    return [(it.name or it.text) for it in items]


@pytest.mark.parametrize("text,after,want", [
    # one title shared by a list of names
    ("Dự có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Lê Văn Hải, Trần Thị Thu.", "Dự có ",
     ["Lê Văn Hải", "Trần Thị Thu"]),
    # a person's titles run across commas; a group word after them opens a group
    ("Dự có ông Vi Văn Toàn, Phó Cục trưởng Cục An ninh, Bộ Công an, đại diện các sở, ngành.", "Dự có ",
     ["Vi Văn Toàn", "đại diện các sở, ngành"]),
    # numbered lines
    ("Tham dự gồm:\n1. Đồng chí Lò Văn Tâm, Bí thư Huyện ủy;\n2. Lãnh đạo các phòng, ban huyện.", "gồm:",
     ["Lò Văn Tâm", "Lãnh đạo các phòng, ban huyện"]),
    # role nouns sharing one qualifier are one group
    ("Dự có cán bộ, công chức và người lao động của Sở.", "Dự có ",
     ["cán bộ, công chức và người lao động của Sở"]),
    # a title written before the name, with a comma
    ("Dự có Phó Chủ tịch UBND huyện, Trần Văn Bình và đại diện các xã.", "Dự có ",
     ["Trần Văn Bình", "đại diện các xã"]),
])
def test_read_list(text, after, want):
    assert _items(text, after) == want


def test_read_list_bad_input():
    doc = make_document("Dự có")
    assert read_list(doc, 3, 2) == []
    assert all(it.start >= 0 and it.end <= len(doc.text) for it in read_list(doc, -5, 10_000))


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


def test_meetings_hold_no_person_finder():
    """One person layer: meetings ask names.py (through lists.py) and keep no name finder."""
    import gov_report_nlp.extractors.meetings as meetings
    from gov_report_nlp.lexicon import DATA_DIR

    assert not hasattr(meetings, "person_name") and not hasattr(meetings, "split_attendees")
    assert not (DATA_DIR / "meeting_surnames.txt").exists()
