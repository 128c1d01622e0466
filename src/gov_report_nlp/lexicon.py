"""Lexicons: language lives in data (data/vi/*.txt), logic in code.

A list file holds one entry per line; `#` starts a comment; blank lines are skipped.
A map file holds `key<TAB>value` lines. Entries are normalized like the text (NFC, old
tone placement), so a lexicon line matches what patterns see. A bad line raises
LexiconError naming the file and the line.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .errors import LexiconError

DATA_DIR = Path(__file__).parent / "data" / "vi"


def _path(name: str) -> Path:
    p = DATA_DIR / f"{name}.txt"
    if not p.exists():
        raise LexiconError(f"{p}: no such lexicon")
    return p


def _entries(name: str):
    from .normalize import normalize_text

    p = _path(name)
    for n, raw in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if "\ufffd" in line:
            raise LexiconError(f"{p}:{n}: replacement character in entry {raw!r}")
        # normalize each tab-separated field on its own: normalization turns tabs into spaces
        yield n, p, "\t".join(normalize_text(part) for part in line.split("\t"))


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """Entries of data/vi/<name>.txt as written (normalized), longest first, no duplicates."""
    seen: dict[str, None] = {}
    for n, p, line in _entries(name):
        if "\t" in line:
            raise LexiconError(f"{p}:{n}: a list entry may not hold a tab: {line!r}")
        seen.setdefault(line.strip(), None)
    return tuple(sorted(seen, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=None)
def load_phrases(name: str) -> frozenset[str]:
    """Entries of a list, lowercased, for membership tests."""
    return frozenset(e.lower() for e in load_list(name))


@lru_cache(maxsize=None)
def load_map(name: str) -> dict[str, str]:
    """`key<TAB>value` entries of data/vi/<name>.txt."""
    out: dict[str, str] = {}
    for n, p, line in _entries(name):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise LexiconError(f"{p}:{n}: expected 'key<TAB>value', got {line!r}")
        out[parts[0].strip()] = parts[1].strip()
    return out
