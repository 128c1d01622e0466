"""Span, Segment, OffsetMap and Document: the normalized text every extractor reads.

A Document holds the normalized text (NFC, one tone placement, clean spaces), the
segments the layout detector found in it, and a chain of offset maps that leads any
span of the normalized text back to the character offsets of the input.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Iterator

from ..io.offsets import OffsetMap  # noqa: F401  (the way back to the input; io makes them)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of the normalized text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Segment:
    """A stretch of the document with a layout kind: title, timestamp, paragraph, sentence..."""

    kind: str
    start: int
    end: int
    parent: int | None = None  # index of the enclosing segment in Document.segments

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class Document:
    """The normalized text of one input, its segments and its way back to the input."""

    text: str
    source: str = ""
    maps: list[OffsetMap] = field(default_factory=list)  # applied last to first
    id: str | None = None
    input_format: str = "text"
    encoding: str | None = None
    segments: list[Segment] = field(default_factory=list)
    layout: str = "news"
    warnings: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    # results several layers share (the tokens, the admin units...), made once: see memo()
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: str, make):
        """The value cached under `key`, made by `make()` on first use. The shared layers
        below the extractors use it so that a document is tokenized (or scanned for dates,
        units...) once, whichever extractor asks first. Keys are "module.what"."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = make()
            return value

    # --- offsets -------------------------------------------------------------------
    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` back to character offsets of the input (`source`)."""
        for m in reversed(self.maps):
            start, end = m.span(start, end)
        return start, end

    def input_text(self, start: int, end: int) -> str:
        s, e = self.to_input(start, end)
        return self.source[s:e]

    # --- segments ------------------------------------------------------------------
    def segments_of(self, *kinds: str) -> list[Segment]:
        return [s for s in self.segments if s.kind in kinds]

    def first(self, kind: str) -> Segment | None:
        for s in self.segments:
            if s.kind == kind:
                return s
        return None

    def seg_text(self, seg: Segment | Span) -> str:
        return self.text[seg.start:seg.end]

    @cached_property
    def sentences(self) -> list[Segment]:
        """Sentence segments, in order (made by segment.py)."""
        return self.segments_of("sentence")

    def sentence_at(self, pos: int) -> Segment | None:
        sents = self.sentences
        starts = [s.start for s in sents]
        i = bisect_right(starts, pos) - 1
        if 0 <= i < len(sents) and sents[i].start <= pos < sents[i].end:
            return sents[i]
        return None

    @cached_property
    def body_spans(self) -> list[Span]:
        """Spans of running text (body paragraphs and captions), where facts are reported."""
        kinds = {"paragraph", "lead", "caption", "heading", "summary", "item"}
        return [s.span for s in self.segments if s.kind in kinds]

    def iter_lines(self) -> Iterator[Span]:
        pos = 0
        text = self.text
        n = len(text)
        while pos <= n:
            nl = text.find("\n", pos)
            if nl < 0:
                nl = n
            yield Span(pos, nl)
            pos = nl + 1


def covering(spans: Iterable[Span], pos: int) -> Span | None:
    for s in spans:
        if s.start <= pos < s.end:
            return s
    return None
