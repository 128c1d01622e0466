"""Reading inputs: bytes to text, and JSONL lines to (id, text) pairs.

Only clear cases are decoded here (UTF-8 with or without BOM, UTF-16 with BOM); binary
input is refused with a message saying what it looks like.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .errors import InputError

_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (DOCX/XLSX?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (DOC/XLS)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)


def decode_bytes(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """(text, encoding) of an input's bytes, or InputError naming what is wrong."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: looks like {what}, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: bad UTF-16 at byte {e.start}") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: binary data (NUL byte at offset {data.index(0)})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not UTF-8: byte 0x{data[e.start]:02x} at offset {e.start}") from None


@dataclass
class JsonlItem:
    id: str | None
    text: str | None
    error: str | None = None
    extra: dict[str, Any] | None = None


def parse_jsonl_line(line: str, lineno: int, name: str = "<stdin>") -> JsonlItem:
    """One JSONL line as {"id", "text"}; other keys are passed by, bad lines become errors."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return JsonlItem(None, None, f"{name}:{lineno}: not JSON: {e.msg} at column {e.colno}")
    if not isinstance(obj, dict):
        return JsonlItem(None, None, f"{name}:{lineno}: expected a JSON object, got {type(obj).__name__}")
    doc_id = obj.get("id")
    doc_id = None if doc_id is None else str(doc_id)
    text = obj.get("text")
    if not isinstance(text, str):
        return JsonlItem(doc_id, None, f"{name}:{lineno}: missing or non-string \"text\"")
    return JsonlItem(doc_id, text)
