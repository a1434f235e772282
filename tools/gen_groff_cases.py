#!/usr/bin/env python3
"""Build an evaluation set typeset by groff, a typesetter textmend's rules
were never tuned on, to check that they generalize.

Human-written prose already on this machine (Debian docs, licenses, GnuPG help
texts, German/French man pages) is cut into blocks (heading / paragraph /
list item), typeset with groff -ms under varied layouts, and each PDF is
extracted by several extractors.  Writes cases/dev/ID.TRACK.{raw,gold,meta}
in the format of the project's corpus.  Deterministic: the same machine
gives the same files (the sources are the documents its packages ship).

    apt-get install -y groff ghostscript poppler-utils
    pip install pdfminer.six pymupdf pypdf fonttools
    python3 tools/gen_groff_cases.py --out target/groff-cases
    python3 ../shared/eval/score.py --cmd target/release/textmend --cases target/groff-cases
    python3 tools/gen_groff_cases.py --only gpl3-a   # one document (for debugging)
"""
import argparse, glob, gzip, hashlib, json, os, random, re, shutil, subprocess, sys, warnings

# Set from --out in main().
OUT = os.path.join("target", "groff-cases", "dev")
WORK = os.path.join("target", "groff-cases-build")

# ---------------------------------------------------------------- sources
D = "/usr/share/doc/"
L = "/usr/share/common-licenses/"
SOURCES = [
    # id, lang, kind, path, start-regex (first block to take), title
    ("gpl3-a", "en", "text", L + "GPL-3", None, "GNU General Public License"),
    ("gpl3-b", "en", "text", L + "GPL-3", r"^TERMS AND CONDITIONS", None),
    ("gpl3-c", "en", "text", L + "GPL-3", r"^6\. Conveying Non-Source", None),
    ("gpl3-d", "en", "text", L + "GPL-3", r"^How to Apply These Terms", None),
    ("gpl2", "en", "text", L + "GPL-2", r"^Preamble", "GNU General Public License, Version 2"),
    ("lgpl21", "en", "text", L + "LGPL-2.1", r"^Preamble", "GNU Lesser General Public License"),
    ("apache2", "en", "text", L + "Apache-2.0", r"^TERMS AND CONDITIONS", "Apache License"),
    ("mpl2", "en", "text", L + "MPL-2.0", r"^1\. Definitions", "Mozilla Public License Version 2.0"),
    ("gfdl13", "en", "text", L + "GFDL-1.3", r"^0\. PREAMBLE", "GNU Free Documentation License"),
    ("artistic", "en", "text", L + "Artistic", r"^Preamble", "The Artistic License"),
    ("cc0", "en", "text", L + "CC0-1.0", r"^Statement of Purpose", "Creative Commons CC0 1.0 Universal"),
    ("mandb-faq", "en", "text", D + "man-db/FAQ", None, "man-db FAQ"),
    ("zlib-faq", "en", "text", D + "zlib1g-dev/FAQ.gz", None, "Frequently Asked Questions about zlib"),
    ("procps-faq", "en", "text", D + "procps/FAQ.gz", None, "procps FAQ"),
    ("ssh-tun", "en", "text", D + "openssh-client/README.tun.gz", None, None),
    ("pip-auth", "en", "md", D + "python3-pip/html/topics/authentication.md", None, None),
    ("pip-caching", "en", "md", D + "python3-pip/html/topics/caching.md.gz", None, None),
    ("pip-repeatable", "en", "md", D + "python3-pip/html/topics/repeatable-installs.md", None, None),
    ("pip-secure", "en", "md", D + "python3-pip/html/topics/secure-installs.md.gz", None, None),
    ("pip-depres", "en", "md", D + "python3-pip/html/topics/dependency-resolution.md.gz", None, None),
    ("pip-triage", "en", "md", D + "python3-pip/html/development/issue-triage.md.gz", None, None),
    ("pip-moredep", "en", "md", D + "python3-pip/html/topics/more-dependency-resolution.md.gz", None, None),
    ("systemd-porting", "en", "md", D + "systemd/DISTRO_PORTING.md", None, None),
    ("systemd-hacking", "en", "md", D + "systemd/HACKING.md.gz", None, None),
    ("systemd-coding", "en", "md", D + "systemd/CODING_STYLE.md.gz", None, None),
    ("systemd-uids", "en", "md", D + "systemd/UIDS-GIDS.md.gz", None, None),
    ("zstd-contrib", "en", "md", D + "zstd/CONTRIBUTING.md.gz", None, None),
    ("pip-vcs", "en", "md", D + "python3-pip/html/topics/vcs-support.md.gz", None, None),
    ("pip-local", "en", "md", D + "python3-pip/html/topics/local-project-installs.md", None, None),
    ("pip-https", "en", "md", D + "python3-pip/html/topics/https-certificates.md", None, None),
    ("node-collab", "en", "md", D + "nodejs/contributing/collaborator-guide.md", None, None),
    ("node-pr", "en", "md", D + "nodejs/contributing/pull-requests.md", r"^Setting up your local environment", None),
    ("node-leaks", "en", "md", D + "nodejs/contributing/investigating-native-memory-leaks.md", None, None),
    ("git-readme", "en", "md", D + "git/README.md", None, None),
    ("procps-bugs", "en", "md", D + "procps/bugs.md", None, None),
    ("mom-fr", "fr", "text", D + "groff-base/examples/mom/README-fr.txt.gz", None, "Exemples de mom"),
    ("gnupg-fr", "fr", "gnupg", "/usr/share/gnupg/help.fr.txt", None, "Aide de GnuPG"),
    ("gnupg-de", "de", "gnupg", "/usr/share/gnupg/help.de.txt", None, "GnuPG-Hilfe"),
    ("man-de", "de", "man", "/usr/share/man/de/man1/apropos.1.gz", None, "apropos(1)"),
    ("man-de2", "de", "man", "/usr/share/man/de/man1/chsh.1.gz", None, "chsh(1)"),
    ("man-fr", "fr", "man", "/usr/share/man/fr/man1/apropos.1.gz", None, "apropos(1)"),
]

EXTRA_OK = set("‘’“”–—…•«»")


def read(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
    return open(path, encoding="utf-8", errors="replace").read()


def clean(s):
    s = s.replace("\u00a0", " ").replace("\t", " ")
    return re.sub(r"\s+", " ", s).strip()


def printable(s):
    return all((" " <= c <= "~") or ("\u00c0" <= c <= "\u00ff" and c not in "×÷") or c in EXTRA_OK for c in s)


# --- plain text (licenses, FAQs): blocks separated by blank lines
def parse_text(src):
    blocks = []
    for chunk in re.split(r"\n\s*\n", src):
        lines = [l for l in chunk.split("\n") if l.strip()]
        underlined = len(lines) >= 2 and bool(re.fullmatch(r"\s*[-=_*~]{3,}\s*", lines[-1]))
        lines = [l for l in lines if not re.fullmatch(r"\s*[-=_*~]{3,}\s*", l)]
        if not lines:
            continue
        if underlined and len(lines) == 1:
            blocks.append(("h", clean(lines[0])))
            continue
        # code / tables / ascii art: several lines indented deeper than the block's first line or
        # with runs of spaces inside
        inner = [l for l in lines if re.search(r"\S {3,}\S", l)]
        if len(lines) > 1 and inner:
            continue
        if any(re.search(r"[{}|<>]{1}\s*$|^\s*[$#] ", l) for l in lines) and len(lines) > 1:
            continue
        if re.match(r"\s*-\*-|\s*copyright \(c\)", lines[0], re.I) and len(blocks) == 0:
            continue
        text = clean(" ".join(lines))
        text = re.sub(r"^=+ *| *=+$", "", text).strip()
        if not text:
            continue
        # strip *** markers used as emphasis in the mom README
        text = re.sub(r"\*{2,}", "", text).strip()
        words = text.split()
        if len(lines) == 1 and len(words) <= 10 and not re.search(r"[,;:]$", text) and (
                not text.endswith(".") or re.match(r"^\d+\.( |$)", text) or text.isupper()):
            blocks.append(("h", text))
        elif len(lines) == 1 and len(words) <= 3:
            continue
        else:
            blocks.append(("p", text))
    return blocks


# --- Markdown (with the MyST bits pip's docs use)
def md_inline(s):
    s = re.sub(r"<!--.*?-->", "", s)
    s = re.sub(r"\{[a-z:]+\}`([^`<]*?)\s*(<[^>]*>)?`", lambda m: m.group(1) or "", s)
    s = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", s)
    s = re.sub(r"<(https?://[^>]+)>", r"\1", s)
    s = re.sub(r"</?[a-zA-Z][^>]*>", "", s)
    s = re.sub(r"`+([^`]+)`+", r"\1", s)
    s = re.sub(r"\*\*([^*]+)\*\*", r"\1", s)
    s = re.sub(r"__([^_]+)__", r"\1", s)
    s = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"\1", s)
    s = re.sub(r"(?<![\w_])_([^_\s][^_]*)_(?![\w_])", r"\1", s)
    s = s.replace("\\", "")
    return clean(s)


def parse_md(src):
    blocks, para, item = [], [], None
    lines = src.split("\n")

    def flush():
        nonlocal para, item
        if para:
            blocks.append(("p", md_inline(" ".join(para))))
        if item is not None:
            kind, marker, parts = item
            blocks.append((kind, marker + " " + md_inline(" ".join(parts))))
        para, item = [], None

    i, fence = 0, None
    if lines and lines[0].strip() == "---":  # front matter
        i = 1
        while i < len(lines) and lines[i].strip() != "---":
            i += 1
        i += 1
    while i < len(lines):
        l = lines[i]
        s = l.strip()
        i += 1
        if fence:
            if s.startswith(fence):
                fence = None
            continue
        m = re.match(r"^(`{3,}|~{3,}|:{3,})", s)
        if m:
            flush()
            fence = m.group(1)
            continue
        if not s:
            flush()
            continue
        if s.startswith("<!--"):
            flush()
            while "-->" not in s and i < len(lines):
                s = lines[i]
                i += 1
            continue
        if s.startswith("|") or re.match(r"^\(.*\)=$", s) or re.match(r"^\[[^\]]+\]: ", s) or s.startswith("<"):
            flush()
            continue
        if re.match(r"^ {4,}\S", l) and not para and item is None:  # indented code
            continue
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", s)
        if m:
            flush()
            blocks.append(("h", md_inline(m.group(2))))
            continue
        if i < len(lines) and re.fullmatch(r"(=+|-+)", lines[i].strip()) and para == [] and item is None:
            blocks.append(("h", md_inline(s)))
            i += 1
            continue
        m = re.match(r"^\s*([-*+]|\d+[.)])\s+(.*)", l)
        if m and not (para and not m.group(1)[0].isdigit() and False):
            flush()
            mk = m.group(1)
            if mk[0].isdigit():
                item = ("n", mk[:-1] + ".", [m.group(2)])
            else:
                item = ("b", "•", [m.group(2)])
            continue
        if item is not None:
            item[2].append(s)
        else:
            if s.startswith(">"):
                s = s.lstrip("> ")
            para.append(s)
    flush()
    return [(k, t) for k, t in blocks if t]


# --- GnuPG help.LL.txt: ".key" sections, paragraphs in them
def parse_gnupg(src):
    blocks, cur = [], []
    for l in src.split("\n"):
        if l.startswith("#"):
            continue
        if l.startswith("."):
            if cur:
                blocks.append(("p", clean(" ".join(cur))))
            cur = []
            continue
        if not l.strip():
            if cur:
                blocks.append(("p", clean(" ".join(cur))))
            cur = []
            continue
        cur.append(l)
    if cur:
        blocks.append(("p", clean(" ".join(cur))))
    return [b for b in blocks if len(b[1].split()) >= 4]


# --- a man page rendered to text with a huge line length: one paragraph per line
def parse_man(path):
    txt = subprocess.run(["sh", "-c", f"zcat {path} | groff -k -man -Tutf8 -P-cbou -rLL=3000n -rcR=1 2>/dev/null"],
                         capture_output=True, text=True).stdout
    lines = txt.split("\n")[1:-3]
    blocks, skip = [], False
    for l in lines:
        if not l.strip():
            continue
        if not l.startswith(" "):
            h = clean(l)
            skip = h in ("ÜBERSICHT", "SYNOPSIS", "SIEHE AUSSERDEM", "VOIR AUSSI", "ÜBERSETZUNG", "TRADUCTION")
            if not skip:
                blocks.append(("h", h.capitalize() if h.isupper() else h))
            continue
        if skip:
            continue
        t = clean(l)
        if re.search(r"\s{3,}", l.strip()):
            continue
        blocks.append(("p", t))
    return blocks


def doc_blocks(kind, path, start):
    if kind == "text":
        b = parse_text(read(path))
    elif kind == "md":
        b = parse_md(read(path))
    elif kind == "gnupg":
        b = parse_gnupg(read(path))
    else:
        b = parse_man(path)
    if start:
        k = next(i for i, (_, t) in enumerate(b) if re.search(start, t))
        b = b[k:]
    out = []
    for k, t in b:
        if not printable(t) or not t:
            continue
        if k == "h" and len(t) > 90:
            k = "p"
        out.append((k, t))
    # no heading at the very end, no two headings in a row (keep the second)
    while out and out[-1][0] == "h":
        out.pop()
    # (the first heading stays: it becomes the document's title)
    out = [x for j, x in enumerate(out) if j == 0 or not (x[0] == "h" and j + 1 < len(out) and out[j + 1][0] == "h")]
    return out


# ---------------------------------------------------------------- typesetting
def esc(t):
    t = t.replace("\\", "\\e").replace("~", "\\(ti").replace("^", "\\(ha")
    if t[:1] in ".'":
        t = "\\&" + t
    return t


def to_print(t):
    """The characters groff prints for the source text (gold follows the print)."""
    return t.replace("'", "’").replace("`", "‘")


def choose_layout(rng, lang):
    lay = {}
    lay["cols"] = rng.choice([1, 1, 1, 2])
    lay["ll"] = 6.5 if lay["cols"] == 2 else rng.choice([4.0, 5.0, 6.0, 6.5])
    lay["size"] = rng.choice([9, 10, 10, 11, 12])
    lay["align"] = rng.choice(["justify", "justify", "left"])
    lay["hyphen"] = rng.random() < 0.6
    lay["indent"] = rng.random() < 0.6  # .PP (first-line indent) vs .LP
    lay["pd"] = rng.choice(["0.3v", "0.3v", "0.5v", "0"])  # space between paragraphs
    if lay["pd"] == "0":
        lay["indent"] = True  # no space and no indent would leave no cue at all
    lay["heads"] = rng.choice(["SH", "SH", "NH"])
    lay["title"] = rng.random() < 0.6
    lay["furn"] = rng.choice(["default", "lh-rh", "cf", "lf-rf", "none"])
    lay["engine"] = rng.choice(["gropdf", "gropdf", "ps2pdf"])
    return lay


def build_ms(blocks, lay, title, short, lang):
    """Return (ms source, gold blocks, headings, furniture shapes)."""
    ms, gold, heads = [], [], []
    if lang in ("de", "fr"):
        ms.append(f".mso {lang}.tmac")
    ms += [f".nr LL {lay['ll']}i", f".nr LT {lay['ll']}i", f".nr PS {lay['size']}",
           f".nr VS {lay['size'] + 2}", f".nr PD {lay['pd']}",
           f".nr HY {(4 if lang != 'en' else 6) if lay['hyphen'] else 0}"]
    if not lay["hyphen"]:
        ms.append(".nh")
    furn = set()
    f = lay["furn"]
    def shape(s):
        return re.sub(r"\d+", "#", s)
    if f == "default":
        furn |= {"- # -", "-#-", "‐ # ‐", "‐#‐"}
    elif f == "lh-rh":
        ms += [f".ds LH {short}", ".ds CH", ".ds RH Page %"]
        furn |= {short, "Page #", f"{short} Page #", f"Page # {short}"}
    elif f == "cf":
        ms += [".ds CH", ".ds CF %"]
        furn |= {"#"}
    elif f == "lf-rf":
        ms += [".ds CH", f".ds LF {short}", ".ds RF %"]
        furn |= {short, "#", f"{short} #", f"# {short}"}
    else:
        ms += [".ds CH"]
    first = True
    if lay["title"] and title:
        ms += [".TL", esc(title)]
        gold.append(to_print(title))
        heads.append(to_print(title))
        if lay["cols"] == 2:
            ms.append(".2C")
    elif lay["cols"] == 2:
        ms.append(".2C")
    for k, t in blocks:
        if k == "h":
            if lay["heads"] == "NH" and not re.match(r"^\d", t):
                ms += [".NH 1", esc(t)]
                # the number groff prints is computed below from the count of NH so far
                n = sum(1 for x in ms if x == ".NH 1")
                g = f"{n}. {t}"
            else:
                ms += [".SH", esc(t)]
                g = t
            gold.append(to_print(g))
            heads.append(to_print(g))
            first = False
            continue
        if k in ("b", "n"):
            marker, rest = t.split(" ", 1)
            ms += [".IP " + ("\\(bu 2" if k == "b" else marker + " 3"), esc(rest)]
            gold.append(to_print(t))
            continue
        ms += [".PP" if lay["indent"] else ".LP"]
        if lay["align"] == "left":
            ms.append(".na")
        ms.append(esc(t))
        gold.append(to_print(t))
    return "\n".join(ms) + "\n", gold, heads, sorted(furn)


def typeset(ms_path, pdf_path, lay):
    if lay["engine"] == "gropdf":
        with open(pdf_path, "wb") as fo:
            subprocess.run(["groff", "-Kutf-8", "-ms", "-Tpdf", ms_path], stdout=fo, stderr=subprocess.DEVNULL, check=True)
    else:
        ps = subprocess.run(["groff", "-Kutf-8", "-ms", "-Tps", ms_path], capture_output=True, check=True).stdout
        subprocess.run(["ps2pdf", "-", pdf_path], input=ps, check=True)


def npages(pdf):
    import fitz
    return len(fitz.open(pdf))


# ---------------------------------------------------------------- extraction
def ex_pdfminer(pdf):
    from pdfminer.high_level import extract_text
    return extract_text(pdf)


def ex_pymupdf(pdf):
    import fitz
    return "".join(p.get_text() for p in fitz.open(pdf))


def ex_pypdf(pdf):
    import pypdf
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)


def ex_pdftotext(pdf):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout


EXTRACTORS = {"pdfminer": ex_pdfminer, "pymupdf": ex_pymupdf, "pypdf": ex_pypdf, "pdftotext": ex_pdftotext}


def main():
    global OUT, WORK
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only")
    ap.add_argument("--out", default=os.path.join("target", "groff-cases"),
                    help="where the cases go (score.py --cases reads it)")
    a = ap.parse_args()
    OUT = os.path.join(a.out, "dev")
    WORK = a.out.rstrip("/") + "-build"
    warnings.filterwarnings("ignore")
    import logging
    logging.disable(logging.WARNING)
    if not a.only:
        shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(WORK, exist_ok=True)
    index = []
    for sid, lang, kind, path, start, title in SOURCES:
        if a.only and sid != a.only:
            continue
        if not os.path.exists(path):
            print("missing", path, file=sys.stderr)
            continue
        rng = random.Random(int(hashlib.sha1(sid.encode()).hexdigest(), 16))
        blocks = doc_blocks(kind, path, start)
        if title is None and blocks and blocks[0][0] == "h":
            title, blocks = blocks[0][1], blocks[1:]
        lay = choose_layout(rng, lang)
        short = (title or sid).split(",")[0][:40]
        target = rng.randint(2, 3)  # at most this many pages
        words = rng.randint(600, 1500) * (1 if lay["ll"] >= 5 else 0.7)
        # take blocks up to the word budget, cut at a block boundary before a heading if possible
        n, acc = 0, 0
        while n < len(blocks) and acc < words:
            acc += len(blocks[n][1].split())
            n += 1
        while True:
            part = blocks[:n]
            while part and part[-1][0] == "h":
                part = part[:-1]
            ms, gold, heads, furn = build_ms(part, lay, title, short, lang)
            doc = f"groff-{sid}"
            msp, pdf = os.path.join(WORK, doc + ".ms"), os.path.join(WORK, doc + ".pdf")
            open(msp, "w", encoding="utf-8").write(ms)
            typeset(msp, pdf, lay)
            if npages(pdf) <= target or n <= 3:
                break
            n -= 1
        pages = npages(pdf)
        meta_layout = dict(lay, pages=pages, furniture=furn)
        if lay["furn"] in ("lh-rh",):
            meta_layout["header"] = short
        gold_txt = "\n\n".join(gold) + "\n"
        for tr, fn in EXTRACTORS.items():
            raw = fn(pdf)
            cid = f"{doc}.groff:{tr}"
            open(os.path.join(OUT, cid + ".raw.txt"), "w", encoding="utf-8").write(raw)
            open(os.path.join(OUT, cid + ".gold.txt"), "w", encoding="utf-8").write(gold_txt)
            meta = {"doc": doc, "lang": lang, "extractor": f"groff:{tr}",
                    "source": path + (f" from /{start}/" if start else ""),
                    "layout": meta_layout, "headings": heads}
            json.dump(meta, open(os.path.join(OUT, cid + ".meta.json"), "w"), ensure_ascii=False)
        index.append((doc, lang, pages, len(gold), lay))
        print(f"{doc:24} {lang} pages={pages} blocks={len(gold)} {json.dumps(lay)}", flush=True)


if __name__ == "__main__":
    main()
