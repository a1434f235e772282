#!/usr/bin/env python3
"""Writes a JSON Lines corpus for timing `textmend --jsonl`.

Each record is {"id": N, "text": ..., "source": ...}: one or two paragraphs
(runs of lines between blank lines) of a fixture's raw.txt, taken in turn,
so the records carry the fixtures' artifacts.

    python3 benches/make_jsonl.py 100000 > /tmp/corpus.jsonl
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
pieces = []
for raw in sorted(root.glob("*/raw.txt")):
    text = raw.read_text(encoding="utf-8")
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    pieces += [(raw.parent.name, p) for p in paragraphs]

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = sys.stdout
for n in range(count):
    source, first = pieces[n % len(pieces)]
    text = first
    if n % 2:
        text += "\n\n" + pieces[(n * 7 + 3) % len(pieces)][1]
    out.write(json.dumps({"id": n, "text": text, "source": source}, ensure_ascii=False))
    out.write("\n")
