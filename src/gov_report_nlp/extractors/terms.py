"""Term records: terms of office and plan periods written with years.

"nhiệm kỳ 2020-2025", "giai đoạn 2021-2025", "5 năm 2021-2025", "(2016 - 2018)": one
record per distinct start-end pair, with the body and the ordinal the text first ties
to it ("Đại hội Đảng bộ huyện lần thứ XII, nhiệm kỳ 2020-2025" gives body "Đại hội
Đảng bộ huyện", ordinal 12). Year spans of crop seasons and school years
(data/vi/term_not_before.txt: "vụ thu đông năm 2017-2018") are not terms.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from ..budget import matches, matches_at_bounded
from ..doc.document import Document
from ..lexicon import GroupNumbers, lazy_pattern, load_list
from ..lang.numbers import parse_ordinal
from ..records import Evidence, Term

YEAR_SPAN = lazy_pattern(regex.compile,
    r"""
    (?<![\d/.,-])
    (?P<y1>(?:19|20)\d\d)          # 2020
    \s*[-–—]\s*                    # -
    (?P<y2>(?:19|20)\d\d)          # 2025
    (?![\d/])
    """,
    regex.VERBOSE,
)

# the words that introduce the span, kept in the evidence
CUE = lazy_pattern(regex.compile, r"(?:nhiệm\s+kỳ|giai\s+đoạn|\d+\s+năm|năm|thời\s+kỳ)\s*\(?\s*$", regex.IGNORECASE)

# body and ordinal before the cue: "<body> lần thứ XII," / "<body> khóa IV," / "<body>"
ORDINAL = lazy_pattern(regex.compile,
    r"""
    (?:\s+lần\s+thứ\s+(?P<ord>[IVXLC]+|\d+)
     | \s+khóa\s+(?P<khoa>[IVXLC]+|\d+))
    \s*,?\s*$
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# group numbers: a match's group read by name costs ~10x one by number
_YEAR_SPAN_G, _ORDINAL_G = GroupNumbers(YEAR_SPAN), GroupNumbers(ORDINAL)


@lru_cache(maxsize=None)
def _excluded_pattern() -> regex.Pattern:
    words = "|".join(regex.escape(w) for w in sorted(load_list("term_not_before"), key=len, reverse=True))
    return lazy_pattern(regex.compile, rf"(?<!\w)(?:{words})(?:\s+\S+){{0,3}}\s*$")


def _tail(left: str, n: int) -> str:
    """The last words of `left` within n characters (cut at a space, never inside a word)."""
    if len(left) <= n:
        return left
    space = left.find(" ", len(left) - n)
    return left[space + 1:] if space >= 0 else ""


def _excluded(left: str) -> bool:
    # no regex clock: `left` is at most 160 characters (_tail) and the pattern's one repeat
    # reads three words: no try can run away
    return _excluded_pattern().search(left.lower(), None, None, False) is not None


# how far back from a year span its cue, body and exclusion words are looked for: a body
# has at most MAX_BODY_WORDS words, an exclusion word comes within three words of the span.
# A line without breaks (a text that lost them, a machine-made one) is never read whole
# for each span: that was quadratic (a 100 KB line of spans took 44 s)
LOOK_BACK = 600


@lru_cache(maxsize=None)
def _head_pattern() -> regex.Pattern:
    """A head word of a body (data/vi/term_body_heads.txt), never inside a word and never
    the start of a word in term_body_not_heads.txt ("Hội nghị", "ban hành")."""
    heads = load_list("term_body_heads")
    loose = [h for h in heads if not h[:1].isupper()]
    strict = [h for h in heads if h[:1].isupper()]
    nots = "|".join(regex.escape(w) for w in load_list("term_body_not_heads"))
    alts = []
    if loose:
        alts.append("(?i:" + "|".join(regex.escape(h) for h in loose) + ")")
    if strict:
        alts.append("(?:" + "|".join(regex.escape(h) for h in strict) + ")")
    return lazy_pattern(regex.compile, rf"(?<!\w)(?!(?i:{nots})(?!\w))(?:{'|'.join(alts)})(?!\w)")


@lru_cache(maxsize=None)
def _drop_pattern() -> regex.Pattern:
    verbs = "|".join(regex.escape(w) for w in load_list("term_body_drop_words"))
    return lazy_pattern(regex.compile, rf"(?<=\s(?i:và)\s)(?i:{verbs})\s+(?={_head_pattern().pattern})")


@lru_cache(maxsize=None)
def _break_pattern() -> regex.Pattern:
    verbs = "|".join(regex.escape(w) for w in load_list("term_body_breaks"))
    return lazy_pattern(regex.compile, rf"(?<!\w)(?:{verbs})(?!\w)", regex.IGNORECASE)


MAX_BODY_WORDS = 14
# precompiled: a module-level regex.sub or regex.match costs more in its cache lookup than in its match
_DASH_GAP = lazy_pattern(regex.compile, r"\s*[-–]\s+|\s+[-–]\s*")
_SPACES = lazy_pattern(regex.compile, r"\s+")
_DURATION = lazy_pattern(regex.compile, r"\d+\s+năm")


def _body(text: str, floor: int, pos: int) -> tuple[str | None, int | None]:
    """The body named right before the cue at pos, and its ordinal, within the clause.

    The body is the noun phrase from the first head word of the clause up to the cue
    ("... chuẩn bị tốt đại hội đảng bộ cơ sở nhiệm kỳ" gives "đại hội đảng bộ cơ sở");
    a clause with no head word names no body (null, never a fragment)."""
    left = text[floor:pos].rstrip(" ,(")
    ordinal = None
    # no regex clock in _body: `left` is at most LOOK_BACK characters and every pattern here
    # reads a few words per try (whitespace runs are short in normalized text)
    m = ORDINAL.search(left, None, None, False)
    if m:
        if m[_ORDINAL_G.ord]:
            ordinal = parse_ordinal(m[_ORDINAL_G.ord])
            left = left[: m.start()]
        # "HĐND huyện khóa IV": the khóa stays in the body and gives no ordinal when
        # another khóa shares the years ("HĐND tỉnh khóa III và HĐND huyện khóa IV")
    cut = max(left.rfind(c) for c in ",;:.\n“”\"")
    clause = left[cut + 1:]
    for h in _head_pattern().finditer(clause, None, None, False, False):
        body = clause[h.start():]
        body = _drop_pattern().sub("", body, 0, None, None, False)
        body = _DASH_GAP.sub(" ", body, 0, None, None, False)  # "kinh tế xã- hội"
        body = _SPACES.sub(" ", body, 0, None, None, False).strip(" -–(")
        if body and len(body.split()) <= MAX_BODY_WORDS and not _break_pattern().search(body, None, None, False):
            return body, ordinal
    return None, ordinal


def _year_spans_plain(text: str) -> list[regex.Match]:
    return matches(YEAR_SPAN, text)


def _year_spans(text: str) -> list[regex.Match]:
    """matches(YEAR_SPAN, text), the pattern tried only where "19" or "20" begins with a
    dash after the whitespace three characters after it (a year span begins with its first
    year, then `\\s*[-–—]`: str.isspace holds for every character \\s matches). Each try reads a year, a
    dash, another year and the whitespace runs around the dash once (no run is read by two
    tries): none can run away, the clock is read between them. benchmarks/check_terms.py
    compares it with the scan."""
    starts = []
    n = len(text)
    for head in ("19", "20"):
        k = text.find(head)
        while k >= 0:
            j = k + 4
            # the dash after the whitespace: a whitespace run is skipped here for the starts
            # in the four characters before it only (a start's "19" or "20" is no space)
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] in "-–—":
                starts.append(k)
            k = text.find(head, k + 1)
    starts.sort()
    return matches_at_bounded(YEAR_SPAN, text, starts)


def find_terms(doc: Document) -> Iterator[Term]:
    text = doc.text
    seen: set[tuple[int, int]] = set()
    for m in _year_spans(text):
        y1, y2 = int(m[_YEAR_SPAN_G.y1]), int(m[_YEAR_SPAN_G.y2])
        if not 0 < y2 - y1 <= 15 or (y1, y2) in seen:
            continue
        line_start = text.rfind("\n", max(0, m.start() - LOOK_BACK), m.start()) + 1
        if line_start == 0 and m.start() > LOOK_BACK:
            # no break within reach: start the window at a word boundary LOOK_BACK back
            floor = m.start() - LOOK_BACK
            space = text.find(" ", floor, m.start())
            line_start = space + 1 if space >= 0 else m.start()
        left = text[line_start:m.start()]
        if _excluded(_tail(left, 160)):
            continue
        near = _tail(left, 60)  # a cue ends the left side: its few words are enough
        cue = CUE.search(near, None, None, False)  # no regex clock: `near` is at most 60 characters
        paren = left.rstrip().endswith("(")
        if not cue and not paren:
            continue
        seen.add((y1, y2))
        start = m.start() - len(near) + cue.start() if cue else m.start()
        body, ordinal = _body(text, line_start, start) if cue else (None, None)
        dur = _DURATION.match(cue.group(0), None, None, False) if cue else None
        if dur:
            # "kế hoạch ... 5 năm 2021-2025": the duration belongs to the body
            body, ordinal = _body(text, line_start, start + dur.end())
        yield Term(
            body=body,
            ordinal=ordinal,
            start=y1,
            end=y2,
            evidence=Evidence.of(text, start, m.end()),
        )
