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


class OffsetMap:
    """Maps offsets of an output string back to offsets of the string it was made from.

    Built from pieces (out_len, src_len) that cover both strings in order. Where a piece
    keeps its length, characters map one to one; where it does not (a composed letter,
    a collapsed space run, a decoded entity), every output character of it maps to the
    whole source piece. Runs are stored compactly, so an unchanged text costs one run.
    """

    __slots__ = ("_out", "_src", "_out_len", "_src_len", "_linear", "out_total", "src_total")

    def __init__(self) -> None:
        self._out: list[int] = []
        self._src: list[int] = []
        self._out_len: list[int] = []
        self._src_len: list[int] = []
        self._linear: list[bool] = []
        self.out_total = 0
        self.src_total = 0

    def add(self, out_len: int, src_len: int, linear: bool | None = None) -> None:
        """Append a piece; `linear=False` maps each of its characters to the whole piece."""
        if out_len == 0 and src_len == 0:
            return
        linear = out_len == src_len if linear is None else linear and out_len == src_len
        if linear and self._linear and self._linear[-1] and out_len:
            self._out_len[-1] += out_len
            self._src_len[-1] += src_len
        else:
            self._out.append(self.out_total)
            self._src.append(self.src_total)
            self._out_len.append(out_len)
            self._src_len.append(src_len)
            self._linear.append(linear)
        self.out_total += out_len
        self.src_total += src_len

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        m = cls()
        m.add(length, length)
        return m

    def _piece(self, pos: int) -> int:
        i = bisect_right(self._out, pos) - 1
        # skip pieces that produce no output (deleted source text)
        while i + 1 < len(self._out) and self._out[i + 1] == pos and self._out_len[i] == 0:
            i += 1
        return max(i, 0)

    def start(self, pos: int) -> int:
        """Source offset where output character `pos` begins."""
        if not self._out or pos >= self.out_total:
            return self.src_total
        i = self._piece(pos)
        while self._out_len[i] == 0 and i + 1 < len(self._out):
            i += 1
        if self._linear[i]:
            return self._src[i] + (pos - self._out[i])
        return self._src[i]

    def end(self, pos: int) -> int:
        """Source offset where output character `pos - 1` ends (pos is an end offset)."""
        if pos <= 0 or not self._out:
            return 0
        i = self._piece(pos - 1)
        while self._out_len[i] == 0 and i > 0:
            i -= 1
        if self._linear[i]:
            return self._src[i] + (pos - self._out[i])
        return self._src[i] + self._src_len[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)


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

    @cached_property
    def published(self):
        """The published or issued date as a dates.DateValue, or None (from the layout)."""
        from .dates import published_date

        return published_date(self)

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
