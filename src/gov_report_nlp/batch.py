"""Many documents at once: `extract_many(items, jobs=N)`, in order, streaming.

    >>> from gov_report_nlp import extract_many
    >>> for rep in extract_many(({"id": i, "text": t} for i, t in pairs), jobs=4):
    ...     print(rep.model_dump_json())

Items are texts (str) or mappings with "text" and an optional "id" (other keys are
ignored; the CLI writes them back under "meta"). An id that is not a string is given
back as its JSON text (1 -> "1"); NaN and Infinity ids are refused (an ErrorLine). Each item gives exactly one output, in input order: a Report, or an ErrorLine
(gov_report_nlp.records) when the item cannot be read or extracted. An ErrorLine given as
an item is passed through in place (the CLI uses this for lines that are not JSON).

The input is consumed lazily: at most `jobs * window` chunks are in flight, so a 1 GB
generator is never held in memory. With jobs > 1 a process pool runs the chunks; each
worker imports the pipeline once, at start.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Union

from .errors import GovReportError
from .records import ErrorLine, Report

Result = Union[Report, ErrorLine]

# one unit of work: (id, text, error); error set means "pass through as an ErrorLine"
_Task = tuple[Any, Any, Any]


def _task(item: Any) -> _Task:
    """An input item as (id, text, error), checked without extracting."""
    if isinstance(item, ErrorLine):
        return (item.id, None, item.error)
    if isinstance(item, str):
        return (None, item, None)
    if isinstance(item, Mapping):
        from .io.inputs import id_text

        try:
            doc_id = id_text(item.get("id"))
        except (ValueError, TypeError) as e:  # NaN, Infinity, an object JSON cannot write
            return (None, None, str(e))
        text = item.get("text")
        if not isinstance(text, str):
            return (doc_id, None, 'missing or non-string "text"')
        return (doc_id, text, None)
    return (None, None, f"expected a text or a mapping with \"text\", got {type(item).__name__}")


def _run_one(task: _Task, input_format: str) -> Result:
    from .pipeline import extract

    doc_id, text, error = task
    if error is not None:
        return ErrorLine(id=doc_id, error=error)
    try:
        return extract(text, input_format=input_format, id=doc_id)
    except GovReportError as e:
        return ErrorLine(id=doc_id, error=str(e))
    except Exception as e:  # never lose a document of a batch to one bad item
        return ErrorLine(id=doc_id, error=f"internal error: {type(e).__name__}: {e}")


def _run_chunk(chunk: list[_Task], input_format: str, finish=None) -> list[Any]:
    if finish is None:
        return [_run_one(t, input_format) for t in chunk]
    return [finish(_run_one(t, input_format)) for t in chunk]


def _init_worker(lexicons: tuple = ()) -> None:
    # Ctrl-C reaches the whole process group: the parent ends the workers (see _pooled)
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the parent's lexicons (whatever the start method), then the whole pipeline once per worker
    from . import pipeline  # noqa: F401
    from .lexicon import activate

    activate(lexicons or None)


# a chunk also ends once its texts reach this many characters (about a quarter of a second of
# work): long documents go one or two at a time, so that no worker is left with a long tail of
# them while the others wait at the end of a batch, and fewer texts are held in flight
CHUNK_CHARS = 250_000


def _chunks(items: Iterable[Any], size: int, chars: int = CHUNK_CHARS) -> Iterator[list[_Task]]:
    it = iter(items)
    while True:
        chunk, n = [], 0
        for x in it:
            task = _task(x)
            chunk.append(task)
            n += len(task[1]) if isinstance(task[1], str) else 0
            if len(chunk) >= size or n >= chars:
                break
        if not chunk:
            return
        yield chunk


def extract_many(
    items: Iterable[Any],
    jobs: int = 1,
    chunksize: int = 8,
    *,
    input_format: str = "auto",
    window: int = 4,
    lexicon=...,
    finish=None,
) -> Iterator[Any]:
    """Reports (or ErrorLines) of `items`, one per item, in order, as they are ready.

    jobs: worker processes (1 runs in this process; 0 or less means os.cpu_count()).
    chunksize: items sent to a worker at once (fewer when their texts pass batch.CHUNK_CHARS
    characters). window: chunks in flight per worker.
    lexicon: user lexicons as for extract(); checked here, before any item is read, and
    used by every worker. Left out, the active set is used.
    finish: a function of one Report or ErrorLine, run where the document was extracted (in
    the worker; it must pickle: a module-level function or a partial of one); its value is
    given instead. A batch that writes JSON does its writing there and sends text back,
    which costs a fraction of pickling a Report there and unpickling it here.
    """
    from .lexicon import activate

    if lexicon is not ...:
        activate(lexicon)
    if jobs is None or jobs <= 0:
        jobs = os.cpu_count() or 1
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    if jobs == 1:
        for item in items:
            rep = _run_one(_task(item), input_format)
            yield rep if finish is None else finish(rep)
        return
    yield from _pooled(_chunks(items, chunksize), jobs, input_format, max(1, window) * jobs, finish)


def _pool(jobs: int):
    from concurrent.futures import ProcessPoolExecutor

    from .lexicon import active

    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(active(),))


def _pooled(chunks: Iterator[list[_Task]], jobs: int, input_format: str, in_flight: int, finish=None) -> Iterator[Any]:
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(jobs)
    pending: deque = deque()  # (chunk, future), in input order
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_run_chunk, chunk, input_format, finish)))
            while len(pending) >= in_flight:
                results, pool = _collect(pending, pool, jobs, input_format, BrokenProcessPool, finish)
                yield from results
        while pending:
            results, pool = _collect(pending, pool, jobs, input_format, BrokenProcessPool, finish)
            yield from results
    except BaseException:
        # interrupted (Ctrl-C, SIGTERM turned into SystemExit by the CLI, the consumer gone):
        # the workers end now, none is left running a chunk nobody will read
        _terminate(pool)
        raise
    finally:
        # the futures not yet run are cancelled by the pool's own thread (cancel_futures), which
        # drops them from its work items as it does: a future cancelled from here stays among
        # them, and when the pool then finds its workers ended (_terminate) it sets that
        # future's exception, an InvalidStateError that kills its thread before it closes its
        # queues (a traceback on stderr; at exit, a join of a queue's feeder that can wait for
        # ever: Python 3.11's concurrent.futures.process, terminate_broken)
        pool.shutdown(wait=True, cancel_futures=True)


def _terminate(pool) -> None:
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.terminate()
        except Exception:
            pass


def _collect(pending: deque, pool, jobs: int, input_format: str, broken_cls, finish=None):
    """Results of the oldest chunk; a crashed worker fails that chunk's items, not the batch."""
    chunk, fut = pending.popleft()
    try:
        return fut.result(), pool
    except broken_cls as e:
        # a worker died (killed, segfault): its chunk becomes errors; restart the pool
        # and send the other in-flight chunks again
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _pool(jobs)
        for i, (c, _) in enumerate(pending):
            pending[i] = (c, pool.submit(_run_chunk, c, input_format, finish))
        return _finished([ErrorLine(id=t[0], error=f"worker failed: {e}") for t in chunk], finish), pool
    except Exception as e:  # e.g. a result that would not pickle
        return _finished([ErrorLine(id=t[0], error=f"internal error: {type(e).__name__}: {e}") for t in chunk], finish), pool


def _finished(errors: list[ErrorLine], finish) -> list[Any]:
    """The ErrorLines made here (a chunk a worker could not give back), finished as in a worker."""
    return errors if finish is None else [finish(e) for e in errors]
