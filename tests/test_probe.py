"""The cue probe (scripts/probe_cues.py) on our own genre articles (tests/probe/, invented text):
wherever an article has a cue that promises a fact ("X chủ trì hội nghị", "Tham dự có đồng chí
X", "tặng Bằng khen cho N tập thể", "thông qua N nghị quyết", "tổ chức hội nghị", "Bí thư Huyện
ủy X"), the fact is there; the share of cues with their fact stays at or above tests/probe/floors.txt."""
from __future__ import annotations

import importlib.util
import json
import sys

import pytest
from conftest import ROOT

PROBE = ROOT / "tests" / "probe"


def _probe_module():
    spec = importlib.util.spec_from_file_location("probe_cues", ROOT / "scripts" / "probe_cues.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclass looks itself up there
    spec.loader.exec_module(mod)
    return mod


def _floors() -> dict[str, tuple[float, int]]:
    out = {}
    for line in (PROBE / "floors.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, floor, cues = line.split()[:3]
            out[kind] = (float(floor), int(cues))  # the last line of a kind wins
    return out


@pytest.fixture(scope="module")
def result():
    mod = _probe_module()
    docs = [json.loads(l) for l in (PROBE / "genre_articles.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    assert len(docs) >= 60 and len({d["id"] for d in docs}) == len(docs)
    counts, misses = mod.probe(docs)
    return mod, counts, misses


def test_cues_have_their_facts(result):
    mod, counts, misses = result
    floors = _floors()
    report = {k: f"{ok}/{n}" for k, (n, ok) in counts.items()}
    shown = "\n".join(f"[{k}] {i} {w!r}: {' '.join(s.split())[:200]}" for i, k, w, s in misses[:10])
    for kind, (n, ok) in counts.items():
        floor, least = floors[kind]
        assert n >= least, f"{kind}: only {n} cues found (at least {least})"
        assert ok / n >= floor, f"{kind}: {ok}/{n} below {floor}\n{report}\n{shown}"
    n = sum(c for c, _ in counts.values())
    floor, least = floors["all"]
    assert n >= least
    assert mod.share(counts) >= floor, f"{mod.share(counts):.3f} below {floor}\n{report}\n{shown}"


def test_probe_reads_bad_input():
    mod = _probe_module()
    counts, misses = mod.probe([{"id": "x", "text": ""}, {"id": "y", "text": "chủ trì. thông qua 3 nghị quyết"},
                                {"text": None}])
    assert counts["adoption"] == [1, 0] and counts["held"] == [0, 0]  # no meeting: a miss, not a crash
    assert misses[0][:3] == ("y", "adoption", "3")
