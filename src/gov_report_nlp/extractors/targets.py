"""Target records: quantities that measure a result, a plan or a goal.

A target is a number followed by a unit: a measurement unit from data/vi/units.txt
(with its multiplier words, "nghìn tỷ đồng", and rate parts, "triệu đồng/người/năm") or
a counted noun from data/vi/count_nouns.txt ("334 hộ", "8/9 trạm y tế"). A number
with no such unit (years, ordinals, document numbers, "Quốc lộ 14", phone numbers) is
never a target. Dates, attendance and participation counts, and the norms of a
normative document (Luật, Nghị định, Quyết định...) are left out.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, islice
from typing import Iterator

import regex

from .. import budget
from ..budget import matches
from ..lang.dates import find_dates
from ..doc.document import Document
from ..lexicon import load_list, load_phrases
from ..lang.numbers import parse_number
from ..records import Evidence, Target

# a number as the genre writes it: 1.234  7,63  1.234,5  77, 3 (a stray space before %)
_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in words)


@lru_cache(maxsize=None)
def _pattern() -> regex.Pattern:
    mult = _alt(load_list("unit_multipliers"))
    units = _alt(load_list("units"))
    # units and counted nouns in one alternation, longest first ("đồng chí" before "đồng")
    nouns = _alt(sorted(set(load_list("units")) | set(load_list("count_nouns")), key=lambda w: (-len(w), w)))
    per = _alt(load_list("unit_per"))
    return regex.compile(
        rf"""
        (?<![\w-])(?<!\d[.,])(?<!\d\s?/)    # not inside a word, number, code or share
        (?:
          # 2 tỷ 992 triệu đồng: a compound amount, read in its largest unit
          (?P<big>{_NUM})\s*tỷ\s+(?P<small>\d{{1,3}})\s*triệu\s+đồng
        |
          (?P<v1>{_NUM}|\d+,\s\d(?=\s*%))   # 7,63 (or "77, 3" before %)
          (?:                               # a range: 4-5%, 18-22 tấn/ha, 28 triệu đến 36 triệu
            \s*(?:{mult})?\s*(?:-|–|đến|tới)\s*(?P<v2>{_NUM})(?![/\d])
          | \s*/\s*(?P<of>{_NUM})(?![/\d])  # a share: 14/15, 40/1.911
          )?
          \s*
          (?P<unit>
            (?:(?:{mult})\s+){{0,2}}(?:{mult})\s+(?:{units})   # nghìn tỷ đồng, ngàn ha
          | (?:{mult})\s+(?=(?:ha|héc\sta)\b)
          | (?:{nouns})
          )
          (?P<per>(?:\s*/\s*(?:0?1\s+)?(?:{per})(?!\w)){{0,2}})  # /người/năm, /01 xã
        )
        (?!\w)
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


_UNIT_FIX = regex.compile(r"\s+")
_SPACES = _UNIT_FIX
_COMMA_SPACE = regex.compile(r",\s+")
_GAP_BEFORE = regex.compile(r"gấp\s*$")
_YEAR_BEFORE = regex.compile(r"(?:^|\s)năm\s*$", regex.IGNORECASE)
_SO_AFTER = regex.compile(r"\s+số\b")
_NAME_AFTER = regex.compile(r"\s+\p{Lu}\p{Ll}")
_WORDS_AFTER = regex.compile(r"\s+\p{Lu}\p{Ll}+\s+\p{Ll}")


def _value(s: str) -> float | None:
    return parse_number(_COMMA_SPACE.sub(",", s))


@lru_cache(maxsize=None)
def _relation_pattern() -> regex.Pattern:
    rel = _alt(load_list("target_relations"))
    return regex.compile(rf"(?:^|\s)(?P<rel>{rel})(?:\s+(?:khoảng|xuống|lên|gấp|mức|được|chỉ|có|tới))*\s*$", regex.IGNORECASE)


def _relation(text: str, pos: int, floor: int) -> tuple[str | None, int]:
    """The relation word right before pos (within a few words), and where the left context starts."""
    left = text[max(floor, pos - 40):pos]
    m = _relation_pattern().search(left, timeout=1.0)
    if not m:
        return None, pos
    return m["rel"], max(floor, pos - 40) + m.start("rel")


def _is_normative(doc: Document) -> bool:
    seg = doc.first("doc_type")
    if seg is None:
        return False
    kinds = load_phrases("normative_doc_kinds")
    return doc.seg_text(seg).strip(" :").lower() in kinds


def _scan_spans(doc: Document):
    spans = [(s.start, s.end) for s in doc.segments if s.kind in ("title", "section")]
    spans += [(s.start, s.end) for s in doc.body_spans]
    return sorted(set(spans))


@lru_cache(maxsize=None)
def _trailing_pattern() -> regex.Pattern:
    words = _alt(load_list("target_indicator_trailing"))
    return regex.compile(rf"(?:^|\s+)(?:{words})\s*$", regex.IGNORECASE)


@lru_cache(maxsize=None)
def _scope_pattern() -> regex.Pattern:
    scopes = _alt(load_list("target_indicator_scopes"))
    return regex.compile(
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
    return regex.compile(rf"[,;:.()\n“”\"\d]|(?<!\w)(?:{stops})(?!\w)", regex.IGNORECASE)


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
        stop = _qualifier_stop().search(win, timeout=1.0)
        if stop is not None and stop.end() <= _AFTER_WINDOW - _qualifier_margin():
            return win, stop
    after = text[a:b]
    return after, _qualifier_stop().search(after, timeout=1.0)


def _qualifier(after: str, stop: regex.Match | None, noun: str | None) -> str | None:
    """The counted noun and the words that qualify it after the number, up to the clause's
    end, the next number or a comparison ("12/14 xã đạt chuẩn nông thôn mới, ..." gives
    "xã đạt chuẩn nông thôn mới"); for a measurement unit, the words alone ("441 ha hồ
    tiêu bị bệnh" gives "hồ tiêu bị bệnh"). Too long a qualifier is left out."""
    qual = _SPACES.sub(" ", after[: stop.start() if stop else len(after)]).strip()
    for pat in (_relation_pattern(), _trailing_pattern()):
        while qual and (m := pat.search(qual, timeout=1.0)):
            qual = qual[: m.start()].strip()
    low = qual.lower()
    if (len(qual.split()) > MAX_QUALIFIER_WORDS
            or any(low == w or low.startswith(w + " ") for w in load_phrases("target_indicator_bases"))
            or any(low == w or low.startswith(w + " ") for w in load_phrases("target_indicator_trailing"))):
        qual = ""  # too long, a base ("đạt 98,7% kế hoạch") or a verb ("đã đầu tư vào")
    return " ".join(w for w in (noun, qual) if w) or None


# how far back the words of an indicator are looked for: on the dev corpus a clause before a
# number is at most 164 characters; without a bound, a 1 MB line with no punctuation would
# make each number's indicator read the whole line before it (quadratic)
MAX_CLAUSE_CHARS = 400
_CLAUSE_MARK = regex.compile(r"[,;:.()\n|]", regex.REVERSE)  # the last one before a position
# a cell of a table row ("Thu ngân sách năm 2023 | 150 tỷ đồng | 120 tỷ đồng", files.py) that
# names what the row measures: it begins with a word, not a figure
_ROW_LABEL = regex.compile(r"(?<![^|\n])[ \t]*\p{L}[^|\n]*(?=\|)")
_LINE_BREAK = regex.compile(r"\n", regex.REVERSE)


def _indicator(text: str, start: int, floor: int, after: tuple[int, int], noun: str | None = None) -> str | None:
    """The words before the quantity in its clause (up to the last comma, colon or period),
    less the verb words that close them ("ước", "có"). When those words only give a scope
    ("toàn huyện có") and the unit is a counted noun, the noun and its qualifier after the
    number are the indicator ("12/14 xã đạt chuẩn nông thôn mới")."""
    lo = max(floor, start - MAX_CLAUSE_CHARS)
    cut = _CLAUSE_MARK.search(text, lo, start)  # searched backwards from the number
    if cut:
        lo = cut.end()
    elif lo > floor:  # a clause longer than MAX_CLAUSE_CHARS: its last words, from a word start
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else start
    words = _SPACES.sub(" ", text[lo:start]).strip()
    trailing = _trailing_pattern()
    while words:
        m = trailing.search(words, timeout=1.0)
        if not m:
            break
        words = words[: m.start()].strip()
    if not words and cut and cut.group() == "|":
        # a figure alone in a table cell: the row's first cell of words names what it measures
        label = _ROW_LABEL.search(text, floor, start)
        return _SPACES.sub(" ", label.group()).strip() if label else None
    if _scope_pattern().match(words, timeout=1.0):
        return _qualifier(*_after(text, *after), noun)
    return words or None


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
    for t in found:
        if in_head(t) and (t.value, (t.unit or "").lower()) in body_keys:
            continue
        yield t


@lru_cache(maxsize=None)
def _negative_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern]:
    """(cue before, cue after, adjacent cue, unit not followed by): numbers that are no target."""
    neg_before = load_phrases("target_negative_cues")
    neg_after = load_phrases("target_negative_after")
    neg_before_re = regex.compile(r"(?:" + _alt(sorted(neg_before, key=len, reverse=True)) + r")(?:[\s,]+\w+){0,4}\s*$", regex.IGNORECASE)
    neg_after_re = regex.compile(r"^\s*(?:\w+\s+){0,6}?(?:" + _alt(sorted(neg_after, key=len, reverse=True)) + r")(?!\w)", regex.IGNORECASE)
    adjacent = sorted(load_phrases("target_negative_adjacent"), key=len, reverse=True)
    neg_adjacent_re = regex.compile(r"(?:^|\s)(?:" + _alt(adjacent) + r")\s*(?:khoảng|gần|hơn|trên)?\s*$", regex.IGNORECASE)
    not_followed = sorted(load_phrases("unit_not_followed"), key=len, reverse=True)
    not_followed_re = regex.compile(r"\s+(?:" + _alt(not_followed) + r")(?!\w)", regex.IGNORECASE)
    return neg_before_re, neg_after_re, neg_adjacent_re, not_followed_re


def _candidates(doc: Document) -> Iterator[Target]:
    if doc.layout == "formal" and _is_normative(doc):
        return
    text = doc.text
    neg_before_re, neg_after_re, neg_adjacent_re, not_followed_re = _negative_patterns()
    count_nouns = load_phrases("count_nouns")
    pat = _pattern()
    seen: set[tuple[int, int]] = set()
    for s0, e0 in _scan_spans(doc):
        found = matches(pat, text, s0, e0)
        # the dates only of a span with a quantity (most have none)
        date_spans = [(d.start, d.end) for d in find_dates(text, s0, e0)] if found else []
        for m in found:
            s, e = m.span()
            if (s, e) in seen or any(ds < e and s < de for ds, de in date_spans):
                continue
            seen.add((s, e))
            if m["big"]:
                value = (parse_number(m["big"]) or 0) + int(m["small"]) / 1000
                unit = "tỷ đồng"
                vmax = of = None
            else:
                value = _value(m["v1"])
                if value is None:
                    continue
                vmax = _value(m["v2"]) if m["v2"] else None
                of = _value(m["of"]) if m["of"] else None
                unit = _UNIT_FIX.sub(" ", (m["unit"] + (m["per"] or "")).strip())
                if m["unit"].strip().lower() == "lần" and not _GAP_BEFORE.search(text[max(s0, s - 10):s]):
                    continue  # "lần" measures only a multiple: "tăng gấp 1,5 lần"
                if vmax is not None and vmax <= value:
                    vmax = None
            nl = _LINE_BREAK.search(text, s0, s)
            floor = max(s0, nl.end() if nl else s0)
            left = text[max(floor, s - 60):s]
            if neg_before_re.search(left, timeout=1.0) or neg_adjacent_re.search(left, timeout=1.0):
                continue
            if _YEAR_BEFORE.search(left):
                continue  # "năm 2020 ..." is a year
            after = text[e:min(e0, e + 60)]
            if not_followed_re.match(after, timeout=1.0):
                continue
            if m["unit"] and m["unit"].lower() in count_nouns:
                if _SO_AFTER.match(after):
                    continue  # "1 Công văn số ...": a document, not a count
                if neg_after_re.search(after, timeout=1.0):
                    continue
                if _NAME_AFTER.match(after) and not _WORDS_AFTER.match(after):
                    continue  # "2 xã Đắk Nia": a count naming places, not a result
            noun = m["unit"].strip() if m["unit"] and m["unit"].lower() in count_nouns and not m["per"] else None
            rel, rel_start = _relation(text, s, floor)
            ev_start = rel_start if rel else s
            yield Target(
                indicator=_indicator(text, ev_start, floor, (e, e0), noun),
                value=value,
                value_max=vmax,
                unit=unit,
                relation=rel.lower() if rel else None,
                of=of,
                text=text[ev_start:e],
                evidence=Evidence.of(text, ev_start, e),
            )
