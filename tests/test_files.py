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
from gov_report_nlp import extract_file
from gov_report_nlp.io.files import read_file, sniff_file
from gov_report_nlp.doc.make import make_document
from gov_report_nlp.io.pagetext import clean_pages, repair_breaks, split_columns

FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
         Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
         Path("/usr/share/fonts/TTF/DejaVuSans.ttf")]
FONT = next((f for f in FONTS if f.is_file()), None)


def new_pdf(size: int):
    """An fpdf2 document with a Vietnamese-capable font of `size` set; skips the test when fpdf2,
    pypdf or the font is missing (the tests write their own PDFs and read them with pypdf)."""
    fpdf = optional("fpdf", reason="fpdf2 writes the test PDFs (the 'test' extra)")
    optional("pypdf")
    if FONT is None:
        pytest.skip("no DejaVuSans.ttf on this machine: no Vietnamese-capable font to write a PDF with")
    pdf = fpdf.FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=size)
    return pdf

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
    pdf = new_pdf(11)
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
    assert ft.text.split("\n\n") == [  # a blank line between blocks: a paragraph, a table
        "Ngày 15/3/2021, UBND tỉnh trao Bằng khen cho 03 tập thể và 05 cá nhân.",
        "STT | Văn bản | Ghi chú\n1 | Quyết định số 12/QĐ-UBND ngày 5/3/2021 | đã ban hành",
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


# ---- the formal header and signature block: two columns -----------------------------------

def _docx_table(d, rows):
    """A table whose cells hold the given lines, one paragraph each."""
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, cells in enumerate(rows):
        for c, lines in enumerate(cells):
            cell = t.cell(r, c)
            cell.text = lines[0] if lines else ""
            for line in lines[1:]:
                cell.add_paragraph(line)
    return t


STATE_HEADER = [[["ỦY BAN NHÂN DÂN", "HUYỆN CƯ JÚT"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
                [["Số: 88/BC-UBND"], ["Cư Jút, ngày 14 tháng 9 năm 2023"]]]
PARTY_HEADER = [[["ĐẢNG BỘ TỈNH ĐẮK NÔNG", "HUYỆN ỦY KRÔNG NÔ", "*"], ["ĐẢNG CỘNG SẢN VIỆT NAM"]],
                [["Số 21-BC/HU"], ["Krông Nô, ngày 02 tháng 10 năm 2023"]]]
SIGNATURE = [[["Nơi nhận:", "- Thường trực Huyện ủy;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Minh Khoa"]]]


@pytest.fixture(scope="module")
def formal_docx(tmp_path_factory):
    docx = optional("docx")
    out = {}
    for layout, header, authority in (("state", STATE_HEADER, "ỦY BAN NHÂN DÂN HUYỆN CƯ JÚT"),
                                      ("party", PARTY_HEADER, "ĐẢNG BỘ TỈNH ĐẮK NÔNG HUYỆN ỦY KRÔNG NÔ")):
        d = docx.Document()
        _docx_table(d, header)
        d.add_paragraph("BÁO CÁO")
        d.add_paragraph("Kết quả thực hiện nhiệm vụ 9 tháng năm 2023")
        d.add_paragraph("Trong 9 tháng, tổng thu ngân sách trên địa bàn đạt 97 tỷ đồng.")
        _docx_table(d, [[["Chỉ tiêu"], ["Kế hoạch"], ["Thực hiện"]],
                        [["Thu ngân sách"], ["150 tỷ đồng"], ["98 tỷ đồng"]],
                        [["Diện tích cây cà phê năm 2023"], ["12.000 ha"], ["12.400 ha"]]])
        _docx_table(d, SIGNATURE)
        path = tmp_path_factory.mktemp("formal") / f"{layout}.docx"
        d.save(str(path))
        out[layout] = (path, authority)
    return out


@pytest.mark.parametrize("layout", ["state", "party"])
def test_docx_header_table_is_read_as_two_columns(formal_docx, layout):
    path, authority = formal_docx[layout]
    rep = extract_file(path)
    place, date = ("Cư Jút", "2023-09-14") if layout == "state" else ("Krông Nô", "2023-10-02")
    number = "88/BC-UBND" if layout == "state" else "21-BC/HU"
    doc = rep.document
    assert (doc.kind, doc.number, doc.authority, doc.place, doc.date, doc.layout) == (
        "Báo cáo", number, authority, place, date, layout)
    assert doc.summary == "Kết quả thực hiện nhiệm vụ 9 tháng năm 2023"  # not the paragraphs below
    assert rep.published == date
    assert [(s.name, s.titles) for s in doc.signers] == [("Trần Minh Khoa", ["Chủ tịch"])]
    _grounded(rep, read_file(path).text)


def test_docx_table_cells_never_leak_into_an_indicator(formal_docx):
    rep = extract_file(formal_docx["state"][0])
    assert not [t.indicator for t in rep.targets if t.indicator and "|" in t.indicator]
    rows = {(t.value, t.unit): t.indicator for t in rep.targets}
    assert rows[(97, "tỷ đồng")] == "tổng thu ngân sách trên địa bàn"
    # a figure alone in its cell: the row's first cell says what it measures
    assert rows[(150, "tỷ đồng")] == rows[(98, "tỷ đồng")] == "Thu ngân sách"
    assert rows[(12000, "ha")] == rows[(12400, "ha")] == "Diện tích cây cà phê năm 2023"


def test_docx_data_table_with_a_date_stays_rows(tmp_path):
    docx = optional("docx")
    d = docx.Document()
    _docx_table(d, [[["STT"], ["Văn bản"], ["Ngày"]], [["1"], ["Kế hoạch số 5/KH-UBND"], ["Hà Nội, ngày 3 tháng 2 năm 2023"]]])
    p = tmp_path / "t.docx"
    d.save(str(p))
    assert read_file(p).text == "STT | Văn bản | Ngày\n1 | Kế hoạch số 5/KH-UBND | Hà Nội, ngày 3 tháng 2 năm 2023"


def _formal_pdf(path, rows, signature):
    pdf = new_pdf(10)
    pdf.add_page()
    for left, right in rows:  # two columns on one row: a text extractor merges them
        pdf.cell(80, 6, left, align="C")
        pdf.cell(100, 6, right, align="C", new_x="LMARGIN", new_y="NEXT")
    for line in ["Kính gửi: Các phòng, ban chuyên môn huyện",
                 "Thực hiện Kế hoạch số 12/KH-UBND ngày 5/3/2024 của UBND tỉnh, đề nghị các đơn vị báo cáo kết quả."]:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    for left, right in signature:
        pdf.cell(80, 6, left)
        pdf.cell(100, 6, right, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


PDF_SIGNATURE = [("Nơi nhận:", "TM. BAN THƯỜNG VỤ"), ("- Như trên;", "PHÓ BÍ THƯ"), ("- Lưu: VT.", ""), ("", "Hoàng Thị Mai")]


def test_pdf_number_and_place_date_on_one_line(tmp_path):
    rows = [("TỈNH ỦY ĐẮK NÔNG", "ĐẢNG CỘNG SẢN VIỆT NAM"), ("*", ""),
            ("Số 15-NQ/TU", "Gia Nghĩa, ngày 12 tháng 3 năm 2024"),
            ("V/v tổ chức hội nghị", ""), ("sơ kết công tác quý I", "")]
    path = _formal_pdf(tmp_path / "party.pdf", rows, PDF_SIGNATURE)
    assert "Số 15-NQ/TU Gia Nghĩa, ngày 12 tháng 3 năm 2024" in _raw_pdf_text(path)  # one line, as the issue saw it
    rep = extract_file(path)
    doc = rep.document
    assert (doc.kind, doc.number, doc.authority, doc.place, doc.date, doc.layout) == (
        "Công văn", "15-NQ/TU", "TỈNH ỦY ĐẮK NÔNG", "Gia Nghĩa", "2024-03-12", "party")
    assert doc.summary == "V/v tổ chức hội nghị sơ kết công tác quý I"
    assert [(s.name, s.titles) for s in doc.signers] == [("Hoàng Thị Mai", ["Phó Bí thư"])]
    assert ("Hoàng Thị Mai", ["Phó Bí thư"]) in [(p.name, p.titles) for p in rep.people]
    _grounded(rep, read_file(path).text)


def test_pdf_summary_before_the_motto(tmp_path):
    rows = [("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), ("HUYỆN ĐẮK MIL", "Độc lập - Tự do - Hạnh phúc"),
            ("Số: 174/UBND-VP", ""), ("V/v triển khai thực hiện", "Đắk Mil, ngày 30 tháng 8 năm 2023"),
            ("chương trình chuyển đổi số", "")]
    signature = [("Nơi nhận:", "KT. CHỦ TỊCH"), ("- Như trên;", "PHÓ CHỦ TỊCH"), ("- Lưu: VT.", ""), ("", "Nguyễn Văn Bình")]
    path = _formal_pdf(tmp_path / "state.pdf", rows, signature)
    rep = extract_file(path)
    doc = rep.document
    assert (doc.kind, doc.number, doc.authority, doc.place, doc.date) == (
        "Công văn", "174/UBND-VP", "ỦY BAN NHÂN DÂN HUYỆN ĐẮK MIL", "Đắk Mil", "2023-08-30")
    assert doc.summary == rep.title == "V/v triển khai thực hiện chương trình chuyển đổi số"
    assert [(s.name, s.titles) for s in doc.signers] == [("Nguyễn Văn Bình", ["Phó Chủ tịch"])]
    _grounded(rep, read_file(path).text)


def _raw_pdf_text(path) -> str:
    import pypdf

    return pypdf.PdfReader(str(path)).pages[0].extract_text()


@pytest.mark.parametrize("text,expected", [
    # merged rows of a header: left column, then right column
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN A Độc lập - Tự do - Hạnh phúc\n"
     "Số: 1/BC-UBND A Lưới, ngày 2 tháng 3 năm 2024\nBÁO CÁO",
     "ỦY BAN NHÂN DÂN\nHUYỆN A\nSố: 1/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "A Lưới, ngày 2 tháng 3 năm 2024\nBÁO CÁO"),
    # a place of several words with a hyphen; "Thành phố" before a name
    ("Số: 7/TB-UBND Bà Rịa - Vũng Tàu, ngày 1 tháng 2 năm 2024\nĐộc lập - Tự do - Hạnh phúc",
     "Số: 7/TB-UBND\nBà Rịa - Vũng Tàu, ngày 1 tháng 2 năm 2024\nĐộc lập - Tự do - Hạnh phúc"),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 9/UBND Thành phố Hồ Chí Minh, ngày 1 tháng 2 năm 2024\nX",
     "Số: 9/UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nThành phố Hồ Chí Minh, ngày 1 tháng 2 năm 2024\nX"),
    # the signature block: recipients, then the signature
    ("ĐẢNG CỘNG SẢN VIỆT NAM\nĐoạn cuối.\nNơi nhận: KT. GIÁM ĐỐC\n- Như trên; PHÓ GIÁM ĐỐC\n- Lưu: VT. Lê Văn Tám",
     "ĐẢNG CỘNG SẢN VIỆT NAM\nĐoạn cuối.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Văn Tám"),
])
def test_split_columns(text, expected):
    assert split_columns(text) == expected


@pytest.mark.parametrize("text", [
    # a header already in one column, a news item, recipients without a merged signature
    "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\nSố: 45/BC-UBND\nKhánh Hòa, ngày 10 tháng 3 năm 2021\nBÁO CÁO",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 1 tháng 2 năm 2024",
    "Hội nghị tổng kết\nSáng 5/3, tại Hà Nội, ngày 5 tháng 3 năm 2024 diễn ra hội nghị.",
    "Tin tức\nLễ kỷ niệm tại Hà Nội, ngày 5 tháng 3 năm 2024\nĐộc lập - Tự do - Hạnh phúc là khát vọng.",
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A",
    "Độc lập - Tự do - Hạnh phúc\nNơi nhận:\n- UBND tỉnh Đắk Nông;\n- Lưu: VT, TH.",
    "Văn bản không có quốc hiệu.\nNơi nhận: KT. GIÁM ĐỐC\n- Như trên; PHÓ GIÁM ĐỐC",
])
def test_split_columns_leaves_one_column_alone(text):
    assert split_columns(text) == text


def test_docx_header_table_with_a_spacer_column(tmp_path):
    docx = optional("docx")
    d = docx.Document()
    _docx_table(d, [[["SỞ Y TẾ"], [], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
                    [["Số: 31/KH-SYT"], [], ["Đắk Nông, ngày 5 tháng 1 năm 2024"]],
                    [[], [], []]])
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Phòng, chống dịch bệnh mùa đông xuân")
    p = tmp_path / "kh.docx"
    d.save(str(p))
    assert read_file(p).text.split("\n\n")[0] == ("SỞ Y TẾ\nSố: 31/KH-SYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                                                  "Độc lập - Tự do - Hạnh phúc\nĐắk Nông, ngày 5 tháng 1 năm 2024")
    doc = extract_file(p).document
    assert (doc.kind, doc.number, doc.authority, doc.place, doc.date) == (
        "Kế hoạch", "31/KH-SYT", "SỞ Y TẾ", "Đắk Nông", "2024-01-05")
