"""PDF and DOCX input: a file's text, and the Report of a file.

    >>> from gov_report_nlp import extract_file, read_file
    >>> report = extract_file("bao-cao.pdf")          # input_format "pdf"
    >>> text = read_file("bao-cao.pdf").text          # the text the spans point into

extract_file (gov_report_nlp.pipeline) also reads text and HTML files (any encoding inputs.py knows), so one call
serves every kind of single document.

Grounding: the text handed to the pipeline is the text *extracted from the file*, after
the page cleanup of pagetext.py (PDF) or the paragraph walk below (DOCX). Every span of
the Report (evidence start/end) points into that text, the `text` of `read_file(path)`,
not into the bytes of the PDF or the XML of the DOCX.

- PDF (extra `pdf`: pypdf, pure Python): the text layer of each page, in reading order as
  pypdf gives it; repeated headers, footers and page numbers dropped, words and numbers
  broken across lines rejoined. A scanned PDF has no text layer: the text is empty and a
  warning says so (no OCR here).
- DOCX (extra `docx`: python-docx): the body's paragraphs and tables in document order,
  one blank line between them, a table row by row with its cells separated by " | "; page
  headers and footers skipped.
  A layout table (the header of a formal document: authority | motto, number | place and
  date; or its signature block: recipients | signature) is read as the columns it is: the
  left column's lines, then the right column's, each paragraph of a cell on its own line.

A file whose extra is not installed is refused with an InputError naming the extra; a
corrupted or encrypted file is an InputError too, never a traceback.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import regex

from ..compiled import lazy_pattern
from ..errors import InputError

PDF_HINT = "install the 'pdf' extra: pip install 'gov-report-nlp[pdf]'"
DOCX_HINT = "install the 'docx' extra: pip install 'gov-report-nlp[docx]'"
FILE_FORMATS = ("pdf", "docx")
_EXTENSIONS = {".pdf": "pdf", ".docx": "docx"}


@dataclass
class FileText:
    """The text read from a file: what make_document receives and the spans point into."""

    text: str
    input_format: str  # "pdf" or "docx"
    pages: int | None = None  # PDF only
    encoding: str | None = None  # text and HTML only: what decode_bytes found
    warnings: list[str] = field(default_factory=list)


def is_docx(data: bytes) -> bool:
    """Whether the bytes are a ZIP archive holding word/document.xml."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def sniff_file(data: bytes, path: str | None = None) -> str | None:
    """"pdf" or "docx" from the magic bytes, else from the extension; None for anything else.

    `data` is the whole file, or at least its head (a DOCX is recognised by its content
    only when the whole archive is given; its extension alone is enough otherwise).
    """
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and is_docx(data):
        return "docx"
    if path:
        return _EXTENSIONS.get(Path(path).suffix.lower())
    return None


# --- PDF ---------------------------------------------------------------------------------

def read_pdf(data: bytes, name: str = "<pdf>") -> FileText:
    """The cleaned text of a PDF's pages (pypdf), or InputError."""
    try:
        import pypdf
    except ImportError:
        raise InputError(f"{name}: looks like a PDF file; to read it, {PDF_HINT}") from None
    from .pagetext import clean_pages

    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd files are noise here
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise InputError(f"{name}: the PDF is encrypted with a password")
        pages = []
        for page in reader.pages:
            pages.append(page.extract_text() or "")
    except InputError:
        raise
    except ImportError as e:  # an encrypted PDF may need pypdf's crypto extra
        raise InputError(f"{name}: cannot decrypt the PDF ({e})") from None
    except Exception as e:  # pypdf raises many kinds on broken files
        raise InputError(f"{name}: not a readable PDF ({type(e).__name__}: {e})") from None
    text = clean_pages(pages)
    warnings = []
    if not text.strip() and any(p.strip() for p in pages):
        # every line came back on most pages: pages alike (a form printed three times), not
        # furniture. Each text once, furniture of the distinct pages dropped if there is any
        distinct = list(dict.fromkeys(p for p in pages if p.strip()))
        text = clean_pages(distinct) if len(distinct) > 1 else ""
        if not text.strip():
            text = clean_pages(["\n".join(distinct)])
        warnings.append(f"{name}: the {len(pages)} pages are alike ({len(distinct)} distinct): "
                        f"their lines are text, not page furniture; each distinct page is read once")
    if not text.strip():
        warnings.append(f"{name}: the PDF has no text layer (a scan?); nothing to read without OCR")
    return FileText(text=text, input_format="pdf", pages=len(pages), warnings=warnings)


# --- DOCX --------------------------------------------------------------------------------

def check_zip(data: bytes, name: str = "<zip>", limit: int | None = None) -> None:
    """InputError when a ZIP archive (a DOCX) would inflate past `limit` bytes (the input
    limit, --max-bytes; 50 MB by default): a member larger, or all members together.

    The sizes checked are the central directory's, which zipfile also holds every read to
    (a member never yields more than its declared size), so a 393 KB file that inflates
    to 100 MB of paragraphs is refused here, before anything is inflated."""
    from .inputs import DEFAULT_MAX_BYTES

    limit = DEFAULT_MAX_BYTES if limit is None else limit
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # the reader says what is wrong with it
    total = 0
    for info in infos:
        total += max(0, info.file_size)
        if info.file_size > limit or total > limit:
            what = f"its member {info.filename} inflates to {info.file_size:,} bytes" if info.file_size > limit \
                else f"its members inflate to more than {total:,} bytes"
            raise InputError(f"{name}: a {len(data):,}-byte archive whose {what.removeprefix('its ')}, over the limit "
                             f"of {limit:,} bytes (raise it with --max-bytes if the file is genuine)")


def read_docx(data: bytes, name: str = "<docx>", *, max_bytes: int | None = None) -> FileText:
    """The paragraphs and tables of a DOCX body in order (python-docx), or InputError
    (one that would inflate past max_bytes too: see check_zip)."""
    try:
        import docx
    except ImportError:
        raise InputError(f"{name}: looks like a DOCX file; to read it, {DOCX_HINT}") from None
    check_zip(data, name, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [b for b in _docx_blocks(document) if b.strip()]
    except Exception as e:  # python-docx / zipfile / lxml errors on a broken file
        raise InputError(f"{name}: not a readable DOCX file ({type(e).__name__}: {e})") from None
    # a blank line between paragraphs: a Word paragraph ends there (a summary or a heading does
    # not run on into the next paragraph, as it may over the line breaks of a PDF)
    return FileText(text="\n\n".join(blocks), input_format="docx")


# a cell of a formal document's header or signature block (Decree 30/2020/NĐ-CP, Guide
# 36-HD/VPTW): the motto, the number, the place-and-date line, a signing prefix, "Nơi nhận"
LAYOUT_CELL = lazy_pattern(regex.compile,
    r"""CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM
      |Độc\s+lập\s*[-–—]\s*Tự\s+do|^\s*Số\s*:?\s*[\w.]*\d*[\w.]*/|,\s*ngày\s+[\d.…_ ]*tháng
      |^\s*(?:TM|KT|TL|TUQ|T/M|K/T|T/L)\s*\.?\s+\p{Lu}|^\s*Nơi\s+nhận\s*:""",
    regex.VERBOSE | regex.MULTILINE,
)
#: a layout table has at most this many columns (a data table may have more)
LAYOUT_COLUMNS = 2


def _docx_blocks(document):
    """Blocks of the body: a paragraph each, a table each (a line per row, "cell | cell");
    nested tables inline; a layout table column by column."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(container):
        for item in container.iter_inner_content():
            if isinstance(item, Paragraph):
                yield item.text
            elif isinstance(item, Table):
                yield from table_lines(item)

    def table_cells(table):
        rows = []
        for row in table.rows:
            cells, seen = [], set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                    continue
                seen.add(id(cell._tc))
                cells.append([l.strip() for l in walk(cell) if l.strip()])
            rows.append(cells)
        return rows

    def table_lines(table):
        """A table as one block: a layout table column by column, else row by row."""
        rows = table_cells(table)
        columns = _layout_columns(rows)
        if columns is not None:
            yield "\n".join(line for column in columns for lines in column for line in lines)
            return
        texts = [[" ".join(lines) for lines in cells] for cells in rows]
        yield "\n".join(" | ".join(t) for t in texts if any(t))

    yield from walk(document)


def _layout_columns(rows: list[list[list[str]]]) -> list[list[list[str]]] | None:
    """The left and the right column (cells of lines, top to bottom) of a table that lays out
    a formal header or signature block, or None for any other table. Empty cells (a spacer
    column) are left out; a row's only cell goes to the side of the table it stands in."""
    if not rows or not any(LAYOUT_CELL.search("\n".join(lines)) for cells in rows for lines in cells):
        return None
    left: list[list[str]] = []
    right: list[list[str]] = []
    for cells in rows:
        filled = [(i, lines) for i, lines in enumerate(cells) if lines]
        if len(filled) > LAYOUT_COLUMNS:
            return None  # a data table
        if len(filled) == 2:
            left.append(filled[0][1])
            right.append(filled[1][1])
        elif filled:
            i, lines = filled[0]
            (left if 2 * i < len(cells) - 1 or len(cells) == 1 else right).append(lines)
    return [left, right]


# --- any file ----------------------------------------------------------------------------

def read_bytes(data: bytes, fmt: str, name: str = "<file>", *, max_bytes: int | None = None) -> FileText:
    """The text of a file's bytes in a file format ("pdf" or "docx")."""
    if fmt == "pdf":
        return read_pdf(data, name)
    if fmt == "docx":
        return read_docx(data, name, max_bytes=max_bytes)
    raise InputError(f"{name}: not a file format: {fmt!r} (one of {', '.join(FILE_FORMATS)})")


def read_any(data: bytes, name: str = "<input>", fmt: str = "auto", *, errors: str = "strict",
             max_bytes: int | None = None) -> FileText:
    """The text of any one document's bytes: PDF, DOCX, or text/HTML in any known encoding.

    fmt is "auto" (PDF and DOCX told by their bytes, then by the extension of `name`),
    "pdf", "docx", "text", "html". For text and HTML, input_format is fmt as given
    ("auto" lets make_document tell HTML from text) and `encoding` is set.
    """
    if fmt == "auto":
        fmt = sniff_file(data, name) or "auto"
    if fmt in FILE_FORMATS:
        return read_bytes(data, fmt, name, max_bytes=max_bytes)
    from .inputs import decode_bytes

    text, encoding = decode_bytes(data, name, errors=errors)
    return FileText(text=text, input_format=fmt, encoding=encoding)


def read_file(path: str | Path, fmt: str = "auto", *, errors: str = "strict") -> FileText:
    """The text of one file: PDF, DOCX, text or HTML (see read_any); InputError if unreadable."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"{name}: {e.strerror or e}") from None
    return read_any(data, name, fmt, errors=errors)
