"""Person records: every named person, once, with the titles the text gives them.

Mentions come from the shared layer `gov_report_nlp.names`; this module drops those in a
byline or source line (authors, not people), adds the signers of a formal document (their
title lines above the name, without the TM./KT. line), and merges the mentions of one person:
a later "đồng chí Hồ" or "Bí thư Lê Trung Hồ" is the "Lê Trung Hồ" met before. Titles are
kept as written, in order of appearance, each position once in the form of its first mention.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

import regex

from ..document import Document
from ..names import PersonMention, expand_title, find_person_mentions, same_title
from ..records import Evidence, Person

SKIP_KINDS = {"byline", "source"}
# honorifics that name a private person: a lone given name after them is still a person
PERSONAL_CUES = {"ông", "bà", "anh", "chị", "ngài", "cụ", "em"}


@dataclass
class _Person:
    name: str
    key: str
    titles: list[tuple[str, Evidence]] = field(default_factory=list)
    mentions: list[Evidence] = field(default_factory=list)
    evidence: Evidence | None = None
    first: int = 0


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def _clean(title: str) -> str:
    return " ".join(title.split()).strip(" ,;:-–")


def _signer_mentions(doc: Document) -> list[PersonMention]:
    """Signers of a formal document: signer_name segments with the signer_title lines above."""
    out = []
    titles: list = []
    for seg in doc.segments:
        if seg.kind == "signer_prefix":
            titles = []
        elif seg.kind == "signer_title":
            titles.append(seg)
        elif seg.kind == "signer_name":
            from ..names import TitleSpan

            text = doc.text[seg.start:seg.end].strip()
            if len(text.split()) < 2:
                continue
            s = seg.start + doc.text[seg.start:seg.end].index(text)
            ts = [TitleSpan(t.start, t.end, doc.text[t.start:t.end].strip()) for t in titles]
            start = titles[0].start if titles else s
            out.append(PersonMention(s, s + len(text), text, ts, None, start, s + len(text)))
            titles = []
    return out


def _in_skipped(doc: Document, start: int, end: int) -> bool:
    for seg in doc.segments:
        if seg.kind in SKIP_KINDS and seg.start <= start and end <= seg.end:
            return True
    return False


def person_mentions(doc: Document) -> list[PersonMention]:
    """The person mentions of a document outside bylines and sources, plus its signers."""
    ms = [m for m in find_person_mentions(doc.text) if not _in_skipped(doc, m.name_start, m.name_end)]
    signers = _signer_mentions(doc)
    taken = {(m.name_start, m.name_end) for m in ms}
    for s in signers:
        if (s.name_start, s.name_end) in taken:
            ms = [m for m in ms if (m.name_start, m.name_end) != (s.name_start, s.name_end)]
        ms.append(s)
    ms.sort(key=lambda m: m.name_start)
    return ms


def _resolve(people: list[_Person], m: PersonMention) -> _Person | None:
    """The known person a mention names: same full name, or a short form ("đồng chí Hồ",
    "anh Duy") that ends a known full name."""
    key = _key(m.name)
    for p in people:
        if p.key == key:
            return p
    words = key.split()
    cands = [p for p in people if len(p.key.split()) > len(words) and p.key.split()[-len(words):] == words]
    if len(cands) >= 1:
        return cands[-1]
    return None


def find_people(doc: Document) -> Iterator[Person]:
    mentions = person_mentions(doc)
    people: list[_Person] = []
    short: list[PersonMention] = []
    # full names first, so that a short form may point forward ("Anh Duy" before the full name
    # is rare, but "anh Lưu ... Nguyễn Văn Lưu" happens)
    for m in mentions:
        if m.syllables < 2:
            short.append(m)
            continue
        p = _resolve(people, m) if m.syllables == 2 else None
        if p is None:
            key = _key(m.name)
            p = next((q for q in people if q.key == key), None)
        if p is None:
            p = _Person(m.name, _key(m.name), first=m.name_start)
            people.append(p)
        _add(doc, p, m)
    for m in short:
        p = _resolve(people, m)
        if p is None:
            if (m.cue or "").lower() not in PERSONAL_CUES:
                continue
            p = _Person(m.name, _key(m.name), first=m.name_start)
            people.append(p)
        _add(doc, p, m)
    people.sort(key=lambda p: p.first)
    for p in people:
        p.titles.sort(key=lambda t: t[1].start)
        titles: list[str] = []
        for t, _ in p.titles:
            if not any(same_title(t, u) for u in titles):
                titles.append(t)
        p.mentions.sort(key=lambda e: e.start)
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
        p.evidence = Evidence.of(doc.text, min(m.start, m.name_start), max(m.end, m.name_end))
    for t in m.titles:
        text = _clean(t.text)
        if text:
            p.titles.append((text, Evidence.of(doc.text, t.start, t.end)))
    p.first = min(p.first, m.name_start) if p.mentions else m.name_start
