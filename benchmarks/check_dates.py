"""dates' scans from the starts (_DATE_STARTS, or _date_starts' str.find passes over the
lowercase copy: dates._scan, the short scan for a span shorter than _SHORT_SPAN) against a
plain DATE_PATTERNS scan: the same matches for every text; _date_starts holds every start of
_DATE_STARTS (and its reading of a lower-safe text is safe); and find_dates_from (the
dates whose match begins by a given offset) against find_dates: the same dates that begin
by it.

    .venv/bin/python benchmarks/check_dates.py [--fuzz 200000]

Texts: the dev corpus and examples/*.txt, each whole and line by line, and random strings
of date words, digits and separators (overlapping words: "sángày", "thángày"). Exit status
1 on the first difference.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, report_equivalence, unsafe_character  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=200_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.budget import matches_from
    import regex

    from gov_report_nlp.lang.dates import (_DATE_STARTS, _SHORT_SPAN, _START_WORDS, DATE_PATTERNS, _date_starts, _scan,
                                           find_dates, find_dates_from)
    from gov_report_nlp.lexicon import NOT_LOWER_SAFE

    # _date_starts reads a lower-safe text: the words' letters are safe, \d is [0-9], \s is str.isspace
    bad = unsafe_character(sorted({c for w in _START_WORDS for c in w}), NOT_LOWER_SAFE)
    digit, space = regex.compile(r"\d"), regex.compile(r"\s")
    for cp in range(0x110000):
        c = chr(cp)
        if bad or 0xD800 <= cp < 0xE000 or NOT_LOWER_SAFE.match(c):
            continue
        if bool(digit.match(c)) != (c in "0123456789") or (space.match(c) and not c.isspace()):
            bad = f"U+{cp:04X}"
    if bad:
        print(f"{bad} is let through but is not safe")
        return 1
    print("safe characters checked")

    pieces = ["sáng", "Sáng", "SÁNG", "trưa", "chiều", "tối", "đêm", "ngày", "Ngày", "tháng", "THÁNG", "năm", "nay",
              "hôm", "qua", "vào", "sá", "ng", "th", " ", " ", "(", ")", "/", ".", "-", "1", "12", "2020", "5",
              "31", "29", "\n", "a", "ày", ",", ", ", ",  ", "từ ", "mùng", "mồng", "hôm nay", "\t", "x1", "123", "và",
              "đến", "âm lịch", "ÂL", "12 tháng 3 năm 2024", "7 và 8/8", "1.250", "ſáng", "İ", "\u00a0", "Ngày"]

    def windows(text):  # the whole text, its last two thirds, and short spans of it
        out = [(0, len(text)), (len(text) // 3, len(text))]
        out += [(s, min(len(text), s + n)) for s in range(0, len(text), 97) for n in (40, _SHORT_SPAN - 1)][:400]
        out.append((len(text) // 3, min(len(text), len(text) // 3 + 30)))
        return out

    def plain(text):
        ws = windows(text)
        return [[(m.span(), m.groupdict()) for m in DATE_PATTERNS.finditer(text, s, e)] for s, e in ws[:2] + ws]

    def fast(text):
        return [[(m.span(), m.groupdict()) for m in matches_from(DATE_PATTERNS, _DATE_STARTS, text, s, e)]
                for s, e in windows(text)[:2]] + \
            [[(m.span(), m.groupdict()) for m in _scan(text, s, e)] for s, e in windows(text)[:2] + windows(text)[2:]]

    if report_equivalence(equivalence_cases(pieces, args.fuzz, seed=3), plain, fast, ("finditer", "starts")):
        return 1

    # _date_starts holds every start _DATE_STARTS finds (None: not lower-safe)
    def starts(text, fast):
        out = []
        for s, e in windows(text):
            want = [c.start() for c in _DATE_STARTS.finditer(text, s, e)]
            got = _date_starts(text, s, e)
            out.append(want if not fast or got is None or not set(want) - set(got) else got)
        return out

    if report_equivalence(equivalence_cases(pieces, args.fuzz // 4, seed=14), lambda t: starts(t, False),
                          lambda t: starts(t, True), ("_DATE_STARTS", "_date_starts")):
        return 1

    # find_dates_from: the dates that begin by `last` are those of find_dates
    def spans(text):
        return [(s, min(len(text), s + n), s + k)
                for s in range(0, len(text), 53)[:60] for n in (60, 400) for k in (0, 3, 9)]

    def upto(found):
        return lambda text: [[d for d in found(text, s, e, last) if d.start <= last] for s, e, last in spans(text)]

    return report_equivalence(equivalence_cases(pieces, args.fuzz // 4, seed=13),
                              upto(lambda t, s, e, last: find_dates(t, s, e)), upto(find_dates_from),
                              ("find_dates", "find_dates_from"))

if __name__ == "__main__":
    sys.exit(main())
