import pytest

from conftest import case_params
from gov_report_nlp.extractors.organizations import find_organizations
from gov_report_nlp.normalize import make_document


@pytest.mark.parametrize("case", case_params("organizations"))
def test_organizations(case):
    doc = make_document(case["text"])
    found = list(find_organizations(doc))
    assert [[o.name, o.kind, o.level, o.place] for o in found] == case["want"]
    for o in found:
        assert doc.text[o.evidence.start:o.evidence.end] == o.evidence.text
