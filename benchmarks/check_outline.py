"""outline's fast scans against their plain versions:

- outline._curly_quotes (str.find for “ and ”) against regex.finditer(r"[“”]"), and
  outline._straight_items (tried at straight quotes) against _STRAIGHT_ITEM.finditer;
- outline._lines (one split of the text, a bisect for the spans out of the body, the page
  furniture pattern tried only where _may_be_furniture lets it) against the plain version
  kept here (Document.iter_lines, outline._inside and the pattern for every line); and that
  _may_be_furniture lets every line through that the pattern matches;
- outline._may_be_marker (a line's first two characters) lets every line through that
  _marker() matches, and find_outline is the same with and without it.
- outline._closes (the end of a line read with str methods) against _CLOSED.search, and
  outline._is_digit against the pattern's \\d for every character;
- find_outline with its early way out (outline._any_marker: no line starts with a mark)
  against find_outline without it, on every text.

    .venv/bin/python benchmarks/check_outline.py [--fuzz 20000]

Texts: the dev corpus and examples/*.txt, each whole and line by line, and random strings
of quotes, marks, page furniture, header and signature lines and line breaks; each one is
made a Document (make_document) for _lines. Exit status 1 on the first difference.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, report_equivalence  # noqa: E402


def lines_plain(doc):
    """outline._lines as it was."""
    from gov_report_nlp.doc.outline import _furniture, _inside, _Line, _out_of_body

    text = doc.text
    out_spans = _out_of_body(doc)  # unchanged by the fast _lines: shared
    out_starts = [s for s, _ in out_spans]
    furniture = _furniture()
    lines = []
    for span in doc.iter_lines():
        t = text[span.start:span.end]
        st = t.strip()
        if not st:
            kind = "blank"
        elif _inside(out_spans, out_starts, span.start + (len(t) - len(t.lstrip()))):
            kind = "out"
        elif furniture.match(st):
            kind = "furniture"
        else:
            kind = "text"
        lines.append(_Line(span.start, span.end, st, kind))
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=20_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.doc.make import make_document
    from gov_report_nlp.doc.outline import _STRAIGHT_ITEM, _curly_quotes, _curly_quotes_plain, _lines, _straight_items

    pieces = ["“", "”", '"', "a", " ", "\n", "\n\n", "“a) x”", "1. Điều", "12", "Trang 3", "- 5 -", " \t", "\u000b",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "Độc lập - Tự do - Hạnh phúc\n", "Số: 12/NQ-HĐND\n",
              "Gia Nghĩa, ngày 12 tháng 3 năm 2024\n", "NGHỊ QUYẾT\n", "Nơi nhận:\n", "- Như trên;\n", "CHỦ TỊCH\n",
              "Nguyễn Văn A\n", "Chương I\n", "I. MỤC TIÊU\n", "a) Nội dung", "Theo VnExpress\n", "Ảnh: Minh\n",
              "Trang", "Trang 4/12", "- 7 -", "Phần thứ nhất\n", "PHẦN II\n", "Mục 2. ", "Tiểu mục 3\n", "ĐIỀU 4.", "điều 5:",
              "A. KẾT QUẢ\n", "B.", "a. Xây", "đ) ", "c- X", "b/ Y", "II- ", "IV) ", "1.2. ", "2.3 A", "3/ B", "4- C", "٣. ",
              "• ", "● x", "* Về", "+ ", "+5", "-5%", "----", "\uf0b7 ", "V/v ", "I.\n", "CÔNG BÁO/Số 5", "công báo /", "Người ký: A", "Email:", "Ký bởi",
              "\n3\n", "\n12 \n", "٣", "x", "-", "/", ":", "\t",
              '"', '"1. ', '"a) ', '\n"Điều 5 ', ' \t"2) x', "\r", "\u2028", '"12.3) ']
    cases = equivalence_cases(pieces, args.fuzz, seed=5, most=16)
    status = report_equivalence(cases, _curly_quotes_plain, _curly_quotes, ("finditer", "find"))
    status = status or report_equivalence(
        cases, lambda t: [m.span() for m in _STRAIGHT_ITEM.finditer(t)], lambda t: [m.span() for m in _straight_items(t)],
        ("finditer", "at quotes"))

    from gov_report_nlp.doc.outline import _furniture, _may_be_furniture
    furniture = _furniture()
    lines = [t.strip() for t in cases if t.strip()]
    missed = [t for t in lines if furniture.match(t) and not _may_be_furniture(t)]
    if missed:
        print(f"_may_be_furniture misses {missed[0]!r}")
        return 1
    print(f"{len(lines)} lines: _may_be_furniture lets every furniture line through")
    import regex
    digit = regex.compile(r"\d")
    alpha = [f"U+{c:04X}" for c in range(0x80, 0x110000) if digit.match(chr(c)) and chr(c).isalpha()]
    if alpha:
        print(f"_may_be_furniture: digits of the pattern that str.isalpha calls letters: {alpha[:10]}")
        return 1
    from gov_report_nlp.doc.outline import _LOWER_START, _lower_start
    starts = lines + [t for t in cases if t] + [chr(c) + "x" for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    status = status or report_equivalence(starts, lambda t: _LOWER_START.match(t) is not None, _lower_start,
                                          ("match", "first character"))

    def key(lines):
        return [(ln.start, ln.end, ln.text, ln.kind) for ln in lines]
    status = status or report_equivalence(cases, lambda t: key(lines_plain(make_document(t))),
                                          lambda t: key(_lines(make_document(t))), ("plain", "fast"))
    return (status or check_closes(args.fuzz) or check_marker_heads(cases + [ln for t in cases for ln in t.split("\n")])
            or check_any_marker(cases))


def check_any_marker(cases) -> int:
    """find_outline gives the same outline with and without _any_marker's early way out."""
    from gov_report_nlp.doc import outline
    from gov_report_nlp.doc.make import make_document
    from gov_report_nlp.doc.segment import lines_of

    docs = map(make_document, cases)
    empty = sum(not outline._any_marker(d.text, lines_of(d), outline._marker(), outline._marker_heads(), {}) for d in docs)
    print(f"{len(cases)} texts, {empty} without a marker line")

    def plain(t):
        saved = outline._any_marker
        outline._any_marker = lambda *a: True
        try:
            return [s.model_dump() for s in outline.find_outline(make_document(t))]
        finally:
            outline._any_marker = saved
    return report_equivalence(cases, plain, lambda t: [s.model_dump() for s in outline.find_outline(make_document(t))],
                              ("every text", "_any_marker"))


def check_closes(fuzz: int) -> int:
    """_closes(t) against _CLOSED.search(t): the corpus' texts and lines, their lines stripped,
    and random strings of marks, closers, digits (of other scripts too) and line breaks; and
    _is_digit against the pattern's \\d for every character."""
    import regex

    from gov_report_nlp.doc.outline import _CLOSED, _closes, _is_digit

    digit = regex.compile(r"\d")
    wrong = [f"U+{cp:04X}" for cp in range(0x110000) if not 0xD800 <= cp < 0xE000
             and _is_digit(chr(cp)) != (digit.match(chr(cp)) is not None)]
    if wrong:
        print(f"_is_digit differs from the regex module's \\d on {len(wrong)} characters: {wrong[:5]}")
        return 1
    print("_is_digit: the regex module's \\d on every character")
    pieces = [".", ";", ":", "!", "?", "”", '"', "’", "'", ")", "]", "(", "1", "2", "0", "٣", "𑁦", "\u00b2", "a", "ạ",
              " ", "\n", "./.", "/", "-", "“", "x", "…", ",", "\t"]
    cases = equivalence_cases(pieces, fuzz * 5, seed=11, most=8)
    cases += [t.strip() for t in cases]
    return report_equivalence(cases, lambda t: _CLOSED.search(t) is not None, _closes, ("search", "_closes"))


def check_marker_heads(cases) -> int:
    """_may_be_marker lets through every line _marker() matches (the line's first two
    characters asked, a line of one with the break after it too), and find_outline finds the same outline with and without it."""
    from gov_report_nlp.doc import outline
    from gov_report_nlp.doc.make import make_document

    marker, heads = outline._marker(), outline._marker_heads()
    n = 0
    for line in cases:
        if marker.match(line) is not None:
            n += 1
            if not (outline._may_be_marker(heads, line[:2]) and outline._may_be_marker(heads, (line + "\n")[:2])):
                print(f"_may_be_marker leaves out a marker line: {line!r}")
                return 1
    print(f"{len(cases)} lines, {n} marker lines: _may_be_marker lets each through")

    def plain(t):
        saved = outline._marker_heads
        outline._marker_heads = lambda: None
        try:
            return [s.model_dump() for s in outline.find_outline(make_document(t))]
        finally:
            outline._marker_heads = saved
    return report_equivalence(cases[:30000], plain, lambda t: [s.model_dump() for s in outline.find_outline(make_document(t))],
                              ("every line", "_may_be_marker"))


if __name__ == "__main__":
    sys.exit(main())
