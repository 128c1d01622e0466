"""lexicon.NOT_LOWER_SAFE, one character class in the standard library's engine, is the set
the earlier regex-module pattern (a class, or İ, or ſ) named: the same answer for every code
point, so the same search result on every text (a class matches one character).

    .venv/bin/python benchmarks/check_lower_safe.py

Exit status 1 on the first code point where they differ.
"""
from __future__ import annotations

import sys

import regex

BEFORE = regex.compile(r"[^\t\n\r\x20-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f]|[İſ]")


def main() -> int:
    from gov_report_nlp.lexicon import NOT_LOWER_SAFE

    for cp in range(0x110000):
        c = chr(cp)
        if bool(BEFORE.match(c)) != bool(NOT_LOWER_SAFE.match(c)):
            print(f"U+{cp:04X} {c!r}: before {bool(BEFORE.match(c))}, now {bool(NOT_LOWER_SAFE.match(c))}")
            return 1
    print("every code point: the same answer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
