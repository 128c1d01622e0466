"""normalize._pieces_nfc against a plain _PIECE_NFC.finditer: the same pieces for every text.

    .venv/bin/python benchmarks/check_normalize.py [--fuzz 200000]

Texts: the dev corpus and examples/*.txt, each whole and line by line, and random strings
over the characters the pieces are made of (spaces of every kind, zero-width characters,
line breaks, Ƣ, o/u with and without tone marks, q). Exit status 1 on the first difference.
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
    from gov_report_nlp.io.normalize import _PIECE_NFC, _pieces_nfc

    pieces = [" ", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u200b", "\ufeff", "\u00ad", "\n", "\r\n", "\r",
              "\u2028", "\x85", "Ƣ", "ƣ", "oà", "Oá", "uỷ", "UÝ", "qu", "Quý", "hoà", "a", "B", "1", ".", "ò", "ủy"]
    return report_equivalence(
        equivalence_cases(pieces, args.fuzz, seed=2, most=12),
        lambda t: [(m.span(), m.lastgroup) for m in _PIECE_NFC.finditer(t)],
        lambda t: [(m.span(), m.lastgroup) for m in _pieces_nfc(t)], ("finditer", "pieces"))

if __name__ == "__main__":
    sys.exit(main())
