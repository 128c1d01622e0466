"""Invariants over every test document: evidence equals the text at its span, output is
valid against the model, the same input gives the same output."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CASES, ROOT, dev_docs
import yaml

from gov_report_nlp import Report, make_document
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


@pytest.mark.parametrize("name,text", TEXTS, ids=[n for n, _ in TEXTS])
def test_evidence_points_at_its_text(name, text):
    doc = make_document(text)
    report = run(doc)
    _check_evidence(doc, report)
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
