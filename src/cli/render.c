/*
 * cli/render.c — `copil render FILE... [-o OUT.pdf | -d DIR] [-j N] [--dump=pages|areas]`.
 *
 * Validate the input, transform a data file into a layout document, build the
 * Doc, paginate, then either print the page dump or paint the PDF into a
 * temporary file renamed over the target only when complete. The creation
 * date is the document's, else SOURCE_DATE_EPOCH's, else none: never the
 * clock's. Several files, or a folder, make a batch (cli/batch.c).
 */
#include <errno.h>
#include <libgen.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/file.h"
#include "doc/doc.h"
#include "paginate/paginate.h"
#include "paint/paint.h"
#include "pdf/finish.h"
#include "core/i18n.h"

#define PRODUCER "copil " COPIL_VERSION

typedef struct RenderOptions {
    const char *output; /* -o: one file */
    const char *dir;    /* -d: a folder for every output (a batch: per item) */
    const char *kind;   /* --kind: agenda, minutes… (default: from the file) */
    int dump;
    int public_copy; /* --public: no contact details of people, no signature fields */
} RenderOptions;

/* Cairo's PDF, in memory until the finish stage rewrites it. */
typedef struct MemOut {
    unsigned char *data;
    size_t len, cap;
} MemOut;

static cairo_status_t
write_memory(void *closure, const unsigned char *data, unsigned int length)
{
    MemOut *m = closure;
    if (m->len + length > m->cap) {
        size_t cap = m->cap ? m->cap : 1 << 16;
        while (cap < m->len + length)
            cap *= 2;
        unsigned char *grown = realloc(m->data, cap);
        if (!grown)
            return CAIRO_STATUS_NO_MEMORY;
        m->data = grown;
        m->cap = cap;
    }
    memcpy(m->data + m->len, data, length);
    m->len += length;
    return CAIRO_STATUS_SUCCESS;
}

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

/* 0 for Sunday to 6 for Saturday (Zeller's congruence). */
static int
weekday(int y, int m, int d)
{
    if (m < 3) {
        m += 12;
        y--;
    }
    return (d + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400 + 6) % 7;
}

/* Minutes east of UTC of France's metropolitan legal time at local y-m-d
 * h:00: +02:00 from the last Sunday of March at 02:00 to the last Sunday of
 * October at 03:00, +01:00 otherwise. */
static int
paris_offset(int y, int m, int d, int h)
{
    int march = 31 - weekday(y, 3, 31), october = 31 - weekday(y, 10, 31);
    int md = m * 100 + d;
    int after_start = md > 300 + march || (md == 300 + march && h >= 2);
    int before_end = md < 1000 + october || (md == 1000 + october && h < 3);
    return after_start && before_end ? 120 : 60;
}

/* ISO 8601 with a zone for Cairo, from the document's date or
 * SOURCE_DATE_EPOCH. A date alone is the start of its day; a time without a
 * zone is France's metropolitan legal time (layout.xsd, DateTime): the XMP
 * metadata of PDF/A wants every date zoned. */
static const char *
creation_date(Run *r, const Doc *doc)
{
    if (doc->created) {
        int y, mo, d, h = 0, mi = 0, s = 0, n = 0;
        const char *c = doc->created;
        if (sscanf(c, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3) {
            c += n;
            if (sscanf(c, "T%2d:%2d%n", &h, &mi, &n) == 2) {
                c += n;
                if (sscanf(c, ":%2d%n", &s, &n) == 1)
                    c += n;
            }
            if (*c)
                return arena_printf(&r->arena, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi,
                                    s, c);
            int off = paris_offset(y, mo, d, h);
            return arena_printf(&r->arena, "%04d-%02d-%02dT%02d:%02d:%02d+%02d:%02d", y, mo, d, h,
                                mi, s, off / 60, off % 60);
        }
        return doc->created;
    }
    long long v;
    if (cli_source_date(r, _("the PDF has no creation date"), &v)) {
        time_t t = (time_t)v;
        struct tm tm;
        char buf[32];
        if (gmtime_r(&t, &tm) && strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm))
            return arena_strdup(&r->arena, buf);
    }
    return "";
}

int
cli_source_date(Run *r, const char *without, long long *t)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (!sde || !*sde)
        return 0;
    char *end;
    errno = 0;
    long long v = strtoll(sde, &end, 10);
    if (*end != '\0' || v < 0 || errno) {
        run_diag(r, DIAG_WARNING, 0, 0, _("SOURCE_DATE_EPOCH is not a number of seconds; %s"),
                 without);
        return 0;
    }
    *t = v;
    return 1;
}

const char *
cli_output_stem(const char *input, size_t *n, int *layout)
{
    const char *slash = strrchr(input, '/');
    const char *name = slash ? slash + 1 : input;
    size_t k = strlen(name);
    *layout = k > 11 && !strcmp(name + k - 11, ".layout.xml");
    *n = k - (*layout ? 11 : k > 4 && !strcmp(name + k - 4, ".xml") ? 4 : 0);
    return name;
}

int
cli_stem_names_kind(const char *stem, size_t n, const char *kind)
{
    size_t k = kind ? strlen(kind) : 0;
    return k && n > k + 1 && stem[n - k - 1] == '-' && !strncmp(stem + n - k, kind, k);
}

/* FILE.layout.xml → FILE.pdf, a data file FILE.xml → FILE-KIND.pdf (FILE.pdf
 * when FILE already ends in -KIND: x-agenda.xml → x-agenda.pdf), beside the
 * input or in dir when given; the public copy adds "-public", so that it
 * never takes the place of the full one. */
const char *
cli_default_output(Run *r, const char *input, const char *dir, const char *kind, int public_copy)
{
    size_t n;
    int layout;
    const char *stem = cli_output_stem(input, &n, &layout);
    if (cli_stem_names_kind(stem, n, kind))
        kind = NULL;
    const char *suffix = arena_printf(&r->arena, "%s%s%s", kind ? "-" : "", kind ? kind : "",
                                      public_copy ? "-public" : "");
    if (dir)
        return arena_printf(&r->arena, "%s/%.*s%s.pdf", dir, (int)n, stem, suffix);
    return arena_printf(&r->arena, "%.*s%s.pdf", (int)(stem - input + n), input, suffix);
}

const char *
cli_output_owned_by_sibling(Run *r, const char *input, const char *kind)
{
    size_t n;
    int layout;
    struct stat sb;
    const char *stem = cli_output_stem(input, &n, &layout);
    if (layout || !kind || cli_stem_names_kind(stem, n, kind))
        return NULL;
    const char *sibling =
        arena_printf(&r->arena, "%.*s-%s.xml", (int)(stem - input + n), input, kind);
    if (!sibling || stat(sibling, &sb) != 0)
        return NULL;
    run_diag(r, DIAG_ERROR, 0, 0,
             _("its %s would be %s, the PDF of %s beside it: use that file instead, or rename "
               "one of the two (copil render can also write elsewhere with -o FILE)"),
             kind, cli_default_output(r, input, NULL, kind, 0), sibling);
    return sibling;
}

/* Which document a data file makes: --kind, else a meeting with a record
 * gives minutes and one without an agenda; the other kinds are themselves. */
const char *
cli_document_kind(Run *r, xmlDocPtr xml, DocKind kind, const char *asked)
{
    int has_record = kind == DOC_MEETING && validate_meeting_has_record(xml);
    const char *natural = kind == DOC_MEETING          ? (has_record ? "minutes" : "agenda")
                          : kind == DOC_MISSION_LETTER ? "mission-letter"
                                                       : "activity-report";
    if (!asked)
        return natural;
    int fits = kind == DOC_MEETING ? (!strcmp(asked, "agenda") || !strcmp(asked, "minutes"))
                                   : !strcmp(asked, natural);
    if (!fits) {
        run_diag(r, DIAG_ERROR, 0, 0, _("a %s file cannot be rendered as %s; it makes %s"),
                 validate_kind_name(kind), asked,
                 kind == DOC_MEETING ? _("an agenda or minutes") : natural);
        return NULL;
    }
    if (!strcmp(asked, "minutes") && !has_record) {
        run_diag(r, DIAG_ERROR, 0, 0,
                 _("minutes need the meeting's record: this file has no <record> yet (render the "
                   "agenda, or add the record after the meeting)"));
        return NULL;
    }
    return asked;
}

/* Data file → layout document through its stylesheet. A mission letter and
 * an activity report have no public copy: what makes them worth writing
 * (missions, hours and compensation; time spent and self-assessment) is
 * personal to one employee, and removing it would leave nothing to publish.
 * They go to the person and the administration only (validate/rules.c keeps
 * their distribution lists to full copies). */
static Status
data_to_layout(Session *s, Run *r, xmlDocPtr data, DocKind kind, const char *input,
               const char *asked, int public_copy, xmlDocPtr *layout, const char **doc_kind)
{
    const char *name = cli_document_kind(r, data, kind, asked);
    if (!name)
        return STATUS_INVALID;
    *doc_kind = name;
    if (public_copy && (kind == DOC_MISSION_LETTER || kind == DOC_ACTIVITY_REPORT)) {
        run_diag(r, DIAG_ERROR, xmlGetLineNo(xmlDocGetRootElement(data)), 0,
                 kind == DOC_MISSION_LETTER
                     ? _("a mission letter has no public copy: it is personal to its appointee "
                         "(missions, hours, compensation) and goes only to them and to the "
                         "administration; render it without --public")
                     : _("an activity report has no public copy: it is personal to the employee "
                         "who wrote it (time spent, self-assessment) and goes only to the head "
                         "of the establishment and the académie; render it without --public"));
        return STATUS_INVALID;
    }
    int items, planned;
    long line;
    int over = !strcmp(name, "agenda") ? validate_agenda_overrun(data, &items, &planned, &line) : 0;
    if (over > 0)
        run_diag(r, DIAG_WARNING, line, 0,
                 _("the agenda runs %d min past the planned <end>: its items take %d min, the "
                   "meeting is planned for %d; shorten some items or move <end>"),
                 over, items, planned);
    return transform_apply(s->transformer, r, data, input, name, layout);
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

/* The logos a data file names, so that the messages about them go to
 * their <logo> rather than to the layout document made from it. */
typedef struct LogoNames {
    Run *run;
    xmlDocPtr data;
    DocImageName names[8];
    int n;
} LogoNames;

static void
add_logo(void *ctx, const xmlNode *node, const char *attr)
{
    LogoNames *ln = ctx;
    if (attr || strcmp((const char *)node->name, "logo") || ln->n == 8)
        return;
    xmlChar *text = xmlNodeGetContent(node);
    DocImageName *dn = &ln->names[ln->n];
    dn->src = text ? arena_strdup(&ln->run->arena, (const char *)text) : NULL;
    xmlFree(text);
    if (!dn->src)
        return;
    validate_position(ln->data, node, &dn->line, &dn->col);
    ln->n++;
}

/* A validated file (xml, of kind, read from input) → layout document → Doc
 * → pages, for the document kind asked (NULL: the file's own). *doc and
 * *pages belong to run. */
static Status
pages_of(Session *s, Run *run, xmlDocPtr xml, DocKind kind, const char *input, const char *asked,
         int public_copy, Doc **doc, Pages **pages, const char **doc_kind)
{
    Status st;
    xmlDocPtr data = xml;
    if (kind != DOC_LAYOUT) {
        st = data_to_layout(s, run, xml, kind, input, asked, public_copy, &xml, doc_kind);
        if (st != STATUS_OK)
            return st;
    } else if (asked) {
        run_diag(run, DIAG_ERROR, 0, 0,
                 _("--kind applies to data files, not to a layout document"));
        return STATUS_USAGE;
    }
    LogoNames logos = {.run = run, .data = kind != DOC_LAYOUT ? data : NULL};
    if (logos.data)
        validate_linked_files(data, kind, add_logo, &logos);
    char *copy = arena_strdup(&run->arena, input);
    st = copy ? doc_build(run, xml, dirname(copy), logos.names, logos.n, public_copy, doc)
              : STATUS_IO;
    if (st != STATUS_OK)
        return st;
    if ((*doc)->redactions)
        run_diag(run, DIAG_NOTE, 0, 0,
                 ngettext("the public copy leaves out %d e-mail address or phone number of "
                          "people",
                          "the public copy leaves out %d e-mail addresses or phone numbers of "
                          "people",
                          (unsigned long)(*doc)->redactions),
                 (*doc)->redactions);
    st = pg_paginate(run, s->text, *doc, pages);
    if (st == STATUS_OK && run->nerrors)
        st = STATUS_INVALID;
    return st;
}

/* Validate → pages_of. */
static Status
render_pages(Session *s, Run *run, const char *input, const char *asked, int public_copy, Doc **doc,
             Pages **pages, const char **doc_kind)
{
    xmlDocPtr xml = NULL;
    DocKind kind;
    Status st = validate_file(s->validator, run, input, &xml, &kind);
    return st == STATUS_OK
               ? pages_of(s, run, xml, kind, input, asked, public_copy, doc, pages, doc_kind)
               : st;
}

/* Pages → the finished PDF, malloc'd into *pdf (the caller frees it). */
static Status
render_bytes(Run *run, const Doc *doc, Pages *pages, int public_copy, unsigned char **pdf,
             size_t *len)
{
    MemOut painted = {0};
    PaintRecord record;
    Status st =
        paint_pdf(run, pages, creation_date(run, doc), PRODUCER, &record, write_memory, &painted);
    if (st != STATUS_OK)
        goto out;
    /* The public copy is for reading: nobody signs it. */
    FinishOptions fo = {
        .lang = doc->lang, .producer = PRODUCER, .sign = !public_copy, .record = &record};
    if (run->arena.failed) {
        /* Figures or fields left out of the record for want of memory: no
         * PDF rather. */
        run_diag(run, DIAG_ERROR, 0, 0, _("out of memory while finishing the PDF"));
        st = STATUS_IO;
        goto out;
    }
    st = pdf_finish(run, painted.data, painted.len, &fo, pdf, len);
out:
    free(painted.data);
    return st;
}

Status
cli_render_memory(Session *s, Run *run, const char *input, const char *kind, int public_copy,
                  unsigned char **pdf, size_t *len)
{
    Doc *doc = NULL;
    Pages *pages = NULL;
    const char *doc_kind = NULL;
    *pdf = NULL;
    *len = 0;
    Status st = render_pages(s, run, input, kind, public_copy, &doc, &pages, &doc_kind);
    return st == STATUS_OK ? render_bytes(run, doc, pages, public_copy, pdf, len) : st;
}

Status
cli_render_data(Session *s, Run *run, xmlDocPtr data, DocKind kind, const char *input,
                const char *doc_kind, int public_copy, unsigned char **pdf, size_t *len)
{
    Doc *doc = NULL;
    Pages *pages = NULL;
    const char *made = NULL;
    *pdf = NULL;
    *len = 0;
    Status st = pages_of(s, run, data, kind, input, doc_kind, public_copy, &doc, &pages, &made);
    return st == STATUS_OK ? render_bytes(run, doc, pages, public_copy, pdf, len) : st;
}

/* Renders input; its diagnostics are printed, or only summed up in res when
 * res is given (a batch's worker). */
static Status
render_one(Session *s, const char *input, const RenderOptions *opt, BatchResult *res)
{
    Run run;
    Doc *doc = NULL;
    Pages *pages = NULL;
    unsigned char *finished = NULL;
    size_t finished_len = 0;
    const char *doc_kind = NULL; /* agenda, minutes… for a data file */

    run_init(&run, input);
    Status st = render_pages(s, &run, input, opt->kind, opt->public_copy, &doc, &pages, &doc_kind);
    if (st != STATUS_OK)
        goto out;
    if (opt->dump) {
        if (opt->dump == 2)
            pg_dump_areas(pages, stdout);
        else
            pg_dump(pages, stdout);
        if (!opt->output)
            goto out;
    }
    if (!opt->output && cli_output_owned_by_sibling(&run, input, doc_kind)) {
        st = STATUS_INVALID;
        goto out;
    }
    const char *target =
        opt->output ? opt->output
                    : cli_default_output(&run, input, opt->dir, doc_kind, opt->public_copy);
    if (!opt->output && opt->dir && file_make_dirs(opt->dir) != 0) {
        run_diag(&run, DIAG_ERROR, 0, 0, _("cannot make the folder %s: %s"), opt->dir,
                 strerror(errno));
        st = STATUS_IO;
        goto out;
    }
    if (target_is_signed(target)) {
        run_diag(&run, DIAG_ERROR, 0, 0,
                 _("%s has been signed: copil never rewrites a signed document (its signatures "
                   "would break); write elsewhere with -o, or move the signed file first"),
                 target);
        st = STATUS_IO;
        goto out;
    }
    st = render_bytes(&run, doc, pages, opt->public_copy, &finished, &finished_len);
    if (st != STATUS_OK)
        goto out;
    st = file_atomic_save(&run, target, finished, finished_len);
out:
    free(finished);
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
    Status st = STATUS_OK;
    run_init(&r, NULL);
    for (size_t i = 0; st == STATUS_OK && i < CLI_NDOCUMENTS; i++)
        st = transform_compile(s->transformer, &r, cli_documents[i]);
    cli_print_diags(&r);
    run_free(&r);
    return st;
}

/* "-j 4", "-j4", "--jobs=4", "--shard=2/8": the value, or NULL. */
static const char *
attached(const char *arg, const char *shortopt, const char *longopt)
{
    size_t k = strlen(longopt);
    if (!strncmp(arg, longopt, k) && arg[k] == '=')
        return arg + k + 1;
    if (shortopt && !strncmp(arg, shortopt, 2) && arg[2])
        return arg + 2;
    return NULL;
}

static int
parse_count(const char *s, int max)
{
    char *end;
    long v = strtol(s, &end, 10);
    return *s && *end == '\0' && v >= 1 && v <= max ? (int)v : 0;
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
        } else if ((v = attached(arg, "-j", "--jobs"))) {
            jobs = v;
        } else if (!strcmp(arg, "--shard")) {
            if (!(shard = cli_option_value("render", argc, argv, &i, "K/N")))
                goto out;
        } else if ((v = attached(arg, NULL, "--shard"))) {
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
    if (jobs && !(bo.jobs = parse_count(jobs, 256))) {
        fprintf(stderr,
                _("copil render: error: -j takes a number of workers from 1 to 256, "
                  "not \"%s\"\n"),
                jobs);
        goto out;
    }
    if (shard) {
        char *slash = strchr(shard, '/');
        char k[16];
        size_t kn = slash ? (size_t)(slash - shard) : 0;
        if (slash && kn < sizeof k) {
            memcpy(k, shard, kn);
            k[kn] = '\0';
            bo.shard_n = parse_count(slash + 1, 1000000);
            bo.shard_k = bo.shard_n ? parse_count(k, bo.shard_n) : 0;
        }
        if (!bo.shard_k) {
            fprintf(stderr,
                    _("copil render: error: --shard takes K/N, the K-th of N slices with "
                      "1 <= K <= N (for example --shard 2/8), not \"%s\"\n"),
                    shard);
            goto out;
        }
    }
    struct stat sb;
    batch = nfiles > 1 || jobs || shard || (stat(files[0], &sb) == 0 && S_ISDIR(sb.st_mode));
    if (batch && opt.dump) {
        fprintf(stderr, _("copil render: error: --dump=%s prints one document: name one file\n"),
                opt.dump == 2 ? "areas" : "pages");
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
        cli_session_close(&session);
    cli_batch_free(&list);
    free(files);
    fflush(stdout);
    return code;
}
