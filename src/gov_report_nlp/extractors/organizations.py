"""Organization records (not yet implemented: yields nothing)."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..records import Organization


def find_organizations(doc: Document) -> Iterator[Organization]:
    return iter(())
