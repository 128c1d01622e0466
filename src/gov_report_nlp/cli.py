"""gov-report-nlp: a thin skin over the API (parse arguments, call, write)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from functools import partial
from pathlib import Path
from typing import Iterator, NamedTuple

from .errors import GovReportError, InputError
from .io.inputs import DEFAULT_MAX_BYTES, jsonl_items, looks_like_jsonl, parse_size, stream_lines, too_large
from .records import ErrorLine, Report
from .out.tables import KINDS

FORMATS_IN = ("auto", "text", "html", "jsonl")
# extract and segment also read files (auto-detected by their bytes and extension)
FORMATS_FILE = FORMATS_IN + ("pdf", "docx")


def _dump(obj, fmt: str, meta: dict | None = None) -> str:
    """One output line (jsonl) or block (json); `meta`, the input line's other keys, under "meta".

    Text that UTF-8 cannot write (a lone surrogate that reached a report through the API)
    is written with JSON escapes instead of failing the batch."""
    data = obj.model_dump(mode="json")
    if meta:
        data["meta"] = meta
    indent = None if fmt == "jsonl" else 2
    out = json.dumps(data, ensure_ascii=False, indent=indent)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:
        out = json.dumps(data, ensure_ascii=True, indent=indent)
    return out


class Rendered(NamedTuple):
    """A report as the output will hold it, made where it was extracted (a --jobs worker):
    its JSON without "meta" (json, jsonl) or its rows (csv). Text and rows pickle in a
    fraction of the time a Report takes, and the writing is spread over the workers."""

    text: str | None
    escaped: bool  # the JSON is ASCII with escapes (the text has a lone surrogate)
    rows: list | None


def render(fmt: str, kind: str | None, rep):
    """`rep` (a Report) as Rendered for the output format; an ErrorLine as it is. A batch's
    `finish` (batch.extract_many), bound with functools.partial."""
    if not isinstance(rep, Report):
        return rep
    if fmt == "csv":
        from .out.tables import to_rows

        return Rendered(None, False, to_rows(rep, kind))
    data = rep.model_dump(mode="json")
    indent = None if fmt == "jsonl" else 2
    out = json.dumps(data, ensure_ascii=False, indent=indent)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:
        return Rendered(json.dumps(data, ensure_ascii=True, indent=indent), True, None)
    return Rendered(out, False, None)


def _dump_rendered(r: Rendered, fmt: str, meta: dict | None = None) -> str:
    """What _dump gives for the report `r` was made from: "meta" added as its last key."""
    if not meta:
        return r.text
    indent = None if fmt == "jsonl" else 2
    if not r.escaped:
        m = json.dumps(meta, ensure_ascii=False, indent=indent)
        # the report's JSON ends with "}" (jsonl) or "\n}" (indented); "meta" goes last
        if indent is None:
            out = f'{r.text[:-1]}, "meta": {m}}}'
        else:
            out = r.text[:-2] + ',\n  "meta": ' + m.replace("\n", "\n  ") + "\n}"
        try:
            out.encode("utf-8")
            return out
        except UnicodeEncodeError:
            pass
    # a lone surrogate somewhere: the whole line with escapes, as _dump writes it
    data = json.loads(r.text)
    data["meta"] = meta
    return json.dumps(data, ensure_ascii=True, indent=indent)


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
    if looks_like_jsonl(data_head):  # by its lines, byte-order mark or not
        return "jsonl"
    return "auto"  # text or HTML, decided on the content


def _stdin():
    """The binary stdin, or InputError when there is none (closed: `<&-`)."""
    stdin = sys.stdin
    buf = getattr(stdin, "buffer", None) if stdin is not None else None
    if buf is None or stdin.closed:
        raise InputError("<stdin>: standard input is closed; give input files or pipe a text in")
    return buf


def _read(path: str | None) -> bytes:
    if path is None or path == "-":
        return _stdin().read()
    return Path(path).read_bytes()


def _open(path: str | None):
    """A binary file object of the input (stdin for None or '-'), read as a stream."""
    if path is None or path == "-":
        return _stdin()
    return open(path, "rb")


def _jsonl_reports(lines, name: str, jobs: int = 1, errors: str = "strict",
                   finish=None) -> Iterator[tuple[Report | ErrorLine | Rendered, dict | None]]:
    """(Report or ErrorLine, the line's other keys) per non-blank line, in order; a pool of `jobs`
    processes. finish: as for extract_many (render: the workers write the JSON)."""
    from collections import deque

    from .batch import extract_many

    pending: deque[tuple[int, dict | None]] = deque()  # (line number, meta) of the items handed out

    def items():
        for lineno, item in jsonl_items(lines, name, errors):
            pending.append((lineno, item.extra))
            if item.error:
                yield ErrorLine(id=item.id, error=item.error)
            else:
                yield {"id": item.id, "text": item.text}

    for rep in extract_many(items(), jobs=jobs, finish=finish):
        lineno, meta = pending.popleft()
        if isinstance(rep, ErrorLine) and not rep.error.startswith(f"{name}:"):
            rep = ErrorLine(id=rep.id, error=f"{name}:{lineno}: {rep.error}")
        yield rep, meta


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n: int = 1) -> None:
        pass


def _progress(name: str, args=None):
    """A tqdm bar on stderr when stderr is a terminal (or --progress), tqdm installed and not
    --quiet; else nothing."""
    if getattr(args, "quiet", False):
        return _NoBar()
    forced = getattr(args, "progress", False)
    if not forced and not (sys.stderr is not None and sys.stderr.isatty()):
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:
        if forced:
            print("gov-report-nlp: --progress needs tqdm: pip install tqdm", file=sys.stderr)
        return _NoBar()
    # a log (--progress to a file) gets a line every 10 s, not a redraw every 0.1 s
    return tqdm(desc=name, unit="doc", file=sys.stderr, leave=forced, mininterval=0.1 if sys.stderr.isatty() else 10)


class OutputFailed(Exception):
    """Writing the output failed (a full disk: ENOSPC); the OSError is the cause."""

    def __init__(self, error: OSError) -> None:
        super().__init__(f"cannot write the output: {error.strerror or error}")
        self.error = error


class _Output:
    """Where cmd_extract's reports go: one JSON (an array for several, streamed), JSON lines,
    or CSV rows. Never holds more than one report."""

    def __init__(self, fmt: str, kind: str | None, out) -> None:
        self.fmt, self.kind, self.out = fmt, kind, out
        self.first: str | None = None  # json: the first report, held until a second comes
        self.count = 0
        self.csv = None
        if fmt == "csv":
            import csv

            from .out.tables import columns

            self.columns = columns(kind)
            self.csv = csv.DictWriter(out, fieldnames=self.columns, lineterminator="\n")
            self.csv.writeheader()  # once, before any row: the header of the kind, data or not

    def write(self, rep: Report | ErrorLine | Rendered, meta: dict | None = None) -> None:
        try:
            self._write(rep, meta)
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputFailed(e) from None

    def _write(self, rep: Report | ErrorLine | Rendered, meta: dict | None) -> None:
        if self.csv is not None:
            if isinstance(rep, Rendered):
                self.csv.writerows(rep.rows)
            elif isinstance(rep, Report):  # an ErrorLine has gone to stderr already
                from .out.tables import to_rows

                self.csv.writerows(to_rows(rep, self.kind))
        elif self.fmt == "jsonl":
            line = _dump_rendered(rep, "jsonl", meta) if isinstance(rep, Rendered) else _dump(rep, "jsonl", meta)
            self.out.write(line + "\n")
        else:
            block = _dump_rendered(rep, "json", meta) if isinstance(rep, Rendered) else _dump(rep, "json", meta)
            self.count += 1
            if self.count == 1:
                self.first = block
                return
            if self.count == 2:
                self.out.write("[\n" + self.first)
                self.first = None
            self.out.write(",\n" + block)

    def close(self) -> None:
        try:
            if self.count == 1:
                self.out.write(self.first + "\n")
            elif self.count > 1:
                self.out.write("\n]\n")
            self.out.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputFailed(e) from None


def _read_document(path: str | None, name: str, head: bytes, f, fmt: str, args):
    """The FileText of one non-JSONL input (text, HTML, PDF or DOCX), or GovReportError/OSError."""
    from .io.files import read_any

    data = head + f.read(max(0, args.max_bytes + 1 - len(head)))
    if len(data) > args.max_bytes:
        size = None if path in (None, "-") else os.path.getsize(path)
        raise InputError(too_large(size or None, args.max_bytes, name))
    return read_any(data, path or name, fmt, errors=args.errors, max_bytes=args.max_bytes)


def _problem(name: str, e: Exception) -> str:
    """What the CLI says of an input it could not read (OSError: the file's name and why) or
    refused (GovReportError: its message names the input)."""
    return f"{name}: {e.strerror or e}" if isinstance(e, OSError) else str(e)


def cmd_extract(args) -> int:
    from .pipeline import extract_text_of

    paths = args.files or [None]
    failed = 0
    output = _Output(args.format, args.kind, sys.stdout)
    bar_name = (paths[0] or "<stdin>") if len(paths) == 1 else f"{len(paths)} files"
    with _progress(bar_name, args) as bar:
        for path in paths:
            name = path or "<stdin>"
            try:
                f = _open(path)
                head = f.read(65536)  # enough to tell the format; a JSONL file is then streamed
            except (OSError, GovReportError) as e:
                print(f"gov-report-nlp: {_problem(name, e)}", file=sys.stderr)
                failed += 1
                continue
            fmt = _input_format(path, head, args.input_format)
            if fmt == "jsonl":
                try:
                    lines = stream_lines(head, f, args.max_bytes)
                    finish = partial(render, args.format, args.kind)  # the JSON written where it is extracted
                    for rep, meta in _jsonl_reports(lines, name, jobs=args.jobs, errors=args.errors, finish=finish):
                        bar.update(1)
                        if isinstance(rep, ErrorLine):
                            failed += 1
                            print(f"gov-report-nlp: {rep.error}", file=sys.stderr)
                        output.write(rep, meta)
                except OSError as e:  # the input failed half way (a disk error, a device)
                    print(f"gov-report-nlp: {_problem(name, e)}", file=sys.stderr)
                    failed += 1
                finally:
                    if path not in (None, "-"):
                        f.close()
                continue
            try:
                ft = _read_document(path, name, head, f, fmt, args)
                report = extract_text_of(ft, id=path)
            except (OSError, GovReportError) as e:
                print(f"gov-report-nlp: {_problem(name, e)}", file=sys.stderr)
                failed += 1
                if isinstance(e, GovReportError) and args.format == "jsonl":
                    output.write(ErrorLine(id=path, error=str(e)))
                continue
            finally:
                if path not in (None, "-"):
                    f.close()
            bar.update(1)
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
        except (OSError, GovReportError) as e:
            errors.append(_problem(name, e))
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
    # every field with its description from the guideline; the lines extract writes, or --report
    from .out.schema import json_schema, line_schema

    schema = json_schema() if args.report else line_schema()
    print(json.dumps(schema, ensure_ascii=False, indent=2))
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


# the subcommands defined here; any other (index, export, query) is the store's
OWN_COMMANDS = ("extract", "segment", "evaluate", "render", "schema")


def build_parser(store: bool = True) -> argparse.ArgumentParser:
    """The parser of every subcommand; store=False leaves out the store's (index, export,
    query), whose module imports the store (sqlite3 and its queries): a command of our own
    does not need them, and a cold `extract` starts sooner."""
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
    ex.add_argument("--progress", action="store_true",
                    help="a progress bar on stderr even when it is not a terminal (a long job writing to a log)")
    ex.add_argument("--quiet", "-q", action="store_true",
                    help="nothing on stderr but errors (no progress bar)")
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
    sc = sub.add_parser("schema", help="print the JSON Schema of an output line (a report or an error line)")
    sc.add_argument("--report", action="store_true", help="the schema of a report alone")
    sc.set_defaults(func=cmd_schema)
    if store:
        from .store.cli import register as register_store  # index, query: the corpus store's subcommands

        register_store(sub)
    return ap


def _command(argv: list[str]) -> str | None:
    """The subcommand when argv starts with it; else None (an option first, such as
    `-h extract`, is the top parser's: it needs every subcommand)."""
    return argv[0] if argv and not argv[0].startswith("-") else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(store=_command(argv) not in OWN_COMMANDS).parse_args(argv)
    if args.command == "extract":
        if args.format == "csv" and not args.kind:
            args.usage_error(f"--format csv needs --kind, one of: {', '.join(KINDS)}")
        if args.kind and args.format != "csv":
            args.usage_error("--kind goes with --format csv")
    if getattr(args, "lexicon", None):
        from .lexicon import activate

        try:
            _check_lexicon_dirs(args.lexicon)
            activate(args.lexicon)  # checked here, once: a bad file stops before any input is read
        except GovReportError as e:
            print(f"gov-report-nlp: {e}", file=sys.stderr)
            return 2
        except (OSError, RuntimeError) as e:  # RuntimeError: a symlink loop on older Pythons
            print(f"gov-report-nlp: --lexicon: {getattr(e, 'strerror', None) or e}", file=sys.stderr)
            return 2
    _on_sigterm()
    try:
        return args.func(args)
    except BrokenPipeError:
        # stdout closed early (| head): end quietly
        _stdout_to_devnull()
        return 0
    except OutputFailed as e:
        # a full disk (> /dev/full): one line, and no second traceback at exit's flush
        _stdout_to_devnull()
        print(f"gov-report-nlp: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    # SIGTERM raises SystemExit(143) (see _on_sigterm): the workers are ended on the way out
    # (batch._pooled) and the reports written so far are flushed at exit


def _stdout_to_devnull() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def _on_sigterm() -> None:
    """SIGTERM ends the run as Ctrl-C does: through Python, so `--jobs` workers are ended too."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def handler(signum, frame):
        f = frame
        while f is not None:
            if f.f_code.co_name == "__del__":
                # an exception raised in a finalizer is printed and ignored, and the run goes
                # on: deliver the signal again once the finalizer is done
                threading.Timer(0.05, os.kill, (os.getpid(), signum)).start()
                return
            f = f.f_back
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second one ends at once
        _exit_after(_SIGTERM_GRACE)
        raise SystemExit(143)

    try:
        signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError):
        pass


_SIGTERM_GRACE = 10.0  # seconds SIGTERM's orderly way out may take before _exit_after ends the run


def _exit_after(seconds: float) -> None:
    """A last resort after SIGTERM: past `seconds`, kill the `--jobs` workers and end the process
    with 143 (output not yet flushed is lost). The orderly way out (SystemExit through the pool's
    shutdown and the interpreter's exit) joins concurrent.futures' threads and its queues'
    feeders, which wait for ever if a thread died or a queue was left dirty by the workers'
    ending (batch._pooled says how the one such hang seen, in a run of the suite, came about,
    and no longer provokes it). The timer is a daemon thread: a run that ends in time does not
    wait for it."""
    import threading

    def end() -> None:
        mp = sys.modules.get("multiprocessing")
        for proc in (mp.active_children() if mp is not None else []):
            try:
                proc.kill()
            except Exception:
                pass
        os._exit(143)

    timer = threading.Timer(seconds, end)
    timer.daemon = True
    timer.start()


def _check_lexicon_dirs(dirs) -> None:
    """Each file a --lexicon directory holds is a regular file that can be read: a FIFO, a
    device (a link to /dev/zero), a symlink loop or a file over 10 MB is refused before
    anything reads it (a read would hang or fill the memory)."""
    import stat

    from .errors import LexiconError

    for d in dirs:
        root = Path(d)
        try:
            if not root.is_dir():
                continue  # lexicon.activate says what is wrong with it
            entries = sorted(root.iterdir())
        except OSError as e:
            raise LexiconError(f"{d}: {e.strerror or e}") from None
        for p in entries:
            if p.name.startswith(".") or p.suffix != ".txt":
                continue
            try:
                st = p.stat()
            except OSError as e:
                raise LexiconError(f"{p}: {e.strerror or e}") from None
            if stat.S_ISDIR(st.st_mode):
                continue
            if not stat.S_ISREG(st.st_mode):
                raise LexiconError(f"{p}: not a regular file (a pipe, a device?); a lexicon is a text file")
            if st.st_size > 10 * 1024 * 1024:
                raise LexiconError(f"{p}: {st.st_size:,} bytes; a lexicon file is at most 10 MB")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
