/*
 * dashboard/partial.c — figures written to be merged: the partial of a
 * slice of the files (copil dashboard --shard K/N --partial OUT.part), read
 * back by copil dashboard --merge.
 *
 * A partial is text, a line per record, fields separated by tabs (a tab, a
 * newline or a backslash in a value written \t, \n, \\), numbers written
 * to read back exactly. Schools come sorted by year and key, unusable files
 * by path: the same figures always make the same bytes, whatever the order
 * the files were read in.
 */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "dashboard/internal.h"

#define MAGIC "copil dashboard partial 1"

/* --- writing ------------------------------------------------------------------- */

static void
put_text(GString *o, const char *s)
{
    g_string_append_c(o, '\t');
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == '\t')
            g_string_append(o, "\\t");
        else if (*p == '\n')
            g_string_append(o, "\\n");
        else if (*p == '\\')
            g_string_append(o, "\\\\");
        else
            g_string_append_c(o, *p);
    }
}

static void
put_int(GString *o, long long v)
{
    g_string_append_printf(o, "\t%lld", v);
}

static void
put_double(GString *o, double v)
{
    char b[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append_c(o, '\t');
    g_string_append(o, g_ascii_dtostr(b, sizeof b, v));
}

/* code:value;code:value */
static void
put_tally(GString *o, const Tally *t)
{
    g_string_append_c(o, '\t');
    for (int i = 0; i < t->n; i++) {
        char b[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append_printf(o, "%s%s:%s", i ? ";" : "", t->code[i],
                               g_ascii_dtostr(b, sizeof b, t->value[i]));
    }
}

static int
by_year_key(const void *a, const void *b)
{
    const School *x = *(School *const *)a, *y = *(School *const *)b;
    int c = strcmp(x->year, y->year);
    return c ? c : strcmp(x->key, y->key);
}

Status
dash_write_partial(const Dashboard *d, FILE *f)
{
    GString *o = g_string_new(MAGIC "\n");
    g_string_append_printf(o, "ignored\t%d\n", d->ignored);
    Unusable **u = dash_unusable_sorted(d);
    for (guint i = 0; i < d->unusable->len; i++) {
        g_string_append(o, "unusable");
        put_text(o, u[i]->path);
        put_text(o, u[i]->message);
        g_string_append_c(o, '\n');
    }
    g_free(u);
    int n;
    School **v = dash_schools_of(d, NULL, &n);
    qsort(v, (size_t)n, sizeof *v, by_year_key);
    for (int i = 0; i < n; i++) {
        const School *s = v[i];
        g_string_append(o, "school");
        const char *texts[] = {s->year, s->key,         s->uai,        s->name,
                               s->kind, s->source_date, s->source_path};
        for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
            put_text(o, texts[k]);
        put_int(o, s->files);
        put_int(o, s->held);
        put_int(o, s->planned);
        put_int(o, s->terms);
        g_string_append_c(o, '\t');
        for (int k = 0; k < s->nsizes; k++)
            g_string_append_printf(o, "%s%d", k ? "," : "", s->sizes[k]);
        put_tally(o, &s->roles);
        put_tally(o, &s->families);
        put_tally(o, &s->kinds);
        put_int(o, s->decisions);
        put_text(o, s->last_date);
        put_text(o, s->last_path);
        for (int k = 0; k < ACT_N; k++)
            put_int(o, s->actions[k]);
        for (int k = 0; k < OBJ_N; k++)
            put_int(o, s->objectives[k]);
        put_int(o, s->ctice);
        put_int(o, s->letter);
        put_int(o, s->report);
        put_int(o, s->reports);
        put_tally(o, &s->shares);
        put_tally(o, &s->support);
        put_int(o, s->sessions);
        put_int(o, s->participations);
        put_int(o, s->internal);
        put_int(o, s->external);
        put_double(o, s->hours);
        put_int(o, s->indicators_reached);
        put_int(o, s->indicators);
        g_string_append_c(o, '\n');
    }
    g_free(v);
    int ok = fwrite(o->str, 1, o->len, f) == o->len;
    g_string_free(o, TRUE);
    return ok ? STATUS_OK : STATUS_IO;
}

/* --- reading ------------------------------------------------------------------- */

/* The fields of a line, unescaped, in place: *n of them. */
static int
split(char *line, char **fields, int max)
{
    int n = 0;
    char *w = line;
    fields[n++] = w;
    for (char *p = line; *p; p++) {
        if (*p == '\t') {
            *w++ = '\0';
            if (n == max)
                return -1;
            fields[n++] = w;
        } else if (*p == '\\' && p[1]) {
            p++;
            *w++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
        } else {
            *w++ = *p;
        }
    }
    *w = '\0';
    return n;
}

static int
get_int(const char *s, long long *v)
{
    char *end;
    *v = strtoll(s, &end, 10);
    return *s && !*end;
}

static int
get_tally(char *s, Tally *t)
{
    for (char *item = s, *semi; item && *item; item = semi) {
        if ((semi = strchr(item, ';')))
            *semi++ = '\0';
        char *colon = strrchr(item, ':'), *end;
        if (!colon)
            return 0;
        *colon = '\0';
        double v = g_ascii_strtod(colon + 1, &end);
        if (*end)
            return 0;
        tally_add(t, item, v);
    }
    return 1;
}

#define SCHOOL_FIELDS 38 /* the fields of a school, after "school" */

/* The school of fields (after "school"), merged into d; 0 when malformed. */
static int
read_school(Dashboard *d, char **x)
{
    School f = {0};
    long long v[8];
    int ok = 1, k = 0;
    const char *year = x[k++], *key = x[k++];
    f.uai = g_strdup(x[k++]);
    f.name = g_strdup(x[k++]);
    f.kind = g_strdup(x[k++]);
    f.source_date = g_strdup(x[k++]);
    f.source_path = *x[k] ? g_strdup(x[k]) : NULL;
    k++;
    for (int i = 0; i < 4; i++)
        ok &= get_int(x[k++], &v[i]);
    f.files = (int)v[0], f.held = (int)v[1], f.planned = (int)v[2], f.terms = (unsigned)v[3];
    for (char *p = x[k++], *comma; ok && p && *p; p = comma) {
        if ((comma = strchr(p, ',')))
            *comma++ = '\0';
        long long size;
        ok &= get_int(p, &size);
        f.sizes = g_renew(int, f.sizes, f.nsizes + 1);
        f.sizes[f.nsizes++] = (int)size;
    }
    ok = ok && get_tally(x[k++], &f.roles) && get_tally(x[k++], &f.families) &&
         get_tally(x[k++], &f.kinds);
    ok = ok && get_int(x[k++], &v[0]);
    f.decisions = (int)v[0];
    f.last_date = g_strdup(x[k++]);
    f.last_path = *x[k] ? g_strdup(x[k]) : NULL;
    k++;
    for (int i = 0; ok && i < ACT_N; i++)
        ok &= get_int(x[k++], &v[0]), f.actions[i] = (int)v[0];
    for (int i = 0; ok && i < OBJ_N; i++)
        ok &= get_int(x[k++], &v[0]), f.objectives[i] = (int)v[0];
    for (int i = 0; ok && i < 4; i++)
        ok &= get_int(x[k++], &v[i]);
    f.ctice = (int)v[0], f.letter = (int)v[1], f.report = (int)v[2], f.reports = (int)v[3];
    ok = ok && get_tally(x[k++], &f.shares) && get_tally(x[k++], &f.support);
    for (int i = 0; ok && i < 4; i++)
        ok &= get_int(x[k++], &v[i]);
    f.sessions = (int)v[0], f.participations = (int)v[1], f.internal = (int)v[2],
    f.external = (int)v[3];
    char *end;
    f.hours = g_ascii_strtod(x[k++], &end);
    ok = ok && !*end && get_int(x[k++], &v[0]) && get_int(x[k++], &v[1]);
    f.indicators_reached = (int)v[0], f.indicators = (int)v[1];
    if (ok)
        dash_school_merge(dash_school(d, year, key), &f);
    School *copy = g_new(School, 1);
    *copy = f;
    dash_school_free(copy);
    return ok;
}

Status
dash_merge(Dashboard *d, const char *data, size_t n, char *why, size_t whylen)
{
    char *text = g_strndup(data, n);
    char **lines = g_strsplit(text, "\n", -1);
    g_free(text);
    Status st = STATUS_OK;
    int line = 0;
    if (!lines[0] || strcmp(lines[0], MAGIC)) {
        snprintf(why, whylen, "%s",
                 _("it is not a partial of this copil (its first line differs)"));
        st = STATUS_INVALID;
        goto out;
    }
    for (line = 1; lines[line]; line++) {
        char *x[SCHOOL_FIELDS + 2];
        if (!*lines[line])
            continue;
        int k = split(lines[line], x, SCHOOL_FIELDS + 1);
        long long v;
        if (k == 2 && !strcmp(x[0], "ignored") && get_int(x[1], &v)) {
            d->ignored += (int)v;
        } else if (k == 3 && !strcmp(x[0], "unusable")) {
            Unusable *u = g_new(Unusable, 1);
            u->path = g_strdup(x[1]);
            u->message = g_strdup(x[2]);
            g_ptr_array_add(d->unusable, u);
        } else if (k == SCHOOL_FIELDS + 1 && !strcmp(x[0], "school") && read_school(d, x + 1)) {
            continue;
        } else {
            snprintf(why, whylen, _("line %d cannot be read"), line + 1);
            st = STATUS_INVALID;
            goto out;
        }
    }
out:
    g_strfreev(lines);
    return st;
}
