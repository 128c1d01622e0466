"""Document references: "Chỉ thị số 45-CT/TW, ngày 20-6-2020 của Bộ Chính trị" -> DocumentRef.

Three rules find the mentions of a cited document:

- ``ref.symbol``: a symbol with type and issuer codes, Party style with a hyphen
  ("45-CT/TW", "35- NQ/TW", "40 - CT / TW") or state style with slashes ("1436/QĐ-UBND",
  "30/2020/NĐ-CP", "326/UBND-KGVX", "03 / KH - BCA"), line breaks of PDF text allowed;
- ``ref.bare``: a type word and a bare number ("Nghị quyết số 835", "chỉ thị 05",
  "các đề án 05,07,08", "Lệnh số 08/2013");
- then, around each mention, ``ref.tail`` reads the date and the issuer after it
  (", ngày 20-6-2020 của Bộ Chính trị") and ``ref.lead`` the clause before it
  ("Ngày 01/02/2020, UBND tỉnh ban hành Công văn số ...", "của Giám đốc Sở Tài chính tại").

Mentions of one document are merged (a later "Chỉ thị 05" is "Chỉ thị số 05-CT/TW");
for each field the first mention that gives it wins. The formal document's own number
is not a reference. Type and issuer codes are decoded from lexicons (ref_*_codes.txt),
so a symbol cited without its type word still gets a kind.
"""
from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from time import perf_counter

import regex

from ..budget import PatternTimeout, limit, matches, matches_at_bounded
from ..lang.dates import find_dates, find_dates_from
from ..doc.document import Document
from ..lexicon import (GroupNumbers, alternation, lazy_pattern, lexicon_generation, load_list, load_map, lowered_if_safe,
                       search_at_starts, starts_finder)
from ..records import DocumentRef, Evidence

_LU = r"A-ZĐÀ-ỸẠ-Ỹ\p{Lu}"


@lru_cache(maxsize=None)
def _kinds() -> dict[str, str]:
    """lowercased type word -> its canonical form ("đề án" -> "Đề án")."""
    words = list(load_list("doc_type_words")) + list(load_list("ref_kind_words"))
    return {w.lower(): w[:1].upper() + w[1:] for w in words}


# A code of a symbol: "CT", "TW", "QĐi", "TTr", "TTg", "QyĐ", "QH12", "UBVHXH15"; two capitals
# or capital-lower-capital at its start, so a word such as "Ban" is never a code.
_CODE = r"(?=[A-ZĐ][A-ZĐ]|[A-ZĐ][a-zđ][A-ZĐ])[A-ZĐ][A-ZĐa-zđ]{0,14}\d{0,3}(?![\w])"
_CODES = rf"{_CODE}(?:(?:[ ]?-[ \n]?|\.){_CODE}){{0,3}}"

SYMBOL = lazy_pattern(regex.compile,
    rf"""
    (?<![\w/.-])                                  # not inside a longer token
    (?P<num>\d{{1,5}})                            # 45 | 1436 | 30
    (?:
        [ ]?-[ \n]?(?P<pcode>{_CODE})             # Party: -CT
        [ ]?/[ \n]?(?P<pissuer>{_CODES})          #        /TW, /BTCTW
      | (?:[ ]?/[ \n]?(?P<year>\d{{4,5}}))?       # state: /2020 (normative acts)
        [ ]?/[ \n]?(?P<scodes>{_CODES})           #        /NĐ-CP, /QĐ-UBND, /UBND-KGVX
    )
    """,
    regex.VERBOSE,
)
# group numbers: a match's group read by name costs ~10x one by number
_SYMBOL_G = GroupNumbers(SYMBOL)


@lru_cache(maxsize=None)
def _bare_pattern() -> regex.Pattern:
    blockers = alternation(load_list("ref_bare_blockers"))
    return lazy_pattern(regex.compile,
        rf"""
        (?<!\w)(?P<kind>(?i:{alternation(_kinds().values())}))   # Nghị quyết | chỉ thị
        (?P<so>\s+(?i:số))?\s*:?[ ]                               # số
        (?P<nums>\d{{1,4}}(?:/\d{{4}})?                           # 835 | 08/2013
                 (?:[ ]?,[ ]?\d{{1,4}}|[ ]và[ ]\d{{1,4}}){{0,9}}) # 05,07,08
        (?!\d|[.,]\d|[ ]?[-/][ \n]?[\dA-ZĐ])                     # not a decimal, not a symbol
        (?![ ]+(?i:{blockers})(?!\w))                             # not "kế hoạch 5 năm"
        """,
        regex.VERBOSE,
    )


@lru_cache(maxsize=None)
def _kind_before() -> regex.Pattern:
    """The type word right before a symbol: "Chỉ thị số ", "Công⏎văn số⏎", "Luật số: "."""
    return lazy_pattern(regex.compile,
        rf"(?<!\w)(?P<kind>(?i:{alternation(_kinds().values())}))(?:\s+(?i:số))?\s*:?\s*\Z"
    )


@lru_cache(maxsize=None)
def _kind_in_clause() -> regex.Pattern:
    """A capitalised type word a few words before "số": "Luật Bảo hiểm xã hội số ", "Báo cáo⏎thẩm tra số "."""
    kinds = alternation(_kinds().values())
    return lazy_pattern(regex.compile,
        rf"(?<!\w)(?P<kind>{kinds})(?P<mid>(?:\s+[^\s,;:.()“”\"]+){{1,8}}?)\s+số\s*:?\s*\Z"
    )


_DATE_HEAD = r"(?i:ngày)\s+\d{1,2}(?:\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
# ref.lead: "Ngày 01/02/2020, Ủy ban nhân dân tỉnh ban hành Công văn số", "Sở Nội vụ có Công văn số"
LEAD = lazy_pattern(regex.compile,
    rf"""
    (?:(?P<date>{_DATE_HEAD})\s*,\s*)?                  # Ngày 01/02/2020,
    (?P<subj>[{_LU}][^,;:.()\[\]“”"\d]{{1,90}}?)       # Ủy ban nhân dân tỉnh
    \s+(?:đã\s+)?(?P<verb>ban\s+hành|có|ký)\s+          # ban hành | có | ký
    (?:các\s+)?\Z
    """,
    regex.VERBOSE,
)
# ref.lead: "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số"
LEAD_OF = lazy_pattern(regex.compile, rf"(?<!\w)của\s+(?P<subj>[{_LU}][^,;:.()\[\]“”\"\d]{{1,80}}?)\s+tại\s+\Z")
_LEAD_G, _LEAD_OF_G = GroupNumbers(LEAD), GroupNumbers(LEAD_OF)
# what LEAD's subject, verb and "các" cannot hold (a match holds one only in its date and
# the comma after it), the last one found by a reverse search; where a date can begin; where
# a subject can begin (see _lead_search)
_LEAD_STOP = lazy_pattern(regex.compile, r"(?r)[,;:.()\[\]“”\"\d]")
_LEAD_DATE = lazy_pattern(regex.compile, r"(?i:ngày)")
_LEAD_SUBJ = lazy_pattern(regex.compile, rf"[{_LU}]")
TAIL_TO_DATE = lazy_pattern(regex.compile, r"[ \t]*,?\s*(?:(?:được\s+)?ban\s+hành\s+|ký\s+)?(?:vào\s+)?(?:(?i:ngày)\s+)?")
TAIL_TO_ISSUER = lazy_pattern(regex.compile, r"\s*,?\s*(?:của|do)\s+(?=[\p{Lu}\p{Ll}])")


@lru_cache(maxsize=None)
def _issuer_stop() -> regex.Pattern:
    stops = alternation(load_list("ref_issuer_stops"))
    return lazy_pattern(regex.compile,
        rf"""
          \s(?:{stops})(?!\w)                      # về, quy định, ban hành ...
        | [;:“”"\[\]]                              # punctuation that ends a name
        | \s\d                                     # a number: the name is over
        | (?<!\b(?:TP|Tp|T\.Ư|TW))\.(?!\w)        # a full stop (not "TP. HCM")
        | \((?!\s*(?i:khóa|khoá))                  # a parenthesis, unless "(khóa XVII)"
        | \)
        """,
        regex.VERBOSE,
    )


@lru_cache(maxsize=None)
def _issuer_heads() -> regex.Pattern:
    return lazy_pattern(regex.compile, rf"\s*(?:{alternation(load_list('ref_issuer_heads'))})(?!\w)")


# a comma inside one body's name: ", Thể thao và Du lịch"
_PARTS_OF_ONE = lazy_pattern(regex.compile, rf"\s[{_LU}]\w*(?:\s\w+){{0,3}}\svà\s[{_LU}]")
_GLUE_WORDS = frozenset({"sở", "bộ", "ban", "của", "và", "hội", "cục", "tổng"})


def _issuer_at(text: str, start: int) -> tuple[int, int] | None:
    """The span of the issuer's name that starts at `start`, cut at its first stop."""
    limit = min(len(text), start + 160)
    end = limit
    # no regex clock: the window is at most 160 characters and each try reads a word or two
    m = _issuer_stop().search(text, start, limit, False)
    if m:
        end = m.start() + (1 if m.group() == ")" else 0)
        if m.group().startswith("("):  # "(khóa XVII)": keep up to the closing parenthesis
            close = text.find(")", m.start(), limit)
            end = close + 1 if close > 0 else m.start()
    # a comma ends the name unless it lists the parts of one body ("Bộ Văn hóa, Thể thao và Du lịch")
    pos = start
    while True:
        comma = text.find(",", pos, end)
        if comma < 0:
            break
        after = text[comma + 1:end]
        if _PARTS_OF_ONE.match(after, None, None, False):
            pos = comma + 1
            continue
        end = comma
        break
    # a line break ends it when the next line starts a new sentence ("UBND tỉnh⏎Kính gửi: ...")
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            break
        prev = text[start:nl].split()
        nxt = text[nl + 1:end].lstrip()
        if nxt[:1].isupper() and not (prev and prev[-1].lower() in _GLUE_WORDS):
            end = nl
            break
        pos = nl + 1
    words = text[start:end].split()
    if len(words) > 12:
        return None
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",-–"):
        end -= 1
    if end <= start or not text[start].isalpha():
        return None
    return start, end


def _clean(s: str) -> str:
    return " ".join(s.split())


# precompiled: a module-level regex.sub costs more in its cache lookup than in its match
_LINE_BREAK = lazy_pattern(regex.compile, r"[ \t]*\n[ \t]*")
_SPACES = lazy_pattern(regex.compile, r"\s+")
_LEAD_ZEROS = lazy_pattern(regex.compile, r"^0+(?=\d)")
_LEAD_INT = lazy_pattern(regex.compile, r"\s*(\d+)")
_CODE_SEP = lazy_pattern(regex.compile, r"\s*[-.]\s*")
_CODE_SEP_OR_SPACE = lazy_pattern(regex.compile, r"\s*[-.]\s*|\s+")
_TRAILING_DIGITS = lazy_pattern(regex.compile, r"\d+$")
_NUM_OF_LIST = lazy_pattern(regex.compile, r"\d+(?:/\d{4})?")
_CLAUSE_START = lazy_pattern(regex.compile, r"[\n,;:.)]\s*\Z")


def _compact_symbol(s: str) -> str:
    """The number as written, a line break inside it dropped and space runs collapsed."""
    if "\n" in s:  # (what _LINE_BREAK matches holds one)
        s = _LINE_BREAK.sub("", s, 0, None, None, False)
    return " ".join(s.split())


@lru_cache(maxsize=4096)
def _key(number: str) -> str:
    """Comparison key of a number: no spaces, upper case, leading zeros of the serial dropped."""
    k = _SPACES.sub("", number, 0, None, None, False).upper().replace("–", "-")
    return _LEAD_ZEROS.sub("", k, 0, None, None, False)


@lru_cache(maxsize=4096)
def _lead_int(number: str) -> int | None:
    """The number's leading serial (a per-number memo, as _key: a reference is looked up again
    at each of its mentions)."""
    m = _LEAD_INT.match(number, None, None, False)
    return int(m.group(1)) if m else None


def _canonical_kind(raw: str | None) -> str | None:
    if not raw:
        return None
    return _kinds().get(_clean(raw).lower())


_DECODED: dict[tuple, tuple] = {}  # (lexicon generation, codes) -> _decode's answer


def _decode(m: regex.Match) -> tuple[str | None, str | None, str | None, str | None]:
    """(kind, type_code, issuer_code, issuer_expanded) read from a symbol's codes (the answer
    depends on the codes and the lexicons only: a document cites the same few codes often)."""
    G = _SYMBOL_G
    key = (lexicon_generation(), m[G.pcode], m[G.pissuer], m[G.scodes], bool(m[G.year]))
    try:
        return _DECODED[key]
    except KeyError:
        if len(_DECODED) >= 4096:
            _DECODED.clear()
        value = _DECODED[key] = _decode_codes(m)
        return value


def _decode_codes(m: regex.Match) -> tuple[str | None, str | None, str | None, str | None]:
    issuers = load_map("ref_issuer_codes")
    if m["pcode"]:
        party = load_map("ref_party_codes")
        icode = _CODE_SEP.split(m["pissuer"].strip(), 0, False)[0]
        return party.get(m["pcode"]), m["pcode"], icode, issuers.get(icode)
    codes = [c for c in _CODE_SEP_OR_SPACE.split(m["scodes"], 0, False) if c]
    state = load_map("ref_state_codes")
    first = codes[0]
    base = _TRAILING_DIGITS.sub("", first, 0, None, None, False)
    if first in state or base in state:
        tcode = first if first in state else base
        icode = codes[1] if len(codes) > 1 else None
        ibase = _TRAILING_DIGITS.sub("", icode, 0, None, None, False) if icode else None
        return state[tcode], tcode, icode, issuers.get(icode) or issuers.get(ibase or "")
    if base in issuers or first in issuers:
        # no type code: a công văn ("326/UBND-KGVX") if individual, else unknown ("57/2010/QH12")
        kind = None if m["year"] else "Công văn"
        return kind, None, first, issuers.get(first) or issuers.get(base)
    return None, None, first, None


@dataclass
class _Mention:
    start: int
    num_start: int
    end: int
    number: str
    kind: str | None
    bare: bool
    type_code: str | None = None
    issuer_code: str | None = None
    issuer_expanded: str | None = None
    tail_from: int | None = None  # where date and issuer are read: the end of a list "05,07,08"


@dataclass
class _Ref:
    number: str
    kind: str | None
    bare: bool
    start: int
    end: int
    date: str | None = None
    issuer: str | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    issuer_expanded: str | None = None
    keys: set = field(default_factory=set)


def _own_keys(doc: Document) -> tuple[set[str], list[tuple[int, int]]]:
    keys, spans = set(), []
    for seg in doc.segments_of("number"):
        spans.append((seg.start, seg.end))
        # no regex clock: SYMBOL has no unbounded quantifier (see _symbol_matches), a scan
        # of it is linear
        for m in SYMBOL.finditer(doc.text, seg.start, seg.end, False, False):
            keys.add(_key(m.group()))
    return keys, spans


# a run of one to five digits not inside a longer token: where a symbol begins (its number),
# and, after a space, where a bare reference's number may begin
_NUMBER_RUN = lazy_pattern(regex.compile, r"(?<![\w/.-])\d{1,5}(?!\d)")
# the same for a lower-safe text (lexicon.lowered_if_safe), where \d matches 0-9 only (none
# of the other decimal digits is lower-safe; check_refs.py): the regex module scans a [0-9]
# class about twice as fast as \d
_ASCII_NUMBER_RUN = lazy_pattern(regex.compile, r"(?<![\w/.-])[0-9]{1,5}(?![0-9])")


_CODE_HEADS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")  # what _CODE begins with


def _numbers_plain(text: str) -> tuple[list[int], list[int]]:
    """_numbers with _NUMBER_RUN whatever the text (check_refs.py)."""
    return _numbers(text, _NUMBER_RUN)


def _numbers(text: str, run=None) -> tuple[list[int], list[int]]:
    """(where a match of SYMBOL may begin, where the number of a bare reference may begin),
    from one scan of the text's short digit runs. A symbol's number is a whole run of at most
    five digits (SYMBOL's lookbehind before it; " ", "-" or "/" after it) with "-" or "/"
    after it, or after one space, then a code or a year (see below); a bare reference's number is a whole run of at most four
    digits after a space (its lookahead fails on a digit after its \\d{1,4}; a space is not in
    [\\w/.-]). The scan cannot backtrack: no time limit on it."""
    if run is None:
        run = _NUMBER_RUN if lowered_if_safe(text) is None else _ASCII_NUMBER_RUN
    symbols, bare = [], []
    for m in run.finditer(text, None, None, False, False):
        d, e = m.span()
        c = text[e:e + 1]
        sep = e if c == "-" or c == "/" else e + 1 if c == " " and text[e + 1:e + 2] in ("-", "/") else -1
        if sep >= 0:
            # after the separator (and one space or line break): a code's capital, or after
            # "/" a year's four digits (str.isdigit holds for every \d): a date's "20/6/2020"
            # or "20-6-2020" is not tried
            k = sep + 2 if text[sep + 1:sep + 2] in (" ", "\n") else sep + 1
            if text[k:k + 1] in _CODE_HEADS or (text[sep] == "/" and len(text[k:k + 4]) == 4 and text[k:k + 4].isdigit()):
                symbols.append(d)
        if d and text[d - 1] == " ":
            bare.append(d)
    return symbols, bare


def _symbol_matches_plain(text: str) -> list[regex.Match]:
    return matches(SYMBOL, text)


def _symbol_matches(text: str, starts: list[int] | None = None) -> list[regex.Match]:
    """matches(SYMBOL, text), SYMBOL tried only at `starts` (_numbers' first list), which
    holds every start of a match (benchmarks/check_refs.py). SYMBOL has no unbounded
    quantifier: a try reads a few dozen characters at most; the clock is read between them."""
    if starts is None:
        starts = _numbers(text)[0]
    return matches_at_bounded(SYMBOL, text, starts)


@lru_cache(maxsize=None)
def _kind_starts():
    """A function lowered_window -> where the first word of a type word (lowercase) begins in
    it (lexicon.starts_finder), or None: where kind_before may match (_kind_before_search)."""
    return starts_finder({k.split()[0] for k in _kinds() if k.split()})


def _kind_before_search(text: str, lowered: str | None, lo: int, s: int) -> regex.Match | None:
    """_kind_before().search(text, lo, s), the pattern tried only where the first word of a
    type word begins in the lowercase copy of a lower-safe text (lexicon.lowered_if_safe: there
    a lowercase word occurs exactly where it matches case-insensitively, and a match begins with
    its type word's first word, a space of a type word matching whitespace only after it), in
    order: the first that matches is the search's (a match at p reads the same text, its
    lookbehind before p included, as the search's try at p). The search tries the
    case-insensitive alternation at each of the window's 40 starts (~70k instructions, one
    per symbol). check_refs.py compares the two."""
    return search_at_starts(_kind_before(), _kind_starts(), text, lowered, lo, s)


def _kind_before_plain(text: str, lowered: str | None, lo: int, s: int) -> regex.Match | None:
    return _kind_before().search(text, lo, s, False)


def _symbol_mentions(text: str, starts: list[int] | None = None, kind_search=None) -> Iterator[_Mention]:
    """The mentions of the symbols. kind_search: _kind_before_search (the default) or
    _kind_before_plain (check_refs.py)."""
    kind_before, kind_in_clause = _kind_before(), _kind_in_clause()
    kb_kind, kc_kind = kind_before.groupindex["kind"], kind_in_clause.groupindex["kind"]
    search = _kind_before_search if kind_search is None else kind_search
    lowered = lowered_if_safe(text)
    for m in _symbol_matches(text, starts):
        s = m.start()
        kind_raw = None
        # no regex clock: windows of 40 and 120 characters before the symbol
        km = search(text, lowered, max(0, s - 40), s)
        start = s
        if km:
            kind_raw, start = km[kb_kind], km.start()
        elif _ends_with(text, max(0, s - 120), s, _SO):  # the clause's "số" right before the symbol
            cm = kind_in_clause.search(text, max(0, s - 120), s, False)
            if cm:
                kind_raw, start = cm[kc_kind], cm.start()
        kind, tcode, icode, iexp = _decode(m)
        yield _Mention(start, s, m.end(), _compact_symbol(m.group()), _canonical_kind(kind_raw) or kind,
                       False, tcode, icode, iexp)


@lru_cache(maxsize=None)
def _bare_before_number():
    """_bare_pattern's part before the number, matched backwards from the number's first
    digit: where a bare reference can begin whose number begins there. None when a type
    word holds anything but letters and single spaces, or ends with "số" (the proof in
    _bare_matches needs neither)."""
    kinds = list(_kinds().values())
    if any(not all(c.isalpha() or c == " " for c in k) or k.lower().split()[-1:] == ["số"] for k in kinds):
        return None
    # possessive: what each whitespace run stands before is a letter or ":" (never a space),
    # so giving a space back never helps; a try reads each whitespace run once
    return lazy_pattern(regex.compile, rf"(?r)(?<!\w)(?:(?i:{alternation(kinds)}))(?:\s+(?i:số))?+\s*+:?[ ]")


@lru_cache(maxsize=None)
def _bare_word_ends() -> frozenset[str]:
    """":" and the last letters of "số" and of the type words, lowercase: what can stand right
    before the space before a bare number (other than whitespace)."""
    return frozenset({":", "ố"} | {k.split()[-1][-1] for k in _kinds() if k.split()})


@lru_cache(maxsize=None)
def _bare_last_words() -> tuple[str, ...]:
    """"số" and the last word of each type word, lowercase: one of them ends right before the
    space before a bare number when a letter stands there."""
    return tuple(sorted({k.split()[-1] for k in _kinds() if k.split()} | {"số"}))


def _bare_matches_plain(text: str) -> list[regex.Match]:
    """matches(_bare_pattern(), text), the plain scan (benchmarks/check_refs.py)."""
    return matches(_bare_pattern(), text)


def _bare_matches(text: str, digits: list[int] | None = None) -> list[regex.Match]:
    """matches(_bare_pattern(), text), from the numbers back: the part before the number
    matched backwards from each short digit run after a space (_numbers), the whole pattern
    then tried only where that found a start (benchmarks/check_refs.py checks they are the same).

    Why every match is found: a match at p reads type word, " số", ":" and spaces up to its
    number's first digit d (none of them a digit), so d follows a space and no digit lies in
    [p, d); the backward match from d reads the same tail (greedy; its whitespace runs stand
    before letters or ":") and then the longest type word that ends there and is not inside
    a word, starting at p_r <= p. A forward try at p_r with that word reaches the same tail
    and matches; no earlier match ends inside the type word (matches end with a digit), so
    the scan would have matched at p_r: p_r = p."""
    before = _bare_before_number()
    if before is None:
        return _bare_matches_plain(text)
    seconds = limit(len(text))
    deadline = perf_counter() + seconds
    back = before.match
    starts = []
    # the character before the number's space: ":", a space, or the last letter of "số" or of
    # a type word; read in the lowercase copy, where a letter matches one of those
    # case-insensitively exactly when it is one (lexicon.NOT_LOWER_SAFE; check_refs.py)
    lowered = lowered_if_safe(text)
    ends = _bare_word_ends()
    # a letter there: "số" or a type word ends right before the space (the backward match
    # reads no ":" nor whitespace after it), its last word in the lowercase copy too
    lasts = _bare_last_words()
    # each backward try reads a bounded stretch (a type word, "số", ":") and the whitespace
    # runs between them once, and the tries read disjoint stretches (digits lie between): no
    # try can run away; the clock is read between them (budget.matches_at_bounded's rule)
    for d in (_numbers(text)[1] if digits is None else digits):
        if lowered is not None and d >= 2:
            c = lowered[d - 2]
            if c in ends:
                if c != ":" and not lowered.endswith(lasts, 0, d - 1):
                    continue
            elif not c.isspace():  # str.isspace holds for every \s
                continue
        if perf_counter() > deadline:
            raise PatternTimeout(seconds)
        m = back(text, 0, d, False)
        if m is not None:
            starts.append(m.start())
    # the forward tries from those starts: a type word, whitespace runs read once, a bounded list
    return matches_at_bounded(_bare_pattern(), text, sorted(set(starts)), seconds=max(0.0, deadline - perf_counter()))


def _bare_mentions(text: str, digits: list[int] | None = None) -> Iterator[_Mention]:
    gi = _bare_pattern().groupindex
    g_kind, g_so, g_nums = gi["kind"], gi["so"], gi["nums"]
    for m in _bare_matches(text, digits):
        nums = m[g_nums]
        if "/" in nums and not m[g_so]:
            continue
        kind = _canonical_kind(m[g_kind])
        for n in _NUM_OF_LIST.finditer(nums, None, None, False, False):
            value = n.group()
            if "/" not in value and not m[g_so] and 1900 <= int(value) <= 2100:
                continue  # "kế hoạch 2020" is a year
            s = m.start(g_nums) + n.start()
            yield _Mention(m.start(), s, s + len(value), value, kind, True, tail_from=m.end(g_nums))


def _tail(text: str, mention: _Mention) -> tuple[str | None, tuple[int, int] | None, int]:
    """Date and issuer written right after a mention, and where they end."""
    end = mention.tail_from or mention.end
    date = None
    # no regex clock in _tail: each match reads a window of at most 40 characters
    t = TAIL_TO_DATE.match(text, end, min(len(text), end + 40), False)
    if t:
        # a date counts only where it begins by t.end(): the dates that begin later are not read
        for d in find_dates_from(text, end, min(len(text), end + 60), t.end()):
            if end <= d.start <= t.end() and (d.year is not None or d.month is not None):
                date, end = d.iso(), d.end
                break
    issuer = None
    i = TAIL_TO_ISSUER.match(text, end, min(len(text), end + 20), False)
    if i:
        issuer = _issuer_at(text, i.end())
    elif date:
        h = _issuer_heads().match(text, end, min(len(text), end + 40), False)
        if h:
            issuer = _issuer_at(text, end + len(h.group()) - len(h.group().lstrip()))
    if issuer:
        end = issuer[1]
    return date, issuer, end


# the last word before the trailing spaces (and a colon) that each backward pattern ends with:
# a cheap test before the search, which tries every start in its window
_SO = ("số",)  # _kind_in_clause: "... số:"
_LEAD_VERBS = ("hành", "có", "ký", "các")  # LEAD: "ban hành", "có", "ký", "các"
_TAI = ("tại",)  # LEAD_OF: "... tại"


def _ends_with(text: str, lo: int, hi: int, words: tuple[str, ...]) -> bool:
    """Does text[lo:hi], trailing spaces and one colon set aside, end with one of `words`?
    (str.isspace is true for every character \\s matches: a pattern that matches passes.)"""
    t = text[lo:hi].rstrip()
    if t.endswith(":"):
        t = t[:-1].rstrip()
    return t.endswith(words)


def _lead_search(text: str, lo: int, a: int) -> regex.Match | None:
    """LEAD.search(text, lo, a), LEAD tried only where a match can begin (in order: the
    first that matches is the search's). Let q be the end of the last character of [lo, a)
    that LEAD's subject cannot hold (_LEAD_STOP; lo if none). A match without a date holds
    none of them but maybe its first character (the subject's first is of [{_LU}], whose
    range À-Ỹ holds a few digits), as "đã", the verb, "các" and spaces hold none: it begins
    at q - 1 or after, at a character of [{_LU}]. A match with a date holds the comma after
    it, which then lies in [p, a) and is not p's "n": it begins before q - 1, with "ngày".
    LEAD has no lookbehind: LEAD.match at a start tries what the search tries there.
    benchmarks/check_refs.py compares the two."""
    stop = _LEAD_STOP.search(text, lo, a, False)
    q = lo if stop is None else stop.end()
    match = LEAD.match
    if q > lo:
        for n in _LEAD_DATE.finditer(text, lo, q, False, False):
            m = match(text, n.start(), a, False)
            if m is not None:
                return m
    for c in _LEAD_SUBJ.finditer(text, max(lo, q - 1), a, False, False):
        m = match(text, c.start(), a, False)
        if m is not None:
            return m
    return None


def _lead(text: str, mention: _Mention) -> tuple[str | None, tuple[int, int] | None, int]:
    """Date and issuer of the clause before a mention ("Ngày X, <issuer> ban hành ...")."""
    a = mention.start
    lo = max(0, a - 200)
    # no regex clock in _lead: the window is 200 characters, a try reads at most ~130 (its
    # subject is lazy {1,90}? before a \Z): bounded
    m = _lead_search(text, lo, a) if _ends_with(text, lo, a, _LEAD_VERBS) else None
    if m:
        G = _LEAD_G
        subj_s, subj_e = m.span(G.subj)
        # the subject starts a clause: after a punctuation mark, a line start or the date
        before = text[max(0, subj_s - 3):subj_s]
        if not (m[G.date] or subj_s == 0 or _CLAUSE_START.search(before, None, None, False)):
            return None, None, a
        if m[G.verb] == "ký" and not m[G.date]:
            return None, None, a  # "Phó Chủ tịch ... Trương Thanh Tùng đã ký": a signer, not the issuer
        if len(text[subj_s:subj_e].split()) > 10:
            return None, None, a
        date = None
        if m[G.date]:
            ds = find_dates(text, *m.span(G.date))
            date = ds[0].iso() if ds else None
        return date, (subj_s, subj_e), m.start()
    m = LEAD_OF.search(text, lo, a, False) if _ends_with(text, lo, a, _TAI) else None
    if m and len(m[_LEAD_OF_G.subj].split()) <= 10:
        subj = m.span(_LEAD_OF_G.subj)
        return None, subj, subj[0]
    return None, None, a


def find_document_refs(doc: Document) -> Iterator[DocumentRef]:
    """Every document cited by number, once per distinct number, in order of first mention."""
    text = doc.text
    own, own_spans = _own_keys(doc)
    numbers = _numbers(text)
    mentions = sorted(
        list(_symbol_mentions(text, numbers[0])) + list(_bare_mentions(text, numbers[1])),
        key=lambda x: (x.num_start, x.bare)
    )
    refs = _Refs()
    for mt in mentions:
        if any(s <= mt.num_start < e for s, e in own_spans) or _key(mt.number) in own:
            continue
        date, issuer, end = _tail(text, mt)
        ldate, lissuer, lstart = _lead(text, mt)
        date = date or ldate
        issuer = issuer or lissuer
        start = min(mt.start, lstart) if (ldate or lissuer) else mt.start
        target = refs.find(mt)
        if target is None:
            target = refs.add(_Ref(mt.number, mt.kind, mt.bare, start, end))
        elif target.bare and not mt.bare:
            refs.unindex(target)
            target.number, target.bare = mt.number, False  # "Chỉ thị 05" then "Chỉ thị số 05-CT/TW"
            target.kind = target.kind or mt.kind
            refs.index(target)
        elif not target.kind:
            refs.unindex(target)
            target.kind = target.kind or mt.kind
            refs.index(target)
        refs.add_key(target, _key(mt.number))
        target.date = target.date or date
        if target.issuer is None and issuer:
            target.issuer = _clean(text[issuer[0]:issuer[1]])
        for f in ("type_code", "issuer_code", "issuer_expanded"):
            if getattr(target, f) is None:
                setattr(target, f, getattr(mt, f))
    for r in refs.refs:
        yield DocumentRef(
            kind=r.kind, number=r.number, date=r.date, issuer=r.issuer, type_code=r.type_code,
            issuer_code=r.issuer_code, issuer_expanded=r.issuer_expanded,
            evidence=Evidence.of(text, r.start, r.end),
        )


class _Refs:
    """The references found so far, in order, indexed for `find`: by key, and by leading
    serial and type word (bare ones apart), so that a mention costs a few dict lookups,
    not a scan of every reference. Each index lists reference numbers in ascending order,
    so the first candidate that fits is the first reference the scan would have found."""

    def __init__(self) -> None:
        self.refs: list[_Ref] = []
        self.by_key: dict[str, list[int]] = {}
        self.by_serial: dict[tuple, list[int]] = {}  # (serial, kind) -> references
        self.bare_by_serial: dict[tuple, list[int]] = {}  # the same, bare references only
        self.pos: dict[int, int] = {}  # id(ref) -> its place in refs

    def add(self, r: _Ref) -> _Ref:
        self.pos[id(r)] = len(self.refs)
        self.refs.append(r)
        self.index(r)
        return r

    def add_key(self, r: _Ref, key: str) -> None:
        if key not in r.keys:
            r.keys.add(key)
            insort(self.by_key.setdefault(key, []), self.pos[id(r)])

    def _serial_lists(self, r: _Ref) -> list[list[int]]:
        if not r.kind:
            return []
        k = (_lead_int(r.number), r.kind)
        lists = [self.by_serial.setdefault(k, [])]
        if r.bare:
            lists.append(self.bare_by_serial.setdefault(k, []))
        return lists

    def index(self, r: _Ref) -> None:
        for lst in self._serial_lists(r):
            insort(lst, self.pos[id(r)])

    def unindex(self, r: _Ref) -> None:
        for lst in self._serial_lists(r):
            lst.remove(self.pos[id(r)])

    def find(self, mt: _Mention) -> _Ref | None:
        """The reference a mention repeats: same number, or same type word and serial when
        one is bare."""
        key = _key(mt.number)
        for i in self.by_key.get(key, ()):
            r = self.refs[i]
            if not ((mt.bare or r.bare) and mt.kind and r.kind and mt.kind != r.kind):
                return r
        if not mt.kind:
            return None
        k = (_lead_int(mt.number), mt.kind)
        if not mt.bare:
            cands = self.bare_by_serial.get(k, ())
        elif "/" in mt.number:  # "Nghị định số 45/2010" is not "45/2012/NĐ-CP"
            cands = self.bare_by_serial.get(k, ())
        else:
            cands = self.by_serial.get(k, ())
        return self.refs[cands[0]] if cands else None
