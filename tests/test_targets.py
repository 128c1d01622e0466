import pytest

from conftest import case_params, check_records
from gov_report_nlp.extractors.targets import find_targets
from gov_report_nlp.doc.make import make_document


@pytest.mark.parametrize("case", case_params("targets"))
def test_targets(case):
    assert case.get("origin") in ("genre", "dev"), "every case says where it comes from"
    doc = make_document(case["text"])
    check_records(doc, list(find_targets(doc)), case["expected"])


def test_period_shape():
    """period is null or {"text", "start", "end"}, its text a span of the document."""
    doc = make_document("Báo cáo sơ kết\n\n6 tháng đầu năm 2020, toàn huyện kết nạp 85 đảng viên, tăng 4% so với cùng kỳ năm 2019.")
    got = list(find_targets(doc))
    assert [t.period for t in got] == [{"text": "6 tháng đầu năm 2020", "start": "2020-01", "end": "2020-06"}] * 2
    assert all(t.period["text"] in doc.text for t in got)


def test_cases_cover_both_origins_and_negatives():
    cases = [c for c in case_params("targets")]
    origins = {(p.values[0]["origin"], bool(p.values[0]["expected"])) for p in cases}
    assert origins == {("genre", True), ("genre", False), ("dev", True), ("dev", False)}
