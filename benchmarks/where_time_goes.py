"""Where the pipeline's time goes: seconds per stage and per module over a corpus slice.

    .venv/bin/python benchmarks/where_time_goes.py [--mb 2] [--top 25]
    .venv/bin/python benchmarks/where_time_goes.py --dev --passes 5 --functions 0   # the dev corpus, each stage's best

Stages are timed (CPU time: the machine may be shared) by running pipeline.run's steps one by one (normalize + segment, header,
each extractor, link); modules by cProfile's own time summed per source file.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import MB, build_corpus, load_dev, load_texts, nbytes  # noqa: E402


def by_stage(docs: list[str]) -> dict[str, float]:
    from gov_report_nlp.extractors import header
    from gov_report_nlp.link import link
    from gov_report_nlp.doc.make import make_document
    from gov_report_nlp.pipeline import EXTRACTORS
    from gov_report_nlp.records import Report

    t = defaultdict(float)
    for text in docs:
        t0 = time.process_time()
        doc = make_document(text)
        t1 = time.process_time()
        t["normalize+segment"] += t1 - t0
        facts = header.read_header(doc)
        t2 = time.process_time()
        t["header"] += t2 - t1
        report = Report(title=facts.title, published=facts.published, authors=facts.authors,
                        document=facts.document, evidence=facts.evidence)
        for key, find in EXTRACTORS.items():
            a = time.process_time()
            try:
                setattr(report, key, list(find(doc)))
            except Exception:
                pass
            t[key] += time.process_time() - a
        a = time.process_time()
        try:
            link(doc, report)
        except Exception:
            pass
        t["link"] += time.process_time() - a
    return dict(t)


def by_module(docs: list[str], top: int) -> list[tuple[str, float]]:
    from gov_report_nlp import extract

    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        extract(d)
    prof.disable()
    per = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in pstats.Stats(prof).stats.items():
        key = filename
        if "gov_report_nlp" in filename:
            key = "gov_report_nlp/" + filename.split("gov_report_nlp/", 1)[1]
        elif "site-packages/" in filename:
            key = filename.split("site-packages/", 1)[1].split("/", 1)[0]
        per[key] += tottime
    return sorted(per.items(), key=lambda kv: -kv[1])[:top], prof


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--functions", type=int, default=25, help="also list the top functions by own time")
    ap.add_argument("--dev", action="store_true",
                    help="the dev corpus as it is (each document once) instead of --mb of mixed texts")
    ap.add_argument("--passes", type=int, default=1,
                    help="time the stages over this many passes after a warm-up one; each stage's best")
    args = ap.parse_args(argv)
    from gov_report_nlp import extract

    texts = load_texts()
    extract(texts[0])
    docs = load_dev() if args.dev else build_corpus(texts, args.mb, seed=7)
    size = nbytes(docs) / MB
    if args.passes > 1:
        by_stage(docs)
    runs = [by_stage(docs) for _ in range(max(1, args.passes))]
    stages = {k: min(r[k] for r in runs) for k in runs[0]}
    total = sum(stages.values())
    print(f"by stage over {len(docs)} docs, {size:.2f} MB: {total:.2f} s ({size / total:.2f} MB/s)")
    for k, v in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<20} {v:7.3f} s  {100 * v / total:5.1f} %")
    mods, prof = by_module(docs, args.top)
    tot = sum(v for _, v in mods)
    print("by module (own time, cProfile; profiling inflates the total):")
    for k, v in mods:
        print(f"  {k:<45} {v:7.2f} s  {100 * v / tot:5.1f} %")
    if args.functions:
        print("top functions by own time:")
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.functions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
