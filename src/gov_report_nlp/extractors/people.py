"""Person records: every named person, once, with the titles the text gives them.

Mentions come from the shared layer `gov_report_nlp.lang.names`; this module drops those in a
byline or source line (authors, not people), adds the signers of a formal document (their
title lines above the name, without the TM./KT. line), and merges the mentions of one person:
a later "đồng chí Hồ" or "Bí thư Lê Trung Hồ" is the "Lê Trung Hồ" met before. Titles are
kept as written, in order of appearance, each position once in the form of its first mention.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Iterator

import regex

from ..doc.document import Document
from ..lang.names import (PersonMention, doc_tokens, expand_title, find_person_mentions, find_pronoun_titles,
                          same_title_key, title_key)
from ..records import Evidence, Person

SKIP_KINDS = {"byline", "source"}
SIGNER_KINDS = {"signer_prefix", "signer_title", "signer_name"}
_KINDS_READ = frozenset(SKIP_KINDS | SIGNER_KINDS)
_KIND_OF = attrgetter("kind")
# sort keys read in C (a lambda is a Python call per item)
_NAME_START = attrgetter("name_start")
_FIRST = attrgetter("first")
_START = attrgetter("start")
# honorifics that name a private person: a lone given name after them is still a person
PERSONAL_CUES = {"ông", "bà", "anh", "chị", "ngài", "cụ", "em"}


@dataclass
class _Person:
    name: str
    key: str
    titles: list[tuple[str, int]] = field(default_factory=list)  # (title, where its evidence would start)
    mentions: list[Evidence] = field(default_factory=list)
    evidence: Evidence | None = None
    first: int = 0


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def _clean(title: str) -> str:
    return " ".join(title.split()).strip(" ,;:-–")


def _evidence_start(text: str, start: int, end: int) -> int:
    """Evidence.of(text, start, end).start, without making the Evidence (a title's is only
    its place in the order)."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _kinds(doc: Document) -> tuple[list, list]:
    """The segments in a byline or a source line (a few lines at most), and the signature
    block's segments, in order: one pass over a document's segments (it has thousands),
    made once per document for the three readers of them."""
    return doc.memo("people.kinds", lambda: _read_kinds(doc))


def _read_kinds(doc: Document) -> tuple[list, list]:
    skipped, signers = [], []
    segs = doc.segments
    # the few segments of those kinds picked in C (their kinds read by attrgetter), then sorted
    # out in order: the same as the loop over every segment
    for seg in compress(segs, map(_KINDS_READ.__contains__, map(_KIND_OF, segs))):
        kind = seg.kind
        if kind in SKIP_KINDS:
            skipped.append(seg)
        elif kind in SIGNER_KINDS:
            signers.append(seg)
    return skipped, signers


def _signer_mentions(doc: Document) -> list[PersonMention]:
    """Signers of a formal document: signer_name segments with the signer_title lines above."""
    out = []
    titles: list = []
    for seg in _kinds(doc)[1]:
        if seg.kind == "signer_prefix":
            titles = []
        elif seg.kind == "signer_title":
            titles.append(seg)
        elif seg.kind == "signer_name":
            from ..lexicon import title_form
            from ..lang.names import TitleSpan

            text = doc.text[seg.start:seg.end].strip()
            if len(text.split()) < 2:
                continue
            s = seg.start + doc.text[seg.start:seg.end].index(text)
            # a signature block's capitals as a title: "CHỦ TỊCH" -> "Chủ tịch"
            ts = [TitleSpan(t.start, t.end, title_form(doc.text[t.start:t.end].strip())) for t in titles]
            start = titles[0].start if titles else s
            out.append(PersonMention(s, s + len(text), text, ts, None, start, s + len(text)))
            titles = []
    return out


def person_mentions(doc: Document) -> list[PersonMention]:
    """The person mentions of a document outside bylines and sources, plus its signers."""
    skipped = _kinds(doc)[0]
    ms = find_person_mentions(doc.text, tokens=doc_tokens(doc))
    if skipped:
        ms = [m for m in ms if not any(seg.start <= m.name_start and m.name_end <= seg.end for seg in skipped)]
    signers = _signer_mentions(doc)
    taken = {(m.name_start, m.name_end) for m in ms}
    for s in signers:
        if (s.name_start, s.name_end) in taken:
            ms = [m for m in ms if (m.name_start, m.name_end) != (s.name_start, s.name_end)]
        ms.append(s)
    ms.sort(key=_NAME_START)
    return ms


class _People:
    """The people met so far, in order, indexed by full name and by every proper suffix of
    it, so that resolving a mention does not scan them all (a long document names thousands)."""

    def __init__(self) -> None:
        self.all: list[_Person] = []
        self.by_key: dict[str, _Person] = {}
        self.by_suffix: dict[tuple[str, ...], _Person] = {}  # the last person added with it

    def add(self, p: _Person) -> None:
        self.all.append(p)
        self.by_key.setdefault(p.key, p)
        words = p.key.split()
        for k in range(1, len(words)):
            self.by_suffix[tuple(words[-k:])] = p

    def resolve(self, m: PersonMention) -> _Person | None:
        """The known person a mention names: same full name, or a short form ("đồng chí Hồ",
        "anh Duy") that ends a known full name (the last one met)."""
        return self.resolve_key(_key(m.name))

    def resolve_key(self, key: str) -> _Person | None:
        """resolve() of a mention whose _key is `key`."""
        p = self.by_key.get(key)
        if p is not None:
            return p
        return self.by_suffix.get(tuple(key.split()))


PRONOUN_REACH = 1500  # characters back to the person a pronoun stands for (one biography paragraph)


def _pronoun_titles(doc: Document, mentions: list[PersonMention], owner: dict[int, _Person]) -> None:
    """Titles a verb gives to a bare "ông"/"bà" go to the person last named before it, when
    that person's cue does not say the other gender."""
    pts = find_pronoun_titles(doc.text, tokens=doc_tokens(doc))
    if not pts:
        return  # most documents
    skipped = _kinds(doc)[0]  # the byline and source segments
    starts = [m.name_start for m in mentions]
    for pt in pts:
        if any(seg.start <= pt.start < seg.end for seg in skipped):
            continue
        k = bisect_left(starts, pt.start) - 1
        if k < 0 or pt.start - mentions[k].name_end > PRONOUN_REACH:
            continue
        m = mentions[k]
        cue = (m.cue or "").lower()
        p = owner.get(id(m))
        if p is None or (cue in PRONOUN_CUES and cue != pt.pronoun):
            continue
        for t in pt.titles:
            text = _clean(t.text)
            if text:
                p.titles.append((text, _evidence_start(doc.text, t.start, t.end)))


PRONOUN_CUES = {"ông", "bà"}


def find_people(doc: Document) -> Iterator[Person]:
    mentions = person_mentions(doc)
    known = _People()
    owner: dict[int, _Person] = {}  # id(mention) -> its person
    short: list[PersonMention] = []
    # full names first, so that a short form may point forward ("Anh Duy" before the full name
    # is rare, but "anh Lưu ... Nguyễn Văn Lưu" happens)
    for m in mentions:
        syllables = m.syllables
        if syllables < 2:
            short.append(m)
            continue
        key = _key(m.name)
        p = known.resolve_key(key) if syllables == 2 else None
        if p is None:
            p = known.by_key.get(key)
        if p is None:
            p = _Person(m.name, key, first=m.name_start)
            known.add(p)
        _add(doc, p, m)
        owner[id(m)] = p
    for m in short:
        p = known.resolve(m)
        if p is None:
            if (m.cue or "").lower() not in PERSONAL_CUES:
                continue
            p = _Person(m.name, _key(m.name), first=m.name_start)
            known.add(p)
        _add(doc, p, m)
        owner[id(m)] = p
    _pronoun_titles(doc, mentions, owner)
    people = known.all
    people.sort(key=_FIRST)
    for p in people:
        p.titles.sort(key=itemgetter(1))
        titles: list[str] = []
        keys: list = []  # title_key of each of titles, read when first compared (same_title's order)
        for t, _ in p.titles:
            # a title met before as written is the same position (same_title(t, t) holds): no scan
            if t in titles:
                continue
            if titles:
                k = title_key(t)
                for x, u in enumerate(titles):
                    if keys[x] is None:
                        keys[x] = title_key(u)
                    if same_title_key(k, keys[x]):
                        break
                else:
                    titles.append(t)
                    keys.append(k)
            else:
                titles.append(t)
                keys.append(None)
        p.mentions.sort(key=_START)
        yield Person(
            name=p.name,
            titles=titles,
            titles_expanded=[expand_title(t) for t in titles],
            mentions=p.mentions,
            evidence=p.evidence or (p.mentions[0] if p.mentions else None),
        )


def _add(doc: Document, p: _Person, m: PersonMention) -> None:
    p.mentions.append(Evidence.of(doc.text, m.name_start, m.name_end))
    if p.evidence is None or (m.titles and not p.titles):
        p.evidence = Evidence.of(doc.text, m.start if m.start < m.name_start else m.name_start,
                                 m.end if m.end > m.name_end else m.name_end)
    for t in m.titles:
        text = _clean(t.text)
        if text:
            p.titles.append((text, _evidence_start(doc.text, t.start, t.end)))
    p.first = p.first if p.mentions and p.first < m.name_start else m.name_start
