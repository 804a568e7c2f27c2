/*
 * cli/render.c — `copil render FILE... [-o OUT.pdf | -d DIR] [-j N] [--dump=pages|areas]`.
 *
 * Each file goes through render/ (validate, transform, lay out, paint,
 * finish) to pages, then either the page dump is printed or the PDF is
 * made and written into a temporary file renamed over the target only when
 * complete. Before painting, the target is checked: not another data
 * file's PDF, not a signed document. Several files, or a folder, make a
 * batch (cli/batch.c).
 */
#include <errno.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/file.h"
#include "core/i18n.h"
#include "paginate/paginate.h"
#include "pdf/finish.h"

typedef struct RenderOptions {
    const char *output; /* -o: one file */
    const char *dir;    /* -d: a folder for every output (a batch: per item) */
    const char *kind;   /* --kind: agenda, minutes… (default: from the file) */
    int dump;
    int public_copy; /* --public: no contact details of people, no signature fields */
} RenderOptions;

/* 1 when the file at path exists and carries a signature. */
static int
target_is_signed(const char *path)
{
    enum { CHUNK = 1 << 16, KEEP = 16 };
    static unsigned char buf[CHUNK + KEEP];
    struct stat sb;
    /* Only a regular file is read: a pipe would block. */
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return 0;
    FILE *fp = fopen(path, "rb");
    size_t keep = 0, n;
    int found = 0;
    if (!fp)
        return 0;
    /* In chunks, each searched with the end of the one before, so that a
     * key split between two chunks is found too. */
    while (!found && (n = fread(buf + keep, 1, CHUNK, fp)) > 0) {
        found = pdf_is_signed(buf, keep + n);
        size_t total = keep + n;
        keep = total < KEEP ? total : KEEP;
        memmove(buf, buf + total - keep, keep);
    }
    fclose(fp);
    return found;
}

/* The first error of r (else its first diagnostic) as printed, into res. */
static void
keep_first(Run *r, BatchResult *res)
{
    Diag **v = run_sorted_diags(r);
    const Diag *first = NULL;
    for (Diag *d = r->diags; d; d = d->next)
        res->warnings += d->level == DIAG_WARNING;
    for (Diag **d = v; d && *d && !first; d++)
        if ((*d)->level == DIAG_ERROR)
            first = *d;
    if (!first)
        first = v && v[0] ? v[0] : r->diags;
    res->first[0] = '\0';
    FILE *fp = first ? fmemopen(res->first, sizeof res->first, "w") : NULL;
    if (fp) {
        diag_print(first, fp);
        fclose(fp);
        res->first[strcspn(res->first, "\n")] = '\0';
    }
}

/* Renders input; its diagnostics are printed, or only summed up in res when
 * res is given (a batch's worker). */
static Status
render_one(Session *s, const char *input, const RenderOptions *opt, BatchResult *res)
{
    Run run;
    /* Pages are kept only for a page dump; else each is painted as soon as
     * it is laid out, and the target is checked once the PDF is made. */
    RenderRequest req = {.input = input,
                         .kind = opt->kind,
                         .public_copy = opt->public_copy,
                         .pages_only = opt->dump != 0};
    RenderResult made = {0};

    run_init(&run, input);
    Status st = render_document(s, &run, &req, &made);
    if (st != STATUS_OK)
        goto out;
    if (opt->dump) {
        if (opt->dump == 2)
            pg_dump_areas(made.pages, stdout);
        else
            pg_dump(made.pages, stdout);
        if (!opt->output)
            goto out;
    }
    if (!opt->output && render_output_owned_by_sibling(&run, input, made.kind)) {
        st = STATUS_INVALID;
        goto out;
    }
    const char *target =
        opt->output ? opt->output
                    : render_default_output(&run, input, opt->dir, made.kind, opt->public_copy);
    if (!opt->output && opt->dir && file_make_dirs(opt->dir) != 0) {
        run_diag(&run, DIAG_ERROR, 0, 0, _("cannot make the folder %s: %s"), opt->dir,
                 strerror(errno));
        st = STATUS_IO;
        goto out;
    }
    int to_stdout = !strcmp(target, "-"); /* -o -: the PDF on standard output, for a pipe */
    if (!to_stdout && target_is_signed(target)) {
        run_diag(&run, DIAG_ERROR, 0, 0,
                 _("%s has been signed: copil never rewrites a signed document (its signatures "
                   "would break); write elsewhere with -o, or move the signed file first"),
                 target);
        st = STATUS_IO;
        goto out;
    }
    if (!made.pdf)
        st = render_pdf(&run, &made);
    if (st != STATUS_OK)
        goto out;
    if (!to_stdout) {
        st = file_atomic_save(&run, target, made.pdf, made.len);
    } else {
        int err = file_write_stdout(made.pdf, made.len);
        if (err) {
            run_diag(&run, DIAG_ERROR, 0, 0, _("cannot write the PDF on standard output: %s"),
                     strerror(err));
            st = STATUS_IO;
        }
    }
out:
    free(made.pdf);
    if (res)
        keep_first(&run, res);
    else
        cli_print_diags(&run);
    run_free(&run);
    return st;
}

/* A batch's worker: the item with its own output folder. */
static Status
render_item(Session *s, const BatchItem *item, void *ctx, BatchResult *res)
{
    RenderOptions opt = *(const RenderOptions *)ctx;
    opt.dir = item->outdir;
    return render_one(s, item->input, &opt, res);
}

/* Every document stylesheet, compiled before a batch forks its workers. */
static Status
compile_stylesheets(Session *s)
{
    Run r;
    run_init(&r, NULL);
    Status st = render_session_compile(s, &r);
    cli_print_diags(&r);
    run_free(&r);
    return st;
}

int
cli_render(int argc, char **argv)
{
    RenderOptions opt = {0};
    BatchOptions bo = {0};
    BatchList list = {0};
    Session session = {0};
    int code = STATUS_USAGE, nfiles = 0, only_files = 0, opened = 0, batch = 0;
    const char *jobs = NULL, *shard = NULL, *v;
    /* Options may come before or after the files. */
    char **files = calloc((size_t)argc, sizeof(*files));
    if (!files)
        return STATUS_IO;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_files || arg[0] != '-' || !arg[1]) {
            files[nfiles++] = argv[i];
        } else if (!strcmp(arg, "--")) {
            only_files = 1;
        } else if (!strcmp(arg, "-o") || !strcmp(arg, "--output")) {
            if (!(opt.output = cli_option_value("render", argc, argv, &i, _("a file name"))))
                goto out;
        } else if (!strcmp(arg, "-d") || !strcmp(arg, "--dir")) {
            if (!(opt.dir = cli_option_value("render", argc, argv, &i, _("a folder"))))
                goto out;
        } else if (!strcmp(arg, "--kind")) {
            if (!(opt.kind = cli_option_value("render", argc, argv, &i,
                                              _("agenda, minutes, mission-letter or "
                                                "activity-report"))))
                goto out;
        } else if (!strncmp(arg, "--kind=", 7)) {
            opt.kind = arg + 7;
        } else if (!strcmp(arg, "-j") || !strcmp(arg, "--jobs")) {
            if (!(jobs = cli_option_value("render", argc, argv, &i, _("a number of workers"))))
                goto out;
        } else if ((v = cli_attached(arg, "-j", "--jobs"))) {
            jobs = v;
        } else if (!strcmp(arg, "--shard")) {
            if (!(shard = cli_option_value("render", argc, argv, &i, "K/N")))
                goto out;
        } else if ((v = cli_attached(arg, NULL, "--shard"))) {
            shard = v;
        } else if (!strcmp(arg, "-q") || !strcmp(arg, "--quiet")) {
            bo.quiet = 1;
        } else if (!strcmp(arg, "--public")) {
            opt.public_copy = 1;
        } else if (!strcmp(arg, "--dump=pages")) {
            opt.dump = 1;
        } else if (!strcmp(arg, "--dump=areas")) {
            opt.dump = 2;
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            code = cli_help(stdout, "render");
            goto out;
        } else {
            fprintf(stderr, _("copil render: error: unknown option %s; see copil help render\n"),
                    arg);
            goto out;
        }
    }
    if (nfiles == 0) {
        fprintf(stderr, _("copil render: error: name a file or a folder to render\n"
                          "usage: copil render FILE|DIR... [-o OUT.pdf | -d DIR] [-j N]; see "
                          "copil help render\n"));
        goto out;
    }
    if (opt.output && opt.dir) {
        fprintf(stderr, _("copil render: error: give -o or -d, not both\n"));
        goto out;
    }
    if (opt.output && nfiles > 1) {
        fprintf(stderr, _("copil render: error: -o names one output, but %d files were given\n"),
                nfiles);
        goto out;
    }
    if (jobs && !(bo.jobs = cli_parse_count(jobs, 256))) {
        fprintf(stderr,
                _("copil render: error: -j takes a number of workers from 1 to 256, "
                  "not \"%s\"\n"),
                jobs);
        goto out;
    }
    if (shard && !cli_parse_shard("render", shard, &bo.shard_k, &bo.shard_n))
        goto out;
    struct stat sb;
    batch = nfiles > 1 || jobs || shard || (stat(files[0], &sb) == 0 && S_ISDIR(sb.st_mode));
    if (batch && opt.dump) {
        fprintf(stderr, _("copil render: error: --dump=%s prints one document: name one file\n"),
                opt.dump == 2 ? "areas" : "pages");
        goto out;
    }
    if (opt.dump && opt.output && !strcmp(opt.output, "-")) {
        fprintf(stderr, _("copil render: error: --dump prints on standard output already; "
                          "write the PDF to a file with -o\n"));
        goto out;
    }
    if (batch && opt.output) {
        fprintf(stderr, _("copil render: error: -o names one output; use -d for a batch\n"));
        goto out;
    }
    if (batch && (code = (int)cli_batch_collect(files, nfiles, opt.dir, bo.shard_k, bo.shard_n,
                                                &list)) != STATUS_OK)
        goto out;
    code = STATUS_IO;
    if (cli_session_open(&session) != STATUS_OK)
        goto out;
    opened = 1;
    Status st = cli_session_fonts(&session);
    if (st != STATUS_OK)
        code = (int)st;
    else if (!batch)
        code = (int)render_one(&session, files[0], &opt, NULL);
    else if ((code = (int)compile_stylesheets(&session)) == STATUS_OK)
        code = cli_batch_run(&session, &list, &bo, render_item, &opt);
out:
    if (opened)
        render_session_close(&session);
    cli_batch_free(&list);
    free(files);
    fflush(stdout);
    return code;
}
