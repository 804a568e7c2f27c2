/*
 * validate/validate.c — the stage's entry point: file → checked xmlDoc.
 *
 * Order of work: read the bytes (size limit), parse safely, find the kind
 * from the root element, validate against the kind's schema, then apply the
 * rules the schema cannot say. Each step runs only if the previous one
 * succeeded, so the user sees the first real problem, not its echoes.
 *
 * It also installs, once per process, an external-entity loader that refuses
 * the network and every file outside the folders the program allows (its own
 * schemas): a second lock behind the parser options.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "core/file.h"
#include "validate/internal.h"
#include "core/i18n.h"

static const char *const kind_roots[DOC_KIND_COUNT] = {
    [DOC_UNKNOWN] = "unknown",
    [DOC_MEETING] = "meeting",
    [DOC_MISSION_LETTER] = "mission-letter",
    [DOC_ACTIVITY_REPORT] = "activity-report",
    [DOC_LAYOUT] = "document",
    [DOC_DASHBOARD] = "dashboard",
};

/* The schema of each kind, in the schemas folder. */
static const char *const kind_schemas[DOC_KIND_COUNT] = {
    [DOC_MEETING] = "meeting",
    [DOC_MISSION_LETTER] = "mission-letter",
    [DOC_ACTIVITY_REPORT] = "activity-report",
    [DOC_LAYOUT] = "layout",
    [DOC_DASHBOARD] = "dashboard",
};

#define DATA_KINDS 3 /* meeting, mission-letter, activity-report */

struct Validator {
    char *schema_dir;
    Schema *schemas[DOC_KIND_COUNT];
    int failed[DOC_KIND_COUNT]; /* a schema that did not compile is not retried */
};

/* --- the external-entity loader ------------------------------------- */

#define MAX_ALLOWED_ROOTS 4
static char *allowed_roots[MAX_ALLOWED_ROOTS];
static xmlExternalEntityLoader default_loader;

static xmlParserInputPtr
confined_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    char resolved[PATH_MAX];
    const char *path = url;
    if (!url)
        return NULL;
    if (!strncmp(path, "file://", 7))
        path += 7;
    if (strstr(path, "://") || !realpath(path, resolved))
        return NULL;
    for (int i = 0; i < MAX_ALLOWED_ROOTS && allowed_roots[i]; i++)
        if (file_inside(resolved, allowed_roots[i]))
            return default_loader(resolved, id, ctxt);
    return NULL;
}

static void
silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

void
validate_allow_folder(const char *dir)
{
    char resolved[PATH_MAX];
    if (!realpath(dir, resolved))
        return;
    for (int i = 0; i < MAX_ALLOWED_ROOTS; i++) {
        if (allowed_roots[i] && !strcmp(allowed_roots[i], resolved))
            return;
        if (!allowed_roots[i]) {
            allowed_roots[i] = strdup(resolved);
            return;
        }
    }
}

/* --- the validator --------------------------------------------------- */

Validator *
validate_new(const char *schema_dir)
{
    Validator *v = calloc(1, sizeof(*v));
    if (!v)
        return NULL;
    v->schema_dir = strdup(schema_dir);
    if (!v->schema_dir) {
        free(v);
        return NULL;
    }
    xmlInitParser();
    /* Nothing from libxml2 reaches stderr: every error is routed into a run
     * through a structured handler; the rest is dropped. */
    xmlSetGenericErrorFunc(NULL, silent);
    if (!default_loader)
        default_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(confined_loader);
    validate_allow_folder(schema_dir);
    return v;
}

void
validate_free(Validator *v)
{
    if (!v)
        return;
    for (int i = 0; i < DOC_KIND_COUNT; i++)
        schema_free(v->schemas[i]);
    free(v->schema_dir);
    free(v);
}

const char *
validate_kind_name(DocKind kind)
{
    return (int)kind >= 0 && (int)kind < DOC_KIND_COUNT ? kind_roots[kind] : "unknown";
}

DocKind
validate_kind_from_root(const char *name)
{
    for (int k = DOC_MEETING; k < DOC_KIND_COUNT; k++)
        if (name && !strcmp(name, kind_roots[k]))
            return (DocKind)k;
    return DOC_UNKNOWN;
}

static Status
schema_for(Validator *v, Run *r, DocKind kind, Schema **out)
{
    *out = v->schemas[kind];
    if (*out)
        return STATUS_OK;
    if (v->failed[kind])
        return STATUS_IO;
    char *path = arena_printf(&r->arena, "%s/%s.xsd", v->schema_dir, kind_schemas[kind]);
    if (!path)
        return STATUS_IO;
    Status st = schema_load(r, path, &v->schemas[kind]);
    if (st != STATUS_OK) {
        v->failed[kind] = 1;
        run_diag(r, DIAG_ERROR, 0, 0,
                 _("cannot check this file: the schema %s is missing or broken (is copil "
                   "installed completely? COPIL_DATADIR may point to the wrong folder)"),
                 path);
        return STATUS_IO;
    }
    *out = v->schemas[kind];
    return STATUS_OK;
}

/* The root element decides the kind; every way of getting it wrong gets its
 * own sentence, since it is the first thing a newcomer gets wrong. */
static DocKind
kind_of(Run *r, xmlNodePtr root, const char *src, size_t len)
{
    const char *name = (const char *)root->name;
    const char *ns = root->ns ? (const char *)root->ns->href : NULL;
    DocKind kind = validate_kind_from_root(name);
    long line, col;
    source_position(src, len, root, NULL, &line, &col);

    if (kind == DOC_LAYOUT) {
        if (ns && !strcmp(ns, COPIL_LAYOUT_NS))
            return kind;
        run_diag(r, DIAG_ERROR, line, col,
                 _("<document> is a layout document only in the namespace \"%s\": write "
                   "<document xmlns=\"%s\" …>"),
                 COPIL_LAYOUT_NS, COPIL_LAYOUT_NS);
        return DOC_UNKNOWN;
    }
    if (kind != DOC_UNKNOWN && ns && !strcmp(ns, COPIL_DATA_NS))
        return kind;
    if (kind != DOC_UNKNOWN && !ns) {
        run_diag(r, DIAG_ERROR, line, col,
                 _("<%s> has no namespace: write <%s xmlns=\"%s\" version=\"1\">"), name, name,
                 COPIL_DATA_NS);
    } else if (kind != DOC_UNKNOWN) {
        run_diag(r, DIAG_ERROR, line, col,
                 _("<%s> is in the namespace \"%s\"; copil files use xmlns=\"%s\""), name, ns,
                 COPIL_DATA_NS);
    } else if (ns && !strcmp(ns, COPIL_DATA_NS)) {
        const char *close = messages_closest(name, kind_roots + 1, DATA_KINDS);
        if (close)
            run_diag(r, DIAG_ERROR, line, col,
                     _("<%s> is not a kind of copil file: did you mean <%s>?"), name, close);
        else
            run_diag(r, DIAG_ERROR, line, col,
                     _("<%s> is not a kind of copil file: the root element must be <meeting>, "
                       "<mission-letter> or <activity-report>"),
                     name);
    } else {
        if (ns)
            run_diag(r, DIAG_ERROR, line, col,
                     _("this is not a copil file: its root element is <%s> in the namespace "
                       "\"%s\"; copil reads <meeting>, <mission-letter> and <activity-report> "
                       "in the namespace \"%s\""),
                     name, ns, COPIL_DATA_NS);
        else
            run_diag(r, DIAG_ERROR, line, col,
                     _("this is not a copil file: its root element is <%s>; copil reads "
                       "<meeting>, <mission-letter> and <activity-report> in the namespace "
                       "\"%s\""),
                     name, COPIL_DATA_NS);
    }
    return DOC_UNKNOWN;
}

/* A parsed file's bytes, hung on its xmlDoc's _private for validate_position. */
typedef struct Source {
    const char *src;
    size_t len;
} Source;

static Status validate_at(Validator *v, Run *r, const char *path, int follow, xmlDocPtr *out,
                          DocKind *kind_out, const char **src, size_t *srclen);

/* The meeting doc (read from path) names in <previous href>, read into sub
 * for the rules that span two meetings. Only a path that leads to a file
 * inside the folder is read: the rest is reported by the rules (linked
 * files). The previous meeting's own errors are reported on r under the
 * name the href gives it, as the transform does, and leave it
 * PREVIOUS_BROKEN; its warnings are its own file's business. STATUS_IO when
 * it cannot be read. */
static Status
read_previous(Validator *v, Run *r, Run *sub, xmlDocPtr doc, const char *path, const char *src,
              size_t len, Previous *prev)
{
    const xmlNode *at = xml_child(xmlDocGetRootElement(doc), "previous");
    const char *href = validate_attr(&r->arena, at, "href");
    char folder[PATH_MAX], real[PATH_MAX];
    xmlDocPtr pdoc = NULL;
    DocKind kind = DOC_UNKNOWN;
    long line, col;

    if (!href)
        return STATUS_OK;
    prev->state = PREVIOUS_BROKEN;
    prev->href = href;
    if (file_real_folder(path, folder) != 0 || file_resolve(folder, href, real) != FILE_REF_INSIDE)
        return STATUS_OK;
    run_init(sub, real);
    Status st = validate_at(v, sub, real, 0, &pdoc, &kind, &prev->src, &prev->len);
    for (Diag *d = sub->diags; d; d = d->next)
        if (d->level == DIAG_ERROR)
            run_diag_at(r, d->level, href, d->line, d->col, "%s", d->message);
    source_position(src, len, at, "href", &line, &col);
    if (st != STATUS_OK) {
        run_diag(
            r, DIAG_ERROR, line, col,
            _("the linked file \"%s\" has problems (listed with its name): correct them first"),
            href);
        return st == STATUS_IO ? STATUS_IO : STATUS_OK;
    }
    if (kind != DOC_MEETING) {
        run_diag(r, DIAG_ERROR, line, col,
                 kind == DOC_LAYOUT ? _("the linked file \"%s\" is a layout file, not a "
                                        "meeting's: name a meeting file here")
                 : kind == DOC_MISSION_LETTER
                     ? _("the linked file \"%s\" is a mission letter file, not a meeting's: "
                         "name a meeting file here")
                     : _("the linked file \"%s\" is an activity report file, not a meeting's: "
                         "name a meeting file here"),
                 href);
        return STATUS_OK;
    }
    prev->state = PREVIOUS_OK;
    prev->doc = pdoc;
    return STATUS_OK;
}

/* Reads, parses and checks the file at path; follow: read its previous
 * meeting too, for the rules that span two meetings. *src and *srclen
 * (when src is not NULL) receive its bytes, kept in r's arena. */
static Status
validate_at(Validator *v, Run *r, const char *path, int follow, xmlDocPtr *out, DocKind *kind_out,
            const char **src, size_t *srclen)
{
    Status st;
    char *data = NULL;
    size_t len = 0;
    xmlDocPtr doc = NULL;
    Schema *schema = NULL;
    Run sub = {0};
    Previous prev = {0};
    unsigned errors = r->nerrors;

    *out = NULL;
    *kind_out = DOC_UNKNOWN;
    st = file_read_all(r, path, VALIDATE_MAX_FILE_SIZE, &data, &len);
    if (st != STATUS_OK)
        goto out;
    st = validate_parse(r, data, len, &doc);
    if (st != STATUS_OK)
        goto out;
    /* The bytes stay in r's arena as long as doc: validate_position reads them. */
    Source *source = arena_alloc(&r->arena, sizeof *source);
    if (source) {
        source->src = data;
        source->len = len;
        doc->_private = source;
    }
    DocKind kind = kind_of(r, xmlDocGetRootElement(doc), data, len);
    if (kind == DOC_UNKNOWN) {
        st = STATUS_INVALID;
        goto out;
    }
    *kind_out = kind; /* what the root says, problems or not */
    *out = doc;       /* and the document, for what its problems leave readable */
    st = schema_for(v, r, kind, &schema);
    if (st != STATUS_OK)
        goto out;
    st = schema_check(schema, r, doc, data, len);
    if (st != STATUS_OK)
        goto out;
    if (follow && kind == DOC_MEETING) {
        st = read_previous(v, r, &sub, doc, path, data, len, &prev);
        if (st != STATUS_OK)
            goto out;
    }
    st = rules_check(r, doc, kind, path, data, len, &prev);
    if (st == STATUS_OK && r->nerrors > errors)
        st = STATUS_INVALID; /* the previous meeting's errors */
    if (st != STATUS_OK)
        goto out;
    if (src) {
        *src = data;
        *srclen = len;
    }
out:
    if (sub.diags_tail)
        run_free(&sub);
    return st;
}

Status
validate_file(Validator *v, Run *r, const char *path, xmlDocPtr *out, DocKind *kind_out)
{
    return validate_at(v, r, path, 1, out, kind_out, NULL, NULL);
}

Status
validate_file_alone(Validator *v, Run *r, const char *path, xmlDocPtr *out, DocKind *kind_out)
{
    return validate_at(v, r, path, 0, out, kind_out, NULL, NULL);
}

Status
validate_doc(Validator *v, Run *r, xmlDocPtr doc, DocKind kind)
{
    Schema *schema = NULL;
    if (!doc || !xmlDocGetRootElement(doc)) {
        run_diag(r, DIAG_ERROR, 0, 0, _("the document is empty"));
        return STATUS_INVALID;
    }
    Status st = schema_for(v, r, kind, &schema);
    if (st != STATUS_OK)
        return st;
    return schema_check(schema, r, doc, NULL, 0);
}

int
validate_meeting_has_record(xmlDocPtr doc)
{
    return xml_child(xmlDocGetRootElement(doc), "record") != NULL;
}

/* "17:30" → 1050; -1 when it is not a time. */
static int
minutes_of(const xmlNode *n)
{
    xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
    int h, m, v = -1;
    if (t && sscanf((const char *)t, " %d:%d", &h, &m) == 2)
        v = h * 60 + m;
    xmlFree(t);
    return v;
}

int
item_minutes(const xmlNode *item, int *own)
{
    int sum = 0, subs = 0;
    for (const xmlNode *sub = xml_child(item, "item"); sub; sub = xml_next(sub, "item"), subs++)
        sum += item_minutes(sub, NULL);
    xmlChar *m = xmlGetNoNsProp(item, BAD_CAST "minutes");
    int mine = m ? atoi((const char *)m) : -1;
    xmlFree(m);
    if (own)
        *own = mine;
    return subs ? sum : mine > 0 ? mine : 0;
}

int
validate_agenda_overrun(xmlDocPtr doc, int *items, int *planned, long *line)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *end = xml_child(root, "end");
    int from = minutes_of(xml_child(root, "start")), to = minutes_of(end);
    const xmlNode *agenda = xml_child(root, "agenda");
    int total = 0;
    for (const xmlNode *it = xml_child(agenda, "item"); it; it = xml_next(it, "item"))
        total += item_minutes(it, NULL);
    *items = total;
    *planned = from >= 0 && to > from ? to - from : 0;
    *line = end ? xmlGetLineNo(end) : 0;
    return *planned > 0 && total > *planned ? total - *planned : 0;
}

void
validate_position(xmlDocPtr doc, const xmlNode *node, long *line, long *col)
{
    const Source *source = doc ? doc->_private : NULL;
    *line = xmlGetLineNo(node);
    *col = 0;
    if (*line < 0)
        *line = 0;
    if (source && source->src)
        source_position(source->src, source->len, node, NULL, line, col);
}
