"""Place records (not yet implemented: yields nothing)."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..records import Place


def find_places(doc: Document) -> Iterator[Place]:
    return iter(())
