"""Person mentions: a name, the cue before it and the titles around it.

The shared layer below the people, meetings and awards extractors. It reads how the genre
names people:

    Đồng chí Lê Trung Hồ, Tỉnh ủy viên, Bí thư Huyện ủy chủ trì ...   honorific + titles after
    Chủ tịch UBND tỉnh Cao Văn Trọng ...                               titles before the name
    Thượng tá Nguyễn Văn A - Phó Trưởng Công an huyện                  rank (kept as a title)
    các đồng chí: A, Ủy viên ...; B, Phó Bí thư ...                    lists
    Phó Chủ tịch Hội X Dương Thành Bắc, Lê Thị Kim Thanh               one title, several names
    Đồng chí Nguyễn Hữu khánh Phó bí thư                               a lowercase syllable (typo)
    Phó Chủ tịch UBND huyện, Trần Văn Bình ...                         a chain detached by a comma
    ông A được bầu giữ chức Chủ tịch UBND xã nhiệm kỳ 2021-2026        a post given by a verb; a term ends it
    nguyên Chủ tịch Quốc hội A; cố Tổng Bí thư B; quyền Giám đốc Sở    prefixes kept in the title
    Sư đoàn trưởng, Cụm trưởng, Chi hội trưởng                         open "X trưởng" heads

    >>> from gov_report_nlp.lang.names import find_person_mentions
    >>> [ (m.name, m.title_texts) for m in find_person_mentions(text) ]

Everything works on a token stream cut by one linear regex; the chain logic is plain code,
so hostile input (100k capitalized syllables) stays linear. Words live in data/vi/*.txt:
honorifics, ranks, titles (position heads), surnames, title_stops, title_continuations,
title_prefixes, title_verbs, title_passive_verbs, title_verb_adverbs, title_body_words,
title_inner, title_not_heads, title_acting, personal_pronouns, name_blockers,
non_person_names, abbreviations.
"""
from __future__ import annotations

import gc
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, NamedTuple

import regex

from ..lexicon import load_list, load_map

if TYPE_CHECKING:  # pragma: no cover
    from ..doc.document import Document

__all__ = ["PersonMention", "TitleSpan", "find_person_mentions", "read_person", "find_pronoun_titles", "expand_title", "title_key", "same_title"]

MAX_NAME = 6  # syllables of a name (foreign names run long: "Phết Ta Von Phi La Văn")
MAX_TITLE = 22  # tokens of one title

TOKEN = regex.compile(
    r"""
    (?P<word>\w+(?:[’'&.]\w+)*[’']?)   # a syllable, an abbreviation (NN&PT, T.Ư), K’
    | (?P<nl>\n)                        # a line break: a hard boundary
    | (?P<punct>[^\w\s])                # one punctuation character
    """,
    regex.VERBOSE,
)

SEPARATORS = {",", ";", ":", ".", "(", ")", "\n", "“", "”", '"', "!", "?", "…", "[", "]"}
DASHES = {"-", "–", "—"}


class Tok(NamedTuple):
    """One token: a word, a line break or one punctuation character, with its offsets.

    A named tuple: a document has a few hundred thousand tokens, and tokenize() builds them
    all without a Python call per token."""

    text: str
    start: int
    end: int
    low: str
    kind: str  # word, nl, punct
    is_cap: bool  # looks like a name syllable: capitalized, letters, not an all-caps abbreviation


@lru_cache(maxsize=1 << 16)
def _cap_syllable(t: str) -> bool:
    """Tok.is_cap of a token's text (False for a line break or punctuation: never uppercase letters)."""
    if not t[0].isupper() or not t[0].isalpha():
        return False
    core = t.rstrip("’'")
    if "&" in core or "." in core or any(c.isdigit() for c in core):
        return False
    return len(core) == 1 or not core.isupper()


@dataclass
class TitleSpan:
    start: int
    end: int
    text: str


@dataclass
class PersonMention:
    """One mention: the name span, its cue (honorific) and its titles, all as offsets."""

    name_start: int
    name_end: int
    name: str
    titles: list[TitleSpan] = field(default_factory=list)
    cue: str | None = None  # the honorific as written ("Đồng chí", "đ/c"), if any
    start: int = 0  # the whole mention: cue/titles before .. titles after
    end: int = 0
    plural: bool = False  # introduced by "các đồng chí" / "các Phó Chủ tịch"

    @property
    def title_texts(self) -> list[str]:
        return [t.text for t in self.titles]

    @property
    def syllables(self) -> int:
        return len(self.name.split())


# --- lexicons -----------------------------------------------------------------------------


_END = ""  # the key that marks a phrase's end in a trie (no token is empty)


def _trie(phrases) -> dict:
    """Token tuples as a trie of dicts: one walk finds the longest phrase at a position."""
    root: dict = {}
    for toks in phrases:
        node = root
        for t in toks:
            node = node.setdefault(t, {})
        node[_END] = True
    return root


def _tok_phrases(name: str) -> dict:
    """Phrases of a list, lowercased and tokenized, as a trie (see _match)."""
    out = []
    for entry in load_list(name):
        toks = tuple(m.group().lower() for m in TOKEN.finditer(entry) if m.group().strip())
        if toks:
            out.append(toks)
    return _trie(out)


@lru_cache(maxsize=None)
def _lex():
    return {
        "honorifics": _tok_phrases("honorifics"),
        "ranks": _tok_phrases("ranks"),
        "titles": _tok_phrases("titles"),
        "stops": _tok_phrases("title_stops"),
        "cont": _tok_phrases("title_continuations"),
        "blockers": _tok_phrases("name_blockers"),
        "surnames": frozenset(s.lower() for s in load_list("surnames") if " " not in s),
        "bodies": _tok_phrases("org_kinds_words"),
        "body_stops": _tok_phrases("body_stops"),
        "non_person": frozenset(" ".join(s.lower().split()) for s in load_list("non_person_names")),
        "prefixes": _tok_phrases("title_prefixes"),
        "verbs": _tok_phrases("title_verbs"),
        "passive": _tok_phrases("title_passive_verbs"),
        "adverbs": _tok_phrases("title_verb_adverbs"),
        "not_heads": _tok_phrases("title_not_heads"),
        "inner": _tok_phrases("title_inner"),
        "acting": frozenset(w.lower() for w in load_list("title_acting")),
        "pronouns": frozenset(w.lower() for w in load_list("personal_pronouns")),
        "body_words": frozenset(w.lower() for w in load_list("title_body_words")),
    }


@lru_cache(maxsize=None)
def _mention_openers() -> frozenset[str]:
    """Lowercased tokens that may open a mention: the first word of an honorific or a rank,
    a surname (also with the one trailing apostrophe a token may carry). A superset: the
    exact test is _opens_mention."""
    lex = _lex()
    out = {k for table in (lex["honorifics"], lex["ranks"]) for k in table if k != _END}
    for s in lex["surnames"]:
        out.update((s, s + "’", s + "'"))
    return frozenset(out)


def _opens_mention(t: Tok, lex: dict) -> bool:
    """Whether find_person_mentions does anything at a word token but step over it: an
    honorific or a rank starts there, or a surname."""
    return t.kind == "word" and (t.low in lex["honorifics"] or t.low in lex["ranks"] or _is_surname(t))


def _mention_candidates(toks: list[Tok]) -> list[int]:
    """Indexes of the tokens where a mention may start, in order (see _opens_mention)."""
    openers = _mention_openers()
    lex = _lex()
    hits = compress(range(len(toks)), map(openers.__contains__, map(_low, toks)))
    return [k for k in hits if _opens_mention(toks[k], lex)]


def _match(toks: list[Tok], i: int, table: dict) -> int:
    """Length in tokens of the longest phrase of `table` (a trie) starting at toks[i], or 0."""
    best = 0
    node = table
    for k in range(i, len(toks)):
        node = node.get(toks[k].low)
        if node is None:
            break
        if _END in node:
            best = k + 1 - i
    return best


def _match_before(toks: list[Tok], j: int, table) -> int:
    """Length of the longest phrase of `table` that ends right before toks[j], or 0."""
    best = 0
    for n in range(1, 4):
        i = j - n
        if i < 0:
            break
        m = _match(toks, i, table)
        if m == n:
            best = n
    return best


_match_group = type(regex.match("", "")).group
_match_start = type(regex.match("", "")).start
_match_end = type(regex.match("", "")).end
_lastgroup = attrgetter("lastgroup")
_low = itemgetter(3)  # Tok.low


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(text) if end is None else end
    # a text makes thousands of objects (hundreds of thousands for a long one) that hold no
    # cycle: the cyclic collector, run again and again while they pile up, would add a third
    # to the time of an ordinary document and double it on a long one
    pause = gc.isenabled()
    if pause:
        gc.disable()
    try:
        # no time limit: TOKEN cannot backtrack (a word's joiners are not word characters,
        # so a word splits one way), its scan is linear; the regex module's clock checks
        # would add 40 % to it
        ms = list(TOKEN.finditer(text, start, end))
        # column by column, each a C-level map: no Python call per token
        texts = list(map(_match_group, ms))
        return list(map(tuple.__new__, repeat(Tok), zip(texts, map(_match_start, ms), map(_match_end, ms), map(str.lower, texts),
                                      map(_lastgroup, ms), map(_cap_syllable, texts))))
    finally:
        if pause:
            gc.enable()


def doc_tokens(doc: "Document") -> list[Tok]:
    """The tokens of the whole document, made once and shared by every caller."""
    return doc.memo("names.tokens", lambda: tokenize(doc.text))


def window_tokens(doc: "Document", start: int, end: int) -> list[Tok]:
    """tokenize(doc.text, start, end), read from the document's tokens.

    TOKEN has no lookbehind or lookahead and is greedy, so a token of the whole text that
    lies inside [start, end) is also a token of the window; a token cut by `end` is
    re-tokenized; a token cut by `start` makes the window be tokenized afresh."""
    toks = doc_tokens(doc)
    starts = doc.memo("names.token_starts", lambda: [t.start for t in toks])
    i = bisect_left(starts, start)
    if i > 0 and toks[i - 1].end > start:
        return tokenize(doc.text, start, end)
    j = bisect_left(starts, end, i)
    out = toks[i:j]
    if out and out[-1].end > end:
        last = out.pop()
        out += tokenize(doc.text, last.start, end)
    return out


# --- names --------------------------------------------------------------------------------


def _is_surname(t: Tok) -> bool:
    return t.is_cap and t.low.rstrip("’'") in _lex()["surnames"]


OPEN_HEAD = "trưởng"  # "Sư đoàn trưởng", "Cụm trưởng", "Chi hội trưởng": an open "X trưởng" head


def _open_head(toks: list[Tok], j: int) -> int:
    """Length of an open "<unit> trưởng" head at toks[j] (one to three syllables, then
    "trưởng"), or 0; not a phrase of title_not_heads ("tăng trưởng")."""
    n = len(toks)
    if not (j + 1 < n and toks[j + 1].low == OPEN_HEAD or j + 2 < n and toks[j + 2].low == OPEN_HEAD
            or j + 3 < n and toks[j + 3].low == OPEN_HEAD):
        return 0  # the cheap test first: no "trưởng" within reach
    if toks[j].kind != "word" or not toks[j].text.isalpha() or not toks[j].text[0].isupper():
        return 0
    lex = _lex()
    if _match(toks, j, lex["stops"]):
        return 0
    for m in range(1, 4):
        k = j + m
        if k >= len(toks) or toks[k].kind != "word":
            return 0
        if toks[k].low == OPEN_HEAD:
            if _match(toks, j, lex["not_heads"]):
                return 0
            return m + 1
        # one unit noun: a capital at most on its first syllable, no stop word
        if (not toks[k].text.isalpha() or toks[k].start > toks[k - 1].end + 1 or not toks[k].text.islower()
                or _match(toks, k, lex["stops"])):
            return 0
    return 0


def _head(toks: list[Tok], j: int, prefix: bool = True) -> int:
    """Length in tokens of a title head at toks[j] (titles.txt, an open "X trưởng" head),
    with a prefix kept in the title ("nguyên", "cố", "tân", "quyền") when `prefix`; or 0."""
    if j >= len(toks):
        return 0
    lex = _lex()
    n = max(_match(toks, j, lex["titles"]), _open_head(toks, j))
    if n or not prefix or toks[j].low not in lex["prefixes"]:
        return n
    p = _match(toks, j, lex["prefixes"])
    if p and j + p < len(toks) and toks[j + p].kind == "word":
        h = max(_match(toks, j + p, lex["titles"]), _open_head(toks, j + p))
        if h:
            return p + h
    return 0


def _cap_run(toks: list[Tok], i: int, limit: int) -> int:
    """End index (exclusive) of the run of name syllables starting at i, cut at a title head."""
    lex = _lex()
    j = i
    while j < len(toks) and j - i < limit and toks[j].is_cap:
        if j > i and (_head(toks, j, prefix=False) or _match(toks, j, lex["ranks"])
                      or _match(toks, j, lex["honorifics"]) and toks[j].low in ("ông", "bà", "ngài")):
            break
        j += 1
    # "K’ Dung": an apostrophe-ended syllable joins the next one
    return j


def _lower_tail(toks: list[Tok], j: int) -> bool:
    """toks[j] is a lowercase syllable that is still part of the name ("Nguyễn Hương giang")."""
    lex = _lex()
    if j >= len(toks) or toks[j].kind != "word" or not toks[j].text.isalpha() or not toks[j].text.islower():
        return False
    if _match(toks, j, lex["stops"]) or _head(toks, j) or _match(toks, j, lex["honorifics"]):
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None or nxt.kind != "word":
        return nxt is None or nxt.text in SEPARATORS or nxt.text in DASHES
    return bool(_head(toks, j + 1) and toks[j + 1].is_cap)


def _split_run(toks: list[Tok], run_start: int, run_end: int) -> int:
    """Where the name begins inside a capitalized run that may start with a body or a place
    ("Hội Luật gia Việt Nam Dương Thành Bắc", "tỉnh Đắk Nông Nguyễn Bốn"): the rightmost
    surname leaving at least two syllables; one more to the left if that is also a surname
    opening the run ("Nguyễn Hoàng Minh Tuấn")."""
    best = -1
    for k in range(run_start, run_end - 1):
        if _is_surname(toks[k]):
            best = k
    if best > run_start and best - 1 == run_start and _is_surname(toks[run_start]) and run_end - run_start <= 4:
        best = run_start
    return best


# --- titles -------------------------------------------------------------------------------


def body_end(text: str, start: int, head_end: int, doc: "Document | None" = None) -> int:
    """End offset of a body's name whose kind word is text[start:head_end] ("Sở" + "Tài chính",
    "Huyện ủy" + "Vĩnh Thuận"): the same tail rules as a title's. With `doc` (whose text is
    `text`), the tokens are read from the document's."""
    stop = min(len(text), head_end + 200)
    toks = window_tokens(doc, start, stop) if doc is not None else tokenize(text, start, stop)
    n = sum(1 for t in toks if t.end <= head_end)
    e = _title_end(toks, 0, stop_at_name=True, head_len=n)
    return toks[e - 1].end if e > 0 else head_end


def _title_end(toks: list[Tok], i: int, stop_at_name: bool, head_len: int | None = None) -> int:
    """End index (exclusive) of a title starting with a head at toks[i]: head + body tail up to
    a separator, a stop word, a name (when `stop_at_name`) or MAX_TITLE tokens."""
    lex = _lex()
    n = head_len or _head(toks, i) or _match(toks, i, lex["ranks"]) or 1
    j = i + n
    while j < len(toks) and j - i < MAX_TITLE:
        t = toks[j]
        if t.kind == "nl" and j == i + n and toks[j - 1].text.isupper() and j + 1 < len(toks) \
                and toks[j + 1].kind == "word" and toks[j + 1].text.isupper() and len(toks[j + 1].text) > 1:
            j += 1  # "CT\nUBND huyện": a head broken from its body at a line end
            continue
        if (t.text == "." and toks[j - 1].text.isupper() and len(toks[j - 1].text) <= 3 and j + 1 < len(toks)
                and toks[j + 1].kind == "word" and toks[j + 1].text[0].isupper() and toks[j + 1].start == t.end + 1
                and not _name_at(toks, j + 1) and not _match(toks, j + 1, lex["honorifics"])):
            j += 1  # "Thành ủy TP. HCM": the dot of an abbreviation
            continue
        if t.kind == "nl" or t.text in SEPARATORS:
            break
        if t.text in DASHES:
            # "Thứ trưởng-Phó Chủ nhiệm", "Kinh tế - Xã hội", "Nông nghiệp-PTNT": the dash stays
            # inside the title unless a new title (or a name, or nothing) follows
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            glued = t.start == toks[j - 1].end and nxt is not None and nxt.start == t.end
            if nxt is None or nxt.kind != "word":
                break
            if not glued and (_head(toks, j + 1) or _match(toks, j + 1, lex["stops"])):
                break
            if not glued and not nxt.text[0].isupper() and not _lower_after_dash(toks, j + 1):
                break  # "Sở Kế hoạch - đầu tư TP. HCM" goes on; "... - phát biểu" does not
            if _name_at(toks, j + 1):
                break
            j += 1 + (_head(toks, j + 1) if glued else 0)
            continue
        if t.low in ("và", "&"):
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if (nxt is None or not nxt.text[0].isupper() or _match(toks, j + 1, lex["honorifics"])
                    or (head_len and _match(toks, j + 1, lex["bodies"]))
                    or _head(toks, j + 1) or _name_at(toks, j + 1)):
                break
            j += 1
            continue
        inner = _match(toks, j, lex["inner"]) if t.low == "các" and j > i + n else 0
        if inner:
            j += inner
            continue
        if (t.text[0].islower() and (_match(toks, j, lex["stops"]) or head_len and _match(toks, j, lex["body_stops"]))) \
                or _match(toks, j, lex["honorifics"]):
            break
        if t.low == "kiêm" and _head(toks, j + 1):
            break  # "Trưởng Ban Tổ chức Tỉnh ủy kiêm Giám đốc Sở Nội vụ": two titles
        if (j > i + n or head_len) and _head(toks, j) and t.is_cap and not (
                toks[j - 1].text in DASHES and toks[j - 1].start == toks[j - 2].end and toks[j - 1].end == t.start) \
                and toks[j - 1].low not in lex["body_words"]:
            # "Phó Chủ tịch UBND tỉnh Trưởng Ban tổ chức": a second head without a separator
            break
        if stop_at_name and _name_at(toks, j) and _strong_name(toks, j):
            break
        j += 1
    # a title does not end on a connector
    while j > i + n and toks[j - 1].low in ("và", "&", "của", "-", "–"):
        j -= 1
    return j


def _lower_after_dash(toks: list[Tok], j: int) -> bool:
    """A lowercase word at toks[j], after a spaced dash inside a body's name, still names the
    body ("Sở Thông tin - truyền thông TP. HCM"): no stop word, and a capitalized word or the
    end of the phrase within two words."""
    lex = _lex()
    for k in range(j, min(len(toks), j + 3)):
        t = toks[k]
        if t.kind != "word" or t.text[0].isupper():
            return k > j
        if not t.text.isalpha() or _match(toks, k, lex["stops"]):
            return False
    return False


def _name_at(toks: list[Tok], j: int) -> bool:
    """A full name (surname + at least one more capitalized syllable) starts at toks[j]."""
    if not _is_surname(toks[j]):
        return False
    end = _cap_run(toks, j, MAX_NAME)
    return end - j >= 2


def _strong_name(toks: list[Tok], j: int) -> bool:
    """A name at toks[j] that a title tail must not swallow: three syllables or more, or two
    followed by punctuation or a verb ("... Châu Phi huyện" is a body, not a person)."""
    e = _cap_run(toks, j, MAX_NAME)
    if " ".join(t.low for t in toks[j:e]) in _lex()["non_person"]:
        return False  # "Bí thư Thành ủy Hà Nội": a city ends the body, it names no one
    if e - j >= 3:
        return True
    if e >= len(toks):
        return True
    nxt = toks[e]
    return nxt.kind != "word" or (nxt.text[0].islower() and bool(_match(toks, e, _lex()["stops"])))


def _paren_group(toks: list[Tok], j: int) -> int:
    """If toks[j] opens a short parenthesis without stop words, the index after ')' , else -1."""
    if j >= len(toks) or toks[j].text != "(":
        return -1
    for k in range(j + 1, min(len(toks), j + 12)):
        if toks[k].text == ")":
            return k + 1
        if toks[k].kind == "nl" or toks[k].text in "(;" or _match(toks, k, _lex()["stops"]):
            return -1
    return -1


def _is_title_start(toks: list[Tok], j: int) -> bool:
    n = len(toks)
    if j >= n:
        return False
    lex = _lex()
    low = toks[j].low
    if low not in lex["titles"] and low not in lex["ranks"] and low not in lex["prefixes"] and not (
            j + 1 < n and toks[j + 1].low == OPEN_HEAD or j + 2 < n and toks[j + 2].low == OPEN_HEAD
            or j + 3 < n and toks[j + 3].low == OPEN_HEAD):
        return False  # the cheap test first: a word no head starts with
    return bool(_head(toks, j) or _match(toks, j, lex["ranks"]))


def _verb_title(toks: list[Tok], j: int) -> int:
    """Where a title starts after a verb that gives a position at toks[j] ("là", "làm",
    "giữ chức", "được bầu làm", "tiếp tục được bổ nhiệm giữ chức", "khi đang là"), or -1."""
    lex = _lex()
    k = j
    verb = False
    limit = min(len(toks), j + 18)
    while k < limit:
        a = _match(toks, k, lex["adverbs"])
        if a:
            k += a
            continue
        if toks[k].low == "được":
            # the agent may stand between: "được Ban Thường vụ Tỉnh ủy điều động giữ chức ..."
            a = k + 1
            while a < limit + 8 and a < len(toks) and toks[a].kind == "word" and not _match(toks, a, lex["passive"]) \
                    and (toks[a].text[0].isupper() or a > k + 1) and not _match(toks, a, lex["stops"]):
                a += 1
            p = _match(toks, a, lex["passive"]) if a < len(toks) else 0
            if not p or (a > k + 1 and not toks[k + 1].text[0].isupper()):
                return -1
            k = a + p
            verb = True
            # "được điều động, bổ nhiệm giữ chức ..."
            while k + 1 < limit and toks[k].text in (",", "và") and _match(toks, k + 1, lex["passive"]):
                k += 1 + _match(toks, k + 1, lex["passive"])
            continue
        v = _match(toks, k, lex["verbs"])
        if v:
            k += v
            verb = True
            continue
        break
    if verb and k < len(toks) and toks[k].kind == "word" and _is_title_start(toks, k):
        return k
    return -1


def _titles_after(toks: list[Tok], j: int) -> tuple[list[tuple[int, int]], int, int]:
    """The chain of titles after a name ending before toks[j]: [(i, k)] token ranges, the
    index where the chain ends, and the index in the list of the first title a verb gives
    ("... được bổ nhiệm làm Thứ trưởng"), or -1."""
    lex = _lex()
    out: list[tuple[int, int]] = []
    first = True
    closing = False
    by_verb = -1
    while j < len(toks):
        t = toks[j]
        start = None
        v = _verb_title(toks, j) if t.kind == "word" and (first or out) else -1
        if first and _is_title_start(toks, j):
            start = j  # "Nguyễn Hữu khánh Phó bí thư"
        elif v >= 0:
            # "ông A là Phó Giám đốc", "đồng chí B giữ chức Chủ tịch", "... kiêm Giám đốc Sở"
            start = v
            by_verb = len(out) if by_verb < 0 else by_verb
        elif t.text == "," and (first or out) and _verb_title(toks, j + 1) >= 0:
            # "ông A, nguyên Chủ tịch UBND huyện, giữ chức Giám đốc Sở"
            start = _verb_title(toks, j + 1)
            by_verb = len(out) if by_verb < 0 else by_verb
        elif t.text in (",", "(") or t.text in DASHES:
            k = j + 1
            while k < len(toks) and (toks[k].text in DASHES or toks[k].text == ","):
                k += 1  # "Sự- ", "–Tỉnh ủy viên", ", - "
            if _is_title_start(toks, k):
                start = k
                closing = closing or t.text == "("
            elif out and t.text == "," and _match(toks, k, lex["cont"]):
                # "Chủ tịch huyện Ô Răng, tỉnh ..." continues the previous title
                end = _title_end(toks, k, stop_at_name=True)
                out[-1] = (out[-1][0], end)
                j = end
                continue
            elif out and t.text == "(":
                end = _paren_group(toks, j)
                if end > 0:
                    out[-1] = (out[-1][0], end)
                    j = end
                    continue
        elif t.text == ")" and closing:
            j += 1
            closing = False
            continue
        elif t.kind == "nl" and out and j + 1 < len(toks) and toks[j + 1].text in DASHES:
            # "Đồng chí Phan Văn Hợp\n– TUV – Bí thư huyện ủy" (a caption broken before its titles)
            k = j + 2
            if _is_title_start(toks, k):
                start = k
        elif t.kind == "nl" and first and j + 1 < len(toks) and toks[j + 1].text in DASHES:
            if _is_title_start(toks, j + 2):
                start = j + 2
        if start is None:
            break
        end = _title_end(toks, start, stop_at_name=True)
        if end <= start:
            break
        if out and end < len(toks) and _name_at(toks, end) and _strong_name(toks, end):
            break  # "A, Ủy viên Bộ Chính trị, Chủ tịch Hội X B ...": the last title is B's
        if out and _paren_group(toks, end) > 0:
            end = _paren_group(toks, end)
        elif _paren_group(toks, end) > 0 and not closing:
            end = _paren_group(toks, end)
        out.append((start, end))
        first = False
        j = end
    return out, j, by_verb


CLAUSE_OPENERS = {".", "\n", ":", ";", "(", "“", '"', "!", "?", "…"}


def _piece_start(toks: list[Tok], end: int, floor: int) -> int:
    """Index of the first token of the piece of text ending before toks[end]: back over words,
    glued dashes ("Thứ trưởng-Phó Chủ nhiệm") and the dot of an abbreviation ("TP. HCM")."""
    k = end - 1
    while k >= floor and (toks[k].kind == "word" or (
            toks[k].text in DASHES and k > floor and toks[k - 1].end == toks[k].start) or (
            toks[k].text == "." and k > floor and toks[k - 1].text.isupper() and len(toks[k - 1].text) <= 3
            and k + 1 < len(toks) and toks[k + 1].start == toks[k].end + 1 and toks[k + 1].text[0].isupper())):
        k -= 1
    return k + 1


def _head_reaching(toks: list[Tok], start: int, end: int) -> int | None:
    """The first title head in toks[start:end] whose title runs to `end`, or None."""
    for h in range(start, end):
        if _is_title_start(toks, h) and _title_end(toks, h, stop_at_name=False) >= end:
            return h
    return None


def _opens_clause(toks: list[Tok], i: int, floor: int) -> bool:
    """toks[i] starts a clause: the text's start, after a sentence or list mark, or after a
    lowercase link word ("có", "và", "của")."""
    if i <= 0:
        return True
    if i <= floor:
        return False
    p = toks[i - 1]
    if p.text == "," and i - 2 > floor and toks[i - 2].kind == "word" and toks[i - 2].text.islower():
        return True  # after an opening phrase: "Phát biểu bế mạc, Phó Chủ tịch UBND huyện, A ..."
    return p.kind == "nl" or p.text in CLAUSE_OPENERS or (p.text[0].islower() and _match(toks, i - 1, _lex()["stops"]) == 1)


def _titles_before(toks: list[Tok], j: int, floor: int) -> tuple[list[tuple[int, int]], bool]:
    """The chain of titles ending right before toks[j] (a name or its cue), nearest last, and
    whether it is plural ("các Phó Chủ tịch ..."). A comma or a dash may stand between the
    chain and the name when the chain opens its clause ("Phó Chủ tịch UBND huyện, Trần Văn
    Bình"; "Tân Chủ tịch UBND tỉnh - ông A -")."""
    lex = _lex()
    out: list[tuple[int, int]] = []
    plural = False
    floor = max(floor, j - 3 * MAX_TITLE)  # a title chain is short: stay linear on long runs
    end = j
    detached = False
    if j - 1 > floor and (toks[j - 1].text == "," or (toks[j - 1].text in DASHES and toks[j - 1].end < toks[j].start)):
        end = j - 1
        detached = True
    while end > floor:
        piece_start = _piece_start(toks, end, floor)
        k = piece_start - 1
        head = _head_reaching(toks, piece_start, end)
        # "Bộ trưởng Bộ Nông nghiệp - Phát triển nông thôn A": a spaced dash inside the body
        for _ in range(2):
            if head is not None or k <= floor or toks[k].text not in DASHES:
                break
            piece_start = _piece_start(toks, k, floor)
            k = piece_start - 1
            head = _head_reaching(toks, piece_start, end)
        if head is None:
            break
        if out and head != piece_start and not (toks[head - 1].text[0].islower()
                                                and _match(toks, head - 1, lex["stops"]) == 1):
            break  # an earlier piece must be a title from its first word, or after "có", "của"...
        out.insert(0, (head, end))
        # "Trưởng Ban Tổ chức Tỉnh ủy kiêm Giám đốc Sở Nội vụ A": the title before "kiêm"
        while head - 1 > piece_start and toks[head - 1].low == "kiêm":
            h2 = _head_reaching(toks, piece_start, head - 1)
            if h2 is None:
                break
            out.insert(0, (h2, head - 1))
            head = h2
        if head > floor and toks[head - 1].low == "các":
            plural = True
        if k < floor or not (toks[k].text == "," or toks[k].text in DASHES) or (head != piece_start and out[1:]):
            break
        if head != piece_start:
            break
        end = k
    if detached and out and (plural or not _opens_clause(toks, out[0][0], floor)):
        return [], False  # "ý kiến của các đại biểu, đồng chí A": a group, not A's title
    return out, plural


# --- mentions -----------------------------------------------------------------------------


def _blocked(toks: list[Tok], i: int) -> bool:
    """A place, street or thing word right before the name ("đường", "tư tưởng", "Ảnh:")."""
    lex = _lex()
    if i > 0 and toks[i - 1].text == ":":
        i -= 1
    return bool(_match_before(toks, i, lex["blockers"]))


def find_person_mentions(text: str, start: int = 0, end: int | None = None,
                         tokens: list[Tok] | None = None) -> list[PersonMention]:
    """Every person mention in text[start:end], in order; `tokens`, when given, must be
    tokenize(text, start, end) (a document's shared tokens)."""
    toks = tokenize(text, start, end) if tokens is None else tokens
    lex = _lex()
    mentions: list[PersonMention] = []
    i = 0
    n = len(toks)
    last_end = 0  # token index: nothing before it may start a new mention
    # a list in progress: titles shared by its items ("các Phó Thủ tướng: A, B"), and the token
    # index where its next item may start
    shared: list[TitleSpan] = []
    list_next = -1
    prev: tuple[PersonMention, int] | None = None  # the last mention and the token index after it
    # only a token that opens a mention does anything but step over itself: jump between them
    cands = _mention_candidates(toks)
    while i < n:
        c = bisect_left(cands, i)
        if c == len(cands):
            break
        i = cands[c]
        t = toks[i]
        cue_i = i
        cue_text = None
        rank_ranges: list[tuple[int, int]] = []
        j = i
        # honorifics (repeated: "đ/c Đồng chí"), then ranks ("đồng chí Đại tá")
        plural = False
        while True:
            h = _match(toks, j, lex["honorifics"])
            if h:
                if cue_text is None:
                    cue_text = text[toks[j].start:toks[j + h - 1].end]
                    if j > 0 and toks[j - 1].low == "các":
                        plural = True
                j += h
                continue
            r = _match(toks, j, lex["ranks"])
            if r:
                rank_ranges.append((j, j + r))
                j += r
                continue
            break
        cued = j > i
        in_list = i == list_next
        if cued:
            # "Đồng chí: Lê Hoàng Vinh", "các đồng chí: A, ..."
            if j < n and toks[j].text == ":":
                j += 1
            name_i = j
            if name_i >= n or not toks[name_i].is_cap:
                i = max(j, i + 1)
                continue
            if _is_title_start(toks, name_i) and not rank_ranges:
                # "các đồng chí Phó Bí thư Tỉnh ủy: A – ...; B, C": a title shared by a list
                e = _title_end(toks, name_i, stop_at_name=True)
                if e < n and toks[e].text == ":":
                    shared = [TitleSpan(toks[name_i].start, toks[e - 1].end, text[toks[name_i].start:toks[e - 1].end])]
                    list_next = e + 1
                    last_end = e + 1
                    i = e + 1
                else:
                    i = name_i
                continue
            name_j = _cap_run(toks, name_i, MAX_NAME)
            if name_j - name_i == 2 and _lower_tail(toks, name_j):
                name_j += 1
            # a lone "Ông"/"Anh" opening a sentence before a capitalized word that is not a name
            if toks[i].low in ("anh", "chị", "em", "cụ", "bà", "ông") and not rank_ranges:
                nm = " ".join(x.low for x in toks[name_i:name_j])
                whole = toks[i].low + " " + nm
                if (nm in lex["non_person"] or _match(toks, name_i, lex["blockers"])
                        or any(whole.startswith(x + " ") or whole == x for x in lex["non_person"] if x.startswith(toks[i].low + " "))
                        or _blocked(toks, i)):
                    i = j
                    continue
        else:
            if not _is_surname(t):
                i += 1
                continue
            # find the enclosing capitalized run and where the name starts inside it
            rs = i
            while rs > 0 and toks[rs - 1].is_cap and rs > last_end and i - rs < MAX_NAME * 3:
                rs -= 1
            re_ = _cap_run(toks, i, MAX_NAME * 3)
            name_i = _split_run(toks, rs, re_)
            if name_i < 0 or name_i < i:
                i = re_ if re_ > i else i + 1
                continue
            name_j = min(re_, name_i + MAX_NAME)
            if name_j - name_i == 2 and _lower_tail(toks, name_j):
                name_j += 1
            if name_j - name_i < 2:
                i = max(re_, i + 1)
                continue
            in_list = name_i == list_next
        name = " ".join(toks[k].text for k in range(name_i, name_j))
        name = regex.sub(r"(?<=[’'])\s+", "", name) if "’ " in name or "' " in name else name
        after, chain_end, by_verb = _titles_after(toks, name_j)
        before, plural_b = ([], False) if in_list else _titles_before(toks, cue_i if cued else name_i, last_end)
        colon = False
        lead = cue_i if cued else name_i
        if not before and not in_list and lead > last_end and toks[lead - 1].text == ":":
            # "- Phó GĐ Sở: ông Trần Ngọc Tân" (Nơi nhận); "các Phó Thủ tướng Chính phủ: A, B"
            b2, plural_c = _titles_before(toks, lead - 1, last_end)
            before = b2
            colon = bool(before)
            plural_b = plural_b or plural_c
        if not cued:
            key = " ".join(name.lower().split())
            if key in lex["non_person"] or " ".join(key.split()[:2]) in lex["non_person"] or _blocked(toks, name_i if not before else before[0][0]):
                i = name_j
                continue
            if not before and not after and not in_list and (name_j - name_i < 3 or name_i != rs):
                # a bare name: three syllables at least, opening its capitalized run
                i = name_j
                continue
        ranges = before + rank_ranges + after
        titles = [TitleSpan(toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end]) for a, b in ranges if b > a]
        if in_list:
            titles = list(shared) + titles
        m_start = toks[ranges[0][0]].start if before else toks[cue_i].start
        m_end = max(toks[name_j - 1].end, titles[-1].end if after else 0)
        name_start, name_end = toks[name_i].start, toks[name_j - 1].end
        mention = PersonMention(name_start, name_end, text[name_start:name_end], titles, cue_text,
                                m_start, m_end, plural or plural_b or in_list)
        if by_verb >= 0 and prev is not None and prev[1] + 1 == lead and toks[prev[1]].low == "và":
            # "Thiếu tướng A và Đại tá B được bổ nhiệm làm Thứ trưởng": both hold the position
            prev[0].titles += [TitleSpan(toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end])
                               for a, b in after[by_verb:]]
        mentions.append(mention)
        k = chain_end if after else name_j
        prev = (mention, k)
        if not in_list:
            if plural_b or colon or (before and not after):
                shared = [TitleSpan(toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end])
                          for a, b in before]
            elif plural and cued:
                shared = []
            else:
                shared = None
        list_next = -1
        if shared is not None and k < n and (toks[k].text in (",", ";") or toks[k].low == "và"):
            list_next = k + 1
        last_end = max(k, name_j)
        i = last_end
    return mentions


def read_person(text: str, start: int = 0, end: int | None = None,
                tokens: list[Tok] | None = None) -> PersonMention | None:
    """The person a phrase names, with the titles around the name, or None: for the callers
    that hold a span already (an attendee, a chair, a recipient: "đồng chí Lê Văn A, Phó Chủ
    tịch UBND huyện", "Bí thư Huyện ủy Trần B"). Offsets are in `text`; `tokens`, when given,
    must be tokenize(text, start, end)."""
    ms = find_person_mentions(text, start, end, tokens=tokens)
    return ms[0] if ms else None


@dataclass
class PronounTitles:
    """A bare "ông"/"bà" given a position by a verb ("Tháng 6/2004, ông được bổ nhiệm làm
    Phó Chủ tịch UBND huyện"): whom it means is for the caller to decide (the person last
    named before it)."""

    start: int  # the pronoun
    end: int
    pronoun: str  # lowercased: "ông", "bà"
    titles: list[TitleSpan]


def find_pronoun_titles(text: str, tokens: list[Tok] | None = None) -> list[PronounTitles]:
    """Every bare personal pronoun (personal_pronouns.txt) that opens a clause and takes
    titles by a verb ("ông là ...", "bà được bổ nhiệm giữ chức ..."), in order."""
    toks = tokenize(text) if tokens is None else tokens
    pronouns = _lex()["pronouns"]
    out = []
    for k in compress(range(len(toks)), map(pronouns.__contains__, map(_low, toks))):
        if k + 1 >= len(toks) or toks[k + 1].kind != "word" or toks[k + 1].is_cap:
            continue  # "ông Nguyễn ...": a name follows, the mention layer reads it
        if k > 0 and not (toks[k - 1].kind == "nl" or toks[k - 1].text in CLAUSE_OPENERS or toks[k - 1].text == ","):
            continue
        if _verb_title(toks, k + 1) < 0:
            continue
        after, _, by_verb = _titles_after(toks, k + 1)
        if by_verb < 0:
            continue
        spans = [TitleSpan(toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end]) for a, b in after[by_verb:]]
        out.append(PronounTitles(toks[k].start, toks[k].end, toks[k].low, spans))
    return out


# --- comparing titles ---------------------------------------------------------------------


@lru_cache(maxsize=None)
def _abbr() -> dict[str, str]:
    return {k.lower(): v for k, v in load_map("abbreviations").items()}


@lru_cache(maxsize=8192)  # a pure function of the text; titles repeat
def expand_title(title: str) -> str:
    """The title with the genre's abbreviations written out ("Phó CT UBND huyện" ->
    "Phó Chủ tịch Ủy ban nhân dân huyện")."""
    ab = _abbr()
    words = title.split()
    out = []
    i = 0
    while i < len(words):
        two = (words[i] + " " + words[i + 1]).lower() if i + 1 < len(words) else None
        if two and two in ab:
            out.append(ab[two])
            i += 2
            continue
        w = words[i]
        core = w.strip(",;()")
        if core.lower() in ab and (core.isupper() or not core.isalpha() or core.lower() in ("tp.",)):
            out.append(w.replace(core, ab[core.lower()]))
        else:
            out.append(w)
        i += 1
    return " ".join(out)


@lru_cache(maxsize=None)
def _aliases() -> dict[str, str]:
    return {k.lower(): v.lower() for k, v in load_map("title_aliases").items()}


_QUALIFIERS = {"thường", "trực", "chuyên", "trách", "kiêm", "nhiệm"}


@lru_cache(maxsize=8192)  # a pure function of the text; titles repeat
def title_key(title: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """(head, body words) of a title, lowercased and expanded, for comparing positions."""
    exp = expand_title(title).lower().replace("uỷ", "ủy")
    toks = tokenize(exp)
    lex = _lex()
    p = _match(toks, 0, lex["prefixes"])
    if p and _head(toks, p, prefix=False) and toks[0].low not in lex["acting"]:
        toks = toks[p:]  # "nguyên Chủ tịch UBND tỉnh" holds the position "Chủ tịch UBND tỉnh"
    h = _head(toks, 0, prefix=False) or _match(toks, 0, lex["ranks"]) or 1
    alias = _aliases().get(" ".join(t.low for t in toks[:h]))
    if alias:
        toks = tokenize(alias) + toks[h:]
        h = len(tokenize(alias))
    head = tuple(t.low for t in toks[:h] if t.low not in _QUALIFIERS and t.kind == "word")
    body = frozenset(t.low for t in toks[h:] if t.kind == "word" and t.low not in _QUALIFIERS)
    return head, body


def same_title(a: str, b: str) -> bool:
    """Whether two titles name the same position: same head, and one body inside the other
    ("Bí thư Tỉnh ủy" / "Bí thư tỉnh ủy Hà Tĩnh"; "Phó CT UBND huyện" / "Phó Chủ tịch UBND huyện")."""
    ha, ba = title_key(a)
    hb, bb = title_key(b)
    if ha != hb:
        # "Đại biểu" / "Đại biểu Quốc hội": one written out further than the other
        fa, fb = ha + tuple(sorted(ba)), hb + tuple(sorted(bb))
        short, long_ = (ha, hb + tuple(bb)) if len(ha) < len(hb) else (hb, ha + tuple(ba))
        return not (ba and bb) and long_[:len(short)] == short
    return ba <= bb or bb <= ba


# --- administrative units (for places and bodies) -----------------------------------------


@dataclass
class AdminUnitMention:
    start: int  # the level word
    end: int
    level: str  # "tỉnh", "huyện", "xã"...
    name: str
    name_start: int


@lru_cache(maxsize=None)
def _levels() -> tuple[dict, dict[str, str]]:
    m = load_map("admin_levels")
    phrases = []
    norm: dict[str, str] = {}
    for k, v in m.items():
        toks = tuple(t.low for t in tokenize(k))
        phrases.append(toks)
        norm[" ".join(toks)] = v
    return _trie(phrases), norm


def find_admin_units(text: str, start: int = 0, end: int | None = None,
                     tokens: list[Tok] | None = None) -> list[AdminUnitMention]:
    """'huyện Đắk Song', 'tỉnh Kiên Giang', 'TP. HCM': a level word, then a capitalized name (up
    to four syllables, cut before a person's name: 'tỉnh Đắk Nông Nguyễn Bốn'). `tokens`, when
    given, must be tokenize(text, start, end)."""
    toks = tokenize(text, start, end) if tokens is None else tokens
    table, norm = _levels()
    out = []
    # a unit starts at a level word: jump between the tokens that open one
    cands = list(compress(range(len(toks)), map(table.__contains__, map(_low, toks))))
    i = 0
    while i < len(toks):
        c = bisect_left(cands, i)
        if c == len(cands):
            break
        i = cands[c]
        n = _match(toks, i, table)
        if not n:
            i += 1
            continue
        j = i + n
        if j < len(toks) and toks[j].text == "." and toks[j - 1].text == "TP":
            j += 1
        if j >= len(toks) or toks[j].kind != "word" or not toks[j].text[0].isupper() or _is_title_start(toks, j):
            i = j
            continue
        e = j
        while e < len(toks) and e - j < 4 and toks[e].kind == "word" and toks[e].text[0].isupper() \
                and not _is_title_start(toks, e) and not _match(toks, e, table) and (e == j or toks[e].start <= toks[e - 1].end + 1):
            e += 1
        if e - j >= 3:
            k = _split_run(toks, j, e)
            if k > j + 1:
                e = k
        level = norm[" ".join(t.low for t in toks[i:i + n])]
        name = text[toks[j].start:toks[e - 1].end]
        out.append(AdminUnitMention(toks[i].start, toks[e - 1].end, level, name, toks[j].start))
        i = e
    return out


def doc_admin_units(doc: "Document") -> list[AdminUnitMention]:
    """find_admin_units over the whole document, made once (organizations and places share it)."""
    return doc.memo("names.admin_units", lambda: find_admin_units(doc.text, tokens=doc_tokens(doc)))
