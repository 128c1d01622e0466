import pytest

from conftest import case_params
from gov_report_nlp.extractors.terms import find_terms
from gov_report_nlp.normalize import make_document


@pytest.mark.parametrize("case", case_params("terms"))
def test_terms(case):
    doc = make_document(case["text"])
    found = list(find_terms(doc))
    assert [[t.start, t.end, t.ordinal] for t in found] == case["want"]
    for t in found:
        assert doc.text[t.evidence.start:t.evidence.end] == t.evidence.text
    if "body" in case:
        assert found[0].body == case["body"]
