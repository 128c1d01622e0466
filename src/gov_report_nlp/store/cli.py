"""`gov-report-nlp index` and `gov-report-nlp query`: the store's subcommands.

gov_report_nlp.cli calls `register(subparsers)` once; everything else lives here.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys

DB_DEFAULT = "facts.sqlite"


def register(sub) -> None:
    ix = sub.add_parser("index", help="store reports (or documents, extracted here) in a SQLite database")
    ix.add_argument("files", nargs="+", help="JSONL of extract's reports, gold annotations or {id, text} documents ('-': stdin); any other file is one document")
    ix.add_argument("--db", default=DB_DEFAULT, help=f"the database file (default {DB_DEFAULT}; created when missing)")
    ix.add_argument("--texts", action="append", default=[], metavar="DOCS.jsonl",
                    help="{id, text} documents whose text the stored reports take, for `query search`")
    ix.add_argument("--place", metavar="PLACE",
                    help="the portal's place for every document ('huyện Đắk Song'): short bodies are expanded with it")
    ix.add_argument("--batch", type=int, default=500, metavar="N", help="documents per transaction (default 500)")
    ix.add_argument("--no-link", action="store_true", help="skip linking people and the warnings (run later with `index --relink`)")
    ix.set_defaults(func=cmd_index)

    ex = sub.add_parser("export", help="write the database's tables as Parquet (the 'parquet' extra)")
    ex.add_argument("out", help="the directory: one subdirectory per table, part-NNNNN.parquet files")
    ex.add_argument("--db", default=DB_DEFAULT)
    ex.add_argument("--tables", type=_list, help="these tables only (comma-separated)")
    ex.set_defaults(func=cmd_export)

    q = sub.add_parser("query", help="ask the database a named question")
    q.add_argument("--db", default=DB_DEFAULT)
    q.add_argument("--format", choices=("auto", "table", "csv", "json", "jsonl"), default="auto",
                   help="auto: a table on a terminal, CSV otherwise")
    qs = q.add_subparsers(dest="question", required=True)
    a = qs.add_parser("chaired", help="the meetings a person chaired")
    a.add_argument("--person", required=True)
    a = qs.add_parser("awards", help="awards, of an issuer, grouped")
    a.add_argument("--issuer")
    a.add_argument("--by", type=_list, help="year,issuer,kind,document")
    a = qs.add_parser("titles", help="a person's titles over time")
    a.add_argument("--person", required=True)
    a = qs.add_parser("cites", help="the documents citing a number")
    a.add_argument("number")
    a = qs.add_parser("targets", help="targets of an indicator, grouped")
    a.add_argument("--indicator")
    a.add_argument("--by", type=_list, help="place,year,period,indicator,document")
    a = qs.add_parser("meetings", help="meetings of an organizer in a stretch of dates")
    a.add_argument("--organizer")
    a.add_argument("--from", dest="date_from", metavar="DATE", help="ISO date or prefix (2020, 2020-07)")
    a.add_argument("--to", dest="date_to", metavar="DATE")
    a = qs.add_parser("warnings", help="consistency warnings across documents")
    a.add_argument("--kind", choices=("meeting_after_publication", "contradicting_titles", "organizer_place"))
    a = qs.add_parser("search", help="full-text search of the documents, hits with their facts")
    a.add_argument("words")
    a.add_argument("--limit", type=int, default=20)
    a = qs.add_parser("raw", help="any SQL, read-only")
    a.add_argument("--sql", required=True)
    q.set_defaults(func=cmd_query)


def _list(s: str) -> list[str]:
    return [p.strip() for p in s.split(",") if p.strip()]


def _place(text: str | None):
    from .keys import parse_place

    return parse_place(text)


def cmd_index(args) -> int:
    import sqlite3

    from ..errors import GovReportError
    from . import SchemaError, index

    place = _place(args.place)
    if args.place and place is None:
        print(f"gov-report-nlp: --place {args.place!r}: start it with its level (huyện, tỉnh, xã...)", file=sys.stderr)
        return 2
    done = [0]

    def progress(n: int) -> None:
        done[0] += n
        if sys.stderr.isatty():
            print(f"\rindexed {done[0]}", end="", file=sys.stderr, flush=True)

    try:
        res = index(args.db, args.files, batch=max(1, args.batch), place=place, texts=args.texts,
                    link=not args.no_link, on_batch=progress)
    except KeyboardInterrupt:
        print(f"\ngov-report-nlp: stopped; {done[0]} documents committed, run again to resume", file=sys.stderr)
        return 130
    except (OSError, sqlite3.Error, SchemaError, GovReportError) as e:
        print(f"gov-report-nlp: {e}", file=sys.stderr)
        return 2
    for e in res.errors:
        print(f"gov-report-nlp: {e}", file=sys.stderr)
    linked = ", ".join(f"{v} {k}" for k, v in res.linked.items())
    print(f"{args.db}: {res.indexed} documents indexed" + (f"; {linked}" if linked else ""), file=sys.stderr)
    return min(len(res.errors), 100)


def cmd_export(args) -> int:
    import os
    import sqlite3

    from . import SchemaError
    from .export import ALL_TABLES, export_parquet

    if not os.path.exists(args.db):
        print(f"gov-report-nlp: {args.db}: no such database", file=sys.stderr)
        return 2
    bad = [t for t in args.tables or [] if t not in ALL_TABLES]
    if bad:
        print(f"gov-report-nlp: no such table: {', '.join(bad)} (one of {', '.join(ALL_TABLES)})", file=sys.stderr)
        return 2
    try:
        done = export_parquet(args.db, args.out, args.tables)
    except ImportError as e:
        print(f"gov-report-nlp: {e}", file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error, SchemaError) as e:
        print(f"gov-report-nlp: {e}", file=sys.stderr)
        return 2
    print(f"{args.out}: " + ", ".join(f"{t} {n}" for t, n in done.items()), file=sys.stderr)
    return 0


def cmd_query(args) -> int:
    import os
    import sqlite3

    from . import SchemaError, open_store, queries

    if not os.path.exists(args.db):
        print(f"gov-report-nlp: {args.db}: no such database (gov-report-nlp index FILE --db {args.db})", file=sys.stderr)
        return 2
    params = {k: v for k, v in vars(args).items()
              if k not in ("db", "format", "question", "func", "command", "lexicon", "usage_error")}
    try:
        conn = open_store(args.db, readonly=True)
        cols, rows = queries.NAMED[args.question](conn, **params)
    except (sqlite3.Error, SchemaError, ValueError) as e:
        print(f"gov-report-nlp: {e}", file=sys.stderr)
        return 2
    write_result(cols, rows, args.format, sys.stdout)
    return 0


def write_result(cols: list[str], rows: list[tuple], fmt: str, out) -> None:
    if fmt == "auto":
        fmt = "table" if out.isatty() else "csv"
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(cols)
        w.writerows(rows)
    elif fmt == "json":
        out.write(json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, indent=1) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(dict(zip(cols, r)), ensure_ascii=False) + "\n")
    else:
        out.write(table(cols, rows) + "\n")


def table(cols: list[str], rows: list[tuple], width: int = 48) -> str:
    """An aligned text table, long cells cut with '…'."""
    def cell(v) -> str:
        s = "" if v is None else (f"{v:g}" if isinstance(v, float) else str(v))
        s = s.replace("\n", " ")
        return s if len(s) <= width else s[: width - 1] + "…"

    body = [[cell(v) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in body]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in body]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
