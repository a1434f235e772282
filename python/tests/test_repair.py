"""repair, repair_document, repair_bytes and repair_many against the
fixtures and against the command's own output."""

from __future__ import annotations

import json
import subprocess

import pytest

import textmend
from conftest import FIXTURES

CASES = sorted(p.parent for p in FIXTURES.glob("*/raw.txt"))


def options_of(case):
    path = case / "options.json"
    return json.loads(path.read_text()) if path.exists() else {}


def test_seed_fixture_repairs_to_its_expected_text():
    raw = (FIXTURES / "seed" / "raw.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / "seed" / "expected.txt").read_text(encoding="utf-8")
    assert textmend.repair(raw) == expected


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_fixture_with_its_options(case):
    raw = (case / "raw.txt").read_text(encoding="utf-8")
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    options = options_of(case)
    assert textmend.repair(raw, **options) == expected
    assert textmend.repair_document(raw, **options).text == expected
    assert textmend.repair_bytes(raw.encode("utf-8"), **options).text == expected


def test_docstring_examples_run():
    import doctest

    for obj in [
        textmend,
        textmend.repair,
        textmend.repair_document,
        textmend.repair_bytes,
        textmend.repair_many,
    ]:
        examples = doctest.DocTestParser().get_examples(obj.__doc__)
        assert examples, f"{obj.__name__} has a before/after example"
        test = doctest.DocTest(
            examples, {"textmend": textmend}, obj.__name__, None, 0, None
        )
        runner = doctest.DocTestRunner()
        runner.run(test)
        assert runner.failures == 0, obj.__name__


OPTION_FLAGS = [
    ({"mojibake": False}, ["--no-mojibake"]),
    ({"dedupe": False}, ["--no-dedupe"]),
    ({"furniture": False}, ["--no-furniture"]),
    ({"letter_spacing": False}, ["--no-letter-spacing"]),
    ({"dehyphenate": False}, ["--no-dehyphenate"]),
    ({"cjk_punct": "full"}, ["--cjk-punct", "full"]),
    ({"fold_width": True}, ["--fold-width"]),
    ({"cjk_spacing": "remove"}, ["--cjk-spacing", "remove"]),
    ({"cjk_spacing": "add"}, ["--cjk-spacing", "add"]),
    (
        {"mojibake": True, "dedupe": True, "cjk_punct": "keep", "cjk_spacing": "keep"},
        [],
    ),
]


@pytest.mark.parametrize("options,flags", OPTION_FLAGS, ids=lambda v: str(v))
def test_options_mean_what_the_commands_flags_mean(cli, options, flags):
    """Each option changes the output as its flag does, on every fixture
    (and some option changes something on some fixture)."""
    for case in CASES:
        raw = (case / "raw.txt").read_bytes()
        command = subprocess.run(
            [str(cli), *flags], input=raw, capture_output=True, check=True
        ).stdout.decode("utf-8")
        assert textmend.repair(raw.decode("utf-8"), **options) == command, case.name


def test_every_switch_changes_some_fixture():
    changed = set()
    for options, _ in OPTION_FLAGS[:-1]:
        for case in CASES:
            raw = (case / "raw.txt").read_text(encoding="utf-8")
            if textmend.repair(raw, **options) != textmend.repair(raw):
                changed.add(json.dumps(options))
                break
    # Every switch but fold-width has a fixture it matters on.
    assert len(changed) >= len(OPTION_FLAGS) - 2, changed


@pytest.mark.parametrize(
    "options,message",
    [
        ({"dedup": False}, "unknown field `dedup`, expected one of `mojibake`, `dedupe`"),
        ({"cjk_punct": "half"}, "unknown variant `half`, expected `keep` or `full`"),
        ({"cjk_spacing": "both"}, "unknown variant `both`"),
        ({"mojibake": 1}, "expected a boolean"),
        ({"mojibake": "no"}, "expected a boolean"),
        ({"dedupe": [False]}, "option `dedupe` is a list"),
        ({"fold_width": None}, "expected a boolean"),
    ],
)
def test_bad_options_raise_value_error(options, message):
    for call in [
        lambda: textmend.repair("text", **options),
        lambda: textmend.repair_document("text", **options),
        lambda: textmend.repair_bytes(b"text", **options),
        lambda: textmend.repair_many(["text"], **options),
    ]:
        with pytest.raises(ValueError, match="invalid configuration") as error:
            call()
        assert message in str(error.value)


def test_unknown_encoding_raises_lookup_error():
    with pytest.raises(LookupError, match="unknown encoding label 'klingon'"):
        textmend.repair_bytes(b"text", encoding="klingon")


def test_wrong_argument_types_raise_type_error():
    with pytest.raises(TypeError):
        textmend.repair(b"bytes")
    with pytest.raises(TypeError):
        textmend.repair_bytes("str")
    with pytest.raises(TypeError):
        textmend.repair_many(["ok", 3])
    with pytest.raises(TypeError):
        textmend.repair_many(7)
    with pytest.raises(ValueError):
        textmend.repair_many(["ok"], threads=0)


def test_lone_surrogates_raise_unicode_error():
    with pytest.raises(UnicodeEncodeError):
        textmend.repair("a\ud800b")


def test_repair_bytes_reports_the_decoding():
    text = "主题教育在基层开展，全市动员。"
    doc = textmend.repair_bytes(text.encode("gbk"))
    assert doc.text == text + "\n"
    assert doc.input == text
    assert (doc.decode.encoding, doc.decode.source) == ("GBK", "detected")
    traditional = "主題教育在基層開展，全市動員。"
    doc = textmend.repair_bytes(traditional.encode("big5"), encoding=" big5 ")
    assert (doc.decode.encoding, doc.decode.source) == ("Big5", "forced")
    assert doc.text == traditional + "\n"
    doc = textmend.repair_bytes(b"\xef\xbb\xbfplain \xff text")
    assert doc.decode.source == "bom"
    assert doc.decode.invalid_sequences == 1
    assert doc.input == "plain \ufffd text"
    assert "DecodeReport(encoding='UTF-8', source='bom'" in repr(doc)
    assert textmend.repair_document("x").decode is None


def command_json(cli, raw: bytes) -> dict:
    out = subprocess.run(
        [str(cli), "--format", "json"], input=raw, capture_output=True, check=True
    ).stdout
    return json.loads(out)


CJK_CASES = [c for c in CASES if c.name.endswith(("-zh", "-ja", "-ko", "-zh-tw"))]


@pytest.mark.parametrize("case", CJK_CASES + [FIXTURES / "seed"], ids=lambda c: c.name)
def test_ranges_are_code_points_that_slice_what_the_byte_ranges_slice(cli, case):
    raw = (case / "raw.txt").read_text(encoding="utf-8")
    data = raw.encode("utf-8")
    doc = textmend.repair_document(raw, **options_of(case))
    reference = command_json(cli, data) if not options_of(case) else None
    if reference is not None:
        assert [b.text for b in doc.blocks] == [b["text"] for b in reference["blocks"]]
        for block, theirs in zip(doc.blocks, reference["blocks"]):
            start, end = theirs["range"]["start"], theirs["range"]["end"]
            assert raw[block.start : block.end] == data[start:end].decode("utf-8")
        changing = [
            e
            for e in reference["edits"]
            if data[e["range"]["start"] : e["range"]["end"]].decode("utf-8")
            != e["replacement"]
        ]
        assert len(doc.edits) == len(changing)
        for edit, theirs in zip(doc.edits, changing):
            start, end = theirs["range"]["start"], theirs["range"]["end"]
            assert raw[edit.start : edit.end] == data[start:end].decode("utf-8")
            assert (edit.rule, edit.replacement) == (theirs["rule"], theirs["replacement"])
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(raw)
    assert any(len(raw[b.start : b.end].encode()) != b.end - b.start for b in doc.blocks)


def test_blocks_slice_back_to_their_source():
    raw = (
        "率先垂范率先垂范 先学先改先学先改\n\n从机关到基层，从城市到农村，从\n"
        "高校到企业⋯⋯鄂尔多斯市第二批\n\n- 3 -\n\n主题教育开展以来，各旗区、部门积极跟进。\n"
    )
    doc = textmend.repair_document(raw)
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    heading, paragraph = doc.blocks
    assert raw[heading.start : heading.end] == "率先垂范率先垂范 先学先改先学先改"
    assert raw[paragraph.start : paragraph.end].startswith("从机关到基层")
    assert raw[paragraph.start : paragraph.end].endswith("各旗区、部门积极跟进。")
    removed = [e for e in doc.edits if e.rule == "page-number"]
    assert [raw[e.start : e.end] for e in removed] == ["- 3 -"]
    ellipsis = [e for e in doc.edits if e.rule == "ellipsis"]
    assert [raw[e.start : e.end] for e in ellipsis] == ["⋯", "⋯"]
    assert [e.replacement for e in ellipsis] == ["…", "…"]
    assert (removed[0].line, removed[0].column) == (6, 1)


def test_edits_show_what_explain_shows(cli):
    for case in [FIXTURES / "seed", *CASES[:20]]:
        raw = (case / "raw.txt").read_bytes()
        stderr = subprocess.run(
            [str(cli), "--explain"], input=raw, capture_output=True, check=True
        ).stderr.decode("utf-8")
        # A note (`unsure-columns`: rows left as they are) changes nothing:
        # `--explain` tells it, without an arrow; the edits leave it out.
        shown = sorted(
            line[2:]
            for line in stderr.splitlines()
            if line.startswith("  ") and " → " in line
        )
        doc = textmend.repair_document(raw.decode("utf-8"))
        ours = sorted(f"{e.line}:{e.column}: {e.before} → {e.after}" for e in doc.edits)
        assert ours == shown, case.name


def test_reprs_read_like_the_objects():
    doc = textmend.repair_document("Annual ReportAnnual Report\nThe year in re-\nview.\n")
    assert repr(doc) == "Document(text='Annual Report\\n\\nThe year in review.\\n', blocks=2, edits=4)"
    assert repr(doc.blocks[0]) == "Block(kind='heading', text='Annual Report', start=0, end=26)"
    assert repr(doc.edits[0]).startswith(
        "Edit(rule='fake-bold-line', start=0, end=26, replacement='Annual Report', "
        "before='Annual ReportAnnual Report⏎The y', after='Annual Report⏎The y', line=1, column=1)"
    )
    long = textmend.repair_document("word " * 100)
    assert len(repr(long)) < 120


def many_texts(count: int) -> list:
    import corpus

    return [doc["text"] for doc in corpus.documents(count, seed=7)]


def test_repair_many_equals_a_loop_of_repair():
    texts = many_texts(10_000)
    assert textmend.repair_many(texts) == [textmend.repair(t) for t in texts]
    some = texts[:500]
    assert textmend.repair_many(iter(some), threads=1, cjk_punct="full", dedupe=False) == [
        textmend.repair(t, cjk_punct="full", dedupe=False) for t in some
    ]
    assert textmend.repair_many([]) == []


def test_repair_many_releases_the_gil():
    import threading
    import time

    texts = many_texts(3000) * 4
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    started = time.perf_counter()
    textmend.repair_many(texts)
    ended = time.perf_counter()
    done.set()
    ticker.join()
    during = [t for t in ticks if started < t < ended]
    # A thread that held the GIL would starve the ticker for the whole call.
    assert ended - started > 0.05
    assert len(during) >= 10, (ended - started, len(during))


def test_readme_examples_run():
    import doctest
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Python\n") :]
    blocks = [b for b in re.findall(r"```python\n(.*?)```", section, re.S) if ">>>" in b]
    assert blocks
    for block in blocks:
        test = doctest.DocTestParser().get_doctest(block, {"textmend": textmend}, "README", None, 0)
        runner = doctest.DocTestRunner()
        runner.run(test)
        assert runner.failures == 0
