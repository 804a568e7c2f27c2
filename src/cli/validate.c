/*
 * cli/validate.c — `copil validate FILE...`.
 *
 * One Run per file: every file is checked and every problem printed, even
 * after a bad one. The exit code is the worst status met. A data file's
 * logo is read and checked as render checks it, so that a file that
 * validates does not fail later for its logo.
 */
#include <libgen.h>
#include <string.h>

#include <libxml/tree.h>

#include "cli/cli.h"
#include "doc/doc.h"
#include "core/i18n.h"

/* The logos of a valid data file, each checked by doc_image_load. */
typedef struct LogoCheck {
    Run *run;
    xmlDocPtr doc;
    const char *folder; /* the data file's */
    size_t room;        /* what is left of the document's image bytes */
    Status status;      /* the worst met */
} LogoCheck;

static void
check_logo(void *ctx, const xmlNode *node, const char *attr)
{
    LogoCheck *lc = ctx;
    if (attr || strcmp((const char *)node->name, "logo"))
        return;
    xmlChar *text = xmlNodeGetContent(node);
    const char *src = text ? (const char *)text : "";
    src += strspn(src, " \t\r\n");
    size_t n = strcspn(src, " \t\r\n");
    char *path = arena_printf(&lc->run->arena, "%s/%.*s", lc->folder, (int)n, src);
    xmlFree(text);
    if (!path) {
        lc->status = status_worst(lc->status, STATUS_IO);
        return;
    }
    long line, col;
    validate_position(lc->doc, node, &line, &col);
    DocImageFile f;
    Status st =
        doc_image_load(lc->run, &lc->run->arena, path, _("the logo"), line, col, lc->room, &f);
    if (st == STATUS_OK)
        lc->room -= f.len + f.embedded;
    lc->status = status_worst(lc->status, st);
}

/* Checks the logos a valid data file (path, of kind) names; its status. */
static Status
check_logos(Run *run, xmlDocPtr doc, DocKind kind, const char *path)
{
    char *copy = arena_strdup(&run->arena, path);
    if (!copy)
        return STATUS_IO;
    LogoCheck lc = {.run = run, .doc = doc, .folder = dirname(copy), .room = DOC_MAX_IMAGES_BYTES};
    validate_linked_files(doc, kind, check_logo, &lc);
    return lc.status;
}

/* "valid meeting, with its record": what the file will render as. */
static const char *
describe(xmlDocPtr doc, DocKind kind)
{
    if (kind == DOC_LAYOUT)
        return _("valid layout document");
    const RenderKind *makes = render_kind_natural(doc, kind);
    return makes ? _(makes->valid) : _("valid");
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
            fprintf(stderr,
                    _("copil validate: error: unknown option %s; see copil help validate\n"), arg);
            return STATUS_USAGE;
        } else {
            break;
        }
    }
    nfiles = argc - first;
    if (nfiles == 0) {
        fprintf(stderr, "%s",
                _("copil validate: error: name at least one file to check\n"
                  "usage: copil validate [-q] FILE...\n"));
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
        if (st == STATUS_OK && kind != DOC_LAYOUT)
            st = check_logos(&run, doc, kind, argv[i]);
        cli_print_diags(&run);
        if (st == STATUS_OK) {
            nvalid++;
            if (!quiet)
                printf(_("%s: %s\n"), argv[i], describe(doc, kind));
        }
        worst = status_worst(worst, st);
        run_free(&run);
    }
    if (nfiles > 1 && !quiet) {
        /* TRANSLATORS: the summary of copil validate; the line goes on with
         * "%d valid, %d with problems". */
        printf(ngettext("%d file checked: ", "%d files checked: ", (unsigned long)nfiles), nfiles);
        printf(ngettext("%d valid, ", "%d valid, ", (unsigned long)nvalid), nvalid);
        printf(
            ngettext("%d with problems\n", "%d with problems\n", (unsigned long)(nfiles - nvalid)),
            nfiles - nvalid);
    }
    fflush(stdout);
    render_session_close(&session);
    return (int)worst;
}
