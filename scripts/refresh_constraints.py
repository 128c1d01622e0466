"""Write constraints.txt: the versions the test suite was last run with.

    python3 scripts/refresh_constraints.py        # then run the suite, and commit both if green

It installs the project with every extra into a new virtual environment, resolving from the
package index without the old constraints, and freezes what pip chose. The README's test
command (and CI) install with `-c constraints.txt`, so a new release upstream cannot turn main
red overnight; pyproject.toml keeps the loose bounds a user's plain `pip install` needs.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "constraints.txt"
HEADER = """\
# Versions the test suite runs with: `pip install -e '.[dev]' -c constraints.txt`.
# Written by scripts/refresh_constraints.py from a fresh resolution of '.[dev]'; do not edit by hand.
"""


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip"]
        subprocess.run([*pip, "install", "-q", "-e", f"{ROOT}[dev]"], check=True)
        frozen = subprocess.run([*pip, "freeze", "--exclude-editable"], check=True,
                                capture_output=True, text=True).stdout
    pins = sorted((l for l in frozen.splitlines() if l and not l.startswith(("#", "-e"))), key=str.lower)
    OUT.write_text(HEADER + "\n".join(pins) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(pins)} pins")
    return 0


if __name__ == "__main__":
    sys.exit(main())
