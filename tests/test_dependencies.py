"""Honest dependencies: every core dependency in pyproject.toml is imported by the package."""
from __future__ import annotations

import re
import pytest

from conftest import ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

# distribution name -> the module it installs, where the two differ
MODULE_OF = {"python-docx": "docx", "fpdf2": "fpdf"}


def test_every_core_dependency_is_imported():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = [re.match(r"[A-Za-z0-9_.-]+", d).group().lower() for d in deps]
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "gov_report_nlp").rglob("*.py"))
    for name in names:
        module = MODULE_OF.get(name, name.replace("-", "_"))
        assert re.search(rf"^\s*(?:import|from)\s+{re.escape(module)}\b", source, re.M), (
            f"{name} is a declared dependency that no module imports")
