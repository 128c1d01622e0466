"""The CLI as a user runs it: files, stdin, JSONL batches with bad lines, schema, segment."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

EXAMPLE = ROOT / "examples" / "portal-article.txt"


def cli(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "gov_report_nlp", *args], input=stdin,
                          capture_output=True, timeout=120)


def test_extract_file_prints_report():
    r = cli("extract", str(EXAMPLE))
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["title"].startswith("Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 5")
    assert rep["published"] == "2024-07-12T15:45"
    assert rep["authors"] == ["Minh Khoa"]


def test_extract_stdin_text():
    r = cli("extract", stdin="Tiêu đề\n(05/03/2020)\nNội dung.".encode())
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["published"] == "2020-03-05"


def test_jsonl_batch_keeps_order_and_reports_bad_lines():
    lines = [
        json.dumps({"id": "a", "text": "Tin một\n(01/02/2020)\nNội dung.", "source": "x"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "Tin bốn\n(04/05/2021)\nNội dung.", "extra": [1, 2]}, ensure_ascii=False),
        json.dumps([1, 2]),
    ]
    r = cli("extract", "--input-format", "jsonl", "--format", "jsonl", stdin="\n".join(lines).encode())
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "c", "d", None]
    assert "error" in out[1] and "not JSON" in out[1]["error"]
    assert "text" in out[2]["error"]
    assert out[3]["published"] == "2021-05-04"
    assert r.returncode == 3
    assert b"<stdin>:2" in r.stderr


def test_jsonl_detected_by_content():
    line = json.dumps({"id": "x", "text": "Tiêu đề\n(05/03/2020)\nNội dung."}, ensure_ascii=False)
    r = cli("extract", "--format", "jsonl", stdin=line.encode())
    assert json.loads(r.stdout)["id"] == "x"


@pytest.mark.parametrize("payload,needle", [
    (b"%PDF-1.4\n%\xe2\xe3", b"PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", b"PNG"),
    (b"Ti\xeau \xc4\x91\xff", b"not UTF-8"),
    (b"abc\x00def", b"binary"),
])
def test_bad_input_is_a_clear_error(payload, needle):
    r = cli("extract", stdin=payload)
    assert r.returncode != 0
    assert needle in r.stderr
    assert b"Traceback" not in r.stderr


def test_missing_file_is_a_clear_error(tmp_path):
    r = cli("extract", str(tmp_path / "nope.txt"))
    assert r.returncode != 0 and b"nope.txt" in r.stderr and b"Traceback" not in r.stderr


def test_html_file(tmp_path):
    p = tmp_path / "a.html"
    p.write_text("<html><body><h1>Tiêu đề tin</h1><p>(05/03/2020)</p><p>Nội dung &amp; tin.</p></body></html>", encoding="utf-8")
    rep = json.loads(cli("extract", str(p)).stdout)
    assert rep["title"] == "Tiêu đề tin" and rep["input_format"] == "html"


def test_utf16_and_bom(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("Tiêu đề\n(05/03/2020)\nNội dung.".encode("utf-16"))
    assert json.loads(cli("extract", str(p)).stdout)["published"] == "2020-03-05"
    q = tmp_path / "bom.txt"
    q.write_bytes(b"\xef\xbb\xbf" + "Tiêu đề\n(05/03/2020)\nNội dung.".encode())
    assert json.loads(cli("extract", str(q)).stdout)["title"] == "Tiêu đề"


def test_schema_is_json_schema():
    r = cli("schema")
    schema = json.loads(r.stdout)
    assert schema["title"] == "Report" and "meetings" in schema["properties"]


def test_segment_prints_kinds_and_spans():
    r = cli("segment", "--format", "segments", str(EXAMPLE))
    out = r.stdout.decode()
    assert r.returncode == 0
    assert "# layout: news" in out
    for kind in ("site", "boilerplate", "title", "timestamp", "paragraph", "sentence", "byline"):
        assert f"{kind} " in out


def test_closed_stdout_ends_quietly():
    data = "\n".join(json.dumps({"id": str(i), "text": "Tin\n(01/02/2020)\nNội dung."}) for i in range(30))
    p = subprocess.run(f"{sys.executable} -m gov_report_nlp extract --format jsonl --input-format jsonl | head -1",
                       shell=True, input=data.encode(), capture_output=True, timeout=120)
    assert b"Traceback" not in p.stderr


def test_forced_file_format_on_other_bytes_is_a_clear_error():
    r = cli("extract", "--input-format", "pdf", stdin=b"Ti\xc3\xaau \xc4\x91\xe1\xbb\x81")
    assert r.returncode == 1 and b"not a readable PDF" in r.stderr and b"Traceback" not in r.stderr


def test_help_lists_csv_and_file_formats():
    out = cli("extract", "--help").stdout
    assert b"csv" in out and b"--kind" in out and b"docx" in out
