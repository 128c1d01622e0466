"""Both layouts, table-driven: header facts of formal documents, head and tail of news."""
from __future__ import annotations

import pytest
from conftest import case_params, check_records

from gov_report_nlp import extract, make_document
from gov_report_nlp.pipeline import run


@pytest.mark.parametrize("case", case_params("formal"))
def test_formal_header(case):
    doc = make_document(case["text"])
    report = run(doc)
    assert report.layout == case["layout"]
    assert report.title == case["title"]
    assert report.published == case["published"]
    check_records(doc, [report.document] if report.document else [], case["expected"])


@pytest.mark.parametrize("case", case_params("news"))
def test_news_layout(case):
    assert case.get("origin") in ("genre", "dev"), "every case says where its form comes from"
    report = extract(case["text"])
    assert report.layout == "news"
    assert report.document is None
    doc = make_document(case["text"])
    header = {"title": report.title, "published": report.published, "authors": report.authors}
    check_records(doc, [header], case["expected"])
    kinds = [s.kind for s in doc.segments if s.kind != "sentence"]
    assert kinds == case["kinds"]


@pytest.mark.parametrize("case", case_params("news") + case_params("formal"))
def test_header_evidence_points_at_text(case):
    doc = make_document(case["text"])
    report = run(doc)
    for field, evs in report.evidence.items():
        for ev in evs:
            assert doc.text[ev.start:ev.end] == ev.text, field
