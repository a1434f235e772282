"""textmend as a datatrove pipeline step.

``TextmendFormatter`` is a formatter like datatrove's own (``FTFYFormatter``,
``PIIFormatter``): it replaces each document's text with its repair. Options
are textmend's (``mojibake=False``, ``cjk_punct="full"``, ...). Documents are
repaired ``batch_size`` at a time with ``textmend.repair_many``, so one
datatrove task uses every core (``threads`` sets how many).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from textmend.datatrove import TextmendFormatter

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader("raw/"),
            TextmendFormatter(),
            JsonlWriter("clean/"),
        ],
        tasks=4,
    ).run()

As with ``textmend --jsonl``, the repaired text has no final newline.
"""

from __future__ import annotations

from typing import Optional

try:
    import datatrove  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError("textmend.datatrove needs datatrove: pip install datatrove") from error

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.typeshelper import StatHints

import textmend


class TextmendFormatter(BaseFormatter):
    """Repairs each document's text with textmend (fake-bold headings,
    page furniture, broken line joins, letter-spaced CJK, mojibake) and
    reflows it into one paragraph per line.

    Before: ``"Annual ReportAnnual Report\\nThe year in re-\\nview."``
    After: ``"Annual Report\\n\\nThe year in review."``
    """

    name = "🩹 textmend"

    def __init__(
        self,
        batch_size: int = 256,
        threads: Optional[int] = None,
        **options: object,
    ) -> None:
        super().__init__()
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        # Unknown options fail here, when the pipeline is built.
        textmend.repair("", **options)
        self.batch_size = batch_size
        self.threads = threads
        self.options = options

    def format(self, text: str) -> str:
        return _without_final_newline(textmend.repair(text, **self.options))

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> DocumentsPipeline:
        batch = []
        for doc in data:
            self.stat_update(StatHints.total)
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._repair(batch)
                batch = []
        if batch:
            yield from self._repair(batch)

    def _repair(self, batch: list) -> DocumentsPipeline:
        with self.track_time(unit="batch"):
            texts = textmend.repair_many(
                [doc.text for doc in batch], threads=self.threads, **self.options
            )
            for doc, text in zip(batch, texts):
                doc.text = _without_final_newline(text)
        yield from batch


def _without_final_newline(text: str) -> str:
    return text[:-1] if text.endswith("\n") else text
