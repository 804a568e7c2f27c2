/*
 * render/render.c — the pipeline: a file (or a validated data file) → pages
 * → finished PDF in memory.
 *
 * Validate the input, transform a data file into a layout document by its
 * kind's stylesheet, build the Doc; then paginate and paint page by page,
 * each page drawn as soon as it is laid out and then forgotten, and finish.
 * Or (pages_only) paginate and keep every page, for a caller that looks at
 * them first; render_pdf paints and finishes them later, into the same
 * bytes. The creation date is
 * the document's, else SOURCE_DATE_EPOCH's, else none: never the clock's.
 * It does not name, check or write the output file: the front ends do.
 */
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "paint/paint.h"
#include "pdf/finish.h"
#include "render/render.h"

#define PRODUCER "copil " COPIL_VERSION

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
    if (render_source_date(r, _("the PDF has no creation date"), &v)) {
        time_t t = (time_t)v;
        struct tm tm;
        char buf[32];
        if (gmtime_r(&t, &tm) && strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm))
            return arena_strdup(&r->arena, buf);
    }
    return "";
}

int
render_source_date(Run *r, const char *without, long long *t)
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

/* Data file → layout document through its stylesheet. A mission letter and
 * an activity report have no public copy: what makes them worth writing
 * (missions, hours and compensation; time spent and self-assessment) is
 * personal to one employee, and removing it would leave nothing to publish.
 * They go to the person and the administration only (validate/rules.c keeps
 * their distribution lists to full copies). */
static Status
data_to_layout(Session *s, Run *r, xmlDocPtr data, DocKind kind, const char *input,
               const char *asked, int public_copy, xmlDocPtr *layout, const RenderKind **made)
{
    const RenderKind *k = render_kind_for(r, data, kind, asked);
    if (!k)
        return STATUS_INVALID;
    *made = k;
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
    int over = k == &render_kinds[RENDER_AGENDA]
                   ? validate_agenda_overrun(data, &items, &planned, &line)
                   : 0;
    if (over > 0)
        run_diag(r, DIAG_WARNING, line, 0,
                 _("the agenda runs %d min past the planned <end>: its items take %d min, the "
                   "meeting is planned for %d; shorten some items or move <end>"),
                 over, items, planned);
    return transform_apply(s->transformer, r, data, input, k->name, layout);
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

/* A validated file (xml, of kind, read from input) → layout document →
 * Doc, for the document kind asked (NULL: the file's own). *doc belongs to
 * run. */
static Status
doc_of(Session *s, Run *run, xmlDocPtr xml, DocKind kind, const char *input, const char *asked,
       int public_copy, Doc **doc, const RenderKind **made)
{
    Status st;
    xmlDocPtr data = xml;
    if (kind != DOC_LAYOUT) {
        st = data_to_layout(s, run, xml, kind, input, asked, public_copy, &xml, made);
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
    /* The Doc holds copies of what it needs: the layout document goes now
     * rather than when the run ends. */
    if (xml != data)
        run_release(run, xml);
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
    return STATUS_OK;
}

/* The finish stage on what paint wrote into painted, into res; lang is the
 * document's. */
static Status
finish(Run *run, const MemOut *painted, const PaintRecord *record, const char *lang,
       RenderResult *res)
{
    /* The public copy is for reading: nobody signs it. */
    FinishOptions fo = {
        .lang = lang, .producer = PRODUCER, .sign = !res->public_copy, .record = record};
    if (run->arena.failed) {
        /* Figures or fields left out of the record for want of memory: no
         * PDF rather. */
        run_diag(run, DIAG_ERROR, 0, 0, _("out of memory while finishing the PDF"));
        return STATUS_IO;
    }
    return pdf_finish(run, painted->data, painted->len, &fo, &res->pdf, &res->len);
}

/* Paints each page as pagination hands it over. */
static Status
paint_one(void *closure, const Page *page, int late)
{
    return paint_page(closure, page, late);
}

/* Paginates, paints and finishes res->doc page by page: no page is kept,
 * and the Doc goes before the finish stage (res->doc is then NULL). */
static Status
render_streamed(Session *s, Run *run, RenderResult *res)
{
    MemOut painted = {0};
    PaintRecord record;
    Painter *painter = NULL;
    Doc *doc = res->doc;
    const char *lang = arena_strdup(&run->arena, doc->lang);
    Status st = paint_begin(run, doc, creation_date(run, doc), PRODUCER, &record, write_memory,
                            &painted, &painter);
    if (st == STATUS_OK) {
        PageSink sink = {paint_one, painter};
        st = pg_paginate_stream(run, s->text, doc, &sink, &res->npages);
        Status end = paint_end(painter);
        if (st == STATUS_OK && run->nerrors)
            st = STATUS_INVALID;
        if (st == STATUS_OK)
            st = end;
    }
    /* Paint's record holds copies of what finishing needs. */
    doc_release(run, doc);
    res->doc = NULL;
    if (st == STATUS_OK)
        st = finish(run, &painted, &record, lang, res);
    free(painted.data);
    return st;
}

Status
render_document(Session *s, Run *run, const RenderRequest *req, RenderResult *res)
{
    xmlDocPtr xml = req->data;
    DocKind kind = req->data_kind;
    Doc *doc = NULL;
    const RenderKind *made = NULL;
    memset(res, 0, sizeof(*res));
    res->public_copy = req->public_copy;
    Status st = xml ? STATUS_OK : validate_file(s->validator, run, req->input, &xml, &kind);
    if (st == STATUS_OK)
        st = doc_of(s, run, xml, kind, req->input, req->kind, req->public_copy, &doc, &made);
    if (xml && !req->data)
        run_release(run, xml); /* read here, and no longer needed */
    if (st != STATUS_OK)
        return st;
    res->kind = made;
    res->doc = doc;
    if (!req->pages_only)
        return render_streamed(s, run, res);
    st = pg_paginate(run, s->text, doc, &res->pages);
    if (st == STATUS_OK && run->nerrors)
        st = STATUS_INVALID;
    if (st == STATUS_OK)
        res->npages = res->pages->count;
    return st;
}

Status
render_pdf(Run *run, RenderResult *res)
{
    MemOut painted = {0};
    PaintRecord record;
    Status st = paint_pdf(run, res->pages, creation_date(run, res->doc), PRODUCER, &record,
                          write_memory, &painted);
    if (st == STATUS_OK)
        st = finish(run, &painted, &record, res->doc->lang, res);
    free(painted.data);
    return st;
}
