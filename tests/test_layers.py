"""The package's folders are its layers: an import only ever points down (import-linter's
layers contract in pyproject.toml), and the CLI is a thin skin over the API."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PKG = ROOT / "src" / "gov_report_nlp"


def test_imports_point_down_the_layers():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(exe).exists():
        pytest.fail("lint-imports is missing: install the 'test' extra (import-linter)", pytrace=False)
    r = subprocess.run([exe, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True,
                       timeout=300, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert "1 kept, 0 broken" in r.stdout


def test_no_flat_module_left_behind():
    """Only the top of the stack and what sits below everything stay at the package's root."""
    top = {p.stem for p in PKG.glob("*.py")}
    assert top <= {"__init__", "__main__", "cli", "pipeline", "batch", "dask", "link", "records",
                   "lexicon", "budget", "errors", "compiled"}, sorted(top)


def test_cli_reads_no_private_names_of_other_modules():
    tree = ast.parse((PKG / "cli.py").read_text(encoding="utf-8"))
    private = [f"{n.module}.{a.name}" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
               for a in n.names if a.name.startswith("_") and not a.name.startswith("__")]
    assert private == []
