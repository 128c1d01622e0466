"""Person records (not yet implemented: yields nothing)."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..records import Person


def find_people(doc: Document) -> Iterator[Person]:
    return iter(())
