"""The JSON Schema of a report, with a description for every field.

The descriptions live in data/schema_descriptions.txt (`Model.field<TAB>description`, taken
from the annotation guideline), not on each field of records.py: they are applied when the
schema is built. tests/test_schema.py checks that every field of every model has one.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any
from pathlib import Path

from pydantic import BaseModel

from .. import records
from ..errors import GovReportError

DESCRIPTIONS = Path(__file__).parent.parent / "data" / "schema_descriptions.txt"


@lru_cache(maxsize=None)
def descriptions() -> dict[tuple[str, str], str]:
    """(model name, field name) -> description, from data/schema_descriptions.txt."""
    out: dict[tuple[str, str], str] = {}
    for n, raw in enumerate(DESCRIPTIONS.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, text = line.partition("\t")
        model, dot, field = key.partition(".")
        if not (sep and dot and model and field and text.strip()):
            raise GovReportError(f"{DESCRIPTIONS}:{n}: expected 'Model.field<TAB>description', got {raw!r}")
        out[(model, field)] = text.strip()
    return out


def models() -> list[type[BaseModel]]:
    """Every pydantic model of records.py (the records, the Report, an error line)."""
    return [c for c in vars(records).values()
            if isinstance(c, type) and issubclass(c, BaseModel) and c.__module__ == records.__name__]


def json_schema(model: type[BaseModel] = records.Report) -> dict:
    """model.model_json_schema(), each property with its description."""
    schema = model.model_json_schema()
    desc = descriptions()
    for name, node in [(model.__name__, schema), *schema.get("$defs", {}).items()]:
        for field, prop in node.get("properties", {}).items():
            text = desc.get((name, field))
            if text:
                prop["description"] = text
    return schema


META_SCHEMA = {
    "type": "object",
    "description": "JSONL input only: the input line's keys other than \"id\" and \"text\" (\"source\", \"url\", "
                   "a user's own), as given, so results can be joined back; absent when the line has none",
}


def line_schema() -> dict[str, Any]:
    """The JSON Schema of every line (jsonl) or item (json) `gov-report-nlp extract` writes:
    a Report, or an ErrorLine for an input it could not read, each with the optional "meta"."""
    defs: dict[str, Any] = {}
    for model in (records.Report, records.ErrorLine):
        schema = json_schema(model)
        defs.update(schema.pop("$defs", {}))
        schema["properties"]["meta"] = META_SCHEMA
        defs[model.__name__] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "gov-report-nlp output line",
        "description": "One line of `gov-report-nlp extract --format jsonl` (one item of --format json): "
                       "the Report of an input, or an ErrorLine for an input that could not be read or extracted.",
        "oneOf": [{"$ref": "#/$defs/Report"}, {"$ref": "#/$defs/ErrorLine"}],
        "$defs": defs,
    }
