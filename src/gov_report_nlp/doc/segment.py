"""Segmentation: the layout of a portal news item or a formal document, as kinded spans.

Two layouts, detected from the first lines:
- news: site, boilerplate, title, timestamp, paragraph, caption, byline, source;
- formal (Decree 30/2020/NĐ-CP, Guide 36-HD/VPTW): page_header, authority, motto,
  number, dateline, doc_type, summary, recipient ("Kính gửi", up to the last recipient),
  body (enclosing the section, paragraph and item lines), signature (enclosing the
  signer_prefix, signer_title and signer_name lines), recipients ("Nơi nhận").
Both: sentence segments inside running text (underthesea 9.5.0's sent_tokenize, reproduced
with our own list of abbreviations, mapped back to offsets).
"""
from __future__ import annotations

from bisect import bisect_left
from collections import namedtuple
from functools import lru_cache
from operator import attrgetter
from types import SimpleNamespace

import regex

from .document import Document, Segment
from ..lexicon import (NOT_LOWER_SAFE, GroupNumbers, alternation, lazy_pattern, load_list, load_map, load_phrases,
                       word_offsets)

# --- line classifiers -------------------------------------------------------------------

UPPER_LINE = lazy_pattern(regex.compile, r"^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$")
SEPARATOR = lazy_pattern(regex.compile, r"^[\s\-_–—=*~.]{1,120}$")
NAME_LINE = lazy_pattern(regex.compile, r"^(?:\p{Lu}[\p{Ll}’']*)(?:\s+\p{Lu}[\p{Ll}’']*){1,4}$")
ITEM = lazy_pattern(regex.compile, r"^[-–+•*]\s")


def _item(t: str) -> bool:
    """ITEM.match(t), tried only on a line that starts with one of its marks."""
    return t[:1] in _ITEM_MARKS and ITEM.match(t, None, None, False) is not None


_ITEM_MARKS = frozenset("-–+•*")
_CLOSED = lazy_pattern(regex.compile, r"(?:[.;:!?…”\"]|\./\.)\s*$")


def _closed(t: str) -> bool:
    """_CLOSED.search(t) for a t with no space at its end (stripped): its last character is
    one of the marks (a "./." ends in "." too; regex's \\s is all str.isspace, so \\s* is
    empty there). benchmarks/check_sentences.py compares the two."""
    return t[-1:] in _CLOSERS


_CLOSERS = frozenset('.;:!?…”"')
VV_LINE = lazy_pattern(regex.compile, r"^V/[vV]\b")
# a name as bylines write it: 1-4 capitalized syllables (pen names are often two), in
# capitals ("HỒNG NHUNG"), or an initial and a name ("T.Hà", "N. Minh")
_SYL = r"\p{Lu}[\p{Ll}’']*"
_NAME = rf"\p{{Lu}}{{2,}}(?:\s\p{{Lu}}+){{1,3}}(?!\w)|(?:\p{{Lu}}\.\s?)?{_SYL}(?:\s{_SYL}){{0,3}}"
_ONE_NAME = lazy_pattern(regex.compile, _NAME)
BYLINE_ABBR = lazy_pattern(regex.compile, r"^(?:PV|BBT|CTV|PV\s*-\s*CTV|[\p{Lu}]{1,3}(?:\s?[.&]\s?[\p{Lu}]{1,3}){1,3}\.?)$")
# the run-on byline at the very end of a one-paragraph article: "... Bằng khen. Quỳnh Hoa (TTXVN)"
TRAILING_BYLINE = lazy_pattern(regex.compile,
    rf"""(?:(?<=[.!?…”"»]\s)|(?<=\p{{Ll}}\s))
        (?P<names>{_SYL}(?:\s{_SYL}){{1,2}}(?:\s*[-–]\s*{_SYL}(?:\s{_SYL}){{1,2}})?)
        \s*(?P<org>\([^()\n]{{1,25}}\))?\s*$""",
    regex.VERBOSE,
)
_TRAILING_G = GroupNumbers(TRAILING_BYLINE)

# --- the words of the patterns: lexicons (data/vi/*.txt) ---------------------------------


def _keys(name: str, role: str | None = None) -> tuple[str, ...]:
    """Keys of a map lexicon (of one role), longest first."""
    return tuple(sorted((k for k, v in load_map(name).items() if role is None or v == role), key=lambda k: (-len(k), k)))


def _loose(phrase: str) -> str:
    """A motto as a pattern: its words may run together (a PDF's capitals), a '-' is any dash."""
    parts = [r"\s*[-–—]\s*" if w in "-–—" else regex.escape(w) for w in phrase.split()]
    out = parts[0] if parts else ""
    for prev, part in zip(parts, parts[1:]):
        out += part if part.startswith(r"\s*[") or prev.startswith(r"\s*[") else r"\s*" + part
    return out


def _word(name: str, role: str) -> str:
    return alternation(_keys(name, role))


def _first_characters(*word_lists) -> frozenset[str] | None:
    """The first characters of the words (as alternation() writes them), or None if a word is
    blank."""
    out = set()
    for words in word_lists:
        for w in words:
            parts = w.split()
            if not parts:
                return None
            out.add(parts[0][0])
    return frozenset(out)


def _first_words(words) -> tuple[str, ...] | None:
    """The first word of each phrase (as alternation() writes it: each word literally, a space
    matching any whitespace), or None if a phrase is blank: a case-sensitive pattern that begins
    with one of the phrases matches only where one of these words is."""
    out = set()
    for w in words:
        parts = w.split()
        if not parts:
            return None
        out.add(parts[0])
    return tuple(sorted(out))


def _section_firsts(divisions) -> frozenset[str] | None:
    """The ASCII characters P.section can match at a line's start but for a lowercase letter
    (see _may_be_section): a division word's first, a roman digit's, a digit; None if a
    division word is blank."""
    firsts = _first_characters(divisions)
    return None if firsts is None else frozenset(c for c in firsts if c < "\x80") | frozenset("IVXLC0123456789")


def _may_be_section(t: str, firsts: frozenset[str] | None) -> bool:
    """False when P.section cannot match t: its first character is ASCII and none its forms
    begins with (a division word, a roman or a decimal number), or a lowercase ASCII letter
    (the "a)" form) without a ")" after the spaces that follow it (str.lstrip strips every
    character the pattern's \\s matches). A character beyond ASCII is let through (a division
    word's, "đ", a digit of another script). benchmarks/check_sentences.py compares."""
    c = t[:1]
    if firsts is None or c > "\x7f" or c in firsts:
        return True
    if "a" <= c <= "z":
        return t[1:].lstrip()[:1] == ")"
    return False


def _may_be_photo_credit(t: str) -> bool:
    """Whether P.photo_credit may match t: it ends with a ':' or a dash after the photo label."""
    return ":" in t or "-" in t or "–" in t or "—" in t


@lru_cache(maxsize=None)
def _patterns() -> SimpleNamespace:
    """Every pattern of this module that holds words, built from the lexicons (rebuilt when a
    team's own lexicons are activated)."""
    mottos = load_map("formal_mottos")
    motto = {role: "|".join(_loose(k) for k, v in mottos.items() if v == role) or r"(?!)" for role in ("nation", "motto", "party")}
    day, month, year = _word("date_words", "day"), _word("date_words", "month"), _word("date_words", "year")
    address, recipients = _word("formal_line_labels", "address"), _word("formal_line_labels", "recipients")
    photo = _word("byline_labels", "photo")
    credit = alternation(_keys("byline_labels", "credit") + _keys("byline_labels", "photo"))
    divisions = alternation(load_map("outline_divisions"))
    # the first word of every nation and party motto, as the patterns hold it (case and all):
    # a line without one has no such motto; None when one starts with a dash (any dash matches)
    firsts = {role: tuple(k.split()[0] for k, v in mottos.items() if v == role) for role in ("nation", "party")}
    firsts = {role: None if any(w in "-–—" for w in ws) else ws for role, ws in firsts.items()}
    return SimpleNamespace(
        motto_state_words=firsts["nation"],
        motto_party_words=firsts["party"],
        motto_state=lazy_pattern(regex.compile, motto["nation"]),
        motto_state2=lazy_pattern(regex.compile, motto["motto"], regex.IGNORECASE),
        motto_party=lazy_pattern(regex.compile, motto["party"]),
        page_header=lazy_pattern(regex.compile,
            rf"^(?:(?:{_word('page_header_words', 'gazette')})\s*/.*|\d{{1,4}}|(?:{_word('page_header_words', 'page')})\s+\d+.*"
            rf"|(?:{_word('page_header_words', 'line')}))$"),
        number_words=_first_words(load_list("number_labels")),  # a number line starts with one of these words
        number_line=lazy_pattern(regex.compile,
            rf"""^(?P<label>(?:{alternation(load_list('number_labels'))}))
                \s*:?\s*(?P<number>[\w./-]*(?:[ \t]+[-/][\w./-]+)?)""",
            regex.VERBOSE,
        ),
        date_rest=lazy_pattern(regex.compile, rf"\s*(?:\d{{1,2}}\s+)?(?:(?:{month})\s+\d{{1,2}}\s+)?(?:(?:{year})\s+)?\d{{4}}\b", regex.IGNORECASE),
        # "Gia Nghĩa, ngày 12 tháng 3 năm 2024", in capitals, without its "ngày", with "12/3/2024";
        # a line cut after its day, month or "năm" ("..., ngày 12 tháng") goes on on the next line
        dateline=lazy_pattern(regex.compile,
            rf"""^(?P<place>\p{{Lu}}[\w .'’-]{{0,40}}?)\s*,\s*
                (?:(?i:{day})\b|(?=\d{{1,2}}\s+(?i:{month})\b))
                (?:[^\n]{{0,40}}?(?:(?i:{year})\s+(?P<year>\d{{4}})|\d{{1,2}}\s*(?P<sep>[/.-])\s*\d{{1,2}}\s*(?P=sep)\s*(?P<year>\d{{4}}))
                  |(?P<cut>(?:\s+\d{{1,2}}(?:\s+(?i:{month})(?:\s+\d{{1,2}}(?:\s+(?i:{year}))?)?)?)?[ \t]*(?=\n|$)))""",
            regex.VERBOSE,
        ),
        # the dateline after the number on the same line (the two header columns run together)
        dateline_after=lazy_pattern(regex.compile,
            rf"(?<=\s)(?P<place>\p{{Lu}}[\w .'’-]{{0,40}}?)\s*,\s*(?i:{day})\b[^\n]{{0,40}}?(?i:{year})\s+\d{{4}}\s*$"),
        # the first characters a signer prefix or title line may start with (the patterns are
        # case-sensitive); None when a word is empty (its pattern would match anywhere)
        sign_firsts=_first_characters(load_list("signer_prefixes"), load_list("signer_deputies"),
                                      load_list("signer_titles")),
        sign_prefix=lazy_pattern(regex.compile, rf"^(?:{alternation(load_list('signer_prefixes'))})\s*\.?\s+\p{{Lu}}"),
        sign_title=lazy_pattern(regex.compile,
            rf"^(?:(?:{alternation(load_list('signer_deputies'))})\s+)?(?:{alternation(load_list('signer_titles'))})"
            r"(?:\s+[\p{Lu}\p{N}]+){0,8}\s*$"
        ),
        section_firsts=_section_firsts(load_map("outline_divisions")),
        section=lazy_pattern(regex.compile, rf"^(?:(?:{divisions})\s+[\dIVXLC]+\b|[IVXLC]+\s*[.)]\s|\d+(?:\.\d+)*\s*[.)]\s|[a-zđ]\s*\)\s)"),
        recipients=lazy_pattern(regex.compile, rf"^(?:{recipients})\s*:", regex.IGNORECASE),
        kinh_gui=lazy_pattern(regex.compile, rf"^(?:{address})\s*:", regex.IGNORECASE),
        kinh_gui_alone=lazy_pattern(regex.compile, rf"(?:{address})\s*:?\s*", regex.IGNORECASE),
        basis=tuple(_keys("formal_body_openers", "basis")),
        body_start=lazy_pattern(regex.compile,
            rf"^(?:(?:{alternation(_keys('formal_body_openers') + _keys('formal_line_labels', 'address'))})(?!\w)"
            r"|[IV]+\s*\.|1\s*\.)"
        ),
        signature_marks=tuple(m.lower() for m in load_list("signature_marks")),
        timestamp=lazy_pattern(regex.compile,
            rf"""^\(?\s*(?:(?:{alternation(load_list('timestamp_labels'))})\s*:?\s*)?   # Cập nhật:
                (?:(?:{alternation(load_list('weekdays'))})\s*[,|\-–]?\s*)?                  # Thứ Ba,
                (?:(?:{day})\s+)?
                (?:(?:[01]?\d|2[0-3])[:h][0-5]\d\s*(?:[|,\-–]\s*)?)?          # 16:30 |
                (?:\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*\d{{4}}                      # 29/07/2020
                  |\d{{1,2}}\s+(?:{month})\s+\d{{1,2}}\s+(?:{year})\s+\d{{4}})          # 29 tháng 7 năm 2020
                (?:\s*(?:[-–|,]|lúc)?\s*(?:[01]?\d|2[0-3])[:h][0-5]\d(?::[0-5]\d)?(?:\s*(?:AM|PM|SA|CH))?)?  # - 22:13, lúc 8:30
                (?:\s*\(?\s*GMT\s*[+-]\s*\d{{1,2}}\s*\)?)?                    # (GMT+7)
                \s*\)?$""",
            regex.VERBOSE | regex.IGNORECASE,
        ),
        byline_label=lazy_pattern(regex.compile,
            rf"^(?P<label>(?:{credit})(?:\s*(?:,|và|/|&)\s*(?:{credit}))*|(?:{_word('byline_labels', 'label')}))\s*:\s*(?P<names>.+)$",
            regex.IGNORECASE,
        ),
        photo_labels=frozenset(k.lower() for k in _keys("byline_labels", "photo")),
        source_line=lazy_pattern(regex.compile,
            rf"^(?:(?:{alternation(load_list('source_openers'))})(?!\w)|https?://|www\.|\(?(?:{photo})\s*:)", regex.IGNORECASE),
        agency_colon=any(":" in a for a in load_list("byline_agencies")),
        byline_names=lazy_pattern(regex.compile,
            rf"""^(?P<names>(?:{_NAME})(?:\s*(?:[-–—,&]|\svà\s)\s*(?:{_NAME}))*)
                (?:\s*(?:[-–—]\s*)?(?P<org>\([^()\n]{{1,40}}\)|/\s*[^/\n]{{1,30}}|(?:{alternation(load_list('byline_agencies'))})(?:\s+\p{{L}}+)?))?\s*\.?$""",
            regex.VERBOSE,
        ),
        # "Ảnh: A", "Tin, ảnh - A": the author's own credit, not a mention of a person
        credit_before=lazy_pattern(regex.compile, rf"(?:{credit})\s*[:\-–—]\s*$", regex.IGNORECASE),
        photo_credit=lazy_pattern(regex.compile, rf"^\(?\s*(?:{photo})\s*[:\-–—]", regex.IGNORECASE),
        place_words=tuple(w.lower().rstrip(".") for w in load_map("admin_levels")),
    )


@lru_cache(maxsize=None)
def _byline_groups() -> tuple[GroupNumbers, GroupNumbers]:
    """The group numbers of byline_label and byline_names (m[G.names]: a read by name costs
    ~10x one by number)."""
    P = _patterns()
    return GroupNumbers(P.byline_label), GroupNumbers(P.byline_names)


def number_line() -> regex.Pattern:
    """A formal document's number line ("Số: 12/NQ-HĐND"): groups label, number."""
    return _patterns().number_line


def dateline() -> regex.Pattern:
    """A formal document's place-and-date line ("Gia Nghĩa, ngày 12 tháng 3 năm 2024"): groups place, year."""
    return _patterns().dateline


# a line of the text: (start, end) with the names of a Span's two fields, and the line's text
# stripped (text[start:end].strip(), which the layout tests ask for again and again), made as a
# tuple (a third of the time of a Span, whose frozen dataclass sets each field through
# object.__setattr__)
LineSpan = namedtuple("LineSpan", "start end text")


def _lines(doc: Document) -> list[LineSpan]:
    """The non-empty lines of doc.iter_lines() as (start, end, stripped text), from one split
    of the text (no line made for an empty one)."""
    out = []
    append = out.append
    new = tuple.__new__
    pos = 0
    for t in doc.text.split("\n"):
        end = pos + len(t)
        if end > pos:
            append(new(LineSpan, (pos, end, t.strip())))
        pos = end + 1
    return out


def lines_of(doc: Document) -> list[LineSpan]:
    """_lines(doc), made once per document (segment() makes them; the outline reads them again)."""
    return doc.memo("segment.lines", lambda: _lines(doc))


def _add(doc: Document, kind: str, start: int, end: int, parent: int | None = None) -> int:
    doc.segments.append(Segment(kind, start, end, parent))
    return len(doc.segments) - 1


# a header line is short: the motto, number and dateline are looked for in this many
# characters of a line. A text whose first line is longer than LONG_LINE lost its line breaks
# (or is machine-made): its layout is a guess, said in a warning
HEAD_CHARS = 200
LONG_LINE = 2000


def _has_motto(P: SimpleNamespace, t: str) -> bool:
    """P.motto_state.search(t) or P.motto_party.search(t), searched only in a line that holds
    the first word of one of those mottos (benchmarks/check_sentences.py)."""
    state, party = P.motto_state_words, P.motto_party_words
    return bool((state is None or any(w in t for w in state)) and P.motto_state.search(t, None, None, False)
                or (party is None or any(w in t for w in party)) and P.motto_party.search(t, None, None, False))


def _may_have_motto(P: SimpleNamespace, text: str, end: int) -> bool:
    """False when no line's head can hold a motto: text[:end] (the head lines run in it) holds
    the first word of no nation or party motto (_has_motto tests each head for one)."""
    state, party = P.motto_state_words, P.motto_party_words
    if state is None or party is None:
        return True
    find = text.find
    return any(find(w, 0, end) >= 0 for w in state) or any(find(w, 0, end) >= 0 for w in party)


def _may_be_dateline(t: str) -> bool:
    """Whether dateline() may match t: its place (a capital and up to 40 of [\\w .'’-], no ',')
    is followed by spaces and the first ',' of the line (benchmarks/check_sentences.py)."""
    j = t.find(",")
    return 0 <= j <= 41 or j > 41 and t[41:j].isspace()


def detect_layout(doc: Document, lines: list[LineSpan]) -> str:
    P = _patterns()
    head = lines[:25]
    text = doc.text
    # each line's head (its first HEAD_CHARS characters), made where a test needs it
    if _may_have_motto(P, text, head[-1].end if head else 0) and any(
            _has_motto(P, text[a:b if b - a <= HEAD_CHARS else a + HEAD_CHARS]) for a, b, _ in head):
        layout = "formal"
    else:
        words = P.number_words
        match = P.number_line.match
        numbered = False
        for a, b, _ in head:
            if (words is None or text.startswith(words, a)) and match(text[a:b if b - a <= HEAD_CHARS else a + HEAD_CHARS], None, None, False):
                numbered = True
                break
        # the dateline is looked for only in a text with a number line (no match has a side effect)
        layout = "formal" if numbered and any(_may_be_dateline(t) and P.dateline.match(t, None, None, False) for t in (
            text[a:b if b - a <= HEAD_CHARS else a + HEAD_CHARS] for a, b, _ in head)) else "news"
    if head and head[0].end - head[0].start > LONG_LINE:  # no title or header line: one long run of text
        doc.warnings.append(f"layout: the text starts with a line of more than {LONG_LINE:,} characters (line breaks "
                            f"lost?); the layout ({layout}) is a guess")
    return layout


def segment(doc: Document) -> Document:
    """Fill doc.segments and doc.layout; the Document's text is not changed."""
    doc.segments = []
    lines = lines_of(doc)
    doc.layout = detect_layout(doc, lines)
    if doc.layout == "formal":
        _segment_formal(doc, lines)
    else:
        _segment_news(doc, lines)
    # sorted by (start, -end), equal ones in the order they were made: two stable sorts, the
    # second key first (reverse=True keeps equal ends in order), keys read at C speed
    made = doc.segments
    segments = sorted(made, key=_END, reverse=True)
    segments.sort(key=_START)
    if _sentences_follow(segments):
        doc.segments = _with_sentences(doc.text, segments)
        return doc
    # the plain way: the sentences made after the other segments, all sorted, each given
    # the nearest segment that encloses it (parents were indexes before sorting)
    _add_sentences(doc)
    doc.segments.sort(key=_END, reverse=True)
    doc.segments.sort(key=_START)
    _reparent(doc)
    return doc


_START = attrgetter("start")
_END = attrgetter("end")


def _sentences_follow(segments: list[Segment]) -> bool:
    """Whether no segment starts inside a segment of running text (_RUNNING) that comes before
    it (segments: sorted as segment() sorts them). Then the sentences of each such segment
    come right after it in the sorted order, each the child of it, and they change no other
    segment's parent: they end before the next one (not running text) starts
    (_with_sentences). A news item's trailing byline, cut out of its last paragraph, is such
    a segment that starts inside one. benchmarks/check_sentences.py compares the two ways."""
    running = _RUNNING
    end = -1  # the end of the last segment of running text, until another starts
    for seg in segments:
        if seg.start < end:
            return False
        end = seg.end if seg.kind in running else -1
    return True


def _with_sentences(text: str, segments: list[Segment]) -> list[Segment]:
    """The segments (sorted, as _sentences_follow lets it) with the sentence segments of each
    segment of running text right after it, every parent set: what _add_sentences, the two
    sorts and _reparent give there, without sorting or walking the sentences (most of the
    segments) again."""
    abbrev = sentence_abbreviations()
    running = _RUNNING
    marks = _marks(text)
    k = 0  # the first mark at or after the last segment of running text's start
    out: list[Segment] = []
    append = out.append
    stack: list[tuple[int, int]] = []  # (index, end) of the open segments (as _reparent's)
    for seg in segments:
        start, end = seg.start, seg.end
        while stack and stack[-1][1] <= start:
            stack.pop()
        seg.parent = stack[-1][0] if stack and stack[-1][1] >= end else None
        i = len(out)
        stack.append((i, end))
        append(seg)
        if seg.kind in running:
            k = bisect_left(marks, start, k)
            for a, b in _sentence_spans(text, start, end, marks, k, bisect_left(marks, end, k), abbrev):
                append(Segment("sentence", a, b, i))
    return out


def _marks(text: str) -> list[int]:
    """The offsets of the text's '.', '?' and '!', in order (each found by str.find: a memchr,
    where str.count reads every character)."""
    return word_offsets(text, ".?!", 0, len(text))


def _sentence_spans(text: str, s: int, e: int, marks: list[int], lo: int, hi: int,
                    abbrev: frozenset[str]) -> list[tuple[int, int]]:
    """[(s + a, s + b) for a, b in _punkt_spans(text[s:e], abbrev)], read in the whole text:
    marks[lo:hi] are the offsets of the '.', '?' and '!' in [s, e) (_marks). No copy of the
    segment, nor of each sentence (a sentence ends with its run of marks, so only its start
    may need stripping: it holds the mark it ends at). benchmarks/check_sentences.py compares."""
    isspace = str.isspace
    a = s
    while a < e and isspace(text[a]):
        a += 1
    if a == e:
        return []
    b = e
    while isspace(text[b - 1]):
        b -= 1
    if lo == hi or hi - lo == 1 and text[b - 1] in ".?!":
        return [(a, b)]  # one sentence (see _punkt_spans)
    spans = []
    start = pos = s
    for k in range(lo, hi):
        i = marks[k]
        if i < pos:
            continue
        cut = -1
        if text[i] == ".":
            dot_end = i + 1
            while dot_end < e and text[dot_end] == ".":
                dot_end += 1
            if dot_end - i >= 3:
                after = dot_end
                while after < e and text[after] in " \t":
                    after += 1
                if after >= e or text[after].isupper():
                    cut = dot_end
                else:
                    pos = dot_end
                    continue
            elif i > s and text[i - 1].isdigit() and i + 1 < e and text[i + 1].isdigit():
                pos = i + 1
                continue
            else:
                w = text.rfind(" ", s, i)
                word = text[(w if w >= 0 else s - 1) + 1:i]
                if not (word.isalnum() or word and word.replace(".", "").isalnum()):
                    w = i - 1
                    while w >= s and (text[w].isalnum() or text[w] == "."):
                        w -= 1
                    word = text[w + 1:i]
                if word and word.lower() in abbrev:
                    pos = i + 1
                    continue
        if cut < 0:
            cut = i + 1
            while cut < e and text[cut] in ".?!":
                cut += 1
        a = start
        while isspace(text[a]):  # (stops at the mark at i, if not before)
            a += 1
        spans.append((a, cut))
        while cut < e and text[cut] in " \t\n\r":
            cut += 1
        start = pos = cut
    a = start
    while a < e and isspace(text[a]):
        a += 1
    if a < e:
        b = e
        while isspace(text[b - 1]):
            b -= 1
        spans.append((a, b))
    return spans


def _reparent(doc: Document) -> None:
    stack: list[tuple[int, int]] = []  # (index, end) of the open segments
    for i, seg in enumerate(doc.segments):
        start, end = seg.start, seg.end
        while stack and stack[-1][1] <= start:
            stack.pop()
        seg.parent = stack[-1][0] if stack and stack[-1][1] >= end else None
        stack.append((i, end))


# --- news --------------------------------------------------------------------------------

_OPEN_END = lazy_pattern(regex.compile, r"[.!?:;…]\s*$")  # a line that ends as a sentence or a lead-in does
_OPEN_ENDERS = frozenset(".!?:;…")


def _open_end(t: str) -> bool:
    """_OPEN_END.search(t) for a stripped t (as _closed)."""
    return t[-1:] in _OPEN_ENDERS


@lru_cache(maxsize=None)
def _boilerplate() -> tuple[str, ...]:
    return tuple(load_phrases("boilerplate"))


@lru_cache(maxsize=None)
def _site_names() -> tuple[str, ...]:
    return tuple(sorted(load_phrases("site_names"), key=len, reverse=True))


def _is_boilerplate(t: str) -> bool:
    return t.lower().strip().startswith(_boilerplate())


def _is_site(t: str) -> bool:
    """A site-name line ("Cổng thông tin điện tử huyện Cần Giuộc", "Báo Quảng Ninh"). The bare
    word "báo" names a site only before a proper name in a short line: "Báo cáo ...", "Báo chí
    ...", "Báo Lào Cai tổ chức hội nghị ..." are headlines."""
    low = t.lower()
    if len(t) >= 120 or not low.startswith(_site_names()):
        return False
    for s in _site_names():
        if low.startswith(s) and (len(low) == len(s) or not low[len(s)].isalnum()):
            if s != "báo":
                return True
            rest = t[len(s):].split()
            return 0 < len(rest) <= 4 and rest[0][:1].isupper() and not any(c.isdigit() for c in t)
    return False


def _is_lead(t: str) -> bool:
    """The first line is the story's lead sentence, not a headline: it opens with the time of
    the event and a comma ("Sáng 12/3, Huyện ủy ..."), or ends as a sentence and tells an
    event ("... vừa ban hành ...") or runs on for sixty words and more."""
    words = len(t.split())
    if t.rstrip()[-1:] in ".!?…" and (words >= 60 or words >= 15 and _may_have_lead_marker(t) and _lead_marker().search(t, None, None, False)):
        return True
    return "," in t and bool(_lead_opener().match(t, None, None, False))  # both forms of the opener end in a ','


def _may_have_lead_marker(t: str) -> bool:
    """False when _lead_marker() cannot find a marker in t: t is lower-safe
    (lexicon.NOT_LOWER_SAFE: then a lowercase word occurs in t.lower() where it matches t
    case-insensitively) and its lowercased copy holds the first word of no marker.
    benchmarks/check_sentences.py compares _is_lead with the plain one."""
    firsts = _lead_marker_firsts()
    if firsts is None or NOT_LOWER_SAFE.search(t) is not None:
        return True
    low = t.lower()
    return any(w in low for w in firsts)


@lru_cache(maxsize=None)
def _lead_marker_firsts() -> tuple[str, ...] | None:
    """The first word of each lead marker, lowercased; None if one is blank or not lower-safe."""
    out = set()
    for w in load_list("lead_markers"):
        if not w.split() or NOT_LOWER_SAFE.search(w) is not None:
            return None
        out.add(w.split()[0].lower())
    return tuple(sorted(out))


@lru_cache(maxsize=None)
def _lead_marker():
    return lazy_pattern(regex.compile, rf"(?<!\w)(?:{alternation(load_list('lead_markers'))})(?!\w)", regex.IGNORECASE)


@lru_cache(maxsize=None)
def _lead_opener():
    words = alternation(load_list("lead_openers"))
    day = _word("date_words", "day")
    # an optional dateline ("HÀ NỘI -", "(TTXVN) -"), the opener, a date or time, a comma
    return lazy_pattern(regex.compile, rf"^(?:\(?[\p{{Lu}}\s.]{{2,30}}\)?\s*[-–—]\s*)?(?:{words})\s+(?:(?:{day})\s+)?\(?\d{{1,2}}\b[^,\n]{{0,16}},"
                         rf"|^(?:{alternation(load_list('lead_bare_openers'))})\s*,",
                         regex.IGNORECASE)


def _segment_news(doc: Document, lines: list[LineSpan]) -> None:
    P = _patterns()
    text = doc.text
    i = 0
    title_done = False
    # head: site name, boilerplate, title, timestamp
    while i < len(lines) and i < 12:
        ln = lines[i]
        t = ln.text
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if not title_done and _is_site(t) and not P.timestamp.match(nxt, None, None, False):  # a headline has the timestamp under it
            _add(doc, "site", ln.start, ln.end)
        elif _is_boilerplate(t):
            _add(doc, "boilerplate", ln.start, ln.end)
        elif P.timestamp.match(t, None, None, False):
            _add(doc, "timestamp", ln.start, ln.end)
        elif not title_done and _is_lead(t) and not P.timestamp.match(nxt, None, None, False):
            break  # no headline: the text starts with its lead
        elif not title_done:
            _add(doc, "title", ln.start, ln.end)
            title_done = True
        else:
            break
        i += 1
    body = lines[i:]
    is_byline = _byline_test()
    tail_start = _find_tail(doc, body, is_byline)
    title = doc.first("title")
    title_text = text[title.start:title.end].strip() if title else ""
    append = doc.segments.append
    headed = i > 0  # a short line may be a caption or a heading only under a head
    enders = _OPEN_ENDERS
    for start, end, t in body[:tail_start]:
        if title_text and t == title_text:
            kind = "heading"
        elif headed and len(t) < 200 and t[-1:] not in enders:  # not _open_end(t)
            kind = "caption" if len(t.split()) > 3 else "heading"
        else:
            kind = "paragraph"
        append(Segment(kind, start, end))
    # whether doc.first("byline") is a segment: none of those made above is; the loop makes it
    byline = False
    for ln in body[tail_start:]:
        t = ln.text
        if is_byline(t) and not byline:
            _add(doc, "byline", ln.start, ln.end)
            byline = True
        elif byline and not P.source_line.match(t, None, None, False) and len(t.split()) > 3:
            _add(doc, "caption", ln.start, ln.end)  # a photo caption under the byline
        else:
            _add(doc, "source", ln.start, ln.end)
    if not byline and body[:tail_start]:
        last = body[tail_start - 1]
        m = _trailing_byline(text, last)
        if m and not _place_before(text, m.start(_TRAILING_G.names)) and not _named_in_body(text, m[_TRAILING_G.names], m.start(_TRAILING_G.names)):
            _add(doc, "byline", m.start(), last.end)


# TRAILING_BYLINE's match holds at most 21 words (a word: a run of non-spaces): up to six
# syllables and a dash, and an "(org)" of at most 27 characters
_TRAILING_WORDS = 22


# what a TRAILING_BYLINE match ends with, its spaces aside: the "(org)"'s ")", or its last
# syllable's last character (a letter of \p{Lu} or \p{Ll}, all str.isalpha, or ’ ')
_TRAILING_LAST = frozenset(")’'")


def _trailing_byline(text: str, last: LineSpan) -> regex.Match | None:
    """TRAILING_BYLINE.search(text, last.start, last.end) (a line's), searched from
    _tail_window and only in a line that ends as a match does: the "\\s*$" after the match
    holds only characters str.strip takes (check_sentences.py: every \\s is str.isspace), so
    the line's stripped text ends with the match's last character (_TRAILING_LAST). Most last
    paragraphs end with a full stop: the search (~20 us, every start of the window tried)
    is not made. benchmarks/check_sentences.py compares it with the plain search."""
    c = last.text[-1:]
    if not (c.isalpha() or c in _TRAILING_LAST):
        return None
    return TRAILING_BYLINE.search(text, _tail_window(text, last.start, last.end), last.end, False, False, 1.0)


def _tail_window(text: str, start: int, end: int) -> int:
    """Where TRAILING_BYLINE.search of text[start:end] may begin to find what it finds from
    start: before the last _TRAILING_WORDS words (its lookbehind still sees the text before).
    benchmarks/check_sentences.py compares the two."""
    parts = text[start:end].rsplit(None, _TRAILING_WORDS)
    return start if len(parts) <= _TRAILING_WORDS else start + len(parts[0])


def _place_before(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12):pos].strip().lower()
    return any(before.endswith(w) for w in _patterns().place_words)


def _byline_names(t: str, names_match=None) -> list[tuple[int, int]] | None:
    """Offsets (within t) of the names a byline line gives; [] for a byline without names;
    None when the line is not a byline. names_match: P.byline_names.match, or a memo of it."""
    P = _patterns()
    LG, NG = _byline_groups()
    # (every form of byline_label has a ':' after its label)
    m = P.byline_label.match(t, None, None, False) if ":" in t else None
    if m and m[LG.label].lower() in P.photo_labels:
        return None  # a photo or video credit alone: its maker is not an author of the text
    if m:
        names = m[LG.names]
        inner = _byline_names(names.strip(), names_match)
        off = m.start(LG.names) + (len(names) - len(names.lstrip()))
        return [(s + off, e + off) for s, e in inner] if inner else []
    if BYLINE_ABBR.match(t, None, None, False):
        return []
    if P.source_line.match(t, None, None, False) or _may_be_photo_credit(t) and P.photo_credit.match(t, None, None, False):
        return None  # "Theo Vietnamplus", "Ảnh: Thành Long", "Ảnh - A": a source or a photo credit
    m = P.byline_names.match(t, None, None, False) if names_match is None else names_match(t)
    if m:
        found = m[NG.names]
        names = [(nm.start(), nm.end()) for nm in _ONE_NAME.finditer(found, None, None, False, False)]
        # one syllable alone is no name ("Hà" of "T.Hà" aside); a label-less line of one
        # syllable is a heading
        return [(a, b) for a, b in names if len(found[a:b].split()) > 1 or "." in found[a:b]] or None
    return None


def byline_names(t: str) -> list[tuple[int, int]]:
    return _byline_names(t) or []


def _no_byline_names(t: str, agency_colon: bool) -> bool:
    """Whether P.byline_names cannot match t because of a ':' ("Ông A - Ảnh: B", over which it
    backtracks longest): names, separators and agencies hold none (unless an agency of the
    lexicon does); only an "(org)" or a "/ org" may. check_sentences.py checks it."""
    return ":" in t and "(" not in t and "/" not in t and not agency_colon


def _byline_test():
    """A function t -> _byline_names(t) is not None that reads each line once (the tail's lines
    are asked about several times), with its memo of P.byline_names.match as .names_match (a
    pattern that may backtrack for tens of microseconds over a photo caption)."""
    memo: dict[str, bool] = {}
    matches: dict[str, regex.Match | None] = {}
    match = _patterns().byline_names.match
    colon = _patterns().agency_colon

    def names_match(t: str) -> regex.Match | None:
        try:
            return matches[t]
        except KeyError:
            m = matches[t] = None if _no_byline_names(t, colon) else match(t, None, None, False)
            return m

    def is_byline(t: str) -> bool:
        try:
            return memo[t]
        except KeyError:
            found = memo[t] = _byline_names(t, names_match) is not None
            return found
    is_byline.names_match = names_match
    return is_byline


def _find_tail(doc: Document, body: list[LineSpan], is_byline=None) -> int:
    """Index in `body` where the byline/source lines at the end begin."""
    if is_byline is None:
        is_byline = _byline_test()
    P = _patterns()
    text = doc.text
    k = len(body)
    while k > 0 and len(body) - k < 5:
        t = body[k - 1].text
        if P.source_line.match(t, None, None, False) and (len(t) <= 60 or "," not in t and len(t) <= 120 or URL_LINE.match(t, None, None, False)):
            # a source line is short: "Theo báo cáo của UBND huyện, năm 2025 ..." is text
            k -= 1
            continue
        if len(t) <= 80 and (is_byline(t) or BYLINE_ABBR.match(t, None, None, False)):
            k -= 1
            continue
        break
    if not any(is_byline(ln.text) for ln in body[k:]):
        # a byline with a label or an agency above trailing photo captions: "Minh Anh (tổng hợp)"
        for j in range(k - 1, max(k - 7, -1), -1):
            t = body[j].text
            m = is_byline.names_match(t) if len(t) <= 80 else None
            if len(t) <= 80 and ":" in t and P.byline_label.match(t, None, None, False) or (m and m[_byline_groups()[1].org]):
                return j
        # a bare name line closing the text, then a blank line and photo captions only
        for j in range(k - 1, max(k - 12, 0), -1):
            t = body[j].text
            if len(t) > 60 or not is_byline(t) or "\n\n" not in text[body[j].end:body[j + 1].start + 1]:
                continue
            if all(len(text[ln.start:ln.end].split()) <= MAX_CAPTION_WORDS for ln in body[j + 1:]) \
                    and not _named_in_body(text, t, body[j].start):
                return j
    return k


URL_LINE = lazy_pattern(regex.compile, r"^(?:https?://|www\.)\S+$")
MAX_CAPTION_WORDS = 60  # a photo caption is one short sentence


def _named_in_body(text: str, name: str, pos: int) -> bool:
    """The name is also written elsewhere in the text: a person of the story, not its author."""
    name = name.strip(" .")
    if not name:
        return False
    i = text.find(name)
    while i >= 0:
        if not (pos <= i < pos + len(name)) and not _patterns().credit_before.search(text, max(0, i - 16), i, False):
            return True
        i = text.find(name, i + 1)
    return False




# --- formal documents --------------------------------------------------------------------

def _segment_formal(doc: Document, lines: list[LineSpan]) -> None:
    P = _patterns()
    text = doc.text
    n = len(lines)
    kinds: list[str | None] = [None] * n
    doc_types = load_phrases("doc_type_words")
    type_idx = None
    seen_anchor = False  # a number or dateline line: the header has begun
    number_end: dict[int, int] = {}  # a number line that holds the dateline too: where each begins or ends
    dateline_start: dict[int, int] = {}
    for i, ln in enumerate(lines[:40]):
        t = ln.text
        if kinds[i] == DATELINE_REST:
            continue
        if VV_LINE.match(t, None, None, False) or (i > 0 and kinds[i - 1] == "summary" and t[:1].islower()):
            kinds[i] = "summary"  # a công văn's "V/v ..." summary (no type line)
        elif P.page_header.match(t, None, None, False):
            kinds[i] = "page_header"
        elif P.motto_state.search(t, None, None, False) or P.motto_state2.search(t, None, None, False) or P.motto_party.fullmatch(t.strip(" -_*"), None, None, False):
            kinds[i] = "motto"
        elif SEPARATOR.match(t, None, None, False):
            kinds[i] = "separator"
        elif (P.number_words is None or t.startswith(P.number_words)) and (m := P.number_line.match(t, None, None, False)) is not None:
            kinds[i] = "number"
            seen_anchor = True
            d = P.dateline_after.search(t, m.end(), None, False)
            if d is not None:  # "Số: 15/BC-UBND    Cư Jút, ngày 12 tháng 3 năm 2024": two columns on one line
                lead = len(text[ln.start:ln.end]) - len(text[ln.start:ln.end].lstrip())
                number_end[i] = ln.start + lead + len(t[:d.start()].rstrip())
                dateline_start[i] = ln.start + lead + d.start()
        elif (m := P.dateline.match(t, None, None, False)) is not None:
            kinds[i] = "dateline"
            seen_anchor = True
            if m["cut"] is not None and i + 1 < n and P.date_rest.match(text, lines[i + 1].start, lines[i + 1].end):
                kinds[i + 1] = DATELINE_REST  # "Cư Jút, ngày 12 tháng" / "3 năm 2024": one dateline on two lines
        elif type_idx is None and t.upper() == t and t.strip(" :").lower() in doc_types and i > 0:
            kinds[i] = "doc_type"
            type_idx = i
            break
        elif UPPER_LINE.match(t, None, None, False) and type_idx is None and not (seen_anchor and P.sign_prefix.match(t, None, None, False)):
            kinds[i] = "authority"
        elif seen_anchor:
            break  # running text: the header is over (a công văn has no type line)
    # summary: the lines after the type word until a blank line, separator or body start
    if type_idx is not None:
        j = type_idx + 1
        while j < n and j - type_idx <= 6:
            ln = lines[j]
            t = ln.text
            gap = text[lines[j - 1].end:ln.start].count("\n") > 1
            if SEPARATOR.match(t, None, None, False) or P.kinh_gui.match(t, None, None, False) or P.page_header.match(t, None, None, False) or t.startswith(P.basis):
                break
            if j > type_idx + 1 and (gap or P.body_start.match(t, None, None, False)):
                break
            kinds[j] = "summary"
            j += 1
    # the signature block: [prefix] title line(s) then a name line, after the summary
    start_body = (type_idx or 0) + 1
    sig_found = False
    recipients, sign_firsts = P.recipients.match, P.sign_firsts
    section_match, section_firsts = P.section.match, P.section_firsts

    def section(t):
        """P.section.match(t), tried only where _may_be_section lets it."""
        return section_match(t, None, None, False) if _may_be_section(t, section_firsts) else None
    sign_prefix, sign_title = P.sign_prefix.match, P.sign_title.match
    for i in range(start_body, n):
        t = lines[i].text
        if ":" in t and recipients(t, None, None, False):  # no recipients line without its ":"
            kinds[i] = "recipients"
            k = i + 1
            while k < n and ITEM.match(lines[k].text, None, None, False):
                kinds[k] = "recipients"
                k += 1
            continue
        if sig_found or kinds[i] is not None:
            continue
        if (sign_firsts is None or t[:1] in sign_firsts) and (sign_prefix(t, None, None, False) or sign_title(t, None, None, False)):
            block = [i]
            k = i + 1
            while k < n and k - i <= 4:
                tk = lines[k].text
                if P.sign_title.match(tk, None, None, False) or P.sign_prefix.match(tk, None, None, False):
                    block.append(k)
                    k += 1
                    continue
                if NAME_LINE.match(tk, None, None, False) and not UPPER_LINE.match(tk, None, None, False):
                    for b in block:
                        tb = lines[b].text
                        kinds[b] = "signer_prefix" if P.sign_prefix.match(tb, None, None, False) else "signer_title"
                    kinds[k] = "signer_name"
                    sig_found = True
                    break
                if tk.startswith("(") or tk.lower().startswith(P.signature_marks):
                    k += 1
                    continue
                break
    prev_open = False  # the last running-text segment ends without closing punctuation
    segments = doc.segments
    first = len(segments)
    kinh_gui, page_header = P.kinh_gui.match, P.page_header.match
    header_end = type_idx or 0
    for i, ln in enumerate(lines):
        kind = kinds[i]
        t = ln.text
        if kind is None and segments and segments[-1].kind == "recipient":
            if _recipient_goes_on(doc, t):
                segments[-1].end = ln.end
                prev_open = not _closed(t)
                continue
            prev_open = False  # the recipients end here: the body begins
        sec = None  # section(t), if asked
        if kind is None and prev_open and not (sec := section(t)) and not _item(t) and not (":" in t and recipients(t, None, None, False)):
            # a hard line break inside a paragraph (PDF and Word extractions): extend it
            segments[-1].end = ln.end
            prev_open = not _closed(t)
            continue
        if kind is None:
            if i < header_end:
                kind = "header"
            elif ":" in t and kinh_gui(t, None, None, False):
                kind = "recipient"
            elif sec or sec is None and section(t):
                kind = "section"
            elif _item(t):
                kind = "item"
            elif page_header(t, None, None, False):
                kind = "page_header"
            else:
                kind = "paragraph"
        if kind == DATELINE_REST:
            doc.segments[-1].end = ln.end
            continue
        if kind == "page_header" and prev_open:
            continue  # a page number inside a broken paragraph: keep the paragraph open
        if i in number_end:
            _add(doc, "number", ln.start, number_end[i])
            _add(doc, "dateline", dateline_start[i], ln.end)
            prev_open = False
            continue
        _add(doc, kind, ln.start, ln.end)
        prev_open = kind in ("paragraph", "section", "item", "recipient") and not _closed(t)
    _add_parts(doc, first)


DATELINE_REST = "dateline+"  # the second line of a dateline cut in two (no segment of its own)
_BODY_KINDS = {"paragraph", "section", "item"}
_SIGNER_KINDS = {"signer_prefix", "signer_title", "signer_name"}


def _add_parts(doc: Document, first: int) -> None:
    """The parts that enclose lines of a formal document: "body" (each run of running text
    between the header and the closing: an annex after the signature is a body too) and
    "signature" (the signer's lines). doc.segments[first:] are the lines, in order; the parts
    go before them, so that a part and a line of the same span sort part first."""
    parts: list[Segment] = []
    body: list[int] = []  # [start, end] of the open run
    sign: list[int] = []
    for seg in doc.segments[first:]:
        if seg.kind in _BODY_KINDS:
            body = [body[0] if body else seg.start, seg.end]
        elif seg.kind != "page_header" and body:
            parts.append(Segment("body", *body))
            body = []
        if seg.kind in _SIGNER_KINDS:
            sign = [sign[0] if sign else seg.start, seg.end]
        elif sign:
            parts.append(Segment("signature", *sign))
            sign = []
    if body:
        parts.append(Segment("body", *body))
    if sign:
        parts.append(Segment("signature", *sign))
    doc.segments[first:first] = parts


def _recipient_goes_on(doc: Document, t: str) -> bool:
    """Whether line t still names recipients of the "Kính gửi" block: a "- Sở ...;" line of a
    list of them, the one recipient under a bare "Kính gửi:", or a name cut by a wrap
    (lowercase start). The body's first sentence ends the block."""
    block = doc.text[doc.segments[-1].start:doc.segments[-1].end]
    if ITEM.match(t, None, None, False):
        return True
    if _patterns().kinh_gui_alone.fullmatch(block, None, None, False):
        return True
    if block.rstrip().endswith((";", ",")) and len(t) <= 120:
        return True  # a list of recipients, one a line: "Ủy ban nhân dân tỉnh;" / "Sở Tài chính."
    return bool(t[:1].islower()) and not _closed(block.rstrip())


# --- sentences ---------------------------------------------------------------------------

_RUNNING = {"paragraph", "caption", "section", "item", "heading", "title", "summary", "recipient"}




def sentence_abbreviations() -> frozenset[str]:
    """Words after which a "." ends no sentence ("tp", "ts", one letters...): our own list,
    data/vi/sentence_abbreviations.txt (taken from underthesea 9.5.0's tokenizer; its header
    says where from and under which licence), plus a team's own entries."""
    return load_phrases("sentence_abbreviations")


def _punkt_sentences(text: str, abbrev: frozenset[str]) -> list[str]:
    """underthesea.sent_tokenize(text) of underthesea 9.5.0, the same list, step for step (its
    PunktSentenceTokenizer.sentences_from_text) given the same abbreviations; only it finds every '.', '?' and '!'
    first and goes from one to the next instead of testing every character in Python (_punkt_spans).
    benchmarks/check_sentences.py compares the two."""
    return [text[a:b] for a, b in _punkt_spans(text, abbrev)]


def _punkt_spans(text: str, abbrev: frozenset[str]) -> list[tuple[int, int]]:
    """The offsets in `text` of the sentences _punkt_sentences gives (each stripped). The
    '.', '?' and '!' are found first (str.find), then walked in order."""
    stripped = text.strip()
    if not stripped:
        return []
    ends = _marks(text)
    marks = len(ends)
    if marks == 0 or marks == 1 and stripped[-1] in ".?!":
        # one sentence: no mark, or one that ends the text (after an abbreviation, the
        # sentence goes on to the end; else it is cut there, and nothing follows)
        a = len(text) - len(text.lstrip())
        return [(a, a + len(stripped))]
    n = len(text)
    spans = []
    start = 0
    pos = 0  # the next mark looked at is the first at or after pos
    for i in ends:
        if i < pos:
            continue
        cut = -1
        if text[i] == ".":
            dot_end = i + 1
            while dot_end < n and text[dot_end] == ".":
                dot_end += 1
            if dot_end - i >= 3:
                # an ellipsis: a boundary at the end or before an uppercase letter
                after = dot_end
                while after < n and text[after] in " \t":
                    after += 1
                if after >= n or text[after].isupper():
                    cut = dot_end
                else:
                    pos = dot_end
                    continue
            # "1.500.000": a dot between digits; "TP.": a dot after an abbreviation
            elif i > 0 and text[i - 1].isdigit() and i + 1 < n and text[i + 1].isdigit():
                pos = i + 1
                continue
            else:
                # the word before the dot (its run of letters, digits and dots): the text
                # after the last space before it when that is all such characters (a test of
                # the whole run at C speed), else looked for character by character
                w = text.rfind(" ", 0, i)
                word = text[w + 1:i]
                if not (word.isalnum() or word and word.replace(".", "").isalnum()):
                    w = i - 1
                    while w >= 0 and (text[w].isalnum() or text[w] == "."):
                        w -= 1
                    word = text[w + 1:i]
                if word and word.lower() in abbrev:
                    pos = i + 1
                    continue
        if cut < 0:  # the sentence ends after the run of marks
            cut = i + 1
            while cut < n and text[cut] in ".?!":
                cut += 1
        raw = text[start:cut]  # the sentence ends at cut; the next starts after the spaces
        sentence = raw.strip()
        if sentence:
            # (raw starts with whitespace only at the text's start or where the skip below
            # stops at one that is not " \t\n\r": else no lstrip needed)
            a = start + len(raw) - len(raw.lstrip()) if raw[0].isspace() else start
            spans.append((a, a + len(sentence)))
        while cut < n and text[cut] in " \t\n\r":
            cut += 1
        start = pos = cut
    raw = text[start:]
    final = raw.strip()
    if final:
        a = start + len(raw) - len(raw.lstrip())
        spans.append((a, a + len(final)))
    return spans


def _sent_tokenize(text: str) -> list[str]:
    return _punkt_sentences(text, sentence_abbreviations())


def _add_sentences(doc: Document) -> None:
    """A sentence segment for each sentence of each segment of running text. The tokenizer's
    spans are where chunk.find(sentence, end of the last one) would find each sentence: the
    text between two sentences is whitespace and a sentence starts with none, so no earlier
    place can hold it (benchmarks/check_sentences.py compares the two ways)."""
    text = doc.text
    abbrev = sentence_abbreviations()
    segments = doc.segments
    append = segments.append
    for seg in list(segments):
        if seg.kind not in _RUNNING:
            continue
        base = seg.start
        for a, b in _punkt_spans(text[base:seg.end], abbrev):
            append(Segment("sentence", base + a, base + b))
