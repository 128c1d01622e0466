"""The outline of a document: its numbered sections as the author built them.

    >>> find_outline(doc)     # [Section(number="Chương I", heading="QUY ĐỊNH CHUNG", level=1, ...), ...]
    >>> place_records(report) # every record's `section`: "Chương I > Điều 3 > 1"

Two hierarchies, outermost first, either of which may skip a level:
- legal texts: Phần / Chương / Mục / Điều (data/vi/outline_divisions.txt), then the
  khoản "1." and the điểm "a)";
- reports, plans, guides and Party documents: I. / 1. / 1.1. / a) / - / +.
A marker opens a section only at the start of a line of the body (not in the header, the
signature block or "Nơi nhận"), outside any quotation (“…” holding a quoted decree's points),
and not on a line that only continues a sentence a PDF or Word wrap cut ("...quy định tại" /
"Điều 35 Nghị định số ..."). Page furniture (page numbers, the gazette's running head, the
digital-signature stamp) is skipped. The heading is the rest of the marker line when the item
does not run on into a sentence (no final ".", ";" or ":"), or for a bare "Chương II" line
the title line under it; else None.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

import regex

from .document import Document
from .segment import lines_of
from ..lexicon import GroupNumbers, alternation, lazy_pattern, load_list, load_map, load_phrases
from ..records import Report, Section

# ranks of the marks, outermost first; the named divisions come from the lexicon
RANKS = ("part", "chapter", "section", "subsection", "article", "capital", "roman", "number",
         "dotted2", "dotted3", "dotted4", "letter", "dash", "plus")
RANK = {name: i for i, name in enumerate(RANKS)}
BULLETS = ("dash", "plus")  # in the outline, never in a record's section path
PATH_SEP = " > "

_ORDINALS = r"thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)"


@lru_cache(maxsize=None)
def _marker() -> regex.Pattern:
    """The marks a section line starts with; built from the lexicon of named divisions."""
    words = alternation(load_map("outline_divisions"))
    return lazy_pattern(regex.compile,
        rf"""[ \t]*(?:
        (?P<div>(?i:{words}))[ \t]+                            # Chương / CHƯƠNG / Điều
          (?P<divnum>[IVXLC]+|\d{{1,3}}[a-zđ]?|(?i:{_ORDINALS}))  # II / 3 / 3a / thứ nhất
          (?:[ \t]*[.:\-–][ \t]*|[ \t]*$|[ \t]+(?=[^\p{{Ll}}\n]+$))  # "." or ":" or end or an UPPER title
        | (?P<capital>[A-HJ-UWYĐ])\.[ \t]+(?=[^\p{{Ll}}\n]+$)            # A. KẾT QUẢ (an UPPER title)
        | (?P<roman>[IVX]{{1,6}})(?:[ \t]*(?:[.):]|[ \t][-–])(?:[ \t]+(?=\S)|[ \t]*$)  # I. / II) / III - / "I." alone
          |[-–][ \t]*(?=\p{{Lu}}))                                        # I- ĐÁNH GIÁ
        | (?P<dotted>[1-9]\d?(?:\.\d{{1,2}}){{1,3}})                        # 1.1 / 2.3.1
          (?:[.)][ \t]+(?=\S)|[ \t]+(?=\p{{Lu}}))                          # "1.1. X" or "1.1 X"
        | (?P<num>\d{{1,3}}(?=[ \t]*[.)])|\d{{1,2}}(?=[-–/]))                 # 1. / 2) / 3- X / 4/ X
          (?:[ \t]*[.)][ \t]+(?=\S)|[-–/][ \t]+(?=\p{{Lu}}))
        | (?P<letter>[a-zđ])(?:[ \t]*\)[ \t]+(?=\S)|[/\-–][ \t]+(?=\p{{Lu}}))  # a) / đ) / b/ X / c- X
        | (?P<letter2>[a-zđ])\.[ \t]+(?=\p{{Lu}})                         # a. Xây dựng
        | (?P<dash>[-–—•●▪◦\uf0b7\uf0a7\uf02d])(?:[ \t]+(?=\S)|(?=[^\s\d\-–—•]))  # - / • (not -5%, not ----)
        | (?P<star>\*)[ \t]+(?=\S)                                       # * Về kinh tế
        | (?P<plus>\+)(?:[ \t]+(?=\S)|(?=[^\s\d+]))                    # + (not +5)
        )""",
        regex.VERBOSE,
    )


@lru_cache(maxsize=None)
def _marker_heads() -> tuple[dict[str, bool], regex.Pattern] | None:
    """What tells from the first two characters of a line (its head) whether _marker() may
    match it: a pattern of the heads each of its alternatives may begin with (after its
    [ \t]*, which the pattern lets through), and a memo of its answers (_may_be_marker).
    Heads: a division word's first two letters in any case (its first letter and a space if
    it has one), a capital or a letter and a '.', a letter and a ')', '/', dash or space, a
    roman or any digit, a bullet. None when a division word is blank.
    benchmarks/check_outline.py checks it on every line of its texts."""
    heads = set()
    for w in load_map("outline_divisions"):
        parts = w.split()
        if not parts:
            return None
        p = parts[0]
        heads.add(regex.escape(p[:2]) if len(p) >= 2 else regex.escape(p) + r"\s")
    divs = "|".join(sorted(heads)) or "(?!)"
    return {}, lazy_pattern(regex.compile,
        rf"[ \t]|(?i:{divs})|[A-HJ-UWYĐ]\.|[a-zđ][. \t)/\-–]|[IVX]|\d|[-–—•●▪◦\uf0b7\uf0a7\uf02d*+]")


def _may_be_marker(heads: tuple[dict[str, bool], regex.Pattern] | None, head: str) -> bool:
    """Whether _marker() may match a line that begins with `head`, its first two characters
    (one for a line of one), as _marker_heads says."""
    if heads is None:
        return True
    memo = heads[0]
    try:
        return memo[head]
    except KeyError:
        if len(memo) > 50_000:
            memo.clear()
        ok = memo[head] = heads[1].match(head, None, None, False) is not None
        return ok


@lru_cache(maxsize=None)
def _furniture() -> regex.Pattern:
    """Lines that belong to the page, not to the text: page numbers, the gazette's running head,
    the signature stamp of a signed PDF."""
    stamps = alternation(load_list("outline_stamp_labels"))
    return lazy_pattern(regex.compile,
        rf"""^[ \t]*(?:\d{{1,4}}|Trang[ \t]+\d+(?:[ \t]*/[ \t]*\d+)?|-[ \t]*\d{{1,4}}[ \t]*-
        |CÔNG[ \t]+BÁO[ \t]*/.*|(?:{stamps})[ \t]*:.*)[ \t]*$""",
        regex.VERBOSE | regex.IGNORECASE,
    )


@lru_cache(maxsize=None)
def _quantity() -> regex.Pattern:
    """A figure with its unit ("150 tỷ đồng", "7,5%"): a line that gives one reports a result,
    it does not name a part ("1. Tổng thu ngân sách đạt 150 tỷ đồng" is no heading)."""
    return lazy_pattern(regex.compile, rf"\d(?:[\d.,]*\d)?\s*(?:{alternation(load_list('units'))})(?!\w)")


@lru_cache(maxsize=None)
def _dangling() -> regex.Pattern:
    return lazy_pattern(regex.compile, rf"(?:^|\s)(?:{alternation(load_phrases('outline_dangling_ends'))})$", regex.IGNORECASE)


_STRAIGHT_ITEM = lazy_pattern(regex.compile, r'(?m)^[ \t]*"(?=[ \t]*(?:\d{1,3}(?:\.\d{1,2})*[.)]|[a-zđ]\)|Điều[ \t]+\d)[ \t])')
_CLOSED = lazy_pattern(regex.compile, r"[.;:!?][”\"’')\]]*(?:\d{1,2})?$|\./\.$")  # "...năm 2025." / "cơ sở).1" (footnote)
_CLOSE_MARKS = frozenset(".;:!?")
_CLOSE_QUOTES = "”\"’')]"
_DIGIT = lazy_pattern(regex.compile, r"\d")


def _closes(t: str) -> bool:
    """_CLOSED.search(t) is not None, read from the end of t with str methods (the pattern's
    search tries every position of a paragraph-long line): a mark of _CLOSE_MARKS, then
    closing quotes and brackets, then no, one or two digits, at the end (or before a final
    line break; "./." ends in "." too). The closers are no marks, so a mark before the digits
    is the character before their whole run. benchmarks/check_outline.py compares the two."""
    if t[-1:] == "\n":
        t = t[:-1]
    n = len(t)
    for k in (0, 1, 2):  # how many digits end t
        if k and not _is_digit(t[n - k]):
            return False
        if t[:n - k].rstrip(_CLOSE_QUOTES)[-1:] in _CLOSE_MARKS:
            return True
        if n == k:
            return False
    return False


def _is_digit(c: str) -> bool:
    """Whether the pattern's \\d matches c: str.isdecimal in the Basic Multilingual Plane, where
    the two agree (check_outline.py asks both about every character); the regex module beyond
    it (its Unicode is newer than the standard library's)."""
    return c.isdecimal() if c < "\U00010000" else _DIGIT.match(c, None, None, False) is not None
_LOWER_START = lazy_pattern(regex.compile, r"^[ \t]*[\p{Ll}\d(“\"]")
# the ASCII characters a match of _LOWER_START begins with (any other one beyond ASCII)
_LOWER_START_ASCII = frozenset(" \t(\"0123456789abcdefghijklmnopqrstuvwxyz")


def _lower_start(t: str) -> bool:
    """_LOWER_START.match(t) is not None, tried only where t's first character may begin a
    match (check_outline.py compares)."""
    c = t[:1]
    return (c > "\x7f" or c in _LOWER_START_ASCII) and _LOWER_START.match(t, None, None, False) is not None
_WEAK = lazy_pattern(regex.compile, r"[\p{L}\d]$")  # a line cut inside a phrase (not after a comma or a bracket)
_UPPER_LINE = lazy_pattern(regex.compile, r"^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$")
_TRAIL = lazy_pattern(regex.compile, r"[\s,;:.\-–—]+$")
# segments of the formal layout that are no part of the body
_NOT_BODY = {"page_header", "authority", "motto", "number", "dateline", "doc_type", "summary", "header",
             "separator", "recipient", "recipients", "signer_prefix", "signer_title", "signer_name", "signature",
             "boilerplate", "timestamp", "byline", "source"}  # a news "title" or "site" line may be a report's part
_CLOSING = {"recipients", "signer_prefix", "signer_title", "signer_name", "signature"}
_WRAPPED_MIN = 5  # lines cut mid-sentence that make a document "wrapped" (a PDF, a fixed-width text)
_WRAP_MIN_WIDTH = 40  # shorter cut lines are a table's cells, not a wrap
_DANGLING = 0.5  # a shorter line ending in a dangling word is no wrap: a heading ("Kết quả đạt được")
_LONG = 0.85  # a line this share of the wrap width or longer may be cut mid-sentence


class _Line(NamedTuple):
    """A line of the document (made by tuple.__new__: a fourth of a dataclass's time); the
    marker a line is given is kept apart (find_outline's `marks`)."""

    start: int
    end: int
    text: str  # stripped
    kind: str  # "text", "blank", "furniture", "out" (not body)


@lru_cache(maxsize=None)
def _division_ranks() -> dict[str, str]:
    """Division word, lowercased -> its rank name."""
    return {k.lower(): v for k, v in load_map("outline_divisions").items()}


@lru_cache(maxsize=None)
def _marker_groups() -> GroupNumbers:
    """_marker's group numbers (a group read by name costs ~10x one by number)."""
    return GroupNumbers(_marker())


def _rank(m: regex.Match) -> tuple[str, str]:
    """(rank name, number as written) of a marker match."""
    group = m.lastgroup  # the one alternative that matched ("divnum" closes last in "div")
    if group in ("div", "divnum"):
        G = _marker_groups()
        word = " ".join(m[G.div].split())
        return _division_ranks().get(word.lower(), "article"), f"{word} {' '.join(m[G.divnum].split())}"
    if group == "dotted":
        dotted = m[_marker_groups().dotted]
        return f"dotted{min(dotted.count('.') + 1, 4)}", dotted
    if group in ("dash", "star", "plus"):
        return ("plus", "+") if group == "plus" else ("dash", "-")
    return {"letter2": "letter", "num": "number"}.get(group, group), m[group]


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans of the text inside paired curly quotes “…” (nested pairs inside outer ones;
    an opening quote never closed opens nothing)."""
    spans, stack = [], []
    for pos, opens in _curly_quotes(text):
        if opens:
            stack.append(pos)
        elif stack:
            s = stack.pop()
            if not stack:
                spans.append((s, pos + 1))
    # straight quotes pair up unreliably: only one that opens a quoted item ("a) ..., "2. ...)
    # is taken, up to the next straight quote
    for m in _straight_items(text):
        close = text.find('"', m.end())
        if close > 0:
            spans.append((m.start(), close + 1))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _curly_quotes(text: str) -> list[tuple[int, bool]]:
    """(offset, whether it opens) of every “ and ” of the text, in order: what
    regex.finditer(r"[“”]", text) finds, by str.find (benchmarks/check_outline.py)."""
    out = []
    for ch, opens in (("“", True), ("”", False)):
        i = text.find(ch)
        while i >= 0:
            out.append((i, opens))
            i = text.find(ch, i + 1)
    out.sort()
    return out


def _straight_items(text: str) -> list[regex.Match]:
    """_STRAIGHT_ITEM.finditer(text): tried only at the start of a line whose first character
    after spaces and tabs is a straight quote (its ^ is a line's start after "\\n" only)."""
    out = []
    q = text.find('"')
    while q >= 0:
        start = text.rfind("\n", 0, q) + 1
        if not text[start:q].strip(" \t"):
            m = _STRAIGHT_ITEM.match(text, start, None, False)
            if m is not None:
                out.append(m)
        q = text.find('"', q + 1)
    return out


def _curly_quotes_plain(text: str) -> list[tuple[int, bool]]:
    return [(m.start(), m.group() == "“") for m in regex.finditer(r"[“”]", text)]


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _may_be_furniture(st: str) -> bool:
    """Whether _furniture() may match the stripped line st: each of its forms holds a ':' or a
    '/', or ends in a digit or '-' (a non-ASCII last character that is no letter is let
    through: a digit of another script; no character the pattern's \\d matches is a letter
    for str.isalpha, check_outline.py asks both about every one)."""
    c = st[-1]
    return ":" in st or "/" in st or c in _FURNITURE_ENDS or c > "\x7f" and not c.isalpha()


_FURNITURE_ENDS = frozenset("0123456789-")


def _out_of_body(doc: Document) -> list[tuple[int, int]]:
    """The union of the document's segments out of the body (_NOT_BODY), as sorted spans."""
    out_spans: list[tuple[int, int]] = []
    for a, b in sorted((s.start, s.end) for s in doc.segments if s.kind in _NOT_BODY):
        if out_spans and a <= out_spans[-1][1]:
            out_spans[-1] = (out_spans[-1][0], max(b, out_spans[-1][1]))
        else:
            out_spans.append((a, b))
    return out_spans


def _lines(doc: Document) -> list[_Line]:
    """The document's lines (doc.iter_lines' spans, from one split of the text), each with
    its stripped text and its kind."""
    text = doc.text
    # the spans out of the body (sorted, apart: touching ones are one), and an end one past
    # every line; k: the first that ends after the line's first character (pos, which grows
    # from line to line), the only one that may hold it (_inside(out_spans, starts, pos))
    out_spans = _out_of_body(doc)
    out_spans.append((len(text) + 1, len(text) + 1))
    k = 0
    o_start, o_end = out_spans[0]
    furniture = _furniture().match
    lines = []
    append = lines.append
    new = tuple.__new__
    start = 0
    for t in text.split("\n"):
        end = start + len(t)
        st = t.strip()
        if not st:
            kind = "blank"
        else:
            pos = start if len(st) == len(t) else start + (len(t) - len(t.lstrip()))
            while o_end <= pos:
                k += 1
                o_start, o_end = out_spans[k]
            if o_start <= pos:
                kind = "out"
            elif _may_be_furniture(st) and furniture(st, None, None, False):
                kind = "furniture"
            else:
                kind = "text"
        append(new(_Line, (start, end, st, kind)))
        start = end + 1
    return lines


def _wrap_width(lines: list[_Line]) -> float | None:
    """The width at which the text was wrapped (the median length of lines cut mid-sentence),
    or None for a text with a line per paragraph."""
    cut = []
    prev = None  # the text of the last text line
    closed = _closes
    for _, _, t, kind in lines:
        if kind != "text":
            continue
        if (prev is not None and t[:1].islower() and len(prev) >= _WRAP_MIN_WIDTH
                and " " in t and not closed(prev)):  # not a table's cells
            cut.append(len(prev))
        prev = t
    if len(cut) < _WRAPPED_MIN:
        return None
    cut.sort()
    return cut[len(cut) // 2]


def find_outline(doc: Document) -> list[Section]:
    """The numbered sections of the document's body, in order (see the module's docstring)."""
    text = doc.text
    marker = _marker()
    heads = _marker_heads()
    seen = heads[0] if heads is not None else {}
    if not _any_marker(text, lines_of(doc), marker, heads, seen):
        return []  # most news items: no line to number, no lines' kinds, wrap width, quotations
    lines = _lines(doc)
    width = _wrap_width(lines)
    quotes = _quoted(text)
    q_starts = [s for s, _ in quotes]
    dangling = _dangling()

    def is_long(t: str) -> bool:
        return width is not None and len(t) >= _LONG * width

    def cut_at(t: str) -> bool:
        """A line of a wrapped text ending in a word no sentence ends with ("...quy định tại")."""
        return width is not None and len(t) >= _DANGLING * width and dangling.search(t, None, None, False) is not None

    def next_text(i: int) -> int | None:
        """Index of the next line of running text after line i (skipping blanks and page
        furniture; None at the end of the body)."""
        j = i + 1
        while j < len(lines):
            k = lines[j].kind
            if k == "text":
                return j
            if k == "out":
                return None
            j += 1
        return None

    # 1. the marker lines
    prev: _Line | None = None
    prev_mark = None  # the mark of the line before
    marks: dict[int, regex.Match | None] = {}  # line index -> its mark (None: taken back)
    marked: list[int] = []  # the lines given a mark, in order
    for i, ln in enumerate(lines):
        if ln.kind != "text":
            continue
        m = _mark_at(text, ln.start, ln.end, marker.match, heads, seen)
        if m and ln.text.count(" | ") >= 2:
            m = None  # a table's row
        if m and not _inside(quotes, q_starts, ln.start + (len(text[ln.start:ln.end]) - len(text[ln.start:ln.end].lstrip()))):
            ok = True
            if prev is not None and not _closes(prev.text) and not _UPPER_LINE.match(prev.text, None, None, False):
                # the line before is cut mid-sentence: this one continues it
                if prev_mark:  # a heading may end in any word ("1- Kết quả đạt được"): cut only if full
                    ok = not (is_long(prev.text) and dangling.search(prev.text, None, None, False))
                elif cut_at(prev.text) or (is_long(prev.text) and _WEAK.search(prev.text, None, None, False)
                                           and m.lastgroup in ("num", "letter", "roman", "dotted")):
                    ok = False
            if ok:
                marks[i] = m
                marked.append(i)
            else:
                m = None
        else:
            m = None
        prev = ln
        prev_mark = m

    def goes_on(t: str, j: int) -> bool:
        return is_long(t) or cut_at(t) or _inside(quotes, q_starts, lines[j].end)

    # 2. each marker's number, rank and heading
    items: list[tuple[int, str, str, str | None]] = []  # (line index, rank, number, heading)
    para_end: dict[int, int] = {}  # item -> end of its heading's paragraph, where its body must begin
    for i in marked:
        ln = lines[i]
        m = marks[i]
        if m is None:
            continue
        rank, number = _rank(m)
        rest = text[m.end():ln.end].strip()
        heading = None
        if not rest:
            # "Chương II" / "Điều 5." / "I." alone: the title, if any, is the line under it
            j = next_text(i)
            title = j is not None and marks.get(j) is None and _runs_on(lines, marks, j, lines[j].text, next_text, goes_on)
            if rank == "roman" and not (title is not False and title is not None and _UPPER_LINE.match(lines[j].text)):
                marks[i] = None  # a bare "I." without an UPPER title under it: a table's cell
                continue
            if title is not False and title is not None:
                heading = _TRAIL.sub("", lines[j].text, 0, None, None, False) or None
        else:
            last = _runs_on(lines, marks, i, rest, next_text, goes_on)
            if last is not None and not _quantity().search(rest, None, None, False):
                heading = _TRAIL.sub("", rest, 0, None, None, False) or None
                para_end[len(items)] = lines[last].end
        items.append((i, rank, number, heading))

    # 3. levels by rank, spans to the next section at the same or an outer level
    closing = sorted(s.start for s in doc.segments if s.kind in _CLOSING)
    rows: list[tuple[str, str | None, int, int, str | None]] = []  # (number, heading, level, start, path)
    stack: list[tuple[int, str | None]] = []  # (rank, number in a path: None for a bullet)
    part = 0  # closing parts passed
    for i, rank, number, heading in items:
        r = RANK[rank]
        start = lines[i].start
        if closing and bisect_right(closing, start) > part:
            part = bisect_right(closing, start)
            stack = []  # past a signature or "Nơi nhận": an annex, a tree of its own
        while stack and stack[-1][0] >= r:
            stack.pop()
        stack.append((r, None if rank in BULLETS else number))
        path = PATH_SEP.join(n for _, n in stack if n is not None) or None
        rows.append((number, heading, len(stack), start, path))
    ends = [len(text)] * len(rows)
    open_: list[int] = []
    for k, row in enumerate(rows):  # a section ends where the next one at its level or an outer one starts
        while open_ and rows[open_[-1]][2] >= row[2]:
            ends[open_.pop()] = row[3]
        open_.append(k)
    sections: list[Section] = []
    for k, (number, heading, level, start, path) in enumerate(rows):
        end = ends[k]
        c = bisect_right(closing, start)
        if c < len(closing):
            end = min(end, closing[c])
        while end > start and text[end - 1].isspace():
            end -= 1
        if k in para_end and heading and para_end[k] >= end:
            heading = None  # a line that names nothing after it is an item, not a heading
        # validated as Section(...) validates, without BaseModel.__init__'s frame (as
        # records.Evidence.of): checked values of our own making cost less than
        # model_construct's walk over the fields
        sections.append(_SECTION({"number": number, "heading": heading, "level": level, "start": start,
                                  "end": end, "section": path}))
    return sections


_SECTION = Section.__pydantic_validator__.validate_python


def _any_marker(text: str, lines, marker, heads, seen: dict[str, bool]) -> bool:
    """Whether marker.match finds a mark at the start of one of the lines (the non-empty ones,
    segment.lines_of), tried where _may_be_marker lets it (seen: its memo), as find_outline's
    first step tries it on each line of running text (a subset of these): without one, no
    line is marked and the outline is empty. benchmarks/check_outline.py compares
    find_outline with and without it."""
    match = marker.match
    for a, b, _ in lines:
        if _mark_at(text, a, b, match, heads, seen) is not None:
            return True
    return False


def _mark_at(text: str, a: int, b: int, match, heads, seen: dict[str, bool]) -> regex.Match | None:
    """match(text, a, b) (the marker's) for the line text[a:b], tried only where
    _may_be_marker lets its first two characters (a line of one: with the break after it);
    seen: _may_be_marker's memo, read here first."""
    head = text[a:a + 2]
    may = seen.get(head)
    if may is None:
        may = _may_be_marker(heads, head)
    return match(text, a, b, False) if may else None


def _runs_on(lines: list[_Line], marks: dict, i: int, rest: str, next_text, goes_on) -> int | None:
    """None when the item of marker line i runs on into a sentence (its paragraph, the line and
    the lines that continue it, ends with ".", ";" or ":"); else the index of the paragraph's
    last line (a heading, if a body follows it). marks: line index -> marker. goes_on(text, index): whether a line without
    a final mark is cut (a long line of a wrapped text, a line ending inside a quotation)."""
    cur = rest
    while True:
        if _closes(cur):
            return None
        j = next_text(i)
        if j is None or marks.get(j) is not None:
            return i
        nxt = lines[j].text
        if not (_lower_start(nxt) or goes_on(cur, i)) or _UPPER_LINE.match(cur, None, None, False):
            return i
        i, cur = j, nxt


def place_records(report: Report) -> None:
    """Set the `section` of every record of the report from the outline: the path of the
    innermost numbered section that contains the start of its evidence."""
    numbered = [s for s in report.outline if s.number not in ("-", "+")]
    if not numbered:
        return
    starts = [s.start for s in numbered]
    parent, stack = [], []  # the enclosing section of each (-1: none)
    for k, s in enumerate(numbered):
        while stack and numbered[stack[-1]].level >= s.level:
            stack.pop()
        parent.append(stack[-1] if stack else -1)
        stack.append(k)

    def at(pos: int) -> str | None:
        # the last section starting at or before pos, else the nearest of its ancestors that
        # reaches pos (any section holding pos and starting before it holds it too)
        k = bisect_right(starts, pos) - 1
        while k >= 0 and numbered[k].end <= pos:
            k = parent[k]
        return numbered[k].section if k >= 0 else None

    for key, rec in report.records():
        if key == "document" or key == "signer":
            continue
        if rec.evidence is not None:
            rec.section = at(rec.evidence.start)


def print_outline(doc: Document, fmt: str = "tree") -> None:
    """Print the outline of a segmented document: as an indented tree ("tree": number, heading
    or the start of its first line, span), or as JSON with the segments ("json")."""
    import json

    outline = find_outline(doc)
    if fmt == "json":
        segments = [{"kind": s.kind, "start": s.start, "end": s.end, "parent": s.parent} for s in doc.segments]
        print(json.dumps({"layout": doc.layout, "outline": [s.model_dump(mode="json") for s in outline],
                          "segments": segments}, ensure_ascii=False, indent=1))
        return
    print(f"# layout: {doc.layout}; {len(outline)} sections")
    for s in outline:
        line = doc.text[s.start:s.end].split("\n", 1)[0].strip()
        shown = s.heading if s.heading else (line if len(line) <= 70 else line[:69] + "…")
        print(f"{'  ' * (s.level - 1)}{shown if s.heading is None else s.number + '  ' + shown}  [{s.start}-{s.end}]")
