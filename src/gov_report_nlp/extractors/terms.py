"""Term records (not yet implemented: yields nothing)."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..records import Term


def find_terms(doc: Document) -> Iterator[Term]:
    return iter(())
