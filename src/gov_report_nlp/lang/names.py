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

from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
import re
from itertools import accumulate, compress
from operator import add
from typing import TYPE_CHECKING, NamedTuple

import regex

from ..io.normalize import is_usual
from ..lexicon import lazy_pattern, load_list, load_map

if TYPE_CHECKING:  # pragma: no cover
    from ..doc.document import Document

__all__ = ["PersonMention", "TitleSpan", "find_person_mentions", "read_person", "find_pronoun_titles", "expand_title", "title_key", "same_title",
           "same_title_key"]

MAX_NAME = 6  # syllables of a name (foreign names run long: "Phết Ta Von Phi La Văn")
MAX_TITLE = 22  # tokens of one title

TOKEN = lazy_pattern(regex.compile,
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
    """One token: a word, a line break or one punctuation character, with its offsets (what
    Tokens[k] gives; the scan itself keeps columns, see Tokens)."""

    text: str
    start: int
    end: int
    low: str
    kind: str  # word, nl, punct
    is_cap: bool  # looks like a name syllable: capitalized, letters, not an all-caps abbreviation


class Tokens:
    """The tokens of a text as columns: their texts, start and end offsets, lowercased texts.

    A document has a few hundred thousand tokens: one object per token (and a Python call per
    token) would cost more than the scan itself. What else a token has is a function of its
    text, read through the per-string memos KIND (word, nl, punct), CAP (a name syllable) and
    SURNAME. tokens[k] is the k-th token as a Tok; tokens[a:b] and tokens + tokens are Tokens.

    A token's text is the text between its offsets, so its end is its start plus the length of
    its text: the end column (`end`) is made from the others when first read (None given),
    and the scans of this module read an end as `start[k] + len(text[k])` instead: a document's
    tokens then make no end offsets at all (an int object each, a third of tokenize's cost)."""

    __slots__ = ("text", "start", "_end", "low", "cands", "either")

    def __init__(self, text: list[str], start: list[int], end: list[int] | None, low: list[str]) -> None:
        self.text = text
        self.start = start
        self._end = end
        self.low = low
        self.cands: list[int] | None = None  # _mention_candidates, made once
        self.either: list[int] | None = None  # _either_candidates, made once

    @property
    def end(self) -> list[int]:
        if self._end is None:
            self._end = list(map(add, self.start, map(len, self.text)))
        return self._end

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return Tokens(self.text[k], self.start[k], None if self._end is None else self._end[k], self.low[k])
        t = self.text[k]
        return Tok(t, self.start[k], self.start[k] + len(t), self.low[k], KIND[t], CAP[t])

    def __iter__(self):
        return map(self.__getitem__, range(len(self.text)))

    def __add__(self, other: "Tokens") -> "Tokens":
        return Tokens(self.text + other.text, self.start + other.start, None, self.low + other.low)

    def __eq__(self, other) -> bool:
        if not isinstance(other, Tokens):
            return NotImplemented
        return self.text == other.text and self.start == other.start and self.end == other.end and self.low == other.low

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"


class _Memo(dict):
    """fn(key), computed once per distinct key (a token's text): tokens repeat, a document of
    80 000 tokens has about 3 000 distinct ones. Bounded: cleared when it grows past 64k keys."""

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn
        # lexicon.activate drops every cache of the package it finds with these two (a switch
        # of lexicons changes what SURNAME, OPENS, EITHER, QUIET... answer): without them a memo
        # kept the answers of the lexicons active when a word was first met. Set on the
        # instance, so that the class itself is not taken for a cache
        self.cache_clear = self.clear
        self.cache_info = self.__len__

    def __missing__(self, key):
        if len(self) >= 1 << 16:
            self.clear()
        value = self[key] = self.fn(key)
        return value


_WORD_CHAR = lazy_pattern(regex.compile, r"\w")


def _kind_of(t: str) -> str:
    """Tok.kind of a token's text: the TOKEN group it matched (a word starts with a word
    character; a punctuation token is one non-word character)."""
    return "nl" if t == "\n" else "word" if _WORD_CHAR.match(t, None, None, False) else "punct"


def _cap_syllable(t: str) -> bool:
    """Tok.is_cap of a token's text (False for a line break or punctuation: never uppercase letters)."""
    if not t[0].isupper() or not t[0].isalpha():
        return False
    core = t.rstrip("’'")
    if "&" in core or "." in core or any(c.isdigit() for c in core):
        return False
    return len(core) == 1 or not core.isupper()


KIND = _Memo(_kind_of)
CAP = _Memo(_cap_syllable)
PLAIN = _Memo(lambda t: KIND[t] == "word" and not any(c in t for c in "’'&."))  # word characters only
LOW = _Memo(str.lower)  # a dict lookup costs less than str.lower, even counting the misses


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
        toks = tuple(m.group().lower() for m in TOKEN.finditer(entry, None, None, False, False) if m.group().strip())
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


# _lex()'s tables as a plain global dict: the hot functions read `_LEX or _lex_load()`, a
# global's read where calling the lru_cache wrapper costs ~5x as much (an argument tuple, a C
# call: ~9 000 reads a dev pass). Emptied with the package's caches by lexicon.activate,
# through _LEX_CACHE, which has the two attributes it looks for
_LEX: dict = {}


class _ClearsDict:
    """What lexicon.activate clears (cache_clear, with cache_info) for a plain dict."""

    def __init__(self, d: dict) -> None:
        self.cache_clear = d.clear
        self.cache_info = d.__len__


_LEX_CACHE = _ClearsDict(_LEX)


def _lex_load() -> dict:
    """_LEX filled from _lex() (when empty: first use, or after lexicon.activate)."""
    _LEX.update(_lex())
    return _LEX


@lru_cache(maxsize=None)
def _mention_openers() -> frozenset[str]:
    """Lowercased tokens that may open a mention: the first word of an honorific or a rank,
    a surname (also with the one trailing apostrophe a token may carry). A superset: the
    exact test is _opens_mention."""
    lex = _LEX or _lex_load()
    out = {k for table in (lex["honorifics"], lex["ranks"]) for k in table if k != _END}
    for s in lex["surnames"]:
        out.update((s, s + "’", s + "'"))
    return frozenset(out)


def _surname_of(t: str) -> bool:
    """Whether a token (its text) is a surname: a name syllable in surnames.txt."""
    return CAP[t] and t.lower().rstrip("’'") in (_LEX or _lex_load())["surnames"]


SURNAME = _Memo(_surname_of)


def _opens_mention(t: str) -> bool:
    """Whether find_person_mentions does anything at a token (its text) but step over it: a
    word where an honorific or a rank starts, or a surname."""
    low = t.lower()
    if low not in _mention_openers() or KIND[t] != "word":
        return False
    lex = _LEX or _lex_load()
    return low in lex["honorifics"] or low in lex["ranks"] or SURNAME[t]


OPENS = _Memo(_opens_mention)


def _opens_either(t: str) -> bool:
    """Whether a token (its text) may open a mention (OPENS) or an administrative unit (its
    lowercase text starts a phrase of admin_levels: find_admin_units' candidates)."""
    return OPENS[t] or LOW[t] in _levels()[0]


EITHER = _Memo(_opens_either)


def _either_candidates(tk: Tokens) -> list[int]:
    """Indexes of the tokens that may open a mention or a unit, in order: one pass over the
    tokens for both kinds (a document's are read by people and by organizations/places)."""
    if tk.either is None:
        tk.either = list(compress(range(len(tk.text)), map(EITHER.__getitem__, tk.text)))
    return tk.either


def _mention_candidates(tk: Tokens) -> list[int]:
    """Indexes of the tokens where a mention may start, in order (see _opens_mention)."""
    if tk.cands is None:
        either = _either_candidates(tk)
        tk.cands = list(compress(either, map(OPENS.__getitem__, map(tk.text.__getitem__, either))))
    return tk.cands


@lru_cache(maxsize=None)
def _pronouns_open() -> bool:
    """Every personal pronoun is a word that opens a mention (an honorific): the pronouns'
    tokens are then among _mention_candidates."""
    lex = _LEX or _lex_load()
    return all(p in lex["honorifics"] or p in lex["ranks"] for p in lex["pronouns"])


@lru_cache(maxsize=None)
def _non_person_after() -> dict[str, tuple[str, ...]]:
    """The non_person_names of two words or more, by their first word."""
    out: dict[str, list[str]] = {}
    for x in (_LEX or _lex_load())["non_person"]:
        first, sp, _ = x.partition(" ")
        if sp:
            out.setdefault(first, []).append(x)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _non_person_prefixes() -> dict[str, tuple[tuple[str, ...], frozenset[str]]]:
    """_non_person_after() as what a phrase is tested with: (each name + " ", for one
    str.startswith call; the names, for one set lookup)."""
    return {k: (tuple(x + " " for x in v), frozenset(v)) for k, v in _non_person_after().items()}


def _match(tk: Tokens, i: int, table: dict) -> int:
    """Length in tokens of the longest phrase of `table` (a trie) starting at token i, or 0."""
    low = tk.low
    n = len(low)
    if i >= n:
        return 0
    node = table.get(low[i])
    if node is None:
        return 0  # most calls: no phrase starts with the word
    best = 1 if "" in node else 0  # "": _END, a constant rather than a global's lookup
    k = i + 1
    while k < n:  # (no range object: most walks stop at their first step)
        node = node.get(low[k])
        if node is None:
            break
        k += 1
        if "" in node:
            best = k - i
    return best


def _opens_phrase(tk: Tokens, i: int, table: dict) -> bool:
    """_match(tk, i, table) > 0, reading the trie's first two levels in place and calling
    _match only for a longer phrase."""
    low = tk.low
    node = table.get(low[i]) if i < len(low) else None
    if node is None:
        return False
    if _END in node:
        return True
    if i + 1 >= len(low):
        return False
    nxt = node.get(low[i + 1])
    return nxt is not None and (_END in nxt or _match(tk, i, table) > 0)


def _match_before(tk: Tokens, j: int, table) -> int:
    """Length of the longest phrase of `table` that ends right before token j, or 0."""
    best = 0
    low = tk.low
    for n in range(1, 4):
        i = j - n
        if i < 0:
            break
        # _match is 0 where no phrase starts with the word (most places): the set test first
        if low[i] in table and _match(tk, i, table) == n:
            best = n
    return best


# TOKEN as a splitter: regex.split gives [gap, token, gap, token, ..., gap] without a match
# object per token; the gaps are the whitespace between tokens (every other character is part
# of a token), so the offsets are the running sums of the pieces' lengths
_SPLIT = lazy_pattern(regex.compile, r"(\w+(?:[’'&.]\w+)*[’']?|\n|[^\w\s])")
# the same, with a run of plain words one space apart as one piece ("Ủy ban nhân dân tỉnh"):
# the regex module's cost is mostly per match, and most words are plain. A plain word is a
# whole TOKEN word: \w+ not followed by what would join it to more ("NN&PT", "T.Ư", "K’").
# Only a run's last word needs that test (the others are followed by a space): the words are
# taken possessively, greedily one space apart, and when the last is not plain the run gives
# it back (the one before is followed by a space); so the run is the longest of plain words
# one space apart, as with the test after each word, which cost ~15 % of the split
_SPLIT_RUNS_SRC = r"(\w++(?: \w++)+(?![’']|[&.]\w)|\w+(?:[’'&.]\w+)*[’']?|\n|[^\w\s])"
_SPLIT_RUNS = lazy_pattern(regex.compile, _SPLIT_RUNS_SRC)
# the same pattern in the standard library's engine, which splits a text 1.6x faster; used on a
# text of normalize's usual characters only (is_usual), on which the two engines' \w and \s
# agree (check_names.py compares the splits, and asks both engines about each character)
_SPLIT_RUNS_RE = lazy_pattern(re.compile, _SPLIT_RUNS_SRC)


def _pieces(text: str) -> list[str]:
    """_SPLIT.split(text), made from _SPLIT_RUNS.split(text) (`text` without NUL): the runs'
    spaces become pieces of their own by string operations on the whole text, with NUL
    marking the pieces' bounds (the gaps' own spaces hidden meanwhile)."""
    parts = (_SPLIT_RUNS_RE if is_usual(text) else _SPLIT_RUNS).split(text)
    # a gap keeps only its length: its spaces become \x01 so the next step leaves them alone
    parts[0::2] = "\x00".join(parts[0::2]).replace(" ", "\x01").split("\x00")
    return "\x00".join(parts).replace(" ", "\x00 \x00").split("\x00")


class _NotChunk(Exception):
    """A piece of text between two spaces that CHUNKS does not take: empty (two spaces in a
    row, a space at an end) or holding a character that is not one of normalize's usual ones."""


def _chunk_tokens(chunk: str) -> tuple:
    """The tokens of a chunk, a piece of text between two spaces that holds normalize's usual
    characters only (no whitespace but line breaks, which are tokens, so its tokens are
    contiguous), as one flat tuple: (text, lowercase, either, step) per token, where either is
    EITHER of the text and step is how far the next token starts from this one's start: the
    length of the text, plus 1 (the space after the chunk) for its last token; _NotChunk for
    another piece. The texts and lowercase texts are shared objects (TEXT, LOW): a chunk is a
    word with its punctuation ("huyện,", "(UBND"), and words repeat, so CHUNKS keeps each
    chunk's tuple (a _Memo: bounded, and cleared by lexicon.activate, as EITHER depends on
    the lexicons).

    A chunk's tokens are its TOKEN matches in the chunk alone: no token holds a space, every
    other character is part of one, and TOKEN has no lookaround, so a text's tokens are its
    chunks' tokens in order (benchmarks/check_names.py compares tokenize with the plain scan)."""
    if not chunk or not is_usual(chunk):
        raise _NotChunk
    if chunk.isalnum():  # word characters only (no "_"): one word (the most chunks)
        t = TEXT[chunk]
        return (t, LOW[t], EITHER[t], len(t) + 1)
    out: list = []
    # the runs' pattern takes no run here (no space): the same pieces as _SPLIT's, the
    # gaps empty; the standard library's engine, on usual characters (see _SPLIT_RUNS_RE)
    for t in _SPLIT_RUNS_RE.split(chunk)[1::2]:
        t = TEXT[t]
        out += (t, LOW[t], EITHER[t], len(t))
    out[-1] += 1
    return tuple(out)


TEXT = _Memo(lambda t: t)  # one object per distinct token text: later memo lookups find it by identity
CHUNKS = _Memo(_chunk_tokens)


def _tokenize_chunks(window: str, start: int) -> Tokens:
    """tokenize() of a window starting at `start` whose chunks (its pieces between single
    spaces) CHUNKS all takes; _NotChunk otherwise. The tokens' starts are the running sum of
    their steps from `start` (the last token's step, past the window, left out); their ends
    are left to Tokens.end; their candidates (_either_candidates) the indexes of the tokens
    whose either is true. (The chunks' tuples joined by list.extend, each a C call that
    copies a whole tuple, called by map and drained by a zero-length deque: a third of the
    cost of chaining them item by item; the candidates picked by compress from the tuples'
    flags: no EITHER lookup per token; from kept index objects, _indexes.)"""
    flat: list = []
    deque(map(flat.extend, map(CHUNKS.__getitem__, window.split(" "))), 0)
    texts = flat[0::4]
    tk = Tokens(texts, list(accumulate(flat[3:-1:4], initial=start)), None, flat[1::4])
    tk.either = list(compress(_indexes(len(texts)), flat[2::4]))
    return tk


_INDEXES: list[int] = list(range(1 << 12))
_MOST_INDEXES = 1 << 16  # a document of more tokens reads a range (its index objects made anew)


def _indexes(n: int):
    """0, 1, ..., n - 1 (and maybe more): the indexes that compress picks the candidates'
    from, as one kept list of int objects (a range would make each index anew, an
    allocation per token, to drop most of them)."""
    if n > len(_INDEXES):
        if n > _MOST_INDEXES:
            return range(n)
        _INDEXES.extend(range(len(_INDEXES), n))
    return _INDEXES


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """The tokens of text[start:end] (offsets in `text`)."""
    size = len(text)
    end = size if end is None else end
    if not 0 <= start <= end <= size:
        return _tokens_of(_tokenize_plain(text, start, end))
    window = text if start == 0 and end == size else text[start:end]
    try:
        return _tokenize_chunks(window, start)
    except _NotChunk:
        pass  # two spaces in a row, a space at an end, an unusual character: the split below
    # no time limit: TOKEN cannot backtrack (a word's joiners are not word characters,
    # so a word splits one way), its scan is linear, and so is the runs' (a plain word is
    # possessive, a run gives back whole words only); the regex module's clock checks
    # would add 40 % to it
    pieces = _SPLIT.split(window, 0, False) if "\x00" in window else _pieces(window)
    texts = pieces[1::2]
    pos = list(accumulate(map(len, pieces), initial=start))
    return Tokens(texts, pos[1:-1:2], pos[2::2], list(map(LOW.__getitem__, texts)))


def _tokenize_plain(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """tokenize() as one Tok per TOKEN match: the plain version (benchmarks/check_names.py)."""
    end = len(text) if end is None else end
    return [Tok(m.group(), m.start(), m.end(), m.group().lower(), m.lastgroup, _cap_syllable(m.group()))
            for m in TOKEN.finditer(text, start, end)]


def _tokens_of(toks: list[Tok]) -> Tokens:
    return Tokens([t.text for t in toks], [t.start for t in toks], [t.end for t in toks], [t.low for t in toks])


def doc_tokens(doc: "Document") -> Tokens:
    """The tokens of the whole document, made once and shared by every caller."""
    return doc.memo("names.tokens", lambda: tokenize(doc.text))


def window_tokens(doc: "Document", start: int, end: int) -> Tokens:
    """tokenize(doc.text, start, end), read from the document's tokens.

    TOKEN has no lookbehind or lookahead and is greedy, so a token of the whole text that
    lies inside [start, end) is also a token of the window; a token cut by `end` is
    re-tokenized; a token cut by `start` makes the window be tokenized afresh."""
    tk = doc_tokens(doc)
    starts, tx = tk.start, tk.text
    i = bisect_left(starts, start)
    if i > 0 and starts[i - 1] + len(tx[i - 1]) > start:
        return tokenize(doc.text, start, end)
    j = bisect_left(starts, end, i)
    if j > i and starts[j - 1] + len(tx[j - 1]) > end:
        s, t = starts[j - 1], tx[j - 1]
        if PLAIN[t]:
            # a word of word characters only, cut: what is left of it is one word
            piece = t[:end - s]
            win = Tokens(tx[i:j - 1] + [piece], starts[i:j - 1] + [s], None, tk.low[i:j - 1] + [LOW[piece]])
            if tk.either is not None:
                win.either = _shifted(tk.either, i, j - 1) + ([j - 1 - i] if EITHER[piece] else [])
            return win
        return tk[i:j - 1] + tokenize(doc.text, s, end)
    win = tk[i:j]
    if tk.either is not None:
        win.either = _shifted(tk.either, i, j)
    return win


def _shifted(cands: list[int], i: int, j: int) -> list[int]:
    """The indexes in [i, j) of a sorted list, less i: the document's candidates (_either_candidates)
    as a window's whose tokens are the document's i..j-1 (EITHER is a function of a token's text)."""
    a = bisect_left(cands, i)
    b = bisect_left(cands, j, a)
    return [k - i for k in cands[a:b]] if i else cands[a:b]


# --- names --------------------------------------------------------------------------------


OPEN_HEAD = "trưởng"  # "Sư đoàn trưởng", "Cụm trưởng", "Chi hội trưởng": an open "X trưởng" head


def _open_head(tk: Tokens, j: int) -> int:
    """Length of an open "<unit> trưởng" head at token j (one to three syllables, then
    "trưởng"), or 0; not a phrase of title_not_heads ("tăng trưởng")."""
    low = tk.low
    n = len(low)
    if not (j + 1 < n and low[j + 1] == OPEN_HEAD or j + 2 < n and low[j + 2] == OPEN_HEAD
            or j + 3 < n and low[j + 3] == OPEN_HEAD):
        return 0  # the cheap test first: no "trưởng" within reach
    tx = tk.text
    if KIND[tx[j]] != "word" or not tx[j].isalpha() or not tx[j][0].isupper():
        return 0
    lex = _LEX or _lex_load()
    stops = lex["stops"]
    # (each _match only where a phrase of its list starts with the word: most are not, and the
    # membership test costs a tenth of the call)
    if low[j] in stops and _match(tk, j, stops):
        return 0
    for m in range(1, 4):
        k = j + m
        if k >= n or KIND[tx[k]] != "word":
            return 0
        if low[k] == OPEN_HEAD:
            if low[j] in lex["not_heads"] and _match(tk, j, lex["not_heads"]):
                return 0
            return m + 1
        # one unit noun: a capital at most on its first syllable, no stop word
        if (not tx[k].isalpha() or tk.start[k] > tk.start[k - 1] + len(tx[k - 1]) + 1 or not tx[k].islower()
                or low[k] in stops and _match(tk, k, stops)):
            return 0
    return 0


def _head(tk: Tokens, j: int, prefix: bool = True) -> int:
    """Length in tokens of a title head at token j (titles.txt, an open "X trưởng" head),
    with a prefix kept in the title ("nguyên", "cố", "tân", "quyền") when `prefix`; or 0."""
    low = tk.low
    if j >= len(low):
        return 0
    lex = _LEX or _lex_load()
    size = len(low)
    n = _match(tk, j, lex["titles"]) if low[j] in lex["titles"] else 0
    if (j + 1 < size and low[j + 1] == OPEN_HEAD or j + 2 < size and low[j + 2] == OPEN_HEAD
            or j + 3 < size and low[j + 3] == OPEN_HEAD):
        o = _open_head(tk, j)
        if o > n:
            n = o
    if n or not prefix or low[j] not in lex["prefixes"]:
        return n
    p = _match(tk, j, lex["prefixes"])
    if p and j + p < len(low) and KIND[tk.text[j + p]] == "word":
        h = _match(tk, j + p, lex["titles"])
        o = _open_head(tk, j + p)
        if o > h:
            h = o
        if h:
            return p + h
    return 0


def _run_stop(w: str) -> bool:
    """Whether a head, a rank or "ông"/"bà"/"ngài" may start at a lowercased word (_cap_run's
    cheap test, besides an open head's "trưởng" after it)."""
    lex = _LEX or _lex_load()
    return w in lex["titles"] or w in lex["ranks"] or w in lex["honorifics"] and w in ("ông", "bà", "ngài")


RUN_STOP = _Memo(_run_stop)


def _cap_run(tk: Tokens, i: int, limit: int) -> int:
    """End index (exclusive) of the run of name syllables starting at i, cut at a title head."""
    tx, low = tk.text, tk.low
    n = len(tx)
    last = i + limit if i + limit < n else n  # j < n and j - i < limit
    if i >= last or not CAP[tx[i]]:
        return i
    cap, stop = CAP, RUN_STOP
    for j in range(i + 1, last):
        if not cap[tx[j]]:
            return j
        w = low[j]
        # the calls only where a head, a rank or "ông" may start (the cheap tests first)
        if (stop[w] or j + 1 < n and low[j + 1] == OPEN_HEAD or j + 2 < n and low[j + 2] == OPEN_HEAD
                or j + 3 < n and low[j + 3] == OPEN_HEAD):
            lex = _LEX or _lex_load()
            if (_head(tk, j, prefix=False) or w in lex["ranks"] and _match(tk, j, lex["ranks"])
                    or w in ("ông", "bà", "ngài") and _match(tk, j, lex["honorifics"])):
                return j
    return last


def _lower_tail(tk: Tokens, j: int) -> bool:
    """Token j is a lowercase syllable that is still part of the name ("Nguyễn Hương giang")."""
    lex = _LEX or _lex_load()
    tx = tk.text
    if j >= len(tx) or KIND[tx[j]] != "word" or not tx[j].isalpha() or not tx[j].islower():
        return False
    w = tk.low[j]
    if (w in lex["stops"] and _match(tk, j, lex["stops"]) or _head(tk, j)
            or w in lex["honorifics"] and _match(tk, j, lex["honorifics"])):
        return False
    if j + 1 >= len(tx):
        return True
    nxt = tx[j + 1]
    if KIND[nxt] != "word":
        return nxt in SEPARATORS or nxt in DASHES
    return bool(_head(tk, j + 1) and CAP[nxt])


def _split_run(tk: Tokens, run_start: int, run_end: int) -> int:
    """Where the name begins inside a capitalized run that may start with a body or a place
    ("Hội Luật gia Việt Nam Dương Thành Bắc", "tỉnh Đắk Nông Nguyễn Bốn"): the rightmost
    surname leaving at least two syllables; one more to the left if that is also a surname
    opening the run ("Nguyễn Hoàng Minh Tuấn")."""
    tx = tk.text
    best = -1
    for k in range(run_start, run_end - 1):
        if SURNAME[tx[k]]:
            best = k
    if best > run_start and best - 1 == run_start and SURNAME[tx[run_start]] and run_end - run_start <= 4:
        best = run_start
    return best


# --- titles -------------------------------------------------------------------------------


def _depth(table: dict) -> int:
    """The most tokens of a phrase in a trie."""
    return max([0] + [1 + _depth(v) for k, v in table.items() if k != _END])


@lru_cache(maxsize=None)
def _title_reach() -> int:
    """How far (in tokens after its head's first token i) _title_end(tk, i, stop_at_name=True,
    head_len=n) may look: no token index above i + _title_reach() is read or compared with
    len(tk), so its result is the same on any tokens that agree up to there. From the code,
    with D(x) the most tokens of a phrase of list x (_match(tk, k, x) reads up to k + D(x)):
      _open_head(k)   k+3 and a stop word after it, title_not_heads at k
      _head(k)        k+3, titles, _open_head(k); after a prefix of p <= D(prefixes) the same
      _cap_run(k)     its syllables k .. k+MAX_NAME-1, each tested for a head, rank, honorific;
                      k+MAX_NAME compared; _name_at(k) is that, _strong_name(k) adds a stop word
      _lower_after_dash(k)  k .. k+2 and a stop word after each, k+3 compared
    The loop runs for j <= i + MAX_TITLE - 1 and looks at j and j + 1 with those (and the
    lists of inner, stops, body_stops, honorifics, bodies); a step past i + MAX_TITLE - 1 ends
    it whatever len(tk) is, the tail steps back over tokens before j only."""
    lex = _LEX or _lex_load()
    d = {k: _depth(v) for k, v in lex.items() if isinstance(v, dict)}
    open_head = max(3 + d["stops"], d["not_heads"], 3)
    head = max(3, d["titles"], open_head) + d["prefixes"]
    cap_run = MAX_NAME - 1 + max(3, head, d["ranks"], d["honorifics"]) + 1
    strong = max(cap_run, MAX_NAME + d["stops"])
    at_j = max(head, strong, d["inner"], d["stops"], d["body_stops"], d["honorifics"])
    at_next = 1 + max(head, cap_run, 2 + d["stops"] + 1, d["bodies"], d["honorifics"], d["stops"])
    return MAX_TITLE - 1 + max(at_j, at_next)


def body_end(text: str, start: int, head_end: int, doc: "Document | None" = None) -> int:
    """End offset of a body's name whose kind word is text[start:head_end] ("Sở" + "Tài chính",
    "Huyện ủy" + "Vĩnh Thuận"): the same tail rules as a title's. With `doc` (whose text is
    `text`), the tokens are read from the document's, in place: the window text[start:stop]'s
    tokens are the document's from the first that starts at or after `start` (when no token
    crosses `start`), and the scan looks _title_reach() tokens ahead at most, so when the
    window holds that many whole tokens (or runs to the text's end) the result is the same
    (benchmarks/check_names.py: against _body_end_plain)."""
    if doc is None:
        return _body_end_plain(text, start, head_end, doc)
    stop = min(len(text), head_end + 200)
    tk = doc_tokens(doc)
    starts, tx = tk.start, tk.text
    size = len(starts)
    i = bisect_left(starts, start)
    if i == size or (i > 0 and starts[i - 1] + len(tx[i - 1]) > start) or KIND[tx[i]] != "word":
        return _body_end_plain(text, start, head_end, doc)
    # a word first: _title_end's look back at i - 1 (in a window, the last token) is not taken
    reach = i + _title_reach()
    if stop < len(text) and (reach >= size or starts[reach] + len(tx[reach]) > stop):
        return _body_end_plain(text, start, head_end, doc)  # fewer whole tokens than the reach
    n = _ending_by(tk, head_end, i) - i  # the tokens that end by head_end
    e = _title_end(tk, i, stop_at_name=True, head_len=n)
    return starts[e - 1] + len(tx[e - 1]) if e > i else head_end


def _ending_by(tk: Tokens, offset: int, i: int) -> int:
    """bisect_right(tk.end, offset, i): the index after the tokens from i that end by
    `offset`, from the starts (no end column): the tokens that start before it, but the last
    of them if it runs past it (tokens do not overlap, and none is empty). The tokens are
    counted one by one: the callers' offset is a head's end, a few tokens after i (fewer
    steps than a bisect's ~16 over the document's tokens)."""
    starts = tk.start
    size = len(starts)
    k = i
    while k < size and starts[k] < offset:
        k += 1
    if k > i and starts[k - 1] + len(tk.text[k - 1]) > offset:
        k -= 1
    return k


def body_ender(doc: "Document"):
    """body_end(doc.text, start, head_end, doc) as a function of (start, head_end) with the
    document's tokens, lengths and the reach read once per document instead of once per body
    (organizations calls it at every body; benchmarks/check_names.py compares the two)."""
    text = doc.text
    n_text = len(text)
    tk = doc_tokens(doc)
    starts, tx = tk.start, tk.text
    size = len(starts)
    reach_n = _title_reach()
    kind, quiet = KIND, QUIET

    def end_of(start: int, head_end: int) -> int:
        stop = head_end + 200
        if stop > n_text:
            stop = n_text
        i = bisect_left(starts, start)
        if i == size or (i > 0 and starts[i - 1] + len(tx[i - 1]) > start) or kind[tx[i]] != "word":
            return _body_end_plain(text, start, head_end, doc)
        reach = i + reach_n
        if stop < n_text and (reach >= size or starts[reach] + len(tx[reach]) > stop):
            return _body_end_plain(text, start, head_end, doc)
        k = _ending_by(tk, head_end, i)
        # _title_end's first test in place, for a head of k - i > 0 tokens (its head_len): a
        # body that ends with its head (a separator or a stop word of one word after it, about
        # a quarter of them) makes no call
        if k > i and (k >= size or k - i >= MAX_TITLE or quiet[tx[k]] == 3):
            return starts[k - 1] + len(tx[k - 1])
        e = _title_end(tk, i, True, k - i)
        return starts[e - 1] + len(tx[e - 1]) if e > i else head_end
    return end_of


def _body_end_plain(text: str, start: int, head_end: int, doc: "Document | None" = None) -> int:
    """body_end over the window's own tokens (the plain version, benchmarks/check_names.py)."""
    stop = min(len(text), head_end + 200)
    tk = window_tokens(doc, start, stop) if doc is not None else tokenize(text, start, stop)
    n = bisect_right(tk.end, head_end)  # the tokens that end by head_end (ends are increasing)
    e = _title_end(tk, 0, stop_at_name=True, head_len=n)
    return tk.end[e - 1] if e > 0 else head_end


def _quiet_in_title(t: str) -> int:
    """Whether _title_end's loop only steps over a token (its text): 1 for a word (no line
    break, dot, separator or dash) not capitalized as a name syllable (no second head, no
    name), not "và", "các" or "kiêm", no honorific, and no stop word or body stop when
    lowercase: each test of the loop's body is then false at once. 2 for a name syllable
    (never lowercase: no stop word) that is no surname and starts no head, prefix or
    honorific and is none of those words: the same when no "trưởng" follows within three
    tokens (an open head). 3 for a token the title ends at at once: a separator that is
    neither a dot nor a line break (a punctuation token, which the loop's first tests, a line
    break and a dot, pass over and its separator test ends the title at), or a lowercase word,
    none of the words above, that is a stop word by itself (a phrase of one word in
    title_stops: the loop's tests before the stop words' pass over a word that is not "và",
    "&" or "các", and _match of the stop words is then 1 at least, whatever follows). 0
    otherwise. (The loop reads the token's lowercase text, which is its text's: Tokens.low.)"""
    if KIND[t] != "word":
        return 3 if t in SEPARATORS and t != "." and t != "\n" else 0
    lex = _LEX or _lex_load()
    lw = t.lower()
    if lw in ("và", "&", "các", "kiêm") or lw in lex["honorifics"]:
        return 0
    if CAP[t]:
        return 0 if SURNAME[t] or lw in lex["titles"] or lw in lex["prefixes"] else 2
    if t[0].islower() and lw in lex["stops"]:
        return 3 if _END in lex["stops"][lw] else 0
    return 0 if t[0].islower() and lw in lex["body_stops"] else 1


QUIET = _Memo(_quiet_in_title)
_CONNECTORS = ("và", "&", "của", "-", "–")  # the words a title does not end on (_title_end)


def _title_end(tk: Tokens, i: int, stop_at_name: bool, head_len: int | None = None, start_len: int = 0,
               until: int | None = None) -> int:
    """End index (exclusive) of a title starting with a head at token i: head + body tail up to
    a separator, a stop word, a name (when `stop_at_name`) or MAX_TITLE tokens. `start_len`,
    when given, is _title_start_len(tk, i) (not 0), read already by the caller.

    `until`, for a caller that only asks whether the title reaches a token index (the result
    >= until), stops the scan there: the loop's index only grows, and what it does before
    `until` does not depend on where it would stop, so a scan that breaks before `until`
    breaks at the same token; one that gets there ends at or after `until` either way, as
    long as the token before `until` is no connector (the caller's to check: the step back
    over connectors at the end stops at it). The result is then the same as without it
    wherever it is below `until`, and at or above it when the full scan's is."""
    tx = tk.text
    size = len(tx)
    n = head_len or start_len or _head(tk, i) or _match(tk, i, (_LEX or _lex_load())["ranks"]) or 1
    j = i + n
    if j >= size or n >= MAX_TITLE or QUIET[tx[j]] == 3:
        # the loop below would not run, or end at its first token (_quiet_in_title), and the
        # connectors' step back stops at the head: the head alone
        return j
    lex = _LEX or _lex_load()
    stops, body_stops, honorifics = lex["stops"], lex["body_stops"], lex["honorifics"]
    titles, prefixes = lex["titles"], lex["prefixes"]
    low, st = tk.low, tk.start  # (an end: start + length, Tokens)
    last = i + MAX_TITLE if i + MAX_TITLE < size else size  # the loop's bound: j < size and j - i < MAX_TITLE
    if until is not None and until < last:
        last = until
    quiet = QUIET
    while j < last:
        t = tx[j]
        q = quiet[t]
        if q == 1 or q == 2 and not (j + 1 < size and low[j + 1] == OPEN_HEAD or j + 2 < size and low[j + 2] == OPEN_HEAD
                                     or j + 3 < size and low[j + 3] == OPEN_HEAD):
            j += 1  # a word the loop's tests would all pass over (_quiet_in_title)
            continue
        if q == 3:
            break  # a separator that ends the title at once (_quiet_in_title)
        kind = KIND[t]
        if kind == "nl" and j == i + n and tx[j - 1].isupper() and j + 1 < size \
                and KIND[tx[j + 1]] == "word" and tx[j + 1].isupper() and len(tx[j + 1]) > 1:
            j += 1  # "CT\nUBND huyện": a head broken from its body at a line end
            continue
        if (t == "." and tx[j - 1].isupper() and len(tx[j - 1]) <= 3 and j + 1 < size
                and KIND[tx[j + 1]] == "word" and tx[j + 1][0].isupper() and st[j + 1] == st[j] + 2
                and not _name_at(tk, j + 1) and not _match(tk, j + 1, lex["honorifics"])):
            j += 1  # "Thành ủy TP. HCM": the dot of an abbreviation
            continue
        if kind == "nl" or t in SEPARATORS:
            break
        if t in DASHES:
            # "Thứ trưởng-Phó Chủ nhiệm", "Kinh tế - Xã hội", "Nông nghiệp-PTNT": the dash stays
            # inside the title unless a new title (or a name, or nothing) follows
            if j + 1 >= size or KIND[tx[j + 1]] != "word":
                break
            glued = st[j] == st[j - 1] + len(tx[j - 1]) and st[j + 1] == st[j] + 1
            if not glued and (_head(tk, j + 1) or _match(tk, j + 1, lex["stops"])):
                break
            if not glued and not tx[j + 1][0].isupper() and not _lower_after_dash(tk, j + 1):
                break  # "Sở Kế hoạch - đầu tư TP. HCM" goes on; "... - phát biểu" does not
            if _name_at(tk, j + 1):
                break
            j += 1 + (_head(tk, j + 1) if glued else 0)
            continue
        lw = low[j]
        if lw in ("và", "&"):
            if (j + 1 >= size or not tx[j + 1][0].isupper() or _match(tk, j + 1, lex["honorifics"])
                    or (head_len and _match(tk, j + 1, lex["bodies"]))
                    or _head(tk, j + 1) or _name_at(tk, j + 1)):
                break
            j += 1
            continue
        inner = _match(tk, j, lex["inner"]) if lw == "các" and j > i + n else 0
        if inner:
            j += inner
            continue
        if (t[0].islower() and (lw in stops and _match(tk, j, stops) or head_len and lw in body_stops and _match(tk, j, body_stops))) \
                or lw in honorifics and _match(tk, j, honorifics):
            break
        if lw == "kiêm" and _head(tk, j + 1):
            break  # "Trưởng Ban Tổ chức Tỉnh ủy kiêm Giám đốc Sở Nội vụ": two titles
        # _head's own cheap test first (a word a head or a prefix starts with, or "trưởng" within reach)
        if (j > i + n or head_len) and CAP[t] and (
                lw in titles or lw in prefixes or j + 1 < size and low[j + 1] == OPEN_HEAD
                or j + 2 < size and low[j + 2] == OPEN_HEAD or j + 3 < size and low[j + 3] == OPEN_HEAD) \
                and _head(tk, j) and not (
                tx[j - 1] in DASHES and st[j - 1] == st[j - 2] + len(tx[j - 2]) and st[j - 1] + 1 == st[j]) \
                and low[j - 1] not in lex["body_words"]:
            # "Phó Chủ tịch UBND tỉnh Trưởng Ban tổ chức": a second head without a separator
            break
        if stop_at_name and SURNAME[t] and _name_at(tk, j) and _strong_name(tk, j):
            break
        j += 1
    # a title does not end on a connector
    while j > i + n and low[j - 1] in _CONNECTORS:
        j -= 1
    return j


def _lower_after_dash(tk: Tokens, j: int) -> bool:
    """A lowercase word at token j, after a spaced dash inside a body's name, still names the
    body ("Sở Thông tin - truyền thông TP. HCM"): no stop word, and a capitalized word or the
    end of the phrase within two words."""
    lex = _LEX or _lex_load()
    tx = tk.text
    for k in range(j, j + 3 if j + 3 < len(tx) else len(tx)):
        t = tx[k]
        if KIND[t] != "word" or t[0].isupper():
            return k > j
        if not t.isalpha() or _match(tk, k, lex["stops"]):
            return False
    return False


def _name_at(tk: Tokens, j: int) -> bool:
    """A full name (surname + at least one more capitalized syllable) starts at token j."""
    if not SURNAME[tk.text[j]]:
        return False
    end = _cap_run(tk, j, MAX_NAME)
    return end - j >= 2


def _strong_name(tk: Tokens, j: int) -> bool:
    """A name at token j that a title tail must not swallow: three syllables or more, or two
    followed by punctuation or a verb ("... Châu Phi huyện" is a body, not a person)."""
    e = _cap_run(tk, j, MAX_NAME)
    if " ".join(tk.low[j:e]) in (_LEX or _lex_load())["non_person"]:
        return False  # "Bí thư Thành ủy Hà Nội": a city ends the body, it names no one
    if e - j >= 3:
        return True
    if e >= len(tk.text):
        return True
    nxt = tk.text[e]
    return KIND[nxt] != "word" or (nxt[0].islower() and bool(_match(tk, e, (_LEX or _lex_load())["stops"])))


def _paren_group(tk: Tokens, j: int) -> int:
    """If token j opens a short parenthesis without stop words, the index after ')' , else -1."""
    tx = tk.text
    if j >= len(tx) or tx[j] != "(":
        return -1
    low, stops = tk.low, (_LEX or _lex_load())["stops"]
    for k in range(j + 1, j + 12 if j + 12 < len(tx) else len(tx)):
        if tx[k] == ")":
            return k + 1
        if tx[k] == "\n" or tx[k] in "(;" or low[k] in stops and _match(tk, k, stops):
            return -1
    return -1


def _headish(w: str) -> bool:
    """Whether a head, a rank or a prefix may start at a lowercased word (_is_title_start's
    cheap test, besides an open head's "trưởng" after it)."""
    lex = _LEX or _lex_load()
    return w in lex["titles"] or w in lex["ranks"] or w in lex["prefixes"]


HEADISH = _Memo(_headish)


def _title_start_len(tk: Tokens, j: int) -> int:
    """_head(tk, j) or the length of a rank at j, or 0: what _is_title_start tests, and what
    _title_end(tk, j, ...) starts with (its start_len)."""
    low = tk.low
    n = len(low)
    if j >= n:
        return 0
    if not HEADISH[low[j]] and not (
            j + 1 < n and low[j + 1] == OPEN_HEAD or j + 2 < n and low[j + 2] == OPEN_HEAD
            or j + 3 < n and low[j + 3] == OPEN_HEAD):
        return 0  # the cheap test first: a word no head starts with
    ranks = (_LEX or _lex_load())["ranks"]
    return _head(tk, j) or (_match(tk, j, ranks) if low[j] in ranks else 0)


def _is_title_start(tk: Tokens, j: int) -> bool:
    return _title_start_len(tk, j) > 0


def _verb_title(tk: Tokens, j: int) -> int:
    """Where a title starts after a verb that gives a position at token j ("là", "làm",
    "giữ chức", "được bầu làm", "tiếp tục được bổ nhiệm giữ chức", "khi đang là"), or -1."""
    lex = _LEX or _lex_load()
    tx, low = tk.text, tk.low
    size = len(tx)
    if j >= size or low[j] not in lex["adverbs"] and low[j] != "được" and low[j] not in lex["verbs"]:
        return -1  # the loop below would stop at once: no adverb, "được" or verb starts at j
    k = j
    verb = False
    limit = j + 18 if j + 18 < size else size
    while k < limit:
        a = _match(tk, k, lex["adverbs"]) if low[k] in lex["adverbs"] else 0
        if a:
            k += a
            continue
        if low[k] == "được":
            # the agent may stand between: "được Ban Thường vụ Tỉnh ủy điều động giữ chức ..."
            a = k + 1
            while a < limit + 8 and a < size and KIND[tx[a]] == "word" and not _match(tk, a, lex["passive"]) \
                    and (tx[a][0].isupper() or a > k + 1) and not _match(tk, a, lex["stops"]):
                a += 1
            p = _match(tk, a, lex["passive"]) if a < size else 0
            if not p or (a > k + 1 and not tx[k + 1][0].isupper()):
                return -1
            k = a + p
            verb = True
            # "được điều động, bổ nhiệm giữ chức ..."
            while k + 1 < limit and tx[k] in (",", "và") and _match(tk, k + 1, lex["passive"]):
                k += 1 + _match(tk, k + 1, lex["passive"])
            continue
        v = _match(tk, k, lex["verbs"]) if low[k] in lex["verbs"] else 0
        if v:
            k += v
            verb = True
            continue
        break
    if verb and k < size and KIND[tx[k]] == "word" and _is_title_start(tk, k):
        return k
    return -1


def _titles_after(tk: Tokens, j: int) -> tuple[list[tuple[int, int]], int, int]:
    """The chain of titles after a name ending before token j: [(i, k)] token ranges, the
    index where the chain ends, and the index in the list of the first title a verb gives
    ("... được bổ nhiệm làm Thứ trưởng"), or -1."""
    lex = _LEX or _lex_load()
    tx, low = tk.text, tk.low
    size = len(tx)
    out: list[tuple[int, int]] = []
    first = True
    closing = False
    by_verb = -1
    headish = HEADISH
    adverbs, verbs = lex["adverbs"], lex["verbs"]
    while j < size:
        t = tx[j]
        kind = KIND[t]
        start = None
        start_len = 0  # _title_start_len(tk, start) when read here
        # _title_start_len's own cheap test before the call (0 without it)
        if first and (headish[low[j]] or j + 1 < size and low[j + 1] == OPEN_HEAD or j + 2 < size and low[j + 2] == OPEN_HEAD
                      or j + 3 < size and low[j + 3] == OPEN_HEAD) and (start_len := _title_start_len(tk, j)):
            start = j  # "Nguyễn Hữu khánh Phó bí thư"
        elif kind == "word" and (first or out) and (low[j] in adverbs or low[j] == "được" or low[j] in verbs) \
                and (v := _verb_title(tk, j)) >= 0:  # (_verb_title's own first test before the call)
            # "ông A là Phó Giám đốc", "đồng chí B giữ chức Chủ tịch", "... kiêm Giám đốc Sở"
            start = v
            by_verb = len(out) if by_verb < 0 else by_verb
        elif t == "," and (first or out) and _verb_title(tk, j + 1) >= 0:
            # "ông A, nguyên Chủ tịch UBND huyện, giữ chức Giám đốc Sở"
            start = _verb_title(tk, j + 1)
            by_verb = len(out) if by_verb < 0 else by_verb
        elif t in (",", "(") or t in DASHES:
            k = j + 1
            while k < size and (tx[k] in DASHES or tx[k] == ","):
                k += 1  # "Sự- ", "–Tỉnh ủy viên", ", - "
            if start_len := _title_start_len(tk, k):
                start = k
                closing = closing or t == "("
            elif out and t == "," and _match(tk, k, lex["cont"]):
                # "Chủ tịch huyện Ô Răng, tỉnh ..." continues the previous title
                end = _title_end(tk, k, stop_at_name=True)
                out[-1] = (out[-1][0], end)
                j = end
                continue
            elif out and t == "(":
                end = _paren_group(tk, j)
                if end > 0:
                    out[-1] = (out[-1][0], end)
                    j = end
                    continue
        elif t == ")" and closing:
            j += 1
            closing = False
            continue
        elif kind == "nl" and out and j + 1 < size and tx[j + 1] in DASHES:
            # "Đồng chí Phan Văn Hợp\n– TUV – Bí thư huyện ủy" (a caption broken before its titles)
            k = j + 2
            if _is_title_start(tk, k):
                start = k
        elif kind == "nl" and first and j + 1 < size and tx[j + 1] in DASHES:
            if _is_title_start(tk, j + 2):
                start = j + 2
        if start is None:
            break
        end = _title_end(tk, start, True, None, start_len)
        if end <= start:
            break
        if out and end < size and _name_at(tk, end) and _strong_name(tk, end):
            break  # "A, Ủy viên Bộ Chính trị, Chủ tịch Hội X B ...": the last title is B's
        paren = _paren_group(tk, end)
        if paren > 0 and (out or not closing):
            end = paren
        out.append((start, end))
        first = False
        j = end
    return out, j, by_verb


CLAUSE_OPENERS = {".", "\n", ":", ";", "(", "“", '"', "!", "?", "…"}


def _piece_start(tk: Tokens, end: int, floor: int) -> int:
    """Index of the first token of the piece of text ending before token `end`: back over words,
    glued dashes ("Thứ trưởng-Phó Chủ nhiệm") and the dot of an abbreviation ("TP. HCM")."""
    tx, st = tk.text, tk.start  # (an end: start + length, Tokens)
    k = end - 1
    while k >= floor and (KIND[tx[k]] == "word" or (
            tx[k] in DASHES and k > floor and st[k - 1] + len(tx[k - 1]) == st[k]) or (
            tx[k] == "." and k > floor and tx[k - 1].isupper() and len(tx[k - 1]) <= 3
            and k + 1 < len(tx) and st[k + 1] == st[k] + 2 and tx[k + 1][0].isupper())):
        k -= 1
    return k + 1


def _head_reaching(tk: Tokens, start: int, end: int) -> int | None:
    """The first title head in tokens [start, end) whose title runs to `end`, or None."""
    low = tk.low
    n = len(low)
    headish = HEADISH
    # whether a title reaches `end` is known once its scan gets there: no scan past it (the
    # name after it, and its tail), unless the token before `end` is a connector
    until = end if end > 0 and low[end - 1] not in _CONNECTORS else None
    for h in range(start, end):
        # _is_title_start's cheap test, without the call
        if (headish[low[h]] or h + 1 < n and low[h + 1] == OPEN_HEAD
                or h + 2 < n and low[h + 2] == OPEN_HEAD or h + 3 < n and low[h + 3] == OPEN_HEAD) \
                and (n_h := _title_start_len(tk, h)) and _title_end(tk, h, False, None, n_h, until) >= end:
            return h
    return None


def _opens_clause(tk: Tokens, i: int, floor: int) -> bool:
    """Token i starts a clause: the text's start, after a sentence or list mark, or after a
    lowercase link word ("có", "và", "của")."""
    if i <= 0:
        return True
    if i <= floor:
        return False
    tx = tk.text
    p = tx[i - 1]
    if p == "," and i - 2 > floor and KIND[tx[i - 2]] == "word" and tx[i - 2].islower():
        return True  # after an opening phrase: "Phát biểu bế mạc, Phó Chủ tịch UBND huyện, A ..."
    return p == "\n" or p in CLAUSE_OPENERS or (p[0].islower() and _match(tk, i - 1, (_LEX or _lex_load())["stops"]) == 1)


def _titles_before(tk: Tokens, j: int, floor: int) -> tuple[list[tuple[int, int]], bool]:
    """The chain of titles ending right before token j (a name or its cue), nearest last, and
    whether it is plural ("các Phó Chủ tịch ..."). A comma or a dash may stand between the
    chain and the name when the chain opens its clause ("Phó Chủ tịch UBND huyện, Trần Văn
    Bình"; "Tân Chủ tịch UBND tỉnh - ông A -")."""
    lex = _LEX or _lex_load()
    tx, low = tk.text, tk.low
    out: list[tuple[int, int]] = []
    plural = False
    if floor < j - 3 * MAX_TITLE:
        floor = j - 3 * MAX_TITLE  # a title chain is short: stay linear on long runs
    end = j
    detached = False
    if j - 1 > floor and (tx[j - 1] == "," or (tx[j - 1] in DASHES and tk.start[j - 1] + 1 < tk.start[j])):
        end = j - 1
        detached = True
    while end > floor:
        piece_start = _piece_start(tk, end, floor)
        k = piece_start - 1
        head = _head_reaching(tk, piece_start, end)
        # "Bộ trưởng Bộ Nông nghiệp - Phát triển nông thôn A": a spaced dash inside the body
        for _ in range(2):
            if head is not None or k <= floor or tx[k] not in DASHES:
                break
            piece_start = _piece_start(tk, k, floor)
            k = piece_start - 1
            head = _head_reaching(tk, piece_start, end)
        if head is None:
            break
        if out and head != piece_start and not (tx[head - 1][0].islower()
                                                and _match(tk, head - 1, lex["stops"]) == 1):
            break  # an earlier piece must be a title from its first word, or after "có", "của"...
        out.insert(0, (head, end))
        # "Trưởng Ban Tổ chức Tỉnh ủy kiêm Giám đốc Sở Nội vụ A": the title before "kiêm"
        while head - 1 > piece_start and low[head - 1] == "kiêm":
            h2 = _head_reaching(tk, piece_start, head - 1)
            if h2 is None:
                break
            out.insert(0, (h2, head - 1))
            head = h2
        if head > floor and low[head - 1] == "các":
            plural = True
        if k < floor or not (tx[k] == "," or tx[k] in DASHES) or (head != piece_start and out[1:]):
            break
        if head != piece_start:
            break
        end = k
    if detached and out and (plural or not _opens_clause(tk, out[0][0], floor)):
        return [], False  # "ý kiến của các đại biểu, đồng chí A": a group, not A's title
    return out, plural


# --- mentions -----------------------------------------------------------------------------


def _blocked(tk: Tokens, i: int) -> bool:
    """A place, street or thing word right before the name ("đường", "tư tưởng", "Ảnh:")."""
    lex = _LEX or _lex_load()
    if i > 0 and tk.text[i - 1] == ":":
        i -= 1
    return bool(_match_before(tk, i, lex["blockers"]))


def _span(text: str, tk: Tokens, a: int, b: int) -> TitleSpan:
    """The title of tokens [a, b)."""
    s, e = tk.start[a], tk.start[b - 1] + len(tk.text[b - 1])
    return TitleSpan(s, e, text[s:e])


def _mention_starts_plain(tk: Tokens) -> list[int]:
    """The tokens where find_person_mentions does anything but step over: a surname, or where
    an honorific or a rank is (not only its first word: "đồng" without "chí" is not)."""
    tx, low = tk.text, tk.low
    lex = _LEX or _lex_load()
    honorifics, ranks = lex["honorifics"], lex["ranks"]
    return [k for k in _mention_candidates(tk) if SURNAME[tx[k]] or low[k] in honorifics and _opens_phrase(tk, k, honorifics)
            or low[k] in ranks and _opens_phrase(tk, k, ranks)]


def _opener(t: str):
    """What _mention_starts needs of a token (its text) that may open a mention: True when it
    opens one whatever follows (a surname, or an honorific or a rank of one word), else the
    words that may follow it in an honorific or a rank (none follows: it opens none)."""
    low = t.lower()
    lex = _LEX or _lex_load()
    nodes = [table[low] for table in (lex["honorifics"], lex["ranks"]) if low in table]
    if SURNAME[t] or any(_END in node for node in nodes):
        return True
    return frozenset(k for node in nodes for k in node if k != _END)


OPENER = _Memo(_opener)


def _mention_starts(tk: Tokens) -> list[int]:
    """_mention_starts_plain(tk), calling _opens_phrase only where the next token's word may
    follow the candidate's in an honorific or a rank (OPENER; benchmarks/check_names.py)."""
    tx, low = tk.text, tk.low
    n = len(low)
    lex = _LEX or _lex_load()
    honorifics, ranks = lex["honorifics"], lex["ranks"]
    opener = OPENER
    # (True by identity: comparing a frozenset with == asks both types first)
    return [k for k in _mention_candidates(tk) if (v := opener[tx[k]]) is True or k + 1 < n and low[k + 1] in v and (
            low[k] in honorifics and _opens_phrase(tk, k, honorifics) or low[k] in ranks and _opens_phrase(tk, k, ranks))]


def find_person_mentions(text: str, start: int = 0, end: int | None = None,
                         tokens: Tokens | None = None) -> list[PersonMention]:
    """Every person mention in text[start:end], in order; `tokens`, when given, must be
    tokenize(text, start, end) (a document's shared tokens)."""
    tk = tokenize(text, start, end) if tokens is None else tokens
    tx, low, st = tk.text, tk.low, tk.start  # (an end: start + length, Tokens)
    lex = _LEX or _lex_load()
    honorifics, ranks = lex["honorifics"], lex["ranks"]
    non_person_prefixes = _non_person_prefixes()
    mentions: list[PersonMention] = []
    i = 0
    n = len(tx)
    last_end = 0  # token index: nothing before it may start a new mention
    # a list in progress: titles shared by its items ("các Phó Thủ tướng: A, B"), and the token
    # index where its next item may start
    shared: list[TitleSpan] | None = []
    list_next = -1
    prev: tuple[PersonMention, int] | None = None  # the last mention and the token index after it
    # only a token that opens a mention does anything but step over itself: jump between them.
    # A surname, or where an honorific or a rank is (not only its first word: "đồng" without
    # "chí" is stepped over); a function of the tokens alone, so the candidates that are not
    # are dropped at once rather than met one by one
    cands = _mention_starts(tk)
    ncands = len(cands)
    while i < n:
        c = bisect_left(cands, i)
        if c == ncands:
            break
        i = cands[c]
        cue_i = i
        cue_text = None
        rank_ranges: list[tuple[int, int]] = []
        j = i
        # honorifics (repeated: "đ/c Đồng chí"), then ranks ("đồng chí Đại tá")
        plural = False
        while True:
            h = _match(tk, j, honorifics) if j < n and low[j] in honorifics else 0
            if h:
                if cue_text is None:
                    cue_text = text[st[j]:st[j + h - 1] + len(tx[j + h - 1])]
                    if j > 0 and low[j - 1] == "các":
                        plural = True
                j += h
                continue
            r = _match(tk, j, ranks) if j < n and low[j] in ranks else 0
            if r:
                rank_ranges.append((j, j + r))
                j += r
                continue
            break
        cued = j > i
        in_list = i == list_next
        if cued:
            # "Đồng chí: Lê Hoàng Vinh", "các đồng chí: A, ..."
            if j < n and tx[j] == ":":
                j += 1
            name_i = j
            if name_i >= n or not CAP[tx[name_i]]:
                i = j if j > i + 1 else i + 1
                continue
            if not rank_ranges and (n_t := _title_start_len(tk, name_i)):
                # "các đồng chí Phó Bí thư Tỉnh ủy: A – ...; B, C": a title shared by a list
                e = _title_end(tk, name_i, True, None, n_t)
                if e < n and tx[e] == ":":
                    shared = [_span(text, tk, name_i, e)]
                    list_next = e + 1
                    last_end = e + 1
                    i = e + 1
                else:
                    i = name_i
                continue
            name_j = _cap_run(tk, name_i, MAX_NAME)
            if name_j - name_i == 2 and _lower_tail(tk, name_j):
                name_j += 1
            # a lone "Ông"/"Anh" opening a sentence before a capitalized word that is not a name
            if low[i] in ("anh", "chị", "em", "cụ", "bà", "ông") and not rank_ranges:
                nm = " ".join(low[name_i:name_j])
                whole = low[i] + " " + nm
                if (nm in lex["non_person"] or low[name_i] in lex["blockers"] and _match(tk, name_i, lex["blockers"])
                        or low[i] in non_person_prefixes and (whole.startswith(non_person_prefixes[low[i]][0])
                                                              or whole in non_person_prefixes[low[i]][1])
                        or _blocked(tk, i)):
                    i = j
                    continue
        else:
            if not SURNAME[tx[i]]:
                i += 1
                continue
            if i + 1 >= n or not CAP[tx[i + 1]]:
                # no name syllable after the surname: the run below ends at i + 1 and no name
                # starts at i or after it (a name has two syllables): the step the scan takes
                i += 1
                continue
            # find the enclosing capitalized run and where the name starts inside it
            rs = i
            while rs > 0 and CAP[tx[rs - 1]] and rs > last_end and i - rs < MAX_NAME * 3:
                rs -= 1
            re_ = _cap_run(tk, i, MAX_NAME * 3)
            name_i = _split_run(tk, rs, re_)
            if name_i < 0 or name_i < i:
                i = re_ if re_ > i else i + 1
                continue
            name_j = re_ if re_ < name_i + MAX_NAME else name_i + MAX_NAME
            if name_j - name_i == 2 and _lower_tail(tk, name_j):
                name_j += 1
            if name_j - name_i < 2:
                i = re_ if re_ > i + 1 else i + 1
                continue
            in_list = name_i == list_next
        name = " ".join(tx[name_i:name_j])
        name = regex.sub(r"(?<=[’'])\s+", "", name) if "’ " in name or "' " in name else name
        if not cued:
            key = " ".join(name.lower().split())
            if key in lex["non_person"] or " ".join(key.split()[:2]) in lex["non_person"]:
                i = name_j  # a place or a body ("Hà Nội", "Hồ Chí Minh"): the titles around it do not matter
                continue
        after, chain_end, by_verb = _titles_after(tk, name_j)
        before, plural_b = ([], False) if in_list else _titles_before(tk, cue_i if cued else name_i, last_end)
        colon = False
        lead = cue_i if cued else name_i
        if not before and not in_list and lead > last_end and tx[lead - 1] == ":":
            # "- Phó GĐ Sở: ông Trần Ngọc Tân" (Nơi nhận); "các Phó Thủ tướng Chính phủ: A, B"
            b2, plural_c = _titles_before(tk, lead - 1, last_end)
            before = b2
            colon = bool(before)
            plural_b = plural_b or plural_c
        if not cued:
            if _blocked(tk, name_i if not before else before[0][0]):
                i = name_j
                continue
            if not before and not after and not in_list and (name_j - name_i < 3 or name_i != rs):
                # a bare name: three syllables at least, opening its capitalized run
                i = name_j
                continue
        ranges = before + rank_ranges + after
        titles = [_span(text, tk, a, b) for a, b in ranges if b > a]
        nb = len(before)
        if in_list:
            titles = list(shared) + titles
        m_start = st[ranges[0][0]] if before else st[cue_i]
        name_start, name_end = st[name_i], st[name_j - 1] + len(tx[name_j - 1])
        m_end = titles[-1].end if after and titles[-1].end > name_end else name_end
        mention = PersonMention(name_start, name_end, text[name_start:name_end], titles, cue_text,
                                m_start, m_end, plural or plural_b or in_list)
        if by_verb >= 0 and prev is not None and prev[1] + 1 == lead and low[prev[1]] == "và":
            # "Thiếu tướng A và Đại tá B được bổ nhiệm làm Thứ trưởng": both hold the position
            prev[0].titles += [_span(text, tk, a, b) for a, b in after[by_verb:]]
        mentions.append(mention)
        k = chain_end if after else name_j
        prev = (mention, k)
        if not in_list:
            if plural_b or colon or (before and not after):
                # the spans of `before`, made above: titles' first ones (no range of
                # _titles_before is empty, and shared is titles only in a list's item)
                shared = titles[:nb]
            elif plural and cued:
                shared = []
            else:
                shared = None
        list_next = -1
        if shared is not None and k < n and (tx[k] in (",", ";") or low[k] == "và"):
            list_next = k + 1
        last_end = k if k > name_j else name_j
        i = last_end
    return mentions


def read_person(text: str, start: int = 0, end: int | None = None,
                tokens: Tokens | None = None) -> PersonMention | None:
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


def find_pronoun_titles(text: str, tokens: Tokens | None = None) -> list[PronounTitles]:
    """Every bare personal pronoun (personal_pronouns.txt) that opens a clause and takes
    titles by a verb ("ông là ...", "bà được bổ nhiệm giữ chức ..."), in order."""
    tk = tokenize(text) if tokens is None else tokens
    tx, low = tk.text, tk.low
    pronouns = (_LEX or _lex_load())["pronouns"]
    out = []
    if _pronouns_open():
        cands = _mention_candidates(tk)
        ks = compress(cands, map(pronouns.__contains__, map(low.__getitem__, cands)))
    else:
        ks = compress(range(len(low)), map(pronouns.__contains__, low))
    for k in ks:
        if k + 1 >= len(tx) or KIND[tx[k + 1]] != "word" or CAP[tx[k + 1]]:
            continue  # "ông Nguyễn ...": a name follows, the mention layer reads it
        if k > 0 and not (tx[k - 1] == "\n" or tx[k - 1] in CLAUSE_OPENERS or tx[k - 1] == ","):
            continue
        if _verb_title(tk, k + 1) < 0:
            continue
        after, _, by_verb = _titles_after(tk, k + 1)
        if by_verb < 0:
            continue
        spans = [_span(text, tk, a, b) for a, b in after[by_verb:]]
        out.append(PronounTitles(tk.start[k], tk.start[k] + len(tx[k]), low[k], spans))
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
    tk = tokenize(exp)
    lex = _LEX or _lex_load()
    p = _match(tk, 0, lex["prefixes"])
    if p and _head(tk, p, prefix=False) and tk.low[0] not in lex["acting"]:
        tk = tk[p:]  # "nguyên Chủ tịch UBND tỉnh" holds the position "Chủ tịch UBND tỉnh"
    h = _head(tk, 0, prefix=False) or _match(tk, 0, lex["ranks"]) or 1
    alias = _aliases().get(" ".join(tk.low[:h]))
    if alias:
        tk = tokenize(alias) + tk[h:]
        h = len(tokenize(alias))
    head = tuple(w for w, t in zip(tk.low[:h], tk.text[:h]) if w not in _QUALIFIERS and KIND[t] == "word")
    body = frozenset(w for w, t in zip(tk.low[h:], tk.text[h:]) if KIND[t] == "word" and w not in _QUALIFIERS)
    return head, body


def same_title(a: str, b: str) -> bool:
    """Whether two titles name the same position: same head, and one body inside the other
    ("Bí thư Tỉnh ủy" / "Bí thư tỉnh ủy Hà Tĩnh"; "Phó CT UBND huyện" / "Phó Chủ tịch UBND huyện")."""
    return same_title_key(title_key(a), title_key(b))


def same_title_key(a: tuple[tuple[str, ...], frozenset[str]], b: tuple[tuple[str, ...], frozenset[str]]) -> bool:
    """same_title of two titles by their title_key."""
    ha, ba = a
    hb, bb = b
    if ha != hb:
        # "Đại biểu" / "Đại biểu Quốc hội": one written out further than the other
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
        # the plain scan: tokenize's chunks read EITHER, which reads this table
        toks = tuple(t.low for t in _tokenize_plain(k))
        phrases.append(toks)
        norm[" ".join(toks)] = v
    return _trie(phrases), norm


@lru_cache(maxsize=None)
def _one_word_levels() -> frozenset[str]:
    """The words of admin_levels that are a level by themselves and start no longer one: where
    one starts, _match of the levels is 1 (benchmarks/check_names.py: find_admin_units
    without them, _match at every level word)."""
    return frozenset(k for k, node in _levels()[0].items() if len(node) == 1 and _END in node)


def find_admin_units(text: str, start: int = 0, end: int | None = None,
                     tokens: Tokens | None = None) -> list[AdminUnitMention]:
    """'huyện Đắk Song', 'tỉnh Kiên Giang', 'TP. HCM': a level word, then a capitalized name (up
    to four syllables, cut before a person's name: 'tỉnh Đắk Nông Nguyễn Bốn'). `tokens`, when
    given, must be tokenize(text, start, end)."""
    tk = tokenize(text, start, end) if tokens is None else tokens
    tx, low, st = tk.text, tk.low, tk.start  # (an end: start + length, Tokens)
    size = len(tx)
    table, norm = _levels()
    one_word = _one_word_levels()
    out = []
    # a unit starts at a level word: jump between the tokens that open one (among those
    # that open a mention or a unit, found in one pass shared with find_person_mentions)
    either = _either_candidates(tk)
    cands = list(compress(either, map(table.__contains__, map(low.__getitem__, either))))
    headish = HEADISH
    i = 0
    while i < size:
        c = bisect_left(cands, i)
        if c == len(cands):
            break
        i = cands[c]
        # a level of one word that starts no longer one ("tỉnh", "huyện"): _match is 1 at once
        n = 1 if low[i] in one_word else _match(tk, i, table)
        if not n:
            i += 1
            continue
        j = i + n
        if j < size and tx[j] == "." and tx[j - 1] == "TP":
            j += 1
        if j >= size or KIND[tx[j]] != "word" or not tx[j][0].isupper() or (
                (headish[low[j]] or j + 1 < size and low[j + 1] == OPEN_HEAD or j + 2 < size and low[j + 2] == OPEN_HEAD
                 or j + 3 < size and low[j + 3] == OPEN_HEAD) and _is_title_start(tk, j)):
            i = j
            continue
        e = j
        # _is_title_start's and _match's own first tests before the calls (a word a head starts
        # with or "trưởng" within reach; a word a level starts with): most name syllables fail them
        while e < size and e - j < 4 and KIND[tx[e]] == "word" and tx[e][0].isupper() \
                and not ((headish[low[e]] or e + 1 < size and low[e + 1] == OPEN_HEAD
                          or e + 2 < size and low[e + 2] == OPEN_HEAD or e + 3 < size and low[e + 3] == OPEN_HEAD)
                         and _is_title_start(tk, e)) \
                and not (low[e] in table and _match(tk, e, table)) and (e == j or st[e] <= st[e - 1] + len(tx[e - 1]) + 1):
            e += 1
        if e - j >= 3:
            k = _split_run(tk, j, e)
            if k > j + 1:
                e = k
        level = norm[" ".join(low[i:i + n])]
        name_end = st[e - 1] + len(tx[e - 1])
        out.append(AdminUnitMention(st[i], name_end, level, text[st[j]:name_end], st[j]))
        i = e
    return out


def doc_admin_units(doc: "Document") -> list[AdminUnitMention]:
    """find_admin_units over the whole document, made once (organizations and places share it)."""
    return doc.memo("names.admin_units", lambda: find_admin_units(doc.text, tokens=doc_tokens(doc)))
