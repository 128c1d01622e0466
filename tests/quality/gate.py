"""The quality gate: dev-corpus scores against the floors of tests/quality/floors.txt.

floors.txt holds one line per raise: `field floor date measured`. The last line of a field
is its floor; a field's floors only ever go up (a test checks it). `micro` is micro-F1.
Fields with fewer than MIN_GOLD gold facts are not gated.
"""
from __future__ import annotations

from pathlib import Path

FLOORS = Path(__file__).with_name("floors.txt")
MIN_GOLD = 5


def read_history(path: Path = FLOORS) -> dict[str, list[tuple[float, str, float]]]:
    hist: dict[str, list[tuple[float, str, float]]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 4:
            raise ValueError(f"{path}:{n}: expected 'field floor date measured', got {line!r}")
        name, floor, date, measured = parts
        hist.setdefault(name, []).append((float(floor), date, float(measured)))
    return hist


def floors(path: Path = FLOORS) -> dict[str, float]:
    return {name: h[-1][0] for name, h in read_history(path).items()}


def failures(scores, floor_map: dict[str, float]) -> list[str]:
    """What falls below its floor, one line each; empty when the gate passes."""
    out = []
    micro = scores.micro.f1
    if "micro" in floor_map and micro < floor_map["micro"]:
        out.append(f"micro-F1 {micro:.3f} < floor {floor_map['micro']:.3f}")
    for name, floor in sorted(floor_map.items()):
        if name == "micro":
            continue
        if scores.gold_count(name) < MIN_GOLD:
            continue
        f1 = scores.fields[name].f1
        if f1 < floor:
            out.append(f"{name} F1 {f1:.3f} < floor {floor:.3f}")
    return out
