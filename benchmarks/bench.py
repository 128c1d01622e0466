"""Throughput, latency, memory and scaling of the default pipeline, with baselines.

    .venv/bin/python benchmarks/bench.py            # 20 MB corpus, full run (a few minutes)
    .venv/bin/python benchmarks/bench.py --quick    # 2 MB, small samples, no 10 MB document

Not part of CI. The corpus mixes the dev texts (../shared/corpus/dev/docs.jsonl, read at
run time, never copied) and examples/*.txt. The baselines (underthesea.ner,
underthesea.word_tokenize, dateparser.search.search_dates) run on a sample of the same
documents, paragraph by paragraph; the pipeline's time on that same sample is the
numerator of each ratio.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "docs.jsonl"
MB = 1_000_000


def load_texts() -> list[str]:
    texts = []
    if DEV.exists():
        with DEV.open(encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    if not texts:
        sys.exit(f"bench: no texts (looked for {DEV} and examples/*.txt)")
    return texts


def equivalence_cases(pieces: list[str], n: int, seed: int, most: int = 14, lines: bool = True) -> list[str]:
    """Inputs for checking that a fast scan equals the plain one (benchmarks/check_*.py): the
    corpus texts (and their lines), then n random strings of up to `most` of the pieces."""
    texts = load_texts()
    cases = list(texts) + ([ln for t in texts for ln in t.split("\n")] if lines else [])
    rng = random.Random(seed)
    cases += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(n)]
    return cases


def report_equivalence(cases: list[str], plain, fast, names: tuple[str, str] = ("plain", "fast")) -> int:
    """0 when plain(text) == fast(text) for every case; else print the first difference, 1."""
    for k, text in enumerate(cases):
        want, got = plain(text), fast(text)
        if want != got:
            print(f"differ on case {k}: {text!r}\n  {names[0]}: {want!r}\n  {names[1]}: {got!r}")
            return 1
    print(f"{len(cases)} texts: identical")
    return 0


def build_corpus(texts: list[str], mb: float, seed: int = 0) -> list[str]:
    """Documents drawn from the texts until `mb` MB: whole texts, and splices of two
    (one's head with another's body), so the corpus is not one text repeated."""
    rng = random.Random(seed)
    docs, size = [], 0
    while size < mb * MB:
        a = rng.choice(texts)
        if rng.random() < 0.5:
            doc = a
        else:
            b = rng.choice(texts)
            pa, pb = a.split("\n\n"), b.split("\n\n")
            cut = max(1, len(pa) // 3)
            doc = "\n\n".join(pa[:cut] + pb[len(pb) // 3:])
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def nbytes(docs) -> int:
    return sum(len(d.encode("utf-8")) for d in docs)


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_pipeline(docs: list[str]):
    from gov_report_nlp import extract

    lat = []
    t0 = time.perf_counter()
    c0 = time.process_time()
    for d in docs:
        t = time.perf_counter()
        extract(d)
        lat.append(time.perf_counter() - t)
    _LAST_CPU[0] = time.process_time() - c0
    return time.perf_counter() - t0, lat


_LAST_CPU = [0.0]  # CPU seconds of the last run_pipeline / run_baseline (the machine may be shared)


def paragraphs(doc: str) -> list[str]:
    return [p for p in doc.split("\n") if p.strip()]


def run_baseline(name: str, docs: list[str]) -> float:
    if name == "underthesea.ner":
        from underthesea import ner as fn
    elif name == "underthesea.word_tokenize":
        from underthesea import word_tokenize as fn
    else:
        from dateparser.search import search_dates

        def fn(p):
            return search_dates(p, languages=["vi"])
    fn("Hội nghị ngày 28/7/2020 tại Hà Nội.")  # load models outside the timing
    t0 = time.perf_counter()
    c0 = time.process_time()
    for d in docs:
        for p in paragraphs(d):
            fn(p)
    _LAST_CPU[0] = time.process_time() - c0
    return time.perf_counter() - t0


def sample(docs: list[str], kb: float, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    pool = docs[:]
    rng.shuffle(pool)
    out, size = [], 0
    for d in pool:
        if size >= kb * 1000:
            break
        out.append(d)
        size += len(d.encode("utf-8"))
    return out


def big_document(texts: list[str], size: int) -> str:
    parts, n, i = [], 0, 0
    while n < size:
        t = texts[i % len(texts)]
        parts.append(t)
        n += len(t.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def per_size(texts: list[str], sizes: list[int], budget_s: float):
    """Seconds per MB for one document of each size; stops when a size would blow the budget."""
    from gov_report_nlp import extract

    rows = []
    for size in sizes:
        doc = big_document(texts, size)
        reps = max(1, min(20, (1 * MB) // size))  # about 1 MB of text for the small sizes
        t0 = time.perf_counter()
        for _ in range(reps):
            extract(doc)
        dt = (time.perf_counter() - t0) / reps
        s_per_mb = dt / (len(doc.encode("utf-8")) / MB)
        rows.append((size, dt, s_per_mb))
        print(f"  {size / 1000:>8.0f} KB  {dt:8.3f} s/doc  {s_per_mb:7.3f} s/MB", flush=True)
        if dt * 10 > budget_s and size != sizes[-1]:
            print(f"  (next size would take over {budget_s:.0f} s: stopped)")
            break
    return rows


def cold_start(reps: int = 3) -> list[float]:
    exe = Path(sys.executable).with_name("gov-report-nlp")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "gov_report_nlp"]
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        subprocess.run(cmd + ["extract", str(ROOT / "examples" / "portal-article.txt")],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return times


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    ap.add_argument("--quick", action="store_true", help="2 MB corpus, small baseline samples, sizes up to 1 MB")
    ap.add_argument("--ner-kb", type=float, default=300.0, help="sample size for underthesea.ner, KB")
    ap.add_argument("--tok-kb", type=float, default=2000.0, help="sample size for word_tokenize, KB")
    ap.add_argument("--dp-kb", type=float, default=1000.0, help="sample size for dateparser, KB")
    ap.add_argument("--json", help="also write the figures here as JSON")
    args = ap.parse_args(argv)
    if args.quick:
        args.mb, args.ner_kb, args.tok_kb, args.dp_kb = min(args.mb, 2.0), 50.0, 200.0, 100.0
    sizes = [10_000, 100_000, 1_000_000] + ([] if args.quick else [10_000_000])

    res: dict = {
        "machine": {"nproc": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "cpu": _cpu_name()},
    }
    print(f"machine: {res['machine']}")

    texts = load_texts()
    t = time.perf_counter()
    import gov_report_nlp  # noqa: F401
    from gov_report_nlp import extract
    extract(texts[0])  # warm: lexicons and compiled patterns
    print(f"import + first document: {time.perf_counter() - t:.2f} s")

    docs = build_corpus(texts, args.mb)
    size = nbytes(docs)
    rss0 = maxrss_mb()
    total, lat = run_pipeline(docs)
    cpu = _LAST_CPU[0]
    rss1 = maxrss_mb()
    # Python-heap peak of one pass over a 1 MB slice (tracemalloc slows the run: kept apart)
    tracemalloc.start()
    run_pipeline(sample(docs, 1000))
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    res["pipeline"] = {
        "docs": len(docs), "mb": size / MB, "seconds": total,
        "docs_per_s": len(docs) / total, "mb_per_s": size / MB / total,
        "cpu_seconds": cpu, "cpu_mb_per_s": size / MB / cpu,
        "p50_ms": 1000 * pct(lat, 50), "p99_ms": 1000 * pct(lat, 99), "max_ms": 1000 * max(lat),
        "maxrss_mb_before": rss0, "maxrss_mb_after": rss1, "heap_peak_mb_1mb_slice": heap_peak / MB,
    }
    p = res["pipeline"]
    print(f"pipeline: {p['docs']} docs, {p['mb']:.1f} MB in {total:.1f} s: {p['docs_per_s']:.0f} docs/s, "
          f"{p['mb_per_s']:.2f} MB/s ({p['cpu_mb_per_s']:.2f} MB/s of CPU time); latency p50 {p['p50_ms']:.1f} ms, p99 {p['p99_ms']:.1f} ms, "
          f"max {p['max_ms']:.0f} ms; peak RSS {rss0:.0f} -> {rss1:.0f} MB; heap peak (1 MB slice) "
          f"{p['heap_peak_mb_1mb_slice']:.1f} MB", flush=True)

    res["baselines"] = {}
    for name, kb in (("underthesea.ner", args.ner_kb), ("underthesea.word_tokenize", args.tok_kb),
                     ("dateparser.search_dates", args.dp_kb)):
        if name.startswith("dateparser") and importlib.util.find_spec("dateparser") is None:
            print(f"{name}: not installed (pip install -e '.[bench]'), skipped", flush=True)
            continue
        smp = sample(docs, kb)
        smb = nbytes(smp) / MB
        run_pipeline(smp)
        ours = _LAST_CPU[0]
        run_baseline(name, smp)
        theirs = _LAST_CPU[0]
        res["baselines"][name] = {"sample_mb": smb, "their_mb_per_s": smb / theirs,
                                  "our_mb_per_s": smb / ours, "ratio": theirs / ours, "clock": "cpu"}
        print(f"{name:<27} on {smb * 1000:6.0f} KB (CPU time): {smb / theirs:6.3f} MB/s; pipeline "
              f"{smb / ours:5.2f} MB/s; pipeline is {theirs / ours:6.1f}x faster", flush=True)

    print("time per MB by document size:")
    res["per_size"] = [{"bytes": s, "seconds": dt, "s_per_mb": spm}
                       for s, dt, spm in per_size(texts, sizes, budget_s=600)]
    cs = cold_start()
    res["cold_start_s"] = cs
    print(f"cold start `gov-report-nlp extract examples/portal-article.txt`: "
          f"{min(cs):.2f} s best, {statistics.median(cs):.2f} s median")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    sys.exit(main())
