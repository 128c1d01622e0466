"""Time limits for the patterns that scan unbounded text (a whole document, a 1 MB line).

    >>> from gov_report_nlp.budget import matches
    >>> for m in matches(PATTERN, doc.text):   # every match, found under a time limit
    ...     ...

The regex module's `timeout=` counts from the start of a finditer to each next match, so
the caller's own work between two matches counts too: a scan consumed lazily over a 10 MB
document times out for no fault of its pattern. `matches` collects the matches first and
only then hands them over, under a limit that grows with the length of the text: a linear
pattern never meets it, a runaway one (catastrophic backtracking) does.

A pattern that meets its limit raises PatternTimeout (a TimeoutError with the seconds);
the pipeline turns it into a warning on the document, "organizations: pattern timed out
after 2.0 s; facts of this kind may be missing", and the other extractors go on.

MAX_RECORDS bounds the records of one kind in one document the same way: the pipeline keeps
that many and says so when it cuts; an extractor that gathers its candidates before
yielding reads no more than one past it.
"""
from __future__ import annotations

from bisect import bisect_left
from time import perf_counter

import regex

__all__ = ["BASE_SECONDS", "SECONDS_PER_MB", "MAX_RECORDS", "PatternTimeout", "limit", "matches", "matches_from", "matches_at",
           "matches_at_bounded", "matches_at_unclocked"]

BASE_SECONDS = 2.0
SECONDS_PER_MB = 2.0  # per million characters: ~20x what the slowest pattern needs here
# records of one kind in one document, at most: a real report has hundreds; a list of 100 000
# figures is a table dump, and extracting all of it would make any 1 MB input take minutes
MAX_RECORDS = 10_000


class PatternTimeout(TimeoutError):
    """A pattern ran past its time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"pattern timed out after {format_seconds(seconds)} s")
        self.seconds = seconds


def format_seconds(seconds: float) -> str:
    return f"{seconds:.1f}" if seconds >= 0.1 else f"{seconds:g}"


def limit(length: int) -> float:
    """Seconds allowed to one scan of `length` characters."""
    return BASE_SECONDS + SECONDS_PER_MB * (length if length > 0 else 0) / 1_000_000


def matches(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None,
            seconds: float | None = None) -> list[regex.Match]:
    """Every match of `pattern` in text[pos:endpos], in order, found within `seconds`
    (by default limit(endpos - pos)); PatternTimeout past it."""
    endpos = len(text) if endpos is None else endpos
    seconds = limit(endpos - pos) if seconds is None else seconds
    try:
        return list(pattern.finditer(text, pos, endpos, False, False, False, seconds))
    except TimeoutError as e:
        raise PatternTimeout(seconds) from e


def matches_from(pattern: regex.Pattern, starts: regex.Pattern, text: str, pos: int = 0,
                 endpos: int | None = None, seconds: float | None = None) -> list[regex.Match]:
    """matches(pattern, text, pos, endpos), with `pattern` tried only where `starts` matches.

    `starts` must match at every position where a match of `pattern` can begin (a superset:
    a cheap pattern of first words or characters) and `pattern` must not match the empty
    string; then the result is the same as a scan's, which tries every position, for a
    fraction of the time when the starts are rare. Each try has the time limit too."""
    endpos = len(text) if endpos is None else endpos
    seconds = limit(endpos - pos) if seconds is None else seconds
    out = []
    at = pos
    match = pattern.match
    try:
        for c in list(starts.finditer(text, pos, endpos, False, False, False, seconds)):
            p = c.start()
            if p < at:
                continue
            m = match(text, p, endpos, False, False, seconds)
            if m is not None:
                out.append(m)
                at = m.end()
    except TimeoutError as e:
        raise PatternTimeout(seconds) from e
    return out


def matches_at(pattern: regex.Pattern, text: str, starts: list[int], seconds: float | None = None,
               pos: int = 0, endpos: int | None = None) -> list[regex.Match]:
    """What `pattern.finditer(text, pos, endpos)` finds, `pattern` tried only at `starts`
    (ascending; those outside [pos, endpos) are skipped): the same matches when every match of
    `pattern` begins at one of them and `pattern` never matches the empty string (matches_from's
    rule, with the starts given, e.g. by lexicon.starts_finder). The whole scan has one time
    limit (by default limit(endpos - pos)); PatternTimeout past it."""
    return _tries(pattern, text, starts, seconds, pos, endpos, True)


def matches_at_bounded(pattern: regex.Pattern, text: str, starts: list[int], seconds: float | None = None,
                       pos: int = 0, endpos: int | None = None) -> list[regex.Match]:
    """matches_at, the clock read between the tries instead of inside each: for a pattern
    whose try at one start reads a bounded stretch of text, or goes once over what it
    matches (no backtracking over unbounded text), where one try cannot run away and the
    regex module's per-call timeout would double the cost of each try. The whole scan has
    the same time limit; PatternTimeout past it (found at the next try)."""
    return _tries(pattern, text, starts, seconds, pos, endpos, False)


def matches_at_unclocked(pattern: regex.Pattern, text: str, starts: list[int], pos: int = 0,
                         endpos: int | None = None) -> list[regex.Match]:
    """matches_at without the time limit: for tries that cannot run away (a phrase matched as
    written, a window of a few hundred characters, a piece of a few characters), where even
    the clock read between tries would cost more than they do. Say at the call why."""
    endpos = len(text) if endpos is None else endpos
    out = []
    at = pos
    match = pattern.match
    for k in range(bisect_left(starts, pos), len(starts)):
        p = starts[k]
        if p >= endpos:
            break
        if p < at:
            continue
        m = match(text, p, endpos, False)
        if m is not None:
            out.append(m)
            at = m.end()
    return out


def _tries(pattern, text: str, starts: list[int], seconds: float | None, pos: int, endpos: int | None,
           clock_inside: bool) -> list[regex.Match]:
    """matches_at's loop: the deadline read before each try, and handed to the try itself
    (the regex module's timeout) only when clock_inside."""
    endpos = len(text) if endpos is None else endpos
    seconds = limit(endpos - pos) if seconds is None else seconds
    deadline = perf_counter() + seconds
    out = []
    at = pos
    match = pattern.match
    try:
        for k in range(bisect_left(starts, pos), len(starts)):
            p = starts[k]
            if p >= endpos:
                break
            if p < at:
                continue
            left = deadline - perf_counter()
            if left <= 0:
                raise TimeoutError
            # positional (concurrent, partial, timeout): a keyword costs more than the try
            m = match(text, p, endpos, False, False, left if clock_inside else None)
            if m is not None:
                out.append(m)
                at = m.end()
    except TimeoutError as e:
        raise PatternTimeout(seconds) from e
    return out
