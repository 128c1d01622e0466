"""Place records: administrative units named with their level ("huyện Đắk Song", "xã Trường
Xuân", "tỉnh Kiên Giang"), resolved against underthesea's address data: the province (as it
was when written) and the province after the 1 July 2025 merger.

underthesea.address is imported lazily, on the first document that names a place.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from ..doc.document import Document
from ..lang.names import doc_admin_units
from ..records import Evidence, Place

SKIP_KINDS = {"byline", "source"}


@lru_cache(maxsize=4096)
def _convert(address: str):
    try:
        from underthesea.address import convert_address
    except ImportError:  # pragma: no cover - underthesea is a dependency
        return None
    try:
        return convert_address(address)
    except Exception:  # the converter raises on odd input; a place is still reported
        return None


def _title(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in s.split())


def resolve(level: str, name: str, province: str | None) -> tuple[str | None, str | None]:
    """(province as written then, province after 2025) of a unit, or (None, None)."""
    if level in ("tỉnh",) or (level == "thành phố" and province is None):
        r = _convert(f"{level} {name}")
    elif province:
        r = _convert(f"{level} {name}, tỉnh {province}")
    else:
        return None, None
    if r is None or r.old is None or not r.old.province:
        return None, None
    old = r.old.province
    old = old.split(" ", 1)[1] if old.split(" ", 1)[0] in ("tỉnh", "thành") else old
    old = old[4:] if old.startswith("phố ") else old
    new = r.new.province if r.new else None
    if new:
        new = new.split(" ", 1)[1] if new.split(" ", 1)[0] in ("Tỉnh", "Thành") else new
        new = new[4:] if new.startswith("phố ") else new
    return _title(old), new


def find_places(doc: Document) -> Iterator[Place]:
    skipped = [s for s in doc.segments if s.kind in SKIP_KINDS]
    units = [u for u in doc_admin_units(doc)
             if not any(s.start <= u.start and u.end <= s.end for s in skipped)]
    if not units:
        return
    province = None
    for u in units:
        if u.level == "tỉnh":
            p, _ = resolve(u.level, u.name, None)
            if p:
                province = p
                break
    seen: set[tuple[str, str]] = set()
    for u in units:
        key = (u.level, u.name.lower())
        if key in seen:
            continue
        seen.add(key)
        old, new = resolve(u.level, u.name, province)
        yield Place(name=f"{doc.text[u.start:u.name_start].strip()} {u.name}".strip(), level=u.level,
                    province=old, province_2025=new, evidence=Evidence.of(doc.text, u.start, u.end))
