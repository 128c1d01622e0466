"""Extract reports with Dask on a local cluster: the same code runs on a real one.

    .venv/bin/python examples/dask_batch.py [DOCS.jsonl] [--workers 2]

Reads {"id", "text"} JSONL (default: examples/*.txt as documents), extracts partition by
partition on a distributed.LocalCluster, and prints one summary line per report. On a real
cluster, replace LocalCluster() with Client("tcp://scheduler:8786") and read the input from
shared storage (db.read_text("s3://bucket/archive/*.jsonl")).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

from gov_report_nlp.dask import extract_bag

HERE = Path(__file__).resolve().parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("docs", nargs="?", help="JSONL of {id, text}; default: examples/*.txt")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        if args.docs:
            bag = db.read_text(args.docs, blocksize="16MiB").filter(str.strip).map(json.loads)
        else:
            items = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(HERE.glob("*.txt"))]
            bag = db.from_sequence(items, npartitions=max(1, min(len(items), args.workers)))
        for rep in extract_bag(bag, partitions=4 * args.workers).compute():
            if "error" in rep:
                print(f"{rep.get('id')}\terror: {rep['error']}")
            else:
                print(f"{rep['id']}\t{rep['published']}\t{rep['title']}\t"
                      f"{len(rep['people'])} people, {len(rep['meetings'])} meetings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
