/*
 * paginate/table.c — a table → slices: one atom per row group.
 *
 * A row group is rows tied together by rowspans; it moves whole. Every body
 * row group knows the header rows, which place.c repeats on each page the
 * table runs onto. The cells' content is measured by measure.c.
 *
 *   table  ─ row groups (rows tied by rowspans) ─ one atom each
 *   ┌───────┬───────────┐ ← fill per cell, over the whole height of its
 *   │ cell  │ cell      │   rows; content shifted by valign; borders
 *   └───────┴───────────┘   collapsed into shared rules (below)
 */
#include "paginate/internal.h"
#include "core/i18n.h"

/* --- collapsed table borders -------------------------------------------
 *
 * Two cells that share an edge share one rule, drawn once, as wide as the
 * wider of the borders they declare there (the border-collapse model), in
 * that border's colour. A rule inside a row group is centred on the edge;
 * the table's outer rules, and a group's top and bottom rules, lie inside
 * it, so nothing is drawn outside the table's width or a group's height:
 *
 *   ┏━━━━━┳━━━━━┓ ← top rule: drawn only where the group starts its table's
 *   ┃     ┃     ┃   part of a page (a list of its own, Slice.top_rule)
 *   ┣━━━━━╋━━━━━┫ ← between the rows of one group: centred on the edge
 *   ┃     ┃     ┃
 *   ┗━━━━━┻━━━━━┛ ← bottom rule: always, as wide as this border and the
 *                   next row's top border
 *
 * A rule is a FRAG_BORDER with one side whose box is the rule's whole
 * footprint (paint's inset of half the width, with square caps, fills it
 * exactly). */

/* What a cell declares on one side: its width, 0 for none. */
static int
declared(const Box *cell, int side)
{
    if (!cell)
        return 0;
    const Style *st = cell->style;
    return st->border > 0 && (st->border_sides & side) ? st->border : 0;
}

/* One edge of the grid: its width (0: no rule), colour and cell. */
typedef struct Edge {
    int w;
    uint32_t color;
    const Box *cell;
} Edge;

/* The edge between a (its side_a) and b (its side_b), either NULL: the
 * wider of the two borders, a's on a tie; none inside one cell. */
static Edge
edge_between(const Box *a, int side_a, const Box *b, int side_b)
{
    Edge e = {0, 0, NULL};
    if (a == b)
        return e;
    int wa = declared(a, side_a), wb = declared(b, side_b);
    if (wa >= wb && wa > 0)
        e = (Edge){wa, a->style->border_color, a};
    else if (wb > 0)
        e = (Edge){wb, b->style->border_color, b};
    return e;
}

/* Appends a rule at tail: horizontal (x, its top at y, len long) or
 * vertical (its left at x, y, len long). Returns the new tail. */
static Frag **
add_rule(Ctx *c, Frag **tail, Edge e, int horizontal, int x, int y, int len)
{
    Frag *f = horizontal ? frag_new(c, FRAG_BORDER, e.cell, x, y, len, e.w)
                         : frag_new(c, FRAG_BORDER, e.cell, x, y, e.w, len);
    if (!f)
        return tail;
    f->color = e.color;
    f->border = e.w;
    f->sides = horizontal ? SIDE_TOP : SIDE_LEFT;
    *tail = f;
    return &f->next;
}

enum { RULE_BELOW, RULE_ON, RULE_ABOVE }; /* a horizontal rule's place against y */

/* The horizontal rules along one row edge at y, edges[q] for each of the n
 * columns, joined where neighbours agree. Returns the new tail. */
static Frag **
horizontal_rules(Ctx *c, Frag **tail, const Edge *edges, int n, const int *cx, int y, int where)
{
    for (int q = 0; q < n;) {
        int r = q + 1;
        while (r < n && edges[r].w == edges[q].w && edges[r].color == edges[q].color)
            r++;
        if (edges[q].w > 0) {
            int w = edges[q].w;
            int top = where == RULE_BELOW ? y : where == RULE_ON ? y - w / 2 : y - w;
            tail = add_rule(c, tail, edges[q], 1, cx[q], top, cx[r] - cx[q]);
        }
        q = r;
    }
    return tail;
}

/* The cells of a row that starts a row group, by column: nothing reaches
 * into it from above, so its cells follow one another by their colspans. */
static void
row_cells(const Box *row, int n, const Box **out)
{
    for (int q = 0; q < n; q++)
        out[q] = NULL;
    int col = 0;
    for (const Box *cell = row ? row->first : NULL; cell && col < n; cell = cell->next)
        for (int k = 0; k < cell->colspan && col < n; k++)
            out[col++] = cell;
}

void
pg_cell_span(const Box *cell, int *cols, int *rows)
{
    const Box *row = cell->parent, *table = row ? row->parent : NULL;
    int n = table ? table->ncols : 1, left = 0;
    for (const Box *r = row; r && r->header == row->header; r = r->next)
        left++;
    *cols = cell->colspan < n ? cell->colspan : n;
    *rows = cell->rowspan < left ? cell->rowspan : left;
}

/* --- row groups ---------------------------------------------------------- */

/* A cell of a row group: its place in the group's grid, its height, and its
 * content (relative to its content box's top). */
typedef struct Placed {
    const Box *cell;
    int row, col, span_cols, span_rows, h;
    Frag *content;
    int content_h;
} Placed;

/* The table being measured: its columns, and what one row group leaves to
 * the next. */
typedef struct Table {
    const Box *box;
    int n;             /* columns */
    int *cx;           /* n + 1 left edges, cx[n] the table's right edge */
    int *busy;         /* by column: rows that a rowspan from above still holds */
    const Box **above; /* by column: the cells above the next group's top edge */
    const Box **below; /* by column: the cells below a group's bottom edge */
    Edge *edges;       /* the edges of one row edge, by column */
    SliceList headers; /* the header row groups, to repeat */
} Table;

/* One row group: rows tied together by rowspans. */
typedef struct Group {
    const Box *first, *last; /* its rows, last included */
    int nrows;
    Placed *cells; /* ncells, in the order of the document */
    int ncells;
    int *ry;          /* nrows + 1 row tops, from the group's top */
    const Box **grid; /* nrows × n: each slot's cell, NULL where a row is short */
} Group;

/* The left edges of the table's columns at x, width wide; 0 when a column
 * is too narrow for text (said) or memory runs out. */
static int
table_columns(Ctx *c, Table *t, int x, int width)
{
    int n = t->n;
    int *cw = arena_alloc_array(c->a, (size_t)n, sizeof(int));
    t->cx = arena_alloc_array(c->a, (size_t)n + 1, sizeof(int));
    if (!cw || !t->cx)
        return 0;
    column_widths(t->box->cols, n, width, cw);
    if (!columns_usable(c, t->box, cw, n,
                        _("the table's column %d of %d is %s mm wide once the others have their "
                          "share; a column needs at least 5 mm for its text: widen it, or give "
                          "the others less")))
        return 0;
    t->cx[0] = x;
    for (int i = 0; i < n; i++)
        t->cx[i + 1] = t->cx[i] + cw[i];
    return 1;
}

/* The last row of the group that starts at row: rows until no rowspan
 * reaches past the last, never across the end of the head; *nrows
 * receives their number. */
static const Box *
group_end(const Box *row, int *nrows)
{
    const Box *end = row;
    int k = 0, reach = 0;
    for (const Box *r = row; r; r = r->next) {
        k++;
        for (const Box *cell = r->first; cell; cell = cell->next)
            if (k - 1 + cell->rowspan > reach)
                reach = k - 1 + cell->rowspan;
        end = r;
        if (reach <= k || !r->next || r->next->header != r->header)
            break;
    }
    *nrows = k;
    return end;
}

/* Places the group's cells in its grid, each in the first columns that no
 * rowspan from above holds, its spans cut to the table and the group (as
 * pg_cell_span tells them), and lays out their content at their width. 0
 * when memory runs out. */
static int
group_cells(Ctx *c, Table *t, Group *g)
{
    int n = t->n, count = 0;
    for (const Box *r = g->first;; r = r->next) {
        for (const Box *cell = r->first; cell; cell = cell->next)
            count++;
        if (r == g->last)
            break;
    }
    g->cells = arena_alloc_array(c->a, (size_t)count + 1, sizeof(Placed));
    if (!g->cells)
        return 0;
    int k = 0, ri = 0;
    for (const Box *r = g->first;; r = r->next, ri++) {
        int col = 0;
        for (const Box *cell = r->first; cell; cell = cell->next) {
            while (col < n && t->busy[col] > 0)
                col++;
            if (col >= n)
                break; /* reported by doc_build */
            int span = cell->colspan;
            if (col + span > n)
                span = n - col;
            int rows = cell->rowspan;
            if (ri + rows > g->nrows)
                rows = g->nrows - ri;
            const Style *st = cell->style;
            int inset = st->border + st->padding;
            int w = t->cx[col + span] - t->cx[col];
            Placed *p = &g->cells[k++];
            p->cell = cell;
            p->row = ri;
            p->col = col;
            p->span_cols = span;
            p->span_rows = rows;
            p->content =
                measure_stack(c, cell->first, t->cx[col] + inset, w - 2 * inset, &p->content_h);
            p->h = p->content_h + 2 * inset;
            for (int q = col; q < col + span; q++)
                t->busy[q] = rows;
            col += span;
        }
        for (int q = 0; q < n; q++)
            t->busy[q] = t->busy[q] > 0 ? t->busy[q] - 1 : 0;
        if (r == g->last)
            break;
    }
    g->ncells = k;
    return 1;
}

/* The rows' tops: a row is as tall as its tallest one-row cell, and the
 * last row a taller cell spans grows by what its rows lack. 0 when memory
 * runs out. */
static int
group_rows(Ctx *c, Group *g)
{
    int *rh = arena_alloc_array(c->a, (size_t)g->nrows + 1, sizeof(int));
    g->ry = arena_alloc_array(c->a, (size_t)g->nrows + 1, sizeof(int));
    if (!rh || !g->ry)
        return 0;
    const Placed *pl = g->cells;
    for (int i = 0; i < g->ncells; i++)
        if (pl[i].span_rows == 1 && pl[i].h > rh[pl[i].row])
            rh[pl[i].row] = pl[i].h;
    for (int i = 0; i < g->ncells; i++) {
        if (pl[i].span_rows <= 1)
            continue;
        int sum = 0;
        for (int q = pl[i].row; q < pl[i].row + pl[i].span_rows; q++)
            sum += rh[q];
        if (pl[i].h > sum)
            rh[pl[i].row + pl[i].span_rows - 1] += pl[i].h - sum;
    }
    for (int q = 0; q < g->nrows; q++)
        g->ry[q + 1] = g->ry[q] + rh[q];
    return 1;
}

/* Each cell's fill and content over the whole height of its rows, linked
 * at tail; returns the new tail. */
static Frag **
group_fills(Ctx *c, const Table *t, const Group *g, Frag **tail)
{
    const int *cx = t->cx, *ry = g->ry;
    for (int i = 0; i < g->ncells; i++) {
        const Placed *p = &g->cells[i];
        int top = ry[p->row];
        int h = ry[p->row + p->span_rows] - top;
        int w = cx[p->col + p->span_cols] - cx[p->col];
        Frag *d = frags_decorate(c, p->cell, p->cell->style, cx[p->col], w, p->content,
                                 p->content_h, h, 0);
        tail = frags_append(c, tail, d, top);
    }
    return tail;
}

/* The group's grid of cells, by row and column; 0 when memory runs out. */
static int
group_grid(Ctx *c, const Table *t, Group *g)
{
    int n = t->n;
    g->grid = arena_alloc_array(c->a, (size_t)g->nrows * (size_t)n, sizeof(*g->grid));
    if (!g->grid)
        return 0;
    for (int i = 0; i < g->ncells; i++) {
        const Placed *p = &g->cells[i];
        for (int q = p->row; q < p->row + p->span_rows; q++)
            for (int col = p->col; col < p->col + p->span_cols; col++)
                g->grid[q * n + col] = p->cell;
    }
    return 1;
}

/* The horizontal rules between the group's rows, then its bottom against
 * the next row's cells, linked at tail; returns the new tail. */
static Frag **
row_rules(Ctx *c, Table *t, const Group *g, Frag **tail)
{
    int n = t->n, nrows = g->nrows;
    const Box **grid = g->grid;
    for (int r = 1; r <= nrows; r++) {
        if (r == nrows)
            row_cells(g->last->next, n, t->below);
        for (int q = 0; q < n; q++)
            t->edges[q] = edge_between(grid[(r - 1) * n + q], SIDE_BOTTOM,
                                       r < nrows ? grid[r * n + q] : t->below[q], SIDE_TOP);
        tail = horizontal_rules(c, tail, t->edges, n, t->cx, g->ry[r],
                                r < nrows ? RULE_ON : RULE_ABOVE);
    }
    return tail;
}

/* The vertical rules of the group's columns, row by row, joined down the
 * rows where they agree, linked at tail; returns the new tail. */
static Frag **
column_rules(Ctx *c, const Table *t, const Group *g, Frag **tail)
{
    int n = t->n, nrows = g->nrows;
    const int *cx = t->cx, *ry = g->ry;
    const Box **grid = g->grid;
    for (int q = 0; q <= n; q++) {
        for (int r = 0; r < nrows;) {
            Edge e = edge_between(q > 0 ? grid[r * n + q - 1] : NULL, SIDE_RIGHT,
                                  q < n ? grid[r * n + q] : NULL, SIDE_LEFT);
            int r1 = r + 1;
            for (; r1 < nrows; r1++) {
                Edge f = edge_between(q > 0 ? grid[r1 * n + q - 1] : NULL, SIDE_RIGHT,
                                      q < n ? grid[r1 * n + q] : NULL, SIDE_LEFT);
                if (f.w != e.w || f.color != e.color)
                    break;
            }
            if (e.w > 0) {
                int left = q == 0 ? cx[0] : q == n ? cx[n] - e.w : cx[q] - e.w / 2;
                tail = add_rule(c, tail, e, 0, left, ry[r], ry[r1] - ry[r]);
            }
            r = r1;
        }
    }
    return tail;
}

/* The group's top edge against the cells above it, in s: its rules, drawn
 * where the group starts its table on a page, and the widest of them with
 * its colour, for a group cut across pages. The group's last cells are
 * then those above the next. */
static void
top_rule(Ctx *c, Table *t, const Group *g, Slice *s)
{
    int n = t->n;
    for (int q = 0; q < n; q++) {
        t->edges[q] = edge_between(t->above[q], SIDE_BOTTOM, g->grid[q], SIDE_TOP);
        if (t->edges[q].w > s->rule_w)
            s->rule_w = t->edges[q].w, s->rule_color = t->edges[q].color;
    }
    horizontal_rules(c, &s->top_rule, t->edges, n, t->cx, 0, RULE_BELOW);
    for (int q = 0; q < n; q++)
        t->above[q] = g->grid[(g->nrows - 1) * n + q];
}

/* The row group g as one atom at the end of out, and its copy among the
 * header rows when it is one; 0 when memory runs out. */
static int
measure_group(Ctx *c, Table *t, Group *g, SliceList *out)
{
    if (!group_cells(c, t, g) || !group_rows(c, g))
        return 0;
    Frag *frags = NULL, **tail = &frags;
    tail = group_fills(c, t, g, tail);
    if (!group_grid(c, t, g))
        return 0;
    tail = row_rules(c, t, g, tail);
    column_rules(c, t, g, tail);
    Slice *s = slice_add(c, out, SL_ATOM, g->first, g->ry[g->nrows]);
    if (!s)
        return 0;
    s->frags = frags;
    top_rule(c, t, g, s);
    s->x = t->cx[0];
    s->w = t->cx[t->n] - t->cx[0];
    s->table = t->box;
    s->header_row = g->first->header;
    s->keep_with_next = g->first->header;
    if (g->first->header) {
        Slice *copy = slice_add(c, &t->headers, SL_ATOM, g->first, s->height);
        if (copy) {
            *copy = *s;
            copy->next = NULL;
        }
    }
    return 1;
}

void
measure_table(Ctx *c, const Box *table, int x, int width, SliceList *out)
{
    Table t = {.box = table, .n = table->ncols};
    if (t.n <= 0 || !table_columns(c, &t, x, width))
        return;
    slice_space(c, out, table, table->style->space_before);
    t.busy = arena_alloc_array(c->a, (size_t)t.n, sizeof(int));
    t.above = arena_alloc_array(c->a, (size_t)t.n, sizeof(*t.above));
    t.below = arena_alloc_array(c->a, (size_t)t.n, sizeof(*t.below));
    t.edges = arena_alloc_array(c->a, (size_t)t.n, sizeof(Edge));
    if (!t.busy || !t.above || !t.below || !t.edges)
        return;
    Slice *before = out->last; /* the table's rows come after it */
    for (const Box *row = table->first; row;) {
        Group g = {.first = row};
        g.last = group_end(row, &g.nrows);
        if (!measure_group(c, &t, &g, out))
            return;
        row = g.last->next;
    }
    /* Every body row knows the header rows to repeat above it. */
    for (Slice *s = before ? before->next : out->first; s; s = s->next)
        if (s->table == table && !s->header_row)
            s->headers = t.headers.first;
    slice_space(c, out, table, table->style->space_after);
}
