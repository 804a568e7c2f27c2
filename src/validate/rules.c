/*
 * validate/rules.c — what XSD 1.0 cannot say, checked on a schema-valid tree.
 *
 * Sums (time shares add up to 100), orders (a meeting ends after it starts),
 * conditions (a record needs everyone's attendance and a secretary) and the
 * co-signatories of a mission letter, and the files a document reads (a
 * logo, a previous meeting): present, and inside the file's own folder, so
 * that "../../etc/passwd", an absolute path or a symbolic link leading out
 * is refused at its line. Each rule reports at the element a user
 * would edit to fix it. Dates and times are compared as strings: the schema
 * already fixed their form (YYYY-MM-DD, HH:MM).
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "validate/internal.h"

typedef struct Rules {
    Run *run;
    const char *src;
    size_t len;
} Rules;

static void fail(Rules *ru, const xmlNode *at, const char *attr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
fail(Rules *ru, const xmlNode *at, const char *attr, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = arena_vprintf(&ru->run->arena, fmt, ap);
    va_end(ap);
    long line, col;
    source_position(ru->src, ru->len, at, attr, &line, &col);
    run_diag(ru->run, DIAG_ERROR, line, col, "%s", msg ? msg : "invalid");
}

static void
check_school_year(Rules *ru, const xmlNode *root)
{
    const xmlNode *sy = xml_child(root, "school-year");
    const char *v = xml_text(&ru->run->arena, sy);
    if (!v || strlen(v) != 9)
        return;
    int first = atoi(v), second = atoi(v + 5);
    if (second != first + 1)
        fail(ru, sy, NULL,
             "<school-year> \"%s\" is not valid: the second year must follow the first, "
             "e.g. %d-%d",
             v, first, first + 1);
}

static void
check_meeting(Rules *ru, const xmlNode *root)
{
    Arena *a = &ru->run->arena;
    const xmlNode *date = xml_child(root, "date");
    const xmlNode *start = xml_child(root, "start");
    const xmlNode *end = xml_child(root, "end");
    const char *d = xml_text(a, date), *s = xml_text(a, start), *e = xml_text(a, end);
    if (s && e && strcmp(e, s) <= 0)
        fail(ru, end, NULL,
             "<end> %s is not after <start> %s: the meeting must end after it starts", e, s);

    const xmlNode *record = xml_child(root, "record");
    if (!record)
        return;

    const xmlNode *members = xml_child(root, "members");
    for (const xmlNode *m = xml_child(members, "member"); m; m = xml_next(m, "member")) {
        const char *id = xml_attr(a, m, "id");
        const char *att = xml_attr(a, m, "attendance");
        const char *by = xml_attr(a, m, "represented-by");
        if (!att)
            fail(ru, m, NULL,
                 "<member id=\"%s\"> has no attendance: now that the meeting has a <record>, "
                 "add attendance=\"present\", \"excuse\", \"absent\" or \"represente\"",
                 id);
        else if (!strcmp(att, "represente") && !by)
            fail(ru, m, "attendance",
                 "<member id=\"%s\"> is represented: say by whom with represented-by=\"…\" "
                 "(the id of another member)",
                 id);
        if (by && (!att || strcmp(att, "represente") != 0))
            fail(ru, m, "represented-by",
                 "<member id=\"%s\"> has represented-by but attendance is not \"represente\": "
                 "remove represented-by, or set attendance=\"represente\"",
                 id);
        if (by && id && !strcmp(by, id))
            fail(ru, m, "represented-by", "<member id=\"%s\"> cannot be represented by itself", id);
    }
    if (!xml_child(root, "secretary"))
        fail(ru, xml_child(root, "chair"), NULL,
             "the minutes need a secretary: add <secretary ref=\"…\"/> after <chair>");

    const xmlNode *next = xml_child(record, "next-meeting");
    const char *nd = xml_attr(a, next, "date");
    if (nd && d && strcmp(nd, d) <= 0)
        fail(ru, next, "date", "<next-meeting> date=\"%s\" is not after this meeting's date %s", nd,
             d);

    const xmlNode *evals = xml_child(record, "evaluations");
    if (evals && !xml_child(root, "previous"))
        fail(ru, evals, NULL,
             "<evaluations> judge the previous meeting's objectives, but the file does not "
             "name that meeting: add <previous href=\"…\"/> after the place");
}

static void
check_mission_letter(Rules *ru, const xmlNode *root)
{
    Arena *a = &ru->run->arena;
    const xmlNode *period = xml_child(root, "period");
    const char *from = xml_attr(a, period, "from"), *to = xml_attr(a, period, "to");
    if (from && to && strcmp(to, from) <= 0)
        fail(ru, period, "to",
             "<period> to=\"%s\" is not after from=\"%s\": the period must end after it starts", to,
             from);

    const xmlNode *sigs = xml_child(root, "signatories");
    int principal = 0, dan = 0;
    for (const xmlNode *s = xml_child(sigs, "signatory"); s; s = xml_next(s, "signatory")) {
        const char *role = xml_attr(a, s, "role");
        principal += role && !strcmp(role, "chef-etablissement");
        dan += role && !strcmp(role, "dan");
    }
    if (sigs && !principal)
        fail(ru, sigs, NULL,
             "a mission letter is signed by the head of the establishment: add a <signatory "
             "role=\"chef-etablissement\">");
    if (sigs && !dan)
        fail(ru, sigs, NULL,
             "a mission letter is co-signed by the DAN: add a <signatory role=\"dan\">");

    const char *date = xml_text(a, xml_child(root, "date"));
    const xmlNode *duty = xml_child(root, "report-duty");
    const char *due = xml_attr(a, duty, "due");
    if (date && due && strcmp(due, date) <= 0)
        fail(ru, duty, "due",
             "<report-duty> due=\"%s\" is not after the letter's date %s: the report is due "
             "after the letter",
             due, date);
}

static void
check_activity_report(Rules *ru, const xmlNode *root)
{
    Arena *a = &ru->run->arena;
    const xmlNode *shares = xml_child(root, "time-shares");
    double sum = 0;
    for (const xmlNode *s = xml_child(shares, "share"); s; s = xml_next(s, "share")) {
        const char *p = xml_attr(a, s, "percent");
        sum += p ? strtod(p, NULL) : 0;
    }
    if (shares && fabs(sum - 100.0) > 0.005)
        fail(ru, shares, NULL,
             "the shares of <time-shares> add up to %g %%, not 100 %%: adjust the percent values",
             round(sum * 100) / 100);
}

#define MAX_PLACEHOLDERS 20

/* "[[NAME]]" is how the templates of copil new mark what is left to fill
 * in; a file that still has one is not ready to be sent. */
static void
check_placeholders(Rules *ru, const xmlNode *node, int *found)
{
    for (const xmlNode *n = node; n && *found < MAX_PLACEHOLDERS; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (const xmlAttr *at = n->properties; at && *found < MAX_PLACEHOLDERS; at = at->next) {
            /* The value is read in place when it is one text node, as it
             * nearly always is; copied only otherwise. */
            const xmlNode *vt = at->children;
            const char *v = vt && vt->type == XML_TEXT_NODE && !vt->next
                                ? (const char *)vt->content
                                : xml_attr(&ru->run->arena, n, (const char *)at->name);
            const char *p = v ? strstr(v, "[[") : NULL;
            if (p && strstr(p, "]]")) {
                fail(ru, n, (const char *)at->name,
                     "%s=\"%s\" in <%s> is a blank of the template: fill it in", at->name, v,
                     n->name);
                (*found)++;
            }
        }
        for (const xmlNode *t = n->children; t && *found < MAX_PLACEHOLDERS; t = t->next) {
            if (t->type != XML_TEXT_NODE || !t->content)
                continue;
            const char *p = strstr((const char *)t->content, "[[");
            const char *q = p ? strstr(p, "]]") : NULL;
            if (q) {
                fail(ru, n, NULL, "<%s> still holds the blank %.*s of the template: fill it in",
                     n->name, (int)(q + 2 - p), p);
                (*found)++;
            }
        }
        check_placeholders(ru, n->children, found);
    }
}

/* A file named at node (its attribute attr, or its text when attr is NULL)
 * that copil will read: relative, present, and inside folder (a real path). */
typedef struct FileCheck {
    Rules *ru;
    char folder[PATH_MAX];
} FileCheck;

static void
check_file_ref(void *ctx, const xmlNode *node, const char *attr)
{
    FileCheck *fc = ctx;
    Rules *ru = fc->ru;
    const char *folder = fc->folder;
    Arena *a = &ru->run->arena;
    const char *v = attr ? xml_attr(a, node, attr) : xml_text(a, node);
    const char *what =
        attr ? arena_printf(a, "%s=\"%s\" in <%s>", attr, v ? v : "", (const char *)node->name)
             : arena_printf(a, "<%s> \"%s\"", (const char *)node->name, v ? v : "");
    char real[PATH_MAX];
    if (!v || !*v || !what)
        return;
    switch (file_resolve(folder, v, real)) {
    case FILE_REF_INSIDE:
        break;
    case FILE_REF_ABSOLUTE:
        fail(ru, node, attr,
             "%s is an absolute path; copil reads only files inside this file's folder: "
             "write the path from here, e.g. logo.png or 2026/t1.xml",
             what);
        break;
    case FILE_REF_OUTSIDE:
        fail(ru, node, attr,
             "%s leads outside this file's folder%s%s%s; copil reads only files inside it: copy "
             "the file next to this one",
             what, real[0] ? " (to " : "", real, real[0] ? ")" : "");
        break;
    case FILE_REF_MISSING:
        fail(ru, node, attr, "%s cannot be found next to this file (in %s)", what, folder);
        break;
    }
}

void
validate_linked_files(xmlDocPtr doc, DocKind kind, LinkedFileFn fn, void *ctx)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *est = xml_child(root, "establishment");
    for (const xmlNode *n = xml_child(est, "logo"); n; n = xml_next(n, "logo"))
        fn(ctx, n, NULL);
    const xmlNode *prev = kind == DOC_MEETING ? xml_child(root, "previous") : NULL;
    if (prev)
        fn(ctx, prev, "href");
    if (kind == DOC_ACTIVITY_REPORT) {
        const xmlNode *letter = xml_child(root, "mission-letter");
        if (letter)
            fn(ctx, letter, "href");
        const xmlNode *m = xml_child(root, "meetings");
        for (const xmlNode *f = xml_child(m, "meeting-file"); f; f = xml_next(f, "meeting-file"))
            fn(ctx, f, "href");
    }
}

Status
rules_check(Run *r, xmlDocPtr doc, DocKind kind, const char *path, const char *src, size_t len)
{
    Rules ru = {.run = r, .src = src, .len = len};
    unsigned before = r->nerrors;
    const xmlNode *root = xmlDocGetRootElement(doc);

    int placeholders = 0;
    if (kind != DOC_LAYOUT)
        check_placeholders(&ru, root, &placeholders);
    check_school_year(&ru, root);
    switch (kind) {
    case DOC_MEETING:
        check_meeting(&ru, root);
        break;
    case DOC_MISSION_LETTER:
        check_mission_letter(&ru, root);
        break;
    case DOC_ACTIVITY_REPORT:
        check_activity_report(&ru, root);
        break;
    case DOC_LAYOUT: /* checked when the Doc is built */
    case DOC_UNKNOWN:
        break;
    }
    FileCheck fc = {.ru = &ru};
    if (kind != DOC_LAYOUT && path && file_real_folder(path, fc.folder) == 0)
        validate_linked_files(doc, kind, check_file_ref, &fc);
    if (r->arena.failed)
        return STATUS_IO;
    return r->nerrors > before ? STATUS_INVALID : STATUS_OK;
}
