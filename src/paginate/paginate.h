/*
 * paginate/paginate.h — Doc → Pages: every block laid out once, then placed.
 *
 *   Doc ──measure──▶ slices (a paragraph's lines, an unbreakable atom such as
 *                    a table row or a box, a space, a page break)
 *       ──place────▶ Pages of Frags (positioned pieces: text lines, fills,
 *                    borders, images, charts, signature areas)
 *
 * A paragraph splits between lines, keeping its orphans and widows; a heading
 * keeps with what follows; table rows move whole and header rows repeat; a
 * box, a keep group or a signature moves whole. Anything taller than a page
 * is cut at line boundaries, with a warning, so every input ends. Headers and
 * footers with page fields are laid out last, when the page count is known. Lengths are Pango
 * units, from the page's top-left corner.
 */
#ifndef COPIL_PAGINATE_PAGINATE_H
#define COPIL_PAGINATE_PAGINATE_H

#include <stdio.h>

#include <cairo.h>
#include <pango/pango.h>

#include "core/run.h"
#include "doc/doc.h"
#include "text/text.h"

/* A paragraph laid out: its lines, their tops, baselines and left offsets
 * (text/text.h). */
typedef TextLayout Para;

typedef enum FragKind {
    FRAG_TEXT,      /* lines of a Para */
    FRAG_FILL,      /* a background */
    FRAG_BORDER,    /* a frame, on some sides */
    FRAG_IMAGE,     /* a PNG or an SVG */
    FRAG_CHART,     /* a chart, drawn at paint time */
    FRAG_SIGNATURE, /* the blank area of a signature block */
    FRAG_ANCHOR,    /* a link target (an id) */
} FragKind;

/* What a fragment is, for the structure tags. Paint tags only what is not
 * ROLE_ARTIFACT; text has one of the others. */
typedef enum FragRole {
    ROLE_NONE,
    ROLE_P,        /* a paragraph (heading level in box->level) */
    ROLE_TEXT,     /* text directly in a cell or an item body: no P of its own */
    ROLE_LABEL,    /* a list item's bullet or number */
    ROLE_ARTIFACT, /* not content: fills and borders, everything in headers and footers */
} FragRole;

typedef struct Frag Frag;
struct Frag {
    Frag *next;
    FragKind kind;
    FragRole role;
    const Box *box; /* the block it comes from */
    int x, y, w, h;
    const Para *para; /* FRAG_TEXT */
    int first_line, nlines;
    uint32_t color;          /* FRAG_FILL, FRAG_BORDER */
    int border, sides;       /* FRAG_BORDER */
    cairo_surface_t *image;  /* FRAG_IMAGE: a PNG, or an SVG's recording (owned by the run) */
    double image_w, image_h; /* FRAG_IMAGE: image's size in its own units */
    const Chart *chart;      /* FRAG_CHART: its labels typeset */
    PangoContext *pango;     /* FRAG_CHART: lays out the labels */
    const char *family;      /* FRAG_CHART: the labels' font family */
    const char *alt;         /* FRAG_IMAGE, FRAG_CHART: the text alternative */
    int late; /* a header's or footer's that shows the page count: laid out and drawn once
                 every page's body is */
};

typedef struct Page Page;
struct Page {
    Page *next;
    int number;
    Frag *first, *last;
    /* Where its header, body and footer may print, between the left and
     * right margins: y ranges [top, bottom) from the page's top (a missing
     * header or footer has top == bottom). */
    int head_top, head_bottom, body_top, body_bottom, foot_top, foot_bottom;
};

typedef struct Pages {
    const Doc *doc;
    Page *first;
    int count;
} Pages;

/* Lays out and paginates doc. Warnings (content taller than a page, missing
 * glyphs) and errors go to r; returns STATUS_IO only when memory runs out.
 * Everything is in r's arena or registered with r. */
Status pg_paginate(Run *r, Text *text, const Doc *doc, Pages **out);

/* Where pg_paginate_stream hands each page over. */
typedef struct PageSink {
    /* Called with each page once its body and its margins without page
     * fields are placed (late 0), in order; then, once the page count is
     * known, with each page that has margins with page fields, holding
     * only those (late 1: every fragment's late is set). The page and
     * everything its fragments point to are valid during the call only:
     * a text whose last line is on the page is released after it
     * (text_release). A status other than STATUS_OK stops pagination and
     * is returned. */
    Status (*page)(void *closure, const Page *page, int late);
    void *closure;
} PageSink;

/* Paginates doc as pg_paginate does, into the same pages, but hands each
 * to sink as soon as it is final and keeps none: what a page alone uses is
 * released once it is handed over, so memory does not grow with the
 * number of pages (the box tree's does, and the slices'). *npages is the
 * page count. The body is measured a few blocks ahead of placement. */
Status pg_paginate_stream(Run *r, Text *text, const Doc *doc, const PageSink *sink, int *npages);

/* The columns and rows a table cell (a BOX_CELL) spans as placed: its
 * colspan and rowspan, the rows cut at the end of the head or of the body
 * (table.c: header rows repeat as a group, so a rowspan never carries a
 * header cell into the body, nor past the table's last row). A row that
 * needs more columns than the table has is an error of doc_build. */
void pg_cell_span(const Box *cell, int *cols, int *rows);

/* Writes a stable text dump of the pages: one line per fragment with its
 * box, lines and position in points. */
void pg_dump(const Pages *pages, FILE *fp);

/* Writes, for each page, the rectangles its header, body and footer may
 * print in (points, x0 y0 x1 y1 from the top-left corner): what a test
 * checks every glyph against. */
void pg_dump_areas(const Pages *pages, FILE *fp);

#endif
