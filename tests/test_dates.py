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
