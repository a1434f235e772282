"""The datatrove step: 1,000 records through the example pipeline on the
local executor come out as the command repairs them."""

from __future__ import annotations

import json
import subprocess

import pytest

pytest.importorskip("datatrove")


def read_jsonl(folder):
    texts = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            # datatrove's writer leaves out a field whose value is empty:
            # a record that was only page furniture has no text left.
            texts[str(record["id"])] = record.get("text", "")
    return texts


def test_pipeline_repairs_like_the_command(cli, tmp_path):
    import corpus
    import pipeline

    source = tmp_path / "raw"
    source.mkdir()
    corpus.write(source / "corpus.jsonl", 1000, seed=3)
    reference = tmp_path / "reference"
    reference.mkdir()
    with open(source / "corpus.jsonl", "rb") as stdin, open(
        reference / "out.jsonl", "wb"
    ) as stdout:
        subprocess.run([str(cli), "--jsonl"], stdin=stdin, stdout=stdout, check=True)
    target = tmp_path / "clean"
    pipeline.executor(str(source), str(target), str(tmp_path / "logs"), tasks=1).run()
    got = read_jsonl(target)
    expected = read_jsonl(reference)
    assert len(expected) == 1000
    assert got == expected


def test_formatter_passes_options_and_rejects_bad_ones():
    from datatrove.data import Document
    from datatrove.pipeline.formatters.base import BaseFormatter

    from textmend.datatrove import TextmendFormatter

    step = TextmendFormatter(cjk_punct="full", batch_size=2)
    assert isinstance(step, BaseFormatter)
    assert step.format("态,当") == "态，当"
    texts = ["态,当", "Annual ReportAnnual Report\nThe year in re-\nview.", "x"]
    docs = [Document(text=t, id=str(i)) for i, t in enumerate(texts)]
    out = list(step.run(iter(docs)))
    assert [d.text for d in out] == ["态，当", "Annual Report\n\nThe year in review.", "x"]
    assert [d.id for d in out] == ["0", "1", "2"]
    with pytest.raises(ValueError, match="unknown field `dedup`"):
        TextmendFormatter(dedup=False)
    with pytest.raises(ValueError):
        TextmendFormatter(batch_size=0)
