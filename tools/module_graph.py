#!/usr/bin/env python3
"""Which crate modules each module of `src/` imports, the cycles among them,
and (with --layers) whether every import points down a declared layering.

    tools/module_graph.py                     # the graph and its cycles
    tools/module_graph.py --depth 1           # top-level modules only
    tools/module_graph.py -v                  # where each import is (file:line)
    tools/module_graph.py --dot > graph.dot   # for Graphviz
    tools/module_graph.py --check --layers tools/module_layers.txt

A module is a file (`src/text/line.rs` is `text::line`,
`src/chars/mojibake/cp437.rs` is `chars::mojibake::cp437`, `src/cli/mod.rs`
is `cli`); the library's root
`src/lib.rs` is `lib`, the command's root `src/main.rs` is `main`, and the
command's modules (declared in `main.rs`) keep their names (`cli::files`).
An import is any path into the crate outside comments and string
literals: `use crate::…` (use trees with braces included), a `crate::x::`
or `super::` path in code, a path through a child module (`plausibility::`
in `mojibake.rs`), and in the command `textmend::…`. A name the library's
root re-exports (`crate::Edit`, from `pub use text::edit::{Edit, Rule}`) counts as
an import of the module it comes from; any other root item (`crate::Config`)
as an import of `lib`. Inline modules (`mod tests { use super::*; }`)
belong to their file. Declaring a module (`mod line;`) is not an import.

Cycles are the strongly connected components of more than one module
(Tarjan's algorithm). `--depth N` folds modules to their first N path
segments first (`--depth 1`: `mojibake::cp437` counts as `mojibake`).

A layers file names the layers bottom first, one per line, as
`NAME: PATTERN...`; a pattern is a module path (`line`, `layout`), which
also covers the modules below it (`layout::join`), and the longest match
wins. `#` starts a comment. With --check the exit status is 1 when there is
a cycle, a module imports one in a higher layer, or (with --layers) a
module is in no layer; 0 otherwise; 2 on bad usage.
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB_ROOT = "lib"
BIN_ROOT = "main"


def strip(source):
    """`source` with comments, string and char literals blanked out (line
    breaks kept, so offsets and line numbers stay)."""
    out = []
    i, n = 0, len(source)

    def blank(text):
        out.append("".join(c if c == "\n" else " " for c in text))

    while i < n:
        c = source[i]
        if source.startswith("//", i):
            j = source.find("\n", i)
            j = n if j < 0 else j
            blank(source[i:j])
            i = j
        elif source.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if source.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif source.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            blank(source[i:j])
            i = j
        elif (m := re.compile(r'b?r(#*)"').match(source, i)) and (i == 0 or not (source[i - 1].isalnum() or source[i - 1] == "_")):
            end = source.find('"' + m.group(1), m.end())
            j = n if end < 0 else end + 1 + len(m.group(1))
            blank(source[i:j])
            i = j
        elif c == '"':
            j = i + 1
            while j < n and source[j] != '"':
                j += 2 if source[j] == "\\" else 1
            blank(source[i : j + 1])
            i = j + 1
        elif c == "'":
            # A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            if source.startswith("\\", i + 1):
                j = source.find("'", i + 2)
                j = n if j < 0 else j + 1
                blank(source[i:j])
                i = j
            elif i + 2 < n and source[i + 2] == "'":
                blank(source[i : i + 3])
                i += 3
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def module_of(path, src):
    """The module path (a tuple) of a file under `src`."""
    rel = os.path.relpath(path, src)[: -len(".rs")].split(os.sep)
    if rel[-1] == "mod":
        rel = rel[:-1]
    if rel in (["lib"], ["main"]):
        return ()
    return tuple(rel)


def crate_files(src):
    """{"lib": [...], "bin": [...]}: each crate's files, the command's being
    main.rs and the modules it declares."""
    files = []
    for folder, _, names in os.walk(src):
        files += [os.path.join(folder, n) for n in names if n.endswith(".rs")]
    files.sort()
    bin_mods = set()
    main = os.path.join(src, "main.rs")
    if os.path.isfile(main):
        with open(main, encoding="utf-8") as f:
            bin_mods = set(re.findall(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;", strip(f.read()), re.M))
    crates = {"lib": [], "bin": []}
    for path in files:
        module = module_of(path, src)
        is_bin = path == main or (module and module[0] in bin_mods)
        crates["bin" if is_bin else "lib"].append(path)
    return crates


TOKEN = re.compile(
    r"(?P<mod>\bmod\s+(?P<name>\w+)\s*\{)"
    r"|(?P<use>\buse\s+(?P<tree>[^;]+);)"
    r"|(?P<path>\b\w+(?:\s*::\s*\w+)+)"
    r"|(?P<open>\{)|(?P<close>\})"
)


def use_paths(tree):
    """The paths a use tree names: `crate::{a::{B, C}, d}` gives
    [crate a B], [crate a C], [crate d]."""
    tree = re.sub(r"\s+as\s+\w+", "", tree)  # `use a::B as C` imports from a all the same
    tree = re.sub(r"\s+", "", tree)

    def parse(text, prefix):
        paths, depth, start = [], 0, 0
        parts = []
        for k, ch in enumerate(text):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "," and depth == 0:
                parts.append(text[start:k])
                start = k + 1
        parts.append(text[start:])
        for part in parts:
            if not part:
                continue
            brace = part.find("{")
            if brace >= 0 and part.endswith("}"):
                head = [s for s in part[:brace].split("::") if s]
                paths += parse(part[brace + 1 : -1], prefix + head)
            else:
                paths.append(prefix + [s for s in part.split("::") if s])
        return paths

    return parse(tree, [])


def scan(path, module, modules, reexports, is_bin):
    """[(imported module, line)] for one file."""
    with open(path, encoding="utf-8") as f:
        text = strip(f.read())
    found = []
    stack = []  # (inline module name, brace depth at its opening)
    depth = 0
    for m in TOKEN.finditer(text):
        if m.group("mod"):
            depth += 1
            stack.append((m.group("name"), depth))
            continue
        if m.group("open"):
            depth += 1
            continue
        if m.group("close"):
            if stack and stack[-1][1] == depth:
                stack.pop()
            depth -= 1
            continue
        here = module + tuple(name for name, _ in stack)
        line = text.count("\n", 0, m.start()) + 1
        if m.group("use"):
            paths = use_paths(m.group("tree"))
        else:
            paths = [re.sub(r"\s+", "", m.group("path")).split("::")]
        for segments in paths:
            target = resolve(segments, here, modules, reexports, is_bin)
            if target is not None:
                found.append((target, line))
    return found


def resolve(segments, here, modules, reexports, is_bin):
    """The crate module a path leads to, as (crate, module path), or None
    for a path outside the crate."""
    crate = "bin" if is_bin else "lib"
    first, rest = segments[0], list(segments[1:])
    if first == "crate":
        base = ()
    elif first == "self":
        base = here
    elif first == "super":
        base = here[:-1]
        while rest and rest[0] == "super":
            base, rest = base[:-1], rest[1:]
    elif first == "textmend" and is_bin:
        crate, base = "lib", ()
    elif here + (first,) in modules[crate]:
        base, rest = here + (first,), rest
    else:
        return None
    while rest and base + (rest[0],) in modules[crate]:
        base, rest = base + (rest[0],), rest[1:]
    if base == () and crate == "lib" and rest and rest[0] in reexports:
        base = reexports[rest[0]]
    return (crate, base)


def name_of(crate, module):
    if not module:
        return LIB_ROOT if crate == "lib" else BIN_ROOT
    return "::".join(module)


def graph(src):
    """({module: {imported: (file, line)}}, every module name)."""
    crates = crate_files(src)
    modules = {}
    for crate, files in crates.items():
        known = set()
        for path in files:
            module = module_of(path, src)
            known.add(module)
            with open(path, encoding="utf-8") as f:
                for name in re.findall(r"\bmod\s+(\w+)\s*\{", strip(f.read())):
                    known.add(module + (name,))
        modules[crate] = known
    reexports = {}
    lib = os.path.join(src, "lib.rs")
    if os.path.isfile(lib):
        with open(lib, encoding="utf-8") as f:
            for tree in re.findall(r"\bpub\s+use\s+([^;]+);", strip(f.read())):
                for segments in use_paths(tree):
                    target = resolve(segments, (), modules, {}, False)
                    if target is not None and target[1]:
                        reexports[segments[-1]] = target[1]
    edges = {}
    for crate, files in crates.items():
        for path in files:
            module = module_of(path, src)
            source = name_of(crate, module)
            edges.setdefault(source, {})
            for (to_crate, target), line in scan(path, module, modules, reexports, crate == "bin"):
                name = name_of(to_crate, target)
                if name != source:
                    edges[source].setdefault(name, (os.path.relpath(path, ROOT), line))
    return edges


def fold(edges, depth):
    """The graph with modules cut to their first `depth` path segments."""
    cut = lambda name: "::".join(name.split("::")[:depth])
    folded = {}
    for source, targets in edges.items():
        folded.setdefault(cut(source), {})
        for target, where in targets.items():
            if cut(target) != cut(source):
                folded[cut(source)].setdefault(cut(target), where)
    return folded


def cycles(edges):
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = [0]
    nodes = sorted(set(edges) | {t for ts in edges.values() for t in ts})

    def visit(v):
        # Iterative, so deep graphs do not hit the recursion limit.
        work = [(v, iter(sorted(edges.get(v, {}))))]
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        while work:
            node, children = work[-1]
            for w in children:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(edges.get(w, {})))))
                    break
                if w in on_stack:
                    low[node] = min(low[node], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        component.append(w)
                        if w == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for v in nodes:
        if v not in index:
            visit(v)
    return sorted(found)


def read_layers(path):
    """[(layer name, [patterns])], bottom first."""
    layers = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, colon, patterns = line.partition(":")
            if not colon or not patterns.split():
                raise ValueError(f"{path}:{number}: expected `NAME: PATTERN...`")
            layers.append((name.strip(), patterns.split()))
    return layers


def layer_of(module, layers):
    """The index of the layer holding `module` (longest pattern wins), or None."""
    best, best_len = None, -1
    for i, (_, patterns) in enumerate(layers):
        for p in patterns:
            if (module == p or module.startswith(p + "::")) and len(p) > best_len:
                best, best_len = i, len(p)
    return best


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--src", default=os.path.join(ROOT, "src"), help="the source folder (default: src/)")
    ap.add_argument("--depth", type=int, default=0, help="fold modules to their first N path segments")
    ap.add_argument("--layers", help="a layers file to check the imports against")
    ap.add_argument("--check", action="store_true", help="exit 1 on a cycle, an upward import or an unlayered module")
    ap.add_argument("--dot", action="store_true", help="print the graph in Graphviz's dot language")
    ap.add_argument("-v", "--verbose", action="store_true", help="show where each import is")
    a = ap.parse_args()
    if not os.path.isdir(a.src):
        print(f"module_graph: {a.src}: no such folder", file=sys.stderr)
        return 2
    edges = graph(a.src)
    if a.depth > 0:
        edges = fold(edges, a.depth)
    layers = []
    if a.layers:
        try:
            layers = read_layers(a.layers)
        except (OSError, ValueError) as e:
            print(f"module_graph: {e}", file=sys.stderr)
            return 2

    if a.dot:
        print("digraph modules {")
        for source in sorted(edges):
            print(f'  "{source}";')
            for target in sorted(edges[source]):
                print(f'  "{source}" -> "{target}";')
        print("}")
    else:
        print(f"Modules and the crate modules they import ({len(edges)} modules):")
        for source in sorted(edges):
            targets = edges[source]
            if a.verbose:
                print(f"  {source}")
                for target in sorted(targets):
                    file, line = targets[target]
                    print(f"      -> {target}  ({file}:{line})")
            else:
                print(f"  {source} -> {', '.join(sorted(targets)) or '(none)'}")

    problems = 0
    found = cycles(edges)
    out = sys.stderr if a.dot else sys.stdout
    if found:
        print(f"\nCycles (strongly connected components): {len(found)}", file=out)
        for component in found:
            members = set(component)
            inner = sum(1 for s in component for t in edges.get(s, {}) if t in members)
            print(f"  {len(component)} modules, {inner} imports among them: {', '.join(component)}", file=out)
        problems += len(found)
    else:
        print("\nNo cycles.", file=out)

    if layers:
        unlayered = sorted(m for m in edges if layer_of(m, layers) is None)
        upward = []
        for source in sorted(edges):
            for target, (file, line) in sorted(edges[source].items()):
                ls, lt = layer_of(source, layers), layer_of(target, layers)
                if ls is not None and lt is not None and lt > ls:
                    upward.append(f"  {source} ({layers[ls][0]}) -> {target} ({layers[lt][0]})  {file}:{line}")
        if unlayered:
            print(f"\nModules in no layer: {', '.join(unlayered)}", file=out)
        if upward:
            print(f"\nImports of a higher layer: {len(upward)}", file=out)
            print("\n".join(upward), file=out)
        else:
            print("\nNo import of a higher layer.", file=out)
        problems += len(unlayered) + len(upward)
    return 1 if a.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
