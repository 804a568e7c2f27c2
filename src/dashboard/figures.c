/*
 * dashboard/figures.c — a data file reduced to its school's figures, and
 * figures merged.
 *
 * What counts, for a school year:
 *  - a meeting is held when its file has its record, planned otherwise; a
 *    meeting held counts in the term of its date (September to December,
 *    January to March, April to August);
 *  - members count as present only with attendance="present" (one
 *    represented is not there); a role is the committee's when a member of
 *    that role was present at a meeting held;
 *  - topics are the top-level items of the agendas of meetings held;
 *  - actions are counted as the school's last meeting held left them
 *    (done, open, late: open and due before that meeting, abandoned);
 *    objectives as all its evaluations judged them;
 *  - a school has a CTICE when one sits on a meeting of the year, has a
 *    mission letter (as CTICE: an AED TICE's letter is not one) or signs
 *    an activity report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>

#include "core/i18n.h"
#include "dashboard/internal.h"

/* --- tallies ------------------------------------------------------------------ */

static int
tally_find(const Tally *t, const char *code, int *at)
{
    int lo = 0, hi = t->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2, c = strcmp(t->code[mid], code);
        if (!c) {
            *at = mid;
            return 1;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *at = lo;
    return 0;
}

static double *
tally_slot(Tally *t, const char *code)
{
    int at;
    if (tally_find(t, code, &at))
        return &t->value[at];
    if (t->n == t->cap) {
        int more = t->cap ? t->cap * 2 : 8;
        t->code = g_renew(char *, t->code, more);
        t->value = g_renew(double, t->value, more);
        t->cap = more;
    }
    memmove(t->code + at + 1, t->code + at, (size_t)(t->n - at) * sizeof *t->code);
    memmove(t->value + at + 1, t->value + at, (size_t)(t->n - at) * sizeof *t->value);
    t->code[at] = g_strdup(code);
    t->value[at] = 0;
    t->n++;
    return &t->value[at];
}

void
tally_add(Tally *t, const char *code, double v)
{
    if (code && *code)
        *tally_slot(t, code) += v;
}

void
tally_max(Tally *t, const char *code, double v)
{
    if (code && *code) {
        double *slot = tally_slot(t, code);
        if (v > *slot)
            *slot = v;
    }
}

double
tally_get(const Tally *t, const char *code)
{
    int at;
    return tally_find(t, code, &at) ? t->value[at] : 0;
}

void
tally_free(Tally *t)
{
    for (int i = 0; i < t->n; i++)
        g_free(t->code[i]);
    g_free(t->code);
    g_free(t->value);
    *t = (Tally){0};
}

/* --- schools ------------------------------------------------------------------ */

void
dash_set(char **field, const char *v)
{
    g_free(*field);
    *field = g_strdup(v);
}

int
dash_later(const char *date, const char *path, const char *best_date, const char *best_path)
{
    if (!best_path)
        return 1;
    int c = strcmp(date ? date : "", best_date ? best_date : "");
    return c > 0 || (c == 0 && strcmp(path, best_path) > 0);
}

void
dash_school_free(School *s)
{
    if (!s)
        return;
    g_free(s->year);
    g_free(s->key);
    g_free(s->uai);
    g_free(s->name);
    g_free(s->kind);
    g_free(s->source_date);
    g_free(s->source_path);
    g_free(s->sizes);
    g_free(s->last_date);
    g_free(s->last_path);
    Tally *t[] = {&s->roles, &s->families, &s->kinds, &s->shares, &s->support};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        tally_free(t[i]);
    g_free(s);
}

static int
by_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void
tally_merge(Tally *into, const Tally *from, int max)
{
    for (int i = 0; i < from->n; i++)
        if (max)
            tally_max(into, from->code[i], from->value[i]);
        else
            tally_add(into, from->code[i], from->value[i]);
}

void
dash_school_merge(School *into, const School *from)
{
    if (dash_later(from->source_date, from->source_path ? from->source_path : "", into->source_date,
                   into->source_path) &&
        from->source_path) {
        dash_set(&into->uai, from->uai);
        dash_set(&into->name, from->name);
        dash_set(&into->kind, from->kind);
        dash_set(&into->source_date, from->source_date);
        dash_set(&into->source_path, from->source_path);
    }
    into->files += from->files;
    into->held += from->held;
    into->planned += from->planned;
    into->terms |= from->terms;
    if (from->nsizes) {
        into->sizes = g_renew(int, into->sizes, into->nsizes + from->nsizes);
        memcpy(into->sizes + into->nsizes, from->sizes, (size_t)from->nsizes * sizeof(int));
        into->nsizes += from->nsizes;
        qsort(into->sizes, (size_t)into->nsizes, sizeof(int), by_int);
    }
    tally_merge(&into->roles, &from->roles, 1);
    tally_merge(&into->families, &from->families, 0);
    tally_merge(&into->kinds, &from->kinds, 0);
    into->decisions += from->decisions;
    if (from->last_path &&
        dash_later(from->last_date, from->last_path, into->last_date, into->last_path)) {
        dash_set(&into->last_date, from->last_date);
        dash_set(&into->last_path, from->last_path);
        memcpy(into->actions, from->actions, sizeof into->actions);
    }
    for (int i = 0; i < OBJ_N; i++)
        into->objectives[i] += from->objectives[i];
    into->ctice |= from->ctice;
    into->letter |= from->letter;
    into->report |= from->report;
    into->reports += from->reports;
    tally_merge(&into->shares, &from->shares, 0);
    tally_merge(&into->support, &from->support, 0);
    into->sessions += from->sessions;
    into->participations += from->participations;
    into->internal += from->internal;
    into->external += from->external;
    into->hours += from->hours;
    into->indicators_reached += from->indicators_reached;
    into->indicators += from->indicators;
}

Dashboard *
dash_new(void)
{
    Dashboard *d = g_new0(Dashboard, 1);
    d->schools =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)dash_school_free);
    d->unusable = g_ptr_array_new();
    d->listed = g_ptr_array_new();
    return d;
}

void
dash_free(Dashboard *d)
{
    if (!d)
        return;
    g_hash_table_destroy(d->schools);
    for (guint i = 0; i < d->unusable->len; i++) {
        Unusable *u = g_ptr_array_index(d->unusable, i);
        g_free(u->path);
        g_free(u->message);
        g_free(u);
    }
    g_ptr_array_free(d->unusable, TRUE);
    for (guint i = 0; i < d->listed->len; i++) {
        Listed *l = g_ptr_array_index(d->listed, i);
        g_free(l->uai);
        g_free(l->name);
        g_free(l->kind);
        g_free(l);
    }
    g_ptr_array_free(d->listed, TRUE);
    g_free(d);
}

School *
dash_school(Dashboard *d, const char *year, const char *key)
{
    char *k = g_strdup_printf("%s\t%s", year, key);
    School *s = g_hash_table_lookup(d->schools, k);
    if (s) {
        g_free(k);
        return s;
    }
    s = g_new0(School, 1);
    s->year = g_strdup(year);
    s->key = g_strdup(key);
    g_hash_table_insert(d->schools, k, s);
    return s;
}

static int
by_key(const void *a, const void *b)
{
    return strcmp((*(School *const *)a)->key, (*(School *const *)b)->key);
}

School **
dash_schools_of(const Dashboard *d, const char *year, int *n)
{
    School **v = g_new(School *, g_hash_table_size(d->schools) + 1);
    *n = 0;
    GHashTableIter it;
    gpointer k, val;
    g_hash_table_iter_init(&it, d->schools);
    while (g_hash_table_iter_next(&it, &k, &val))
        if (!year || !strcmp(((School *)val)->year, year))
            v[(*n)++] = val;
    qsort(v, (size_t)*n, sizeof *v, by_key);
    return v;
}

static int
by_path(const void *a, const void *b)
{
    return strcmp((*(Unusable *const *)a)->path, (*(Unusable *const *)b)->path);
}

Unusable **
dash_unusable_sorted(const Dashboard *d)
{
    Unusable **u = g_new(Unusable *, d->unusable->len + 1);
    for (guint i = 0; i < d->unusable->len; i++)
        u[i] = g_ptr_array_index(d->unusable, i);
    qsort(u, d->unusable->len, sizeof *u, by_path);
    return u;
}

/* --- a file reduced --------------------------------------------------------- */

/* e's children called name, one after the other. */
#define EACH(c, e, name) for (xmlNode *c = xml_child(e, name); c; c = xml_next(c, name))

/* The text of e, white space trimmed, in a; "" when none. */
static const char *
text(Arena *a, const xmlNode *e)
{
    const char *t = xml_text(a, e);
    return t ? t : "";
}

static const char *
attr(Arena *a, const xmlNode *e, const char *name)
{
    const char *v = validate_attr(a, e, name);
    return v ? v : "";
}

/* The term (0, 1 or 2) of date in its school year. */
static int
term_of(const char *date)
{
    int m = atoi(date + 5);
    return m >= 9 ? 0 : m <= 3 ? 1 : 2;
}

static void
reduce_meeting(Arena *a, const xmlNode *root, const char *date, School *f)
{
    xmlNode *record = xml_child(root, "record");
    EACH(m, xml_child(root, "members"), "member")
    if (!strcmp(attr(a, m, "role"), "ctice"))
        f->ctice = 1;
    if (!record) {
        f->planned = 1;
        return;
    }
    f->held = 1;
    f->terms = 1u << term_of(date);
    int present = 0;
    EACH(m, xml_child(root, "members"), "member")
    if (!strcmp(attr(a, m, "attendance"), "present")) {
        present++;
        tally_max(&f->roles, attr(a, m, "role"), 1);
    }
    f->sizes = g_new(int, 1);
    f->sizes[0] = present;
    f->nsizes = 1;
    EACH(item, xml_child(root, "agenda"), "item")
    {
        tally_add(&f->families, attr(a, item, "family"), 1);
        tally_add(&f->kinds, attr(a, item, "kind"), 1);
    }
    EACH(dn, xml_child(record, "decisions"), "decision")
    f->decisions++;
    EACH(act, xml_child(record, "actions"), "action")
    {
        const char *status = attr(a, act, "status"), *due = attr(a, act, "due");
        if (!strcmp(status, "fait"))
            f->actions[ACT_DONE]++;
        else if (!strcmp(status, "abandonne"))
            f->actions[ACT_ABANDONED]++;
        else {
            f->actions[ACT_OPEN]++;
            if (*due && strcmp(due, date) < 0)
                f->actions[ACT_LATE]++;
        }
    }
    EACH(ev, xml_child(record, "evaluations"), "evaluation")
    {
        const char *result = attr(a, ev, "result");
        f->objectives[!strcmp(result, "atteint")                 ? OBJ_REACHED
                      : !strcmp(result, "partiellement-atteint") ? OBJ_PARTLY
                                                                 : OBJ_NOT]++;
    }
}

static void
reduce_report(Arena *a, const xmlNode *root, School *f)
{
    f->report = 1;
    f->reports = 1;
    if (!strcmp(attr(a, xml_child(root, "author"), "role"), "ctice"))
        f->ctice = 1;
    EACH(share, xml_child(root, "time-shares"), "share")
    tally_add(&f->shares, attr(a, share, "axis"), g_ascii_strtod(attr(a, share, "percent"), NULL));
    EACH(t, xml_child(root, "trainings"), "training")
    {
        f->sessions++;
        f->hours += g_ascii_strtod(attr(a, t, "hours"), NULL);
        f->participations += atoi(attr(a, t, "participants"));
        if (!strcmp(attr(a, t, "trainer"), "interne"))
            f->internal++;
        else
            f->external++;
    }
    EACH(c, xml_child(root, "support"), "category")
    tally_add(&f->support, attr(a, c, "code"), atoi(attr(a, c, "count")));
    EACH(ind, xml_child(root, "indicators"), "indicator")
    {
        double base = g_ascii_strtod(attr(a, ind, "baseline"), NULL);
        double target = g_ascii_strtod(attr(a, ind, "target"), NULL);
        double value = g_ascii_strtod(attr(a, ind, "value"), NULL);
        int has_base = *attr(a, ind, "baseline") != '\0';
        /* a target below its start is one to go down to (a delay) */
        int reached = has_base && target < base ? value <= target : value >= target;
        f->indicators++;
        f->indicators_reached += reached;
    }
}

/* 1 when the file at path, whose kind validation could not tell, is XML
 * of another vocabulary (read safely): its root neither in copil's data
 * namespace nor named as a copil file. A <meeting> without its namespace,
 * or a root misspelled in it, is a copil file gone wrong, not a foreign one. */
static int
foreign(const char *path)
{
    Run r;
    run_init(&r, path);
    xmlDocPtr doc = validate_parse_file(&r, path, O_NOFOLLOW, VALIDATE_MAX_FILE_SIZE);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    int yes = root && !(root->ns && !strcmp((const char *)root->ns->href, COPIL_DATA_NS)) &&
              validate_kind_from_root((const char *)root->name) == DOC_UNKNOWN;
    run_free(&r);
    return yes;
}

Status
dash_add_file(Dashboard *d, Session *s, Run *r, const char *path)
{
    xmlDocPtr doc = NULL;
    DocKind kind = DOC_UNKNOWN;
    Status st = validate_file(s->validator, r, path, &doc, &kind);
    if (kind == DOC_UNKNOWN && foreign(path)) {
        d->ignored++; /* XML, but not a data file of copil's */
        return STATUS_OK;
    }
    if (st != STATUS_OK || !doc || r->nerrors) {
        Unusable *u = g_new0(Unusable, 1);
        u->path = g_strdup(path);
        /* its first error as copil render's batch reports it: in the
         * order copil validate prints (file, then line) */
        const Diag *first = NULL;
        Diag **v = run_sorted_diags(r);
        for (Diag **x = v; x && *x && !first; x++)
            if ((*x)->level == DIAG_ERROR)
                first = *x;
        u->message = g_strdup(first ? first->message : _("the file cannot be read"));
        g_ptr_array_add(d->unusable, u);
        return STATUS_OK;
    }
    if (kind != DOC_MEETING && kind != DOC_MISSION_LETTER && kind != DOC_ACTIVITY_REPORT) {
        d->ignored++;
        return STATUS_OK;
    }
    Arena *a = &r->arena;
    xmlNode *root = xmlDocGetRootElement(doc), *est = xml_child(root, "establishment");
    const char *date = text(a, xml_child(root, "date"));
    /* a valid file has its year: the schemas require it, or a period */
    const char *year = validate_school_year(a, doc);
    const char *uai = attr(a, est, "uai"), *name = text(a, xml_child(est, "name"));
    const char *key = *uai ? uai : arena_printf(a, "=%s", name);
    if (!year || !key)
        return STATUS_IO;
    School f = {.files = 1};
    f.uai = g_strdup(uai);
    f.name = g_strdup(name);
    f.kind = g_strdup(attr(a, est, "kind"));
    f.source_date = g_strdup(date);
    f.source_path = g_strdup(path);
    if (kind == DOC_MEETING) {
        reduce_meeting(a, root, date, &f);
        if (f.held) {
            f.last_date = g_strdup(date);
            f.last_path = g_strdup(path);
        }
    } else if (kind == DOC_MISSION_LETTER) {
        if (!strcmp(attr(a, xml_child(root, "appointee"), "role"), "ctice"))
            f.ctice = f.letter = 1;
    } else {
        reduce_report(a, root, &f);
    }
    School *into = dash_school(d, year, key);
    dash_school_merge(into, &f);
    /* f's own memory, not the struct */
    School *copy = g_new(School, 1);
    *copy = f;
    dash_school_free(copy);
    return STATUS_OK;
}
