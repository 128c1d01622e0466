"""gov_report_nlp.dask and examples/dask_batch.py on a small corpus (skipped without Dask)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, optional

optional("dask.bag")
optional("distributed")


def _text(i: int) -> str:
    return f"Tin số {i}\n(0{1 + i % 9}/03/2020)\nNội dung tin {i}."


def test_extract_bag_in_order_with_errors():
    import dask.bag as db

    from gov_report_nlp.dask import extract_bag

    items = [{"id": str(i), "text": _text(i)} for i in range(12)] + [{"id": "bad"}]
    out = extract_bag(db.from_sequence(items, npartitions=3)).compute(scheduler="sync")
    assert [r["id"] for r in out] == [str(i) for i in range(12)] + ["bad"]
    assert out[4]["published"] == "2020-03-05" and "error" in out[-1]


def test_example_runs_on_local_cluster(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join(json.dumps({"id": f"d{i}", "text": _text(i)}, ensure_ascii=False) for i in range(6)),
                 encoding="utf-8")
    r = subprocess.run([sys.executable, str(ROOT / "examples" / "dask_batch.py"), str(p), "--workers", "2"],
                       capture_output=True, timeout=180)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    lines = r.stdout.decode().splitlines()
    assert [l.split("\t")[0] for l in lines] == [f"d{i}" for i in range(6)]


def test_example_default_texts():
    r = subprocess.run([sys.executable, str(ROOT / "examples" / "dask_batch.py"), "--workers", "1"],
                       capture_output=True, timeout=180)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    assert "portal-article.txt\t2024-07-12T15:45" in r.stdout.decode()


def test_extract_bag_splits_a_bag_of_one_partition():
    import dask.bag as db

    from gov_report_nlp.dask import extract_bag

    items = [{"id": str(i), "text": _text(i)} for i in range(10)]
    bag = extract_bag(db.from_sequence(items, npartitions=1), partitions=4)
    assert bag.npartitions == 4
    assert [r["id"] for r in bag.compute(scheduler="sync")] == [str(i) for i in range(10)]
    assert extract_bag(db.from_sequence(items, npartitions=5), partitions=4).npartitions == 5
