"""Vietnamese numbers: digits with the genre's separators, number words, Roman numerals.

Shared layer: extractors call `parse_number`, `parse_count`, `roman_to_int` and
`parse_ordinal`; none of them parses a number on its own.

Separators follow Vietnamese usage: "." groups thousands ("1.234"), "," is the decimal
mark ("7,63", "1.234,5"). A lone "." followed by other than three digits is read as a
decimal point ("7.63"), as some portals write it.
"""
from __future__ import annotations

import regex

from ..lexicon import lazy_pattern


# ---------------------------------------------------------------- digits

NUMBER_RE = lazy_pattern(regex.compile,
    r"""
    (?<![\d.,])
    (?P<num>
      \d{1,3}(?:\.\d{3})+(?:,\d+)?   # 1.234  1.234.567  1.234,5
    | \d{1,3}(?:,\d{3}){2,}(?:\.\d+)? # 1,234,567 (English grouping, only with two groups)
    | \d+(?:[,.]\d+)?                # 7,63  2020  7.5
    )
    (?![\d])
    """,
    regex.VERBOSE,
)


_DIGITS = lazy_pattern(regex.compile, r"\d[\d.,]*")
_DOT_THOUSANDS = lazy_pattern(regex.compile, r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 1.234.567,5
_COMMA_THOUSANDS = lazy_pattern(regex.compile, r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")  # 1,234,567.5
_COMMA_DECIMAL = lazy_pattern(regex.compile, r"\d+,\d+")
_DOT_DECIMAL = lazy_pattern(regex.compile, r"\d+\.\d+")
_INTEGER = lazy_pattern(regex.compile, r"\d+")


def _parse_digits(s: str) -> float | None:
    s = s.strip().replace("\u00a0", "").replace(" ", "")
    if not s or not _DIGITS.fullmatch(s, None, None, False):
        return None
    if _DOT_THOUSANDS.fullmatch(s, None, None, False):
        return float(s.replace(".", "").replace(",", "."))
    if _COMMA_THOUSANDS.fullmatch(s):
        return float(s.replace(",", ""))
    if _COMMA_DECIMAL.fullmatch(s):
        return float(s.replace(",", "."))
    if _DOT_DECIMAL.fullmatch(s):
        return float(s)
    if _INTEGER.fullmatch(s):
        return float(int(s))
    return None


def _separated(s: str) -> float | None:
    """_parse_digits(s) for the commonest numbers with a separator, read without its regexes:
    ASCII digits in groups with one kind of separator, "1.234.567" (_DOT_THOUSANDS), "7.63"
    (_DOT_DECIMAL), "7,63" (_COMMA_DECIMAL); None for any other string (then _parse_digits
    reads it). benchmarks/check_targets.py compares the two on every short string of digits
    and separators."""
    if not s.isascii():
        return None
    if "," not in s:
        parts = s.split(".")
        if len(parts) < 2 or not all(p.isdigit() for p in parts):
            return None
        if len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]):
            return float(s.replace(".", ""))
        return float(s) if len(parts) == 2 else None
    if "." not in s:
        a, _, b = s.partition(",")
        if a.isdigit() and b.isdigit():  # one comma (b holds none)
            return float(s.replace(",", "."))
    return None


# ---------------------------------------------------------------- words

_DIGIT_WORDS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10,
}
_SCALES = {"trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_SPECIAL = {"nửa": 0.5, "rưỡi": 0.5, "chục": 10, "mươi": 10}


def words_to_number(s: str) -> float | None:
    """'mười lăm' 15, 'hai mươi mốt' 21, 'một trăm lẻ năm' 105, 'nửa' 0.5; None if not a number."""
    toks = s.lower().replace("-", " ").split()
    if not toks:
        return None
    if toks == ["nửa"]:
        return 0.5
    total = 0
    current = 0  # value below the current large scale
    last = None  # last digit word value, for "mươi"/"trăm"
    seen = False
    for i, t in enumerate(toks):
        if t in ("lẻ", "linh"):
            continue
        if t == "mười":
            current += 10
            last = None
        elif t == "mươi":
            if last is None:
                return None
            current += last * 10 - last
            last = None
        elif t == "chục":
            if last is None:
                last = 1
                current += 1
            current += last * 10 - last
            last = None
        elif t == "trăm":
            if last is None:
                return None
            current += last * 100 - last
            last = None
        elif t in _SCALES:
            if current == 0 and not seen:
                return None
            total += (current or 1) * _SCALES[t]
            current = 0
            last = None
        elif t == "rưỡi":
            current += 0.5
        elif t in _DIGIT_WORDS:
            v = _DIGIT_WORDS[t]
            if t in ("mốt", "lăm", "nhăm", "tư") and i == 0:
                if t == "tư" and len(toks) == 1:
                    v = 4
                else:
                    return None
            current += v
            last = v
        else:
            return None
        seen = True
    return float(total + current) if seen else None


NUMBER_WORDS = tuple(sorted(set(_DIGIT_WORDS) | set(_SCALES) | {"mươi", "lẻ", "linh", "nửa", "rưỡi", "chục"}, key=len, reverse=True))

# ---------------------------------------------------------------- roman

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_RE = lazy_pattern(regex.compile, r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def roman_to_int(s: str) -> int | None:
    """'XII' 12, 'XV' 15; None unless s is a well-formed Roman numeral (upper case)."""
    s = (s or "").strip()
    if not s or not _ROMAN_RE.fullmatch(s, None, None, False):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total or None


# ---------------------------------------------------------------- public verbs


def parse_number(s: str) -> float | None:
    """A number as written: '1.234' 1234, '7,63' 7.63, '1.234,5' 1234.5, '01' 1,
    'mười lăm' 15, 'nửa' 0.5. None when s is not one number."""
    if s is None:
        return None
    if s.isdigit() and s.isascii():  # "2020", "01": the common case, as _parse_digits reads it
        return float(int(s))
    if (v := _separated(s)) is not None:  # "1.234", "7,63": the next commonest, no regex
        return v
    s = s.strip()
    if not s:
        return None
    v = _parse_digits(s)
    if v is not None:
        return v
    return words_to_number(s)


def parse_count(s: str) -> int | None:
    """A whole count: '01' 1, '15', '1.234' 1234, 'mười lăm' 15; None for fractions or non-numbers."""
    v = parse_number(s)
    if v is None or v != int(v) or v < 0:
        return None
    return int(v)


_ORDINAL_WORDS = {"nhất": 1, "nhứt": 1, "tư": 4}
_ORDINAL_PREFIX = lazy_pattern(regex.compile, r"^(?:lần\s+)?thứ\s+", regex.IGNORECASE)
_ORDINAL_DIGITS = lazy_pattern(regex.compile, r"\d{1,4}")
_ORDINAL_ROMAN = lazy_pattern(regex.compile, r"[IVXLCDMivxlcdm]+")


def parse_ordinal(s: str) -> int | None:
    """'2' 2, 'II' 2, 'thứ hai' 2, 'thứ nhất' 1, 'lần thứ XII' 12; None otherwise."""
    s = (s or "").strip()
    s = _ORDINAL_PREFIX.sub("", s, 0, None, None, False)
    if not s:
        return None
    if _ORDINAL_DIGITS.fullmatch(s, None, None, False):
        return int(s) or None
    r = roman_to_int(s.upper()) if _ORDINAL_ROMAN.fullmatch(s, None, None, False) else None
    if r:
        return r
    low = s.lower()
    if low in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[low]
    v = words_to_number(low)
    if v is not None and v == int(v) and v > 0:
        return int(v)
    return None


# ---------------------------------------------------------------- quantities in text

_NUM_WORD_ALT = "|".join(regex.escape(w) for w in NUMBER_WORDS)

QUANTITY_RE = lazy_pattern(regex.compile,
    rf"""
    (?<![\w.,/])
    (?P<value>
      \d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?
    | \d+(?:,\d+)?(?:\.\d+)?
    )
    (?![\d])
    """,
    regex.VERBOSE,
)


def units() -> tuple[str, ...]:
    """The unit lexicon (data/vi/units.txt), longest first."""
    from ..lexicon import load_list

    return load_list("units")
