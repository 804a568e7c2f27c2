/*
 * doc/doc.h — the layout model: layout xmlDoc → Doc, a box tree with resolved
 * styles and inline text.
 *
 *   Doc ─ page setup, metadata, styles
 *    ├─ header / first-header / footer / first-footer : Box (BOX_CONTAINER)
 *    └─ body : Box
 *         ├─ BOX_PARA (h1-h3, p, caption, anonymous text) ── RichText
 *         ├─ BOX_LIST ─ BOX_ITEM ─ blocks
 *         ├─ BOX_TABLE ─ BOX_ROW ─ BOX_CELL ─ blocks
 *         ├─ BOX_FRAME (box), BOX_KEEP, BOX_COLUMNS ─ BOX_COLUMN ─ blocks
 *         └─ BOX_IMAGE, BOX_CHART, BOX_SPACER, BOX_BREAK, BOX_SIGNATURE
 *
 * Everything lives in the run's arena; styles are shared, never copied. Lengths
 * are Pango units (1 pt = PANGO_SCALE). This stage knows nothing of fonts or
 * pages: it only reads and resolves.
 */
#ifndef COPIL_DOC_DOC_H
#define COPIL_DOC_DOC_H

#include <stdint.h>

#include <libxml/tree.h>

#include "chart/chart.h"
#include "core/run.h"
#include "validate/validate.h" /* COPIL_LAYOUT_NS: the doc reads what validate checked */

/* Pango units per point (PANGO_SCALE), without including Pango here. */
#define DOC_UNITS_PER_PT 1024

/* Images: at most this many bytes in a file, and this many pixels once
 * decoded (a 300 dpi A4 page is 8.7 million): a small PNG that claims
 * 50,000 × 50,000 pixels is refused before it is decoded. An image shown
 * many times is read and decoded once. */
#define DOC_MAX_IMAGE_BYTES  (16 * 1000 * 1000)
#define DOC_MAX_IMAGE_PIXELS (40 * 1000 * 1000)
/* ...and at most this many bytes of image files in one document. */
#define DOC_MAX_IMAGES_BYTES (64 * 1000 * 1000)

/* An SVG is checked before it is drawn (doc/image.c): the pictures it
 * embeds fall under the two limits above (their bytes count in the
 * document's total), SVG images inside SVG images go at most this deep...*/
#define DOC_MAX_SVG_NESTING 4
/* ...<use>, patterns and markers, followed, draw at most this many
 * elements (a school's logo draws a few hundred)... */
#define DOC_MAX_SVG_DRAWN (100 * 1000)
/* ...where each use of a pattern, a mask or a filter counts as this many,
 * for it is drawn on a surface of its own first... */
#define DOC_SVG_OFFSCREEN_COST 100
/* ...and filters run at most this many primitives (a drop shadow is about
 * five), feTurbulence with this many octaves, feMorphology and
 * feConvolveMatrix over this many pixels at most. */
#define DOC_MAX_SVG_FILTER_PASSES 200
#define DOC_MAX_SVG_OCTAVES       10
#define DOC_MAX_SVG_KERNEL        50

/* What an image file's first bytes say it is. */
typedef enum ImageKind {
    IMAGE_UNKNOWN,
    IMAGE_PNG,
    IMAGE_JPEG,
    IMAGE_GIF,
    IMAGE_SVG,  /* XML: perhaps an SVG */
    IMAGE_GZIP, /* perhaps a compressed SVG */
} ImageKind;

/* Where a data file names an image its stylesheet puts in the layout (the
 * establishment's <logo>): messages about the image go there. */
typedef struct DocImageName {
    const char *src; /* the path as written, which the layout's <image src> repeats */
    long line, col;  /* of the naming element in the data file */
} DocImageName;

/* An image file read and checked, not decoded: its bytes (those to draw:
 * an SVG without the links of its <a>), what it is (IMAGE_PNG or
 * IMAGE_SVG), and the bytes of the pictures an SVG embeds, decoded. */
typedef struct DocImageFile {
    const unsigned char *data;
    size_t len;
    ImageKind kind;
    size_t embedded;
} DocImageFile;

/* Reads the image file at path (not through a symbolic link) into a and
 * checks it as doc_build does before anything decodes it: at most
 * DOC_MAX_IMAGE_BYTES, and room bytes with the pictures it embeds (what is
 * left of the document's DOC_MAX_IMAGES_BYTES); a PNG within
 * DOC_MAX_IMAGE_PIXELS from its header; an SVG through doc/image.c's
 * checks; any other kind refused from its first bytes. A problem is one
 * error on r at line:col about subject ("the logo"), and STATUS_INVALID, or
 * STATUS_IO when the file could not be read; STATUS_OK fills *out. */
Status doc_image_load(Run *r, Arena *a, const char *path, const char *subject, long line, long col,
                      size_t room, DocImageFile *out);

/* A length in points. */
static inline double
doc_pt(int v)
{
    return v / (double)DOC_UNITS_PER_PT;
}

typedef enum Align { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER, ALIGN_JUSTIFY } Align;
typedef enum VAlign { VALIGN_TOP, VALIGN_MIDDLE, VALIGN_BOTTOM } VAlign;

enum { SIDE_TOP = 1, SIDE_RIGHT = 2, SIDE_BOTTOM = 4, SIDE_LEFT = 8, SIDE_ALL = 15 };

/* A resolved style: every property has a value. */
typedef struct Style {
    const char *name;
    const char *font; /* family as written: "sans", "serif" or a family name */
    int size;         /* font size */
    int bold, italic, underline;
    uint32_t color; /* 0xRRGGBB */
    Align align;
    VAlign valign;
    int line_height; /* thousandths of the font size: 1250 = 1.25 */
    int space_before, space_after;
    int indent_left, indent_right, indent_first;
    int border;
    int border_sides;
    uint32_t border_color;
    int has_background;
    uint32_t background;
    int padding;
    int keep_with_next;
    int hyphenate;
    int orphans, widows;
} Style;

typedef enum SpanKind {
    SPAN_BOLD,
    SPAN_ITALIC,
    SPAN_UNDERLINE,
    SPAN_SUP,
    SPAN_STYLE,       /* a named style's font, size, weight, slant, colour */
    SPAN_LINK,        /* href or to */
    SPAN_PAGE_NUMBER, /* empty span: where the page number goes */
    SPAN_PAGE_COUNT,  /* empty span: where the page count goes */
} SpanKind;

typedef struct Span Span;
struct Span {
    Span *next;
    SpanKind kind;
    unsigned start, end; /* byte offsets in the RichText's text */
    const Style *style;  /* SPAN_STYLE */
    const char *href;    /* SPAN_LINK, external */
    const char *to;      /* SPAN_LINK, internal anchor */
};

/* Text with its inline markup, as written (white space folded); the text
 * stage applies French typography and hyphenation when it lays it out. */
typedef struct RichText {
    char *text; /* UTF-8, NUL-terminated */
    unsigned len;
    Span *spans; /* in order of their start */
    int has_fields;
} RichText;

typedef enum BoxKind {
    BOX_CONTAINER, /* body, header, footer */
    BOX_PARA,      /* p, h1-h3, caption, anonymous text in an item or a cell */
    BOX_LIST,
    BOX_ITEM,
    BOX_TABLE,
    BOX_ROW,
    BOX_CELL,
    BOX_FRAME, /* box */
    BOX_KEEP,
    BOX_COLUMNS,
    BOX_COLUMN,
    BOX_IMAGE,
    BOX_CHART,
    BOX_SPACER,
    BOX_BREAK,
    BOX_SIGNATURE,
} BoxKind;

typedef enum ListKind { LIST_BULLET, LIST_NUMBER, LIST_LETTER } ListKind;

/* A column width as written: a length, a percentage or a share. */
typedef struct Width {
    enum { WIDTH_FIXED, WIDTH_PERCENT, WIDTH_SHARE } kind;
    int value; /* Pango units; thousandths of a percent; thousandths of a share */
} Width;

typedef struct Box Box;
struct Box {
    BoxKind kind;
    Box *parent, *first, *last, *next;
    const Style *style;
    const char *element; /* the layout element's name: "p", "h2", "cell" */
    const char *id;      /* anchor, or the signature's id */
    long line;           /* in the layout file */
    unsigned index;      /* document order, for dumps */

    RichText *text; /* BOX_PARA */
    int level;      /* BOX_PARA: 1-3 for headings, 0 otherwise */

    ListKind list_kind; /* BOX_LIST */
    int list_start;
    int depth; /* BOX_LIST: nesting depth from 1 */

    Width *cols; /* BOX_TABLE: ncols widths */
    int ncols;
    int head_rows;        /* BOX_TABLE: the first head_rows rows are headers */
    int header;           /* BOX_ROW, BOX_CELL: in the head */
    int row_header;       /* BOX_CELL: a body row's header cell (header="row") */
    int colspan, rowspan; /* BOX_CELL */
    Width width;          /* BOX_COLUMN */
    int gap;              /* BOX_COLUMNS */
    int artifact;         /* BOX_CONTAINER: a header or footer that is page furniture */

    const char *src, *alt;     /* BOX_IMAGE: path (resolved), text alternative */
    const struct Image *img;   /* BOX_IMAGE: the file, shared by every box showing it */
    int img_width, img_height; /* BOX_IMAGE: 0 when not given */
    Align img_align;           /* BOX_IMAGE, BOX_CHART */
    const Chart *chart;        /* BOX_CHART; its size in img_width, img_height */

    int height;                               /* BOX_SPACER: height; BOX_SIGNATURE: blank area */
    RichText *sig_line, *sig_role, *sig_name; /* BOX_SIGNATURE */
};

/* An image file, read once per run by doc_build and decoded once by
 * paginate, however many boxes show it. */
typedef struct Image {
    struct Image *next;
    const char *path; /* real path, inside the layout's folder */
    const unsigned char *data;
    size_t len;
    ImageKind kind;      /* IMAGE_PNG or IMAGE_SVG */
    const char *subject; /* for messages: "the logo", "the image \"x.svg\"" */
    long line, col;      /* where it is named first, for messages */
} Image; /* decoded by paginate, which keeps what it decodes (paginate/internal.h) */

typedef struct Doc {
    const char *title, *author, *subject, *keywords, *lang;
    const char *created; /* ISO 8601 as written, or NULL */
    int page_width, page_height;
    int margin_top, margin_bottom, margin_left, margin_right;
    int header_gap;
    Box *body;
    Box *header, *first_header, *footer, *first_footer; /* NULL when absent */
    const char *base_dir;                               /* folder of the layout file, for images */
    unsigned nboxes;
    int redactions;     /* contact details left out of the public copy */
    Image *images;      /* every image file read */
    size_t image_bytes; /* their total size */
    Arena arena;        /* everything above points into it (doc_build) */
} Doc;

/* Builds the Doc from a layout document that passed layout.xsd. Styles are
 * resolved through their parents (a cycle is an error); image paths are
 * resolved against base_dir and must stay inside it, and each image is
 * checked before anything decodes it (doc/image.c). names (nnames of them;
 * NULL, 0 for a layout document the user wrote) place the messages about
 * an image that a data file names at the naming element. With public_copy, the
 * e-mail addresses and phone numbers of the text are replaced by a mark,
 * except in blocks marked public="keep", and mailto:/tel: links become
 * plain text (doc/redact.c). Problems are Diags on r; returns
 * STATUS_INVALID then. The Doc is in r's arena, and what it holds in an
 * arena of its own, freed when the run ends or by doc_release. */
Status doc_build(Run *r, xmlDocPtr layout, const char *base_dir, const DocImageName *names,
                 int nnames, int public_copy, Doc **out);

/* Frees what d holds now rather than when the run ends (everything but
 * the Doc itself, whose fields are then cleared): for a caller done with
 * it, say once every page is drawn. Nothing of it may be used after. */
void doc_release(Run *r, Doc *d);

/* Parses a length as written in the schema ("12pt", "4.5mm"); returns -1
 * when it is not one. */
int doc_parse_length(const char *s);

#endif
