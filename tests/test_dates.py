import pytest

from conftest import case_params
from gov_report_nlp.dates import find_dates, find_time


@pytest.mark.parametrize("case", case_params("dates"))
def test_dates(case):
    text = case["text"]
    found = find_dates(text, default_year=case.get("default_year", 2020))
    assert [[d.iso(), d.part_of_day] for d in found] == case["want"]
    for d in found:
        assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("case", case_params("times"))
def test_times(case):
    t = find_time(case["text"])
    assert (list(t[:2]) if t else None) == case["want"]
