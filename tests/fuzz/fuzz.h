/*
 * tests/fuzz/fuzz.h — what every fuzz target shares: libFuzzer's entry
 * points and the session (schemas, stylesheets, fonts, hyphenation), built
 * once per process as copil builds it.
 */
#ifndef COPIL_FUZZ_H
#define COPIL_FUZZ_H

#include <stdint.h>
#include <stdlib.h>

#include "cli/cli.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static Session session;

/* Opens the session with its fonts; a target that cannot is broken. */
static void
fuzz_open_session(void)
{
    if (cli_session_open(&session) != STATUS_OK || cli_session_fonts(&session) != STATUS_OK)
        abort();
}

#endif
