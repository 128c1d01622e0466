"""extract_many and `extract --jobs`: order kept, errors in place, input streamed."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gov_report_nlp import extract_many
from gov_report_nlp.records import ErrorLine, Report


def _text(i: int) -> str:
    return f"Tin số {i}\n(0{1 + i % 9}/03/2020)\nNội dung tin {i}."


ITEMS = [
    {"id": "a", "text": _text(1)},
    {"id": "b"},                      # no text: an error in place
    _text(3),                         # a bare string
    42,                               # not an item at all
    {"id": 5, "text": _text(5), "source": "x"},
    ErrorLine(id="f", error="passed through"),
    {"id": "g", "text": _text(7)},
]


@pytest.mark.parametrize("jobs,chunksize", [(1, 8), (2, 1), (2, 3)])
def test_order_and_errors_in_place(jobs, chunksize):
    out = list(extract_many(ITEMS, jobs=jobs, chunksize=chunksize))
    assert len(out) == len(ITEMS)
    kinds = [type(o).__name__ for o in out]
    assert kinds == ["Report", "ErrorLine", "Report", "ErrorLine", "Report", "ErrorLine", "Report"]
    assert [o.id for o in out] == ["a", "b", None, None, "5", "f", "g"]
    assert out[0].published == "2020-03-02"
    assert out[4].published == "2020-03-06"
    assert "text" in out[1].error and out[5].error == "passed through"


def test_same_reports_with_and_without_pool():
    items = [{"id": str(i), "text": _text(i)} for i in range(40)]
    one = [r.model_dump(mode="json") for r in extract_many(items, jobs=1)]
    two = [r.model_dump(mode="json") for r in extract_many(items, jobs=2, chunksize=3)]
    assert one == two and [r["id"] for r in two] == [str(i) for i in range(40)]


def test_streams_from_a_generator():
    """The pool reads ahead a bounded window, not the whole input."""
    pulled = []

    def gen():
        for i in range(10_000):
            pulled.append(i)
            yield {"id": str(i), "text": _text(i)}

    it = extract_many(gen(), jobs=2, chunksize=2, window=2)
    first = next(it)
    assert isinstance(first, Report) and first.id == "0"
    assert len(pulled) <= 2 * 2 * 2 + 2  # jobs * window chunks of chunksize, and one more chunk
    it.close()


def test_cli_jobs_keeps_order(tmp_path):
    lines = []
    for i in range(30):
        lines.append(json.dumps({"id": str(i), "text": _text(i)}, ensure_ascii=False) if i % 7 != 3 else "{bad")
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "gov_report_nlp", "extract", "--jobs", "2", "--format", "jsonl", str(p)],
                       capture_output=True, timeout=120)
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert len(out) == 30
    bad = [i for i in range(30) if i % 7 == 3]
    assert [i for i, o in enumerate(out) if "error" in o] == bad
    assert [o["id"] for i, o in enumerate(out) if i not in bad] == [str(i) for i in range(30) if i not in bad]
    assert r.returncode == len(bad)
    assert f"{p}:4: not JSON".encode() in r.stderr
