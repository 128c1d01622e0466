import pytest

from conftest import case_params
from gov_report_nlp.lang.periods import find_periods


@pytest.mark.parametrize("case", case_params("periods"))
def test_periods(case):
    text = case["text"]
    found = find_periods(text, default_year=2019)
    assert [[p.text, *p.iso()] for p in found] == case["expected"]
    for p in found:
        assert text[p.start:p.end] == p.text
