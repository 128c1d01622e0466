"""organizations._body_matches against the case-insensitive pattern's own scan: the same
spans for every text, and the set of characters it lowers is still safe.

    .venv/bin/python benchmarks/check_organizations.py [--fuzz 100000]

Safe: every character _NOT_LOWER_SAFE lets through lowers to one character, keeps its \\w
class, and matches a letter of the lexicons case-insensitively exactly when its lowercase
is that letter. Texts: the dev corpus and examples/*.txt, and random strings of body and
level words in every case. Exit status 1 on the first difference.
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
    from gov_report_nlp.extractors.organizations import _NOT_LOWER_SAFE, _body_matches, _pattern
    from gov_report_nlp.lexicon import load_map

    kinds, pat = _pattern()
    levels = list(load_map("admin_levels"))
    alpha = sorted({ch for w in list(kinds) + levels for ch in w.lower()})
    bad = unsafe_character(alpha, _NOT_LOWER_SAFE)
    if bad:
        print(f"{bad} is let through but is not safe")
        return 1
    pieces = [k for k in kinds] + [k.upper() for k in kinds] + [k.title() for k in kinds] + levels + \
        [w.upper() for w in levels] + [" ", " ", " ", "/", "\n", "a", "Đ", "x", ".", "İ", "ſ", "K"]
    print("safe characters checked")
    return report_equivalence(
        equivalence_cases(pieces, args.fuzz, seed=4, most=10, lines=False),
        lambda t: [(m.span(), m.span("body"), m.span("rest")) for m in pat.finditer(t)],
        lambda t: [(m.span(), m.span("body"), m.span("rest")) for m in _body_matches(t)], ("pattern", "lowered"))

if __name__ == "__main__":
    sys.exit(main())
