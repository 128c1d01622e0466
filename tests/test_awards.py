"""Awards: the table, evidence spans, and hostile input staying linear."""
from __future__ import annotations

import time

import pytest
from conftest import case_params

from gov_report_nlp.extractors.awards import find_awards
from gov_report_nlp.doc.make import make_document


@pytest.mark.parametrize("case", case_params("awards"))
def test_awards_table(case):
    doc = make_document(case["text"])
    awards = list(find_awards(doc))
    assert len(awards) == len(case["expected"]), [(a.kind, a.collectives, a.individuals) for a in awards]
    got = [{k: getattr(a, k) for k in want} for a, want in zip(awards, case["expected"])]
    assert got == case["expected"]
    for a in awards:
        assert doc.text[a.evidence.start:a.evidence.end] == a.evidence.text


@pytest.mark.parametrize("text", ["bằng khen " * 5000, "tặng bằng khen cho 1 tập thể, " * 3000, "cho " * 20000 + "1 cá nhân"])
def test_awards_hostile_input_is_fast(text):
    t = time.process_time()
    list(find_awards(make_document(text)))
    assert time.process_time() - t < 5
