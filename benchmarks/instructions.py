"""Instructions of one warm pass of extract() over the dev corpus: a figure the machine's load
does not change (valgrind's callgrind counts what the CPU executes), for comparing two trees
when the machine is shared. One pass is (two passes) minus (one pass), so the imports, the
first compiles and the warm-up cancel out. String hashing is fixed (PYTHONHASHSEED=0): it
changes the count from run to run otherwise.

    .venv/bin/python benchmarks/instructions.py            # this tree (~1.5 min)
    .venv/bin/python benchmarks/instructions.py ../other   # another checkout, with its own src/
    .venv/bin/python benchmarks/instructions.py --cold [TREE]   # a cold `gov-report-nlp extract`
                                                    # of examples/portal-article.txt (bytecode cached)

Not part of CI; needs valgrind. Time is what users feel: confirm a gain found here with
bench.py --acceptance (CPU time falls less than instructions where memory traffic is left).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def passes(n: int) -> int:
    """In this process: a warm-up pass, then n - 1 more (what the parent subtracts)."""
    sys.path.insert(0, str(HERE))
    from bench import load_dev

    from gov_report_nlp import extract

    dev = load_dev()
    if not dev:
        sys.exit("instructions: no dev corpus (../shared)")
    for _ in range(n):
        for d in dev:
            extract(d)
    return 0


def count(tree: Path, n: int) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(tree / "src"))
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                          __file__, "--passes", str(n)], env=env, capture_output=True, text=True, check=True)
    m = re.search(r"refs:\s*([\d,]+)", out.stderr)
    if m is None:
        sys.exit(f"instructions: no count in valgrind's output:\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def cold(tree: Path) -> int:
    """Instructions of a cold CLI extract in `tree`, its bytecode written by a first run."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(tree / "src"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, "-m", "gov_report_nlp", "extract", str(tree / "examples" / "portal-article.txt")]
    subprocess.run(cmd, env=env, capture_output=True, check=True)
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd], env=env,
                         capture_output=True, text=True, check=True)
    m = re.search(r"refs:\s*([\d,]+)", out.stderr)
    if m is None:
        sys.exit(f"instructions: no count in valgrind's output:\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--passes"]:
        return passes(int(argv[1]))
    if shutil.which("valgrind") is None:
        sys.exit("instructions: valgrind is not installed")
    if argv[:1] == ["--cold"]:
        tree = Path(argv[1]).resolve() if len(argv) > 1 else HERE.parent
        print(f"{tree}: a cold `gov-report-nlp extract examples/portal-article.txt`, {cold(tree) / 1e6:.0f} M instructions")
        return 0
    tree = Path(argv[0]).resolve() if argv else HERE.parent
    one, two = count(tree, 1), count(tree, 2)
    print(f"{tree}: one warm pass over the dev corpus, {(two - one) / 1e6:.0f} M instructions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
