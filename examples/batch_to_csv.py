"""A JSONL batch ({"id", "text"} a line) to a CSV of one kind of record, through the API.

    python examples/batch_to_csv.py docs.jsonl awards -o awards.csv
    python examples/batch_to_csv.py docs.jsonl document_refs --jobs 4 > refs.csv

One header (the kind's columns, the same for every batch), then one row per record of
every document, in input order; the first column is the document's id. Lines that cannot
be read are reported on stderr and make the exit status 1. The CLI does the same:
`gov-report-nlp extract docs.jsonl --format csv --kind awards`.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys

from gov_report_nlp import extract_many
from gov_report_nlp.records import Report
from gov_report_nlp.out.tables import KINDS, columns, to_rows


def items(path: str, errors: list[str]):
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{path}:{lineno}: not JSON: {e.msg}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("jsonl", help="the batch: one JSON object with \"id\" and \"text\" a line")
    ap.add_argument("kind", choices=tuple(KINDS), help="which records make the rows")
    ap.add_argument("-o", "--output", default="-", help="the CSV file ('-': stdout)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = ap.parse_args(argv)

    errors: list[str] = []
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")
    try:
        writer = csv.DictWriter(out, fieldnames=columns(args.kind), lineterminator="\n")
        writer.writeheader()
        for rep in extract_many(items(args.jsonl, errors), jobs=args.jobs):
            if isinstance(rep, Report):
                writer.writerows(to_rows(rep, args.kind))
            else:
                errors.append(f"{rep.id or '?'}: {rep.error}")
    finally:
        if out is not sys.stdout:
            out.close()
    for e in errors:
        print(f"batch_to_csv: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
