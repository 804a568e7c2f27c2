/*
 * doc/doc.c — layout xmlDoc → Doc: boxes and their styles.
 *
 * The document passed layout.xsd, so element names and attribute forms are
 * trusted; what the schema cannot say is checked here (table rows that do
 * not fit their columns, images outside the layout's folder or missing).
 * The text of paragraphs, cells and items is built by inline.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/file.h"
#include "doc/internal.h"
#include "core/i18n.h"

const char *
doc_attr(Builder *b, const xmlNode *n, const char *name)
{
    return validate_attr(b->a, n, name);
}

/* An attribute that is text for the reader (a title, an alt text, a
 * label): redacted in the public copy. */
static const char *
text_attr(Builder *b, const xmlNode *n, const char *name)
{
    const char *s = doc_attr(b, n, name);
    return b->public_copy && !b->keep ? doc_redact(b->a, s, NULL, &b->doc->redactions) : s;
}

int
doc_is_layout(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns &&
           !strcmp((const char *)n->ns->href, COPIL_LAYOUT_NS) &&
           (!name || !strcmp((const char *)n->name, name));
}

/* --- boxes ------------------------------------------------------------ */

static Box *
new_box(Builder *b, Box *parent, BoxKind kind, const xmlNode *n, const Style *st)
{
    Box *box = arena_alloc(b->a, sizeof(*box));
    if (!box)
        return NULL;
    box->kind = kind;
    box->style = st;
    box->element = n ? arena_strdup(b->a, (const char *)n->name) : "text";
    box->line = n ? xmlGetLineNo(n) : 0;
    box->index = b->doc->nboxes++;
    box->id = n ? doc_attr(b, n, "id") : NULL;
    box->parent = parent;
    if (parent) {
        if (parent->last)
            parent->last->next = box;
        else
            parent->first = box;
        parent->last = box;
    }
    return box;
}

static void blocks(Builder *b, Box *parent, const xmlNode *first, const Style *text_style,
                   int depth);

static Box *
para(Builder *b, Box *parent, const xmlNode *n, const xmlNode *first, const xmlNode *stop,
     const Style *st)
{
    int kept = b->keep;
    if (n && b->public_copy) {
        const char *pub = doc_attr(b, n, "public");
        b->keep = kept || (pub && !strcmp(pub, "keep"));
    }
    RichText *rt = doc_rich_text(b, first, stop);
    b->keep = kept;
    if (!rt)
        return NULL;
    Box *box = new_box(b, parent, BOX_PARA, n, st);
    if (box) {
        box->text = rt;
        if (!n)
            box->line = first ? xmlGetLineNo(first->parent) : 0;
    }
    return box;
}

/* The text properties of st without its box (border, fill, padding, outer
 * space): what a cell's or an item's own text is set in. */
static const Style *
text_only(Builder *b, const Style *st)
{
    if (!st->border && !st->has_background && !st->padding && !st->space_before && !st->space_after)
        return st;
    Style *t = arena_alloc(b->a, sizeof(*t));
    if (!t)
        return st;
    *t = *st;
    t->border = 0;
    t->has_background = 0;
    t->padding = 0;
    t->space_before = 0;
    t->space_after = 0;
    return t;
}

/* Mixed content (list items, cells): runs of inline nodes become anonymous
 * paragraphs in the text properties of text_style, blocks become boxes. */
static void
mixed(Builder *b, Box *parent, const xmlNode *first, const Style *text_style, int depth)
{
    const Style *anon = parent->kind == BOX_CELL ? text_only(b, text_style) : text_style;
    const xmlNode *run_start = NULL;
    for (const xmlNode *n = first;; n = n->next) {
        if (n && doc_is_inline(n)) {
            if (!run_start)
                run_start = n;
            continue;
        }
        if (run_start) {
            para(b, parent, NULL, run_start, n, anon);
            run_start = NULL;
        }
        if (!n)
            break;
        if (doc_is_layout(n, NULL))
            blocks(b, parent, n, text_style, depth);
    }
}

static Width
parse_width(const char *s)
{
    Width w = {WIDTH_SHARE, 1000};
    if (!s)
        return w;
    size_t n = strlen(s);
    double v = strtod(s, NULL);
    if (n && s[n - 1] == '%') {
        w.kind = WIDTH_PERCENT;
        w.value = (int)lround(v * 1000);
    } else if (n && s[n - 1] == '*') {
        w.kind = WIDTH_SHARE;
        w.value = (int)lround(v * 1000);
    } else {
        w.kind = WIDTH_FIXED;
        w.value = doc_parse_length(s);
    }
    return w;
}

static void
table(Builder *b, Box *box, const xmlNode *n, int depth)
{
    int ncols = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        ncols += doc_is_layout(c, "col");
    box->ncols = ncols;
    box->cols = arena_alloc_array(b->a, (size_t)ncols, sizeof(*box->cols));
    if (!box->cols)
        return;
    int i = 0;
    /* Which grid slots rows below are already taken by rowspans. */
    int *taken = arena_alloc_array(b->a, (size_t)ncols, sizeof(int));
    if (!taken)
        return;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (doc_is_layout(c, "col"))
            box->cols[i++] = parse_width(doc_attr(b, c, "width"));
    for (const xmlNode *c = n->children; c; c = c->next) {
        int head = doc_is_layout(c, "head");
        if (!head && !doc_is_layout(c, "row"))
            continue;
        const xmlNode *rows = head ? c->children : c;
        for (const xmlNode *rn = rows; rn; rn = head ? rn->next : NULL) {
            if (!doc_is_layout(rn, "row"))
                continue;
            Box *row = new_box(b, box, BOX_ROW, rn, box->style);
            if (!row)
                return;
            row->header = head;
            box->head_rows += head;
            const char *row_style = doc_attr(b, rn, "style");
            int used = 0;
            for (int k = 0; k < ncols; k++)
                used += taken[k] > 0;
            for (const xmlNode *cn = rn->children; cn; cn = cn->next) {
                if (!doc_is_layout(cn, "cell"))
                    continue;
                const char *cs = doc_attr(b, cn, "style");
                const Style *st = styles_get(&b->styles, cs ? cs : row_style, head ? "th" : "cell");
                Box *cell = new_box(b, row, BOX_CELL, cn, st);
                if (!cell)
                    return;
                cell->header = head;
                /* A row's header keeps the look of its row: only its tag differs. */
                const char *heads = doc_attr(b, cn, "header");
                int row_header = heads && !strcmp(heads, "row"); /* the schema's one value */
                if (row_header && head)
                    run_diag(b->run, DIAG_ERROR, cell->line, 0,
                             _("header=\"row\" is for a cell of a body row, the header of its "
                               "row: a cell of <head> heads its column already; remove it here"));
                cell->row_header = row_header && !head;
                const char *span = doc_attr(b, cn, "colspan");
                cell->colspan = span ? atoi(span) : 1;
                span = doc_attr(b, cn, "rowspan");
                cell->rowspan = span ? atoi(span) : 1;
                used += cell->colspan;
                mixed(b, cell, cn->children, st, depth + 1);
                /* Mark the slots this cell keeps below, in order of use. */
                for (int k = 0, left = cell->colspan; k < ncols && left > 0; k++) {
                    if (taken[k] > 0)
                        continue;
                    if (cell->rowspan > 1)
                        taken[k] = cell->rowspan;
                    else
                        taken[k] = -1; /* used on this row only */
                    left--;
                }
            }
            for (int k = 0; k < ncols; k++)
                taken[k] = taken[k] > 0 ? taken[k] - 1 : 0;
            if (used > ncols)
                run_diag(b->run, DIAG_ERROR, row->line, 0,
                         _("this table row needs %d columns but the table has %d <col>"), used,
                         ncols);
        }
    }
}

static Align
align_attr(Builder *b, const xmlNode *n)
{
    const char *al = doc_attr(b, n, "align");
    return !al                     ? ALIGN_LEFT
           : !strcmp(al, "right")  ? ALIGN_RIGHT
           : !strcmp(al, "center") ? ALIGN_CENTER
                                   : ALIGN_LEFT;
}

/* Width and height of the PNG in data (0 when it is not one). */
static void
png_size(const unsigned char *data, size_t n, unsigned long *w, unsigned long *h)
{
    *w = *h = 0;
    if (n < 24 || doc_image_kind(data, n) != IMAGE_PNG || memcmp(data + 12, "IHDR", 4) != 0)
        return;
    *w = (unsigned long)data[16] << 24 | (unsigned long)data[17] << 16 |
         (unsigned long)data[18] << 8 | data[19];
    *h = (unsigned long)data[20] << 24 | (unsigned long)data[21] << 16 |
         (unsigned long)data[22] << 8 | data[23];
}

/* Where the messages about an image go, and how they name it. */
typedef struct ImagePlace {
    const char *subject; /* "the logo", "the image \"x.png\"" */
    long line, col;
} ImagePlace;

static int
same_path(const char *a, const char *b)
{
    a += strspn(a, " \t\r\n");
    b += strspn(b, " \t\r\n");
    size_t na = strlen(a), nb = strlen(b);
    while (na && strchr(" \t\r\n", a[na - 1]))
        na--;
    while (nb && strchr(" \t\r\n", b[nb - 1]))
        nb--;
    return na == nb && !memcmp(a, b, na);
}

/* The image src of the layout element n: a data file's logo is said at its
 * <logo>, another image at its <image>. */
static ImagePlace
image_place(Builder *b, const xmlNode *n, const char *src)
{
    ImagePlace p = {0};
    for (int i = 0; src && i < b->nnames; i++) {
        if (same_path(b->names[i].src, src)) {
            p.subject = _("the logo");
            p.line = b->names[i].line;
            p.col = b->names[i].col;
            return p;
        }
    }
    p.subject = arena_printf(b->a, _("the image \"%s\""), src ? src : "");
    validate_position(b->layout, n, &p.line, &p.col);
    return p;
}

Status
doc_image_load(Run *r, Arena *a, const char *path, const char *subject, long line, long col,
               size_t room, DocImageFile *out)
{
    char *data;
    size_t got;
    /* Not through a link: what was checked is what is read. */
    int err = file_load(path, O_NOFOLLOW, room < DOC_MAX_IMAGE_BYTES ? room : DOC_MAX_IMAGE_BYTES,
                        a, &data, &got);
    char have[32], max[32];
    switch (err) {
    case 0:
        break;
    case EFBIG:
        file_format_size(have, sizeof(have), (unsigned long long)got);
        if (got > DOC_MAX_IMAGE_BYTES) {
            file_format_size(max, sizeof(max), DOC_MAX_IMAGE_BYTES);
            run_diag(r, DIAG_ERROR, line, col,
                     _("%s is too large (%s); copil reads images of up to %s"), subject, have, max);
        } else {
            file_format_size(max, sizeof(max), DOC_MAX_IMAGES_BYTES);
            run_diag(r, DIAG_ERROR, line, col,
                     _("%s (%s) takes the document's images past %s; use fewer or smaller images"),
                     subject, have, max);
        }
        return STATUS_INVALID;
    case EISDIR:
    case ENODEV:
        run_diag(r, DIAG_ERROR, line, col, _("%s is not a regular file"), subject);
        return STATUS_INVALID;
    default:
        run_diag(r, DIAG_ERROR, line, col,
                 _("%s could not be read (%s); was it moved or replaced while copil ran?"), subject,
                 file_why(err));
        return STATUS_IO;
    }
    const unsigned char *bytes = (const unsigned char *)data;
    ImageKind kind = doc_image_kind(bytes, got);
    size_t embedded = 0;
    switch (kind) {
    case IMAGE_PNG: {
        unsigned long w, h;
        png_size(bytes, got, &w, &h);
        if ((double)w * (double)h > DOC_MAX_IMAGE_PIXELS) {
            run_diag(r, DIAG_ERROR, line, col,
                     _("%s is %s × %s pixels, more than copil draws (%d million pixels); reduce "
                       "it to print size (about 2,500 pixels wide for a page)"),
                     subject, doc_thousands(a, w), doc_thousands(a, h),
                     DOC_MAX_IMAGE_PIXELS / 1000000);
            return STATUS_INVALID;
        }
        break;
    }
    case IMAGE_SVG: {
        const char *why = doc_svg_check(a, bytes, got, &embedded, &bytes, &got);
        if (why) {
            run_diag(r, DIAG_ERROR, line, col, _("%s is not a readable SVG image: %s"), subject,
                     why);
            return STATUS_INVALID;
        }
        if (got + embedded > room) {
            file_format_size(have, sizeof(have), (unsigned long long)(got + embedded));
            file_format_size(max, sizeof(max), DOC_MAX_IMAGES_BYTES);
            run_diag(r, DIAG_ERROR, line, col,
                     _("%s (%s with the pictures it embeds) takes the document's images past %s; "
                       "use fewer or smaller images"),
                     subject, have, max);
            return STATUS_INVALID;
        }
        break;
    }
    case IMAGE_JPEG:
    case IMAGE_GIF:
        run_diag(r, DIAG_ERROR, line, col,
                 _("%s is a %s picture; copil draws PNG and SVG images: save it as PNG"), subject,
                 kind == IMAGE_JPEG ? "JPEG" : "GIF");
        return STATUS_INVALID;
    case IMAGE_GZIP:
        run_diag(r, DIAG_ERROR, line, col,
                 _("%s is a compressed SVG (.svgz); save it as plain SVG"), subject);
        return STATUS_INVALID;
    case IMAGE_UNKNOWN:
        run_diag(r, DIAG_ERROR, line, col,
                 _("%s is not an SVG or PNG image; open it in a drawing program and export it as "
                   "SVG or PNG"),
                 subject);
        return STATUS_INVALID;
    }
    out->data = bytes;
    out->len = got;
    out->kind = kind;
    out->embedded = embedded;
    return STATUS_OK;
}

/* Reads the image box->src (a real path inside the layout's folder) whole,
 * once per run: what paint draws is what was checked, even if the file is
 * replaced, by a symbolic link say, while copil runs, and an image shown a
 * thousand times is read once. */
static void
read_image(Builder *b, Box *box, const ImagePlace *at)
{
    for (Image *im = b->doc->images; im; im = im->next) {
        if (!strcmp(im->path, box->src)) {
            box->img = im;
            return;
        }
    }
    DocImageFile f;
    Status st = doc_image_load(b->run, b->a, box->src, at->subject, at->line, at->col,
                               DOC_MAX_IMAGES_BYTES - b->doc->image_bytes, &f);
    if (st == STATUS_IO)
        b->io_failed = 1;
    if (st != STATUS_OK)
        return;
    const unsigned char *bytes = f.data;
    size_t got = f.len, embedded = f.embedded;
    ImageKind kind = f.kind;
    Image *im;
    im = arena_alloc(b->a, sizeof(*im));
    if (!im)
        return;
    im->path = box->src;
    im->data = bytes;
    im->len = got;
    im->kind = kind;
    im->subject = at->subject;
    im->line = at->line;
    im->col = at->col;
    im->next = b->doc->images;
    b->doc->images = im;
    b->doc->image_bytes += got + embedded;
    box->img = im;
}

static void
image(Builder *b, Box *box, const xmlNode *n)
{
    const char *src = doc_attr(b, n, "src");
    box->alt = text_attr(b, n, "alt");
    const char *w = doc_attr(b, n, "width"), *h = doc_attr(b, n, "height");
    box->img_width = w ? doc_parse_length(w) : 0;
    box->img_height = h ? doc_parse_length(h) : 0;
    box->img_align = align_attr(b, n);
    ImagePlace at = image_place(b, n, src);
    char resolved[PATH_MAX];
    switch (src && b->base_real ? file_resolve(b->base_real, src, resolved) : FILE_REF_MISSING) {
    case FILE_REF_INSIDE:
        break;
    case FILE_REF_ABSOLUTE:
        run_diag(b->run, DIAG_ERROR, at.line, at.col,
                 _("%s is an absolute path; copil reads only files inside the layout "
                   "document's folder: write the path from there, e.g. logo.png"),
                 at.subject);
        return;
    case FILE_REF_OUTSIDE:
        run_diag(b->run, DIAG_ERROR, at.line, at.col,
                 _("%s lies outside the layout document's folder; copil reads "
                   "only files inside it"),
                 at.subject);
        return;
    case FILE_REF_MISSING:
        run_diag(b->run, DIAG_ERROR, at.line, at.col,
                 _("%s cannot be found next to the layout document"), at.subject);
        return;
    }
    box->src = arena_strdup(b->a, resolved);
    read_image(b, box, &at);
}

static void
chart(Builder *b, Box *box, const xmlNode *n)
{
    static const char *const kinds[] = {"bar", "hbar", "grouped", "pie", "donut", "line"};
    Chart *c = arena_alloc(b->a, sizeof(*c));
    const char *series[CHART_MAX_SERIES], *labels[CHART_MAX_POINTS];
    double values[CHART_MAX_POINTS * CHART_MAX_SERIES];
    if (!c)
        return;
    const char *kind = doc_attr(b, n, "kind"), *w = doc_attr(b, n, "width"),
               *h = doc_attr(b, n, "height");
    const char *decimals = doc_attr(b, n, "decimals"), *max = doc_attr(b, n, "max");
    for (size_t i = 0; kind && i < sizeof kinds / sizeof *kinds; i++)
        if (!strcmp(kind, kinds[i]))
            c->kind = (ChartKind)i;
    c->title = text_attr(b, n, "title");
    c->unit = text_attr(b, n, "unit");
    c->decimals = decimals ? atoi(decimals) : -1;
    c->max = max ? strtod(max, NULL) : 0;
    box->img_width = w ? doc_parse_length(w) : 0;
    box->img_height = h ? doc_parse_length(h) : doc_parse_length("60mm");
    box->img_align = align_attr(b, n);

    int nseries = 0, npoints = 0;
    for (const xmlNode *s = n->children; s; s = s->next) {
        if (doc_is_layout(s, "series") && nseries < CHART_MAX_SERIES)
            series[nseries++] = text_attr(b, s, "name");
        if (!doc_is_layout(s, "point") || npoints >= CHART_MAX_POINTS)
            continue;
        const char *v = doc_attr(b, s, "values");
        int k = 0, want = nseries ? nseries : 1;
        for (char *end; v && *v && k < 16;) {
            double x = strtod(v, &end);
            if (end == v)
                break;
            if (k < want)
                values[npoints * want + k] = x;
            k++;
            v = end + strspn(end, " \t\r\n");
        }
        if (k != want) {
            run_diag(b->run, DIAG_ERROR, xmlGetLineNo(s), 0,
                     ngettext("this <point> has %d value but its chart has %d series: give one "
                              "value per <series>",
                              "this <point> has %d values but its chart has %d series: give one "
                              "value per <series>",
                              k),
                     k, want);
            return;
        }
        labels[npoints++] = text_attr(b, s, "label");
    }
    if ((c->kind == CHART_PIE || c->kind == CHART_DONUT) && nseries > 1) {
        run_diag(b->run, DIAG_ERROR, box->line, 0,
                 _("a %s chart shows one series, and this one has %d <series>"), kind, nseries);
        return;
    }
    if (c->kind == CHART_GROUPED && nseries < 2)
        run_diag(b->run, DIAG_WARNING, box->line, 0,
                 _("a grouped chart compares several <series> (e.g. value and target); this one "
                   "has %d: drawn as plain bars"),
                 nseries);
    c->nseries = nseries ? nseries : 1;
    c->series = nseries ? arena_alloc_array(b->a, nseries, sizeof(char *)) : NULL;
    c->npoints = npoints;
    c->labels = arena_alloc_array(b->a, npoints, sizeof(char *));
    double *vals = arena_alloc_array(b->a, (size_t)npoints * c->nseries, sizeof(double));
    if ((nseries && !c->series) || !c->labels || !vals)
        return;
    if (nseries)
        memcpy((void *)c->series, series, nseries * sizeof(char *));
    memcpy((void *)c->labels, labels, npoints * sizeof(char *));
    memcpy(vals, values, (size_t)npoints * c->nseries * sizeof(double));
    c->values = vals;
    box->chart = c;
}

static void
signature(Builder *b, Box *box, const xmlNode *n)
{
    const char *space = doc_attr(b, n, "space");
    box->height = space ? doc_parse_length(space) : doc_parse_length("25mm");
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (doc_is_layout(c, "line"))
            box->sig_line = doc_rich_text(b, c->children, NULL);
        else if (doc_is_layout(c, "role"))
            box->sig_role = doc_rich_text(b, c->children, NULL);
        else if (doc_is_layout(c, "name"))
            box->sig_name = doc_rich_text(b, c->children, NULL);
    }
}

#define MAX_DEPTH 200 /* libxml2 stops at 256 levels of elements anyway */

/* One block element n, added to parent. */
static void
blocks(Builder *b, Box *parent, const xmlNode *n, const Style *text_style, int depth)
{
    if (depth > MAX_DEPTH || !parent)
        return;
    const char *name = (const char *)n->name;
    const char *style_attr = doc_attr(b, n, "style");
    Box *box = NULL;

    if (!strcmp(name, "p") || !strcmp(name, "h1") || !strcmp(name, "h2") || !strcmp(name, "h3")) {
        box = para(b, parent, n, n->children, NULL, styles_get(&b->styles, style_attr, name));
        if (box && name[0] == 'h')
            box->level = name[1] - '0';
        if (!box && name[0] == 'h')
            run_diag(b->run, DIAG_WARNING, xmlGetLineNo(n), 0, _("<%s> is empty and is left out"),
                     name);
    } else if (!strcmp(name, "list")) {
        const Style *st = styles_get(&b->styles, style_attr, "li");
        box = new_box(b, parent, BOX_LIST, n, st);
        if (!box)
            return;
        const char *kind = doc_attr(b, n, "kind"), *start = doc_attr(b, n, "start");
        box->list_kind = !kind || !strcmp(kind, "bullet") ? LIST_BULLET
                         : !strcmp(kind, "number")        ? LIST_NUMBER
                                                          : LIST_LETTER;
        box->list_start = start ? atoi(start) : 1;
        box->depth = 1;
        for (Box *p = parent; p; p = p->parent)
            box->depth += p->kind == BOX_LIST;
        for (const xmlNode *c = n->children; c; c = c->next) {
            if (!doc_is_layout(c, "item"))
                continue;
            Box *item = new_box(b, box, BOX_ITEM, c, st);
            if (item)
                mixed(b, item, c->children, st, depth + 1);
        }
    } else if (!strcmp(name, "table")) {
        /* The caption is a paragraph read just before its table. */
        for (const xmlNode *c = n->children; c; c = c->next)
            if (doc_is_layout(c, "caption"))
                para(b, parent, c, c->children, NULL,
                     styles_get(&b->styles, doc_attr(b, c, "style"), "caption"));
        box = new_box(b, parent, BOX_TABLE, n, styles_get(&b->styles, style_attr, "table"));
        if (box)
            table(b, box, n, depth);
    } else if (!strcmp(name, "box") || !strcmp(name, "keep")) {
        box = new_box(b, parent, name[0] == 'b' ? BOX_FRAME : BOX_KEEP, n,
                      styles_get(&b->styles, style_attr, name));
        for (const xmlNode *c = box ? n->children : NULL; c; c = c->next)
            if (doc_is_layout(c, NULL))
                blocks(b, box, c, text_style, depth + 1);
    } else if (!strcmp(name, "columns")) {
        box = new_box(b, parent, BOX_COLUMNS, n, styles_get(&b->styles, NULL, "default"));
        if (!box)
            return;
        const char *gap = doc_attr(b, n, "gap");
        box->gap = gap ? doc_parse_length(gap) : doc_parse_length("6mm");
        for (const xmlNode *c = n->children; c; c = c->next) {
            if (!doc_is_layout(c, "column"))
                continue;
            Box *col = new_box(b, box, BOX_COLUMN, c,
                               styles_get(&b->styles, doc_attr(b, c, "style"), "column"));
            if (!col)
                return;
            col->width = parse_width(doc_attr(b, c, "width"));
            for (const xmlNode *cc = c->children; cc; cc = cc->next)
                if (doc_is_layout(cc, NULL))
                    blocks(b, col, cc, text_style, depth + 1);
        }
    } else if (!strcmp(name, "image")) {
        box = new_box(b, parent, BOX_IMAGE, n, text_style);
        if (box)
            image(b, box, n);
    } else if (!strcmp(name, "chart")) {
        box = new_box(b, parent, BOX_CHART, n, styles_get(&b->styles, style_attr, "chart"));
        if (box)
            chart(b, box, n);
    } else if (!strcmp(name, "spacer")) {
        box = new_box(b, parent, BOX_SPACER, n, text_style);
        if (box)
            box->height = doc_parse_length(doc_attr(b, n, "height"));
    } else if (!strcmp(name, "page-break")) {
        new_box(b, parent, BOX_BREAK, n, text_style);
    } else if (!strcmp(name, "signature")) {
        box = new_box(b, parent, BOX_SIGNATURE, n, styles_get(&b->styles, style_attr, "signature"));
        if (box)
            signature(b, box, n);
    }
}

static Box *
container(Builder *b, const xmlNode *n)
{
    if (!n)
        return NULL;
    const Style *st = styles_get(&b->styles, doc_attr(b, n, "style"), "default");
    Box *box = new_box(b, NULL, BOX_CONTAINER, n, st);
    for (const xmlNode *c = box ? n->children : NULL; c; c = c->next)
        if (doc_is_layout(c, NULL))
            blocks(b, box, c, styles_get(&b->styles, NULL, "p"), 1);
    return box;
}

/* A header or footer: page furniture that readers skip (an artifact), but
 * for the first page's header, a letterhead, which is the document's
 * content (the establishment, the kind of document, a letter's place and
 * date), read before the title. The attribute artifact says otherwise. */
static Box *
region(Builder *b, const xmlNode *n, int artifact)
{
    Box *box = container(b, n);
    const char *v = doc_attr(b, n, "artifact");
    if (box)
        box->artifact = v ? !strcmp(v, "true") || !strcmp(v, "1") : artifact;
    return box;
}

static int
length_or(Builder *b, const xmlNode *n, const char *name, const char *dflt)
{
    const char *v = n ? doc_attr(b, n, name) : NULL;
    return doc_parse_length(v ? v : dflt);
}

static void
page_setup(Builder *b, const xmlNode *page)
{
    Doc *d = b->doc;
    const char *size = page ? doc_attr(b, page, "size") : NULL;
    const char *orient = page ? doc_attr(b, page, "orientation") : NULL;
    double w = 595.276, h = 841.890; /* A4 */
    if (size && !strcmp(size, "A5"))
        w = 419.528, h = 595.276;
    else if (size && !strcmp(size, "Letter"))
        w = 612, h = 792;
    if (orient && !strcmp(orient, "landscape")) {
        double t = w;
        w = h;
        h = t;
    }
    d->page_width = (int)lround(w * DOC_UNITS_PER_PT);
    d->page_height = (int)lround(h * DOC_UNITS_PER_PT);
    d->margin_top = length_or(b, page, "margin-top", "15mm");
    d->margin_bottom = length_or(b, page, "margin-bottom", "15mm");
    d->margin_left = length_or(b, page, "margin-left", "20mm");
    d->margin_right = length_or(b, page, "margin-right", "20mm");
    d->header_gap = length_or(b, page, "header-gap", "5mm");
    int min_body = 72 * DOC_UNITS_PER_PT; /* an inch of text at least */
    if (d->page_width - d->margin_left - d->margin_right < min_body ||
        d->page_height - d->margin_top - d->margin_bottom < min_body) {
        run_diag(b->run, DIAG_ERROR, page ? xmlGetLineNo(page) : 0, 0,
                 _("the margins leave less than an inch for the text: make them smaller"));
    }
}

static void
free_doc(void *ptr)
{
    Doc *d = ptr;
    Arena a = d->arena;
    memset(d, 0, sizeof(*d));
    arena_free(&a);
}

void
doc_release(Run *r, Doc *d)
{
    run_release(r, d);
}

Status
doc_build(Run *r, xmlDocPtr layout, const char *base_dir, const DocImageName *names, int nnames,
          int public_copy, Doc **out)
{
    Builder b = {
        .run = r, .public_copy = public_copy, .layout = layout, .names = names, .nnames = nnames};
    unsigned errors = r->nerrors;
    xmlNode *root = xmlDocGetRootElement(layout);
    char resolved[PATH_MAX];

    *out = NULL;
    b.doc = arena_alloc(&r->arena, sizeof(*b.doc));
    if (!b.doc || !root)
        return STATUS_IO;
    Doc *d = b.doc;
    arena_init(&d->arena);
    if (run_defer(r, free_doc, d) != STATUS_OK)
        return STATUS_IO;
    b.a = &d->arena;
    d->base_dir = arena_strdup(b.a, base_dir);
    b.base_real = realpath(base_dir, resolved) ? arena_strdup(b.a, resolved) : NULL;
    d->title = text_attr(&b, root, "title");
    d->author = text_attr(&b, root, "author");
    d->subject = text_attr(&b, root, "subject");
    d->keywords = text_attr(&b, root, "keywords");
    d->lang = doc_attr(&b, root, "lang");
    if (!d->lang)
        d->lang = "fr-FR";
    d->created = doc_attr(&b, root, "created");

    xmlNode *page = NULL, *styles = NULL;
    for (xmlNode *c = root->children; c; c = c->next) {
        if (doc_is_layout(c, "page"))
            page = c;
        else if (doc_is_layout(c, "styles"))
            styles = c;
    }
    styles_read(&b.styles, r, b.a, styles);
    page_setup(&b, page);
    for (xmlNode *c = root->children; c; c = c->next) {
        if (doc_is_layout(c, "first-header"))
            d->first_header = region(&b, c, 0);
        else if (doc_is_layout(c, "header"))
            d->header = region(&b, c, 1);
        else if (doc_is_layout(c, "first-footer"))
            d->first_footer = region(&b, c, 1);
        else if (doc_is_layout(c, "footer"))
            d->footer = region(&b, c, 1);
        else if (doc_is_layout(c, "body"))
            d->body = container(&b, c);
    }
    if (b.a->failed) {
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while reading the layout"));
        return STATUS_IO;
    }
    if (b.io_failed)
        return STATUS_IO;
    if (r->nerrors > errors)
        return STATUS_INVALID;
    *out = d;
    return STATUS_OK;
}
