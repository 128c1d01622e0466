"""gov-report-nlp: a thin skin over the API (parse arguments, call, write)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Iterator

from .errors import GovReportError, InputError
from .io.inputs import DEFAULT_MAX_BYTES, jsonl_items, parse_size, stream_lines, too_large
from .records import ErrorLine, Report
from .out.tables import KINDS

FORMATS_IN = ("auto", "text", "html", "jsonl")
# extract and segment also read files (auto-detected by their bytes and extension)
FORMATS_FILE = FORMATS_IN + ("pdf", "docx")


def _dump(obj, fmt: str) -> str:
    data = obj.model_dump(mode="json")
    if fmt == "jsonl":
        return json.dumps(data, ensure_ascii=False)
    return json.dumps(data, ensure_ascii=False, indent=2)


def _input_format(path: str | None, data_head: bytes, requested: str) -> str:
    if requested != "auto":
        return requested
    if path:
        ext = Path(path).suffix.lower()
        if ext in (".jsonl", ".ndjson"):
            return "jsonl"
        if ext in (".html", ".htm", ".xhtml"):
            return "html"
        if ext == ".txt":
            return "text"
    head = data_head.lstrip()[:1]
    if head == b"{":
        first = data_head.split(b"\n", 1)[0]
        try:
            obj = json.loads(first)
            if isinstance(obj, dict) and "text" in obj:
                return "jsonl"
        except ValueError:
            pass
    return "auto"  # text or HTML, decided on the content


def _read(path: str | None) -> bytes:
    if path is None or path == "-":
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def _open(path: str | None):
    """A binary file object of the input (stdin for None or '-'), read as a stream."""
    if path is None or path == "-":
        return sys.stdin.buffer
    return open(path, "rb")


def _jsonl_reports(lines, name: str, jobs: int = 1, errors: str = "strict") -> Iterator[Report | ErrorLine]:
    """One Report or ErrorLine per non-blank line, in order; a pool of `jobs` processes."""
    from collections import deque

    from .batch import extract_many

    linenos: deque[int] = deque()  # line numbers of the items handed out, not yet answered

    def items():
        for lineno, item in jsonl_items(lines, name, errors):
            linenos.append(lineno)
            if item.error:
                yield ErrorLine(id=item.id, error=item.error)
            else:
                yield {"id": item.id, "text": item.text}

    for rep in extract_many(items(), jobs=jobs):
        lineno = linenos.popleft()
        if isinstance(rep, ErrorLine) and not rep.error.startswith(f"{name}:"):
            rep = ErrorLine(id=rep.id, error=f"{name}:{lineno}: {rep.error}")
        yield rep


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n: int = 1) -> None:
        pass


def _progress(name: str):
    """A tqdm bar on stderr when stderr is a terminal and tqdm is installed; else nothing."""
    if not sys.stderr.isatty():
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:
        return _NoBar()
    return tqdm(desc=name, unit="doc", file=sys.stderr, leave=False)


class _Output:
    """Where cmd_extract's reports go: one JSON (an array for several), JSON lines, or CSV rows."""

    def __init__(self, fmt: str, kind: str | None, out) -> None:
        self.fmt, self.kind, self.out = fmt, kind, out
        self.many: list[str] = []
        self.csv = None
        if fmt == "csv":
            import csv

            from .out.tables import columns

            self.columns = columns(kind)
            self.csv = csv.DictWriter(out, fieldnames=self.columns, lineterminator="\n")
            self.csv.writeheader()  # once, before any row: the header of the kind, data or not

    def write(self, rep: Report | ErrorLine) -> None:
        if self.csv is not None:
            if isinstance(rep, Report):  # an ErrorLine has gone to stderr already
                from .out.tables import to_rows

                self.csv.writerows(to_rows(rep, self.kind))
        elif self.fmt == "jsonl":
            self.out.write(_dump(rep, "jsonl") + "\n")
        else:
            self.many.append(_dump(rep, "json"))

    def close(self) -> None:
        if self.many:
            self.out.write(self.many[0] + "\n" if len(self.many) == 1 else "[\n" + ",\n".join(self.many) + "\n]\n")
        self.out.flush()


def _read_document(path: str | None, name: str, head: bytes, f, fmt: str, args):
    """The FileText of one non-JSONL input (text, HTML, PDF or DOCX), or GovReportError/OSError."""
    from .io.files import read_any

    data = head + f.read(max(0, args.max_bytes + 1 - len(head)))
    if len(data) > args.max_bytes:
        raise InputError(too_large(None, args.max_bytes, name) if path in (None, "-")
                         else too_large(os.path.getsize(path), args.max_bytes, name))
    return read_any(data, path or name, fmt, errors=args.errors)


def cmd_extract(args) -> int:
    from .pipeline import extract_text_of

    paths = args.files or [None]
    failed = 0
    output = _Output(args.format, args.kind, sys.stdout)
    for path in paths:
        name = path or "<stdin>"
        try:
            f = _open(path)
            head = f.read(65536)  # enough to tell the format; a JSONL file is then streamed
        except OSError as e:
            print(f"gov-report-nlp: {name}: {e.strerror}", file=sys.stderr)
            failed += 1
            continue
        fmt = _input_format(path, head, args.input_format)
        if fmt == "jsonl":
            with _progress(name) as bar:
                lines = stream_lines(head, f, args.max_bytes)
                for rep in _jsonl_reports(lines, name, jobs=args.jobs, errors=args.errors):
                    bar.update(1)
                    if isinstance(rep, ErrorLine):
                        failed += 1
                        print(f"gov-report-nlp: {rep.error}", file=sys.stderr)
                    output.write(rep)
            if f is not sys.stdin.buffer:
                f.close()
            continue
        try:
            ft = _read_document(path, name, head, f, fmt, args)
            report = extract_text_of(ft, id=path)
        except OSError as e:
            print(f"gov-report-nlp: {name}: {e.strerror}", file=sys.stderr)
            failed += 1
            continue
        except GovReportError as e:
            print(f"gov-report-nlp: {e}", file=sys.stderr)
            failed += 1
            if args.format == "jsonl":
                output.write(ErrorLine(id=path, error=str(e)))
            continue
        finally:
            if f is not sys.stdin.buffer:
                f.close()
        output.write(report)
    output.close()
    return 0 if not failed else min(failed, 100) if failed < 100 else 100


def cmd_segment(args) -> int:
    from .io.files import read_any
    from .doc.make import make_document

    name = args.file or "<stdin>"
    fmt = "auto" if args.input_format in ("auto", "jsonl") else args.input_format
    try:
        ft = read_any(_read(args.file), args.file or name, fmt, errors=args.errors)
    except (GovReportError, OSError) as e:
        print(f"gov-report-nlp: {e}", file=sys.stderr)
        return 1
    text, fmt = ft.text, ft.input_format
    doc = make_document(text, input_format=fmt)
    if args.format in ("tree", "json"):
        from .doc.outline import print_outline

        print_outline(doc, args.format)
        return 0
    print(f"# layout: {doc.layout}")
    for seg in doc.segments:
        depth = 0
        p = seg.parent
        while p is not None:
            depth += 1
            p = doc.segments[p].parent
        snippet = doc.text[seg.start:seg.end].replace("\n", " ⏎ ")
        if len(snippet) > 90:
            snippet = snippet[:87] + "..."
        print(f"{'  ' * depth}{seg.kind:<13} {seg.start:>6}-{seg.end:<6} {snippet}")
    return 0


def _documents(args, errors: list[str]) -> Iterator[tuple[Any, str]]:
    """(report, normalized text) of every input document; messages of unreadable ones to errors."""
    from .doc.make import make_document
    from .pipeline import run

    def one(text: str, fmt: str, doc_id: str | None, encoding: str | None = None):
        doc = make_document(text, input_format=fmt, id=doc_id)
        report = run(doc)
        if encoding:
            report.encoding = encoding
        return report, doc.text

    for path in args.files or [None]:
        name = path or "<stdin>"
        try:
            f = _open(path)
        except OSError as e:
            errors.append(f"{name}: {e.strerror}")
            continue
        try:
            head = f.read(65536)
            fmt = _input_format(path, head, args.input_format)
            if fmt == "jsonl":
                for lineno, item in jsonl_items(stream_lines(head, f, args.max_bytes), name, args.errors):
                    if item.error:
                        errors.append(item.error)
                        continue
                    try:
                        yield one(item.text, "auto", item.id or f"{name}:{lineno}")
                    except GovReportError as e:
                        errors.append(f"{name}:{lineno}: {e}")
                continue
            ft = _read_document(path, name, head, f, fmt, args)  # text, HTML, PDF or DOCX
            report, text = one(ft.text, ft.input_format, path, ft.encoding)
            report.warnings = ft.warnings + report.warnings
            yield report, text
        except OSError as e:
            errors.append(f"{name}: {e.strerror or e}")
        except GovReportError as e:
            errors.append(str(e))
        finally:
            if f is not sys.stdin.buffer:
                f.close()


def cmd_render(args) -> int:
    """gov-report-nlp render FILES... -o page.html: every document of every file on one page."""
    from .out.render import render_html, render_page

    errors: list[str] = []
    docs = list(_documents(args, errors))
    for e in errors:
        print(f"gov-report-nlp: {e}", file=sys.stderr)
    if not docs:
        print("gov-report-nlp: render: no document could be read; no page written", file=sys.stderr)
        return 1
    page = render_html(*docs[0]) if len(docs) == 1 and not errors else render_page(docs, errors=errors)
    try:
        if args.output in (None, "-"):
            sys.stdout.buffer.write(page.encode("utf-8"))
            sys.stdout.buffer.flush()
        else:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(page)
    except OSError as e:
        print(f"gov-report-nlp: {args.output}: {e.strerror or e}", file=sys.stderr)
        return 1
    return min(len(errors), 100)


def cmd_schema(args) -> int:
    from .out.schema import json_schema  # every field with its description from the guideline

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def cmd_evaluate(args) -> int:
    from .out import evaluate as ev

    try:
        gold = ev.read_reports(args.gold)
        if args.docs:
            from .pipeline import extract

            docs = [json.loads(l) for l in Path(args.docs).read_text(encoding="utf-8").splitlines() if l.strip()]
            pred = ev.extract_all(docs, extract)
        elif args.pred:
            pred = ev.read_reports(args.pred)
        else:
            print("gov-report-nlp: evaluate needs PRED or --docs DOCS.jsonl", file=sys.stderr)
            return 2
    except (OSError, ValueError) as e:
        print(f"gov-report-nlp: {e}", file=sys.stderr)
        return 2
    scores = ev.score(gold, pred)
    if args.by_doc:
        for row in scores.misses:
            print("\t".join(row))
    if args.format == "json":
        print(json.dumps(scores.to_json(), ensure_ascii=False, indent=1))
    else:
        print(scores.table())
    return 0


def _lexicon_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lexicon", action="append", metavar="DIR",
                   help="a directory of your own lexicon files added to the built-in ones (repeatable)")


def _input_options(p: argparse.ArgumentParser) -> None:
    """What extract and render share: how to read the inputs, and the lexicons."""
    p.add_argument("--input-format", choices=FORMATS_FILE, default="auto")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="bytes that are no known encoding: an error naming the offset (strict) or U+FFFD (replace)")
    p.add_argument("--max-bytes", type=parse_size, default=DEFAULT_MAX_BYTES, metavar="N",
                   help="refuse a document (a file, or a JSONL line) larger than N bytes; 50M, 512K... (default 50M)")
    _lexicon_option(p)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="gov-report-nlp", description="Facts out of Vietnamese government reports and portal news.")
    from . import __version__
    ap.add_argument("--version", action="version", version=f"gov-report-nlp {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract reports from files (or stdin)")
    ex.add_argument("files", nargs="*",
                    help="input files (text, HTML, JSONL; PDF and DOCX with the pdf/docx extras); none or '-' reads stdin")
    _input_options(ex)
    ex.add_argument("--format", choices=("json", "jsonl", "csv"), default="json",
                    help="json (one report, or an array), jsonl (a report a line) or csv (one row a record of --kind)")
    ex.add_argument("--kind", choices=tuple(KINDS), metavar="KIND",
                    help=f"with --format csv: which records make the rows ({', '.join(KINDS)})")
    ex.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                    help="worker processes for JSONL input (0: one per CPU); order is kept")
    ex.set_defaults(func=cmd_extract, usage_error=ex.error)
    sg = sub.add_parser("segment", help="print the outline of one document as a tree, or its segments")
    sg.add_argument("file", nargs="?")
    sg.add_argument("--format", choices=("tree", "json", "segments"), default="tree",
                    help="tree: the outline, indented (default); json: the outline and the segments; "
                         "segments: every segment with its kind and span")
    sg.add_argument("--input-format", choices=FORMATS_FILE, default="auto")
    sg.add_argument("--errors", choices=("strict", "replace"), default="strict",
                    help="undecodable bytes: fail (strict) or replace them")
    sg.set_defaults(func=cmd_segment)
    ev = sub.add_parser("evaluate", help="score reports against gold annotations, field by field")
    ev.add_argument("gold", help="gold reports, JSONL in the contract's format")
    ev.add_argument("pred", nargs="?", help="predicted reports, JSONL (or use --docs)")
    ev.add_argument("--docs", help="extract these {id, text} JSONL documents and score them")
    ev.add_argument("--by-doc", action="store_true", help="list every missed and extra fact")
    ev.add_argument("--format", choices=("text", "json"), default="text")
    _lexicon_option(ev)
    ev.set_defaults(func=cmd_evaluate)
    rd = sub.add_parser("render", help="write one self-contained HTML page showing what was found in the text")
    rd.add_argument("files", nargs="*", help="input files (text, HTML or JSONL); none or '-' reads stdin")
    rd.add_argument("-o", "--output", default="-", help="the HTML file to write ('-': stdout)")
    _input_options(rd)
    rd.set_defaults(func=cmd_render)
    sc = sub.add_parser("schema", help="print the JSON Schema of a report")
    sc.set_defaults(func=cmd_schema)
    from .store.cli import register as register_store  # index, query: the corpus store's subcommands

    register_store(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        if args.format == "csv" and not args.kind:
            args.usage_error(f"--format csv needs --kind, one of: {', '.join(KINDS)}")
        if args.kind and args.format != "csv":
            args.usage_error("--kind goes with --format csv")
    if getattr(args, "lexicon", None):
        from .lexicon import activate

        try:
            activate(args.lexicon)  # checked here, once: a bad file stops before any input is read
        except GovReportError as e:
            print(f"gov-report-nlp: {e}", file=sys.stderr)
            return 2
    try:
        return args.func(args)
    except BrokenPipeError:
        # stdout closed early (| head): end quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
