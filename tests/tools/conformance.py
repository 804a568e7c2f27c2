#!/usr/bin/env python3
"""tests/tools/conformance.py — the machine-checkable PDF/UA-1 and PDF/A-2
conditions that apply to copil's PDFs.

usage: conformance.py [--list] FILE.pdf...

Reads each PDF only through `qpdf --json` (qpdf 11: once with the streams'
dictionaries as written, once with their data decoded) and prints one line
per failed check, "FILE: CHECK: where: what (and N more)", then
"conformance: N files, N failed checks"; exits 1 when a check failed, 2 when a file could not be
read. --list prints the check ids, one a line, with what each checks.

It is no validator: no veraPDF, no PAC. It checks what a program can check
in the Matterhorn protocol (PDF/UA-1) and in ISO 19005-2 (PDF/A-2) for the
kind of file copil writes: tagged text, paths and images, TrueType and
CID fonts, links, signature widgets, one XMP packet. Conditions that need
a reader's judgement (is this really a heading, is the alt text right) are
left to people. The structure tree is walked through /K only, never /P,
with every object visited once.
"""
import base64
import datetime
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

CHECKS = [
    ("encrypt", "PDF/A-2 6.1.3: the file is not encrypted"),
    ("trailer-id", "PDF/A-2 6.1.3: the trailer has an /ID of two strings"),
    ("javascript", "PDF/A-2 6.6.1: no /JS or /JavaScript anywhere (names, actions, /A, /AA)"),
    ("xmp-present", "UA 06-001, A-2 6.6.2.1: the catalog has a /Metadata stream"),
    ("xmp-filter", "PDF/A-2 6.6.2.1: the /Metadata stream has no /Filter"),
    ("xmp-xml", "PDF/A-2 6.6.2.1: the XMP is well-formed XML inside an xpacket"),
    ("xmp-pdfaid", "PDF/A-2 6.6.4: pdfaid:part 2 with pdfaid:conformance A, B or U"),
    ("xmp-pdfuaid", "UA 06-002: pdfuaid:part 1"),
    ("xmp-extension", "PDF/A-2 6.6.2.3.2: a pdfaExtension:schemas entry for the pdfuaid namespace"),
    ("xmp-title", "UA 06-003: dc:title is present and not empty"),
    ("xmp-language", "dc:language is present and not empty"),
    ("xmp-info", "PDF/A-2 6.6.2.2: Info Title, Author, Subject, Keywords, Creator, Producer"
     " equal dc:title, dc:creator, dc:description, pdf:Keywords, xmp:CreatorTool, pdf:Producer"),
    ("xmp-dates", "PDF/A-2 6.6.2.2: Info CreationDate/ModDate and xmp:CreateDate/ModifyDate"
     " are the same instants, each with a time zone"),
    ("output-intent", "PDF/A-2 6.2.3: an /OutputIntents entry /S /GTS_PDFA1 with an RGB ICC"
     " /DestOutputProfile of /N 3"),
    ("lang", "UA 11-006: the catalog has a non-empty /Lang"),
    ("display-doc-title", "UA 07-001: /ViewerPreferences /DisplayDocTitle true"),
    ("mark-info", "UA 01-001/01-002: /MarkInfo /Marked true, /Suspects not true"),
    ("struct-tree", "UA 01-006: the catalog has a /StructTreeRoot with elements"),
    ("mc-untagged", "UA 01-005: every painting operator is in marked content that is /Artifact"
     " or has an /MCID (nothing in between)"),
    ("mc-unreferenced", "UA 01-005: every /MCID is referenced by a structure element through"
     " the parent tree"),
    ("mc-nesting", "UA 01-003/01-004: no artifact inside tagged content, no tagged content inside"
     " an artifact or inside other tagged content"),
    ("struct-type", "UA 02-001/02-003/02-004: structure types are standard or role-mapped to"
     " one; no standard type is remapped"),
    ("headings", "UA 14-002/14-003: the first heading is H1 and no level is skipped"),
    ("table-nesting", "UA 15: TR in Table, THead, TBody or TFoot; TH and TD in TR"),
    ("th-scope", "UA 15-003: every TH has a /Scope attribute (Row, Column or Both)"),
    ("figure-alt", "UA 13-004: every Figure has a non-empty /Alt or /ActualText"),
    ("list-nesting", "UA 09-004: LI in L, LBody in LI"),
    ("list-order", "UA 09: in an LI, no Lbl after an LBody"),
    ("link-struct", "UA 28-011: every link annotation is an OBJR of a Link element"),
    ("link-contents", "UA 28-004: every link annotation has a non-empty /Contents"),
    ("annot-struct", "UA 28-002/28-005: every other annotation is an OBJR of a structure"
     " element (a widget of a Form element)"),
    ("tabs", "UA 28-005 (ISO 14289 7.18.3): /Tabs /S on every page with annotations"),
    ("annot-flags", "PDF/A-2 6.3.2: every annotation has /F with Print set and Invisible,"
     " Hidden, NoView, ToggleNoView clear"),
    ("annot-ap", "PDF/A-2 6.3.3: every widget has /AP with /N; an /AP holds only /N"),
    ("font-embedded", "UA 31-001, A-2 6.2.11.4: every font used is embedded"),
    ("font-tounicode", "UA 31-006..., A-2 6.2.11.7: every code shown has a Unicode value in"
     " its font's /ToUnicode"),
    ("cidtogidmap", "PDF/A-2 6.2.11.3.2: every CIDFontType2 font has /CIDToGIDMap"),
    ("interpolate", "PDF/A-2 6.2.8: no image with /Interpolate true"),
]
IDS = [c for c, _ in CHECKS]

STANDARD = set(
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H "
    "H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note "
    "Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form".split())

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
RDF = "{%s}" % NS["rdf"]
LIMIT = 200000  # objects visited in one walk: a cycle or a bomb stops here

PAINT = {b"Tj", b"TJ", b"'", b'"', b"Do", b"sh", b"f", b"F", b"f*", b"B", b"B*", b"b",
         b"b*", b"S", b"s", b"EI"}
TEXT_SHOW = {b"Tj", b"TJ", b"'", b'"'}


class Unreadable(Exception):
    pass


# --- qpdf's JSON --------------------------------------------------------------


class Pdf:
    """The objects of one PDF as qpdf --json=2 gives them: raw holds the
    streams' dictionaries as written, objs the same objects with stream data
    decoded (dictionaries without the filters that were undone)."""

    def __init__(self, path):
        self.path = path
        raw = self._qpdf("--json-stream-data=none", "--json-key=encrypt")
        self.encrypted = bool(raw.get("encrypt", {}).get("encrypted"))
        self.raw = raw["qpdf"][1]
        self.objs = self._qpdf("--json-stream-data=inline", "--decode-level=generalized")["qpdf"][1]
        self.trailer = self.raw["trailer"]["value"]

    def _qpdf(self, *opts):
        p = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", *opts, self.path],
                           capture_output=True)
        if p.returncode not in (0, 3):
            raise Unreadable(p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:])
        return json.loads(p.stdout)

    def get(self, x):
        """x, with an indirect reference replaced by its object's value (a
        stream by its dictionary); None for a missing object."""
        if isref(x):
            o = self.objs.get("obj:" + x)
            if o is None:
                return None
            return o["stream"]["dict"] if "stream" in o else o.get("value")
        return x

    def rawdict(self, ref):
        o = self.raw.get("obj:" + ref) if isref(ref) else None
        return o["stream"]["dict"] if o and "stream" in o else None

    def data(self, ref):
        """The decoded bytes of the stream ref, or None."""
        o = self.objs.get("obj:" + ref) if isref(ref) else None
        if not o or "stream" not in o or "data" not in o["stream"]:
            return None
        return base64.b64decode(o["stream"]["data"])

    def dget(self, d, key, default=None):
        d = self.get(d)
        if not isinstance(d, dict):
            return default
        v = self.get(d.get(key))
        return default if v is None else v


def isref(x):
    return isinstance(x, str) and x.endswith(" R") and x[:1].isdigit()


def text(x):
    """A PDF string of qpdf's JSON as a Python str ("u:" text, "b:" hex)."""
    if not isinstance(x, str):
        return None
    if x.startswith("u:"):
        return x[2:]
    if x.startswith("b:"):
        b = bytes.fromhex(x[2:])
        if b[:2] == b"\xfe\xff":
            return b[2:].decode("utf-16-be", "replace")
        return b.decode("latin-1")
    return None


def strbytes(x):
    """A PDF string of qpdf's JSON as bytes (for codes shown by text operators)."""
    if x.startswith("b:"):
        return bytes.fromhex(x[2:])
    return x[2:].encode("latin-1", "replace")


# --- content streams ---------------------------------------------------------


class Lexer:
    """Tokens of a content stream: ("op", bytes), ("num", float), ("name", bytes),
    ("str", bytes), ("[", None), ("]", None), ("<<", None), (">>", None)."""


    def __init__(self, data):
        self.d = data
        self.i = 0

    def inline_image(self):
        """Skips an inline image's data after ID; returns at the end of EI."""
        d = self.d
        start = self.i + 1
        m = re.compile(rb"[\s]EI(?=[\s]|$)").search(d, start)
        self.i = m.end() if m else len(d)

    def __iter__(self):
        return self

    # Whitespace and comments, then one token: a name, a number, a keyword,
    # "<<", ">>", a hex string, an array or procedure bracket, or "(" (a
    # literal string, read by literal()).
    TOKEN = re.compile(rb"(?:[ \t\r\n\f\x00]|%[^\r\n]*)*(?:"
                       rb"(/[^ \t\r\n\f\x00()<>\[\]{}/%]*)"
                       rb"|([+-]?(?:\d+\.?\d*|\.\d+))(?![^ \t\r\n\f\x00()<>\[\]{}/%])"
                       rb"|(<<|>>|[\[\]{}])"
                       rb"|<([^>]*)>"
                       rb"|(\()"
                       rb"|([^ \t\r\n\f\x00()<>\[\]{}/%]+)"
                       rb"|(.))", re.S)

    def __next__(self):
        m = self.TOKEN.match(self.d, self.i)
        if not m or m.end() == self.i and m.lastindex is None:
            raise StopIteration
        name, num, punct, hexs, paren, word, other = m.groups()
        if m.lastindex is None:  # only whitespace left
            self.i = len(self.d)
            raise StopIteration
        self.i = m.end()
        if name is not None:
            return ("name", name[1:])
        if num is not None:
            return ("num", float(num))
        if punct is not None:
            return (punct.decode(), None)
        if hexs is not None:
            h = re.sub(rb"[^0-9A-Fa-f]", b"", hexs)
            return ("str", bytes.fromhex((h + b"0" * (len(h) % 2)).decode()))
        if paren is not None:
            self.i = m.start(5)
            return self.literal()
        if word is not None:
            return ("op", word)
        return ("op", other)

    def literal(self):
        d, n = self.d, len(self.d)
        i, depth, out = self.i + 1, 1, bytearray()
        esc = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
        while i < n:
            c = d[i:i + 1]
            if c == b"\\":
                e = d[i + 1:i + 2]
                if e in esc:
                    out += esc[e]
                    i += 2
                elif e in (b"\r", b"\n"):  # a line continuation
                    i += 3 if d[i + 1:i + 3] == b"\r\n" else 2
                elif e.isdigit() and e in b"01234567":
                    m = re.match(rb"[0-7]{1,3}", d[i + 1:i + 4])
                    out.append(int(m.group(0), 8) & 0xFF)
                    i += 1 + len(m.group(0))
                else:
                    out += e
                    i += 2
                continue
            if c == b"(":
                depth += 1
            elif c == b")":
                depth -= 1
                if depth == 0:
                    break
            out += c
            i += 1
        self.i = i + 1
        return ("str", bytes(out))


def operations(data):
    """(operator, operands) for each operator of a content stream; arrays
    become lists, dictionaries dicts of name bytes."""
    lex = Lexer(data)
    stack = []
    marks = []
    for kind, val in lex:
        if kind in ("[", "<<"):
            marks.append((kind, len(stack)))
        elif kind in ("]", ">>") and marks:
            k, at = marks.pop()
            items = stack[at:]
            del stack[at:]
            if k == "[":
                stack.append(items)
            else:
                dct = {}
                for a in range(0, len(items) - 1, 2):
                    key = items[a][1] if isinstance(items[a], tuple) else items[a]
                    dct[key] = items[a + 1]
                stack.append(dct)
        elif kind == "op":
            if val in (b"true", b"false", b"null"):
                stack.append(("kw", val))
                continue
            ops = stack
            stack = []
            marks = []
            if val == b"ID":
                lex.inline_image()
                yield b"EI", ops
                continue
            yield val, ops
        elif kind == "name":
            stack.append(("name", val))
        else:
            stack.append(val)


# --- fonts ---------------------------------------------------------------------


def parse_cmap(data):
    """The code → Unicode map of a ToUnicode CMap (bfchar and bfrange), codes
    as bytes, and the code lengths of its code space ranges."""
    out, widths = {}, set()
    toks = [t for t in Lexer(data)]
    i = 0
    mode = None
    while i < len(toks):
        kind, val = toks[i]
        if kind == "op" and val in (b"begincodespacerange", b"beginbfchar", b"beginbfrange"):
            mode = val
        elif kind == "op" and val.startswith(b"end"):
            mode = None
        elif mode == b"begincodespacerange" and kind == "str" and i + 1 < len(toks):
            widths.add(len(val))
            i += 2
            continue
        elif mode == b"beginbfchar" and kind == "str" and i + 1 < len(toks):
            dst = toks[i + 1][1]
            out[val] = dst if isinstance(dst, bytes) else b""
            i += 2
            continue
        elif mode == b"beginbfrange" and kind == "str" and i + 2 < len(toks):
            lo, hi = val, toks[i + 1][1]
            if not isinstance(hi, bytes) or len(hi) != len(lo):
                i += 1
                continue
            a, b = int.from_bytes(lo, "big"), int.from_bytes(hi, "big")
            if toks[i + 2][0] == "[":
                j = i + 3
                k = 0
                while j < len(toks) and toks[j][0] != "]":
                    if a + k <= b:
                        out[(a + k).to_bytes(len(lo), "big")] = toks[j][1]
                    k += 1
                    j += 1
                i = j + 1
                continue
            dst = toks[i + 2][1]
            if isinstance(dst, bytes) and dst and b - a < 0x10000:
                base = int.from_bytes(dst, "big")
                for k in range(b - a + 1):
                    out[(a + k).to_bytes(len(lo), "big")] = (base + k).to_bytes(len(dst), "big")
            i += 3
            continue
        i += 1
    return out, widths


class FontInfo:
    def __init__(self, pdf, ref):
        f = pdf.get(ref) or {}
        self.ref = ref
        self.subtype = pdf.get(f.get("/Subtype"))
        self.name = pdf.get(f.get("/BaseFont")) or ref
        self.width = 1
        self.desc = None
        self.cid2 = None
        if self.subtype == "/Type0":
            self.width = 2
            enc = f.get("/Encoding")
            if isref(enc) and pdf.data(enc) is not None:
                _, w = parse_cmap(pdf.data(enc))
                self.width = min(w) if w else 2
            kids = pdf.get(f.get("/DescendantFonts")) or []
            kid = pdf.get(kids[0]) if kids else {}
            kid = kid or {}
            self.desc = pdf.get(kid.get("/FontDescriptor"))
            if pdf.get(kid.get("/Subtype")) == "/CIDFontType2":
                self.cid2 = kid
        else:
            self.desc = pdf.get(f.get("/FontDescriptor"))
        self.tounicode = None
        tu = f.get("/ToUnicode")
        if isref(tu) and pdf.data(tu) is not None:
            self.tounicode, _ = parse_cmap(pdf.data(tu))
        self.used = set()

    def codes(self, s):
        w = self.width
        return [s[i:i + w] for i in range(0, len(s) - w + 1, w)]


# --- the checker ---------------------------------------------------------------


class Checker:
    def __init__(self, path):
        self.path = path
        self.failures = []

    def fail(self, check, where, what):
        assert check in IDS, check
        self.failures.append((check, where, what))

    def run(self):
        try:
            pdf = self.pdf = Pdf(self.path)
        except (Unreadable, json.JSONDecodeError) as e:
            self.fail("encrypt", "file", "qpdf cannot read the file: %s" % e)
            return
        if pdf.encrypted or "/Encrypt" in pdf.trailer:
            self.fail("encrypt", "trailer", "the file is encrypted")
        ids = pdf.trailer.get("/ID")
        if not (isinstance(ids, list) and len(ids) == 2 and all(text(x) for x in ids)):
            self.fail("trailer-id", "trailer", "no /ID of two strings")
        self.catalog = pdf.get(pdf.trailer.get("/Root")) or {}
        self.pages = self.page_list()
        self.check_javascript()
        self.check_catalog()
        self.check_xmp()
        self.check_output_intent()
        self.walk_structure()
        self.check_content()
        self.check_annotations()
        self.check_fonts()
        self.check_images()

    # -- the document level --

    def page_list(self):
        pdf, out, seen = self.pdf, [], set()
        todo = [self.catalog.get("/Pages")]
        while todo and len(seen) < LIMIT:
            ref = todo.pop()
            if not isref(ref) or ref in seen:
                continue
            seen.add(ref)
            node = pdf.get(ref) or {}
            if pdf.get(node.get("/Type")) == "/Pages" or "/Kids" in node:
                todo.extend(reversed(pdf.get(node.get("/Kids")) or []))
            else:
                out.append(ref)
        return out

    def check_javascript(self):
        for key, o in self.pdf.objs.items():
            v = o["stream"]["dict"] if "stream" in o else o.get("value")
            for where, d in dicts_in(v):
                if "/JS" in d or "/JavaScript" in d or d.get("/S") == "/JavaScript":
                    self.fail("javascript", key, "JavaScript (%s)" % where)

    def check_catalog(self):
        pdf, cat = self.pdf, self.catalog
        if not text(pdf.get(cat.get("/Lang"))):
            self.fail("lang", "catalog", "no /Lang")
        if pdf.dget(cat.get("/ViewerPreferences"), "/DisplayDocTitle") is not True:
            self.fail("display-doc-title", "catalog", "no /ViewerPreferences /DisplayDocTitle true")
        mi = pdf.get(cat.get("/MarkInfo")) or {}
        if pdf.get(mi.get("/Marked")) is not True:
            self.fail("mark-info", "catalog", "no /MarkInfo /Marked true")
        if pdf.get(mi.get("/Suspects")) is True:
            self.fail("mark-info", "catalog", "/MarkInfo /Suspects true")

    def check_output_intent(self):
        pdf = self.pdf
        intents = pdf.get(self.catalog.get("/OutputIntents"))
        good = False
        for oi in intents if isinstance(intents, list) else []:
            oi = pdf.get(oi) or {}
            if pdf.get(oi.get("/S")) != "/GTS_PDFA1":
                continue
            prof = oi.get("/DestOutputProfile")
            d = pdf.get(prof)
            data = pdf.data(prof) or b""
            if not isinstance(d, dict) or pdf.get(d.get("/N")) != 3:
                self.fail("output-intent", "catalog", "the /DestOutputProfile is not a stream of /N 3")
            elif len(data) < 132 or data[36:40] != b"acsp" or data[16:20] != b"RGB ":
                self.fail("output-intent", "catalog", "the /DestOutputProfile is not an RGB ICC profile")
            good = True
        if not good:
            self.fail("output-intent", "catalog", "no /OutputIntents entry with /S /GTS_PDFA1")

    # -- XMP --

    def check_xmp(self):
        pdf = self.pdf
        ref = self.catalog.get("/Metadata")
        data = pdf.data(ref)
        if data is None:
            self.fail("xmp-present", "catalog", "no /Metadata stream")
            return
        raw = pdf.rawdict(ref) or {}
        if "/Filter" in raw:
            self.fail("xmp-filter", ref, "the /Metadata stream has a /Filter")
        s = data.decode("utf-8", "replace")
        if not re.search(r"<\?xpacket begin=", s) or not re.search(r"<\?xpacket end=['\"][rw]['\"]\s*\?>", s):
            self.fail("xmp-xml", ref, "the XMP is not wrapped in <?xpacket begin …?> … <?xpacket end …?>")
        try:
            root = ET.fromstring(data)
        except ET.ParseError as e:
            self.fail("xmp-xml", ref, "the XMP is not well-formed XML: %s" % e)
            return
        props = xmp_properties(root)
        part, conf = props.get("pdfaid:part"), props.get("pdfaid:conformance")
        if part != ["2"] or conf not in (["A"], ["B"], ["U"]):
            self.fail("xmp-pdfaid", ref, "pdfaid:part %s, pdfaid:conformance %s (want 2 and A, B or U)"
                      % (part, conf))
        if props.get("pdfuaid:part") != ["1"]:
            self.fail("xmp-pdfuaid", ref, "pdfuaid:part %s (want 1)" % props.get("pdfuaid:part"))
        if not extension_declares(root, NS["pdfuaid"], "part"):
            self.fail("xmp-extension", ref, "no pdfaExtension:schemas entry describing"
                      " pdfuaid:part (pdfuaid is not a PDF/A-2 predefined schema)")
        if not any(t.strip() for t in props.get("dc:title", [])):
            self.fail("xmp-title", ref, "no dc:title")
        if not any(t.strip() for t in props.get("dc:language", [])):
            self.fail("xmp-language", ref, "no dc:language")

        info = pdf.get(pdf.trailer.get("/Info")) or {}
        pairs = [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
                 ("/Keywords", "pdf:Keywords"), ("/Creator", "xmp:CreatorTool"),
                 ("/Producer", "pdf:Producer")]
        for key, prop in pairs:
            v = text(pdf.get(info.get(key)))
            if v is None:
                continue
            x = props.get(prop)
            if prop == "dc:creator" and x and len(x) == 1:
                x = x[0]
            elif x and len(x) == 1:
                x = x[0]
            if x != v:
                self.fail("xmp-info", "Info " + key, "%r, but %s is %r" % (v, prop, x))
        for key, prop in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
            v = text(pdf.get(info.get(key)))
            x = (props.get(prop) or [None])[0]
            if v is None and x is None:
                continue
            a, b = pdf_date(v), xmp_date(x)
            if v is not None and a is None:
                self.fail("xmp-dates", "Info " + key, "%r is not a date with a time zone" % v)
            if x is not None and b is None:
                self.fail("xmp-dates", prop, "%r is not a date with a time zone" % x)
            if v is not None and x is None:
                self.fail("xmp-dates", "Info " + key, "%r, but no %s" % (v, prop))
            if a and b and a != b:
                self.fail("xmp-dates", "Info " + key, "%r, but %s is %r" % (v, prop, x))

    # -- the structure tree --

    def role(self, s):
        """A structure type through the role map, at most 10 steps."""
        for _ in range(10):
            if s in STANDARD or s not in self.rolemap:
                return s
            s = self.rolemap[s]
        return s

    def walk_structure(self):
        pdf = self.pdf
        self.elems = []  # (ref, type, parent index, dict), in the tree's order
        self.marked = {}  # elem ref -> set of (page ref, mcid)
        self.objrs = {}  # annotation ref -> elem ref
        root = pdf.get(self.catalog.get("/StructTreeRoot"))
        self.rolemap = {}
        self.parent_tree = {}
        if not isinstance(root, dict) or root.get("/K") is None:
            self.tree = False
            self.fail("struct-tree", "catalog", "no /StructTreeRoot with elements")
            return
        self.tree = True
        for k, v in (pdf.get(root.get("/RoleMap")) or {}).items():
            v = pdf.get(v)
            if isinstance(v, str) and v.startswith("/"):
                self.rolemap[k[1:]] = v[1:]
        self.classmap = pdf.get(root.get("/ClassMap")) or {}
        self.parent_tree = number_tree(pdf, root.get("/ParentTree"))
        seen = set()
        todo = [(k, -1, None) for k in reversed(kids(pdf, root.get("/K")))]
        while todo and len(seen) < LIMIT:
            k, parent, page = todo.pop()
            if isinstance(k, (int, float)) and not isinstance(k, bool):
                if parent >= 0:
                    self.marked[self.elems[parent][0]].add((page, int(k)))
                continue
            ref = k if isref(k) else None
            if ref:
                if ref in seen:
                    continue
                seen.add(ref)
            d = pdf.get(k)
            if not isinstance(d, dict):
                continue
            t = pdf.get(d.get("/Type"))
            if t == "/MCR":
                if parent >= 0:
                    pg = d.get("/Pg", page)
                    self.marked[self.elems[parent][0]].add((pg, pdf.get(d.get("/MCID"))))
                continue
            if t == "/OBJR":
                if parent >= 0 and isref(d.get("/Obj")):
                    self.objrs.setdefault(d["/Obj"], self.elems[parent][0])
                continue
            s = pdf.get(d.get("/S"))
            if not isinstance(s, str):
                continue
            s = s[1:]
            key = ref or "elem%d" % len(self.elems)
            self.elems.append((key, s, parent, d))
            self.marked[key] = set()
            idx = len(self.elems) - 1
            pg = d.get("/Pg", page)
            todo.extend((c, idx, pg) for c in reversed(kids(pdf, d.get("/K"))))
        self.check_structure()

    def check_structure(self):
        pdf = self.pdf
        for s in sorted(set(self.rolemap) & STANDARD):
            self.fail("struct-type", "RoleMap", "the standard type %s is remapped to %s"
                      % (s, self.rolemap[s]))
        kinds = [self.role(s) for _, s, _, _ in self.elems]
        level = 0
        for i, (ref, s, parent, d) in enumerate(self.elems):
            t = kinds[i]
            up = kinds[parent] if parent >= 0 else None
            if t not in STANDARD:
                self.fail("struct-type", ref, "/%s is neither standard nor role-mapped to a"
                          " standard type" % s)
            m = re.fullmatch(r"H([1-6])", t)
            if m:
                n = int(m.group(1))
                if n > level + 1:
                    self.fail("headings", ref, "H%d follows H%d: a level is skipped" % (n, level)
                              if level else "the first heading is H%d, not H1" % n)
                level = n
            if t == "TR" and up not in ("Table", "THead", "TBody", "TFoot"):
                self.fail("table-nesting", ref, "a TR in %s" % up)
            if t in ("TH", "TD") and up != "TR":
                self.fail("table-nesting", ref, "a %s in %s" % (t, up))
            if t == "TH" and self.attribute(d, "/Table", "/Scope") not in ("/Row", "/Column", "/Both"):
                self.fail("th-scope", ref, "a TH without /Scope")
            if t == "Figure":
                alt = text(pdf.get(d.get("/Alt"))) or text(pdf.get(d.get("/ActualText")))
                if not (alt and alt.strip()):
                    self.fail("figure-alt", ref, "a Figure without /Alt")
            if t == "LI" and up != "L":
                self.fail("list-nesting", ref, "an LI in %s" % up)
            if t == "LBody" and up != "LI":
                self.fail("list-nesting", ref, "an LBody in %s" % up)
            if t == "LI":
                names = [kinds[j] for j in range(len(self.elems)) if self.elems[j][2] == i]
                if "LBody" in names and "Lbl" in names[names.index("LBody"):]:
                    self.fail("list-order", ref, "an Lbl after the LBody")

    def attribute(self, d, owner, key):
        """An attribute of owner /O on the element d, from /A or its classes."""
        pdf = self.pdf
        objs = as_list(pdf.get(d.get("/A")))
        for c in as_list(pdf.get(d.get("/C"))):
            objs += as_list(pdf.get(self.classmap.get(c))) if isinstance(self.classmap, dict) else []
        for a in objs:
            a = pdf.get(a)
            if isinstance(a, dict) and pdf.get(a.get("/O")) == owner and key in a:
                return pdf.get(a[key])
        return None

    # -- page content --

    def check_content(self):
        pdf = self.pdf
        self.fonts = {}
        for n, page in enumerate(self.pages, 1):
            pd = pdf.get(page) or {}
            res = inherited(pdf, page, "/Resources")
            sp = pdf.get(pd.get("/StructParents"))
            where = "page %d" % n
            data = b"".join((pdf.data(c) or b"") + b"\n" for c in contents(pdf, pd))
            self.run_content(data, res, where, page, sp, [], set())

    def run_content(self, data, res, where, page, sp, outer, forms):
        """Walks one content stream: the marked-content stack starts as outer
        (the context of a form XObject's Do), fonts are tracked through Tf
        and q/Q."""
        pdf = self.pdf
        stack = list(outer)  # entries: "A" artifact, "T" tagged, "O" other
        font, saved = None, []
        fonts = pdf.dget(res, "/Font", {}) or {}
        xobjs = pdf.dget(res, "/XObject", {}) or {}
        props = pdf.dget(res, "/Properties", {}) or {}
        loose = between = 0
        for op, args in operations(data):
            if op in (b"BMC", b"BDC"):
                tag = args[0][1] if args and isinstance(args[0], tuple) else b""
                p = args[1] if op == b"BDC" and len(args) > 1 else None
                if isinstance(p, tuple) and p[0] == "name":
                    p = pdf.get(props.get("/" + p[1].decode("latin-1")))
                    p = {k[1:].encode(): v for k, v in p.items()} if isinstance(p, dict) else None
                mcid = p.get(b"MCID") if isinstance(p, dict) else None
                if tag == b"Artifact":
                    if "T" in stack:
                        self.fail("mc-nesting", where, "an artifact inside tagged content")
                    stack.append("A")
                elif isinstance(mcid, (int, float)):
                    if "A" in stack or "T" in stack:
                        self.fail("mc-nesting", where, "MCID %d inside %s" % (
                            mcid, "an artifact" if "A" in stack else "other tagged content"))
                    self.check_mcid(page, sp, int(mcid), where)
                    stack.append("T")
                else:
                    stack.append("O")
            elif op == b"EMC":
                if stack[len(outer):]:
                    stack.pop()
            elif op == b"q":
                saved.append(font)
            elif op == b"Q":
                font = saved.pop() if saved else font
            elif op == b"Tf" and args and isinstance(args[0], tuple):
                ref = fonts.get("/" + args[0][1].decode("latin-1"))
                if isref(ref):
                    font = self.fonts.get(ref) or self.fonts.setdefault(ref, FontInfo(pdf, ref))
                else:
                    font = None
            if op in TEXT_SHOW and font is not None:
                for a in args:
                    for s in (a if isinstance(a, list) else [a]):
                        if isinstance(s, bytes):
                            font.used.update(font.codes(s))
            if op == b"Do" and args and isinstance(args[0], tuple):
                ref = xobjs.get("/" + args[0][1].decode("latin-1"))
                x = pdf.get(ref) or {}
                if pdf.get(x.get("/Subtype")) == "/Form":
                    if ref in forms or len(forms) > 50:
                        continue
                    fres = x.get("/Resources", res)
                    fsp = pdf.get(x.get("/StructParents"))
                    self.run_content(pdf.data(ref) or b"", fres, where + " form " + ref,
                                     page, fsp if fsp is not None else sp, stack, forms | {ref})
                    continue
            if op == b"EI" and any(isinstance(a, tuple) and a[1] in (b"I", b"Interpolate")
                                   and i + 1 < len(args) and args[i + 1] == ("kw", b"true")
                                   for i, a in enumerate(args)):
                self.fail("interpolate", where, "an inline image with /I true")
            if op in PAINT:
                if not stack:
                    loose += 1
                elif "A" not in stack and "T" not in stack:
                    between += 1
        if loose or between:
            self.fail("mc-untagged", where, "%d painting operator(s) outside marked content,"
                      " %d in marked content neither tagged nor an artifact" % (loose, between))

    def check_mcid(self, page, sp, mcid, where):
        if not self.tree:
            return
        arr = self.parent_tree.get(sp) if sp is not None else None
        arr = self.pdf.get(arr)
        elem = arr[mcid] if isinstance(arr, list) and 0 <= mcid < len(arr) else None
        if not isref(elem) or (page, mcid) not in self.marked.get(elem, ()):
            self.fail("mc-unreferenced", where, "MCID %d is not referenced by a structure"
                      " element through the parent tree" % mcid)

    # -- annotations --

    def check_annotations(self):
        pdf = self.pdf
        kinds = {ref: self.role(s) for ref, s, _, _ in self.elems}
        for n, page in enumerate(self.pages, 1):
            annots = as_list(pdf.get((pdf.get(page) or {}).get("/Annots")))
            if annots and pdf.dget(page, "/Tabs") != "/S":
                self.fail("tabs", "page %d" % n, "annotations, but no /Tabs /S")
            for a in annots:
                d = pdf.get(a) or {}
                sub = pdf.get(d.get("/Subtype"))
                where = "page %d %s %s" % (n, sub, a)
                if sub == "/Popup":
                    continue
                f = pdf.get(d.get("/F"))
                f = int(f) if isinstance(f, (int, float)) else 0
                if not f & 4 or f & (1 | 2 | 32 | 256):
                    self.fail("annot-flags", where, "/F %d (want Print set, Invisible, Hidden,"
                              " NoView, ToggleNoView clear)" % f)
                ap = pdf.get(d.get("/AP"))
                if sub == "/Widget" and not (isinstance(ap, dict) and "/N" in ap):
                    self.fail("annot-ap", where, "a widget without /AP /N")
                if isinstance(ap, dict) and set(ap) - {"/N"}:
                    self.fail("annot-ap", where, "/AP holds %s" % " ".join(sorted(set(ap) - {"/N"})))
                if not self.tree:
                    continue
                elem = self.objrs.get(a) if isref(a) else None
                sp = pdf.get(d.get("/StructParent"))
                if elem and self.parent_tree.get(sp) != elem:
                    elem = None
                want = {"/Link": "Link", "/Widget": "Form"}.get(sub)
                check = "link-struct" if sub == "/Link" else "annot-struct"
                if elem is None:
                    self.fail(check, where, "not an OBJR of a structure element (through"
                              " /StructParent)")
                elif want and kinds.get(elem) != want:
                    self.fail(check, where, "in a %s element, not %s" % (kinds.get(elem), want))
                if sub == "/Link" and not (text(pdf.get(d.get("/Contents"))) or "").strip():
                    self.fail("link-contents", where, "a link without /Contents")

    # -- fonts and images --

    def check_fonts(self):
        pdf = self.pdf
        for ref, f in sorted(self.fonts.items()):
            where = "font %s %s" % (ref, f.name)
            if f.subtype != "/Type3":
                d = f.desc or {}
                if not any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    self.fail("font-embedded", where, "not embedded")
            if f.cid2 is not None and "/CIDToGIDMap" not in f.cid2:
                self.fail("cidtogidmap", where, "a CIDFontType2 without /CIDToGIDMap")
            if not f.used:
                continue
            if f.tounicode is None:
                self.fail("font-tounicode", where, "no /ToUnicode")
                continue
            bad = sorted(c for c in f.used
                         if f.tounicode.get(c) in (None, b"", b"\0\0", b"\xff\xfe", b"\xfe\xff"))
            if bad:
                self.fail("font-tounicode", where, "%d code(s) without a Unicode value: %s" % (
                    len(bad), " ".join("<%s>" % c.hex() for c in bad[:8])))

    def check_images(self):
        pdf = self.pdf
        for key, o in pdf.objs.items():
            d = o["stream"]["dict"] if "stream" in o else None
            if isinstance(d, dict) and d.get("/Subtype") == "/Image" and pdf.get(d.get("/Interpolate")) is True:
                self.fail("interpolate", key[4:], "an image with /Interpolate true")


# --- helpers ------------------------------------------------------------------------


def as_list(x):
    if x is None:
        return []
    return x if isinstance(x, list) else [x]


def kids(pdf, k):
    """The items of a /K: one item (a reference kept as such), or an array's."""
    if isref(k) and isinstance(pdf.get(k), list):
        return pdf.get(k)
    return as_list(k)


def contents(pdf, page):
    """The content stream references of a page dictionary."""
    c = page.get("/Contents")
    if isref(c) and "stream" in pdf.objs.get("obj:" + c, {}):
        return [c]
    return [x for x in as_list(pdf.get(c)) if isref(x)]


def dicts_in(v, where="", depth=0):
    """Every dictionary inside a direct value, with a path."""
    if depth > 50:
        return
    if isinstance(v, dict):
        yield where or "/", v
        for k, x in v.items():
            yield from dicts_in(x, where + k, depth + 1)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from dicts_in(x, "%s[%d]" % (where, i), depth + 1)


def inherited(pdf, page, key):
    node, seen = page, set()
    while isref(node) and node not in seen:
        seen.add(node)
        d = pdf.get(node) or {}
        if key in d:
            return d[key]
        node = d.get("/Parent")
    return None


def number_tree(pdf, ref):
    """A number tree (/Nums, /Kids) as a dict."""
    out, seen, todo = {}, set(), [ref]
    while todo and len(seen) < LIMIT:
        r = todo.pop()
        if isref(r):
            if r in seen:
                continue
            seen.add(r)
        d = pdf.get(r)
        if not isinstance(d, dict):
            continue
        nums = pdf.get(d.get("/Nums")) or []
        for i in range(0, len(nums) - 1, 2):
            out[nums[i]] = nums[i + 1]
        todo.extend(pdf.get(d.get("/Kids")) or [])
    return out


def xmp_properties(root):
    """prefix:name → list of values, for the properties of every
    rdf:Description (attributes, simple elements, and the items of rdf:Alt,
    rdf:Seq and rdf:Bag)."""
    pre = {v: k for k, v in NS.items()}
    out = {}

    def name(tag):
        if tag.startswith("{"):
            uri, local = tag[1:].split("}")
            return "%s:%s" % (pre.get(uri, uri), local)
        return tag

    for desc in root.iter(RDF + "Description"):
        for k, v in desc.attrib.items():
            if not k.startswith(RDF):
                out.setdefault(name(k), []).append(v)
        for p in desc:
            if p.attrib.get(RDF + "parseType") == "Resource":
                continue
            items = [li for c in p for li in c if c.tag in (RDF + "Alt", RDF + "Seq", RDF + "Bag")
                     and li.tag == RDF + "li"]
            if items:
                xdef = [li for li in items
                        if li.attrib.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default"]
                vals = [(li.text or "") for li in (xdef or items)]
            elif len(p):
                continue  # a structure (the extension schemas): not a simple value
            else:
                vals = [p.text or ""]
            out.setdefault(name(p.tag), []).extend(vals)
    return out


def extension_declares(root, uri, prop):
    """True when a pdfaExtension:schemas entry gives namespace uri with
    property prop."""
    e = "{%s}" % NS["pdfaExtension"]
    s = "{%s}" % NS["pdfaSchema"]
    p = "{%s}" % NS["pdfaProperty"]

    def field(node, tag):
        v = node.attrib.get(tag)
        if v is None:
            c = node.find(tag)
            v = c.text if c is not None else None
        return (v or "").strip()

    for schemas in root.iter(e + "schemas"):
        for li in schemas.iter(RDF + "li"):
            if field(li, s + "namespaceURI") != uri:
                continue
            for pl in li.iter(p + "name"):
                if (pl.text or "").strip() == prop:
                    return True
            for node in li.iter():
                if node.attrib.get(p + "name") == prop:
                    return True
    return False


def pdf_date(s):
    """An Info date "D:YYYYMMDDHHmmSS+HH'mm'" as an aware datetime; None when
    it has no time zone or is malformed."""
    if s is None:
        return None
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d'?\d\d'?)(?:'?)", s)
    if not m:
        return None
    y, mo, d, h, mi, se, tz = m.groups()
    if tz == "Z":
        off = 0
    else:
        hh, mm = int(tz[1:3]), int(tz.replace("'", "")[3:5])
        off = (hh * 60 + mm) * (1 if tz[0] == "+" else -1)
    try:
        return datetime.datetime(int(y), int(mo), int(d), int(h), int(mi), int(se),
                                 tzinfo=datetime.timezone(datetime.timedelta(minutes=off)))
    except ValueError:
        return None


def xmp_date(s):
    """An XMP date (ISO 8601 with seconds and a time zone) as an aware
    datetime, or None."""
    if s is None:
        return None
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)",
                     s.strip())
    if not m:
        return None
    y, mo, d, h, mi, se, tz = m.groups()
    off = 0 if tz == "Z" else (int(tz[1:3]) * 60 + int(tz[4:6])) * (1 if tz[0] == "+" else -1)
    try:
        return datetime.datetime(int(y), int(mo), int(d), int(h), int(mi), int(se or 0),
                                 tzinfo=datetime.timezone(datetime.timedelta(minutes=off)))
    except ValueError:
        return None


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if args else 2
    if args[0] == "--list":
        for c, what in CHECKS:
            print("%-18s %s" % (c, what))
        return 0
    nfail, status = 0, 0
    for path in args:
        c = Checker(path)
        c.run()
        # One line per check that failed: its first failure, and how many
        # more there were.
        for check in IDS:
            fs = [f for f in c.failures if f[0] == check]
            if fs:
                more = " (and %d more)" % (len(fs) - 1) if len(fs) > 1 else ""
                print("%s: %s: %s: %s%s" % (path, check, fs[0][1], fs[0][2], more))
                nfail += 1
        if c.failures:
            status = 1
    print("conformance: %d files, %d failed checks" % (len(args), nfail))
    return status


if __name__ == "__main__":
    sys.exit(main())
