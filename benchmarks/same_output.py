"""Is the output byte-identical to a recorded one? The check every speed change runs.

    .venv/bin/python benchmarks/same_output.py record /tmp/ref     # before the change
    .venv/bin/python benchmarks/same_output.py compare /tmp/ref    # after: exit 1 on a difference

Not part of CI. The inputs: the dev corpus as text and as HTML (../shared, read at run time), the
probe articles (tests/probe/genre_articles.jsonl), examples/*, a fresh set of ~1 MB of spliced
dev paragraphs with redrawn digits (bench.build_fresh), and 300 fuzzed texts (scripts/fuzz.py's
random, mutated and hostile-shaped texts, fixed seeds). Each report is written as the CLI writes
it (model_dump_json), one file per set; compare names the first report that differs and the
first field in it.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT / "scripts"))
from bench import DEV, build_fresh, load_texts  # noqa: E402


def _jsonl(path: Path, key: str = "text") -> list[tuple[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [(str(d.get("id", i)), d[key]) for i, d in enumerate(map(json.loads, filter(str.strip, f)))]


def input_sets() -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """name -> (input_format, [(id, text)])."""
    import fuzz

    sets = {
        "dev-text": ("text", _jsonl(DEV)),
        "dev-html": ("html", _jsonl(DEV.parent / "docs-html.jsonl")),
        "probe": ("auto", _jsonl(ROOT / "tests" / "probe" / "genre_articles.jsonl")),
        "examples": ("auto", [(p.name, p.read_text(encoding="utf-8"))
                              for p in sorted((ROOT / "examples").iterdir())
                              if p.suffix in (".txt", ".html")]),
    }
    texts = load_texts()
    fresh, _ = build_fresh(texts, 1.0, seed=7)
    sets["fresh"] = ("auto", [(f"fresh-{i}", t) for i, t in enumerate(fresh)])
    rng = random.Random(1801)
    fz = []
    for i in range(300):
        r = i % 3
        t = fuzz.random_text(rng, rng.randint(0, 3000)) if r == 0 else fuzz.mutate(rng, texts, 6000)
        if r == 2:
            t = fuzz.shaped(rng, t)
        fz.append((f"fuzz-{i}", t))
    sets["fuzz"] = ("auto", fz)
    return sets


def outputs() -> dict[str, list[str]]:
    from gov_report_nlp import extract

    out = {}
    for name, (fmt, docs) in input_sets().items():
        lines = []
        for id_, text in docs:
            try:
                lines.append(extract(text, input_format=fmt, id=id_).model_dump_json())
            except Exception as e:  # an input error is an output too
                lines.append(json.dumps({"id": id_, "error": f"{type(e).__name__}: {e}"}, ensure_ascii=False))
        out[name] = lines
    return out


def _first_diff(a: dict, b: dict, path: str = "") -> str:
    if type(a) is not type(b):
        return path or "."
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_diff(a.get(k), b.get(k), f"{path}.{k}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path} (length {len(a)} != {len(b)})"
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _first_diff(x, y, f"{path}[{i}]")
    return f"{path}: {a!r} != {b!r}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=["record", "compare"])
    ap.add_argument("dir", type=Path)
    args = ap.parse_args(argv)
    got = outputs()
    if args.mode == "record":
        args.dir.mkdir(parents=True, exist_ok=True)
        for name, lines in got.items():
            (args.dir / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(" ".join(f"{name}: {len(lines)}" for name, lines in got.items()), "reports recorded")
        return 0
    bad = 0
    for name, lines in got.items():
        ref = (args.dir / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        diffs = [i for i, (x, y) in enumerate(zip(ref, lines)) if x != y]
        if len(ref) != len(lines):
            print(f"{name}: {len(ref)} reports recorded, {len(lines)} now")
            bad += 1
        for i in diffs[:3]:
            a, b = json.loads(ref[i]), json.loads(lines[i])
            print(f"{name}: report {i} ({a.get('id')}) differs at {_first_diff(a, b)}"[:600])
        if diffs:
            print(f"{name}: {len(diffs)} of {len(lines)} reports differ")
        bad += bool(diffs)
        if not diffs and len(ref) == len(lines):
            print(f"{name}: {len(lines)} reports identical")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
