/*
 * core/diag.c — formatting of diagnostics.
 *
 * The line format is the one compilers use, so editors and CI logs can jump to
 * the place. Messages never contain a newline: a stray one from a library is
 * folded into a space when the Diag is made (see run_diag).
 */
#include "core/diag.h"

const char *
diag_level_name(DiagLevel level)
{
    switch (level) {
    case DIAG_NOTE:
        return "note";
    case DIAG_WARNING:
        return "warning";
    case DIAG_ERROR:
        return "error";
    }
    return "error";
}

void
diag_print(const Diag *d, FILE *fp)
{
    if (d->file) {
        fputs(d->file, fp);
        if (d->line > 0) {
            fprintf(fp, ":%ld", d->line);
            if (d->col > 0)
                fprintf(fp, ":%ld", d->col);
        }
        fputs(": ", fp);
    }
    fprintf(fp, "%s: %s\n", diag_level_name(d->level), d->message);
}
