"""The corpus store: the facts of many reports in one SQLite database, asked across documents.

    >>> from gov_report_nlp import store
    >>> store.index("facts.sqlite", ["reports.jsonl"])          # extract's JSONL, or {id, text} documents
    >>> conn = store.open_store("facts.sqlite", readonly=True)
    >>> cols, rows = store.queries.chaired(conn, "Lê Trung Hồ")

One table per kind of fact (schema.py, docs/store.md), each row with its document, span,
section and evidence text; people linked across documents into persons (link.py); named
questions (queries.py); `gov-report-nlp index` and `gov-report-nlp query` (cli.py).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Iterable, Mapping

from . import queries
from .link import rebuild
from .schema import SCHEMA_VERSION, SchemaError, connect, ensure
from .write import Writer, line_hash, prepared, read_lines

__all__ = ["open_store", "index", "index_reports", "add_texts", "relink", "queries", "IndexResult",
           "SCHEMA_VERSION", "SchemaError"]

DEFAULT_BATCH = 500


def open_store(path: str, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the store at `path` (created and migrated when writable)."""
    conn = connect(str(path), readonly=readonly)
    if readonly:
        from .schema import version

        v = version(conn)
        if v == 0:
            raise SchemaError(f"{path}: not a gov-report-nlp store (index into it first)")
        if v > SCHEMA_VERSION:
            raise SchemaError(f"{path}: schema version {v}, newer than this library's {SCHEMA_VERSION}")
    else:
        ensure(conn)
    return conn


@dataclass
class IndexResult:
    indexed: int = 0  # documents written (new or replaced)
    errors: list[str] = field(default_factory=list)
    linked: dict[str, int] = field(default_factory=dict)


def _batches(items: Iterable, size: int):
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def index_reports(conn: sqlite3.Connection, reports: Iterable[Any], *, batch: int = DEFAULT_BATCH,
                  place: tuple[str, str] | None = None, link: bool = True,
                  on_batch: Callable[[int], None] | None = None) -> IndexResult:
    """Store reports (Report objects or their JSON dicts, each with an id), `batch` a transaction."""
    writer = Writer(conn, place=place)
    result = IndexResult()

    def items():
        for r in reports:
            d = dict(r) if isinstance(r, Mapping) else r.model_dump(mode="json")
            if d.get("id") in (None, ""):
                result.errors.append("a report without an id cannot be stored")
                continue
            h = line_hash(json.dumps(d, ensure_ascii=False, sort_keys=True))
            if not writer.unchanged(str(d["id"]), h):
                yield d, h, None

    for chunk in _batches(items(), batch):
        result.indexed += writer.write_batch(chunk)
        if on_batch:
            on_batch(len(chunk))
    result.errors += writer.errors
    if link:
        result.linked = rebuild(conn)
    return result


def index(path: str, inputs: Iterable[str], *, batch: int = DEFAULT_BATCH, place: tuple[str, str] | None = None,
          texts: Iterable[str] = (), link: bool = True, on_batch: Callable[[int], None] | None = None) -> IndexResult:
    """Index JSONL files (extract's reports, gold annotations, or {id, text} documents, which are
    extracted here) into the store at `path`; `texts`: JSONL documents whose text the reports'
    documents take for full-text search. A committed batch survives a crash; a re-run skips the
    lines already stored and replaces the changed ones."""
    conn = open_store(path)
    try:
        writer = Writer(conn, place=place)
        result = IndexResult()
        for name in inputs:
            for chunk in _batches(prepared(read_lines(name), name, writer, result.errors), batch):
                result.indexed += writer.write_batch(chunk)
                if on_batch:
                    on_batch(len(chunk))
        result.errors += writer.errors
        for name in texts:
            add_texts(conn, read_lines(name), name, result.errors, batch=batch)
        if link and (result.indexed or not _linked(conn)):
            result.linked = rebuild(conn)
        return result
    finally:
        conn.close()


def _linked(conn: sqlite3.Connection) -> bool:
    """Whether the derived tables were rebuilt after the last document was written."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'linked_documents'").fetchone()
    n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    return row is not None and row[0] == str(n)


def add_texts(conn: sqlite3.Connection, lines, name: str, errors: list[str], *, batch: int = DEFAULT_BATCH) -> int:
    """Give stored documents their text (for search) from {id, text} JSONL lines; the count."""
    docs = dict(conn.execute("SELECT id, doc FROM documents WHERE has_text = 0"))
    done = 0
    for chunk in _batches(lines, batch):
        rows = []
        for n, raw in chunk:
            try:
                obj = json.loads(raw)
            except ValueError:
                errors.append(f"{name}:{n}: not JSON")
                continue
            d = docs.get(str(obj.get("id"))) if isinstance(obj, dict) else None
            if d is not None and isinstance(obj.get("text"), str):
                rows.append((obj["text"], d))
        if rows:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("UPDATE documents_fts SET text = ? WHERE rowid = ?", rows)
            conn.executemany("UPDATE documents SET has_text = 1 WHERE doc = ?", [(d,) for _, d in rows])
            conn.execute("COMMIT")
            done += len(rows)
    return done


def relink(path: str) -> dict[str, int]:
    """Recompute persons, links, body counts and warnings of a store."""
    conn = open_store(path)
    try:
        return rebuild(conn)
    finally:
        conn.close()
