"""Render what gov_report_nlp finds in one document as a self-contained HTML page.

    .venv/bin/python examples/html_view.py [INPUT.txt|.html] [OUTPUT.html]

Default input: examples/portal-article.txt; default output: the input's name with .html, in
the current directory. Open the page in any browser: highlights are colored by kind; hover one
for its record, click it to find its row in the tables (and a row to find its text).
The CLI does the same for many files at once: gov-report-nlp render FILES... -o page.html
"""
from __future__ import annotations

import sys
from pathlib import Path

from gov_report_nlp import make_document, render_html, run

HERE = Path(__file__).resolve().parent


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    src = Path(argv[0]) if argv else HERE / "portal-article.txt"
    dst = Path(argv[1]) if len(argv) > 1 else Path(src.stem + ".html")
    doc = make_document(src.read_text(encoding="utf-8"), id=src.name)  # text or HTML, told apart by content
    report = run(doc)
    dst.write_text(render_html(report, doc.text), encoding="utf-8")  # evidence spans index doc.text
    n = sum(1 for _ in report.records())
    print(f"{dst}: {n} records, {len(report.warnings)} warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
