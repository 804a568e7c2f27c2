/*
 * doc/internal.h — what the files of the doc stage share: style definitions
 * while they are being resolved, and the builder that doc.c's boxes and
 * inline.c's text are read with.
 */
#ifndef COPIL_DOC_INTERNAL_H
#define COPIL_DOC_INTERNAL_H

#include "doc/doc.h"

typedef struct StyleDef StyleDef;
struct StyleDef {
    StyleDef *next;
    const char *name, *parent;
    xmlNode *node;
    long line;
    const Style *resolved;
    int resolving, cycle_reported;
};

typedef struct BuiltinCache BuiltinCache;
struct BuiltinCache {
    BuiltinCache *next;
    const char *name;
    const Style *style;
};

typedef struct Styles {
    Run *run;
    Arena *arena;
    StyleDef *defs;
    BuiltinCache *builtins;
} Styles;

/* What doc_build carries while it reads the layout: its run, its styles,
 * the document it builds, and what the text of the public copy leaves out. */
typedef struct Builder {
    Run *run;
    Arena *a;
    Styles styles;
    Doc *doc;
    char *base_real; /* realpath of the layout's folder */
    int public_copy; /* contact details are left out (doc_redact)... */
    int keep;        /* ...but not inside a block marked public="keep" */
    int io_failed;   /* a file that was there could not be read: exit 3 */
    xmlDocPtr layout;
    const DocImageName *names; /* the data file's logos, for messages */
    int nnames;
} Builder;

/* The attribute name of n (no namespace) copied into b's arena; NULL when
 * n has none or memory runs out (doc.c). */
const char *doc_attr(Builder *b, const xmlNode *n, const char *name);

/* 1 when n is an element of the layout namespace named name (any name
 * when name is NULL), else 0 (doc.c). */
int doc_is_layout(const xmlNode *n, const char *name);

/* 1 when n is inline content: text, CDATA, or a layout element that goes
 * into a paragraph's text (b, i, u, sup, span, a, br, nbsp, page-number,
 * page-count); else 0 (inline.c). */
int doc_is_inline(const xmlNode *n);

/* The text of the inline nodes [first, stop) (stop NULL: to the last
 * sibling), white space folded and trimmed, with its spans, in b's arena;
 * redacted when b builds the public copy outside a public="keep" block.
 * Reports a link that has both or neither of href and to on b's run. NULL
 * when it holds no text and no field (white space only), or when memory
 * runs out (inline.c). */
RichText *doc_rich_text(Builder *b, const xmlNode *first, const xmlNode *stop);

/* Reads the <styles> element (NULL for none) into a and resolves every
 * style, reporting loops in parent chains on r. */
void styles_read(Styles *ss, Run *r, Arena *a, xmlNode *styles);

/* The style named name when given, else the one named fallback (the
 * element's own: "p", "h1", "cell"), else the built-in one. Never NULL unless
 * out of memory. */
const Style *styles_get(Styles *ss, const char *name, const char *fallback);

/* s with every e-mail address and phone number replaced by a mark
 * (« [courriel retiré] », « [téléphone retiré] »), for the public copy; s
 * itself when it holds none (NULL for NULL). Adds the number of
 * replacements to *count (count may be NULL). map, when not NULL, has
 * strlen(s) + 1 entries and receives, for each offset in s, the matching
 * offset in the result, as text_typography's map does: the bytes of a
 * replaced address or number go to the start of its mark, the offset just
 * after it to the mark's end. The result is in a. */
const char *doc_redact(Arena *a, const char *s, unsigned *map, int *count);

/* v written as the messages write numbers, "30,000", in a. */
const char *doc_thousands(Arena *a, double v);

/* What the first bytes of an image file (n of them at p) say it is. */
ImageKind doc_image_kind(const unsigned char *p, size_t n);

/* Checks the SVG image of n bytes at data before anything decodes or draws
 * it: NULL when copil may draw it, else why not, a sentence starting "it"
 * (in a). *embedded receives the bytes of the pictures it embeds, decoded;
 * *draw and *draw_len the bytes to draw: data itself, or (in a) the same
 * SVG without the links of its <a> elements, which Cairo cannot replay.
 * Nothing is reported on a run, nothing read from disk or the network. */
const char *doc_svg_check(Arena *a, const unsigned char *data, size_t n, size_t *embedded,
                          const unsigned char **draw, size_t *draw_len);

#endif
