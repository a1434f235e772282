#!/usr/bin/env python3
"""Writes mojibake peer cases made from the clean multilingual set: each
clean sentence of `tests/clean-multilingual.jsonl` encoded as its writer's
program would have, then decoded with the wrong encoding, the way real
mojibake comes about. The cases measure the mojibake repair on text it was
not tuned on (`shared/eval/peer_score.py` reads them); the clean set itself
measures false repairs.

Mix-ups made (each sentence gets the ones that apply to its script, and
only when the garbled text differs from the clean one):

- UTF-8 read as windows-1252 (undefined bytes as C1 controls, as WHATWG
  decoders do), as Latin-1, as Mac Roman, as IBM 437, as windows-1251,
  windows-1250, windows-1257, ISO-8859-2, windows-1255 (Hebrew) and
  windows-874 (Thai);
- UTF-8 read as windows-1252 with only some words garbled (text pasted
  together from two sources);
- Chinese, Japanese and Korean in UTF-8 read as Latin-1 and as
  windows-1252; in GBK and in their own legacy encoding (Big5, Shift_JIS,
  EUC-KR) read as Latin-1 and as windows-1252; in UTF-8 read as GBK.

usage: python3 tools/gen_mojibake_cases.py tests/clean-multilingual.jsonl > tests/mojibake-from-clean.jsonl
"""

import hashlib
import json
import sys

SINGLE_BYTE = [
    ("utf-8-as-windows-1252", "windows-1252"),
    ("utf-8-as-latin-1", "latin-1"),
    ("utf-8-as-mac-roman", "mac_roman"),
    ("utf-8-as-ibm437", "cp437"),
    ("utf-8-as-windows-1251", "cp1251"),
    ("utf-8-as-windows-1250", "cp1250"),
    ("utf-8-as-windows-1257", "cp1257"),
    ("utf-8-as-iso-8859-2", "iso-8859-2"),
    ("utf-8-as-windows-1255", "cp1255"),
    ("utf-8-as-windows-874", "cp874"),
]


def whatwg_decode(data, codec):
    """Decodes as a WHATWG decoder does: a byte the code page leaves
    undefined becomes the C1 control of the same number."""
    return "".join(
        bytes([b]).decode(codec, errors="ignore") or chr(b) if b >= 0x80 else chr(b)
        for b in data
    )


def pick(text, salt, n):
    return int(hashlib.sha1((salt + text).encode("utf-8")).hexdigest(), 16) % n


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/clean-multilingual.jsonl"
    for line in open(path, encoding="utf-8"):
        case = json.loads(line)
        text, lang = case["input"], case["lang"]
        if text.isascii():
            continue
        made = []
        # One single-byte mix-up per sentence, chosen by its hash, so that
        # every mix-up is tried on every script over the set.
        group, codec = SINGLE_BYTE[pick(text, "page", len(SINGLE_BYTE))]
        made.append((group, whatwg_decode(text.encode("utf-8"), codec)))
        words = text.split(" ")
        if len(words) >= 4:
            garbled = [
                whatwg_decode(w.encode("utf-8"), "windows-1252") if i % 2 == 0 else w
                for i, w in enumerate(words)
            ]
            made.append(("utf-8-as-windows-1252-some-words", " ".join(garbled)))
        if case["group"] in ("clean/han", "clean/kana", "clean/hangul"):
            made.append(("cjk-utf-8-as-latin-1", text.encode("utf-8").decode("latin-1")))
            made.append(
                ("cjk-utf-8-as-windows-1252", whatwg_decode(text.encode("utf-8"), "windows-1252"))
            )
            legacy = {"zh_CN": "gbk", "zh_TW": "big5", "zh_HK": "big5", "ja": "shift_jis", "ko": "euc_kr"}
            codec = legacy.get(lang)
            for codec in [c for c in (codec, "gbk") if c]:
                try:
                    data = text.encode(codec)
                except UnicodeEncodeError:
                    continue
                made.append((f"{codec}-as-latin-1", data.decode("latin-1")))
                made.append((f"{codec}-as-windows-1252", whatwg_decode(data, "windows-1252")))
            try:
                made.append(("utf-8-as-gbk", text.encode("utf-8").decode("gbk")))
            except UnicodeDecodeError:
                pass
        for group, garbled in made:
            if garbled != text:
                print(
                    json.dumps(
                        {
                            "id": f"{case['id']}/{group}",
                            "group": group,
                            "lang": lang,
                            "input": garbled,
                            "expected": text,
                        },
                        ensure_ascii=False,
                    )
                )


if __name__ == "__main__":
    main()
