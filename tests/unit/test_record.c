/*
 * tests/unit/test_record.c — the finish stage completes the cells and links
 * paint tagged (pdf/record.c) only when the tree holds what the record says.
 *
 * The input is a small tagged PDF written by Cairo here (a table with a
 * header cell spanning two columns and a body cell spanning two rows, and a
 * link); the output is read back with libqpdf. A record with one cell too
 * many must leave every cell without attributes, with a warning; a link the
 * tree does not pair is described by its own target.
 */
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <qpdf/qpdf-c.h>

#include "pdf/finish.h"
#include "test.h"

/* Document › Table › (TR › TH) (TR › TD TD) (TR › TD), then P › Link. */
static void
tagged_pdf(TestMem *out)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(test_mem_write, out, 200, 200);
    cairo_t *cr = cairo_create(s);
    static const char *const rows[3][2] = {{"TH", NULL}, {"TD", "TD"}, {"TD", NULL}};
    cairo_tag_begin(cr, "Document", NULL);
    cairo_tag_begin(cr, "Table", NULL);
    for (int i = 0; i < 3; i++) {
        cairo_tag_begin(cr, "TR", NULL);
        for (int j = 0; j < 2 && rows[i][j]; j++) {
            cairo_tag_begin(cr, rows[i][j], NULL);
            cairo_rectangle(cr, 10 + 60 * j, 10 + 30 * i, 50, 20);
            cairo_fill(cr);
            cairo_tag_end(cr, rows[i][j]);
        }
        cairo_tag_end(cr, "TR");
    }
    cairo_tag_end(cr, "Table");
    cairo_tag_begin(cr, "P", NULL);
    cairo_rectangle(cr, 10, 150, 50, 10);
    cairo_fill(cr);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, "uri='https://example.fr/' rect=[10 150 50 10]");
    cairo_tag_end(cr, CAIRO_TAG_LINK);
    cairo_tag_end(cr, "P");
    cairo_tag_end(cr, "Document");
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
}

typedef struct Got {
    char cells[4][64]; /* each TH or TD: its tag and its /A, "TH /Scope /Column /ColSpan 2" */
    int ncells;
    char contents[64]; /* the link's /Contents */
} Got;

static void
read_cells(qpdf_data q, qpdf_oh k, Got *g, int depth)
{
    if (depth > 8)
        return;
    if (qpdf_oh_is_array(q, k)) {
        for (int i = 0; i < qpdf_oh_get_array_n_items(q, k); i++)
            read_cells(q, qpdf_oh_get_array_item(q, k, i), g, depth);
        return;
    }
    if (!qpdf_oh_is_dictionary(q, k) || !qpdf_oh_has_key(q, k, "/S"))
        return;
    const char *tag = qpdf_oh_get_name(q, qpdf_oh_get_key(q, k, "/S"));
    if ((!strcmp(tag, "/TH") || !strcmp(tag, "/TD")) && g->ncells < 4) {
        char *c = g->cells[g->ncells++];
        qpdf_oh a = qpdf_oh_get_key(q, k, "/A");
        snprintf(c, 64, "%s", tag + 1);
        static const char *const keys[] = {"/O", "/Scope", "/ColSpan", "/RowSpan"};
        for (int i = 0; i < 4 && qpdf_oh_is_dictionary(q, a); i++)
            if (qpdf_oh_has_key(q, a, keys[i]))
                snprintf(c + strlen(c), 64 - strlen(c), " %s %s", keys[i],
                         qpdf_oh_unparse(q, qpdf_oh_get_key(q, a, keys[i])));
    }
    if (!strcmp(tag, "/Link")) {
        qpdf_oh k0 = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, k, "/K"), 0);
        qpdf_oh c = qpdf_oh_get_key(q, qpdf_oh_get_key(q, k0, "/Obj"), "/Contents");
        snprintf(g->contents, sizeof g->contents, "%s",
                 qpdf_oh_is_string(q, c) ? qpdf_oh_get_utf8_value(q, c) : "(none)");
    }
    read_cells(q, qpdf_oh_get_key(q, k, "/K"), g, depth + 1);
}

static void
read_back(const unsigned char *pdf, size_t n, Got *g)
{
    qpdf_data q = qpdf_init();
    memset(g, 0, sizeof *g);
    qpdf_silence_errors(q);
    if (!(qpdf_read_memory(q, "finished", (const char *)pdf, n, NULL) & QPDF_ERRORS))
        read_cells(
            q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot"), "/K"), g,
            0);
    qpdf_cleanup(&q);
}

static int
warned(const Run *r, const char *text)
{
    for (const Diag *d = r->diags; d; d = d->next)
        if (d->level == DIAG_WARNING && strstr(d->message, text))
            return 1;
    return 0;
}

void
test_record(void)
{
    TestMem pdf = {0};
    tagged_pdf(&pdf);
    CHECK(pdf.len > 0);

    /* The boxes paint would have tagged: a head row of one cell spanning
     * both columns, two body rows, the first cell of the first spanning
     * both. */
    Box table = {.kind = BOX_TABLE, .ncols = 2, .head_rows = 1};
    Box rows[3] = {{.kind = BOX_ROW, .header = 1}, {.kind = BOX_ROW}, {.kind = BOX_ROW}};
    Box th = {.kind = BOX_CELL, .header = 1, .colspan = 2, .rowspan = 1, .parent = &rows[0]};
    Box tall = {.kind = BOX_CELL, .colspan = 1, .rowspan = 2, .parent = &rows[1]};
    Box beside = {.kind = BOX_CELL, .colspan = 1, .rowspan = 1, .parent = &rows[1]};
    Box last = {.kind = BOX_CELL, .colspan = 1, .rowspan = 1, .parent = &rows[2]};
    for (int i = 0; i < 3; i++) {
        rows[i].parent = &table;
        rows[i].next = i < 2 ? &rows[i + 1] : NULL;
    }
    /* As paint records them (paint.c, record_cell). */
    const Box *boxes[] = {&th, &tall, &beside, &last, &last};
    PaintCell cells[5];
    for (int i = 0; i < 5; i++) {
        cells[i].header = boxes[i]->header ? 1 : boxes[i]->row_header ? 2 : 0;
        pg_cell_span(boxes[i], &cells[i].cols, &cells[i].rows);
    }
    static const char text[] = "Voir le\xc2\xad site";
    TextLink link = {NULL, 5, (int)sizeof text - 1, "https://example.fr/", NULL};
    PaintLink links[] = {{text, sizeof text - 1, link.start, link.end, link.href}};

    for (int c = 0; c < 3; c++) {
        /* 0: as painted; 1: a cell the tree does not hold; 2: no link. */
        PaintRecord rec = {
            .cells = cells, .ncells = c == 1 ? 5 : 4, .links = links, .nlinks = c == 2 ? 0 : 1};
        FinishOptions fo = {.lang = "fr-FR", .producer = "copil test", .record = &rec};
        Run r;
        unsigned char *out = NULL;
        size_t len = 0;
        Got g;
        run_init(&r, "record");
        CHECK(pdf_finish(&r, pdf.data, pdf.len, &fo, &out, &len) == STATUS_OK);
        read_back(out, len, &g);
        CHECK(g.ncells == 4);
        if (c == 1) {
            CHECK_STR(g.cells[0], "TH");
            CHECK_STR(g.cells[1], "TD");
            CHECK(warned(&r, "without their header scopes and spans"));
        } else {
            CHECK_STR(g.cells[0], "TH /O /Table /Scope /Column /ColSpan 2");
            CHECK_STR(g.cells[1], "TD /O /Table /RowSpan 2");
        }
        CHECK_STR(g.cells[2], "TD");
        CHECK_STR(g.cells[3], "TD");
        CHECK_STR(g.contents, c == 2 ? "Lien vers example.fr" : "le site");
        CHECK(c == 2 ? warned(&r, "described by their targets") : c == 1 || r.diags == NULL);
        free(out);
        run_free(&r);
    }
    free(pdf.data);
}
