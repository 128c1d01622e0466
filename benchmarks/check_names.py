"""names.tokenize (TOKEN as a splitter, runs of plain words one space apart taken as one piece
and cut by string operations: columns of texts, offsets and lowercased texts, the kind and the
name-syllable test read per distinct text) against the plain scan, one Tok per TOKEN match
(names._tokenize_plain): the same tokens for every text and window; and window_tokens (a
window read from the document's tokens) against the same, on the texts made documents.

    .venv/bin/python benchmarks/check_names.py [--fuzz 100000]

Texts: the corpus texts and examples (and their lines), and random strings of syllables,
joiners (’ ' & .), digits, line breaks, odd spaces, combining marks and punctuation; each
also cut at a few random windows. Exit status 1 on the first difference.
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
    ap.add_argument("--fuzz", type=int, default=100_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.lang.names import _tokenize_plain, tokenize

    pieces = ["Nguyễn", "Văn", "A", "UBND", "NN", "PTNT", "T", "Ư", "K", "Dung", "đồng", "chí", "x", "Đ",
              "’", "'", "&", ".", ",", ";", ":", "-", "–", "(", ")", "/", "“", "”", "…",
              " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r", "\u00a0", "\u2028", "\x1c", "\u3000",
              "0", "12", "1.234,5", "2021", "_", "\u0301", "\u0323", "İ", "ſ", "Σ", "ΑΣ", "ß", "ǅ",
              "中", "😀", "\u200d", "\ufeff", "Ⅻ", "²", "٣", "\x00", "\x01", " \x00 ", "T.Ư", "NN&PTNT", "K’ ",
              "a b c", "ủy ban nhân dân", " x.", " y’", "z&", "w'"]

    def windows(text: str) -> list[tuple[int, int]]:
        rng = random.Random(len(text))
        n = len(text)
        return [(0, n)] + [(a, min(n, a + rng.randrange(60))) for a in
                           (rng.randrange(n + 1) for _ in range(3))] + [(n, n), (3, 1), (-2, n)]

    def plain(text: str) -> list:
        return [_tokenize_plain(text, a, b) for a, b in windows(text)]

    def fast(text: str) -> list:
        return [list(tokenize(text, a, b)) for a, b in windows(text)]

    cases = equivalence_cases(pieces, args.fuzz, seed=11)
    if report_equivalence(cases, plain, fast, ("finditer", "split")):
        return 1
    # window_tokens: a window read from the document's tokens (a cut word completed at once)
    # is the window's own tokens
    from gov_report_nlp.doc.make import make_document
    from gov_report_nlp.lang.names import window_tokens

    docs = {}

    def doc_of(text: str):
        if text not in docs:
            docs.clear()
            docs[text] = make_document(text)
        return docs[text]

    def windows_of(text: str) -> list[tuple[int, int]]:
        n = len(doc_of(text).text)
        rng = random.Random(n)
        return [(a, min(n, a + rng.randrange(1, 250))) for a in (rng.randrange(n + 1) for _ in range(20))]

    def plain_windows(text: str) -> list:
        d = doc_of(text)
        return [_tokenize_plain(d.text, a, b) for a, b in windows_of(text)]

    def fast_windows(text: str) -> list:
        d = doc_of(text)
        return [list(window_tokens(d, a, b)) for a, b in windows_of(text)]

    return report_equivalence(cases[:len(cases) - args.fuzz + args.fuzz // 20], plain_windows, fast_windows,
                              ("finditer", "window_tokens"))


if __name__ == "__main__":
    sys.exit(main())
