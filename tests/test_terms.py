import pytest

from conftest import case_params, check_records
from gov_report_nlp.extractors.terms import find_terms
from gov_report_nlp.doc.make import make_document


@pytest.mark.parametrize("case", case_params("terms"))
def test_terms(case):
    doc = make_document(case["text"])
    check_records(doc, list(find_terms(doc)), case["expected"])
