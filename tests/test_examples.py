"""Each script in examples/ runs and does what its docstring says (Dask, HTML view and CSV
examples are run in test_dask.py, test_render.py and test_tables.py)."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

EXAMPLES = ROOT / "examples"
DOCS = [
    {"id": "a", "text": "Huyện ủy sơ kết 6 tháng\n(08:00 | 15/07/2023)\nSáng 14/7/2023, Huyện ủy Phú Lộc tổ chức "
                        "Hội nghị sơ kết công tác 6 tháng đầu năm. Đồng chí Lê Văn Hùng, Bí thư Huyện ủy chủ trì "
                        "hội nghị. Dịp này, Huyện ủy trao giấy khen cho 5 tập thể và 9 cá nhân."},
    {"id": "b", "text": "Triển khai Chỉ thị số 12-CT/TU ngày 3/2/2023 của Tỉnh ủy về công tác dân vận."},
]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120)


def test_one_document_shows_each_fact_with_its_input_text():
    r = _run(str(EXAMPLES / "one_document.py"))
    assert r.returncode == 0, r.stderr
    assert "- meetings {" in r.stdout and "- awards {" in r.stdout
    text = (EXAMPLES / "portal-article.txt").read_text(encoding="utf-8")
    shown = [line.split(" = ", 1)[1] for line in r.stdout.splitlines() if line.startswith("    input[")]
    assert shown and all(eval(s) in text for s in shown)  # noqa: S307 - repr of a str we printed


def test_evaluate_own_gold_template_then_score(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in DOCS), encoding="utf-8")
    r = _run(str(EXAMPLES / "evaluate_own_gold.py"), str(docs), "--template")
    assert r.returncode == 0, r.stderr
    gold = [json.loads(line) for line in r.stdout.splitlines()]
    assert [g["id"] for g in gold] == ["a", "b"] and "evidence" not in gold[0]
    assert gold[0]["awards"][0]["individuals"] == 9
    # the annotator corrects the template: one award count is wrong, one reference is missing
    gold[0]["awards"][0]["individuals"] = 10
    gold[1]["document_refs"].append({"kind": "Kế hoạch", "number": "7-KH/TU"})
    g = tmp_path / "gold.jsonl"
    g.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in gold), encoding="utf-8")
    r = _run(str(EXAMPLES / "evaluate_own_gold.py"), str(docs), str(g), "--by-doc")
    assert r.returncode == 0, r.stderr
    assert "b\tref.number\tMISSED\t7-KH/TU" in r.stdout
    rows = {line.split()[0]: line.split() for line in r.stdout.splitlines() if line[:1].isalpha()}
    assert rows["award"][1:4] == ["0", "1", "1"]  # tp fp fn
    assert rows["ref.number"][1:4] == ["1", "0", "1"]


def test_lexicon_example_directory_loads_and_adds_its_entries():
    from gov_report_nlp.lexicon import UserLexicons, activate
    from gov_report_nlp.pipeline import extract

    lex = UserLexicons.load(EXAMPLES / "lexicon-example")
    text = "Ngày 2/3/2022, UBND tỉnh tặng Thư khen cho 4 tập thể và 7 cá nhân."
    try:
        activate(lex)
        awards = extract(text).awards
    finally:
        activate(None)
    assert [(a.kind, a.collectives, a.individuals) for a in awards] == [("thư khen", 4, 7)]
    assert extract(text).awards == []
