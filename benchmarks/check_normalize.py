"""The fast scans of normalizing and of the glyph-soup test against their plain versions:

- normalize._pieces_nfc against a plain _PIECE_NFC.finditer (with keep_same=False: the same
  pieces that change the text), and normalize._pieces (text that is not NFC) against a plain
  _PIECE.finditer: the same pieces for every text;
- encodings.vietnamese_fit (counts at C speed) against vietnamese_fit_plain (a Python loop)
  and looks_like_glyph_soup (which leaves early when fewer than MIN_ODD characters are bad)
  against its plain form: the same value for every text;
- normalize._changes_nfc (a space before a break and a tone pair read without the pattern)
  against the changes of _pieces_nfc's pieces, and normalize._tone_starts_fast (a pattern
  for each of o, O, u, U) against _START_TONE;
- normalize_with_map (its map's runs built in its loop) against normalize_with_map_plain
  (kept here: OffsetMap.add piece by piece): the same text, the same runs; and that the
  characters of normalize._USUAL are NFC starters joining nothing, no odd ones and none
  the glyph-soup test counts (make_document leaves the test out for a text of them only).

    .venv/bin/python benchmarks/check_normalize.py [--fuzz 200000]

Texts: the dev corpus and examples/*.txt, each whole and line by line, and random strings
over the characters the pieces are made of (spaces of every kind, zero-width characters,
line breaks, Ƣ, o/u with and without tone marks, q; glyph soup, control characters, lone
surrogates, plain marks). Exit status 1 on the first difference.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, report_equivalence  # noqa: E402


def looks_like_glyph_soup_plain(text: str) -> bool:
    """encodings.looks_like_glyph_soup as it was, on vietnamese_fit_plain."""
    from gov_report_nlp.io.encodings import MIN_FIT, MIN_ODD, SAMPLE_CHARS, _soup_patterns, vietnamese_fit_plain

    sample = text[:SAMPLE_CHARS]
    if not any("\xa0" < ch <= "\xff" for ch in sample):
        return False
    fit, seen = vietnamese_fit_plain(sample)
    if fit >= MIN_FIT or seen * (1 - fit) < MIN_ODD:
        return False
    tcvn3, vni = _soup_patterns()
    words = [w for w in sample.split() if any("\x80" <= ch <= "\xff" for ch in w)]
    odd = sum(1 for w in words if tcvn3.search(w) or vni.search(w))
    return odd >= MIN_ODD and odd >= 0.3 * len(words)


def normalize_with_map_plain(text: str):
    """normalize.normalize_with_map as it was: its map made piece by piece with OffsetMap.add."""
    import unicodedata

    from gov_report_nlp.io.normalize import _NEW_TONE, _compose, _pieces, _pieces_nfc, _replacement, _stays_nfc
    from gov_report_nlp.io.offsets import OffsetMap

    out: list[str] = []
    omap = OffsetMap()
    pos = 0
    n = len(text)
    nfc = unicodedata.is_normalized("NFC", text)
    pieces = _pieces_nfc(text, keep_same=False) if nfc else _pieces(text)
    ends = []
    for m in pieces:
        kind = m.lastgroup
        group = m.group()
        rep = _NEW_TONE.get(group, group) if kind == "tone" else _replacement(m, n)
        if rep is None or rep == group:
            continue
        start, end = m.span()
        if start > pos:
            out.append(text[pos:start])
            omap.add(start - pos, start - pos)
        out.append(rep)
        omap.add(len(rep), end - start, linear=kind != "tone" and kind != "comb")
        pos = end
        ends.append(end)
    if pos < n:
        out.append(text[pos:])
        omap.add(n - pos, n - pos)
    result = "".join(out)
    if not (nfc and _stays_nfc(text, ends)) and not unicodedata.is_normalized("NFC", result):
        composed = unicodedata.normalize("NFC", result)
        if len(composed) == len(result):
            result = composed
        else:
            inner = OffsetMap()
            inner.add(len(composed), len(result))
            result = composed
            omap = _compose(inner, omap)
    return result, omap


def _runs(omap):
    """An OffsetMap's runs and totals (the outer and inner maps of a composed one)."""
    if hasattr(omap, "outer"):
        return ("composed", _runs(omap.outer), _runs(omap.inner))
    return (omap._out, omap._src, omap._out_len, omap._src_len, omap._linear, omap.out_total, omap.src_total)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=200_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.io.encodings import looks_like_glyph_soup, to_legacy, vietnamese_fit, vietnamese_fit_plain
    import re

    import regex

    from gov_report_nlp.io.normalize import (_BREAK_TAIL, _HS, _NL, _PIECE, _PIECE_NFC, _START_ODD, _WORDISH, _ZW, _pieces,
                                             _pieces_nfc, _replacement, _space_starts, _space_starts_plain)

    pieces = [" ", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u200b", "\ufeff", "\u00ad", "\n", "\r\n", "\r",
              "\u2028", "\x85", "Ƣ", "ƣ", "oà", "Oá", "uỷ", "UÝ", "qu", "Quý", "hoà", "a", "B", "1", ".", "ò", "ủy",
              "o", "U", "ỳ", "é", "Ạ", "n", "ng", "²", "\u0301", "_", "Q"]
    status = report_equivalence(
        equivalence_cases(pieces, args.fuzz, seed=2, most=12),
        lambda t: [(m.span(), m.lastgroup) for m in _PIECE_NFC.finditer(t)],
        lambda t: [(m.span(), m.lastgroup) for m in _pieces_nfc(t)], ("finditer", "pieces"))
    wordish = re.compile(f"[{_WORDISH}]")
    not_word = [chr(c) for c in range(0x110000) if wordish.match(chr(c)) and not regex.match(r"\w", chr(c))]
    if not_word:
        print(f"_WORDISH holds characters that are no word characters for the regex module: {not_word!r}")
        return 1
    tail = {chr(c) for c in range(0x10000) if regex.match(rf"{_HS}|{_ZW}|{_NL}", chr(c))}
    if tail != _BREAK_TAIL:
        print(f"_BREAK_TAIL differs from the characters of _HS, _ZW and _NL: {sorted(tail ^ _BREAK_TAIL)!r}")
        return 1

    status = status or report_equivalence(
        equivalence_cases(pieces, args.fuzz, seed=2, most=12), _space_starts_plain,
        lambda t: sorted(_space_starts(t, set(_START_ODD.findall(t)))), ("finditer", "find"))

    from gov_report_nlp.io.normalize import _NOT_WORD, _changes, _changes_nfc
    word = [c for c in _NOT_WORD if regex.match(r"\w", c)]
    if word:
        print(f"_NOT_WORD holds word characters of the regex module: {word!r}")
        return 1
    # _changes_nfc (" \n" and tone pairs read without the pattern) against the pattern's pieces
    tone_pieces = pieces + ["oạ", "Uỳ", "oẹ", "OÈ", "uỳ", "uà", "oỳ", " \n", " \nA", "\n\n", " \n\n", ",", ")", "…",
                            "“", "”", "-", "/", "%", "$", "~", "\u0301", "٣", "ª", "\u200c"]
    status = status or report_equivalence(
        equivalence_cases(tone_pieces, args.fuzz, seed=8, most=12),
        lambda t: _changes(_pieces_nfc(t, keep_same=False), len(t)), _changes_nfc, ("pieces", "_changes_nfc"))
    # the tone pairs' starts by one pattern for each of o, O, u, U against _START_TONE's
    from gov_report_nlp.io.normalize import _START_TONE, _tone_starts_fast
    status = status or report_equivalence(
        equivalence_cases(tone_pieces + ["qo", "Qu", "o", "u", "O", "U", "ý", "à"], args.fuzz, seed=9, most=12),
        lambda t: [m.start() - 1 for m in _START_TONE.finditer(t)], lambda t: sorted(_tone_starts_fast(t)),
        ("_START_TONE", "_tone_starts_fast"))

    def changed(t, ms):
        return [(m.span(), m.lastgroup) for m in ms if _replacement(m, len(t)) not in (None, m.group())]
    status = status or report_equivalence(
        equivalence_cases(pieces, args.fuzz, seed=2, most=12),
        lambda t: changed(t, _PIECE_NFC.finditer(t)),
        lambda t: changed(t, _pieces_nfc(t, keep_same=False)), ("finditer", "changed pieces"))
    marks = pieces + ["\u0301", "\u0300", "\u0323", "\u0309", "a\u0301", "o\u0300", "u\u0309", "y\u0301", "\u20dd", "_",
                      "x", "Q", "9", "-", "hoa\u0300", "thuy\u0309", "\u200bA", "\u2060"]
    status = status or report_equivalence(
        equivalence_cases(marks, args.fuzz, seed=4, most=12),
        lambda t: [(m.span(), m.lastgroup) for m in _PIECE.finditer(t)],
        lambda t: [(m.span(), m.lastgroup) for m in _pieces(t)], ("finditer", "pieces"))

    # normalize_with_map reads its result again for NFC only when a changed piece is followed by
    # a character that may join the one before it (_stays_nfc): the starters that are the
    # second of a canonical pair, recomputed here, and the Hangul vowel and final jamo
    import unicodedata

    from gov_report_nlp.io.normalize import _JOINS_BEFORE, _is_stable, _stays_nfc, normalize_with_map
    joins = set(map(chr, range(0x1161, 0x1176))) | set(map(chr, range(0x11A8, 0x11C3)))
    for c in range(0x110000):
        d = unicodedata.decomposition(chr(c))
        if d and not d.startswith("<") and len(d.split()) == 2:
            second = chr(int(d.split()[1], 16))
            if unicodedata.combining(second) == 0:
                joins.add(second)
    if joins != _JOINS_BEFORE:
        print(f"_JOINS_BEFORE differs from the starters that join one before them: {sorted(joins ^ _JOINS_BEFORE)!r}")
        return 1
    moved = [chr(c) for c in range(0x110000) if _is_stable(chr(c)) and (unicodedata.combining(chr(c)) or chr(c) in joins)]
    if moved:
        print(f"_is_stable lets through characters that join or move: {moved[:20]!r}")
        return 1

    from gov_report_nlp.io import normalize as N

    def normalized(t):
        result, omap = normalize_with_map(t)
        return result, unicodedata.is_normalized("NFC", result), [omap.span(k, k + 1) for k in range(len(result))]

    def read_again(t):  # as it was: the result always tested
        N._stays_nfc = lambda text, ends: False
        try:
            return normalized(t)
        finally:
            N._stays_nfc = _stays_nfc
    joiners = marks + ["\u09be", "\u0bbe", "\u1161", "\u11a8", "\u1100", "\uac00", "\u0b47", "\u09c7", "\u0300",
                       "\u0f71", "\u0f72", "\u1025", "\u0dd9", "\ufeff", "\u00ad", " ", "\n"]
    status = status or report_equivalence(
        equivalence_cases(joiners, args.fuzz, seed=5, most=10, lines=False), read_again, normalized,
        ("read again", "_stays_nfc"))

    # the NFC test of a text that is not usual: asked of the stretches around its unusual characters
    from gov_report_nlp.io.normalize import _is_nfc
    nfc_pieces = joiners + ["ệ", "Ư", "ơ", "\u0302", "\u0306", "\u031b", "e\u0302\u0301", "\u212b", "\u0340", "\u0f73",
                            "\u1100\u1161", "\uac00\u11a8", "\u0b47\u0b3e", "A\u030a", "\U0001d15e", "\u2126", "\u00c5"]
    status = status or report_equivalence(
        equivalence_cases(nfc_pieces, args.fuzz, seed=13, most=10),
        lambda t: unicodedata.is_normalized("NFC", t), _is_nfc, ("is_normalized", "_is_nfc"))

    # normalize_with_map builds its map's runs itself: the same runs as OffsetMap.add made
    def with_runs(normalize):
        def run(t):
            result, omap = normalize(t)
            return result, _runs(omap)
        return run
    for cases in (equivalence_cases(pieces, args.fuzz, seed=6, most=12),
                  equivalence_cases(joiners, args.fuzz, seed=7, most=10, lines=False)):
        status = status or report_equivalence(cases, with_runs(normalize_with_map_plain), with_runs(normalize_with_map),
                                              ("OffsetMap.add", "runs"))

    # texts of _USUAL characters only: NFC, no odd character, none the glyph-soup test calls bad
    from gov_report_nlp.io.encodings import _BAD_CHAR, MIN_ODD, glyph_soup_warning
    from gov_report_nlp.io.normalize import _START_ODD_NO_LF, _USUAL, normalize_usual
    # the first character that is not _USUAL (the plain reading of is_usual and _USUAL_START)
    _UNUSUAL = re.compile("[^" + re.escape("".join(sorted(_USUAL))) + "]")
    wrong = [c for c in sorted(_USUAL) if unicodedata.combining(c) or unicodedata.normalize("NFC", c) != c
             or c in joins or _START_ODD_NO_LF.match(c) or _BAD_CHAR.match(c)]
    if wrong or MIN_ODD < 1:
        print(f"_USUAL holds characters that NFC changes or joins, odd ones or bad ones for glyph soup: {wrong!r}")
        return 1
    usual_pieces = [" ", "  ", "   ", "\n", "\n\n", " \n", "\n ", " \n\n ", "oà", "Oá", "uỷ", "UÝ", "oỳ", "qu", "Quý",
                    "hoà", "a", "B", "1", ".", ",", "ò", "ủy", "o", "U", "ỳ", "é", "Ạ", "đ", "“", "”", "–", "…", "«", "°",
                    "x", "-", "~", "Cộng hòa", "th«ng", "Cæng"]
    usual_cases = [t for t in equivalence_cases(usual_pieces, args.fuzz, seed=9, most=14) if _UNUSUAL.search(t) is None]
    for t in usual_cases:
        result, _, usual = normalize_usual(t)
        if not usual or not unicodedata.is_normalized("NFC", t) or _UNUSUAL.search(result) or glyph_soup_warning(result):
            print(f"a text of _USUAL characters: {t!r} -> {result!r}, usual {usual}")
            return 1
    print(f"{len(usual_cases)} texts of _USUAL characters: NFC, so is their normalized text, no glyph soup")
    # where the first unusual character is: the end of the run of usual ones a text starts with
    from gov_report_nlp.io.normalize import _USUAL_START
    status = status or report_equivalence(
        usual_cases + equivalence_cases(usual_pieces + marks, args.fuzz, seed=14, most=12),
        lambda t: (m.start() if (m := _UNUSUAL.search(t)) else len(t)), lambda t: _USUAL_START.match(t).end(),
        ("_UNUSUAL.search", "_USUAL_START.match"))
    status = status or report_equivalence(usual_cases, with_runs(normalize_with_map_plain), with_runs(normalize_with_map),
                                          ("OffsetMap.add", "usual"))

    # normalize_text returns a usual text in which no piece changes as it is, without the map
    from gov_report_nlp.io.normalize import normalize_text
    for cases in (usual_cases, equivalence_cases(pieces, args.fuzz, seed=10, most=12),
                  equivalence_cases(joiners, args.fuzz, seed=11, most=10, lines=False), [""]):
        status = status or report_equivalence(cases, lambda t: normalize_with_map(t)[0], normalize_text,
                                              ("normalize_with_map", "normalize_text"))

    # lexicon files: fields_are_normal(content) says every field is its own normal form only when it is
    from gov_report_nlp.io.normalize import fields_are_normal
    from gov_report_nlp.lexicon import DATA_DIR

    def every_field_normal(content):
        lines = [raw.split("#", 1)[0].rstrip() for raw in content.splitlines()]
        return all(normalize_with_map(f)[0] == f for line in lines for f in line.split("\t"))
    files = [p.read_text(encoding="utf-8") for p in sorted(DATA_DIR.glob("*.txt"))]
    file_pieces = usual_pieces + ["\t", "\t ", " \t", "#", "# ghi chú", "\n#", "\r\n", "\u00a0", "uỳ", "quỳ", "a\tb"]
    cases = files + equivalence_cases(file_pieces, args.fuzz, seed=12, most=14, lines=False)
    print(f"{sum(map(fields_are_normal, cases))} of {len(cases)} lexicon-like files told normal at once "
          f"({sum(map(fields_are_normal, files))} of {len(files)} built-in ones)")
    status = status or report_equivalence(cases, lambda t: not fields_are_normal(t) or every_field_normal(t), lambda t: True,
                                          ("told normal implies", "every field normal"))

    soup = [to_legacy(w, "tcvn3").decode("latin-1") for w in ("Cộng hòa xã hội", "thông tin", "tháng", "Việt")] + \
        [to_legacy(w, "vni").decode("latin-1") for w in ("Cộng hòa", "Việt Nam", "hòa")]
    fit_pieces = soup + ["a", "ệ", "Đ", "ò", "\u0301", "«", "·", "¸", "ß", "æ", "é", "\xa0", "–", "“", "”", "…", "\ufeff",
                         "\x00", "\x07", "\x1f", "\x7f", "\t", "\n", "\r", "\f", "\v", "\x85", "€", "中", "😀",
                         "\ud800", "\udcff", " ", "xyz ", "Cæng ", "th«ng "]
    cases = equivalence_cases(fit_pieces, args.fuzz, seed=3, most=40)
    print(f"{sum(map(looks_like_glyph_soup, cases))} of them glyph soup")
    status = status or report_equivalence(cases, vietnamese_fit_plain, vietnamese_fit, ("plain", "fast"))
    status = status or report_equivalence(cases, looks_like_glyph_soup_plain, looks_like_glyph_soup, ("plain", "fast"))
    return status


if __name__ == "__main__":
    sys.exit(main())
