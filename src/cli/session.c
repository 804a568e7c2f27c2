/*
 * cli/session.c — the render session as the command line opens it, and the
 * diagnostics as it prints them.
 *
 * render/session.c finds the data folder and builds the Session without a
 * word; here what goes wrong is printed, once, the way every command prints
 * it.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "config.h" /* COPIL_DATADIR_DEFAULT, written by the Makefile from PREFIX */

char *
cli_find_datadir(void)
{
    char *dir;
    const char *env;
    Status st = render_find_datadir(&dir, &env);
    if (st == STATUS_INVALID && env)
        fprintf(stderr,
                _("copil: error: COPIL_DATADIR is set to \"%s\", which holds no "
                  "schemas/common.xsd\n"),
                env);
    else if (st == STATUS_INVALID)
        fprintf(stderr,
                _("copil: error: cannot find copil's data (schemas, stylesheets, fonts); looked in "
                  "the source tree and in %s; set COPIL_DATADIR\n"),
                COPIL_DATADIR_DEFAULT);
    return st == STATUS_OK ? dir : NULL;
}

Status
cli_session_open(Session *s)
{
    memset(s, 0, sizeof(*s));
    char *datadir = cli_find_datadir();
    if (!datadir)
        return STATUS_IO;
    Status st = render_session_open(s, datadir);
    free(datadir);
    if (st != STATUS_OK)
        fputs(_("copil: error: out of memory\n"), stderr);
    return st;
}

Status
cli_session_fonts(Session *s)
{
    Run r;
    run_init(&r, NULL);
    Status st = render_session_fonts(s, &r);
    cli_print_diags(&r);
    run_free(&r);
    return st;
}

void
cli_print_diags(Run *r)
{
    Diag **v = run_sorted_diags(r);
    if (!v) {
        for (Diag *d = r->diags; d; d = d->next)
            diag_print(d, stderr);
    } else {
        for (Diag **d = v; *d; d++)
            diag_print(*d, stderr);
    }
    if (r->ndropped)
        fprintf(stderr,
                ngettext("%s: note: %u more problem not shown\n",
                         "%s: note: %u more problems not shown\n", r->ndropped),
                r->file ? r->file : "copil", r->ndropped);
}
