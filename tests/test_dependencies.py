"""Honest dependencies: every core dependency in pyproject.toml is imported by the package."""
from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

# distribution name -> the module it installs, where the two differ
MODULE_OF = {"python-docx": "docx", "fpdf2": "fpdf", "pyahocorasick": "ahocorasick"}


def test_every_core_dependency_is_imported():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = [re.match(r"[A-Za-z0-9_.-]+", d).group().lower() for d in deps]
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "gov_report_nlp").rglob("*.py"))
    for name in names:
        module = MODULE_OF.get(name, name.replace("-", "_"))
        assert re.search(rf"^\s*(?:import|from)\s+{re.escape(module)}\b", source, re.M), (
            f"{name} is a declared dependency that no module imports")


def test_without_pyahocorasick_the_output_is_the_same():
    """pyahocorasick only finds where to try the patterns: a process that cannot import it
    (a platform without a wheel) writes the same reports, byte for byte (origin: genre)."""
    import subprocess
    import sys

    from conftest import dev_docs
    from gov_report_nlp import extract

    texts = [d["text"] for d in dev_docs()] or [p.read_text(encoding="utf-8")
                                                 for p in sorted((ROOT / "examples").glob("*.txt"))]
    texts += ["Ủy ban nhân dân huyện İ ſ tổ chức Hội nghị lần thứ 2 ngày 3/4/2024.", ""]
    code = ("import sys, json; sys.modules['ahocorasick'] = None\n"
            "from gov_report_nlp import extract\n"
            "from gov_report_nlp.lexicon import starts_finder\n"
            "assert starts_finder(['a']) is None\n"
            "for t in json.load(sys.stdin): print(extract(t).model_dump_json())\n")
    run = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True,
                         text=True, encoding="utf-8", timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.splitlines() == [extract(t).model_dump_json() for t in texts]
