"""terms._year_spans (YEAR_SPAN tried only where "19" or "20" begins with a dash after the whitespace
after its four digits) against the pattern's own scan: the same matches for every text.

    .venv/bin/python benchmarks/check_terms.py [--fuzz 200000]

Texts: the dev corpus and examples/*.txt (and their lines), and random strings of years,
digits, dashes, whitespace and separators. Exit status 1 on the first difference.
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
    from gov_report_nlp.extractors.terms import _year_spans, _year_spans_plain

    pieces = ["2020", "2025", "1990", "1919", "2019", "20", "19", "2", "0", "9", "5", "-", "–", "—", " ", "  ", "\n",
              "\t", "\u00a0", "\u2003", "/", ".", ",", "a", "năm", "(", ")", "202", "200", "19 ", "-20"]
    return report_equivalence(
        equivalence_cases(pieces, args.fuzz, seed=7),
        lambda t: [(m.span(), m.groupdict()) for m in _year_spans_plain(t)],
        lambda t: [(m.span(), m.groupdict()) for m in _year_spans(t)], ("pattern", "starts"))


if __name__ == "__main__":
    sys.exit(main())
