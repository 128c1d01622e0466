"""The quality gate: dev-corpus scores against the floors of tests/quality/floors.txt.

floors.txt holds one line per raise: `field floor date measured`. The last line of a field
is its floor; a field's floors only ever go up (a test checks it). `micro` is micro-F1.
A line `corpus NAME DATE` starts a new history when the dev corpus itself changes (new
documents, a new guideline): the floors are those of the last history, set there from a
fresh measurement and only raised within it; earlier histories are kept as the record.
Fields with fewer than MIN_GOLD gold facts are not gated.
"""
from __future__ import annotations

from pathlib import Path

FLOORS = Path(__file__).with_name("floors.txt")
MIN_GOLD = 5


def read_histories(path: Path = FLOORS) -> list[tuple[str, dict[str, list[tuple[float, str, float]]]]]:
    """Every history of the file, oldest first: (corpus name, field -> [(floor, date, measured)])."""
    out: list[tuple[str, dict[str, list[tuple[float, str, float]]]]] = [("initial", {})]
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if parts[0] == "corpus":
            if len(parts) != 3:
                raise ValueError(f"{path}:{n}: expected 'corpus NAME DATE', got {line!r}")
            out.append((parts[1], {}))
            continue
        if len(parts) != 4:
            raise ValueError(f"{path}:{n}: expected 'field floor date measured', got {line!r}")
        name, floor, date, measured = parts
        out[-1][1].setdefault(name, []).append((float(floor), date, float(measured)))
    return [h for h in out if h[1] or h[0] != "initial"]


def read_history(path: Path = FLOORS) -> dict[str, list[tuple[float, str, float]]]:
    """The history in force: the last corpus's."""
    return read_histories(path)[-1][1]


def floors(path: Path = FLOORS) -> dict[str, float]:
    return {name: h[-1][0] for name, h in read_history(path).items()}


def dev_scores(docs_path: Path):
    """Scores of the pipeline on one file of the dev corpus (docs.jsonl or docs-html.jsonl)."""
    import json

    from gov_report_nlp import pipeline

    from gov_report_nlp.out import evaluate

    gold = evaluate.read_reports(str(docs_path.with_name("gold.jsonl")))
    docs = [json.loads(l) for l in docs_path.read_text(encoding="utf-8").splitlines() if l.strip()]
    return evaluate.score({str(d["id"]): gold[str(d["id"])] for d in docs},
                          evaluate.extract_all(docs, pipeline.extract))


def failures(scores, floor_map: dict[str, float], prefix: str = "") -> list[str]:
    """What falls below its floor, one line each; empty when the gate passes. `prefix` picks
    the floors of one form of the corpus ("" for the text, "html:" for the HTML)."""
    floor_map = {k[len(prefix):]: v for k, v in floor_map.items()
                 if k.startswith(prefix) and (prefix or ":" not in k)}
    out = []
    micro = scores.micro.f1
    if "micro" in floor_map and micro < floor_map["micro"]:
        out.append(f"{prefix}micro-F1 {micro:.3f} < floor {floor_map['micro']:.3f}")
    for name, floor in sorted(floor_map.items()):
        if name == "micro":
            continue
        if scores.gold_count(name) < MIN_GOLD:
            continue
        f1 = scores.fields[name].f1
        if f1 < floor:
            out.append(f"{prefix}{name} F1 {f1:.3f} < floor {floor:.3f}")
    return out
