"""awards' fast scans against the plain ones, on the dev corpus, examples/*.txt (whole and
line by line) and random strings of award words:

- _kind_matches (the kind pattern tried only where a whole alternative begins in the
  lowercased text, or its first word when the span holds other whitespace than single
  spaces, and at the digits when "tuổi" is there) against the pattern's scan,
  over the whole text and over each of its sentences (the first two thirds and the last
  third too); and the set of characters lexicon.NOT_LOWER_SAFE lets through is still safe
  for the letters of those first words and of the whole phrases;
- _may_have_kind with the spans of the least openers (Aho-Corasick) against the spans of
  every opener (str.find), for every sentence; and _kind_sentences (the sentences that may
  hold a kind, in one pass along the spans, from a line before the first opener, skipping
  ahead to a line before a far one) against _sentences filtered by _may_have_kind, on texts
  dense in lines and bullets too, and on long ones with the skip at every gap;
- _folded (the lowered text when it is the casefolded one) against text.casefold();
- _counts_before (no scan without a number; the patterns tried only at the digits and where
  an approximation or number word begins in the lowered text) against _counts_before_plain;
- _read_counts_at (not tried where no digit, approximation or number word begins) against
  its tries, from every offset;
- _words_search and _words_finditer (a list's pattern tried only where a phrase's first
  word begins) against the pattern's search and finditer;
- _cuo_at (no try without "của") and _Decisions (no scan of a sentence without "quyết")
  against the plain match and scan;
- _recipient_before (no scan without "được" or "nhận") against _recipient_before_plain.

    .venv/bin/python benchmarks/check_awards.py [--fuzz 100000]

Exit status 1 on the first difference.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, report_equivalence, unsafe_character  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=100_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.extractors import awards as A
    from gov_report_nlp.lexicon import NOT_LOWER_SAFE, load_list, lowered_if_safe

    words = ["huy", "danh", "khen"] + [w.split()[0].lower() for n in ("award_kinds", "award_titles")
                                       for w in load_list(n) if w.split()]
    if not all(w.isalpha() for w in words):
        print("a first word is not letters only")
        return 1
    # the whole phrases too: a sentence of single spaces is searched for them in its lowercase copy
    phrases = ["huy hiệu", "danh hiệu", "khen thưởng"] + [w.lower() for n in ("award_kinds", "award_titles")
                                                        for w in load_list(n)]
    bad = unsafe_character(sorted({c for w in words + phrases for c in w if not c.isspace()}), NOT_LOWER_SAFE)
    if bad:
        print(f"{bad} is let through but is not safe")
        return 1
    print("safe characters checked")
    kinds = list(load_list("award_kinds")) + list(load_list("award_titles"))
    pieces = kinds + [k.upper() for k in kinds] + [k.title() for k in kinds] + \
        ["Huy hiệu", "huy  hiệu", "danh hiệu", "Danh hiệu “", "”", "khen thưởng", "Khen Thưởng", " 30", " 40 năm",
         "60 năm tuổi Đảng", " năm", " tuổi", " Đảng", " tuổi đảng", ", ", " và ", "-", "hạng Nhì", "hạng ba",
         "xuất sắc", " ", " ", "  ", "\n", ".", ":", "5", "12", "a", "Đ", "İ", "ſ", "K", "x", "ß", "bằng", "chiến sĩ",
         ":\n", ":", "\n- ", "\n+ 3 cá nhân", "\n12 tập thể", ". ", "!", "\t", "\u00a0", "bằng\u00a0khen",
         "chiến  sĩ thi đua"]
    cases = equivalence_cases(pieces, args.fuzz, seed=6)

    def spans(text, fast):
        out = []
        for s0, s1 in A._sentences(text):
            for a, b in ((s0, s1), (s0, s0 + 2 * (s1 - s0) // 3), (s0 + 2 * (s1 - s0) // 3, s1)):
                ms = A._kind_matches(text, a, b, lowered_if_safe(text)) if fast else A._kind_matches_plain(text, a, b)
                out.append([(m.span(), m.groupdict()) for m in ms])
        ms = A._kind_matches(text, 0, len(text), lowered_if_safe(text)) if fast else \
            A._kind_matches_plain(text, 0, len(text))
        out.append([(m.span(), m.groupdict()) for m in ms])
        return out

    if report_equivalence(cases, lambda t: spans(t, False), lambda t: spans(t, True), ("pattern", "starts")):
        return 1

    def may(text, fast):
        folded = text.casefold()
        if len(folded) != len(text):
            return None
        openers = A._least_openers() if fast else A._kind_openers()
        at = A._opener_spans(folded, openers) if fast else A._opener_spans_plain(folded, openers)
        out = [A._may_have_kind(text, folded, s0, s1, openers, at) for s0, s1 in A._sentences(text)] + \
            [A._may_have_kind(text, None, s0, s1, openers, at) for s0, s1 in A._sentences(text)]
        # the sentences find_awards scans: all of them filtered, or walked along the spans
        kept = A._kind_sentences(text, folded, openers, at) if fast else \
            [(s0, s1) for s0, s1 in A._sentences(text) if A._may_have_kind(text, folded, s0, s1, openers, at)]
        return out, kept, A._kind_sentences(text, None, openers, at) if fast else \
            [(s0, s1) for s0, s1 in A._sentences(text) if A._may_have_kind(text, None, s0, s1, openers, at)]

    if report_equivalence(cases, lambda t: may(t, False), lambda t: may(t, True), ("all openers", "least")):
        return 1
    # _kind_sentences starts at a line before the first opener (_restart): texts dense in
    # lines, colons, bullets and sentence ends, openers among them
    lined = ["\n", ":\n", ":", "\n- ", "\n+ ", "\n• ", "- ", "\n12 ", "\n3 cá nhân", "12 a", ". ", ".", "!",
             " ", "  ", "x", "Ta", "TP. ", "TP.", "bằng khen", "Huân chương", "danh hiệu", "khen thưởng", "\n\n",
             "\t", ": \n"]
    if report_equivalence(equivalence_cases(lined, args.fuzz, seed=7, most=24, lines=False),
                          lambda t: may(t, False), lambda t: may(t, True), ("all openers", "least")):
        return 1
    # and read on from the line before a far opener (_JUMP): long texts, filler sentences and
    # lines between the openers; the skip tried at every gap too (_JUMP = 0)
    filler = ["Một câu dài không có gì để nói " * 5 + ". ", "Dòng khác;\n", "\n- mục a", "TP. HCM có 3 người. ",
              "nhận xét:\n"]
    far = equivalence_cases(lined + filler * 4, args.fuzz // 4, seed=15, most=80, lines=False)
    for jump in (A._JUMP, 40, 0):
        saved, A._JUMP = A._JUMP, jump
        try:
            if report_equivalence(far, lambda t: may(t, False), lambda t: may(t, True), ("all openers", f"skip {jump}")):
                return 1
        finally:
            A._JUMP = saved

    # _folded: the lowered text stands for the casefolded one when no character of
    # _FOLD_NOT_LOWER is there; that class holds every character NOT_LOWER_SAFE lets through
    # whose casefold is not its lower
    differ = [c for c in map(chr, range(0x110000)) if not 0xD800 <= ord(c) < 0xE000
              and NOT_LOWER_SAFE.search(c) is None and c.casefold() != c.lower()]
    if any(c not in A._FOLD_NOT_LOWER for c in differ):
        print("_FOLD_NOT_LOWER misses a character whose casefold is not its lower")
        return 1
    fold_cases = cases + ["".join(differ), "Bằng khen ß", "µ huân chương", "ẞ", "ſ", "İ"]
    if report_equivalence(fold_cases, A._folded_plain, A._folded, ("casefold", "lowered")):
        return 1

    # _counts_before: no scan where _count_number finds nothing; over whole texts, sentences
    # and their halves, and random strings of counts, number words (in every case) and nouns
    from gov_report_nlp.lexicon import load_map
    nums = list(load_map("award_number_words")) + list(load_list("award_count_approx"))
    nouns = list(load_map("award_count_nouns"))
    count_pieces = nums + [w.upper() for w in nums] + [w.title() for w in nums] + nouns + \
        [w.upper() for w in nouns] + [" ", " ", " ", "  ", ", ", " và ", "12", "1.250", "3", "٣", "năm ",
                                     "ſáu", "SÁU", "tập thể và cá nhân", ".", "\n", "x", "K"]
    count_cases = equivalence_cases(count_pieces, args.fuzz, seed=8, most=10)

    def counts(text, fast):
        low = lowered_if_safe(text)
        f = (lambda t, lo, hi: A._counts_before(t, lo, hi, low)) if fast else A._counts_before_plain

        def g(lo, hi):  # an error is an answer too ("ſáu" matches a number word that _number does not know)
            try:
                return f(text, lo, hi)
            except ValueError as e:
                return repr(e)
        out = [g(0, len(text))]
        for s0, s1 in A._sentences(text):
            out += [g(s0, s1), g(s0, (s0 + s1) // 2), g((s0 + s1) // 2, s1)]
        return out

    bad = unsafe_character(sorted({c for w in nums for c in w.lower() if not c.isspace()}), NOT_LOWER_SAFE)
    if bad:
        print(f"{bad} is let through but is not safe (number and approximation words)")
        return 1
    if report_equivalence(count_cases, lambda t: counts(t, False), lambda t: counts(t, True), ("scan", "number first")):
        return 1

    # _read_counts_at: not tried where no digit, approximation or number word begins; from
    # every offset of the count cases, to the end and to the next line end
    def counts_at(text, fast):
        low = lowered_if_safe(text) if fast else None
        out = []
        for pos in range(len(text) + 1):
            for hi in {len(text), max(pos, text.find("\n", pos))}:
                try:
                    out.append(A._read_counts_at(text, pos, hi, low))
                except ValueError as e:
                    out.append(repr(e))
        return out

    if report_equivalence(count_cases[:len(count_cases) - args.fuzz // 2], lambda t: counts_at(t, False),
                          lambda t: counts_at(t, True), ("tried", "words first")):
        return 1

    # _words_search: a list's pattern tried only where the first word of a phrase begins in
    # the lowered text; whole texts, their lines and random strings of the phrases in every case
    for name, pat in (("award_not_grant_cues", A._words("award_not_grant_cues")),
                      ("award_subject_breakers", A._words("award_subject_breakers")),
                      ("award_issuer_stops", A._words("award_issuer_stops")),
                      ("award_body_names", A._body_names()),
                      ("award_reason_cues", A._words("award_reason_cues")),
                      ("award_receive_verbs", A._words("award_receive_verbs"))):
        phrases = list(load_list(name))
        bad = unsafe_character(sorted({c for w in phrases for c in w.lower() if not c.isspace()}), NOT_LOWER_SAFE)
        if bad:
            print(f"{bad} is let through but is not safe ({name})")
            return 1
        word_pieces = phrases + [w.upper() for w in phrases] + [w.title() for w in phrases] + \
            [w.replace(" ", "  ") for w in phrases] + [" ", " ", "a", "x", "\n", ",", "İ", "ſ", "K", "ß", "đ", "Đ"]

        def found(t, fast, pat=pat, name=name):
            low = lowered_if_safe(t)
            out = []
            for lo, hi in ((0, len(t)), (len(t) // 3, len(t)), (0, 2 * len(t) // 3), (len(t) // 4, 3 * len(t) // 4)):
                if fast:
                    m = A._words_search(name, t, low, lo, hi, pat)
                    ms = A._words_finditer(name, t, low, lo, hi, pat)
                else:
                    m, ms = pat.search(t, lo, hi), list(pat.finditer(t, lo, hi))
                out.append((m and (m.span(), m.group()), [(x.span(), x.group()) for x in ms]))
            return out

        if report_equivalence(equivalence_cases(word_pieces, args.fuzz // 2, seed=10, most=8),
                              lambda t: found(t, False), lambda t: found(t, True), (f"{name}: scan", "first words")):
            return 1

    # _cuo_at: no try where the lowered window has no "của"
    bad = unsafe_character(sorted(set("của")), NOT_LOWER_SAFE)
    if bad:
        print(f"{bad} is let through but is not safe (của)")
        return 1
    cuo_pieces = ["của", "Của", "CỦA", " ", " ", "  ", "\n", "\t", "x", "bằng khen", "cua", "cùa", "ſ", "K", "İ", ","]

    def cuo(text, fast):
        low = lowered_if_safe(text) if fast else None
        return [(m := A._cuo_at(text, p, hi, low)) and m.span() for p in range(len(text) + 1)
                for hi in {len(text), min(len(text), p + 5)}]

    if report_equivalence(equivalence_cases(cuo_pieces, args.fuzz // 2, seed=14, most=10, lines=False),
                          lambda t: cuo(t, False), lambda t: cuo(t, True), ("match", "của first")):
        return 1

    # _Decisions: no scan of a sentence whose lowered text has no "quyết"
    bad = unsafe_character(sorted(set("quyết")), NOT_LOWER_SAFE)
    if bad:
        print(f"{bad} is let through but is not safe (quyết)")
        return 1
    decision_pieces = ["Quyết định", "quyết định", "QUYẾT ĐỊNH", "quyết  định", "Quyết định số", " số ", " 12",
                       "123/QĐ-UBND", " ", " ", ",", "\n", "x", "quyêt", "ſ", "K", "İ", "bằng khen", ". "]

    def decisions(text, fast):
        low = lowered_if_safe(text) if fast else None
        out = []
        for s0, s1 in list(A._sentences(text)) + [(0, len(text))]:
            d = A._Decisions(text, s0, s1, low)
            out.append([(m.span(), m["n"]) for m in d.found] +
                       [(p, (m := d.last_before(p)) and m.span()) for p in range(s0, s1 + 1, 7)])
        return out

    if report_equivalence(equivalence_cases(decision_pieces, args.fuzz // 2, seed=12, most=10),
                          lambda t: decisions(t, False), lambda t: decisions(t, True), ("scan", "quyết first")):
        return 1

    # _recipient_before scans for _PASSIVE only where the casefolded window holds "được" or
    # "nhận": every character the pattern takes for a letter of them folds to that letter...
    import regex
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for x in sorted(set("đượcnhận")):
        for c in regex.findall(rf"(?i){regex.escape(x)}", everything):
            if x not in c.casefold():
                print(f"{c!r} matches {x!r} case-insensitively but does not fold to it")
                return 1
    # ...and the answers are those of the plain function, from every start of the text
    from gov_report_nlp.doc.make import make_document
    passive_pieces = ["được", "ĐƯỢC", "Được", "nhận", "NHẬN", "đón nhận", "đón  nhận", "vinh dự", "đã", " ", " ",
                      "Công ty X", ", ", "Hội Luật gia", "3 cá nhân", "tặng", "đươc", "nhân", "UBND tỉnh", "\n"]

    def recipients(text, fast):
        doc = make_document(text)
        f = A._recipient_before if fast else A._recipient_before_plain
        return [f(doc, lo, len(doc.text)) for lo in range(0, len(doc.text) + 1, 5)]

    return report_equivalence(equivalence_cases(passive_pieces, args.fuzz // 10, seed=9, most=10, lines=False),
                              lambda t: recipients(t, False), lambda t: recipients(t, True), ("scan", "words first"))


if __name__ == "__main__":
    sys.exit(main())
