import time

import pytest

from conftest import case_params, check_records
from gov_report_nlp.extractors.people import find_people
from gov_report_nlp.lang.names import find_person_mentions, same_title
from gov_report_nlp.doc.make import make_document


@pytest.mark.parametrize("case", case_params("people"))
def test_people(case):
    assert case.get("origin") in ("genre", "dev"), "every case says where its form comes from"
    doc = make_document(case["text"])
    found = list(find_people(doc))
    check_records(doc, found, case["expected"])
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


def test_read_person_from_a_span():
    from gov_report_nlp.lang.names import read_person

    text = "Dự hội nghị có đồng chí Lê Văn An, Phó Chủ tịch UBND huyện; Bí thư Huyện ủy Trần Thị Bé."
    a = text.index("đồng chí")
    m = read_person(text, a, text.index(";"))
    assert (m.name, m.title_texts) == ("Lê Văn An", ["Phó Chủ tịch UBND huyện"])
    assert text[m.name_start:m.name_end] == "Lê Văn An"
    m = read_person(text, text.index("Bí thư"))
    assert (m.name, m.title_texts) == ("Trần Thị Bé", ["Bí thư Huyện ủy"])
    assert read_person(text, 0, a) is None


def test_token_ends_are_made_from_starts_and_texts():
    # a document's tokens keep no end column (names.Tokens): it is made when read, and the
    # scans read an end as start + length; both agree with the plain scan's ends
    from gov_report_nlp.lang.names import _tokenize_plain, tokenize, window_tokens

    text = "Đồng chí Lê Văn A, Chủ tịch UBND huyện (T.Ư) - NN&PTNT K’ Ông\nBà  X. “Y”"
    tk = tokenize(text)
    plain = _tokenize_plain(text)
    assert tk.end == [t.end for t in plain]
    assert [t.end for t in tk] == [t.end for t in plain]
    assert tk[2:7].end == [t.end for t in plain[2:7]]
    assert (tk[:3] + tk[3:]).end == tk.end
    doc = make_document("Ông Trần Văn Bình, Bí thư Huyện ủy Vĩnh Thuận phát biểu.")
    win = window_tokens(doc, 4, 16)  # cut inside "Bình": a shorter last word
    assert win.text[-1] == "Bìn" and win.end == [t.end for t in _tokenize_plain(doc.text, 4, 16)]
