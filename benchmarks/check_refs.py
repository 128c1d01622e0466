"""refs._bare_matches (the part of the bare-reference pattern before the number matched
backwards from each short digit run after a space, the whole pattern tried only where that
found a start; the space before the number after ":", a space or the last letter of "số" or
a type word, in the lowercase copy: those letters are safe) and refs._symbol_matches (SYMBOL
tried only where a short digit run has "-" or "/" after it) against the patterns' own
scans: the same matches for every text; refs._numbers (its digit runs found as [0-9] in a
lower-safe text) against the \\d scan; a letter before the bare number's space passes only
where "số" or a type word's last word ends there, in the lowercase copy; refs._lead_search
(LEAD tried only where a match can begin) against LEAD.search, on the windows refs._lead reads;
refs._symbol_mentions with _kind_before_search (the type word before a symbol tried only where
a type word's first word begins in the lowercase copy) against kind_before.search.

    .venv/bin/python benchmarks/check_refs.py [--fuzz 100000]

Texts: the dev corpus and examples/*.txt (and their lines), and random strings of type
words in every case (words that are the end of another: "luật", "bộ luật"), "số", digits,
separators, whitespace runs and odd characters. Exit status 1 on the first difference.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, report_equivalence, unsafe_character  # noqa: E402


LEAD_PIECES = ["Ngày 01/02/2020", "ngày 5 tháng 3 năm 2020", "NGÀY 1-2-2021", "ngày", "Ngày 7", ", ", ",", " , ",
               "UBND tỉnh", "Sở Nội vụ", "Ủy ban", "Bộ", "tỉnh", " ban hành ", " ban\nhành ", " có ", " ký ", " đã ",
               " các ", "các ", " ", "  ", "\n", "(", ")", ".", ";", ":", "“", "”", '"', "[", "5", "2020", "Đ", "a",
               "x", "ÀY", "İ", "٣", "Theo", " về "]


def lead_cases(n: int) -> list[str]:
    return equivalence_cases(LEAD_PIECES, n, seed=11, most=16)


def lead_windows(text: str, search) -> list:
    """search(text, lo, a) for the windows refs._lead reads: a wherever the text before it
    ends with LEAD's verbs or "các" (and at the end), lo 200 characters back, and lo 0."""
    from gov_report_nlp.extractors.refs import _LEAD_VERBS, _ends_with

    out = []
    ends = [a for a in range(1, len(text) + 1) if text[a - 1] == " " and _ends_with(text, max(0, a - 200), a, _LEAD_VERBS)]
    for a in ends + [len(text)]:
        for lo in {max(0, a - 200), 0}:
            m = search(text, lo, a)
            out.append(m and (m.span(), m.groupdict()))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=100_000)
    args = ap.parse_args(argv)
    import regex

    from gov_report_nlp.extractors.refs import (LEAD, _lead_search, _bare_before_number, _bare_last_words, _bare_matches,
                                                _bare_matches_plain, _bare_word_ends, _kinds, _numbers,
                                                _numbers_plain, _symbol_matches, _symbol_matches_plain,
                                                _kind_before_plain, _symbol_mentions)
    from gov_report_nlp.lexicon import NOT_LOWER_SAFE

    letters = {c for c in _bare_word_ends() if c.isalpha()} | {c for w in _bare_last_words() for c in w} | \
        {c for k in _kinds() for c in k.split()[0]}
    bad = unsafe_character(sorted(letters), NOT_LOWER_SAFE)
    if bad:
        print(f"{bad} is let through but is not safe")
        return 1
    print("safe characters checked")
    # _numbers' [0-9] in a lower-safe text: \d matches no other lower-safe character
    digit = regex.compile(r"\d")
    for cp in range(0x110000):
        c = chr(cp)
        if not (0xD800 <= cp < 0xE000 or NOT_LOWER_SAFE.match(c)) and bool(digit.match(c)) != ("0" <= c <= "9"):
            print(f"U+{cp:04X} {c!r}: \\d and [0-9] differ on a lower-safe character")
            return 1
    print("lower-safe digits checked")

    if _bare_before_number() is None:
        print("a type word is not letters and spaces: _bare_matches is the plain scan")
        return 0
    kinds = list(_kinds())
    pieces = kinds + [k.upper() for k in kinds] + [k.title() for k in kinds] + \
        [k.replace(" ", "\n") for k in kinds] + [k.replace(" ", "  ") for k in kinds] + \
        ["số", "Số", "SỐ", " số", " ", " ", "  ", "\t", ":", " :", "\n", "12", "08/2013", "2020", ", 5", " và 7", "-",
         "/", "QĐ", ".3", "a", "Đ", "x", "İ", "ſ", "K", "٣", " năm", " tháng", "%", "bộ", "pháp", "x",
         "45-CT/TW", "1436/QĐ-UBND", "ĐU", "-ĐU/TW", "/ĐT", "12/2020/ĐU", "１２", "²", "đồng", "tháng", "ận", "khoản ", "30/2020/NĐ-CP", "35- NQ/TW", " - ", " / ", "/\n", "TTg", "123456", "UBND", "KH"]
    return report_equivalence(
        lead_cases(args.fuzz), lambda t: lead_windows(t, LEAD.search), lambda t: lead_windows(t, _lead_search),
        ("LEAD.search", "_lead_search")) or report_equivalence(
        equivalence_cases(pieces, args.fuzz, seed=3), _numbers_plain, _numbers, ("\\d runs", "[0-9] runs")) or report_equivalence(
        equivalence_cases(pieces, args.fuzz, seed=5),
        lambda t: [(m.span(), m.span("kind"), m.span("so"), m.span("nums")) for m in _bare_matches_plain(t)],
        lambda t: [(m.span(), m.span("kind"), m.span("so"), m.span("nums")) for m in _bare_matches(t)],
        ("pattern", "backwards")) or report_equivalence(
        equivalence_cases(pieces, args.fuzz, seed=8),
        lambda t: [(m.span(), m.groupdict()) for m in _symbol_matches_plain(t)],
        lambda t: [(m.span(), m.groupdict()) for m in _symbol_matches(t)], ("SYMBOL", "numbers")) or report_equivalence(
        equivalence_cases(pieces, args.fuzz, seed=13),
        lambda t: [vars(m) for m in _symbol_mentions(t, kind_search=_kind_before_plain)],
        lambda t: [vars(m) for m in _symbol_mentions(t)], ("kind_before.search", "type words' starts")) or check_evidence(args.fuzz)


def check_evidence(n: int) -> int:
    """records.Evidence.of (the span trimmed by one str.strip) against Evidence.of_plain (the
    spaces stepped over one by one): every span of short strings of spaces (str.isspace's and
    those it leaves, as \x1c and U+200B) and letters, out-of-range ones too."""
    import random

    from gov_report_nlp.records import Evidence

    def spans(t):
        return [(a, b) for a in range(-2, len(t) + 3) for b in range(-2, len(t) + 3)]

    def evidence(of):
        def run(t):
            out = []
            for a, b in spans(t):
                try:
                    out.append(of(t, a, b).model_dump())
                except IndexError:
                    out.append("IndexError")
            return out
        return run
    rng = random.Random(21)
    pieces = [" ", "\t", "\n", "\u2003", "\x1c", "\x85", "\u200b", "a", "Đ", ".", "ệ"]
    cases = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 7))) for _ in range(max(1, n // 20))]
    return report_equivalence(cases, evidence(Evidence.of_plain), evidence(Evidence.of), ("loops", "strip"))


if __name__ == "__main__":
    sys.exit(main())
