"""Measure the dev corpus (text and HTML forms) and print floor lines for floors.txt.

    .venv/bin/python tests/quality/measure.py [--new-corpus NAME]

Each line is `field floor date measured`, the floor the measured F1 minus 0.02 (never below 0);
HTML fields carry the prefix `html:`. With --new-corpus, a `corpus NAME DATE` line comes first:
paste the output at the end of floors.txt. To raise floors within a history, paste only the
lines of the fields that rose.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conftest import DEV  # noqa: E402
from quality.gate import MIN_GOLD, dev_scores  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--new-corpus", metavar="NAME")
    args = ap.parse_args()
    today = dt.date.today().isoformat()
    if args.new_corpus:
        print(f"corpus {args.new_corpus} {today}")
    for prefix, name in (("", "docs.jsonl"), ("html:", "docs-html.jsonl")):
        scores = dev_scores(DEV / name)
        rows = [("micro", scores.micro.f1)] + [(f, c.f1) for f, c in sorted(scores.fields.items())
                                               if scores.gold_count(f) >= MIN_GOLD]
        for field, f1 in rows:
            print(f"{prefix + field:30} {max(0.0, f1 - 0.02):.3f}   {today}   {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
