"""Normalize once, at the door: every later pattern reads this text and nothing else.

- Unicode NFC, and one tone-mark placement (the old style "hòa", "thúy", as the contract
  writes), so patterns say "hòa" and never "ho(à|a)";
- the PDF artifact "Ƣ/ƣ" read as "Ư/ư";
- CRLF and CR to LF; no-break and other odd spaces; soft hyphens and zero-width characters
  dropped, except a zero-width space (U+200B, U+2060) where it separates two words (before a
  capital, between a letter and a digit): "Lê\u200bVăn\u200bMinh" is "Lê Văn Minh";
- runs of spaces collapsed to one, lines trimmed, blank lines kept as one paragraph break;
- HTML to text (htmltext.py) when the input is HTML.

`normalize_text` is idempotent; `make_document` returns a Document whose maps lead
every span back to the input.
"""
from __future__ import annotations

import re
import unicodedata

import regex

from ..budget import matches_at_unclocked
from ..compiled import lazy_pattern
from .encodings import VI_LETTERS
from .offsets import OffsetMap

_HS = r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"  # horizontal spaces
_ZW = r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]"  # zero-width, BOM, soft hyphen
_NL = r"(?:\r\n|[\r\n\u2028\u2029\x85])"

# Tone on the second vowel of oa/oe/uy with nothing after it (new style) -> on the first.
_NEW_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
for _k, _v in list(_NEW_TONE.items()):
    _NEW_TONE[_k[0].upper() + _k[1]] = _v[0].upper() + _v[1]
    _NEW_TONE[_k.upper()] = _v.upper()
    _NEW_TONE[_k[0] + _k[1].upper()] = _v[0] + _v[1].upper()

_PIECE_SRC = rf"""
    (?P<nl>(?:{_HS}|{_ZW})*+{_NL}(?:{_HS}|{_ZW}|{_NL})*+)     # a line break with the spaces around it
    |(?P<sp>\A(?:{_HS}|{_ZW})++|(?:{_HS}|{_ZW})++\Z              # spaces at either end of the text
        |(?:{_ZW}*+{_HS}){{2,}}+{_ZW}*+                              # a run of two or more spaces
        |{_ZW}++{_HS}{_ZW}*+|{_HS}{_ZW}++                           # a space with zero-width beside it
        |(?!\x20){_HS})                                             # one odd space (no-break, tab...)
    |(?<=[\p{{L}}\p{{N}}\p{{P}}])(?P<zwsp>[\u200b\u2060]++)(?=\p{{Lu}}|(?<=\p{{L}}[\u200b\u2060]++)\p{{N}}|(?<=\p{{N}}[\u200b\u2060]++)\p{{L}})  # a zero-width space between words: a space
    |(?P<zw>{_ZW}++)                                             # zero-width alone: dropped
    |(?P<pdf>[Ƣƣ])                                               # PDF artifact for Ư/ư
    |(?<![\w])(?P<comb>(?=\w*?\p{{M}})\w++)                      # a word with combining marks
    |(?<![qQ])(?P<tone>[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![\w])  # new tone placement
    """
_PIECE = lazy_pattern(regex.compile, _PIECE_SRC, regex.VERBOSE)
# words with combining marks only occur in text that is not NFC: that alternative is the
# costly one, so NFC text (the usual case) is scanned without it
_PIECE_NFC = lazy_pattern(regex.compile,
    "\n".join(line for line in _PIECE_SRC.splitlines() if "(?P<comb>" not in line), regex.VERBOSE
)

_NL_RE = lazy_pattern(regex.compile, _NL)

# Where a piece of _PIECE_NFC may start (a superset): an odd space, a zero-width character,
# a line break, Ƣ/ƣ, a space before another space or a break or at the end, o/u before a
# tone-marked vowel. A space at the very start is tried apart. Matching _PIECE_NFC only at
# these positions finds the pieces its own scan finds (a fourth of the time): at any other
# position none of its alternatives can match. benchmarks/check_normalize.py compares them.
_HS_ODD = r"\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ZW_CHARS = r"\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_NL_CHARS = r"\r\n\u2028\u2029\x85"
_PIECE_START = lazy_pattern(regex.compile,
    rf"[{_HS_ODD}{_ZW_CHARS}{_NL_CHARS}Ƣƣ]"
    rf"|\x20(?=[\x20{_HS_ODD}{_ZW_CHARS}{_NL_CHARS}]|\Z)"
    r"|[oO](?=[àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ])|[uU](?=[ỳýỷỹỵỲÝỶỸỴ])"
)
# _PIECE_START's three kinds of start found apart, each by one class (no alternation) in the
# standard library's engine, which scans a plain class several times faster than the regex
# module (as lexicon.NOT_LOWER_SAFE does): the odd characters; a space before another or at
# the end; o/u before a tone-marked a/e/y at a word's end (a superset: "oỳ" too). The three
# never share a position. _piece_starts gives what _PIECE_START.finditer gives, but the o/u
# where no piece can start (within a word, after q), and more o/u; normalize_with_map's scan
# also leaves out the line feeds whose piece changes nothing (_START_ODD_NO_LF, _START_LF).
_START_ODD = re.compile(rf"[{_HS_ODD}{_ZW_CHARS}{_NL_CHARS}Ƣƣ]")
_START_SPACE = re.compile(rf"\x20(?=[\x20{_HS_ODD}{_ZW_CHARS}{_NL_CHARS}]|\Z)")
# o/u before a tone-marked vowel, not after q, and the vowel before no letter, digit or "_" of
# ASCII or Vietnamese (all word characters for the regex module: _PIECE_NFC's (?![\w]) fails
# there; a rarer word character lets the start through, to be tried)
_WORDISH = "a-zA-Z0-9_" + "".join(sorted(c for c in VI_LETTERS if c >= "\x80"))
# (found by the vowel, which is rarer than o/u: the start is the character before it; the
# lookbehinds after the vowel: leading, they would cost the engine its first-character skip)
_TONE_VOWELS = "àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ"
_START_TONE = re.compile(rf"[{_TONE_VOWELS}](?<=[oOuU].)(?<![qQ]..)(?![{_WORDISH}])")
# _START_TONE's starts (the o/u), found by four patterns, one for each of o, O, u, U: a pattern
# that begins with a literal is scanned for it by the engine's literal search, one that begins
# with a class calls its class test at every character (twice the instructions over the dev
# corpus, although o and u are common). Their compile (~30 M instructions, ~1.2 ms: the
# standard library's engine builds each class in Python) is repaid after some 750 000
# characters: a process takes them up only once it has scanned _TONE_SWITCH characters with
# _START_TONE (a cold CLI run on a document or two never compiles them; a batch soon does).
# benchmarks/check_normalize.py compares _tone_starts_fast with _START_TONE.
_START_TONE_AT = tuple(lazy_pattern(re.compile, rf"{c}(?=[{_TONE_VOWELS}](?![{_WORDISH}]))(?<![qQ]{c})") for c in "oOuU")
_TONE_SWITCH = 1 << 18
_tone_scanned = 0  # characters scanned with _START_TONE so far (up to _TONE_SWITCH)


def _tone_starts(text: str) -> list[int]:
    """[m.start() - 1 for m in _START_TONE.finditer(text)], in some order: by _START_TONE
    until the process has scanned _TONE_SWITCH characters, by _tone_starts_fast after."""
    global _tone_scanned
    if _tone_scanned < _TONE_SWITCH:
        _tone_scanned += len(text)
        return [m.start() - 1 for m in _START_TONE.finditer(text)]
    return _tone_starts_fast(text)


def _tone_starts_fast(text: str) -> list[int]:
    """_tone_starts by the four patterns: the o's first, then the O's, u's and U's (each in order)."""
    out = []
    for p in _START_TONE_AT:
        out += [m.start() for m in p.finditer(text)]
    return out


# the odd characters but the line feed, and a line feed that a piece may change: before a
# space or another break, or at the end (one before a word is a piece only at the start)
_START_ODD_NO_LF = re.compile(rf"[{_HS_ODD}{_ZW_CHARS}\r\u2028\u2029\x85Ƣƣ]")
_START_LF = re.compile(rf"\n(?![^\x20{_HS_ODD}{_ZW_CHARS}{_NL_CHARS}])")


# the characters most texts are made of: ASCII but its control characters, the line feed, the
# Vietnamese letters and the usual punctuation. Each is a starter that NFC leaves as it is and
# joins to nothing before it, and none is an odd character of _START_ODD (check_normalize.py
# checks both): a text of these only is NFC and holds no odd character, which one scan for
# any other character tells (_USUAL_START, at the speed of the scan for the odd ones it saves)
_USUAL = frozenset("\n" + "".join(map(chr, range(0x20, 0x7F)))) | VI_LETTERS | frozenset("–—‘’“”•…«»°×§")
_USUAL_SET = re.escape("".join(sorted(_USUAL)))  # (the inside of a [...] of them)
# the run of usual characters a text starts with: its end is the first other character's
# offset (len(text) if none). The engine reads a run of one class in its own loop, at about
# half the instructions of a search for the first other character (check_normalize.py)
_USUAL_START = re.compile(f"[{_USUAL_SET}]*")
# a run of the other characters (_is_nfc)
_UNUSUAL_RUN = re.compile(f"[^{_USUAL_SET}]+")


def _is_nfc(text: str, first: int = 0) -> bool:
    """unicodedata.is_normalized("NFC", text), asked of the stretches around its unusual
    characters only (first: where the first may be). A _USUAL character is a starter that NFC
    leaves as it is and joins to nothing before it (check_normalize.py), so NFC of the text is
    NFC of its pieces cut before each usual character, one after the other: a usual character
    alone is NFC, and a piece that holds more is a usual character (or the text's start) and
    a run of unusual ones after it. The whole text's test normalizes all of it as soon as one
    character may join (a combining mark: 2-4 ms for a page of such text). check_normalize.py
    compares the two."""
    normalized = unicodedata.is_normalized
    for m in _UNUSUAL_RUN.finditer(text, first):
        s, e = m.span()
        if not normalized("NFC", text[s - 1 if s else 0:e]):
            return False
    return True


def is_usual(text: str) -> bool:
    r"""Whether text holds _USUAL characters only (ASCII but its control characters, the line
    feed, the Vietnamese letters, the usual punctuation): on those the standard library's
    engine and the regex module agree on what \w and \s match (check_names.py checks each)."""
    return _USUAL_START.match(text).end() == len(text)


def _piece_starts(text: str, all_breaks: bool = True, usual: bool = False) -> list[int]:
    """The offsets where a piece of _PIECE_NFC may start, in order (see _PIECE_START). With
    all_breaks=False, without the line feeds before a word (but at the start): the pieces
    there leave the text as it is. usual: the text holds _USUAL characters only (no odd
    one: the scan for them is left out)."""
    if all_breaks:
        starts = [m.start() for m in _START_ODD.finditer(text)]
        odd = {text[p] for p in starts}
    else:
        if usual:
            starts = []
            odd = set()
        else:
            starts = [m.start() for m in _START_ODD_NO_LF.finditer(text)]
            odd = {text[p] for p in starts}
        if "\n" in text:
            odd.add("\n")
            starts += [m.start() for m in _START_LF.finditer(text)]
            if text[0] == "\n" and not _START_LF.match(text):
                starts.append(0)
    starts += _space_starts(text, odd)
    starts += _tone_starts(text)
    starts.sort()
    return starts


def _space_starts(text: str, odd: set[str]) -> list[int]:
    """_START_SPACE's starts (a space before a space, an odd space, a zero-width character or a
    line break, a space at the end), given the characters _START_ODD finds in the text: each
    pair looked for with str.find."""
    out = []
    find = text.find
    for c in (" ", *odd.difference("Ƣƣ")):
        pair = " " + c
        i = find(pair)
        while i >= 0:
            out.append(i)
            i = find(pair, i + 1)
    if text.endswith(" "):
        out.append(len(text) - 1)  # the first of no pair
    return out


def _space_starts_plain(text: str) -> list[int]:
    return [m.start() for m in _START_SPACE.finditer(text)]


# what a line break piece takes in after its break: spaces of every kind, zero-width
# characters, more breaks (the characters of _HS, _ZW and _NL; check_normalize.py compares)
_BREAK_TAIL = frozenset(" \t\f\v\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
                        + "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e" + "\r\n\u2028\u2029\x85")


def _pieces_nfc(text: str, keep_same: bool = True) -> list[regex.Match]:
    """_PIECE_NFC.finditer(text), tried only where a piece may start (_piece_starts). With
    keep_same=False, without the line breaks it would find that normalizing leaves as they
    are (most of them): a "\n" or "\n\n" inside the text with no space or other break after
    it (the "nl" piece there is that, and it stays)."""
    out = []
    pos = 0
    n = len(text)
    match = _PIECE_NFC.match
    tail = _BREAK_TAIL
    if text[:1] == " ":
        m = match(text, 0)
        if m is not None:
            out.append(m)
            pos = m.end()
    for p in _piece_starts(text, keep_same):
        if p < pos:
            continue
        if not keep_same and p and text[p] == "\n":
            q = p + 1
            if q < n and text[q] == "\n":
                q += 1
            if q < n and text[q] not in tail:
                pos = q
                continue
        m = match(text, p)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


_MARK = lazy_pattern(regex.compile, r"\p{M}")
_WORD_BEFORE = lazy_pattern(regex.compile, r"(?r)\w*+")  # matched backwards from endpos: the word ending there


def _pieces(text: str) -> list[regex.Match]:
    """_PIECE.finditer(text) (text that is not NFC), tried only where a piece may start: where
    _PIECE_NFC's pieces may (_piece_starts), and at the start of each word with a combining mark
    in it or right after it (the only places its "comb" alternative can match: after no word
    character, with a mark in its \\w run or just behind it)."""
    starts = set(_piece_starts(text))
    before = _WORD_BEFORE.match
    for mk in _MARK.finditer(text, None, None, False, False):
        q = mk.start()
        starts.add(before(text, 0, q, False).start())
        starts.add(before(text, 0, q + 1, False).start())
    if text[:1] == " ":
        starts.add(0)
    # a try reads one piece (a run of spaces, a word with its marks), possessively: none runs away
    return matches_at_unclocked(_PIECE, text, sorted(starts))


def retone(word: str) -> str:
    """Old-style tone placement for one NFC word: 'hoà' -> 'hòa', 'thuỷ' -> 'thủy' (not 'quý')."""
    if len(word) >= 2:
        tail = word[-2:]
        if tail in _NEW_TONE and not (len(word) >= 3 and word[-3] in "qQ"):
            return word[:-2] + _NEW_TONE[tail]
    return word


def _replacement(m: regex.Match, text_len: int) -> str | None:
    kind = m.lastgroup
    s = m.group()
    if kind == "nl":
        if m.start() == 0 or m.end() == text_len:
            return ""
        breaks = len(_NL_RE.findall(s, None, None, False, False))
        return "\n\n" if breaks >= 2 else "\n"
    if kind == "sp":
        if m.start() == 0 or m.end() == text_len:
            return ""
        return " "
    if kind == "zw":
        return ""
    if kind == "zwsp":
        return " "
    if kind == "pdf":
        return "Ư" if s == "Ƣ" else "ư"
    if kind == "comb":
        return retone(unicodedata.normalize("NFC", s).replace("Ƣ", "Ư").replace("ƣ", "ư"))
    if kind == "tone":
        return _NEW_TONE.get(s, s)
    return None


def _changes(pieces: list[regex.Match], n: int) -> list[tuple[int, int, str, bool]]:
    """(start, end, replacement, linear) of each of the pieces (of a text of length n) that
    normalizing changes; linear: not a tone nor a word composed (each of its characters may
    map to one of the source, if it keeps its length)."""
    out = []
    for m in pieces:
        kind = m.lastgroup
        group = m.group()
        rep = _NEW_TONE.get(group, group) if kind == "tone" else _replacement(m, n)
        if rep is None or rep == group:
            continue
        start, end = m.span()
        out.append((start, end, rep, kind != "tone" and kind != "comb"))
    return out


# characters that are no word characters for the regex module (what a tone pair's (?![\w])
# lets follow it), the usual ones (check_normalize.py asks the regex module about each)
_NOT_WORD = frozenset(" \n\t.,;:!?\"'()[]{}<>/\\|-–—…“”‘’«»%&*+=#@$~^`")


def _changes_nfc(text: str, usual: bool = False) -> list[tuple[int, int, str, bool]]:
    """_changes(_pieces_nfc(text, keep_same=False), len(text)) for an NFC text, the two most
    common pieces read without the pattern: a space before a line break inside the text that
    a word follows (" \n" -> "\n": the "nl" piece there is that), and a new tone pair that
    no word character follows ("oà" -> "òa"; what follows it tested here for the usual
    characters only, the others left to the pattern). usual: as _piece_starts.
    check_normalize.py compares."""
    out = []
    append = out.append
    pos = 0
    n = len(text)
    match = _PIECE_NFC.match
    tail = _BREAK_TAIL
    tones = _NEW_TONE
    not_word = _NOT_WORD
    if text[:1] == " ":
        m = match(text, 0, None, False)
        if m is not None:
            out += _changes([m], n)
            pos = m.end()
    for p in _piece_starts(text, False, usual):
        if p < pos:
            continue
        c = text[p]
        if c == "\n":
            if p:
                q = p + 1
                if q < n and text[q] == "\n":
                    q += 1
                if q < n and text[q] not in tail:
                    pos = q  # a break that stays (see _pieces_nfc)
                    continue
        elif c == " ":
            q = p + 2
            if p and q < n and text[p + 1] == "\n" and text[q] not in tail:
                append((p, q, "\n", True))
                pos = q
                continue
        else:
            q = p + 2
            rep = tones.get(text[p:q])
            if rep is not None and (q == n or text[q] in not_word):
                append((p, q, rep, False))
                pos = q
                continue
        m = match(text, p, None, False)
        if m is not None:
            pos = m.end()
            kind = m.lastgroup
            group = m.group()
            rep = tones.get(group, group) if kind == "tone" else _replacement(m, n)
            if rep is not None and rep != group:
                append((m.start(), pos, rep, kind != "tone" and kind != "comb"))
    return out


def normalize_with_map(text: str) -> tuple[str, OffsetMap]:
    """The normalized text and the map from it back to `text`."""
    return normalize_usual(text)[:2]


def normalize_usual(text: str) -> tuple[str, OffsetMap, bool]:
    """normalize_with_map(text), and whether `text` holds _USUAL characters only: then so
    does the normalized text (every replacement is a space, a break, nothing or a tone pair
    of Vietnamese letters), which make_document's glyph-soup test can take from here."""
    out: list[str] = []
    pos = 0
    n = len(text)
    first = _USUAL_START.match(text).end()  # the first unusual character
    usual = first == n  # is_usual(text): then NFC too
    nfc = usual or _is_nfc(text, first)
    changes = _changes_nfc(text, usual) if nfc else _changes(_pieces(text), n)
    append = out.append
    ends = []  # the ends of the pieces changed
    # the map's runs, made here as OffsetMap.add would make them (check_normalize.py keeps
    # the version that calls it, and compares): the text between two pieces is one linear run,
    # merged into a linear run before it; a piece is a run of its own unless it is linear
    # (as long as what it replaces, not a tone or a composed word) and follows a linear run
    r_out: list[int] = []
    r_src: list[int] = []
    r_out_len: list[int] = []
    r_src_len: list[int] = []
    r_lin: list[bool] = []

    def run(o: int, src: int, k: int, src_k: int, linear: bool) -> None:
        """Add the run of k output characters at o from src_k source characters at src,
        merged into the run before it when both are linear and it is not empty (add()'s way)."""
        if linear and k and r_lin and r_lin[-1]:
            r_out_len[-1] += k
            r_src_len[-1] += k
            return
        r_out.append(o)
        r_src.append(src)
        r_out_len.append(k)
        r_src_len.append(src_k)
        r_lin.append(linear)

    o = 0  # the length of the output so far
    for start, end, rep, may_be_linear in changes:
        if start > pos:
            append(text[pos:start])
            run(o, pos, start - pos, start - pos, True)
            o += start - pos
        append(rep)
        k = len(rep)
        linear = k == end - start and may_be_linear
        run(o, start, k, end - start, linear)
        o += k
        pos = end
        ends.append(end)
    if pos < n:
        out.append(text[pos:])
        run(o, pos, n - pos, n - pos, True)
    omap = OffsetMap.of_runs(r_out, r_src, r_out_len, r_src_len, r_lin)
    result = "".join(out)
    if not (nfc and _stays_nfc(text, ends)) and not unicodedata.is_normalized("NFC", result):
        # a mark that no word carries (after a digit or a space): rare; compose the whole
        # text and map it as one piece
        composed = unicodedata.normalize("NFC", result)
        if len(composed) == len(result):
            result = composed
        else:
            inner = OffsetMap()
            inner.add(len(composed), len(result))
            result = composed
            omap = _compose(inner, omap)
    return result, omap, usual


# the starters (combining class 0) that NFC joins to a character before them: the second
# characters of the canonical pairs that are starters (Indic, Sinhala, Tibetan, Balinese,
# Myanmar... vowel signs; unicodedata 14.0, check_normalize.py recomputes them) and the
# Hangul vowel and final jamo (composed by rule, not by pair)
_JOINS_BEFORE = frozenset(
    "\u09be\u09d7\u0b3e\u0b56\u0b57\u0bbe\u0bd7\u0cc2\u0cd5\u0cd6\u0d3e\u0d57\u0dcf\u0ddf\u0fb5\u0fb7"
    "\u102e\u1b35\U00011127\U0001133e\U00011357\U000114b0\U000114ba\U000114bd\U000115af\U00011930"
    + "".join(map(chr, range(0x1161, 0x1176))) + "".join(map(chr, range(0x11A8, 0x11C3))))


def _is_stable(c: str) -> bool:
    """A character of an NFC text that no normalization joins to the one before it nor moves:
    a starter (combining class 0) that is not in _JOINS_BEFORE. Every character below U+0300
    (Latin, spaces, breaks) and the Vietnamese letters U+1EA0-U+1EF9 are (asked first)."""
    return c < "\u0300" or "\u1ea0" <= c <= "\u1ef9" or unicodedata.combining(c) == 0 and c not in _JOINS_BEFORE


def _stays_nfc(text: str, ends: list[int]) -> bool:
    """Whether the result of replacing pieces of the NFC `text` (by "", spaces, breaks, "Ư",
    NFC tone pairs: starters that join nothing before them) is NFC too, without reading it
    again: a replacement can break NFC only where the character after a piece (text[end])
    meets a new neighbour, so it does not when that character is stable (_is_stable) or the
    piece ends the text. True is certain; False means: test the result."""
    n = len(text)
    for end in ends:
        if end < n and not _is_stable(text[end]):
            return False
    return True


class _Composed(OffsetMap):
    """Two maps applied one after the other (outer first)."""

    def __init__(self, outer: OffsetMap, inner: OffsetMap) -> None:
        super().__init__()
        self.outer, self.inner = outer, inner
        self.out_total, self.src_total = outer.out_total, inner.src_total

    def start(self, pos: int) -> int:
        return self.inner.start(self.outer.start(pos))

    def end(self, pos: int) -> int:
        return self.inner.end(self.outer.end(pos))

    def span(self, start: int, end: int) -> tuple[int, int]:
        s, e = self.outer.span(start, end)
        return self.inner.span(s, e)


def _compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    return _Composed(outer, inner)


def fields_are_normal(content: str) -> bool:
    """Whether normalize_text leaves every tab-separated field of every line of `content` as it
    is (a lexicon file's), told from the whole text at once: made of usual characters (tabs
    aside), no space at a field's start or end or beside another, no tone pair to move. (A
    field then holds no piece normalize changes: those begin at a line break, an odd
    character, a space before a space or at the end, or an o/u before a tone mark at a word's
    end, which the whole text would show as well.) False says nothing: normalize each field.
    benchmarks/check_normalize.py compares it with normalizing each field."""
    return (is_usual(content.replace("\t", "\n")) and "  " not in content and " \t" not in content
            and "\t " not in content and " \n" not in content and "\n " not in content
            and not content.startswith(" ") and not content.endswith(" ") and _START_TONE.search(content) is None)


def normalize_text(text: str) -> str:
    """The normalized form of a plain text (idempotent)."""
    if is_usual(text) and not _changes_nfc(text, True):
        # what normalize_usual finds on such a text: NFC, no piece to change, so the result
        # is the text itself (its map is not made: the lexicons' entries, one call each,
        # are mostly of this kind)
        return text
    return normalize_with_map(text)[0]
