"""The text of PDF pages made whole: page furniture dropped, words and numbers rejoined.

`clean_pages(pages)` takes the text of each page, as a PDF text extractor gives it, and
returns one text:

- headers and footers: a line near the top or the bottom of a page whose shape (digits
  read as "#") comes back at the same edge of most pages is dropped there;
- page numbers at an edge: "- 3 -", "Trang 3/10", "Page 3 of 10", "[3]", and a bare "3"
  when it is close to the page's own index;
- the "Ƣ/ƣ" of some Vietnamese PDF fonts read as "Ư/ư" (normalize does it too; done here
  first so the word checks below see real letters);
- a number or a symbol broken at a line end: "1.234.\\n567" -> "1.234.567",
  "5/3/\\n2021", "12/QĐ-\\nUBND";
- a syllable broken by a line break or a stray space: "Quy\\nết", "Th ực" -> "Quyết",
  "Thực", when the pieces are not Vietnamese syllables and the whole is (the syllables
  of underthesea's Viet74K word list); "tri-\\nển" -> "triển" the same way.

- the two columns of a formal document's header and signature block (Decree 30/2020/NĐ-CP,
  Guide 36-HD/VPTW), which a text extractor merges row by row ("Số 15-NQ/TU Gia Nghĩa,
  ngày 12 tháng 3 năm 2024", "HUYỆN ĐẮK SONG Độc lập - Tự do - Hạnh phúc", "- Như trên;
  CHỦ TỊCH"): each merged line is cut where the right column begins, and the block is
  written left column first, then right column (split_columns).

Pages are joined with one line break: a paragraph that runs on over a page break stays
open for the segmenter, which joins broken lines of running text.
"""
from __future__ import annotations

import importlib.util
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import regex

#: lines looked at, at the top and at the bottom of each page, for furniture
EDGE = 3
#: a header or footer line is no longer than this (a repeated sentence of body text is kept)
FURNITURE_CHARS = 100

PAGE_NUMBER = regex.compile(
    r"""^(?:[-–—]\s*(?P<n>\d{1,4})\s*[-–—]                 # - 3 -
        |(?:Trang|Page|Tr\.)\s*\d{1,4}(?:\s*(?:/|of|trên|\|)\s*\d{1,4})?  # Trang 3/10, Page 3 of 10
        |\[\s*\d{1,4}\s*\]                                 # [3]
        |(?P<bare>\d{1,4})(?:\s*/\s*\d{1,4})?              # 3, 3/10
        )$""",
    regex.VERBOSE | regex.IGNORECASE,
)
_DIGITS = regex.compile(r"\d+")
_SPACES = regex.compile(r"\s+")


def _shape(line: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", line.strip())).lower()


def _is_page_number(line: str, index: int) -> bool:
    m = PAGE_NUMBER.match(line.strip())
    if not m:
        return False
    if m["bare"] is not None and "/" not in line:
        return abs(int(m["bare"]) - (index + 1)) <= 5  # a bare number: near the page's own number
    return True


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of the first and the last EDGE non-blank lines of a page."""
    filled = [i for i, l in enumerate(lines) if l.strip()]
    return filled[:EDGE], filled[-EDGE:][::-1]


def clean_pages(pages: list[str]) -> str:
    """One text from the pages' texts, without repeated headers, footers and page numbers."""
    split = [p.replace("\r\n", "\n").replace("\r", "\n").split("\n") for p in pages]
    n = len(split)
    top: Counter[str] = Counter()
    bottom: Counter[str] = Counter()
    for lines in split:
        head, tail = _edges(lines)
        top.update({_shape(lines[i]) for i in head})
        bottom.update({_shape(lines[i]) for i in tail})
    most = max(2, n // 2 + 1)
    repeated_top = {s for s, c in top.items() if c >= most} if n >= 2 else set()
    repeated_bottom = {s for s, c in bottom.items() if c >= most} if n >= 2 else set()
    out: list[str] = []
    for index, lines in enumerate(split):
        drop: set[int] = set()
        head, tail = _edges(lines)
        for edge, repeated in ((head, repeated_top), (tail, repeated_bottom)):
            for i in edge:  # from the edge inwards, while the lines are furniture
                line = lines[i]
                if (len(line) <= FURNITURE_CHARS and _shape(line) in repeated) or _is_page_number(line, index):
                    drop.add(i)
                else:
                    break
        kept = [l for i, l in enumerate(lines) if i not in drop]
        while kept and not kept[-1].strip():
            kept.pop()
        while kept and not kept[0].strip():
            kept.pop(0)
        if kept:
            out.append("\n".join(kept))
    return repair_breaks(split_columns("\n".join(out)))


# --- the two columns of a formal header and signature block ----------------------------

#: lines from the top looked at for a header, lines after "Nơi nhận" for a signature block
HEADER_LINES = 14
FOOTER_LINES = 16
#: a merged row of two columns is no longer than this (a longer line is running text)
ROW_CHARS = 160
# where the header's right column begins on a merged line: the motto, or the place before
# ", ngày ... năm YYYY" that ends the line (capitalized words: "Gia Nghĩa", "TP. Hồ Chí
# Minh", "Bà Rịa - Vũng Tàu"); only in a header that has the motto
_MOTTO = regex.compile(
    r"(?:CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc)"
    r"(?=[\s\-_–—=*~]*$)"  # the motto ends its line (the right column's row)
)
_PLACE_WORD = r"\p{Lu}[\p{L}’'.]*"
_DATELINE = regex.compile(
    rf"(?<!\S)(?:Thành\s+phố\s+)?{_PLACE_WORD}(?:(?:\s+|\s*-\s*){_PLACE_WORD}){{0,5}}\s*,\s*ngày\b[^\n]{{0,40}}?năm\s+\d{{4}}\s*$"
)
_RECIPIENTS = regex.compile(r"^\s*Nơi\s+nhận\b", regex.IGNORECASE)
# where the signature column begins on a merged line: a signing prefix ("TM. ỦY BAN NHÂN
# DÂN"), a title in capitals at the end ("- Như trên; CHỦ TỊCH"), a name at the end
# after punctuation ("- Lưu: VT. Nguyễn Văn Bình")
_SIGNATURE = regex.compile(
    r"""(?<=\S)\s+(?=(?:TM|KT|TL|TUQ|T/M|K/T|T/L)\s*\.?\s+\p{Lu}{2,})
      |(?<=\p{Ll}[^\p{Lu}]*?)\s+(?=\p{Lu}{2,}(?:\s+\p{Lu}{2,})+\s*$)
      |(?<=[.;:,])\s+(?=\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,3}\s*$)""",
    regex.VERBOSE,
)
_LEFT_ITEM = regex.compile(r"^\s*(?:[-–+•*]|Nơi\s+nhận\b)", regex.IGNORECASE)


def _header_cut(line: str) -> int | None:
    """Where the right column begins on a header line: 0 for a right-column line, None for a
    left-column line."""
    if len(line) > ROW_CHARS:
        return None
    for pat in (_MOTTO, _DATELINE):
        m = pat.search(line)
        if m:
            return m.start() if line[:m.start()].strip() else 0
    return None


def split_columns(text: str) -> str:
    """The header and the signature block read as two columns, left then right, where a
    text extractor merged their rows; any other text is returned unchanged."""
    lines = text.split("\n")
    if not any(_MOTTO.search(line) for line in lines[:HEADER_LINES]):
        return text  # no formal header (a news item, a page without the motto)
    lines = _split_footer(_split_header(lines))
    return "\n".join(lines)


def _split_header(lines: list[str]) -> list[str]:
    head = lines[:HEADER_LINES]
    cuts = [_header_cut(line) if line.strip() else None for line in head]
    last = max((i for i, c in enumerate(cuts) if c is not None), default=None)
    if last is None or not any(c for c in cuts if c):  # no right column, or no merged row
        return lines
    left: list[str] = []
    right: list[str] = []
    for line, cut in zip(head[:last + 1], cuts):
        if not line.strip():
            continue
        if cut is None or cut > 0:
            left.append((line if cut is None else line[:cut]).strip())
        if cut is not None:
            right.append(line[cut:].strip())
    end = last + 1
    # a "V/v ..." summary of the left column may run on below the place-and-date row
    if any(l.startswith(("V/v", "V/V")) for l in left):
        while end < len(lines) and lines[end].strip()[:1].islower():
            left.append(lines[end].strip())
            end += 1
    return left + right + lines[end:]


def _split_footer(lines: list[str]) -> list[str]:
    start = next((i for i in range(len(lines) - 1, -1, -1) if _RECIPIENTS.match(lines[i])), None)
    if start is None or len(lines) - start > FOOTER_LINES:
        return lines
    left: list[str] = []
    right: list[str] = []
    merged = False
    for line in lines[start:]:
        if not line.strip():
            continue
        m = _SIGNATURE.search(line) if len(line) <= ROW_CHARS else None
        if m and line[:m.start()].strip():
            left.append(line[:m.start()].strip())
            right.append(line[m.end():].strip())
            merged = True
        elif _LEFT_ITEM.match(line):
            left.append(line.strip())
        else:
            right.append(line.strip())
    if not merged:
        return lines
    return lines[:start] + left + right


# --- broken numbers, symbols and syllables ------------------------------------------------

_JOIN_NUMBER = regex.compile(
    r"""(?<![\d.,])\d{1,3}(?:[.,]\d{3})+[.,]\K\n(?=\d{3}(?!\d))   # 1.234.\n567
        |(?<![\d.,])\d{1,3}[.,]\K\n(?=\d{3}[.,]\d{3}(?!\d))       # 1.\n234.567
        |(?<![\d.,])\d{1,3}(?:[.,]\d{3})+\K\n(?=[.,]\d{3}(?!\d))  # 1.234\n.567
        |(?<=\d/)\n(?=\d|\p{Lu})                                   # 5/3/\n2021, 12/\nQĐ-UBND
        |(?<=[\p{Lu}\d]-)\n(?=\p{Lu})                              # QĐ-\nUBND
    """,
    regex.VERBOSE,
)
# a run of letters, and what follows it up to the next letter
_WORD = regex.compile(r"(?P<w>\p{L}+)(?P<gap>[^\p{L}]*)")
_VOWELS = frozenset("aăâeêioôơuưyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _key(word: str) -> str:
    from .normalize import retone

    return retone(unicodedata.normalize("NFC", word.lower()))


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Vietnamese syllables (lower case, old tone placement): those of underthesea's Viet74K."""
    spec = importlib.util.find_spec("underthesea")
    roots = list(spec.submodule_search_locations or []) if spec else []
    for root in roots:
        path = Path(root) / "corpus" / "data" / "Viet74K.txt"
        if path.is_file():
            words = path.read_text(encoding="utf-8").lower().split()
            return frozenset(_key(w) for w in words if w.isalpha() and _VOWELS & set(w))
    return frozenset()  # pragma: no cover - underthesea is a dependency


def _joins(x: str, sep: str, y: str, known: frozenset[str]) -> bool:
    """Whether x, sep, y are one syllable cut in two (sep: a space, a line break or "-\n")."""
    if not (y.islower() or (y.isupper() and x.isupper())):
        return False
    if sep != "-\n":  # cheap checks first: most pairs are two real syllables
        y_bad = _key(y) not in known
        x_bad = not (_VOWELS & set(x.lower())) and (len(x) == 1 or x[1:].islower())
        # "Quy ết", "Th ực" on one line; "Quy\nết", "T\nhực" across lines; never two real syllables
        if not (y_bad or (x_bad and (sep == "\n" or len(x) >= 2))):
            return False
    return _key(x + y) in known  # "tri-\nển": a syllable hyphenated at a line end


def _join_syllables(text: str, known: frozenset[str]) -> str:
    out: list[str] = []
    words = [(m["w"], m["gap"], m.start()) for m in _WORD.finditer(text)]
    first = words[0][2] if words else len(text)
    out.append(text[:first])
    i = 0
    while i < len(words):
        w, gap, _ = words[i]
        if gap in (" ", "\n", "-\n") and i + 1 < len(words) and _joins(w, gap, words[i + 1][0], known):
            out.append(w + words[i + 1][0] + words[i + 1][1])
            i += 2
            continue
        out.append(w + gap)
        i += 1
    return "".join(out)


def repair_breaks(text: str) -> str:
    """Numbers, symbols and syllables broken by a line end or a stray space, made whole."""
    text = text.replace("Ƣ", "Ư").replace("ƣ", "ư")
    text = _JOIN_NUMBER.sub("", text)
    known = syllables()
    if known:
        text = _join_syllables(text, known)
    # a hyphen at a line end that did not join two halves of a syllable: a code or a compound
    return regex.sub(r"(?<=\w)-\n(?=\w)", "-", text)
