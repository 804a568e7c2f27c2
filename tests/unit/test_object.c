/*
 * tests/unit/test_object.c — the finish stage's PDF objects (pdf/object.c):
 * PDF syntax read as PDF says (escapes, hex strings, references, a key
 * given twice), text strings in PDFDocEncoding or UTF-16BE, and a file
 * written from Cairo's that an independent reader (libqpdf) reads without
 * a warning, the same bytes every time.
 */
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <qpdf/qpdf-c.h>

#include "pdf/object.h"
#include "test.h"

static void
syntax(PdfFile *f)
{
    PdfObj *s = pdf_parse(f, "(a\\(b\\)c\\101\\\nd (e) \\n)");
    CHECK(s && s->kind == PDF_STRING && s->len == 13 && !memcmp(s->s, "a(b)cAd (e) \n", 13));
    s = pdf_parse(f, "<48 65 6c6c6F7>");
    CHECK(s && s->kind == PDF_STRING && s->len == 6 && !memcmp(s->s, "Hellop", 6));
    PdfObj *a = pdf_parse(f, "[1 0 R 2 -3.5 /N#20x true null]");
    CHECK(a && a->kind == PDF_ARRAY && a->n == 6);
    if (a && a->n == 6) {
        CHECK(a->items[0]->kind == PDF_REF && a->items[0]->i == 1);
        CHECK(a->items[1]->kind == PDF_INT && a->items[1]->i == 2);
        CHECK(a->items[2]->kind == PDF_REAL && !strcmp(a->items[2]->s, "-3.5"));
        CHECK(pdf_is_name(a->items[3], "N#20x"));
        CHECK(a->items[4]->kind == PDF_BOOL && a->items[4]->i == 1);
        CHECK(a->items[5]->kind == PDF_NULL);
    }
    PdfObj *d = pdf_parse(f, "<< /A 1 /B << /C [] >> /A 2 >>");
    CHECK(d && d->kind == PDF_DICT && d->n == 2);
    PdfObj *v = pdf_key(f, d, "A");
    CHECK(v && v->kind == PDF_INT && v->i == 2); /* the last one counts */
    CHECK(pdf_key(f, pdf_key(f, d, "B"), "C") != NULL);
    pdf_set(f, d, "A", NULL);
    CHECK(d && d->n == 1 && !pdf_key(f, d, "A"));
    CHECK(!f->failed);
    CHECK(pdf_parse(f, "<< /A >>") == NULL && f->failed); /* a key without value */
    f->failed = 0;
    CHECK(pdf_parse(f, "(never closed") == NULL);
    f->failed = 0;
}

static void
text(PdfFile *f)
{
    PdfObj *t = pdf_new_text(f, "Réunion — 1er"); /* é and — have PDFDocEncoding bytes */
    CHECK(t && t->len == 13 && (unsigned char)t->s[1] == 0xE9 && (unsigned char)t->s[8] == 0x84);
    CHECK_STR(pdf_utf8(f, t), "Réunion — 1er");
    t = pdf_new_text(f, "Page 2 → 3"); /* the arrow has none: UTF-16BE */
    CHECK(t && t->len == 2 + 2 * 10 && (unsigned char)t->s[0] == 0xFE);
    CHECK_STR(pdf_utf8(f, t), "Page 2 → 3");
}

/* A small tagged PDF from Cairo, finished by nothing but the writer. */
static void
round_trip(void)
{
    TestMem in = {0};
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(test_mem_write, &in, 200, 200);
    cairo_t *cr = cairo_create(s);
    cairo_tag_begin(cr, "Document", NULL);
    cairo_rectangle(cr, 10, 10, 50, 50);
    cairo_fill(cr);
    cairo_tag_end(cr, "Document");
    cairo_show_page(cr);
    cairo_rectangle(cr, 20, 20, 50, 50);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);

    unsigned char *out[2] = {NULL, NULL};
    size_t len[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
        Run r;
        PdfFile f;
        run_init(&r, "object");
        CHECK(pdf_read(&f, &r.arena, in.data, in.len) == STATUS_OK);
        PdfObj *root = pdf_key(&f, f.trailer, "Root");
        CHECK(pdf_key_is(&f, root, "Type", "Catalog"));
        pdf_set(&f, root, "Lang", pdf_new_text(&f, "fr-FR"));
        CHECK(pdf_write(&f, &r, 6, &out[k], &len[k]) == STATUS_OK);
        CHECK(r.diags == NULL);
        run_free(&r);
    }
    CHECK(len[0] > 0 && len[0] == len[1] && !memcmp(out[0], out[1], len[0]));

    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    int read = !(qpdf_read_memory(q, "written", (const char *)out[0], len[0], NULL) & QPDF_ERRORS);
    CHECK(read);
    if (read) {
        CHECK(qpdf_get_num_pages(q) == 2);
        CHECK(!qpdf_more_warnings(q));
        qpdf_oh lang = qpdf_oh_get_key(q, qpdf_get_root(q), "/Lang");
        CHECK_STR(qpdf_oh_is_string(q, lang) ? qpdf_oh_get_utf8_value(q, lang) : "", "fr-FR");
        CHECK(qpdf_oh_is_dictionary(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot")));
    }
    qpdf_cleanup(&q);

    /* Not Cairo's kind of file: refused, not guessed at. */
    Run r;
    PdfFile f;
    run_init(&r, "object");
    CHECK(pdf_read(&f, &r.arena, out[0], len[0]) == STATUS_IO); /* a cross-reference stream */
    CHECK(pdf_read(&f, &r.arena, (const unsigned char *)"%PDF-1.7\nnothing", 16) == STATUS_IO);
    run_free(&r);
    free(out[0]);
    free(out[1]);
    free(in.data);
}

void
test_object(void)
{
    Run r;
    PdfFile f = {0};
    run_init(&r, "object");
    f.a = &r.arena;
    syntax(&f);
    text(&f);
    run_free(&r);
    round_trip();
}
