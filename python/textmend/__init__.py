"""Repair text extracted from PDFs or produced by OCR, and reflow it.

textmend removes fake-bold duplicated headings, running headers, footers
and page numbers; joins lines broken by the column width (with no space
inside Chinese and Japanese, one space between English words, hyphenated
words re-joined); closes up letter-spaced CJK; and fixes character
artifacts (mojibake such as ``Ã©``, ligatures, soft hyphens, zero-width
characters, Kangxi radicals). The output has one block (paragraph, heading,
list item) per line, one blank line between blocks, and a final newline.

>>> import textmend
>>> textmend.repair("率先垂范率先垂范\\n从机关到基层，从\\n高校到企业⋯⋯\\n")
'率先垂范\\n\\n从机关到基层，从高校到企业……\\n'
>>> textmend.repair_many(["把学习习近\\n平总书记的讲话", "infor-\\nmation about"])
['把学习习近平总书记的讲话\\n', 'information about\\n']

Every function takes the command's options as keywords, with its defaults:
``mojibake``, ``dedupe``, ``furniture``, ``letter_spacing``,
``dehyphenate`` (``True``), ``fold_width`` (``False``), ``cjk_punct``
(``"keep"`` or ``"full"``) and ``cjk_spacing`` (``"keep"``, ``"remove"`` or
``"add"``). ``textmend.datatrove.TextmendFormatter`` is a datatrove
pipeline step (when datatrove is installed).
"""

from ._textmend import (
    Block,
    DecodeReport,
    Document,
    Edit,
    __version__,
    repair,
    repair_bytes,
    repair_document,
    repair_many,
)

__all__ = [
    "Block",
    "DecodeReport",
    "Document",
    "Edit",
    "__version__",
    "repair",
    "repair_bytes",
    "repair_document",
    "repair_many",
]
