/*
 * tests/unit/test_run.c — diagnostics: order, folding, cap; deferred cleanups.
 */
#include "core/run.h"
#include "test.h"

static int freed_order[3], nfreed;
static void
note_free(void *p)
{
    freed_order[nfreed++] = *(int *)p;
}

void
test_run(void)
{
    Run r;
    run_init(&r, "meeting.xml");
    run_diag(&r, DIAG_ERROR, 42, 5, "second\nline");
    run_diag(&r, DIAG_WARNING, 3, 1, "first  ");
    run_diag_at(&r, DIAG_ERROR, "agenda.xsl", 1, 0, "other file");
    run_diag(&r, DIAG_ERROR, 42, 2, "earlier column");
    CHECK(r.nerrors == 3);
    Diag **v = run_sorted_diags(&r);
    CHECK(v != NULL);
    if (v) {
        CHECK_STR(v[0]->message, "first");
        CHECK_STR(v[1]->message, "earlier column");
        CHECK_STR(v[2]->message, "second line");
        CHECK_STR(v[3]->message, "other file");
        CHECK(v[4] == NULL);
    }
    /* The cap keeps the count of what was dropped. */
    for (int i = 0; i < RUN_MAX_DIAGS + 10; i++)
        run_diag(&r, DIAG_ERROR, i, 0, "x");
    CHECK(r.ndiags == RUN_MAX_DIAGS);
    CHECK(r.ndropped == 14);
    run_free(&r);

    /* Cleanups run last registered, first called. */
    static int one = 1, two = 2;
    run_init(&r, "x");
    run_defer(&r, note_free, &one);
    run_defer(&r, note_free, &two);
    run_free(&r);
    CHECK(nfreed == 2 && freed_order[0] == 2 && freed_order[1] == 1);
}
