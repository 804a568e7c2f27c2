#!/usr/bin/env python3
"""tests/tools/structure.py — checks the structure tree of a PDF made by copil.

usage: structure.py [--headings] [--no-text] FILE.pdf DUMP.txt

DUMP.txt is `copil render --dump=pages` of the same input: it says which
text is body text and which is a running header or footer (an artifact).
Reads the PDF only through independent tools: `pdfinfo -struct-text`
(poppler) for the tree and its text, `qpdf --json` for /Alt, and
`qpdf --show-object --filtered-stream-data` for the page content.

Checks, each failure printed on one line:
  - the tree's root is Document; no NonStruct element is left in it;
  - every line of body text in the dump is in the text of the tree, and no
    footer with a page number is (not with --no-text: a character no font
    has is drawn as a box carrying its text as /ActualText, and poppler
    stops reading an element's text at such a nested span);
  - the words of two lines broken at a space or a <br/>, and of two
    paragraphs, are not run together in the tree's text, and a word broken
    at a hyphen stays one word (not with --no-text either);
  - every Figure has a non-empty /Alt;
  - every Table has a row of TH cells only; a TH in such a row says
    /Scope /Column, a TH in a row that also holds TD cells (a row's header
    cell) /Scope /Row (in an /A dictionary owned by /Table), a cell's
    /ColSpan and /RowSpan are
    whole numbers from 1, and each Table's rows, spans counted, are as wide
    as one another, no RowSpan reaching past its Table (read by qpdf);
  - every Link annotation has a non-empty /Contents and is reached from a
    Link element of the tree by an OBJR, its /StructParent leading to that
    element through the parent tree (read by qpdf);
  - every L holds LI with Lbl and LBody,
    the Lbl first; a list split by a page is one L;
  - with --headings: headings nest (H1 first, never a level skipped);
  - every page's painting operators (text, fills, strokes, images) sit in
    marked content: tagged, or marked /Artifact.
Prints "structure: N checks" and exits 1 when any check failed.
"""
import json
import re
import subprocess
import sys

failures = []
checks = 0


def check(ok, message):
    global checks
    checks += 1
    if not ok:
        failures.append(message)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout


def flat(s):
    """Letters and digits only: spacing, hyphens and punctuation vary."""
    return "".join(c for c in s if c.isalnum())


def tree(pdf):
    """pdfinfo -struct-text as (depth, name, text) rows; an element with
    attributes is printed "TH:", its attributes below it."""
    rows = []
    for line in run("pdfinfo", "-struct-text", pdf).decode("utf-8").splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 2
        body = line.strip()
        if body.startswith('"'):
            if rows:
                rows[-1][2] += body[1:-1]
        elif body.startswith("/"):
            continue  # an attribute of the element above ("TH:" then "/Scope /Column")
        elif body:
            rows.append([depth, body.split()[0].rstrip(":"), ""])
    return rows


def dump_texts(path):
    """(artifact, text) for every text fragment of the dump."""
    frags = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("  text "):
            frags.append([line.rstrip().endswith(" artifact"), ""])
        elif line.startswith("      | ") and frags:
            frags[-1][1] += line[8:].rstrip("\n") + " "
    return frags


def dump_lines(path):
    """(artifact, box, lines) for every text fragment of the dump, each line
    as printed: "~" a no-break space, "^" a narrow one, "^{…}" raised text,
    a trailing "-" a break at a hyphen, a trailing space a break at a space."""
    frags = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("  text "):
            frags.append([line.rstrip().endswith(" artifact"), line.split()[1], []])
        elif line.startswith("      | ") and frags:
            frags[-1][2].append(line[8:].rstrip("\n"))
    return frags


def words(s):
    """The words of a dump line or of a tree text: no-break spaces separate
    words, as a reader says them; a soft hyphen is nothing."""
    s = re.sub(r"\^\{(.*?)\}", r"\1", s).replace("~", " ").replace("^", " ")
    return s.replace("\u00ad", "").split()


def glued_words(rows, frags):
    """Failures for words of two lines, or of two paragraphs, that the tree's
    text runs together ("principald’éducation"), and for a word broken at a
    hyphen that it splits in two ("ca sier"). A line that ends with neither a
    space nor a hyphen ended at a <br/> when it holds more than one word (a
    single word is cut where it overflows: no separator then)."""
    tree = set()
    for r in rows:
        if r[1] != "Figure":  # a chart's labels: its /Alt is what is read
            tree.update(words(r[2]))
    printed = set()
    for _, _, lines in frags:
        for ln in lines:
            printed.update(words(ln))
    out = []

    def glued(a, b):
        if a + b in tree and a + b not in printed:
            out.append("words run together in the tree's text: %s|%s" % (a, b))

    prev = None  # last word of the previous paragraph
    for artifact, _, lines in frags:
        if artifact:
            continue
        ws = [words(ln) for ln in lines]
        for i, ln in enumerate(lines):
            if not ws[i]:
                continue
            if i == 0 and prev:
                glued(prev, ws[i][0])
            if i + 1 == len(lines) or not ws[i + 1]:
                continue
            a, b = ws[i][-1], ws[i + 1][0]
            if ln.endswith(" "):
                glued(a, b)
            elif ln.endswith("-"):
                if a[:-1] + b not in tree and a + b not in tree:
                    out.append("a word broken at a hyphen is not one word in the tree's text: "
                               "%s|%s" % (a, b))
            elif len(ws[i]) > 1 and a[-1].isalnum() and b[0].isalnum():
                glued(a, b)
        last = [w for w in ws if w]
        prev = last[-1][-1] if last else prev
    return out


def label_pages(path):
    """The page of every list item's label in the dump, in order."""
    pages, page = [], 0
    for line in open(path, encoding="utf-8"):
        if line.startswith("page "):
            page = int(line.split()[1])
        elif line.startswith("  text ") and line.rstrip().endswith(" label"):
            pages.append(page)
    return pages


def kids(rows, i):
    """Indices of the direct children of row i."""
    out, d = [], rows[i][0]
    for j in range(i + 1, len(rows)):
        if rows[j][0] <= d:
            break
        if rows[j][0] == d + 1:
            out.append(j)
    return out


def pdf_objects(objects):
    """Resolves qpdf's JSON (v2): value(x) follows a reference, text(x) reads a
    string as text."""
    def value(x):
        if isinstance(x, str) and x.endswith(" R"):
            return objects.get("obj:" + x, {}).get("value")
        return x

    def text(x):
        x = value(x)
        if isinstance(x, str) and x[:2] in ("u:", "b:"):
            return x[2:] if x[0] == "u" else bytes.fromhex(x[2:]).decode("latin-1")
        return x if isinstance(x, str) else None

    return value, text


def table_and_link_failures(objects):
    """The failures of the checks on TH, TD and Link elements (see above)."""
    value, text = pdf_objects(objects)
    out = []
    root = value(objects.get("trailer", {}).get("value", {}).get("/Root"))
    tree = value(root.get("/StructTreeRoot")) if isinstance(root, dict) else None
    if not isinstance(tree, dict):
        return out

    def attrs(e):
        """The /Table attributes of element e, merged."""
        a = value(e.get("/A"))
        merged = {}
        for d in a if isinstance(a, list) else [a]:
            d = value(d)
            if isinstance(d, dict) and d.get("/O") == "/Table":
                merged.update(d)
        return merged

    def kids(e):
        k = value(e.get("/K"))
        return [value(x) for x in (k if isinstance(k, list) else [k])]

    tables, link_objs = [], {}
    def walk(k, depth):
        k = value(k)
        if depth > 300:
            return
        if isinstance(k, list):
            for x in k:
                walk(x, depth)
        elif isinstance(k, dict) and "/S" in k:
            if k["/S"] == "/Table":
                tables.append(k)
            if k["/S"] == "/Link":
                for x in kids(k):
                    if isinstance(x, dict) and x.get("/Type") == "/OBJR":
                        link_objs[x.get("/Obj")] = k
            walk(k.get("/K"), depth + 1)
    walk(tree.get("/K"), 0)

    for t in tables:
        rows = [r for r in kids(t) if isinstance(r, dict) and r.get("/S") == "/TR"]
        widths, below = [], []  # below: rows still taken, one per spanning cell
        for i, r in enumerate(rows):
            below = [n - 1 for n in below if n > 1]
            width = len(below)
            cells = [c for c in kids(r) if isinstance(c, dict) and c.get("/S") in ("/TH", "/TD")]
            # A row of TH cells only is a header row; a TH beside TDs heads its row.
            scope = "/Column" if all(c["/S"] == "/TH" for c in cells) else "/Row"
            for c in cells:
                a = attrs(c)
                cols, span = a.get("/ColSpan", 1), a.get("/RowSpan", 1)
                if c["/S"] == "/TH" and a.get("/Scope") != scope:
                    out.append("a TH without /Scope %s (%s)" % (scope, a or "no /A"))
                if not (isinstance(cols, int) and cols >= 1 and isinstance(span, int) and span >= 1):
                    out.append("a cell with /ColSpan %r /RowSpan %r" % (cols, span))
                    continue
                if i + span > len(rows):
                    out.append("a /RowSpan %d reaches past its Table's %d rows" % (span, len(rows)))
                width += cols
                below += [span] * cols
            widths.append(width)
        if len(set(widths)) > 1:
            out.append("a Table whose rows, spans counted, have %s cells" % widths)

    annots = [(k, o["value"]) for k, o in objects.items()
              if isinstance(o, dict) and isinstance(o.get("value"), dict)
              and o["value"].get("/Subtype") == "/Link"]
    nums = []
    def number_tree(n, depth=0):
        n = value(n)
        if isinstance(n, dict) and depth < 20:
            nums.extend(value(n.get("/Nums")) or [])
            for kid in value(n.get("/Kids")) or []:
                number_tree(kid, depth + 1)
    number_tree(tree.get("/ParentTree"))
    parents = dict(zip(nums[0::2], nums[1::2]))
    for key, a in annots:
        ref = key[4:]
        contents = text(a.get("/Contents"))
        if not contents or not contents.strip():
            out.append("a Link annotation without /Contents (%s)" % ref)
        elem = link_objs.get(ref)
        if elem is None:
            out.append("a Link annotation that no Link element reaches (%s)" % ref)
        elif value(parents.get(a.get("/StructParent"))) is not elem:
            out.append("a Link annotation whose /StructParent is not its Link element (%s)" % ref)
    return out


def main():
    args = sys.argv[1:]
    headings = "--headings" in args
    with_text = "--no-text" not in args
    args = [a for a in args if a not in ("--headings", "--no-text")]
    pdf, dump = args

    rows = tree(pdf)
    body = [t for artifact, t in dump_texts(dump) if not artifact and flat(t)]
    if rows or body:
        check(rows and rows[0][1] == "Document" and rows[0][0] == 0,
              "the tree's root is not Document")
    left = [r for r in rows if r[1] == "NonStruct"]
    check(not left, "%d NonStruct element(s) left in the tree" % len(left))

    text = flat("".join(r[2] for r in rows))
    for artifact, t in dump_texts(dump) if with_text else []:
        f = flat(t)
        if not f:
            continue
        if artifact:
            if re.search(r"\bPage \d+\s*/\s*\d+", t):
                check(f not in text, "a footer is in the structure tree: %s" % t.strip())
        else:
            check(f in text, "body text outside the structure tree: %s" % t.strip()[:80])

    if with_text:
        glued = glued_words(rows, dump_lines(dump))
        check(not glued, "%d glued: %s" % (len(glued), "; ".join(glued[:4])))

    for i, r in enumerate(rows):
        if r[1] == "Table":
            trs = [j for j in kids(rows, i) if rows[j][1] == "TR"]
            names = [[rows[k][1] for k in kids(rows, j) if rows[k][1] in ("TH", "TD")] for j in trs]
            th_row = any(n and set(n) == {"TH"} for n in names)
            check(th_row, "a Table without a row of TH cells only")
        if r[1] == "L":
            lis = [j for j in kids(rows, i) if rows[j][1] == "LI"]
            check(lis, "an L without LI")
            for j in lis:
                names = [rows[k][1] for k in kids(rows, j)]
                check("LBody" in names, "an LI without LBody")
                if "Lbl" in names and "LBody" in names:
                    check(names.index("Lbl") < names.index("LBody"),
                          "an LI whose Lbl comes after its LBody: %s" % rows[j + 1][2][:40])

    # A list split by a page is one L: the items with a label are those of
    # the dump, in the same order, so each L knows its pages; two L side by
    # side, the second starting on the page after the first ends, are one
    # list cut in two.
    pages = iter(label_pages(dump))
    item_page = {}
    for i, r in enumerate(rows):
        if r[1] == "LI" and any(rows[k][1] == "Lbl" for k in kids(rows, i)):
            item_page[i] = next(pages, None)

    def list_pages(i):
        ps = [item_page[j] for j in kids(rows, i) if item_page.get(j)]
        return (ps[0], ps[-1]) if ps else (None, None)

    for i in range(len(rows)):
        ks = kids(rows, i) if rows[i][1] != "LI" else []
        for a, b in zip(ks, ks[1:]):
            if rows[a][1] == "L" and rows[b][1] == "L":
                end, start = list_pages(a)[1], list_pages(b)[0]
                check(not (end and start and start == end + 1),
                      "a list split by a page is two L elements (pages %s and %s)" % (end, start))

    if headings:
        level = 0
        for r in rows:
            m = re.fullmatch(r"H([1-6])", r[1])
            if m:
                n = int(m.group(1))
                check(n <= level + 1, "H%d follows H%d: a heading level is skipped" % (n, level)
                      if level else "the first heading is H%d, not H1" % n)
                level = n

    # /Alt on every Figure, read by qpdf.
    objects = json.loads(run("qpdf", "--json=2", "--json-key=qpdf", pdf))["qpdf"][1]
    for key, obj in objects.items():
        v = obj.get("value") if isinstance(obj, dict) else None
        if isinstance(v, dict) and v.get("/S") == "/Figure":
            alt = v.get("/Alt", "")
            check(isinstance(alt, str) and len(alt) > 2, "a Figure without /Alt (%s)" % key)

    for f in table_and_link_failures(objects):
        check(False, f)
    check(True, "tables and links")

    # Every painting operator inside marked content.
    pages = run("qpdf", "--show-pages", pdf).decode().splitlines()
    contents = []
    for i, line in enumerate(pages):
        if line.strip() == "content:":
            for c in pages[i + 1:]:
                if not c.startswith("    "):
                    break
                contents.append(c.split()[0])
    paint = re.compile(rb"(Tj|TJ|'|\"|\bf\*?|\bF|\bS|\bs|\bB\*?|\bb\*?|\bDo|\bsh|\bEI)$")
    for n in contents:
        data = run("qpdf", "--show-object=%s" % n, "--filtered-stream-data", pdf)
        depth, loose = 0, 0
        for line in data.split(b"\n"):
            t = line.strip()
            if t.endswith(b"BDC") or t.endswith(b"BMC"):
                depth += 1
            elif t == b"EMC":
                depth -= 1
            elif depth == 0 and paint.search(t):
                loose += 1
        check(loose == 0, "content stream %s paints %d time(s) outside marked content" % (n, loose))

    for f in failures:
        print("structure: " + f)
    print("structure: %d checks" % checks)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
