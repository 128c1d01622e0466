"""Rules the test suite keeps: timing bounds measure CPU time (time.process_time), not wall
time, so a loaded machine (CI, 8 jobs on 2 cores) cannot fail a test that is fast."""
from __future__ import annotations

import re
from pathlib import Path

WALL_CLOCK = re.compile(r"\btime\.(?:perf_counter|time|monotonic)(?:_ns)?\(")


def test_timing_bounds_use_cpu_time():
    here = Path(__file__).parent
    offenders = [f"{p.name}:{n}" for p in sorted(here.rglob("*.py")) if p.name != Path(__file__).name
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if WALL_CLOCK.search(line) and "deadline" not in line]  # a wait's deadline bounds nothing
    assert not offenders, f"wall-clock timing in tests (use time.process_time): {offenders}"


# every case table has one key name for what it expects, `expected`, and an `origin` per case
WHOLE_RECORD_TABLES = sorted(p.stem for p in (Path(__file__).parent / "cases").glob("*.yaml"))


def test_case_tables_have_one_key_name_and_an_origin():
    from conftest import load_cases

    for name in WHOLE_RECORD_TABLES:
        for case in load_cases(name):
            assert "expected" in case and not {"want", "document"} & set(case), (name, case["id"])
            assert case.get("origin") in ("genre", "dev"), (name, case["id"])


def test_sources_compile_without_warnings():
    """An invalid escape in a (non-raw) string is a DeprecationWarning today and an error in a
    later Python: no source file of the package, the tests or the benchmarks may have one."""
    import warnings

    root = Path(__file__).parent.parent
    files = [p for d in ("src", "tests", "benchmarks", "scripts", "examples") for p in sorted((root / d).rglob("*.py"))]
    assert files
    bad = []
    for p in files:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compile(p.read_text(encoding="utf-8"), str(p), "exec")
        bad += [f"{p.relative_to(root)}: {w.message}" for w in caught]
    assert not bad, bad
