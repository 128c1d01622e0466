import pytest

from conftest import case_params, check_records
from gov_report_nlp.extractors.places import find_places
from gov_report_nlp.doc.make import make_document


@pytest.mark.parametrize("case", case_params("places"))
def test_places(case):
    doc = make_document(case["text"])
    check_records(doc, list(find_places(doc)), case["expected"])
