#!/usr/bin/env python3
"""Runs two textmend binaries over every input the project keeps and reports
each input whose output differs.

    tools/compare_outputs.py [options] BEFORE AFTER [-- ARGS...]

    cargo build --release && cp target/release/textmend /tmp/before/
    ... change the code ...
    cargo build --release
    tools/compare_outputs.py /tmp/before/textmend target/release/textmend

The inputs: the development and blink corpus cases
(`../shared/corpus/{dev,blink}/*.raw.txt`), the raw pages of
`../shared/corpus/structure/`, the inputs of `../shared/corpus/keep/`, every
`fixtures/*/raw.txt` (with `--config fixtures/NAME/options.json` when the
fixture has one, as `tests/fixtures.rs` applies it), every
`tests/regressions/*` input, and the seed page repeated to about 2 MB (so
that the streamed repair works in several windows); `--no-large` leaves
that one out. Each input goes to the binary's standard input, as a pipe
does. Standard output, standard error and the exit status must all be the
same.

ARGS after `--` are given to both binaries (say `-- --format json`);
`--before-args` and `--after-args` give arguments to one side only, to
compare two modes of one binary:

    tools/compare_outputs.py B B --before-args='--threads 1' --after-args='--window 4096'

Prints one line per input that differs (with the first differing line),
then a count. Exit status: 0 when every output is the same, 1 when any
differs, 2 on bad usage.
"""

import argparse
import concurrent.futures as cf
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
LARGE_BYTES = 2_000_000


def listdir(path, keep):
    """The sorted files of `path` whose names `keep` accepts ([] when absent)."""
    if not os.path.isdir(path):
        return []
    return sorted(
        os.path.join(path, name)
        for name in os.listdir(path)
        if keep(name) and os.path.isfile(os.path.join(path, name))
    )


def inputs(shared, large_dir):
    """(label, path of the input, extra args) for every input."""
    corpus = os.path.join(shared, "corpus")
    found = []
    for sub in ("dev", "blink", "structure"):
        for path in listdir(os.path.join(corpus, sub), lambda n: n.endswith(".raw.txt")):
            found.append((os.path.relpath(path, shared), path, []))
    for path in listdir(os.path.join(corpus, "keep"), lambda n: not n.startswith(".")):
        found.append((os.path.relpath(path, shared), path, []))
    fixtures = os.path.join(ROOT, "fixtures")
    for name in sorted(os.listdir(fixtures)) if os.path.isdir(fixtures) else []:
        raw = os.path.join(fixtures, name, "raw.txt")
        if not os.path.isfile(raw):
            continue
        options = os.path.join(fixtures, name, "options.json")
        extra = ["--config", options] if os.path.isfile(options) else []
        found.append((os.path.relpath(raw, ROOT), raw, extra))
    for path in listdir(os.path.join(ROOT, "tests", "regressions"), lambda n: not n.startswith(".")):
        found.append((os.path.relpath(path, ROOT), path, []))
    seed = os.path.join(ROOT, "fixtures", "seed", "raw.txt")
    if large_dir and os.path.isfile(seed):
        with open(seed, "rb") as f:
            unit = f.read()
        if not unit.endswith(b"\n"):
            unit += b"\n"
        big = os.path.join(large_dir, "seed-2MB.txt")
        with open(big, "wb") as f:
            f.write(unit * (LARGE_BYTES // len(unit) + 1))
        found.append(("seed repeated to 2 MB", big, []))
    return found


def run(binary, args, path, timeout):
    """(exit status, stdout, stderr) of `binary ARGS < path`."""
    with open(path, "rb") as stdin:
        try:
            p = subprocess.run([binary, *args], stdin=stdin, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return ("timeout", b"", b"")
    return (p.returncode, p.stdout, p.stderr)


def first_difference(a, b):
    """The first line (1-based) where two outputs differ, and both lines."""
    la, lb = a.split(b"\n"), b.split(b"\n")
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else None
        y = lb[i] if i < len(lb) else None
        if x != y:
            show = lambda s: "(none)" if s is None else repr(s[:80].decode("utf-8", "replace"))
            return f"line {i + 1}: {show(x)} -> {show(y)}"
    return "same lines"


def compare(case, a):
    label, path, extra = case
    before = run(a.before, extra + a.before_args + a.args, path, a.timeout)
    after = run(a.after, extra + a.after_args + a.args, path, a.timeout)
    if before == after:
        return None
    what = []
    if before[0] != after[0]:
        what.append(f"exit {before[0]} -> {after[0]}")
    if before[1] != after[1]:
        what.append(f"stdout {first_difference(before[1], after[1])}")
    if before[2] != after[2]:
        what.append(f"stderr {first_difference(before[2], after[2])}")
    return f"{label}: " + "; ".join(what)


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("before", help="the binary before the change")
    ap.add_argument("after", help="the binary after the change")
    ap.add_argument("--before-args", default="", help="arguments for BEFORE only (one string)")
    ap.add_argument("--after-args", default="", help="arguments for AFTER only (one string)")
    ap.add_argument("--shared", default=SHARED, help="the shared folder with corpus/ (default: ../shared)")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 2, help="inputs run at a time")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per run")
    ap.add_argument("--no-large", action="store_true", help="leave out the 2 MB seed input")
    argv = sys.argv[1:]
    both = []
    if "--" in argv:
        at = argv.index("--")
        argv, both = argv[:at], argv[at + 1 :]
    a = ap.parse_args(argv)
    a.args = both
    a.before_args = shlex.split(a.before_args)
    a.after_args = shlex.split(a.after_args)
    for binary in (a.before, a.after):
        if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
            print(f"compare_outputs: {binary}: not an executable file", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory() as tmp:
        cases = inputs(a.shared, None if a.no_large else tmp)
        if not cases:
            print("compare_outputs: no inputs found", file=sys.stderr)
            return 2
        with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
            results = list(pool.map(lambda c: compare(c, a), cases))
    differing = [r for r in results if r is not None]
    for line in differing:
        print(line)
    print(f"{len(differing)} of {len(cases)} inputs differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
