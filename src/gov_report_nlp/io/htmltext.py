"""HTML to plain text, keeping a map back to the HTML's character offsets.

Libraries such as trafilatura or selectolax give better main-text extraction but no
offsets; grounding needs every character traced back to the input, so this walks the
markup with the standard library's tokenizer: entities decoded, block tags end lines,
script/style/head dropped.
"""
from __future__ import annotations

import html
from html.parser import HTMLParser

import regex

from .offsets import OffsetMap

BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead "
    "title tr ul caption center".split()
)
PARA_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 article section blockquote".split())  # start a paragraph
SKIP_TAGS = frozenset("script style head noscript template svg iframe object".split())
VOID_TAGS = frozenset("br hr img meta link input area base col embed param source track wbr".split())

_LOOKS_HTML = regex.compile(
    r"<(?:!doctype\s+html|html|body|div|p|br|span|table|h[1-6]|article|meta)\b[^>]{0,500}>",
    regex.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when the first 4 kB carry an HTML tag that plain text would not."""
    return bool(_LOOKS_HTML.search(text[:4096]))


class _Walker(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.pos = 0  # source offset covered by the map so far
        self.skip = 0
        # offsets of line starts, to turn getpos() into an absolute offset
        self._line_starts = [0]
        for i, ch in enumerate(source):
            if ch == "\n":
                self._line_starts.append(i + 1)

    def _abs(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _emit(self, out: str, start: int, end: int) -> None:
        """Emit `out` for source[start:end]; source before `start` maps to nothing."""
        if start > self.pos:
            self.map.add(0, start - self.pos)
            self.pos = start
        end = max(end, self.pos)
        self.map.add(len(out), end - self.pos)
        self.pos = end
        if out:
            self.parts.append(out)

    def _tag_end(self, start: int) -> int:
        raw = self.get_starttag_text()
        return start + len(raw) if raw else start

    def handle_starttag(self, tag, attrs):
        start = self._abs()
        if tag in SKIP_TAGS and tag not in VOID_TAGS:
            self.skip += 1
        if tag in BLOCK_TAGS and not self.skip:
            self._emit("\n\n" if tag in PARA_TAGS else "\n", start, self._tag_end(start))

    def handle_startendtag(self, tag, attrs):
        start = self._abs()
        if tag in BLOCK_TAGS and not self.skip:
            self._emit("\n", start, self._tag_end(start))

    def handle_endtag(self, tag):
        start = self._abs()
        if tag in SKIP_TAGS and self.skip:
            self.skip -= 1
            return
        if tag in BLOCK_TAGS and not self.skip:
            end = self.source.find(">", start)
            self._emit("\n", start, end + 1 if end >= 0 else start)

    def handle_data(self, data):
        if self.skip:
            return
        start = self._abs()
        self._emit(data, start, start + len(data))

    def _ref(self, raw: str, decoded: str) -> None:
        if self.skip:
            return
        start = self._abs()
        end = start + len(raw)
        if self.source[end:end + 1] == ";":
            end += 1
        self._emit(decoded, start, end)

    def handle_entityref(self, name):
        self._ref("&" + name, html.unescape("&" + name + ";"))

    def handle_charref(self, name):
        self._ref("&#" + name, html.unescape("&#" + name + ";"))


def html_to_text(source: str) -> tuple[str, OffsetMap]:
    """Visible text of an HTML string and the map from that text back to the HTML."""
    w = _Walker(source)
    try:
        w.feed(source)
        w.close()
    except Exception:  # the stdlib tokenizer is lenient; guard against the odd assertion
        pass
    if w.pos < len(source):
        w.map.add(0, len(source) - w.pos)
    return "".join(w.parts), w.map
