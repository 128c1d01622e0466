"""refs._bare_matches (the bare-reference pattern tried only where a type word begins, found
by an Aho-Corasick pass over the lowercased text) against the pattern's own scan: the same
matches for every text, and the set of characters lexicon.NOT_LOWER_SAFE lets through is
still safe for the type words' letters.

    .venv/bin/python benchmarks/check_refs.py [--fuzz 100000]

Texts: the dev corpus and examples/*.txt (and their lines), and random strings of type
words in every case, "số", digits, separators and odd characters. Exit status 1 on the
first difference.
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
    from gov_report_nlp.extractors.refs import _bare_matches, _bare_pattern, _bare_starts, _kinds
    from gov_report_nlp.lexicon import NOT_LOWER_SAFE

    if _bare_starts() is None:
        print("pyahocorasick is not installed: _bare_matches is the plain scan")
        return 0
    kinds = list(_kinds())
    alpha = sorted({ch for w in kinds for ch in w.lower() if not ch.isspace()})
    bad = unsafe_character(alpha, NOT_LOWER_SAFE)
    if bad:
        print(f"{bad} is let through but is not safe")
        return 1
    print("safe characters checked")
    pieces = kinds + [k.upper() for k in kinds] + [k.title() for k in kinds] + \
        [k.replace(" ", "\n") for k in kinds] + ["số", "Số", " số", " ", " ", "  ", ":", "\n", "12", "08/2013",
                                                "2020", ", 5", " và 7", "-", "/", "QĐ", ".3", "a", "Đ", "x", "İ", "ſ", "K"]
    plain = _bare_pattern()
    return report_equivalence(
        equivalence_cases(pieces, args.fuzz, seed=5),
        lambda t: [(m.span(), m.span("kind"), m.span("so"), m.span("nums")) for m in plain.finditer(t)],
        lambda t: [(m.span(), m.span("kind"), m.span("so"), m.span("nums")) for m in _bare_matches(t)],
        ("pattern", "starts"))


if __name__ == "__main__":
    sys.exit(main())
