"""Reports as tables: to_rows / to_dataframe, the CSV output of the CLI (one header over many
documents, JSONL batches with bad lines, --jobs) and examples/batch_to_csv.py."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from conftest import ROOT, optional

from gov_report_nlp import GovReportError, extract
from gov_report_nlp.records import Report
from gov_report_nlp.out.tables import KINDS, columns, to_dataframe

TEXT = ("Huyện ủy sơ kết 6 tháng\n(08:00 | 15/07/2023)\nSáng 14/7/2023, Huyện ủy Phú Lộc tổ chức Hội nghị "
        "sơ kết công tác 6 tháng đầu năm. Đồng chí Lê Văn Hùng, Tỉnh ủy viên, Bí thư Huyện ủy chủ trì hội nghị. "
        "Dịp này, Huyện ủy trao giấy khen cho 5 tập thể và 9 cá nhân. Thực hiện Chỉ thị số 12-CT/TU "
        "ngày 3/2/2023 của Tỉnh ủy, tỷ lệ hộ nghèo giảm còn 2,5%.")
DOCS = [
    {"id": "a", "text": TEXT},
    {"id": "b", "text": "Ngày 2/3/2022, UBND tỉnh tặng Bằng khen cho 4 tập thể và 7 cá nhân."},
]


@pytest.fixture(scope="module")
def report() -> Report:
    return extract(TEXT, id="a")


def test_every_kind_has_id_first_and_evidence_last():
    for kind in KINDS:
        cols = columns(kind)
        assert cols[0] == "id" and cols[-3:] == ["evidence_start", "evidence_end", "evidence_text"]
        assert len(cols) == len(set(cols))
    assert columns("awards") == ["id", "kind", "issuer", "collectives", "individuals", "reason", "decision",
                                 "section", "evidence_start", "evidence_end", "evidence_text"]


def test_rows_are_flat_and_in_column_order(report):
    for kind in KINDS:
        for row in report.to_rows(kind):
            assert list(row) == columns(kind)
            assert all(v is None or isinstance(v, (str, int, float)) for v in row.values())
    award, = report.to_rows("awards")
    assert award["id"] == "a" and (award["collectives"], award["individuals"]) == (5, 9)
    assert TEXT[award["evidence_start"]:award["evidence_end"]] == award["evidence_text"]
    people = {r["name"]: r for r in report.to_rows("people")}
    assert people["Lê Văn Hùng"]["titles"] == "Tỉnh ủy viên; Bí thư Huyện ủy"  # a list joined with "; "
    ref, = report.to_rows("document_refs")
    assert (ref["number"], ref["date"]) == ("12-CT/TU", "2023-02-03")


def test_columns_do_not_depend_on_the_data():
    empty = extract("Không có gì.", id="z")
    assert empty.to_rows("awards") == [] and empty.to_rows("document") == []
    optional("pandas")
    df = empty.to_dataframe("meetings")
    assert list(df.columns) == columns("meetings") and len(df) == 0


def test_dataframe_of_one_and_of_many(report):
    optional("pandas")
    df = report.to_dataframe("awards")
    assert list(df.columns) == columns("awards") and df.loc[0, "individuals"] == 9
    many = to_dataframe([report, extract(DOCS[1]["text"], id="b")], "awards")
    assert list(many["id"]) == ["a", "b"]


def test_unknown_kind_is_an_error(report):
    with pytest.raises(GovReportError, match="no such kind.*awards"):
        report.to_rows("award")


def test_dataframe_without_pandas_names_the_extra(report, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'gov-report-nlp\[tables\]'"):
        report.to_dataframe("awards")


# ---- CSV from the CLI --------------------------------------------------------------------

def cli(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "gov_report_nlp", *args], input=stdin,
                          capture_output=True, timeout=120)


def _csv(out: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out.decode("utf-8"))))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_csv_of_a_jsonl_batch_has_one_header(tmp_path, jobs):
    batch = tmp_path / "docs.jsonl"
    lines = [json.dumps(DOCS[0], ensure_ascii=False), "{not json", json.dumps(DOCS[1], ensure_ascii=False)]
    batch.write_text("\n".join(lines), encoding="utf-8")
    text = tmp_path / "c.txt"
    text.write_text("Ngày 5/5/2022, Sở Nội vụ trao giấy khen cho 2 tập thể.", encoding="utf-8")
    r = cli("extract", str(batch), str(text), "--format", "csv", "--kind", "awards", "--jobs", jobs)
    assert r.returncode == 1 and b"docs.jsonl:2: not JSON" in r.stderr  # the bad line: stderr, status 1
    out = r.stdout.decode()
    assert out.count("id,kind,issuer") == 1 and out.startswith("id,kind,issuer,")
    rows = _csv(r.stdout)
    assert [(x["id"], x["collectives"], x["individuals"]) for x in rows] == [
        ("a", "5", "9"), ("b", "4", "7"), (str(text), "2", "")]


def test_csv_header_even_without_records():
    r = cli("extract", "--format", "csv", "--kind", "meetings", stdin="Không có gì.".encode())
    assert r.returncode == 0 and r.stdout.decode().splitlines() == [",".join(columns("meetings"))]


@pytest.mark.parametrize("args,needle", [
    (["--format", "csv"], b"--format csv needs --kind"),
    (["--kind", "awards"], b"--kind goes with --format csv"),
    (["--format", "csv", "--kind", "award"], b"invalid choice"),
])
def test_csv_usage_errors(args, needle):
    r = cli("extract", *args, stdin=b"x")
    assert r.returncode == 2 and needle in r.stderr and b"Traceback" not in r.stderr


def test_example_batch_to_csv(tmp_path):
    batch = tmp_path / "docs.jsonl"
    batch.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in DOCS), encoding="utf-8")
    out = tmp_path / "awards.csv"
    r = subprocess.run([sys.executable, str(ROOT / "examples" / "batch_to_csv.py"), str(batch), "awards",
                        "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(x["id"], x["kind"], x["individuals"]) for x in rows] == [("a", "giấy khen", "9"), ("b", "bằng khen", "7")]
