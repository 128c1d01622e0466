"""People across documents, and the warnings only a corpus can give.

`link_people(records)` puts the people records of many documents into persons, conservatively:
two records join only when they have the same name (name_key) AND
  - a title that names its body's place in common ("Bí thư Huyện ủy Đắk Song"), or
  - a place in common (a place their titles name, or the portal's place of their documents),
and never when the places their titles name are all different (two "Nguyễn Văn A", one in
huyện X and one in huyện Y, stay two). A record that could join more than one person joins
none. Each record's link carries its reason ("same name and title '...'").

`rebuild(conn)` recomputes persons, person_links, the body counts and the warnings from the
stored facts, in one transaction.
"""
from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from .keys import is_sole_title, named_place, place_key


@dataclass(frozen=True)
class PersonRecord:
    record: int
    name: str
    key: str
    titles: tuple[str, ...] = ()  # expanded titles as written ("Bí thư Huyện ủy Đắk Song")
    portal: str | None = None  # the place of the record's document (portal or header)
    date: str | None = None

    @property
    def title_keys(self) -> frozenset[str]:
        return frozenset(place_key(t) for t in self.titles)

    @property
    def title_places(self) -> frozenset[str]:
        return frozenset(place_key(p[1]) for t in self.titles if (p := named_place(t)))

    @property
    def places(self) -> frozenset[str]:
        return self.title_places | ({place_key(self.portal)} if self.portal else frozenset())


@dataclass
class Cluster:
    records: list[tuple[PersonRecord, str]] = field(default_factory=list)
    title_keys: set[str] = field(default_factory=set)
    specific: dict[str, str] = field(default_factory=dict)  # key -> title, of titles that name a place
    title_places: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    written: dict[str, str] = field(default_factory=dict)  # place key -> place as written

    def add(self, r: PersonRecord, reason: str) -> None:
        self.records.append((r, reason))
        self.title_keys |= r.title_keys
        for t in r.titles:
            if (np_ := named_place(t)):
                self.specific.setdefault(place_key(t), t)
                self.written.setdefault(place_key(np_[1]), np_[1])
        if r.portal:
            self.written.setdefault(place_key(r.portal), r.portal)
        self.title_places |= r.title_places
        self.places |= r.places

    def reason_to_join(self, r: PersonRecord) -> str | None:
        """Why r is this person, or None when it is not shown (or contradicted)."""
        tp = r.title_places
        if tp and self.title_places and not (tp & self.title_places):
            return None  # their titles name only different places
        shared = sorted(self.specific.keys() & r.title_keys)
        if shared:
            return f"same name and title '{self.specific[shared[0]]}'"
        common = sorted(self.places & r.places)
        if common:
            return f"same name and place '{self.written.get(common[0], common[0])}'"
        return None


def link_people(records: Iterable[PersonRecord]) -> list[Cluster]:
    """The persons of the records, in order of their first record (records sorted by date)."""
    by_key: dict[str, list[PersonRecord]] = defaultdict(list)
    for r in records:
        if r.key:
            by_key[r.key].append(r)
    out: list[Cluster] = []
    for key in sorted(by_key):
        clusters: list[Cluster] = []
        for r in sorted(by_key[key], key=lambda r: (r.date or "", r.record)):
            fits = [(c, why) for c in clusters if (why := c.reason_to_join(r))]
            if len(fits) == 1:
                fits[0][0].add(r, fits[0][1])
            else:
                c = Cluster()
                c.add(r, "first record" if not fits else f"ambiguous: could be {len(fits)} persons, kept apart")
                clusters.append(c)
        out.extend(clusters)
    return out


def _people(conn: sqlite3.Connection) -> list[PersonRecord]:
    titles: dict[int, list[str]] = defaultdict(list)
    for rec, t in conn.execute("SELECT record, title_expanded FROM titles ORDER BY record, position"):
        if t:
            titles[rec].append(t)
    out = []
    q = """SELECT p.id, p.name, p.name_key, d.place, coalesce(substr(d.published, 1, 10), d.doc_date)
           FROM people p JOIN documents d ON d.doc = p.doc"""
    for rid, name, key, portal, date in conn.execute(q):
        out.append(PersonRecord(rid, name, key, tuple(titles.get(rid, ())), portal, date))
    return out


def rebuild(conn: sqlite3.Connection) -> dict[str, int]:
    """Recompute persons, person_links, body counts and warnings; the counts written."""
    records = _people(conn)
    clusters = link_people(records)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM warnings")
        conn.execute("UPDATE people SET person = NULL WHERE person IS NOT NULL")
        conn.execute("DELETE FROM person_links")
        conn.execute("DELETE FROM persons")
        persons, links, assign = [], [], []
        for pid, c in enumerate(clusters, 1):
            names = Counter(r.name for r, _ in c.records)
            dates = sorted(r.date for r, _ in c.records if r.date)
            portals = Counter(r.portal for r, _ in c.records if r.portal)
            persons.append((pid, names.most_common(1)[0][0], c.records[0][0].key,
                            portals.most_common(1)[0][0] if portals else None,
                            None, dates[0] if dates else None, dates[-1] if dates else None))
            for r, why in c.records:
                links.append((pid, r.record, why))
                assign.append((pid, r.record))
        conn.executemany("INSERT INTO persons VALUES (?, ?, ?, ?, ?, ?, ?)", persons)
        conn.executemany("INSERT INTO person_links(person, record, reason) VALUES (?, ?, ?)", links)
        conn.executemany("UPDATE people SET person = ? WHERE id = ?", assign)
        conn.execute("""UPDATE persons SET documents =
                        (SELECT count(DISTINCT doc) FROM people WHERE people.person = persons.id)""")
        conn.execute("""UPDATE bodies SET
            documents = (SELECT count(*) FROM (SELECT doc FROM organizations WHERE body = bodies.id
                         UNION SELECT doc FROM meetings WHERE organizer_body = bodies.id
                         UNION SELECT doc FROM awards WHERE issuer_body = bodies.id)),
            mentions = (SELECT count(*) FROM organizations WHERE body = bodies.id)
                     + (SELECT count(*) FROM meetings WHERE organizer_body = bodies.id)
                     + (SELECT count(*) FROM awards WHERE issuer_body = bodies.id)""")
        warnings = list(find_warnings(conn))
        conn.executemany("INSERT INTO warnings(kind, doc, person, message) VALUES (?, ?, ?, ?)", warnings)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('linked_documents', (SELECT count(*) FROM documents))")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return {"persons": len(persons), "people": len(assign), "warnings": len(warnings)}


def find_warnings(conn: sqlite3.Connection):
    """(kind, doc, person, message) of each consistency warning."""
    # 1. a meeting dated after the document that reports it was published
    q = """SELECT m.doc, m.date, d.published, m.kind, d.id FROM meetings m JOIN documents d ON d.doc = m.doc
           WHERE m.date GLOB '[0-9][0-9][0-9][0-9]*' AND d.published GLOB '[0-9][0-9][0-9][0-9]*'"""
    for doc, date, published, kind, doc_id in conn.execute(q):
        n = min(len(date), len(published), 10)
        if date[:n] > published[:n]:
            yield ("meeting_after_publication", doc, None,
                   f"{doc_id}: {kind or 'meeting'} dated {date}, after the document's publication {published[:10]}")
    # 2. two persons holding one sole position (Bí thư of one Huyện ủy) in the same month
    q = """SELECT t.title_key, t.title_expanded, t.month, p.person, ps.name, t.doc, d.id
           FROM titles t JOIN people p ON p.id = t.record JOIN persons ps ON ps.id = p.person
           JOIN documents d ON d.doc = t.doc WHERE t.month IS NOT NULL"""
    held: dict[tuple[str, str], dict[int, tuple[str, int, str, str]]] = defaultdict(dict)
    for key, title, month, person, name, doc, doc_id in conn.execute(q):
        if title and is_sole_title(title) and named_place(title) and not title.casefold().startswith(("phó",)):
            held[(key, month)].setdefault(person, (name, doc, doc_id, title))
    for (key, month), holders in sorted(held.items()):
        if len(holders) > 1:
            who = "; ".join(f"{n} ({doc_id})" for n, _, doc_id, _ in holders.values())
            title = next(iter(holders.values()))[3]
            for person, (n, doc, doc_id, _) in holders.items():
                yield ("contradicting_titles", doc, person,
                       f"{len(holders)} persons hold '{title}' in {month}: {who}")
    # 3. an organizer of a district other than the portal's
    q = """SELECT m.doc, m.organizer_expanded, d.place, d.place_level, d.id FROM meetings m
           JOIN documents d ON d.doc = m.doc WHERE d.place IS NOT NULL AND m.organizer_expanded IS NOT NULL"""
    for doc, org, place, level, doc_id in conn.execute(q):
        np_ = named_place(org)
        if np_ and np_[0] == level and place_key(np_[1]) != place_key(place):
            yield ("organizer_place", doc, None,
                   f"{doc_id}: organizer '{org}' is of {level} {np_[1]}, the portal's is {level} {place}")
