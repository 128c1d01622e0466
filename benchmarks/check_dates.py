"""dates' scans from the starts (_DATE_STARTS: matches_from for a long span, _short_scan for
one shorter than _SHORT_SPAN) against a plain DATE_PATTERNS scan: the same matches for every
text; and find_dates_from (the dates whose match begins by a given offset) against
find_dates: the same dates that begin by it.

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
from bench import equivalence_cases, report_equivalence  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=200_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.budget import matches_from
    from gov_report_nlp.lang.dates import (_DATE_STARTS, _SHORT_SPAN, DATE_PATTERNS, _short_scan, find_dates,
                                           find_dates_from)

    pieces = ["sáng", "Sáng", "SÁNG", "trưa", "chiều", "tối", "đêm", "ngày", "Ngày", "tháng", "THÁNG", "năm", "nay",
              "hôm", "qua", "vào", "sá", "ng", "th", " ", " ", "(", ")", "/", ".", "-", "1", "12", "2020", "5",
              "31", "29", "\n", "a", "ày", ",", ", ", ",  ", "từ ", "mùng", "mồng", "hôm nay", "\t", "x1", "123", "và",
              "đến", "âm lịch", "ÂL", "12 tháng 3 năm 2024", "7 và 8/8", "1.250"]

    def windows(text):  # the whole text, its last two thirds, and short spans of it
        out = [(0, len(text)), (len(text) // 3, len(text))]
        out += [(s, min(len(text), s + n)) for s in range(0, len(text), 97) for n in (40, _SHORT_SPAN - 1)][:400]
        out.append((len(text) // 3, min(len(text), len(text) // 3 + 30)))
        return out

    def plain(text):
        return [[(m.span(), m.groupdict()) for m in DATE_PATTERNS.finditer(text, s, e)] for s, e in windows(text)]

    def fast(text):
        return [[(m.span(), m.groupdict()) for m in matches_from(DATE_PATTERNS, _DATE_STARTS, text, s, e)]
                for s, e in windows(text)[:2]] + \
            [[(m.span(), m.groupdict()) for m in _short_scan(text, s, e)] for s, e in windows(text)[2:]]

    if report_equivalence(equivalence_cases(pieces, args.fuzz, seed=3), plain, fast, ("finditer", "starts")):
        return 1

    # find_dates_from: the dates that begin by `last` are those of find_dates
    def spans(text):
        return [(s, min(len(text), s + n), s + k) for s in range(0, len(text), 53)[:60] for n in (60, 400) for k in (0, 3, 9)]

    def upto(found):
        return lambda text: [[d for d in found(text, s, e, last) if d.start <= last] for s, e, last in spans(text)]

    return report_equivalence(equivalence_cases(pieces, args.fuzz // 4, seed=13),
                              upto(lambda t, s, e, last: find_dates(t, s, e)), upto(find_dates_from),
                              ("find_dates", "find_dates_from"))

if __name__ == "__main__":
    sys.exit(main())
