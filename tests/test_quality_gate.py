"""The gate: the dev corpus (read from ../shared at test time) must stay above the floors,
and the evaluator must agree with the project's scorer."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import DEV, SHARED, dev_docs, dev_gold, needs_dev
from quality import gate

import gov_report_nlp.pipeline as pipeline
from gov_report_nlp.out import evaluate
from gov_report_nlp.extractors import header


def _scores():
    return evaluate.score(dev_gold(), evaluate.extract_all(dev_docs(), pipeline.extract))


@pytest.fixture(scope="module")
def dev_scores():
    return _scores()


@needs_dev
def test_dev_corpus_stays_above_floors(dev_scores):
    assert gate.failures(dev_scores, gate.floors()) == [], dev_scores.table()


@needs_dev
def test_dev_corpus_html_stays_above_floors():
    scores = gate.dev_scores(DEV / "docs-html.jsonl")
    assert gate.failures(scores, gate.floors(), prefix="html:") == [], scores.table()


def test_floors_only_go_up():
    for corpus, history in gate.read_histories():
        for name, hist in history.items():
            values = [f for f, _, _ in hist]
            assert values == sorted(values), f"{corpus} {name}: a floor was lowered: {values}"
            for floor, _, measured in hist:
                assert floor <= measured, f"{corpus} {name}: floor {floor} above its measured {measured}"


def test_floors_in_force_are_the_last_corpus(tmp_path):
    p = tmp_path / "floors.txt"
    p.write_text("title 0.9 2026-01-01 0.95\ntitle 0.95 2026-02-01 0.97\n"
                 "corpus dev-89 2026-03-01\ntitle 0.80 2026-03-01 0.82\n", encoding="utf-8")
    assert gate.floors(p) == {"title": 0.80}
    assert [c for c, _ in gate.read_histories(p)] == ["initial", "dev-89"]


@needs_dev
def test_gate_fails_a_broken_extractor(monkeypatch, dev_scores):
    monkeypatch.setattr(header, "read_header", lambda doc: header.HeaderFacts())
    broken = _scores()
    found = gate.failures(broken, gate.floors())
    assert any(f.startswith("title ") for f in found), found
    assert broken.micro.f1 < dev_scores.micro.f1


@needs_dev
def test_evaluator_agrees_with_project_scorer(tmp_path, dev_scores):
    pred = evaluate.extract_all(dev_docs(), pipeline.extract)
    p = tmp_path / "pred.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in pred.values()), encoding="utf-8")
    ours = evaluate.score(evaluate.read_reports(str(DEV / "gold.jsonl")), evaluate.read_reports(str(p))).to_json()
    r = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(DEV / "gold.jsonl"), str(p), "--json"],
                       capture_output=True, text=True, timeout=300)
    theirs = json.loads(r.stdout)
    assert round(ours["micro_f1"], 3) == round(theirs["micro_f1"], 3)
    assert set(ours["fields"]) == set(theirs["fields"])
    for name, row in theirs["fields"].items():
        for key in ("tp", "fp", "fn"):
            assert ours["fields"][name][key] == row[key], (name, key)
        assert round(ours["fields"][name]["f1"], 3) == round(row["f1"], 3), name


EVAL_CASES = [
    # (gold report, predicted report, field, (tp, fp, fn))
    ({"id": "a", "authors": ["Dương Tuấn"]}, {"id": "a", "authors": ["dương tuấn", "PV"]}, "authors", (1, 1, 0)),
    ({"id": "a", "title": "Hội nghị sơ kết 6 tháng đầu năm 2020"}, {"id": "a", "title": "Hội nghị sơ kết 6 tháng đầu năm"}, "title", (1, 0, 0)),
    ({"id": "a", "title": "Hội nghị sơ kết"}, {"id": "a", "title": "Lễ khai mạc"}, "title", (0, 1, 1)),
    ({"id": "a", "document_refs": [{"number": "45-CT/TW"}]}, {"id": "a", "document_refs": [{"number": "45 - CT / TW"}]}, "ref.number", (1, 0, 0)),
    ({"id": "a", "people": [{"name": "Lê Trung Hồ"}]}, {"id": "a", "people": [{"name": "Lê Trung Hồ"}, {"name": "Lê Trung Hồ"}]}, "people.name", (1, 0, 0)),
    ({"id": "a", "people": [{"name": "Nguyễn Thị Thúy"}]}, {"id": "a", "people": [{"name": "Nguyễn Thị Thuý"}]}, "people.name", (1, 0, 0)),
    ({"id": "a", "awards": [{"kind": "bằng khen", "collectives": 1, "individuals": 15}]},
     {"id": "a", "awards": [{"kind": "Bằng khen", "collectives": "01", "individuals": 15}]}, "award", (1, 0, 0)),
    ({"id": "a", "awards": [{"kind": "bằng khen", "collectives": None, "individuals": None}]},
     {"id": "a", "awards": []}, "award", (0, 0, 0)),
    ({"id": "a", "targets": [{"value": 7.63, "unit": "%"}]}, {"id": "a", "targets": [{"value": 7.63, "unit": " % "}]}, "target", (1, 0, 0)),
    ({"id": "a", "targets": [{"value": 2, "unit": "tạ / ha"}]}, {"id": "a", "targets": [{"value": 2, "unit": "tạ/ha"}]}, "target", (1, 0, 0)),
    ({"id": "a", "meetings": [{"kind": "hội nghị", "date": "2020-07-28"}]}, {"id": "a", "meetings": [{"kind": "hội nghị", "date": "--07-28"}]}, "meeting.date", (0, 1, 1)),
    ({"id": "a", "terms": [{"start": 2020, "end": 2025}]}, {"id": "a", "terms": [{"start": 2020, "end": 2025}, {"start": 2020, "end": 2025}]}, "term", (1, 0, 0)),
    ({"id": "a", "outline": [{"number": "I.", "level": 1, "heading": "TÌNH HÌNH CHUNG"}, {"number": "-", "level": 2}]},
     {"id": "a", "outline": [{"number": "I", "level": 1, "heading": "Tình hình chung"}, {"number": "1", "level": 2}]}, "outline", (1, 1, 0)),
    ({"id": "a", "outline": [{"number": "Điều 3", "level": 2, "heading": "Hiệu lực thi hành"}]},
     {"id": "a", "outline": [{"number": "Điều 3", "level": 1, "heading": "Hiệu lực thi hành"}]}, "outline.heading", (0, 1, 1)),
    ({"id": "a"}, {"id": "a", "outline": [{"number": "1", "level": 1}]}, "outline", (0, 0, 0)),
]


def test_outline_is_scored_apart_from_the_facts():
    s = evaluate.score({"a": {"id": "a", "title": "Tin", "outline": [{"number": "1", "level": 1}]}},
                       {"a": {"id": "a", "title": "Tin"}})
    assert s.fields["outline"].fn == 1 and s.micro.f1 == 1.0


@pytest.mark.parametrize("gold,pred,name,expected", EVAL_CASES)
def test_evaluator_table(gold, pred, name, expected):
    s = evaluate.score({"a": gold}, {"a": pred})
    c = s.fields.get(name, evaluate.Counts())
    assert (c.tp, c.fp, c.fn) == expected


def test_evaluate_cli_scores_in_one_go(tmp_path):
    gold = tmp_path / "gold.jsonl"
    docs = tmp_path / "docs.jsonl"
    gold.write_text(json.dumps({"id": "x", "title": "Tiêu đề tin", "published": "2020-03-05"}, ensure_ascii=False), encoding="utf-8")
    docs.write_text(json.dumps({"id": "x", "text": "Tiêu đề tin\n(05/03/2020)\nNội dung."}, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "gov_report_nlp", "evaluate", str(gold), "--docs", str(docs), "--format", "json"],
                       capture_output=True, text=True, timeout=120)
    out = json.loads(r.stdout)
    assert out["fields"]["title"]["f1"] == 1.0 and out["fields"]["published"]["f1"] == 1.0
