import pytest

from conftest import case_params
from gov_report_nlp.lang.numbers import parse_count, parse_number, parse_ordinal, roman_to_int

FNS = {"number": parse_number, "count": parse_count, "roman": roman_to_int, "ordinal": parse_ordinal}


@pytest.mark.parametrize("case", case_params("numbers"))
def test_numbers(case):
    got = FNS[case["fn"]](case["text"])
    want = case["expected"]
    assert got == (None if want is None else pytest.approx(want))
