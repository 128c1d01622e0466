"""segment._punkt_sentences with our abbreviations (data/vi/sentence_abbreviations.txt) against
underthesea.sent_tokenize: the same list for every text.

    .venv/bin/python benchmarks/check_sentences.py [--fuzz 200000]

Texts: every line of the dev corpus and examples/*.txt, each whole text, and random strings
over an alphabet of the characters the tokenizer tests (dots, ?!, digits, spaces, line
breaks, upper and lower case, abbreviations). Exit status 1 on the first difference.
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
    from underthesea import sent_tokenize

    from gov_report_nlp.doc.segment import _punkt_sentences, sentence_abbreviations

    abbrev = sentence_abbreviations()
    pieces = [".", ".", "..", "...", "....", "?", "!", "?!", " ", " ", "\t", "\n", "\r", "1", "23", "a", "B",
              "TP", "tp", "Ts", "Đ", "ông", "Việt", "e.g", "U.S", "…", "”", "  ", "x.", "5.000", "Mr"]
    return report_equivalence(equivalence_cases(pieces, args.fuzz, seed=1), sent_tokenize,
                              lambda t: _punkt_sentences(t, abbrev), ("underthesea", "segment"))

if __name__ == "__main__":
    sys.exit(main())
