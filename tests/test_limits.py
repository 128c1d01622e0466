"""Bounded work on machine-made texts: at most MAX_RECORDS records of a kind, said in a warning."""
from __future__ import annotations

from gov_report_nlp import budget, extract

TEXT = "Kết quả năm 2023: " + "; ".join(f"xã {i} đạt {i + 10} ha" for i in range(40)) + "."


def test_records_of_a_kind_are_capped_with_a_warning(monkeypatch):
    full = extract(TEXT)
    assert len(full.targets) == 40 and not any("more than" in w for w in full.warnings)
    monkeypatch.setattr(budget, "MAX_RECORDS", 25)
    capped = extract(TEXT)
    assert [t.model_dump() for t in capped.targets] == [t.model_dump() for t in full.targets[:25]]
    assert "targets: more than 25 records; the rest were not extracted" in capped.warnings
    assert capped.people == full.people and capped.terms == full.terms  # other kinds untouched
