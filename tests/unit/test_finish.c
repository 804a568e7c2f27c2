/*
 * tests/unit/test_finish.c — the finish stage pairs text alternatives with
 * Figures, and signature fields with Divs, only when the counts match.
 *
 * The input is a small tagged PDF written by Cairo here; the output is read
 * back with libqpdf. A tree with fewer Figures than alternative texts must
 * leave every Figure without /Alt, with a warning, rather than give one
 * Figure the text of another.
 */
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <qpdf/qpdf-c.h>

#include "pdf/finish.h"
#include "test.h"

cairo_status_t
test_mem_write(void *closure, const unsigned char *data, unsigned int n)
{
    TestMem *m = closure;
    unsigned char *grown = realloc(m->data, m->len + n);
    if (!grown)
        return CAIRO_STATUS_WRITE_ERROR;
    memcpy(grown + m->len, data, n);
    m->data = grown;
    m->len += n;
    return CAIRO_STATUS_SUCCESS;
}

/* Document › Figure, Figure, Div (each with a little drawing). */
static void
tagged_pdf(TestMem *out)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(test_mem_write, out, 200, 200);
    cairo_t *cr = cairo_create(s);
    static const char *const tags[] = {"Figure", "Figure", "Div"};
    cairo_tag_begin(cr, "Document", NULL);
    for (int i = 0; i < 3; i++) {
        cairo_tag_begin(cr, tags[i], NULL);
        cairo_rectangle(cr, 10 + 60 * i, 10, 50, 50);
        cairo_fill(cr);
        cairo_tag_end(cr, tags[i]);
    }
    cairo_tag_end(cr, "Document");
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
}

/* The /Alt of each Figure (NULL for none) into alts, and whether a Form
 * element sits in the Div; returns the number of Figures. */
static int
read_back(const unsigned char *pdf, size_t n, char alts[][32], int *form_in_div)
{
    qpdf_data q = qpdf_init();
    int nfig = 0;
    *form_in_div = 0;
    qpdf_silence_errors(q);
    if (qpdf_read_memory(q, "finished", (const char *)pdf, n, NULL) & QPDF_ERRORS)
        goto out;
    qpdf_oh tree = qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot");
    qpdf_oh doc = qpdf_oh_get_key(q, tree, "/K");
    if (qpdf_oh_is_array(q, doc))
        doc = qpdf_oh_get_array_item(q, doc, 0);
    qpdf_oh kids = qpdf_oh_get_key(q, doc, "/K");
    int nk = qpdf_oh_get_array_n_items(q, kids);
    for (int i = 0; i < nk; i++) {
        qpdf_oh e = qpdf_oh_get_array_item(q, kids, i);
        qpdf_oh s = qpdf_oh_get_key(q, e, "/S");
        const char *tag = qpdf_oh_is_name(q, s) ? qpdf_oh_get_name(q, s) : "";
        if (!strcmp(tag, "/Figure") && nfig < 4) {
            qpdf_oh alt = qpdf_oh_get_key(q, e, "/Alt");
            snprintf(alts[nfig++], 32, "%s",
                     qpdf_oh_is_string(q, alt) ? qpdf_oh_get_utf8_value(q, alt) : "(none)");
        }
        if (!strcmp(tag, "/Div")) {
            qpdf_oh k = qpdf_oh_get_key(q, e, "/K");
            int m = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_n_items(q, k) : 0;
            for (int j = 0; j < m; j++)
                *form_in_div |=
                    qpdf_oh_is_dictionary(q, qpdf_oh_get_array_item(q, k, j)) &&
                    !strcmp(qpdf_oh_get_name(
                                q, qpdf_oh_get_key(q, qpdf_oh_get_array_item(q, k, j), "/S")),
                            "/Form");
        }
    }
out:
    qpdf_cleanup(&q);
    return nfig;
}

static int
warned(const Run *r, const char *text)
{
    for (const Diag *d = r->diags; d; d = d->next)
        if (d->level == DIAG_WARNING && strstr(d->message, text))
            return 1;
    return 0;
}

/* Finishes pdf with nalts alternative texts and nsigs fields. */
static void
finish_case(const TestMem *pdf, int nalts, int nsigs, const char *want0, const char *want1,
            int want_form_in_div, const char *warning)
{
    static const char *alts[] = {"un", "deux", "trois"};
    static PaintSignature sigs[] = {
        {"Signature-a", "A", 0, 10, 10, 50, 50},
        {"Signature-b", "B", 0, 60, 10, 100, 50},
    };
    PaintRecord rec = {.figures = alts, .nfigures = nalts, .sigs = sigs, .nsigs = nsigs};
    FinishOptions fo = {"fr-FR", "copil test", 1, &rec};
    Run r;
    unsigned char *out = NULL;
    size_t len = 0;
    char got[4][32];
    int form_in_div = 0;
    run_init(&r, "finish");
    CHECK(pdf_finish(&r, pdf->data, pdf->len, &fo, &out, &len) == STATUS_OK);
    CHECK(read_back(out, len, got, &form_in_div) == 2);
    CHECK_STR(got[0], want0);
    CHECK_STR(got[1], want1);
    CHECK(form_in_div == want_form_in_div);
    CHECK(warning ? warned(&r, warning) : r.diags == NULL);
    free(out);
    run_free(&r);
}

void
test_finish(void)
{
    TestMem pdf = {0};
    tagged_pdf(&pdf);
    CHECK(pdf.len > 0);
    /* As many texts as Figures: each its own. */
    finish_case(&pdf, 2, 1, "un", "deux", 1, NULL);
    /* One text too many (a Figure the tree does not hold): none is given. */
    finish_case(&pdf, 3, 1, "(none)", "(none)", 1, "without their text alternatives");
    /* Two fields for one Div: both Forms go to the document element. */
    finish_case(&pdf, 2, 2, "un", "deux", 0, "tagged outside their blocks");
    free(pdf.data);
}
