"""segment._punkt_sentences with our abbreviations (data/vi/sentence_abbreviations.txt) against
underthesea.sent_tokenize: the same list for every text; and segment._add_sentences (the
tokenizer's offsets) against the plain way kept here (each sentence looked up with
chunk.find after the last one): the same sentence segments for every document; and
segment._closed and _open_end against _CLOSED.search and _OPEN_END.search on stripped lines
(and that every character regex's \\s matches is str.isspace, which they rely on); and
segment._may_be_dateline lets through every line the dateline pattern matches, _has_motto
finds the mottos the patterns find, the formal line tests (signer, item, recipients) tried
only after their cheap filters say what the patterns say, the byline-names pattern is
ruled out by a ':' only where it cannot match, the number line's by its first character; and
TRAILING_BYLINE searched from segment._tail_window finds what it finds from the start, and
segment._trailing_byline (searched only in a line that ends as a match does) too; and
segment()'s two stable sorts of the segments give the order of the one by (start, -end); and
segment._is_lead (its two patterns tried only after a cheap test) says what the plain one says;
and segment() gives the same segments (kind, span, parent, in order) with and without its
fast way of placing the sentences (_sentences_follow, _with_sentences); and
segment._sentence_spans (the marks found once in the whole text) gives _punkt_spans' spans
of every stretch of a text (random bounds, on the fuzz texts).

    .venv/bin/python benchmarks/check_sentences.py [--fuzz 200000]

Texts: every line of the dev corpus and examples/*.txt, each whole text, and random strings
over an alphabet of the characters the tokenizer tests (dots, ?!, digits, spaces, line
breaks, upper and lower case, abbreviations); for _add_sentences, each one made a Document.
Exit status 1 on the first difference.
"""
from __future__ import annotations

import argparse
import random
from bisect import bisect_left
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, report_equivalence  # noqa: E402


def add_sentences_plain(doc) -> None:
    """segment._add_sentences as it was."""
    from gov_report_nlp.doc.segment import _RUNNING, _add, _sent_tokenize

    text = doc.text
    for seg in list(doc.segments):
        if seg.kind not in _RUNNING:
            continue
        chunk = text[seg.start:seg.end]
        pos = 0
        for sent in _sent_tokenize(chunk):
            sent = sent.strip()
            if not sent:
                continue
            k = chunk.find(sent, pos)
            if k < 0:  # the tokenizer changed the text: fall back to a word anchor
                head = sent.split()[0]
                k = chunk.find(head, pos)
                if k < 0:
                    continue
                e = chunk.find(sent.split()[-1], k)
                end = e + len(sent.split()[-1]) if e >= 0 else len(chunk)
            else:
                end = k + len(sent)
            _add(doc, "sentence", seg.start + k, seg.start + end)
            pos = end


def sentences(doc, add) -> list[tuple[int, int, int | None]]:
    doc.segments = [s for s in doc.segments if s.kind != "sentence"]
    add(doc)
    return [(s.start, s.end, s.parent) for s in doc.segments if s.kind == "sentence"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=200_000)
    args = ap.parse_args(argv)
    from underthesea import sent_tokenize

    from gov_report_nlp.doc.make import make_document
    from gov_report_nlp.doc.segment import (_CLOSED, _OPEN_END, ITEM, TRAILING_BYLINE, _add_sentences, _closed, _has_motto, _item, _no_byline_names,
                                            _may_be_dateline, _open_end, _patterns, _punkt_sentences,
                                            _tail_window, sentence_abbreviations)

    abbrev = sentence_abbreviations()
    pieces = [".", ".", "..", "...", "....", "?", "!", "?!", " ", " ", "\t", "\n", "\r", "1", "23", "a", "B",
              "TP", "tp", "Ts", "Đ", "ông", "Việt", "e.g", "U.S", "…", "”", "  ", "x.", "5.000", "Mr", "\x0b", "\x1f",
              "\u2028", "\x85", "(", "(TP", "-", "/", "\u00b2"]
    cases = equivalence_cases(pieces, args.fuzz, seed=1)
    status = report_equivalence(cases, sent_tokenize, lambda t: _punkt_sentences(t, abbrev), ("underthesea", "segment"))
    docs = cases[:len(cases) - args.fuzz] + cases[-(args.fuzz // 10):]  # the corpus, its lines, a tenth of the fuzz
    status = status or report_equivalence(docs, lambda t: sentences(make_document(t), add_sentences_plain),
                                          lambda t: sentences(make_document(t), _add_sentences), ("find", "spans"))
    status = status or check_sentence_spans(cases, abbrev)
    import regex

    spaces = [chr(c) for c in range(0x110000) if regex.match(r"\s", chr(c)) and not chr(c).isspace()]
    if spaces:
        print(f"regex's \\s matches what str.strip keeps: {spaces!r}")
        return 1
    ends = [".", ";", ":", "!", "?", "…", "”", '"', "./.", "/", "a", " ", "\t", "\n", "\u2028", "\x1c", "\xa0", "x"]
    lines = [t.strip() for t in equivalence_cases(ends, args.fuzz, seed=8, most=6)]
    status = status or report_equivalence(
        lines, lambda t: (bool(_CLOSED.search(t)), bool(_OPEN_END.search(t))), lambda t: (_closed(t), _open_end(t)),
        ("search", "last character"))
    places = ["Gia Nghĩa", "HÀ NỘI", "Đắk Nông", " ", "  ", "\t", ",", ", ", "ngày 12 tháng 3 năm 2024", "12 tháng 3",
              "năm 2024", "12/3/2024", "x" * 30, "A" * 41, "a", "-", "’", "\n", "\u2003", ".", "Ngày",
              "CỘNG HÒA", " XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNGHÒAXÃHỘI", "ĐẢNG CỘNG SẢN", " VIỆT NAM", "cộng hòa"]
    lines = cases[:len(cases) - args.fuzz] + equivalence_cases(places, args.fuzz, seed=9, most=8, lines=False)
    P = _patterns()
    status = status or report_equivalence(
        lines, lambda t: bool(P.motto_state.search(t) or P.motto_party.search(t)), lambda t: _has_motto(P, t),
        ("search", "word first"))
    from gov_report_nlp.lexicon import load_list
    signer = [w for name in ("signer_prefixes", "signer_deputies", "signer_titles") for w in load_list(name)]
    formal = [t.strip() for t in equivalence_cases(signer + [" ", "NGUYỄN VĂN A", "Kính gửi", "Nơi nhận", ":", " :", "- ", "+",
                                                             "•", "*", "-", "x", "\t", "\u2003", "Ủy ban", "kính GỬI"],
                                                   args.fuzz, seed=11, most=6)]

    def plain_formal(t):
        return (bool(P.sign_prefix.match(t) or P.sign_title.match(t)), bool(ITEM.match(t)),
                bool(P.recipients.match(t)), bool(P.kinh_gui.match(t)))

    def fast_formal(t):
        return (bool((P.sign_firsts is None or t[:1] in P.sign_firsts) and (P.sign_prefix.match(t) or P.sign_title.match(t))),
                _item(t), bool(":" in t and P.recipients.match(t)), bool(":" in t and P.kinh_gui.match(t)))
    status = status or report_equivalence(formal, plain_formal, fast_formal, ("match", "filtered"))
    bylines = [t.strip() for t in equivalence_cases(["Minh Anh", "Lê Văn A", " - ", ", ", " và ", ":", "Ảnh: ", "TỰ TRUNG", "(",
                                                     ")", "(TTXVN)", "/", "/ Báo", "TTXVN", "Đài TT", " ", ".", "A.", "x"],
                                                    args.fuzz, seed=12, most=8)]
    status = status or report_equivalence(
        bylines, lambda t: P.byline_names.match(t) is not None,
        lambda t: P.byline_names.match(t) is not None and not _no_byline_names(t, P.agency_colon), ("match", "filtered"))
    numbers = lines[:len(lines) - args.fuzz] + [t.strip() for t in equivalence_cases(
        list(load_list("number_labels")) + [" ", ":", "12/NQ-HĐND", "số", "SỐ", "\t", "x"], args.fuzz, seed=13, most=5)]
    status = status or report_equivalence(
        numbers, lambda t: P.number_line.match(t) is not None,
        lambda t: (P.number_words is None or t.startswith(P.number_words)) and P.number_line.match(t) is not None,
        ("match", "first word"))
    # a section line's first character (_segment_formal), a byline label's ':' and a photo
    # credit's mark (_byline_names, _find_tail)
    from gov_report_nlp.doc.segment import _may_be_photo_credit, _may_be_section
    from gov_report_nlp.lexicon import load_map
    sections = lines[:len(lines) - args.fuzz] + [t.strip() for t in equivalence_cases(
        list(load_map("outline_divisions")) + ["I", "V", "X", "L", "C", "IV", "1", "12", "1.2", ".", ")", " ", "  ", "\t",
                                               "\u2003", "\x1c", "a", "b", "đ", "z", "x", "A", "T", "٣", "-", "Nghị", "\n"],
        args.fuzz, seed=14, most=5)]
    status = status or report_equivalence(
        sections, lambda t: P.section.match(t) is not None,
        lambda t: _may_be_section(t, P.section_firsts) and P.section.match(t) is not None, ("match", "first character"))
    credits = bylines + [t.strip() for t in equivalence_cases(
        ["Ảnh", "ảnh", "Video", "CLIP", "Tin", "Bài", "Nhóm PV", "Thực hiện", "Tác giả", ":", " : ", "-", "–", "—", " ",
         "(", ",", " và ", "/", "&", "Minh Anh", "x", "\u2003"], args.fuzz, seed=15, most=6)]
    status = status or report_equivalence(
        credits, lambda t: (P.byline_label.match(t) is not None, P.photo_credit.match(t) is not None),
        lambda t: (":" in t and P.byline_label.match(t) is not None,
                   _may_be_photo_credit(t) and P.photo_credit.match(t) is not None), ("match", "mark first"))
    dateline = P.dateline
    status = status or report_equivalence(lines, lambda t: dateline.match(t) is not None,
                                          lambda t: dateline.match(t) is not None and _may_be_dateline(t),
                                          ("dateline", "filtered"))
    words = ["Quỳnh", "Hoa", "Minh", "Anh", "TTXVN", "(TTXVN)", "(Báo Nhân Dân)", "(theo Cổng thông tin)", "(", ")",
             " ", " ", "  ", "\t", "\n", ". ", "x ", "”", "-", " - ", "–", "a", "b c d e f g", "Lê", "’", "\u2003", "\x1c",
             "'", "\u00a0", "nói. Quỳnh Hoa (TTXVN)", "ăn Lê Minh - Hoa Anh", " đã Minh Anh Lê"]
    texts = cases[:len(cases) - args.fuzz] + equivalence_cases(words, args.fuzz, seed=10, most=40, lines=False)[-args.fuzz:]

    def found(m):
        return m and (m.span(), m.span("names"), m.span("org"))
    status = status or report_equivalence(
        texts, lambda t: found(TRAILING_BYLINE.search(t, 0, len(t))),
        lambda t: found(TRAILING_BYLINE.search(t, _tail_window(t, 0, len(t)), len(t))), ("search", "window"))
    # ... and segment._trailing_byline (searched only in a line that ends as a match does), a
    # text taken as one line (its stripped text, as segment._lines gives it)
    from gov_report_nlp.doc.segment import LineSpan, _trailing_byline
    status = status or report_equivalence(
        texts, lambda t: found(TRAILING_BYLINE.search(t, 0, len(t))),
        lambda t: found(_trailing_byline(t, LineSpan(0, len(t), t.strip()))), ("search", "line end first"))
    # segment._lines (one split) and detect_layout's motto test (a head's motto only looked for
    # when the text of the head lines holds a motto's first word: _may_have_motto)
    from gov_report_nlp.doc.document import Document
    from gov_report_nlp.doc.segment import HEAD_CHARS, _lines, _may_have_motto

    def heads(doc, lines):
        return [doc.text[ln.start:min(ln.end, ln.start + HEAD_CHARS)] for ln in lines[:25]]

    def plain_layout(t):
        doc = Document(text=t)
        lines = [s for s in doc.iter_lines() if s.end > s.start]
        return [(s.start, s.end, t[s.start:s.end].strip()) for s in lines], any(_has_motto(P, h) for h in heads(doc, lines))

    def fast_layout(t):
        doc = Document(text=t)
        lines = _lines(doc)
        end = lines[:25][-1].end if lines else 0
        return [(s.start, s.end, s.text) for s in lines], _may_have_motto(P, t, end) and any(_has_motto(P, h) for h in heads(doc, lines))
    layouts = lines + ["\n".join(equivalence_cases(places, 30, seed=s, most=8, lines=False)[-30:]) for s in range(2000)]
    status = status or report_equivalence(layouts, plain_layout, fast_layout, ("iter_lines", "split"))
    return (status or check_segment_order(args.fuzz) or check_is_lead(args.fuzz)
            or check_with_sentences(cases[:len(cases) - args.fuzz], args.fuzz // 10))


def check_sentence_spans(cases: list[str], abbrev) -> int:
    """_sentence_spans(text, s, e, ...) against _punkt_spans(text[s:e]) shifted by s, for
    each text and a few random (s, e) of it (bounds inside runs of dots, digits, words)."""
    from gov_report_nlp.doc.segment import _marks, _punkt_spans, _sentence_spans

    rng = random.Random(33)
    bounded = []
    for t in cases:
        n = len(t)
        bounded.append((t, 0, n))
        for _ in range(3):
            s = rng.randint(0, n)
            bounded.append((t, s, rng.randint(s, n)))

    def plain(c):
        t, s, e = c
        return [(s + a, s + b) for a, b in _punkt_spans(t[s:e], abbrev)]

    def fast(c):
        t, s, e = c
        marks = _marks(t)
        lo = bisect_left(marks, s)
        return _sentence_spans(t, s, e, marks, lo, bisect_left(marks, e, lo), abbrev)
    return report_equivalence(bounded, plain, fast, ("_punkt_spans", "_sentence_spans"))


def check_with_sentences(corpus: list[str], n: int) -> int:
    """segment() with its fast way (_with_sentences, where _sentences_follow lets it) against
    the plain way (_add_sentences, the two sorts, _reparent): the same segments, in the same
    order, with the same parents, for the corpus texts and lines and n random documents made
    of news and formal lines (trailing bylines, captions, signatures, recipients...)."""
    from gov_report_nlp.doc import segment as S
    from gov_report_nlp.doc.make import make_document

    def segs(t):
        return [(s.kind, s.start, s.end, s.parent) for s in make_document(t).segments]

    def plain(t):
        saved = S._sentences_follow
        S._sentences_follow = lambda segments: False
        try:
            return segs(t)
        finally:
            S._sentences_follow = saved
    lines = ["Cổng thông tin điện tử huyện A\n", "Báo Quảng Ninh\n", "Tiêu đề bài viết hôm nay\n", "12/03/2024 08:30\n",
             "Sáng 12/3, Huyện ủy tổ chức hội nghị. Ông A phát biểu.\n", "Ảnh: Minh\n", "Theo VnExpress\n",
             "Các đại biểu dự hội nghị tại hội trường\n", "Bằng khen. Quỳnh Hoa (TTXVN)\n", "Hồng Nhung\n", "PV\n",
             "Nguyễn Văn A - Trần Thị B\n", "trao tặng Quỳnh Hoa (TTXVN)\n", "Quỳnh Hoa (TTXVN)\n", "Tin, ảnh: Hà Linh\n",
             "\n", "\n\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "Độc lập - Tự do - Hạnh phúc\n", "Số: 12/NQ-HĐND\n",
             "Gia Nghĩa, ngày 12 tháng 3 năm 2024\n", "NGHỊ QUYẾT\n", "Về việc A\n", "Kính gửi: Sở Tài chính\n",
             "- Sở A;\n", "Căn cứ Luật B;\n", "Điều 1. Nội dung\n", "1. Tổng thu đạt 5 tỷ đồng.\n", "a) Việc A. Việc B\n",
             "Nơi nhận:\n", "- Như trên;\n", "TM. ỦY BAN NHÂN DÂN\n", "CHỦ TỊCH\n", "Nguyễn Văn A\n", "Trang 3\n",
             "hội nghị tiếp tục. TP. Hà Nội có 5.000 người...\n", "Ông A nói: “Việc này xong.” Bà B? Có!\n", "x. y\n"]
    rng = random.Random(21)
    docs = corpus + ["".join(rng.choice(lines) for _ in range(rng.randint(1, 30))) for _ in range(n)]
    fast = sum(S._sentences_follow([s for s in make_document(t).segments if s.kind != "sentence"]) for t in docs)
    print(f"{len(docs)} documents, {fast} placed the fast way")
    return report_equivalence(docs, plain, segs, ("plain", "_with_sentences"))


def is_lead_plain(t: str) -> bool:
    """segment._is_lead as it was: the marker searched and the opener matched in every line."""
    from gov_report_nlp.doc.segment import _lead_marker, _lead_opener

    words = len(t.split())
    if t.rstrip()[-1:] in ".!?…" and (words >= 60 or words >= 15 and _lead_marker().search(t)):
        return True
    return bool(_lead_opener().match(t))


def check_is_lead(n: int) -> int:
    """segment._is_lead (the opener only in a line with a ',', the marker only where its first
    word is) against is_lead_plain, on the corpus lines and n random ones."""
    from gov_report_nlp.doc.segment import _is_lead

    words = "Sáng nay, Chiều 12/3, Ngày 5 tháng 3, HÀ NỘI - Sáng 1/2, (TTXVN) - Tối 3, Theo đó, Hôm qua ,".split(" ")
    pieces = words + ["vừa", "VỪA", "Đã", "đã", "cho biết", "cho  biết", "CHO\tBIẾT", "chờ", "ſ", "K", "İ", "ẞ",
                      "x", "Uỷ ban", "tổ chức", ".", "!", "?", "…", ",", " ", "1", "12/3", "a" * 3]
    cases = equivalence_cases(pieces, n, seed=12, most=70)
    return report_equivalence([c for c in cases if c.strip()], is_lead_plain, _is_lead, ("plain", "prechecked"))


def check_segment_order(n: int) -> int:
    """segment()'s two stable sorts (by end, reversed, then by start) against the one sort by
    (start, -end) it replaced: the same order, ties (same start and end) in the order made,
    on n random lists of segments over few offsets (many ties)."""
    import random

    from gov_report_nlp.doc.document import Segment
    from gov_report_nlp.doc.segment import _END, _START

    rng = random.Random(9)
    for k in range(n // 10):
        segs = [Segment("x", a, a + rng.randint(0, 4)) for a in (rng.randint(0, 6) for _ in range(rng.randint(0, 30)))]
        want = sorted(segs, key=lambda s: (s.start, -s.end))
        got = sorted(segs, key=_END, reverse=True)
        got.sort(key=_START)
        if [id(s) for s in want] != [id(s) for s in got]:
            print(f"the segment order differs on {[(s.start, s.end) for s in segs]!r}")
            return 1
    print(f"{n // 10} lists of segments: the same order")
    return 0


if __name__ == "__main__":
    sys.exit(main())
