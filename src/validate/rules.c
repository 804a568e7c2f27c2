/*
 * validate/rules.c — what XSD 1.0 cannot say, checked on a schema-valid tree.
 *
 * Sums (time shares add up to 100), orders (a meeting ends after it starts),
 * conditions (a record needs everyone's attendance and a secretary) and the
 * co-signatories of a mission letter, the groups a personal document (a
 * mission letter, an activity report) may go to, and the files it reads (a
 * logo, a previous meeting): present, and inside the file's own folder, so
 * that "../../etc/passwd", an absolute path or a symbolic link leading out
 * is refused at its line; a document to read that is missing is a warning.
 * With the previous meeting (read by validate.c, never its own previous):
 * action owners from either meeting, every objective it set evaluated, and
 * a warning for each open action of it this record does not follow up.
 * Every e-mail address, to the lengths and IDN conversion its schema pattern
 * cannot check (validate/email.c). Each rule reports at the element a user would edit to fix it.
 * Dates and times are compared as strings: the schema already fixed their form (YYYY-MM-DD, HH:MM).
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "core/i18n.h"
#include "validate/internal.h"

typedef struct Rules {
    Run *run;
    const char *src;
    size_t len;
    long texts, chars; /* typed so far in the document (check_text_lengths) */
    int too_much;      /* the document's budget was told once */
} Rules;

static void report(Rules *ru, DiagLevel level, const xmlNode *at, const char *attr, const char *fmt,
                   va_list ap) __attribute__((format(printf, 5, 0)));

static void
report(Rules *ru, DiagLevel level, const xmlNode *at, const char *attr, const char *fmt, va_list ap)
{
    char *msg = arena_vprintf(&ru->run->arena, fmt, ap);
    long line, col;
    source_position(ru->src, ru->len, at, attr, &line, &col);
    run_diag(ru->run, level, line, col, "%s", msg ? msg : _("out of memory"));
}

static void fail(Rules *ru, const xmlNode *at, const char *attr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
fail(Rules *ru, const xmlNode *at, const char *attr, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ru, DIAG_ERROR, at, attr, fmt, ap);
    va_end(ap);
}

static void warn(Rules *ru, const xmlNode *at, const char *attr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
warn(Rules *ru, const xmlNode *at, const char *attr, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ru, DIAG_WARNING, at, attr, fmt, ap);
    va_end(ap);
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
             _("<school-year> \"%s\" is not valid: the second year must follow the first, "
               "e.g. %d-%d"),
             v, first, first + 1);
}

/* The ids of parent's children named name (e.g. the members), in a; *n
 * receives how many. */
static const char **
ids_of(Arena *a, const xmlNode *parent, const char *name, const char *attr, int *n)
{
    int count = 0;
    for (const xmlNode *c = xml_child(parent, name); c; c = xml_next(c, name))
        count++;
    const char **ids = arena_alloc(a, sizeof(*ids) * (size_t)(count + 1));
    *n = 0;
    if (!ids)
        return NULL;
    for (const xmlNode *c = xml_child(parent, name); c; c = xml_next(c, name)) {
        const char *id = validate_attr(a, c, attr);
        if (id)
            ids[(*n)++] = id;
    }
    return ids;
}

static int
has_id(const char *const *ids, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(ids[i], id))
            return 1;
    return 0;
}

/* "o1, o2, o3" */
static const char *
join_ids(Arena *a, const char *const *ids, int n)
{
    const char *s = "";
    for (int i = 0; i < n && s; i++)
        s = arena_printf(a, "%s%s%s", s, i ? ", " : "", ids[i]);
    return s ? s : "";
}

/* The line of node in the previous meeting's file. */
static long
previous_line(const Previous *prev, const xmlNode *node)
{
    long line, col;
    source_position(prev->src, prev->len, node, NULL, &line, &col);
    return line;
}

/* The record's action whose id is id, or NULL. */
static const xmlNode *
action_by_id(Arena *a, const xmlNode *actions, const char *id)
{
    for (const xmlNode *x = xml_child(actions, "action"); x; x = xml_next(x, "action")) {
        const char *xid = validate_attr(a, x, "id");
        if (xid && !strcmp(xid, id))
            return x;
    }
    return NULL;
}

/* Each action has one owner: owner="ID", a member of this meeting or of the
 * previous one (someone who sat on it may still carry the task), or an
 * <owner> element for an outside person. */
static void
check_action_owners(Rules *ru, const xmlNode *root, const xmlNode *record, const Previous *prev)
{
    Arena *a = &ru->run->arena;
    const xmlNode *actions = xml_child(record, "actions");
    if (!actions)
        return;
    int nhere = 0, nprev = 0;
    const char **here = ids_of(a, xml_child(root, "members"), "member", "id", &nhere);
    const char **there = prev->state == PREVIOUS_OK
                             ? ids_of(a, xml_child(xmlDocGetRootElement(prev->doc), "members"),
                                      "member", "id", &nprev)
                             : NULL;
    const char **all = arena_alloc(a, sizeof(*all) * (size_t)(nhere + nprev + 1));
    if (!here || !all || (prev->state == PREVIOUS_OK && !there))
        return;
    memcpy(all, here, sizeof(*all) * (size_t)nhere);
    if (nprev)
        memcpy(all + nhere, there, sizeof(*all) * (size_t)nprev);

    for (const xmlNode *x = xml_child(actions, "action"); x; x = xml_next(x, "action")) {
        const char *id = validate_attr(a, x, "id");
        const char *owner = validate_attr(a, x, "owner");
        const xmlNode *outside = xml_child(x, "owner");
        if (owner && outside) {
            fail(ru, x, "owner",
                 _("<action id=\"%s\"> names its owner twice, owner=\"%s\" and an <owner> element: "
                   "keep owner=\"…\" for a member of this meeting or of the previous one, or "
                   "<owner> for an outside person"),
                 id, owner);
            continue;
        }
        if (!owner && !outside) {
            fail(ru, x, NULL,
                 _("<action id=\"%s\"> has no owner: add owner=\"…\" (the id of a member of this "
                   "meeting or of the previous one) or, for an outside person, <owner "
                   "civility=\"…\"><name>…</name></owner> after <what>"),
                 id);
            continue;
        }
        /* The previous meeting is named but unusable: its members are
         * unknown, and its problems already said. */
        if (!owner || prev->state == PREVIOUS_BROKEN || has_id(all, nhere + nprev, owner))
            continue;
        const char *close = messages_closest(owner, all, nhere + nprev);
        const char *rule = _("an action's owner is the id of a member of this meeting or of the "
                             "previous one, or an <owner> element for an outside person");
        int both = prev->state == PREVIOUS_OK;
        if (close)
            fail(ru, x, "owner",
                 both ? _("owner=\"%s\" in <action> is not a member of this meeting or of the "
                          "previous one: did you mean \"%s\"? (%s)")
                      : _("owner=\"%s\" in <action> is not a member of this meeting: did you "
                          "mean \"%s\"? (%s)"),
                 owner, close, rule);
        else
            fail(ru, x, "owner",
                 both ? _("owner=\"%s\" in <action> is not a member of this meeting or of the "
                          "previous one: %s")
                      : _("owner=\"%s\" in <action> is not a member of this meeting: %s"),
                 owner, rule);
    }
}

/* Every objective the previous meeting set is evaluated by this one, and
 * an evaluation names one of them. */
static void
check_evaluations(Rules *ru, const xmlNode *record, const Previous *prev)
{
    Arena *a = &ru->run->arena;
    const xmlNode *proot = xmlDocGetRootElement(prev->doc);
    const xmlNode *objectives = xml_child(xml_child(proot, "record"), "objectives");
    const xmlNode *evals = xml_child(record, "evaluations");
    int nobj = 0, neval = 0;
    const char **obj = ids_of(a, objectives, "objective", "id", &nobj);
    const char **done = ids_of(a, evals, "evaluation", "objective", &neval);
    if (!obj || !done)
        return;
    /* An evaluation of "O2" for "o2" is one mistake, said once: at the
     * evaluation, not again as o2 left unevaluated. */
    const char **meant = arena_alloc(a, sizeof(*meant) * (size_t)(neval + 1));
    int nmeant = 0;
    if (!meant)
        return;
    for (const xmlNode *e = xml_child(evals, "evaluation"); e; e = xml_next(e, "evaluation")) {
        const char *id = validate_attr(a, e, "objective");
        if (!id || has_id(obj, nobj, id))
            continue;
        const char *close = messages_closest(id, obj, nobj);
        if (close) {
            meant[nmeant++] = close;
            fail(ru, e, "objective",
                 _("objective=\"%s\" in <evaluation> is not an objective of %s: did you mean "
                   "\"%s\"?"),
                 id, prev->href, close);
        } else if (nobj) {
            fail(ru, e, "objective",
                 _("objective=\"%s\" in <evaluation> is not an objective of %s (its objectives: "
                   "%s)"),
                 id, prev->href, join_ids(a, obj, nobj));
        } else {
            fail(ru, e, "objective",
                 _("objective=\"%s\" in <evaluation> is not an objective of %s, which sets none: "
                   "remove this <evaluation>"),
                 id, prev->href);
        }
    }
    for (const xmlNode *o = xml_child(objectives, "objective"); o; o = xml_next(o, "objective")) {
        const char *id = validate_attr(a, o, "id");
        if (id && !has_id(done, neval, id) && !has_id(meant, nmeant, id))
            fail(ru, evals ? evals : record, NULL,
                 _("objective %s of %s (line %ld) is not evaluated: add <evaluation "
                   "objective=\"%s\" result=\"…\"> to <evaluations>"),
                 id, prev->href, previous_line(prev, o), id);
    }
}

/* An open action of the previous meeting that this record does not follow
 * up (no action with its id) is printed with its last known status, marked
 * as not examined: said, not refused. */
static void
check_follow_up(Rules *ru, const xmlNode *root, const xmlNode *record, const Previous *prev)
{
    Arena *a = &ru->run->arena;
    const xmlNode *proot = xmlDocGetRootElement(prev->doc);
    const xmlNode *before = xml_child(xml_child(proot, "record"), "actions");
    const xmlNode *actions = xml_child(record, "actions");
    const xmlNode *at = actions ? actions : xml_child(root, "previous");
    for (const xmlNode *x = xml_child(before, "action"); x; x = xml_next(x, "action")) {
        const char *id = validate_attr(a, x, "id");
        const char *status = validate_attr(a, x, "status");
        if (!id || !status || (strcmp(status, "a-faire") != 0 && strcmp(status, "en-cours") != 0))
            continue;
        if (action_by_id(a, actions, id))
            continue;
        warn(ru, at, NULL,
             _("action %s of %s (line %ld), still \"%s\", is not followed up in this record: add "
               "<action id=\"%s\" …> to <actions> with its status now, or it will be printed as "
               "not examined"),
             id, prev->href, previous_line(prev, x),
             !strcmp(status, "a-faire") ? "à faire" : "en cours", id);
    }
}

static void
check_meeting(Rules *ru, const xmlNode *root, const Previous *prev)
{
    Arena *a = &ru->run->arena;
    const xmlNode *date = xml_child(root, "date");
    const xmlNode *start = xml_child(root, "start");
    const xmlNode *end = xml_child(root, "end");
    const char *d = xml_text(a, date), *s = xml_text(a, start), *e = xml_text(a, end);
    if (s && e && strcmp(e, s) <= 0)
        fail(ru, end, NULL,
             _("<end> %s is not after <start> %s: the meeting must end after it starts"), e, s);

    const xmlNode *record = xml_child(root, "record");
    if (!record)
        return;

    const xmlNode *members = xml_child(root, "members");
    for (const xmlNode *m = xml_child(members, "member"); m; m = xml_next(m, "member")) {
        const char *id = validate_attr(a, m, "id");
        const char *att = validate_attr(a, m, "attendance");
        const char *by = validate_attr(a, m, "represented-by");
        if (!att)
            fail(ru, m, NULL,
                 _("<member id=\"%s\"> has no attendance: now that the meeting has a <record>, "
                   "add attendance=\"present\", \"excuse\", \"absent\" or \"represente\""),
                 id);
        else if (!strcmp(att, "represente") && !by)
            fail(ru, m, "attendance",
                 _("<member id=\"%s\"> is represented: say by whom with represented-by=\"…\" "
                   "(the id of another member)"),
                 id);
        if (by && (!att || strcmp(att, "represente") != 0))
            fail(ru, m, "represented-by",
                 _("<member id=\"%s\"> has represented-by but attendance is not \"represente\": "
                   "remove represented-by, or set attendance=\"represente\""),
                 id);
        if (by && id && !strcmp(by, id))
            fail(ru, m, "represented-by", _("<member id=\"%s\"> cannot be represented by itself"),
                 id);
    }
    if (!xml_child(root, "secretary"))
        fail(ru, xml_child(root, "chair"), NULL,
             _("the minutes need a secretary: add <secretary ref=\"…\"/> after <chair>"));

    const xmlNode *next = xml_child(record, "next-meeting");
    const char *nd = validate_attr(a, next, "date");
    if (nd && d && strcmp(nd, d) <= 0)
        fail(ru, next, "date", _("<next-meeting> date=\"%s\" is not after this meeting's date %s"),
             nd, d);

    const xmlNode *evals = xml_child(record, "evaluations");
    if (evals && !xml_child(root, "previous"))
        fail(ru, evals, NULL,
             _("<evaluations> judge the previous meeting's objectives, but the file does not "
               "name that meeting: add <previous href=\"…\"/> after the place"));

    check_action_owners(ru, root, record, prev);
    if (prev->state == PREVIOUS_OK) {
        check_evaluations(ru, record, prev);
        check_follow_up(ru, root, record, prev);
    }
}

/* An item's duration: its own, or its sub-points' added up. */
static void
check_item_minutes(Rules *ru, const xmlNode *item, const char *id)
{
    int own;
    int sum = item_minutes(item, &own);
    if (xml_child(item, "item")) {
        if (own >= 0 && own != sum)
            fail(ru, item, "minutes",
                 _("<item id=\"%s\"> says minutes=\"%d\" but its sub-points add up to %d min: "
                   "remove minutes (it is counted from the sub-points) or correct it"),
                 id, own, sum);
    } else if (own < 0) {
        fail(ru, item, NULL,
             _("<item id=\"%s\"> has no planned duration: add minutes=\"…\" (the start times of "
               "the agenda are counted from the durations)"),
             id);
    }
}

/* A guest is a member named by ref, or an outside person described in
 * place: never both, never neither. */
static void
check_guest(Rules *ru, const xmlNode *g, const char *item, int recorded)
{
    Arena *a = &ru->run->arena;
    const char *ref = validate_attr(a, g, "ref");
    const char *civ = validate_attr(a, g, "civility");
    const char *att = validate_attr(a, g, "attendance");
    const xmlNode *name = xml_child(g, "name");
    if (ref) {
        if (civ || name || xml_child(g, "label") || xml_child(g, "organisation") ||
            xml_child(g, "email"))
            fail(ru, g, "ref",
                 _("<guest ref=\"%s\"> in item %s names a member, who is described in <members>: "
                   "remove the civility, name and other details here"),
                 ref, item);
        else if (att)
            fail(ru, g, "attendance",
                 _("<guest ref=\"%s\"> in item %s: a member's attendance goes on the <member>, "
                   "not here; remove attendance"),
                 ref, item);
        return;
    }
    if (!civ || !name) {
        fail(ru, g, NULL,
             _("<guest> in item %s names nobody: write ref=\"…\" (the id of a member invited for "
               "this point), or civility=\"M.\" or \"Mme\" and <name> for an outside person"),
             item);
        return;
    }
    if (recorded && !att)
        fail(ru, g, NULL,
             _("<guest> %s in item %s has no attendance: now that the meeting has a <record>, add "
               "attendance=\"present\", \"excuse\" or \"absent\""),
             xml_text(a, name), item);
    else if (att && !strcmp(att, "represente"))
        fail(ru, g, "attendance",
             _("<guest> %s in item %s cannot be represented: write attendance=\"present\", "
               "\"excuse\" or \"absent\""),
             xml_text(a, name), item);
}

static void
check_agenda(Rules *ru, const xmlNode *root)
{
    Arena *a = &ru->run->arena;
    int recorded = xml_child(root, "record") != NULL;
    const xmlNode *agenda = xml_child(root, "agenda");
    for (const xmlNode *it = xml_child(agenda, "item"); it; it = xml_next(it, "item")) {
        const char *id = validate_attr(a, it, "id");
        check_item_minutes(ru, it, id);
        for (const xmlNode *g = xml_child(it, "guest"); g; g = xml_next(g, "guest"))
            check_guest(ru, g, id, recorded);
        for (const xmlNode *sub = xml_child(it, "item"); sub; sub = xml_next(sub, "item")) {
            const char *sid = validate_attr(a, sub, "id");
            check_item_minutes(ru, sub, sid);
            for (const xmlNode *g = xml_child(sub, "guest"); g; g = xml_next(g, "guest"))
                check_guest(ru, g, sid, recorded);
        }
    }
}

static void
check_mission_letter(Rules *ru, const xmlNode *root)
{
    Arena *a = &ru->run->arena;
    const xmlNode *period = xml_child(root, "period");
    const char *from = validate_attr(a, period, "from"), *to = validate_attr(a, period, "to");
    if (from && to && strcmp(to, from) <= 0)
        fail(ru, period, "to",
             _("<period> to=\"%s\" is not after from=\"%s\": the period must end after it starts"),
             to, from);

    const xmlNode *sigs = xml_child(root, "signatories");
    int principal = 0, dan = 0;
    for (const xmlNode *s = xml_child(sigs, "signatory"); s; s = xml_next(s, "signatory")) {
        const char *role = validate_attr(a, s, "role");
        principal += role && !strcmp(role, "chef-etablissement");
        dan += role && !strcmp(role, "dan");
    }
    if (sigs && !principal)
        fail(ru, sigs, NULL,
             _("a mission letter is signed by the head of the establishment: add a <signatory "
               "role=\"chef-etablissement\">"));
    if (sigs && !dan)
        fail(ru, sigs, NULL,
             _("a mission letter is co-signed by the DAN: add a <signatory role=\"dan\">"));

    const char *date = xml_text(a, xml_child(root, "date"));
    const xmlNode *duty = xml_child(root, "report-duty");
    const char *due = validate_attr(a, duty, "due");
    if (date && due && strcmp(due, date) <= 0)
        fail(ru, duty, "due",
             _("<report-duty> due=\"%s\" is not after the letter's date %s: the report is due "
               "after the letter"),
             due, date);
}

/* v as %g writes it ("97.5"), with the user's decimal separator ("97,5"). */
static const char *
percent_text(Arena *a, double v)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%g", v); /* LC_NUMERIC is always "C" */
    const char *dot = strchr(buf, '.');
    if (!dot)
        return arena_strdup(a, buf);
    return arena_printf(a, "%.*s%s%s", (int)(dot - buf), buf, P_("decimal separator", "."),
                        dot + 1);
}

static void
check_activity_report(Rules *ru, const xmlNode *root)
{
    Arena *a = &ru->run->arena;
    const xmlNode *shares = xml_child(root, "time-shares");
    double sum = 0;
    for (const xmlNode *s = xml_child(shares, "share"); s; s = xml_next(s, "share")) {
        const char *p = validate_attr(a, s, "percent");
        sum += p ? strtod(p, NULL) : 0;
    }
    if (shares && fabs(sum - 100.0) > 0.005)
        fail(ru, shares, NULL,
             _("the shares of <time-shares> add up to %s %%, not 100 %%: adjust the percent "
               "values"),
             percent_text(a, round(sum * 100) / 100));
}

/* Every e-mail address (the elements of type c:Email: any <email>, and a
 * distribution group's <address>) against what the schema's pattern cannot
 * say: lengths, and the accented parts of a domain that must convert to
 * A-labels. */
#define SHOWN_ADDRESS_MAX 60 /* bytes of an address quoted back, as messages.c does */

/* v, or its first SHOWN_ADDRESS_MAX bytes cut on a character and "…". */
static const char *
shortened(Arena *a, const char *v)
{
    size_t n = strlen(v);
    if (n <= SHOWN_ADDRESS_MAX)
        return v;
    n = SHOWN_ADDRESS_MAX;
    while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
        n--;
    return arena_printf(a, "%.*s\xe2\x80\xa6", (int)n, v);
}

static void
check_emails(Rules *ru, const xmlNode *node)
{
    for (const xmlNode *n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        if (!strcmp(name, "email") || (!strcmp(name, "address") && n->parent &&
                                       !strcmp((const char *)n->parent->name, "group"))) {
            const char *v = xml_text(&ru->run->arena, n);
            const char *why = v ? validate_email(&ru->run->arena, v, name, NULL) : NULL;
            if (why)
                fail(ru, n, NULL, _("<%s> \"%s\" is not an e-mail address: %s"), name,
                     shortened(&ru->run->arena, v), why);
            continue;
        }
        check_emails(ru, n->children);
    }
}

/* A mission letter and an activity report are personal to one employee
 * (missions, hours, compensation; time spent, self-assessment): they have no
 * public copy (`copil render --public` refuses them), so a group of their
 * distribution list that would get one is a choice left to the user: the
 * whole document, or nothing. Which copy a group gets by default is
 * common.xsl's group-copy, repeated here. */
static void
check_private_distribution(Rules *ru, const xmlNode *root, DocKind doc)
{
    Arena *a = &ru->run->arena;
    const xmlNode *dist = xml_child(root, "distribution");
    for (const xmlNode *g = xml_child(dist, "group"); g; g = xml_next(g, "group")) {
        const char *kind = validate_attr(a, g, "kind"), *vis = validate_attr(a, g, "visibility");
        int full = vis ? !strcmp(vis, "complet")
                       : kind && (!strcmp(kind, "participants") || !strcmp(kind, "membres") ||
                                  !strcmp(kind, "academie"));
        if (!full)
            fail(ru, g, vis ? "visibility" : "kind",
                 doc == DOC_MISSION_LETTER
                     ? _("<group kind=\"%s\"> would get a public copy of this mission letter, "
                         "but a mission letter has none: it is personal to its appointee "
                         "(missions, hours, compensation); write visibility=\"complet\" if these "
                         "people may read all of it, or remove the group")
                     : _("<group kind=\"%s\"> would get a public copy of this activity report, "
                         "but an activity report has none: it is personal to the employee who "
                         "wrote it (time spent, self-assessment); write visibility=\"complet\" "
                         "if these people may read all of it, or remove the group"),
                 kind ? kind : "");
    }
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
                                : validate_attr(&ru->run->arena, n, (const char *)at->name);
            const char *p = v ? strstr(v, "[[") : NULL;
            if (p && strstr(p, "]]")) {
                fail(ru, n, (const char *)at->name,
                     _("%s=\"%s\" in <%s> is a blank of the template: fill it in"), at->name, v,
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
                fail(ru, n, NULL, _("<%s> still holds the blank %.*s of the template: fill it in"),
                     n->name, (int)(q + 2 - p), p);
                (*found)++;
            }
        }
        check_placeholders(ru, n->children, found);
    }
}

/* What a person may type in one text element: far above any real paragraph
 * (a page holds about 4,000 characters), low enough that a document of
 * such texts stays quick to print and small in memory. */
#define MAX_TEXT_CHARS 20000
/* What one document may hold in all: texts (anything typed, a paragraph, a
 * name, an emphasis inside a paragraph) and their characters. About 40 times a real meeting's
 * record and 100 pages of dense text, they keep the memory of printing it bounded (about 8 kB per
 * printed paragraph, 100 bytes per character: see bench/long-text.sh), since a data file could
 * otherwise hold 500,000 tiny paragraphs within its 8 MB. */
#define MAX_DOC_TEXTS 5000
#define MAX_DOC_CHARS 1000000

/* 1 when n holds text of its own (not only the spaces between elements). */
static int
holds_text(const xmlNode *n)
{
    for (const xmlNode *t = n->children; t; t = t->next)
        if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content &&
            t->content[strspn((const char *)t->content, " \t\r\n")])
            return 1;
    return 0;
}

/* 1 when n holds running text's inline elements (c:Inline: <em>, <strong>,
 * <link>, <br/>), even with nothing but spaces between them: a paragraph of
 * emphases is one text, not one per emphasis. */
static int
holds_inline(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE &&
            (!strcmp((const char *)c->name, "em") || !strcmp((const char *)c->name, "strong") ||
             !strcmp((const char *)c->name, "link") || !strcmp((const char *)c->name, "br")))
            return 1;
    return 0;
}

/* 1 when n has no element inside it (an <em>, a <strong>, a <link>). */
static int
is_leaf(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return 0;
    return 1;
}

/* Adds the characters of the text nodes among n's children to *count, a
 * run of white space counting as one, as it prints; *space says whether
 * the last one counted was a space. */
static void
count_text(const xmlNode *n, long *count, int *space)
{
    for (const xmlNode *t = n->children; t; t = t->next) {
        if ((t->type != XML_TEXT_NODE && t->type != XML_CDATA_SECTION_NODE) || !t->content)
            continue;
        for (const unsigned char *c = t->content; *c; c++) {
            int sp = *c == ' ' || *c == '\t' || *c == '\r' || *c == '\n';
            if ((*c & 0xC0) == 0x80 || (sp && *space))
                continue;
            (*count)++;
            *space = sp;
        }
    }
}

/* n with a thousands separator, as the messages write numbers. */
static const char *
thousands(Arena *a, long n)
{
    char out[64];
    i18n_thousands(out, sizeof out, (double)n);
    return arena_strdup(a, out);
}

/* Every text a person typed, up to MAX_TEXT_CHARS characters: a paragraph
 * with its emphasis and links counts as one text; a list nested in it is
 * counted on its own. */
static void
check_text_lengths(Rules *ru, const xmlNode *node)
{
    for (const xmlNode *n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!holds_text(n) && !holds_inline(n)) {
            check_text_lengths(ru, n->children);
            continue;
        }
        long count = 0;
        int space = 1;
        count_text(n, &count, &space);
        long inline_elements = 0;
        for (const xmlNode *c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && is_leaf(c)) {
                count_text(c, &count, &space);
                inline_elements++;
            }
        if (count > MAX_TEXT_CHARS)
            fail(ru, n, NULL,
                 _("<%s> is %s characters long; at most %s characters fit in one text: split it "
                   "into several paragraphs"),
                 n->name, thousands(&ru->run->arena, count),
                 thousands(&ru->run->arena, MAX_TEXT_CHARS));
        /* an emphasis or a link costs what a paragraph does in print */
        ru->texts += 1 + inline_elements;
        ru->chars += count;
        if (!ru->too_much && ru->texts > MAX_DOC_TEXTS) {
            ru->too_much = 1;
            fail(ru, n, NULL,
                 _("<%s> makes %s texts in this document: at most %s texts (paragraphs, list "
                   "entries, names, dates, emphasis…) fit in one document; shorten it, or split it "
                   "into "
                   "several documents"),
                 n->name, thousands(&ru->run->arena, ru->texts),
                 thousands(&ru->run->arena, MAX_DOC_TEXTS));
        } else if (!ru->too_much && ru->chars > MAX_DOC_CHARS) {
            ru->too_much = 1;
            fail(ru, n, NULL,
                 _("<%s> brings this document's text to %s characters: at most %s fit in one "
                   "document (about 300 pages); shorten it, or split it into several documents"),
                 n->name, thousands(&ru->run->arena, ru->chars),
                 thousands(&ru->run->arena, MAX_DOC_CHARS));
        }
        for (const xmlNode *c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && !is_leaf(c))
                check_text_lengths(ru, c);
    }
}

/* A file named at node (its attribute attr, or its text when attr is NULL)
 * that copil will read: relative, present, and inside folder (a real path). */
typedef struct FileCheck {
    Rules *ru;
    int documents; /* documents to read: copil does not read them, so a
                      missing one is a warning (an escaping one stays an error) */
    char folder[PATH_MAX];
} FileCheck;

static void
check_file_ref(void *ctx, const xmlNode *node, const char *attr)
{
    FileCheck *fc = ctx;
    Rules *ru = fc->ru;
    const char *folder = fc->folder;
    Arena *a = &ru->run->arena;
    const char *v = attr ? validate_attr(a, node, attr) : xml_text(a, node);
    const char *what =
        attr ? arena_printf(a, _("%s=\"%s\" in <%s>"), attr, v ? v : "", (const char *)node->name)
             : arena_printf(a, _("<%s> \"%s\""), (const char *)node->name, v ? v : "");
    char real[PATH_MAX];
    if (!v || !*v || !what)
        return;
    switch (file_resolve(folder, v, real)) {
    case FILE_REF_INSIDE:
        break;
    case FILE_REF_ABSOLUTE:
        fail(ru, node, attr,
             /* TRANSLATORS: here and in the messages below, the first %s is
              * the reference as written: href="…" in <previous>, <logo> "…". */
             _("%s is an absolute path; copil reads only files inside this file's folder: "
               "write the path from here, e.g. logo.png or 2026/t1.xml"),
             what);
        break;
    case FILE_REF_OUTSIDE:
        if (real[0])
            fail(ru, node, attr,
                 _("%s leads outside this file's folder (to %s); copil reads only files inside "
                   "it: copy the file next to this one"),
                 what, real);
        else
            fail(ru, node, attr,
                 _("%s leads outside this file's folder; copil reads only files inside it: copy "
                   "the file next to this one"),
                 what);
        break;
    case FILE_REF_MISSING:
        if (fc->documents)
            warn(ru, node, attr,
                 _("%s cannot be found next to this file: the agenda lists it as a document to "
                   "read; put the file there, or correct the path"),
                 what);
        else
            fail(ru, node, attr, _("%s cannot be found next to this file (in %s)"), what, folder);
        break;
    }
}

/* The documents to read of the agenda's items, and of the items they hold. */
static void
check_documents(FileCheck *fc, const xmlNode *parent)
{
    for (const xmlNode *it = xml_child(parent, "item"); it; it = xml_next(it, "item")) {
        for (const xmlNode *d = xml_child(it, "document"); d; d = xml_next(d, "document"))
            if (xmlHasProp(d, BAD_CAST "href"))
                check_file_ref(fc, d, "href");
        check_documents(fc, it);
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
rules_check(Run *r, xmlDocPtr doc, DocKind kind, const char *path, const char *src, size_t len,
            const Previous *prev)
{
    static const Previous none = {.state = PREVIOUS_NONE};
    Rules ru = {.run = r, .src = src, .len = len};
    unsigned before = r->nerrors;
    const xmlNode *root = xmlDocGetRootElement(doc);

    int placeholders = 0;
    if (kind != DOC_LAYOUT) {
        check_placeholders(&ru, root, &placeholders);
        check_text_lengths(&ru, root);
    }
    check_school_year(&ru, root);
    if (kind != DOC_LAYOUT)
        check_emails(&ru, root);
    switch (kind) {
    case DOC_MEETING:
        check_meeting(&ru, root, prev ? prev : &none);
        check_agenda(&ru, root);
        break;
    case DOC_MISSION_LETTER:
        check_mission_letter(&ru, root);
        check_private_distribution(&ru, root, kind);
        break;
    case DOC_ACTIVITY_REPORT:
        check_activity_report(&ru, root);
        check_private_distribution(&ru, root, kind);
        break;
    case DOC_LAYOUT:    /* checked when the Doc is built */
    case DOC_DASHBOARD: /* made by copil dashboard, not typed */
    case DOC_UNKNOWN:
        break;
    }
    FileCheck fc = {.ru = &ru};
    if (kind != DOC_LAYOUT && path && file_real_folder(path, fc.folder) == 0) {
        validate_linked_files(doc, kind, check_file_ref, &fc);
        fc.documents = 1;
        if (kind == DOC_MEETING)
            check_documents(&fc, xml_child(root, "agenda"));
    }
    if (r->arena.failed)
        return STATUS_IO;
    return r->nerrors > before ? STATUS_INVALID : STATUS_OK;
}
