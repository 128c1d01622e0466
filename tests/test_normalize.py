"""Normalization: the table, idempotence, and the map back to the input."""
from __future__ import annotations

import unicodedata

import pytest
from conftest import case_params
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_report_nlp import make_document, normalize_text
from gov_report_nlp.io.htmltext import html_to_text
from gov_report_nlp.io.normalize import normalize_with_map


@pytest.mark.parametrize("case", case_params("normalize"))
def test_normalize_table(case):
    assert normalize_text(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", case_params("normalize"))
def test_normalize_idempotent_on_table(case):
    once = normalize_text(case["text"])
    assert normalize_text(once) == once


@pytest.mark.parametrize("case", case_params("html"))
def test_html_table(case):
    doc = make_document(case["html"], input_format="html")
    assert doc.text == case["expected"]


@pytest.mark.parametrize("case", case_params("html"))
def test_html_map_points_into_markup(case):
    text, hmap = html_to_text(case["html"])
    for i, ch in enumerate(text):
        s, e = hmap.span(i, i + 1)
        src = case["html"][s:e]
        if ch.strip():
            assert ch in src or src.startswith("&"), (i, ch, src)


_PIECES = list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐÊƠƯ0123456789 .,:/-()\n\t\r\u00a0\u200bƢƣ") + [
    "\u0300", "\u0301", "\u0309", "\u0303", "\u0323", "hoà", "uỷ", "quý", "&amp;", "<p>", "</p>",
]
VIET = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(VIET)
def test_normalize_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=300, deadline=None)
@given(VIET)
def test_map_back_covers_the_character(text):
    out, omap = normalize_with_map(text)
    for i, ch in enumerate(out):
        s, e = omap.span(i, i + 1)
        assert 0 <= s <= e <= len(text)
        if ch.isalnum() and ch.isascii():
            assert ch in unicodedata.normalize("NFD", text[s:e])


def test_document_maps_span_to_input_offsets():
    raw = "Tiêu   đề\r\n\r\nChiều 28/7/2020 Huyện uỷ Vĩnh Thuận họp."
    doc = make_document(raw)
    i = doc.text.index("Huyện ủy")
    s, e = doc.to_input(i, i + len("Huyện ủy Vĩnh Thuận"))
    assert raw[s:e] == "Huyện uỷ Vĩnh Thuận"


def test_document_maps_html_span_to_input_offsets():
    raw = "<html><body><p>Chỉ thị số <b>45-CT/TW</b>, ngày 20-6-2020 của Bộ Chính&nbsp;trị</p></body></html>"
    doc = make_document(raw)
    i = doc.text.index("45-CT/TW")
    assert doc.input_text(i, i + 8) == "45-CT/TW"
    j = doc.text.index("Bộ Chính trị")
    assert doc.input_text(j, j + len("Bộ Chính trị")) == "Bộ Chính&nbsp;trị"
