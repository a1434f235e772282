"""No input crashes the interpreter: arbitrary strings and bytes, with
arbitrary options, give text or a Python exception, never a crash."""

from __future__ import annotations

import os
import random

import textmend

CASES = int(os.environ.get("TEXTMEND_RANDOM_CASES", "3000"))

PIECES = [
    "a", "Z", " ", "  ", "\n", "\n\n", "\r", "\r\n", "\t", "\f", "\x00", "\x1b",
    "-", "­", "\u200b", "\ufeff", "\u2028", "\u3000", "不", "忘", "初心", "，", "。",
    "⋯", "⼀", "ﬁ", "Ã©", "â€™", "Ö÷", "é", "\u0301", "🙂", "\U0010ffff", "ＡＢ",
    "１", "- 3 -", "第 3 版", "Page 2 of 9", "    code()", "1.", "• ", "鄂 尔 多 斯",
    "한국어", "カタカナ", "Annual ReportAnnual Report", "infor-", "\uffff", "\ud7ff",
]

OPTIONS = [
    {},
    {"mojibake": False},
    {"dedupe": False, "furniture": False},
    {"cjk_punct": "full", "fold_width": True},
    {"cjk_spacing": "add", "letter_spacing": False, "dehyphenate": False},
    {"cjk_spacing": "remove"},
]

ENCODINGS = [None, "gbk", "big5", "shift_jis", "utf-16le", "windows-1252", "euc-kr"]


def random_text(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return "".join(chr(rng.choice([rng.randrange(0x80), rng.randrange(0xD800)])) for _ in range(rng.randrange(200)))
    return "".join(rng.choice(PIECES) for _ in range(rng.randrange(120)))


def check_document(doc, text):
    assert isinstance(doc.text, str)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.input)
    for edit in doc.edits:
        assert 0 <= edit.start <= edit.end <= len(doc.input)
        assert edit.line >= 1 and edit.column >= 1
    repr(doc), [repr(b) for b in doc.blocks], [repr(e) for e in doc.edits]


def test_arbitrary_strings():
    rng = random.Random(20261204)
    texts = []
    for _ in range(CASES):
        text = random_text(rng)
        options = rng.choice(OPTIONS)
        out = textmend.repair(text, **options)
        assert isinstance(out, str)
        doc = textmend.repair_document(text, **options)
        assert doc.text == out
        assert doc.input == text
        check_document(doc, text)
        texts.append(text)
    assert textmend.repair_many(texts) == [textmend.repair(t) for t in texts]


def test_arbitrary_bytes():
    rng = random.Random(41)
    for _ in range(CASES):
        if rng.random() < 0.5:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(300)))
        else:
            data = random_text(rng).encode("utf-8")
            cut = rng.randrange(len(data) + 1)
            data = data[:cut] + bytes(rng.randrange(256) for _ in range(rng.randrange(4))) + data[cut:]
        doc = textmend.repair_bytes(data, rng.choice(ENCODINGS), **rng.choice(OPTIONS))
        check_document(doc, data)
        assert doc.decode is not None
