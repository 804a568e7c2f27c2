/*
 * paginate/place.c — slices → pages.
 *
 *   ┌──────────── page ────────────┐
 *   │ header (laid out last)       │
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
 */
#include <string.h>

#include "paginate/internal.h"
#include "core/i18n.h"

#define PT DOC_UNITS_PER_PT

typedef struct Placer {
    Ctx *c;
    Pages *pages;
    Page *page;
    int top_first, top_other, bottom_first, bottom_other;
    int y, bottom;
    int empty;              /* nothing of the body on this page yet */
    const Box *table_above; /* the table whose row was placed last on this page */
} Placer;

static void
new_page(Placer *p)
{
    Page *pg = arena_alloc(p->c->a, sizeof(*pg));
    if (!pg)
        return;
    pg->number = ++p->pages->count;
    if (p->page)
        p->page->next = pg;
    else
        p->pages->first = pg;
    p->page = pg;
    p->y = pg->number == 1 ? p->top_first : p->top_other;
    p->bottom = pg->number == 1 ? p->bottom_first : p->bottom_other;
    p->empty = 1;
    p->table_above = NULL;
}

static void
emit(Placer *p, Frag *f)
{
    if (!f || !p->page)
        return;
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
    Frag *copy = frags_copy(p->c, frags, dy);
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
    emit_all(p, s->frags, y);
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
    Frag *f = frag_new(p->c, FRAG_BORDER, s->box, s->x, y, s->w, s->rule_w);
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
    Frag *f = frag_new(p->c, FRAG_TEXT, s ? s->box : src->box, s ? s->x : src->x, y,
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
            Frag *g = frag_copy(p->c, f);
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
            Frag *g = frag_copy(p->c, f);
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
    }
    p->table_above = s->table;
    p->empty = 0;
}

static void
place_body(Placer *p, const SliceList *sl)
{
    for (const Slice *s = sl->first; s; s = s->next) {
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
        if (p->c->a->failed)
            return;
    }
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

/* Headers and footers already laid out: one without page fields once for
 * the whole document, one with them once per page number and count. */
typedef struct Margins {
    const Box *box[4];
    int number[4], count[4]; /* 0: any (no fields) */
    Frag *frags[4];
    int h[4];
    int n;
} Margins;

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
    c->page = number;
    c->count = count;
    c->artifact = box->artifact;
    const Doc *d = c->doc;
    Frag *f = measure_stack(c, box->first, d->margin_left,
                            d->page_width - d->margin_left - d->margin_right, h);
    c->artifact = 0;
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

Status
pg_paginate(Run *r, Text *text, const Doc *doc, Pages **out)
{
    Ctx c = {.run = r, .a = &r->arena, .text = text, .doc = doc, .page = 1, .count = 1};
    Placer p = {.c = &c};
    *out = NULL;
    p.pages = arena_alloc(c.a, sizeof(*p.pages));
    if (!p.pages)
        return STATUS_IO;
    p.pages->doc = doc;

    /* Header and footer heights, with wide page numbers, fix the body. */
    const Box *fh = doc->first_header ? doc->first_header : doc->header;
    const Box *ff = doc->first_footer ? doc->first_footer : doc->footer;
    int h_first, h_other, f_first, f_other;
    Margins margins = {0};
    margin_block(&c, &margins, fh, 888, 888, &h_first);
    margin_block(&c, &margins, ff, 888, 888, &f_first);
    margin_block(&c, &margins, doc->header, 888, 888, &h_other);
    margin_block(&c, &margins, doc->footer, 888, 888, &f_other);
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
        return STATUS_INVALID;
    }

    c.page = 1;
    c.count = 1;
    SliceList body = {0};
    if (doc->body)
        measure_flow(&c, doc->body->first, doc->margin_left,
                     doc->page_width - doc->margin_left - doc->margin_right, &body);
    new_page(&p);
    place_body(&p, &body);

    int count = p.pages->count;
    for (Page *pg = p.pages->first; pg; pg = pg->next) {
        const Box *hb = pg->number == 1 ? fh : doc->header;
        const Box *fb = pg->number == 1 ? ff : doc->footer;
        int hh, fhh;
        Frag *head = margin_block(&c, &margins, hb, pg->number, count, &hh);
        Frag *foot = margin_block(&c, &margins, fb, pg->number, count, &fhh);
        /* Header first and footer last, so reading order stays natural. */
        Frag *body_first = pg->first, *body_last = pg->last;
        p.page = pg;
        pg->first = pg->last = NULL;
        emit_all(&p, head, doc->margin_top);
        if (body_first) {
            if (pg->last)
                pg->last->next = body_first;
            else
                pg->first = body_first;
            pg->last = body_last;
        }
        emit_all(&p, foot, doc->page_height - doc->margin_bottom - fhh);
        pg->head_top = doc->margin_top;
        pg->head_bottom = doc->margin_top + hh;
        pg->body_top = pg->number == 1 ? p.top_first : p.top_other;
        pg->body_bottom = pg->number == 1 ? p.bottom_first : p.bottom_other;
        pg->foot_top = doc->page_height - doc->margin_bottom - fhh;
        pg->foot_bottom = doc->page_height - doc->margin_bottom;
    }
    if (c.a->failed) {
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while laying out the document"));
        return STATUS_IO;
    }
    *out = p.pages;
    return STATUS_OK;
}
