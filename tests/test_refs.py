"""Document references: the table, evidence spans, and hostile input staying linear."""
from __future__ import annotations

import time

import pytest
from conftest import case_params, check_records

from gov_report_nlp.extractors.refs import find_document_refs
from gov_report_nlp.doc.make import make_document


@pytest.mark.parametrize("case", case_params("refs"))
def test_refs_table(case):
    doc = make_document(case["text"])
    check_records(doc, list(find_document_refs(doc)), case["expected"])


@pytest.mark.parametrize("text", ["số " * 20000, "1/" * 50000, "Chỉ thị số 1-" * 5000 + "CT", "Nghị quyết 1, " * 10000])
def test_refs_hostile_input_is_fast(text):
    t = time.process_time()
    list(find_document_refs(make_document(text)))
    assert time.process_time() - t < 5
