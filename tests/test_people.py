import time

import pytest

from conftest import case_params
from gov_report_nlp.extractors.people import find_people
from gov_report_nlp.names import find_person_mentions, same_title
from gov_report_nlp.normalize import make_document


@pytest.mark.parametrize("case", case_params("people"))
def test_people(case):
    doc = make_document(case["text"])
    found = list(find_people(doc))
    assert [[p.name, p.titles] for p in found] == case["want"]
    for p in found:
        for e in [p.evidence, *p.mentions]:
            assert doc.text[e.start:e.end] == e.text


def test_same_title():
    assert same_title("Phó Chủ tịch UBND huyện", "Phó CT UBND Huyện")
    assert same_title("Bí thư Tỉnh ủy", "Bí thư tỉnh ủy Hà Tĩnh")
    assert same_title("Đại biểu", "Đại biểu Quốc hội")
    assert not same_title("Chủ tịch HĐND huyện", "Chủ tịch UBND huyện")
    assert not same_title("Bí thư Huyện ủy", "Phó Bí thư Huyện ủy")


def test_hostile_input_stays_linear():
    text = " ".join(["Nguyễn Văn"] * 50_000) + ", " + "Phó Chủ tịch UBND, " * 2_000
    t = time.process_time()
    find_person_mentions(text)
    assert time.process_time() - t < 10
