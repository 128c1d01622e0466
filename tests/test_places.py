import pytest

from conftest import case_params
from gov_report_nlp.extractors.places import find_places
from gov_report_nlp.normalize import make_document


@pytest.mark.parametrize("case", case_params("places"))
def test_places(case):
    doc = make_document(case["text"])
    found = list(find_places(doc))
    assert [[p.name, p.level, p.province, p.province_2025] for p in found] == case["want"]
    for p in found:
        assert doc.text[p.evidence.start:p.evidence.end] == p.evidence.text
