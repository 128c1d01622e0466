"""Dates and times of the genre, with their spans and the precision the text gives.

Shared layer: extractors call `find_dates(text, start, end, default_year=...)` and read
DateValue records; none of them parses a date on its own. No day or month is ever
invented: "tháng 6/2020" is 2020-06, "(23/11)" without a year is --11-23 unless a
default year is given.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from ..budget import matches_at, matches_from
from ..lexicon import lazy_pattern, lowered_if_safe

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
    if m is not None and d is not None:
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

# _DATE_STARTS' words, lowercase; a date's digits (ASCII in a lower-safe text)
_START_WORDS = ("sáng", "trưa", "tối", "tháng", "chiều", "đêm", "ngày")
_DIGIT_RUN = lazy_pattern(re.compile, r"[0-9]+")


def _date_starts(text: str, start: int, end: int) -> list[int] | None:
    """Every offset in [start, end) where _DATE_STARTS matches (and a few more), in order,
    without the regex module's scan (in a span of _SHORT_SPAN or more, a third faster than
    it; in a shorter one slower: not used there): None when the text is not lower-safe
    (lexicon.lowered_if_safe). There a word of _START_WORDS matches case-insensitively
    exactly where its lowercase copy holds it, \\d is [0-9], and every
    character \\s matches is str.isspace. A digit run's first digit is kept after a space,
    "(" or "," or at the text's start (the first alternative of digits: a superset), and any
    of its digits with "/", "." or "-" among the three characters after it (the second one:
    a superset). benchmarks/check_dates.py compares them with _DATE_STARTS."""
    lowered = lowered_if_safe(text)
    if lowered is None:
        return None
    out = []
    for w in _START_WORDS:
        k = lowered.find(w, start, end)
        while k >= 0:
            out.append(k)
            k = lowered.find(w, k + 1, end)
    for m in _DIGIT_RUN.finditer(text, start, end):
        d, e = m.span()
        if d == 0 or text[d - 1].isspace() or text[d - 1] in "(,":
            out.append(d)
            d += 1
        for q in range(max(d, e - 3), e):  # a separator within three characters: the last three digits
            after = text[q + 1:min(q + 4, end)]
            if "/" in after or "." in after or "-" in after:
                out.append(q)
    out.sort()
    return out


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
    if not _DIGIT.search(text, start, end):
        return out  # every date has a digit: most sentences are skipped at the cost of one scan
    scan = _scan(text, start, end, last)
    for m in scan:
        if m["y1"]:
            y, mo, d = _int(m["y1"]), _int(m["m1"]), _int(m["d1"] or m["d1b"])
        elif m["y2"]:
            y, mo, d = _int(m["y2"]), _int(m["m2"]), _int(m["d2"])
        elif m["y3"]:
            y, mo, d = _int(m["y3"]), _int(m["m3"]), None
        elif m["d6"]:
            y, mo, d = default_year, _int(m["m6"]), _int(m["d6"])
        elif m["d5"]:
            y, mo, d = _int(m["y5"]) or default_year, _int(m["m5"]), _int(m["d5"])
        else:
            y, mo, d = default_year, _int(m["m4"]), _int(m["d4"])
        if not _valid(y, mo, d):
            continue
        pod = m["pod"].lower() if m["pod"] else None
        s = m.start()
        if not pod:
            s = m.start("d1") if m["d1"] else m.start("d1b") if m["d1b"] else m.start("d6") if m["d6"] else m.start()
        out.append(DateValue(s, m.end(), text[s:m.end()], y, mo, d, part_of_day=pod))
    return out


def _scan(text: str, start: int, end: int, last: int | None = None) -> list[regex.Match]:
    """DATE_PATTERNS' matches in text[start:end] as its scan finds them, tried only where a
    date can begin (with `last`: those that begin at or before it)."""
    if end - start < _SHORT_SPAN:
        return _short_scan(text, start, end, last)
    starts = _date_starts(text, start, end)
    scan = matches_from(DATE_PATTERNS, _DATE_STARTS, text, start, end) if starts is None else \
        matches_at(DATE_PATTERNS, text, starts, pos=start, endpos=end)
    return scan if last is None else [m for m in scan if m.start() <= last]


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
    for c in _DATE_STARTS.finditer(text, start, end):  # in a short span: faster than _date_starts' passes
        p = c.start()
        if last is not None and p > last:
            break
        if p < at:
            continue
        m = match(text, p, end)
        if m is not None:
            out.append(m)
            at = m.end()
    return out


def find_time(text: str, start: int = 0, end: int | None = None) -> tuple[int, int, int, int] | None:
    """The first clock time in text[start:end] as (hour, minute, span start, span end)."""
    end = len(text) if end is None else end
    m = TIME_PATTERN.search(text, start, end, timeout=1.0)
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
