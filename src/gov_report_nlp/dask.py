"""Extraction over a Dask bag or DataFrame, partition by partition (`pip install gov-report-nlp[dask]`).

    >>> import dask.bag as db
    >>> from gov_report_nlp.dask import extract_bag
    >>> docs = db.read_text("archive/*.jsonl").map(json.loads)      # {"id", "text"} items
    >>> extract_bag(docs).map(json.dumps).to_textfiles("out/*.jsonl")

Each partition runs `extract_many` in one worker process, so the pipeline is imported once
per worker and a bad document becomes an error record in place, never a failed task.
Dask is imported lazily: this module imports without it; its functions need it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .batch import extract_many


def _need_dask():
    try:
        import dask.bag  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("gov_report_nlp.dask needs Dask: pip install 'gov-report-nlp[dask]'") from e


def extract_partition(items: Iterable[Any], input_format: str = "auto") -> Iterator[dict]:
    """The JSON of each item's Report (or {"id", "error"}), in order: one partition's work."""
    for rep in extract_many(items, jobs=1, input_format=input_format):
        yield rep.model_dump(mode="json")


def _partition_list(items, input_format: str) -> list[dict]:
    return list(extract_partition(items, input_format))


def extract_bag(bag, *, input_format: str = "auto", partitions: int | None = None):
    """A lazy bag of report dicts from a bag of texts or {"id", "text"} mappings.

    partitions: split the bag into this many partitions first when it has fewer. A partition
    runs on one worker: a file smaller than read_text's blocksize is one partition, and one
    worker would do all of it while the others wait. Two to four per worker balances them.
    """
    _need_dask()
    if partitions and bag.npartitions < partitions:
        bag = bag.repartition(npartitions=partitions)
    return bag.map_partitions(_partition_list, input_format)


def extract_dataframe(df, *, text: str = "text", id: str | None = "id", input_format: str = "auto"):
    """A lazy bag of report dicts from a Dask DataFrame with a text column (and an id column).

    Reports are nested records, not rows: the result is a bag; `.to_textfiles()` writes JSONL,
    `.to_dataframe()` flattens it when wanted.
    """
    _need_dask()
    cols = [text] + ([id] if id else [])
    bag = df[cols].to_bag(format="dict")
    if id and id != "id" or text != "text":
        bag = bag.map(lambda r: {"id": r.get(id) if id else None, "text": r[text]})
    return extract_bag(bag, input_format=input_format)


def to_parquet_tables(bag, path: str):
    """Write a bag of report dicts (extract_bag's output) as the corpus store's tables in Parquet,
    a part per partition: the schema of `gov-report-nlp index`, on a cluster (gov_report_nlp.store.export)."""
    from .store.export import bag_to_parquet

    _need_dask()
    return bag_to_parquet(bag, path)
