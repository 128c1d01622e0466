"""Shared test helpers: table loading, the dev corpus (read from ../shared at test time)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).parent / "cases"
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"


def load_cases(name: str) -> list[dict]:
    """The cases of tests/cases/<name>.yaml: a list of mappings, each with an 'id'."""
    data = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    cases = data["cases"] if isinstance(data, dict) else data
    for i, c in enumerate(cases):
        c.setdefault("id", f"{name}-{i}")
    return cases


def case_params(name: str):
    """pytest.param per case, marked xfail(strict=True) where the case says `xfail: reason`."""
    out = []
    for c in load_cases(name):
        marks = [pytest.mark.xfail(reason=c["xfail"], strict=True)] if c.get("xfail") else []
        out.append(pytest.param(c, id=str(c["id"]), marks=marks))
    return out


def dev_docs() -> list[dict]:
    if not (DEV / "docs.jsonl").exists():
        return []
    return [json.loads(l) for l in (DEV / "docs.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]


def dev_gold() -> dict[str, dict]:
    if not (DEV / "gold.jsonl").exists():
        return {}
    out = {}
    for l in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if l.strip():
            g = json.loads(l)
            out[g["id"]] = g
    return out


if os.environ.get("CI") == "true" and not (DEV / "docs.jsonl").exists():
    # in CI the quality gate must run: a missing corpus fails instead of skipping
    raise RuntimeError(f"CI=true but the dev corpus is missing: {DEV / 'docs.jsonl'}")
needs_dev = pytest.mark.skipif(not (DEV / "docs.jsonl").exists(), reason="../shared/corpus/dev not present")


def optional(module: str, reason: str | None = None):
    """Import an optional dependency: skip when it is not installed, fail loudly when it is
    installed but broken (a bad pair of versions must not pass as a skip)."""
    import importlib

    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as e:
        if e.name and module.split(".")[0] == e.name.split(".")[0]:
            pytest.skip(reason or f"optional dependency {module!r} is not installed", allow_module_level=True)
        pytest.fail(f"optional dependency {module!r} is installed but broken: {e!r}", pytrace=False)
    except Exception as e:  # ImportError of a symbol, a failing module body
        pytest.fail(f"optional dependency {module!r} is installed but broken: {e!r}", pytrace=False)


# -- the one runner of the table cases ----------------------------------------------------
# A case lists its records whole under `expected` (every field as model_dump(mode="json")
# gives it), so a wrong value in a field the case did not think of fails the case. Fields that
# only say where the evidence is are compared by the span checks instead.
NOT_COMPARED = frozenset({"evidence", "section"})


def _without_evidence(value):
    """A JSON value without evidence fields, at any depth (a document's signers have theirs)."""
    if isinstance(value, dict):
        return {k: _without_evidence(v) for k, v in value.items()
                if k not in NOT_COMPARED and not k.endswith("_evidence")}
    if isinstance(value, list):
        return [_without_evidence(v) for v in value]
    return value


def whole(record) -> dict:
    """A record as a case writes it: its JSON form without the evidence fields."""
    data = record.model_dump(mode="json") if hasattr(record, "model_dump") else dict(record)
    return _without_evidence(data)


def _spans(data):
    """(key, evidence) of every evidence field in a dumped record, at any depth."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "evidence" or k.endswith("_evidence"):
                for ev in (v if isinstance(v, list) else [v]):
                    if ev:
                        yield k, ev
            else:
                yield from _spans(v)
    elif isinstance(data, list):
        for v in data:
            yield from _spans(v)


def check_records(doc, got: list, expected: list[dict]) -> None:
    """The records of one case equal the expected ones, whole and in order, and every span
    of their evidence is the text it claims in the normalized text."""
    assert [whole(r) for r in got] == expected
    for r in got:
        for k, ev in _spans(r.model_dump() if hasattr(r, "model_dump") else {}):
            assert doc.text[ev["start"]:ev["end"]] == ev["text"], (k, ev)
