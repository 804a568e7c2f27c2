/*
 * paginate/measure.c — blocks → slices: each paragraph laid out once.
 *
 * A paragraph becomes an SL_LINES slice that the placer may split between
 * lines. Everything that must not split (a table row group, a framed box, a
 * keep group, columns, an image, a signature) becomes an SL_ATOM: its
 * content is stacked once into fragments relative to its top. A table is
 * cut into its row groups by table.c.
 */
#include <stdlib.h>
#include <string.h>

#include <math.h>
#include <pango/pangocairo.h>

#include "paginate/internal.h"
#include "paginate/svg.h"
#include "core/i18n.h"

#define PT    DOC_UNITS_PER_PT
#define MM(x) ((int)((x)*72.0 / 25.4 * PT))

Frag *
frag_new(Ctx *c, FragKind kind, const Box *box, int x, int y, int w, int h)
{
    Frag *f = arena_alloc(c->a, sizeof(*f));
    if (!f)
        return NULL;
    f->kind = kind;
    /* Decided here, once for every kind, so that no fragment of a header
     * (an image as much as a line of text) can become content. */
    f->role = c->artifact || kind == FRAG_FILL || kind == FRAG_BORDER ? ROLE_ARTIFACT : ROLE_NONE;
    f->box = box;
    f->x = x;
    f->y = y;
    f->w = w;
    f->h = h;
    return f;
}

void
frag_role(Frag *f, FragRole role)
{
    if (f->role != ROLE_ARTIFACT)
        f->role = role;
}

Frag *
frag_copy(Ctx *c, const Frag *f)
{
    Frag *g = arena_alloc(c->a, sizeof(*g));
    if (g) {
        *g = *f;
        g->next = NULL;
    }
    return g;
}

Frag *
frags_copy(Ctx *c, const Frag *frags, int dy)
{
    Frag *head = NULL, **tail = &head;
    for (const Frag *f = frags; f; f = f->next) {
        Frag *g = arena_alloc(c->a, sizeof(*g));
        if (!g)
            break;
        *g = *f;
        g->y += dy;
        g->next = NULL;
        *tail = g;
        tail = &g->next;
    }
    return head;
}

Frag **
frags_append(Ctx *c, Frag **tail, const Frag *src, int dy)
{
    for (Frag *f = frags_copy(c, src, dy); f; f = f->next) {
        *tail = f;
        tail = &f->next;
    }
    return tail;
}

/* Text narrower than this holds a letter or two per line, and a cell of
 * it grows to hundreds of pages: refused, wherever the narrowing comes from
 * (a column, padding, indents). */
#define MIN_TEXT MM(5)

Para *
measure_para(Ctx *c, const RichText *rt, const Style *st, int width, const Box *owner)
{
    if (width < MIN_TEXT) {
        char mm[32];
        i18n_decimal(mm, sizeof mm, doc_pt(width > 0 ? width : 0) * 25.4 / 72.0);
        run_diag(c->run, DIAG_ERROR, owner ? owner->line : 0, 0,
                 _("this text is left %s mm of width by its column, padding and indents; text "
                   "needs at least 5 mm: widen its column, or reduce the padding or the indents"),
                 mm);
        return NULL;
    }
    TextLayout tl = text_layout(c->text, c->run, rt, st, width, c->page, c->count, owner);
    if (tl.nlines == 0)
        return NULL;
    Para *p = arena_alloc(c->a, sizeof(*p));
    if (p)
        *p = tl;
    return p;
}

Slice *
slice_add(Ctx *c, SliceList *out, SliceKind kind, const Box *box, int height)
{
    Slice *s = arena_alloc(c->a, sizeof(*s));
    if (!s)
        return NULL;
    s->kind = kind;
    s->box = box;
    s->height = height;
    if (out->last)
        out->last->next = s;
    else
        out->first = s;
    out->last = s;
    return s;
}

void
slice_space(Ctx *c, SliceList *out, const Box *box, int h)
{
    if (h > 0)
        slice_add(c, out, SL_SPACE, box, h);
}

Frag *
frags_decorate(Ctx *c, const Box *box, const Style *st, int x, int width, const Frag *content,
               int content_h, int total_h, int border)
{
    Frag *head = NULL, **tail = &head;
    int inset = st->border + st->padding;
    if (st->has_background) {
        Frag *f = frag_new(c, FRAG_FILL, box, x, 0, width, total_h);
        if (f) {
            f->color = st->background;
            *tail = f;
            tail = &f->next;
        }
    }
    int dy = inset;
    int free_h = total_h - content_h - 2 * inset;
    if (free_h > 0 && st->valign == VALIGN_MIDDLE)
        dy += free_h / 2;
    else if (free_h > 0 && st->valign == VALIGN_BOTTOM)
        dy += free_h;
    tail = frags_append(c, tail, content, dy);
    if (border && st->border > 0 && st->border_sides) {
        Frag *f = frag_new(c, FRAG_BORDER, box, x, 0, width, total_h);
        if (f) {
            f->color = st->border_color;
            f->border = st->border;
            f->sides = st->border_sides;
            *tail = f;
        }
    }
    return head;
}

static void
atom(Ctx *c, SliceList *out, const Box *box, const Style *st, Frag *frags, int h)
{
    slice_space(c, out, box, st->space_before);
    Slice *s = slice_add(c, out, SL_ATOM, box, h);
    if (s) {
        s->frags = frags;
        s->keep_with_next = st->keep_with_next;
    }
    slice_space(c, out, box, st->space_after);
}

/* A block inside its style's border and padding, stacked. */
static Frag *
framed(Ctx *c, const Box *box, const Style *st, const Box *first, int x, int width, int *h)
{
    int inset = st->border + st->padding;
    int ch = 0;
    Frag *content = measure_stack(c, first, x + inset, width - 2 * inset, &ch);
    *h = ch + 2 * inset;
    return frags_decorate(c, box, st, x, width, content, ch, *h, 1);
}

void
column_widths(const Width *w, int n, int total, int *out)
{
    long fixed = 0, shares = 0;
    for (int i = 0; i < n; i++) {
        if (w[i].kind == WIDTH_FIXED)
            out[i] = w[i].value;
        else if (w[i].kind == WIDTH_PERCENT)
            out[i] = (int)((long)total * w[i].value / 100000);
        else
            out[i] = 0, shares += w[i].value;
        fixed += out[i];
    }
    long left = total - fixed;
    if (left < 0) {
        /* More asked than there is: everything shrinks in proportion. */
        for (int i = 0; i < n; i++)
            out[i] = fixed > 0 ? (int)((long)out[i] * total / fixed) : 0;
        left = 0;
    }
    for (int i = 0; i < n; i++)
        if (w[i].kind == WIDTH_SHARE)
            out[i] = shares > 0 ? (int)(left * w[i].value / shares) : 0;
}

int
columns_usable(Ctx *c, const Box *box, const int *cw, int n, const char *fmt)
{
    for (int i = 0; i < n; i++) {
        if (cw[i] < MIN_TEXT) {
            char mm[32];
            i18n_decimal(mm, sizeof mm, doc_pt(cw[i]) * 25.4 / 72.0);
            run_diag(c->run, DIAG_ERROR, box->line, 0, fmt, i + 1, n, mm);
            return 0;
        }
    }
    return 1;
}

static const char *
list_label(Ctx *c, const Box *list, int i)
{
    static const char *const bullets[] = {"\xe2\x80\xa2", "\xe2\x80\x93", "\xe2\x97\xa6"};
    int n = list->list_start + i;
    if (list->list_kind == LIST_BULLET)
        return bullets[(list->depth - 1) % 3];
    if (list->list_kind == LIST_NUMBER)
        return arena_printf(c->a, "%d.", n);
    char letters[16];
    int k = 15;
    letters[k] = '\0';
    for (int v = n; v > 0 && k > 0; v = (v - 1) / 26)
        letters[--k] = (char)('a' + (v - 1) % 26);
    return arena_printf(c->a, "%s)", letters + k);
}

static void
measure_list(Ctx *c, const Box *list, int x, int width, SliceList *out)
{
    const Style *st = list->style;
    int label_w = MM(list->list_kind == LIST_BULLET ? 5 : 7) + st->size / 4;
    /* Lists nested very deep stop moving right once the text would be
     * narrower than this: their labels take the parent's label column. */
    if (width - label_w < MM(50) && list->parent && list->parent->kind == BOX_ITEM) {
        x -= label_w;
        width += label_w;
    }
    if (label_w > width / 2)
        label_w = width / 2;
    int count = 0;
    for (const Box *item = list->first; item; item = item->next)
        count++;
    int i = 0;
    for (const Box *item = list->first; item; item = item->next, i++) {
        SliceList tmp = {0};
        measure_flow(c, item->first, x + label_w, width - label_w, &tmp);
        /* No item stands alone at a page's foot or top: the first keeps
         * with the second, the one before the last with the last (when it
         * ends in one piece that fits a page: place.c). */
        if (count >= 2 && (i == 0 || i == count - 2)) {
            Slice *end = NULL;
            for (Slice *t = tmp.first; t; t = t->next)
                if (t->kind == SL_LINES || t->kind == SL_ATOM)
                    end = t;
            if (end)
                end->keep_with_next = 1;
        }
        Slice *first = tmp.first;
        while (first && first->kind != SL_LINES && first->kind != SL_ATOM)
            first = first->next;
        if (first) {
            RichText rt = {.text = (char *)list_label(c, list, i)};
            rt.len = rt.text ? (unsigned)strlen(rt.text) : 0;
            Style ls = *st;
            ls.align = ALIGN_LEFT;
            ls.indent_first = 0;
            ls.hyphenate = 0;
            Para *lp = rt.text ? measure_para(c, &rt, &ls, label_w, item) : NULL;
            int dy = 0;
            if (lp && first->kind == SL_LINES && first->para->nlines > 0)
                dy = (first->para->baseline[0] - first->para->top[0]) - lp->baseline[0];
            Frag *f = lp ? frag_new(c, FRAG_TEXT, item, x, dy, label_w, lp->top[1]) : NULL;
            if (f) {
                f->para = lp;
                f->nlines = 1;
                frag_role(f, ROLE_LABEL);
                f->next = first->frags;
                first->frags = f;
            }
        }
        if (tmp.first) {
            if (out->last)
                out->last->next = tmp.first;
            else
                out->first = tmp.first;
            out->last = tmp.last;
        }
    }
}

static void
measure_columns(Ctx *c, const Box *box, int x, int width, SliceList *out)
{
    int n = 0;
    for (const Box *col = box->first; col; col = col->next)
        n++;
    if (n == 0)
        return;
    Width *w = arena_alloc_array(c->a, (size_t)n, sizeof(Width));
    int *cw = arena_alloc_array(c->a, (size_t)n, sizeof(int));
    if (!w || !cw)
        return;
    int i = 0;
    for (const Box *col = box->first; col; col = col->next)
        w[i++] = col->width;
    int gaps = box->gap * (n - 1);
    column_widths(w, n, width - gaps > n * PT ? width - gaps : width, cw);
    if (!columns_usable(c, box, cw, n,
                        _("the <columns> column %d of %d is %s mm wide once the others have "
                          "their share; a column needs at least 5 mm for its text: widen it, or "
                          "give the others less")))
        return;
    Frag *frags = NULL, **tail = &frags;
    int h = 0, cx = x;
    i = 0;
    for (const Box *col = box->first; col; col = col->next, i++) {
        int ch = 0;
        Frag *f = measure_stack(c, col->first, cx, cw[i], &ch);
        tail = frags_append(c, tail, f, 0);
        if (ch > h)
            h = ch;
        cx += cw[i] + box->gap;
    }
    atom(c, out, box, box->style, frags, h);
}

static void
unref_surface(void *p)
{
    cairo_surface_destroy(p);
}

/* Where an image or a chart w wide starts in a column at x, width wide. */
static int
aligned_x(const Box *box, int x, int width, int w)
{
    return box->img_align == ALIGN_CENTER  ? x + (width - w) / 2
           : box->img_align == ALIGN_RIGHT ? x + width - w
                                           : x;
}

/* Cairo's PNG reader over the bytes doc_build read. */
typedef struct PngReader {
    const unsigned char *p;
    size_t left;
} PngReader;

static cairo_status_t
read_png(void *closure, unsigned char *data, unsigned int length)
{
    PngReader *r = closure;
    if (length > r->left)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(data, r->p, length);
    r->p += length;
    r->left -= length;
    return CAIRO_STATUS_SUCCESS;
}

/* An SVG's natural size in pixels: its width and height, else its
 * geometry; 0 when it has none. */
static int
svg_size(const SvgApi *rsvg, RsvgHandle *handle, double *w, double *h)
{
    gdouble pw = 0, ph = 0;
    if (!rsvg->intrinsic_size(handle, &pw, &ph) || pw <= 0 || ph <= 0) {
        RsvgRectangle ink, logical;
        if (!rsvg->geometry(handle, NULL, &ink, &logical, NULL) || logical.width <= 0 ||
            logical.height <= 0)
            return 0;
        pw = logical.width;
        ph = logical.height;
    }
    *w = pw;
    *h = ph;
    return 1;
}

/* Draws the SVG im (checked by doc_build) once, into a recording surface
 * that paint replays wherever it is shown: whatever goes wrong in librsvg
 * goes wrong here, said at the element naming the image, and never on the
 * page's drawing context (a failed draw there would leave its groups and
 * tags unbalanced, and a filter's paint as a page's first mark breaks
 * Cairo 1.16's tagged PDF). The recording is at most SVG_RECORD_PIXELS
 * large, so that what librsvg rasterises (filters) stays bounded. */
#define SVG_RECORD_PIXELS (4.0 * 1000 * 1000)
#define SVG_RECORD_SCALE  4.0

static int
record_svg(Ctx *c, const Image *im, Decoded *d)
{
    GError *err = NULL;
    cairo_surface_t *rec = NULL;
    cairo_t *cr = NULL;
    RsvgHandle *handle = NULL;
    int ok = 0;
    const char *why = NULL;
    const SvgApi *rsvg = svg_api(&why);
    if (!rsvg) {
        run_diag(c->run, DIAG_ERROR, im->line, im->col,
                 _("%s is an SVG image, and copil could not load librsvg, which draws them (%s); "
                   "install the package librsvg2-2, or export the image as PNG"),
                 im->subject, why);
        goto out;
    }
    handle = rsvg->new_from_data(im->data, im->len, &err);
    if (!handle) {
        run_diag(c->run, DIAG_ERROR, im->line, im->col,
                 _("%s is not a readable SVG image: the SVG reader refused it; export it again as "
                   "plain SVG"),
                 im->subject);
        goto out;
    }
    rsvg->set_dpi(handle, 96);
    double w, h;
    if (!svg_size(rsvg, handle, &w, &h)) {
        run_diag(c->run, DIAG_ERROR, im->line, im->col,
                 _("%s has no size: give the SVG a width and a height, or a viewBox"), im->subject);
        goto out;
    }
    double k = fmin(SVG_RECORD_SCALE, sqrt(SVG_RECORD_PIXELS / (w * h)));
    cairo_rectangle_t extents = {0, 0, ceil(w * k), ceil(h * k)};
    rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    cr = cairo_create(rec);
    RsvgRectangle viewport = {0, 0, w * k, h * k};
    if (!rsvg->render(handle, cr, &viewport, &err) || cairo_status(cr) != CAIRO_STATUS_SUCCESS ||
        cairo_surface_status(rec) != CAIRO_STATUS_SUCCESS) {
        run_diag(c->run, DIAG_ERROR, im->line, im->col,
                 _("%s is not a readable SVG image: it could not be drawn (it may ask for more "
                   "work than copil allows); simplify it, or export it as PNG"),
                 im->subject);
        goto out;
    }
    cairo_destroy(cr);
    cr = NULL;
    if (run_defer(c->run, unref_surface, rec) != STATUS_OK) {
        rec = NULL; /* destroyed by run_defer */
        run_diag(c->run, DIAG_ERROR, 0, 0, _("out of memory while laying out the document"));
        goto out;
    }
    d->surface = rec;
    rec = NULL;
    d->width = w;
    d->height = h;
    d->scale = k;
    ok = 1;
out:
    if (cr)
        cairo_destroy(cr);
    if (rec)
        cairo_surface_destroy(rec);
    if (handle)
        g_object_unref(handle);
    g_clear_error(&err);
    return ok;
}

/* The image doc_build read and checked, decoded on its first use in the
 * run: a PNG surface or an SVG's recording, kept in c->images for every
 * other box showing it. An SVG is read without a base file, so it cannot
 * pull in other files. NULL (said once) when it cannot be decoded. */
static const Decoded *
decode_image(Ctx *c, const Image *im)
{
    Decoded *d = c->images;
    while (d && d->img != im)
        d = d->next;
    if (d)
        return d->failed ? NULL : d;
    d = arena_alloc(&c->run->arena, sizeof(*d)); /* for the run, not c->a's blocks */
    if (!d) {
        run_diag(c->run, DIAG_ERROR, 0, 0, _("out of memory while laying out the document"));
        return NULL;
    }
    d->img = im;
    d->failed = 1;
    d->next = c->images;
    c->images = d;
    if (im->kind == IMAGE_SVG) {
        if (!record_svg(c, im, d))
            return NULL;
        d->failed = 0;
        return d;
    }
    PngReader reader = {im->data, im->len};
    cairo_surface_t *img = cairo_image_surface_create_from_png_stream(read_png, &reader);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        run_diag(c->run, DIAG_ERROR, im->line, im->col,
                 _("%s is not a readable PNG image: it is damaged; export it again"), im->subject);
        cairo_surface_destroy(img);
        return NULL;
    }
    if (run_defer(c->run, unref_surface, img) != STATUS_OK) {
        run_diag(c->run, DIAG_ERROR, 0, 0, _("out of memory while laying out the document"));
        return NULL;
    }
    d->surface = img;
    d->width = cairo_image_surface_get_width(img);
    d->height = cairo_image_surface_get_height(img);
    d->scale = 1;
    d->failed = 0;
    return d;
}

static void
measure_image(Ctx *c, const Box *box, int x, int width, SliceList *out)
{
    const Decoded *im = box->img ? decode_image(c, box->img) : NULL;
    if (!im)
        return;
    double pw = im->width, ph = im->height;
    if (pw <= 0 || ph <= 0)
        return;
    double w = box->img_width, h = box->img_height;
    if (w <= 0 && h <= 0)
        w = pw * 0.75 * PT, h = ph * 0.75 * PT;
    else if (w <= 0)
        w = h * pw / ph;
    else if (h <= 0)
        h = w * ph / pw;
    if (w > width) {
        h = h * width / w;
        w = width;
    }
    Frag *f = frag_new(c, FRAG_IMAGE, box, aligned_x(box, x, width, (int)w), 0, (int)w, (int)h);
    if (f) {
        f->image = im->surface;
        f->image_w = pw * im->scale;
        f->image_h = ph * im->scale;
        f->alt = box->alt;
    }
    atom(c, out, box, box->style, f, (int)h);
}

/* A chart's label with French typography, its missing glyphs said as a
 * paragraph's are. */
static const char *
typeset(Ctx *c, const Box *box, const char *s)
{
    unsigned len;
    const char *t = s ? text_typography(c->a, s, (unsigned)strlen(s), NULL, &len) : NULL;
    if (t)
        text_check_glyphs(c->text, c->run, t, len, box);
    return t;
}

/* A chart is an atom of its given size; its labels get French typography
 * here and its text alternative is written from its data. */
static void
measure_chart(Ctx *c, const Box *box, int x, int width, SliceList *out)
{
    const Chart *src = box->chart;
    Chart *ch = src ? arena_alloc(c->a, sizeof(*ch)) : NULL;
    if (!ch)
        return;
    *ch = *src;
    const char **labels = arena_alloc_array(c->a, src->npoints, sizeof(char *));
    const char **series =
        src->series ? arena_alloc_array(c->a, src->nseries, sizeof(char *)) : NULL;
    if (!labels || (src->series && !series))
        return;
    ch->title = typeset(c, box, src->title);
    for (int i = 0; i < src->npoints; i++)
        labels[i] = typeset(c, box, src->labels[i]);
    for (int i = 0; series && i < src->nseries; i++)
        series[i] = typeset(c, box, src->series[i]);
    ch->labels = labels;
    ch->series = series;

    int w = box->img_width > 0 && box->img_width < width ? box->img_width : width;
    int h = box->img_height;
    Fonts *fonts = text_fonts(c->text);
    Frag *f = frag_new(c, FRAG_CHART, box, aligned_x(box, x, width, w), 0, w, h);
    if (f) {
        f->chart = ch;
        f->pango = fonts_context(fonts);
        f->family = fonts_family(fonts, box->style->font);
        if (!f->family)
            f->family = fonts_family(fonts, "sans");
        f->alt = chart_alt(&c->run->arena, ch); /* the finish stage's, after the page */
    }
    atom(c, out, box, box->style, f, h);
}

/* Lays out rt at (x, y) as one text fragment linked at **tail (which then
 * moves on); returns its height, 0 when there is nothing to lay out. */
static int
text_at(Ctx *c, const Box *box, const RichText *rt, const Style *st, int x, int y, int width,
        Frag ***tail)
{
    Para *p = rt ? measure_para(c, rt, st, width, box) : NULL;
    Frag *f = p ? frag_new(c, FRAG_TEXT, box, x, y, width, p->top[p->nlines]) : NULL;
    if (!f)
        return 0;
    f->para = p;
    f->nlines = p->nlines;
    frag_role(f, ROLE_P);
    **tail = f;
    *tail = &f->next;
    return f->h;
}

/* "Fait à …, le …", the role, the blank area (a future signature field),
 * the name. The line stands 4 mm above the role, so that it does not read
 * as part of it (and a date written by hand after it has room). */
static void
measure_signature(Ctx *c, const Box *box, int x, int width, SliceList *out)
{
    const Style *st = box->style;
    Frag *frags = NULL, **tail = &frags;
    int y = 0, h;
    if ((h = text_at(c, box, box->sig_line, st, x, y, width, &tail)))
        y += h + MM(4);
    if ((h = text_at(c, box, box->sig_role, st, x, y, width, &tail)))
        y += h + PT;
    Frag *area = frag_new(c, FRAG_SIGNATURE, box, x, y, width, box->height);
    if (area) {
        area->color = 0xB0B0B0;
        *tail = area;
        tail = &area->next;
    }
    y += box->height + PT;
    y += text_at(c, box, box->sig_name, st, x, y, width, &tail);
    atom(c, out, box, st, frags, y);
}

static int
decorated(const Style *st)
{
    return st->has_background || st->border > 0 || st->padding > 0;
}

int
measure_flows_through(const Box *b)
{
    switch (b->kind) {
    case BOX_CONTAINER:
    case BOX_ITEM:
    case BOX_ROW:
    case BOX_CELL:
    case BOX_COLUMN:
        return 1;
    default:
        return 0;
    }
}

void
measure_flow(Ctx *c, const Box *first, int x, int width, SliceList *out)
{
    for (const Box *b = first; b; b = b->next)
        measure_block(c, b, x, width, out);
}

void
measure_block(Ctx *c, const Box *b, int x, int width, SliceList *out)
{
    if (measure_flows_through(b)) {
        measure_flow(c, b->first, x, width, out);
        return;
    }
    const Style *st = b->style;
    switch (b->kind) {
    case BOX_PARA: {
        int ix = x + st->indent_left;
        int iw = width - st->indent_left - st->indent_right;
        if (decorated(st)) {
            /* A paragraph with a frame moves whole, like a box. */
            int inset = st->border + st->padding;
            Frag *f = NULL, **tail = &f;
            int th = text_at(c, b, b->text, st, ix + inset, 0, iw - 2 * inset, &tail);
            if (f)
                atom(c, out, b, st, frags_decorate(c, b, st, ix, iw, f, th, th + 2 * inset, 1),
                     th + 2 * inset);
            break;
        }
        slice_space(c, out, b, st->space_before);
        Para *p = measure_para(c, b->text, st, iw, b);
        Slice *s = p ? slice_add(c, out, SL_LINES, b, p->top[p->nlines]) : NULL;
        if (!s)
            break;
        s->para = p;
        s->x = ix;
        s->w = iw;
        s->orphans = st->orphans;
        s->widows = st->widows;
        s->keep_with_next = st->keep_with_next;
        s->role = !strcmp(b->element, "text") ? ROLE_TEXT : ROLE_P;
        if (b->id) {
            Frag *a = frag_new(c, FRAG_ANCHOR, b, ix, 0, iw, 0);
            if (a) {
                a->next = s->frags;
                s->frags = a;
            }
        }
        slice_space(c, out, b, st->space_after);
        break;
    }
    case BOX_LIST:
        measure_list(c, b, x, width, out);
        break;
    case BOX_TABLE:
        measure_table(c, b, x, width, out);
        break;
    case BOX_FRAME:
    case BOX_KEEP: {
        int h = 0;
        Frag *f = framed(c, b, st, b->first, x, width, &h);
        atom(c, out, b, st, f, h);
        break;
    }
    case BOX_COLUMNS:
        measure_columns(c, b, x, width, out);
        break;
    case BOX_IMAGE:
        measure_image(c, b, x, width, out);
        break;
    case BOX_CHART:
        measure_chart(c, b, x, width, out);
        break;
    case BOX_SPACER:
        /* Space like any other: dropped at the top of a page. */
        slice_space(c, out, b, b->height);
        break;
    case BOX_BREAK:
        slice_add(c, out, SL_BREAK, b, 0);
        break;
    case BOX_SIGNATURE:
        measure_signature(c, b, x, width, out);
        break;
    default: /* the boxes that flow through, above */
        break;
    }
}

Frag *
measure_stack(Ctx *c, const Box *first, int x, int width, int *height)
{
    SliceList sl = {0};
    measure_flow(c, first, x, width, &sl);
    Frag *head = NULL, **tail = &head;
    int y = 0, pending = 0;
    for (const Slice *s = sl.first; s; s = s->next) {
        switch (s->kind) {
        case SL_SPACE:
            if (y > 0 && s->height > pending)
                pending = s->height;
            break;
        case SL_BREAK:
            break;
        case SL_LINES: {
            y += pending;
            pending = 0;
            /* A list item's label (and an anchor) before the text, as in
             * place.c: the order the fragments are painted in is the
             * order they are read in. */
            tail = frags_append(c, tail, s->frags, y);
            Frag *f = frag_new(c, FRAG_TEXT, s->box, s->x, y, s->w, s->height);
            if (f) {
                f->para = s->para;
                f->nlines = s->para->nlines;
                frag_role(f, s->role);
                *tail = f;
                tail = &f->next;
            }
            y += s->height;
            break;
        }
        case SL_ATOM:
            y += pending;
            pending = 0;
            tail = frags_append(c, tail, s->frags, y);
            y += s->height;
            break;
        }
    }
    *height = y;
    return head;
}
