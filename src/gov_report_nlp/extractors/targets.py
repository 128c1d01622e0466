"""Target records (not yet implemented: yields nothing)."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..records import Target


def find_targets(doc: Document) -> Iterator[Target]:
    return iter(())
