"""Awards: the table (whole records, evidence spans checked), and hostile input staying linear."""
from __future__ import annotations

import time

import pytest
from conftest import case_params, check_records

from gov_report_nlp.extractors.awards import find_awards
from gov_report_nlp.doc.make import make_document


@pytest.mark.parametrize("case", case_params("awards"))
def test_awards_table(case):
    assert case.get("origin") in ("genre", "dev"), "every case says where it comes from"
    doc = make_document(case["text"])
    check_records(doc, list(find_awards(doc)), case["expected"])


def test_awards_table_has_both_origins_and_negatives():
    from conftest import load_cases

    cases = load_cases("awards")
    assert {c["origin"] for c in cases} == {"genre", "dev"}
    assert any(not c["expected"] for c in cases if c["origin"] == "genre")
    assert any(not c["expected"] for c in cases if c["origin"] == "dev")


@pytest.mark.parametrize("text", [
    "bằng khen " * 5000,
    "tặng bằng khen cho 1 tập thể, " * 3000,
    "cho " * 20000 + "1 cá nhân",
    "tặng bằng khen cho " + "Công ty A, " * 5000,
    "Hội " * 5000 + "được tặng bằng khen",
    "cờ thi đua và " * 4000 + "bằng khen cho 4 tập thể",
    "Huân chương “" * 3000,
    "Tặng giấy khen cho:\n" + "- 1 tập thể\n" * 50_000,
    "Huy hiệu 30, " * 20_000 + "năm tuổi Đảng",
    "Có " + "1 tập thể, " * 20_000 + "được tặng bằng khen",
])
def test_awards_hostile_input_is_fast(text):
    t = time.process_time()
    list(find_awards(make_document(text)))
    assert time.process_time() - t < 5


def test_a_number_word_matched_case_insensitively_is_read():
    """The count pattern matches number words case-insensitively, so "ſáu" (long s) is "sáu":
    it was matched and then not found in the lexicon, and the extractor failed (origin: genre,
    a hostile spelling)."""
    from gov_report_nlp import extract

    rep = extract("UBND tỉnh tặng Bằng khen cho ſáu tập thể.")
    assert rep.warnings == []
    plain = extract("UBND tỉnh tặng Bằng khen cho sáu tập thể.").awards
    assert plain and [a.model_dump(exclude={"evidence"}) for a in rep.awards] == \
        [a.model_dump(exclude={"evidence"}) for a in plain]
