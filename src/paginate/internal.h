/*
 * paginate/internal.h — slices, the measuring context, shared helpers.
 */
#ifndef COPIL_PAGINATE_INTERNAL_H
#define COPIL_PAGINATE_INTERNAL_H

#include "paginate/paginate.h"

typedef enum SliceKind {
    SL_LINES, /* a paragraph's lines, breakable between lines */
    SL_ATOM,  /* moves whole (cut only when taller than a page) */
    SL_SPACE, /* vertical space, dropped at the top of a page */
    SL_BREAK, /* a page break */
} SliceKind;

typedef struct Slice Slice;
struct Slice {
    Slice *next;
    SliceKind kind;
    const Box *box;
    int height;
    int keep_with_next;
    /* SL_LINES */
    const Para *para;
    int x, w;
    int orphans, widows;
    FragRole role;
    /* SL_ATOM: fragments relative to the slice's top; SL_LINES: extra
     * fragments (a list label, an anchor) to place with the first line. */
    Frag *frags;
    /* table rows */
    const Box *table;
    int header_row;
    Slice *headers; /* the table's header rows, to repeat (a list) */
    /* The rule above the row group (relative to its top; measure.c), drawn
     * where it starts its table's part of a page; the widest of its rules
     * and that rule's colour, for a group cut across pages. x and w: the
     * table's. */
    Frag *top_rule;
    int rule_w;
    uint32_t rule_color;
};

typedef struct SliceList {
    Slice *first, *last;
} SliceList;

typedef struct Ctx {
    Run *run;
    Arena *a;
    Text *text;
    const Doc *doc;
    int page, count; /* for page-number and page-count fields */
    int artifact;    /* laying out a header or footer that is page furniture: every fragment is an
                        artifact */
} Ctx;

/* Lays out rt in st at width; NULL when out of memory. */
Para *measure_para(Ctx *c, const RichText *rt, const Style *st, int width, const Box *owner);

/* The slices of the blocks from first on, at x and width. */
void measure_flow(Ctx *c, const Box *first, int x, int width, SliceList *out);

/* The blocks from first on stacked without page breaks: fragments relative
 * to the top, and the height. */
Frag *measure_stack(Ctx *c, const Box *first, int x, int width, int *height);

/* A fragment in the arena; ROLE_ARTIFACT when it is not content (a fill, a
 * border, anything in a header or footer), else ROLE_NONE until frag_role. */
Frag *frag_new(Ctx *c, FragKind kind, const Box *box, int x, int y, int w, int h);

/* Gives f its role in the structure, unless it is an artifact. */
void frag_role(Frag *f, FragRole role);

/* A copy of the one fragment f, alone (its next is NULL); NULL when out of
 * memory. */
Frag *frag_copy(Ctx *c, const Frag *f);

/* A copy of the list frags moved down by dy. */
Frag *frags_copy(Ctx *c, const Frag *frags, int dy);

#endif
