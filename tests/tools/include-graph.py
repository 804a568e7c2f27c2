#!/usr/bin/env python3
"""tests/tools/include-graph.py — who uses whom in src/, and the cycles.

Reads the #include lines of src/ and maps each header to the files that
implement what it declares: a file A uses a file B when A includes (directly
or through another header) a header that declares a function or a variable
B defines, and A names it. A shared header (text/text.h) thus does not tie
together files that only share it. Prints the graph of folders (stages) and
the graph of files inside each folder, then every cycle: between folders,
and between files of one folder. Exits 1 when folders form a cycle, or
files inside one of the FOLDERs named (every folder when none is named).

    python3 tests/tools/include-graph.py [SRC [FOLDER...]]   (default: src)

Function definitions are found as the sources write them (clang-format, the
return type on a line of its own, the name at the start of the next one), so
the script needs no build and no compiler. Two files that define the same
name (cli/mail.c and cli/mail-exec.c: one in each program) are alternatives,
not a use of one another.
"""
import os
import re
import sys
from collections import defaultdict

SRC = sys.argv[1] if len(sys.argv) > 1 else "src"
CHECKED = set(sys.argv[2:])  # folders whose files must not form a cycle; empty: all

COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
STRING = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'')
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
DEFINITION = re.compile(r"^([A-Za-z_]\w*)\(", re.M)
GLOBAL = re.compile(
    r"^(?!static\b|typedef\b|extern\b|struct\b|enum\b|union\b|return\b)"
    r"[A-Za-z_][\w \t\*]*?\b([A-Za-z_]\w*)\s*(?:\[[^\]\n]*\]\s*)*=",
    re.M,
)
WORD = re.compile(r"[A-Za-z_]\w*")


def code_of(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    includes = INCLUDE.findall(text)
    # Strings first would cut "/*" inside them; comments first could cut a
    # "//" inside a string: neither occurs in a way that matters here.
    text = COMMENT.sub(" ", text)
    text = STRING.sub('""', text)
    return text, includes


def main():
    files = {}
    for root, _, names in os.walk(SRC):
        for n in names:
            if n.endswith((".c", ".h")):
                p = os.path.join(root, n)
                files[os.path.relpath(p, SRC)] = code_of(p)

    # What each .c file defines (not static).
    defines = defaultdict(set)  # name -> files
    own = defaultdict(set)  # file -> names
    for f, (text, _) in files.items():
        if not f.endswith(".c"):
            continue
        lines = text.split("\n")
        for m in DEFINITION.finditer(text):
            ln = text.count("\n", 0, m.start())
            before = lines[ln - 1] if ln > 0 else ""
            if "static" in before.split() or before.strip().endswith((";", ",")):
                continue
            defines[m.group(1)].add(f)
            own[f].add(m.group(1))
        for m in GLOBAL.finditer(text):
            defines[m.group(1)].add(f)
            own[f].add(m.group(1))

    def headers_of(f, seen=None):
        """The headers f includes, directly or through other headers."""
        seen = set() if seen is None else seen
        for h in files[f][1] if f in files else []:
            if h in files and h not in seen:
                seen.add(h)
                headers_of(h, seen)
        return seen

    # A uses B: a name B defines, declared in a header A includes.
    uses = defaultdict(dict)  # A -> B -> (header, name)
    for a, (text, _) in files.items():
        if not a.endswith(".c"):
            continue
        hs = sorted(headers_of(a))
        words = set(WORD.findall(text))
        declared = {h: set(WORD.findall(files[h][0])) for h in hs}
        for w in sorted(words):
            if w in own[a]:
                continue
            for b in sorted(defines.get(w, ())):
                if b == a or b in uses[a]:
                    continue
                via = next((h for h in hs if w in declared[h]), None)
                if via:
                    uses[a][b] = (via, w)

    def folder(f):
        return f.split("/")[0] if "/" in f else f

    # The graph of folders.
    fgraph = defaultdict(set)
    for a, bs in uses.items():
        for b in bs:
            if folder(a) != folder(b):
                fgraph[folder(a)].add(folder(b))
    print("folders (A -> B: a file of A uses a file of B through B's header):")
    for a in sorted(set(folder(f) for f in files)):
        print("  %-10s -> %s" % (a, ", ".join(sorted(fgraph[a])) or "-"))

    # The graph of files inside each folder.
    print("\nfiles inside each folder (A -> B via HEADER, for NAME):")
    for d in sorted(set(folder(f) for f in files if "/" in f)):
        edges = [
            (a, b, via, w)
            for a in sorted(uses)
            for b, (via, w) in sorted(uses[a].items())
            if folder(a) == d and folder(b) == d
        ]
        if not edges:
            continue
        print("  %s/" % d)
        for a, b, via, w in edges:
            print("    %s -> %s via %s (%s)" % (a, b, via, w))

    def cycles(nodes, succ):
        """Strongly connected components of more than one node (Tarjan)."""
        index, low, stack, on, out = {}, {}, [], set(), []

        def visit(v):
            index[v] = low[v] = len(index)
            stack.append(v)
            on.add(v)
            for w in sorted(succ(v)):
                if w not in index:
                    visit(w)
                    low[v] = min(low[v], low[w])
                elif w in on:
                    low[v] = min(low[v], index[w])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))

        for v in sorted(nodes):
            if v not in index:
                visit(v)
        return out

    found = 0
    print("\ncycles:")
    for comp in cycles(set(fgraph) | {b for bs in fgraph.values() for b in bs}, lambda v: fgraph[v]):
        print("  between folders: " + " <-> ".join(comp))
        found += 1
    for d in sorted(set(folder(f) for f in files if "/" in f)):
        inside = [f for f in files if f.endswith(".c") and folder(f) == d]
        comps = cycles(inside, lambda v: [b for b in uses[v] if folder(b) == d])
        for comp in comps:
            checked = not CHECKED or d in CHECKED
            print("  in %s/: %s%s" % (d, " <-> ".join(comp), "" if checked else " (not checked)"))
            found += checked
        if not comps:
            print("  in %s/: none" % d)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
