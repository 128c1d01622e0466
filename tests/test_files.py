"""PDF and DOCX input: files written here at test time (fpdf2 with a system TTF, python-docx),
page furniture dropped, broken numbers and syllables rejoined, clear refusals and errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import optional

from gov_report_nlp import InputError
from gov_report_nlp.files import extract_file, read_file, sniff_file
from gov_report_nlp.normalize import make_document
from gov_report_nlp.pagetext import clean_pages, repair_breaks

FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
         Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
         Path("/usr/share/fonts/TTF/DejaVuSans.ttf")]
FONT = next((f for f in FONTS if f.is_file()), None)

# three pages: a running header, a footer "Trang N/3", a number and a word cut at line ends
PAGES = {
    1: ["ỦY BAN NHÂN DÂN", "TỈNH KHÁNH HÒA", "Số: 45/BC-UBND", "Khánh Hòa, ngày 10 tháng 3 năm 2021",
        "BÁO CÁO", "Tình hình kinh tế - xã hội quý I năm 2021",
        "Thực hiện Quyết định số 12/QĐ-UBND ngày 5/3/2021 của UBND tỉnh, tổng vốn đầu tư đạt 1.234.",
        "567 triệu đồng. Công tác triển khai Quy", "ết định được các sở thực hiện"],
    2: ["nghiêm túc, đúng tiến độ.",
        "Ngày 15/3/2021, UBND tỉnh trao Bằng khen cho 03 tập thể và 05 cá nhân có thành tích xuất sắc.",
        "Tỷ lệ hộ nghèo giảm còn 2,5%."],
    3: ["Phương hướng quý II: tiếp tục triển khai các nhiệm vụ trọng tâm.", "Nơi nhận:", "- Như trên;", "- Lưu: VT."],
}
HEADER = "UBND tỉnh Khánh Hòa - Báo cáo số 45/BC-UBND"


def cli(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "gov_report_nlp", *args], input=stdin,
                          capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory) -> Path:
    fpdf = optional("fpdf", reason="fpdf2 writes the test PDFs (the 'test' extra)")
    optional("pypdf")
    if FONT is None:
        pytest.skip("no DejaVuSans.ttf on this machine: no Vietnamese-capable font to write a PDF with")
    pdf = fpdf.FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.set_auto_page_break(False)
    for n, lines in PAGES.items():
        pdf.add_page()
        pdf.cell(0, 8, HEADER, new_x="LMARGIN", new_y="NEXT")
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.cell(0, 8, f"Trang {n}/3", align="C")
    path = tmp_path_factory.mktemp("pdf") / "bao-cao.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory) -> Path:
    docx = optional("docx")
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "ĐẦU TRANG UBND"
    d.sections[0].footer.paragraphs[0].text = "CHÂN TRANG 1"
    d.add_paragraph("Ngày 15/3/2021, UBND tỉnh trao Bằng khen cho 03 tập thể và 05 cá nhân.")
    t = d.add_table(rows=2, cols=3)
    for (r, c), v in {(0, 0): "STT", (0, 1): "Văn bản", (0, 2): "Ghi chú",
                      (1, 0): "1", (1, 1): "Quyết định số 12/QĐ-UBND ngày 5/3/2021", (1, 2): "đã ban hành"}.items():
        t.cell(r, c).text = v
    d.add_paragraph("Tỷ lệ hộ nghèo giảm còn 2,5%.")
    path = tmp_path_factory.mktemp("docx") / "bao-cao.docx"
    d.save(str(path))
    return path


def _grounded(report, text: str) -> None:
    norm = make_document(text).text
    for _, r in report.records():
        if r.evidence is not None:
            assert norm[r.evidence.start:r.evidence.end] == r.evidence.text


# ---- PDF -------------------------------------------------------------------------------

def test_pdf_text_is_repaired(pdf_path):
    ft = read_file(pdf_path)
    assert ft.input_format == "pdf" and ft.pages == 3
    assert HEADER not in ft.text and "Trang" not in ft.text  # header and page numbers dropped
    assert ft.text.startswith("ỦY BAN NHÂN DÂN\n")
    assert "đạt 1.234.567 triệu đồng" in ft.text  # a number broken at a line end
    assert "triển khai Quyết định được" in ft.text  # a syllable broken at a line end
    assert ft.text.rstrip().endswith("- Lưu: VT.")


def test_pdf_facts(pdf_path):
    rep = extract_file(pdf_path)
    assert rep.input_format == "pdf" and rep.id == str(pdf_path)
    assert rep.document is not None and rep.document.number == "45/BC-UBND" and rep.document.date == "2021-03-10"
    refs = {r.number: r for r in rep.document_refs}
    assert refs["12/QĐ-UBND"].date == "2021-03-05" and refs["12/QĐ-UBND"].kind == "Quyết định"
    assert [(a.collectives, a.individuals) for a in rep.awards] == [(3, 5)]
    assert any(t.value == 1234567 and t.unit == "triệu đồng" for t in rep.targets)
    _grounded(rep, read_file(pdf_path).text)


def test_pdf_through_the_cli_by_magic_bytes(pdf_path):
    r = cli("extract", "--format", "csv", "--kind", "document_refs", stdin=pdf_path.read_bytes())
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert lines[0].startswith("id,kind,number,date") and "12/QĐ-UBND,2021-03-05" in lines[1]


def test_corrupted_pdf_is_a_clear_error(pdf_path, tmp_path):
    optional("pypdf")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match="not a readable PDF"):
        read_file(bad)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(pdf_path.read_bytes()[:400])
    r = cli("extract", str(bad), str(cut))
    assert r.returncode == 2 and b"bad.pdf: not a readable PDF" in r.stderr and b"Traceback" not in r.stderr


def test_pdf_without_the_extra_names_it(pdf_path, monkeypatch, capsys):
    from gov_report_nlp.cli import main

    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf raises ImportError
    with pytest.raises(InputError, match=r"pip install 'gov-report-nlp\[pdf\]'"):
        read_file(pdf_path)
    assert main(["extract", str(pdf_path)]) == 1
    err = capsys.readouterr().err
    assert "pip install 'gov-report-nlp[pdf]'" in err and "Traceback" not in err


# ---- DOCX ------------------------------------------------------------------------------

def test_docx_paragraphs_and_table_rows_in_order(docx_path):
    ft = read_file(docx_path)
    assert ft.input_format == "docx"
    assert ft.text.splitlines() == [
        "Ngày 15/3/2021, UBND tỉnh trao Bằng khen cho 03 tập thể và 05 cá nhân.",
        "STT | Văn bản | Ghi chú",
        "1 | Quyết định số 12/QĐ-UBND ngày 5/3/2021 | đã ban hành",
        "Tỷ lệ hộ nghèo giảm còn 2,5%.",
    ]  # header and footer skipped


def test_docx_facts_and_detection_without_extension(docx_path, tmp_path):
    rep = extract_file(docx_path)
    assert rep.input_format == "docx"
    assert [(a.collectives, a.individuals) for a in rep.awards] == [(3, 5)]
    assert [(r.number, r.date) for r in rep.document_refs] == [("12/QĐ-UBND", "2021-03-05")]
    _grounded(rep, read_file(docx_path).text)
    data = docx_path.read_bytes()
    assert sniff_file(data) == "docx" and sniff_file(data[:100]) is None
    r = cli("extract", stdin=data)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["input_format"] == "docx"


def test_segment_reads_a_docx(docx_path):
    r = cli("segment", "--format", "segments", str(docx_path))
    assert r.returncode == 0, r.stderr
    assert "STT | Văn bản | Ghi chú" in r.stdout.decode()


def test_docx_without_the_extra_names_it(docx_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(InputError, match=r"pip install 'gov-report-nlp\[docx\]'"):
        read_file(docx_path)


def test_broken_docx_is_a_clear_error(tmp_path):
    optional("docx")
    p = tmp_path / "x.docx"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a readable DOCX"):
        read_file(p)


def test_extract_file_reads_text_too(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Tiêu đề\n(05/03/2020)\nNội dung.".encode("utf-16"))
    rep = extract_file(p)
    assert rep.published == "2020-03-05" and rep.input_format == "text"
    assert rep.encoding == "utf-16"


# ---- page cleanup and repairs, without a PDF --------------------------------------------

@pytest.mark.parametrize("pages,expected", [
    # a header on every page, page numbers in three styles
    (["Báo cáo 45/BC-UBND\nMột.\n- 1 -", "Báo cáo 45/BC-UBND\nHai.\n- 2 -", "Báo cáo 45/BC-UBND\nBa.\n- 3 -"],
     "Một.\nHai.\nBa."),
    (["Một.\nTrang 1/2", "Hai.\nTrang 2/2"], "Một.\nHai."),
    (["Một.\n1", "Hai.\n2", "Ba.\n3"], "Một.\nHai.\nBa."),
    # the first page has no running header: "most pages" is enough
    (["Mở đầu.", "Sở Nội vụ\nHai.", "Sở Nội vụ\nBa."], "Mở đầu.\nHai.\nBa."),
    # not furniture: a number far from the page's own, a line on one page only, a single page
    (["Tổng số:\n2021"], "Tổng số:\n2021"),
    (["Kính gửi: Sở Nội vụ\nMột.", "Hai."], "Kính gửi: Sở Nội vụ\nMột.\nHai."),
])
def test_clean_pages(pages, expected):
    assert clean_pages(pages) == expected


@pytest.mark.parametrize("text,expected", [
    ("đạt 1.234.\n567 triệu", "đạt 1.234.567 triệu"),
    ("ngày 5/3/\n2021", "ngày 5/3/2021"),
    ("Quyết định số 12/QĐ-\nUBND", "Quyết định số 12/QĐ-UBND"),
    ("triển khai Quy\nết định", "triển khai Quyết định"),
    ("Th ực hiện Quy ết định", "Thực hiện Quyết định"),
    ("phát tri-\nển", "phát triển"),
    ("Ƣu tiên phát triển đô thị loại Ƣ", "Ưu tiên phát triển đô thị loại Ư"),
])
def test_repair_breaks(text, expected):
    assert repair_breaks(text) == expected


@pytest.mark.parametrize("text", [
    "năm 2021.\n100 hộ thoát nghèo",  # a year ends a sentence, a count opens the next line
    "theo mục 1.\n2. Tăng cường",  # list items
    "Kinh tế - xã hội ổn định; Hà Nội, Đắk Lắk",  # real syllables stay apart
    "Hội nghị lần thứ\n5 của Ban Chấp hành",
])
def test_repair_breaks_leaves_whole_text_alone(text):
    assert repair_breaks(text) == text
