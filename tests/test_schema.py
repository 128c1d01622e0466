"""`gov-report-nlp schema`: every field of every model carries a description from the guideline
(data/schema_descriptions.txt, applied when the schema is built)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from gov_report_nlp.out import schema
from gov_report_nlp.records import ErrorLine, Report


def test_every_field_of_every_model_has_a_description():
    desc = schema.descriptions()
    missing = [f"{m.__name__}.{f}" for m in schema.models() for f in m.model_fields if (m.__name__, f) not in desc]
    assert not missing, f"add to {schema.DESCRIPTIONS.name}: {missing}"
    known = {(m.__name__, f) for m in schema.models() for f in m.model_fields}
    assert not set(desc) - known, f"descriptions of no field: {sorted(set(desc) - known)}"


@pytest.mark.parametrize("model", [Report, ErrorLine])
def test_every_property_of_the_schema_is_described(model):
    s = schema.json_schema(model)
    nodes = [(model.__name__, s), *s.get("$defs", {}).items()]
    for name, node in nodes:
        for field, prop in node["properties"].items():
            assert prop.get("description"), f"{name}.{field}"
    if model is Report:
        assert s["properties"]["published"]["description"].startswith("When the item was published")


def test_cli_schema_carries_the_descriptions():
    for flags, report in ((["--report"], lambda s: s), ([], lambda s: s["$defs"]["Report"])):
        r = subprocess.run([sys.executable, "-m", "gov_report_nlp", "schema", *flags], capture_output=True, text=True,
                           timeout=120, env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
        assert r.returncode == 0, r.stderr
        s = json.loads(r.stdout)
        assert report(s)["title"] == "Report"
        assert report(s)["properties"]["published"]["description"]
        assert "chủ trì" in s["$defs"]["Meeting"]["properties"]["chairs"]["description"]


def test_a_bad_description_line_names_file_and_line(tmp_path, monkeypatch):
    bad = tmp_path / "d.txt"
    bad.write_text("# x\nReport.title no tab\n", encoding="utf-8")
    monkeypatch.setattr(schema, "DESCRIPTIONS", bad)
    schema.descriptions.cache_clear()
    try:
        with pytest.raises(Exception, match=r"d.txt:2: expected 'Model.field<TAB>description'"):
            schema.descriptions()
    finally:
        schema.descriptions.cache_clear()
