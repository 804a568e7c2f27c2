/*
 * paint/paint.h — Pages → PDF through a Cairo PDF surface.
 *
 * Paint walks the pages once, in reading order. It opens structure tags as it
 * draws (Document, H1–H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure), adds
 * links through named destinations, the outline from the headings, and the
 * metadata. It draws only what pagination placed: no layout happens here.
 */
#ifndef COPIL_PAINT_PAINT_H
#define COPIL_PAINT_PAINT_H

#include <cairo.h>

#include "core/run.h"
#include "paginate/paginate.h"

/* Up to this many boxes (minutes of about a hundred pages), Cairo writes
 * content streams uncompressed, for the finish stage to compress once;
 * beyond, it compresses them: about 5 % more instructions (402-page
 * minutes, callgrind), but 9 MB less at the peak, as Cairo's whole output
 * waits in memory for the finish stage. */
#define PAINT_PLAIN_BOXES 8000

/* The deepest nesting of structure tags paint writes, Document included;
 * deeper boxes share their ancestors' tags. */
#define PAINT_MAX_TAGS 256

/* A link paint tagged: the text it sits in, and its byte range there. */
typedef struct PaintLink {
    const char *text; /* the text it sits in */
    unsigned len;
    int start, end;   /* the link's bytes in text */
    const char *href; /* the target: a URI, or NULL for a link inside the document */
} PaintLink;

/* A table cell paint tagged TH or TD, as the finish stage describes it. */
typedef struct PaintCell {
    int header;     /* 1: TH of its column (a head row's); 2: TH of its row; 0: TD */
    int cols, rows; /* its spans as placed (pg_cell_span) */
} PaintCell;

/* A signature block's blank area, where the finish stage puts a field. */
typedef struct PaintSignature {
    const char *name;      /* the field's name: "Signature-chef-etablissement" */
    const char *label;     /* its accessible name: role and signatory */
    int page;              /* 0-based */
    double x0, y0, x1, y1; /* in PDF space: points from the page's bottom-left */
} PaintSignature;

/* What paint drew that Cairo 1.16 cannot complete and the finish stage
 * does (pdf/finish.c, pdf/record.c), each list in the order paint opened
 * the elements, which is the structure tree's order:
 *   - the cell of each TH and TD element and the link of each Link element.
 *     A table that runs onto another page is a Table element on each page,
 *     its header rows tagged again as TH under it, so a header cell appears
 *     once per page; so does a cell cut by a page;
 *   - the text alternative of each Figure element (NULL: none);
 *   - the blank area of each signature block, in document (signing) order.
 * In the run's arena, and all its strings too: it outlives the pages and
 * the Doc (doc_release). The counts no longer match the tree when memory
 * ran out (the run's arena then says so). */
typedef struct PaintRecord {
    PaintCell *cells;
    int ncells, cap_cells;
    PaintLink *links;
    int nlinks, cap_links;
    const char **figures;
    int nfigures, cap_figures;
    PaintSignature *sigs;
    int nsigs, cap_sigs;
    /* The pages of the body, then one more page per body page whose
     * header or footer shows the page count, holding only that margin:
     * late[j] is the body page (0-based) that page npages + j belongs to,
     * for the finish stage to draw it there. */
    int npages;
    int *late;
    int nlate, cap_late;
} PaintRecord;

/* Paints page by page: paint_begin, paint_page for each body page in
 * order, then for each page's late margins (the page holding only
 * fragments whose late is set), then paint_end, which finishes the PDF.
 * The arguments are paint_pdf's; the painter is in r's arena. A page's
 * fragments are drawn during the call, and not looked at again. */
typedef struct Painter Painter;
Status paint_begin(Run *r, const Doc *d, const char *create_date, const char *producer,
                   PaintRecord *record, cairo_write_func_t write, void *closure, Painter **out);
Status paint_page(Painter *p, const Page *pg, int late);
Status paint_end(Painter *p);

/* Paints pages as a PDF written through write(closure, …). create_date is
 * ISO 8601 ("2026-10-08T17:30:00+02:00"), or "" for a PDF without a creation
 * date: the clock's time is never written (Cairo would, if not told).
 * producer names the program ("copil 0.1.0"). When record is not NULL, it
 * is filled as described above (zeroed first). Cairo is asked for content
 * streams as they are, uncompressed: the finish stage rewrites them and
 * compresses each once. Errors (a Cairo failure, including tags out of
 * order) are Diags on r and STATUS_IO. Each page is painted as paint_page
 * would, and the late fragments of all after every page's body. */
Status paint_pdf(Run *r, const Pages *pages, const char *create_date, const char *producer,
                 PaintRecord *record, cairo_write_func_t write, void *closure);

#endif
