"""Reading inputs: bytes to text, and JSONL lines to (id, text) pairs.

Decoded: UTF-8 with or without BOM, UTF-16/32 with BOM, and, for bytes that are not UTF-8,
Windows-1258, TCVN3 (ABC) and VNI-Windows when the text clearly reads as Vietnamese in
one of them (see encodings.py); UTF-8 text that is TCVN3/VNI glyph soup is repaired.
Binary input is refused with a message saying what it looks like (PDF and DOCX files are
read by files.py, not here); other bytes raise an
InputError naming the offset of the first bad byte, or with errors="replace" become U+FFFD.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from . import encodings
from ..errors import InputError

_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (DOCX/XLSX?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (DOC/XLS)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document (open it and save as text)"),
    (b"RIFF", "a RIFF file (WEBP image, WAV audio...)"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"SQLite format 3", "an SQLite database"),
)
ERRORS = ("strict", "replace")


def sniff_binary(data: bytes) -> str | None:
    """What binary bytes look like ("a PDF file"...), or None when they may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:4096]
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return None
    if b"\x00" in head:
        return f"binary data (NUL byte at offset {head.index(0)})"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls >= 8 and controls > len(head) // 10:
        return f"binary data ({controls} control bytes in the first {len(head)})"
    return None


def decode_bytes(data: bytes, name: str = "<input>", *, errors: str = "strict") -> tuple[str, str]:
    """(text, encoding) of an input's bytes, or InputError naming what is wrong.

    encoding is "utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1258", "tcvn3" or "vni";
    "utf-8+tcvn3" / "utf-8+vni" when UTF-8 text was legacy glyph soup that was repaired;
    "utf-8+replace" when errors="replace" replaced bad bytes.
    """
    if errors not in ERRORS:
        raise InputError(f"errors must be one of {', '.join(ERRORS)}, not {errors!r}")
    what = sniff_binary(data)
    if what:
        hint = ""
        if data.startswith(b"%PDF-") or (data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]):
            hint = " (read PDF and DOCX files with gov_report_nlp.extract_file or `gov-report-nlp extract`)"
        raise InputError(f"{name}: looks like {what}, not text{hint}")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _repair(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as e:
            if errors == "replace":
                return data[3:].decode("utf-8", errors="replace"), "utf-8-sig+replace"
            raise InputError(f"{name}: bad UTF-8 after the BOM: byte 0x{data[3 + e.start]:02x} at offset {3 + e.start}") from None
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as e:
                if errors == "replace":
                    return data.decode(codec, errors="replace"), codec + "+replace"
                raise InputError(f"{name}: bad {codec.upper()} at byte offset {e.start}") from None
    try:
        return _repair(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as e:
        bad = e.start
    legacy = encodings.decode_legacy(data)
    if legacy is not None:
        return legacy
    if errors == "replace":
        return data.decode("utf-8", errors="replace"), "utf-8+replace"
    hint = "" if "tcvn3" in encodings.candidates() else f"; {encodings.LEGACY_HINT}"
    raise InputError(
        f"{name}: not UTF-8, Windows-1258, TCVN3 or VNI: byte 0x{data[bad]:02x} at offset {bad} "
        f"(use --errors replace to read it anyway){hint}"
    )


def _repair(text: str, encoding: str) -> tuple[str, str]:
    fixed, legacy = encodings.repair_glyph_soup(text)
    return (fixed, f"{encoding}+{legacy}") if legacy else (text, encoding)


@dataclass
class JsonlItem:
    id: str | None
    text: str | None
    error: str | None = None
    extra: dict[str, Any] | None = None  # the line's other keys ("source", "url"...), as given


BOM = b"\xef\xbb\xbf"
_SURROGATE = re.compile("[\ud800-\udfff]")


def jsonl_items(lines, name: str = "<stdin>", errors: str = "strict"):
    """(line number, JsonlItem) of every non-blank line of raw JSONL bytes (from stream_lines):
    a line that is not UTF-8 (with errors="strict") or not a report's JSON is an item with its error.
    A byte-order mark before the first line is dropped."""
    for lineno, raw in enumerate(lines, 1):
        if lineno == 1 and raw.startswith(BOM):
            raw = raw[len(BOM):]
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8", errors=errors)
        except UnicodeDecodeError as e:
            yield lineno, JsonlItem(None, None, f"{name}:{lineno}: not UTF-8 at byte {e.start}")
            continue
        yield lineno, parse_jsonl_line(line, lineno, name, errors)


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def id_text(value: Any) -> str | None:
    """The id a user gave, as a string: a string as it is, anything else as its JSON text
    (1 -> "1", true -> "true", {"a": 1} -> '{"a": 1}'); None stays None. ValueError for
    NaN and Infinity, which have no JSON text."""
    if value is None or isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        raise ValueError(f"the id {value!r} is not JSON (NaN and Infinity are refused)") from None


def _surrogates(obj: Any, errors: str) -> tuple[Any, str | None]:
    """obj with lone surrogates (JSON "\\ud800" escapes, no character) replaced by U+FFFD
    (errors="replace"), or the message naming the first (errors="strict")."""
    if isinstance(obj, str):
        m = _SURROGATE.search(obj)
        if m is None:
            return obj, None
        if errors == "replace":
            return _SURROGATE.sub("\ufffd", obj), None
        return obj, f"lone surrogate \\u{ord(m.group()):04x} at character {m.start()} (use --errors replace to read it anyway)"
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            k2, err = _surrogates(k, errors)
            if err:
                return obj, err
            v2, err = _surrogates(v, errors)
            if err:
                return obj, err
            out[k2] = v2
        return out, None
    if isinstance(obj, list):
        out_l = []
        for v in obj:
            v2, err = _surrogates(v, errors)
            if err:
                return obj, err
            out_l.append(v2)
        return out_l, None
    return obj, None


def parse_jsonl_line(line: str, lineno: int, name: str = "<stdin>", errors: str = "strict") -> JsonlItem:
    """One JSONL line as {"id", "text"}; other keys come along in `extra`, bad lines become errors.

    Never raises: a line nested too deep, NaN or Infinity, a lone surrogate escape
    ("\\ud800", which no output can write; replaced by U+FFFD with errors="replace")
    is an item with its error."""
    try:
        obj = json.loads(line, parse_constant=_refuse_constant)
    except json.JSONDecodeError as e:
        return JsonlItem(None, None, f"{name}:{lineno}: not JSON: {e.msg} at column {e.colno}")
    except ValueError as e:  # NaN, Infinity; a number of more than 4300 digits
        return JsonlItem(None, None, f"{name}:{lineno}: not JSON: {e}")
    except RecursionError:
        return JsonlItem(None, None, f"{name}:{lineno}: not JSON: nested too deep")
    if isinstance(obj, dict) and _TOO_LARGE in obj and len(obj) == 1:
        size, limit = obj[_TOO_LARGE]
        return JsonlItem(None, None, too_large(size, limit, f"{name}:{lineno}"))
    if not isinstance(obj, dict):
        return JsonlItem(None, None, f"{name}:{lineno}: expected a JSON object, got {type(obj).__name__}")
    try:
        obj, bad = _surrogates(obj, errors)
    except RecursionError:
        return JsonlItem(None, None, f"{name}:{lineno}: not JSON: nested too deep")
    try:
        doc_id = id_text(obj.get("id"))
    except ValueError as e:  # 1e400 reads as Infinity
        return JsonlItem(None, None, f"{name}:{lineno}: {e}")
    if bad:
        return JsonlItem(doc_id, None, f"{name}:{lineno}: {bad}")
    extra = {k: v for k, v in obj.items() if k not in ("id", "text")} or None
    if extra:
        try:
            json.dumps(extra, allow_nan=False)
        except ValueError:
            return JsonlItem(doc_id, None, f"{name}:{lineno}: a number too large for JSON (read as Infinity) in its other keys")
    text = obj.get("text")
    if not isinstance(text, str):
        return JsonlItem(doc_id, None, f"{name}:{lineno}: missing or non-string \"text\"", extra)
    return JsonlItem(doc_id, text, None, extra)


def looks_like_jsonl(head: bytes) -> bool:
    """Whether the first bytes of an input are JSONL of documents: its first non-blank line
    (byte-order mark or not) is a JSON object with "text", or begins like one when it is
    longer than `head`."""
    head = head.removeprefix(BOM).lstrip()
    if not head.startswith(b"{"):
        return False
    first, nl, _ = head.partition(b"\n")
    try:
        obj = json.loads(first)
    except (ValueError, RecursionError):
        # a first line longer than the head: its first key says what it is
        return not nl and re.match(rb'\{\s*"(?:id|text)"\s*:', first) is not None
    return isinstance(obj, dict) and "text" in obj


DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_TOO_LARGE = "__gov_report_nlp_too_large__"
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def parse_size(value: str) -> int:
    """'50M', '512K', '1G' or a plain number of bytes; ValueError otherwise (for argparse)."""
    v = value.strip().upper().removesuffix("B").removesuffix("I")
    unit = v[-1:] if v[-1:] in ("K", "M", "G") else ""
    number = v[: len(v) - len(unit)]
    if not number.isdigit():
        raise ValueError(f"not a size: {value!r} (say e.g. 50M, 512K or 1000000)")
    return int(number) * _UNITS[unit]


def too_large(size: int | None, limit: int, name: str) -> str:
    """The message for an input over --max-bytes (size None: a stream, read no further)."""
    if size is None:
        return f"{name}: more than {limit:,} bytes is over the limit (raise it with --max-bytes)"
    return f"{name}: {size:,} bytes is over the limit of {limit:,} bytes (raise it with --max-bytes)"


def _too_large_marker(size: int, limit: int) -> bytes:
    return json.dumps({_TOO_LARGE: [size, limit]}).encode()


def stream_lines(head: bytes, f, limit: int, piece: int = 1 << 16):
    """The lines of head + the rest of the binary file f, without their newline, read piece
    by piece: a line over `limit` bytes is never held, only counted, and comes out as the
    marker parse_jsonl_line reports. Memory stays within limit + piece, whatever the input."""
    read = getattr(f, "read1", None) or f.read
    buf = bytearray()
    over = 0  # bytes of the current line seen past the limit (0: within it)

    def pieces():
        yield head
        while True:
            b = read(piece)
            if not b:
                return
            yield b

    for chunk in pieces():
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            end = nl if nl >= 0 else len(chunk)
            n = end - start
            if over:
                over += n
            elif len(buf) + n > limit:
                over = len(buf) + n
                buf.clear()
            else:
                buf += chunk[start:end]
            if nl < 0:
                break
            yield _too_large_marker(over, limit) if over else bytes(buf)
            buf.clear()
            over = 0
            start = nl + 1
    if over:
        yield _too_large_marker(over, limit)
    elif buf:
        yield bytes(buf)
