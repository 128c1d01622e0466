"""HTML to plain text, keeping a map back to the HTML's character offsets.

Libraries such as trafilatura or selectolax give better main-text extraction but no
offsets; grounding needs every character traced back to the input, so this walks the
markup with its own small tokenizer (linear in the input, never gives up half way):

- the text a browser shows, and nothing it hides: script, style, title, template,
  noscript, iframe, svg... and comments never reach the text, whatever comes before them
  (a stray "&#" or "<" is text, an unterminated comment or script hides the rest, as in
  a browser; a <title> left open hides nothing); nor do elements marked `hidden` or styled
  `display:none`;
- entities decoded; a broken one ("&#", "&xyz;") kept as written;
- whitespace inside running text collapses as a browser renders it: a line break inside
  a <p> is a space ("ông Lê\\nVăn Dũng" is one name); <pre> keeps its lines;
- block tags end lines (p, h1-h6, article... start a paragraph), <br> breaks a line;
- HTML5 with optional tags left out (no </head>, no <head>, no <body>) reads the same;
- a tag whose attribute quote is never closed ends at the next ">", so it cannot swallow
  the page.
"""
from __future__ import annotations

import html

import regex

from ..compiled import lazy_pattern
from .offsets import OffsetMap

BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead "
    "title tr ul caption center".split()
)
PARA_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 article section blockquote".split())  # start a paragraph
# elements whose content is raw text up to their end tag, and hidden
RAW_TAGS = frozenset("script style title textarea xmp iframe noembed noframes noscript plaintext".split())
# elements whose content is markup, and hidden
HIDDEN_TAGS = frozenset("template svg math object".split())
# raw-text elements whose content is plain text, not code: left open, they hide nothing
_TEXT_RAW = frozenset({"title", "textarea"})
SKIP_TAGS = RAW_TAGS | HIDDEN_TAGS  # kept for callers that ask what is dropped
VOID_TAGS = frozenset("br hr img meta link input area base col embed param source track wbr keygen".split())
# an element left open ends where one of these starts (a hidden <p> without </p>)
_OPTIONAL_END = {
    "p": BLOCK_TAGS - {"br"},
    "li": frozenset({"li"}), "dt": frozenset({"dt", "dd"}), "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr"}), "td": frozenset({"td", "th", "tr"}), "th": frozenset({"td", "th", "tr"}),
    "option": frozenset({"option", "optgroup"}),
}
_PRE_TAGS = frozenset({"pre", "listing"})

_LOOKS_HTML = lazy_pattern(regex.compile,
    r"<(?:!doctype\s+html|html|body|div|p|br|span|table|h[1-6]|article|meta)\b[^>]{0,500}>",
    regex.IGNORECASE,
)

_NAME = r"[A-Za-z][^\s/>\x00]*+"
# a quoted value holds no "<": a quote left open ends at the tag's own ">", not pages later
_ATTR = r"""[^\s"'>/=]++(?:\s*+=\s*+(?:"[^"<]*+"|'[^'<]*+'|[^\s>]++))?+"""
START_TAG = lazy_pattern(regex.compile, rf"<(?P<name>{_NAME})(?P<attrs>(?:[\s/]*+{_ATTR})*+)[\s/]*+>")
END_TAG = lazy_pattern(regex.compile, rf"</(?P<name>{_NAME})[^>]*+>")
_ATTRS = lazy_pattern(regex.compile, rf"""(?P<k>[^\s"'>/=]++)(?:\s*+=\s*+(?P<v>"[^"]*+"|'[^']*+'|[^\s>]++))?+""")
_HIDING_STYLE = lazy_pattern(regex.compile, r"(?i)(?:display\s*:\s*none|visibility\s*:\s*hidden)")
ENTITY = lazy_pattern(regex.compile, r"&(?:#[xX][0-9a-fA-F]{1,8}+;?|#[0-9]{1,10}+;?|[A-Za-z][A-Za-z0-9]{0,31}+;?)")
_WS = str.maketrans("\t\n\r\f", "    ")
_RAW_END: dict[str, regex.Pattern] = {}
# html.unescape of each entity ENTITY matched ("&amp;", "&#7899;"...): the same every time, so
# kept (a page repeats a few dozen); at most _UNESCAPED_MAX of them
_UNESCAPED: dict[str, str] = {}
_UNESCAPED_MAX = 50_000


def looks_like_html(text: str) -> bool:
    """True when the first 4 kB carry an HTML tag that plain text would not."""
    return bool(_LOOKS_HTML.search(text[:4096], None, None, False))


def _raw_end(tag: str) -> regex.Pattern:
    p = _RAW_END.get(tag)
    if p is None:
        p = _RAW_END[tag] = regex.compile(rf"</{regex.escape(tag)}(?=[\s/>])[^>]*+>|</{regex.escape(tag)}\Z", regex.IGNORECASE)
    return p


def _hides(attrs: str) -> bool:
    """Whether a start tag's attributes hide its element (hidden, display:none)."""
    low = attrs.lower()
    if "hidden" not in low and "none" not in low:
        return False
    for a in _ATTRS.finditer(attrs, None, None, False, False):
        k = a["k"].lower()
        if k == "hidden":
            return True
        if k == "style" and a["v"] and _HIDING_STYLE.search(a["v"], None, None, False):
            return True
        if k == "aria-hidden":
            continue  # hidden from screen readers, shown on the page
    return False


class _Walker:
    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.pos = 0  # source offset covered by the map so far
        self.hide: list = []  # [tag, depth] of the hidden element we are in, or empty
        self.pre = 0
        self.breaks = 2  # line breaks emitted since the last visible text (the start counts as a paragraph's)

    def _emit(self, out: str, start: int, end: int, linear: bool | None = None) -> None:
        """Emit `out` for source[start:end]; source before `start` maps to nothing."""
        if start > self.pos:
            self.map.add(0, start - self.pos)
            self.pos = start
        end = max(end, self.pos)
        self.map.add(len(out), end - self.pos, linear)
        self.pos = end
        if out:
            self.parts.append(out)

    def _plain(self, i: int, j: int) -> None:
        s = self.source[i:j]
        out = s if self.pre else s.translate(_WS)
        self._emit(out, i, j)
        if out.strip():
            self.breaks = 0

    def _text(self, i: int, j: int) -> None:
        if self.hide or i >= j:
            return
        src = self.source
        if src.find("&", i, j) < 0:
            self._plain(i, j)
            return
        # _plain and _emit, inlined (a page that writes its letters as entities has one or two
        # pieces a character): the same pieces added to the map, the same parts, in order
        at = i
        unescaped = _UNESCAPED
        pre = self.pre
        add = self.map.add
        append = self.parts.append
        pos = self.pos
        shown = False  # visible text emitted (self.breaks = 0)
        for m in ENTITY.finditer(src, i, j, False, False):
            raw = m.group()
            decoded = unescaped.get(raw)
            if decoded is None:
                decoded = html.unescape(raw)
                if len(unescaped) < _UNESCAPED_MAX:
                    unescaped[raw] = decoded
            if decoded == raw:
                continue  # not an entity: stays text ("&#", "&xyz;")
            ms, me = m.span()
            if ms > at:  # self._plain(at, ms)
                out = src[at:ms]
                if not pre:
                    out = out.translate(_WS)
                if at > pos:
                    add(0, at - pos)
                    pos = at
                end = ms if ms > pos else pos
                add(len(out), end - pos)
                pos = end
                if out:
                    append(out)
                    if not shown and out.strip():
                        shown = True
            # self._emit(decoded, ms, me, linear=False)
            if ms > pos:
                add(0, ms - pos)
                pos = ms
            end = me if me > pos else pos
            add(len(decoded), end - pos, False)
            pos = end
            if decoded:
                append(decoded)
                if not shown and decoded.strip():
                    shown = True
            at = me
        self.pos = pos
        if shown:
            self.breaks = 0
        if at < j:
            self._plain(at, j)

    def _break(self, tag: str, start: int, end: int, opening: bool) -> None:
        """The line break a block boundary makes: boundaries with no text between them make
        one break ("</td><td>", "</div><div>"), a paragraph's start a blank line; each <br>
        breaks a line of its own."""
        if self.hide or tag not in BLOCK_TAGS:
            return
        if tag == "br":
            self._emit("\n", start, end)
            self.breaks += 1
            return
        want = 2 if opening and tag in PARA_TAGS else 1
        self._emit("\n" * max(0, want - self.breaks), start, end)
        self.breaks = max(self.breaks, want)

    def _start(self, tag: str, attrs: str, start: int, end: int, selfclosing: bool) -> None:
        if self.hide:
            htag = self.hide[0]
            if tag == htag and tag not in VOID_TAGS and not selfclosing:
                if htag in _OPTIONAL_END and self.hide[1] == 1:
                    self.hide = []  # "<li hidden>a<li>b": the second item is shown
                else:
                    self.hide[1] += 1
                    return
            elif htag in _OPTIONAL_END and self.hide[1] == 1 and tag in _OPTIONAL_END[htag]:
                self.hide = []
            else:
                return
        if tag in _PRE_TAGS and not selfclosing:
            self.pre += 1
        if tag not in VOID_TAGS and tag not in RAW_TAGS and not selfclosing and (tag in HIDDEN_TAGS or _hides(attrs)):
            self._break(tag, start, end, False)
            self.hide = [tag, 1]
            return
        self._break(tag, start, end, not selfclosing)

    def _end(self, tag: str, start: int, end: int) -> None:
        if self.hide:
            if tag == self.hide[0]:
                self.hide[1] -= 1
                if self.hide[1] == 0:
                    self.hide = []
            return
        if tag in _PRE_TAGS and self.pre:
            self.pre -= 1
        self._break(tag, start, end, False)

    def walk(self) -> None:
        src = self.source
        n = len(src)
        i = 0
        while i < n:
            j = src.find("<", i)
            if j < 0:
                self._text(i, n)
                return
            if j > i:
                self._text(i, j)
            nxt = src[j + 1:j + 2]
            if nxt.isascii() and nxt.isalpha():
                m = START_TAG.match(src, j, None, False)
                if m is None:  # an attribute quote never closed: the tag ends at the next ">"
                    k = src.find(">", j)
                    i = n if k < 0 else k + 1
                    tag = regex.match(_NAME, src[j + 1:j + 65]).group().lower()
                    self._start(tag, "", j, i, False)
                    if tag in RAW_TAGS:
                        i = self._skip_raw(tag, i)
                    continue
                tag = m["name"].lower()
                i = m.end()
                self._start(tag, m["attrs"], j, i, src[i - 2] == "/" and tag not in RAW_TAGS)
                if tag in RAW_TAGS:
                    i = self._skip_raw(tag, i)
            elif nxt == "/":
                m = END_TAG.match(src, j, None, False)
                if m is not None:
                    i = m.end()
                    self._end(m["name"].lower(), j, i)
                else:  # "</>", "</3": a bogus comment up to ">"
                    k = src.find(">", j)
                    i = n if k < 0 else k + 1
            elif src.startswith("<!--", j):
                if src.startswith(("<!-->", "<!--->"), j):
                    i = src.find(">", j) + 1
                    continue
                k = src.find("--", j + 4)
                while k >= 0 and not src.startswith(("-->", "--!>"), k):
                    k = src.find("--", k + 1)
                # an unterminated comment hides the rest, as in a browser
                i = n if k < 0 else src.find(">", k) + 1
            elif nxt in ("!", "?"):  # doctype, CDATA, processing instruction: up to ">"
                k = src.find(">", j)
                i = n if k < 0 else k + 1
            else:  # "a < b", "<3": text
                self._text(j, j + 1)
                i = j + 1

    def _skip_raw(self, tag: str, i: int) -> int:
        """Past the content and end tag of a raw-text element opened at i (hidden text)."""
        m = _raw_end(tag).search(self.source, i, None, False)
        if m is None:
            if tag in _TEXT_RAW:  # a <title> never closed: it ends at the next tag, the page is read on
                k = self.source.find("<", i)
                return len(self.source) if k < 0 else k
            return len(self.source)  # a script never closed: the rest is its content, hidden
        self._break(tag, m.start(), m.end(), False)
        return m.end()


def html_to_text(source: str) -> tuple[str, OffsetMap]:
    """Visible text of an HTML string and the map from that text back to the HTML."""
    w = _Walker(source)
    w.walk()
    if w.pos < len(source):
        w.map.add(0, len(source) - w.pos)
    return "".join(w.parts), w.map
