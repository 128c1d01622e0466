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
    return repair_breaks("\n".join(out))


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
