"""Award records (not yet implemented: yields nothing)."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..records import Award


def find_awards(doc: Document) -> Iterator[Award]:
    return iter(())
