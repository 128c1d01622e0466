"""Reporting periods: stretches of time with a start and an end, at month or year precision.

"6 tháng đầu năm 2020" 2020-01..2020-06, "6 tháng cuối năm" (year from default_year),
"9 tháng" 01..09, "quý I/2024" 2024-01..2024-03, "quý II năm 2024", "năm 2020",
"giai đoạn 2021-2025", "5 năm 2021-2025", "nhiệm kỳ 2020-2025". A period never
gets a day; a missing year stays None unless a default year is given.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..budget import matches, matches_at_unclocked
from ..lexicon import NOT_LOWER_SAFE, lazy_pattern, lowered_if_safe, word_offsets
from .numbers import parse_number, roman_to_int


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    text: str
    year_from: int | None
    month_from: int | None
    year_to: int | None
    month_to: int | None
    kind: str  # months | quarter | year | span

    def iso(self) -> tuple[str | None, str | None]:
        def one(y, m):
            if y is None:
                return None if m is None else f"--{m:02d}"
            return f"{y:04d}" if m is None else f"{y:04d}-{m:02d}"

        return one(self.year_from, self.month_from), one(self.year_to, self.month_to)


_YEAR = r"(?:19|20)\d\d"
_COUNT = r"\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười một|mười hai"

PERIOD_RE = lazy_pattern(regex.compile,
    rf"""
    (?<![\w/.-])
    (?:
      # 6 tháng đầu năm 2020, 06 tháng cuối năm, 9 tháng năm 2019, 9 tháng
      (?P<n>{_COUNT})\s+tháng(?:\s+(?P<side>đầu|cuối))?
        (?:\s+năm(?:\s+(?P<y1>{_YEAR}))?)?
    | # quý I/2024, quý II năm 2024, quý 3
      quý\s+(?P<q>IV|I{{1,3}}|[1-4])(?:\s*(?:/|năm)\s*(?P<y2>{_YEAR}))?
    | # giai đoạn 2021-2025, nhiệm kỳ 2020-2025, 5 năm 2021-2025
      (?:(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|\d+\s+năm)\s+)
        (?P<a>{_YEAR})\s*[-–—]\s*(?P<b>{_YEAR})
    | # năm 2020
      năm\s+(?P<y3>{_YEAR})
    )
    (?![\d/])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


_KEY_WORDS = ("tháng", "quý", "năm", "đoạn", "kỳ")  # every period has one of them
_YEAR_WORD = lazy_pattern(regex.compile, r"năm", regex.IGNORECASE)
_DURATION_BEFORE = lazy_pattern(regex.compile, r"(?:^|\s)(?:trong|sau|mất|kéo\s+dài|thời\s+hạn|hơn|gần|khoảng|đủ|tối\s+đa|ít\s+nhất)\s+$", regex.IGNORECASE)


# find_periods skips the scan of a text with no key word, or with a key word ("năm") but none of
# "tháng", "quý" or a year; False: it scans every text (benchmarks/check_targets.py compares the
# two). The lowered text shows "tháng" wherever PERIOD_RE sees it when the text is of
# NOT_LOWER_SAFE's characters; in a lower-safe text (lexicon.lowered_if_safe: the extractors'
# copy of the document's lowercase, made once) the window's lowercase is that copy's slice.
SHORTCUT = True


def find_periods(text: str, start: int = 0, end: int | None = None, default_year: int | None = None) -> list[Period]:
    """Every period in text[start:end], in order, with spans into `text`."""
    end = len(text) if end is None else end
    out: list[Period] = []
    if not SHORTCUT:
        return _read(text, start, end, default_year, out)
    lowered = lowered_if_safe(text)  # the document's copy, which the extractors made already
    # the window's lowercase: in a lower-safe text the copy's slice (NOT_LOWER_SAFE finds
    # nothing in any part of it), else the window lowered
    low = lowered[start:end] if lowered is not None else text[start:end].lower()
    for w in _KEY_WORDS:  # (a loop, not any(): its generator costs more than the tests)
        if w in low:
            break
    else:
        return out  # no word a period is written with: skip the scan
    if ("tháng" not in low and "quý" not in low and "19" not in low and "20" not in low
            and (lowered is not None or NOT_LOWER_SAFE.search(text, start, end) is None)):
        return out  # every period holds "tháng", "quý" or a year (19xx, 20xx): none here either
    return _read(text, start, end, default_year, out, lowered)


def find_periods_plain(text: str, start: int = 0, end: int | None = None, default_year: int | None = None) -> list[Period]:
    """find_periods without its shortcuts: the scan of every text (benchmarks/check_targets.py)."""
    end = len(text) if end is None else end
    return _read(text, start, end, default_year, [])


# a window up to this long is scanned without the time limit: PERIOD_RE's tries are bounded by
# the window, and none reads far (a count, a few words and a year)
_SHORT = 1000


@lru_cache(maxsize=None)
def _groups() -> tuple[int, ...]:
    """PERIOD_RE's groups n, side, y1, q, y2, a, b, y3, by number."""
    gi = PERIOD_RE.groupindex
    return tuple(gi[k] for k in ("n", "side", "y1", "q", "y2", "a", "b", "y3"))


_NO_START = lazy_pattern(regex.compile, r"[\w/.-]")  # what PERIOD_RE's lookbehind refuses before a match
_NO_START_CHARS: dict[str, bool] = {}  # character -> whether _NO_START matches it (a per-character memo)


def _let_begin(text: str, offsets: list[int]) -> list[int]:
    """The offsets (ascending) before which the character is none PERIOD_RE's lookbehind
    refuses."""
    no_start = _NO_START_CHARS
    starts = []
    for p in offsets:
        if p:
            c = text[p - 1]
            refused = no_start.get(c)
            if refused is None:
                refused = no_start[c] = _NO_START.match(c) is not None
            if refused:
                continue
        starts.append(p)
    return starts


# The words a period holds after its first one, and the ones it may begin with: every match of
# PERIOD_RE begins with "quý", "năm", "giai", "nhiệm" or "thời", or with a count (digits, or a
# number word of _COUNT, whose "mười một" is "mườimột" in the VERBOSE pattern) before a run of
# whitespace and "tháng" or "năm".
_KEYS = ("tháng", "năm", "quý", "giai", "nhiệm", "thời")
_COUNT_WORDS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mườimột", "mườihai")
_ASCII_DIGITS = frozenset("0123456789")


def _key_starts(start: int, end: int, lowered: str) -> list[int]:
    """Where a match of PERIOD_RE may begin in [start, end) of a lower-safe text (`lowered`,
    its lowercase copy: the pattern's words are found in it as written, the only digits the
    pattern's \\d matches there are 0-9, and its \\s matches what str.isspace finds): each
    "quý", "năm", "giai", "nhiệm", "thời", and the digits or number word that end before the
    whitespace before each "tháng" and "năm", ascending (check_targets.py)."""
    out = []
    for k in word_offsets(lowered, _KEYS, start, end):
        if lowered.startswith("tháng", k):
            pass  # (no match begins with it)
        else:
            out.append(k)
            if not lowered.startswith("năm", k):
                continue
        j = k  # the count before: the whitespace before the word first
        while j > start and lowered[j - 1].isspace():
            j -= 1
        if j == k or j == start:
            continue
        if lowered[j - 1] in _ASCII_DIGITS:
            i = j - 1
            while i > start and lowered[i - 1] in _ASCII_DIGITS:
                i -= 1
            out.append(i)
        else:
            for w in _COUNT_WORDS:
                if j - len(w) >= start and lowered.startswith(w, j - len(w)):
                    out.append(j - len(w))
    return sorted(set(out))


def _scan_at_keys(text: str, start: int, end: int, lowered: str) -> list:
    """What PERIOD_RE.finditer(text, start, end) finds, in a lower-safe text: the pattern tried
    only where _key_starts says a match may begin and the character before is none the
    lookbehind refuses, about one try per period word. Every match begins at such a place,
    and the pattern never matches the empty string: tried in order from the end of the last
    match, the first try that matches is the match finditer finds next. The scan would try
    the pattern at every letter a match may begin with, most letters of a Vietnamese text
    (check_targets.py compares the two)."""
    starts = _let_begin(text, _key_starts(start, end, lowered))
    # a window of at most _SHORT characters: no try can run away (_read)
    return matches_at_unclocked(PERIOD_RE, text, starts, start, end)


def _read(text: str, start: int, end: int, default_year: int | None, out: list[Period],
          lowered: str | None = None) -> list[Period]:
    """The periods of text[start:end], appended to out. `lowered`: the text's lowercase copy
    when it is lower-safe (lexicon.lowered_if_safe), for the scan at the words a period begins
    with (_scan_at_keys)."""
    # the groups by number: a read by name costs the regex module a failed int conversion first
    g_n, g_side, g_y1, g_q, g_y2, g_a, g_b, g_y3 = _groups()
    if end - start > _SHORT:
        found = matches(PERIOD_RE, text, start, end)
    elif lowered is not None:
        found = _scan_at_keys(text, start, end, lowered)
    else:
        found = PERIOD_RE.finditer(text, start, end, False, False)
    for m in found:
        s, e = m.span()
        if m[g_n]:
            anchored = m[g_side] or _YEAR_WORD.search(m.group(0), None, None, False)
            if not anchored and _DURATION_BEFORE.search(text, max(start, s - 20), s, False, False, 1.0):
                continue  # "trong 3 tháng", "sau 6 tháng": a duration, not a period
            n = parse_number(m[g_n])
            if n is None or not 1 <= n <= 12 or n != int(n):
                continue
            n = int(n)
            y = int(m[g_y1]) if m[g_y1] else default_year
            if m[g_side] == "cuối":
                mf, mt = 13 - n, 12
            else:
                mf, mt = 1, n
            out.append(Period(s, e, text[s:e], y, mf, y, mt, "months"))
        elif m[g_q]:
            q = roman_to_int(m[g_q].upper()) if not m[g_q].isdigit() else int(m[g_q])
            y = int(m[g_y2]) if m[g_y2] else default_year
            out.append(Period(s, e, text[s:e], y, 3 * q - 2, y, 3 * q, "quarter"))
        elif m[g_a]:
            a, b = int(m[g_a]), int(m[g_b])
            if b <= a:
                continue
            out.append(Period(s, e, text[s:e], a, None, b, None, "span"))
        else:
            y = int(m[g_y3])
            out.append(Period(s, e, text[s:e], y, None, y, None, "year"))
    return out
