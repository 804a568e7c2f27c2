/*
 * core/diag.c — formatting of diagnostics.
 *
 * The line format is the one compilers use, so editors and CI logs can jump to
 * the place. Messages never contain a newline: a stray one from a library is
 * folded into a space when the Diag is made (see run_diag).
 */
#include "core/diag.h"
#include "core/i18n.h"

const char *
diag_level_name(DiagLevel level)
{
    switch (level) {
    case DIAG_NOTE:
        return _("note");
    case DIAG_WARNING:
        return _("warning");
    case DIAG_ERROR:
        return _("error");
    }
    return _("error");
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
    /* TRANSLATORS: a diagnostic's level ("error") and its message. French
     * puts a narrow no-break space before the colon. */
    fprintf(fp, _("%s: %s\n"), diag_level_name(d->level), d->message);
}
