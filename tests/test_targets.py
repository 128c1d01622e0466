import pytest

from conftest import case_params
from gov_report_nlp.extractors.targets import find_targets
from gov_report_nlp.doc.make import make_document


def _norm_unit(u):
    return " ".join((u or "").replace(" /", "/").replace("/ ", "/").split())


@pytest.mark.parametrize("case", case_params("targets"))
def test_targets(case):
    doc = make_document(case["text"])
    found = list(find_targets(doc))
    for t in found:
        assert doc.text[t.evidence.start:t.evidence.end] == t.evidence.text
    assert len(found) == len(case["want"]), [(t.value, t.unit) for t in found]
    for t, w in zip(found, case["want"]):
        assert t.value == pytest.approx(w["value"])
        assert _norm_unit(t.unit) == _norm_unit(w["unit"])
        for key in ("relation", "of", "value_max", "indicator"):
            if key in w:
                assert getattr(t, key) == w[key], key
