"""The space folding of lists._clean and meetings._fold_strip (str.split and join) against
the plain regex one they replace (_SPACES.sub(" ", text) and the strip after it):

- the characters str.split() splits at are those the patterns' \\s matches and
  _SPLIT_NOT_SPACE (which send the text to the plain way), for every code point;
- the same string on the corpus texts, their lines, and random strings of words, spaces of
  every kind, and the characters stripped;
- lists._separators (_SEP tried only in the run of spaces before a key) finds what
  _separators_plain (_SEP's scan of the window) finds, on the corpus texts, their lines and
  random strings of separators, conjunctions, spaces of every kind and words, in random
  windows of each; _SEP_SPACES holds exactly the characters \\s matches.

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
    if _check_separators(args.fuzz):
        return 1
    return _check_windows(args.fuzz // 10)


def _check_separators(fuzz: int) -> int:
    import random

    from gov_report_nlp.lang import lists

    space = regex.compile(r"\s")
    for cp in range(0x110000):
        c = chr(cp)
        if (c in lists._SEP_SPACES) != bool(space.match(c)):
            print(f"_SEP_SPACES: U+{cp:04X} {'in' if c in lists._SEP_SPACES else 'not in'} it, "
                  f"\\s {'matches' if space.match(c) else 'does not match'} it")
            return 1
    pieces = ["và", "cùng", "với", "cùng với", "vàng", "cùngx", "Và", " ", "  ", "   ", "\n", " \n ", ",", ";", ", ",
              " ; ", "A", "Phó Chủ tịch", "\t", "\xa0", "\u3000", "\x1c", "\x1f", "\r\n", ".", ":"]
    cases = equivalence_cases(pieces, fuzz * 5, seed=14, most=16)

    def windows(fn):
        def run(text: str):
            r = random.Random(len(text) * 7919 + sum(map(ord, text[:40])))
            out = [fn(text, 0, len(text))]
            for _ in range(3):
                a = r.randint(0, len(text))
                b = r.randint(a, len(text) + 2)
                out.append(fn(text, a, min(b, len(text))))
            return out
        return run
    return report_equivalence(cases, windows(lists._separators_plain), windows(lists._separators),
                              ("_separators_plain", "_separators"))


def _check_windows(n: int) -> int:
    """read_list(people=True) against read_list's named items (its early exit: a window without
    a person's mention), and _mentions' second reading from the document's tokens
    (names.window_tokens) against a fresh tokenize, on every line of the corpus texts and on n
    random windows of them."""
    import random

    from bench import load_texts
    from gov_report_nlp.doc.make import make_document
    from gov_report_nlp.lang import lists, names

    rng = random.Random(12)
    count = 0
    for text in load_texts():
        doc = make_document(text)
        t = doc.text
        wins, pos = [], 0
        for line in t.split("\n"):
            wins.append((pos, pos + len(line)))
            pos += len(line) + 1
        wins += [(a, a + rng.randint(0, 400)) for a in (rng.randint(0, max(0, len(t) - 1)) for _ in range(n // 90 + 1))]
        for a, b in wins:
            count += 1
            want = [(i.start, i.end, i.text, i.name, i.head) for i in lists.read_list(doc, a, b) if i.name]
            got = [(i.start, i.end, i.text, i.name, i.head) for i in lists.read_list(doc, a, b, people=True) if i.name]
            if want != got:
                print(f"read_list(people=True) differs on {t[a:b]!r}:\n  {want!r}\n  {got!r}")
                return 1
            for m in names.find_person_mentions(t, a, b):
                e2 = min(b, m.name_start + 200)
                plain = names.find_person_mentions(t, m.name_start, e2)
                fast = names.find_person_mentions(t, m.name_start, e2, tokens=names.window_tokens(doc, m.name_start, e2))
                if plain != fast:
                    print(f"second reading differs on {t[m.name_start:e2]!r}:\n  {plain!r}\n  {fast!r}")
                    return 1
    print(f"{count} windows: read_list(people=True) and the second reading identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
