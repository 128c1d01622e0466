"""Dates and times of the genre, with their spans and the precision the text gives.

Shared layer: extractors call `find_dates(text, start, end, default_year=...)` and read
DateValue records; none of them parses a date on its own. No day or month is ever
invented: "tháng 6/2020" is 2020-06, "(23/11)" without a year is --11-23 unless a
default year is given.
"""
from __future__ import annotations

import calendar
import operator
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterator

import regex

from ..budget import PatternTimeout, limit, matches_at, matches_at_unclocked, matches_from
from ..lexicon import GroupNumbers, lazy_pattern, lowered_if_safe

if TYPE_CHECKING:  # pragma: no cover
    from ..doc.document import Document

PARTS_OF_DAY = ("sáng", "trưa", "chiều", "tối", "đêm")


@dataclass(frozen=True)
class DateValue:
    """A calendar date or date-time with the parts the text gives (others None)."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    part_of_day: str | None = None

    @property
    def precision(self) -> str:
        if self.minute is not None:
            return "minute"
        if self.hour is not None:
            return "hour"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str | None:
        """ISO 8601 with the precision it has: 2020-07-29T16:30, 2020-07, 2020, --07-28."""
        if self.year is None:
            if self.month is None or self.day is None:
                return None
            return f"--{self.month:02d}-{self.day:02d}"
        out = f"{self.year:04d}"
        if self.month is None:
            return out
        out += f"-{self.month:02d}"
        if self.day is None:
            return out
        out += f"-{self.day:02d}"
        if self.hour is not None:
            out += f"T{self.hour:02d}:{(self.minute or 0):02d}"
        return out

    def with_year(self, year: int | None) -> "DateValue":
        if self.year is not None or year is None or self.month is None:
            return self
        return replace(self, year=year)


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None and not 1 <= d <= 31:
        return False
    if y is not None and not 1900 <= y <= 2100:
        return False
    if m is not None and d is not None and d > 28:
        # no 31/2: a day past the month's end is not a date (29/2 allowed when the year is unknown)
        last = calendar.monthrange(y if y is not None else 2000, m)[1]
        if d > last:
            return False
    return True


def _int(s: str | None) -> int | None:
    return int(s) if s else None


_TIME = r"(?P<hh>[01]?\d|2[0-3])\s*(?::|h|giờ)\s*(?P<mi>[0-5]\d)?(?:\s*(?::\s*[0-5]\d|phút))?(?:\s*(?P<ampm>AM|PM|SA|CH))?"
# a part of the day, then what may stand between it and the day: "sáng nay (27/5)", "chiều
# thứ Ba (12/3)", "sáng mùng 3/2"
_WEEKDAY = r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật"
_POD_LINK = rf"(?:\s+|\s*,\s*)(?:ngày|nay|hôm\s+nay|hôm\s+qua|qua|m[ùồ]ng|{_WEEKDAY})"
_POD = rf"(?:(?P<pod>sáng|trưa|chiều|tối|đêm)(?:{_POD_LINK}(?:{_POD_LINK})?(?:\s*,)?)?\s*\(?\s*)"
# "sáng thứ Hai, ngày 11/3", "chiều hôm qua (11/3)"
# the cues before a day and month without a year (a part of the day before it is one too)
_DAY_CUE = (r"(?:(?<=\bngày\s)|(?<=\bngày\s\s)|(?<=\()|(?<=\bvào\s)|(?<=\bhôm\s)|(?<=\bhôm\s(?:nay|qua)\s)|(?<=\bm[ùồ]ng\s)"
            r"|(?<=\b(?:sáng|trưa|chiều|tối|đêm)\s)|(?<=\b(?:sáng|trưa|chiều|tối|đêm)\s\()|(?<=ngày\s\())")
# the other days of a span after its first ("7 và 8", "7 đến ngày 9", "mùng 7 và mùng 8")
_MORE_DAY = r"\s*(?:,|và|-|–|đến|tới)\s*(?:(?:ngày|m[ùồ]ng)\s+)?\d{1,2}"
_MORE_DAYS = rf"(?:{_MORE_DAY}){{0,3}}"
# a lunar date ("mùng 10/3 âm lịch") is no calendar date
_NOT_LUNAR = r"(?!\s*(?:\(\s*)?(?:âm\s+lịch|ÂL)\b)"

DATE_PATTERNS = lazy_pattern(regex.compile,
    rf"""
    (?:{_POD})?
    (?:
      # ngày 20 tháng 6 năm 2020 (day and year may be left blank in a template); a dateline's
      # "Gia Nghĩa, 12 tháng 3 năm 2024" without its "ngày"
      (?:ngày\s+(?:(?P<d1>\d{{1,2}}){_MORE_DAYS})?\s*|(?:(?<=,\s{{0,3}})|(?<=^)|(?<=\n))(?P<d1b>\d{{1,2}})\s+)tháng\s+(?P<m1>\d{{1,2}})\s+năm\s+(?P<y1>\d{{4}})
    | # ngày 12 tháng 3 (no year), ngày 7 và 8 tháng 8
      ngày\s+(?P<d6>\d{{1,2}}){_MORE_DAYS}\s+tháng\s+(?P<m6>\d{{1,2}})(?!\d|\s*(?:năm|[/.-])\s*\d){_NOT_LUNAR}
    | # 28/7/2020, 20-6-2020, 14.5.2011
      (?:ngày\s+)?(?P<d2>\d{{1,2}})\s?(?P<sep>[/.-])\s?(?P<m2>\d{{1,2}})\s?(?P=sep)\s?(?P<y2>\d{{4}})(?!\d)
    | # tháng 6/2020, tháng 6 năm 2020
      tháng\s+(?P<m3>\d{{1,2}})\s*(?:/|-|năm\s+)\s*(?P<y3>\d{{4}})(?!\d)
    | # a span of days, read as its first: ngày 7 và 8/8, từ ngày 7 đến 9/8, 2 ngày 7-8/8, ngày 7, 8/8/2024
      (?(pod)|(?:{_DAY_CUE}|(?<=\btừ\s)))
      (?P<d5>\d{{1,2}})(?:{_MORE_DAY}){{1,3}}
      \s?(?P<sep5>[/.-])\s?(?P<m5>\d{{1,2}})(?:\s?(?P=sep5)\s?(?P<y5>\d{{4}}))?(?![\d/.-]*\d){_NOT_LUNAR}
    | # day and month with a cue: ngày 12.5, sáng 12/1, (23/11), sáng nay 27/5, mùng 3/2
      (?(pod)|{_DAY_CUE})
      (?P<d4>\d{{1,2}})\s?(?P<sep4>[/.-])\s?(?P<m4>\d{{1,2}})(?![\d/.-]*\d){_NOT_LUNAR}
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_DIGIT = lazy_pattern(regex.compile, r"\d")
# where a date of DATE_PATTERNS can begin: a part of the day, "ngày", "tháng" or a digit.
# Each start is one character (the rest a lookahead), so that overlapping words are all
# found: "sángày 5/3/2020" holds a date from its "ngày". A date begins at a digit only
# after a space, "(" or "," or at the text's start (the lookbehinds of "12 tháng 3 năm 2024",
# _DAY_CUE's, "từ "), or when a separator follows its one or two digits ("28/7/2020"): not at
# the other digits of a number ("2020", "1.250").
_SHORT_SPAN = 200  # characters
_DATE_STARTS = lazy_pattern(regex.compile, r"s(?=áng)|t(?=rưa|ối|háng)|c(?=hiều)|đ(?=êm)|n(?=gày)|(?<![^\s(,])\d|\d(?=\d?\s?[/.-])",
                             regex.IGNORECASE)

# _DATE_STARTS' words, lowercase (and the other words _LOWER_STARTS reads)
_START_WORDS = ("sáng", "trưa", "tối", "tháng", "chiều", "đêm", "ngày")
_LOWER_WORDS = _START_WORDS + ("năm", "và", "đến", "tới", "nay", "hôm", "qua", "mùng", "mồng", "thứ", "chủ", "vào", "từ")
# Where a date can begin, read in a lower-safe text's lowercase copy (lexicon.lowered_if_safe)
# by the re module (a scan of first characters, faster than the regex module's scan of
# _DATE_STARTS): fewer starts than _DATE_STARTS', only those where one of DATE_PATTERNS'
# branches can begin. A part of the day has after it what _POD lets come before a branch
# (a link, ",", "(", a digit, "ngày", "tháng"); "tháng" begins only "tháng 6/2020, tháng 6
# năm 2020"; "ngày" has a day or "tháng" after it; a digit begins "28/7/2020" (its two and a
# year after it), or after ",", a line's or the text's start, "12 tháng 3 năm 2024", or after
# a cue of _DAY_CUE or "từ " (their last word, without \b), a day and then a separator, ","
# or a word of _MORE_DAY.
_POD_AFTER = r"\s*(?:[,(0-9]|ngày|nay|hôm|qua|m[ùồ]ng|thứ|chủ|tháng)"
_CUE_BEFORE = "|".join(rf"(?<={w}[0-9])" for w in (r"\(", r"ngày\s", r"ngày\s\s", r"vào\s", r"hôm\s", r"nay\s", r"qua\s",
                                                     r"mùng\s", r"mồng\s", r"sáng\s", r"trưa\s", r"chiều\s", r"tối\s",
                                                     r"đêm\s", r"từ\s"))
_LOWER_STARTS = (rf"s(?=áng{_POD_AFTER})|t(?=rưa{_POD_AFTER}|ối{_POD_AFTER}|háng\s+[0-9]{{1,2}}\s*(?:[/-]|năm\s)\s*[0-9]{{4}})"
                 rf"|c(?=hiều{_POD_AFTER})|đ(?=êm{_POD_AFTER})|n(?=gày\s+(?:[0-9]|tháng))"
                 r"|[0-9](?:(?=[0-9]?\s?([/.-])\s?[0-9]{1,2}\s?\1\s?[0-9]{4})"
                 r"|(?:(?<![\s\S][0-9])|(?<=[,\n][0-9])|(?<=,\s[0-9])|(?<=,\s\s[0-9])|(?<=,\s\s\s[0-9]))(?=[0-9]?\s+tháng)"
                 rf"|(?:{_CUE_BEFORE})(?=[0-9]?\s*(?:,|và|-|–|đến|tới|[/.])))")
_LOWER_STARTS_RE = lazy_pattern(re.compile, _LOWER_STARTS)


# what a match of _LOWER_STARTS begins with (each of its branches reads one character)
_LOWER_START_CHARS = frozenset("stcđn0123456789")
# a stretch up to `last` this short is read position by position (_date_starts)
_FEW_STARTS = 24


def _date_starts(text: str, start: int, end: int, last: int | None = None) -> list[int] | None:
    """The offsets in [start, end) where a match of DATE_PATTERNS in text[start:end] can begin
    (fewer than _DATE_STARTS finds, every one held), in order, found by _LOWER_STARTS in the
    lowercase copy: None when the text is not lower-safe (lexicon.lowered_if_safe). There a
    word of _LOWER_WORDS matches case-insensitively exactly where its lowercase copy holds it,
    \\d is [0-9], and every character the regex module's \\s matches the re module's \\s
    matches too. benchmarks/check_dates.py checks that, and the scans from these starts."""
    lowered = lowered_if_safe(text)
    if lowered is None:
        return None
    if last is not None and last - start < _FEW_STARTS:
        # only the starts up to `last` (find_dates_from: a reference's tail): each branch of
        # _LOWER_STARTS reads one character, so the scan's starts are the positions where a
        # match begins, and a match at p of [start, end) is what the scan finds there (the
        # same bounds, lookbehinds reading before p alike); a few tries instead of a scan
        match = _LOWER_STARTS_RE.match
        return [p for p in range(start, min(end, last + 1))
                if lowered[p] in _LOWER_START_CHARS and match(lowered, p, end) is not None]
    return [m.start() for m in _LOWER_STARTS_RE.finditer(lowered, start, end)]


TIME_PATTERN = lazy_pattern(regex.compile,
    rf"(?<![\d/.:])(?:lúc\s+)?{_TIME}(?![\d/])",
    regex.IGNORECASE,
)


# The spans asked about in the last text (usually a document's): several extractors ask for
# the dates of the same sentence or segment. Keyed by the text's identity; one (text, dict)
# tuple, swapped whole, so that threads never read another text's answers.
_LAST: tuple[str | None, dict] = (None, {})


def find_dates(text: str, start: int = 0, end: int | None = None, default_year: int | None = None) -> list[DateValue]:
    """Every date in text[start:end], in order, with spans into `text`."""
    global _LAST
    end = len(text) if end is None else end
    last = _LAST
    if last[0] is not text:
        last = _LAST = (text, {})
    key = (start, end, default_year)
    found = last[1].get(key)
    if found is None:
        found = last[1][key] = tuple(_find_dates(text, start, end, default_year))
    return list(found)


def find_dates_from(text: str, start: int, end: int, last: int, default_year: int | None = None) -> list[DateValue]:
    """The dates of find_dates(text, start, end, default_year) whose match begins at or before
    `last` (every date that begins there or before, and maybe a few after), in order, found
    without trying the starts past `last`: for a reference's tail, where a date counts only
    right after the reference. benchmarks/check_dates.py compares it with find_dates."""
    return _find_dates(text, start, end, default_year, last)


def _find_dates(text: str, start: int, end: int, default_year: int | None,
                last: int | None = None) -> list[DateValue]:
    out: list[DateValue] = []
    if not _DIGIT.search(text, start, end, False):
        return out  # every date has a digit: most sentences are skipped at the cost of one scan
    scan = _scan(text, start, end, last)
    for m in scan:
        v = _value(text, m, default_year)
        if v is not None:
            out.append(v)
    return out


def _value(text: str, m: regex.Match, default_year: int | None) -> DateValue | None:
    """The date a match of DATE_PATTERNS reads, None when it is no valid date."""
    if not _GROUPS:  # (the groups read by number: one call for all of them)
        _GROUPS.append(operator.itemgetter(*(DATE_PATTERNS.groupindex[g] for g in _GROUP_NAMES)))
    pod, d1, d1b, m1, y1, d6, m6, d2, m2, y2, m3, y3, d5, m5, y5, d4, m4 = _GROUPS[0](m)
    if y1:
        y, mo, d = int(y1), _int(m1), _int(d1 or d1b)
    elif y2:
        y, mo, d = int(y2), _int(m2), _int(d2)
    elif y3:
        y, mo, d = int(y3), _int(m3), None
    elif d6:
        y, mo, d = default_year, _int(m6), int(d6)
    elif d5:
        y, mo, d = _int(y5) or default_year, _int(m5), int(d5)
    else:
        y, mo, d = default_year, _int(m4), _int(d4)
    if not _valid(y, mo, d):
        return None
    if pod:
        pod = pod.lower()
        s = m.start()
    else:
        pod = None
        s = m.start(_DG.d1) if d1 else m.start(_DG.d1b) if d1b else m.start(_DG.d6) if d6 else m.start()
    e = m.end()
    return DateValue(s, e, text[s:e], y, mo, d, part_of_day=pod)


def iter_dates(text: str, start: int = 0, end: int | None = None, default_year: int | None = None) -> Iterator[DateValue]:
    """find_dates(text, start, end, default_year)'s dates in order, each found when it is read:
    a reader that stops at the first date it wants (meetings: the first with a day and a month
    in a sentence, usually at its start) leaves the rest of the span unscanned, where the
    search for the starts (_date_starts) and the tries are most of find_dates' cost. The same
    dates (benchmarks/check_dates.py compares them); find_dates' answer when it holds the span.

    In a lower-safe text the starts are read lazily from _LOWER_STARTS_RE's scan, and each
    tried as _scan tries them (a match at a start inside the last match is not tried); a try of
    a span of _SHORT_SPAN or more has the span's time limit (budget.limit) of its own, as
    matches_from gives each try, since the scan is not run at once (matches_at's one limit
    for the whole scan would count the reader's time)."""
    end = len(text) if end is None else end
    last = _LAST
    found = last[1].get((start, end, default_year)) if last[0] is text else None
    if found is not None:
        yield from found
        return
    if not _DIGIT.search(text, start, end, False):
        return  # (as _find_dates)
    lowered = lowered_if_safe(text)
    if lowered is None:
        yield from find_dates(text, start, end, default_year)
        return
    seconds = limit(end - start) if end - start >= _SHORT_SPAN else None
    match = DATE_PATTERNS.match
    at = start
    try:
        for c in _LOWER_STARTS_RE.finditer(lowered, start, end):
            p = c.start()
            if p < at:
                continue
            m = match(text, p, end, False) if seconds is None else match(text, p, end, False, False, seconds)
            if m is not None:
                at = m.end()
                v = _value(text, m, default_year)
                if v is not None:
                    yield v
    except TimeoutError as e:
        raise PatternTimeout(seconds) from e


# the groups of DATE_PATTERNS _find_dates reads, in its order, and their getter (made at first use)
_GROUP_NAMES = ("pod", "d1", "d1b", "m1", "y1", "d6", "m6", "d2", "m2", "y2", "m3", "y3", "d5", "m5", "y5", "d4", "m4")
_GROUPS: list = []
_DG = GroupNumbers(DATE_PATTERNS)


def _scan(text: str, start: int, end: int, last: int | None = None) -> list[regex.Match]:
    """DATE_PATTERNS' matches in text[start:end] as its scan finds them, tried only where a
    date can begin (with `last`: those that begin at or before it)."""
    starts = _date_starts(text, start, end, last)
    if starts is None:
        if end - start < _SHORT_SPAN:
            return _short_scan(text, start, end, last)
        scan = matches_from(DATE_PATTERNS, _DATE_STARTS, text, start, end)
    elif end - start < _SHORT_SPAN:
        return _scan_at(text, starts, start, end, last)
    else:
        scan = matches_at(DATE_PATTERNS, text, starts, pos=start, endpos=end)
    return scan if last is None else [m for m in scan if m.start() <= last]


def _scan_at(text: str, starts: list[int], start: int, end: int, last: int | None = None) -> list[regex.Match]:
    """matches_at(DATE_PATTERNS, text, starts, pos=start, endpos=end) for a span shorter than
    _SHORT_SPAN, without the time limit (as _short_scan); with `last`, the matches that begin
    at or before it."""
    if last is not None:
        starts = starts[:bisect_right(starts, last)]
    return matches_at_unclocked(DATE_PATTERNS, text, starts, start, end)


def _short_scan(text: str, start: int, end: int, last: int | None = None) -> list[regex.Match]:
    """matches_from(DATE_PATTERNS, _DATE_STARTS, text, start, end) for a span shorter than
    _SHORT_SPAN (a sentence, a reference's tail), without the time limit: every try ends by
    `end`, so it reads fewer than _SHORT_SPAN characters and cannot run away, and the regex
    module's per-call clock would cost more than the try (a whole scan of the span, which
    tries every position, twice as much). With `last`, the matches that begin at or before it
    (the scan's first ones). benchmarks/check_dates.py compares it with a scan."""
    out = []
    at = start
    match = DATE_PATTERNS.match
    for c in _DATE_STARTS.finditer(text, start, end, False, False):  # (a text that is not lower-safe)
        p = c.start()
        if last is not None and p > last:
            break
        if p < at:
            continue
        m = match(text, p, end, False)
        if m is not None:
            out.append(m)
            at = m.end()
    return out


def find_time(text: str, start: int = 0, end: int | None = None) -> tuple[int, int, int, int] | None:
    """The first clock time in text[start:end] as (hour, minute, span start, span end)."""
    end = len(text) if end is None else end
    m = TIME_PATTERN.search(text, start, end, False, False, 1.0)
    if not m:
        return None
    h, mi = int(m["hh"]), int(m["mi"] or 0)
    if m["ampm"] and m["ampm"].upper() in ("PM", "CH") and h < 12:
        h += 12
    return h, mi, m.start(), m.end()


def published_date(doc: "Document") -> DateValue | None:
    """The date of the timestamp line (news) or of the place-and-date line (formal), found
    once per document (doc.memo)."""
    return doc.memo("dates.published", lambda: _published_date(doc))


def _published_date(doc: "Document") -> DateValue | None:
    for kind in ("timestamp", "dateline"):
        seg = doc.first(kind)
        if seg is None:
            continue
        dates = find_dates(doc.text, seg.start, seg.end)
        if not dates:
            continue
        d = dates[0]
        if kind == "timestamp":
            t = find_time(doc.text, seg.start, seg.end)
            if t and not (d.start <= t[2] < d.end):
                d = replace(d, hour=t[0], minute=t[1])
        return d
    return None
