"""The install holds: optional extras import as a working set, and a plain resolution of the
extras (no constraints file) picks versions that work together."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT, optional

import gov_report_nlp


def test_dask_and_distributed_are_one_release():
    dask = optional("dask")
    distributed = optional("distributed")
    optional("dask.bag")
    assert dask.__version__ == distributed.__version__, (
        f"dask {dask.__version__} with distributed {distributed.__version__}: not a tested pair")


def test_version_flag():
    r = subprocess.run([sys.executable, "-m", "gov_report_nlp", "--version"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.strip() == f"gov-report-nlp {gov_report_nlp.__version__}"


@pytest.mark.skipif(os.environ.get("CI") != "true" and not os.environ.get("GOV_REPORT_NLP_NET"),
                    reason="resolves against the package index: CI=true or GOV_REPORT_NLP_NET=1")
def test_plain_install_resolves_to_working_pairs(tmp_path):
    """What a user's `pip install 'gov-report-nlp[dev]'` would choose today, without our pins."""
    report = tmp_path / "report.json"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "-q",
                        "--report", str(report), f"{ROOT}[dev]"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    chosen = {i["metadata"]["name"].lower(): i["metadata"]["version"] for i in json.loads(report.read_text())["install"]}
    assert chosen["dask"] == chosen["distributed"], chosen
