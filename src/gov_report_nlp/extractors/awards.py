"""Award records: "Tỉnh ủy tặng bằng khen cho 01 tập thể và 15 cá nhân có thành tích ..." -> Award.

Awards are read as a small grammar, sentence by sentence (a sentence may hold several grants):

- ``kind`` = award noun + its name + rank + qualifier (award_kinds.txt: "huân chương lao
  động" + "hạng Nhì"; award_kind_qualifiers.txt: "cờ thi đua xuất sắc"; the name of a
  noun of award_named_kinds.txt, quoted or opened by "Vì": "kỷ niệm chương “Vì ...”"),
  "huy hiệu N năm tuổi Đảng", "danh hiệu" + an emulation title (award_titles.txt) or a
  quoted name, a bare emulation title ("Chiến sĩ thi đua cơ sở"), and "khen thưởng" alone
  when it grants to a count and no award is named (guideline v1.1);
- coordinated kinds ("cờ thi đua và bằng khen cho 4 tập thể") are one grant each, sharing
  the counts, issuer and reason of the last;
- counts: "cho (các) 01 tập thể và 15 cá nhân" after the kind, "12 tập thể ... được tặng"
  before it; numbers with thousands separators, in words ("ba cá nhân"), approximate
  ("gần 50"); a named recipient counts one ("cho Công ty Điện lực X", "cho anh Nguyễn Văn
  A"); households are neither collectives nor individuals; "46 tập thể và cá nhân" gives
  no split;
- ``issuer``: "<kind> của X" / "do X (ký) tặng" after the kind, else "thay mặt X", else
  the subject of the grant verb ("UBND tỉnh tặng", "được Hội LHPN huyện tặng"); a person
  (found by names.py) is the issuer by the title of an issuing office ("Chủ tịch UBND tỉnh
  ... ký quyết định tặng"), else only hands it over; an issuer never carries over from the
  previous grant;
- ``reason``: from a reason cue ("vì", "có thành tích"...) after the counts to the end of
  the grant; a reason that closes a list of grants is given to each of them;
- mentions in a proposal or a procedure ("đề nghị tặng", "xét tặng"...) are not grants;
- one grant told in headline, lead, body and caption is one award: later mentions of the
  same kind whose counts and issuer agree are merged into the first.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ..budget import matches, matches_at_bounded
from ..doc.document import Document
from ..lexicon import (GroupNumbers, alternation, lazy_pattern, load_list, load_map, lowered_if_safe, search_at_starts,
                       starts_finder)
from ..lang.names import find_person_mentions, window_tokens
from ..records import Award, Evidence
from .organizations import lowered_hits

_TIMEOUT = 2.0
_QUOTES = "“”\"'‘’«»"


def _noun_kinds() -> dict[str, str]:
    """count noun -> "collective" | "individual" | "household"."""
    return load_map("award_count_nouns")


@lru_cache(maxsize=None)
def _kind_pattern() -> regex.Pattern:
    titles = alternation(load_list("award_titles"))
    return lazy_pattern(regex.compile,
        rf"""
        (?<!\w)
        (?:
            (?P<hh>(?i:huy\s+hiệu))(?:\s+(?i:đảng))?\s+                                  # huy hiệu (Đảng)
            (?P<years>\d{{1,2}}(?:\s+năm)?(?:\s*(?:,|và|-|–)\s*\d{{1,2}}(?=\s*(?:năm|tuổi|,|và|-|–))(?:\s+năm)?)*)  # 30, 40 năm và 50
            (?:\s+tuổi\s+(?i:đảng))?(?!\s*[/\d])                                          # tuổi Đảng
          | (?<![\d.]|\d\s*(?:,|và|-|–)?\s*)(?P<hy>\d{{1,2}})\s+năm\s+tuổi\s+(?i:đảng)                  # "...; 60 năm tuổi Đảng cho 3 đảng viên"
          | (?P<dh>(?i:danh\s+hiệu))\s+[“"]?\s*(?P<title>(?i:{titles}))(?:\s*[”"])?
          | (?P<kind>(?i:{alternation(load_list("award_kinds"))}))                  # bằng khen, huân chương lao động
            (?:\s+(?P<cls>(?i:hạng\s+(?:nhất|nhì|ba|iii|ii|i|1|2|3))))?             # hạng Nhì
            (?:\s+(?P<qual>(?i:{alternation(load_list("award_kind_qualifiers"))})))?   # xuất sắc
          | (?P<bare>(?i:{titles}))                                                   # Chiến sĩ thi đua cơ sở
          | (?P<kt>(?i:khen\s+thưởng))                                                # "khen thưởng" alone
        )
        (?!\w)
        """,
        regex.VERBOSE,
    )


@lru_cache(maxsize=None)
def _kind_groups() -> GroupNumbers:
    """_kind_pattern's group numbers (m[G.kind]: a read by name costs ~10x one by number)."""
    return GroupNumbers(_kind_pattern())


@lru_cache(maxsize=None)
def _kind_openers() -> tuple[str, ...]:
    """Words every alternative of _kind_pattern starts with, case-folded: a sentence that
    contains none of them (folded) has no kind, and is not scanned. The first two words of an
    award noun ("bằng khen", not "bằng"), a whole emulation title ("lao động tiên tiến", not
    "lao động"): common words would send nearly every sentence to the scan."""
    words = {"huy hiệu", "danh hiệu", "khen thưởng", "tuổi đảng"}
    words |= {" ".join(w.casefold().split()[:2]) for w in load_list("award_kinds") if w.split()}
    words |= {" ".join(w.casefold().split()) for w in load_list("award_titles") if w.split()}
    return tuple(sorted(words))


def _may_have_kind(text: str, folded: str | None, s0: int, s1: int, openers: tuple[str, ...],
                   at: list[tuple[int, int]]) -> bool:
    """Whether text[s0:s1] contains an opener, case-insensitively; `folded` is text.casefold()
    when it is as long as text (then every character folds to one: offsets agree), and `at`
    the (start, end) of every opener in it, sorted."""
    if folded is None:
        piece = text[s0:s1].casefold()
        return any(w in piece for w in openers)
    i = bisect_left(at, (s0, -1))
    while i < len(at) and at[i][0] < s1:
        if at[i][1] <= s1:
            return True
        i += 1
    return False


def _opener_spans_plain(folded: str, openers: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of every opener in `folded`, overlapping ones too."""
    out = []
    for w in openers:
        k = folded.find(w)
        while k >= 0:
            out.append((k, k + len(w)))
            k = folded.find(w, k + 1)
    out.sort()
    return out


@lru_cache(maxsize=None)
def _least_openers() -> tuple[str, ...]:
    """The openers that hold no other opener: a stretch of text holds an opener exactly when
    it holds one of these (the other one, inside it)."""
    openers = _kind_openers()
    return tuple(w for w in openers if not any(v != w and v in w for v in openers))


@lru_cache(maxsize=None)
def _least_opener_finder():
    """A function folded -> the (start, end) of every occurrence of a least opener, sorted,
    from one Aho-Corasick pass; None without pyahocorasick."""
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - the fast extra is not installed
        return None
    words = _least_openers()
    if not words:
        return lambda folded: []
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, len(w))
    auto.make_automaton()
    return lambda folded: sorted((end + 1 - n, end + 1) for end, n in auto.iter(folded))


def _opener_spans(folded: str, openers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans for _may_have_kind: those of the least openers (benchmarks/check_awards.py
    checks that every sentence gets the answer the spans of all openers give)."""
    find = _least_opener_finder()
    if find is None:
        return _opener_spans_plain(folded, _least_openers())
    return find(folded)


@lru_cache(maxsize=None)
def _count_item() -> regex.Pattern:
    """One count: "01 tập thể", "1.250 cá nhân", "ba cá nhân", "gần 50 cá nhân"."""
    nouns = alternation(_noun_kinds())
    words = alternation(load_map("award_number_words"))
    approx = alternation(load_list("award_count_approx"))
    return lazy_pattern(regex.compile,
        rf"""
        (?:(?i:{approx})\s+)?
        (?<![\d,.])(?<!(?i:năm)\s+)
        (?P<n>\d{{1,3}}(?:\.\d{{3}})+(?!\d)|\d{{1,5}}(?![\d.,]\d)|(?i:{words}))
        \s+(?P<noun>(?i:{nouns}))(?!\w)
        """,
        regex.VERBOSE,
    )


@lru_cache(maxsize=None)
def _count_item_groups() -> GroupNumbers:
    return GroupNumbers(_count_item())


@lru_cache(maxsize=None)
def _count_number() -> regex.Pattern:
    """What every match of _count_item holds (its number: digits or a number word, with the
    same flags): a window without it has no count, and is not scanned (the scan tries every
    position with the optional approximation words first: costly)."""
    return lazy_pattern(regex.compile, rf"\d|(?i:{alternation(load_map('award_number_words'))})")


@lru_cache(maxsize=None)
def _mixed() -> regex.Pattern:
    """A count of mixed recipients, no split: "46 tập thể và cá nhân"."""
    return lazy_pattern(regex.compile,
        r"(?:\d{1,3}(?:\.\d{3})+|\d{1,5})\s+(?i:tập\s+thể\s*(?:,|và)\s*cá\s+nhân|cá\s+nhân\s*(?:,|và)\s*tập\s+thể)(?!\w)")


_ISSUER_PUNCT = lazy_pattern(regex.compile, r"[,;:“”\"()]")
_SUBJECT_CUT = lazy_pattern(regex.compile, r"[,;:]|(?<!\w)(?:của|được|và)(?!\w)", regex.IGNORECASE)
_ITEM_END = lazy_pattern(regex.compile, r",|\s(?:và|cùng)\s")
_COORD = lazy_pattern(regex.compile, r"(?:\s+(?i:của)\s+(?P<of>[^,;:]{1,80}?))?\s*(?:,\s*và|,|và|cùng|hoặc)\s*", regex.IGNORECASE)
_CLAUSE_PUNCT = lazy_pattern(regex.compile, r"[,;:]")
_RECEIVE_TAIL = lazy_pattern(regex.compile, r"(?:\s+(?:đã|đều|vinh\s+dự|được|nhận))+\s*\Z", regex.IGNORECASE)
_THAY_MAT = lazy_pattern(regex.compile, r"(?<!\w)(?i:thay\s+mặt|thừa\s+(?:ủy|uỷ)\s+quyền(?:\s+của)?)\s+(?:(?i:cho)\s+)?")
_DIGITS = lazy_pattern(regex.compile, r"\d+")
_CO = lazy_pattern(regex.compile, r"\s+(?i:có)\s+")
_JOIN_END = lazy_pattern(regex.compile, r"(?:,|;|(?<!\w)(?i:và|đồng\s+thời))(?:\s+(?i:đã|cũng|còn))?\s*\Z")
_DIGIT = lazy_pattern(regex.compile, r"\d")
_AGENT_BEFORE = lazy_pattern(regex.compile, r"(?<!\w)(?i:được)\s*\Z")
_OCCASION = lazy_pattern(regex.compile, r",\s*(?i:nhân\s+dịp|tại|trong\s+dịp|sáng|chiều|tối|ngày|năm\s+\d)(?!\w)")
_DEPUTY = lazy_pattern(regex.compile, r"(?i:phó)\s+\w")
_LIST_END = lazy_pattern(regex.compile, r"[;:]|\s(?:tại|nhân\s+dịp|trong|với)\s", regex.IGNORECASE)
_PAREN = lazy_pattern(regex.compile, r"\s*\([^()\n]{0,80}\)")
_VERB_GAP = lazy_pattern(regex.compile, r"\s*(?:(?:đã|đều|cũng|được|trao|tặng|trao\s+tặng)\s+)+", regex.IGNORECASE)
_JOIN = lazy_pattern(regex.compile, r"\s*(?:,\s*và|,|và|cùng|;?\s*\n\s*[-+•*–]?)\s*", regex.IGNORECASE)


@dataclass
class _Counts:
    start: int
    end: int
    collectives: int | None
    individuals: int | None


def _number(s: str) -> int:
    words = load_map("award_number_words")
    for w in (s.lower(), s.casefold()):  # the pattern matches case-insensitively: "ſáu" is "sáu"
        if w in words:
            return int(words[w])
    return int(s.replace(".", ""))


def _add(a: int | None, b: int) -> int:
    return b if a is None else a + b


def _read_counts_at(text: str, pos: int, hi: int, lowered: str | None = None) -> _Counts | None:
    """The run of counts that starts at `pos`: "01 tập thể và 15 cá nhân", "2 tập thể, 14 cá
    nhân", None when there is none there; with `lowered` (text.lower(), text lower-safe) not
    tried unless a digit, an approximation word or a number word begins there, as every
    match of _mixed and _count_item does (benchmarks/check_awards.py compares them)."""
    if lowered is not None and not lowered.startswith(_count_openers(), pos, hi) and not _DIGIT.match(text, pos, hi, False):
        return None
    mx = _mixed().match(text, pos, hi, False)
    if mx:
        return _Counts(mx.start(), mx.end(), None, None)
    m = _count_item().match(text, pos, hi, False)
    if not m:
        return None
    roles = _noun_kinds()
    coll = ind = None
    start, end = m.start(), m.end()
    g = _count_item_groups()
    for _ in range(6):
        role = roles.get(" ".join(m[g.noun].lower().split()))
        if role == "collective":
            coll = _add(coll, _number(m[g.n]))
        elif role == "individual":
            ind = _add(ind, _number(m[g.n]))
        end = m.end()
        j = _JOIN.match(text, end, hi, False)
        if not j:
            break
        m = _count_item().match(text, j.end(), hi, False)
        if not m:
            break
    return _Counts(start, end, coll, ind)


@lru_cache(maxsize=None)
def _role_list() -> regex.Pattern:
    """A role noun that opens a list of named recipients: "tập thể:", "cá nhân:"."""
    return lazy_pattern(regex.compile, rf"(?P<noun>(?i:{alternation(_noun_kinds())}))\s*:\s*")


@lru_cache(maxsize=None)
def _words(name: str) -> regex.Pattern:
    return lazy_pattern(regex.compile, rf"(?<!\w)(?:{alternation(load_list(name))})(?!\w)", regex.IGNORECASE)


@lru_cache(maxsize=None)
def _first_word_starts(name: str):
    """A function lowered -> every offset where the first word of a phrase of the list begins
    in it; None without pyahocorasick."""
    return starts_finder({w.split()[0].lower() for w in load_list(name) if w.split()})


def _words_search(name: str, text: str, lowered: str | None, lo: int = 0, hi: int | None = None,
                  pattern: regex.Pattern | None = None) -> regex.Match | None:
    """(pattern or _words(name)).search(text, lo, hi), a pattern of the phrases of a list
    between word boundaries, tried only where the first word of a phrase begins in
    `lowered` (text.lower(), text lower-safe; None: the plain search), which every match does
    (benchmarks/check_awards.py compares them)."""
    return search_at_starts(_words(name) if pattern is None else pattern, _first_word_starts(name),
                            text, lowered, lo, len(text) if hi is None else hi)


def _words_finditer(name: str, text: str, lowered: str | None, lo: int, hi: int,
                    pattern: regex.Pattern | None = None) -> list[regex.Match]:
    """list((pattern or _words(name)).finditer(text, lo, hi)), tried as _words_search tries."""
    pat = _words(name) if pattern is None else pattern
    find = _first_word_starts(name)
    if lowered is None or find is None:
        return list(pat.finditer(text, lo, hi, False, False))
    # a match is never empty: the tries at the starts find finditer's matches; a try reads a
    # few words, so the clock is read between tries (budget.matches_at_bounded's rule)
    return matches_at_bounded(pat, text, [lo + k for k in find(lowered[lo:hi])], pos=lo, endpos=hi)


@lru_cache(maxsize=None)
def _verb_before() -> regex.Pattern:
    """A grant verb right before the kind, a number of medals between them allowed
    ("trao tặng ba huân chương")."""
    verbs = alternation(load_list("award_grant_verbs"))
    words = alternation(load_map("award_number_words"))
    fillers = alternation(load_list("award_kind_fillers"))
    return lazy_pattern(regex.compile, rf"(?<!\w)(?P<verb>{verbs})\s+(?:(?:{fillers})\s+)?(?:(?:\d{{1,4}}|{words})\s+)?\Z",
                         regex.IGNORECASE)


@lru_cache(maxsize=None)
def _sentence_end() -> regex.Pattern:
    # a full stop after a known abbreviation ("TP. HCM") does not end the sentence
    lookbehinds = "".join(rf"(?<!(?<!\w){regex.escape(a)})" for a in load_list("award_abbrevs"))
    return lazy_pattern(regex.compile, rf"\n|{lookbehinds}[.!?](?=\s|$)")


@lru_cache(maxsize=None)
def _issuing_titles() -> regex.Pattern:
    return lazy_pattern(regex.compile, rf"(?:{alternation(load_list('award_issuing_titles'))})(?!\w)", regex.IGNORECASE)


@lru_cache(maxsize=None)
def _recipient_body() -> regex.Pattern:
    """A named collective: a body head and a capitalized word, a few lowercase words between
    them allowed ("Công ty Điện lực ...", "Nhà máy điện Hàm Rồng", "Trường tiểu học Lê Lợi")."""
    return lazy_pattern(regex.compile, rf"(?i:{alternation(load_list('award_recipient_bodies'))})(?:\s+\p{{Ll}}+){{0,3}}\s+(?:\d|\p{{Lu}})")


_ELIDED = lazy_pattern(regex.compile, r"[\s,;:.]|(?<!\w)(?i:và|đồng\s+thời|cũng|đã|còn|tiếp\s+tục)(?!\w)")
_GENERIC_AT = lazy_pattern(regex.compile, r"(?P<verb>)")  # "khen thưởng" is its own verb: its subject stands before it
_FILLER = lazy_pattern(regex.compile, r"(?:\s+(?:đã|cũng|còn|vừa|đều|sẽ|vinh\s+dự|được|long\s+trọng|trang\s+trọng|tổ\s+chức\s+lễ)|(?<!(?i:ban))\s+tổ\s+chức)+\s*\Z",
                        regex.IGNORECASE)
_CUO = lazy_pattern(regex.compile, r"\s+của\s+", regex.IGNORECASE)


def _cuo_at(text: str, pos: int, hi: int, lowered: str | None) -> regex.Match | None:
    """_CUO.match(text, pos, hi), not tried when the lowered window (text.lower(), text
    lower-safe) has no "của", which every match holds (benchmarks/check_awards.py)."""
    if lowered is not None and lowered.find("của", pos, hi) < 0:
        return None
    return _CUO.match(text, pos, hi, False)
_DO = lazy_pattern(regex.compile, r"\s+do\s+(?P<who>[^,;:]{2,80}?)\s+(?:ký\s+)?(?:quyết\s+định\s+)?(?:trao\s+)?tặng(?!\w)", regex.IGNORECASE)
_CHO = lazy_pattern(regex.compile, r"(?<!\w)(?:(?:tặng\s+)?cho|tặng(?!\s+thưởng))(?:\s+|(?=\s*:))(?:các\s+|những\s+)?", regex.IGNORECASE)
_ON_BEHALF = lazy_pattern(regex.compile, r"(?<!\w)(?:thay\s+mặt|thừa\s+(?:ủy|uỷ)\s+quyền(?:\s+của)?)\s+(?:cho\s+)?(?P<body>[^,;:]{2,80}?)\s*(?:,|\s-\s|\s–\s)", regex.IGNORECASE)
_DECISION = lazy_pattern(regex.compile, r"(?<!\w)(?i:quyết\s+định)\s+(?:(?i:số)\s+)?(?P<n>\d+[^\s,;]*)")
_UNAME = lazy_pattern(regex.compile, r"\s*(?P<name>Vì(?:\s+[\w-]+){1,10}?)(?=\s+(?:đã|cho|tặng|của|có|được|năm|và|tại|vì)(?!\w)|\s*[,.;:()]|\s*$)")
_QNAME = lazy_pattern(regex.compile, r"\s*[“\"]\s*(?P<name>[^“”\"\n]{2,100}?)\s*[”\"]")
_DECISION_G = GroupNumbers(_DECISION)
_NAME = 1  # the number of the group "name" of _UNAME and _QNAME (their one group)
_PASSIVE = lazy_pattern(regex.compile, r"(?:\s+(?:đã|cũng|còn|vừa|đều|vinh\s+dự|rất\s+vinh\s+dự))*\s+(?:được|nhận|đón\s+nhận)\s", regex.IGNORECASE)


class _Decisions:
    """The last "Quyết định số N" of text[s0:pos] for growing pos, as a scan of
    _DECISION.finditer(text, s0, pos) would give it, from one scan of the sentence.

    The matches of the whole sentence that end by pos are the cut scan's matches too (the
    pattern has no lookahead: cutting the text adds no match before them); after them the
    cut scan can only add a match the cut shortens, which starts where the next whole
    match does."""

    def __init__(self, text: str, s0: int, s1: int, lowered: str | None = None) -> None:
        self.text, self.s0 = text, s0
        if lowered is not None and lowered.find("quyết", s0, s1) < 0:
            # every match begins with "quyết" (case-insensitively: in the lowered text of a
            # lower-safe one): none here (benchmarks/check_awards.py compares them)
            self.found, self.ends = [], []
            return
        # no regex clock: a try reads two or three words and a number run that nothing
        # follows in the pattern (no backtracking into it): the scan is linear
        self.found = list(_DECISION.finditer(text, s0, s1, False, False))
        self.ends = [d.end() for d in self.found]

    def last_before(self, pos: int) -> regex.Match | None:
        i = bisect_right(self.ends, pos)  # self.found[:i] end by pos
        last = self.found[i - 1] if i else None
        if i < len(self.found) and self.found[i].start() < pos:
            for cut in _DECISION.finditer(self.text, self.found[i].start(), pos):
                last = cut
        return last


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentences and lines; a line that ends with ":" keeps the bulleted lines under it
    ("tặng Giấy khen cho:\n- 05 tập thể;\n- 12 cá nhân.")."""
    start, end, bullets = None, None, 0
    for s0, s1 in _plain_sentences(text):
        if start is not None and bullets < _MAX_BULLETS and _BULLET.match(text, s0, s1):
            end, bullets = s1, bullets + 1
            continue
        if start is not None:
            yield start, end
            start = None
        if text[s0:s1].rstrip().endswith(":"):
            start, end, bullets = s0, s1, 0
        else:
            yield s0, s1
    if start is not None:
        yield start, end


_MAX_BULLETS = 8
_BULLET = lazy_pattern(regex.compile, r"\s*(?:[-+•*–]|\d{1,3}\s+\p{L})")


def _plain_sentences(text: str, pos: int = 0) -> Iterator[tuple[int, int]]:
    """The sentences of text from pos (0, or the end of a sentence) on: from the end of one
    _sentence_end match to the end of the next."""
    # no regex clock: a try of _sentence_end reads one character and fixed-length lookbehinds
    # before it: the scan is linear
    for m in _sentence_end().finditer(text, pos, None, False, False):
        if m.end() > pos:
            yield pos, m.end()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _kind_sentences(text: str, folded: str | None, openers: tuple[str, ...],
                    at: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """[(s0, s1) for s0, s1 in _sentences(text) if _may_have_kind(text, folded, s0, s1,
    openers, at)], in one pass: none when the text holds no opener (no scan for sentences),
    the spans walked along the sentences, read from the last line before the first opener
    whose first sentence is no bullet (_restart) to the first sentence after the last
    opener; where the next opener is more than _JUMP characters ahead, read on from the
    _restart line before it (benchmarks/check_awards.py compares them)."""
    if folded is None:
        return [(s0, s1) for s0, s1 in _sentences(text) if _may_have_kind(text, None, s0, s1, openers, at)]
    if not at:
        return []
    out = []
    i, n = 0, len(at)
    start, end, bullets = None, None, 0
    bullet = _BULLET.match

    def keep(s0: int, s1: int) -> None:  # _may_have_kind, the spans before s0 passed once
        nonlocal i
        while i < n and at[i][0] < s0:
            i += 1
        j = i
        while j < n and at[j][0] < s1:
            if at[j][1] <= s1:
                out.append((s0, s1))
                return
            j += 1

    pos: int | None = _restart(text, at[0][0])
    tried = -1  # the last opener whose restart point was read
    while pos is not None:
        nxt = None
        for s0, s1 in _plain_sentences(text, pos):
            if start is not None and bullets < _MAX_BULLETS and bullet(text, s0, s1, False):
                end, bullets = s1, bullets + 1
                continue
            if start is not None:
                keep(start, end)
                start = None
            while i < n and at[i][0] < s0:  # (keep's first step, taken here)
                i += 1
            if i >= n:
                break  # no opener left: no later sentence is kept
            x = at[i][0]
            if x - s1 > _JUMP and i != tried:
                # the next opener is far: read on from the line before it where _kind_sentences
                # would start for it (_restart). No list is open here; the sentences and lists
                # between hold no opener (none is kept), and a list open at that line ends
                # there (its first sentence is no bullet): the same sentences are kept
                tried = i
                p = _restart(text, x)
                if p > s0:
                    nxt = p
                    break
            k = s1 - 1
            while k >= s0 and text[k].isspace():  # text[s0:s1].rstrip().endswith(":")
                k -= 1
            if k >= s0 and text[k] == ":":
                start, end, bullets = s0, s1, 0
            else:
                keep(s0, s1)
        pos = nxt
    if start is not None:
        keep(start, end)
    return out


_JUMP = 300  # characters to the next opener past which _kind_sentences skips ahead


def _restart(text: str, x: int) -> int:
    """Where _kind_sentences may start reading the sentences of _sentences(text) for the
    openers from x on: 0, or the start of a line before x whose first sentence is no bullet
    (a sentence-end match is one character, its lookbehinds see before the scan's start: the
    ends found from there are the whole scan's; the sentence is no bullet, so it closes any
    list before it, and a list before x holds no opener)."""
    ends = _sentence_end()
    k = text.rfind("\n", 0, x)
    while k >= 0:  # every "\n" ends a sentence
        p = k + 1
        m = ends.search(text, p, None, False)  # no regex clock: see _plain_sentences
        if not _BULLET.match(text, p, m.end() if m else len(text), False):
            return p
        k = text.rfind("\n", 0, k)
    return 0


def _squash(s: str) -> str:
    return " ".join(s.split())


def _person_issuer(doc: Document, s: int, e: int) -> tuple[bool, tuple[int, int] | None]:
    """Whether text[s:e] names a person (names.py), and then the span of the title by which
    that person issues awards ("Chủ tịch UBND tỉnh Quảng Bình"), or None when the person only
    hands the award over (a deputy, a rank, no issuing title)."""
    text = doc.text
    people = find_person_mentions(text, s, e, tokens=window_tokens(doc, s, e))
    if not people:
        # a deputy's title alone ("Phó Chủ tịch UBND tỉnh trao ...") is a person handing it over
        return bool(_DEPUTY.match(text, s, e, False)), None
    for p in people:
        for t in p.titles:
            tt = t.text
            if tt[:3].lower() == "phó" or tt.lower().startswith("nguyên"):
                continue
            if _issuing_titles().match(tt, None, None, False):
                return True, (t.start, t.end)
    return True, None


def _strip_not_issuer(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """"Kết thúc Ban tổ chức" -> "Ban tổ chức"; "Hội nghị" alone -> None."""
    if span is None:
        return None
    m = _words("award_not_issuers").match(text, span[0], span[1], False)
    if not m:
        return span
    s = m.end()
    while s < span[1] and text[s].isspace():
        s += 1
    return (s, span[1]) if s < span[1] else None


def _cut_issuer(text: str, start: int, end: int, lowered: str | None = None) -> tuple[int, int] | None:
    """The issuer's name from `start`, cut at a stop word, punctuation or `end`; not inside a
    body's name ("Bộ Văn hóa, Thể thao và Du lịch"); `lowered` as _words_search takes it."""
    end = min(end, start + 200)
    kept = [(b.start(), b.end()) for b in _words_finditer("award_body_names", text, lowered, start, end, _body_names())]
    stop = end
    # no regex clock: the window is at most 200 characters, a try reads one word of a list
    for m in _words_finditer("award_issuer_stops", text, lowered, start, end):
        if not any(a < m.start() < b for a, b in kept):
            stop = m.start()
            break
    for p in _ISSUER_PUNCT.finditer(text, start, stop, False, False):
        if not any(a < p.start() < b for a, b in kept):
            stop = p.start()
            break
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ".-–"):
        stop -= 1
    if stop <= start or len(text[start:stop].split()) > 12:
        return None
    return start, stop


@lru_cache(maxsize=None)
def _direct_issuer() -> regex.Pattern:
    """An issuer written right after the award, without "của": a body or an issuing office."""
    heads = list(load_map("org_kinds")) + list(load_list("award_issuing_titles"))
    return lazy_pattern(regex.compile, rf"\s+(?=(?:{alternation(heads)})(?!\w))")


@lru_cache(maxsize=None)
def _body_names() -> regex.Pattern:
    return lazy_pattern(regex.compile, rf"(?<!\w)(?:{alternation(load_list('award_body_names'))})(?!\w)", regex.IGNORECASE)


def _subject_before(text: str, lo: int, verb_start: int, lowered: str | None = None) -> tuple[int, int] | None:
    """The subject of a grant verb: back to a comma, "của", "được", "và" or the clause start;
    `lowered` as _words_search takes it."""
    seg = text[lo:verb_start]
    kept = None  # the body names of seg, found at its first cut (half the segments have none)
    cut = 0
    for m in _SUBJECT_CUT.finditer(seg, None, None, False, False):
        if kept is None:
            kept = [(b.start(), b.end()) for b in _words_finditer(  # "Văn hóa, Thể thao và Du lịch"
                "award_body_names", seg, lowered[lo:verb_start] if lowered is not None else None, 0, len(seg),
                _body_names())]
        if not any(a < m.start() < b for a, b in kept):
            cut = m.end()
    s, e = lo + cut, verb_start
    f = _FILLER.search(text, s, e, False)
    if f:
        e = f.start()
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s] in "-–+•*":
        s += 1
    while s < e and text[s].isspace():
        s += 1
    if e <= s or len(text[s:e].split()) > 14 or any(ch.isdigit() for ch in text[s:e]):
        return None
    if not any(ch.isupper() for ch in text[s:e]) or _words_search("award_subject_breakers", text, lowered, s, e):
        return None  # "cho cấp ủy cơ sở để tổ chức": a clause, not a body or an office
    return s, e


def _named_recipients(doc: Document, start: int, hi: int) -> _Counts | None:
    """Recipients named one by one after "cho": each named body counts one collective and
    each named person one individual ("cho Văn phòng Quận ủy 11 và 6 cá nhân"). None unless
    every item of the list is a count, a named body or a person."""
    text = doc.text
    lowered = lowered_if_safe(text)  # the document's copy (made once, lexicon)
    role = None
    head = _role_list().match(text, start, hi, False)
    if head:  # "cho các đơn vị: Phòng Nội vụ, Phòng Tài chính": each item counts in that role
        role = _noun_kinds().get(_squash(head["noun"].lower()))
        start = head.end()
    # no regex clock: a try reads one phrase of a word list (whitespace runs are short in
    # normalized text), no backtracking over the text: the search is linear
    stop = _words_search("award_reason_cues", text, lowered, start, hi)
    end = stop.start() if stop else hi
    p = _LIST_END.search(text, start, end, False)
    if p:
        end = p.start()
    end = min(end, start + 200)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.-–"):
        end -= 1
    if end <= start:
        return None
    coll = ind = None
    pos = start
    last_person = apposed = False
    people = find_person_mentions(text, start, end, tokens=window_tokens(doc, start, end))
    starts = {p.start: p for p in people}
    while pos < end:
        c = _read_counts_at(text, pos, end, lowered)
        j = _ITEM_END.search(text, pos, end, False)
        stop = j.start() if j else end
        person = False
        if c:
            if c.collectives:
                coll = _add(coll, c.collectives)
            if c.individuals:
                ind = _add(ind, c.individuals)
            item_end = c.end
        elif pos in starts and role != "collective":
            ind = _add(ind, 1)
            item_end, person = starts[pos].end, True
        elif role in ("collective", "individual") and text[pos].isupper():
            if role == "collective":
                coll = _add(coll, 1)
            else:
                ind = _add(ind, 1)
            item_end = stop
        elif _recipient_body().match(text, pos, end, False):
            coll = _add(coll, 1)
            item_end = stop
        else:
            inner = next((p for p in people if pos < p.start < stop), None)
            if inner and len(text[pos:inner.start].split()) <= 4 and not _DIGIT.search(text, pos, inner.start):
                ind = _add(ind, 1)  # "cho bác sĩ Trịnh Văn A", "cho thợ lò Phạm Văn B"
                item_end, person = inner.end, True
            elif last_person and not apposed:
                item_end = stop  # "cho ông A, nguyên Chủ tịch UBND tỉnh": the person's own title
            else:
                return None
        apposed = last_person and not person
        last_person = person
        paren = _PAREN.match(text, item_end, end, False)
        if paren:
            item_end = paren.end()  # "anh Nguyễn Văn A (35 tuổi)": the item's own remark
        j = _JOIN.match(text, item_end, end, False)
        if j is None:
            # a person's trailing words ("(35 tuổi, ...)") or a body's name end the list
            if item_end < end and text[item_end:end].strip(" ,"):
                if not (text[item_end:item_end + 1] in ",(" or text[item_end:item_end + 1].isspace()):
                    return None
            break
        pos = j.end()
    if coll is None and ind is None:
        return None
    return _Counts(start, end, coll, ind)


@dataclass
class _Grant:
    kind: str
    k_start: int
    k_end: int
    clause_start: int
    counts_end: int | None
    collectives: int | None
    individuals: int | None
    issuer: str | None
    reason: tuple[int, int] | None
    decision: str | None
    end: int
    generic: bool = False  # "khen thưởng" alone
    subject: str | None = None  # the issuer the subject of its grant verb gives (for an elided subject)
    own_subject: bool = False  # a body (not a person) grants it: no issuer from elsewhere
    by_person: bool = False  # the issuer is the title of the person who hands it over
    sentence: int = -1  # the start of its sentence
    reason_before: tuple[int, int] | None = None  # "Với thành tích ..., X được tặng ...": the reason, when none follows

    @property
    def counted(self) -> bool:
        return self.collectives is not None or self.individuals is not None


def _head(kind: str) -> str:
    """"huân chương lao động hạng ba" -> "huân chương": the noun a "<noun> của X" names."""
    return " ".join(kind.split()[:2])


def _kind_text(text: str, m: regex.Match) -> tuple[str, int]:
    """The kind as written (lowercase) and where it ends in the text (a name read after it)."""
    g = _kind_groups()
    if m[g.hh]:
        years = ", ".join(str(int(y)) for y in _DIGITS.findall(m[g.years], None, None, False, False))
        return f"huy hiệu {years} năm tuổi Đảng", m.end()
    if m[g.hy]:
        return f"huy hiệu {int(m[g.hy])} năm tuổi Đảng", m.end()
    if m[g.dh]:
        return "danh hiệu " + _squash(m[g.title].lower()), m.end()
    if m[g.bare]:
        return _squash(m[g.bare].lower()), m.end()
    if m[g.kt]:
        return "khen thưởng", m.end()
    k = _squash(m[g.kind].lower())
    end = m.end()
    if m[g.cls]:
        k += " " + _squash(m[g.cls].lower())
    if m[g.qual]:
        k += " " + _squash(m[g.qual].lower())
    if not m[g.cls] and k in _named_kinds():
        n = _QNAME.match(text, end, None, False) or _UNAME.match(text, end, None, False)
        if n and n[_NAME][:1].isupper():  # a proper name: "“Vì sự nghiệp ...”", not a lowercase phrase
            k += " " + _squash(n[_NAME].lower()).strip(_QUOTES + " ")
            end = n.end()
    return k, end


@lru_cache(maxsize=None)
def _named_kinds() -> frozenset[str]:
    return frozenset(_squash(w.lower()) for w in load_list("award_named_kinds"))


def _quoted_title(text: str, m: regex.Match) -> tuple[str, int] | None:
    """"danh hiệu “Công dân Thủ đô ưu tú”": a quoted name after "danh hiệu" not in the lexicon."""
    n = _QNAME.match(text, m.end(), None, False)
    if not n:
        return None
    return "danh hiệu " + _squash(n[_NAME].lower()), n.end()


@lru_cache(maxsize=None)
def _dh_alone() -> regex.Pattern:
    return lazy_pattern(regex.compile, r"(?<!\w)(?i:danh\s+hiệu)(?!\w)")


@lru_cache(maxsize=None)
def _kind_starts():
    """A function lowered_text -> every offset where the first word of an alternative of
    _kind_pattern begins in it (the "N năm tuổi Đảng" one, which begins at a digit, aside);
    None without pyahocorasick."""
    words = {"huy", "danh", "khen"}
    for name in ("award_kinds", "award_titles"):
        words |= {w.split()[0].lower() for w in load_list(name) if w.split()}
    return starts_finder(words)


@lru_cache(maxsize=None)
def _kind_phrase_starts():
    """A function lowered_text -> every offset where a whole alternative of _kind_pattern
    begins in it, its words one space apart ("huy hiệu", "bằng khen", "chiến sĩ thi đua
    cơ sở"; the "N năm tuổi Đảng" one aside); None without pyahocorasick."""
    phrases = {"huy hiệu", "danh hiệu", "khen thưởng"}
    for name in ("award_kinds", "award_titles"):
        phrases |= {" ".join(w.split()).lower() for w in load_list(name) if w.split()}
    return starts_finder(phrases)


def _kind_matches_plain(text: str, s0: int, s1: int) -> list[regex.Match]:
    return matches(_kind_pattern(), text, s0, s1)


def _kind_matches(text: str, s0: int, s1: int, lowered: str | None) -> list[regex.Match]:
    """_kind_pattern()'s matches in text[s0:s1], the pattern tried only where an alternative
    begins in `lowered` (text.lower() when text is lower-safe, else None: the plain scan):
    where a whole phrase does when the span's whitespace is single spaces, else where its
    first word does; and at the digits when "tuổi" is there (benchmarks/check_awards.py)."""
    find = _kind_starts()
    if lowered is None or find is None:
        return _kind_matches_plain(text, s0, s1)
    seg = lowered[s0:s1]
    core = seg.rstrip()  # a phrase ends by s1: the whitespace at the end is inside none
    if "  " not in core and core.isprintable():
        # every whitespace run that a phrase can hold is one space (str.isprintable is false
        # for every other character \s matches): a match begins where a whole phrase does
        find = _kind_phrase_starts()
    starts = [s0 + k for k in find(seg)]
    if text.find("tuổi", s0, s1) >= 0:  # "60 năm tuổi Đảng" begins at its digits ("tuổi": case-sensitive)
        starts = sorted(set(starts).union(m.start() for m in _DIGIT.finditer(text, s0, s1, False, False)))
    # the clock read between the tries: a try reads one phrase of a list, or the years of a
    # badge ("30, 40 năm và 50": each repeat takes its digits, so backtracking goes once back
    # over them): none can run away
    return matches_at_bounded(_kind_pattern(), text, starts, pos=s0, endpos=s1)


def _kinds_in(text: str, s0: int, s1: int, badge_seen: bool = False,
              lowered: str | None = None) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every award phrase of text[s0:s1], in order; a bare "N năm tuổi
    Đảng" counts only after a "Huy hiệu" (of this sentence, or before it: badge_seen);
    `lowered` as _kind_matches takes it."""
    out: list[tuple[str, int, int]] = []
    found = _kind_matches(text, s0, s1, lowered)
    covered = [(m.start(), m.end()) for m in found]
    g = _kind_groups()
    for m in found:
        if m[g.bare] and out and out[-1][2] > m.start():
            continue
        if m[g.hy] and not badge_seen and not any(k.startswith("huy hiệu") for k, _, _ in out):
            continue  # "60 năm tuổi Đảng" alone is a badge only in a list after "Huy hiệu ..."
        kind, end = _kind_text(text, m)
        if out and m.start() < out[-1][2]:
            continue  # inside the name of the previous kind
        out.append((kind, m.start(), end))
    # "danh hiệu “X”" with X not in the lexicon
    for d in (matches(_dh_alone(), text, s0, s1) if "danh" in text[s0:s1].casefold() else ()):
        if any(a <= d.start() < b for a, b in covered):
            continue
        q = _quoted_title(text, d)
        if q:
            out.append((q[0], d.start(), q[1]))
    out.sort(key=lambda x: x[1])
    return out


def _coordinated(text: str, kinds: list[tuple[str, int, int]], i: int) -> bool:
    """Whether kind i is joined to kind i+1 with nothing but "," / "và" between them, its own
    issuer allowed ("Bằng khen của Chủ tịch UBND tỉnh và Giấy khen của Giám đốc Công an tỉnh")."""
    if i + 1 >= len(kinds):
        return False
    return bool(_COORD.fullmatch(text, kinds[i][2], kinds[i + 1][1], False))


def _in_reason(text: str, prev: _Grant, first: int) -> bool:
    """Whether an award phrase at `first` is said inside the reason of the previous grant of
    the sentence: a reason cue opens between that grant's counts and it, with no ";" and no
    grant verb between."""
    if prev.counts_end is None or prev.counts_end > first or first - prev.counts_end > 200:
        return False
    cue = _words("award_reason_cues").search(text, prev.counts_end, min(len(text), first + 40), False)
    if cue is None or cue.start() >= first or ";" in text[prev.counts_end:first]:
        return False
    for v in _words("award_grant_verbs").finditer(text, cue.end(), first, False, False):
        if not _AGENT_BEFORE.search(text, prev.counts_end, v.start(), False):
            return False  # "... có thành tích và tặng B cho ...": a new grant
    return True


def _own_issuer(text: str, k_end: int, nxt: int) -> str | None:
    """The "của X" of a coordinated kind, between its end and the next kind."""
    m = _COORD.fullmatch(text, k_end, nxt, False)
    if not m or not m["of"]:
        return None
    span = _cut_issuer(text, m.start("of"), m.end("of"))
    return _squash(text[span[0]:span[1]]) if span else None


# the characters that lexicon.NOT_LOWER_SAFE lets through whose casefold is not their lower
# ("µ", "ß", "ẞ", ...; benchmarks/check_awards.py recomputes them): in a lower-safe text
# without them, text.casefold() == text.lower(), which the organizations stage has made
# already (lexicon.lowered_if_safe keeps it for the text). Looked for one by one with `in`
# (a tenth of the time of a pattern of them, or of casefold)
_FOLD_NOT_LOWER = "\u00b5\u00df\u0149\u01f0\u0345\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9b\u1e9e"


def _folded_plain(text: str) -> str | None:
    folded = text.casefold()
    return folded if len(folded) == len(text) else None


def _folded(text: str) -> str | None:
    """text.casefold() when it is as long as text (offsets agree), else None; the lowered
    text when it is the same string (benchmarks/check_awards.py compares them)."""
    lowered = lowered_if_safe(text)
    if lowered is not None and not any(c in text for c in _FOLD_NOT_LOWER):
        return lowered
    return _folded_plain(text)


def find_awards(doc: Document) -> Iterator[Award]:
    """Every grant of an award the text reports, in order."""
    text = doc.text
    grants: list[_Grant] = []
    openers = _least_openers()  # a sentence holds an opener exactly when it holds one of these
    folded = _folded(text)
    hits = lowered_hits(doc, folded) if folded is not None and folded is lowered_if_safe(text) else None
    if hits is not None:
        at = hits[1]  # found in the pass organizations made over the same (lowered) text
    else:
        at = _opener_spans(folded, openers) if folded is not None else []
    named: list[tuple[int, str, str]] = []  # (start, kind head, X) of every "<kind> của X" of the text
    badge_seen = False  # a "Huy hiệu" came before: "40 năm tuổi Đảng có 3 đảng viên" is one
    low = lowered_if_safe(text)  # text.lower() (None: not lower-safe)
    for s0, s1 in _kind_sentences(text, folded, openers, at):
        kinds = _kinds_in(text, s0, s1, badge_seen, low)
        if not kinds:
            continue
        badge_seen = badge_seen or any(k.startswith("huy hiệu") for k, _, _ in kinds)
        for kind, _, k1 in kinds:
            near = s1 if s1 < k1 + 200 else k1 + 200  # the regex module's cost follows endpos: keep it near
            c = _cuo_at(text, k1, near, low)
            span = _cut_issuer(text, c.end(), near, low) if c else None
            if span:
                named.append((k1, _head(kind), _squash(text[span[0]:span[1]])))
        decisions = _Decisions(text, s0, s1, low)
        sentence: list[_Grant] = []
        semi, semi_to = -1, s0  # the last ';' in text[s0:semi_to]: one long sentence stays linear
        group: list[int] = []  # indexes of kinds coordinated with the next ones
        for i, (kind, k0, k1) in enumerate(kinds):
            if _coordinated(text, kinds, i):
                group.append(i)
                continue
            members = group + [i]
            group = []
            first = kinds[members[0]][1]
            lo = kinds[members[0] - 1][2] if members[0] else s0
            hi = kinds[i + 1][1] if i + 1 < len(kinds) else s1
            r = text.rfind(";", semi_to, first)
            semi = semi if semi >= r else r
            semi_to = first
            clause_lo = s0 if s0 > semi else semi + 1
            if sentence and _in_reason(text, sentence[-1], first):
                prev = sentence[-1]  # "cho 5 tập thể đạt danh hiệu Tập thể lao động xuất sắc": the reason's words
                if prev.reason is not None:
                    prev.reason = (prev.reason[0], max(prev.reason[1], hi))
                continue
            elided = next((x for x in reversed(sentence) if x.subject), None)
            g = _read_grant(doc, kind, first, k1, lo, hi, clause_lo, bool(sentence), elided)
            if g is None:
                continue
            dm = decisions.last_before(first)
            g.decision = dm[_DECISION_G.n] if dm else None
            for j in members[:-1]:
                kj, a, b = kinds[j]
                if kj == "khen thưởng":
                    continue  # "tặng Bằng khen, khen thưởng cho ...": the named award is the grant
                own = _own_issuer(text, b, kinds[j + 1][1])
                sentence.append(_Grant(kj, a, b, g.clause_start, g.counts_end, g.collectives, g.individuals,
                                       own or g.issuer, g.reason, g.decision, g.end, subject=g.subject,
                                       own_subject=g.own_subject or own is not None, by_person=g.by_person))
            g.kind, g.k_start = kind, k0
            if not (kind == "khen thưởng" and len(members) > 1):
                sentence.append(g)
        _finish_sentence(text, sentence, low)
        for g in sentence:
            g.sentence = s0
        grants.extend(sentence)
    # whose award the text says it is, from a mention that is no counted grant of its own (a
    # ceremony's name, a summary): an issuer never carries over from one counted grant to another
    counted_ends = {g.k_end for g in grants if g.counted}
    defaults: dict[str, str] = {}
    for k1, head, who in named:
        if k1 not in counted_ends:
            defaults.setdefault(head, who)
    for g in grants:
        if (g.issuer is None or g.by_person) and not g.own_subject:
            # whose award the text says it is ("Huân chương của Chủ tịch nước") wins over the
            # title of the person who hands it over
            g.issuer = defaults.get(_head(g.kind), g.issuer)
    for g in _merge_retold(grants):
        reason = _squash(text[g.reason[0]:g.reason[1]]) if g.reason else None
        yield Award(kind=g.kind, issuer=g.issuer, collectives=g.collectives, individuals=g.individuals,
                    reason=reason, decision=g.decision,
                    evidence=Evidence.of(text, min(g.clause_start, g.k_start), max(g.end, g.k_end)))


def _read_grant(doc: Document, kind: str, first: int, k_end: int, lo: int, hi: int, clause_lo: int,
                listed: bool, elided: _Grant | None = None) -> _Grant | None:
    """The grant of the kind (or coordinated kinds) at text[first:k_end], between the end of
    the previous kind of the sentence (or its start: lo) and the next kind (hi); `listed`
    when a grant of the sentence comes before; `elided` the subject of the sentence's previous
    grant verb, the issuer of a verb with no subject of its own ("...; tặng bằng khen cho ...").
    None when it is not a grant."""
    text = doc.text
    generic = kind == "khen thưởng"
    b0 = lo if lo > clause_lo else clause_lo
    lowered = lowered_if_safe(text)  # the document's copy (made once, lexicon)
    if _words_search("award_not_grant_cues", text[b0:first], lowered[b0:first] if lowered is not None else None):
        return None
    coll = ind = None
    counts_end = None
    clause_start = first
    reason_from = None
    # no regex clock: a try of _CHO reads at most three words: the search is linear
    ch = _CHO.search(text, k_end, hi, False)
    cm = None
    if ch or generic:
        at = _skip_colon(text, ch.end() if ch else k_end, hi)
        cm = _read_counts_at(text, at, hi, lowered)
    if generic and cm is None and ch is None:
        # "khen thưởng" with no count after it and no "cho": a grant only when counts before
        # it receive it (as below); else none, and its issuer is not read
        prior = _counts_before(text, b0, first, lowered)
        if prior is None or not _words_search("award_receive_verbs", text, lowered, prior.end, first):
            return None
    issuer_span = None
    after = k_end
    c = _cuo_at(text, k_end, hi, lowered)
    if c:
        issuer_span = _cut_issuer(text, c.end(), hi, lowered)
        if issuer_span:
            after = issuer_span[1]
    if issuer_span is None:
        direct = _direct_issuer().match(text, k_end, hi, False)  # "bằng khen UBND tỉnh", "Bằng khen Thủ tướng Chính phủ"
        if direct:
            issuer_span = _cut_issuer(text, direct.end(), hi, lowered)
            if issuer_span:
                after = issuer_span[1]
    d = _DO.match(text, k_end, hi, False)
    if d and issuer_span is None:
        issuer_span = _cut_issuer(text, d.start("who"), d.end("who"), lowered)
    if ch and ch.start() - after > 3 and not _VERB_GAP.fullmatch(text, after, ch.start(), False):
        ch = None  # "cho" far from the kind names no recipient of it (a count still counts)
    if cm is None and ch and not _is_prize(kind):
        cm = _named_recipients(doc, ch.end(), hi)
    if cm is None and kind.startswith("huy hiệu"):
        co = _CO.match(text, k_end, hi, False)
        cm = _read_counts_at(text, co.end(), hi, lowered) if co else None
        if cm is None:
            prior = _counts_before(text, b0, first, lowered)
            if prior and not text[prior.end:first].strip():
                cm = prior  # "2 đảng viên 65 năm tuổi Đảng"
                clause_start = prior.start
    if cm:
        coll, ind = cm.collectives, cm.individuals
        counts_end = cm.end
        reason_from = (cm.end, hi)
    else:
        # counts before: "12 tập thể và 14 cá nhân được Hội LHPN huyện tặng giấy khen"
        prior = _counts_before(text, b0, first, lowered)
        if prior:
            rv = _words_search("award_receive_verbs", text, lowered, prior.end, first)
            if rv:
                coll, ind = prior.collectives, prior.individuals
                counts_end = prior.end
                clause_start = prior.start
                reason_from = (prior.end, rv.start())
                if not _words_search("award_reason_cues", text, lowered, prior.end, rv.start()):
                    reason_from = (k_end, hi)  # "12 cá nhân được tặng kỷ niệm chương ... đã có thành tích"
                cm = prior
    if generic and cm is None:
        return None
    vb = _verb_before().search(text, (b0 if b0 > first - 40 else first - 40), first, False)
    if generic and vb is None:
        vb = _GENERIC_AT.match(text, first, None, False)
    subj = inline = None
    if vb:
        subj = _strip_not_issuer(text, _subject_before(text, b0, vb.start(), lowered))
        inline = _THAY_MAT.search(text, subj[0], subj[1], False) if subj else None
        if inline and inline.end() < subj[1]:
            subj = (inline.end(), subj[1])  # "thay mặt Chủ tịch nước trao tặng": the body it acts for
    rec = None
    if cm is None:
        # no count: a named recipient before "được … tặng" / "nhận" ("Công ty X vinh dự được
        # ... tặng"); else kept only when a verb grants it, or when it goes on a list of grants
        # of the sentence and names its recipients ("...; Giải nhì cho CLB ..."). Decided
        # before the issuer is read (nothing the issuer's reading changes is read here)
        rec = _recipient_before(doc, b0, first)
        if rec is None and not (ch is not None and (vb or listed)) and not _by_agent(text, lo, clause_lo, subj):
            return None
    subject = issuer = None
    by_person = False
    if vb:
        if subj and clause_start == first:
            clause_start = subj[0]
        elif clause_start == first:
            clause_start = vb.start()
        behalf = _ON_BEHALF.search(text, b0, vb.start(), False)
        if issuer_span is None and behalf:
            issuer_span = (behalf.start("body"), behalf.end("body"))
            clause_start = min(clause_start, behalf.start())
        elif issuer_span is None and subj and inline:
            issuer_span = subj
            subject = _squash(text[subj[0]:subj[1]])
        elif issuer_span is None and subj:
            person, title = _person_issuer(doc, subj[0], subj[1])
            if person and title and _state_honour(kind) and not _president().fullmatch(text, title[0], title[1], False):
                title = None  # "Thủ tướng ... trao Huân chương": the President's honour, handed over
            issuer_span = title if person else subj
            subject = _squash(text[issuer_span[0]:issuer_span[1]]) if issuer_span else None
            by_person = person
        elif issuer_span is None and subj is None and elided and (not _ELIDED.sub("", text[b0:vb.start()], 0, None, None, False)
                                                                 or _JOIN_END.search(text, b0, vb.start())):
            issuer, by_person, subject = elided.subject, elided.by_person, elided.subject  # "...; tặng ...": the previous verb's subject
    elif issuer_span is None and elided and (elided.counts_end or elided.end) <= first \
            and (not _ELIDED.sub("", text[(elided.counts_end or elided.end):first], 0, None, None, False)
                 or (clause_lo > elided.k_start and not _ELIDED.sub("", text[clause_lo:first], 0, None, None, False))):
        # "tặng A cho 2 cá nhân và B cho 1 tập thể", "trao A cho X; B cho Y": B is granted by the same verb
        issuer, by_person, subject = elided.subject, elided.by_person, elided.subject
    if rec is not None:
        coll, ind = rec.collectives, rec.individuals
        clause_start = min(clause_start, rec.start)
    if issuer_span:
        issuer = _squash(text[issuer_span[0]:issuer_span[1]])
    g = _Grant(kind, first, k_end, clause_start, counts_end, coll, ind, issuer, reason_from, None,
               max(k_end, after), generic, subject, issuer_span is not None and subject is not None and not by_person,
               by_person)
    g.reason_before = _reason_before(text, b0, clause_start)
    return g


def _by_agent(text: str, lo: int, clause_lo: int, subj: tuple[int, int] | None) -> bool:
    """A passive grant with its agent: "(X) được Chủ tịch nước tặng <kind>"."""
    return subj is not None and bool(_AGENT_BEFORE.search(text, max(lo, clause_lo), subj[0], False))


def _reason_before(text: str, lo: int, subject_start: int) -> tuple[int, int] | None:
    """A reason that opens the clause before the grant's subject: "Với thành tích xuất sắc
    ..., Công ty X được tặng ...", "để ghi nhận ..., Hội đã được ... tặng"; it ends at the
    comma before the subject, or before an occasion ("nhân dịp ...", "tại ...")."""
    if subject_start - lo > 600:
        lo = subject_start - 600
    # no regex clock: the window is at most 600 characters, a try reads one phrase of a list
    cue = _before_cues().search(text, lo, subject_start, False)
    if cue is None:
        return None
    end = text.rfind(",", cue.end(), subject_start)
    if end < 0:
        return None
    occ = _OCCASION.search(text, cue.end(), end + 1, False)
    if occ:
        end = occ.start()
    while end > cue.start() and (text[end - 1].isspace() or text[end - 1] in ",.;:-–"):
        end -= 1
    return (cue.start(), end) if end > cue.end() else None


@lru_cache(maxsize=None)
def _before_cues() -> regex.Pattern:
    """A reason cue at the start of a clause (the sentence's, or after a comma)."""
    return lazy_pattern(regex.compile, rf"(?:^|(?<=[,.:;\n]\s*)|(?<=\A))(?i:{alternation(load_list('award_reason_before_cues'))})(?!\w)",
                         regex.MULTILINE)


def _state_honour(kind: str) -> bool:
    return any(kind == h or kind.startswith(h + " ") for h in _state_honours())


@lru_cache(maxsize=None)
def _state_honours() -> tuple[str, ...]:
    return tuple(_squash(w.lower()) for w in load_list("award_state_honours"))


@lru_cache(maxsize=None)
def _president() -> regex.Pattern:
    return lazy_pattern(regex.compile, rf"(?:{alternation(load_list('award_president_titles'))})", regex.IGNORECASE)


def _is_prize(kind: str) -> bool:
    return kind.split()[0] in _prize_heads() if kind.split() else False


@lru_cache(maxsize=None)
def _prize_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in load_list("award_prize_heads"))


def _skip_colon(text: str, pos: int, hi: int) -> int:
    """Past spaces and one colon: "khen thưởng: 5 tập thể"."""
    pos = _skip_space(text, pos, hi)
    if pos < hi and text[pos] == ":":
        pos = _skip_space(text, pos + 1, hi)
        if pos < hi and text[pos] in "-+•*–":  # a bulleted list under the colon
            pos = _skip_space(text, pos + 1, hi)
    return pos


def _skip_space(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos].isspace():
        pos += 1
    return pos


def _counts_before(text: str, lo: int, hi: int, lowered: str | None = None) -> _Counts | None:
    """The last run of counts in text[lo:hi] (_counts_before_plain, not scanned when it holds
    no number; with `lowered` (text.lower(), text lower-safe) the patterns tried only where a
    match can begin: benchmarks/check_awards.py compares them)."""
    find = _count_word_starts()
    if lowered is None or find is None:
        if _count_number().search(text, lo, hi, False) is None:
            return None  # no number: no count, and no mixed count (its number is digits)
        return _counts_before_plain(text, lo, hi)
    seg = lowered[lo:hi]
    # the test of _count_number: a digit (\d), or a number word (in the lowered text where
    # the case-insensitive pattern finds it: lower-safe)
    digits = [m.start() for m in _DIGIT.finditer(text, lo, hi, False, False)]
    if not digits and not any(w in seg for w in _number_words()):
        return None
    # a match of _count_item begins at its approximation word or at its number (a digit or a
    # number word); one of _mixed at a digit
    words = [lo + k for k in find(seg)]
    return _counts_before_at(text, lo, hi, sorted(set(digits).union(words)) if words else digits, digits)


def _counts_before_at(text: str, lo: int, hi: int, starts: list[int], digits: list[int]) -> _Counts | None:
    """_counts_before_plain, _count_item tried only at `starts` and _mixed at `digits`
    (ascending): the finditer scans' matches when every match begins at one of them."""
    last = None
    # the clock read between tries (budget.matches_at_bounded): a try reads a few counts
    for m in matches_at_bounded(_count_item(), text, starts, pos=lo, endpos=hi):
        p = m.start()
        if last is not None and p < last.end:
            continue
        c = _read_counts_at(text, p, hi)
        if c:
            last = c
    for m in matches_at_bounded(_mixed(), text, digits, pos=lo, endpos=hi):
        if last is None or m.start() >= last.end:
            last = _Counts(m.start(), m.end(), None, None)
    return last


@lru_cache(maxsize=None)
def _number_words() -> tuple[str, ...]:
    """The number words of _count_number, lowercase."""
    return tuple(sorted({w.lower() for w in load_map("award_number_words")}))


@lru_cache(maxsize=None)
def _count_openers() -> tuple[str, ...]:
    """The words a count can begin with, lowercase: approximation words (their first words)
    and number words."""
    return tuple(sorted({w.split()[0].lower() for w in load_list("award_count_approx") if w.split()}
                        | set(_number_words())))


@lru_cache(maxsize=None)
def _count_word_starts():
    """A function lowered -> every offset where an approximation word or a number word of
    _count_item begins (their first words: "tổng cộng" -> "tổng")."""
    words = {w.split()[0].lower() for w in load_list("award_count_approx") if w.split()}
    return starts_finder(words | set(_number_words()))


def _counts_before_plain(text: str, lo: int, hi: int) -> _Counts | None:
    """The last run of counts in text[lo:hi]."""
    last = None
    # no regex clock: a try of either pattern reads a few words (a number, a noun of a list;
    # whitespace runs are short in normalized text): the scans are linear
    for m in _count_item().finditer(text, lo, hi, False, False):
        if last is not None and m.start() < last.end:
            continue
        c = _read_counts_at(text, m.start(), hi)
        if c:
            last = c
    for m in _mixed().finditer(text, lo, hi, False, False):
        if last is None or m.start() >= last.end:
            last = _Counts(m.start(), m.end(), None, None)
    return last


def _recipient_before(doc: Document, lo: int, kind_start: int) -> _Counts | None:
    """A named recipient as the subject of a passive grant: "Công ty X (vinh dự) được Chủ tịch
    nước tặng ...", "Hội Luật gia tỉnh X nhận Huân chương ...": one collective or person each."""
    seg = doc.text[lo:kind_start].casefold()
    if "được" not in seg and "nhận" not in seg:
        return None  # every match of _PASSIVE holds one of them (check_awards.py: the same answers)
    return _recipient_before_plain(doc, lo, kind_start)


def _recipient_before_plain(doc: Document, lo: int, kind_start: int) -> _Counts | None:
    text = doc.text
    last = None
    for m in _PASSIVE.finditer(text, lo, kind_start, False, False, False, _TIMEOUT):
        last = m
    if last is None:
        return None
    s = lo
    for m in _CLAUSE_PUNCT.finditer(text[lo:last.start()], None, None, False, False):
        s = lo + m.end()
    s = _skip_space(text, s, last.start())
    if s >= last.start() or len(text[s:last.start()].split()) > 14:
        return None
    return _named_recipients(doc, s, last.start())


def _finish_sentence(text: str, grants: list[_Grant], lowered: str | None = None) -> None:
    """Reasons cut at the next grant, shared along a list (`lowered` as _words_search takes it)."""
    for i, g in enumerate(grants):
        if g.reason is None:
            continue
        lo, hi = g.reason
        if i + 1 < len(grants) and grants[i + 1].clause_start > lo:
            hi = min(hi, grants[i + 1].clause_start)
        semi = text.find(";", lo, hi)
        if semi >= 0:
            hi = semi
        cue = _words_search("award_reason_cues", text, lowered, lo, min(hi, lo + 80))
        if not cue:
            g.reason = None
            g.end = max(g.end, g.counts_end or g.end)
            continue
        e = hi
        while e > cue.start() and (text[e - 1].isspace() or text[e - 1] in ",.;:-–"):
            e -= 1
        e = _trim_tail(text, cue.start(), e)
        tail = _JOIN_END.search(text, cue.start(), e, False)
        if tail:
            e = tail.start()
            while e > cue.start() and text[e - 1].isspace():
                e -= 1
        g.reason = (cue.start(), e) if e > cue.start() else None
        g.end = max(g.end, e)
    for g in grants:
        if g.reason is None and g.reason_before is not None:
            g.reason = g.reason_before
    # a reason closing a list ("..., X cho 11 cá nhân và Y cho 74 cá nhân vì ...") is each one's
    for i in range(len(grants) - 2, -1, -1):
        g, nxt = grants[i], grants[i + 1]
        if g.reason is None and g.counts_end is not None and nxt.reason is not None:
            if ";" not in text[g.counts_end:nxt.clause_start] and g.counts_end <= nxt.clause_start:
                gap = text[g.counts_end:nxt.clause_start].strip(" ,")
                if gap in ("", "và") or not gap:
                    g.reason = nxt.reason


def _trim_tail(text: str, start: int, end: int) -> int:
    """Drop a trailing receive verb phrase ("... đã nhận được") from a reason written before the kind."""
    m = _RECEIVE_TAIL.search(text[start:end], None, None, False)
    return start + m.start() if m else end


def _same_issuer(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    x, y = a.casefold(), b.casefold()
    return x == y or x in y or y in x


def _agree(a: _Grant, b: _Grant) -> bool:
    """Whether b may retell grant a: counts agree where both give one, and issuers agree."""
    if a.counted and b.counted:
        for x, y in ((a.collectives, b.collectives), (a.individuals, b.individuals)):
            if x is not None and y is not None and x != y:
                return False
        if not any(x is not None and x == y for x, y in ((a.collectives, b.collectives),
                                                         (a.individuals, b.individuals))):
            return False
    return _same_issuer(a.issuer, b.issuer)


def _merge_retold(grants: list[_Grant]) -> list[_Grant]:
    """One grant told in headline, lead, body and caption is one award: a later grant of the
    same kind that agrees with an earlier one is merged into it (the fuller one's counts,
    issuer and reason win); a "khen thưởng" whose counts a named grant gives is that grant.
    Each grant is compared with the last few of its kind and of its counts only."""
    out: list[_Grant | None] = []
    by_kind: dict[str, list[int]] = {}
    by_counts: dict[tuple, list[int]] = {}
    by_head: dict[str, list[int]] = {}
    for g in grants:
        merged = False
        for k in by_kind.get(g.kind, [])[-_RECENT:]:
            a = out[k]
            if a is not None and not _same_sentence_list(a, g) and _agree(a, g) \
                    and (a.counted or g.counted or _same_issuer(a.issuer, g.issuer)):
                out[k] = _fuse(a, g)
                merged = True
                break
        if not merged:
            for k in by_head.get(_head(g.kind), [])[-_RECENT:]:
                a = out[k]
                if a is None or _same_sentence_list(a, g) or not _same_issuer(a.issuer, g.issuer):
                    continue
                if not a.counted and g.kind.startswith(a.kind + " "):
                    fused = _fuse(g, a)  # "Huân chương của Chủ tịch nước" first, then the medal by name
                    out[k] = fused
                    by_kind.setdefault(g.kind, []).append(k)
                    merged = True
                    break
                if not g.counted and a.kind.startswith(g.kind + " "):
                    out[k] = _fuse(a, g)
                    merged = True
                    break
        if not merged and g.counted:
            for k in by_counts.get((g.collectives, g.individuals), [])[-_RECENT:]:
                a = out[k]
                if a is not None and (a.generic or g.generic) and a.kind != g.kind and not _same_sentence_list(a, g) \
                        and _same_issuer(a.issuer, g.issuer):
                    fused = _fuse(g, a) if a.generic else _fuse(a, g)
                    if a.generic:
                        fused.kind, fused.generic = g.kind, False
                        by_kind.setdefault(g.kind, []).append(k)
                    out[k] = fused
                    merged = True
                    break
        if merged:
            continue
        by_kind.setdefault(g.kind, []).append(len(out))
        by_head.setdefault(_head(g.kind), []).append(len(out))
        if g.counted:
            by_counts.setdefault((g.collectives, g.individuals), []).append(len(out))
        out.append(g)
    return [g for g in out if g is not None]


_RECENT = 8


def _same_sentence_list(a: _Grant, b: _Grant) -> bool:
    """Two grants of one sentence ("bằng khen cho 3 tập thể; bằng khen cho 5 cá nhân") are two."""
    return a.sentence == b.sentence


def _fuse(a: _Grant, b: _Grant) -> _Grant:
    """a, completed (or replaced where b is fuller) by b."""
    def known(g: _Grant) -> int:
        return (g.collectives is not None) + (g.individuals is not None)

    full, other = (b, a) if known(b) > known(a) else (a, b)
    out = _Grant(full.kind, a.k_start, a.k_end, a.clause_start, full.counts_end, full.collectives,
                 full.individuals, full.issuer or other.issuer, full.reason or other.reason,
                 full.decision or other.decision, a.end, full.generic and other.generic,
                 sentence=full.sentence)
    if full is b:
        out.k_start, out.k_end, out.clause_start, out.end = b.k_start, b.k_end, b.clause_start, b.end
    return out
