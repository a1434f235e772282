"""A datatrove pipeline that reads JSON Lines, repairs each document's text
with textmend, and writes JSON Lines, on datatrove's local executor.

    pip install datatrove ./python
    python3 examples/datatrove/pipeline.py raw/ clean/ --tasks 2

Each `*.jsonl` file of `raw/` is read (one document per line, its text in
`text`), and `clean/` receives the same documents with the text repaired.
Options are passed through to textmend: `--option cjk_punct=full`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from textmend.datatrove import TextmendFormatter


def executor(
    source: str, target: str, logs: str, tasks: int = 1, **options
) -> LocalPipelineExecutor:
    """The pipeline: JsonlReader → TextmendFormatter(**options) → JsonlWriter."""
    return LocalPipelineExecutor(
        pipeline=[
            JsonlReader(source, glob_pattern="*.jsonl"),
            TextmendFormatter(**options),
            JsonlWriter(target, compression=None),
        ],
        tasks=tasks,
        logging_dir=logs,
    )


def option(text: str) -> tuple:
    name, _, value = text.partition("=")
    if value in ("true", "false"):
        return name, value == "true"
    return name, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="folder of .jsonl files")
    parser.add_argument("target", help="folder for the repaired .jsonl files")
    parser.add_argument("--tasks", type=int, default=1)
    parser.add_argument("--logs", default=None, help="datatrove's logging folder")
    parser.add_argument(
        "--option", type=option, action="append", default=[], metavar="NAME=VALUE"
    )
    args = parser.parse_args()
    logs = args.logs or str(Path(args.target).resolve().parent / "datatrove-logs")
    executor(args.source, args.target, logs, args.tasks, **dict(args.option)).run()


if __name__ == "__main__":
    main()
