/*
 * transform/transform.c — stylesheets run under a confined loader.
 *
 * libxslt's default loader would parse document() files with entity
 * substitution and DTD loading (XSLT_PARSE_OPTIONS), and read any path. Ours
 * replaces it for the whole process: a linked data file must lie inside the
 * input's folder tree, and goes through the same safe parser and validation
 * as the input; a stylesheet must lie in the stylesheets folder. Security
 * preferences forbid writing files, creating folders and the network.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "core/file.h"
#include "transform/transform.h"
#include "core/i18n.h"

#define MAX_SHEETS 8

struct Transformer {
    char *dir; /* realpath of the stylesheets folder */
    Validator *validator;
    struct {
        char *name;
        xsltStylesheetPtr sheet;
    } sheets[MAX_SHEETS];
    int nsheets;
    xsltSecurityPrefsPtr prefs;
};

/* What the loader needs while one transformation runs (one at a time). */
typedef struct Current {
    Transformer *t;
    Run *run;
    xmlDocPtr data;
    char input_dir[PATH_MAX]; /* realpath */
    int io_failed;            /* a linked file present at validation has gone */
} Current;

static Current *current;
static Transformer *compiling;
/* libxslt's own loader, kept before ours replaces it (xsltSetLoaderFunc
 * overwrites xsltDocDefaultLoader itself). */
static xsltDocLoaderFunc libxslt_loader;

/* The kind of file a link element names: a report's <mission-letter> names
 * a mission letter; the other links (<previous>, <meeting-file>) a meeting. */
static DocKind
link_kind(const xmlNode *n)
{
    return !strcmp((const char *)n->name, "mission-letter") ? DOC_MISSION_LETTER : DOC_MEETING;
}

/* The first element under n whose href names uri (resolved against base)
 * and, unless unlike is DOC_UNKNOWN, whose link_kind is not unlike; NULL
 * when there is none. */
static const xmlNode *
find_link(const xmlNode *n, const char *base, const char *uri, DocKind unlike)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *v = xmlGetNoNsProp(n, BAD_CAST "href");
        if (v && (unlike == DOC_UNKNOWN || link_kind(n) != unlike)) {
            xmlChar *full = xmlBuildURI(v, BAD_CAST base);
            char real[PATH_MAX];
            int same = full && (!strcmp((const char *)full, uri) ||
                                (realpath((const char *)full, real) && !strcmp(real, uri)));
            xmlFree(full);
            if (same) {
                xmlFree(v);
                return n;
            }
        }
        xmlFree(v);
        const xmlNode *found = find_link(n->children, base, uri, unlike);
        if (found)
            return found;
    }
    return NULL;
}

/* The element of the input that names uri, or NULL. */
static const xmlNode *
link_of(const char *uri)
{
    const char *base = current->data && current->data->URL ? (const char *)current->data->URL : "";
    return find_link(xmlDocGetRootElement(current->data), base, uri, DOC_UNKNOWN);
}

/* The href as the input writes it at the link element at, else uri. */
static const char *
link_href(const xmlNode *at, const char *uri)
{
    const char *href = validate_attr(&current->run->arena, at, "href");
    return href ? href : uri;
}

static void link_error(const xmlNode *at, const char *uri, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* An error at the link element at (found from uri when NULL). */
static void
link_error(const xmlNode *at, const char *uri, const char *fmt, ...)
{
    if (!at)
        at = link_of(uri);
    va_list ap;
    va_start(ap, fmt);
    char *why = arena_vprintf(&current->run->arena, fmt, ap);
    va_end(ap);
    run_diag(current->run, DIAG_ERROR, at ? xmlGetLineNo(at) : 0, 0, _("the linked file \"%s\" %s"),
             link_href(at, uri), why ? why : _("cannot be used"));
}

static const char *
kind_article(DocKind kind)
{
    /* TRANSLATORS: in "is a meeting file, not a mission letter's"; French
     * says "est un fichier de réunion, pas de lettre de mission". */
    return kind == DOC_MEETING          ? P_("kind of file", "a meeting")
           : kind == DOC_MISSION_LETTER ? P_("kind of file", "a mission letter")
           : kind == DOC_LAYOUT         ? P_("kind of file", "a layout")
                                        : P_("kind of file", "an activity report");
}

/* A linked data file: confined, parsed safely, validated without following
 * its own links to data files, and of the kind its link names (a mission
 * letter for a report's <mission-letter>, a meeting for every other link,
 * however many elements name it); its errors are reported under its own
 * name. The copy returned belongs to libxslt. */
static xmlDocPtr
load_data(const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real)) {
        /* Validation found it (validate/rules.c): it went while copil ran. */
        link_error(NULL, path,
                   _("cannot be found next to this file any more (was it moved or deleted "
                     "while copil ran?)"));
        current->io_failed = 1;
        return NULL;
    }
    if (!file_inside(real, current->input_dir)) {
        link_error(NULL, real,
                   _("lies outside this file's folder; copil reads only files inside it"));
        return NULL;
    }
    Run sub;
    xmlDocPtr doc = NULL, copy = NULL;
    DocKind kind;
    run_init(&sub, real);
    Status st = validate_file_alone(current->t->validator, &sub, real, &doc, &kind);
    if (sub.diags) {
        /* The linked file's own messages, named as the input names it. */
        const char *href = link_href(link_of(real), real);
        /* Its warnings are its own file's business (copil validate on it). */
        for (Diag *d = sub.diags; d; d = d->next)
            if (d->level == DIAG_ERROR)
                run_diag_at(current->run, d->level, href, d->line, d->col, "%s", d->message);
    }
    const char *base = current->data->URL ? (const char *)current->data->URL : "";
    const xmlNode *wrong = NULL;
    if (st == STATUS_OK)
        wrong = find_link(xmlDocGetRootElement(current->data), base, real, kind);
    if (st != STATUS_OK)
        link_error(NULL, real, _("has problems (listed with its name): correct them first"));
    else if (wrong)
        link_error(wrong, real, _("is %s file, not %s's: name %s file in <%s>"), kind_article(kind),
                   kind_article(link_kind(wrong)), kind_article(link_kind(wrong)),
                   (const char *)wrong->name);
    else
        copy = xmlCopyDoc(doc, 1);
    run_free(&sub);
    return copy;
}

static xmlDocPtr
confined_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type)
{
    const char *path = (const char *)uri;
    if (!path)
        return NULL;
    if (!strncmp(path, "file://", 7))
        path += 7;
    if (type == XSLT_LOAD_DOCUMENT) {
        if (!current || strstr(path, "://"))
            return NULL;
        return load_data(path);
    }
    /* A stylesheet (or one it includes): only from the stylesheets folder. */
    Transformer *t = current ? current->t : compiling;
    char real[PATH_MAX];
    if (!t || strstr(path, "://") || !realpath(path, real) || !file_inside(real, t->dir))
        return NULL;
    options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR);
    return libxslt_loader(BAD_CAST real, dict, options | XML_PARSE_NONET, ctxt, type);
}

static int
forbid(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
    (void)sec;
    (void)ctxt;
    (void)value;
    return 0;
}

Transformer *
transform_new(const char *dir, Validator *v)
{
    char real[PATH_MAX];
    Transformer *t = calloc(1, sizeof(*t));
    if (!t)
        return NULL;
    t->dir = strdup(realpath(dir, real) ? real : dir);
    t->validator = v;
    t->prefs = xsltNewSecurityPrefs();
    if (!t->dir || !t->prefs) {
        transform_free(t);
        return NULL;
    }
    xsltSetSecurityPrefs(t->prefs, XSLT_SECPREF_WRITE_FILE, forbid);
    xsltSetSecurityPrefs(t->prefs, XSLT_SECPREF_CREATE_DIRECTORY, forbid);
    xsltSetSecurityPrefs(t->prefs, XSLT_SECPREF_READ_NETWORK, forbid);
    xsltSetSecurityPrefs(t->prefs, XSLT_SECPREF_WRITE_NETWORK, forbid);
    validate_allow_folder(t->dir);
    if (!libxslt_loader)
        libxslt_loader = xsltDocDefaultLoader;
    xsltSetLoaderFunc(confined_loader);
    return t;
}

void
transform_free(Transformer *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->nsheets; i++) {
        xsltFreeStylesheet(t->sheets[i].sheet);
        free(t->sheets[i].name);
    }
    if (t->prefs)
        xsltFreeSecurityPrefs(t->prefs);
    free(t->dir);
    free(t);
}

/* libxslt's messages arrive in pieces (printf-style); they are gathered
 * into one line per message and reported at the stylesheet. */
typedef struct Messages {
    Run *run;
    const char *sheet;
    char buf[1024];
    size_t len;
} Messages;

static void
flush_message(Messages *m)
{
    while (m->len && (m->buf[m->len - 1] == '\n' || m->buf[m->len - 1] == ' '))
        m->len--;
    if (m->len) {
        m->buf[m->len] = '\0';
        run_diag_at(m->run, DIAG_ERROR, m->sheet, 0, 0, _("stylesheet: %s"), m->buf);
    }
    m->len = 0;
}

static void
on_xslt_error(void *ctx, const char *fmt, ...)
{
    Messages *m = ctx;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(m->buf + m->len, sizeof(m->buf) - m->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        m->len = m->len + (size_t)n < sizeof(m->buf) ? m->len + (size_t)n : sizeof(m->buf) - 1;
    if (m->len && m->buf[m->len - 1] == '\n')
        flush_message(m);
}

static void
silent(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

static xsltStylesheetPtr
sheet_for(Transformer *t, Messages *m, const char *name)
{
    for (int i = 0; i < t->nsheets; i++)
        if (!strcmp(t->sheets[i].name, name))
            return t->sheets[i].sheet;
    if (t->nsheets >= MAX_SHEETS)
        return NULL;
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s.xsl", t->dir, name);
    m->sheet = arena_strdup(&m->run->arena, path);
    compiling = t;
    xsltSetGenericErrorFunc(m, on_xslt_error);
    xsltStylesheetPtr sheet = xsltParseStylesheetFile(BAD_CAST path);
    flush_message(m);
    compiling = NULL;
    /* m lives on the caller's stack: libxslt must not keep it. */
    xsltSetGenericErrorFunc(NULL, silent);
    if (!sheet)
        return NULL;
    t->sheets[t->nsheets].name = strdup(name);
    t->sheets[t->nsheets++].sheet = sheet;
    return sheet;
}

Status
transform_compile(Transformer *t, Run *r, const char *name)
{
    Messages m = {.run = r};
    if (sheet_for(t, &m, name))
        return STATUS_OK;
    run_diag(r, DIAG_ERROR, 0, 0,
             _("the stylesheet %s.xsl is missing or broken (is copil installed completely?)"),
             name);
    return STATUS_IO;
}

/* The layout's own line numbers would name lines of the data file that
 * have nothing to do with a later message: they are dropped, so that such a
 * message names the file alone. */
static void
forget_lines(xmlNode *n)
{
    for (; n; n = n->next) {
        n->line = 0;
        forget_lines(n->children);
    }
}

static void
free_doc(void *p)
{
    xmlFreeDoc(p);
}

/* The stylesheet `name` on data; its result is checked against layout.xsd
 * when layout is set. */
static Status
apply(Transformer *t, Run *r, xmlDocPtr data, const char *input_path, const char *name, int layout,
      xmlDocPtr *out)
{
    Status st = STATUS_IO;
    Messages m = {.run = r};
    Current cur = {.t = t, .run = r, .data = data};
    xsltTransformContextPtr ctxt = NULL;
    xmlDocPtr result = NULL;
    unsigned errors = r->nerrors;

    *out = NULL;
    xsltStylesheetPtr sheet = sheet_for(t, &m, name);
    if (!sheet) {
        run_diag(r, DIAG_ERROR, 0, 0,
                 _("the stylesheet %s.xsl is missing or broken (is copil installed completely?)"),
                 name);
        goto out;
    }
    if (file_real_folder(input_path, cur.input_dir) != 0) {
        run_diag(r, DIAG_ERROR, 0, 0, _("cannot resolve the folder of this file"));
        goto out;
    }
    m.sheet = arena_printf(&r->arena, "%s/%s.xsl", t->dir, name);
    ctxt = xsltNewTransformContext(sheet, data);
    if (!ctxt)
        goto out;
    xsltSetCtxtSecurityPrefs(t->prefs, ctxt);
    xsltSetTransformErrorFunc(ctxt, &m, on_xslt_error);
    xsltSetGenericErrorFunc(&m, on_xslt_error);
    current = &cur;
    result = xsltApplyStylesheetUser(sheet, data, NULL, NULL, NULL, ctxt);
    current = NULL;
    flush_message(&m);
    if (r->nerrors > errors) {
        st = cur.io_failed ? STATUS_IO : STATUS_INVALID;
        goto out;
    }
    if (!result || ctxt->state != XSLT_STATE_OK) {
        run_diag(r, DIAG_ERROR, 0, 0, _("the stylesheet %s.xsl failed on this file"), name);
        goto out;
    }
    st = run_defer(r, free_doc, result);
    if (st != STATUS_OK) {
        result = NULL;
        goto out;
    }
    xmlDocPtr made = result;
    result = NULL;
    /* What a stylesheet makes is checked as any layout document: a bug in
     * it (or in an académie's override) shows as the stylesheet's. */
    if (layout) {
        Run check;
        run_init(&check, m.sheet);
        st = validate_doc(t->validator, &check, made, DOC_LAYOUT);
        for (Diag *d = check.diags; d; d = d->next)
            run_diag_at(r, d->level, m.sheet, 0, 0, _("the stylesheet made an invalid layout: %s"),
                        d->message);
        run_free(&check);
        if (st != STATUS_OK) {
            st = STATUS_IO;
            goto out;
        }
    }
    forget_lines(xmlDocGetRootElement(made));
    *out = made;
out:
    current = NULL;
    /* Never back to libxslt's default, which prints to stderr. */
    xsltSetGenericErrorFunc(NULL, silent);
    if (result)
        xmlFreeDoc(result);
    if (ctxt)
        xsltFreeTransformContext(ctxt);
    return st;
}

Status
transform_apply(Transformer *t, Run *r, xmlDocPtr data, const char *input_path, const char *name,
                xmlDocPtr *out)
{
    return apply(t, r, data, input_path, name, 1, out);
}

Status
transform_apply_plain(Transformer *t, Run *r, xmlDocPtr data, const char *input_path,
                      const char *name, xmlDocPtr *out)
{
    return apply(t, r, data, input_path, name, 0, out);
}
