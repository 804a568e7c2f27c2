#!/usr/bin/env python3
"""tests/tools/pdfbreak.py — copies of a PDF broken for one conformance check.

usage: pdfbreak.py CHECK IN.pdf OUT.pdf
       pdfbreak.py --all IN.pdf OUTDIR    (OUTDIR/broken-CHECK.pdf for every check)
       pdfbreak.py complete IN.pdf OUT.pdf
       pdfbreak.py --list

CHECK is an id of tests/tools/conformance.py --list: OUT is IN with exactly
that condition broken, so that the test shows each check can fail. Exit 3
when IN holds nothing that check could be shown on (no Figure to take the
/Alt of, no link), so that a caller tries another file.

`complete` adds what a conformant file has and IN may still lack: an XMP
packet made from the Info dictionary (with the PDF/A-2u and PDF/UA-1
identifications and the pdfaExtension schema for pdfuaid), an output intent
(a stand-in RGB profile of a bare ICC header: enough for the checker, not
for colour management), /CIDToGIDMap /Identity on CIDFontType2 fonts (what
a missing one means), /Scope on TH elements, /Contents on links, no
/Interpolate true. It only adds what is missing, so it changes nothing in a
file that already has it. It proves the checks that look for these pass on
a file that has them, and gives the breaks a file where only the broken
check fails.

Edits go through `qpdf --update-from-json` (the objects changed, streams
decoded), except for what JSON cannot express: the trailer's /ID is removed
from a `qpdf --qdf` copy by hand and fixed with `fix-qdf`, and so is the
/Metadata stream compressed (qpdf always writes XMP uncompressed);
encryption is qpdf's own (AES-256, empty user password, clear metadata).
"""
import base64
import copy
import json
import os
import re
import subprocess
import sys
import tempfile
import zlib

sys.dont_write_bytecode = True  # no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conformance as C  # noqa: E402

NOTHING = 3


class Nothing(Exception):
    """IN has nothing the requested break could act on."""


class Doc:
    def __init__(self, path, tmpdir):
        # qpdf 11.3's --update-from-json leaves some objects of an object
        # stream unchanged: work on a copy without object streams.
        self.path = os.path.join(tmpdir, "in.pdf")
        subprocess.run(["qpdf", "--object-streams=disable", path, self.path],
                       check=True, capture_output=True)
        path = self.path
        j = json.loads(subprocess.run(
            ["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
             "--decode-level=generalized", path], check=True, capture_output=True).stdout)
        self.header, self.objs = j["qpdf"]
        self.changed = set()
        self.next_id = self.header["maxobjectid"] + 1
        self.trailer = self.objs["trailer"]["value"]
        self.catalog_ref = self.trailer["/Root"]

    # -- objects --

    def value(self, ref):
        o = self.objs["obj:" + ref]
        return o["stream"]["dict"] if "stream" in o else o["value"]

    def get(self, x):
        if C.isref(x):
            return self.value(x)
        return x

    def touch(self, ref):
        self.changed.add("obj:" + ref)

    def data(self, ref):
        return base64.b64decode(self.objs["obj:" + ref]["stream"]["data"])

    def set_data(self, ref, data):
        self.objs["obj:" + ref]["stream"]["data"] = base64.b64encode(data).decode()
        self.touch(ref)

    def new(self, value=None, stream=None, data=b""):
        ref = "%d 0 R" % self.next_id
        self.next_id += 1
        if stream is not None:
            self.objs["obj:" + ref] = {"stream": {"dict": stream,
                                                  "data": base64.b64encode(data).decode()}}
        else:
            self.objs["obj:" + ref] = {"value": value}
        self.touch(ref)
        return ref

    @property
    def catalog(self):
        return self.value(self.catalog_ref)

    def info(self):
        ref = self.trailer.get("/Info")
        return (ref, self.value(ref)) if C.isref(ref) else (None, {})

    def all(self):
        """(ref, dict) of every object that is a dictionary or a stream."""
        for k, o in self.objs.items():
            if not k.startswith("obj:"):
                continue
            v = o["stream"]["dict"] if "stream" in o else o.get("value")
            if isinstance(v, dict) and v.get("/Type") not in ("/ObjStm", "/XRef"):
                yield k[4:], v

    def elems(self, kind):
        return [r for r, v in self.all() if v.get("/S") == "/" + kind and "/P" in v]

    def pages(self):
        out, todo = [], [self.catalog["/Pages"]]
        while todo:
            r = todo.pop(0)
            v = self.value(r)
            if "/Kids" in v:
                todo[:0] = v["/Kids"]
            else:
                out.append(r)
        return out

    def annots(self, sub):
        return [(p, a) for p in self.pages() for a in C.as_list(self.get(self.value(p).get("/Annots")))
                if self.value(a).get("/Subtype") == sub]

    def page_content(self, page):
        c = self.value(page)["/Contents"]
        return c if "stream" in self.objs["obj:" + c] else self.get(c)[0]

    # -- writing --

    def write(self, out):
        patch = {k: self.objs[k] for k in sorted(self.changed)}
        name = os.path.join(os.path.dirname(self.path), "patch.json")
        with open(name, "w") as f:
            json.dump({"qpdf": [self.header, patch]}, f)
        subprocess.run(["qpdf", self.path, "--update-from-json=" + name, out],
                       check=True, capture_output=True)


# --- complete ----------------------------------------------------------------------


def xmp_packet(d, lang):
    """An XMP packet agreeing with the Info dictionary of d."""
    _, info = d.info()

    def t(key):
        return C.text(d.get(info.get(key)))

    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def date(key):
        v = C.pdf_date(t(key))
        return v.isoformat() if v else None

    props = []
    if t("/Title") is not None:
        props.append('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>'
                     % esc(t("/Title")))
    if t("/Author") is not None:
        props.append("<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>" % esc(t("/Author")))
    if t("/Subject") is not None:
        props.append('<dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt>'
                     "</dc:description>" % esc(t("/Subject")))
    props.append("<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>" % esc(lang))
    for key, prop in (("/Keywords", "pdf:Keywords"), ("/Creator", "xmp:CreatorTool"),
                      ("/Producer", "pdf:Producer")):
        if t(key) is not None:
            props.append("<%s>%s</%s>" % (prop, esc(t(key)), prop))
    for key, prop in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        if date(key):
            props.append("<%s>%s</%s>" % (prop, date(key), prop))
    ns = " ".join('xmlns:%s="%s"' % (k, v) for k, v in C.NS.items() if k not in ("x", "rdf"))
    return ("""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" %s>
%s
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>U</pdfaid:conformance>
<pdfuaid:part>1</pdfuaid:part>
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""" % (ns, "\n".join(props))).encode("utf-8")


def stand_in_icc():
    """A bare ICC v2 header for a display RGB profile, no tags: only what
    the checker reads (size, 'RGB ', 'acsp')."""
    h = bytearray(132)
    h[0:4] = (132).to_bytes(4, "big")
    h[8:12] = bytes([2, 0x10, 0, 0])
    h[12:16] = b"mntr"
    h[16:20] = b"RGB "
    h[20:24] = b"XYZ "
    h[36:40] = b"acsp"
    return bytes(h)


def complete(d):
    cat = d.catalog
    if "/Metadata" not in cat:
        lang = C.text(cat.get("/Lang")) or "fr-FR"
        cat["/Metadata"] = d.new(stream={"/Type": "/Metadata", "/Subtype": "/XML"},
                                 data=xmp_packet(d, lang))
        d.touch(d.catalog_ref)
    if "/OutputIntents" not in cat:
        prof = d.new(stream={"/N": 3}, data=stand_in_icc())
        cat["/OutputIntents"] = [{"/Type": "/OutputIntent", "/S": "/GTS_PDFA1",
                                  "/OutputConditionIdentifier": "u:sRGB IEC61966-2.1",
                                  "/DestOutputProfile": prof}]
        d.touch(d.catalog_ref)
    for ref, v in list(d.all()):
        if v.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in v:
            v["/CIDToGIDMap"] = "/Identity"
            d.touch(ref)
        if v.get("/Subtype") == "/Image" and v.get("/Interpolate") is True:
            del v["/Interpolate"]
            d.touch(ref)
        if v.get("/S") == "/TH" and "/P" in v and not has_scope(d, v):
            v["/A"] = C.as_list(v.get("/A")) + [{"/O": "/Table", "/Scope": "/Column"}]
            d.touch(ref)
        if v.get("/Subtype") == "/Link" and not C.text(d.get(v.get("/Contents"))):
            a = d.get(v.get("/A")) or {}
            uri = C.text(d.get(a.get("/URI")))
            dest = C.text(d.get(v.get("/Dest"))) or C.text(d.get(a.get("/D")))
            v["/Contents"] = "u:" + (uri or ("lien vers " + dest if dest else "lien"))
            d.touch(ref)


def has_scope(d, v):
    return any(isinstance(d.get(a), dict) and "/Scope" in d.get(a) for a in C.as_list(d.get(v.get("/A"))))


# --- breaks ----------------------------------------------------------------------


def first(xs):
    if not xs:
        raise Nothing()
    return xs[0]


def xmp_edit(d, fn):
    ref = first([d.catalog.get("/Metadata")] if "/Metadata" in d.catalog else [])
    s = d.data(ref).decode("utf-8")
    t = fn(s)
    assert t != s, "the XMP edit changed nothing"
    d.set_data(ref, t.encode("utf-8"))


def drop_element(name):
    """Removes the XMP property element name (and its content)."""
    return lambda s: re.sub(r"<%s[\s>].*?</%s>|<%s/>" % (name, name, name), "", s, count=1, flags=re.S)


def break_info(d, key, value):
    ref, info = d.info()
    if ref is None:
        raise Nothing()
    info[key] = value
    d.touch(ref)


def append_content(d, text):
    page = d.pages()[0]
    c = d.page_content(page)
    d.set_data(c, d.data(c) + b"\n" + text + b"\n")


def first_elem(d, kind):
    return first(d.elems(kind))


def set_kind(d, ref, kind):
    d.value(ref)["/S"] = "/" + kind
    d.touch(ref)


def break_headings(d):
    for ref, v in d.all():
        if v.get("/S") == "/H1" and "/P" in v:
            set_kind(d, ref, "H3")
            return
    raise Nothing()


def break_list_order(d):
    for ref in d.elems("LI"):
        kids = C.as_list(d.value(ref).get("/K"))
        kinds = [d.get(k).get("/S") if C.isref(k) and isinstance(d.get(k), dict) else None for k in kids]
        if "/Lbl" in kinds and "/LBody" in kinds:
            i, j = kinds.index("/Lbl"), kinds.index("/LBody")
            kids[i], kids[j] = kids[j], kids[i]
            d.value(ref)["/K"] = kids
            d.touch(ref)
            return
    raise Nothing()


def break_tounicode(d):
    """Drops, from the ToUnicode of the first font of page 1's text, the
    code of the first character shown."""
    page = d.pages()[0]
    res = d.get(d.value(page).get("/Resources"))
    fonts = d.get(res.get("/Font"))
    for op, args in C.operations(d.data(d.page_content(page))):
        if op == b"Tf":
            font = fonts["/" + args[0][1].decode()]
        elif op == b"Tj" and args and isinstance(args[0], bytes) and args[0]:
            f = d.value(font)
            width = 2 if f.get("/Subtype") == "/Type0" else 1
            code = args[0][:width]
            tu = f["/ToUnicode"]
            cmap, _ = C.parse_cmap(d.data(tu))
            cmap.pop(code, None)
            d.set_data(tu, cmap_text(cmap, width))
            return
    raise Nothing()


def cmap_text(cmap, width):
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<%s> <%s>" % ("00" * width, "ff" * width), "endcodespacerange"]
    items = sorted(cmap.items())
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        lines.append("%d beginbfchar" % len(chunk))
        lines += ["<%s> <%s>" % (k.hex(), v.hex()) for k, v in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode()


def break_nesting(d):
    page = d.pages()[0]
    c = d.page_content(page)
    data = d.data(c)
    m = first(list(re.finditer(rb"<<\s*/MCID\s+\d+\s*>>\s*BDC", data)))
    d.set_data(c, data[:m.end()] + b"\n/Artifact BMC 0 0 1 1 re f EMC\n" + data[m.end():])


def break_annot_struct(d):
    _, w = first(d.annots("/Widget"))
    del d.value(w)["/StructParent"]
    d.touch(w)


def break_flags(d):
    _, a = first(d.annots("/Link") + d.annots("/Widget"))
    d.value(a)["/F"] = 6  # print and hidden
    d.touch(a)


def break_ap(d):
    _, w = first(d.annots("/Widget"))
    del d.value(w)["/AP"]
    d.touch(w)


def break_embedded(d):
    for ref, v in d.all():
        if v.get("/Type") == "/FontDescriptor" and "/FontFile2" in v:
            del v["/FontFile2"]
            d.touch(ref)
            return
    raise Nothing()


def break_cid(d):
    for ref, v in d.all():
        if v.get("/Subtype") == "/CIDFontType2":
            v.pop("/CIDToGIDMap", None)
            d.touch(ref)
            return
    raise Nothing()


def break_interpolate(d):
    for ref, v in d.all():
        if v.get("/Subtype") == "/Image":
            v["/Interpolate"] = True
            d.touch(ref)
            return
    raise Nothing()


def pop(d, ref, key):
    v = d.value(ref)
    if key not in v:
        raise Nothing()
    del v[key]
    d.touch(ref)


def catalog_set(d, key, value):
    d.catalog[key] = value
    d.touch(d.catalog_ref)


BREAKS = {
    "javascript": lambda d: catalog_set(d, "/OpenAction", {"/S": "/JavaScript", "/JS": "u:app.alert(1)"}),
    "xmp-present": lambda d: pop(d, d.catalog_ref, "/Metadata"),
    "xmp-xml": lambda d: xmp_edit(d, lambda s: re.sub(r"<\?xpacket[^>]*\?>", "", s)),
    "xmp-pdfaid": lambda d: xmp_edit(d, lambda s: re.sub(
        r"(pdfaid:part(>|=\"))2", r"\g<1>1", s)),
    "xmp-pdfuaid": lambda d: xmp_edit(d, drop_element("pdfuaid:part")),
    "xmp-extension": lambda d: xmp_edit(d, lambda s: re.sub(
        r"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>",
        "<pdfaSchema:namespaceURI>http://example.org/other/</pdfaSchema:namespaceURI>", s)),
    "xmp-title": lambda d: (xmp_edit(d, drop_element("dc:title")), pop(d, d.info()[0], "/Title")),
    "xmp-language": lambda d: xmp_edit(d, drop_element("dc:language")),
    "xmp-info": lambda d: break_info(d, "/Producer", "u:un autre producteur"),
    "xmp-dates": lambda d: break_info(d, "/CreationDate", "u:D:20200101120000+01'00"),
    "output-intent": lambda d: pop(d, d.catalog_ref, "/OutputIntents"),
    "lang": lambda d: pop(d, d.catalog_ref, "/Lang"),
    "display-doc-title": lambda d: catalog_set(d, "/ViewerPreferences", {"/DisplayDocTitle": False}),
    "mark-info": lambda d: catalog_set(d, "/MarkInfo", {"/Marked": False}),
    "struct-tree": lambda d: pop(d, d.catalog_ref, "/StructTreeRoot"),
    "mc-untagged": lambda d: append_content(d, b"0 0 1 1 re f"),
    "mc-unreferenced": lambda d: append_content(d, b"/P << /MCID 9999 >> BDC 0 0 1 1 re f EMC"),
    "mc-nesting": break_nesting,
    "struct-type": lambda d: set_kind(d, first_elem(d, "P"), "Paragraphe"),
    "headings": break_headings,
    "table-nesting": lambda d: set_kind(d, first_elem(d, "TR"), "Div"),
    "th-scope": lambda d: pop(d, first_elem(d, "TH"), "/A"),
    "figure-alt": lambda d: pop(d, first_elem(d, "Figure"), "/Alt"),
    "list-nesting": lambda d: set_kind(d, first_elem(d, "L"), "Div"),
    "list-order": break_list_order,
    "link-struct": lambda d: set_kind(d, first_elem(d, "Link"), "Span"),
    "link-contents": lambda d: pop(d, first(d.annots("/Link"))[1], "/Contents"),
    "annot-struct": break_annot_struct,
    "tabs": lambda d: pop(d, first([p for p, _ in d.annots("/Link") + d.annots("/Widget")]), "/Tabs"),
    "annot-flags": break_flags,
    "annot-ap": break_ap,
    "font-embedded": break_embedded,
    "font-tounicode": break_tounicode,
    "cidtogidmap": break_cid,
    "interpolate": break_interpolate,
}


def without_id(src, out):
    """src with no /ID in its trailer: a QDF copy edited as text, then
    fix-qdf for the cross-reference table."""
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", src, "-"],
                         check=True, capture_output=True).stdout
    at = qdf.rfind(b"trailer")
    tail = re.sub(rb"/ID\s*\[[^\]]*\]", b"", qdf[at:], count=1)
    if tail == qdf[at:]:
        raise Nothing()
    fixed = subprocess.run(["fix-qdf"], input=qdf[:at] + tail, check=True, capture_output=True).stdout
    with open(out, "wb") as f:
        f.write(fixed)


def compressed_metadata(src, out):
    """src with its /Metadata stream compressed: a QDF copy edited as
    bytes, then fix-qdf for the lengths (qpdf itself always writes XMP
    uncompressed)."""
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", src, "-"],
                         check=True, capture_output=True).stdout
    for m in re.finditer(rb"obj\n<<\n((?:  [^\n]*\n)*?)>>\nstream\n(.*?)\nendstream", qdf, re.S):
        if b"  /Type /Metadata\n" in m.group(1):
            break
    else:
        raise Nothing()
    qdf = (qdf[:m.start()] + b"obj\n<<\n  /Filter /FlateDecode\n" + m.group(1) + b">>\nstream\n"
           + zlib.compress(m.group(2)) + b"\nendstream" + qdf[m.end():])
    fixed = subprocess.run(["fix-qdf"], input=qdf, check=True, capture_output=True).stdout
    with open(out, "wb") as f:
        f.write(fixed)


def break_one(check, src, out, tmpdir, doc=None):
    """Writes out, src broken for check (or completed); raises Nothing."""
    if check == "encrypt":
        subprocess.run(["qpdf", "--encrypt", "", "owner-k", "256", "--cleartext-metadata", "--",
                        src, out], check=True, capture_output=True)
    elif check == "trailer-id":
        without_id(src, out)
    elif check == "xmp-filter":
        compressed_metadata(src, out)
    else:
        d = copy.deepcopy(doc) if doc else Doc(src, tmpdir)
        complete(d) if check == "complete" else BREAKS[check](d)
        d.write(out)


def main():
    args = sys.argv[1:]
    if args == ["--list"]:
        special = ("encrypt", "trailer-id", "xmp-filter")
        print("\n".join(["complete"] + [c for c in C.IDS if c in BREAKS or c in special]))
        return 0
    if len(args) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    check, src, out = args
    try:
        with tempfile.TemporaryDirectory() as tmpdir:
            if check == "--all":
                doc = Doc(src, tmpdir)
                for c in C.IDS:
                    try:
                        break_one(c, src, os.path.join(out, "broken-%s.pdf" % c), tmpdir, doc)
                    except Nothing:
                        print("pdfbreak: %s has nothing to break for %s" % (src, c), file=sys.stderr)
                return 0
            if check != "complete" and check not in BREAKS and check not in C.IDS:
                print("pdfbreak: unknown check %r" % check, file=sys.stderr)
                return 2
            break_one(check, src, out, tmpdir)
    except Nothing:
        print("pdfbreak: %s has nothing to break for %s" % (src, check), file=sys.stderr)
        return NOTHING
    except subprocess.CalledProcessError as e:
        print("pdfbreak: %s failed: %s" % (e.cmd[0], e.stderr.decode("utf-8", "replace")[-300:]),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
