"""The corpus store's figures: index speed, query latency, database size (not a timed test).

    PYTHONPATH=src .venv/bin/python benchmarks/bench_store.py            # 10 000 and 100 000 reports
    PYTHONPATH=src .venv/bin/python benchmarks/bench_store.py --small    # 2 000 and 10 000

Reports are generated from the dev corpus's extracted reports (../shared/corpus/dev/docs.jsonl,
extracted once): each copy gets a new id, a published year drawn from 2015-2024, and its
people's names shuffled (surname, middle and given names redrawn from the pools of the dev
names), chairs renamed alike, so that linking and the name queries work on many distinct
people. Goals (issue 17): index 10 000 reports < 1 min on one core from extract's JSONL;
named queries < 50 ms on 100 000 reports; the database < 3x the JSONL.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "docs.jsonl"


def dev_reports() -> list[dict]:
    from gov_report_nlp.pipeline import extract

    docs = [json.loads(l) for l in DEV.read_text(encoding="utf-8").splitlines() if l.strip()]
    return [extract(d["text"], id=d["id"]).model_dump(mode="json") for d in docs]


def generate(reports: list[dict], n: int, seed: int = 0):
    """n reports made from `reports`: new ids, shuffled names, published years redrawn."""
    rnd = random.Random(seed)
    parts = [p["name"].split() for r in reports for p in r["people"] if len(p["name"].split()) >= 2]
    surnames = sorted({w[0] for w in parts})
    middles = sorted({" ".join(w[1:-1]) for w in parts if len(w) > 2})
    givens = sorted({w[-1] for w in parts})
    for i in range(n):
        r = json.loads(json.dumps(reports[i % len(reports)]))
        r["id"] = f"gen/{i:07d}"
        names = {}
        for p in r["people"]:
            new = " ".join(x for x in (rnd.choice(surnames), rnd.choice(middles), rnd.choice(givens)) if x)
            names[p["name"]] = new
            p["name"] = new
        for m in r["meetings"]:
            m["chairs"] = [names.get(c, c) for c in m["chairs"]]
            m["attendees"] = [names.get(a, a) for a in m["attendees"]]
        year = str(rnd.randint(2015, 2024))
        if r.get("published") and r["published"][:4].isdigit():
            r["published"] = year + r["published"][4:]
        for m in r["meetings"]:
            if m.get("date") and m["date"][:4].isdigit():
                m["date"] = year + m["date"][4:]
        yield r


def write_jsonl(path: Path, reports) -> int:
    with open(path, "w", encoding="utf-8") as f:
        for r in reports:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path.stat().st_size


def db_size(path: Path) -> int:
    return sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if os.path.exists(p))


def bench_index(src: list[dict], n: int, work: Path) -> dict:
    from gov_report_nlp import store

    jsonl = work / f"reports-{n}.jsonl"
    size = jsonl.stat().st_size if jsonl.exists() else write_jsonl(jsonl, generate(src, n))  # same seed: same file
    db = work / f"facts-{n}.sqlite"
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        if p.exists():
            p.unlink()
    t0, c0 = time.perf_counter(), time.process_time()
    res = store.index(str(db), [str(jsonl)], link=True)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    conn = store.open_store(str(db))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"reports": n, "jsonl_mb": size / 1e6, "db_mb": db_size(db) / 1e6, "ratio": db_size(db) / size,
            "wall_s": wall, "cpu_s": cpu, "indexed": res.indexed, **res.linked, "db": db}


def bench_queries(db: Path, repeat: int = 7) -> list[tuple[str, float, float, int]]:
    from gov_report_nlp import store
    from gov_report_nlp.store import queries as q

    conn = store.open_store(str(db), readonly=True)
    name = conn.execute("SELECT name FROM meeting_chairs ORDER BY id LIMIT 1 OFFSET 500").fetchone()[0]
    person = conn.execute("SELECT name FROM people p JOIN titles t ON t.record = p.id ORDER BY p.id LIMIT 1 OFFSET 700").fetchone()[0]
    cases = [
        (f"chaired --person '{name}'", lambda: q.chaired(conn, name)),
        ("awards --issuer 'Huyện ủy' --by year", lambda: q.awards(conn, issuer="Huyện ủy", by=["year"])),
        ("awards --by year,issuer", lambda: q.awards(conn, by=["year", "issuer"])),
        (f"titles --person '{person}'", lambda: q.titles(conn, person)),
        ("cites 45-CT/TW", lambda: q.cites(conn, "45-CT/TW")),
        ("targets --indicator 'sản xuất' --by place,year", lambda: q.targets(conn, "sản xuất", by=["place", "year"])),
        ("meetings --organizer UBND --from 2019-01 --to 2019-06",
         lambda: q.meetings(conn, organizer="UBND", date_from="2019-01", date_to="2019-06")),
        ("warnings --kind organizer_place", lambda: q.warnings(conn, "organizer_place")),
        ("search 'bằng khen'", lambda: q.search(conn, "bằng khen")),
    ]
    out = []
    for label, fn in cases:
        times, cpu = [], []
        for _ in range(repeat):
            t, c = time.perf_counter(), time.process_time()
            _, rows = fn()
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        out.append((label, statistics.median(times) * 1000, statistics.median(cpu) * 1000, len(rows)))
    conn.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true", help="2 000 and 10 000 reports (a quick look)")
    ap.add_argument("--work", help="directory for the files (default: a temporary one); kept JSONL is reused")
    ap.add_argument("--queries-only", metavar="DB", help="only time the named queries on this database")
    args = ap.parse_args()
    sizes = (2000, 10000) if args.small else (10000, 100000)
    if args.queries_only:
        for label, med, cpu, n in bench_queries(Path(args.queries_only)):
            print(f"  {label:<55} {med:7.1f} {cpu:7.1f} {n:>6}")
        return 0
    src = dev_reports()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.work or tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            r = bench_index(src, n, work)
            print(f"index {n} reports: {r['wall_s']:.1f} s wall, {r['cpu_s']:.1f} s CPU "
                  f"({n / r['cpu_s']:.0f} reports/s CPU); JSONL {r['jsonl_mb']:.1f} MB, DB {r['db_mb']:.1f} MB "
                  f"({r['ratio']:.2f}x); {r['persons']} persons of {r['people']} people records, {r['warnings']} warnings")
            sys.stdout.flush()
        print(f"named queries on {sizes[-1]} reports (median of 7: wall ms, CPU ms; rows):")
        for label, med, cpu, n in bench_queries(r["db"]):
            print(f"  {label:<55} {med:7.1f} {cpu:7.1f} {n:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
