/*
 * cli/new.c — `copil new KIND`: a commented data file to fill in, on stdout.
 *
 * The templates are data, not code: stylesheets/templates/KIND.xml in the data
 * folder, printed byte for byte, so an académie rewords them like the
 * stylesheets, without rebuilding. Only the four known kinds are looked up,
 * so KIND never names a path. The template is not validated here: its
 * [[NAME]] blanks are meant to make it invalid until they are filled in.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/file.h"
#include "core/i18n.h"

/* A template is a few kB; anything near this is not one. */
#define TEMPLATE_LIMIT (1024 * 1024)

/* Reads the template of kind from the data folder and writes it to stdout.
 * Problems are printed; returns STATUS_IO when the template cannot be read
 * or stdout cannot be written. */
static Status
print_template(const char *datadir, const char *kind)
{
    char path[PATH_MAX];
    char *data = NULL;
    size_t len = 0;
    Run run;
    Status st;

    if ((size_t)snprintf(path, sizeof(path), "%s/stylesheets/templates/%s.xml", datadir, kind) >=
        sizeof(path)) {
        fprintf(stderr, _("copil new: error: the data folder's path is too long: %s\n"), datadir);
        return STATUS_IO;
    }
    run_init(&run, path);
    st = file_read_all(&run, path, TEMPLATE_LIMIT, &data, &len);
    if (st != STATUS_OK) {
        cli_print_diags(&run);
        fprintf(stderr,
                _("copil new: error: the %s template is missing from copil's data folder %s; "
                  "reinstall copil, or set COPIL_DATADIR to a folder that holds "
                  "stylesheets/templates/%s.xml\n"),
                kind, datadir, kind);
        st = STATUS_IO; /* an oversized template is broken data, not the user's input */
        goto out;
    }
    int err = file_write_stdout(data, len);
    if (err) {
        fprintf(stderr, _("copil new: error: cannot write the template to standard output: %s\n"),
                strerror(err));
        st = STATUS_IO;
    }
out:
    run_free(&run);
    return st;
}

int
cli_new(int argc, char **argv)
{
    const char *kind = NULL;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help"))
            return cli_help(stdout, "new");
        if (arg[0] == '-' && arg[1]) {
            fprintf(stderr, _("copil new: error: unknown option %s; see copil help new\n"), arg);
            return STATUS_USAGE;
        }
        if (kind) {
            fprintf(stderr,
                    _("copil new: error: name one kind of file, not several (\"%s\", \"%s\")\n"
                      "usage: copil new KIND > FILE.xml\n"),
                    kind, arg);
            return STATUS_USAGE;
        }
        kind = arg;
    }
    if (!kind) {
        fprintf(stderr, "%s",
                _("copil new: error: name the kind of file to start: agenda, minutes, "
                  "mission-letter or activity-report\n"
                  "usage: copil new KIND > FILE.xml\n"));
        return STATUS_USAGE;
    }
    if (!render_kind_named(kind) || !render_kind_named(kind)->typed) {
        fprintf(stderr,
                _("copil new: error: there is no template \"%s\": choose agenda, minutes, "
                  "mission-letter or activity-report\n"),
                kind);
        return STATUS_USAGE;
    }
    char *datadir = cli_find_datadir();
    if (!datadir)
        return STATUS_IO;
    Status st = print_template(datadir, kind);
    free(datadir);
    return (int)st;
}
