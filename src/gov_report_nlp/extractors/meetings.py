"""Meeting records (not yet implemented: yields nothing)."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..records import Meeting


def find_meetings(doc: Document) -> Iterator[Meeting]:
    return iter(())
