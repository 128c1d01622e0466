"""names.tokenize (TOKEN as a splitter, runs of plain words one space apart taken as one piece
and cut by string operations: columns of texts, offsets and lowercased texts, the kind and the
name-syllable test read per distinct text) against the plain scan, one Tok per TOKEN match
(names._tokenize_plain): the same tokens for every text and window; the runs' pattern
(the plain-word test after a run's last word) against the test after every word, and the same
pattern in the standard library's engine against it on texts of normalize's usual characters
(and both engines' classes on each such character); the chunks' path (a usual text's pieces
between single spaces, each tokenized once per distinct piece, names.CHUNKS) against the plain
scan, on random texts of usual pieces too (its starts the running sum of the chunks' steps,
its end column made from the starts and the texts' lengths when read), and the candidates
read off its chunks' flags against the definition of a candidate, token by token; window_tokens (a
window read from the document's tokens) against the same, on the texts made documents, and
its candidates read off the document's against its own; the
tokens that may open a mention or a unit (one pass for both) against two passes; and
body_end (the title scan in place on the document's tokens) against _body_end_plain (over
the window's own tokens), at every body and at random heads, also on long random texts; and
body_ender(doc) (the same, its tokens read once per document) against body_end; _title_end
(stepping over the words its tests would all pass, and ending at once at a separator or a stop
word of one word, names.QUIET) against its loop testing every token, from every token;
find_admin_units (a one-word level taken at once) against _match at every level word; where
find_person_mentions starts (_opens_phrase only where the next word may follow, names.OPENER)
against _opens_phrase at every honorific's or rank's first word.

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
              "a b c", "ủy ban nhân dân", " x.", " y’", "z&", "w'",
              # runs whose last word is not plain (given back), or is plain after a joiner
              "a b’", "a b’c", "m n.", "m n.o", "u v&", "u v&w", "p q'", " r s t"]

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
    # _SPLIT_RUNS (the plain-word test on a run's last word only) against the test after
    # every word: the same pieces, text for text
    import regex

    from gov_report_nlp.lang.names import _SPLIT_RUNS

    word = r"\w++(?![’']|[&.]\w)"
    every = regex.compile(rf"({word}(?: {word})+|\w+(?:[’'&.]\w+)*[’']?|\n|[^\w\s])")
    if report_equivalence(cases, every.split, _SPLIT_RUNS.split, ("test after each word", "after the last")):
        return 1
    # the standard library's engine on a text of normalize's usual characters: both engines
    # agree on each such character's \w, \s and the joiners' classes, and split the same
    import re

    from gov_report_nlp.io.normalize import _USUAL, is_usual
    from gov_report_nlp.lang.names import _SPLIT_RUNS_RE

    for c in sorted(_USUAL):
        for cls in (r"\w", r"\s", r"[’']", r"[&.]", r"[^\w\s]"):
            if bool(re.fullmatch(cls, c)) != bool(regex.fullmatch(cls, c)):
                print(f"engines differ on {c!r} for {cls}")
                return 1
    usual = sorted(_USUAL)
    rng = random.Random(12)
    usual_cases = [t for t in cases if is_usual(t)]
    usual_cases += ["".join(rng.choice(pieces if rng.random() < 0.5 else usual)
                            for _ in range(rng.randint(0, 30))) for _ in range(args.fuzz)]
    usual_cases = [t for t in usual_cases if is_usual(t)]
    print(f"{len(usual_cases)} texts of usual characters:", end=" ")
    if report_equivalence(usual_cases, _SPLIT_RUNS.split, _SPLIT_RUNS_RE.split, ("regex module", "standard library")):
        return 1
    # the chunks' path (names.CHUNKS: a text's pieces between single spaces, each tokenized once
    # and memoized) against the plain scan: every text it takes (a usual text with no two
    # spaces in a row, no space at an end); random texts of usual pieces one space apart mostly.
    # A chunk of word characters is taken as one word by str.isalnum: on usual characters
    # that is \w but "_"
    from gov_report_nlp.lang.names import CHUNKS, _levels, _NotChunk, _opens_mention, _tokenize_chunks

    for c in usual:
        if c.isalnum() != (bool(regex.fullmatch(r"\w", c)) and c != "_"):
            print(f"isalnum and \\w differ on {c!r}")
            return 1
    words = [p for p in pieces if is_usual(p) and p.strip(" ") and "  " not in p] + [
        "ủy", "Ủy", "ban", "huyện,", "(UBND)", "2021.", "15/3/2021", "“Nguyễn", "A”", "_x", "x_", "đ/c", "T.Ư.",
        "K’", "K'", "’", "a.b.c", "1.234,5", "NN&PT", "&", "-", "–", "\n", ".\n", "\n\n", "…", "•"]
    rng = random.Random(14)
    chunk_cases = [t for t in cases if is_usual(t)] + [
        (" " if rng.random() < 0.97 else rng.choice(["", "  ", "\n"])).join(
            rng.choice(words) for _ in range(rng.randint(0, 20))) for _ in range(args.fuzz)]
    # long texts: the candidates' kept indexes grown (names._indexes), and past their most (a range)
    long_usual = [t for t in cases[:200] if is_usual(t) and "  " not in t and t.strip(" ") == t]
    chunk_cases += [" ".join(long_usual[:12]), " ".join(long_usual * 3)]
    taken = 0

    def chunks_or_plain(text: str) -> list:
        nonlocal taken
        rng2 = random.Random(len(text))
        a = rng2.randrange(len(text) + 1)
        b = rng2.randrange(a, len(text) + 1)
        out = []
        for s, e in ((0, len(text)), (a, b)):
            try:
                tk = _tokenize_chunks(text[s:e], s)
                out.append(list(tk))
                out.append(tk.either)  # the candidates read off the chunks' flags
                out.append(tk.end)  # the end column made from the starts and the texts (Tokens.end)
                taken += 1
            except _NotChunk:
                toks = _tokenize_plain(text, s, e)
                out.append(toks)
                out.append(either_plain(toks))
                out.append([t.end for t in toks])
            if len(CHUNKS) > 5000:
                CHUNKS.clear()  # chunks met afresh too
        return out

    def either_plain(toks: list) -> list:
        # what may open a mention or a unit, from its definition, token by token
        return [k for k, t in enumerate(toks) if _opens_mention(t.text) or t.low in _levels()[0]]

    def plain_both(text: str) -> list:
        rng2 = random.Random(len(text))
        a = rng2.randrange(len(text) + 1)
        b = rng2.randrange(a, len(text) + 1)
        whole, part = _tokenize_plain(text, 0, len(text)), _tokenize_plain(text, a, b)
        return [whole, either_plain(whole), [t.end for t in whole], part, either_plain(part), [t.end for t in part]]

    print(f"{len(chunk_cases)} texts for the chunks' path:", end=" ")
    if report_equivalence(chunk_cases, plain_both, chunks_or_plain, ("finditer", "chunks")):
        return 1
    print(f"  ({taken} of {2 * len(chunk_cases)} texts and windows taken by the chunks' path)")
    if 2 * taken < len(chunk_cases):
        print("the chunks' path took too few texts to be checked")
        return 1
    # the candidates of mentions and of units, read off one pass for both (_either_candidates)
    from itertools import compress

    from gov_report_nlp.lang.names import OPENS, _either_candidates, _levels, _mention_candidates

    def plain_cands(text: str) -> tuple:
        tk = tokenize(text)
        return (list(compress(range(len(tk)), map(OPENS.__getitem__, tk.text))),
                list(compress(range(len(tk)), map(_levels()[0].__contains__, tk.low))))

    def fast_cands(text: str) -> tuple:
        tk = tokenize(text)
        return _mention_candidates(tk), [k for k in _either_candidates(tk) if tk.low[k] in _levels()[0]]

    if report_equivalence(cases[:len(cases) - args.fuzz + args.fuzz // 5], plain_cands, fast_cands,
                          ("two passes", "one pass")):
        return 1
    # window_tokens: a window read from the document's tokens (a cut word completed at once)
    # is the window's own tokens
    from gov_report_nlp.doc.make import make_document
    from gov_report_nlp.lang.names import doc_tokens as names_tokens
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

    if report_equivalence(cases[:len(cases) - args.fuzz + args.fuzz // 20], plain_windows, fast_windows,
                          ("finditer", "window_tokens")):
        return 1
    # a window's candidates (read off the document's, when it has made them) against a pass
    # over the window's own tokens; the document's made first, or not at all

    def plain_window_cands(text: str) -> list:
        d = doc_of(text)
        return [_either_candidates(tokenize(d.text, a, b)) for a, b in windows_of(text)]

    def fast_window_cands(text: str) -> list:
        d = doc_of(text)
        if len(text) % 3:
            _either_candidates(names_tokens(d))
        return [_either_candidates(window_tokens(d, a, b)) for a, b in windows_of(text)]

    if report_equivalence(cases[:len(cases) - args.fuzz + args.fuzz // 20], plain_window_cands, fast_window_cands,
                          ("window's own", "document's")):
        return 1
    # body_end: the title scan run in place on the document's tokens (when the window holds
    # _title_reach() whole tokens) against the scan over the window's own tokens; at every
    # body the organizations pattern finds, and at random heads (a token or two from a token
    # start, or anywhere); long random texts too, where the reach falls inside the window
    from gov_report_nlp.extractors.organizations import _body_matches
    from gov_report_nlp.lang.names import _body_end_plain, body_end

    def heads(text: str) -> list[tuple[int, int]]:
        d = doc_of(text)
        t = d.text
        out = [m.span("body") for m in _body_matches(t)]
        tk = names_tokens(d)
        rng = random.Random(len(t))
        for _ in range(12):
            if len(tk):
                k = rng.randrange(len(tk))
                out.append((tk.start[k], tk.end[min(len(tk) - 1, k + rng.randrange(3))]))
            a = rng.randrange(len(t) + 1)
            out.append((a, min(len(t), a + rng.randrange(12))))
        return out

    def outcome(f, *a):
        try:
            return f(*a)
        except IndexError:  # a head in the blank end of a text: no token to end on, either way
            return "IndexError"

    def plain_ends(text: str) -> list:
        d = doc_of(text)
        return [outcome(_body_end_plain, d.text, a, b, d) for a, b in heads(text)]

    def fast_ends(text: str) -> list:
        d = doc_of(text)
        return [outcome(body_end, d.text, a, b, d) for a, b in heads(text)]

    from gov_report_nlp.lang.names import doc_tokens as names_tokens
    bodies = ["Sở", "Ủy ban", "UBND", "Huyện ủy", "Ban Tuyên giáo", "Hội", "Công an", "huyện", "tỉnh", "và",
              "Nguyễn", "Văn", "Trần", "Thị", "Bình", "Phó Chủ tịch", "Bí thư", "đồng chí", "của", "các",
              "kiêm", "Sư đoàn trưởng", "nguyên", "Tài chính", "TP", "HCM", "CT", "Hà Nội", "Kinh tế", "phát biểu"]
    longer = equivalence_cases(bodies + [" ", " ", " ", "-", " - ", ".", ". ", ",", "\n", "(", ")", "&"],
                               args.fuzz // 20, seed=12, most=90, lines=False)
    end_cases = cases[:len(cases) - args.fuzz + args.fuzz // 20] + longer[-(args.fuzz // 20):]
    if report_equivalence(end_cases, plain_ends, fast_ends, ("window", "in place")):
        return 1
    # body_ender(doc) (the tokens and the reach read once per document) against body_end
    from gov_report_nlp.lang.names import body_ender

    def ender_ends(text: str) -> list:
        d = doc_of(text)
        end_of = body_ender(d)
        return [outcome(end_of, a, b) for a, b in heads(text)]

    if report_equivalence(end_cases, fast_ends, ender_ends, ("body_end", "body_ender")):
        return 1
    # _title_end's steps over quiet words (names.QUIET) against its loop testing every token
    # (QUIET answering 0 for every text), from every token of the text, both ways of stopping
    # at a name, with and without a given head length
    from gov_report_nlp.lang import names

    class Off(dict):
        def __missing__(self, key):
            return 0

    def title_ends(text: str) -> list:
        tk = tokenize(text)
        return [names._title_end(tk, i, stop, h) for i in range(len(tk)) for stop in (True, False) for h in (None, 2)]

    def plain_title_ends(text: str) -> list:
        on, names.QUIET = names.QUIET, Off()
        try:
            return title_ends(text)
        finally:
            names.QUIET = on

    title_cases = equivalence_cases(bodies + [" ", " ", " ", "-", " - ", ".", ". ", ",", "\n", "(", ")", "&",
                                              "trưởng", "Trưởng", "Sư đoàn", "Chi hội", "Cụm", "tăng", "là",
                                              "các", "kiêm", "Đồng chí", "ông", "UBND", "2021", "Lê", "Hồ"],
                                    args.fuzz // 10, seed=13, most=40)
    if report_equivalence(title_cases, plain_title_ends, title_ends, ("every token tested", "quiet words")):
        return 1
    # _title_end stopped at `until` (whether a title reaches a token: _head_reaching) against
    # the whole scan, from every token to every later one the token before which is no
    # connector; and the mentions (_titles_before through _head_reaching) with and without it
    def reaches(text: str, cut: bool) -> list:
        tk = tokenize(text)
        out = []
        for i in range(len(tk)):
            for stop in (True, False):
                whole = names._title_end(tk, i, stop)
                for u in range(i + 1, min(len(tk), i + 30) + 1):
                    if tk.low[u - 1] in names._CONNECTORS:
                        continue
                    e = names._title_end(tk, i, stop, None, 0, u) if cut else whole
                    out.append(e if e < u else "reaches")
        return out

    if report_equivalence(title_cases, lambda t: reaches(t, False), lambda t: reaches(t, True),
                          ("whole scan", "until")):
        return 1
    title_end = names._title_end

    def whole_scans(text: str) -> list:
        names._title_end = lambda tk, i, stop_at_name, head_len=None, start_len=0, until=None: title_end(
            tk, i, stop_at_name, head_len, start_len)
        try:
            return mentions_of(text)
        finally:
            names._title_end = title_end

    def mentions_of(text: str) -> list:
        return [names.find_person_mentions(text, a, b) for a, b in ((0, len(text)), (len(text) // 3, len(text)))]

    if report_equivalence(cases[:len(cases) - args.fuzz + args.fuzz // 10] + title_cases, whole_scans, mentions_of,
                          ("whole title scans", "until")):
        return 1
    # find_admin_units: a level word that is a level by itself (names._one_word_levels) taken
    # as one token at once, against _match at every level word (no such words)
    def units(text: str) -> list:
        return [names.find_admin_units(text, a, b) for a, b in ((0, len(text)), (len(text) // 3, len(text)))]

    def plain_units(text: str) -> list:
        on, names._one_word_levels = names._one_word_levels, lambda: frozenset()
        try:
            return units(text)
        finally:
            names._one_word_levels = on

    unit_cases = equivalence_cases(["tỉnh", "Tỉnh", "huyện", "xã", "thành phố", "thành", "phố", "TP", ".", "thị xã",
                                    "thị trấn", "phường", "quận", "Huyện", "Đắk Nông", "Gia Nghĩa", "Nguyễn Bốn", "Chủ tịch", " ",
                                    " ", " ", ",", "\n", "Hà", "Nội", "Bí thư"], args.fuzz // 10, seed=17, most=20)
    if report_equivalence(unit_cases, plain_units, units, ("_match at every level word", "one-word levels")):
        return 1
    # where find_person_mentions starts: _opens_phrase only where the next word may follow
    # (names.OPENER) against _opens_phrase at every honorific's or rank's first word
    def starts(text: str) -> list:
        return [names._mention_starts(tokenize(text, a, b)) for a, b in ((0, len(text)), (len(text) // 2, len(text)))]

    def plain_starts(text: str) -> list:
        return [names._mention_starts_plain(tokenize(text, a, b)) for a, b in ((0, len(text)), (len(text) // 2, len(text)))]

    start_cases = equivalence_cases(["đồng", "chí", "Đồng", "đ/c", "đ", "/", "c", "ông", "Ông", "bà", "đại", "tá", "Đại",
                                     "biểu", "úy", "tướng", "Thượng", "trung", "phó", "tổng", "giám", "mục", "Nguyễn",
                                     "Văn", "Lê", "A", " ", " ", " ", ",", "\n", ":", "các", "Hòa", "thượng", "đồng chí",
                                     " đồng chí", "Đại tá", " đại tá", " Thượng tá", " đ/c", " Hòa thượng"],
                                    args.fuzz // 5, seed=19, most=12)
    return report_equivalence(start_cases, plain_starts, starts, ("_opens_phrase at every one", "next word first"))


if __name__ == "__main__":
    sys.exit(main())
