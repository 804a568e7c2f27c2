#!/usr/bin/env python3
"""tests/tools/margins.py — every printed word inside the area it belongs to.

Usage: margins.py AREAS BBOX [LABEL]
  AREAS  copil render --dump=areas: per page, the rectangles (points, from
         the top-left corner) its header, body and footer may print in;
  BBOX   pdftotext -bbox of the same PDF: the box of every word, which is the
         union of its glyphs' boxes.
A word passes when one of its page's rectangles holds it, within TOLERANCE
points on every side. Prints one line per word outside, then a summary line
"margins: N words, K outside"; exits 1 when K > 0. Standard library only.
"""
import re
import sys

TOLERANCE = 0.5


def areas(path):
    pages = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"page (\d+)(.*)", line)
        if not m:
            continue
        rects = []
        for name, nums in re.findall(r"(\w+)=([\d.,]+)", m.group(2)):
            rects.append((name, tuple(float(v) for v in nums.split(","))))
        pages[int(m.group(1))] = rects
    return pages


def words(path):
    page = 0
    text = open(path, encoding="utf-8").read()
    pat = re.compile(r'<page width|<word xMin="([-\d.]+)" yMin="([-\d.]+)" '
                     r'xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>')
    for m in pat.finditer(text):
        if m.group(1) is None:
            page += 1
            continue
        yield page, tuple(float(m.group(i)) for i in range(1, 5)), m.group(5)


def inside(box, rect):
    x0, y0, x1, y1 = box
    a0, b0, a1, b1 = rect
    t = TOLERANCE
    return x0 >= a0 - t and y0 >= b0 - t and x1 <= a1 + t and y1 <= b1 + t


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: margins.py AREAS BBOX [LABEL]")
    label = sys.argv[3] if len(sys.argv) > 3 else sys.argv[2]
    pages = areas(sys.argv[1])
    n = bad = 0
    for page, box, text in words(sys.argv[2]):
        n += 1
        rects = pages.get(page, [])
        if any(inside(box, r) for _, r in rects):
            continue
        bad += 1
        # Name how far it is from the nearest area, side by side.
        over = []
        for name, (a0, b0, a1, b1) in rects:
            d = max(a0 - box[0], b0 - box[1], box[2] - a1, box[3] - b1)
            over.append((d, name))
        d, name = min(over) if over else (0.0, "no area")
        print("%s: page %d: \"%s\" at %.2f,%.2f,%.2f,%.2f is %.2f pt outside the %s"
              % (label, page, text, *box, d, name))
    print("margins: %d words, %d outside" % (n, bad))
    sys.exit(1 if bad else 0)


main()
