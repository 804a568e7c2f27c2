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

/* A table: one atom per row group (rows tied together by rowspans): a
 * cell's rows are those of pg_cell_span. */
void
measure_table(Ctx *c, const Box *table, int x, int width, SliceList *out)
{
    int n = table->ncols;
    if (n <= 0)
        return;
    int *cw = arena_alloc_array(c->a, (size_t)n, sizeof(int));
    int *cx = arena_alloc_array(c->a, (size_t)n + 1, sizeof(int));
    int *busy = arena_alloc_array(c->a, (size_t)n, sizeof(int)); /* rows still held */
    if (!cw || !cx || !busy)
        return;
    column_widths(table->cols, n, width, cw);
    if (!columns_usable(c, table, cw, n,
                        _("the table's column %d of %d is %s mm wide once the others have their "
                          "share; a column needs at least 5 mm for its text: widen it, or give "
                          "the others less")))
        return;
    cx[0] = x;
    for (int i = 0; i < n; i++)
        cx[i + 1] = cx[i] + cw[i];

    slice_space(c, out, table, table->style->space_before);
    SliceList headers = {0};
    /* The cells above the next group's top edge, and below its bottom one,
     * by column; then the edges of one row edge. */
    const Box **above = arena_alloc_array(c->a, (size_t)n, sizeof(*above));
    const Box **below = arena_alloc_array(c->a, (size_t)n, sizeof(*below));
    Edge *edges = arena_alloc_array(c->a, (size_t)n, sizeof(Edge));
    if (!above || !below || !edges)
        return;
    const Box *row = table->first;
    while (row) {
        /* Find the group: rows until no rowspan reaches past the last. */
        const Box *group_end = row; /* inclusive */
        int nrows = 0, reach = 0;
        for (const Box *r = row; r; r = r->next) {
            nrows++;
            for (const Box *cell = r->first; cell; cell = cell->next)
                if (nrows - 1 + cell->rowspan > reach)
                    reach = nrows - 1 + cell->rowspan;
            group_end = r;
            if (reach <= nrows || !r->next || r->next->header != r->header)
                break;
        }
        int *rh = arena_alloc_array(c->a, (size_t)nrows + 1, sizeof(int));
        typedef struct Placed {
            const Box *cell;
            int row, col, span_cols, span_rows, h;
            Frag *content;
            int content_h;
        } Placed;
        int ncells = 0;
        for (const Box *r = row;; r = r->next) {
            for (const Box *cell = r->first; cell; cell = cell->next)
                ncells++;
            if (r == group_end)
                break;
        }
        Placed *pl = arena_alloc_array(c->a, (size_t)ncells + 1, sizeof(Placed));
        if (!rh || !pl)
            return;
        int k = 0, ri = 0;
        for (const Box *r = row;; r = r->next, ri++) {
            int col = 0;
            for (const Box *cell = r->first; cell; cell = cell->next) {
                while (col < n && busy[col] > 0)
                    col++;
                if (col >= n)
                    break; /* reported by doc_build */
                int span = cell->colspan;
                if (col + span > n)
                    span = n - col;
                int rows = cell->rowspan;
                if (ri + rows > nrows)
                    rows = nrows - ri;
                const Style *st = cell->style;
                int inset = st->border + st->padding;
                int w = cx[col + span] - cx[col];
                Placed *p = &pl[k++];
                p->cell = cell;
                p->row = ri;
                p->col = col;
                p->span_cols = span;
                p->span_rows = rows;
                p->content =
                    measure_stack(c, cell->first, cx[col] + inset, w - 2 * inset, &p->content_h);
                p->h = p->content_h + 2 * inset;
                for (int q = col; q < col + span; q++)
                    busy[q] = rows;
                col += span;
            }
            for (int q = 0; q < n; q++)
                busy[q] = busy[q] > 0 ? busy[q] - 1 : 0;
            if (r == group_end)
                break;
        }
        for (int i = 0; i < k; i++)
            if (pl[i].span_rows == 1 && pl[i].h > rh[pl[i].row])
                rh[pl[i].row] = pl[i].h;
        for (int i = 0; i < k; i++) {
            if (pl[i].span_rows <= 1)
                continue;
            int sum = 0;
            for (int q = pl[i].row; q < pl[i].row + pl[i].span_rows; q++)
                sum += rh[q];
            if (pl[i].h > sum)
                rh[pl[i].row + pl[i].span_rows - 1] += pl[i].h - sum;
        }
        int *ry = arena_alloc_array(c->a, (size_t)nrows + 1, sizeof(int));
        if (!ry)
            return;
        for (int q = 0; q < nrows; q++)
            ry[q + 1] = ry[q] + rh[q];
        Frag *frags = NULL, **tail = &frags;
        for (int i = 0; i < k; i++) {
            int top = ry[pl[i].row];
            int h = ry[pl[i].row + pl[i].span_rows] - top;
            int w = cx[pl[i].col + pl[i].span_cols] - cx[pl[i].col];
            Frag *d = frags_decorate(c, pl[i].cell, pl[i].cell->style, cx[pl[i].col], w,
                                     pl[i].content, pl[i].content_h, h, 0);
            tail = frags_append(c, tail, d, top);
        }
        /* The grid's cells, by row and column (NULL where a row is short). */
        const Box **grid = arena_alloc_array(c->a, (size_t)nrows * (size_t)n, sizeof(*grid));
        if (!grid)
            return;
        for (int i = 0; i < k; i++)
            for (int q = pl[i].row; q < pl[i].row + pl[i].span_rows; q++)
                for (int col = pl[i].col; col < pl[i].col + pl[i].span_cols; col++)
                    grid[q * n + col] = pl[i].cell;
        /* Rows inside the group, then its bottom against the next row. */
        for (int r = 1; r <= nrows; r++) {
            if (r == nrows)
                row_cells(group_end->next, n, below);
            for (int q = 0; q < n; q++)
                edges[q] = edge_between(grid[(r - 1) * n + q], SIDE_BOTTOM,
                                        r < nrows ? grid[r * n + q] : below[q], SIDE_TOP);
            tail = horizontal_rules(c, tail, edges, n, cx, ry[r], r < nrows ? RULE_ON : RULE_ABOVE);
        }
        /* Columns, row by row, joined down the rows where they agree. */
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
        /* The top edge, drawn where the group starts its table on a page. */
        Frag *top_rule = NULL;
        int rule_w = 0;
        uint32_t rule_color = 0;
        for (int q = 0; q < n; q++) {
            edges[q] = edge_between(above[q], SIDE_BOTTOM, grid[q], SIDE_TOP);
            if (edges[q].w > rule_w)
                rule_w = edges[q].w, rule_color = edges[q].color;
        }
        horizontal_rules(c, &top_rule, edges, n, cx, 0, RULE_BELOW);
        for (int q = 0; q < n; q++)
            above[q] = grid[(nrows - 1) * n + q];
        Slice *s = slice_add(c, out, SL_ATOM, row, ry[nrows]);
        if (!s)
            return;
        s->frags = frags;
        s->top_rule = top_rule;
        s->rule_w = rule_w;
        s->rule_color = rule_color;
        s->x = cx[0];
        s->w = cx[n] - cx[0];
        s->table = table;
        s->header_row = row->header;
        s->keep_with_next = row->header;
        if (row->header) {
            Slice *copy = slice_add(c, &headers, SL_ATOM, row, ry[nrows]);
            if (copy) {
                *copy = *s;
                copy->next = NULL;
            }
        }
        row = group_end->next;
    }
    /* Every body row knows the header rows to repeat above it. */
    for (Slice *s = out->first; s; s = s->next)
        if (s->table == table && !s->header_row)
            s->headers = headers.first;
    slice_space(c, out, table, table->style->space_after);
}
