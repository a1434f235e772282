#!/usr/bin/env python3
"""Build development pages that set three columns of Chinese, Japanese or
Korean text side by side, extracted with `pdftotext -layout`.

Paragraphs are taken from the gold files of the dev corpus (documents of
the dev set that the blink set does not hold), typeset with reportlab in
three narrow columns with a narrow gutter (so that `pdftotext -layout`,
counting a wide character as one position, often collapses it to a single
space), justified or set ragged, Korean broken between words or (as a
browser's `word-break: normal` sets it) between any two syllables, and
each one-page PDF is extracted with `pdftotext -layout`.  Writes
OUT/dev/ID.gen:pdftotext-layout.{raw,gold,meta} in the format of the
project's corpus.  Deterministic for given options.

    pip install reportlab fonttools; apt-get install fonts-nanum
    python3 tools/gen_three_column_cases.py --out target/cols3-cases
    python3 ../shared/eval/score.py --cmd target/release/textmend --cases target/cols3-cases
    # short Korean pages (fixtures/columns-collapsed-gutters-three-columns-ko
    # is cols3-gnome-ko-9-5 of these; --break-any 1 breaks between syllables):
    python3 tools/gen_three_column_cases.py --out target/cols3-short --langs ko \
        --per-doc 6 --seed 22 --break-any 0 --page-height 330
"""
import argparse, glob, json, os, random, re, subprocess

FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
# Droid Sans Fallback composes Hangul from jamo, which reportlab cannot:
# Korean is set in Nanum Gothic (apt-get install fonts-nanum).
FONT_KO = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"
# The shared corpus stands next to the project (`../shared`).
SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
CORPUS = os.path.join(SHARED, "corpus", "dev")
BLINK = os.path.join(SHARED, "corpus", "blink")
# The share of pages set justified (the rest ragged right).
JUSTIFY = 0.5
# The share of Korean pages whose lines break between any two syllables.
BREAK_ANY = 0.0
# The page's height in points (A4; less for short fixture pages).
PAGE_HEIGHT = 842
# Keep only paragraphs with no Latin letters or digits (--pure).
PURE = False


def paragraphs(lang):
    pats = {"ko": "gnome-ko-*", "ja": "*-ja-*", "zh": "*-zh-*"}[lang]
    from fontTools.ttLib import TTFont
    cmap = TTFont(FONT_KO if lang == "ko" else FONT).getBestCmap()
    # Documents the blink set also holds are left out: their pages are
    # the ones these pages are for confirming a rule on.
    blink = {os.path.basename(f).split(".")[0] for f in glob.glob(BLINK + "/*.raw.txt")}
    seen, out = set(), []
    for g in sorted(glob.glob(os.path.join(CORPUS, pats + ".gold.txt"))):
        doc = os.path.basename(g).split(".")[0]
        if doc in seen or doc in blink:
            continue
        seen.add(doc)
        text = open(g, encoding="utf-8").read()
        paras = [re.sub(r"\s*\n\s*", " " if lang == "ko" else "", p.strip())
                 for p in re.split(r"\n\s*\n", text) if p.strip()]
        # Keep paragraphs that are mostly wide text.
        paras = [p for p in paras
                 if sum(ord(c) > 0x2e80 for c in p) >= 0.6 * len(p) and len(p) >= 4
                 and all(ord(c) in cmap or c == " " for c in p)
                 and not (PURE and re.search(r"[A-Za-z0-9]", p))]
        if paras:
            out.append((doc, paras))
    # A page's text starts in its document and goes on into the next
    # ones, so that it fills three columns.
    return [(doc, ps + [p for d, qs in out if d != doc for p in qs]) for doc, ps in out]


def tokens(text, lang, break_any=False):
    if lang == "ko" and not break_any:
        return text.split(" ")
    # A Latin word or number stays whole; every wide character is a token.
    return re.findall(r"[A-Za-z0-9_./:\-]+|\s|.", text)


def wrap(text, lang, width, size, sw, break_any=False):
    """Lines of at most `width`; Korean breaks between words, or (with
    `break_any`, as a browser's `word-break: normal` sets it) between
    any two syllables, as Chinese and Japanese do."""
    lines, cur = [], []
    sep = " " if lang == "ko" and not break_any else ""
    for t in tokens(text, lang, break_any):
        trial = sep.join(cur + [t])
        if cur and sw(trial.rstrip(), size) > width:
            lines.append(sep.join(cur).strip())
            cur = [t] if t.strip() else []
        else:
            cur.append(t)
    if cur:
        lines.append(sep.join(cur).strip())
    return [l for l in lines if l]


def build(case, lang, doc_paras, rnd, out_dir, work):
    from reportlab.pdfgen import canvas
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    font = "Nanum" if lang == "ko" else "Droid"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, FONT_KO if lang == "ko" else FONT))
    sw = lambda s, size: pdfmetrics.stringWidth(s, font, size)
    size = rnd.choice([9, 10, 10.5])
    gap = size * rnd.choice([0.8, 1.0, 1.2, 1.5])
    justify = rnd.random() < JUSTIFY
    break_any = lang == "ko" and rnd.random() < BREAK_ANY
    pw, ph = 595, PAGE_HEIGHT
    margin = rnd.choice([40, 50, 60])
    colw = (pw - 2 * margin - 2 * gap) / 3
    lead = size * rnd.choice([1.4, 1.6])
    top, bottom = ph - margin, margin
    doc, paras = doc_paras
    c = canvas.Canvas(os.path.join(work, case + ".pdf"), pagesize=(pw, ph))
    c.setFont(font, size)
    col, y, gold = 0, top, []
    done = False
    for p in paras:
        lines = wrap(p, lang, colw, size, sw, break_any)
        placed = []
        for i, line in enumerate(lines):
            if y < bottom:
                col, y = col + 1, top
                if col == 3:
                    done = True
                    break
            placed.append((col, y, line, justify and i < len(lines) - 1))
            y -= lead
        if done:
            break
        for (cl, yy, line, just) in placed:
            x = margin + cl * (colw + gap)
            t = c.beginText(x, yy)
            t.setFont(font, size)
            if just:
                extra = colw - sw(line, size)
                if lang == "ko" and line.count(" "):
                    t.setWordSpace(extra / line.count(" "))
                elif len(line) > 1:
                    t.setCharSpace(extra / (len(line) - 1))
            t.textOut(line)
            c.drawText(t)
        gold.append(p)
        y -= lead * 0.5
    c.showPage()
    c.save()
    raw = subprocess.run(["pdftotext", "-layout", os.path.join(work, case + ".pdf"), "-"],
                         capture_output=True, text=True).stdout
    base = os.path.join(out_dir, case + ".gen:pdftotext-layout")
    open(base + ".raw.txt", "w", encoding="utf-8").write(raw.rstrip("\f\n") + "\n")
    open(base + ".gold.txt", "w", encoding="utf-8").write("\n\n".join(gold) + "\n")
    meta = {"doc": case, "lang": lang, "extractor": "gen:pdftotext-layout",
            "source": doc, "layout": {"cols": 3, "gap": round(gap / size, 2), "size": size,
                                      "align": "justify" if justify else "left",
                                      "break_any": break_any},
            "headings": []}
    json.dump(meta, open(base + ".meta.json", "w"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="target/cols3-cases")
    ap.add_argument("--per-doc", type=int, default=2)
    ap.add_argument("--langs", default="ko,ja,zh")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--justify", type=float, default=0.5, help="share of justified pages")
    ap.add_argument("--break-any", type=float, default=0.0,
                    help="share of Korean pages broken between any two syllables")
    ap.add_argument("--page-height", type=int, default=842, help="in points")
    ap.add_argument("--pure", action="store_true", help="wide text only, no Latin letters or digits")
    a = ap.parse_args()
    global JUSTIFY, PURE, BREAK_ANY, PAGE_HEIGHT
    JUSTIFY, PURE, BREAK_ANY, PAGE_HEIGHT = a.justify, a.pure, a.break_any, a.page_height
    out_dir, work = os.path.join(a.out, "dev"), os.path.join(a.out, "build")
    os.makedirs(out_dir, exist_ok=True)
    os.makedirs(work, exist_ok=True)
    rnd = random.Random(a.seed)
    for lang in a.langs.split(","):
        for doc_paras in paragraphs(lang):
            for k in range(a.per_doc):
                build(f"cols3-{doc_paras[0]}-{k}", lang, doc_paras, rnd, out_dir, work)


if __name__ == "__main__":
    main()
