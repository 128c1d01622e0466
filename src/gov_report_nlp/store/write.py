"""Reports into the database: one document's facts as rows, a batch per transaction.

Reports are read as the JSON dicts `extract` writes (or gold annotations of the contract),
with `.get` everywhere: a record without evidence (gold), without `section` or a target
without `period` is stored with nulls. A document already stored with the same input line
(its hash) is skipped, so a re-run after a crash resumes; a changed one is replaced whole.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

import regex

from .keys import expand_body, name_key, named_place, parse_place, place_key, proper_place

_YEAR = regex.compile(r"^(\d{4})")
_PERIOD_DATES = regex.compile(r"(?<!\d)(\d{4})(?:-(\d{2}))?(?!\d)")


def line_hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def _year(date: Any) -> int | None:
    m = _YEAR.match(date) if isinstance(date, str) else None
    return int(m[1]) if m else None


def _span(r: Mapping) -> tuple[Any, Any, Any, Any]:
    """(start, end, section, evidence text) of a record."""
    ev = r.get("evidence")
    sec = r.get("section")
    if isinstance(sec, (list, tuple)):
        sec = " > ".join(str(s) for s in sec)
    elif sec is not None and not isinstance(sec, str):
        sec = str(sec)
    if isinstance(ev, dict):
        return ev.get("start"), ev.get("end"), sec, ev.get("text")
    return None, None, sec, None


def _ev(e: Any) -> tuple[Any, Any, Any]:
    if isinstance(e, dict):
        return e.get("start"), e.get("end"), e.get("text")
    return None, None, None


def _join(values: Any) -> str | None:
    if not values:
        return None
    return "; ".join(str(v) for v in values)


def _period(value: Any) -> tuple[str | None, str | None, str | None, int | None]:
    """(period text, start, end, its year when start and end share one) of a target's period:
    a string ("2020-01/2020-06", "6 tháng đầu năm 2020") or a mapping with start/end/text."""
    if value is None or value == "":
        return None, None, None, None
    if isinstance(value, dict):
        text = value.get("text")
        start = value.get("start") or value.get("from")
        end = value.get("end") or value.get("to")
        start = str(start) if start is not None else None
        end = str(end) if end is not None else None
        if text is None:
            text = f"{start or ''}/{end or ''}"
    else:
        text = str(value)
        dates = [m[0] for m in _PERIOD_DATES.finditer(text)]
        start, end = (dates[0], dates[-1]) if dates else (None, None)
    ys, ye = _year(start), _year(end)
    year = ye if ys is not None and ys == ye else (ye if ys is None else None)
    return text, start, end, year


def document_places(report: Mapping, default: tuple[str, str] | None = None):
    """(the portal's (level, place) or None, how it was found, {level: place} to expand bodies).

    The portal's place is `default` (the index's --place option), else a place named before
    the title (the site header of a portal page, the authority of a formal document). Bodies
    take it, or else a level's place when the text names only one of that level."""
    places = [p for p in report.get("places") or [] if isinstance(p, dict) and p.get("name")]
    portal, source = None, None
    if default:
        portal, source = default, "option"
    else:
        tev = (report.get("evidence") or {}).get("title") or []
        tstart = tev[0].get("start") if tev and isinstance(tev[0], dict) else None
        if tstart is not None:
            for p in places:
                ps = _ev(p.get("evidence"))[1]
                if p.get("level") and ps is not None and ps <= tstart:
                    portal, source = (p["level"], proper_place(p["name"], p["level"])), "header"
                    break
    by_level: dict[str, set[str]] = {}
    names: dict[tuple[str, str], str] = {}
    for p in places:
        lv = p.get("level")
        if lv:
            proper = proper_place(p["name"], lv)
            by_level.setdefault(lv, set()).add(place_key(proper))
            names.setdefault((lv, place_key(proper)), proper)
    expand = {lv: names[(lv, next(iter(keys)))] for lv, keys in by_level.items() if len(keys) == 1}
    if portal:
        expand[portal[0]] = portal[1]
    return portal, source, expand


@dataclass
class _Ids:
    """The next id of each table, taken inside the batch's transaction."""

    next: dict[str, int] = field(default_factory=dict)

    def take(self, table: str) -> int:
        n = self.next[table]
        self.next[table] = n + 1
        return n


class Writer:
    """Writes reports into an open store connection (schema.ensure done)."""

    ROW_TABLES = ("bodies", "documents", "sections", "people", "mentions", "titles", "meetings",
                  "meeting_chairs", "meeting_attendees", "resolutions", "awards",
                  "document_refs", "targets", "terms", "organizations", "places")

    def __init__(self, conn: sqlite3.Connection, *, place: tuple[str, str] | None = None, id_base: int = 0) -> None:
        self.conn = conn
        self.place = place
        self.id_base = id_base  # the first ids (a Parquet partition's own range)
        self.hashes = dict(conn.execute("SELECT id, source_hash FROM documents"))
        self.bodies = dict(conn.execute("SELECT key, id FROM bodies"))
        self.rows: dict[str, list[tuple]] = {}
        self.fts: list[tuple] = []
        self.errors: list[str] = []
        self._added: list[str] = []  # the body keys the document being written added
        self.ids = _Ids()

    def unchanged(self, doc_id: str, h: str) -> bool:
        return self.hashes.get(doc_id) == h

    # -- one batch ---------------------------------------------------------------------------
    def write_batch(self, items: list[tuple[Mapping, str, str | None]]) -> int:
        """Store (report dict, source hash, text or None) items in one transaction; the count."""
        if not items:
            return 0
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for t in self.ROW_TABLES:
                key = "doc" if t == "documents" else "id"
                self.ids.next[t] = max(conn.execute(f"SELECT max({key}) FROM {t}").fetchone()[0] or 0, self.id_base) + 1
            self.rows = {t: [] for t in self.ROW_TABLES}
            self.fts = []
            seen: set[str] = set()
            failed: set[str] = set()
            for report, h, text in items:
                doc_id = str(report.get("id"))
                if doc_id in seen:  # the same id twice in one batch: the later line wins
                    self._flush()
                    self.rows = {t: [] for t in self.ROW_TABLES}
                    self.fts = []
                if doc_id in self.hashes or doc_id in seen:
                    self._delete(doc_id)
                seen.add(doc_id)
                sizes = {t: len(v) for t, v in self.rows.items()}
                nfts = len(self.fts)
                self._added: list[str] = []
                try:
                    self._document(report, h, text)
                except Exception as e:  # a malformed report (a mapping for a name...) is an error, not a stop
                    for t, n in sizes.items():
                        del self.rows[t][n:]
                    del self.fts[nfts:]
                    for k in self._added:
                        del self.bodies[k]
                    failed.add(doc_id)
                    self.errors.append(f"{doc_id}: not stored: {type(e).__name__}: {e}")
                    continue
            self._flush()
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        stored = 0
        for report, h, _ in items:
            if str(report.get("id")) not in failed:
                self.hashes[str(report.get("id"))] = h
                stored += 1
        return stored

    def _delete(self, doc_id: str) -> None:
        row = self.conn.execute("SELECT doc FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return
        # derived rows pointing at this document's people go first (rebuilt by link)
        self.conn.execute("DELETE FROM warnings WHERE doc = ?", (row[0],))
        self.conn.execute("UPDATE meeting_chairs SET record = NULL WHERE doc = ?", (row[0],))
        self.conn.execute("UPDATE meeting_attendees SET record = NULL WHERE doc = ?", (row[0],))
        self.conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (row[0],))
        self.conn.execute("DELETE FROM targets_fts WHERE rowid IN (SELECT id FROM targets WHERE doc = ?)", (row[0],))
        self.conn.execute("DELETE FROM documents WHERE doc = ?", (row[0],))

    def _flush(self) -> None:
        conn = self.conn
        for t, rows in self.rows.items():
            if rows:
                marks = ",".join("?" * len(rows[0]))
                conn.execute("SAVEPOINT flush")
                try:
                    conn.executemany(f"INSERT INTO {t} VALUES ({marks})", rows)
                except (sqlite3.InterfaceError, sqlite3.ProgrammingError, OverflowError):
                    # a value SQLite cannot bind (a mapping where a number was expected, an
                    # integer past 64 bits): this table's rows again, such values as JSON text
                    conn.execute("ROLLBACK TO flush")
                    conn.executemany(f"INSERT INTO {t} VALUES ({marks})", [tuple(map(_bindable, r)) for r in rows])
                conn.execute("RELEASE flush")
        if self.fts:
            conn.executemany("INSERT INTO documents_fts(rowid, title, text) VALUES (?, ?, ?)", self.fts)
        words = [(t[0], t[7]) for t in self.rows["targets"] if t[7]]
        if words:
            conn.executemany("INSERT INTO targets_fts(rowid, indicator) VALUES (?, ?)", words)

    def _body(self, full: str | None, kind: str | None = None, level: str | None = None) -> int | None:
        if not full:
            return None
        key = place_key(full)
        if not key:
            return None
        bid = self.bodies.get(key)
        if bid is None:
            bid = self.ids.take("bodies")
            self.bodies[key] = bid
            self._added.append(key)
            np_ = named_place(full)
            self.rows["bodies"].append((bid, full, key, kind, level or (np_[0] if np_ else None),
                                        np_[1] if np_ else None, None, None))
        return bid

    def _document(self, r: Mapping, h: str, text: str | None) -> None:
        R = self.rows
        d = self.ids.take("documents")
        # the portal's place: the line's own "portal_place" ("huyện Đắk Song"), else --place
        portal, psource, places = document_places(r, parse_place(r.get("portal_place")) or self.place)
        fd = r.get("document") if isinstance(r.get("document"), dict) else {}
        published = r.get("published")
        year = _year(published) or _year(fd.get("date"))
        day = published[:10] if isinstance(published, str) and _year(published) else fd.get("date")
        signers = _join(s.get("name") for s in fd.get("signers") or [] if isinstance(s, dict)) if fd else None
        R["documents"].append((
            d, str(r.get("id")), h, r.get("title"), published, year, r.get("layout"), r.get("input_format"),
            fd.get("kind"), fd.get("number"), fd.get("authority"), fd.get("date"), fd.get("summary"),
            signers, _join(r.get("authors")), _join(r.get("warnings")), r.get("format_version"),
            portal[1] if portal else None, portal[0] if portal else None, psource, 1 if text else 0))

        for s in r.get("outline") or []:
            if isinstance(s, dict):
                R["sections"].append((self.ids.take("sections"), d, s.get("start"), s.get("end"), None,
                                      s.get("heading"), s.get("number"), s.get("heading"), s.get("level")))

        by_name: dict[str, int] = {}
        for p in r.get("people") or []:
            if not isinstance(p, dict) or not p.get("name"):
                continue
            pid = self.ids.take("people")
            key = name_key(p["name"])
            by_name.setdefault(key, pid)
            titles = [t for t in p.get("titles") or [] if t]
            R["people"].append((pid, d, *_span(p), None, p["name"], key, _join(titles)))
            for m in p.get("mentions") or []:
                s, e, t = _ev(m)
                R["mentions"].append((self.ids.take("mentions"), d, s, e, None, t, pid))
            expanded = p.get("titles_expanded") or []
            if len(expanded) != len(titles):
                expanded = titles
            for i, (t, tx) in enumerate(zip(titles, expanded)):
                full = expand_body(tx, places) or tx
                R["titles"].append((self.ids.take("titles"), d, *_span(p), pid, i, t, full,
                                    place_key(full), day, day[:7] if isinstance(day, str) and len(day) >= 7 else None))

        for m in r.get("meetings") or []:
            if not isinstance(m, dict):
                continue
            mid = self.ids.take("meetings")
            org = m.get("organizer")
            org_full = (expand_body(org, places) or org) if org else None
            R["meetings"].append((mid, d, *_span(m), m.get("kind"), m.get("name"), m.get("ordinal"), org, org_full, name_key(org_full),
                                  self._body(org_full), m.get("date"), _year(m.get("date")), m.get("part_of_day"),
                                  m.get("resolution_count"), m.get("place"), m.get("purpose"),
                                  json.dumps(m["period"], ensure_ascii=False) if isinstance(m.get("period"), dict) else m.get("period")))
            for table, names, evs in (("meeting_chairs", m.get("chairs"), m.get("chair_evidence")),
                                      ("meeting_attendees", m.get("attendees"), m.get("attendee_evidence"))):
                names = [n for n in names or [] if n]
                evs = evs if evs and len(evs) == len(names) else [None] * len(names)
                for i, (n, e) in enumerate(zip(names, evs)):
                    k = name_key(n)
                    s, en, t = _ev(e)
                    R[table].append((self.ids.take(table), d, s, en, _span(m)[2], t, mid, i, n, k, by_name.get(k)))
            for i, res in enumerate(m.get("resolutions") or []):
                if res:
                    R["resolutions"].append((self.ids.take("resolutions"), d, *_span(m), mid, i, res))

        for a in r.get("awards") or []:
            if not isinstance(a, dict):
                continue
            iss = a.get("issuer")
            full = (expand_body(iss, places) or iss) if iss else None
            R["awards"].append((self.ids.take("awards"), d, *_span(a), a.get("kind"), iss, full, name_key(full), self._body(full),
                                a.get("collectives"), a.get("individuals"), a.get("reason"), a.get("decision"), year))

        for x in r.get("document_refs") or []:
            if not isinstance(x, dict) or not x.get("number"):
                continue
            R["document_refs"].append((self.ids.take("document_refs"), d, *_span(x), x.get("kind"), x["number"],
                                       number_key(x["number"]), x.get("date"), x.get("issuer"), x.get("type_code"),
                                       x.get("issuer_code"), x.get("issuer_expanded")))

        for t in r.get("targets") or []:
            if not isinstance(t, dict):
                continue
            ptext, pstart, pend, pyear = _period(t.get("period"))
            R["targets"].append((self.ids.take("targets"), d, *_span(t), t.get("indicator"), name_key(t.get("indicator")),
                                 t.get("value"), t.get("value_max"), t.get("unit"), t.get("relation"), t.get("of"),
                                 t.get("text"), ptext, pstart, pend, pyear if ptext else year))

        for t in r.get("terms") or []:
            if isinstance(t, dict):
                R["terms"].append((self.ids.take("terms"), d, *_span(t), t.get("body"), t.get("ordinal"),
                                   t.get("start"), t.get("end")))

        for o in r.get("organizations") or []:
            if not isinstance(o, dict) or not o.get("name"):
                continue
            written = o.get("expanded") or o["name"]
            full = expand_body(written, places) or written
            R["organizations"].append((self.ids.take("organizations"), d, *_span(o), o["name"], o.get("kind"),
                                       o.get("level"), o.get("place"), o.get("expanded"), full,
                                       self._body(full, o.get("kind"), o.get("level"))))

        for p in r.get("places") or []:
            if isinstance(p, dict) and p.get("name"):
                R["places"].append((self.ids.take("places"), d, *_span(p), p["name"], p.get("level"),
                                    p.get("province"), p.get("province_2025")))

        body = text if text else _fact_text(r)
        title = r.get("title")
        self.fts.append((d, title if isinstance(title, str) else "", body))


def _bindable(v: Any) -> Any:
    if v is None or isinstance(v, (str, float, bytes)):
        return v
    if isinstance(v, int):
        return v if -(2 ** 63) <= v < 2 ** 63 else str(v)
    return json.dumps(v, ensure_ascii=False, default=str)


def number_key(number: str) -> str:
    """'45-CT/TW', '45 - CT/TW', '45-ct/tw' -> '45-CT/TW'."""
    return "".join(str(number).split()).upper()


def _fact_text(r: Mapping) -> str:
    """The evidence texts of a report's facts: what search finds when the text was not given."""
    seen: dict[str, None] = {}
    for key in ("meetings", "awards", "document_refs", "targets", "people", "terms"):
        for x in r.get(key) or []:
            if isinstance(x, dict):
                t = _ev(x.get("evidence"))[2]
                if t:
                    seen.setdefault(t, None)
    return "\n".join(seen)


# -- inputs ----------------------------------------------------------------------------------
def is_report(obj: Mapping) -> bool:
    """A report line (extract's output or a gold annotation), not an {id, text} document."""
    return any(k in obj for k in ("format_version", "people", "meetings", "document_refs", "awards", "targets"))


def read_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of the non-blank lines of a JSONL file ('-': stdin). Any other
    file (text, HTML, PDF, DOCX: not .jsonl and not starting with '{') is one document line
    {"id": path, "text", "input_format"}; an unreadable one raises InputError."""
    import sys
    from pathlib import Path

    if path != "-" and Path(path).suffix.lower() not in (".jsonl", ".ndjson"):
        with open(path, "rb") as f:
            head = f.read(1024).lstrip()
        if not head.startswith(b"{"):
            from ..io.files import read_file

            ft = read_file(path)
            yield 1, json.dumps({"id": path, "text": ft.text, "input_format": ft.input_format},
                                ensure_ascii=False).encode("utf-8")
            return
    f = sys.stdin.buffer if path == "-" else open(path, "rb")
    try:
        for n, line in enumerate(f, 1):
            if line.strip():
                yield n, line
    finally:
        if f is not sys.stdin.buffer:
            f.close()


def prepared(lines: Iterable[tuple[int, bytes]], name: str, writer: Writer, errors: list[str],
             extract_texts: bool = True) -> Iterator[tuple[Mapping, str, str | None]]:
    """(report dict, hash, text) of each line not stored already; documents are extracted.
    A line that is not JSON or has no id is an error (counted, named), never a traceback."""
    from ..doc.make import make_document
    from ..pipeline import run

    for n, raw in lines:
        try:
            obj = json.loads(raw)
        except ValueError as e:
            errors.append(f"{name}:{n}: not JSON: {e}")
            continue
        if not isinstance(obj, dict) or obj.get("id") in (None, ""):
            errors.append(f"{name}:{n}: no id (each line needs an \"id\" to be stored)")
            continue
        if "error" in obj and not is_report(obj):
            errors.append(f"{name}:{n}: {obj.get('error')}")
            continue
        h = line_hash(raw)
        if writer.unchanged(str(obj["id"]), h):
            continue
        if is_report(obj):
            yield obj, h, None
        elif isinstance(obj.get("text"), str) and extract_texts:
            try:
                doc = make_document(obj["text"], input_format=obj.get("input_format", "auto"), id=str(obj["id"]))
                report = run(doc).model_dump(mode="json")
            except Exception as e:  # one bad document is an error line, not a stopped index
                errors.append(f"{name}:{n}: {type(e).__name__}: {e}")
                continue
            if obj.get("portal_place"):
                report["portal_place"] = obj["portal_place"]
            yield report, h, doc.text
        else:
            errors.append(f"{name}:{n}: neither a report nor a document with \"text\"")
