"""records.Evidence.of (the span trimmed with str.strip) against its plain version
(records.span_plain: character by character with str.isspace): the same span and text.

    .venv/bin/python benchmarks/check_evidence.py [--fuzz 200000]

Spans: random [start, end) over every corpus text and line (in range, empty, reversed, past
either end), and over random strings of spaces (every kind of Unicode space, line breaks,
U+FEFF, U+200B, which is not one) and letters. Exit status 1 on the first difference.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, report_equivalence  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=200_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.records import Evidence, span_plain

    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()] + ["\ufeff", "\u200b", "\u00ad"]
    pieces = spaces + [" ", " ", "\n", "a", "Đ", "ồ", "1", ".", "xã Tân"]
    rng = random.Random(31)
    cases = []
    for text in equivalence_cases(pieces, args.fuzz, seed=31):
        n = len(text)
        for _ in range(3):
            a, b = rng.randint(-2, n + 2), rng.randint(-2, n + 2)
            cases.append((text, a, b))
        cases.append((text, 0, n))

    def plain(case):
        text, a, b = case
        try:
            s, e = span_plain(text, a, b)
            return s, e, text[s:e]
        except Exception as ex:
            return type(ex).__name__

    def fast(case):
        try:
            ev = Evidence.of(*case)
            return ev.start, ev.end, ev.text
        except Exception as ex:
            return type(ex).__name__

    return report_equivalence(cases, plain, fast, ("span_plain", "Evidence.of"))


if __name__ == "__main__":
    sys.exit(main())
