"""The space folding of lists._clean and meetings._fold_strip (str.split and join) against
the plain regex one they replace (_SPACES.sub(" ", text) and the strip after it):

- the characters str.split() splits at are those the patterns' \\s matches and
  _SPLIT_NOT_SPACE (which send the text to the plain way), for every code point;
- the same string on the corpus texts, their lines, and random strings of words, spaces of
  every kind, and the characters stripped.

    .venv/bin/python benchmarks/check_lists.py [--fuzz 20000]

Exit status 1 on the first difference.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, report_equivalence  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=20_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.extractors import meetings
    from gov_report_nlp.lang import lists

    space = regex.compile(r"\s")
    for name, mod in (("lists", lists), ("meetings", meetings)):
        assert mod._SPACES.pattern == r"\s+" and mod._SPACES.flags == space.flags, name
        odd = set(mod._SPLIT_NOT_SPACE)
        for cp in range(0x110000):
            c = chr(cp)
            splits = len(("a" + c + "a").split()) == 2
            if splits != (bool(space.match(c)) or c in odd) or (c in odd and space.match(c)):
                print(f"{name}: U+{cp:04X}: str.split {'splits' if splits else 'does not split'} at it, "
                      f"\\s {'matches' if space.match(c) else 'does not match'} it")
                return 1
    print("every character: str.split splits where \\s matches, and at _SPLIT_NOT_SPACE")
    pieces = ["Nguyễn Văn A", "Phó Chủ tịch", "UBND", "tỉnh", ",", ".", ";", ":", "-", "–", "—", "“", "”", '"',
              " ", "  ", "\n", "\t", "\r\n", "\xa0", "\u2003", "\u2028", "\x1c", "\x1f", "\x85", "\u3000", "\x0b"]
    cases = equivalence_cases(pieces, args.fuzz, seed=11, most=12)
    if report_equivalence(cases, lists._clean_plain, lists._clean, ("_clean_plain", "_clean")):
        return 1
    for chars in (" .,;:", " ,.:“”\""):
        def plain(text, chars=chars):
            return meetings._SPACES.sub(" ", text).strip(chars)
        if report_equivalence(cases, plain, lambda text, chars=chars: meetings._fold_strip(text, chars),
                              ("plain", f"_fold_strip({chars!r})")):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
