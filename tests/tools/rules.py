#!/usr/bin/env python3
"""tests/tools/rules.py — no rule drawn twice, or doubled, in a PDF.

Usage: rules.py FILE.pdf
Reads each page's content stream (qpdf --qdf, uncompressed) and collects the
straight lines it strokes only (m/l paths ended by S: how paint draws
borders and rules; the charts' bars, rectangles filled and outlined, are
not rules), in the coordinates of the page's one transform (copil's pages
have no other around their rules). A pair is two horizontal (or two vertical) segments less than
1 pt apart across, that run side by side along more than 1 pt: a doubled
rule, or one drawn twice. Prints per page "page N: H horizontal, V vertical,
P pairs" and one line per pair, then "rules: S segments, P pairs"; exits 1
when P > 0. Standard library only.
"""
import re
import subprocess
import sys

NEAR = 1.0


def pages(path):
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, "-"],
                         capture_output=True, check=False).stdout.decode("latin-1")
    parts = re.split(r"%% Contents for page (\d+)\n", qdf)
    for i in range(1, len(parts), 2):
        body = parts[i + 1]
        m = re.search(r"stream\n(.*?)endstream", body, re.S)
        yield int(parts[i]), m.group(1) if m else ""


def segments(stream):
    """Stroked straight segments as (x0, y0, x1, y1, width)."""
    out, path, width, cur = [], [], 1.0, None
    tokens = re.findall(r"\((?:\\.|[^\\)])*\)|<[^>]*>|\[|\]|[^\s\[\]()<>]+", stream)
    stack = []
    for t in tokens:
        if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", t):
            stack.append(float(t))
            continue
        if t == "w" and stack:
            width = stack[-1]
        elif t == "m" and len(stack) >= 2:
            cur = (stack[-2], stack[-1])
        elif t == "l" and len(stack) >= 2 and cur:
            path.append((cur[0], cur[1], stack[-2], stack[-1]))
            cur = (stack[-2], stack[-1])
        elif t in ("S", "s"):
            out += [p + (width,) for p in path]
            path, cur = [], None
        elif t in ("n", "f", "f*", "F", "B", "B*", "b", "b*"):
            path, cur = [], None
        stack = []
    return out


def pairs(segs):
    """Doubled pairs among horizontal and among vertical segments."""
    found = []
    for axis in (0, 1):  # 0: horizontal (same y), 1: vertical (same x)
        lines = []
        for x0, y0, x1, y1, w in segs:
            if axis == 0 and abs(y0 - y1) < 1e-3 and abs(x1 - x0) > 1e-3:
                lines.append((y0, min(x0, x1), max(x0, x1)))
            elif axis == 1 and abs(x0 - x1) < 1e-3 and abs(y1 - y0) > 1e-3:
                lines.append((x0, min(y0, y1), max(y0, y1)))
        lines.sort()
        for i, (a, s0, e0) in enumerate(lines):
            for b, s1, e1 in lines[i + 1:]:
                if b - a >= NEAR:
                    break
                if min(e0, e1) - max(s0, s1) > NEAR:
                    found.append(("horizontal" if axis == 0 else "vertical", a, b, max(s0, s1),
                                  min(e0, e1)))
    return found


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: rules.py FILE.pdf")
    total = bad = 0
    for n, stream in pages(sys.argv[1]):
        segs = segments(stream)
        found = pairs(segs)
        h = sum(1 for s in segs if abs(s[1] - s[3]) < 1e-3 and abs(s[0] - s[2]) > 1e-3)
        v = sum(1 for s in segs if abs(s[0] - s[2]) < 1e-3 and abs(s[1] - s[3]) > 1e-3)
        print("page %d: %d horizontal, %d vertical, %d pairs" % (n, h, v, len(found)))
        for kind, a, b, s, e in found:
            print("  %s at %.3f and %.3f, along %.2f to %.2f" % (kind, a, b, s, e))
        total += len(segs)
        bad += len(found)
    print("rules: %d segments, %d pairs" % (total, bad))
    sys.exit(1 if bad else 0)


main()
