"""Dates and clock times: the tables of whole records (dates.yaml, times.yaml)."""
from dataclasses import asdict
from types import SimpleNamespace

import pytest

from conftest import case_params, check_records
from gov_report_nlp.lang.dates import find_dates, find_time


def _date(d) -> dict:
    """A DateValue as a case writes it: every field but its span (checked against the text)."""
    return {k: v for k, v in asdict(d).items() if k not in ("start", "end")}


@pytest.mark.parametrize("case", case_params("dates"))
def test_dates(case):
    text = case["text"]
    found = find_dates(text, default_year=case.get("default_year", 2020))
    check_records(SimpleNamespace(text=text), [_date(d) for d in found], case["expected"])
    for d in found:
        assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("case", case_params("times"))
def test_times(case):
    text = case["text"]
    t = find_time(text)
    got = [{"hour": t[0], "minute": t[1], "text": text[t[2]:t[3]]}] if t else []
    check_records(SimpleNamespace(text=text), got, case["expected"])


_SCAN_TEXTS = [
    "Sáng ngày 7 – 8/8, ngày 6 tháng đầu năm, sáng tạo, 5 tháng 3 năm 2020 (12/3)",
    "Gia Nghĩa, 12 tháng 3 năm 2024\nTừ 7 đến 9/8 và mùng 10/3 âm lịch; chiều thứ Ba (12/3); 142/2024/QH15",
    ",   12 tháng 3 năm 2024; sángày 5/3/2020; 2.000.000 tỷ đồng; 19.5.2011; tháng 6 năm 2020; ngày 2 - 6/12.",
    "ſáng 5/3, İ 12/3/2020, Ngày  00-1 x, ngày (12,0–31/ 123 10",  # not lower-safe: the regex module's starts
]
_SCAN_TEXTS += [" ".join(_SCAN_TEXTS[:3]), " ".join(_SCAN_TEXTS)]  # spans of _SHORT_SPAN and more too


@pytest.mark.parametrize("text", _SCAN_TEXTS)
def test_scan_from_the_starts_equals_the_plain_scan(text):
    """dates._scan (tried only where _date_starts or _DATE_STARTS says a date can begin) finds
    what a plain DATE_PATTERNS scan finds, in every span (benchmarks/check_dates.py: more)."""
    from gov_report_nlp.lang.dates import DATE_PATTERNS, _scan

    for s in range(0, len(text), 3):
        for e in (s + 1, s + 20, s + 60, len(text)):
            e = min(e, len(text))
            want = [(m.span(), m.groupdict()) for m in DATE_PATTERNS.finditer(text, s, e)]
            assert [(m.span(), m.groupdict()) for m in _scan(text, s, e)] == want, (s, e)
