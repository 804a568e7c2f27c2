#!/usr/bin/env python3
# tests/tools/hostile-images.py — writes the hostile SVG images of tests/images.sh.
#
# Usage: hostile-images.py FOLDER. Each file is small (the pictures they embed
# only *claim* to be huge) and shows one way an SVG can make its renderer
# decode, draw or read more than a letterhead logo ever needs: embedded
# pictures of 30,000 × 30,000 pixels (PNG, JPEG, GIF, a nested SVG), <use>
# that multiply, filters and patterns over giant regions, references to other
# files, broken files and an entity bomb. It also writes ok-*.svg, images a
# school could really send (gradients, a small embedded PNG, a few <use>), which
# must still be drawn.
import base64
import os
import struct
import sys
import zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def write(name, text):
    with open(os.path.join(out, name), "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(w, h, idat=64):
    # An RGBA PNG whose IHDR claims w × h; its pixel data is idat zero bytes.
    p = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
    return p + chunk(b"IDAT", zlib.compress(b"\0" * idat)) + chunk(b"IEND", b"")


def tiny_png():
    # A real 2 × 2 picture.
    rows = b"".join(b"\0" + b"\x1f\x3a\x5f\xff" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def jpeg(w, h):
    # Start of image, an APP0 segment, then a baseline frame header claiming w × h.
    app0 = b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
    sof = struct.pack(">BHHB", 8, h, w, 3) + b"\x01\x11\0\x02\x11\0\x03\x11\0"
    return (b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", len(app0) + 2) + app0
            + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xd9")


def gif(w, h):
    # A logical screen of w × h, one frame as large, one pixel of data.
    return (b"GIF89a" + struct.pack("<HHBBB", w, h, 0, 0, 0) + b"\x2c"
            + struct.pack("<HHHHB", 0, 0, w, h, 0) + b"\x02\x02\x44\x01\0\x3b")


def b64(data):
    return base64.b64encode(data.encode() if isinstance(data, str) else data).decode()


def svg(body, size='width="120" height="60"', extra=""):
    return ('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" %s%s>\n%s\n</svg>\n' % (size, extra, body))


def image(href, tag="image"):
    return '<%s x="0" y="0" width="120" height="60" xlink:href="%s"/>' % (tag, href)


BOMB = png(30000, 30000)

# (a) to (c): pictures inside the picture.
write("png-bomb.svg", svg(image("data:image/png;base64," + b64(BOMB))))
write("png-bomb-href.svg", svg(image("data:image/png;base64," + b64(BOMB)).replace("xlink:href", "href")))
write("jpeg-bomb.svg", svg(image("data:image/jpeg;base64," + b64(jpeg(30000, 30000)))))
write("gif-bomb.svg", svg(image("data:image/gif;base64," + b64(gif(30000, 30000)))))
write("png-as-jpeg-bomb.svg", svg(image("data:image/jpeg;base64," + b64(BOMB))))
write("nested-svg-bomb.svg", svg(image("data:image/svg+xml;base64," + b64(svg(image("data:image/png;base64," + b64(BOMB)))))))
write("nested-svg-huge.svg", svg(image("data:image/svg+xml;base64," + b64(svg('<rect width="10" height="10"/>', 'width="30000" height="30000"')))))
nest = svg(image("data:image/png;base64," + b64(BOMB)))
for _ in range(12):
    nest = svg(image("data:image/svg+xml;base64," + b64(nest)))
write("nested-svg-deep.svg", nest)
write("bmp-inside.svg", svg(image("data:image/bmp;base64," + b64(b"BM" + b"\0" * 60))))
# A data: URI may be percent-encoded instead of base64.
write("nested-svg-percent.svg", svg(image("data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20width=%2230000%22%20height=%2230000%22/%3E")))

# (d) <use> that multiply: 10 levels of 10 uses each, 10^10 drawings.
levels = ['<rect id="l0" width="1" height="1"/>']
for i in range(1, 11):
    levels.append('<g id="l%d">%s</g>' % (i, "".join('<use xlink:href="#l%d"/>' % (i - 1) for _ in range(10))))
write("use-bomb.svg", svg("<defs>%s</defs><use xlink:href=\"#l10\"/>" % "".join(levels)))
write("use-loop.svg", svg('<g id="a"><use xlink:href="#b"/></g><g id="b"><use xlink:href="#a"/></g>'))
# The same by patterns that fill with the next pattern.
pats = ['<pattern id="p0" width="1" height="1"><rect width="1" height="1"/></pattern>']
for i in range(1, 11):
    pats.append('<pattern id="p%d" width="10" height="10" patternUnits="userSpaceOnUse">%s</pattern>'
                % (i, "".join('<rect x="%d" width="1" height="1" fill="url(#p%d)"/>' % (k, i - 1) for k in range(10))))
write("pattern-bomb.svg", svg("<defs>%s</defs><rect width=\"120\" height=\"60\" fill=\"url(#p10)\"/>" % "".join(pats)))

# (e) filters and a pattern over giant regions.
write("filter-blur.svg", svg(
    '<filter id="f" filterUnits="userSpaceOnUse" x="-1000000" y="-1000000" width="2000000" height="2000000">'
    '<feGaussianBlur stdDeviation="1000000"/></filter><rect width="120" height="60" filter="url(#f)"/>'))
write("filter-turbulence.svg", svg(
    '<filter id="f" filterUnits="userSpaceOnUse" x="-1000000" y="-1000000" width="2000000" height="2000000">'
    '<feTurbulence baseFrequency="0.01" numOctaves="100000"/></filter><rect width="120" height="60" filter="url(#f)"/>'))
write("filter-res.svg", svg(
    '<filter id="f" filterRes="100000 100000"><feGaussianBlur stdDeviation="3"/></filter>'
    '<rect width="120" height="60" filter="url(#f)"/>'))
write("filter-many.svg", svg(
    '<filter id="f">%s</filter><rect width="120" height="60" filter="url(#f)"/>'
    % "".join('<feGaussianBlur stdDeviation="2"/>' for _ in range(3000))))
write("filter-morphology.svg", svg(
    '<filter id="f"><feMorphology operator="dilate" radius="1000000"/></filter>'
    '<rect width="120" height="60" filter="url(#f)"/>'))
write("filter-convolve.svg", svg(
    '<filter id="f"><feConvolveMatrix order="3000" kernelMatrix="%s"/></filter>'
    '<rect width="120" height="60" filter="url(#f)"/>' % " ".join("1" for _ in range(9))))
write("filter-scaled.svg", svg(
    '<filter id="f"><feGaussianBlur stdDeviation="3"/></filter>'
    '<g transform="scale(100000)"><rect width="1" height="1" filter="url(#f)"/></g>'))
write("pattern-huge.svg", svg(
    '<pattern id="p" patternUnits="userSpaceOnUse" width="1000000" height="1000000">'
    '<rect width="1000000" height="1000000" fill="red"/></pattern><rect width="120" height="60" fill="url(#p)"/>'))
write("pattern-scaled.svg", svg(
    '<pattern id="p" patternUnits="userSpaceOnUse" width="10" height="10" patternTransform="scale(100000)">'
    '<rect width="5" height="5" fill="red"/></pattern><rect width="120" height="60" fill="url(#p)"/>'))
write("mask-huge.svg", svg(
    '<mask id="m" maskUnits="userSpaceOnUse" x="-1000000" y="-1000000" width="2000000" height="2000000">'
    '<rect width="120" height="60" fill="white"/></mask><rect width="120" height="60" mask="url(#m)"/>'))

# (f) references to other files and to the network.
write("ref-file-url.svg", svg(image("file:///etc/passwd")))
write("ref-absolute.svg", svg(image("/etc/hostname")))
write("ref-http.svg", svg(image("http://example.invalid/logo.png")))
write("ref-relative.svg", svg(image("other.png")))
write("ref-feimage.svg", svg('<filter id="f"><feImage xlink:href="file:///etc/passwd"/></filter><rect width="9" height="9" filter="url(#f)"/>'))
write("ref-use-external.svg", svg('<use xlink:href="other.svg#logo"/>'))
write("ref-xinclude.svg", svg('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>'))
write("ref-css-import.svg", svg('<style>@import url(/etc/passwd);</style><rect width="9" height="9"/>'))
write("ref-stylesheet-pi.svg", '<?xml version="1.0"?>\n<?xml-stylesheet href="/etc/passwd" type="text/css"?>\n'
      + svg('<rect width="9" height="9"/>').split("\n", 1)[1])

# (g) broken files.
whole = svg('<rect width="120" height="60" fill="#1f3a5f"/><text x="4" y="40">Logo</text>')
write("truncated.svg", whole[: len(whole) // 2])
write("not-an-image.svg", "Ceci n'est pas une image : juste du texte.\n")
write("png-named.svg", tiny_png())
write("html.svg", "<html><body><p>Logo</p></body></html>\n")
write("no-size.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>\n')
write("broken-inside.svg", svg(image("data:image/png;base64," + b64(b"\x89PNG\r\n\x1a\n" + b"\0" * 30))))

# (h) entity expansion.
ents = ['<!ENTITY a0 "lol">'] + ['<!ENTITY a%d "%s">' % (i, ("&a%d;" % (i - 1)) * 10) for i in range(1, 10)]
write("entity-bomb.svg", '<?xml version="1.0"?>\n<!DOCTYPE svg [\n%s\n]>\n' % "\n".join(ents)
      + svg('<text x="0" y="20">&a9;</text>').split("\n", 1)[1])

# Images a school could send: these must be drawn as before.
write("ok-gradient.svg", svg(
    '<defs><linearGradient id="g"><stop offset="0" stop-color="#1f3a5f"/><stop offset="1" stop-color="#e1000f"/>'
    '</linearGradient><filter id="s"><feGaussianBlur stdDeviation="1"/></filter></defs>'
    '<rect width="120" height="60" fill="url(#g)" filter="url(#s)"/>'))
write("ok-embedded.svg", svg(image("data:image/png;base64," + b64(tiny_png()))
                           + '<use xlink:href="#r" x="60"/><rect id="r" width="10" height="10"/>'))
write("ok-nested.svg", svg(image("data:image/svg+xml;base64," + b64(svg('<circle cx="60" cy="30" r="20"/>')))))
write("ok-link.svg", svg('<a xlink:href="https://www.ac-orleans-tours.fr/"><rect width="120" height="60" fill="#1f3a5f"/></a>'))

# (i) what a <style> sheet applies (issue 17, review): a filter on 3,000
# elements through a class, patterns that fill with the next one through
# classes, and the ways a sheet could hide a reference: upper case, a CSS
# escape, an entity.
write("css-filter.svg", svg(
    '<style>.s{filter:url(#f)}</style><defs><filter id="f"><feGaussianBlur stdDeviation="20"/>'
    '<feOffset dx="3" dy="3"/></filter></defs>'
    + "".join('<rect class="s" x="%d" width="50" height="50"/>' % i for i in range(3000))))
cpats = ['<pattern id="p0" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="red"/></pattern>']
for i in range(1, 7):
    cpats.append('<pattern id="p%d" width="40" height="4" patternUnits="userSpaceOnUse">%s</pattern>'
                 % (i, "".join('<rect class="f%d" x="%d" width="4" height="4"/>' % (i - 1, k) for k in range(10))))
write("css-pattern-bomb.svg", svg(
    "<style>%s</style><defs>%s</defs><rect class=\"f6\" width=\"120\" height=\"60\"/>"
    % ("".join(".f%d{fill:url(#p%d)}" % (i, i) for i in range(7)), "".join(cpats))))
write("css-import-upper.svg", svg('<style>@IMPORT "/etc/passwd";</style><rect width="9" height="9"/>'))
write("css-url-upper.svg", svg('<style>.a{fill:URL(/etc/passwd)}</style><rect class="a" width="9" height="9"/>'))
write("css-escape.svg", svg('<style>.a{fill:\\75 rl(/etc/passwd)}</style><rect class="a" width="9" height="9"/>'))
write("css-entity.svg", '<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY imp "@import url(/etc/passwd);">\n]>\n'
      + svg('<style>&imp;</style><rect width="9" height="9"/>').split("\n", 1)[1])
# The same pattern bomb as pattern-bomb.svg, written URL( in attributes.
write("pattern-bomb-upper.svg", svg("<defs>%s</defs><rect width=\"120\" height=\"60\" fill=\"URL(#p10)\"/>"
                                    % "".join(pats).replace("url(", "URL(")))
# Patterns four deep, ten uses each: 11,110 off-screen surfaces.
dpats = ['<pattern id="p0" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="red"/></pattern>']
for i in range(1, 5):
    dpats.append('<pattern id="p%d" width="40" height="4" patternUnits="userSpaceOnUse">%s</pattern>'
                 % (i, "".join('<rect x="%d" width="4" height="4" fill="url(#p%d)"/>' % (k, i - 1) for k in range(10))))
write("pattern-deep.svg", svg("<defs>%s</defs><rect width=\"120\" height=\"60\" fill=\"url(#p4)\"/>" % "".join(dpats)))
# Eight pictures of 6,000 × 6,000 pixels, each within the limit alone.
write("png-many.svg", svg("".join(image("data:image/png;base64," + b64(png(6000, 6000))) for _ in range(8))))
write("no-namespace.svg", '<svg width="120" height="60"><rect width="9" height="9"/></svg>\n')
# What Illustrator writes: classes in a sheet that apply gradients.
write("ok-css-gradient.svg", svg(
    '<defs><style>.st0{fill:url(#SVGID_1_);}.st1{fill:#1F3A5F;stroke:URL(#SVGID_1_)}</style>'
    '<linearGradient id="SVGID_1_"><stop offset="0" stop-color="#1f3a5f"/><stop offset="1" stop-color="#e1000f"/>'
    '</linearGradient></defs><rect class="st0" width="120" height="30"/><rect class="st1" y="30" width="120" height="30"/>'))
