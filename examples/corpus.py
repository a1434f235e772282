"""A corpus of JSON Lines documents cut from textmend's fixtures, for the
Spark and datatrove examples and their tests.

Each document joins one to three runs of consecutive lines, each taken from
a fixture's raw text (extractor output: broken lines, fake-bold headings,
page numbers, mojibake, letter-spaced CJK). The same seed gives the same
corpus.

    python3 examples/corpus.py 100000 corpus.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Iterator, List

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_lines() -> List[List[str]]:
    """The lines of every fixture's raw text, one list per fixture."""
    return [
        path.read_text(encoding="utf-8").splitlines()
        for path in sorted(FIXTURES.glob("*/raw.txt"))
    ]


def documents(count: int, seed: int = 0) -> Iterator[dict]:
    """`count` records `{"id": n, "text": ...}`, `n` from 1."""
    sources = [lines for lines in fixture_lines() if lines]
    rng = random.Random(seed)
    for i in range(count):
        runs: List[str] = []
        # A record always holds some text: a run of blank lines is none.
        while not runs:
            for _ in range(rng.randint(1, 3)):
                lines = rng.choice(sources)
                start = rng.randrange(len(lines))
                run = "\n".join(lines[start : start + rng.randint(2, 30)])
                if run.strip():
                    runs.append(run)
        yield {"id": i + 1, "text": "\n\n".join(runs)}


def write(path: Path, count: int, seed: int = 0) -> int:
    """Writes `count` documents to `path` as JSON Lines; returns its size in bytes."""
    with open(path, "w", encoding="utf-8") as out:
        for doc in documents(count, seed):
            out.write(json.dumps(doc, ensure_ascii=False))
            out.write("\n")
    return path.stat().st_size


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: corpus.py COUNT OUTPUT.jsonl")
    size = write(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"{sys.argv[2]}: {sys.argv[1]} documents, {size / 1e6:.1f} MB")
