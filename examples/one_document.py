"""One document: extract its facts and show each with the input text it rests on.

    .venv/bin/python examples/one_document.py [FILE]      (default: examples/portal-article.txt)

Every record carries the span of its evidence in the normalized text; Document.to_input
maps it back to the characters of the file as read, so a reader can check each fact.
"""
from __future__ import annotations

import sys
from pathlib import Path

from gov_report_nlp import make_document, run

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else HERE / "portal-article.txt"
    doc = make_document(path.read_text(encoding="utf-8"), id=path.name)
    report = run(doc)
    print(f"{report.id}: {report.title!r}, published {report.published}")
    for kind, rec in report.records():
        ev = rec.evidence
        if ev is None:
            continue
        start, end = doc.to_input(ev.start, ev.end)
        facts = rec.model_dump(exclude_none=True, exclude_defaults=True,
                               exclude={"evidence", "mentions", "chair_evidence", "attendee_evidence"})
        print(f"- {kind} {facts}\n    input[{start}:{end}] = {doc.source[start:end]!r}")
    for w in report.warnings:
        print(f"! {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
