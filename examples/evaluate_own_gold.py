"""Measure the extractor on your own annotated texts.

    # 1. pre-fill a gold file from the extractor's output, then correct it by hand
    .venv/bin/python examples/evaluate_own_gold.py DOCS.jsonl --template > gold.jsonl
    # 2. score: precision, recall and F1 field by field, and every missed or extra fact
    .venv/bin/python examples/evaluate_own_gold.py DOCS.jsonl gold.jsonl [--by-doc]

DOCS.jsonl holds {"id", "text"} lines; gold.jsonl one report per line in the contract's
format (README, "Evaluating on your own texts"). The same as `gov-report-nlp evaluate
gold.jsonl --docs DOCS.jsonl`, through the API.
"""
from __future__ import annotations

import argparse
import json
import sys

from gov_report_nlp import extract
from gov_report_nlp.out.evaluate import extract_all, read_reports, score

# what an annotator fills in: the contract's keys, without evidence and bookkeeping
NOT_GOLD = {"evidence", "mentions", "chair_evidence", "attendee_evidence", "layout", "input_format",
            "encoding", "warnings", "format_version", "organizations", "places"}


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in NOT_GOLD}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs")
    ap.add_argument("gold", nargs="?")
    ap.add_argument("--template", action="store_true", help="print a gold file to correct by hand")
    ap.add_argument("--by-doc", action="store_true")
    args = ap.parse_args(argv)
    with open(args.docs, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    pred = extract_all(docs, extract)
    if args.template:
        for report in pred.values():
            print(json.dumps(_strip(report), ensure_ascii=False))
        return 0
    if not args.gold:
        ap.error("give GOLD, or --template to make one")
    scores = score(read_reports(args.gold), pred)
    if args.by_doc:
        for row in scores.misses:
            print("\t".join(row))
    print(scores.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
