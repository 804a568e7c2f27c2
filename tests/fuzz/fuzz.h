/*
 * tests/fuzz/fuzz.h — what every fuzz target shares: libFuzzer's entry
 * points and the session (schemas, stylesheets, fonts, hyphenation), built
 * once per process as copil builds it.
 */
#ifndef COPIL_FUZZ_H
#define COPIL_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "render/render.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static Session session;

/* Opens the session with its fonts, through render/ as every front end
 * does; what it says (a missing hyphenation dictionary) is printed, and a
 * target that cannot open it is broken. */
static void
fuzz_open_session(void)
{
    char *dir = NULL;
    const char *env;
    Run r;
    run_init(&r, NULL);
    if (render_find_datadir(&dir, &env) != STATUS_OK ||
        render_session_open(&session, dir) != STATUS_OK) {
        fprintf(stderr, "fuzz: no session: copil's data folder not found (COPIL_DATADIR=%s), "
                        "or out of memory\n",
                env ? env : "");
        abort();
    }
    Status st = render_session_fonts(&session, &r);
    for (const Diag *d = r.diags; d; d = d->next)
        diag_print(d, stderr);
    if (st != STATUS_OK)
        abort();
    free(dir);
    run_free(&r);
}

#endif
