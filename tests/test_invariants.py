"""Invariants over every test document (table cases, examples, the dev corpus in both its
forms): evidence equals the text at its span, no extractor and no linking step failed, output
is valid against the model, the same input gives the same output."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import CASES, DEV, ROOT, dev_docs
import yaml

from gov_report_nlp import Report, make_document
from gov_report_nlp import pipeline
from gov_report_nlp.pipeline import run


def _texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases = data["cases"] if isinstance(data, dict) else data
        for i, c in enumerate(cases or []):
            if isinstance(c, dict):
                for key in ("text", "html"):
                    if isinstance(c.get(key), str):
                        out.append((f"{path.stem}:{c.get('id', i)}", c[key]))
    for path in sorted((ROOT / "examples").glob("*.txt")):
        out.append((f"examples:{path.name}", path.read_text(encoding="utf-8")))
    for d in dev_docs():
        out.append((f"dev:{d['id']}", d["text"]))
    html = DEV / "docs-html.jsonl"
    if html.exists():
        for line in html.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append((f"dev-html:{d['id']}", d["text"]))
    return out


TEXTS = _texts()


def _check_evidence(doc, report: Report) -> None:
    for key, rec in report.records():
        ev = rec.evidence
        if ev is None:
            continue
        assert 0 <= ev.start <= ev.end <= len(doc.text), (key, ev)
        assert doc.text[ev.start:ev.end] == ev.text, (key, ev)
        for extra in getattr(rec, "mentions", []) or []:
            assert doc.text[extra.start:extra.end] == extra.text, (key, extra)
    for field, evs in report.evidence.items():
        for ev in evs:
            assert doc.text[ev.start:ev.end] == ev.text, (field, ev)


# the warnings pipeline.run writes when an extractor or the linking step raised
FAILED = re.compile(r"^\w+: extractor failed: |^link: failed: ")


def _check_nothing_failed(report: Report) -> None:
    failed = [w for w in report.warnings if FAILED.search(w)]
    assert not failed, failed


@pytest.mark.parametrize("name,text", TEXTS, ids=[n for n, _ in TEXTS])
def test_evidence_points_at_its_text(name, text):
    doc = make_document(text)
    report = run(doc)
    _check_evidence(doc, report)
    _check_nothing_failed(report)
    # every span also maps back inside the input
    for _, rec in report.records():
        if rec.evidence is not None:
            s, e = doc.to_input(rec.evidence.start, rec.evidence.end)
            assert 0 <= s <= e <= len(text)


@pytest.mark.parametrize("name,text", TEXTS[:40], ids=[n for n, _ in TEXTS[:40]])
def test_output_round_trips_and_is_deterministic(name, text):
    a = run(make_document(text)).model_dump(mode="json")
    b = run(make_document(text)).model_dump(mode="json")
    assert a == b
    assert Report.model_validate(json.loads(json.dumps(a))).model_dump(mode="json") == a


def test_contract_keys_present():
    report = run(make_document((ROOT / "examples" / "portal-article.txt").read_text(encoding="utf-8")))
    data = report.model_dump(mode="json")
    for key in ("id", "title", "published", "authors", "document", "people", "meetings",
                "document_refs", "awards", "targets", "terms"):
        assert key in data


def _broken(*args, **kwargs):
    raise RuntimeError("broken on purpose")


@pytest.mark.parametrize("key", [*pipeline.EXTRACTORS, "link"])
def test_a_broken_step_fails_the_invariant(key, monkeypatch):
    """Breaking any one extractor (or the linking step) makes the invariant above fail on the
    test documents: the pipeline's catch-all does not hide it."""
    if key == "link":
        monkeypatch.setattr(pipeline, "link", _broken)
    else:
        monkeypatch.setitem(pipeline.EXTRACTORS, key, _broken)
    caught = 0
    for _, text in TEXTS[:5]:
        try:
            _check_nothing_failed(run(make_document(text)))
        except AssertionError:
            caught += 1
    assert caught == 5


def test_records_of_the_wrong_kind_lose_their_field_not_the_document(monkeypatch):
    """An extractor that yields something that is not its record (a bug) loses its own field,
    said in a warning; the other fields and the document stay (origin: genre)."""
    text = (ROOT / "examples" / "portal-article.txt").read_text(encoding="utf-8")
    whole = run(make_document(text))
    monkeypatch.setitem(pipeline.EXTRACTORS, "awards", lambda doc: iter(["not an award"]))
    report = run(make_document(text))
    assert report.awards == []
    assert [w for w in report.warnings if w.startswith("awards: extractor failed: ValidationError")] != []
    assert report.people == whole.people and report.meetings == whole.meetings
    assert report.model_dump(exclude={"awards", "warnings"}) == whole.model_dump(exclude={"awards", "warnings"})
