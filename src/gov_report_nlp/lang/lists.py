"""Lists as the genre writes them: who attended, who chaired, what was adopted, who received.

After a cue of presence, adoption or grant the genre enumerates its items in a few ways:

    A, Phó Chủ tịch UBND huyện; B, Giám đốc Sở Y tế và đại diện các sở, ngành     commas, ";", "và"
    gồm: 1. Nghị quyết về ...  (a line) 2. Nghị quyết về ...                     numbered lines
    các đồng chí Ủy viên Bộ Chính trị: A, B                                       one title, many names
    cán bộ, công chức, viên chức và người lao động của Sở                         one group of roles

`read_list(doc, start, end)` splits text[start:end] at the head of each item: a person (the
names layer finds them; the item spans the person's titles around the name), a group led by a
group word ("đại diện", "lãnh đạo", "các đồng chí", a count), or a title that belongs to the
person after it. The caller finds the cue and the end of the list; this module only splits.

Words live in data/vi/list_*.txt.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from ..doc.document import Document
from ..lexicon import LexiconPatterns, lazy_pattern, load_list, word_offsets
from .names import PersonMention, find_person_mentions, window_tokens

__all__ = ["ListItem", "read_list"]

_F = regex.VERBOSE | regex.IGNORECASE
_T = 1.0


@dataclass
class ListItem:
    """One item of a list: its span in the text, and the person's name when it is a person."""

    start: int
    end: int
    text: str  # the item as written, spaces folded, edge punctuation dropped
    name: Optional[str] = None  # a person's name (the names layer's), else None for a group
    head: bool = False  # a person, or a group led by a group word or a title ("đại diện", "các đồng chí")

    @property
    def value(self) -> str:
        return self.name or self.text


class _P(LexiconPatterns):
    @classmethod
    def _build(cls) -> None:
        cls.GROUP_HEAD = lazy_pattern(regex.compile, r"\s*(?:\L<gh>)(?!\w)", _F, gh=load_list("list_group_heads"))
        cls.TITLE_HEAD = lazy_pattern(regex.compile, r"\s*(?:\L<th>)(?!\w)", _F, th=load_list("list_title_heads"))
        cls.BODY_PLURAL = lazy_pattern(regex.compile,
            r"\s*(?:các|những)\s+(?:\L<bn>)(?!\w)", _F, bn=load_list("list_body_nouns"))


# separators between items: ";", ",", "và", "cùng (với)", a line break (numbered lines)
_SEP = lazy_pattern(regex.compile,
    r"\s*\n\s*|\s*;\s*|\s*,\s*(?:(?P<conj>và|cùng\s+với|cùng)\s+)?|\s+(?P<conj>và|cùng\s+với|cùng)\s+")
# the marker of a numbered or bulleted line: "1.", "2)", "a)", "-", "+", "–"
_MARK = lazy_pattern(regex.compile, r"\s*(?:\d{1,2}\s*[.)]|[a-zđ]\)|[-+–•])\s+", regex.I)
_COUNTED = lazy_pattern(regex.compile, r"\s*(?:(?:trên|hơn|gần|khoảng|hàng|chừng|gần)\s+)?\d", regex.I)
_PLURAL = lazy_pattern(regex.compile, r"(?<!\w)(?:các|những|\d+)\s")
_PLURAL_GROUP = lazy_pattern(regex.compile, r"\s*(?:các|những)\s+(?!đồng\s+chí)", regex.I)
_SPACES = lazy_pattern(regex.compile, r"\s+")
_STRIP = " .,;:-–—\n\t"


def _mentions(doc: Document, start: int, end: int) -> list[PersonMention]:
    """The names layer's mentions in text[start:end] (a list is read in its own window: reading
    the whole document for a few lists would cost more than the lists), with two repairs of a
    list's reading, an adapter on the layer's public verb: a one-syllable name in capitals is an
    academic style ("GS.", "TS."), not a person; a one-syllable name before more capitals is the
    cue of the name after it ("các đồng chí: Đồng chí A" read as "Đồng"), read again from there."""
    text = doc.text
    out: list[PersonMention] = []
    for m in find_person_mentions(text, start, end, tokens=window_tokens(doc, start, end)):
        if " " not in m.name.strip():
            if m.name.isupper():
                continue
            e2 = min(end, m.name_start + 200)
            again = find_person_mentions(text, m.name_start, e2, tokens=window_tokens(doc, m.name_start, e2))
            if again and again[0].name_start > m.name_start and " " in again[0].name:
                out.append(again[0])
                continue
        out.append(m)
    return out


def _clean_plain(text: str) -> str:
    return _SPACES.sub(" ", text).strip(_STRIP + "“”\"")


# characters str.split() splits at and the pattern's \s does not (the only ones: checked by
# benchmarks/check_lists.py, for every character)
_SPLIT_NOT_SPACE = ("\x1c", "\x1d", "\x1e", "\x1f")


def _clean(text: str) -> str:
    """_clean_plain(text), by str.split and join (a sixth of the regex's cost): the same
    words and one space between them, and the edge space the regex leaves is stripped
    either way (a space is one of _STRIP)."""
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return _clean_plain(text)
    return " ".join(text.split()).strip(_STRIP + "“”\"")


# the characters _SEP's \s matches (str.isspace's but \x1c-\x1f: benchmarks/check_lists.py
# compares the set with \s for every character)
_SEP_SPACES = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                        "\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# what every match of _SEP holds at its "key": a line break, ";", "," or a conjunction's first
# word (the characters before the key in the match are spaces)
_SEP_KEYS = ("\n", ";", ",", "và", "cùng")


def _separators_plain(text: str, start: int, end: int) -> list[tuple[int, int, Optional[str]]]:
    """_SEP's matches in text[start:end] as (start, end, its "conj" group)."""
    conj_g = _SEP.groupindex["conj"]
    return [(m.start(), m.end(), m[conj_g]) for m in _SEP.finditer(text, start, end, False, False)]


def _separators(text: str, start: int, end: int) -> list[tuple[int, int, Optional[str]]]:
    """_separators_plain(text, start, end), _SEP tried only where a match can begin, not at
    every character (its scan costs ~1 000 instructions a character: each of its four
    branches opens with a whitespace run, tried at every offset).

    A match of _SEP is a run of spaces (\\s) then its key (_SEP_KEYS: a line break, which is
    a space too, or ";", ",", "và", "cùng"), or the key itself: it begins in the run of spaces
    right before a key, or at it. So the scan's next match after `pos` is at the first key
    from pos that has one (the keys found by str.find, a few a list), tried at the start of
    the run before it (not before pos): a try there answers for the whole run (the branches'
    leading \\s* or \\s+ take the rest of it alike), and no offset between pos and the run
    holds a key, so none begins a match. (No clock: a try reads a whitespace run and "và" or
    "cùng với", as the scan's.) benchmarks/check_lists.py compares the two."""
    out: list[tuple[int, int, Optional[str]]] = []
    keys = word_offsets(text, _SEP_KEYS, start, end)
    if not keys:
        return out
    match = _SEP.match
    conj_g = _SEP.groupindex["conj"]  # read by number: a name costs a failed int() per read
    spaces = _SEP_SPACES
    pos = start
    for k in keys:
        if k < pos:
            continue  # inside the last match
        q = k
        while q > pos and text[q - 1] in spaces:
            q -= 1
        m = match(text, q, end, False)
        if m is not None:
            b = m.end()
            out.append((q, b, m[conj_g]))
            pos = b
    return out


@dataclass
class _Frag:
    sep: str  # the separator before it: ";", ",", "và", "cùng", "\n"
    start: int
    end: int
    person: Optional[PersonMention] = None


def read_list(doc: Document, start: int, end: int, people: bool = False) -> list[ListItem]:
    """The items of the enumeration text[start:end], in order (people and groups).

    people=True: the caller keeps only the items with a name; a window without a person's
    mention has none (an item's name is only ever a mention's), and is not split."""
    text = doc.text
    start, end = max(0, start), min(len(text), end)
    if end <= start:
        return []
    P = _P.get()
    ms = [m for m in _mentions(doc, start, end) if start <= m.name_start and m.name_end <= end]
    if people and not ms:
        return []
    # a person mention is one piece: its inner commas ("A, Phó Chủ tịch UBND tỉnh") do not split
    # (conditional expressions: a builtin min/max call costs ~1 200 instructions in Python 3.11)
    spans = []
    for m in ms:
        a = m.start if m.start <= m.name_start else m.name_start
        b = m.end if m.end >= m.name_end else m.name_end
        spans.append((a if a > start else start, b if b < end else end, m))
    frags: list[_Frag] = []
    pos, sep, k = start, ";", 0
    # (no clock: a try of _SEP reads a whitespace run, 3 characters at most in a Document's
    # normalized text, and "và" or "cùng với"; the regex clock costs ~1 µs a match)
    nsp = len(spans)
    for a, b, conj in _separators(text, start, end):
        while k < nsp and spans[k][1] <= a:
            k += 1
        if k < nsp and spans[k][0] < b and a < spans[k][1]:
            continue  # inside a person's mention
        if a > pos:
            frags.append(_Frag(sep, pos, a))
        if conj:
            sep = "và" if conj == "và" else "cùng"
        else:
            g = text[a:b]
            sep = "\n" if "\n" in g else g.strip() or "và"
        pos = b
    if pos < end:
        frags.append(_Frag(sep, pos, end))
    mark = _MARK.match
    for f in frags:
        # (a marker counts only after a line break or ";", or at the start: tried only there)
        if (f.sep == "\n" or f.sep == ";" or f.start == start) and (mk := mark(text, f.start, f.end, False)):
            f.start = mk.end()
        if nsp:
            for s, e, m in spans:
                if f.start <= m.name_start and m.name_end <= f.end:
                    f.person = m
                    break
    return _items(doc, frags, P)


def _items(doc: Document, frags: list[_Frag], P) -> list[ListItem]:
    """Join the fragments into items: a person takes its titles, a group its inner commas."""
    text = doc.text
    items: list[list] = []  # [start, end, person mention or None]
    pending: list[tuple[int, int]] = []  # titles written before a name, across a comma
    for f in frags:
        s, e = f.start, f.end
        frag = text[s:e]
        if not frag.strip(_STRIP):
            continue
        cur = items[-1] if items else None
        if f.person is not None:
            m = f.person
            ps = m.start if m.start <= m.name_start else m.name_start
            ps = ps if ps > s else s
            if pending and f.sep != ";":
                ps = pending[0][0]
            pending = []
            items.append([ps, m.end if m.end >= m.name_end else m.name_end, m])  # what follows the mention in its fragment is not its
            continue
        is_group = bool(P.GROUP_HEAD.match(text, s, e, False)) or bool(_COUNTED.match(frag, None, None, False))
        is_title = bool(P.TITLE_HEAD.match(text, s, e, False)) and not _PLURAL.search(frag, None, None, False)
        hard = f.sep in (";", "\n") or cur is None
        if hard:
            if (f.sep == ";" and cur is not None and cur[2] is None and not is_group and not is_title
                    and P.GROUP_HEAD.match(text, cur[0], cur[1], False)):
                cur[1] = e  # "đại diện lãnh đạo Ban X, Thanh tra Y; Bộ CHQS Z": more bodies of one group
                continue
            if is_title and not is_group:
                pending.append((s, e))
                continue
            items.append([s, e, None])
            continue
        if cur[2] is not None:
            # after a person: a group word opens a group; anything else is more of their title
            # ("ông A, Phó Cục trưởng Cục X, Bộ Công an"; "Chủ tịch Liên hiệp các hội Khoa học và
            # Kỹ thuật Việt Nam"), unless "và" joins a new title or a lowercase group
            if is_group or (f.sep != "," and not is_title and not frag.lstrip()[:1].isupper()):
                items.append([s, e, None])
            elif is_title and f.sep != ",":
                pending.append((s, e))
            else:
                cur[1] = e
            continue
        # the current item is a group
        if f.sep == "," and P.BODY_PLURAL.match(text, s, e, False):
            cur[1] = e  # "lãnh đạo các cơ quan, đơn vị, các xã, thị trấn": more bodies of one group
        elif is_group and (f.sep != "và" or not _PLURAL_GROUP.match(frag, None, None, False) or not P.BODY_PLURAL.match(text, s, e, False)):
            items.append([s, e, None])
        elif (is_title or P.TITLE_HEAD.match(text, s, e, False)) and f.sep != "," and not _bare(text, cur):
            items.append([s, e, None])  # "đại diện các sở và Chủ tịch Hội X các tỉnh"
        else:
            cur[1] = e  # a group's inner comma or "và"
    for s, e in pending:
        items.append([s, e, None])
    out: list[ListItem] = []
    for s, e, m in items:
        raw = text[s:e]
        lead = len(raw) - len(raw.lstrip(_STRIP))
        tail = len(raw.rstrip(_STRIP))
        if tail <= lead:
            continue
        s2, e2 = s + lead, s + tail
        head = m is not None or bool(P.GROUP_HEAD.match(text, s2, e2, False) or P.TITLE_HEAD.match(text, s2, e2, False)
                                     or _COUNTED.match(text, s2, e2, False))
        out.append(ListItem(s2, e2, _clean(text[s2:e2]), m.name if m is not None else None, head))
    return out


def _bare(text: str, item: list) -> bool:
    """A group that is only role nouns so far ("cán bộ, công chức"): what follows shares its qualifier."""
    words = text[item[0]:item[1]].replace(",", " ").split()
    return len(words) <= 4 and all(w.islower() for w in words)
