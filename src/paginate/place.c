/*
 * paginate/place.c — slices → pages.
 *
 *   ┌──────────── page ────────────┐
 *   │ header                       │
 *   │ ─ ─ ─ ─ ─ body top ─ ─ ─ ─ ─ │
 *   │ lines of a paragraph         │  a paragraph splits between lines when
 *   │ atom (row, box, signature)   │  at least `orphans` stay and `widows`
 *   │ …                            │  go; an atom moves whole; a heading
 *   │ ─ ─ ─ ─ ─ body bottom ─ ─ ─ ─│  keeps with the start of what follows
 *   │ footer: Page 2 / 5           │
 *   └──────────────────────────────┘
 *
 * Every step places at least one line or one atom on a page that holds
 * nothing yet, so pagination always ends. A body row that starts a new page
 * brings its table's header rows with it.
 *
 * The body is measured a few slices ahead of placement (measure_ahead), and
 * when streaming, each page is handed over as soon as the next starts, with
 * its header and footer unless they show the page count: those come once
 * the count is known (late_margins).
 */
#include <stdlib.h>
#include <string.h>

#include "paginate/internal.h"
#include "core/i18n.h"

#define PT DOC_UNITS_PER_PT

/* What need_after may look at beyond a slice: the next LOOKAHEAD slices
 * that are not spaces (a chain of keeps is followed four deep). The body is
 * measured that far ahead of the slice being placed, no further, so that
 * placing it gives the pages measuring it whole would. */
#define LOOKAHEAD 6

/* Streaming: the body is measured GEN_BLOCKS blocks at a time into an
 * arena of their own, freed once the page their last slice went on is
 * drawn. A table is one block: its header rows stay with it. */
#define GEN_BLOCKS 32

typedef struct Gen Gen;
struct Gen {
    Gen *next;
    Arena arena;
    int blocks;        /* measured into it */
    int closed;        /* a newer one is measuring */
    const Slice *last; /* once closed: the last slice measured into it (NULL: none yet) */
    int placed;        /* closed, and every slice of it placed */
};

/* The body's blocks not measured yet: the next box at each depth of the
 * boxes that only hold blocks. */
typedef struct Flow {
    const Box **next;
    int depth, cap;
    int x, width;
    SliceList sl;
    Gen *oldest, *newest; /* streaming: the arenas still alive, oldest first */
} Flow;

/* Headers and footers already laid out: one without page fields once for
 * the whole document, one with them once per page number and count. */
typedef struct Margins {
    const Box *box[4];
    int number[4], count[4]; /* 0: any (no fields) */
    Frag *frags[4];
    int h[4];
    int n;
} Margins;

typedef struct Placer {
    Ctx *c;
    /* c with the page's fragments' arena: the run's, or, when streaming,
     * one emptied once the page is handed over. */
    Ctx fc;
    Arena page_arena;
    const PageSink *sink; /* NULL: every page kept in pages */
    Status sink_status;   /* the first failure of the sink */
    Pages *pages;
    Page *page;
    Flow flow;
    Margins margins;
    const Box *first_header, *first_footer; /* page 1's */
    int top_first, top_other, bottom_first, bottom_other;
    int y, bottom;
    int empty;              /* nothing of the body on this page yet */
    const Box *table_above; /* the table whose row was placed last on this page */
    /* Streaming: the texts whose last line is on this page, released once
     * it is drawn; none while keep_texts (what is shown again: a table's
     * header rows, headers and footers). */
    const Para **done;
    int ndone, cap_done, keep_texts;
    int late; /* emitting a margin laid out once the page count is known */
} Placer;

static void page_done(Placer *p);

static void
new_page(Placer *p)
{
    if (p->page && p->sink)
        page_done(p);
    Page *pg = arena_alloc(p->fc.a, sizeof(*pg));
    if (!pg)
        return;
    pg->number = ++p->pages->count;
    if (!p->sink) { /* every page kept */
        if (p->page)
            p->page->next = pg;
        else
            p->pages->first = pg;
    }
    p->page = pg;
    p->y = pg->number == 1 ? p->top_first : p->top_other;
    p->bottom = pg->number == 1 ? p->bottom_first : p->bottom_other;
    p->empty = 1;
    p->table_above = NULL;
}

/* Notes that para's last line is placed: its layouts may go once the page
 * is drawn. */
static void
note_done(Placer *p, const Para *para)
{
    if (p->ndone == p->cap_done) {
        int cap = p->cap_done ? p->cap_done * 2 : 64;
        const Para **more = arena_alloc_array(p->fc.a, (size_t)cap, sizeof(*more));
        if (!more)
            return; /* kept until the run ends */
        if (p->ndone)
            memcpy(more, p->done, (size_t)p->ndone * sizeof(*more));
        p->done = more;
        p->cap_done = cap;
    }
    p->done[p->ndone++] = para;
}

static void
emit(Placer *p, Frag *f)
{
    if (!f || !p->page)
        return;
    if (p->sink && !p->keep_texts && f->kind == FRAG_TEXT &&
        f->first_line + f->nlines == f->para->nlines)
        note_done(p, f->para);
    f->late = p->late;
    f->next = NULL;
    if (p->page->last)
        p->page->last->next = f;
    else
        p->page->first = f;
    p->page->last = f;
}

static void
emit_all(Placer *p, const Frag *frags, int dy)
{
    Frag *copy = frags_copy(&p->fc, frags, dy);
    while (copy) {
        Frag *next = copy->next;
        emit(p, copy);
        copy = next;
    }
}

/* The height a slice needs at least at the foot of a page to start there. */
static int
min_start(const Slice *s)
{
    if (s->kind == SL_ATOM)
        return s->height;
    if (s->kind != SL_LINES)
        return 0;
    int n = s->para->nlines;
    int k = s->orphans < n ? s->orphans : n;
    return s->para->top[k] - s->para->top[0];
}

/* What must fit after s when s keeps with the next: the next content's
 * start, and so on along a chain of keeps (bounded). */
static int
need_after(const Slice *s, int depth)
{
    int h = 0;
    for (const Slice *n = s->next; n; n = n->next) {
        if (n->kind == SL_SPACE) {
            h += n->height;
            continue;
        }
        if (n->kind == SL_BREAK)
            return 0;
        h += min_start(n);
        if (n->keep_with_next && depth < 4)
            h += n->kind == SL_ATOM ? need_after(n, depth + 1)
                                    : (n->height - min_start(n)) + need_after(n, depth + 1);
        return h;
    }
    return 0;
}

/* A table's row group s at y: its top rule first where it starts its
 * table's part of the page (table.c, collapsed borders). */
static void
emit_row(Placer *p, const Slice *s, int y)
{
    p->keep_texts = s->header_row; /* repeated on the pages the table runs onto */
    emit_all(p, s->frags, y);
    p->keep_texts = 0;
    if (p->table_above != s->table)
        emit_all(p, s->top_rule, y); /* after the cells' fills, which it would be under */
    p->table_above = s->table;
}

/* A rule across the table of row group s, its top at y: where a group
 * taller than a page is cut. */
static void
emit_cut_rule(Placer *p, const Slice *s, int y)
{
    if (!s->table || s->rule_w <= 0)
        return;
    Frag *f = frag_new(&p->fc, FRAG_BORDER, s->box, s->x, y, s->w, s->rule_w);
    if (!f)
        return;
    f->color = s->rule_color;
    f->border = s->rule_w;
    f->sides = SIDE_TOP;
    emit(p, f);
}

/* Starts a page for slice s: a body row brings its header rows. */
static void
break_for(Placer *p, const Slice *s)
{
    new_page(p);
    if (s && s->kind == SL_ATOM && s->table && !s->header_row) {
        for (const Slice *h = s->headers; h; h = h->next) {
            emit_row(p, h, p->y);
            p->y += h->height;
        }
    }
}

static Frag *
text_frag(Placer *p, const Frag *src, const Slice *s, int first, int count, int y)
{
    Frag *f = frag_new(&p->fc, FRAG_TEXT, s ? s->box : src->box, s ? s->x : src->x, y,
                       s ? s->w : src->w, 0);
    if (!f)
        return NULL;
    const Para *para = s ? s->para : src->para;
    f->para = para;
    f->first_line = first;
    f->nlines = count;
    frag_role(f, s ? s->role : src->role);
    f->h = para->top[first + count] - para->top[first];
    return f;
}

static void
place_lines(Placer *p, const Slice *s)
{
    const Para *para = s->para;
    int n = para->nlines, i = 0;
    int body = p->bottom - (p->page->number == 1 ? p->top_first : p->top_other);
    while (i < n) {
        int avail = p->bottom - p->y;
        int k = 0;
        while (i + k < n && para->top[i + k + 1] - para->top[i] <= avail)
            k++;
        if (i + k == n) {
            int rest = para->top[n] - para->top[i];
            if (i == 0 && s->keep_with_next && !p->empty) {
                int need = rest + need_after(s, 0);
                if (p->y + need > p->bottom && need <= body) {
                    break_for(p, NULL);
                    continue;
                }
            }
        } else {
            int orphans = s->orphans < n ? s->orphans : n;
            if (n - (i + k) < s->widows)
                k = n - i - s->widows;
            if (i == 0 && k < orphans)
                k = 0;
            if (k <= 0) {
                if (!p->empty) {
                    break_for(p, NULL);
                    continue;
                }
                /* An empty page and still no room: take what fits, at
                 * least one line, whatever orphans and widows say. */
                k = 0;
                while (i + k < n && para->top[i + k + 1] - para->top[i] <= avail)
                    k++;
                if (k == 0)
                    k = 1;
            }
        }
        /* What goes with the first line (a list item's label, an anchor)
         * comes before it: a reader reads an item's label, then its body. */
        if (i == 0)
            emit_all(p, s->frags, p->y);
        emit(p, text_frag(p, NULL, s, i, k, p->y));
        p->table_above = NULL;
        p->y += para->top[i + k] - para->top[i];
        p->empty = 0;
        i += k;
        if (i < n)
            break_for(p, NULL);
    }
}

/* The fragments of an atom between from and to (relative to its top),
 * placed at y. Text keeps whole lines; fills and borders are cut, and lose
 * their border on a cut side. */
static void
emit_range(Placer *p, const Slice *s, int from, int to, int y)
{
    for (const Frag *f = s->frags; f; f = f->next) {
        int ftop = f->y, fbot = f->y + f->h;
        if (f->kind == FRAG_TEXT) {
            const Para *para = f->para;
            int j0 = -1, j1 = -1;
            for (int j = f->first_line; j < f->first_line + f->nlines; j++) {
                int ltop = ftop + para->top[j] - para->top[f->first_line];
                if (ltop >= from && ltop < to) {
                    if (j0 < 0)
                        j0 = j;
                    j1 = j;
                }
            }
            if (j0 < 0)
                continue;
            int ltop = ftop + para->top[j0] - para->top[f->first_line];
            emit(p, text_frag(p, f, NULL, j0, j1 - j0 + 1, y + ltop - from));
            continue;
        }
        if (f->kind == FRAG_FILL || f->kind == FRAG_BORDER) {
            int a = ftop > from ? ftop : from, b = fbot < to ? fbot : to;
            if (a >= b)
                continue;
            Frag *g = frag_copy(&p->fc, f);
            if (!g)
                continue;
            g->y = y + a - from;
            g->h = b - a;
            if (ftop < from)
                g->sides &= ~SIDE_TOP;
            if (fbot > to)
                g->sides &= ~SIDE_BOTTOM;
            emit(p, g);
            continue;
        }
        if (ftop >= from && ftop < to) {
            Frag *g = frag_copy(&p->fc, f);
            if (g) {
                g->y = y + ftop - from;
                emit(p, g);
            }
        }
    }
}

/* Where to cut an atom at or above `cut` without cutting a line of text. */
static int
safe_cut(const Slice *s, int from, int cut)
{
    for (int round = 0; round < 8; round++) {
        int moved = 0;
        for (const Frag *f = s->frags; f; f = f->next) {
            if (f->kind != FRAG_TEXT || f->y >= cut || f->y + f->h <= cut)
                continue;
            const Para *para = f->para;
            for (int j = f->first_line; j < f->first_line + f->nlines; j++) {
                int ltop = f->y + para->top[j] - para->top[f->first_line];
                int lbot = f->y + para->top[j + 1] - para->top[f->first_line];
                if (ltop < cut && lbot > cut && ltop > from) {
                    cut = ltop;
                    moved = 1;
                }
            }
        }
        if (!moved)
            break;
    }
    return cut;
}

static void
place_atom(Placer *p, const Slice *s)
{
    int need = s->height + (s->keep_with_next ? need_after(s, 0) : 0);
    int body = p->bottom - (p->page->number == 1 ? p->top_first : p->top_other);
    if (!p->empty && (p->y + s->height > p->bottom ||
                      (s->keep_with_next && p->y + need > p->bottom && need <= body)))
        break_for(p, s);
    if (p->y + s->height <= p->bottom || s->height == 0) {
        if (s->table) {
            emit_row(p, s, p->y);
        } else {
            emit_all(p, s->frags, p->y);
            p->table_above = NULL;
        }
        p->y += s->height;
        p->empty = 0;
        return;
    }
    /* Taller than what is left of an empty page: cut it. */
    run_diag(p->c->run, DIAG_WARNING, s->box->line, 0,
             _("<%s> is taller than a page: it is split across pages"), s->box->element);
    /* A table's group keeps its rules: the top one where it starts, one
     * under each cut and one over each continuation; each drawn after the
     * piece's fills, which would cover it. */
    int from = 0, opened = s->table && p->table_above != s->table;
    p->keep_texts = s->header_row;
    while (from < s->height) {
        int avail = p->bottom - p->y;
        int top = p->y;
        int cut = s->height;
        if (s->height - from > avail) {
            cut = safe_cut(s, from, from + avail);
            if (cut <= from)
                cut = from + (avail > PT ? avail : PT);
        }
        emit_range(p, s, from, cut, p->y);
        if (opened && from == 0)
            emit_all(p, s->top_rule, top);
        else if (opened)
            emit_cut_rule(p, s, top);
        p->y += cut - from;
        if (cut == s->height)
            break;
        emit_cut_rule(p, s, p->y - s->rule_w);
        from = cut;
        p->table_above = NULL;
        break_for(p, s);
        opened = p->table_above != s->table;
        p->keep_texts = s->header_row;
    }
    p->keep_texts = 0;
    p->table_above = s->table;
    p->empty = 0;
}

/* Measures the body's next block into f->sl; 0 when none is left. */
static int
flow_next(Ctx *c, Flow *f)
{
    while (f->depth > 0) {
        const Box *b = f->next[f->depth - 1];
        if (!b) {
            f->depth--;
            continue;
        }
        f->next[f->depth - 1] = b->next;
        if (!measure_flows_through(b)) {
            Arena *run = c->a;
            if (f->oldest) {
                Gen *g = f->newest;
                if (g->blocks == GEN_BLOCKS) {
                    Gen *n = malloc(sizeof(*n));
                    if (!n) {
                        run->failed = 1;
                        return 0;
                    }
                    *n = (Gen){0};
                    arena_init(&n->arena);
                    g->closed = 1;
                    g->last = f->sl.last;
                    g->placed = !g->last; /* nothing of it but what older ones hold */
                    g->next = n;
                    f->newest = g = n;
                }
                g->blocks++;
                c->a = &g->arena;
            }
            measure_block(c, b, f->x, f->width, &f->sl);
            if (c->a != run) {
                run->failed |= c->a->failed;
                c->a = run;
            }
            return 1;
        }
        if (!b->first)
            continue;
        if (f->depth == f->cap) {
            int cap = f->cap ? f->cap * 2 : 16;
            const Box **more = arena_alloc_array(&c->run->arena, (size_t)cap, sizeof(*more));
            if (!more)
                return 0;
            if (f->depth)
                memcpy(more, f->next, (size_t)f->depth * sizeof(*more));
            f->next = more;
            f->cap = cap;
        }
        f->next[f->depth++] = b->first;
    }
    return 0;
}

/* Measures until LOOKAHEAD slices that are not spaces follow s (the list's
 * start when s is NULL), or the body ends. */
static void
measure_ahead(Placer *p, const Slice *s)
{
    for (;;) {
        int n = 0;
        for (const Slice *t = s ? s->next : p->flow.sl.first; t && n < LOOKAHEAD; t = t->next)
            n += t->kind != SL_SPACE;
        if (n >= LOOKAHEAD || p->c->a->failed || !flow_next(p->c, &p->flow))
            return;
    }
}

static int
placing_failed(const Placer *p)
{
    return p->c->a->failed || p->fc.a->failed || p->sink_status != STATUS_OK;
}

static void
place_body(Placer *p)
{
    measure_ahead(p, NULL);
    for (const Slice *s = p->flow.sl.first; s; s = s->next) {
        measure_ahead(p, s);
        switch (s->kind) {
        case SL_BREAK:
            if (!p->empty)
                break_for(p, NULL);
            break;
        case SL_SPACE:
            if (!p->empty)
                p->y += s->height;
            break;
        case SL_LINES:
            place_lines(p, s);
            break;
        case SL_ATOM:
            place_atom(p, s);
            break;
        }
        for (Gen *g = p->flow.oldest; g && g->closed; g = g->next)
            g->placed |= g->last == s; /* and the older ones are already */
        if (placing_failed(p))
            return;
    }
}

/* Frees the measuring arenas whose slices are all placed, on pages drawn. */
static void
free_gens(Flow *f, int all)
{
    while (f->oldest && (all || (f->oldest->placed && f->oldest != f->newest))) {
        Gen *g = f->oldest;
        f->oldest = g->next;
        arena_free(&g->arena);
        free(g);
    }
    if (!f->oldest)
        f->newest = NULL;
}

static int
has_fields(const Box *b)
{
    for (; b; b = b->next) {
        if ((b->text && b->text->has_fields) || has_fields(b->first))
            return 1;
        if (b->kind == BOX_SIGNATURE &&
            ((b->sig_line && b->sig_line->has_fields) || (b->sig_role && b->sig_role->has_fields) ||
             (b->sig_name && b->sig_name->has_fields)))
            return 1;
    }
    return 0;
}

/* Header or footer of page `number`: stacked with its fields filled. */
static Frag *
margin_block(Ctx *c, Margins *m, const Box *box, int number, int count, int *h)
{
    *h = 0;
    if (!box)
        return NULL;
    for (int i = 0; i < m->n; i++) {
        if (m->box[i] == box &&
            (!m->number[i] || (m->number[i] == number && m->count[i] == count))) {
            *h = m->h[i];
            return m->frags[i];
        }
    }
    /* The body may be measured between two margins: its fields stay as
     * they were. */
    int page = c->page, pages = c->count;
    c->page = number;
    c->count = count;
    c->artifact = box->artifact;
    const Doc *d = c->doc;
    Frag *f = measure_stack(c, box->first, d->margin_left,
                            d->page_width - d->margin_left - d->margin_right, h);
    c->artifact = 0;
    c->page = page;
    c->count = pages;
    if (m->n < 4) {
        int fields = has_fields(box->first);
        m->box[m->n] = box;
        m->number[m->n] = fields ? number : 0;
        m->count[m->n] = fields ? count : 0;
        m->frags[m->n] = f;
        m->h[m->n++] = *h;
    }
    return f;
}

/* Frames page pg between its header and its footer. `which` says which
 * margins to lay out: 1 those without page fields, 2 those with them (the
 * page count is then known), 3 both. Header first and footer last, so
 * reading order stays natural; a margin laid out late is marked so (paint
 * draws it after every page's body). */
static void
frame_page(Placer *p, Page *pg, int which, int count)
{
    const Doc *doc = p->c->doc;
    const Box *hb = pg->number == 1 ? p->first_header : doc->header;
    const Box *fb = pg->number == 1 ? p->first_footer : doc->footer;
    int hh = 0, fhh = 0;
    int head_late = hb && has_fields(hb->first), foot_late = fb && has_fields(fb->first);
    int with_head = which & (head_late ? 2 : 1), with_foot = which & (foot_late ? 2 : 1);
    Frag *head = with_head ? margin_block(p->c, &p->margins, hb, pg->number, count, &hh) : NULL;
    Frag *foot = with_foot ? margin_block(p->c, &p->margins, fb, pg->number, count, &fhh) : NULL;
    Frag *body_first = pg->first, *body_last = pg->last;
    p->page = pg;
    pg->first = pg->last = NULL;
    p->keep_texts = 1;
    p->late = head_late;
    if (with_head)
        emit_all(p, head, doc->margin_top);
    if (body_first) {
        if (pg->last)
            pg->last->next = body_first;
        else
            pg->first = body_first;
        pg->last = body_last;
    }
    p->late = foot_late;
    if (with_foot)
        emit_all(p, foot, doc->page_height - doc->margin_bottom - fhh);
    p->keep_texts = p->late = 0;
    pg->head_top = doc->margin_top;
    pg->head_bottom = doc->margin_top + hh;
    pg->body_top = pg->number == 1 ? p->top_first : p->top_other;
    pg->body_bottom = pg->number == 1 ? p->bottom_first : p->bottom_other;
    pg->foot_top = doc->page_height - doc->margin_bottom - fhh;
    pg->foot_bottom = doc->page_height - doc->margin_bottom;
}

/* Streaming: hands over the page just filled, with the margins that show
 * no page count, then lets go of what it alone used. */
static void
page_done(Placer *p)
{
    Page *pg = p->page;
    frame_page(p, pg, 1, 0);
    if (!placing_failed(p))
        p->sink_status = p->sink->page(p->sink->closure, pg, 0);
    for (int i = 0; i < p->ndone; i++)
        text_release(p->done[i]);
    p->ndone = p->cap_done = 0;
    p->done = NULL;
    p->page = NULL;
    p->c->a->failed |= p->page_arena.failed; /* emptying forgets it */
    arena_free(&p->page_arena);
    free_gens(&p->flow, 0);
}

/* Streaming: once the count is known, each page's margins that show it. */
static void
late_margins(Placer *p)
{
    int count = p->pages->count;
    for (int n = 1; n <= count && !placing_failed(p); n++) {
        Page *pg = arena_alloc(p->fc.a, sizeof(*pg));
        if (!pg)
            break;
        pg->number = n;
        frame_page(p, pg, 2, count);
        if (pg->first && !placing_failed(p))
            p->sink_status = p->sink->page(p->sink->closure, pg, 1);
        p->c->a->failed |= p->page_arena.failed;
        arena_free(&p->page_arena);
    }
    p->page = NULL;
}

static Status
paginate(Run *r, Text *text, const Doc *doc, const PageSink *sink, Pages **out)
{
    Ctx c = {.run = r, .a = &r->arena, .text = text, .doc = doc, .page = 1, .count = 1};
    Placer p = {.c = &c, .fc = c, .sink = sink};
    Status st = STATUS_OK;
    *out = NULL;
    arena_init(&p.page_arena);
    if (sink)
        p.fc.a = &p.page_arena;
    p.pages = arena_alloc(c.a, sizeof(*p.pages));
    if (!p.pages)
        return STATUS_IO;
    p.pages->doc = doc;

    /* Header and footer heights, with wide page numbers, fix the body. */
    p.first_header = doc->first_header ? doc->first_header : doc->header;
    p.first_footer = doc->first_footer ? doc->first_footer : doc->footer;
    int h_first, h_other, f_first, f_other;
    margin_block(&c, &p.margins, p.first_header, 888, 888, &h_first);
    margin_block(&c, &p.margins, p.first_footer, 888, 888, &f_first);
    margin_block(&c, &p.margins, doc->header, 888, 888, &h_other);
    margin_block(&c, &p.margins, doc->footer, 888, 888, &f_other);
    int gap = doc->header_gap;
    p.top_first = doc->margin_top + (h_first ? h_first + gap : 0);
    p.top_other = doc->margin_top + (h_other ? h_other + gap : 0);
    p.bottom_first = doc->page_height - doc->margin_bottom - (f_first ? f_first + gap : 0);
    p.bottom_other = doc->page_height - doc->margin_bottom - (f_other ? f_other + gap : 0);
    int least = 36 * PT;
    if (p.bottom_first - p.top_first < least || p.bottom_other - p.top_other < least) {
        run_diag(r, DIAG_ERROR, 0, 0,
                 _("the header and footer leave less than half an inch for the body: make them "
                   "smaller"));
        st = STATUS_INVALID;
        goto out;
    }

    c.page = 1;
    c.count = 1;
    if (sink) {
        p.flow.oldest = p.flow.newest = calloc(1, sizeof(Gen));
        if (!p.flow.oldest) {
            st = STATUS_IO;
            goto out;
        }
        arena_init(&p.flow.oldest->arena);
    }
    if (doc->body) {
        p.flow.x = doc->margin_left;
        p.flow.width = doc->page_width - doc->margin_left - doc->margin_right;
        p.flow.depth = p.flow.cap = 1;
        p.flow.next = arena_alloc_array(c.a, 1, sizeof(*p.flow.next));
        if (p.flow.next)
            p.flow.next[0] = doc->body->first;
        else
            p.flow.depth = 0;
    }
    new_page(&p);
    place_body(&p);

    if (sink) {
        if (p.page)
            page_done(&p);
        late_margins(&p);
    } else {
        for (Page *pg = p.pages->first; pg; pg = pg->next)
            frame_page(&p, pg, 3, p.pages->count);
    }
    if (c.a->failed || p.page_arena.failed) {
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while laying out the document"));
        st = STATUS_IO;
        goto out;
    }
    st = p.sink_status;
    if (st == STATUS_OK)
        *out = p.pages;
out:
    arena_free(&p.page_arena);
    free_gens(&p.flow, 1);
    return st;
}

Status
pg_paginate(Run *r, Text *text, const Doc *doc, Pages **out)
{
    return paginate(r, text, doc, NULL, out);
}

Status
pg_paginate_stream(Run *r, Text *text, const Doc *doc, const PageSink *sink, int *npages)
{
    Pages *pages = NULL;
    Status st = paginate(r, text, doc, sink, &pages);
    *npages = pages ? pages->count : 0;
    return st;
}
