#!/usr/bin/env python3
"""Builds tests/clean-multilingual.jsonl: clean sentences in many languages
and scripts that textmend must leave as they are (runs of white space,
which the output format reflows, compared as one space).

The sentences are the translations that Debian packages ship in their
message catalogs (`/usr/share/locale/*/LC_MESSAGES/*.mo`), read with
Python's `gettext` module: text that translators wrote, in every script the
machine has a catalog for. The file committed here was built from the
catalogs of the machine textmend is developed on (3,674 `.mo` files in 197
locale folders, no package installed for it), which hold every script group
the set must cover (Latin, Cyrillic, Greek, Arabic, Hebrew, Thaana,
Devanagari and the other Indic scripts, Sinhala, Tibetan, Thai, Lao,
Khmer, Myanmar, Georgian, Armenian, Ethiopic, Han, kana, Hangul). A
machine that lacks some gets them from packages with many translations,
for example:

    apt-get update && apt-get install -y iso-codes

(`iso-codes` translates country and language names into about 150
languages.)

A translation is taken as a sentence when it is one line of plain prose:
no line break or tab, no markup, format placeholder, keyboard accelerator
or escape (`% { } < > & \\ _ ~ | @ $ #`), no ASCII control and no run of
spaces, between 12 and 200 characters, at least two thirds of its letters
in the language's main script (so an untranslated English string in a
Khmer catalog is not taken as Khmer), and not the same as its English
original. The selection is deterministic: per language, the candidates of
all its catalogs are deduplicated and ordered by the SHA-1 of their text,
and the first `PER_LANGUAGE` are taken. Languages whose main script has
fewer than `MIN_PER_LANGUAGE` candidates are left out.

Each line of the output is a negative peer case, in the format of
`shared/eval/peer_score.py` (its input equals its expected text):

    {"id": "km/0003", "group": "clean/khmer", "lang": "km",
     "input": "...", "expected": "..."}

usage: python3 tools/gen_clean_multilingual.py [LOCALE_DIR] > tests/clean-multilingual.jsonl

A held-out set, none of whose sentences the committed file holds:

    python3 tools/gen_clean_multilingual.py --skip 16 --per-language 40 > target/clean-held-out.jsonl
    python3 tools/gen_mojibake_cases.py target/clean-held-out.jsonl > target/mojibake-held-out.jsonl
"""

import argparse
import collections
import gettext
import glob
import hashlib
import json
import os
import sys
import unicodedata

PER_LANGUAGE = 16
MIN_PER_LANGUAGE = 4
FORBIDDEN = set("%{}<>&\\_~|@$#\t\n\r")

# The script of a letter, from the first word of its Unicode name, folded
# into the groups the set must cover.
SCRIPT_OF_NAME = {
    "CJK": "han",
    "HIRAGANA": "kana",
    "KATAKANA": "kana",
    "HANGUL": "hangul",
}


def script_of(c):
    """The script of a letter or combining mark, from its Unicode name."""
    try:
        name = unicodedata.name(c)
    except ValueError:
        return None
    if not (unicodedata.category(c)[0] in "LM"):
        return None
    first = name.split()[0]
    return SCRIPT_OF_NAME.get(first, first.lower())


def scripts(text):
    """How many letters of each script the text has."""
    counts = collections.Counter()
    for c in text:
        s = script_of(c)
        if s:
            counts[s] += 1
    return counts


def group_of(counts):
    """The group of a language from its letters' scripts: Japanese shows
    kana beside its ideographs, Chinese ideographs alone."""
    if counts["kana"] * 10 >= counts["kana"] + counts["han"] and counts["kana"]:
        return "kana"
    return counts.most_common(1)[0][0]


def is_plain_line(msgid, text):
    if not text or text != text.strip() or text == msgid:
        return False
    if not 12 <= len(text) <= 200:
        return False
    if any(c in FORBIDDEN or ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in text):
        return False
    if "  " in text:
        return False
    return sum(1 for c in text if unicodedata.category(c)[0] == "L") >= 8


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("locale_dir", nargs="?", default="/usr/share/locale")
    parser.add_argument(
        "--skip",
        type=int,
        default=0,
        help="leave out the first N sentences of each language: with --skip 16 "
        "the set holds none of the committed file's sentences (a held-out set)",
    )
    parser.add_argument("--per-language", type=int, default=PER_LANGUAGE)
    args = parser.parse_args()
    root = args.locale_dir
    by_lang = collections.defaultdict(set)
    for path in sorted(glob.glob(os.path.join(root, "*", "LC_MESSAGES", "*.mo"))):
        lang = path[len(root) :].strip("/").split("/")[0]
        if "@" in lang:
            continue  # variant spellings (sr@latin, ca@valencia) of a listed language
        try:
            with open(path, "rb") as f:
                catalog = gettext.GNUTranslations(f)._catalog
        except Exception:
            continue
        for key, text in catalog.items():
            msgid = key[0] if isinstance(key, tuple) else key
            if msgid and isinstance(text, str) and is_plain_line(msgid, text):
                by_lang[lang].add(text)
    cases = []
    for lang in sorted(by_lang):
        texts = sorted(by_lang[lang])
        total = collections.Counter()
        for t in texts:
            total += scripts(t)
        if not total:
            continue
        main_script = total.most_common(1)[0][0]
        group = group_of(total)
        kept = []
        for t in texts:
            counts = scripts(t)
            letters = sum(counts.values())
            own = counts[main_script] + (counts["han"] + counts["kana"] if group in ("han", "kana") else 0)
            if letters and own * 3 >= letters * 2:
                kept.append(t)
        if len(kept) < MIN_PER_LANGUAGE:
            continue
        kept.sort(key=lambda t: hashlib.sha1(t.encode("utf-8")).hexdigest())
        for i, t in enumerate(kept[args.skip : args.skip + args.per_language], start=args.skip):
            cases.append(
                {
                    "id": f"{lang}/{i:04d}",
                    "group": f"clean/{group}",
                    "lang": lang,
                    "input": t,
                    "expected": t,
                }
            )
    for case in cases:
        print(json.dumps(case, ensure_ascii=False))
    langs = {c["lang"] for c in cases}
    groups = collections.Counter(c["group"] for c in cases)
    print(
        f"{len(cases)} sentences, {len(langs)} languages: "
        + ", ".join(f"{g} {n}" for g, n in sorted(groups.items())),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
