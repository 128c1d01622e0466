"""The named questions asked across documents; each returns (columns, rows).

    chaired(conn, "Lê Trung Hồ")                  every meeting the person chaired
    awards(conn, issuer="Huyện ủy", by=["year"])   grants, collectives and individuals per year
    titles(conn, "Lê Trung Hồ")                    the person's titles with first and last date
    cites(conn, "45-CT/TW")                        the documents that cite a number
    targets(conn, "năng suất lúa", by=["place", "year"])
    meetings(conn, organizer="UBND", date_from="2020-01", date_to="2020-12")
    warnings(conn), search(conn, "words"), raw(conn, "SELECT ...")

Names, issuers, organizers and indicators match case-insensitively after the text's own
normalization (one tone placement); issuers, organizers and indicators match as substrings
(an indicator must have every word given, as a word: "hộ" is not "hội").
"""
from __future__ import annotations

import sqlite3
from typing import Any, Sequence

from .keys import name_key
from .write import number_key

Result = tuple[list[str], list[tuple[Any, ...]]]


def _run(conn: sqlite3.Connection, sql: str, params: Sequence | dict = ()) -> Result:
    cur = conn.execute(sql, params)
    cols = [c[0] for c in cur.description or []]
    return cols, [tuple(r) for r in cur.fetchall()]


def _by(by: Sequence[str] | None, allowed: dict[str, str]) -> list[tuple[str, str]]:
    out = []
    for b in by or []:
        b = b.strip()
        if b not in allowed:
            raise ValueError(f"--by {b!r}: one of {', '.join(allowed)}")
        out.append((b, allowed[b]))
    return out


def chaired(conn: sqlite3.Connection, person: str) -> Result:
    """Every meeting whose chairs include the person (by name, or linked to the person's id)."""
    key = name_key(person)
    return _run(conn, """
        SELECT m.date, m.part_of_day, m.kind, m.name, m.organizer, d.id AS document, c.name AS chair,
               p.person AS person_id
        FROM meeting_chairs c JOIN meetings m ON m.id = c.meeting JOIN documents d ON d.doc = c.doc
        LEFT JOIN people p ON p.id = c.record
        WHERE c.name_key = ?
        ORDER BY m.date, d.id, m.id""", (key,))


def awards(conn: sqlite3.Connection, issuer: str | None = None, by: Sequence[str] | None = None) -> Result:
    """Awards (of an issuer), each, or grouped by year / issuer / kind / document with totals."""
    where, params = "", []
    if issuer:
        where = "WHERE instr(a.issuer_key, ?) > 0"
        params.append(name_key(issuer))
    groups = _by(by, {"year": "a.year", "issuer": "a.issuer_expanded",
                      "kind": "a.kind", "document": "d.id"})
    if not groups:
        return _run(conn, f"""
            SELECT a.year, a.issuer, a.issuer_expanded, a.kind, a.collectives, a.individuals, a.reason,
                   d.id AS document
            FROM awards a JOIN documents d ON d.doc = a.doc {where}
            ORDER BY a.year, d.id, a.id""", params)
    sel = ", ".join(f"{expr} AS {name}" for name, expr in groups)
    grp = ", ".join(str(i + 1) for i in range(len(groups)))
    join = "JOIN documents d ON d.doc = a.doc" if any(name == "document" for name, _ in groups) else ""
    return _run(conn, f"""
        SELECT {sel}, count(*) AS grants, sum(a.collectives) AS collectives, sum(a.individuals) AS individuals,
               count(DISTINCT a.doc) AS documents
        FROM awards a {join} {where}
        GROUP BY {grp} ORDER BY {grp}""", params)


def titles(conn: sqlite3.Connection, person: str) -> Result:
    """The titles of each person of that name: first and last date, documents."""
    return _run(conn, """
        SELECT p.person AS person_id, min(p.name) AS name, t.title_expanded AS title, min(t.title) AS written,
               min(t.date) AS first_date, max(t.date) AS last_date, count(DISTINCT t.doc) AS documents,
               group_concat(DISTINCT d.id) AS document_ids
        FROM people p JOIN titles t ON t.record = p.id JOIN documents d ON d.doc = t.doc
        WHERE p.name_key = ?
        GROUP BY p.person, t.title_key
        ORDER BY p.person, first_date, title""", (name_key(person),))


def cites(conn: sqlite3.Connection, number: str) -> Result:
    """The documents citing a document number ('45-CT/TW'), with what they say of it."""
    return _run(conn, """
        SELECT d.id AS document, d.published, d.title, r.kind, r.number, r.date, r.issuer
        FROM document_refs r JOIN documents d ON d.doc = r.doc
        WHERE r.number_key = ?
        ORDER BY d.published, d.id""", (number_key(number),))


def targets(conn: sqlite3.Connection, indicator: str | None = None, by: Sequence[str] | None = None) -> Result:
    """Targets whose indicator has every word given (whole words, any order); grouped by
    place / year / period / indicator / document, and unit."""
    cond, params = "", []
    words = _fts_query(name_key(indicator)) if indicator else ""
    if words:
        cond = "WHERE t.id IN (SELECT rowid FROM targets_fts WHERE targets_fts MATCH ?)"
        params.append(words)
    groups = _by(by, {"place": "d.place", "year": "t.year", "period": "t.period", "document": "d.id",
                      "indicator": "t.indicator"})
    if not groups:
        return _run(conn, f"""
            SELECT d.place, t.year, t.period, t.indicator, t.relation, t.value, t.value_max, t.unit, t.of_value,
                   d.id AS document
            FROM targets t JOIN documents d ON d.doc = t.doc {cond}
            ORDER BY d.place, t.year, d.id, t.id""", params)
    sel = ", ".join(f"{expr} AS {name}" for name, expr in groups)
    grp = ", ".join(str(i + 1) for i in range(len(groups) + 1))
    return _run(conn, f"""
        SELECT {sel}, t.unit, count(*) AS n, min(t.value) AS min, max(t.value) AS max,
               group_concat(t.value, '; ') AS "values", count(DISTINCT t.doc) AS documents
        FROM targets t JOIN documents d ON d.doc = t.doc {cond}
        GROUP BY {grp} ORDER BY {grp}""", params)


def meetings(conn: sqlite3.Connection, organizer: str | None = None, date_from: str | None = None,
             date_to: str | None = None) -> Result:
    """Meetings (of an organizer) dated within [from, to] (ISO prefixes: '2020', '2020-07')."""
    where, params = [], []
    if organizer:
        where.append("instr(m.organizer_key, ?) > 0")
        params.append(name_key(organizer))
    if date_from:
        where.append("m.date >= ? AND m.date NOT LIKE '--%'")
        params.append(date_from)
    if date_to:
        where.append("substr(m.date, 1, ?) <= ? AND m.date NOT LIKE '--%'")
        params += [len(date_to), date_to]
    cond = ("WHERE " + " AND ".join(where)) if where else ""
    return _run(conn, f"""
        SELECT m.date, m.part_of_day, m.kind, m.name, m.organizer, m.organizer_expanded,
               (SELECT group_concat(name, '; ') FROM meeting_chairs c WHERE c.meeting = m.id) AS chairs,
               d.id AS document
        FROM meetings m JOIN documents d ON d.doc = m.doc {cond}
        ORDER BY m.date, d.id, m.id""", params)


def warnings(conn: sqlite3.Connection, kind: str | None = None) -> Result:
    cond, params = ("WHERE w.kind = ?", (kind,)) if kind else ("", ())
    return _run(conn, f"""
        SELECT w.kind, d.id AS document, w.person AS person_id, w.message
        FROM warnings w LEFT JOIN documents d ON d.doc = w.doc {cond}
        ORDER BY w.kind, d.id, w.id""", params)


def _fts_query(words: str) -> str:
    """Every word as a quoted FTS5 term (AND): no FTS syntax reaches the user by accident."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in words.split())


def search(conn: sqlite3.Connection, words: str, limit: int = 20) -> Result:
    """Documents whose title or text has every word, best first, with a snippet and the facts
    whose evidence holds one of the words."""
    q = _fts_query(words)
    if not q:
        return ["document", "title", "snippet", "facts"], []
    hits = conn.execute("""
        SELECT d.doc, d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 12)
        FROM documents_fts f JOIN documents d ON d.doc = f.rowid
        WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?""", (q, limit)).fetchall()
    keys = [name_key(w) for w in words.split()]
    rows = []
    for doc, doc_id, title, snip in hits:
        facts = []
        for table in ("meetings", "awards", "document_refs", "targets", "terms"):
            for (ev,) in conn.execute(f"SELECT evidence FROM {table} WHERE doc = ? AND evidence IS NOT NULL", (doc,)):
                k = name_key(ev)
                if any(w in k for w in keys):
                    facts.append(f"{table}: {ev[:80]}")
        rows.append((doc_id, title, snip, " | ".join(facts[:10])))
    return ["document", "title", "snippet", "facts"], rows


def raw(conn: sqlite3.Connection, sql: str) -> Result:
    """Any SQL (the connection of `query` is read-only)."""
    return _run(conn, sql)


NAMED = {"chaired": chaired, "awards": awards, "titles": titles, "cites": cites, "targets": targets,
         "meetings": meetings, "warnings": warnings, "search": search, "raw": raw}
