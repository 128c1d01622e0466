"""make_document: raw input (plain text or HTML) -> a normalized, segmented Document."""
from __future__ import annotations

from ..io.encodings import glyph_soup_warning
from ..io.htmltext import html_to_text, looks_like_html
from ..io.normalize import normalize_usual
from ..io.offsets import OffsetMap
from .document import Document
from .segment import segment


def make_document(
    raw: str,
    *,
    input_format: str = "auto",
    id: str | None = None,
    encoding: str | None = None,
) -> Document:
    """Normalize `raw` (plain text or HTML) and segment it into a Document."""
    if input_format == "auto":
        input_format = "html" if looks_like_html(raw) else "text"
    maps: list[OffsetMap] = []
    text = raw
    if input_format == "html":
        text, hmap = html_to_text(raw)
        maps.append(hmap)
    text, nmap, usual = normalize_usual(text)
    maps.append(nmap)
    doc = Document(text=text, source=raw, maps=maps, id=id, input_format=input_format, encoding=encoding)
    segment(doc)
    _input_warnings(doc, raw, usual)
    return doc


def _input_warnings(doc: Document, raw: str, usual: bool = False) -> None:
    """Say what the text cannot show: an input with no text in it, legacy glyph soup. usual:
    the text holds only normalize._USUAL characters (ASCII, Vietnamese letters, the usual
    punctuation), none of which the glyph-soup test counts as odd: it finds none there
    (benchmarks/check_normalize.py checks that it calls none of them bad)."""
    if (not doc.text or doc.text.isspace()) and raw.strip():  # not doc.text.strip(), without a copy
        what = "the HTML has no visible text" if doc.input_format == "html" else "the input has no text"
        doc.warnings.append(f"{what}: nothing to extract")
    soup = None if usual else glyph_soup_warning(doc.text)
    if soup:
        doc.warnings.append(soup)
