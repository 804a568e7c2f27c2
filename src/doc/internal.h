/*
 * doc/internal.h — what the files of the doc stage share: style definitions
 * while they are being resolved.
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

/* Reads the <styles> element (NULL for none) and resolves every style,
 * reporting loops in parent chains on r. */
void styles_read(Styles *ss, Run *r, xmlNode *styles);

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
