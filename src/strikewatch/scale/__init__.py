"""Scale: the same extraction over a news archive, on a Dask cluster, into Parquet shards.

Extraction is a pure function of one document, so a partition of the input
(a file, a byte range of a large WARC or JSON Lines file, a group of small
files) can run anywhere. ``strikewatch extract --engine dask INPUTS --out DIR``
plans the partitions, skips those whose shard is already written, runs the
rest on the workers (a cheap first pass drops what cannot report a strike
before any costly step), and writes one Parquet shard per partition. The
shards hold what a local run stores: documents, mentions, rejections
(:mod:`strikewatch.scale.schema`), read back with :func:`read_shards`.

Dask is an optional extra (``pip install 'strikewatch[dask]'``), imported
only by :mod:`strikewatch.scale.runner` when the Dask engine runs.
"""

from strikewatch.scale.schema import (
    ScaleError,
    ShardDocument,
    iter_shard_items,
    mention_from_json,
    mention_to_json,
    read_rejections,
    read_shards,
)

__all__ = [
    "ScaleError",
    "ShardDocument",
    "iter_shard_items",
    "mention_from_json",
    "mention_to_json",
    "read_rejections",
    "read_shards",
]
