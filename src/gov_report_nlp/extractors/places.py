"""Place records: administrative units named with their level ("huyện Đắk Song", "xã Trường
Xuân", "tỉnh Kiên Giang"), resolved against underthesea's address data: the province (as it
was when written) and the province after the 1 July 2025 merger.

The resolution is underthesea 9.5.0's convert_address (underthesea/address/converter.py), the
part of it that gives the two provinces, reproduced step for step (_convert) on our own copy of
its province table (data/address_provinces.txt, built from underthesea's address/data/mapping.json
by province_table_from_underthesea()): importing underthesea.address imports all of underthesea
(its __init__ loads the NLP pipeline), half a second of a cold CLI start. The ward lookup that
follows in convert_address changes neither province and cannot raise on its data, so it is left
out. benchmarks/check_places.py compares the two on thousands of place names; tests/test_places.py
checks the table and the constants against the installed underthesea.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..doc.document import Document
from ..lang.names import doc_admin_units
from ..records import Evidence, Place

SKIP_KINDS = {"byline", "source"}

TABLE_PATH = Path(__file__).resolve().parents[1] / "data" / "address_provinces.txt"

# underthesea/address/normalizer.py's ABBREVIATIONS in the order expand_abbreviations applies them
# (sorted by length, longest first, a stable sort)
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("t.p.", "thành phố "), ("t.p ", "thành phố "), ("t.x.", "thị xã "), ("t.t.", "thị trấn "),
    ("tp.", "thành phố "), ("tp ", "thành phố "), ("tx.", "thị xã "), ("tt.", "thị trấn "),
    ("p.", "phường "), ("q.", "quận "), ("h.", "huyện "), ("x.", "xã "),
)
# underthesea/pipeline/text_normalize's character_map (tn_rules_2023_07_14.bin), applied after NFC
CHARACTER_MAP: tuple[tuple[str, str], ...] = (("ð", "đ"), ("Ð", "Đ"))
# underthesea/address/parser.py's WARD_PREFIXES
WARD_PREFIXES = ("phường", "xã", "thị trấn")
_NOT_KEY = re.compile(r"[^a-z0-9]")


def _expand(text: str) -> str:
    """underthesea's expand_abbreviations."""
    result = text.lower().strip()
    for abbr, full in ABBREVIATIONS:
        result = result.replace(abbr, full)
    return result.strip()


def _key(text: str) -> str:
    """underthesea's normalize_key: lower case, no diacritics, only [a-z0-9]."""
    text = unicodedata.normalize("NFC", text.lower().strip())
    for a, b in CHARACTER_MAP:
        text = text.replace(a, b)
    nfkd = unicodedata.normalize("NFKD", text)
    result = "".join(c for c in nfkd if not unicodedata.combining(c))
    result = result.replace("đ", "d").replace("Đ", "D")
    return _NOT_KEY.sub("", result)


@lru_cache(maxsize=1)
def province_table() -> dict[str, str]:
    """normalized province name (underthesea's province_keywords) -> the province's name after
    2025 as convert_address gives it ("" where its data has none): data/address_provinces.txt."""
    table: dict[str, str] = {}
    for line in TABLE_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, new = line.partition("\t")
            table[key] = new
    return table


def province_table_from_underthesea() -> dict[str, str]:
    """The table as underthesea's converter builds it from its mapping.json (province_keywords,
    then province_mapping and province_names), for checking and rebuilding our copy."""
    import json

    from underthesea.address import converter
    from underthesea.address.normalizer import normalize_key

    with open(converter._DATA_PATH, encoding="utf-8") as f:
        data = json.load(f)
    keywords: dict[str, str] = {}
    for key, info in data["old_province_names"].items():  # converter._build_index, same order
        keywords[normalize_key(info["name"])] = key
        keywords[normalize_key(info["short"])] = key
        keywords[key] = key
    table = {}
    for word, old_key in keywords.items():
        new_key = data["province_mapping"].get(old_key)
        table[word] = data["province_names"].get(new_key, {}).get("name", "") if new_key else ""
    return table


def write_province_table(path: Path = TABLE_PATH) -> None:
    """Write data/address_provinces.txt from the installed underthesea."""
    import underthesea

    lines = [
        "# Provinces for the place records (extractors/places.py): a normalized province name",
        "# (lower case, no diacritics, as underthesea's address normalize_key makes it) <TAB> the",
        "# province after the 1 July 2025 merger, as underthesea's convert_address names it.",
        "#",
        f"# Origin: underthesea {underthesea.__version__} (https://github.com/undertheseanlp/underthesea),",
        "# underthesea/address/data/mapping.json (from vietnamadminunits): its old_province_names,",
        "# province_mapping and province_names, indexed as underthesea/address/converter.py does.",
        "# Written by places.write_province_table(); benchmarks/check_places.py and tests/test_places.py",
        "# compare it with the installed underthesea.",
        "#",
        "# Licence: underthesea 9.x is distributed under the Apache License 2.0 (see",
        "# data/vi/underthesea-LICENSE).",
    ]
    lines += [f"{k}\t{v}" for k, v in province_table_from_underthesea().items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@lru_cache(maxsize=4096)
def _convert(address: str) -> tuple[str, str] | None:
    """(r.old.province, r.new.province) of underthesea's r = convert_address(address)."""
    # parse_address: the parts right to left; a two-part "ward, province" has no district
    parts = [p.strip() for p in _expand(address).split(",") if p.strip()]
    if not parts:
        return "", ""
    province = parts[-1].strip()
    district = parts[-2].strip() if len(parts) >= 2 else ""
    if len(parts) == 2 and parts[0].lower().strip().startswith(WARD_PREFIXES):
        district = ""
    # _resolve_province, then the district's words as the province; the new province's name
    table = province_table()
    new = table.get(_key(_expand(province)))
    if new is None and district:
        new = table.get(_key(_expand(district)))
    return province, new or ""


def convert_plain(address: str) -> tuple[str, str] | None:
    """The same through underthesea.address.convert_address itself (imports all of underthesea)."""
    from underthesea.address import convert_address

    try:
        r = convert_address(address)
    except Exception:  # the converter raises on odd input; a place is still reported
        return None
    return r.old.province if r.old is not None else None, r.new.province if r.new else None


def _title(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in s.split())


def resolve(level: str, name: str, province: str | None, convert=_convert) -> tuple[str | None, str | None]:
    """(province as written then, province after 2025) of a unit, or (None, None)."""
    if level in ("tỉnh",) or (level == "thành phố" and province is None):
        r = convert(f"{level} {name}")
    elif province:
        r = convert(f"{level} {name}, tỉnh {province}")
    else:
        return None, None
    if r is None or not r[0]:
        return None, None
    old, new = r
    old = old.split(" ", 1)[1] if old.split(" ", 1)[0] in ("tỉnh", "thành") else old
    old = old[4:] if old.startswith("phố ") else old
    if new:
        new = new.split(" ", 1)[1] if new.split(" ", 1)[0] in ("Tỉnh", "Thành") else new
        new = new[4:] if new.startswith("phố ") else new
    return _title(old), new


@lru_cache(maxsize=4096)
def _resolved(level: str, name: str, province: str | None) -> tuple[str | None, str | None]:
    """resolve(level, name, province) through _convert: a corpus names the same few units
    (cleared with the other lexicon caches by lexicon.activate, as _convert is)."""
    return resolve(level, name, province)


def find_places(doc: Document) -> Iterator[Place]:
    skipped = [s for s in doc.segments if s.kind in SKIP_KINDS]
    units = [u for u in doc_admin_units(doc)
             if not any(s.start <= u.start and u.end <= s.end for s in skipped)]
    if not units:
        return
    province = None
    for u in units:
        if u.level == "tỉnh":
            p, _ = _resolved(u.level, u.name, None)
            if p:
                province = p
                break
    seen: set[tuple[str, str]] = set()
    for u in units:
        key = (u.level, u.name.lower())
        if key in seen:
            continue
        seen.add(key)
        old, new = _resolved(u.level, u.name, province)
        yield Place(name=f"{doc.text[u.start:u.name_start].strip()} {u.name}".strip(), level=u.level,
                    province=old, province_2025=new, evidence=Evidence.of(doc.text, u.start, u.end))
