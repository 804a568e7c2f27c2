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
    /* The rule above the row group (relative to its top; table.c), drawn
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

/* An image as paginate decoded it, once per run for every box showing it:
 * the Doc stays as doc_build made it. */
typedef struct Decoded {
    const Image *img;
    void *surface; /* cairo_surface_t *: the PNG's pixels or the SVG's recording (the run's) */
    double width, height; /* its natural size in pixels */
    double scale;         /* surface units per pixel: 1 for a PNG */
    int failed;           /* could not be decoded: said once */
    struct Decoded *next;
} Decoded;

typedef struct Ctx {
    Run *run;
    /* Where slices, fragments and paragraphs go: the run's arena, or, when
     * pagination streams, the arena of the few blocks being measured, freed
     * once their pages are drawn (place.c). What outlives them (the image
     * cache) goes to the run's. */
    Arena *a;
    Text *text;
    const Doc *doc;
    int page, count; /* for page-number and page-count fields */
    int artifact;    /* laying out a header or footer that is page furniture: every fragment is an
                        artifact */
    Decoded *images; /* the images decoded so far, in the run's arena */
} Ctx;

/* Lays out rt in st at width; NULL when out of memory. */
Para *measure_para(Ctx *c, const RichText *rt, const Style *st, int width, const Box *owner);

/* The slices of the blocks from first on, at x and width. */
void measure_flow(Ctx *c, const Box *first, int x, int width, SliceList *out);

/* The slices of the one block b (its children for a box that only holds
 * blocks), appended to out. */
void measure_block(Ctx *c, const Box *b, int x, int width, SliceList *out);

/* 1 for a box whose blocks flow at its own x and width (a container, an
 * item, a row, a cell or a column met outside its list, table or columns):
 * measure_block(b) is measure_flow(b->first). */
int measure_flows_through(const Box *b);

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

/* Appends a copy of the list src (moved by dy) to *tail; returns the new
 * tail. */
Frag **frags_append(Ctx *c, Frag **tail, const Frag *src, int dy);

/* Fill, content and border of a decorated block of the given total height,
 * x and width its outer box's (border 0: no border, a table cell's rules
 * being drawn apart); content (relative to the content box's top) is
 * copied, shifted by valign. */
Frag *frags_decorate(Ctx *c, const Box *box, const Style *st, int x, int width, const Frag *content,
                     int content_h, int total_h, int border);

/* A slice of height at the end of out, in the arena; NULL when out of
 * memory. */
Slice *slice_add(Ctx *c, SliceList *out, SliceKind kind, const Box *box, int height);

/* An SL_SPACE slice of h at the end of out; nothing when h <= 0. */
void slice_space(Ctx *c, SliceList *out, const Box *box, int h);

/* Widths of n columns sharing total (gaps already taken out) into out:
 * fixed and percent widths first, shrunk in proportion when they ask for
 * more than total, then the shares of what is left. */
void column_widths(const Width *w, int n, int total, int *out);

/* 1 when every one of the n column widths cw of box is 5 mm or more;
 * else 0 and an error on box's line naming the column (fmt takes the
 * column's number, n and its width in mm; sharper than measure_para's,
 * which would follow). */
int columns_usable(Ctx *c, const Box *box, const int *cw, int n, const char *fmt);

/* The slices of the table box at x and width (table.c): one SL_ATOM per row
 * group, header row groups kept to repeat above every body row, with the
 * table's space before and after. Nothing when a column is too narrow for
 * text (said on the run). */
void measure_table(Ctx *c, const Box *table, int x, int width, SliceList *out);

#endif
