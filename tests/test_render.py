"""The HTML view: segments of nested spans, escaping, every record highlighted, no network;
the CLI and the example; the dev corpus in headless Chromium (skipped without it)."""
from __future__ import annotations

import io
import json
import re
import shutil
import struct
import subprocess
import sys
import zlib
from html.parser import HTMLParser

import pytest
from conftest import ROOT, dev_docs, needs_dev

from gov_report_nlp import make_document, render_html, run
from gov_report_nlp.records import Evidence, Person, Place, Report
from gov_report_nlp.out.render import Highlight, record_rows, render_page, segments

EXAMPLE = ROOT / "examples" / "portal-article.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Page(HTMLParser):
    """What a test needs of a rendered page: the text shown per document and its highlights."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.docs: list[dict] = []  # {"text": str, "marks": [(recs, text)], "rows": [rec]}
        self.tags: list[tuple[str, dict]] = []
        self.body: dict = {}
        self._in_text = 0
        self._mark: list | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "body":
            self.body = a
        elif tag == "section" and "doc" in a.get("class", "").split():
            self.docs.append({"id": a.get("data-doc"), "text": "", "marks": [], "rows": []})
        elif tag == "div" and a.get("class") == "text":
            self._in_text = 1
        elif tag == "div" and self._in_text:
            self._in_text += 1
        elif tag == "mark" and self._in_text:
            self._mark = [a["data-rec"].split(), ""]
            self.docs[-1]["marks"].append(self._mark)
        elif tag == "tr" and "data-rec" in a:
            self.docs[-1]["rows"].append(a["data-rec"])

    def handle_endtag(self, tag):
        if tag == "div" and self._in_text:
            self._in_text -= 1
        elif tag == "mark":
            self._mark = None

    def handle_data(self, data):
        if self._in_text:
            self.docs[-1]["text"] += data
            if self._mark is not None:
                self._mark[1] += data


def expected_recs(report) -> set[str]:
    return {rec_id for rec_id, _, _, spans in record_rows(report) if spans}


def check_page(page: str, pairs) -> Page:
    """Every record has a highlight and a row, and the text shown is the normalized text."""
    parsed = Page(page)
    assert len(parsed.docs) == len(pairs)
    for shown, (report, text) in zip(parsed.docs, pairs):
        assert shown["text"] == text
        marked = {r for recs, _ in shown["marks"] for r in recs}
        assert marked == expected_recs(report), report.id
        assert set(shown["rows"]) == {rec_id for rec_id, *_ in record_rows(report)}
    return parsed


# (text length, spans as (start, end, rec), segments as (start, end, recs innermost first))
SEGMENT_CASES = {
    "no spans": (10, [], [(0, 10, [])]),
    "one span": (10, [(2, 5, "a")], [(0, 2, []), (2, 5, ["a"]), (5, 10, [])]),
    "nested": (10, [(0, 10, "a"), (2, 5, "b")], [(0, 2, ["a"]), (2, 5, ["b", "a"]), (5, 10, ["a"])]),
    "nested three deep": (8, [(0, 8, "a"), (1, 7, "b"), (3, 4, "c")],
                          [(0, 1, ["a"]), (1, 3, ["b", "a"]), (3, 4, ["c", "b", "a"]), (4, 7, ["b", "a"]), (7, 8, ["a"])]),
    "overlapping": (10, [(0, 6, "a"), (4, 10, "b")], [(0, 4, ["a"]), (4, 6, ["a", "b"]), (6, 10, ["b"])]),
    "same span twice": (5, [(1, 4, "b"), (1, 4, "a")], [(0, 1, []), (1, 4, ["a", "b"]), (4, 5, [])]),
    "touching": (6, [(0, 3, "a"), (3, 6, "b")], [(0, 3, ["a"]), (3, 6, ["b"])]),
    "empty span": (6, [(3, 3, "a")], [(0, 3, []), (3, 3, ["a"]), (3, 6, [])]),
    "empty span at the end": (4, [(4, 4, "a")], [(0, 4, []), (4, 4, ["a"])]),
    "empty text": (0, [], []),
}


@pytest.mark.parametrize("case", SEGMENT_CASES, ids=list(SEGMENT_CASES))
def test_segments(case):
    n, spans, expected = SEGMENT_CASES[case]
    segs = segments(n, [Highlight(s, e, rec, "people") for s, e, rec in spans])
    assert [(s.start, s.end, [h.rec for h in s.covering]) for s in segs] == expected


def _report(text: str, **spans) -> Report:
    """A report with a person or place per span: people=[(start, end)], places=[...]."""
    rep = Report(id="t")
    for s, e in spans.get("people", []):
        rep.people.append(Person(name=text[s:e], evidence=Evidence(start=s, end=e, text=text[s:e])))
    for s, e in spans.get("places", []):
        rep.places.append(Place(name=text[s:e], evidence=Evidence(start=s, end=e, text=text[s:e])))
    return rep


HOSTILE = {
    "script tag": "Ông <script>alert('x')</script> Nguyễn Văn A",
    "quotes and amp": "Bà \"Lê\" & 'Trần' <b>Thị</b> B",
    "attribute breakout": "\"><img src=x onerror=alert(1)> Hà Nội",
    "closing tags": "</mark></div></section></body> Đà Nẵng",
    "control characters": "Hà\x00Nội\x07 \ud800 Huế",
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_text_is_escaped(case):
    text = HOSTILE[case]
    rep = _report(text, people=[(0, len(text))], places=[(4, len(text) - 2)])
    rep.id = text
    rep.warnings = [text]
    page = render_html(rep, text, title=text)
    assert page.count("<script>") == 1  # ours, at the end
    assert "<img" not in page and "<b>" not in page and "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")
    parsed = check_page(page, [(rep, re.sub(r"[\x00-\x08\ud800-\udfff]", "\ufffd", text))])
    assert all(tag in ("html", "head", "meta", "title", "style", "body", "header", "h1", "div", "span", "label",
                       "input", "section", "h2", "p", "ul", "li", "mark", "h3", "table", "tr", "th", "td", "script")
               for tag, _ in parsed.tags)
    page.encode("utf-8")  # lone surrogates were replaced


def test_nested_and_overlapping_spans_render():
    text = "Chủ tịch UBND tỉnh Đắk Nông Hồ Văn Mười"
    at = text.index
    rep = _report(text, people=[(0, len(text)), (at("Hồ"), len(text))],
                  places=[(at("tỉnh"), at(" Hồ")), (at("Đắk"), at(" Mười"))])
    parsed = check_page(render_html(rep, text), [(rep, text)])
    pieces = {t: recs for recs, t in parsed.docs[0]["marks"]}
    assert pieces["Đắk Nông"] == ["places-0", "places-1", "people-0"]  # innermost (shortest) first
    assert pieces["Hồ Văn"] == ["people-1", "places-1", "people-0"]
    assert pieces[" Mười"] == ["people-1", "people-0"]


def test_empty_report():
    for text in ("", "Không có gì."):
        page = render_html(Report(), text)
        parsed = check_page(page, [(Report(), text)])
        assert parsed.docs[0]["marks"] == [] and "No records." in page


def test_evidence_outside_the_text_is_a_warning():
    rep = _report("abc", people=[(0, 3)])
    rep.places.append(Place(name="x", evidence=Evidence(start=5, end=9, text="xxxx")))
    page = render_html(rep, "abc")
    assert "places-0: evidence 5-9 is outside the text" in page
    assert 'data-rec="places-0"' in page  # its table row is still there


def test_evidence_of_another_text_is_one_warning():
    rep = _report("Hà Nội và Huế", places=[(0, 6), (10, 13)])
    page = render_html(rep, "Ha Noi va Hue")
    assert page.count("do not match") == 1 and "2 evidence spans" in page


def test_header_field_without_evidence_has_a_row():
    rep = Report(title="Tiêu đề", published="2020-01-02", evidence={"published": [Evidence(start=0, end=3, text="abc")]})
    parsed = check_page(render_html(rep, "abc"), [(rep, "abc")])
    assert parsed.docs[0]["rows"] == ["title-0", "published-0"]
    assert [m[0] for m in parsed.docs[0]["marks"]] == [["published-0"]]


def test_no_external_resources():
    text = "Xem http://example.com/a.js và <link href='https://x.y/z.css'> url(http://x)"
    page = render_html(_report(text, people=[(0, 3)]), text)
    markup = re.sub(r"<div class=\"text\">.*?</div>", "", page, flags=re.S)  # the document's own text aside
    assert not re.search(r"https?://|//[a-z]|\bsrc=|<link|@import|url\(", markup, re.I)
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', page))


def test_every_record_of_the_example_is_highlighted():
    doc = make_document(EXAMPLE.read_text(encoding="utf-8"), id="example")
    rep = run(doc)
    assert sum(1 for _ in rep.records()) > 5
    check_page(render_html(rep, doc.text), [(rep, doc.text)])


def test_cli_render_file(tmp_path):  # as a user runs it
    out = tmp_path / "page.html"
    r = subprocess.run([sys.executable, "-m", "gov_report_nlp", "render", str(EXAMPLE), "-o", str(out)],
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert len(Page(page).docs) == 1 and "<mark" in page


def render_main(monkeypatch, capsysbinary, *args, stdin: bytes = b""):
    """The CLI's render in this process (faster than a subprocess): (exit code, stdout, stderr)."""
    from gov_report_nlp.cli import main

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    rc = main(["render", *args])
    out, err = capsysbinary.readouterr()
    return rc, out, err


def test_cli_render_jsonl_with_bad_lines_to_stdout(monkeypatch, capsysbinary):
    lines = [json.dumps({"id": "a", "text": "Tin một\n(01/02/2020)\nÔng Nguyễn Văn An dự họp."}, ensure_ascii=False),
             "{not json",
             json.dumps({"id": "<b>c</b>", "text": "Tin ba\n(04/05/2021)\nTại Hà Nội."}, ensure_ascii=False)]
    rc, out, err = render_main(monkeypatch, capsysbinary, "--input-format", "jsonl", stdin="\n".join(lines).encode())
    assert rc == 1
    assert b"<stdin>:2: not JSON" in err
    page = out.decode()
    assert [d["id"] for d in Page(page).docs] == ["a", "<b>c</b>"]
    assert 'href="#doc-1"' in page and "&lt;stdin&gt;:2: not JSON" in page


@pytest.mark.parametrize("args,stdin,needle", [
    (["/nonexistent/x.txt"], b"", b"No such file"),
    (["-"], b"%PDF-1.4\n", b"PDF"),
    (["-", "--max-bytes", "10"], "Văn bản dài hơn mười byte".encode(), b"over the limit"),
    (["-"], b"\x00\x01binary", b"binary data"),
    (["-", "--input-format", "jsonl"], b"\n\n", b"no document"),
], ids=["missing", "pdf", "too large", "binary", "no lines"])
def test_cli_render_unreadable_input(monkeypatch, capsysbinary, tmp_path, args, stdin, needle):
    out = tmp_path / "page.html"
    rc, _, err = render_main(monkeypatch, capsysbinary, *args, "-o", str(out), stdin=stdin)
    assert rc == 1 and needle in err
    assert not out.exists()


def test_cli_render_unwritable_output(monkeypatch, capsysbinary):
    rc, _, err = render_main(monkeypatch, capsysbinary, str(EXAMPLE), "-o", "/nonexistent/dir/page.html")
    assert rc == 1 and b"/nonexistent/dir/page.html" in err


def test_example_script(tmp_path):
    out = tmp_path / "view.html"
    r = subprocess.run([sys.executable, str(ROOT / "examples" / "html_view.py"), str(EXAMPLE), str(out)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "records" in r.stdout and Page(out.read_text(encoding="utf-8")).docs[0]["marks"]


# -- the dev corpus in a browser -------------------------------------------------------------

# appended to the page under test: click the first highlight, then write what got selected
_CLICK = """<script>
var m = document.querySelector('mark.hl'); m.click();
document.body.setAttribute('data-clicked', m.getAttribute('data-rec'));
document.body.setAttribute('data-selected-rows', document.querySelectorAll('tr.sel').length);
document.body.setAttribute('data-window-y', window.scrollY);
</script></body>"""


@pytest.fixture(scope="module")
def dev_pairs():
    pairs = []
    for d in dev_docs():
        doc = make_document(d["text"], id=d["id"])
        pairs.append((run(doc), doc.text))
    return pairs


@pytest.fixture(scope="module")
def browser(dev_pairs, tmp_path_factory):
    """The dev corpus on one page, loaded once in headless Chromium: (page, dumped DOM, PNG bytes)."""
    if not CHROMIUM:
        pytest.skip("chromium is not installed")
    tmp = tmp_path_factory.mktemp("browser")
    page = render_page(dev_pairs)
    path = tmp / "dev.html"
    path.write_text(page.replace("</body>", _CLICK), encoding="utf-8")
    png = tmp / "dev.png"
    r = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--hide-scrollbars", f"--user-data-dir={tmp / 'profile'}",
                        "--window-size=1000,700", f"--screenshot={png}", "--dump-dom", path.as_uri()],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    return page, r.stdout, png.read_bytes()


@needs_dev
def test_dev_page_every_record_highlighted(dev_pairs):
    check_page(render_page(dev_pairs), dev_pairs)


@needs_dev
def test_browser_dom_has_every_record(browser, dev_pairs):
    _, dom, _ = browser
    parsed = check_page(dom, dev_pairs)
    marks = sum(len(d["marks"]) for d in parsed.docs)
    assert parsed.body.get("data-ready") == str(marks)  # the page's script ran over all of them
    clicked = parsed.body["data-clicked"].split()
    assert int(parsed.body["data-selected-rows"]) >= len(clicked) >= 1  # a click selects the rows
    assert parsed.body["data-window-y"] == "0"  # and scrolls their pane, not the window


def png_pixels(data: bytes) -> tuple[int, int, int, bytes]:
    """(width, height, bytes per pixel, raw pixel bytes) of an 8-bit non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, head = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        pos += 12 + length
    w, h, depth, color, _, _, interlace = head
    assert depth == 8 and interlace == 0 and color in (2, 6), head
    bpp = 3 if color == 2 else 4
    raw, stride, prev, out = zlib.decompress(b"".join(idat)), w * bpp, bytearray(w * bpp), bytearray()
    for y in range(h):
        f, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 2:
            row = bytearray((a + b) & 255 for a, b in zip(row, prev))
        elif f:
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                up, ul = prev[i], prev[i - bpp] if i >= bpp else 0
                if f == 1:
                    row[i] = (row[i] + left) & 255
                elif f == 3:
                    row[i] = (row[i] + ((left + up) >> 1)) & 255
                else:
                    p = left + up - ul
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - ul)
                    row[i] = (row[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else ul)) & 255
        out += row
        prev = row
    return w, h, bpp, bytes(out)


@needs_dev
def test_browser_screenshot_not_blank(browser):
    w, h, bpp, px = png_pixels(browser[2])
    assert (w, h) == (1000, 700)
    pixels = [px[i:i + 3] for i in range(0, len(px), bpp * 7)]  # every 7th pixel
    colors = {}
    for p in pixels:
        colors[p] = colors.get(p, 0) + 1
    assert len(colors) > 50  # text, highlights of several kinds, table lines
    assert max(colors.values()) < 0.95 * len(pixels)  # not one flat color
    highlight = {bytes.fromhex(c[1:]) for c in ("#ffd27f", "#a8d8ff", "#b9f0b4", "#9ee0c8")}
    assert highlight & set(colors)  # some highlight colors are painted
