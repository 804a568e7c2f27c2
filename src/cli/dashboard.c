/*
 * cli/dashboard.c — `copil dashboard`: the académie's figures from the
 * files of its schools (src/dashboard/).
 *
 *   copil dashboard [--year Y] [--schools LIST.csv] [--csv DIR] [-j N] DIR|FILE...
 *   copil dashboard --shard K/N --partial OUT.part DIR|FILE...
 *   copil dashboard --merge [--year Y] [--schools LIST.csv] [--csv DIR] PART...
 *
 * With -j N, N processes each reduce a slice of the files to a partial,
 * merged here: the figures, and the bytes, of one process.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/file.h"
#include "core/i18n.h"
#include "dashboard/dashboard.h"

#define PARTIAL_MAX (1u << 30)

typedef struct Options {
    const char *year, *schools, *csv, *partial, *out;
    int merge, quiet, jobs, shard_k, shard_n;
} Options;

/* 1 when y is a school year, "2026-2027". */
static int
school_year(const char *y)
{
    int a, b;
    char end;
    return strlen(y) == 9 && sscanf(y, "%4d-%4d%c", &a, &b, &end) == 2 && b == a + 1;
}

/* Reduces the files of list whose index is k modulo n into d. */
static Status
reduce(Dashboard *d, Session *s, const BatchList *list, int k, int n)
{
    for (int i = k; i < list->n; i += n) {
        Run r;
        run_init(&r, list->items[i].input);
        Status st = dash_add_file(d, s, &r, list->items[i].input);
        run_free(&r);
        if (st != STATUS_OK)
            return st;
    }
    return STATUS_OK;
}

/* Reduces list into d in jobs processes, each writing its partial into a
 * pipe that is merged here. */
static Status
reduce_parallel(Dashboard *d, Session *s, const BatchList *list, int jobs)
{
    pid_t pids[256];
    int fds[256], started = 0;
    Status st = STATUS_OK;
    fflush(NULL);
    for (int j = 0; j < jobs; j++) {
        int p[2];
        if (pipe(p) != 0) {
            st = STATUS_IO; /* the children started are still waited for */
            break;
        }
        pid_t pid = fork();
        if (pid < 0) {
            close(p[0]);
            close(p[1]);
            st = STATUS_IO;
            break;
        }
        if (pid == 0) {
            close(p[0]);
            Dashboard *mine = dash_new();
            FILE *f = fdopen(p[1], "w");
            int ok = mine && f && reduce(mine, s, list, j, jobs) == STATUS_OK &&
                     dash_write_partial(mine, f) == STATUS_OK && fclose(f) == 0;
            _exit(ok ? 0 : 3);
        }
        close(p[1]);
        pids[started] = pid;
        fds[started++] = p[0];
    }
    for (int j = 0; j < started; j++) {
        GString *in = g_string_new(NULL);
        char buf[65536];
        ssize_t got;
        while ((got = read(fds[j], buf, sizeof buf)) > 0 || (got < 0 && errno == EINTR))
            if (got > 0)
                g_string_append_len(in, buf, got);
        close(fds[j]);
        int wst = 0;
        while (waitpid(pids[j], &wst, 0) < 0 && errno == EINTR)
            ;
        char why[256];
        if (!WIFEXITED(wst) || WEXITSTATUS(wst) != 0) {
            st = STATUS_IO;
        } else if (dash_merge(d, in->str, in->len, why, sizeof why) != STATUS_OK) {
            fprintf(stderr, _("copil dashboard: error: %s\n"), why);
            st = STATUS_IO;
        }
        g_string_free(in, TRUE);
    }
    return st;
}

/* The dashboard of year as a PDF at out: its figures as a document
 * (dash_document), validated by schemas/dashboard.xsd, rendered through
 * stylesheets/dashboard.xsl, saved atomically. Opens the session when the
 * files were not read in this run (--merge). */
static Status
write_pdf(Session *s, int *opened, const Dashboard *d, const char *year, const char *out)
{
    if (!*opened) {
        if (cli_session_open(s) != STATUS_OK)
            return STATUS_IO;
        *opened = 1;
    }
    if (cli_session_fonts(s) != STATUS_OK)
        return STATUS_IO;
    Run r;
    run_init(&r, out);
    xmlDocPtr doc = dash_document(d, year);
    RenderResult res = {0};
    Status st = doc ? validate_doc(s->validator, &r, doc, DOC_DASHBOARD) : STATUS_IO;
    if (st == STATUS_OK) {
        RenderRequest req = {.input = out, .data = doc, .data_kind = DOC_DASHBOARD};
        st = render_document(s, &r, &req, &res);
    }
    if (st == STATUS_OK)
        st = file_atomic_save(&r, out, res.pdf, res.len);
    cli_print_diags(&r);
    free(res.pdf);
    if (doc)
        xmlFreeDoc(doc);
    run_free(&r);
    return st;
}

static int
usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    return STATUS_USAGE;
}

/* Reads the command line into *o and its folders or partials into inputs
 * (argc entries), *n of them; -1 when the run can go on, else the exit
 * code, said on stderr (or the help, printed). */
static int
parse_options(int argc, char **argv, Options *o, char **inputs, int *n)
{
    const char *v;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        v = NULL;
        if (!strcmp(a, "--year")) {
            if (!(o->year = cli_option_value("dashboard", argc, argv, &i, _("a school year"))))
                return STATUS_USAGE;
        } else if (!strcmp(a, "--schools")) {
            if (!(o->schools = cli_option_value("dashboard", argc, argv, &i, _("a file"))))
                return STATUS_USAGE;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (!(o->out = cli_option_value("dashboard", argc, argv, &i, _("a file name"))))
                return STATUS_USAGE;
        } else if (!strcmp(a, "--csv")) {
            if (!(o->csv = cli_option_value("dashboard", argc, argv, &i, _("a folder"))))
                return STATUS_USAGE;
        } else if (!strcmp(a, "--partial")) {
            if (!(o->partial = cli_option_value("dashboard", argc, argv, &i, _("a file"))))
                return STATUS_USAGE;
        } else if (!strcmp(a, "--shard") || (v = cli_attached(a, NULL, "--shard"))) {
            if ((!v && !(v = cli_option_value("dashboard", argc, argv, &i, "K/N"))) ||
                !cli_parse_shard("dashboard", v, &o->shard_k, &o->shard_n))
                return STATUS_USAGE;
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs") ||
                   (v = cli_attached(a, "-j", "--jobs"))) {
            if (!v && !(v = cli_option_value("dashboard", argc, argv, &i, _("a number"))))
                return STATUS_USAGE;
            if (!(o->jobs = cli_parse_count(v, 256)))
                return usage_error(_("copil dashboard: error: -j takes a number of processes "
                                     "from 1 to 256, not \"%s\"\n"),
                                   v);
        } else if (!strcmp(a, "--merge")) {
            o->merge = 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            return cli_help(stdout, "dashboard");
        } else if (a[0] == '-' && a[1]) {
            return usage_error(_("copil dashboard: error: unknown option %s; see copil help "
                                 "dashboard\n"),
                               a);
        } else {
            inputs[(*n)++] = argv[i];
        }
    }
    if (!*n)
        return usage_error("%s", o->merge ? _("copil dashboard: error: name the partials to "
                                              "merge\n")
                                          : _("copil dashboard: error: name the folders of the "
                                              "schools' files\n"));
    if (o->year && !school_year(o->year))
        return usage_error(_("copil dashboard: error: --year takes a school year such as "
                             "2026-2027, not \"%s\"\n"),
                           o->year);
    if (o->shard_n && !o->partial) /* one slice's figures are not the académie's */
        return usage_error("%s", _("copil dashboard: error: --shard reads one slice of the "
                                   "files: write its figures with --partial, to merge\n"));
    if (o->merge && (o->partial || o->shard_n))
        return usage_error("%s", _("copil dashboard: error: --merge reads partials: it takes "
                                   "neither --partial nor --shard\n"));
    if (o->partial && (o->csv || o->schools || o->out))
        return usage_error("%s", _("copil dashboard: error: --partial writes the figures to "
                                   "merge later: -o, --csv and --schools go with --merge\n"));
    return -1;
}

/* Gives the file at path (at most limit bytes) to take, into d: a partial
 * to merge, the académie's list. STATUS_IO when it cannot be read,
 * STATUS_USAGE when take refuses it; either said on stderr. */
static Status
read_into(Dashboard *d, const char *path, size_t limit,
          Status (*take)(Dashboard *, const char *, size_t, char *, size_t))
{
    Arena a;
    arena_init(&a);
    char *data, why[512];
    size_t len;
    int err = file_load(path, 0, limit, &a, &data, &len);
    Status st = err ? STATUS_IO : take(d, data, len, why, sizeof why);
    if (st != STATUS_OK)
        fprintf(stderr, _("copil dashboard: error: %s: %s\n"), path, err ? file_why(err) : why);
    arena_free(&a);
    return err ? STATUS_IO : st == STATUS_OK ? STATUS_OK : STATUS_USAGE;
}

int
cli_dashboard(int argc, char **argv)
{
    Options o = {.jobs = 1};
    char **inputs = calloc((size_t)argc + 1, sizeof(*inputs));
    int n = 0, code, opened = 0;
    Session session = {0};
    Dashboard *d = NULL;
    BatchList list = {0};
    char why[512];
    if (!inputs)
        return STATUS_IO;
    if ((code = parse_options(argc, argv, &o, inputs, &n)) >= 0)
        goto out;
    if (!(d = dash_new())) {
        code = STATUS_IO;
        goto out;
    }
    code = STATUS_IO;
    if (o.merge) {
        for (int i = 0; i < n; i++) {
            Status st = read_into(d, inputs[i], PARTIAL_MAX, dash_merge);
            if (st != STATUS_OK) {
                code = st;
                goto out;
            }
        }
    } else {
        for (int i = 0; i < n; i++) {
            struct stat sb;
            if (stat(inputs[i], &sb) != 0) {
                fprintf(stderr, _("copil dashboard: error: %s: %s\n"), inputs[i], file_why(errno));
                goto out;
            }
        }
        Status st = cli_batch_find("dashboard", inputs, n, o.shard_k, o.shard_n, &list);
        if (st != STATUS_OK) {
            code = st;
            goto out;
        }
        if (cli_session_open(&session) != STATUS_OK)
            goto out;
        opened = 1;
        st = o.jobs > 1 && list.n > 1 ? reduce_parallel(d, &session, &list, o.jobs)
                                      : reduce(d, &session, &list, 0, 1);
        if (st != STATUS_OK) {
            fprintf(stderr, "%s",
                    _("copil dashboard: error: out of memory, or a process failed\n"));
            goto out;
        }
    }
    if (o.partial) {
        Run r;
        run_init(&r, o.partial);
        char *text = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&text, &len);
        Status st = mem && dash_write_partial(d, mem) == STATUS_OK && fclose(mem) == 0
                        ? file_atomic_save(&r, o.partial, text, len)
                        : STATUS_IO;
        if (st != STATUS_OK)
            cli_print_diags(&r);
        free(text);
        run_free(&r);
        if (st != STATUS_OK)
            goto out;
        if (!o.quiet)
            fprintf(stderr, _("copil dashboard: %d files reduced into %s\n"), list.n, o.partial);
        code = STATUS_OK;
        goto out;
    }
    if (o.schools) {
        Status st = read_into(d, o.schools, 64u << 20, dash_schools);
        if (st != STATUS_OK) {
            code = st;
            goto out;
        }
    }
    const char *year = dash_year(d, o.year);
    if (!year) {
        fprintf(stderr, "%s",
                _("copil dashboard: error: no usable file: no school year to "
                  "count\n"));
        code = STATUS_INVALID;
        goto out;
    }
    if (o.csv) {
        Run r;
        run_init(&r, o.csv);
        Status st = dash_write_csv(d, &r, year, o.csv, why, sizeof why);
        run_free(&r);
        if (st != STATUS_OK) {
            fprintf(stderr, _("copil dashboard: error: %s\n"), why);
            goto out;
        }
    }
    if (o.out && write_pdf(&session, &opened, d, year, o.out) != STATUS_OK)
        goto out;
    if (!o.quiet) {
        DashCounts c;
        dash_counts(d, year, &c);
        fprintf(stderr,
                _("copil dashboard: %s: %d schools%s, %d files used, %d not usable, %d of "
                  "another year, %d ignored\n"),
                year, c.schools, o.schools ? _(" (from the list)") : "", c.usable, c.unusable,
                c.other_year, c.ignored);
    }
    code = STATUS_OK;
out:
    cli_batch_free(&list);
    if (opened)
        render_session_close(&session);
    dash_free(d);
    free(inputs);
    return code;
}
