"""Organization records: Party, state, Front, mass, armed and court bodies as written
("Huyện ủy Vĩnh Thuận", "UBND huyện Đắk Song", "Hội LHPN huyện", "Công an tỉnh"), with their
kind (data/vi/org_kinds.txt), level and place, and the abbreviations written out in `expanded`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from ..budget import matches
# one try of the lowercase pattern reads a bounded stretch (two short lookbehinds, one word
# of a list, one optional level word): the clock is read between the tries. Named matches_at:
# the seam tests/test_robustness.py patches to check the timeout path
from ..budget import matches_at_bounded as matches_at
from ..doc.document import Document
from ..lexicon import NOT_LOWER_SAFE, load_map, lowered_if_safe, starts_finder
from ..lang.names import body_ender, doc_admin_units, expand_title
from ..records import Evidence, Organization

SKIP_KINDS = {"byline", "source"}
LEVELS = {"tỉnh", "huyện", "xã", "thành phố", "quận", "phường", "thị xã", "thị trấn"}
# kind words that are plain words alone: only a body when a name follows ("Sở Tài chính")
NEEDS_NAME = {"sở", "phòng", "bộ", "cục", "chi cục", "văn phòng", "ban chấp hành", "ban thường vụ"}
# a level written into the body's own name
LEVEL_OF_BODY = {"tỉnh ủy": "tỉnh", "huyện ủy": "huyện", "thành ủy": "thành phố", "quận ủy": "quận",
                 "thị ủy": "thị xã", "huyện đoàn": "huyện", "tỉnh đoàn": "tỉnh"}


@lru_cache(maxsize=None)
def _pattern():
    kinds = load_map("org_kinds")
    levels = list(load_map("admin_levels"))
    return kinds, regex.compile(
        r"""
        (?<![\w/])(?<!/[\w.]{1,12}-)                   # not the issuer code of a symbol: "12/QĐ-UBND"
        (?P<body>\L<bodies>)(?!\w)                      # Huyện ủy, UBND, Hội LHPN
        (?P<rest>(?:[ ](?:\L<levels>)(?!\w))?)          # huyện
        """,
        regex.VERBOSE | regex.IGNORECASE,
        bodies=list(kinds), levels=levels,
    )


# Characters each of which lowers to one character that the case-insensitive pattern treats
# as it (lexicon.NOT_LOWER_SAFE): in a text made of them only, the lowercase pattern over
# text.lower() finds the same spans (a fifth of the time: case-insensitive lists are the
# costly part). benchmarks/check_organizations.py recomputes the set.
_NOT_LOWER_SAFE = NOT_LOWER_SAFE


@lru_cache(maxsize=None)
def _lower_pattern():
    """_pattern()'s pattern for lowercased text: lowercase lists, case-sensitive."""
    kinds = load_map("org_kinds")
    levels = list(load_map("admin_levels"))
    return regex.compile(_pattern()[1].pattern, regex.VERBOSE,
                         bodies=[k.lower() for k in kinds], levels=[v.lower() for v in levels])


@lru_cache(maxsize=None)
def _body_starts():
    """Every offset where a body word begins in lowercased text (a match of the lowercase
    pattern begins at one: its lookbehinds take no characters); None without pyahocorasick."""
    return starts_finder(k.lower() for k in load_map("org_kinds"))


class _KeyedStarts(dict):
    """meetings' starts by key (as lexicon.keyed_starts_finder gives them), each key's sorted
    offsets made from the pass's groups when it is first read (most documents read few keys)."""

    __slots__ = ("found", "of_key")

    def __init__(self, found: list[list[int]], of_key: dict[str, list[int]]):
        super().__init__()
        self.found, self.of_key = found, of_key

    def __missing__(self, key: str) -> list[int]:
        gs = self.of_key[key]
        found = self.found
        value = self[key] = (sorted(set(found[gs[0]])) if len(gs) == 1 else
                             sorted({p for g in gs for p in found[g]}))
        return value


@lru_cache(maxsize=None)
def _word_finder():
    """One Aho-Corasick automaton of the body words (_body_starts), of awards' least openers
    (awards._least_opener_finder) and of meetings' words (meetings.starts_words): a function
    lowered -> (the starts _body_starts gives, the spans awards._opener_spans gives, the starts
    by key meetings' _P.STARTS gives), from one pass over the lowered text the three stages
    read (benchmarks/check_organizations.py compares them); None without pyahocorasick.

    A word's value is (its length - 1, its group): the words are grouped by what they are
    (a body, an opener of that length, the meetings keys that list it), a hit is one append
    to its group's list, and each result is made from its groups after the pass."""
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - the fast extra is not installed
        return None
    from .awards import _least_openers  # here, not at the top: awards imports this module
    from .meetings import starts_words  # (and meetings too)
    bodies = {k.lower() for k in load_map("org_kinds")} - {""}
    openers = set(_least_openers()) - {""}
    if not bodies or not openers:
        return None
    by_key = starts_words()
    keys = list(by_key)
    key_sets = {k: set(ws) for k, ws in by_key.items()}
    groups: dict[tuple, int] = {}  # (body?, opener length or 0, meetings keys) -> its index
    auto = ahocorasick.Automaton()
    for w in bodies | openers | {w for ws in by_key.values() for w in ws if w}:
        sig = (w in bodies, len(w) if w in openers else 0, tuple(k for k in keys if w in key_sets[k]))
        auto.add_word(w, (len(w) - 1, groups.setdefault(sig, len(groups))))
    auto.make_automaton()
    body_groups = [g for sig, g in groups.items() if sig[0]]
    opener_groups = [(g, sig[1]) for sig, g in groups.items() if sig[1]]
    of_key = {k: [g for sig, g in groups.items() if k in sig[2]] for k in keys}
    empty = [k for k, gs in of_key.items() if not gs]
    n_groups = len(groups)

    def find(lowered: str) -> tuple[list[int], list[tuple[int, int]], dict[str, list[int]]]:
        found: list[list[int]] = [[] for _ in range(n_groups)]
        add = [f.append for f in found]
        for end, (n, g) in auto.iter(lowered):
            add[g](end - n)
        starts = sorted({p for g in body_groups for p in found[g]})
        spans = sorted([(p, p + n) for g, n in opener_groups for p in found[g]])
        keyed = _KeyedStarts(found, of_key)
        for k in empty:
            keyed[k] = []
        return starts, spans, keyed
    return find


def lowered_hits(doc: Document, lowered: str) -> tuple[list[int], list[tuple[int, int]], dict[str, list[int]]] | None:
    """_word_finder()(lowered) for lowered = lowered_if_safe(doc.text), made once per
    document (organizations, awards and meetings read it); None without pyahocorasick."""
    find = _word_finder()
    if find is None:
        return None
    return doc.memo("organizations.lowered_hits", lambda: find(lowered))


def _body_matches_plain(text: str) -> list[regex.Match]:
    """_pattern()'s matches in text: the plain scan (benchmarks/check_organizations.py)."""
    return matches(_pattern()[1], text)


def _body_matches(text: str, doc: Document | None = None) -> list[regex.Match]:
    """_pattern()'s matches in text; read their spans (over text.lower() when it is safe,
    the pattern tried only where a body word begins when pyahocorasick is there; the starts
    from lowered_hits when text is doc's)."""
    lowered = lowered_if_safe(text)
    if lowered is not None:
        starts = _body_starts()
        if starts is None:
            return matches(_lower_pattern(), lowered)
        hits = lowered_hits(doc, lowered) if doc is not None else None
        return matches_at(_lower_pattern(), lowered, hits[0] if hits is not None else starts(lowered))
    return _body_matches_plain(text)


def _capital_body_matches(text: str, doc: Document | None = None) -> list[regex.Match]:
    """_body_matches(text, doc)'s matches that begin at a capital letter (find_organizations
    reads no other), with some of the others: over the lowered text, the pattern is not tried
    at the body starts _capital_starts drops (benchmarks/check_organizations.py compares them)."""
    lowered = lowered_if_safe(text)
    if lowered is None or _body_starts() is None:
        return _body_matches(text, doc)
    hits = lowered_hits(doc, lowered) if doc is not None else None
    starts = hits[0] if hits is not None else _body_starts()(lowered)
    return matches_at(_lower_pattern(), lowered, _capital_starts(text, starts))


def _capital_starts(text: str, starts: list[int]) -> list[int]:
    """The body starts (ascending) at a capital letter, and every start within _reach() before
    a kept one. A match that begins at a dropped start is lowercase, and covers no kept start
    (it is shorter than _reach()); a match that covers a kept start begins within reach before
    it, so at a kept start: each kept start is tried (or passed over) as in the scan of all."""
    reach = _reach()
    kept = []
    nxt = len(text) + reach
    for p in reversed(starts):
        if nxt - p < reach or text[p].isupper():
            kept.append(p)
            nxt = p
    kept.reverse()
    return kept


@lru_cache(maxsize=None)
def _reach() -> int:
    """The longest match of _lower_pattern(): a body, a space and a level word, plus one."""
    return max(len(k.lower()) for k in load_map("org_kinds")) + 1 + \
        max(len(v.lower()) for v in load_map("admin_levels")) + 1


@lru_cache(maxsize=None)
def _lower_kinds() -> dict[str, str]:
    return {k.lower(): v for k, v in _pattern()[0].items()}


def find_organizations(doc: Document) -> Iterator[Organization]:
    lower_kinds = _lower_kinds()
    text = doc.text
    skipped = [s for s in doc.segments if s.kind in SKIP_KINDS]
    units = {u.start: u for u in doc_admin_units(doc)}
    seen: set[str] = set()
    body_end = None  # body_ender(doc), made at the first body that needs it
    for m in _capital_body_matches(text, doc):
        b0, b1 = m.span(1)  # the body (the lookbehinds take nothing: the match starts at b0)
        # capitalized bodies only ("Sở", "Phòng", "Bộ" are common words in lower case)
        if not text[b0].isupper():
            continue
        start, m_end = m.span()
        if skipped and any(s.start <= start and m_end <= s.end for s in skipped):
            continue
        u = units.get(b1 + 1)
        if u is not None:
            end = u.end  # "UBND huyện Đắk Song"
        else:
            # "Sở Tài chính", "Huyện ủy Vĩnh Thuận", "Ban Tuyên giáo Huyện ủy", "Công an tỉnh"
            if body_end is None:
                body_end = body_ender(doc)
            end = body_end(start, b1)
        name = text[start:end].strip()
        key = name.lower()
        if key in seen:
            continue  # a body named again (its level and place are read once, below)
        low_body = text[b0:b1].lower()
        if low_body in NEEDS_NAME and key == low_body:
            continue
        seen.add(key)
        level = LEVEL_OF_BODY.get(low_body)
        place = None
        if u is not None:
            level, place = u.level, u.name
        else:
            tail = text[b1:end].split()
            if tail and tail[-1].lower() in LEVELS:
                level = tail[-1].lower()
            elif level and tail and all(w[:1].isupper() for w in tail):
                place = " ".join(tail)
        expanded = expand_title(name)
        yield Organization(name=name, kind=lower_kinds.get(low_body), level=level, place=place,
                           expanded=expanded if expanded != name else None,
                           evidence=Evidence.of(text, start, end))
