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
    r = cli("schema", "--report")
    schema = json.loads(r.stdout)
    assert schema["title"] == "Report" and "meetings" in schema["properties"]


def test_schema_describes_every_line_written():
    """`schema` is the schema of an output line: a report or an error line (oneOf), each with
    the optional "meta"; every line of a batch with good and bad lines fits one branch."""
    from gov_report_nlp.records import ErrorLine, Report

    schema = json.loads(cli("schema").stdout)
    assert schema["oneOf"] == [{"$ref": "#/$defs/Report"}, {"$ref": "#/$defs/ErrorLine"}]
    error = schema["$defs"]["ErrorLine"]
    assert error["required"] == ["error"] and error["additionalProperties"] is False
    assert "meta" in error["properties"] and "meta" in schema["$defs"]["Report"]["properties"]
    assert "error" not in schema["$defs"]["Report"]["properties"]
    lines = [json.dumps({"id": "a", "text": "Tin\n(01/02/2020)\nNội dung.", "url": "u"}), "{bad", json.dumps({"id": 2})]
    out = cli("extract", "--format", "jsonl", stdin="\n".join(lines).encode()).stdout.decode().splitlines()
    assert len(out) == 3
    for line in out:
        data = json.loads(line)
        data.pop("meta", None)
        (ErrorLine if "error" in data else Report).model_validate(data)


# ---- hostile batches: one bad line never costs the batch (issue 15) ----

_GOOD = json.dumps({"id": "g", "text": "Tin một\n(01/02/2020)\nÔng Nguyễn Văn Hùng, Chủ tịch UBND tỉnh, phát biểu."},
                   ensure_ascii=False).encode()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_surrogates_and_deep_nesting_are_error_lines(jobs):
    lines = [b'{"id":"a","text":"\\ud800"}', b"[" * 5000, _GOOD, b'{"id": "n", "text": "x\\udc00y"}']
    r = cli("extract", "--format", "jsonl", "--jobs", jobs, "--input-format", "jsonl", stdin=b"\n".join(lines))
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "g", "n"]
    assert "lone surrogate" in out[0]["error"] and "nested too deep" in out[1]["error"]
    assert "error" not in out[2] and out[2]["people"]
    assert r.returncode == 3 and b"Traceback" not in r.stderr
    r = cli("extract", "--format", "jsonl", "--errors", "replace", stdin=lines[0])
    assert json.loads(r.stdout)["title"] == "\ufffd" and r.returncode == 0


@pytest.mark.parametrize("where", ["stdin", "noext", "jsonl"])
def test_byte_order_mark_before_jsonl(where, tmp_path):
    data = b"\xef\xbb\xbf" + _GOOD + b"\n" + _GOOD.replace(b'"g"', b'"h"') + b"\n"
    if where == "stdin":
        r = cli("extract", "--format", "jsonl", stdin=data)
    else:
        p = tmp_path / ("docs" if where == "noext" else "docs.jsonl")
        p.write_bytes(data)
        r = cli("extract", "--format", "jsonl", str(p))
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["g", "h"] and not any("error" in o for o in out)
    assert r.returncode == 0


def test_jsonl_with_a_first_line_longer_than_the_head_is_jsonl():
    long = json.dumps({"id": "L", "text": "Nội dung dài. " * 8000}, ensure_ascii=False).encode()
    r = cli("extract", "--format", "jsonl", stdin=long + b"\n" + _GOOD)
    assert [json.loads(l)["id"] for l in r.stdout.decode().splitlines()] == ["L", "g"]


def test_ids_stay_what_the_user_gave():
    ids = [7, 1.5, True, {"a": 1}, [1, "x"], "chuỗi", None]
    lines = [json.dumps({"id": i, "text": "Tin"}, ensure_ascii=False) for i in ids]
    lines += ['{"id": NaN, "text": "Tin"}', '{"id": Infinity, "text": "Tin"}', '{"id": 1e400, "text": "Tin"}',
              '{"id": "m", "text": "Tin", "n": -1e999}']
    r = cli("extract", "--format", "jsonl", stdin="\n".join(lines).encode())
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]  # every line strict JSON
    assert [o["id"] for o in out] == ["7", "1.5", "true", '{"a": 1}', '[1, "x"]', "chuỗi", None, None, None, None, "m"]
    assert "NaN" in out[7]["error"] and "Infinity" in out[8]["error"] and "Infinity" in out[9]["error"]
    assert "too large" in out[10]["error"]
    def strict(name):
        raise AssertionError(f"{name} written")

    for line in r.stdout.decode().splitlines():
        json.loads(line, parse_constant=strict)
    assert r.returncode == 4


def test_metadata_keys_come_through_under_meta():
    line = {"id": "m1", "text": "Tin\n(01/02/2020)\nNội dung.", "source": "daksong", "url": "http://x/1",
            "mine": {"batch": 3, "tags": ["a", "b"]}}
    for fmt in ("jsonl", "json"):
        r = cli("extract", "--format", fmt, stdin=(json.dumps(line, ensure_ascii=False) + "\n{bad").encode())
        out = [json.loads(l) for l in r.stdout.decode().splitlines()] if fmt == "jsonl" else json.loads(r.stdout)
        assert out[0]["meta"] == {"source": "daksong", "url": "http://x/1", "mine": {"batch": 3, "tags": ["a", "b"]}}
        assert out[0]["published"] == "2020-02-01" and "meta" not in out[1]
    plain = cli("extract", "--format", "jsonl", stdin=json.dumps({"id": "p", "text": "Tin"}).encode()).stdout
    assert "meta" not in json.loads(plain)


def test_json_output_streams_its_array():
    """--format json writes each report as it comes (an array for several, one object for one):
    the writer holds at most one report."""
    import io

    from gov_report_nlp.cli import _Output
    from gov_report_nlp.records import ErrorLine

    buf = io.StringIO()
    out = _Output("json", None, buf)
    for i in range(4):
        out.write(ErrorLine(id=str(i), error="x"))
        if i >= 1:
            assert buf.getvalue().count('"error"') == i + 1  # written, not held
    out.close()
    assert [o["id"] for o in json.loads(buf.getvalue())] == ["0", "1", "2", "3"]
    one = io.StringIO()
    o1 = _Output("json", None, one)
    o1.write(ErrorLine(id="a", error="x"))
    o1.close()
    assert json.loads(one.getvalue()) == {"id": "a", "error": "x"}


# ---- the CLI exits cleanly: one line on stderr, a non-zero exit ----

def _clean_failure(r, needle: bytes, code: int | None = None):
    assert r.returncode != 0 and (code is None or r.returncode == code), (r.returncode, r.stderr)
    assert b"Traceback" not in r.stderr and needle in r.stderr, r.stderr
    assert len(r.stderr.decode().strip().splitlines()) == 1, r.stderr


def test_closed_stdin_is_a_clear_error():
    r = subprocess.run([sys.executable, "-m", "gov_report_nlp", "extract"], stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=120)
    assert r.returncode == 0  # an empty stdin is an empty document
    r = subprocess.run(f"{sys.executable} -m gov_report_nlp extract <&-", shell=True, capture_output=True, timeout=120)
    _clean_failure(r, b"standard input is closed")


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="no /dev/full")
def test_full_disk_is_a_clear_error():
    r = subprocess.run(f"echo Tin | {sys.executable} -m gov_report_nlp extract > /dev/full", shell=True,
                       capture_output=True, timeout=120)
    _clean_failure(r, b"No space left on device", 1)


def test_lexicon_entries_that_would_hang_or_fill_memory_are_refused(tmp_path):
    import os

    fifo, loop, zero = tmp_path / "fifo", tmp_path / "loop", tmp_path / "zero"
    for d in (fifo, loop, zero):
        d.mkdir()
    os.mkfifo(fifo / "places.txt")
    (loop / "a.txt").symlink_to(loop / "b.txt")
    (loop / "b.txt").symlink_to(loop / "a.txt")
    (zero / "places.txt").symlink_to("/dev/zero")
    for d, needle in ((fifo, b"not a regular file"), (loop, b"symbolic links"), (zero, b"not a regular file")):
        r = cli("extract", "--lexicon", str(d), stdin=b"Tin")
        _clean_failure(r, needle, 2)


def test_input_symlink_loop_and_device_are_clear_errors(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    _clean_failure(cli("extract", str(tmp_path / "a")), b"symbolic links", 1)
    (tmp_path / "z.txt").symlink_to("/dev/zero")
    _clean_failure(cli("extract", "--max-bytes", "1M", str(tmp_path / "z.txt")), b"over the limit", 1)


def test_sigterm_ends_the_workers_too(tmp_path):
    import os
    import signal
    import time

    line = json.dumps({"id": "x", "text": ("Ông Nguyễn Văn Hùng, Chủ tịch UBND tỉnh, dự hội nghị. " * 400)},
                      ensure_ascii=False)
    p = tmp_path / "many.jsonl"
    p.write_text("\n".join([line] * 400), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "gov_report_nlp", "extract", "--jobs", "2", "--format", "jsonl", str(p)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        children: list[int] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(children) < 2:
            time.sleep(0.2)
            try:
                children = [int(c) for c in open(f"/proc/{proc.pid}/task/{proc.pid}/children").read().split()]
            except OSError:
                pytest.skip("no /proc children list here")
        assert len(children) >= 2, "the workers did not start"
        time.sleep(1.0)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 143
        time.sleep(0.5)
        alive = [c for c in children if os.path.exists(f"/proc/{c}") and
                 open(f"/proc/{c}/stat").read().split()[2] != "Z"]
        assert alive == [], f"workers left running: {alive}"
        assert b"Traceback" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_sigterm_last_resort_ends_a_stuck_run_and_its_workers():
    # the way out after SIGTERM that does not depend on the orderly one: a main thread stuck on
    # a lock for ever, a worker process running, both ended with 143 once the grace is over
    import os
    import time

    code = ("import multiprocessing, threading, time\n"
            "from gov_report_nlp.cli import _exit_after\n"
            "worker = multiprocessing.Process(target=time.sleep, args=(600,))\n"
            "worker.start()\n"
            "print(worker.pid, flush=True)\n"
            "_exit_after(0.5)\n"
            "lock = threading.Lock()\n"
            "lock.acquire()\n"
            "lock.acquire()\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        worker = int(proc.stdout.readline())
        assert proc.wait(timeout=60) == 143
        time.sleep(0.5)
        alive = os.path.exists(f"/proc/{worker}") and open(f"/proc/{worker}/stat").read().split()[2] != "Z"
        assert not alive, "the worker was left running"
        assert b"Traceback" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_progress_bar_when_asked_and_silence_with_quiet():
    data = "\n".join(json.dumps({"id": str(i), "text": "Tin\n(01/02/2020)\nNội dung."}) for i in range(3)).encode()
    plain = cli("extract", "--format", "jsonl", stdin=data)
    assert plain.stderr == b""  # stderr is not a terminal: no bar
    forced = cli("extract", "--format", "jsonl", "--progress", stdin=data)
    assert b"3doc" in forced.stderr.replace(b" ", b"") or b"3/" in forced.stderr or b"3 doc" in forced.stderr
    quiet = cli("extract", "--format", "jsonl", "--progress", "--quiet", stdin=data + b"\n{bad")
    assert quiet.stderr.decode().strip().splitlines() == ["gov-report-nlp: <stdin>:4: not JSON: Expecting property "
                                                          "name enclosed in double quotes at column 2"]


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


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_rendered_in_a_worker_writes_what_dump_writes(fmt):
    """`extract --jobs N` has each worker write a report's JSON (cli.render) and adds the
    line's other keys ("meta") here: byte for byte what _dump writes from the Report, with any
    meta, and with lone surrogates in the report or in the meta (the whole line escaped)."""
    from gov_report_nlp import extract
    from gov_report_nlp.cli import _dump, _dump_rendered, render

    texts = ["Hội nghị lần thứ 5 do đồng chí Trần Văn Khải, Bí thư Huyện ủy chủ trì tại huyện Tân Phước, "
             "tỉnh Tiền Giang; 95,5% đạt chỉ tiêu.", "", "Tin \udc00 một", "x" * 50]
    metas = [None, {}, {"src": "x"}, {"a": {"b": [1, 2.5, {"c": "Hà Nội"}], "d": [], "e": {}}, "n": 10**20},
             {"s": "\ud800x"}, {"q": "ồ\n\t\"q\"", "nested": [[], [{}], -0.0, 1e300]}]
    for text in texts:
        rep = extract(text, id="d\ud83d" if not text else "d")
        r = render(fmt, None, rep)
        for meta in metas:
            assert _dump_rendered(r, fmt, meta) == _dump(rep, fmt, meta), (text, meta)


def test_own_commands_do_not_import_the_store_and_help_still_lists_it(tmp_path):
    code = ("import sys; from gov_report_nlp.cli import main; "
            "main(['extract', '--format', 'jsonl', sys.argv[1]]); "
            "assert 'gov_report_nlp.store' not in sys.modules")
    p = tmp_path / "a.txt"
    p.write_text("Tin số 1\n(05/03/2020)\nNội dung.", encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", code, str(p)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    for argv in (["-h"], ["-h", "extract"]):
        r = subprocess.run([sys.executable, "-m", "gov_report_nlp", *argv], capture_output=True, text=True, timeout=120)
        assert "index" in r.stdout and "query" in r.stdout
