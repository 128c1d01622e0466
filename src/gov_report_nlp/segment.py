"""Segmentation: the layout of a portal news item or a formal document, as kinded spans.

Two layouts, detected from the first lines:
- news: site, boilerplate, title, timestamp, paragraph, caption, byline, source;
- formal (Decree 30/2020/NĐ-CP, Guide 36-HD/VPTW): page_header, authority, motto,
  number, dateline, doc_type, summary, recipient, section, paragraph, item, signature,
  signer_title, signer_name, recipients.
Both: sentence segments inside running text (underthesea's sent_tokenize, mapped back
to offsets).
"""
from __future__ import annotations

import regex

from .document import Document, Segment, Span
from .lexicon import load_list, load_phrases

# --- line classifiers -------------------------------------------------------------------

UPPER_LINE = regex.compile(r"^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$")
SEPARATOR = regex.compile(r"^[\s\-_–—=*~.]{1,120}$")
MOTTO_STATE = regex.compile(r"CỘNG\s*HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM")
MOTTO_STATE2 = regex.compile(r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc", regex.IGNORECASE)
MOTTO_PARTY = regex.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
PAGE_HEADER = regex.compile(r"^(?:CÔNG\s+BÁO\s*/.*|\d{1,4}|Trang\s+\d+.*|VĂN\s+BẢN\s+QUY\s+PHẠM\s+PHÁP\s+LUẬT)$")
NUMBER_LINE = regex.compile(
    r"""^(?P<label>(?:Số|(?:Luật|Nghị\s+quyết|Nghị\s+định|Quyết\s+định|Thông\s+tư|Pháp\s+lệnh|Lệnh)\s+số))
        \s*:?\s*(?P<number>[\w./-]*(?:[ \t]+[-/][\w./-]+)?)""",
    regex.VERBOSE,
)
DATELINE = regex.compile(
    r"^(?P<place>\p{Lu}[\w .'’-]{0,40}?)\s*,\s*ngày\b[^\n]{0,40}?năm\s+(?P<year>\d{4})",
)
SIGN_PREFIX = regex.compile(r"^(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L|TUQ)\s*\.?\s+\p{Lu}")
SIGN_TITLE = regex.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|THỨ\s+TRƯỞNG|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|BÍ\s+THƯ|TRƯỞNG\s+BAN|"
    r"CHÁNH\s+VĂN\s+PHÒNG|TỔNG\s+THƯ\s+KÝ|TỔNG\s+GIÁM\s+ĐỐC|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|TRƯỞNG\s+PHÒNG|"
    r"CHÁNH\s+ÁN|VIỆN\s+TRƯỞNG|CHỦ\s+NHIỆM|TRƯỞNG\s+ĐOÀN|HIỆU\s+TRƯỞNG|THƯỜNG\s+TRỰC|TỔNG\s+CỤC\s+TRƯỞNG)"
    r"(?:\s+[\p{Lu}\p{N}]+){0,8}\s*$"
)
NAME_LINE = regex.compile(r"^(?:\p{Lu}[\p{Ll}’']*)(?:\s+\p{Lu}[\p{Ll}’']*){1,4}$")
SECTION = regex.compile(r"^(?:(?:Chương|Mục|Phần|Điều)\s+[\dIVXLC]+\b|[IVXLC]+\s*[.)]\s|\d+(?:\.\d+)*\s*[.)]\s|[a-zđ]\s*\)\s)")
ITEM = regex.compile(r"^[-–+•*]\s")
RECIPIENTS = regex.compile(r"^Nơi\s+nhận\s*:", regex.IGNORECASE)
KINH_GUI = regex.compile(r"^Kính\s+gửi\s*:", regex.IGNORECASE)
_CLOSED = regex.compile(r"(?:[.;:!?…”\"]|\./\.)\s*$")
VV_LINE = regex.compile(r"^V/[vV]\b")
BODY_START = regex.compile(
    r"^(?:Căn\s+cứ|Kính\s+gửi|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Điều\s+1\b|Chương\s+[I1]\b|[IV]+\s*\.|1\s*\.)"
)

TIMESTAMP = regex.compile(
    r"""^\(?\s*(?:Ngày\s+)?
        (?:(?:[01]?\d|2[0-3])[:h][0-5]\d\s*(?:[|,\-–]\s*)?)?          # 16:30 |
        \d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}                      # 29/07/2020
        (?:\s*[-–|,]?\s*(?:[01]?\d|2[0-3])[:h][0-5]\d(?::[0-5]\d)?(?:\s*(?:AM|PM|SA|CH))?)?  # - 22:13
        \s*\)?$""",
    regex.VERBOSE | regex.IGNORECASE,
)
BYLINE_LABEL = regex.compile(
    r"^(?P<label>(?:Tin|Bài|Ảnh|Video|Clip)(?:\s*(?:,|và|/|&)\s*(?:tin|bài|ảnh|video|clip))*|Nhóm\s+PV|Thực\s+hiện|Tác\s+giả)\s*:\s*(?P<names>.+)$",
    regex.IGNORECASE,
)
SOURCE_LINE = regex.compile(r"^(?:Nguồn\b|Theo\s|https?://|www\.|\(?Ảnh\s*:|Đài\s+(?:Truyền\s+thanh|TT|PT)\b)", regex.IGNORECASE)
# a name as bylines write it: 1-4 capitalized syllables (pen names are often two)
_SYL = r"\p{Lu}[\p{Ll}’']*"
BYLINE_NAMES = regex.compile(
    rf"""^(?P<names>{_SYL}(?:\s{_SYL}){{1,3}}(?:\s*(?:[-–—,&]|\svà\s)\s*{_SYL}(?:\s{_SYL}){{1,3}})*)
        (?:\s*(?:[-–—]\s*)?(?P<org>\([^()\n]{{1,40}}\)|ĐTT|Đài\s+TT(?:\s+\p{{L}}+)?|TTXVN))?\s*\.?$""",
    regex.VERBOSE,
)
BYLINE_ABBR = regex.compile(r"^(?:PV|BBT|CTV|PV\s*-\s*CTV|[\p{Lu}]{1,3}(?:\s?[.&]\s?[\p{Lu}]{1,3}){1,3}\.?)$")
# the run-on byline at the very end of a one-paragraph article: "... Bằng khen. Quỳnh Hoa (TTXVN)"
TRAILING_BYLINE = regex.compile(
    rf"""(?:(?<=[.!?…”"»]\s)|(?<=\p{{Ll}}\s))
        (?P<names>{_SYL}(?:\s{_SYL}){{1,2}}(?:\s*[-–]\s*{_SYL}(?:\s{_SYL}){{1,2}})?)
        \s*(?P<org>\((?:TTXVN|tổng\s+hợp|[^()\n]{{1,25}})\))?\s*$""",
    regex.VERBOSE,
)
PLACE_WORDS = ("tỉnh", "huyện", "xã", "thành phố", "thị xã", "thị trấn", "quận", "phường", "TP")


def _lines(doc: Document) -> list[Span]:
    return [s for s in doc.iter_lines() if s.end > s.start]


def _add(doc: Document, kind: str, start: int, end: int, parent: int | None = None) -> int:
    doc.segments.append(Segment(kind, start, end, parent))
    return len(doc.segments) - 1


# a header line is short: the motto, number and dateline are looked for in this many
# characters of a line. A text whose first line is longer than LONG_LINE lost its line breaks
# (or is machine-made): its layout is a guess, said in a warning
HEAD_CHARS = 200
LONG_LINE = 2000


def detect_layout(doc: Document, lines: list[Span]) -> str:
    head = lines[:25]
    heads = [doc.text[ln.start:min(ln.end, ln.start + HEAD_CHARS)] for ln in head]
    if any(MOTTO_STATE.search(t) or MOTTO_PARTY.search(t) for t in heads):
        layout = "formal"
    else:
        numbered = any(NUMBER_LINE.match(t) for t in heads)
        dated = any(DATELINE.match(t) for t in heads)
        layout = "formal" if numbered and dated else "news"
    if head and head[0].end - head[0].start > LONG_LINE:  # no title or header line: one long run of text
        doc.warnings.append(f"layout: the text starts with a line of more than {LONG_LINE:,} characters (line breaks "
                            f"lost?); the layout ({layout}) is a guess")
    return layout


def segment(doc: Document) -> Document:
    """Fill doc.segments and doc.layout; the Document's text is not changed."""
    doc.segments = []
    lines = _lines(doc)
    doc.layout = detect_layout(doc, lines)
    if doc.layout == "formal":
        _segment_formal(doc, lines)
    else:
        _segment_news(doc, lines)
    _add_sentences(doc)
    doc.segments.sort(key=lambda s: (s.start, -s.end))
    # parents were indexes before sorting; recompute them as the nearest enclosing segment
    _reparent(doc)
    return doc


def _reparent(doc: Document) -> None:
    stack: list[int] = []
    for i, seg in enumerate(doc.segments):
        while stack and doc.segments[stack[-1]].end <= seg.start:
            stack.pop()
        seg.parent = stack[-1] if stack and doc.segments[stack[-1]].end >= seg.end else None
        stack.append(i)


# --- news --------------------------------------------------------------------------------

def _is_boilerplate(t: str) -> bool:
    low = t.lower().strip()
    return any(low.startswith(b) for b in load_phrases("boilerplate"))


def _is_site(t: str) -> bool:
    low = t.lower()
    return any(low.startswith(s) for s in load_phrases("site_names")) and len(t) < 120


def _segment_news(doc: Document, lines: list[Span]) -> None:
    text = doc.text
    i = 0
    title_done = False
    # head: site name, boilerplate, title, timestamp
    while i < len(lines) and i < 12:
        ln = lines[i]
        t = text[ln.start:ln.end].strip()
        if not title_done and _is_site(t):
            _add(doc, "site", ln.start, ln.end)
        elif _is_boilerplate(t):
            _add(doc, "boilerplate", ln.start, ln.end)
        elif TIMESTAMP.match(t):
            _add(doc, "timestamp", ln.start, ln.end)
        elif not title_done:
            _add(doc, "title", ln.start, ln.end)
            title_done = True
        else:
            break
        i += 1
    body = lines[i:]
    tail_start = _find_tail(doc, body)
    title = doc.first("title")
    title_text = text[title.start:title.end].strip() if title else ""
    for ln in body[:tail_start]:
        t = text[ln.start:ln.end].strip()
        if title_text and t == title_text:
            _add(doc, "heading", ln.start, ln.end)
        elif len(t) < 200 and not regex.search(r"[.!?:;…]\s*$", t) and i > 0:
            _add(doc, "caption" if len(t.split()) > 3 else "heading", ln.start, ln.end)
        else:
            _add(doc, "paragraph", ln.start, ln.end)
    for ln in body[tail_start:]:
        t = text[ln.start:ln.end].strip()
        if _byline_names(t) is not None and not doc.first("byline"):
            _add(doc, "byline", ln.start, ln.end)
        else:
            _add(doc, "source", ln.start, ln.end)
    if not doc.first("byline") and body[:tail_start]:
        last = body[tail_start - 1]
        m = TRAILING_BYLINE.search(text, last.start, last.end, timeout=1.0)
        if m and not _place_before(text, m.start("names")):
            _add(doc, "byline", m.start(), last.end)


def _place_before(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12):pos].strip().lower()
    return any(before.endswith(w.lower()) for w in PLACE_WORDS)


def _byline_names(t: str) -> list[tuple[int, int]] | None:
    """Offsets (within t) of the names a byline line gives; [] for a byline without names;
    None when the line is not a byline."""
    m = BYLINE_LABEL.match(t)
    if m:
        inner = _byline_names(m["names"].strip())
        off = m.start("names") + (len(m["names"]) - len(m["names"].lstrip()))
        return [(s + off, e + off) for s, e in inner] if inner else []
    if BYLINE_ABBR.match(t):
        return []
    m = BYLINE_NAMES.match(t)
    if m:
        out = []
        for nm in regex.finditer(rf"{_SYL}(?:\s{_SYL}){{0,3}}", m["names"]):
            out.append((nm.start(), nm.end()))
        return out
    return None


def byline_names(t: str) -> list[tuple[int, int]]:
    return _byline_names(t) or []


def _find_tail(doc: Document, body: list[Span]) -> int:
    """Index in `body` where the byline/source lines at the end begin."""
    text = doc.text
    k = len(body)
    while k > 0 and len(body) - k < 5:
        t = text[body[k - 1].start:body[k - 1].end].strip()
        if SOURCE_LINE.match(t):
            k -= 1
            continue
        if len(t) <= 80 and (_byline_names(t) is not None or BYLINE_ABBR.match(t)):
            k -= 1
            continue
        break
    if not any(_byline_names(text[ln.start:ln.end].strip()) is not None for ln in body[k:]):
        # a byline with a label or an agency above trailing photo captions: "Minh Anh (tổng hợp)"
        for j in range(k - 1, max(k - 7, -1), -1):
            t = text[body[j].start:body[j].end].strip()
            m = BYLINE_NAMES.match(t) if len(t) <= 80 else None
            if BYLINE_LABEL.match(t) and len(t) <= 80 or (m and m["org"]):
                return j
    return k


# --- formal documents --------------------------------------------------------------------

def _segment_formal(doc: Document, lines: list[Span]) -> None:
    text = doc.text
    n = len(lines)
    kinds: list[str | None] = [None] * n
    doc_types = load_phrases("doc_type_words")
    type_idx = None
    seen_anchor = False  # a number or dateline line: the header has begun
    for i, ln in enumerate(lines[:40]):
        t = text[ln.start:ln.end].strip()
        if VV_LINE.match(t) or (i > 0 and kinds[i - 1] == "summary" and t[:1].islower()):
            kinds[i] = "summary"  # a công văn's "V/v ..." summary (no type line)
        elif PAGE_HEADER.match(t):
            kinds[i] = "page_header"
        elif MOTTO_STATE.search(t) or MOTTO_STATE2.search(t) or MOTTO_PARTY.fullmatch(t.strip(" -_*")):
            kinds[i] = "motto"
        elif SEPARATOR.match(t):
            kinds[i] = "separator"
        elif NUMBER_LINE.match(t):
            kinds[i] = "number"
            seen_anchor = True
        elif DATELINE.match(t):
            kinds[i] = "dateline"
            seen_anchor = True
        elif type_idx is None and t.upper() == t and t.strip(" :").lower() in doc_types and i > 0:
            kinds[i] = "doc_type"
            type_idx = i
            break
        elif UPPER_LINE.match(t) and type_idx is None and not (seen_anchor and SIGN_PREFIX.match(t)):
            kinds[i] = "authority"
        elif seen_anchor:
            break  # running text: the header is over (a công văn has no type line)
    # summary: the lines after the type word until a blank line, separator or body start
    if type_idx is not None:
        j = type_idx + 1
        while j < n and j - type_idx <= 6:
            ln = lines[j]
            t = text[ln.start:ln.end].strip()
            gap = text[lines[j - 1].end:ln.start].count("\n") > 1
            if SEPARATOR.match(t) or KINH_GUI.match(t) or PAGE_HEADER.match(t) or t.startswith("Căn cứ"):
                break
            if j > type_idx + 1 and (gap or BODY_START.match(t)):
                break
            kinds[j] = "summary"
            j += 1
    # the signature block: [prefix] title line(s) then a name line, after the summary
    start_body = (type_idx or 0) + 1
    sig_found = False
    for i in range(start_body, n):
        t = text[lines[i].start:lines[i].end].strip()
        if RECIPIENTS.match(t):
            kinds[i] = "recipients"
            k = i + 1
            while k < n and ITEM.match(text[lines[k].start:lines[k].end].strip()):
                kinds[k] = "recipients"
                k += 1
            continue
        if sig_found or kinds[i] is not None:
            continue
        if SIGN_PREFIX.match(t) or SIGN_TITLE.match(t):
            block = [i]
            k = i + 1
            while k < n and k - i <= 4:
                tk = text[lines[k].start:lines[k].end].strip()
                if SIGN_TITLE.match(tk) or SIGN_PREFIX.match(tk):
                    block.append(k)
                    k += 1
                    continue
                if NAME_LINE.match(tk) and not UPPER_LINE.match(tk):
                    for b in block:
                        tb = text[lines[b].start:lines[b].end].strip()
                        kinds[b] = "signer_prefix" if SIGN_PREFIX.match(tb) else "signer_title"
                    kinds[k] = "signer_name"
                    sig_found = True
                    break
                if tk.startswith("(") or tk.lower().startswith(("đã ký", "chữ ký")):
                    k += 1
                    continue
                break
    prev_open = False  # the last running-text segment ends without closing punctuation
    for i, ln in enumerate(lines):
        kind = kinds[i]
        t = text[ln.start:ln.end].strip()
        if kind is None and prev_open and not SECTION.match(t) and not ITEM.match(t) and not RECIPIENTS.match(t):
            # a hard line break inside a paragraph (PDF and Word extractions): extend it
            doc.segments[-1].end = ln.end
            prev_open = not _CLOSED.search(t)
            continue
        if kind is None:
            if i < (type_idx or 0):
                kind = "header"
            elif KINH_GUI.match(t):
                kind = "recipient"
            elif SECTION.match(t):
                kind = "section"
            elif ITEM.match(t):
                kind = "item"
            elif PAGE_HEADER.match(t):
                kind = "page_header"
            else:
                kind = "paragraph"
        if kind == "page_header" and prev_open:
            continue  # a page number inside a broken paragraph: keep the paragraph open
        _add(doc, kind, ln.start, ln.end)
        prev_open = kind in ("paragraph", "section", "item", "recipient") and not _CLOSED.search(t)


# --- sentences ---------------------------------------------------------------------------

_RUNNING = {"paragraph", "caption", "section", "item", "heading", "title", "summary", "recipient"}
_SENT_FALLBACK = regex.compile(r"[^.!?…]+(?:[.!?…]+[”\"')]*|$)")


_SENT_END = regex.compile(r"[.?!]")


def _punkt_abbreviations() -> frozenset[str] | None:
    """underthesea's sentence tokenizer's abbreviations ("tp", "ts", one letters...), or None
    when its tokenizer is not the Punkt-style one _punkt_sentences reproduces."""
    try:
        from underthesea.pipeline import sent_tokenize as st

        st._load_model()
        tok = st.sentence_tokenizer
        if type(tok).__name__ != "PunktSentenceTokenizer" or tok.SENT_END_CHARS != frozenset(".?!"):
            return None
        return frozenset(tok.abbrev_types)
    except Exception:  # pragma: no cover - underthesea is a dependency
        return None


def _punkt_sentences(text: str, abbrev: frozenset[str]) -> list[str]:
    """underthesea.sent_tokenize(text), the same list, step for step (its
    PunktSentenceTokenizer.sentences_from_text); only it jumps from one '.', '?' or '!' to
    the next instead of testing every character in Python (a fifth of segmenting).
    benchmarks/check_sentences.py compares the two."""
    if not text or not text.strip():
        return []
    sentences = []
    start = 0
    n = len(text)
    find = _SENT_END.search

    def cut(end: int) -> int:
        """End the sentence at `end`; where the next one starts (after the spaces)."""
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
        while end < n and text[end] in " \t\n\r":
            end += 1
        return end

    m = find(text, 0)
    while m is not None:
        i = m.start()
        if text[i] == ".":
            dot_end = i
            while dot_end < n and text[dot_end] == ".":
                dot_end += 1
            if dot_end - i >= 3:
                # an ellipsis: a boundary at the end or before an uppercase letter
                after = dot_end
                while after < n and text[after] in " \t":
                    after += 1
                if after >= n or text[after].isupper():
                    start = dot_end = cut(dot_end)
                m = find(text, dot_end)
                continue
            # "1.500.000": a dot between digits; "TP.": a dot after an abbreviation
            if i > 0 and text[i - 1].isdigit() and i + 1 < n and text[i + 1].isdigit():
                m = find(text, i + 1)
                continue
            w = i - 1
            while w >= 0 and (text[w].isalnum() or text[w] == "."):
                w -= 1
            word = text[w + 1:i]
            if word and word.lower() in abbrev:
                m = find(text, i + 1)
                continue
        end = i + 1
        while end < n and text[end] in ".?!":
            end += 1
        start = end = cut(end)
        m = find(text, end)
    final = text[start:].strip()
    if final:
        sentences.append(final)
    return sentences


_ABBREV: list = []  # [abbreviations or None], filled on first use


def _sent_tokenize(text: str) -> list[str]:
    if not _ABBREV:
        _ABBREV.append(_punkt_abbreviations())
    if _ABBREV[0] is not None:
        return _punkt_sentences(text, _ABBREV[0])
    try:
        from underthesea import sent_tokenize
    except Exception:  # pragma: no cover - underthesea is a dependency
        return [m.group() for m in _SENT_FALLBACK.finditer(text)]
    return sent_tokenize(text)


def _add_sentences(doc: Document) -> None:
    text = doc.text
    for seg in list(doc.segments):
        if seg.kind not in _RUNNING:
            continue
        chunk = text[seg.start:seg.end]
        pos = 0
        for sent in _sent_tokenize(chunk):
            sent = sent.strip()
            if not sent:
                continue
            k = chunk.find(sent, pos)
            if k < 0:  # the tokenizer changed the text: fall back to a word anchor
                head = sent.split()[0]
                k = chunk.find(head, pos)
                if k < 0:
                    continue
                e = chunk.find(sent.split()[-1], k)
                end = e + len(sent.split()[-1]) if e >= 0 else len(chunk)
            else:
                end = k + len(sent)
            _add(doc, "sentence", seg.start + k, seg.start + end)
            pos = end
