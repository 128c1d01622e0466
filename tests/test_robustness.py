"""Any input, no crash, no hang, nothing lost: encodings, hostile and huge input,
property tests, batch safety. Set GOV_REPORT_NLP_BIG=1 to also run the 10 MB document."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from conftest import case_params, check_records, optional
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_report_nlp import Report, make_document
from gov_report_nlp.io.encodings import to_legacy
from gov_report_nlp.errors import InputError
from gov_report_nlp.io.inputs import decode_bytes, parse_size
from gov_report_nlp.pipeline import run

# our own sentences, written for these tests
VI = ("Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc.\n"
      "Ngày 15 tháng 3 năm 2021, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm 2020. "
      "Ông Nguyễn Văn Hùng, Chủ tịch Ủy ban nhân dân tỉnh, chủ trì hội nghị; "
      "Thủ tướng Chính phủ tặng Bằng khen cho 12 tập thể và 25 cá nhân.")


def _check(doc, report: Report) -> None:
    for key, rec in report.records():
        ev = rec.evidence
        if ev is not None:
            assert 0 <= ev.start <= ev.end <= len(doc.text), (key, ev)
            assert doc.text[ev.start:ev.end] == ev.text, (key, ev)
    for field, evs in report.evidence.items():
        for ev in evs:
            assert doc.text[ev.start:ev.end] == ev.text, (field, ev)


def _extract(text: str, input_format: str = "auto"):
    doc = make_document(text, input_format=input_format)
    report = run(doc)
    _check(doc, report)
    Report.model_validate(report.model_dump(mode="json"))
    return report


# ---- encodings ----

@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3", "vni"])
def test_legacy_bytes_decode_to_unicode(encoding):
    optional("viparse") if encoding != "cp1258" else None
    text, found = decode_bytes(to_legacy(VI, encoding), "x.txt")
    assert found == encoding
    # TCVN3 has no capital toned letters: compare ignoring case
    assert text.lower() == VI.lower() if encoding == "tcvn3" else text == VI


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_glyph_soup_in_utf8_is_repaired(encoding):
    optional("viparse")
    soup = to_legacy(VI, encoding).decode("latin-1")  # "Céng hßa x· héi..." saved as UTF-8
    text, found = decode_bytes(soup.encode("utf-8"), "x.txt")
    assert found == f"utf-8+{encoding}" and text.lower() == VI.lower()


@pytest.mark.parametrize("data,encoding", [
    (VI.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + VI.encode("utf-8"), "utf-8-sig"),
    (VI.encode("utf-16"), "utf-16"),
    (VI.encode("utf-32"), "utf-32"),
    ("Señor García y la Straße de Köln, über alles".encode("utf-8"), "utf-8"),  # not soup
])
def test_unicode_is_left_alone(data, encoding):
    text, found = decode_bytes(data, "x")
    assert found == encoding
    assert text in (VI, "Señor García y la Straße de Köln, über alles")


def test_undecodable_bytes_name_the_offset_or_are_replaced():
    data = "Hà Nội ".encode() + b"\x81\x8d\x8f\x90 x"
    with pytest.raises(InputError, match=r"offset 10"):
        decode_bytes(data, "x.txt")
    text, found = decode_bytes(data, "x.txt", errors="replace")
    assert found == "utf-8+replace" and text.startswith("Hà Nội \ufffd")


@pytest.mark.parametrize("data,what", [
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"PK\x03\x04\x14\x00", "ZIP"),
    (b"\x1f\x8b\x08\x00", "gzip"),
    (b"{\\rtf1\\ansi hello}", "RTF"),
    (bytes(range(256)) * 4, "binary"),
])
def test_binary_is_refused_saying_what_it_looks_like(data, what):
    with pytest.raises(InputError, match=what):
        decode_bytes(data, "x")


def test_parse_size():
    assert parse_size("50M") == 50 * 1024 * 1024 and parse_size("512k") == 512 * 1024
    assert parse_size("1000") == 1000 and parse_size("1GiB") == 1024 ** 3
    with pytest.raises(ValueError):
        parse_size("lots")


# ---- hostile input: each 1 MB-ish input under 5 s ----

MB = 1_000_000
HOSTILE = {
    "digits": "1" * 100_000,
    "slashes": "/" * 100_000,
    "dots": "." * 100_000,
    "spaces": " " * 100_000,
    "digits_slashes": "12/" * 40_000,
    "capitalized_no_space": "Nguyễn Văn Hùng, " * 10_000,
    "so_so": "số " * 50_000,
    "ngay_thang": "ngày 1 tháng " * 20_000,
    "hyphens": "-CT/TW-" * 20_000,
    "one_line_1mb": ("Ủy ban nhân dân tỉnh tổ chức hội nghị ngày 15/3/2021 với 12 tập thể. " * 15_000)[:MB],
    "html_deep": "<div>" * 10_000 + "Hội nghị ngày 15/3/2021" + "</div>" * 10_000,
    "html_unclosed": "<p><b><i>" * 10_000 + "x",
    # one long sentence or line full of one kind of fact: each extractor stays linear
    "awards_one_sentence": "Thủ tướng tặng Bằng khen cho 1 tập thể; " * 25_000,
    "officials_one_line": "Phó Chủ tịch UBND tỉnh Nguyễn Văn A, " * 25_000,
    "bodies_one_line": "UBND tỉnh " * 100_000,
    "units_one_line": "huyện Đắk Song " * 65_000,
    "quantities_one_line": "50 ha " * 20_000,  # 20 000 targets, each a record
    "quantities_1mb": "50 ha " * 170_000,  # 170 000 figures: MAX_RECORDS kept, the cut in a warning
    "open_parens": "(" * 500_000,
}

# ---- the shapes real archives and hostile senders produce (issue 15), each at 100 KB in the
# suite and at 1 MB and 5 MB with GOV_REPORT_NLP_BIG=1; bounds in CPU seconds and in MB of
# Python memory (tracemalloc's peak) per MB of input ----

_PARA = VI + "\n\n"
SHAPES = {
    "year_spans": "x 2020-2025 ",  # terms once read the whole line for every span: 44 s for 100 KB
    "no_spaces": _PARA.replace(" ", ""),
    "no_breaks": _PARA.replace("\n", " "),  # a text that lost its line breaks
    "no_spaces_no_breaks": _PARA.replace(" ", "").replace("\n", ""),
    "html_one_line": "<p>" + _PARA.replace("\n", " ") + "</p>",
    "html_broken_entities": "<p>Tin &# &#x; &xyz; &amp</p><script>x='Ông Nguyễn Văn Ẩn'</script>",
    "html_unterminated_attr": '<p title="chú thích>' + _PARA.replace("\n", " "),
    "zero_width_glued": _PARA.replace(" ", "\u200b"),
}
SHAPE_SECONDS = {100_000: 8.0, 1_000_000: 30.0, 5_000_000: 150.0}
MB_PER_MB = 400  # peak Python memory per MB of input (the 100 KB shapes stay under ~160)
BIG = bool(os.environ.get("GOV_REPORT_NLP_BIG"))


def _shape(name: str, size: int) -> str:
    unit = SHAPES[name]
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("size", [
    100_000,
    pytest.param(1_000_000, marks=pytest.mark.skipif(not BIG, reason="1 MB shapes: set GOV_REPORT_NLP_BIG=1")),
    pytest.param(5_000_000, marks=pytest.mark.skipif(not BIG, reason="5 MB shapes: set GOV_REPORT_NLP_BIG=1")),
])
@pytest.mark.parametrize("name", sorted(SHAPES))
def test_hostile_shapes_are_bounded(name, size):
    """Each shape within its CPU time, with a valid report; nothing lost to a timeout
    without a warning saying so."""
    text = _shape(name, size)
    run(make_document(VI))  # imports and compiled patterns are not the shape's cost
    t0 = time.process_time()
    report = _extract(text)
    took = time.process_time() - t0
    print(f"{name} at {size:,}: {took:.1f} s")
    assert took < SHAPE_SECONDS[size], f"{name} at {size:,}: {took:.1f} s"
    assert report.model_dump(mode="json")


def test_hostile_shapes_memory_is_bounded():
    """Peak Python memory (tracemalloc) of each shape at 20 KB within MB_PER_MB per MB."""
    import tracemalloc

    run(make_document(VI))
    for name in sorted(SHAPES):
        text = _shape(name, 20_000)
        run(make_document(text))  # patterns compiled on first use are not the shape's memory
        tracemalloc.start()
        try:
            run(make_document(text))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < MB_PER_MB * 20_000, f"{name}: peak {peak / 1e6:.0f} MB for 20 KB"


def test_year_spans_on_one_line_are_linear():
    """Terms on a line of year spans: 8x the text, at most ~12x the time (was quadratic)."""
    from gov_report_nlp.extractors.terms import find_terms

    def took(size):
        doc = make_document(_shape("year_spans", size))
        t0 = time.process_time()
        list(find_terms(doc))
        return time.process_time() - t0

    small, big = min(took(25_000) for _ in range(2)), min(took(200_000) for _ in range(2))
    assert big < 12 * max(small, 0.02), f"{small:.2f} s -> {big:.2f} s"


def test_text_without_line_breaks_reads_as_news_and_says_layout_is_a_guess():
    """A news text whose line breaks became spaces: not one "motto" segment of a formal
    document (the state's name in a sentence), its figures kept, a warning saying so."""
    body = ("Sáng 15/3, UBND huyện tổ chức hội nghị triển khai Nghị quyết của Quốc hội nước "
            "Cộng hòa xã hội chủ nghĩa Việt Nam. Năm 2021, toàn huyện trồng mới 120 ha cà phê. ")
    flat = ("Huyện tổ chức hội nghị (16/03/2021) " + body * 60).replace("\n", " ")
    doc = make_document(flat)
    assert doc.layout == "news"
    report = run(doc)
    assert any(w.startswith("layout: the text starts with a line of more than") and "guess" in w for w in report.warnings)
    assert len(report.targets) >= 1
    assert not [w for w in run(make_document(VI)).warnings if w.startswith("layout:")]
    one_paragraph = "Huyện tổ chức hội nghị\n\n" + body * 60  # a title, then one long paragraph: not a guess
    assert not [w for w in run(make_document(one_paragraph)).warnings if w.startswith("layout:")]


def test_zero_width_spaces_between_words_do_not_glue_them():
    r = _extract("Ông Lê\u200bVăn\u200bMinh, Chủ tịch UBND tỉnh, dự hội nghị. Bà Trần\u2060Thị\u2060Hoa phát biểu.")
    assert [p.name for p in r.people] == ["Lê Văn Minh", "Trần Thị Hoa"]
    assert make_document("Ng\u200buyễn\u200b").text == "Nguyễn"  # inside a word: dropped


@pytest.mark.parametrize("case", [c for c in case_params("html") if c.values[0].get("records")])
def test_html_cases_records(case):
    doc = make_document(case["html"], input_format="html")
    report = run(doc)
    for kind, expected in case["records"].items():
        check_records(doc, getattr(report, kind), expected)


def test_html_that_shows_nothing_says_so():
    r = _extract("<html><head><title>Trang</title><script>var a;</script></head><body></body></html>", "html")
    assert r.warnings == ["the HTML has no visible text: nothing to extract"]
    assert not _extract("", "html").warnings


def test_html5_without_head_end_gives_the_facts_of_its_text():
    text = ("Huyện tổ chức hội nghị tổng kết\n\n(16/03/2021)\n\nSáng 15/3, ông Nguyễn Văn Hùng, Chủ tịch UBND "
            "huyện, chủ trì hội nghị. Năm 2020, huyện trồng mới 120 ha cà phê.")
    paras = text.split("\n\n")
    page = ("<!DOCTYPE html><html><head><meta charset=utf-8><title>Cổng thông tin</title><body><h1>" + paras[0]
            + "</h1><p>" + paras[1] + "</p><p>" + paras[2].replace(", chủ trì", ",\nchủ trì") + "</p>")
    a, b = _extract(text, "text"), _extract(page, "html")
    for key in ("title", "published", "people", "meetings", "targets", "organizations", "places"):
        strip = lambda v: [{k: x for k, x in r.items() if not k.endswith("evidence") and k != "mentions"} for r in v] \
            if isinstance(v, list) else v
        assert strip(b.model_dump(mode="json")[key]) == strip(a.model_dump(mode="json")[key]), key
    assert b.people and b.published == "2021-03-16"


def test_html_tokenizer_is_linear():
    from gov_report_nlp.io.htmltext import html_to_text

    def took(n):
        page = ("<div class='a'><p>Tin &amp; ảnh<br>" + "x " * 20 + "</p><!-- c --></div>") * n
        t0 = time.process_time()
        html_to_text(page)
        return time.process_time() - t0

    small, big = min(took(1000) for _ in range(2)), min(took(8000) for _ in range(2))
    assert big < 12 * max(small, 0.01), f"{small:.2f} s -> {big:.2f} s"


def test_glyph_soup_without_the_extra_says_so(monkeypatch):
    from gov_report_nlp.io import encodings

    soup = to_legacy(VI, "tcvn3").decode("latin-1") if _has("viparse") else \
        "Céng hßa x· héi chñ nghÜa ViÖt Nam. Ngµy 15 th¸ng 3 n¨m 2021, ñy ban nh©n d©n tØnh tæ chøc héi nghÞ."
    monkeypatch.setattr(encodings, "_has_viparse", lambda: False)
    text, enc = decode_bytes(soup.encode("utf-8"), "x.txt")
    assert enc == "utf-8" and text == soup
    r = _extract(text)
    assert any("TCVN3 or VNI" in w and "pip install 'gov-report-nlp[legacy]'" in w for w in r.warnings)
    assert not any("TCVN3" in w for w in _extract(VI).warnings)
    assert not encodings.looks_like_glyph_soup("Señor García y la Straße de Köln, über alles, el niño está aquí.")


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


SLOW: dict[str, str] = {}  # known gaps: name -> reason (xfail, strict)


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=SLOW[n])) if n in SLOW else n
    for n in sorted(HOSTILE)])
def test_hostile_input_is_fast(name):
    """Each hostile input in under 5 s of CPU (CPU time: the machine running the suite may be shared)."""
    text = HOSTILE[name]
    t0 = time.process_time()
    _extract(text)
    took = time.process_time() - t0
    assert took < 5.0, f"{name}: {took:.1f} s"


def test_one_line_megabyte_per_extractor():
    """The 1 MB single line of HOSTILE, extractor by extractor: none over 2 s."""
    from gov_report_nlp.pipeline import EXTRACTORS

    warm = make_document(HOSTILE["one_line_1mb"][:2000])
    for find in EXTRACTORS.values():  # patterns compiled on first use are not the line's cost
        list(find(warm))
    doc = make_document(HOSTILE["one_line_1mb"])
    for key, find in EXTRACTORS.items():
        t0 = time.process_time()
        list(find(doc))
        took = time.process_time() - t0
        assert took < 2.0, f"{key}: {took:.1f} s"


REFS_ONE_LINE = "Quyết định số 12/QĐ-UBND ngày 1/2/2020 " * 25_000  # 1 MB, 25 000 references


def test_refs_one_line_per_extractor():
    """25 000 references on one 1 MB line: no extractor over 2.5 s of CPU (refs ~1 s idle, 1.7 s with the
    2 cores shared by 8 busy processes, was 3.4 s;
    CPU time, not wall time: the machine running the suite is shared)."""
    from gov_report_nlp.pipeline import EXTRACTORS

    warm = make_document(REFS_ONE_LINE[:2000])
    for find in EXTRACTORS.values():  # patterns compiled on first use are not the line's cost
        list(find(warm))
    doc = make_document(REFS_ONE_LINE)
    slow = {}
    for key, find in EXTRACTORS.items():
        t0 = time.process_time()
        list(find(doc))
        slow[key] = time.process_time() - t0
    assert max(slow.values()) < 2.5, {k: round(v, 1) for k, v in slow.items() if v >= 2.5}


def _pipeline_time(text: str) -> float:
    t0 = time.process_time()
    run(make_document(text))
    return time.process_time() - t0


def test_time_per_megabyte_is_flat():
    """A document 8x longer takes at most ~12x the time (quadratic would be 64x): dev-like
    text (VI) joined to 50 KB and 400 KB, best of two runs each (the machine is shared)."""
    para = VI + "\n\n"
    small, big = para * (50_000 // len(para)), para * (400_000 // len(para))
    t_small = min(_pipeline_time(small) for _ in range(2))
    t_big = min(_pipeline_time(big) for _ in range(2))
    assert t_big < 12 * max(t_small, 0.02), f"{t_small:.2f} s -> {t_big:.2f} s for 8x the text"


def test_window_tokens_are_the_tokens_of_the_window():
    """names.window_tokens (read from the document's tokens) == tokenize of the window."""
    import random

    from gov_report_nlp.lang.names import tokenize, window_tokens

    text = VI + " x.UBND NN&PTNT K’ Dung T.Ư 1.234,5 … \n\n" + HOSTILE["hyphens"][:300] + " Đắk Song"
    doc = make_document(text)
    rng = random.Random(7)
    for _ in range(500):
        a = rng.randrange(len(doc.text))
        b = min(len(doc.text), a + rng.randrange(250))
        assert window_tokens(doc, a, b) == tokenize(doc.text, a, b), (a, b)


def test_a_pattern_timeout_is_a_warning_and_other_facts_stay(monkeypatch):
    """A pattern past its time limit loses its extractor's facts, says so, and nothing else."""
    from functools import partial

    from gov_report_nlp import budget
    from gov_report_nlp.extractors import organizations

    text = (VI + "\n\n") * 200  # 80 KB: long enough for a 10 µs limit to be met
    before = run(make_document(text))
    assert before.organizations and before.people and before.awards and not before.warnings
    monkeypatch.setattr(organizations, "matches", partial(budget.matches, seconds=1e-5))
    monkeypatch.setattr(organizations, "matches_at", partial(budget.matches_at, seconds=1e-5))  # the fast scan
    after = run(make_document(text))
    assert after.organizations == []
    assert after.warnings == ["organizations: pattern timed out after 1e-05 s; facts of this kind may be missing"]
    for key in ("people", "places", "meetings", "awards", "targets"):
        assert getattr(after, key) == getattr(before, key), key


def test_pattern_limits_grow_with_the_text():
    from gov_report_nlp.budget import PatternTimeout, limit

    assert limit(0) == 2.0 and limit(10_000_000) == 22.0
    e = PatternTimeout(2.0)
    assert isinstance(e, TimeoutError) and str(e) == "pattern timed out after 2.0 s"


def _people_time(reps: int) -> float:
    from gov_report_nlp.extractors.people import find_people

    doc = make_document("Nguyễn Văn " * reps)
    t0 = time.process_time()
    list(find_people(doc))
    return time.process_time() - t0


def test_people_is_linear_on_capitalized_runs():
    small, big = _people_time(400), _people_time(1600)
    assert big < 6 * max(small, 0.01), f"{small:.2f} s -> {big:.2f} s for 4x the text"


def test_capitalized_syllables_100k():
    t0 = time.process_time()
    _extract("Nguyễn Văn " * 50_000)
    assert time.process_time() - t0 < 5.0


@pytest.mark.skipif(not os.environ.get("GOV_REPORT_NLP_BIG"), reason="10 MB document: set GOV_REPORT_NLP_BIG=1")
def test_ten_megabyte_document_finishes():
    para = VI + "\n\n"
    text = para * (10 * MB // len(para.encode()))
    t0 = time.process_time()
    report = run(make_document(text))
    assert report is not None
    took = time.process_time() - t0
    print(f"10 MB: {took:.1f} s")
    assert not [w for w in report.warnings if "timed out" in w], report.warnings


# ---- properties ----

_ALPHABET = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯNHTV0123456789 /.,-:;()\n\t<>\"'%")
                            + ["số", "ngày", "tháng", "năm", "Nghị quyết", "Quyết định", "Ủy ban", "ông ",
                               "Hội nghị", "lần thứ", "Bằng khen", "<p>", "</p>", "&amp;", "\u0301", "\u0323",
                               "\ufffd", "\x00", "Ƣ", "\u200b", "\r\n", "quý I/", "%"])
TEXTS = st.one_of(st.text(max_size=300), st.lists(_ALPHABET, max_size=120).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_string_extracts_validly_and_deterministically(text):
    a = _extract(text)
    b = _extract(text)
    assert a.model_dump(mode="json") == b.model_dump(mode="json")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_raise_input_error(data):
    for errors in ("strict", "replace"):
        try:
            text, enc = decode_bytes(data, "x", errors=errors)
        except InputError:
            continue
        assert isinstance(text, str) and enc


# ---- batch safety (test_cli.py covers broken JSON, missing text, order, | head) ----

def cli(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "gov_report_nlp", *args], input=stdin,
                          capture_output=True, timeout=120)


def test_jsonl_binary_and_huge_lines_each_get_one_line():
    good = json.dumps({"id": "a", "text": "Tin\n(01/02/2020)\nNội dung."}, ensure_ascii=False).encode()
    huge = json.dumps({"id": "h", "text": "x " * 600_000}).encode()
    lines = [good, b'{"id": "b", "text": "\xff\xfe\x00 binary"}', huge, b"\x00\x01\x02", good.replace(b'"a"', b'"e"')]
    r = cli("extract", "--input-format", "jsonl", "--format", "jsonl", "--max-bytes", "1M", stdin=b"\n".join(lines))
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert len(out) == 5
    assert out[0]["id"] == "a" and out[4]["id"] == "e" and "error" not in out[4]
    assert "error" in out[1] and "error" in out[3]
    assert "over the limit" in out[2]["error"]
    assert r.returncode == 3


def test_cli_max_bytes_and_errors_options(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Hà Nội ".encode() + b"\x81\x8d x")
    r = cli("extract", str(p))
    assert r.returncode == 1 and b"offset 10" in r.stderr and b"Traceback" not in r.stderr
    r = cli("extract", "--errors", "replace", str(p))
    assert r.returncode == 0 and json.loads(r.stdout)["encoding"] == "utf-8+replace"
    r = cli("extract", "--max-bytes", "5", str(p))
    assert r.returncode == 1 and b"over the limit" in r.stderr
    r = cli("extract", "--max-bytes", "5", "-", stdin=b"0123456789")
    assert r.returncode == 1 and b"over the limit" in r.stderr


def test_cli_reports_legacy_encoding(tmp_path):
    optional("viparse")
    p = tmp_path / "old.txt"
    p.write_bytes(to_legacy(VI, "vni"))
    r = cli("extract", str(p))
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["encoding"] == "vni"


def test_fuzz_script_smoke(tmp_path):
    from conftest import ROOT

    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "fuzz.py"), "--minutes", "0.03", "--seed", "1",
                        "--out", str(tmp_path)], capture_output=True, timeout=120)
    assert r.returncode == 0, r.stdout.decode()[-2000:]
    assert b"0 findings" in r.stdout


# ---- archives and PDFs (issue 15) ----

def _docx_bomb(path, paragraphs: int) -> None:
    """A DOCX whose document.xml inflates to ~60 bytes per paragraph (deflate packs it ~1000x)."""
    import zipfile

    body = "<w:p><w:r><w:t>Ủy ban nhân dân tỉnh họp.</w:t></w:r></w:p>" * paragraphs
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
           '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>")
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" '
          'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", xml)


def test_docx_that_inflates_past_the_limit_is_refused(tmp_path):
    from gov_report_nlp.io.files import check_zip, read_any

    p = tmp_path / "bomb.docx"
    _docx_bomb(p, 300_000)  # ~20 MB inflated
    data = p.read_bytes()
    assert len(data) < 1_000_000
    with pytest.raises(InputError, match="inflates to .* over the limit of 1,048,576 bytes"):
        check_zip(data, "bomb.docx", 1024 * 1024)
    check_zip(data, "bomb.docx", 50 * 1024 * 1024)  # within the default limit
    optional("docx")
    t0 = time.process_time()
    with pytest.raises(InputError, match="over the limit"):
        read_any(data, "bomb.docx", max_bytes=1024 * 1024)
    assert time.process_time() - t0 < 1.0
    r = cli("extract", "--max-bytes", "1M", str(p))
    assert r.returncode == 1 and b"over the limit" in r.stderr and b"Traceback" not in r.stderr
    small = tmp_path / "small.docx"
    _docx_bomb(small, 20)
    assert read_any(small.read_bytes(), "small.docx", max_bytes=1024 * 1024).text.count("Ủy ban") == 20


def test_pdf_of_alike_pages_keeps_its_text(tmp_path):
    """Three identical pages are text, not page furniture; the warning does not call it a scan."""
    from test_files import new_pdf

    from gov_report_nlp.io.files import read_file

    pdf = new_pdf(11)
    for _ in range(3):
        pdf.add_page()
        for line in ("GIẤY MỜI", "Ủy ban nhân dân xã mời ông Nguyễn Văn Hùng", "dự hội nghị ngày 15/3/2021."):
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "giay-moi.pdf"
    pdf.output(str(path))
    ft = read_file(path)
    assert "Nguyễn Văn Hùng" in ft.text and ft.text.count("GIẤY MỜI") == 1
    assert not any("scan" in w for w in ft.warnings) and any("alike" in w for w in ft.warnings)
