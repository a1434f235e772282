"""Two ways to repair a text column with textmend on Spark.

`dataframe_job` calls the Python package from a pandas UDF: Spark hands the
UDF one Arrow batch at a time (`spark.sql.execution.arrow.maxRecordsPerBatch`
records, 10,000 by default) and `textmend.repair_many` repairs the batch on
every core of the worker with the GIL released.

`pipe_job` sends each partition's JSON Lines through the command,
`textmend --jsonl`, which writes exactly one line per line read, in order.

Both write JSON Lines whose `text` field holds the repaired text without its
final newline, as `textmend --jsonl` does.
"""

from __future__ import annotations

import shlex
from typing import Optional

import pandas as pd
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.functions import pandas_udf

SCHEMA = "id LONG, text STRING"


def repair_column(df: DataFrame, column: str = "text", **options) -> DataFrame:
    """`df` with `column` repaired by a pandas UDF that calls `repair_many`
    once per Arrow batch. `options` are textmend's (`mojibake=False`, ...)."""

    @pandas_udf("string")
    def repair(texts: pd.Series) -> pd.Series:
        import textmend

        present = texts.notna()
        repaired = textmend.repair_many(texts[present].tolist(), **options)
        out = texts.copy()
        out[present] = [t[:-1] if t.endswith("\n") else t for t in repaired]
        return out

    return df.withColumn(column, repair(df[column]))


def dataframe_job(
    spark: SparkSession, source: str, target: str, column: str = "text", **options
) -> None:
    """Reads JSON Lines from `source`, repairs `column`, writes JSON Lines to `target`."""
    df = spark.read.schema(SCHEMA).json(source)
    repair_column(df, column, **options).write.mode("overwrite").json(target)


def pipe_job(
    spark: SparkSession,
    source: str,
    target: str,
    command: str = "textmend",
    threads: Optional[int] = 1,
) -> None:
    """Pipes the JSON Lines of `source` through `textmend --jsonl` and
    writes its output to `target`. One command runs per partition, with
    `threads` worker threads (Spark already runs one task per core)."""
    argv = [command, "--jsonl", "--on-error", "skip"]
    if threads:
        argv += ["--threads", str(threads)]
    lines = spark.sparkContext.textFile(source)
    lines.pipe(shlex.join(argv)).saveAsTextFile(target)
