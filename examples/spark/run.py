"""Runs both Spark jobs of `jobs.py` on a generated corpus, checks every
repaired record against the command's output, and prints records/s and MB/s.

    python3 examples/spark/run.py --docs 100000 --masters 'local[1]' 'local[2]'

The command's own output (`textmend --jsonl` over the whole corpus) is the
reference; the run fails (exit 1) if any record differs. `run.sh` sets up
a virtual environment with pyspark and runs this at 100,000 documents.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpus  # noqa: E402
from jobs import dataframe_job, pipe_job  # noqa: E402

DEFAULT_CLI = HERE.parent.parent / "target" / "release" / "textmend"


def read_texts(paths: List[Path]) -> Dict[int, str]:
    """`id` → `text` of every record in the JSON Lines files `paths`."""
    texts = {}
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    texts[record["id"]] = record["text"]
    return texts


def parts(folder: Path) -> List[Path]:
    return sorted(p for p in folder.glob("part-*") if not p.name.endswith(".crc"))


def session(master: str):
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master)
        .appName("textmend")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(docs: int, masters: List[str], cli: Path, workdir: Path) -> List[dict]:
    """Runs both jobs under each master over `docs` documents; one result
    per job and master, with `mismatches` (records that differ from the
    command's output or are missing)."""
    source = workdir / "corpus.jsonl"
    size = corpus.write(source, docs)
    print(f"corpus: {docs} documents, {size / 1e6:.1f} MB", flush=True)
    reference = workdir / "reference.jsonl"
    started = time.perf_counter()
    with open(source, "rb") as stdin, open(reference, "wb") as stdout:
        subprocess.run([str(cli), "--jsonl"], stdin=stdin, stdout=stdout, check=True)
    results = [
        {
            "job": "command",
            "master": "textmend --jsonl",
            "seconds": time.perf_counter() - started,
            "mismatches": 0,
        }
    ]
    expected = read_texts([reference])
    jobs = {
        "dataframe": lambda spark, src, dst: dataframe_job(spark, src, dst),
        "pipe": lambda spark, src, dst: pipe_job(spark, src, dst, command=str(cli)),
    }
    for master in masters:
        spark = session(master)
        spark.range(1).count()  # the JVM is up before the clock starts
        for name, job in jobs.items():
            target = workdir / f"{name}-{re.sub(r'[^a-z0-9]+', '-', master)}"
            started = time.perf_counter()
            job(spark, str(source), str(target))
            seconds = time.perf_counter() - started
            got = read_texts(parts(target))
            wrong = sum(got.get(i) != text for i, text in expected.items())
            wrong += len(got.keys() - expected.keys())
            results.append(
                {"job": name, "master": master, "seconds": seconds, "mismatches": wrong}
            )
        spark.stop()
    for result in results:
        result["records"] = docs
        result["records_per_s"] = docs / result["seconds"]
        result["mb_per_s"] = size / 1e6 / result["seconds"]
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    parser.add_argument("--cli", type=Path, default=DEFAULT_CLI)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="textmend-spark-") as workdir:
        results = run(args.docs, args.masters, args.cli.resolve(), Path(workdir))
    print(f"load average (1, 5, 15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'job':<10} {'master':<17} {'seconds':>8} {'records/s':>10} {'MB/s':>7}  check")
    for r in results:
        check = "all equal" if r["mismatches"] == 0 else f"{r['mismatches']} differ"
        print(
            f"{r['job']:<10} {r['master']:<17} {r['seconds']:>8.2f} "
            f"{r['records_per_s']:>10.0f} {r['mb_per_s']:>7.2f}  {check}"
        )
    return 1 if any(r["mismatches"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
