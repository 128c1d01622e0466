"""Tables of indicators: a DOCX report written here, one target per indicator and value column."""
from __future__ import annotations

import pytest
from conftest import check_records, optional, whole

from gov_report_nlp import extract, make_document
from gov_report_nlp.extractors.indicators import find_table_targets
from gov_report_nlp import extract_file
from gov_report_nlp.records import Target

HEADER = ["STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch năm 2027", "Thực hiện năm 2027", "Tỷ lệ % so KH"]
ROWS = [["1", "Tổng thu ngân sách trên địa bàn", "tỷ đồng", "150", "162,5", "108,3"],
        ["2", "Tỷ lệ hộ nghèo", "%", "2,5", "2,1", ""],
        ["3", "b) Số xã đạt chuẩn nông thôn mới", "xã", "5", "5", "100"]]


def target(indicator, value, unit, relation, text=None):
    """The whole record a case expects (fields not given here at their defaults)."""
    return whole(Target(indicator=indicator, value=value, unit=unit, relation=relation,
                        text=text or str(value).replace(".", ",")))


EXPECTED = [
    target("Tổng thu ngân sách trên địa bàn", 150.0, "tỷ đồng", "kế hoạch", "150"),
    target("Tổng thu ngân sách trên địa bàn", 162.5, "tỷ đồng", "thực hiện"),
    target("Tổng thu ngân sách trên địa bàn", 108.3, "%", "so với kế hoạch"),
    target("Tỷ lệ hộ nghèo", 2.5, "%", "kế hoạch"),
    target("Tỷ lệ hộ nghèo", 2.1, "%", "thực hiện"),
    target("Số xã đạt chuẩn nông thôn mới", 5.0, "xã", "kế hoạch", "5"),
    target("Số xã đạt chuẩn nông thôn mới", 5.0, "xã", "thực hiện", "5"),
    target("Số xã đạt chuẩn nông thôn mới", 100.0, "%", "so với kế hoạch", "100"),
]


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory):
    docx = optional("docx")
    d = docx.Document()
    d.add_paragraph("Báo cáo kết quả thực hiện các chỉ tiêu kinh tế - xã hội năm 2027")
    d.add_paragraph("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU")
    t = d.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for r, row in enumerate([HEADER] + ROWS):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    d.add_paragraph("II. NHIỆM VỤ NĂM 2028")
    t = d.add_table(rows=2, cols=3)
    for (r, c), v in {(0, 0): "STT", (0, 1): "Văn bản", (0, 2): "Ghi chú",
                      (1, 0): "1", (1, 1): "Kế hoạch số 15/KH-UBND", (1, 2): "150 bản"}.items():
        t.cell(r, c).text = v
    path = tmp_path_factory.mktemp("indicators") / "bao-cao-chi-tieu.docx"
    d.save(str(path))
    return path


def test_docx_table_gives_a_target_per_indicator_and_column(report_docx):
    report = extract_file(report_docx)
    assert report.input_format == "docx"
    doc = make_document(_text(report_docx))
    check_records(doc, list(find_table_targets(doc)), EXPECTED)
    table = [t for t in report.targets if t.relation in ("kế hoạch", "thực hiện", "so với kế hoạch")]
    assert [(t.indicator, t.value, t.relation) for t in table] == [(e["indicator"], e["value"], e["relation"])
                                                                   for e in EXPECTED]
    assert all(t.section == "I" for t in table)  # the table sits in part I of the outline
    row = [l for l in _text(report_docx).splitlines() if l.strip()][3]  # paragraphs are apart by a blank line
    assert not any(t.evidence.text in ("1", "tỷ đồng") for t in report.targets)
    assert row.startswith("1 | Tổng thu ngân sách")


def _text(path) -> str:
    from gov_report_nlp.io.files import read_file

    return read_file(path).text


@pytest.mark.parametrize("text", [
    "STT | Văn bản | Ghi chú\n1 | Kế hoạch số 15/KH-UBND | 150 bản",  # no indicator column
    "Chỉ tiêu | Đơn vị | Ghi chú\nThu ngân sách | tỷ đồng | 150",  # no value column
    "Chỉ tiêu | Đơn vị | Kế hoạch\n\nThu ngân sách | tỷ đồng | 150",  # the table ended before the row
    "Chỉ tiêu | Đơn vị | Kế hoạch\nThu ngân sách | tỷ đồng | chưa giao",  # no figure
], ids=["no indicator column", "no value column", "table ended", "no figure"])
def test_tables_that_give_no_targets(text):
    assert list(find_table_targets(make_document(text))) == []


def test_a_text_table_of_indicators():  # the same rows from any input that writes cells with " | "
    text = "Chỉ tiêu | ĐVT | KH | TH | TH/KH (%)\na) Sản lượng lương thực | tấn | 45.000 | 46.200 | 102,7"
    report = extract(text)
    assert [(t.indicator, t.value, t.unit, t.relation) for t in report.targets] == [
        ("Sản lượng lương thực", 45000.0, "tấn", "kế hoạch"), ("Sản lượng lương thực", 46200.0, "tấn", "thực hiện"),
        ("Sản lượng lương thực", 102.7, "%", "so với kế hoạch")]


def test_two_header_rows():  # "Năm 2027" over "KH | TH | % so KH", a merged cell
    text = ("TT | Chỉ tiêu | ĐVT | Năm 2027 | Năm 2027 | Năm 2027\n"
            " |  |  | KH | TH | % so KH\n"
            "1 | Giá trị sản xuất công nghiệp | tỷ đồng | 1.200 | 1.254,6 | 104,5")
    got = [(t.indicator, t.value, t.unit, t.relation) for t in find_table_targets(make_document(text))]
    assert got == [("Giá trị sản xuất công nghiệp", 1200.0, "tỷ đồng", "kế hoạch"),
                   ("Giá trị sản xuất công nghiệp", 1254.6, "tỷ đồng", "thực hiện"),
                   ("Giá trị sản xuất công nghiệp", 104.5, "%", "so với kế hoạch")]


def test_a_plan_column_named_chỉ_tiêu():
    text = "Nội dung | Đơn vị tính | Chỉ tiêu | Thực hiện\nTrồng rừng mới | ha | 500 | 520"
    got = [(t.indicator, t.value, t.unit, t.relation) for t in find_table_targets(make_document(text))]
    assert got == [("Trồng rừng mới", 500.0, "ha", "chỉ tiêu"), ("Trồng rừng mới", 520.0, "ha", "thực hiện")]
