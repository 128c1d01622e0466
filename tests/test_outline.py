"""Outlines, table-driven (tests/cases/outline.yaml): every section in order with its number,
heading, level and path, and every span checked; every record's section; the dev gold."""
from __future__ import annotations

import pytest
from conftest import case_params, dev_docs, dev_gold, needs_dev

from gov_report_nlp import make_document
from gov_report_nlp.doc.outline import find_outline
from gov_report_nlp.pipeline import run

CLOSING = {"recipients", "signer_prefix", "signer_title", "signer_name", "signature"}


def check_spans(doc, outline) -> None:
    """Each span starts at its marker line and ends, trimmed, where the next section at the same
    or an outer level starts, or where the closing parts (signature, Nơi nhận) or the text end."""
    text = doc.text
    closing = sorted(s.start for s in doc.segments if s.kind in CLOSING)
    for k, sec in enumerate(outline):
        assert sec.start == 0 or text[sec.start - 1] == "\n", sec
        bound = next((s.start for s in outline[k + 1:] if s.level <= sec.level), len(text))
        bound = min([bound] + [c for c in closing if c > sec.start])
        assert sec.end == len(text[:bound].rstrip()), (sec, text[sec.end:bound])
        assert sec.start < sec.end


@pytest.mark.parametrize("case", case_params("outline"))
def test_outline(case):
    doc = make_document(case["text"])
    outline = find_outline(doc)
    got = [[s.number, s.heading, s.level, s.section, doc.text[s.start:s.end].split("\n", 1)[0].strip()]
           for s in outline]
    assert got == [[str(x) if isinstance(x, (int, float)) and i in (0, 3) else x for i, x in enumerate(item)]
                   for item in case["expected"]]
    check_spans(doc, outline)
    for number, last in (case.get("last") or {}).items():
        sec = next(s for s in outline if s.number == str(number))
        assert doc.text[sec.start:sec.end].rsplit("\n", 1)[-1].strip() == last


def test_records_know_their_section():
    text = next(c for c in case_params("outline") if c.values[0]["id"] == "report-dash-and-plus-items").values[0]["text"]
    report = run(make_document(text))
    where = {t.text: t.section for t in report.targets}
    assert where["đạt 12.500 ha"] == "I > 1" and where["đạt 120 tỷ đồng"] == "I > 1"
    assert where["đạt 130 tỷ đồng"] == "I > 3" and where["đạt 45 tỷ đồng"] == "I > 3"
    assert report.document.section is None  # the header sits in no section
    assert all(r.section is None or r.section.startswith(("I", "II")) for _, r in report.records())


def test_bad_input_gives_an_outline_or_none():
    for text in ("", "\n\n", "1.", "Điều", "“" * 500 + "1. Mục", "- " * 10_000, "I. X\n" * 3000):
        outline = find_outline(make_document(text))
        assert all(0 <= s.start < s.end <= len(text) for s in outline)


@needs_dev
def test_dev_outlines_match_the_gold():
    gold = dev_gold()
    for d in dev_docs():
        g = gold.get(d["id"], {})
        if "outline" not in g:
            continue
        doc = make_document(d["text"], id=d["id"])
        outline = [s for s in run(doc).outline if s.number not in ("-", "+")]
        assert [(s.number, s.level) for s in outline] == [(s["number"], s["level"]) for s in g["outline"]], d["id"]
        check_spans(doc, run(doc).outline)


def _case_text(case_id: str) -> str:
    return next(c for c in case_params("outline") if c.values[0]["id"] == case_id).values[0]["text"]


@pytest.mark.parametrize("block,body", [
    ("Kính gửi: Ủy ban nhân dân tỉnh", "Sở Tư pháp kính trình Ủy ban nhân dân tỉnh như sau:"),
    ("Kính gửi:\n- Ủy ban nhân dân tỉnh;\n- Sở Tài chính.", "Thực hiện Công văn số 12/UBND-KT, Sở báo cáo như sau:"),
    ("Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố; các sở, ban,\nngành của tỉnh", "Ngày 05/9/2027, Sở nhận được văn bản."),
    ("Kính gửi:\nThường trực Hội đồng nhân dân tỉnh", "Ủy ban nhân dân tỉnh báo cáo như sau:"),
    ("Kính gửi:\nỦy ban nhân dân tỉnh;\nSở Tài chính.", "Thực hiện Công văn số 12/UBND-KT, Sở báo cáo như sau:"),
], ids=["one line", "a list", "a wrapped line", "under a bare label", "a list without dashes"])
def test_kính_gửi_ends_at_the_recipients(block, body):
    text = _case_text("proposal-quoting-a-decree-and-kính-gửi")
    head = text[:text.index("Kính gửi")]
    doc = make_document(head + block + "\n" + body + "\n1. Căn cứ pháp lý\nNội dung.\n")
    recipient, = doc.segments_of("recipient")
    assert doc.text[recipient.start:recipient.end] == block
    assert any(doc.text[s.start:s.end].startswith(body) for s in doc.segments_of("paragraph"))


def test_cli_segment_prints_the_outline(tmp_path):
    import json
    import subprocess
    import sys

    path = tmp_path / "chi-thi.txt"
    path.write_text(_case_text("directive-roman-numbers-letters-skipped-level"), encoding="utf-8")
    run_cli = lambda *a: subprocess.run([sys.executable, "-m", "gov_report_nlp", "segment", *a, str(path)],  # noqa: E731
                                        capture_output=True, text=True, timeout=120)
    tree = run_cli()
    assert tree.returncode == 0, tree.stderr
    lines = tree.stdout.splitlines()
    assert lines[1].startswith("I  MỤC TIÊU, YÊU CẦU  [") and lines[2].startswith("  a) Không để xảy ra")
    assert any(ln.startswith("  1  Sở Nông nghiệp và Môi trường  [") for ln in lines)
    data = json.loads(run_cli("--format", "json").stdout)
    assert [s["number"] for s in data["outline"]] == ["I", "a", "b", "II", "1", "a", "b", "2", "III"]
    assert data["layout"] == "formal" and {"kind", "start", "end", "parent"} <= set(data["segments"][0])


# -- the HTML view: the outline as a table of contents that scrolls the text ----------------

_CLICK_LAST = """<script>
var links = document.querySelectorAll('nav.outline a[data-sec]'), a = links[links.length - 1];
a.click();
var t = document.getElementById(a.getAttribute('data-sec')), pane = t.closest('.text');
document.body.setAttribute('data-links', links.length);
document.body.setAttribute('data-pane-top', pane.scrollTop);
document.body.setAttribute('data-target-y', t.offsetTop);
document.body.setAttribute('data-pane-h', pane.clientHeight);
document.body.setAttribute('data-window-y', window.scrollY);
</script></body>"""


def _long_law() -> str:
    text = _case_text("law-chapters-articles-clauses-points")
    head, tail = text.split("Điều 4. Hiệu lực thi hành", 1)
    body = "".join(f"Điều {k}. Trách nhiệm của cơ quan số {k}\n1. Chủ trì thực hiện nhiệm vụ được giao.\n"
                   f"2. Báo cáo kết quả thực hiện hằng năm.\n" for k in range(4, 64))
    return head + body + "Điều 64. Hiệu lực thi hành" + tail


def test_html_outline_links_to_anchors():
    from gov_report_nlp import render_html

    doc = make_document(_long_law())
    report = run(doc)
    page = render_html(report, doc.text)
    numbered = [s for s in report.outline if s.number not in ("-", "+")]
    assert page.count('data-sec="') == len(numbered) > 60
    for k, sec in enumerate(report.outline):
        if sec.number not in ("-", "+"):
            assert f'<span class="anchor" id="d0-s{k}"></span>' in page
    assert "<b>Điều 64</b> Hiệu lực thi hành" in page


def test_browser_click_on_a_section_scrolls_to_it(tmp_path):
    import shutil
    import subprocess

    from test_render import Page

    from gov_report_nlp import render_html

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("chromium is not installed")
    doc = make_document(_long_law())
    page = render_html(run(doc), doc.text).replace("</body>", _CLICK_LAST)
    path = tmp_path / "law.html"
    path.write_text(page, encoding="utf-8")
    r = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", f"--user-data-dir={tmp_path / 'profile'}",
                        "--window-size=1000,700", "--dump-dom", path.as_uri()],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    body = Page(r.stdout).body
    top, y, height = (float(body[k]) for k in ("data-pane-top", "data-target-y", "data-pane-h"))
    assert int(body["data-links"]) > 60
    assert top > 0 and top <= y < top + height  # the pane scrolled, and the section is in view
    assert body["data-window-y"] == "0"  # the window did not move


@pytest.mark.parametrize("case_id,parts", [
    ("hdnd-resolution-articles-nơi-nhận",
     ["authority", "separator", "motto", "separator", "number", "dateline", "doc_type", "summary", "body",
      "recipients", "signature"]),
    ("proposal-quoting-a-decree-and-kính-gửi",
     ["authority", "number", "motto", "dateline", "doc_type", "summary", "recipient", "body", "recipients",
      "signature"]),
])
def test_formal_parts(case_id, parts):
    doc = make_document(_case_text(case_id))
    top = [s.kind for s in doc.segments if s.parent is None and s.kind != "sentence"]
    assert [k for i, k in enumerate(top) if i == 0 or top[i - 1] != k] == parts
    body, = [s for s in doc.segments if s.kind == "body"]
    assert all(body.start <= s.start and s.end <= body.end for s in find_outline(doc))
    signature, = doc.segments_of("signature")
    assert doc.text[signature.start:signature.end].split("\n")[0] in ("CHỦ TỊCH", "GIÁM ĐỐC")


@needs_dev
def test_dev_records_sit_in_the_innermost_section():
    for d in dev_docs()[:40] + [d for d in dev_docs() if "outline" in dev_gold().get(d["id"], {})]:
        report = run(make_document(d["text"], id=d["id"]))
        numbered = [s for s in report.outline if s.number not in ("-", "+")]
        for key, rec in report.records():
            if rec.evidence is None or key in ("document", "signer"):  # the header sits in no section
                continue
            holding = [s for s in numbered if s.start <= rec.evidence.start < s.end]
            want = max(holding, key=lambda s: s.level).section if holding else None
            assert rec.section == want, (d["id"], rec)


def test_section_in_json_and_csv():
    report = run(make_document(_case_text("report-dash-and-plus-items")))
    rows = report.to_rows("targets")
    assert rows and all(list(r)[-4:] == ["section", "evidence_start", "evidence_end", "evidence_text"] for r in rows)
    assert {r["section"] for r in rows} == {"I > 1", "I > 3"}
    data = report.model_dump(mode="json")
    assert {t["section"] for t in data["targets"]} == {"I > 1", "I > 3"}
    assert [s["number"] for s in data["outline"]][:3] == ["I", "1", "-"]
