"""OffsetMap: the way from a text made from another back to the offsets of that other."""
from __future__ import annotations

from bisect import bisect_right


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
        if linear is None or linear:
            linear = out_len == src_len
        lin = self._linear
        if linear and out_len and lin and lin[-1]:
            self._out_len[-1] += out_len
            self._src_len[-1] += src_len
        else:
            self._out.append(self.out_total)
            self._src.append(self.src_total)
            self._out_len.append(out_len)
            self._src_len.append(src_len)
            lin.append(linear)
        self.out_total += out_len
        self.src_total += src_len

    @classmethod
    def of_runs(cls, out: list[int], src: list[int], out_len: list[int], src_len: list[int],
                linear: list[bool]) -> "OffsetMap":
        """The map whose runs are these lists (taken, not copied): what add() would have made
        them, for a caller that builds them itself (normalize_with_map), in order and with
        add()'s merging of linear pieces."""
        m = cls.__new__(cls)
        m._out, m._src, m._out_len, m._src_len, m._linear = out, src, out_len, src_len, linear
        m.out_total = out[-1] + out_len[-1] if out else 0
        m.src_total = src[-1] + src_len[-1] if src else 0
        return m

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
