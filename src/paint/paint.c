/*
 * paint/paint.c — drawing fragments, with structure tags, links and outline.
 *
 * Tags follow the box tree: for each fragment, the chain of its boxes
 * (Table › TR › TD › P…) is compared with the tags open now; tags are closed
 * and opened to match. At the end of a page, all tags close but Document
 * and a list's (crosses_pages), so a paragraph split by a page is two P
 * elements, a list one L. Headers, footers, fills
 * and borders (artifacts) go into NonStruct elements of their own, which
 * the finish stage turns into /Artifact, since Cairo 1.16 cannot mark
 * artifacts (see ARTIFACT_TAG). Links use named destinations only: Cairo
 * 1.16 loses a page=N link to a later page. A line that ends between two
 * words ends with a space glyph without ink, so that the PDF's text keeps
 * them apart: its own, from text_layout, or one drawn (draw_separator). A row's cells are all
 * tagged, those with nothing drawn on the page as empty TH or TD (tag_skipped_cells); the cells,
 * links and Figures tagged and the signature areas drawn go to paint's record, for the finish
 * stage.
 *
 * Pages come one at a time (paint_page), as pagination makes them, and are
 * forgotten once drawn. The headers and footers that show the page count
 * come last, once the count is known: each page's on a page of its own
 * after the body's, which the finish stage puts back into its body page
 * (PaintRecord.late).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <hb.h>
#include <pango/pangocairo.h>

#include "paint/paint.h"
#include "core/i18n.h"

typedef struct Tag {
    const Box *box;
    const char *name;
    const Para *part; /* the text of a P that is one of several of its box (a signature's) */
    const Box *cell;  /* a TR's: the last cell tagged in it */
} Tag;

struct Painter {
    Run *run;
    cairo_t *cr;
    cairo_surface_t *surface;
    Tag open[PAINT_MAX_TAGS];
    int nopen;
    int outline_parent[4]; /* last outline entry per heading level */
    unsigned char *holds;  /* per box index: 0 not known, 1 no, 2 yes (holds_elements) */
    unsigned nboxes;
    int warned_artifact_link; /* once per document */
    PaintRecord *record;      /* NULL: nothing recorded */
    int page_height;          /* the document's, in layout units */
    int pages, late_pages;    /* drawn so far: the body's, then the late margins' */
    Status status;            /* STATUS_IO once paint_page was called out of order */
};

static void
set_color(cairo_t *cr, uint32_t rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                         (rgb & 0xFF) / 255.0);
}

/* A quoted attribute value for Cairo's tag attributes. */
static char *
quoted(Arena *a, const char *s)
{
    size_t n = strlen(s);
    char *d = arena_alloc(a, n * 2 + 3);
    size_t o = 0;
    if (!d)
        return NULL;
    d[o++] = '\'';
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            d[o++] = '\\';
        d[o++] = *s;
    }
    d[o++] = '\'';
    d[o] = '\0';
    return d;
}

/* --- the record for the finish stage ------------------------------------- */

/* Room for one more element of size bytes in *items (n used of *cap), the
 * array doubled in the arena when full; 0 out of memory (the arena says so,
 * and the record stops growing: its counts then differ from the tree's). */
static int
grow(Arena *a, void **items, int n, int *cap, size_t size)
{
    if (n < *cap)
        return 1;
    int want = *cap ? *cap * 2 : 64;
    void *more = arena_alloc_array(a, (size_t)want, size);
    if (!more)
        return 0;
    if (n)
        memcpy(more, *items, (size_t)n * size);
    *items = more;
    *cap = want;
    return 1;
}

static void
record_cell(Painter *p, const Box *cell)
{
    PaintRecord *rec = p->record;
    if (!rec || !grow(&p->run->arena, (void **)&rec->cells, rec->ncells, &rec->cap_cells,
                      sizeof(*rec->cells)))
        return;
    PaintCell *c = &rec->cells[rec->ncells++];
    c->header = cell->header ? 1 : cell->row_header ? 2 : 0;
    pg_cell_span(cell, &c->cols, &c->rows);
}

static void
record_link(Painter *p, const Para *para, const TextLink *link)
{
    PaintRecord *rec = p->record;
    Arena *a = &p->run->arena;
    if (rec && grow(a, (void **)&rec->links, rec->nlinks, &rec->cap_links, sizeof(*rec->links)))
        rec->links[rec->nlinks++] = (PaintLink){para->text, para->len, link->start, link->end,
                                                link->href ? arena_strdup(a, link->href) : NULL};
}

static void
record_figure(Painter *p, const char *alt)
{
    PaintRecord *rec = p->record;
    Arena *a = &p->run->arena;
    if (rec &&
        grow(a, (void **)&rec->figures, rec->nfigures, &rec->cap_figures, sizeof(*rec->figures)))
        rec->figures[rec->nfigures++] = alt ? arena_strdup(a, alt) : NULL;
}

/* The blank area of a signature block (page: 0-based) where the finish
 * stage puts its field, named after the block, its signatory the field's
 * accessible name. */
static void
record_signature(Painter *p, int page, const Frag *f)
{
    PaintRecord *rec = p->record;
    Arena *a = &p->run->arena;
    if (!rec || !grow(a, (void **)&rec->sigs, rec->nsigs, &rec->cap_sigs, sizeof(*rec->sigs)))
        return;
    const Box *b = f->box;
    const char *role = b->sig_role ? b->sig_role->text : NULL;
    const char *name = b->sig_name ? b->sig_name->text : NULL;
    PaintSignature *s = &rec->sigs[rec->nsigs];
    s->name = b->id ? arena_strdup(a, b->id) : arena_printf(a, "Signature-%d", rec->nsigs + 1);
    s->label = role && name ? arena_printf(a, "%s, %s", role, name)
               : role       ? arena_strdup(a, role)
               : name       ? arena_strdup(a, name)
                            : s->name;
    if (!s->name || !s->label)
        return; /* the arena's failure says why the record is short */
    double height = doc_pt(p->page_height);
    s->page = page;
    s->x0 = doc_pt(f->x);
    s->x1 = doc_pt(f->x + f->w);
    s->y0 = height - doc_pt(f->y + f->h);
    s->y1 = height - doc_pt(f->y);
    rec->nsigs++;
}

/* --- structure tags ---------------------------------------------------- */

static const char *
box_tag(const Box *b, FragRole role)
{
    switch (b->kind) {
    case BOX_TABLE:
        return "Table";
    case BOX_ROW:
        return "TR";
    case BOX_CELL:
        return b->header || b->row_header ? "TH" : "TD";
    case BOX_LIST:
        return "L";
    case BOX_ITEM:
        return "LI";
    case BOX_IMAGE:
    case BOX_CHART:
        return "Figure";
    case BOX_SIGNATURE:
        return "Div";
    case BOX_PARA:
        if (role == ROLE_TEXT)
            return NULL;
        if (b->level == 1)
            return "H1";
        if (b->level == 2)
            return "H2";
        if (b->level == 3)
            return "H3";
        return "P";
    default:
        return NULL;
    }
}

/* The tags a fragment's content sits in, outermost first. */
static int
chain_of(const Frag *f, Tag *chain)
{
    const Box *boxes[PAINT_MAX_TAGS];
    int n = 0, k = 0;
    for (const Box *b = f->box; b && n < PAINT_MAX_TAGS / 2; b = b->parent)
        boxes[n++] = b;
    for (int i = n - 1; i >= 0; i--) {
        const Box *b = boxes[i];
        const char *name = box_tag(b, i == 0 ? f->role : ROLE_P);
        if (name && k < PAINT_MAX_TAGS - 1)
            chain[k++] = (Tag){.box = b, .name = name};
        /* A signature block's lines (place and date, role, name) are
         * paragraphs of its Div, each its own: read as one, "La présidente
         * de séance" and "Mme Hélène Rousseau" ran together. */
        if (i == 0 && b->kind == BOX_SIGNATURE && f->kind == FRAG_TEXT && k < PAINT_MAX_TAGS - 1)
            chain[k++] = (Tag){.box = b, .name = "P", .part = f->para};
        if (b->kind == BOX_ITEM && k < PAINT_MAX_TAGS - 1) {
            int label = i == 0 && f->role == ROLE_LABEL;
            chain[k++] = (Tag){.box = b, .name = label ? "Lbl" : "LBody"};
            if (label)
                break;
        }
    }
    return k;
}

/* Tags, empty, the cells of the row that t (an open TR) holds from the one
 * after its last tagged cell up to stop (NULL: to the row's end), and makes
 * stop its last tagged cell; nothing when stop comes before (a cell opened
 * again: it is no skipped one). A cell with nothing drawn on this page
 * (empty, or its text all on another page of a row cut by a page) is
 * still a TH or TD: without it, a reader puts the next cells in the wrong
 * columns. */
static void
tag_skipped_cells(Painter *p, Tag *t, const Box *stop)
{
    const Box *from = t->cell ? t->cell->next : t->box->first, *c = from;
    while (stop && c && c != stop)
        c = c->next;
    if (stop && !c)
        return;
    for (c = from; c && c != stop; c = c->next) {
        const char *name = box_tag(c, ROLE_P);
        cairo_tag_begin(p->cr, name, NULL);
        cairo_tag_end(p->cr, name);
        record_cell(p, c);
    }
    t->cell = stop;
}

static void
close_to(Painter *p, int depth)
{
    while (p->nopen > depth) {
        p->nopen--;
        Tag *t = &p->open[p->nopen];
        if (t->box && t->box->kind == BOX_ROW)
            tag_skipped_cells(p, t, NULL);
        cairo_tag_end(p->cr, t->name);
    }
}

static void
open_chain(Painter *p, const Frag *f)
{
    Tag chain[PAINT_MAX_TAGS];
    int n = chain_of(f, chain);
    int same = 1; /* open[0] is Document */
    while (same < p->nopen && same - 1 < n && p->open[same].box == chain[same - 1].box &&
           p->open[same].part == chain[same - 1].part &&
           !strcmp(p->open[same].name, chain[same - 1].name))
        same++;
    close_to(p, same);
    for (int i = same - 1; i < n && p->nopen < PAINT_MAX_TAGS; i++) {
        Tag *row = p->nopen > 1 ? &p->open[p->nopen - 1] : NULL;
        int cell = chain[i].box->kind == BOX_CELL;
        if (cell && row && row->box == chain[i].box->parent)
            tag_skipped_cells(p, row, chain[i].box);
        cairo_tag_begin(p->cr, chain[i].name, NULL);
        p->open[p->nopen++] = chain[i];
        if (cell)
            record_cell(p, chain[i].box); /* its TH or TD (box_tag) */
        else if (!strcmp(chain[i].name, "Figure"))
            record_figure(p, f->alt);
    }
}

/* Running headers and footers (their text, images and charts alike), and
 * the fills and borders of blocks and cells, are not content: a reader must
 * skip them. The first page's letterhead is content, read before the title
 * (unless the layout marks it artifact, doc/doc.c). Pagination says so in the
 * fragment's role (ROLE_ARTIFACT). Cairo 1.16 cannot mark an artifact, so
 * they are drawn in a NonStruct element of their own, which the finish stage
 * turns into /Artifact marked content and removes from the structure tree
 * (pdf/finish.c). */
#define ARTIFACT_TAG "NonStruct"

static int
is_artifact(const Frag *f)
{
    return f->role == ROLE_ARTIFACT;
}

/* Fills and borders (and the frames of signature areas) are drawn first on
 * each page, all together: Cairo marks only what is drawn in a leaf
 * element, so a cell's border drawn among its paragraphs would be left
 * unmarked. */
static int
is_decoration(const Frag *f)
{
    if (f->kind == FRAG_SIGNATURE) {
        /* The frame that shows where to sign, once the block's lines are
         * paragraphs of its Div (chain_of): the Div is no leaf then. The
         * field's Form element says what the frame shows. */
        const Box *b = f->box;
        return b->sig_line || b->sig_role || b->sig_name;
    }
    return f->kind == FRAG_FILL || f->kind == FRAG_BORDER;
}

static int holds_elements(Painter *p, const Box *b);

/* 1 for an element that holds only elements and stays open across a page
 * break: a list, its items, an item's body made of blocks. A list split by
 * a page is one L, with all its items; a paragraph, a cell or a table split
 * by a page is two (a table's header rows are repeated on the next page). */
static int
crosses_pages(Painter *p, const Tag *t)
{
    if (!t->box)
        return 0;
    if (!strcmp(t->name, "L") || !strcmp(t->name, "LI"))
        return 1;
    return !strcmp(t->name, "LBody") && holds_elements(p, t->box);
}

/* How many open tags stay open at a page break (Document, then those that
 * cross pages). */
static int
kept_open(Painter *p)
{
    int d = 1;
    while (d < p->nopen && crosses_pages(p, &p->open[d]))
        d++;
    return d;
}

/* Opens an artifact element, unless one is open already: consecutive
 * artifacts share it. It goes under Document, or under the list that
 * crosses the page break, which holds only elements: the artifact element
 * leaves the tree in pdf/finish.c wherever it is. */
static void
open_artifact(Painter *p)
{
    if (p->nopen >= 2 && !p->open[p->nopen - 1].box &&
        !strcmp(p->open[p->nopen - 1].name, ARTIFACT_TAG))
        return;
    close_to(p, kept_open(p));
    cairo_tag_begin(p->cr, ARTIFACT_TAG, NULL);
    p->open[p->nopen++] = (Tag){.name = ARTIFACT_TAG};
}

/* --- drawing ------------------------------------------------------------ */

/* Where line j ends in the paragraph's text. */
static int
line_end(const Para *para, int j)
{
    return (int)para->base[j] + para->lines[j]->start_index + para->lines[j]->length;
}

static void
draw_links(Painter *p, const Frag *f)
{
    const Para *para = f->para;
    for (const TextLink *l = para->links; l; l = l->next) {
        GString *rects = g_string_new(NULL);
        /* The first line of f that ends after the link's start, found by
         * halving: a long paragraph with many links costs no product of
         * the two. */
        int lo = f->first_line, hi = f->first_line + f->nlines;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (line_end(para, mid) <= l->start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (int j = lo; j < f->first_line + f->nlines; j++) {
            PangoLayoutLine *line = para->lines[j];
            int *ranges = NULL, nr = 0;
            /* Offsets in the text of the line's own layout. */
            int start = l->start - (int)para->base[j], end = l->end - (int)para->base[j];
            if (start >= line->start_index + line->length)
                continue;
            if (end <= line->start_index)
                break;
            pango_layout_line_get_x_ranges(line, start > 0 ? start : 0, end, &ranges, &nr);
            double top = doc_pt(f->y + para->top[j] - para->top[f->first_line]);
            double h = doc_pt(para->top[j + 1] - para->top[j]);
            for (int k = 0; k < nr; k++)
                g_string_append_printf(rects, "%.2f %.2f %.2f %.2f ", doc_pt(f->x + ranges[2 * k]),
                                       top, doc_pt(ranges[2 * k + 1] - ranges[2 * k]), h);
            g_free(ranges);
        }
        if (rects->len > 0) {
            char *target =
                l->href ? quoted(&p->run->arena, l->href) : quoted(&p->run->arena, l->to);
            char *attrs = arena_printf(&p->run->arena, "%s=%s rect=[%s]", l->href ? "uri" : "dest",
                                       target ? target : "''", rects->str);
            if (attrs) {
                record_link(p, para, l);
                cairo_tag_begin(p->cr, CAIRO_TAG_LINK, attrs);
                cairo_tag_end(p->cr, CAIRO_TAG_LINK);
            }
        }
        g_string_free(rects, TRUE);
    }
}

static void
heading_outline(Painter *p, const Frag *f)
{
    const Box *b = f->box;
    if (b->kind != BOX_PARA || b->level < 1 || b->level > 3 || f->first_line != 0 || is_artifact(f))
        return;
    const char *name = b->id ? b->id : arena_printf(&p->run->arena, "h-%u", b->index);
    char *q = name ? quoted(&p->run->arena, name) : NULL;
    if (!q)
        return;
    if (!b->id) {
        char *attrs =
            arena_printf(&p->run->arena, "name=%s x=%.2f y=%.2f", q, doc_pt(f->x), doc_pt(f->y));
        cairo_tag_begin(p->cr, CAIRO_TAG_DEST, attrs);
        cairo_tag_end(p->cr, CAIRO_TAG_DEST);
    }
    /* The title: the heading's text without soft hyphens or line breaks. */
    const char *text = f->para->text;
    GString *title = g_string_new(NULL);
    for (const char *s = text; *s; s++) {
        if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xAD) {
            s++;
            continue;
        }
        g_string_append_c(title, *s == '\n' ? ' ' : *s);
    }
    int parent = b->level > 1 ? p->outline_parent[b->level - 1] : CAIRO_PDF_OUTLINE_ROOT;
    char *link = arena_printf(&p->run->arena, "dest=%s", q);
    int id = cairo_pdf_surface_add_outline(p->surface, parent, title->str, link, 0);
    g_string_free(title, TRUE);
    for (int l = b->level; l < 4; l++)
        p->outline_parent[l] = id;
}

static int
is_anonymous(const Box *b)
{
    return b->kind == BOX_PARA && !strcmp(b->element, "text");
}

static int
has_links(const Box *b)
{
    for (const Span *sp = b->text ? b->text->spans : NULL; sp; sp = sp->next)
        if (sp->kind == SPAN_LINK)
            return 1;
    return 0;
}

/* 1 when something below b is a structure element of its own: a tagged
 * block, or a link (an element with its annotation) in text that has no
 * element of its own. Remembered per box. */
static int
holds_elements(Painter *p, const Box *b)
{
    unsigned char *known = b->index < p->nboxes ? &p->holds[b->index] : NULL;
    if (known && *known)
        return *known == 2;
    int yes = 0;
    for (const Box *c = b->first; c && !yes; c = c->next)
        yes = is_anonymous(c) ? has_links(c) : box_tag(c, ROLE_P) || holds_elements(p, c);
    if (known)
        *known = yes ? 2 : 1;
    return yes;
}

/* Cairo marks only the content of leaf elements. Text drawn in an element
 * that also holds elements (a paragraph with links, a cell with a list
 * after its text) would be left unmarked: it goes into a Span of its own.
 * An artifact's text never does: its NonStruct element must stay a leaf to
 * leave the tree (pdf/finish.c). */
static int
needs_span(Painter *p, const Frag *f)
{
    if (f->role == ROLE_LABEL || is_artifact(f))
        return 0;
    if (f->para->links)
        return 1;
    return f->role == ROLE_TEXT && f->box->parent && holds_elements(p, f->box->parent);
}

/* 1 when line j of para ends between two words: the last character before
 * line j + 1 is a space or a hard line break (<br>, the end of a paragraph
 * of the text). Not after a soft hyphen (the word goes on), nor at a break
 * Pango took inside a word or after a dash or a slash, nor after the last
 * line. A no-break space never ends a line unless the line had no other
 * break: it then stands between two words all the same. */
static int
ends_between_words(const Para *para, int j)
{
    if (j + 1 >= para->nlines)
        return 0;
    unsigned start = para->base[j] + (unsigned)para->lines[j]->start_index;
    unsigned next = para->base[j + 1] + (unsigned)para->lines[j + 1]->start_index;
    if (next > para->len || next <= start)
        return 0;
    const char *prev = g_utf8_find_prev_char(para->text + start, para->text + next);
    if (!prev)
        return 0;
    gunichar c = g_utf8_get_char_validated(prev, (gssize)(para->text + next - prev));
    return c != (gunichar)-1 && c != (gunichar)-2 && (g_unichar_isspace(c) || c == 0x2028);
}

/* v, or v moved by 1/32 when it is within 1/64 of a whole number. */
static double
off_grid(double v)
{
    return fabs(v - nearbyint(v)) < 1.0 / 64 ? v + 1.0 / 32 : v;
}

/* Draws, at the end of a line that ends between two words without a space
 * glyph of its own, a space glyph in the font of the line's last
 * character, with the text " ": the separator a reader of the PDF's text
 * gets between the words of two lines. A line that a wrap ended at a space
 * has its own (text_layout gives it one, drawn with the line); a hard line
 * break draws nothing, and neither does a space at the end of a
 * right-to-left run: without this, the last word of a line and the first
 * of the next are read as one. A space has no ink: nothing visible moves,
 * whatever the line's alignment. */
static void
draw_separator(Painter *p, PangoLayoutLine *line, double x, double y)
{
    const PangoGlyphItem *last = NULL;
    for (GSList *l = line->runs; l; l = l->next) {
        const PangoGlyphItem *run = l->data;
        if (run->item && run->item->analysis.font &&
            (!last || run->item->offset > last->item->offset))
            last = run;
    }
    if (!last || !PANGO_IS_CAIRO_FONT(last->item->analysis.font))
        return;
    PangoFont *font = last->item->analysis.font;
    hb_codepoint_t glyph;
    if (!hb_font_get_nominal_glyph(pango_font_get_hb_font(font), ' ', &glyph))
        return;
    cairo_scaled_font_t *sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    if (!sf)
        return;
    PangoRectangle logical;
    pango_layout_line_get_extents(line, NULL, &logical);
    /* Cairo drops a drawing with no ink whose point falls on a whole
     * device unit (its extents round to an empty rectangle): the point is
     * moved off the grid by a fraction of a unit, which shows nothing. */
    double dx = x + doc_pt(logical.x + logical.width), dy = y;
    cairo_user_to_device(p->cr, &dx, &dy);
    dx = off_grid(dx);
    dy = off_grid(dy);
    cairo_device_to_user(p->cr, &dx, &dy);
    cairo_glyph_t g = {glyph, dx, dy};
    cairo_text_cluster_t cluster = {1, 1};
    cairo_save(p->cr);
    cairo_set_scaled_font(p->cr, sf);
    cairo_show_text_glyphs(p->cr, " ", 1, &g, 1, &cluster, 1, 0);
    cairo_restore(p->cr);
}

static void
draw_text(Painter *p, const Frag *f)
{
    const Para *para = f->para;
    heading_outline(p, f);
    int span = needs_span(p, f);
    if (span)
        cairo_tag_begin(p->cr, "Span", NULL);
    for (int j = f->first_line; j < f->first_line + f->nlines && j < para->nlines; j++) {
        PangoLayoutLine *line = para->lines[j];
        double x = doc_pt(f->x + para->xoff[j]);
        double y = doc_pt(f->y + para->baseline[j] - para->top[f->first_line]);
        cairo_move_to(p->cr, x, y);
        pango_cairo_show_layout_line(p->cr, line);
        if (!is_artifact(f) && !text_line_shows_space(line) && ends_between_words(para, j))
            draw_separator(p, line, x, y);
    }
    if (span)
        cairo_tag_end(p->cr, "Span");
    if (para->links && !is_artifact(f))
        draw_links(p, f);
    else if (para->links && !p->warned_artifact_link) {
        /* A link annotation must sit in a Link element of the structure
         * tree, named by its text (PDF/UA, ISO 14289-1 7.18.5); an
         * annotation left untagged fails 7.18.1. The text of a header or
         * footer is an artifact, out of the tree, so its link would be an
         * unnamed Link element, repeated on every page. It is drawn as
         * text only: nothing is left for a PDF/UA checker to reject. */
        run_diag(
            p->run, DIAG_WARNING, f->box->line, 0,
            _("a link in a header or footer is drawn as plain text: headers and footers are "
              "left out of the PDF's structure, and an accessible PDF links only from inside it"));
        p->warned_artifact_link = 1;
    }
}

static void
draw_border(Painter *p, const Frag *f)
{
    cairo_t *cr = p->cr;
    double w = doc_pt(f->border);
    double x0 = doc_pt(f->x) + w / 2, y0 = doc_pt(f->y) + w / 2;
    double x1 = doc_pt(f->x + f->w) - w / 2, y1 = doc_pt(f->y + f->h) - w / 2;
    set_color(cr, f->color);
    cairo_set_line_width(cr, w);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
    if (f->sides & SIDE_TOP)
        cairo_move_to(cr, x0, y0), cairo_line_to(cr, x1, y0);
    if (f->sides & SIDE_RIGHT)
        cairo_move_to(cr, x1, y0), cairo_line_to(cr, x1, y1);
    if (f->sides & SIDE_BOTTOM)
        cairo_move_to(cr, x0, y1), cairo_line_to(cr, x1, y1);
    if (f->sides & SIDE_LEFT)
        cairo_move_to(cr, x0, y0), cairo_line_to(cr, x0, y1);
    cairo_stroke(cr);
}

/* A PNG's pixels or an SVG's recording (paginate drew the SVG once, and
 * whatever could fail failed there): the same few calls, which cannot leave
 * the page's state or its tags unbalanced. */
static void
draw_image(Painter *p, const Frag *f)
{
    cairo_t *cr = p->cr;
    double iw = f->image_w, ih = f->image_h;
    cairo_save(cr);
    cairo_translate(cr, doc_pt(f->x), doc_pt(f->y));
    cairo_scale(cr, doc_pt(f->w) / iw, doc_pt(f->h) / ih);
    cairo_set_source_surface(cr, f->image, 0, 0);
    /* A rectangle filled with the image, not cairo_paint(): Cairo 1.16
     * fails with "invalid tag nesting" when a page's first marked content
     * is a paint. */
    cairo_rectangle(cr, 0, 0, iw, ih);
    cairo_fill(cr);
    cairo_restore(cr);
}

static void
draw_frag(Painter *p, const Frag *f)
{
    cairo_t *cr = p->cr;
    switch (f->kind) {
    case FRAG_TEXT:
        draw_text(p, f);
        break;
    case FRAG_FILL:
        set_color(cr, f->color);
        cairo_rectangle(cr, doc_pt(f->x), doc_pt(f->y), doc_pt(f->w), doc_pt(f->h));
        cairo_fill(cr);
        break;
    case FRAG_BORDER:
        draw_border(p, f);
        break;
    case FRAG_IMAGE:
        draw_image(p, f);
        break;
    case FRAG_CHART:
        chart_draw(cr, f->pango, f->family, f->chart, doc_pt(f->x), doc_pt(f->y), doc_pt(f->w),
                   doc_pt(f->h));
        break;
    case FRAG_SIGNATURE:
        /* A light frame shows where to sign; the field itself comes later,
         * over this very rectangle. */
        set_color(cr, f->color);
        cairo_set_line_width(cr, 0.5);
        cairo_rectangle(cr, doc_pt(f->x) + 0.25, doc_pt(f->y) + 0.25, doc_pt(f->w) - 0.5,
                        doc_pt(f->h) - 0.5);
        cairo_stroke(cr);
        break;
    case FRAG_ANCHOR: {
        char *q = f->box->id ? quoted(&p->run->arena, f->box->id) : NULL;
        char *attrs =
            q ? arena_printf(&p->run->arena, "name=%s x=%.2f y=%.2f", q, doc_pt(f->x), doc_pt(f->y))
              : NULL;
        if (attrs) {
            cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs);
            cairo_tag_end(cr, CAIRO_TAG_DEST);
        }
        break;
    }
    }
}

static void
set_metadata(cairo_surface_t *s, const Doc *d, const char *create_date, const char *producer)
{
    if (d->title)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
    if (d->author)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, d->author);
    if (d->subject)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, d->subject);
    if (d->keywords)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, d->keywords);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, producer);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, create_date);
}

Status
paint_begin(Run *r, const Doc *d, const char *create_date, const char *producer,
            PaintRecord *record, cairo_write_func_t write, void *closure, Painter **out)
{
    Painter *p = arena_alloc(&r->arena, sizeof(*p));
    *out = p;
    if (record)
        *record = (PaintRecord){0};
    if (!p) {
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while drawing the PDF"));
        return STATUS_IO;
    }
    p->run = r;
    p->record = record;
    p->nboxes = d->nboxes;
    p->page_height = d->page_height;
    p->holds = d->nboxes ? arena_alloc_array(&r->arena, d->nboxes, 1) : NULL;
    if (!p->holds)
        p->nboxes = 0;
    /* Uncompressed content streams: Cairo 1.16 reads this debugging switch
     * when a surface is created, and only for that. The finish stage edits
     * the content, then compresses each stream once, where Cairo's own
     * compression would have been undone and done again. Not for a long
     * document: Cairo's output stays in memory until the finish stage,
     * which then decodes one page at a time, and uncompressed it would be
     * four times larger (10 MB for 400 pages; PAINT_PLAIN_BOXES). */
    const char *debug = getenv("CAIRO_DEBUG_PDF");
    char *saved = debug ? strdup(debug) : NULL;
    if (d->nboxes <= PAINT_PLAIN_BOXES)
        setenv("CAIRO_DEBUG_PDF", "1", 1);
    else
        unsetenv("CAIRO_DEBUG_PDF");
    p->surface = cairo_pdf_surface_create_for_stream(write, closure, doc_pt(d->page_width),
                                                     doc_pt(d->page_height));
    if (saved)
        setenv("CAIRO_DEBUG_PDF", saved, 1);
    else
        unsetenv("CAIRO_DEBUG_PDF");
    free(saved);
    p->cr = cairo_create(p->surface);
    for (int l = 0; l < 4; l++)
        p->outline_parent[l] = CAIRO_PDF_OUTLINE_ROOT;
    set_metadata(p->surface, d, create_date, producer);
    cairo_tag_begin(p->cr, "Document", NULL);
    p->open[p->nopen++] = (Tag){.name = "Document"};
    return STATUS_OK;
}

/* Notes that the page just drawn holds the late margins of body page
 * `page` (0-based). */
static void
record_late(Painter *p, int page)
{
    PaintRecord *rec = p->record;
    if (rec &&
        grow(&p->run->arena, (void **)&rec->late, rec->nlate, &rec->cap_late, sizeof(*rec->late)))
        rec->late[rec->nlate++] = page;
}

Status
paint_page(Painter *p, const Page *pg, int late)
{
    if (!p || p->status != STATUS_OK)
        return STATUS_IO;
    if (!late && p->late_pages) {
        run_diag(p->run, DIAG_ERROR, 0, 0, _("the PDF could not be written: %s"),
                 "a body page after the late margins");
        return p->status = STATUS_IO;
    }
    if (late && !p->late_pages)
        close_to(p, 1); /* the late margins are artifacts under Document */
    for (const Frag *f = pg->first; f; f = f->next)
        if (f->kind == FRAG_SIGNATURE && f->late == late)
            record_signature(p, pg->number - 1, f);
    for (const Frag *f = pg->first; f; f = f->next)
        if (f->late == late && is_decoration(f)) {
            open_artifact(p);
            draw_frag(p, f);
        }
    for (const Frag *f = pg->first; f; f = f->next) {
        if (f->late != late || is_decoration(f))
            continue;
        if (is_artifact(f))
            open_artifact(p);
        else
            open_chain(p, f);
        draw_frag(p, f);
    }
    close_to(p, kept_open(p));
    cairo_show_page(p->cr);
    if (late) {
        p->late_pages++;
        record_late(p, pg->number - 1);
    } else {
        p->pages++;
    }
    return STATUS_OK;
}

Status
paint_end(Painter *p)
{
    if (!p)
        return STATUS_IO;
    Status st = p->status;
    close_to(p, 0);
    cairo_destroy(p->cr);
    cairo_surface_finish(p->surface);
    /* Tag errors show only now, after finishing (see notes/pdf-toolchain). */
    cairo_status_t cs = cairo_surface_status(p->surface);
    if (cs != CAIRO_STATUS_SUCCESS) {
        run_diag(p->run, DIAG_ERROR, 0, 0, _("the PDF could not be written: %s"),
                 cairo_status_to_string(cs));
        st = STATUS_IO;
    }
    cairo_surface_destroy(p->surface);
    if (p->record)
        p->record->npages = p->pages;
    return st;
}

static int
has_late(const Page *pg)
{
    for (const Frag *f = pg->first; f; f = f->next)
        if (f->late)
            return 1;
    return 0;
}

Status
paint_pdf(Run *r, const Pages *pages, const char *create_date, const char *producer,
          PaintRecord *record, cairo_write_func_t write, void *closure)
{
    Painter *p;
    Status st = paint_begin(r, pages->doc, create_date, producer, record, write, closure, &p);
    if (st != STATUS_OK)
        return st;
    for (const Page *pg = pages->first; pg && st == STATUS_OK; pg = pg->next)
        st = paint_page(p, pg, 0);
    for (const Page *pg = pages->first; pg && st == STATUS_OK; pg = pg->next)
        if (has_late(pg))
            st = paint_page(p, pg, 1);
    Status end = paint_end(p);
    return st != STATUS_OK ? st : end;
}
