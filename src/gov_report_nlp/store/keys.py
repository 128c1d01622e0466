"""Keys that compare names across documents, and short body names expanded with a place.

- `name_key("Lê Trung  Hồ")` "lê trung hồ": one tone placement (as the text is normalized),
  case and spaces folded; diacritics kept (Hồ and Hổ are two names).
- `place_key("Đăk Song")` "dak song": diacritics folded too, because portals spell a place
  both ways ("Đăk Song", "Đắk Song").
- `expand_body("UBND huyện", {"huyện": "Đắk Song"})` "UBND huyện Đắk Song": a body named by
  its level alone takes the document's place of that level; a body that names its place
  ("Huyện ủy Vĩnh Thuận") or a generic one ("UBND cấp huyện") is left as written.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from ..lexicon import alternation, load_list, load_map
from ..io.normalize import normalize_text


@lru_cache(maxsize=65536)
def name_key(name: str | None) -> str:
    if not name:
        return ""
    return " ".join(normalize_text(name).casefold().split())


@lru_cache(maxsize=65536)
def place_key(name: str | None) -> str:
    if not name:
        return ""
    s = unicodedata.normalize("NFD", name.casefold().replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(regex.sub(r"[^\w]+", " ", s).split())


@lru_cache(maxsize=1)
def _levels() -> dict[str, str]:
    """level word (lowercase) -> level: 'huyện' -> 'huyện', 'tp.' -> 'thành phố'."""
    return {k.casefold(): v for k, v in load_map("admin_levels").items()}


@lru_cache(maxsize=1)
def _committees() -> dict[str, str]:
    return {k.casefold(): v for k, v in load_map("committee_levels").items()}


@lru_cache(maxsize=1)
def _patterns():
    levels = alternation(list(_levels()) + list(_committees()))
    generic = alternation(load_list("level_generic_words"))
    # a body (or title) that ends with its level: "UBND huyện", "Ban Tuyên giáo Tỉnh ủy"
    ends = regex.compile(rf"(?i)(?:^|\s)(?P<before>\S+\s+)?(?P<level>{levels})$")
    # the place a text names after a level word: "Huyện ủy Vĩnh Thuận", "UBND tỉnh Đắk Nông"
    named = regex.compile(rf"(?i)(?:^|\s)(?P<level>{levels})\s+(?P<place>(?-i:\p{{Lu}})\w*(?:\s+(?-i:\p{{Lu}})\w*){{0,3}})")
    return ends, named, regex.compile(rf"(?i)^(?:{generic})\s+$")


def level_of(word: str) -> str | None:
    w = word.casefold()
    return _levels().get(w) or _committees().get(w)


def parse_place(text: str | None) -> tuple[str, str] | None:
    """'huyện Đắk Song' -> ('huyện', 'Đắk Song'); None without a level word in front."""
    if not text or not isinstance(text, str):
        return None
    words = text.split()
    for n in (2, 1):
        if len(words) > n and (lv := level_of(" ".join(words[:n]))):
            return lv, proper_place(text, lv)
    return None


def proper_place(name: str, level: str | None) -> str:
    """'huyện Giồng Riềng' -> 'Giồng Riềng'; 'TỈNH BÌNH THUẬN' -> 'Bình Thuận'."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n and level_of(" ".join(words[:n])):
            words = words[n:]
            break
    out = " ".join(words)
    return out.title() if out.isupper() else out


def expand_body(name: str | None, places: dict[str, str]) -> str | None:
    """The body's name with the document's place of its level appended, or None when it
    names its place already, is generic, or the document gives no place of that level."""
    if not name or not places:
        return None
    level = _level_at_end(name.strip())
    place = places.get(level) if level else None
    return f"{name.strip()} {place}" if place else None


@lru_cache(maxsize=65536)
def _level_at_end(name: str) -> str | None:
    """The level a body ends with ('UBND huyện' -> 'huyện'), None if generic or none."""
    ends, _, generic = _patterns()
    m = ends.search(name.strip())
    if not m:
        return None
    if m["before"] and generic.match(m["before"]):
        return None
    return level_of(m["level"])


@lru_cache(maxsize=65536)
def named_place(text: str | None) -> tuple[str, str] | None:
    """(level, place) that a body or title names after a level word, or None."""
    if not text:
        return None
    _, named, _ = _patterns()
    m = named.search(text)
    if not m:
        return None
    level = level_of(m["level"])
    return (level, m["place"]) if level else None


@lru_cache(maxsize=1)
def _sole():
    return regex.compile(rf"(?i)^(?:{alternation(load_list('sole_titles'))})\b")


def is_sole_title(title: str) -> bool:
    """A position one person holds at a time in one body ('Bí thư Huyện ủy ...')."""
    return bool(_sole().match(title.strip()))
