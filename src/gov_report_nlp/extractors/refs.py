"""DocumentRef records (not yet implemented: yields nothing)."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..records import DocumentRef


def find_document_refs(doc: Document) -> Iterator[DocumentRef]:
    return iter(())
