"""Throughput of textmend from Python on one set of texts: `repair_many`
(every core, the GIL released), `repair` in a Python loop, and ftfy's
`fix_text` in a Python loop (the formatter step of many pretraining-data
pipelines), for comparison.

    pip install ./python ftfy
    python3 examples/bench_python.py --docs 20000

The texts are the generated corpus of `corpus.py` (cut from the fixtures).
Each way runs `--rounds` times; the best round counts.
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Callable, List

import corpus
import textmend


def best_seconds(work: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts: List[str] = [doc["text"] for doc in corpus.documents(args.docs)]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    ways = {
        f"textmend.repair_many (threads={os.cpu_count()})": lambda: textmend.repair_many(texts),
        "textmend.repair_many (threads=1)": lambda: textmend.repair_many(texts, threads=1),
        "textmend.repair in a loop": lambda: [textmend.repair(t) for t in texts],
    }
    try:
        import ftfy

        ways[f"ftfy.fix_text in a loop (ftfy {ftfy.__version__})"] = lambda: [
            ftfy.fix_text(t) for t in texts
        ]
    except ImportError:
        print("ftfy is not installed: pip install ftfy")
    print(f"{len(texts)} texts, {megabytes:.1f} MB, {os.cpu_count()} cores, best of {args.rounds}")
    print(f"load average (1, 5, 15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'':<46} {'seconds':>8} {'texts/s':>9} {'MB/s':>7}")
    for name, work in ways.items():
        seconds = best_seconds(work, args.rounds)
        print(
            f"{name:<46} {seconds:>8.3f} {len(texts) / seconds:>9.0f} {megabytes / seconds:>7.2f}"
        )


if __name__ == "__main__":
    main()
