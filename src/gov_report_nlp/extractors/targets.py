"""Target records: quantities that measure a result, a plan or a goal.

A number is read with what follows it: a measurement unit from data/vi/units.txt (with its
multiplier words, "nghìn tỷ đồng", and rate parts, "triệu đồng/người/năm"), or a counted
noun, an open noun phrase read to its boundary ("81.000 công tơ điện tử đo xa" counts
"công tơ điện tử"; data/vi/count_nouns.txt only lists nouns whose extent a rule cannot
see, and target_noun_boundaries.txt the words that end one). Whether the number is a
target is then read from its frame (guideline v1.1):

- a measured quantity (%, ha, tỷ đồng, tấn...) is a target unless its frame is a vote or
  turnout ("65/70 phiếu, 92,85%"), a norm or rate set by policy ("lãi suất 12%"), a
  distance ("cách ... 6 km") or the make-up of an area ("dân số 85.082 người");
- a count is a target only when its frame measures an activity or its outcome: an activity
  verb before it in the clause chain ("kết nạp 26 đồng chí", "ban hành 7 kế hoạch; 16 báo
  cáo"), a relation ("đạt 22 chỉ tiêu", "gần 600.000 em"), a share ("8/9 trạm y tế"), a
  ranking ("vào nhóm 20 tỉnh thành") or an outcome after it ("33 CCN đã đi vào hoạt
  động"); never when it counts attendees, delegates, award recipients or proposals, the
  documents or bills a meeting adopts ("thông qua 2 báo cáo"), or the make-up of an area
  or a body ("gồm 6 phường", "chia thành 3 nhóm").

Numbers in words count after an activity verb ("khánh thành ba công trình"). A number
with no unit or noun (years, ordinals, document numbers, "Quốc lộ 14", phone numbers) is
never a target, nor are dates or the norms of a normative document (Luật, Nghị định...).

Each target carries `period`, the reporting period it measures (periods.find_periods):
the nearest one in its sentence that is not a comparison base ("so với cùng kỳ năm
2019"), else the one of the document's title, as {"text", "start", "end"} with start and
end ISO strings at month or year precision ("6 tháng đầu năm 2020": "2020-01", "2020-06").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, islice
from typing import Iterator

import regex

from .. import budget
from ..budget import matches
from ..lang.dates import find_dates, published_date
from ..lang.names import doc_tokens
from ..doc.document import Document
from ..lexicon import (NOT_LOWER_SAFE, alternation, lazy_pattern, load_list, load_phrases, lowered_if_safe,
                       starts_finder, word_offsets)
from ..lang.numbers import parse_number, words_to_number
from ..lang.periods import Period, find_periods
from ..records import Evidence, Target

# a number as the genre writes it: 1.234  7,63  1.234,5  77, 3 (a stray space before %)
_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
# a word that may start a counted noun: lowercase, or an abbreviation in capitals (CCN, TBA)
_NOUN_WORD = r"(?-i:\p{Lu}{2,}[\p{L}\p{M}]*|\p{Ll}[\p{L}\p{M}]*)"


# Every alternation of lexicon phrases is written as a trie: "đồng(?:\s+chí)?"-like branches on
# the first character (the last one in a REVERSE pattern), each tried only where that
# character is. It matches what lexicon.alternation matches and prefers the same phrase (the
# longest of those that fit, as the longest-first alternation does: two phrases that fit at
# one position are one the other's prefix, or suffix when matched backwards, so they share a
# path of the trie, on which the longer is tried first). The regex module tries the branches
# of a plain alternation one by one, and a number's unit was most of the targets' scan time.
# False: the plain alternation (benchmarks/check_targets.py compares the two).
_FAST = True


def _alt(words, reverse: bool = False, ignorecase: bool = True, space: str = r"\s+") -> str:
    """The alternation of `words` (a space matching any whitespace), longest first, as a
    trie; `reverse` for a pattern compiled with regex.REVERSE, `ignorecase` as its flags,
    `space` what a space between words matches."""
    if not _FAST:
        return alternation(words)
    seqs = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        toks: list[str | None] = []
        for i, part in enumerate(w.split()):
            if i:
                toks.append(None)  # \s+
            toks.extend(part)
        if toks:
            seqs.append(toks[::-1] if reverse else toks)
    return _trie(seqs, reverse, ignorecase, space)[0]


def _trie(seqs: list[list[str | None]], reverse: bool, ignorecase: bool, space: str,
          depth: int = 0) -> tuple[str, bool]:
    """(the pattern of the token sequences from `depth` on, in their order, whether it is an
    alternation at its top level). The sequences of one branch keep their order; an empty one
    (a phrase that ends here) comes last, as it does in a longest-first order."""
    groups: dict[str | None, list[list[str | None]]] = {}
    end = False
    for s in seqs:
        if len(s) == depth:
            end = True
            continue
        tok = s[depth]
        key = tok.lower() if ignorecase and tok is not None else tok
        g = groups.get(key)
        if g is None:
            groups[key] = [s]
        else:
            g.append(s)
    parts = []
    for g in groups.values():
        first = g[0][depth]
        tok = space if first is None else _escape(first)
        rest, alt = _trie(g, reverse, ignorecase, space, depth + 1)
        if alt:
            rest = f"(?:{rest})"
        parts.append(rest + tok if reverse else tok + rest)
    if end:
        parts.append("")
    return "|".join(parts), len(parts) > 1


# regex.escape of one character, asked thousands of times while the tries are written
_escape = lru_cache(maxsize=None)(regex.escape)


@lru_cache(maxsize=None)
def _unit_alternations() -> tuple[str, str, str, str]:
    """The alternations of _pattern's multipliers, units, known nouns and per-units: written
    once for its four forms (writing a trie costs a cold CLI ~5 ms a form)."""
    mult = _alt(load_list("unit_multipliers"))
    units = _alt(load_list("units"))
    # units and known counted nouns in one alternation, longest first ("đồng chí" before "đồng")
    known = _alt(set(load_list("units")) | set(load_list("count_nouns")) | set(load_list("target_list_nouns")))
    per = _alt(load_list("unit_per"))
    return mult, units, known, per


@lru_cache(maxsize=None)
def _pattern(big_branch: bool = True, range_group: bool = True) -> regex.Pattern:
    """The number and its unit. Without `big_branch` (the compound amount, "2 tỷ 992 triệu
    đồng", and its groups "big" and "small") or `range_group` (the range or share after the
    first number, and its groups "v2" and "of"): what the whole pattern matches in a span where
    that part cannot match (_number_pattern, check_targets.py), each try cheaper (the regex
    module's cost grows with a pattern's groups and optional parts)."""
    mult, units, known, per = _unit_alternations()
    # _FAST, two ways to fail sooner that change no match (check_targets.py): the first number
    # is read atomically (a shorter reading of it ends before a digit, "." or "," where nothing
    # after it can begin); the spaces before the unit are possessive (no unit begins with a
    # space). (A lookahead before the compound amount would cost more than it saves: the
    # search could no longer skip to the digits.)
    num1 = rf"(?>{_NUM})" if _FAST else _NUM
    plus = "+" if _FAST else ""
    # _FAST: the unit fails at once where the character after the number's spaces is no letter
    # and no "%" (most failing tries: "9/9/2020", "12 (", "2019, ..."): every branch of it
    # begins with a phrase of the unit lists, each beginning with "%" or a letter (a letter's
    # other cases are letters too), or with the open noun's letter (check_targets.py); the
    # regex module would try the four branches and their tries first
    guard = r"(?=[%\p{L}])" if _FAST else ""
    # _FAST: the compound amount's first number fails at once where no "tỷ" follows its run of
    # digits and separators (its readings are all within that run, and a reading followed by
    # "\s*tỷ" ends where the run does); the test comes after the first digit, which is left
    # where it was so that the search still skips to the digits; the digits after it are read
    # as _NUM's are, in the same order of readings (check_targets.py)
    big = (r"\d(?=[\d.,]*+\s*+tỷ)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)" if _FAST else _NUM)
    compound = rf"""
          # 2 tỷ 992 triệu đồng: a compound amount, read in its largest unit
          (?P<big>{big})\s*tỷ\s+(?P<small>\d{{1,3}})\s*triệu\s+đồng
        |""" if big_branch else ""
    ranged = rf"""
          (?:                               # a range: 4-5%, 18-22 tấn/ha, 28 triệu đến 36 triệu
            \s*(?:{mult})?\s*(?:-|–|đến|tới)\s*(?P<v2>{_NUM})(?![/\d])
          | \s*/\s*(?P<of>{_NUM})(?![/\d])  # a share: 14/15, 40/1.911
          )?""" if range_group else ""
    return lazy_pattern(regex.compile,
        rf"""
        (?<![\w-])(?<!\d[.,])(?<!\d\s?/)    # not inside a word, number, code or share
        (?:{compound}
          (?P<v1>{num1}|\d+,\s\d(?=\s*%))   # 7,63 (or "77, 3" before %){ranged}
          \s*{plus}{guard}
          (?P<unit>
            (?:(?:{mult})\s+){{0,2}}(?:{mult})\s+(?:{units})(?!\w)  # nghìn tỷ đồng, ngàn ha
          | (?:{mult})\s+(?=(?:ha|héc\sta)\b)
          | (?:{known})(?:(?!\w)|(?<=%))
          | (?P<noun>(?:(?:{mult})\s+)?{_NOUN_WORD})   # an open counted noun, read on below
          )
          (?P<per>(?:\s*/\s*(?:0?1\s+)?(?:{per})(?!\w)){{0,2}})  # /người/năm, /01 xã
        )
        (?:(?!\w)|(?<=%)(?=\p{{Lu}}))       # "102,5%NQ": a share of the resolution's goal
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _tail(pat: regex.Pattern, s: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
    """pat.search(s, pos, endpos) for a REVERSE pattern whose last item is "$" (the cues read
    before a position): a match can only end at endpos, where pat.match tries it once, where
    search would also try every position before it (the "$" failing at each, most of the
    time of the call); unless s has a line break there ("$" matches before it too).
    check_targets.py compares the two."""
    end = len(s) if endpos is None or endpos > len(s) else endpos
    if pos < end and s[end - 1] == "\n":
        return pat.search(s, pos, end)
    return pat.match(s, pos, end, False)


_UNIT_FIX = lazy_pattern(regex.compile, r"\s+")
_SPACES = _UNIT_FIX


def _squeeze(s: str) -> str:
    """_SPACES.sub(" ", s): every run of whitespace one space. A printable string with no
    double space has nothing to replace (every whitespace character but the space is
    unprintable: check_targets.py checks it), and the test is much cheaper than the sub."""
    if "  " not in s and s.isprintable():
        return s
    return _SPACES.sub(" ", s, 0, None, None, False)

_COMMA_SPACE = lazy_pattern(regex.compile, r",\s+")
_MULTIPLE_BEFORE = lazy_pattern(regex.compile, r"(?:gấp|bằng|tăng|giảm|đạt|cao\s+hơn|thấp\s+hơn|hơn)\s*(?:khoảng|gần|hơn|trên)?\s*$", regex.IGNORECASE | regex.REVERSE)
_YEAR_BEFORE = lazy_pattern(regex.compile, r"(?:^|\s)năm\s*$", regex.IGNORECASE | regex.REVERSE)
_YEAR_VALUE = lazy_pattern(regex.compile, r"(?:19|20)\d\d")


def _is_year(v1: str) -> bool:
    """_YEAR_VALUE.fullmatch(v1) for the first number of a match of _pattern(), made of digits,
    "." and "," (and a space after a ","): four characters with none of those marks are
    digits (check_targets.py)."""
    return len(v1) == 4 and v1[:2] in ("19", "20") and "," not in v1 and "." not in v1
_ORDINAL_BEFORE = lazy_pattern(regex.compile, r"(?:^|\s)(?:thứ|(?<!tổng\s)số|hạng)\s*$", regex.IGNORECASE | regex.REVERSE)
_ALL_BEFORE = lazy_pattern(regex.compile, r"(?:^|\s)(?<!tất\s)cả\s*$", regex.IGNORECASE | regex.REVERSE)  # "cả 3 khu vực": all of a whole
_QUOTES = lazy_pattern(regex.compile, r"[“”\"]")
_RANK_BEFORE = lazy_pattern(regex.compile, r"(?:^|\s)(?:xếp\s+(?:hạng\s+)?thứ|đứng\s+thứ|nhóm|top|tốp)\s*$", regex.IGNORECASE | regex.REVERSE)
_SO_AFTER = lazy_pattern(regex.compile, r"\s+số\b")
_NAME_AFTER = lazy_pattern(regex.compile, r"\s+\p{Lu}\p{Ll}")
_WORDS_AFTER = lazy_pattern(regex.compile, r"\s+\p{Lu}\p{Ll}+\s+\p{Ll}")
_SENTENCE_END = lazy_pattern(regex.compile, r"[.!?](?=\s)|\n", regex.REVERSE)
_SENTENCE_END_FWD = lazy_pattern(regex.compile, r"[.!?](?=\s|$)|\n")
# the regex module's \s (Unicode White_Space): str.isspace less \x1c-\x1f (check_targets.py)
_WHITESPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                        "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence that holds pos begins, looked for in [lo, pos): the end of
    _SENTENCE_END.search(text, lo, pos), else lo. The last line break, or the last of ".!?"
    before a whitespace character (before pos: the search's lookahead reads no further), found
    with rfind instead of the regex module's scan backwards (check_targets.py compares them)."""
    if pos <= lo:
        return lo  # (and pos - 1 below is no negative index, read from the end)
    best = text.rfind("\n", lo, pos)
    for ch in ".!?":
        i = text.rfind(ch, lo if best < 0 else best + 1, pos - 1)
        while i >= 0 and text[i + 1] not in _WHITESPACE:
            i = text.rfind(ch, lo if best < 0 else best + 1, i)
        if i > best:
            best = i
    return lo if best < 0 else best + 1


def _sentence_start_plain(text: str, lo: int, pos: int) -> int:
    cut = _SENTENCE_END.search(text, lo, pos)
    return cut.end() if cut else lo


def _sentence_end(text: str, pos: int, end: int) -> int:
    """Where the sentence that holds pos ends, looked for in [pos, end): the start of
    _SENTENCE_END_FWD.search(text, pos, end), else -1. The first line break, or the first of
    ".!?" before a whitespace character or at the window's end ("$"), found with find
    (check_targets.py compares them)."""
    end = (end if end < len(text) else len(text))
    best = text.find("\n", pos, end)
    stop = end if best < 0 else best
    for ch in ".!?":
        i = text.find(ch, pos, stop)
        while i >= 0 and i + 1 < end and text[i + 1] not in _WHITESPACE:
            i = text.find(ch, i + 1, stop)
        if i >= 0:
            best = stop = i
    return best


def _sentence_end_plain(text: str, pos: int, end: int) -> int:
    cut = _SENTENCE_END_FWD.search(text, pos, end)
    return cut.start() if cut else -1


# A document's sentence cuts, found once: a sentence's start and end looked up with bisect
# instead of four scans of the 300 characters around each target (_period_of, _count_is_result,
# _sentence_left), which cost more than the one scan of the document for the four characters.
def _sentence_cuts(text: str) -> list[int]:
    """The offsets of text's line breaks and of its ".!?" before a whitespace character (the
    ends of _SENTENCE_END's matches in the whole text), in order."""
    n = len(text)
    return [i for i in word_offsets(text, "\n.!?", 0, n)
            if text[i] == "\n" or (i + 1 < n and text[i + 1] in _WHITESPACE)]


def _doc_cuts(doc: Document) -> list[int]:
    """_sentence_cuts of the document's text, made once."""
    return doc.memo("targets.sentence_cuts", lambda: _sentence_cuts(doc.text))


def _start_at(text: str, cuts: list[int], lo: int, pos: int) -> int:
    """_sentence_start(text, lo, pos) from the text's _sentence_cuts: the last cut before pos,
    less a ".!?" right before pos (the search's lookahead would read pos), if it is at or
    after lo (check_targets.py compares the two)."""
    i = bisect_left(cuts, pos) - 1
    if i >= 0 and cuts[i] == pos - 1 and text[pos - 1] != "\n":
        i -= 1
    return cuts[i] + 1 if i >= 0 and cuts[i] >= lo else lo


def _end_at(text: str, cuts: list[int], pos: int, end: int) -> int:
    """_sentence_end(text, pos, end) from the text's _sentence_cuts: the first cut at or after
    pos, before end, or a ".!?" right before end ("$"), whichever comes first
    (check_targets.py compares the two)."""
    if end > len(text):
        end = len(text)
    i = bisect_left(cuts, pos)
    best = cuts[i] if i < len(cuts) and cuts[i] < end else -1
    if end - 1 >= pos and text[end - 1] in ".!?" and (best < 0 or end - 1 < best):
        best = end - 1
    return best


_LIST_NUMBER_BEFORE = lazy_pattern(regex.compile, r"(?<![\w.,/-])(?P<n>\d{1,3})\s*,\s*$", regex.REVERSE)
_LENGTH_UNITS = frozenset({"km", "m"})
_COUNT_WORDS_FIRST = ("hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười")
_COUNT_WORDS_NEXT = ("mươi", "mốt", "một", "hai", "ba", "bốn", "tư", "lăm", "năm", "sáu", "bảy", "tám", "chín", "trăm", "lẻ")

MAX_NOUN_WORDS = 4  # a counted noun read to a boundary further off keeps its first two words


def _value(s: str) -> float | None:
    return parse_number(_COMMA_SPACE.sub(",", s, 0, None, None, False) if "," in s else s)


@lru_cache(maxsize=None)
def _relation_pattern() -> regex.Pattern:
    rel = _alt(load_list("target_relations"), reverse=True)
    return lazy_pattern(regex.compile, rf"(?:^|\s)(?<!nhất\s)(?P<rel>{rel})(?:\s+(?:khoảng|xuống|lên|gấp|mức|được|chỉ|có|tới))*\s*$", regex.IGNORECASE | regex.REVERSE)


_REL = 1  # _relation_pattern()'s one group, "rel" (check_targets.py)


def _relation(text: str, pos: int, floor: int, lowered: str | None = None) -> tuple[str | None, int]:
    """The relation word right before pos (within a few words), and where the left context
    starts. `lowered`: the text's lowercase when it is lower-safe (see _stripped_low)."""
    lo = floor if floor > pos - 40 else pos - 40
    left = text[lo:pos]
    # (_may_end inlined, on the lowercase copy's slice, which is left's lowered)
    low = lowered[lo:pos].rstrip() if lowered is not None else _stripped_low(left)
    if low is not None and not low.endswith(_relation_ends()):
        return None, pos  # the cheap test first (see _needles)
    m = _tail(_relation_pattern(), left)
    if not m:
        return None, pos
    return m[_REL], lo + m.start(_REL)  # (by number: see _candidates' groups)


def _is_normative(doc: Document) -> bool:
    seg = doc.first("doc_type")
    if seg is None:
        return False
    kinds = load_phrases("normative_doc_kinds")
    return doc.seg_text(seg).strip(" :").lower() in kinds


# the segments read: titles and sections, and Document.body_spans' kinds (one pass over the
# segments instead of two, no Span made for each)
_SCAN_KINDS = frozenset({"title", "section", "paragraph", "lead", "caption", "heading", "summary", "item"})


def _scan_spans(doc: Document):
    return sorted({(s.start, s.end) for s in doc.segments if s.kind in _SCAN_KINDS})


def _scan_spans_plain(doc: Document):
    spans = [(s.start, s.end) for s in doc.segments if s.kind in ("title", "section")]
    spans += [(s.start, s.end) for s in doc.body_spans]
    return sorted(set(spans))


@lru_cache(maxsize=None)
def _trailing_pattern() -> regex.Pattern:
    words = _alt(load_list("target_indicator_trailing"), reverse=True)
    return lazy_pattern(regex.compile, rf"(?:^|\s+)(?:{words})\s*$", regex.IGNORECASE | regex.REVERSE)


@lru_cache(maxsize=None)
def _scope_pattern() -> regex.Pattern:
    scopes = _alt(load_list("target_indicator_scopes"))
    return lazy_pattern(regex.compile,
        rf"""^(?:\s*(?:
            {scopes}                                   # toàn huyện, đến nay
          | (?:trong\s+)?(?:năm|tháng|quý)\s+[\dIVX/]+  # năm 2019, quý I
        ))*\s*$""",
        regex.IGNORECASE | regex.VERBOSE,
    )


MAX_QUALIFIER_WORDS = 8


@lru_cache(maxsize=None)
def _qualifier_stop() -> regex.Pattern:
    stops = _alt(load_list("target_qualifier_stops"))
    return lazy_pattern(regex.compile, rf"[,;:.()\n“”\"\d]|(?<!\w)(?:{stops})(?!\w)", regex.IGNORECASE)


@lru_cache(maxsize=None)
def _qualifier_margin() -> int:
    """Characters a stop match may need: the longest stop word and the character after it."""
    return max((len(w) for w in load_list("target_qualifier_stops")), default=0) + 2


_AFTER_WINDOW = 512


def _after(text: str, a: int, b: int) -> tuple[str, regex.Match | None]:
    """text[a:b] up to what _qualifier needs, and the first stop in it. On one long line, the
    rest of the paragraph is not copied for each number: a window is searched first, and
    the whole rest only when the window holds no stop clear of its end."""
    if b - a > _AFTER_WINDOW:
        win = text[a:a + _AFTER_WINDOW]
        stop = _qualifier_stop().search(win, None, None, False, False, 1.0)
        if stop is not None and stop.end() <= _AFTER_WINDOW - _qualifier_margin():
            return win, stop
    after = text[a:b]
    return after, _qualifier_stop().search(after, None, None, False, False, 1.0)


def _starts_with_phrase(low: str, phrases: frozenset[str]) -> bool:
    """any(low == w or low.startswith(w + " ") for w in phrases): low, or its part before one
    of its spaces, is one of them (a set lookup per space instead of a test per phrase)."""
    if low in phrases:
        return True
    at = low.find(" ")
    while at >= 0:
        if low[:at] in phrases:
            return True
        at = low.find(" ", at + 1)
    return False


def _qualifier(after: str, stop: regex.Match | None, noun: str | None, safe: bool = False) -> str | None:
    """The counted noun and the words that qualify it after the number, up to the clause's
    end, the next number or a comparison ("12/14 xã đạt chuẩn nông thôn mới, ..." gives
    "xã đạt chuẩn nông thôn mới"); for a measurement unit, the words alone ("441 ha hồ
    tiêu bị bệnh" gives "hồ tiêu bị bệnh"). Too long a qualifier is left out."""
    qual = _squeeze(after[: stop.start() if stop else len(after)]).strip()
    for pat, ends in ((_relation_pattern(), _ends("target_relations", _RELATION_QUALIFIERS)),
                      (_trailing_pattern(), _ends("target_indicator_trailing"))):
        while qual and _may_end(_stripped_low(qual, safe), ends) and (m := _tail(pat, qual)):
            qual = qual[: m.start()].strip()
    low = qual.lower()
    if (len(qual.split()) > MAX_QUALIFIER_WORDS
            or _starts_with_phrase(low, load_phrases("target_indicator_bases"))
            or _starts_with_phrase(low, load_phrases("target_indicator_trailing"))):
        qual = ""  # too long, a base ("đạt 98,7% kế hoạch") or a verb ("đã đầu tư vào")
    return " ".join(w for w in (noun, qual) if w) or None


# how far back the words of an indicator are looked for: on the dev corpus a clause before a
# number is at most 164 characters; without a bound, a 1 MB line with no punctuation would
# make each number's indicator read the whole line before it (quadratic)
MAX_CLAUSE_CHARS = 400
# the last mark before a position, not the separator inside a number ("8.465", "7,63"); "|"
# separates the cells of a table row
_CLAUSE_MARK = lazy_pattern(regex.compile, r"[;:()\n|]|[,.](?!\d)|(?<!\d)[,.]", regex.REVERSE)
# a cell of a table row ("Thu ngân sách năm 2023 | 150 tỷ đồng | 120 tỷ đồng", files.py) that
# names what the row measures: it begins with a word, not a figure
_ROW_LABEL = lazy_pattern(regex.compile, r"(?<![^|\n])[ \t]*\p{L}[^|\n]*(?=\|)")


_TAIL = 40  # the closing words of an indicator are looked for in its last characters only
# (In the functions run for each number, "a if a > b else b" stands for max(a, b) of two ints,
# and "a if a < b else b" for min: the builtins cost ~800 instructions a call, ~8 000 calls a
# pass over the dev corpus.)


@lru_cache(maxsize=None)
def _indicator_verbs() -> regex.Pattern:
    words = _alt(load_list("target_indicator_verbs"), reverse=True)
    return lazy_pattern(regex.compile, rf"(?:^|\s+)(?:{words})\s*$", regex.IGNORECASE | regex.REVERSE)


def _trailing_strip(words: str, safe: bool = False) -> str:
    trailing = _trailing_pattern()
    ends = _ends("target_indicator_trailing")
    while (words and _may_end(_stripped_low(words[-_TAIL:], safe), ends)
           and (m := _tail(trailing, words, (0 if 0 > len(words) - _TAIL else len(words) - _TAIL)))):
        words = words[: m.start()].strip()
    return words


@lru_cache(maxsize=None)
def _indicator_strips() -> tuple:
    """(pattern, the last words its matches end with, whether it is the verbs') of the two
    strips of _indicator, in order: "ước đạt", "đạt" before "trên"; built once."""
    return ((_trailing_pattern(), _ends("target_indicator_trailing"), False),
            (_indicator_verbs(), _ends("target_indicator_verbs"), True))


def _indicator(text: str, start: int, floor: int, after: tuple[int, int], noun: str | None = None,
               safe: bool = False) -> str | None:
    """The words before the quantity in its clause (up to the last comma, colon or period),
    less the verb words that close them ("ước", "có"). When those words only give a scope
    ("toàn huyện có") and the unit is a counted noun, the noun and its qualifier after the
    number are the indicator ("12/14 xã đạt chuẩn nông thôn mới")."""
    lo = (floor if floor > start - MAX_CLAUSE_CHARS else start - MAX_CLAUSE_CHARS)
    cut = _CLAUSE_MARK.search(text, lo, start, False)  # searched backwards from the number
    if cut:
        lo = cut.end()
    elif lo > floor:  # a clause longer than MAX_CLAUSE_CHARS: its last words, from a word start
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else start
    words = _squeeze(text[lo:start]).strip()
    verb = False
    for pat, ends, is_verbs in _indicator_strips():
        while words:
            low = words[-_TAIL:].lower().rstrip() if safe else _stripped_low(words[-_TAIL:])
            if low is not None and not low.endswith(ends):  # (_may_end, inlined)
                break  # the cheap test first (see _needles)
            m = _tail(pat, words, (0 if 0 > len(words) - _TAIL else len(words) - _TAIL))
            if not m:
                break
            words = words[: m.start()].strip()
            verb = is_verbs
    if verb:  # else the first loop left no trailing word
        words = _trailing_strip(words, safe)
    if not words and cut and cut.group() == "|":
        # a figure alone in a table cell: the row's first cell of words names what it measures
        label = _ROW_LABEL.search(text, floor, start)
        return _SPACES.sub(" ", label.group()).strip() if label else None
    if (not words.strip() or _may_begin(words, _scope_firsts(), safe)) and _scope_pattern().match(words, None, None, False, False, 1.0):
        return _qualifier(*_after(text, *after), noun, safe)
    return words or None


# ---------------------------------------------------------------- the counted noun


@lru_cache(maxsize=None)
def _noun_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(a known noun at a position, a boundary word at a position, a word at a position)."""
    known = _alt(set(load_list("count_nouns")) | set(load_list("target_list_nouns")))
    bounds = _alt(load_list("target_noun_boundaries"))
    return (
        lazy_pattern(regex.compile, rf"(?:{known})(?!\w)", regex.IGNORECASE),
        lazy_pattern(regex.compile, rf"(?:{bounds})(?!\w)", regex.IGNORECASE),
        lazy_pattern(regex.compile, r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)?"),
    )


@lru_cache(maxsize=None)
def _coordinated() -> regex.Pattern:
    """", noun" after a known noun: a run of known nouns shares one count ("học sinh, sinh viên")."""
    nouns = set(load_list("count_nouns")) | set(load_list("target_list_nouns"))
    return lazy_pattern(regex.compile, rf"\s*,\s*(?:{_alt(nouns)})(?=\s*[,.;:)\n]|\s*$)", regex.IGNORECASE)


@lru_cache(maxsize=None)
def _first_words_set(name: str) -> frozenset[str]:
    """The first words of the phrases of a list, lowercased (each a run of letters and marks:
    check_targets.py)."""
    return frozenset(p.split()[0] for p in load_phrases(name) if p.split())


def _counted_noun(text: str, pos: int, end: int, known_match=False,
                  lowered: str | None = None) -> tuple[str, int] | None:
    """The counted noun that starts at pos, as written, and where it ends: a known noun whole
    (with the known nouns coordinated after it), an abbreviation alone ("29 MBA"), else the
    words up to the first boundary, a digit or a mark: all of them when at most
    MAX_NOUN_WORDS, else the first two. None when the first word is a boundary or no noun.
    `lowered`: the text's lowercase when it is lower-safe."""
    known, bound, word = _noun_patterns()
    m = known.match(text, pos, end) if known_match is False else known_match  # the caller's, when it has it
    if m:
        stop = m.end()
        while (c := _coordinated().match(text, stop, end, False)) is not None:
            stop = c.end()
        # a unit noun of a list ("tỉnh", "huyện") is whole only in a list; else read on ("tỉnh thành")
        if stop > m.end() or m.group(0).lower() in load_phrases("count_nouns"):
            return text[pos:stop], stop
    # A boundary is tried at each word, the first one included (a boundary there: no noun;
    # where no word begins, none does either: its phrases begin with a letter). In a lower-safe
    # text only at a word whose run of letters before a "-" is the first word of a boundary
    # phrase: a phrase's first word is such a run, matched where the run is that word
    # (followed by a space or, a phrase of one word, by no word character; a run is followed
    # by neither when a digit ends it early, and no phrase matches there then); the regex
    # try, most of the noun's cost, is spared at the other words (check_targets.py).
    firsts = _first_words_set("target_noun_boundaries") if lowered is not None else None
    words: list[tuple[int, int]] = []
    at = pos
    while at < end and len(words) <= MAX_NOUN_WORDS:
        w = word.match(text, at, end, False)
        if w is None:  # (a match begins at `at`)
            break
        ws, we = w.span()
        if ((firsts is None or lowered[ws:we].partition("-")[0] in firsts)
                and bound.match(text, at, end, False)):
            if not words:
                return None
            break
        if words and text[ws].isupper():
            break
        words.append((ws, we))
        if len(words) == 1 and we - ws > 1 and text[ws:we].isupper():
            break  # an abbreviation is the noun: "4.274 TBA phân phối"
        sp = at = we
        while at < end and text[at] in " \t":
            at += 1
        if at == sp:
            break
    if not words:
        return None
    if len(words) > MAX_NOUN_WORDS:
        words = words[:2]
    return text[pos:words[-1][1]], words[-1][1]


def _noun_at(text: str, at: int, near: int, run: str) -> tuple[regex.Match | None, None]:
    """(a not-noun phrase at `at`, a known noun there) for a count whose unit is the number
    pattern's open noun ("noun", no multiplier before it) in a lower-safe text, `run` its
    lowercase: the noun is a run of letters and marks (_NOUN_WORD) followed by no word
    character, so a not-noun phrase, whose first word is such a run, matches there only when
    that word is the run (a set look-up before the regex try); and no known noun matches
    there, or the number pattern's branch of known units and nouns, tried before the open
    noun, would have matched (check_targets.py compares the two)."""
    if run in _first_words_set("target_not_nouns"):
        return _frame_patterns()["not_noun"].match(text, at, near, False), None
    return None, None


def _noun_at_plain(text: str, at: int, near: int, run: str) -> tuple[regex.Match | None, regex.Match | None]:
    return _frame_patterns()["not_noun"].match(text, at, near, False), _noun_patterns()[0].match(text, at, near, False)


# ---------------------------------------------------------------- frames


@lru_cache(maxsize=None)
def _frame_patterns() -> dict[str, regex.Pattern]:
    def cue(name: str, tail: str) -> regex.Pattern:
        # a cue that must reach the end of the window is searched from the end (fast to fail)
        back = tail.endswith("$")
        flags = regex.IGNORECASE | (regex.REVERSE if back else 0)
        return lazy_pattern(regex.compile, rf"(?:^|[\s(,;:])(?:{_alt(load_list(name), reverse=back)}){tail}", flags)

    not_nouns = _alt(load_list("target_not_nouns"))
    not_nouns_back = _alt(load_list("target_not_nouns"), reverse=True)
    outcome = _alt(load_list("target_outcome_after"))
    return {
        "activity": cue("target_activity_verbs", r"(?!\w)"),
        "award": cue("target_award_cues", r"(?!\w)"),
        "adoption": cue("target_adoption_cues", r"(?!\w)"),
        "makeup": cue("target_makeup_cues", r"(?!\w)"),
        "makeup_adjacent": cue("target_makeup_cues", r"\s*(?:có\s+)?(?:khoảng|gần|hơn|trên|tới)?\s*$"),
        # lowercase only: "Bộ Kế hoạch và Đầu tư" is a name, not a plan
        "plan": lazy_pattern(regex.compile, rf"(?:^|[\s(,;:])(?:{_alt(load_list('target_plan_cues'), ignorecase=False)})(?!\w)"),
        "policy": cue("target_policy_cues", r"[^,;:.()\n]*$"),  # in the same clause
        "distance": cue("target_distance_cues", r"(?:\s+\w+){0,5}\s*$"),
        # "rộng 500 m2" (an adjective), not "với chiều dài 10 km" (a measure of a result)
        "size": lazy_pattern(regex.compile, rf"(?:^|[\s(,;:])(?<!chiều\s)(?:{_alt(load_list('target_size_cues'), reverse=True)})"
                              r"\s*(?:khoảng|gần|hơn|trên|chừng|tới)?\s*$", regex.IGNORECASE | regex.REVERSE),
        "vote": cue("target_vote_cues", r"(?!\w)"),
        "vote_after": lazy_pattern(regex.compile, r"^\s*(?:\w+\s+){0,2}?(?:đại\s+biểu|số\s+phiếu|phiếu|cử\s+tri)(?!\w)", regex.IGNORECASE),
        "not_noun_before": lazy_pattern(regex.compile, rf"(?:^|\s)(?:{not_nouns_back})\s*$", regex.IGNORECASE | regex.REVERSE),
        "incident": cue("target_incident_cues", r"(?!\w)"),
        "not_noun": lazy_pattern(regex.compile, rf"(?:{not_nouns})(?!\w)", regex.IGNORECASE),
        "outcome": lazy_pattern(regex.compile, rf"^\s*(?:[\w-]+\s+){{0,3}}?(?:{outcome})(?!\w)", regex.IGNORECASE),
    }


def _sentence_left(text: str, floor: int, pos: int, reach: int = 160, cuts: list[int] | None = None) -> str:
    """The sentence before pos (at most `reach` characters), from its start. `cuts`: the
    text's _sentence_cuts, if made."""
    lo = (floor if floor > pos - reach else pos - reach)
    return text[_sentence_start(text, lo, pos) if cuts is None else _start_at(text, cuts, lo, pos):pos]


_NO_COUNT_RELATIONS = frozenset({"từ", "đến", "tới"})
# a list item between a cue and a count: "ban hành 7 kế hoạch; 16 báo cáo, 13 công văn và 03 ..."
_LIST_ITEM = lazy_pattern(regex.compile, r"\d[\d.,/]*\s+[^\d,;.]{0,40}?(?:[,;]|\s+và)\s*")
MAX_CUE_GAP_WORDS = 5
_CUE_KINDS = ("award", "adoption", "makeup", "activity")


@lru_cache(maxsize=None)
def _cue_pattern() -> regex.Pattern:
    """The cues of _CUE_KINDS in one alternation of literal lowercase phrases, a named group
    each (the negative kinds first, so that "đề nghị tặng" is an award before "tặng" is an
    activity). It is matched against a lowercased window with single spaces: literal
    phrases match much faster than case-folded ones."""
    def lit(name: str) -> str:
        words = {" ".join(w.lower().split()) for w in load_list(name)}
        if _FAST:
            return _alt(words, ignorecase=False, space=" ")
        return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))

    parts = [rf"(?P<{k}>{lit(f'target_{k}_cues' if k != 'activity' else 'target_activity_verbs')})"
             for k in _CUE_KINDS]
    return lazy_pattern(regex.compile, rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)")


@lru_cache(maxsize=None)
def _cue_starts():
    """lowered window -> where a cue of _cue_pattern() may begin (lexicon.starts_finder: None
    without pyahocorasick)."""
    names = [f"target_{k}_cues" if k != "activity" else "target_activity_verbs" for k in _CUE_KINDS]
    return starts_finder({" ".join(w.lower().split()) for name in names for w in load_list(name)})


def _nearest_cue(left: str, lowered_left: str | None = None) -> str | None:
    """The kind of the cue nearest before a count in its sentence (an activity verb, an award,
    a meeting's adoption, a make-up), when the words between them, less the items of a list
    the cue governs, are at most MAX_CUE_GAP_WORDS."""
    low = _squeeze(left.lower() if lowered_left is None else lowered_left)
    last = None
    starts = _cue_starts() if _FAST else None
    if starts is None:
        for last in _cue_pattern().finditer(low, timeout=1.0):
            pass
    else:  # finditer's matches, the pattern tried only where a cue begins (a short window)
        match = _cue_pattern().match
        at = 0
        for p in starts(low):
            if p >= at and (m := match(low, p, None, False)) is not None:
                last, at = m, m.end()
    if last is None:
        return None
    gap = low[last.end():]
    # the list items taken out only when the gap is too long without: a sub of a run that holds
    # a space by one space never adds a word (the words on both sides of the run stay two)
    if len(gap.split()) > MAX_CUE_GAP_WORDS:
        gap = _LIST_ITEM.sub(" ", gap, 0, None, None, False)
    return last.lastgroup if len(gap.split()) <= MAX_CUE_GAP_WORDS else None


_DIGIT_NEAR = lazy_pattern(regex.compile, r"\d\s*$")


@lru_cache(maxsize=None)
def _first_words(name: str, ignorecase: bool):
    """lexicon.starts_finder of the first words of the phrases of a cue list (lowered for a
    case-insensitive pattern); None without pyahocorasick."""
    firsts = {w.split()[0] for w in load_list(name) if w.split()}
    return starts_finder({w.lower() for w in firsts} if ignorecase else firsts)


def _may_hold(name: str, window: str, ignorecase: bool = True, safe: bool = False) -> bool:
    """Whether `window` may hold a match of a cue pattern built from the list `name` (a
    frame pattern of _frame_patterns): each match holds one of its phrases, as written, or
    in the lowered window when lowering keeps what a case-insensitive pattern matches
    (NOT_LOWER_SAFE). True when unsure; the pattern's search is spared where False
    (check_targets.py checks it never is where it matches)."""
    if not _FAST:
        return True
    if ignorecase:
        if not safe and NOT_LOWER_SAFE.search(window) is not None:
            return True
        window = window.lower()
    return _phrase_search(name, ignorecase)(window) is not None


@lru_cache(maxsize=None)
def _phrase_search(name: str, ignorecase: bool = True):
    """The search (the standard library's engine) of the literal alternation of a list's
    phrases, lowercased for a case-insensitive pattern, a run of whitespace between their
    words: a pattern _alt builds from the list matches only where one of them is (the
    standard library's \\s holds every character of the regex module's), and a window
    without one is not searched with it. Stricter than a first word ("vụ" is in "nhiệm vụ",
    "có" everywhere) or a longest word, which were the tests before (_may_hold_plain,
    _may_contain_plain; check_targets.py)."""
    phrases = {" ".join(p.split()) for p in load_list(name) if p.split()}
    if ignorecase:
        phrases = {p.lower() for p in phrases}
    alts = [r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=lambda p: (-len(p), p))]
    return re.compile("|".join(alts) if alts else "(?!)").search


def _may_hold_plain(name: str, window: str, ignorecase: bool = True) -> bool:
    """_may_hold as it was: the Aho-Corasick pass (True without pyahocorasick)."""
    finder = _first_words(name, ignorecase)
    if finder is None:
        return True
    if ignorecase:
        if NOT_LOWER_SAFE.search(window) is not None:
            return True
        window = window.lower()
    return bool(finder(window))


def _one_incident(text: str, left: str, noun_end: int, e0: int, safe: bool = False) -> bool:
    """Whether the sentence around a count tells one incident: a cue of one ("vụ tai nạn",
    "vụ án này") before it or after it, with no count of its own ("3 vụ tai nạn" is a
    statistic)."""
    fp = _frame_patterns()
    right = text[noun_end:(e0 if e0 < noun_end + 80 else noun_end + 80)]
    # the sentence's end is looked for only when a cue may be there: the part before it holds
    # no cue the 80 characters do not hold (_may_hold finds a first word wholly in the window)
    if _may_hold("target_incident_cues", right, True, safe):
        cut = _sentence_end(right, 0, len(right))
        right = right[:cut] if cut >= 0 else right
    else:
        right = ""
    for part in (left, right):
        if not part or not _may_hold("target_incident_cues", part, True, safe):
            continue
        for m in fp["incident"].finditer(part, None, None, False, False, False, 1.0):
            if not _DIGIT_NEAR.search(part, (0 if 0 > m.start() - 4 else m.start() - 4), m.start() + 1):
                return True
    return False


def _one_incident_plain(text: str, left: str, noun_end: int, e0: int) -> bool:
    """_one_incident as it was: the sentence's end looked for first (check_targets.py)."""
    fp = _frame_patterns()
    right = text[noun_end:min(e0, noun_end + 80)]
    cut = _SENTENCE_END_FWD.search(right)
    right = right[:cut.start()] if cut else right
    for part in (left, right):
        if not _may_hold("target_incident_cues", part):
            continue
        for m in fp["incident"].finditer(part, timeout=1.0):
            if not _DIGIT_NEAR.search(part, max(0, m.start() - 4), m.start() + 1):
                return True
    return False


def _count_is_result(text: str, floor: int, s: int, noun_end: int, e0: int,
                     rel: str | None, of: float | None, lowered: str | None = None,
                     cuts: list[int] | None = None) -> bool:
    """Whether a count measures an activity or its outcome (see the module's doc). `lowered`:
    the text's lowercase when it is lower-safe; `cuts`: its _sentence_cuts, if made."""
    fp = _frame_patterns()
    safe = lowered is not None
    lo = (floor if floor > s - 160 else s - 160)  # _sentence_left(text, floor, s), where it starts kept
    a = _sentence_start(text, lo, s) if cuts is None else _start_at(text, cuts, lo, s)
    left = text[a:s]
    cue = _nearest_cue(left, lowered[a:s] if lowered is not None else None)
    if cue in ("award", "adoption", "makeup"):
        return False
    if _one_incident(text, left, noun_end, e0, safe):
        return False  # the dead or hurt of one accident, the suspects of one case
    if of is not None or (_may_end(_stripped_low(left[-30:], safe), _RANK_ENDS) and _tail(_RANK_BEFORE, left[-30:])):
        return True
    if rel and rel.lower() not in _NO_COUNT_RELATIONS:
        return True
    if cue == "activity" or (_may_hold("target_plan_cues", left, ignorecase=False)
                             and fp["plan"].search(left, None, None, False)):
        return True
    # (no time limit on these: a window of at most 160 characters, and patterns that read it
    # once, a phrase after a few words; the clock cost as much as the match)
    return fp["outcome"].match(text[noun_end:(e0 if e0 < noun_end + 60 else noun_end + 60)], None, None, False) is not None


def _measure_is_result(text: str, floor: int, s: int, e: int, e0: int, unit: str, rel: str | None,
                       lowered: str | None = None, cuts: list[int] | None = None) -> bool:
    """Whether a measured quantity is a result: not a vote share, a policy rate or a distance
    (a rate that rose or fell, "lãi suất giảm khoảng 2%", is a statistic of the period).
    `lowered`: the text's lowercase when it is lower-safe."""
    fp = _frame_patterns()
    safe = lowered is not None
    near = text[(floor if floor > s - 60 else s - 60):s]
    lo = floor if floor > s - 90 else s - 90
    wide = text[lo:s]
    low = lowered[lo:s].rstrip() if safe else _stripped_low(wide)  # the cheap tests first (see _needles); near is a suffix of wide
    if (_may_contain(low, "target_policy_cues") and _tail(fp["policy"], wide)
            and (rel or "").lower() not in ("tăng", "giảm")):
        return False
    base = unit.split("/")[0].strip().lower()
    if base in _LENGTH_UNITS and _tail(fp["distance"], near):
        return False
    if _may_end(low, _size_ends()) and _tail(fp["size"], near[-30:]):
        return False  # "rộng 500 m2": the size of one object
    if base in ("%", "phần trăm"):
        sentence = _sentence_left(text, floor, s, 120, cuts)
        # (no time limit: windows of 120 and 40 characters, a phrase after a few words)
        if _may_hold("target_vote_cues", sentence, True, safe) and fp["vote"].search(sentence, None, None, False):
            return False
        if fp["vote_after"].match(text[e:(e0 if e0 < e + 40 else e + 40)], None, None, False):
            return False
    if base.endswith("người") and _tail(fp["makeup_adjacent"], near):
        return False  # "dân số 85.082 người": the make-up of an area
    return True


# ---------------------------------------------------------------- periods


def _default_year(doc: Document) -> int | None:
    """The year a period without one takes: the published date's."""
    return getattr(published_date(doc), "year", None)


_COMPARISON_BEFORE = lazy_pattern(regex.compile,
    r"(?:so\s+với|so|bằng|như)(?:\s+(?:cùng\s+kỳ|kế\s+hoạch|thời\s+điểm|mức|cuối|đầu|giữa))*\s*$", regex.IGNORECASE | regex.REVERSE)


def _is_base(text: str, p: Period, floor: int = 0) -> bool:
    """Whether a period is the base of a comparison ("so với cùng kỳ năm 2019")."""
    return _tail(_COMPARISON_BEFORE, text, (floor if floor > p.start - 25 else p.start - 25), p.start) is not None


def _period_of(doc: Document, s: int, e: int, title: Period | None, year: int | None,
               cache: dict[tuple[int, int], list[Period]], title_dict: dict | None = None,
               cuts: list[int] | None = None) -> dict | None:
    """The period a quantity measures: the nearest in its sentence before it, else the first
    after it, a comparison base left out; else the title's. Only the sentence is read.
    `cuts`: the text's _sentence_cuts, if made."""
    text = doc.text
    if cuts is None:
        lo = _sentence_start(text, (0 if 0 > s - 300 else s - 300), s)
        hi = _sentence_end(text, e, (len(text) if len(text) < e + 300 else e + 300))
    else:
        lo = _start_at(text, cuts, (0 if 0 > s - 300 else s - 300), s)
        hi = _end_at(text, cuts, e, (len(text) if len(text) < e + 300 else e + 300))
    if hi < 0:
        hi = (len(text) if len(text) < e + 300 else e + 300)
    periods = cache.get((lo, hi))
    if periods is None:  # the sentence's periods less its comparison bases, read once
        periods = cache[(lo, hi)] = [p for p in find_periods(text, lo, hi, default_year=year)
                                     if not _is_base(text, p, lo)]
    if periods:  # (most sentences have none: the title's)
        before = [p for p in periods if p.end <= s]
        if before:
            return _period_dict(before[-1])
        after = [p for p in periods if p.start >= e]
        if after:
            return _period_dict(after[0])
    if title_dict is not None:  # _period_dict(title), made once: a copy of it for each target
        return dict(title_dict)
    return _period_dict(title) if title else None


def _period_dict(p: Period) -> dict:
    start, end = p.iso()
    return {"text": p.text, "start": start, "end": end}


def _title_period(doc: Document, year: int | None) -> Period | None:
    """The one period of the document's title, if it has exactly one."""
    seg = doc.first("title")
    if seg is None:
        return None
    inside = [p for p in find_periods(doc.text, seg.start, seg.end, default_year=year)
              if not _is_base(doc.text, p, seg.start)]
    return inside[0] if len(inside) == 1 else None


# ---------------------------------------------------------------- the extractor


def find_targets(doc: Document) -> Iterator[Target]:
    """Every result quantity, once: a headline or subheading figure that the body
    repeats is given by the body."""
    # a machine-made list of figures ("50 ha " x 200 000): the pipeline keeps budget.MAX_RECORDS,
    # so reading more than one past it is wasted (and would make a 1 MB input take a minute)
    found = list(islice(_candidates(doc), budget.MAX_RECORDS + 1))
    heads = sorted((s.start, s.end) for s in doc.segments if s.kind in ("title", "heading"))
    head_starts = [a for a, _ in heads]
    reach = list(accumulate((b for _, b in heads), max))  # the furthest end of heads[:i + 1]

    def in_head(t: Target) -> bool:
        # some head with a <= start < b: the heads starting at or before it reach past it
        i = bisect_right(head_starts, t.evidence.start) - 1
        return i >= 0 and reach[i] > t.evidence.start

    body_keys = {(t.value, (t.unit or "").lower()) for t in found if not in_head(t)}
    year = _default_year(doc) if found else None
    title = _title_period(doc, year) if found else None
    cache: dict[tuple[int, int], list[Period]] = {}
    title_dict = _period_dict(title) if title else None
    cuts = _doc_cuts(doc) if found else None
    for t in found:
        if in_head(t) and (t.value, (t.unit or "").lower()) in body_keys:
            continue
        t.period = _period_of(doc, t.evidence.start, t.evidence.end, title, year, cache, title_dict, cuts)
        yield t


@lru_cache(maxsize=None)
def _negative_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern]:
    """(cue before, cue after, adjacent cue, unit not followed by): numbers that are no target."""
    neg_before = load_phrases("target_negative_cues")
    neg_after = load_phrases("target_negative_after")
    neg_before_re = lazy_pattern(regex.compile, r"(?:" + _alt(neg_before, reverse=True) + r")(?:[\s,]+\w+){0,4}\s*$", regex.IGNORECASE | regex.REVERSE)
    neg_after_re = lazy_pattern(regex.compile, r"^\s*(?:\w+\s+){0,6}?(?:" + _alt(neg_after) + r")(?!\w)", regex.IGNORECASE)
    adjacent = load_phrases("target_negative_adjacent")
    neg_adjacent_re = lazy_pattern(regex.compile, r"(?:^|[\s(])(?:" + _alt(adjacent, reverse=True) + r")\s*(?:khoảng|gần|hơn|trên)?\s*$", regex.IGNORECASE | regex.REVERSE)
    not_followed = load_phrases("unit_not_followed")
    not_followed_re = lazy_pattern(regex.compile, r"\s+(?:" + _alt(not_followed) + r")(?!\w)", regex.IGNORECASE)
    return neg_before_re, neg_after_re, neg_adjacent_re, not_followed_re


@lru_cache(maxsize=None)
def _word_number_pattern() -> regex.Pattern:
    """A number in words and the lowercase word after it ("ba công trình")."""
    first = _alt(_COUNT_WORDS_FIRST, ignorecase=False)
    nxt = _alt(_COUNT_WORDS_NEXT, ignorecase=False)
    # lowercase: after its verb a number in words is never capitalized
    return lazy_pattern(regex.compile, rf"(?<!\w)(?P<w>(?:{first})(?:\s+(?:{nxt})){{0,2}})\s+(?=\p{{Ll}})")


@lru_cache(maxsize=None)
def _activity_before() -> regex.Pattern:
    """An activity verb right before a number in words: "khánh thành ba công trình"."""
    verbs = _alt(load_list("target_activity_verbs"), reverse=True)
    return lazy_pattern(regex.compile, rf"(?:^|\s)(?:{verbs})(?:\s+(?:được|thêm|mới|tổng\s+cộng))?\s+$", regex.IGNORECASE | regex.REVERSE)


# a cheap test before the scan for numbers in words: one of their first words is there (the
# standard library's engine finds a literal alternation faster than a scan of the full pattern)
_COUNT_WORD_ANY = lazy_pattern(re.compile, " (?:" + "|".join(_COUNT_WORDS_FIRST) + ") ")
# its words: " hai " is found only in a text one of whose tokens (lang.names.tokenize) is "hai"
_COUNT_WORD_SET = frozenset(_COUNT_WORDS_FIRST)
_DIGIT = lazy_pattern(regex.compile, r"\d")  # a match of _pattern() begins with one
_SHORT_SPAN = 1000  # characters
# what every date of dates.DATE_PATTERNS holds: "tháng", or a day and a month (or a month and
# a year) with a separator between them, a month of one or two digits before "." (a span
# without one has no date: dates.find_dates is not run there; check_targets.py checks it)
_MAY_HOLD_DATE = lazy_pattern(regex.compile, r"tháng|\d\s?[/-]\s?\d|\d\s?\.\s?\d{1,2}(?!\d)", regex.IGNORECASE)
# A character no date of dates.DATE_PATTERNS holds and none of its lookaheads reads past: a
# mark of DATE_PATTERNS' text never ("; : ! ? ) quotes"), or a period before a space and a
# letter (a sentence's end; a period a date holds is a separator before a digit). The scan
# of a span's dates is the same on either side of one (no date goes across it, so each part
# is read from its start), and the lookbehinds see the text before the part's start.
_DATE_CUT = lazy_pattern(regex.compile, r'[;:!?)"“”]|\.(?= \p{L})')
_DATE_CUT_CHAR = lazy_pattern(regex.compile, r'[;:!?)"“”.]')


def _date_cuts(text: str, start: int, end: int) -> list[int]:
    """The offsets of the _DATE_CUTs of text[start:end], in order (its characters found by a
    class, the periods' lookahead tested here: a scan of the alternation is slower)."""
    out = []
    end = (end if end < len(text) else len(text))
    for m in _DATE_CUT_CHAR.finditer(text, start, end, False, False):
        x = m.start()
        if text[x] != "." or (x + 2 < end and text[x + 1] == " " and text[x + 2].isalpha()):
            out.append(x)
    return out


# _MAY_HOLD_DATE in a lower-safe text: "tháng" found in its lowercase copy, the rest of the
# pattern in the standard library's engine (there the only digits are 0-9 and the only
# whitespace the regex module's: both engines read these the same; check_targets.py)
_MAY_HOLD_DATE_DIGITS = lazy_pattern(re.compile, r"\d\s?[/-]\s?\d|\d\s?\.\s?\d{1,2}(?!\d)")


def _span_dates(text: str, start: int, end: int, lowered: str | None = None) -> list[tuple[int, int]]:
    """The spans of the dates of text[start:end] (dates.find_dates), not looked for where
    there can be none. `lowered`: the text's lowercase when it is lower-safe."""
    if not _may_hold_date(text, start, end, lowered):
        return []
    return [(d.start, d.end) for d in find_dates(text, start, end)]


def _may_hold_date(text: str, start: int, end: int, lowered: str | None = None) -> bool:
    """Whether text[start:end] may hold a date (_MAY_HOLD_DATE finds something in it)."""
    if lowered is not None:
        return lowered.find("tháng", start, end) >= 0 or _MAY_HOLD_DATE_DIGITS.search(text, start, end) is not None
    return _MAY_HOLD_DATE.search(text, start, end, False) is not None


def _in_date(text: str, s0: int, e0: int, a: int, b: int, cache: dict, lowered: str | None = None) -> bool:
    """Whether one of the dates of text[s0:e0] overlaps [a, b): the dates of the part of the
    span between the _DATE_CUT before a and the one after b, which are those of the span
    there (check_targets.py compares the two)."""
    if not _FAST:
        return _in_date_plain(text, s0, e0, a, b)
    cuts = cache.get("cuts")
    if cuts is None:  # the span's cuts, found once
        # ... unless the span may hold no date (most spans): then no part of it does (a part is
        # a window between two cuts, none of which is a digit that _MAY_HOLD_DATE's lookahead
        # would read past the window's end; check_targets.py)
        if not _may_hold_date(text, s0, e0, lowered):
            cache["cuts"] = False
            return False
        cuts = cache["cuts"] = _date_cuts(text, s0, e0)
    elif cuts is False:
        return False
    i = bisect_left(cuts, a)  # cuts[i - 1] < a <= cuts[i]
    lo = cuts[i - 1] + 1 if i else s0
    j = bisect_left(cuts, b, i)
    hi = cuts[j] if j < len(cuts) else e0
    dates = cache.get((lo, hi))
    if dates is None:
        dates = cache[(lo, hi)] = _span_dates(text, lo, hi, lowered)
    return any(ds < b and a < de for ds, de in dates)


def _in_date_plain(text: str, s0: int, e0: int, a: int, b: int) -> bool:
    return any(ds < b and a < de for ds, de in _span_dates(text, s0, e0))


def _has_count_word(text: str, start: int, end: int) -> bool:
    return _COUNT_WORD_ANY.search(text, start, end) is not None


# in a lower-safe text (lexicon.lowered_if_safe) the only characters \d matches are 0-9 (its
# ranges hold no other decimal digit: check_targets.py), which the regex module finds ~4x
# faster as a set than \d, a property it looks up for each character
_ASCII_DIGIT = lazy_pattern(regex.compile, r"[0-9]")


def _span_firsts(text: str, lowered: str | None, spans, words: bool) -> list[tuple[int, int, bool, int]]:
    """(s0, e0, has_words, first) for each span (in order of start) that holds a first word
    of a number in words (_has_count_word; looked for only when `words`) or a digit; first:
    the span's first digit, else e0. What _span_firsts_plain gives, from searches run to the
    text's end instead of the span's: the first digit (or " hai "-like word) at or after a
    span's start, found once, answers for every span that begins before it, so that the text
    is read about once instead of once per span (and the spans without either cost no call).
    A count word's occurrence ends after every one that begins before it (the space before a
    word is the one after the word before, or further on): the first one at or after s0 is in
    [s0, e0) when any is (check_targets.py compares the two)."""
    never = 1 << 62  # where the one not found is (past every span)
    digit = _ASCII_DIGIT if lowered is not None else _DIGIT
    d_at = w_at = w_end = -1
    out = []
    for s0, e0 in spans:
        has_words = False
        if words:
            if s0 > w_at:
                w = _COUNT_WORD_ANY.search(text, s0)
                w_at, w_end = (w.start(), w.end()) if w is not None else (never, never)
            has_words = w_end <= e0
        if s0 > d_at:
            d = digit.search(text, s0, None, False)
            d_at = d.start() if d is not None else never
        if d_at < e0:
            out.append((s0, e0, has_words, d_at))
        elif has_words:
            out.append((s0, e0, True, e0))
    return out


def _span_firsts_plain(text: str, lowered: str | None, spans, words: bool) -> list[tuple[int, int, bool, int]]:
    out = []
    for s0, e0 in spans:
        has_words = words and _has_count_word(text, s0, e0)
        digit = _DIGIT.search(text, s0, e0, False)
        if not has_words and digit is None:
            continue
        out.append((s0, e0, has_words, digit.start() if digit is not None else e0))
    return out


# how far after a position a match there may read: a bound on endpos keeps a match at a
# position of a 1 MB line as cheap as on a short one (the regex module's cost grows with it)
_NEAR = 200
_WORD_AND_SPACE = lazy_pattern(regex.compile, r"\S+\s+")
_SHARE_AFTER = lazy_pattern(regex.compile, rf"\s*/\s*(?P<of>{_NUM})\s*")  # "8,5 ha/10 ha": the "/10 " part


def known_noun(noun: str) -> bool:
    """Whether a counted noun is one of the lexicons' (count_nouns, target_list_nouns)."""
    low = noun.lower()
    return low in load_phrases("count_nouns") or low in load_phrases("target_list_nouns")


_QUOTE_BEFORE = lazy_pattern(regex.compile, r"[“”\"]", regex.REVERSE)


def _in_quotes(text: str, floor: int, s: int, e: int, e0: int) -> bool:
    """Whether text[s:e] sits inside a short quotation: the nearest quote mark before it opens
    one (“, or a straight quote after an even number of them in the clause) and one follows."""
    lo = floor if floor > s - 80 else s - 80
    w = text[lo:s]
    if '"' not in w and "“" not in w and "”" not in w:
        return False  # no quote mark before it (what the search below looks for)
    q = _QUOTE_BEFORE.search(text, lo, s, False)
    if q is None or not _QUOTES.search(text, e, (e0 if e0 < e + 40 else e + 40), False):
        return False
    if q.group(0) == "“":
        return True
    if q.group(0) == "”":
        return False
    return text.count('"', (floor if floor > s - 400 else s - 400), s) % 2 == 1


def _units() -> frozenset[str]:
    return load_phrases("units")


@lru_cache(maxsize=4096)
def _is_measure(unit: str) -> bool:
    """Whether a matched unit is a measurement unit (possibly after multiplier words)."""
    words = unit.lower().split()
    mult = load_phrases("unit_multipliers")
    while len(words) > 1 and words[0] in mult:
        words = words[1:]
    return " ".join(words) in _units() or (len(words) == 1 and words[0] in mult)


# Cheap tests before the cue patterns read at a window's end (_tail), most of which fail: a
# pattern built from a list's phrases (IGNORECASE) matches only a window that holds one of them
# (_phrase_search; before it, each phrase's longest word, _needles), in the lowered window when
# NOT_LOWER_SAFE finds nothing in it; a pattern that ends with a cue and some qualifier words before "\s*$" only a
# window whose lowered, stripped text ends with one of them (Python's whitespace holds every
# character of \s). None for a window not safe to lower: the pattern is then always tried.
# check_targets.py checks that no window these tests refuse is matched.
_ORDINAL_ENDS = ("thứ", "số", "hạng")  # _ORDINAL_BEFORE
_ALL_ENDS = ("cả",)  # _ALL_BEFORE
_RANK_ENDS = ("thứ", "nhóm", "top", "tốp")  # _RANK_BEFORE
_ADJACENT_QUALIFIERS = ("khoảng", "gần", "hơn", "trên")  # negative[2]
_SIZE_QUALIFIERS = ("khoảng", "gần", "hơn", "trên", "chừng", "tới")  # frame.size
_RELATION_QUALIFIERS = ("khoảng", "xuống", "lên", "gấp", "mức", "được", "chỉ", "có", "tới")  # _relation_pattern
_BEGIN_CHARS = 16  # longer than the first word of any phrase _may_begin is given


@lru_cache(maxsize=None)
def _needles(name: str) -> tuple[str, ...]:
    """The longest word of each phrase of a list, lowercased."""
    return tuple(sorted({max(p.split(), key=len) for p in load_phrases(name) if p.split()}))


@lru_cache(maxsize=None)
def _ends(name: str, qualifiers: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The last word of each phrase of a list, lowercased, and the qualifier words."""
    return tuple(sorted({p.split()[-1] for p in load_phrases(name) if p.split()} | set(qualifiers)))


def _stripped_low(window: str, safe: bool = False) -> str | None:
    """The window lowered and stripped at its end; None when it is not safe to lower. `safe`:
    the window is known to be (a part of a lower-safe text, lexicon.lowered_if_safe, or made
    from one by _squeeze and strip: every part of it is), and is not searched again."""
    if safe or NOT_LOWER_SAFE.search(window) is None:
        return window.lower().rstrip()
    return None


# the two _ends read for each number, without their arguments (a cached call with arguments
# hashes them each time)
@lru_cache(maxsize=None)
def _relation_ends() -> tuple[str, ...]:
    return _ends("target_relations", _RELATION_QUALIFIERS)


@lru_cache(maxsize=None)
def _size_ends() -> tuple[str, ...]:
    return _ends("target_size_cues", _SIZE_QUALIFIERS)


@lru_cache(maxsize=None)
def _firsts(name: str) -> tuple[str, ...]:
    """The first word of each phrase of a list, lowercased."""
    return tuple(sorted({p.split()[0] for p in load_phrases(name) if p.split()}))


@lru_cache(maxsize=None)
def _scope_firsts() -> tuple[str, ...]:
    """The words a match of _scope_pattern() that is not blank begins with."""
    return tuple(sorted(set(_firsts("target_indicator_scopes")) | {"trong", "năm", "tháng", "quý"}))


def _may_begin(window: str, firsts: tuple[str, ...], safe: bool = False) -> bool:
    """Whether the window, less the whitespace it begins with, may begin with one of `firsts`
    (lowercase words): a pattern that reads spaces, then a phrase, from its start matches
    only such a window (True when it is not safe to lower; `safe` as for _stripped_low)."""
    head = window.lstrip()[:_BEGIN_CHARS]
    return (not safe and NOT_LOWER_SAFE.search(head) is not None) or head.lower().startswith(firsts)


def _may_contain(low: str | None, name: str) -> bool:
    """Whether the lowered window holds one of the list's phrases (_phrase_search; True when
    None: not safe)."""
    return low is None or _phrase_search(name)(low) is not None


def _may_contain_plain(low: str | None, name: str) -> bool:
    return low is None or any(n in low for n in _needles(name))


def _may_end(stripped: str | None, ends: tuple[str, ...]) -> bool:
    return stripped is None or stripped.endswith(ends)


_GROUPS = ("big", "small", "v1", "v2", "of", "unit", "noun", "per")


@lru_cache(maxsize=None)
def _pattern_groups(big_branch: bool = True, range_group: bool = True) -> tuple:
    """_pattern(big_branch, range_group) and the numbers of its groups _GROUPS (None for one
    it does not have)."""
    pat = _pattern(big_branch, range_group)
    gi = pat.groupindex
    return pat, tuple(gi.get(k) for k in _GROUPS)


def _number_pattern(text: str, lowered: str | None, start: int, end: int) -> tuple:
    """_pattern_groups() for a scan of text[start:end], less what cannot match there: the
    compound amount where no "tỷ" is (the lowercase copy of a lower-safe text holds it
    wherever the pattern matches it), the range and the share where none of their marks is
    ("-", "–", "/", "đến", "tới", one of which each consumes). A match of a part begins and
    ends inside the scan's bounds, and a part that cannot match changes no other match (it
    only fails sooner): the same matches (check_targets.py)."""
    if lowered is None or not _FAST:
        return _pattern_groups()
    big = lowered.find("tỷ", start, end) >= 0
    ranged = (text.find("-", start, end) >= 0 or text.find("/", start, end) >= 0 or text.find("–", start, end) >= 0
              or lowered.find("đến", start, end) >= 0 or lowered.find("tới", start, end) >= 0)
    return _pattern_groups(big, ranged)


def _candidates(doc: Document) -> Iterator[Target]:
    if doc.layout == "formal" and _is_normative(doc):
        return
    text = doc.text
    neg_before_re, neg_after_re, neg_adjacent_re, not_followed_re = _negative_patterns()
    fp = _frame_patterns()
    mult = load_phrases("unit_multipliers")
    not_noun_re = fp["not_noun"]
    known_noun_re = _noun_patterns()[0]
    seen: set[tuple[int, int]] = set()
    cuts: list[int] | None = None  # _doc_cuts(doc), read once when first needed
    # " hai " in the text is a token "hai" (the document's tokens, made once for people): the
    # text is searched for a number in words only where one of the words is a token
    doc_words = not _COUNT_WORD_SET.isdisjoint(doc_tokens(doc).text)
    # a lower-safe text (the extractors' lowercase copy is made once, lexicon.lowered_if_safe):
    # no window of it is searched for NOT_LOWER_SAFE's characters again (see _stripped_low)
    lowered = lowered_if_safe(text)
    safe = lowered is not None
    # the cheap tests' word lists, read once per document
    neg_cues, neg_after = _phrase_search("target_negative_cues"), _phrase_search("target_negative_after")
    adjacent_ends = _ends("target_negative_adjacent", _ADJACENT_QUALIFIERS)
    not_followed_firsts = _firsts("unit_not_followed")
    # the spans with a number in digits or in words (nothing below is read in the others)
    for s0, e0, has_words, first in _span_firsts(text, lowered, _scan_spans(doc), doc_words):
        # the scan begins at the span's first digit, where a match can first begin (the
        # lookbehinds read the text before it alike): the stretch before it is not read twice
        # (check_targets.py compares the two scans)
        # the number pattern, less the parts that cannot match in this span (_number_pattern),
        # and its groups by number: a group read by name costs the regex module a failed
        # conversion of the name to an index first (an exception made and dropped), ten times
        # the cost of the read (check_targets.py compares the two); None: not in this pattern
        pat, (g_big, g_small, g_v1, g_v2, g_of, g_unit, g_noun, g_per) = _number_pattern(text, lowered, first, e0)
        # a paragraph of a few hundred characters is scanned without the time limit (its checks
        # of the clock cost a fifth of the scan; no pattern here takes long over a short span)
        found = list(pat.finditer(text, first, e0, False, False)) if e0 - s0 <= _SHORT_SPAN else \
            matches(pat, text, first, e0, budget.limit(e0 - s0))
        words_found = [w for w in matches(_word_number_pattern(), text, s0, e0)
                       if _tail(_activity_before(), text, (s0 if s0 > w.start() - 40 else w.start() - 40), w.start())
                       ] if has_words else []
        date_cache: dict[tuple[int, int], list[tuple[int, int]]] = {}

        def in_date(a: int, b: int) -> bool:
            return _in_date(text, s0, e0, a, b, date_cache, lowered)
        consumed = s0  # the end of the last quantity read ("8,5 ha/10 ha" is one)
        # numbers in digits and in words, in the order of the text; each target is yielded as
        # it is read, so that find_targets stops reading once it has enough
        # (with no number in words, the scan's own order: its matches do not overlap)
        events = sorted([(m.start(), 0, m) for m in found] + [(w.start(), 1, w) for w in words_found],
                        key=lambda x: (x[0], x[1])) if words_found else [(0, 0, m) for m in found]
        for _, is_words, m in events:
            if is_words:
                t = _word_target(doc, m, e0)
                if t is not None and (t.evidence.start, t.evidence.end) not in seen:
                    seen.add((t.evidence.start, t.evidence.end))
                    yield t
                continue
            s, e = m.span()
            if s < consumed or (s, e) in seen:
                continue
            seen.add((s, e))
            # the start of the line, looked for no further back than any context is read
            lo = (s0 if s0 > s - 2 * MAX_CLAUSE_CHARS else s - 2 * MAX_CLAUSE_CHARS)
            floor = text.rfind("\n", lo, s) + 1 or lo  # after the last line break, as _LINE_BREAK finds it
            of = None
            vmax = None
            if g_big and m[g_big]:
                value = (parse_number(m[g_big]) or 0) + int(m[g_small]) / 1000
                unit = "tỷ đồng"
                measure = True
            else:
                raw_unit = m[g_unit].strip()
                measure = _is_measure(raw_unit) and (not m[g_noun] or raw_unit.lower() in mult)
                if not measure:  # a counted noun: most are no count, found before the numbers are read
                    at = m.start(g_unit)
                    near = e0 if e0 < at + _NEAR else at + _NEAR
                    prefix = ""
                    # (the unit's first word, read only for an open noun: the only test of it)
                    if (m[g_noun] and text[at:m.end(g_unit)].split()[0].lower() in mult
                            and len(m[g_noun].split()) > 1):
                        rest = _WORD_AND_SPACE.match(text, at, near, False)
                        prefix = text[at:rest.end()]
                        at = rest.end()
                        near = e0 if e0 < at + _NEAR else at + _NEAR
                    if safe and not prefix and m[g_noun]:
                        # the open noun of a lower-safe text: _noun_at's cheap answer
                        nn, kn = _noun_at(text, at, near, lowered[at:m.end(g_noun)])
                    else:
                        nn = not_noun_re.match(text, at, near, False)
                        kn = known_noun_re.match(text, at, near, False)
                    if nn and not (kn and kn.end() > nn.end()):
                        continue
                    read = _counted_noun(text, at, near, kn, lowered)
                    if read is None:
                        continue
                    noun, noun_end = read
                    if _is_year(m[g_v1]) and not known_noun(noun):
                        continue  # "năm 2016 tổ chức ...": a year is never a count
                    if m[g_per] and noun_end <= m.end(g_unit):
                        unit = _squeeze((prefix + noun + m[g_per]).strip())
                        noun_end = m.end()
                    else:
                        unit = _squeeze((prefix + noun).strip())
                    e = noun_end
                value = _value(m[g_v1])
                if value is None:
                    continue
                vmax = _value(m[g_v2]) if g_v2 and m[g_v2] else None
                of = _value(m[g_of]) if g_of and m[g_of] else None
                if vmax is not None and vmax <= value:
                    vmax = None
                if measure:
                    unit = _squeeze((m[g_unit] + (m[g_per] or "")).strip())
                    if (raw_unit.lower() == "lần" and value == int(value)
                            and not _tail(_MULTIPLE_BEFORE, text[(floor if floor > s - 20 else s - 20):s])):  # left[-20:] (left: below)
                        continue  # "lần" measures a multiple ("gấp 1,5 lần", "tăng 215,4 lần"), not a count of times
                    # a share of two measures: "8,5 ha/10 ha"
                    sh = _SHARE_AFTER.match(text, e, (e0 if e0 < e + _NEAR else e + _NEAR), False)
                    if (sh and of is None and not m[g_per]
                            and text[sh.end():sh.end() + len(raw_unit)].lower() == raw_unit.lower()
                            and not text[sh.end() + len(raw_unit):sh.end() + len(raw_unit) + 1].isalnum()):
                        of = _value(sh["of"])
                        e = sh.end() + len(raw_unit)
            # the 60 characters before the number in its line (read only once it is no rejected noun)
            left = text[(floor if floor > s - 60 else s - 60):s]
            # "đạt 12, 18 tiêu chí": a bare number before this one shares its unit and frame
            lo8 = floor if floor > s - 8 else s - 8
            lst = _tail(_LIST_NUMBER_BEFORE, text, lo8, s) \
                if text[lo8:s].rstrip().endswith(",") else None  # which it ends with
            if lst and _tail(fp["not_noun_before"], text, (floor if floor > lst.start() - 16 else lst.start() - 16), lst.start()):
                lst = None
            head = lst.start() if lst else s
            rel, rel_start = _relation(text, head, floor, lowered)
            # a count is read by its frame first: most numbers before a word are no result
            if not measure and not _count_is_result(text, floor, head, e, e0, rel, of, lowered,
                                                          cuts if cuts is not None else (cuts := _doc_cuts(doc))):
                continue
            if lst:
                if in_date(lst.start(), s):
                    continue
                left = text[(floor if floor > head - 60 else head - 60):head]
            # the cheap tests first (see _needles; _may_contain and _may_end inlined)
            # (in a lower-safe text the lowercase copy's slice: left is text[max(floor, head - 60):head])
            low_left = lowered[(floor if floor > head - 60 else head - 60):head].rstrip() if safe else _stripped_low(left)
            if (((low_left is None or neg_cues(low_left) is not None) and _tail(neg_before_re, left))
                    or ((low_left is None or low_left.endswith(adjacent_ends)) and _tail(neg_adjacent_re, left))):
                continue
            if (m[g_v1] and _is_year(m[g_v1]) and _tail(_YEAR_BEFORE, left)) or (
                    (low_left is None or low_left.endswith(_ORDINAL_ENDS))
                    and _tail(_ORDINAL_BEFORE, left) and not _tail(_RANK_BEFORE, left)):
                continue  # "năm 2020 ...", "thứ 2": a year or an ordinal
            after = text[e:(e0 if e0 < e + 60 else e + 60)]
            if _may_begin(after, not_followed_firsts, safe) and not_followed_re.match(after, None, None, False):  # 60 characters
                continue
            if _in_quotes(text, floor, s, e, e0):
                continue  # inside a quoted name: the campaign “5 không, 3 sạch”
            if measure:
                if not _measure_is_result(text, floor, head, e, e0, unit, rel, lowered,
                                          cuts if cuts is not None else (cuts := _doc_cuts(doc))):
                    continue
                noun = None
            else:
                if (low_left is None or low_left.endswith(_ALL_ENDS)) and _tail(_ALL_BEFORE, left):
                    continue
                if _SO_AFTER.match(after, None, None, False):
                    continue  # "1 Công văn số ...": a document, not a count
                low_after = lowered[e:(e0 if e0 < e + 60 else e + 60)].rstrip() if safe else _stripped_low(after)
                if (low_after is None or neg_after(low_after) is not None) and neg_after_re.match(after, None, None, False):
                    # it begins with "^": search would try only here
                    continue
                if _NAME_AFTER.match(after, None, None, False) and not _WORDS_AFTER.match(after, None, None, False):
                    continue  # "2 xã Đắk Nia": a count naming places, not a result
                noun = unit if not m[g_per] else None
            if in_date(s, e):
                continue
            consumed = e
            ev_start = rel_start if rel else head
            if lst:
                first_v = _value(lst["n"])
                if first_v is not None:
                    yield Target(
                        indicator=_indicator(text, ev_start, floor, (e, e0), noun, safe),
                        value=first_v, unit=unit, relation=rel.lower() if rel else None,
                        text=text[ev_start:e], evidence=Evidence.of(text, ev_start, e),
                    )
            yield Target(
                indicator=_indicator(text, ev_start, floor, (e, e0), noun, safe),
                value=value,
                value_max=vmax,
                unit=unit,
                relation=rel.lower() if rel else None,
                of=of,
                text=text[ev_start:e],
                evidence=Evidence.of(text, ev_start, e),
            )


def _word_target(doc: Document, w: regex.Match, e0: int) -> Target | None:
    """A count written in words after an activity verb: "khánh thành ba công trình"."""
    text = doc.text
    fp = _frame_patterns()
    run = w["w"].split()
    value = None
    while run:
        value = words_to_number(" ".join(run))
        if value is not None:
            break
        run.pop()
    if value is None or not run:
        return None
    s = w.start("w")
    at = w.end()
    if fp["not_noun"].match(text, at, (e0 if e0 < at + _NEAR else at + _NEAR), False):
        return None
    read = _counted_noun(text, at, (e0 if e0 < at + _NEAR else at + _NEAR))
    if read is None:
        return None
    noun, e = read
    floor = _line_start(text, s)
    if fp["award"].search(_sentence_left(text, floor, s)[-80:], timeout=1.0):
        return None
    unit = _squeeze(noun)
    return Target(
        indicator=_indicator(text, s, floor, (e, e0), unit),
        value=value, unit=unit, text=text[s:e], evidence=Evidence.of(text, s, e),
    )


def _line_start(text: str, pos: int) -> int:
    """The start of the line that holds pos."""
    lo = 0 if pos < 400 else pos - 400
    nl = text.rfind("\n", lo, pos)
    return nl + 1 if nl >= 0 else lo
