"""The store's tables as Parquet: one directory per table, one file per part (the 'parquet' extra).

    export_parquet("facts.sqlite", "facts-parquet/")        # facts-parquet/meetings/part-00000.parquet ...
    bag_to_parquet(reports_bag, "s3://bucket/facts/")        # the Dask path: a part per partition

Both write the same tables with the same columns and types (those of schema.py: INTEGER ->
BIGINT, REAL -> DOUBLE, TEXT -> VARCHAR), so a laptop's SQLite and a cluster's Parquet are read
by the same queries (DuckDB: `SELECT ... FROM 'facts-parquet/meetings/*.parquet'`). In the Dask
path each partition is written through an in-memory store (the same Writer), its ids offset by
the partition's number so they stay unique; persons, person_links and warnings need every
document at once and are made by `gov-report-nlp index` into SQLite, not per partition.
DuckDB writes the files (no pyarrow needed); nothing is downloaded.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Iterable, Mapping

from .schema import TABLES

HINT = "Parquet export needs DuckDB and pandas: pip install 'gov-report-nlp[parquet]'"
# the tables a partition can write alone (the derived ones need the whole corpus)
PARTITION_TABLES = ("documents", "sections", "bodies", "people", "mentions", "titles", "meetings",
                    "meeting_chairs", "meeting_attendees", "resolutions", "awards", "document_refs",
                    "targets", "terms", "organizations", "places")
ALL_TABLES = tuple(t for t in TABLES if t not in ("meta", "documents_fts"))
_TYPES = {"INTEGER": "BIGINT", "REAL": "DOUBLE", "TEXT": "VARCHAR"}
PARTITION_IDS = 10 ** 9  # ids of partition i start at (i + 1) * PARTITION_IDS


def _need():
    try:
        import duckdb
        import pandas
    except ImportError:
        raise ImportError(HINT) from None
    return duckdb, pandas


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    return [(r[1], _TYPES.get((r[2] or "TEXT").upper(), "VARCHAR")) for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _write(conn: sqlite3.Connection, db, table: str, path: Path, rows_per_file: int, part: int | None = None) -> int:
    """Write a table of `conn` as Parquet files under path/table/ with the DuckDB connection
    `db`; the rows written."""
    _, pd = _need()
    cols = _columns(conn, table)
    names = [c for c, _ in cols]
    out = path / table
    out.mkdir(parents=True, exist_ok=True)
    cur = conn.execute(f'SELECT {", ".join(chr(34) + n + chr(34) for n in names)} FROM "{table}"')
    total, i = 0, 0
    select = ", ".join(f'CAST("{n}" AS {t}) AS "{n}"' for n, t in cols)
    while True:
        rows = cur.fetchmany(rows_per_file)
        if i > 0 and not rows:
            break
        # objects, None for null: an empty or all-null column gets the schema's type by the cast
        frame = pd.DataFrame.from_records([tuple(r) for r in rows], columns=names).astype(object)
        frame = frame.where(frame.notna(), None)
        db.register("frame", frame)
        name = f"part-{part if part is not None else i:05d}.parquet"
        target = str(out / name).replace("'", "''")
        db.execute(f"COPY (SELECT {select} FROM frame) TO '{target}' (FORMAT parquet)")
        db.unregister("frame")
        total += len(rows)
        i += 1
        if len(rows) < rows_per_file:
            break
    return total


def export_parquet(db_path: str, out_dir: str, tables: Iterable[str] | None = None,
                   rows_per_file: int = 1_000_000) -> dict[str, int]:
    """Every table of the store (or `tables`) as out_dir/<table>/part-NNNNN.parquet; rows per table."""
    from . import open_store

    duckdb, _ = _need()
    conn = open_store(db_path, readonly=True)
    db = duckdb.connect()
    try:
        out = Path(out_dir)
        return {t: _write(conn, db, t, out, rows_per_file) for t in (tables or ALL_TABLES)}
    finally:
        db.close()
        conn.close()


def write_partition(reports: Iterable[Mapping], out_dir: str, part: int) -> dict[str, int]:
    """One partition's reports (dicts) as part-<part>.parquet of each table; rows per table."""
    import json

    from . import open_store
    from .write import Writer, line_hash

    conn = open_store(":memory:")
    writer = Writer(conn, id_base=(part + 1) * PARTITION_IDS)
    items = []
    for r in reports:
        if isinstance(r, Mapping) and r.get("id") not in (None, "") and "error" not in r:
            items.append((r, line_hash(json.dumps(r, ensure_ascii=False, sort_keys=True)), None))
    writer.write_batch(items)
    duckdb, _ = _need()
    db = duckdb.connect()
    try:
        return {t: _write(conn, db, t, Path(out_dir), 10 ** 9, part=part) for t in PARTITION_TABLES}
    finally:
        db.close()
        conn.close()


def bag_to_parquet(bag, out_dir: str) -> list[dict[str, int]]:
    """Write a Dask bag of report dicts (extract_bag's output) as the store's tables in Parquet,
    one part per partition; computes the bag. The rows written per partition."""
    import dask

    _need()
    os.makedirs(out_dir, exist_ok=True)
    tasks = [dask.delayed(write_partition)(part, out_dir, i) for i, part in enumerate(bag.to_delayed())]
    return list(dask.compute(*tasks))
