/*
 * doc/image.c — an image file's bytes → what it is, or why copil will not draw it.
 *
 * Runs before any decoder sees the bytes. A PNG's size is read from its
 * header. An SVG is parsed with libxml2 (no network, no DTD loaded, entities
 * left unexpanded) and walked: each picture it embeds as a data: URI has its
 * header read (PNG IHDR, JPEG frame, GIF screen and frames; a nested SVG is
 * walked in turn) and all of them together fall under the limits of a PNG
 * file; references to other files or to the network are refused; <use>,
 * patterns, markers, masks and filters are followed, memoised, to bound what
 * they multiply into. A <style> sheet may apply gradients only: its rules can
 * reach every element, so their cost is not counted, they are refused. It
 * decodes no pixel and draws nothing: paginate does, once this said yes.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/hash.h>
#include <libxml/parser.h>

#include "core/buf.h"
#include "core/file.h"
#include "doc/internal.h"
#include "core/i18n.h"

#define SVG_NS   "http://www.w3.org/2000/svg"
#define XLINK_NS "http://www.w3.org/1999/xlink"
#define XI_NS    "http://www.w3.org/2001/XInclude"

/* Entities: plain text only, and at most this much text once expanded. */
#define MAX_ENTITY_TEXT (1000 * 1000)
/* Deeper than this, a chain of references is refused (and the walk's
 * recursion stays small). */
#define MAX_REF_DEPTH 400

typedef struct NodeCost {
    double drawn;  /* elements drawn, references followed */
    double passes; /* filter primitives run */
    int state;     /* 0 not yet, 1 being counted, 2 counted */
} NodeCost;

typedef struct Check {
    Arena *a;
    const char *why; /* the first problem found, "it …" */
    size_t embedded; /* bytes of the embedded pictures, decoded */
    double pixels;   /* of the embedded pictures and SVG images, decoded, in all */
    long elements;   /* in this SVG and the ones it embeds */
    xmlDocPtr doc;
    xmlHashTablePtr ids;
    size_t entity_text; /* text the entity references expand into */
    int links;          /* <a href> taken out of the top SVG */
    unsigned char *out; /* the top SVG without them, when there were any */
    size_t out_len;
} Check;

static void refuse(Check *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
refuse(Check *c, const char *fmt, ...)
{
    if (c->why)
        return;
    va_list ap;
    va_start(ap, fmt);
    c->why = arena_vprintf(c->a, fmt, ap);
    va_end(ap);
    if (!c->why)
        c->why = _("it could not be checked (out of memory)");
}

const char *
doc_thousands(Arena *a, double v)
{
    char out[64];
    i18n_thousands(out, sizeof out, v);
    return arena_strdup(a, out);
}

/* --- raster headers ---------------------------------------------------- */

static unsigned
be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static unsigned
le16(const unsigned char *p)
{
    return (unsigned)p[1] << 8 | p[0];
}

ImageKind
doc_image_kind(const unsigned char *p, size_t n)
{
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (n >= 8 && !memcmp(p, png, 8))
        return IMAGE_PNG;
    if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
        return IMAGE_JPEG;
    if (n >= 6 && (!memcmp(p, "GIF87a", 6) || !memcmp(p, "GIF89a", 6)))
        return IMAGE_GIF;
    if (n >= 2 && p[0] == 0x1F && p[1] == 0x8B)
        return IMAGE_GZIP;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        p += 3, n -= 3;
    while (n && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++, n--;
    return n && *p == '<' ? IMAGE_SVG : IMAGE_UNKNOWN;
}

/* A GIF's logical screen, and the pixels its frames hold in all (each is
 * decoded). */
static int
gif_size(const unsigned char *p, size_t n, double *w, double *h, double *frames_px, int *frames)
{
    if (n < 13)
        return -1;
    *w = le16(p + 6), *h = le16(p + 8);
    *frames_px = 0;
    *frames = 0;
    size_t i = 13 + (p[10] & 0x80 ? 3u << ((p[10] & 7) + 1) : 0);
    while (i < n) {
        if (p[i] == 0x3B)
            return 0;
        if (p[i] == 0x21) { /* extension: label, then sub-blocks */
            i += 2;
        } else if (p[i] == 0x2C) {
            if (i + 10 > n)
                return *frames ? 0 : -1;
            double fw = le16(p + i + 5), fh = le16(p + i + 7);
            double right = le16(p + i + 1) + fw, bottom = le16(p + i + 3) + fh;
            *w = fmax(*w, right);
            *h = fmax(*h, bottom);
            *frames_px += fw * fh;
            (*frames)++;
            unsigned flags = p[i + 9];
            i += 10 + (flags & 0x80 ? 3u << ((flags & 7) + 1) : 0) + 1; /* + LZW code size */
        } else {
            return *frames ? 0 : -1;
        }
        while (i < n && p[i]) /* sub-blocks, up to the empty one */
            i += (size_t)p[i] + 1;
        i++;
    }
    return *frames ? 0 : -1;
}

/* A JPEG's size, from its first frame header. */
static int
jpeg_size(const unsigned char *p, size_t n, double *w, double *h)
{
    size_t i = 2;
    while (i + 4 <= n) {
        if (p[i] != 0xFF)
            return -1;
        unsigned m = p[i + 1];
        if (m == 0xFF) {
            i++;
            continue;
        }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
            i += 2;
            continue;
        }
        if (m == 0xD9 || m == 0xDA)
            return -1; /* image data before any frame header */
        unsigned len = be16(p + i + 2);
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (i + 9 > n || len < 7)
                return -1;
            *h = be16(p + i + 5), *w = be16(p + i + 7);
            return 0;
        }
        i += 2 + len;
    }
    return -1;
}

/* Checks a raster picture of kind (PNG, JPEG, GIF) as a PNG file is: w × h
 * at most DOC_MAX_IMAGE_PIXELS, and with the others it embeds too. */
static void
check_raster(Check *c, ImageKind kind, const unsigned char *p, size_t n)
{
    static const char *const names[] = {
        [IMAGE_PNG] = "PNG", [IMAGE_JPEG] = "JPEG", [IMAGE_GIF] = "GIF"};
    double w = 0, h = 0, frames_px = 0;
    int frames = 1, bad;
    if (kind == IMAGE_PNG)
        bad = n < 24 || memcmp(p + 12, "IHDR", 4) != 0;
    else if (kind == IMAGE_JPEG)
        bad = jpeg_size(p, n, &w, &h) != 0;
    else
        bad = gif_size(p, n, &w, &h, &frames_px, &frames) != 0;
    if (kind == IMAGE_PNG && !bad) {
        w = (double)((uint32_t)p[16] << 24 | (uint32_t)p[17] << 16 | (uint32_t)p[18] << 8 | p[19]);
        h = (double)((uint32_t)p[20] << 24 | (uint32_t)p[21] << 16 | (uint32_t)p[22] << 8 | p[23]);
    }
    if (bad || w <= 0 || h <= 0) {
        refuse(c, _("it embeds a %s picture that is damaged; export the logo again"), names[kind]);
    } else if (w * h > DOC_MAX_IMAGE_PIXELS) {
        refuse(c, _("it embeds a picture of %s × %s pixels, more than the %d million allowed"),
               doc_thousands(c->a, w), doc_thousands(c->a, h), DOC_MAX_IMAGE_PIXELS / 1000000);
    } else if (frames_px > DOC_MAX_IMAGE_PIXELS) {
        refuse(c,
               _("it embeds an animated picture of %d frames, more than %d million pixels in all; "
                 "use a still PNG"),
               frames, DOC_MAX_IMAGE_PIXELS / 1000000);
    } else {
        c->pixels += fmax(w * h, frames_px);
    }
}

/* --- data: URIs ---------------------------------------------------------- */

static int
b64_value(int ch)
{
    if (ch >= 'A' && ch <= 'Z')
        return ch - 'A';
    if (ch >= 'a' && ch <= 'z')
        return ch - 'a' + 26;
    if (ch >= '0' && ch <= '9')
        return ch - '0' + 52;
    return ch == '+' || ch == '-' ? 62 : ch == '/' || ch == '_' ? 63 : -1;
}

static int
hex_value(int ch)
{
    return ch >= '0' && ch <= '9'   ? ch - '0'
           : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
           : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                    : -1;
}

/* The bytes of the data: URI uri (after "data:"), as a renderer decodes
 * them: base64 (white space skipped) or percent-encoded. NULL when it is
 * not one. */
static unsigned char *
data_uri_bytes(Arena *a, const char *uri, size_t *len)
{
    const char *comma = strchr(uri, ',');
    if (!comma)
        return NULL;
    size_t hl = (size_t)(comma - uri);
    int base64 = hl >= 7 && !strncasecmp(comma - 7, ";base64", 7);
    const char *s = comma + 1;
    unsigned char *out = arena_alloc(a, strlen(s) + 1);
    size_t k = 0;
    if (!out)
        return NULL;
    if (base64) {
        unsigned acc = 0;
        int bits = 0;
        for (; *s; s++) {
            if (*s == '%' && hex_value(s[1]) >= 0 && hex_value(s[2]) >= 0) {
                int ch = hex_value(s[1]) * 16 + hex_value(s[2]);
                s += 2;
                if (ch == '=' || ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')
                    continue;
                if (b64_value(ch) < 0)
                    return NULL;
                acc = acc << 6 | (unsigned)b64_value(ch);
            } else if (*s == '=' || *s == ' ' || *s == '\n' || *s == '\r' || *s == '\t') {
                continue;
            } else if (b64_value((unsigned char)*s) < 0) {
                return NULL;
            } else {
                acc = acc << 6 | (unsigned)b64_value((unsigned char)*s);
            }
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[k++] = (unsigned char)(acc >> bits);
            }
        }
    } else {
        for (; *s; s++) {
            if (*s == '%' && hex_value(s[1]) >= 0 && hex_value(s[2]) >= 0) {
                out[k++] = (unsigned char)(hex_value(s[1]) * 16 + hex_value(s[2]));
                s += 2;
            } else {
                out[k++] = (unsigned char)*s;
            }
        }
    }
    out[k] = '\0';
    *len = k;
    return out;
}

static void check_svg(Check *c, const unsigned char *data, size_t n, int depth);

/* A picture embedded as a data: URI (uri follows "data:"). */
static void
check_embedded(Check *c, const char *uri, int depth)
{
    size_t n = 0;
    unsigned char *p = data_uri_bytes(c->a, uri, &n);
    if (!p) {
        refuse(c, _("it embeds a picture whose data: address is damaged; export the logo again"));
        return;
    }
    if (n > DOC_MAX_IMAGE_BYTES) {
        char have[32], max[32];
        file_format_size(have, sizeof have, n);
        file_format_size(max, sizeof max, DOC_MAX_IMAGE_BYTES);
        refuse(c, _("it embeds a picture of %s, more than the %s an image may have"), have, max);
        return;
    }
    c->embedded += n;
    ImageKind kind = doc_image_kind(p, n);
    switch (kind) {
    case IMAGE_PNG:
    case IMAGE_JPEG:
    case IMAGE_GIF:
        check_raster(c, kind, p, n);
        break;
    case IMAGE_SVG:
        if (depth >= DOC_MAX_SVG_NESTING) {
            refuse(c, _("it embeds SVG images in SVG images more than %d deep"),
                   DOC_MAX_SVG_NESTING);
            break;
        }
        check_svg(c, p, n, depth + 1);
        break;
    case IMAGE_GZIP:
        refuse(c, _("it embeds a compressed SVG image; embed it uncompressed, or as PNG"));
        break;
    case IMAGE_UNKNOWN:
        refuse(c,
               _("it embeds a picture that is neither PNG, JPEG, GIF nor SVG; convert it to PNG"));
        break;
    }
}

/* --- SVG: values -------------------------------------------------------- */

/* The value of attribute at, with the (plain text) entities it uses put in. */
static const char *
attr_value(Check *c, const xmlAttr *at)
{
    const xmlNode *t = at->children;
    if (t && !t->next && t->type == XML_TEXT_NODE)
        return (const char *)t->content;
    Buf b;
    buf_init(&b, c->a);
    for (; t; t = t->next) {
        const xmlChar *s = t->content;
        if (t->type == XML_ENTITY_REF_NODE) {
            xmlEntityPtr e = xmlGetDocEntity(c->doc, t->name);
            s = e ? e->content : NULL;
        }
        if (s)
            buf_append(&b, (const char *)s, (unsigned)strlen((const char *)s));
    }
    return b.failed ? "" : b.s ? b.s : "";
}

static const char *
get_attr(Check *c, const xmlNode *n, const char *name, const char *ns)
{
    for (const xmlAttr *at = n->properties; at; at = at->next) {
        if (strcmp((const char *)at->name, name))
            continue;
        const char *ans = at->ns ? (const char *)at->ns->href : NULL;
        if ((!ns && !ans) || (ns && ans && !strcmp(ns, ans)))
            return attr_value(c, at);
    }
    return NULL;
}

static int
is_svg(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, SVG_NS) &&
           (!name || !strcmp((const char *)n->name, name));
}

/* What the reference s leads to, for a message: "another file (x)". */
static const char *
where_to(Check *c, const char *s)
{
    size_t n = strcspn(s, "\"') \t\r\n");
    const char *shown = arena_strndup(c->a, s, n > 80 ? 80 : n);
    if (!strncasecmp(s, "http:", 5) || !strncasecmp(s, "https:", 6) || !strncasecmp(s, "ftp:", 4))
        return arena_printf(c->a, _("an address on the network (%s)"), shown);
    if (!strncasecmp(shown, "file:", 5))
        shown += strncmp(shown + 5, "//", 2) ? 5 : 7;
    return arena_printf(c->a, _("another file (%s)"), shown);
}

static void
refuse_reference(Check *c, const char *s)
{
    refuse(c, _("it refers to %s; an SVG logo must hold everything it shows"), where_to(c, s));
}

/* Where needle (lower case) first occurs in s, ignoring case as CSS does
 * for url( and @import; NULL when it does not. */
static const char *
find_nocase(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++)
        if (!strncasecmp(s, needle, n))
            return s;
    return NULL;
}

/* Reference targets: each url(#id) of s, or s itself for an href; calls
 * fn with each target's node. Refuses url() that leads outside. */
typedef void (*RefFn)(Check *c, xmlNode *target, double times, void *ctx);

static void
each_url(Check *c, const char *s, double times, RefFn fn, void *ctx)
{
    for (const char *p = s; (p = find_nocase(p, "url(")) != NULL;) {
        p += 4;
        p += strspn(p, " \t\r\n\"'");
        if (*p != '#') {
            refuse_reference(c, p);
            return;
        }
        size_t n = strcspn(p + 1, "\"') \t\r\n");
        char *id = arena_strndup(c->a, p + 1, n);
        xmlNode *t = id && fn ? xmlHashLookup(c->ids, BAD_CAST id) : NULL;
        if (t)
            fn(c, t, times, ctx);
    }
}

/* How many vertices a shape has, at most: markers are drawn on each. */
static double
vertices(Check *c, const xmlNode *n)
{
    const char *d = get_attr(c, n, "d", NULL);
    if (!d)
        d = get_attr(c, n, "points", NULL);
    if (!d)
        return 2; /* a line */
    double count = 1;
    for (const char *p = d; *p; p++)
        count += (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == ',' || *p == ' ';
    return count;
}

/* --- SVG: styles -------------------------------------------------------- */

/* Attributes librsvg reads as CSS, where a url() takes effect. */
static int
css_property(const char *name)
{
    static const char *const names[] = {"style",      "fill",      "stroke", "filter",
                                        "mask",       "clip-path", "marker", "marker-start",
                                        "marker-mid", "marker-end"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(name, names[i]))
            return 1;
    return 0;
}

/* A CSS escape (\75 rl for url) would hide a reference from the checks. */
static void
refuse_escape(Check *c)
{
    refuse(c, _("its style uses CSS escapes (\\); export it again from the drawing program"));
}

/* The text of a <style> element: its text, CDATA and (plain text) entities. */
static const char *
sheet_text(Check *c, const xmlNode *n)
{
    Buf b;
    buf_init(&b, c->a);
    for (const xmlNode *t = n->children; t; t = t->next) {
        const xmlChar *s = NULL;
        if (t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE)
            s = t->content;
        else if (t->type == XML_ENTITY_REF_NODE) {
            xmlEntityPtr e = xmlGetDocEntity(c->doc, t->name);
            s = e ? e->content : NULL;
        }
        if (s)
            buf_append(&b, (const char *)s, (unsigned)strlen((const char *)s));
    }
    return b.failed ? "" : b.s ? b.s : "";
}

/* What a style sheet may refer to: only gradients, which draw nothing of
 * their own. A sheet's rule may apply to every element, inside patterns
 * and masks too, so what it applies cannot be counted as an attribute's is. */
static void
sheet_ref(Check *c, xmlNode *t, double times, void *ctx)
{
    (void)times, (void)ctx;
    const char *name = (const char *)t->name;
    if (is_svg(t, "linearGradient") || is_svg(t, "radialGradient"))
        return;
    const char *what = !is_svg(t, NULL)            ? NULL
                       : !strcmp(name, "filter")   ? _("a filter")
                       : !strcmp(name, "pattern")  ? _("a pattern")
                       : !strcmp(name, "mask")     ? _("a mask")
                       : !strcmp(name, "marker")   ? _("a marker")
                       : !strcmp(name, "clipPath") ? _("a clip path")
                                                   : NULL;
    const char *id = get_attr(c, t, "id", NULL);
    refuse(c,
           _("its style sheet applies %s%s%s (url(#%s)); copil accepts them only as attributes: "
             "export the SVG again with presentation attributes"),
           what ? what : "<", what ? "" : name, what ? "" : ">", id ? id : "");
}

/* Checks each <style> sheet under n, once every id is known: nothing
 * imported or escaped, nothing outside, nothing that costs drawing. */
static void
check_sheets(Check *c, const xmlNode *n)
{
    for (; n && !c->why; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_svg(n, "style")) {
            const char *css = sheet_text(c, n);
            if (find_nocase(css, "@import"))
                refuse(c, _("its style sheet imports another file (@import); an SVG logo must hold "
                            "everything it shows"));
            else if (strchr(css, '\\'))
                refuse_escape(c);
            else
                each_url(c, css, 1, sheet_ref, NULL);
        }
        check_sheets(c, n->children);
    }
}

/* --- SVG: the walk ------------------------------------------------------- */

/* Checks one element: its references, its embedded pictures, its filter
 * parameters; registers its id. */
static void
check_element(Check *c, xmlNode *n, int depth)
{
    if (++c->elements > DOC_MAX_SVG_DRAWN) {
        refuse(c, _("it holds more than %s elements; simplify it, or export it as PNG"),
               doc_thousands(c->a, DOC_MAX_SVG_DRAWN));
        return;
    }
    if (n->ns && !strcmp((const char *)n->ns->href, XI_NS)) {
        const char *href = get_attr(c, n, "href", NULL);
        refuse(c, _("it includes %s through XInclude; an SVG logo must hold everything it shows"),
               href ? where_to(c, href) : _("another file"));
        return;
    }
    const char *id = get_attr(c, n, "id", NULL);
    if (id && *id && c->ids)
        xmlHashAddEntry(c->ids, BAD_CAST id, n); /* the first of a duplicate wins */

    int svg = is_svg(n, NULL);
    const char *name = (const char *)n->name;
    for (const xmlAttr *at = n->properties; at && !c->why; at = at->next) {
        const char *v = attr_value(c, at);
        int href = !strcmp((const char *)at->name, "href") &&
                   (!at->ns || !strcmp((const char *)at->ns->href, XLINK_NS));
        if (href && svg && strcmp(name, "a")) {
            v += strspn(v, " \t\r\n");
            if (!strncasecmp(v, "data:", 5) && (!strcmp(name, "image") || !strcmp(name, "feImage")))
                check_embedded(c, v + 5, depth);
            else if (*v && *v != '#')
                refuse_reference(c, v);
        } else {
            if (svg && strchr(v, '\\') && css_property((const char *)at->name))
                refuse_escape(c);
            each_url(c, v, 1, NULL, NULL);
        }
    }
    if (svg && !strcmp(name, "feTurbulence")) {
        const char *oct = get_attr(c, n, "numOctaves", NULL);
        if (oct && atof(oct) > DOC_MAX_SVG_OCTAVES)
            refuse(c, _("its feTurbulence filter asks for %s octaves; copil draws up to %d"), oct,
                   DOC_MAX_SVG_OCTAVES);
    }
    if (svg && (!strcmp(name, "feMorphology") || !strcmp(name, "feConvolveMatrix"))) {
        const char *r = get_attr(c, n, name[2] == 'M' ? "radius" : "order", NULL);
        char *end;
        double v = r ? strtod(r, &end) : 0, v2 = r ? strtod(end, NULL) : 0;
        if (fmax(v, v2) > DOC_MAX_SVG_KERNEL)
            refuse(c, _("its %s filter spans %s pixels; copil draws up to %d"), name, r,
                   DOC_MAX_SVG_KERNEL);
    }
    for (xmlNode *k = n->children; k && !c->why; k = k->next)
        if (k->type == XML_ELEMENT_NODE)
            check_element(c, k, depth);
    /* librsvg makes each <a href> a PDF link tag, which Cairo cannot replay
     * from the recording paint shows the image through: the link goes, what
     * it shows stays. (An embedded SVG is drawn as pixels: no tags.) */
    if (svg && depth == 0 && !strcmp(name, "a")) {
        for (xmlAttr *at = n->properties, *next; at; at = next) {
            next = at->next;
            if (!strcmp((const char *)at->name, "href")) {
                xmlRemoveProp(at);
                c->links = 1;
            }
        }
    }
}

static void cost_of(Check *c, xmlNode *n, int depth, NodeCost *out);

/* 0 for what is drawn only where something refers to it (defs, symbols,
 * patterns, markers, masks, clip paths, filters, gradients). */
static int
drawn_in_place(const xmlNode *n)
{
    static const char *const used[] = {"defs",   "symbol",         "pattern",
                                       "marker", "mask",           "clipPath",
                                       "filter", "linearGradient", "radialGradient"};
    if (!is_svg(n, NULL))
        return 1;
    for (size_t i = 0; i < sizeof used / sizeof *used; i++)
        if (!strcmp((const char *)n->name, used[i]))
            return 0;
    return 1;
}

typedef struct CostSum {
    NodeCost sum;
    int depth;
} CostSum;

static void
add_ref(Check *c, xmlNode *target, double times, void *ctx)
{
    CostSum *cs = ctx;
    NodeCost t = {0};
    cost_of(c, target, cs->depth + 1, &t);
    cs->sum.drawn += times * t.drawn;
    cs->sum.passes += times * t.passes;
}

/* What drawing n costs: itself, its children, and every element it refers
 * to (a <use>, a pattern, a marker on each vertex, a mask, a clip path,
 * a filter's primitives) as many times as it is drawn. Memoised on the
 * node; a loop of references is refused. */
static void
cost_of(Check *c, xmlNode *n, int depth, NodeCost *out)
{
    NodeCost *nc = n->_private;
    if (c->why)
        return;
    if (nc && nc->state == 2) {
        *out = *nc;
        return;
    }
    if (nc && nc->state == 1) {
        const char *id = get_attr(c, n, "id", NULL);
        refuse(c, _("it refers to itself in a loop (through <%s%s%s%s>)"), (const char *)n->name,
               id ? " id=\"" : "", id ? id : "", id ? "\"" : "");
        return;
    }
    if (depth > MAX_REF_DEPTH) {
        refuse(c, _("it nests references (<use>, patterns) more than %d deep"), MAX_REF_DEPTH);
        return;
    }
    if (!nc && !(nc = n->_private = arena_alloc(c->a, sizeof *nc))) {
        refuse(c, _("it could not be checked (out of memory)"));
        return;
    }
    nc->state = 1;
    const char *name = (const char *)n->name;
    int offscreen = is_svg(n, "pattern") || is_svg(n, "mask") || is_svg(n, "filter");
    CostSum cs = {.sum = {.drawn = offscreen ? DOC_SVG_OFFSCREEN_COST : 1}, .depth = depth};
    if (is_svg(n, NULL) && !strncmp(name, "fe", 2))
        cs.sum.passes = 1;
    for (const xmlAttr *at = n->properties; at && !c->why; at = at->next) {
        const char *v = attr_value(c, at);
        const char *an = (const char *)at->name;
        int href =
            !strcmp(an, "href") && (!at->ns || !strcmp((const char *)at->ns->href, XLINK_NS));
        if (href && strcmp(name, "a") && v[strspn(v, " \t\r\n")] == '#') {
            xmlNode *t = xmlHashLookup(c->ids, BAD_CAST(v + strspn(v, " \t\r\n") + 1));
            if (t)
                add_ref(c, t, 1, &cs);
        } else if (find_nocase(v, "url(")) {
            /* A marker is drawn on every vertex; in a style attribute, the
             * worst case is taken for every url(). */
            double times =
                !strncmp(an, "marker", 6) || (!strcmp(an, "style") && strstr(v, "marker"))
                    ? vertices(c, n)
                    : 1;
            each_url(c, v, times, add_ref, &cs);
        }
    }
    for (xmlNode *k = n->children; k && !c->why; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (drawn_in_place(k))
            add_ref(c, k, 1, &cs);
        else
            cs.sum.drawn += 1; /* counted where it is used */
    }
    nc->drawn = cs.sum.drawn;
    nc->passes = cs.sum.passes;
    nc->state = 2;
    *out = *nc;
}

/* Entities: only plain text, and not too much of it in all. */
static void
check_entities(Check *c, const xmlNode *n)
{
    for (; n && !c->why; n = n->next) {
        if (n->type == XML_ENTITY_REF_NODE) {
            xmlEntityPtr e = xmlGetDocEntity(c->doc, n->name);
            c->entity_text += e && e->content ? strlen((const char *)e->content) : 0;
        }
        if (n->type == XML_ELEMENT_NODE) {
            for (const xmlAttr *at = n->properties; at; at = at->next)
                check_entities(c, at->children);
            check_entities(c, n->children);
        }
    }
    if (c->entity_text > MAX_ENTITY_TEXT)
        refuse(c, _("its XML entities expand into more than 1 MB of text; export it again as plain "
                    "SVG"));
}

static void
entity_scan(void *payload, void *data, const xmlChar *name)
{
    xmlEntityPtr e = payload;
    Check *c = data;
    (void)name;
    if (e->etype != XML_INTERNAL_GENERAL_ENTITY || !e->content ||
        strpbrk((const char *)e->content, "&<%"))
        refuse(c,
               _("it declares XML entities that are more than plain text (&%s;); export it again "
                 "as plain SVG"),
               (const char *)e->name);
}

/* The size an SVG is rasterised at when it is embedded in another one: its
 * width and height in pixels, else its viewBox's. */
static void
svg_pixels(Check *c, const xmlNode *root, double *w, double *h)
{
    const char *names[2] = {"width", "height"};
    double *out[2] = {w, h};
    const char *vb = get_attr(c, root, "viewBox", NULL);
    double box[4] = {0};
    for (int i = 0; vb && i < 4; i++) {
        char *end;
        box[i] = strtod(vb, &end);
        vb = end + strspn(end, " ,\t\r\n");
    }
    for (int i = 0; i < 2; i++) {
        const char *s = get_attr(c, root, names[i], NULL);
        char *unit = NULL;
        double v = s ? strtod(s, &unit) : 0;
        if (!s || (unit && *unit == '%'))
            v = box[2 + i];
        else if (unit && !strncmp(unit, "pt", 2))
            v *= 96.0 / 72;
        else if (unit && !strncmp(unit, "pc", 2))
            v *= 16;
        else if (unit && !strncmp(unit, "mm", 2))
            v *= 96 / 25.4;
        else if (unit && !strncmp(unit, "cm", 2))
            v *= 96 / 2.54;
        else if (unit && !strncmp(unit, "in", 2))
            v *= 96;
        else if (unit && (!strncmp(unit, "em", 2) || !strncmp(unit, "ex", 2)))
            v *= 16;
        *out[i] = v;
    }
}

static void
check_svg(Check *c, const unsigned char *data, size_t n, int depth)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    xmlDocPtr doc = NULL, outer_doc = c->doc;
    xmlHashTablePtr outer_ids = c->ids;
    if (!ctxt || n > INT32_MAX) {
        refuse(c, _("it could not be checked (out of memory)"));
        goto out;
    }
    /* No NOENT, no DTDLOAD, no XINCLUDE: nothing fetched, nothing expanded. */
    doc = xmlCtxtReadMemory(ctxt, (const char *)data, (int)n, NULL, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                XML_PARSE_BIG_LINES);
    if (!doc || !ctxt->wellFormed) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        if (e && e->code == XML_ERR_ENTITY_LOOP)
            refuse(c, _("it declares XML entities that expand into too much text, or without end; "
                        "export it again as plain SVG"));
        else if (e && e->line)
            refuse(c,
                   _("it is damaged or cut short: its XML breaks off at line %d, column %d; "
                     "export it again from the drawing program"),
                   e->line, e->int2);
        else
            refuse(c, _("it is damaged: it is not well-formed XML; export it again"));
        goto out;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root && !is_svg(root, NULL) && !strcmp((const char *)root->name, "svg")) {
        refuse(c,
               _("its <svg> element lacks xmlns=\"%s\": export it again from the drawing "
                 "program"),
               SVG_NS);
        goto out;
    }
    if (!root || !is_svg(root, "svg")) {
        refuse(c, _("it is an XML file whose first element is <%s>, not <svg>"),
               root ? (const char *)root->name : "");
        goto out;
    }
    for (const xmlNode *k = doc->children; k; k = k->next)
        if (k->type == XML_PI_NODE && !strcmp((const char *)k->name, "xml-stylesheet"))
            refuse(c, _("it links a style sheet (<?xml-stylesheet?>); an SVG logo must hold "
                        "everything it shows"));
    c->doc = doc;
    c->ids = xmlHashCreate(64);
    if (!c->ids) {
        refuse(c, _("it could not be checked (out of memory)"));
        goto out;
    }
    if (doc->intSubset && doc->intSubset->entities)
        xmlHashScan(doc->intSubset->entities, entity_scan, c);
    check_entities(c, root);
    if (depth > 0) {
        double w = 0, h = 0;
        svg_pixels(c, root, &w, &h);
        if (w * h > DOC_MAX_IMAGE_PIXELS)
            refuse(c,
                   _("it embeds an SVG image drawn at %s × %s pixels, more than the %d million "
                     "allowed"),
                   doc_thousands(c->a, w), doc_thousands(c->a, h), DOC_MAX_IMAGE_PIXELS / 1000000);
        else
            c->pixels += w * h;
    }
    if (!c->why)
        check_element(c, root, depth);
    if (!c->why)
        check_sheets(c, root);
    NodeCost total = {0};
    if (!c->why)
        cost_of(c, root, 0, &total);
    /* Each embedded picture is decoded whole: their pixels, added up over
     * this SVG and the SVG images it embeds, stay within what one PNG file
     * may hold. */
    if (!c->why && depth == 0 && c->pixels > DOC_MAX_IMAGE_PIXELS)
        refuse(
            c,
            _("it embeds pictures of %s million pixels in all, more than the %d million allowed"),
            doc_thousands(c->a, ceil(c->pixels / 1e6)), DOC_MAX_IMAGE_PIXELS / 1000000);
    if (!c->why && total.drawn > DOC_MAX_SVG_DRAWN)
        refuse(c,
               _("its <use> elements, patterns and markers repeat each other into %s drawn "
                 "elements, more than the %s allowed"),
               doc_thousands(c->a, total.drawn), doc_thousands(c->a, DOC_MAX_SVG_DRAWN));
    if (!c->why && total.passes > DOC_MAX_SVG_FILTER_PASSES)
        refuse(c,
               _("its filters (blurs, shadows…) would run %s times, more than the %d allowed; "
                 "simplify them, or export the logo as PNG"),
               doc_thousands(c->a, total.passes), DOC_MAX_SVG_FILTER_PASSES);
    if (!c->why && depth == 0 && c->links) {
        xmlChar *mem = NULL;
        int size = 0;
        xmlDocDumpMemory(doc, &mem, &size);
        c->out = mem && size > 0 ? arena_alloc(c->a, (size_t)size + 1) : NULL;
        if (c->out) {
            memcpy(c->out, mem, (size_t)size);
            c->out_len = (size_t)size;
        } else {
            refuse(c, _("it could not be checked (out of memory)"));
        }
        xmlFree(mem);
    }
out:
    if (c->ids && c->ids != outer_ids)
        xmlHashFree(c->ids, NULL);
    c->ids = outer_ids;
    c->doc = outer_doc;
    if (doc)
        xmlFreeDoc(doc);
    if (ctxt)
        xmlFreeParserCtxt(ctxt);
}

const char *
doc_svg_check(Arena *a, const unsigned char *data, size_t n, size_t *embedded,
              const unsigned char **draw, size_t *draw_len)
{
    Check c = {.a = a};
    check_svg(&c, data, n, 0);
    *embedded = c.embedded;
    *draw = c.out ? c.out : data;
    *draw_len = c.out ? c.out_len : n;
    return c.why;
}
