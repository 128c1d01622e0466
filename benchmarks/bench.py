"""Throughput, latency, memory and scaling of the default pipeline, with baselines.

    .venv/bin/python benchmarks/bench.py            # full run (several minutes)
    .venv/bin/python benchmarks/bench.py --quick    # 2 MB, small samples, no 10 MB document
    .venv/bin/python benchmarks/bench.py --acceptance   # issue 18's figures only (~1 min)
    .venv/bin/python benchmarks/bench.py --scaling 6    # extract --jobs 1/2 and Dask on 6 MB

Not part of CI. Three sets of text: the dev corpus as it is (../shared/corpus/dev/docs.jsonl,
read at run time, never copied; each document once), a corpus of --mb MB that mixes the dev
texts and examples/*.txt (whole texts and splices: texts DO repeat, which warms caches),
and a fresh set of --fresh-mb MB in which no document repeats (build_fresh says what still
does). The baselines (a one-regex floor, underthesea.word_tokenize, pos_tag and ner fed
paragraph by paragraph and sentence by sentence, dateparser.search_dates) run on the dev
corpus and on a sample of the fresh set, each right after the pipeline on the same sample;
both clocks are reported (CPU time is the fair one on a shared machine). Every run ends with
the acceptance figures of issue 18 (MB/s of CPU on the dev corpus, the ratio to
underthesea.word_tokenize measured alongside, cold start with and without a place to resolve).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import re
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


def load_dev() -> list[str]:
    """The dev corpus's texts, each once (empty when ../shared is not there)."""
    if not DEV.exists():
        return []
    with DEV.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def equivalence_cases(pieces: list[str], n: int, seed: int, most: int = 14, lines: bool = True) -> list[str]:
    """Inputs for checking that a fast scan equals the plain one (benchmarks/check_*.py): the
    corpus texts (and their lines), then n random strings of up to `most` of the pieces."""
    texts = load_texts()
    cases = list(texts) + ([ln for t in texts for ln in t.split("\n")] if lines else [])
    rng = random.Random(seed)
    cases += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(n)]
    return cases


def unsafe_character(letters, not_lower_safe) -> str | None:
    """The first code point that `not_lower_safe` lets through although lowering it is not
    safe for a scan of the lowered text that looks for `letters` (it changes length, changes
    being a word character, or matches one of the letters case-insensitively without lowering
    to it), as "U+XXXX 'c'"; None when every one is safe."""
    import regex

    word = regex.compile(r"\w")
    for cp in range(0x110000):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000 or not_lower_safe.match(c):
            continue
        lo = c.lower()
        ok = len(lo) == 1 and bool(word.match(c)) == bool(word.match(lo)) and all(
            bool(regex.fullmatch("(?i)" + regex.escape(p), c)) == (lo == p) for p in letters)
        if not ok:
            return f"U+{cp:04X} {c!r}"
    return None


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


def build_fresh(texts: list[str], mb: float, seed: int = 0) -> tuple[list[str], dict]:
    """Documents of about `mb` MB in all, none a repeat: each takes the head (first paragraph)
    of one text and a run of paragraphs drawn from all texts, and every run of digits is
    redrawn (same length), so no document and almost no paragraph occurs twice. What still
    repeats: the words, names and places of the source paragraphs (a cache keyed by a place
    name, such as places._convert, still warms), and paragraphs without digits. The second
    value says how many paragraphs repeat verbatim."""
    rng = random.Random(seed)
    paras = [p for t in texts for p in t.split("\n\n") if p.strip()]
    digits = re.compile(r"\d+")

    def redraw(p: str) -> str:
        return digits.sub(lambda m: "".join(rng.choice("0123456789") for _ in m.group()), p)

    docs, size, seen, repeats, total = [], 0, set(), 0, 0
    while size < mb * MB:
        head = rng.choice(texts).split("\n\n")[0]
        body = [rng.choice(paras) for _ in range(rng.randint(3, 25))]
        parts = [redraw(p) for p in [head] + body]
        for p in parts:
            total += 1
            repeats += p in seen
            seen.add(p)
        doc = "\n\n".join(parts)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs, {"paragraphs": total, "verbatim_repeats": repeats, "distinct_docs": len(set(docs))}


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


def _baseline_fn(name: str):
    if name == "underthesea.ner":
        from underthesea import ner as fn
    elif name == "underthesea.pos_tag":
        from underthesea import pos_tag as fn
    elif name == "underthesea.word_tokenize":
        from underthesea import word_tokenize as fn
    elif name == "one regex":
        # the floor: one pass of one compiled pattern (words) over the text, nothing kept
        import regex

        words = regex.compile(r"\w+")

        def fn(p):
            for _ in words.finditer(p):
                pass
    else:
        from dateparser.search import search_dates

        def fn(p):
            return search_dates(p, languages=["vi"])
    return fn


def units(docs: list[str], unit: str) -> list[str]:
    """The pieces a baseline is fed: whole documents, paragraphs (lines), or the sentences of
    each paragraph (underthesea 9.5.0's sent_tokenize, reproduced in segment.py)."""
    if unit == "document":
        return list(docs)
    paras = [p for d in docs for p in paragraphs(d)]
    if unit == "paragraph":
        return paras
    from gov_report_nlp.doc.segment import _sent_tokenize

    return [s for p in paras for s in _sent_tokenize(p) if s.strip()]


def run_baseline(name: str, docs: list[str], unit: str = "paragraph") -> float:
    """Wall seconds of `name` over the docs fed `unit` by `unit` (the split is made before
    the clock starts); its CPU seconds in _LAST_CPU[0]."""
    fn = _baseline_fn(name)
    fn("Hội nghị ngày 28/7/2020 tại Hà Nội.")  # load models outside the timing
    pieces = units(docs, unit)
    t0 = time.perf_counter()
    c0 = time.process_time()
    for p in pieces:
        fn(p)
    _LAST_CPU[0] = time.process_time() - c0
    return time.perf_counter() - t0


# (baseline, unit it is fed, sample size in KB when not --quick / when --quick)
BASELINES = [
    ("one regex", "document", 2000, 500),
    ("underthesea.word_tokenize", "paragraph", 500, 100),
    ("underthesea.word_tokenize", "sentence", 500, 100),
    ("underthesea.pos_tag", "paragraph", 300, 60),
    ("underthesea.pos_tag", "sentence", 300, 60),
    ("underthesea.ner", "paragraph", 150, 40),
    ("underthesea.ner", "sentence", 150, 40),
    ("dateparser.search_dates", "paragraph", 300, 60),
]


def compare(docs: list[str], quick: bool, scale: float = 1.0) -> dict:
    """Each baseline against the pipeline on the same sample, back to back (ours first),
    CPU and wall time of both."""
    out = {}
    for name, unit, kb, kb_quick in BASELINES:
        if name.startswith("dateparser") and importlib.util.find_spec("dateparser") is None:
            print(f"  {name}: not installed (pip install -e '.[bench]'), skipped", flush=True)
            continue
        smp = sample(docs, (kb_quick if quick else kb) * scale)
        smb = nbytes(smp) / MB
        our_wall, _ = run_pipeline(smp)
        ours = _LAST_CPU[0]
        their_wall = run_baseline(name, smp, unit)
        theirs = _LAST_CPU[0]
        key = f"{name} per {unit}"
        out[key] = {"sample_mb": smb, "their_cpu_mb_per_s": smb / theirs, "our_cpu_mb_per_s": smb / ours,
                    "ratio_cpu": theirs / ours, "their_wall_mb_per_s": smb / their_wall,
                    "our_wall_mb_per_s": smb / our_wall, "ratio_wall": their_wall / our_wall}
        r = out[key]
        print(f"  {key:<36} {smb * 1000:5.0f} KB  CPU: theirs {r['their_cpu_mb_per_s']:7.3f} MB/s, ours "
              f"{r['our_cpu_mb_per_s']:5.2f} MB/s, ours/theirs {r['ratio_cpu']:6.2f}x   wall: {r['ratio_wall']:6.2f}x",
              flush=True)
    return out


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


# a text that names a province: the place records resolve it (extractors/places.py)
PLACE_TEXT = ("UBND huyện Tân Phước, tỉnh Tiền Giang tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024 "
              "tại xã Tân Hòa Thành.\n")


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("gov-report-nlp")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "gov_report_nlp"]


def _env() -> dict:
    """The environment of a CLI run: this tree's src first, bytecode written and read (a cold
    start is measured with the bytecode cached, as an installed package has it)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src")] + [p for p in [env.get("PYTHONPATH")] if p])
    return env


def cold_start(reps: int = 3, path: Path | None = None) -> list[float]:
    """Wall seconds of `gov-report-nlp extract PATH` (default examples/portal-article.txt, which
    names a district but no province, so no place is resolved), after one untimed run that
    writes the bytecode."""
    path = path or ROOT / "examples" / "portal-article.txt"
    cmd, env = _cli() + ["extract", str(path)], _env()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    return times


def cold_starts(reps: int = 7) -> dict:
    """Cold start without a place to resolve (portal-article.txt) and with one (PLACE_TEXT in a
    temporary file): best and median of `reps` runs each, interleaved."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        place = Path(d) / "place.txt"
        place.write_text(PLACE_TEXT, encoding="utf-8")
        cold_start(1), cold_start(1, place)
        plain, placed = [], []
        for _ in range(reps):
            plain += cold_start(1)
            placed += cold_start(1, place)
    return {"no_place": {"best": min(plain), "median": statistics.median(plain)},
            "place": {"best": min(placed), "median": statistics.median(placed)}, "load": os.getloadavg()}


def first_sight_run() -> int:
    """In its own process: warm on the even-numbered dev documents, then time each odd-numbered
    one once (none of them seen before by this process's per-word and per-text memos), then
    twice more (the best of which is what repeated passes measure); JSON."""
    from gov_report_nlp import extract

    dev = load_dev()
    seen, unseen = dev[0::2], dev[1::2]
    for d in seen:
        extract(d)
    cpus = []
    for _ in range(3):
        c = time.process_time()
        for d in unseen:
            extract(d)
        cpus.append(time.process_time() - c)
    print(json.dumps({"mb": nbytes(unseen) / MB, "cpu_s": cpus[0], "again_cpu_s": min(cpus[1:])}))
    return 0


def first_sight(reps: int = 3) -> dict:
    """first_sight_run in `reps` fresh processes: MB/s of CPU on documents the process has not
    seen (the passes of acceptance() repeat the same texts, which warms per-text memos)."""
    runs = []
    for _ in range(reps):
        out = subprocess.run([sys.executable, __file__, "--first-sight-run"], capture_output=True,
                             text=True, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best, again = min(r["cpu_s"] for r in runs), min(r["again_cpu_s"] for r in runs)
    return {"mb": runs[0]["mb"], "cpu_s": best, "mb_per_s": runs[0]["mb"] / best,
            "again_mb_per_s": runs[0]["mb"] / again, "runs_mb_per_s": [r["mb"] / r["cpu_s"] for r in runs]}


def acceptance(passes: int = 3) -> dict:
    """Issue 18's figures in one process, one run: the pipeline's MB/s of CPU time on the dev
    corpus (each document once), underthesea.word_tokenize on the same texts (per paragraph and per
    sentence) right after, each pass alternating ours and theirs and the best pass of each kept;
    their ratio; the first-sight figure (first_sight: documents the process has not seen); and
    cold start with and without a place to resolve. Goals: >= 2 MB/s, >= 7x,
    <= 0.3 s (on a quiet machine: the load average is printed with the figures)."""
    from gov_report_nlp import extract

    dev = load_dev()
    if not dev:
        print("acceptance: no dev corpus (../shared): skipped")
        return {}
    mb = nbytes(dev) / MB
    for d in dev:  # warm: lexicons, compiled patterns, the place table
        extract(d)
    wt = _baseline_fn("underthesea.word_tokenize")
    wt("Hội nghị ngày 28/7/2020 tại Hà Nội.")
    pieces = {unit: units(dev, unit) for unit in ("paragraph", "sentence")}
    ours, theirs = [], {unit: [] for unit in pieces}
    for _ in range(passes):
        c = time.process_time()
        for d in dev:
            extract(d)
        ours.append(time.process_time() - c)
        for unit, ps in pieces.items():
            c = time.process_time()
            for p in ps:
                wt(p)
            theirs[unit].append(time.process_time() - c)
    res = {"dev_mb": mb, "docs": len(dev), "passes": passes, "our_cpu_s": min(ours),
           "our_cpu_mb_per_s": mb / min(ours), "load_after": os.getloadavg()}
    print(f"acceptance (dev corpus, {len(dev)} docs, {mb:.2f} MB, best of {passes} passes, CPU time):")
    print(f"  ours: {res['our_cpu_mb_per_s']:.2f} MB/s of CPU (goal >= 2)   [passes: "
          + ", ".join(f"{mb / x:.2f}" for x in ours) + " MB/s]")
    for unit, xs in theirs.items():
        res[f"word_tokenize_per_{unit}_cpu_mb_per_s"] = mb / min(xs)
        res[f"ratio_word_tokenize_per_{unit}"] = min(xs) / min(ours)
        goal = " (goal >= 7)" if unit == "paragraph" else ""
        print(f"  underthesea.word_tokenize per {unit}: {mb / min(xs):.3f} MB/s; ours/theirs "
              f"{min(xs) / min(ours):.2f}x{goal}")
    fs = res["first_sight"] = first_sight()
    print(f"  first sight (fresh process warmed on the other half of the corpus, each of {len(dev) // 2} "
          f"documents once, {fs['mb']:.2f} MB): {fs['mb_per_s']:.2f} MB/s of CPU, the same documents again "
          f"{fs['again_mb_per_s']:.2f} MB/s (what repeated passes warm)   [first-sight runs: "
          + ", ".join(f"{x:.2f}" for x in fs["runs_mb_per_s"]) + "]")
    cs = cold_starts()
    res["cold_start_s"] = cs
    print(f"  cold start `gov-report-nlp extract` (bytecode cached): no place {cs['no_place']['best']:.2f} s best, "
          f"{cs['no_place']['median']:.2f} s median; a province to resolve {cs['place']['best']:.2f} s best, "
          f"{cs['place']['median']:.2f} s median (goal <= 0.3)")
    print(f"  load average {res['load_after'][0]:.2f} {res['load_after'][1]:.2f} on {os.cpu_count()} CPUs "
          f"(a shared machine inflates every figure)", flush=True)
    return res


def _cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def scaling(mb: float, jobs: tuple[int, ...] = (1, 2), dask_workers: int = 2) -> dict:
    """`gov-report-nlp extract --format jsonl --jobs N` on a fresh JSONL of `mb` MB (wall and
    CPU of the whole command, workers included), then the Dask path (gov_report_nlp.dask.extract_bag
    on a distributed.LocalCluster of `dask_workers` one-thread worker processes, writing JSONL
    files on the workers): docs/s and MB/s; the load average beside each."""
    import tempfile

    fresh, _ = build_fresh(load_texts(), mb, seed=11)
    size = nbytes(fresh) / MB
    out: dict = {"mb": size, "docs": len(fresh), "cpus": os.cpu_count()}
    print(f"scaling on a fresh JSONL of {len(fresh)} docs, {size:.1f} MB ({os.cpu_count()} CPUs):", flush=True)
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "docs.jsonl"
        src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n"
                               for i, t in enumerate(fresh)), encoding="utf-8")
        outputs = {}
        for n in jobs:
            cmd = _cli() + ["extract", "--format", "jsonl", "--quiet", "--jobs", str(n), str(src)]
            c, t = _cpu_children(), time.perf_counter()
            r = subprocess.run(cmd, check=True, capture_output=True, env=_env())
            wall, cpu = time.perf_counter() - t, _cpu_children() - c
            outputs[n] = r.stdout
            out[f"jobs_{n}"] = row = {"wall_s": wall, "cpu_s": cpu, "docs_per_s": len(fresh) / wall,
                                      "mb_per_s": size / wall, "load": os.getloadavg()[0]}
            print(f"  --jobs {n}: {wall:6.2f} s wall, {cpu:6.2f} s CPU: {row['docs_per_s']:6.1f} docs/s, "
                  f"{row['mb_per_s']:.2f} MB/s wall; speed-up {out['jobs_1']['wall_s'] / wall:.2f}x; "
                  f"load {row['load']:.1f}", flush=True)
        out["jobs_outputs_identical"] = len({bytes(v) for v in outputs.values()}) == 1
        print(f"  outputs of every --jobs byte-identical: {out['jobs_outputs_identical']}")
        if importlib.util.find_spec("distributed") is None:
            print("  dask: not installed (the 'dask' extra), skipped")
            return out
        r = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--dask-run", str(src), str(dask_workers)],
                           capture_output=True, text=True, env=_env())
        if r.returncode:
            print(f"  dask: failed: {r.stderr[-1500:]}")
            return out
        dk = json.loads(r.stdout.strip().splitlines()[-1])
        out["dask"] = dk
        jobs_mb = out.get(f"jobs_{dask_workers}", {}).get("mb_per_s", float("nan"))
        print(f"  dask, LocalCluster of {dask_workers} one-thread workers: cluster start {dk['start_s']:.1f} s, "
              f"first task (imports) {dk['warm_s']:.1f} s; then", flush=True)
        for key in ("", "one_partition_"):
            wall = dk[key + "wall_s"]
            dk[key + "docs_per_s"], dk[key + "mb_per_s"] = len(fresh) / wall, size / wall
            print(f"    {dk[key + 'partitions']:3d} partitions: {wall:6.2f} s wall, {dk[key + 'cpu_s']:6.2f} s CPU of the "
                  f"workers: {len(fresh) / wall:6.1f} docs/s, {size / wall:.2f} MB/s wall (--jobs {dask_workers}: "
                  f"{jobs_mb:.2f}); load {dk[key + 'load']:.1f}", flush=True)
    return out


def dask_run(path: str, workers: int) -> int:
    """(a subprocess of scaling) extract_bag over the JSONL at `path` on a LocalCluster; prints
    one JSON line of figures. The bag is read as examples/dask_batch.py reads it (read_text,
    blocksize 16 MiB: one partition for a smaller file) and split into 4 partitions per worker
    (extract_bag's partitions=); then, for comparison, left as one partition."""
    import tempfile

    import dask.bag as db
    from distributed import Client, LocalCluster

    from gov_report_nlp.dask import extract_bag

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    res = {}
    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        t1 = time.perf_counter()
        warm = [{"id": "w", "text": PLACE_TEXT}] * workers
        extract_bag(db.from_sequence(warm, npartitions=workers)).compute()
        res.update(start_s=t1 - t0, warm_s=time.perf_counter() - t1)
        for key, parts in (("", 4 * workers), ("one_partition_", None)):
            c0 = sum(client.run(cpu).values())
            bag = db.read_text(path, blocksize="16MiB").filter(str.strip).map(json.loads)
            with tempfile.TemporaryDirectory() as d:
                t = time.perf_counter()
                out = extract_bag(bag, partitions=parts)
                out.map(json.dumps).to_textfiles(d + "/*.jsonl")
                res[key + "wall_s"] = time.perf_counter() - t
            res[key + "cpu_s"] = sum(client.run(cpu).values()) - c0
            res[key + "partitions"] = out.npartitions
            res[key + "load"] = os.getloadavg()[0]
    print(json.dumps(res))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    ap.add_argument("--quick", action="store_true", help="2 MB corpus, small baseline samples, sizes up to 1 MB")
    ap.add_argument("--fresh-mb", type=float, default=10.0, help="size of the set of non-repeated documents, MB")
    ap.add_argument("--no-sizes", action="store_true", help="skip time per MB by document size")
    ap.add_argument("--json", help="also write the figures here as JSON")
    ap.add_argument("--acceptance", action="store_true",
                    help="only issue 18's figures: MB/s of CPU on the dev corpus, the ratio to "
                         "underthesea.word_tokenize in the same run, cold start with and without a place (~1 min)")
    ap.add_argument("--scaling", type=float, metavar="MB",
                    help="only `extract --jobs 1/2` and Dask (LocalCluster, 2 workers) on a fresh JSONL of MB MB")
    ap.add_argument("--dask-run", nargs=2, metavar=("JSONL", "WORKERS"), help=argparse.SUPPRESS)
    ap.add_argument("--first-sight-run", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.first_sight_run:
        return first_sight_run()
    if args.dask_run:
        return dask_run(args.dask_run[0], int(args.dask_run[1]))
    if args.acceptance or args.scaling:
        res = {"machine": {"nproc": os.cpu_count(), "python": platform.python_version(), "cpu": _cpu_name()}}
        if args.acceptance:
            res["acceptance"] = acceptance()
        if args.scaling:
            res["scaling"] = scaling(args.scaling)
        if args.json:
            Path(args.json).write_text(json.dumps(res, indent=1), encoding="utf-8")
        return 0
    if args.quick:
        args.mb, args.fresh_mb = min(args.mb, 2.0), min(args.fresh_mb, 2.0)
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

    # the baselines on the dev corpus as it is (no repeats) and on the fresh set
    dev = load_dev()
    if dev:
        print(f"baselines on the dev corpus ({len(dev)} docs, {nbytes(dev) / MB:.2f} MB, each once):", flush=True)
        res["baselines_dev"] = compare(dev, args.quick, scale=1e9)  # the whole corpus each time
    fresh, info = build_fresh(texts, args.fresh_mb)
    res["fresh"] = {"docs": len(fresh), "mb": nbytes(fresh) / MB, **info}
    total, lat = run_pipeline(fresh)
    res["fresh"].update({"seconds": total, "cpu_seconds": _LAST_CPU[0],
                         "cpu_mb_per_s": nbytes(fresh) / MB / _LAST_CPU[0], "mb_per_s": nbytes(fresh) / MB / total})
    f = res["fresh"]
    print(f"fresh set: {f['docs']} docs ({f['distinct_docs']} distinct), {f['mb']:.1f} MB, "
          f"{f['verbatim_repeats']} of {f['paragraphs']} paragraphs repeat verbatim: pipeline "
          f"{f['cpu_mb_per_s']:.2f} MB/s of CPU time, {f['mb_per_s']:.2f} MB/s wall", flush=True)
    print("baselines on samples of the fresh set:", flush=True)
    res["baselines_fresh"] = compare(fresh, args.quick)

    if not args.no_sizes:
        print("time per MB by document size:")
    if not args.no_sizes:
        res["per_size"] = [{"bytes": s, "seconds": dt, "s_per_mb": spm}
                           for s, dt, spm in per_size(texts, sizes, budget_s=600)]
    res["acceptance"] = acceptance()  # issue 18's figures, in this same run (cold start included)
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
