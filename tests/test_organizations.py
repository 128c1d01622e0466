import pytest

from conftest import case_params, check_records
from gov_report_nlp.extractors.organizations import find_organizations
from gov_report_nlp.doc.make import make_document


@pytest.mark.parametrize("case", case_params("organizations"))
def test_organizations(case):
    doc = make_document(case["text"])
    check_records(doc, list(find_organizations(doc)), case["expected"])
