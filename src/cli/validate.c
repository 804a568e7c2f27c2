/*
 * cli/validate.c — `copil validate FILE...`.
 *
 * One Run per file: every file is checked and every problem printed, even
 * after a bad one. The exit code is the worst status met.
 */
#include <string.h>

#include <libxml/tree.h>

#include "cli/cli.h"

/* "meeting, with its record": what the file will render as. */
static const char *
describe(xmlDocPtr doc, DocKind kind)
{
    if (kind == DOC_LAYOUT)
        return "layout document";
    if (kind != DOC_MEETING)
        return validate_kind_name(kind);
    return validate_meeting_has_record(doc) ? "meeting, with its record" : "meeting, agenda only";
}

int
cli_validate(int argc, char **argv)
{
    int quiet = 0, first = 1, nfiles;
    Status worst = STATUS_OK;
    Session session;

    for (; first < argc; first++) {
        const char *arg = argv[first];
        if (!strcmp(arg, "--")) {
            first++;
            break;
        }
        if (!strcmp(arg, "-q") || !strcmp(arg, "--quiet")) {
            quiet = 1;
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            return cli_help(stdout, "validate");
        } else if (arg[0] == '-' && arg[1]) {
            fprintf(stderr, "copil validate: error: unknown option %s; see copil help validate\n",
                    arg);
            return STATUS_USAGE;
        } else {
            break;
        }
    }
    nfiles = argc - first;
    if (nfiles == 0) {
        fprintf(stderr, "copil validate: error: name at least one file to check\n"
                        "usage: copil validate [-q] FILE...\n");
        return STATUS_USAGE;
    }
    if (cli_session_open(&session) != STATUS_OK)
        return STATUS_IO;

    int nvalid = 0;
    for (int i = first; i < argc; i++) {
        Run run;
        xmlDocPtr doc = NULL;
        DocKind kind = DOC_UNKNOWN;
        run_init(&run, argv[i]);
        Status st = validate_file(session.validator, &run, argv[i], &doc, &kind);
        cli_print_diags(&run);
        if (st == STATUS_OK) {
            nvalid++;
            if (!quiet)
                printf("%s: valid %s\n", argv[i], describe(doc, kind));
        }
        worst = status_worst(worst, st);
        run_free(&run);
    }
    if (nfiles > 1 && !quiet)
        printf("%d file%s checked: %d valid, %d with problems\n", nfiles, nfiles > 1 ? "s" : "",
               nvalid, nfiles - nvalid);
    fflush(stdout);
    cli_session_close(&session);
    return (int)worst;
}
