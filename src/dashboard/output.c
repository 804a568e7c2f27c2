/*
 * dashboard/output.c — the figures of one school year, written: a CSV row
 * per school (etablissements.csv) and the académie's figures, each with the
 * numerator and the denominator it is made of (synthese.csv), so that a
 * reader can check every one.
 *
 * The denominator is the académie's list of schools when given (a school
 * that sent nothing counts, with zeros); otherwise the schools seen in the
 * files of that year. CSV: UTF-8, a header, commas, RFC 4180 quoting,
 * figures with a dot (a spreadsheet reads them as numbers).
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "core/i18n.h"
#include "dashboard/internal.h"

/* --- the académie's list of schools ---------------------------------------------- */

/* The next record of a CSV at *p (RFC 4180: quotes, doubled quotes, commas
 * and newlines inside quotes), fields separated by sep, into out; their
 * number, 0 at the end. */
static int
csv_record(const char **p, const char *end, char sep, GPtrArray *out)
{
    g_ptr_array_set_size(out, 0);
    if (*p >= end)
        return 0;
    GString *field = g_string_new(NULL);
    int quoted = 0;
    const char *s = *p;
    for (; s < end; s++) {
        if (quoted) {
            if (*s == '"' && s + 1 < end && s[1] == '"')
                g_string_append_c(field, '"'), s++;
            else if (*s == '"')
                quoted = 0;
            else
                g_string_append_c(field, *s);
        } else if (*s == '"') {
            quoted = 1;
        } else if (*s == sep) {
            g_ptr_array_add(out, g_string_free(g_steal_pointer(&field), FALSE));
            field = g_string_new(NULL);
        } else if (*s == '\n') {
            s++;
            break;
        } else if (*s != '\r') {
            g_string_append_c(field, *s);
        }
    }
    g_ptr_array_add(out, g_string_free(field, FALSE));
    *p = s;
    return (int)out->len;
}

static int
column(GPtrArray *header, const char *a, const char *b)
{
    for (guint i = 0; i < header->len; i++) {
        char *h = g_ascii_strdown(g_strstrip((char *)g_ptr_array_index(header, i)), -1);
        int same = !strcmp(h, a) || (b && !strcmp(h, b));
        g_free(h);
        if (same)
            return (int)i;
    }
    return -1;
}

Status
dash_schools(Dashboard *d, const char *csv, size_t len, char *why, size_t whylen)
{
    const char *p = csv, *end = csv + len;
    if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
        p += 3; /* a spreadsheet's byte-order mark */
    /* the separator the header uses: a French spreadsheet writes ; */
    size_t head = strcspn(p, "\n");
    char sep = memchr(p, ';', head) && !memchr(p, ',', head) ? ';' : ',';
    GPtrArray *rec = g_ptr_array_new_with_free_func(g_free);
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    Status st = STATUS_OK;
    csv_record(&p, end, sep, rec);
    int cu = column(rec, "uai", NULL), cn = column(rec, "name", "nom"),
        ck = column(rec, "kind", "type");
    if (cu < 0 || cn < 0 || ck < 0) {
        snprintf(why, whylen, "%s",
                 _("its first line must name the columns uai, name and kind (nom and type are "
                   "understood too)"));
        st = STATUS_INVALID;
        goto out;
    }
    for (int line = 2; csv_record(&p, end, sep, rec); line++) {
        if (rec->len == 1 && !*(char *)g_ptr_array_index(rec, 0))
            continue; /* a blank line */
        if ((int)rec->len <= cu || (int)rec->len <= cn || (int)rec->len <= ck ||
            !*g_strstrip(g_ptr_array_index(rec, cu))) {
            snprintf(why, whylen, _("line %d has no UAI, name or kind"), line);
            st = STATUS_INVALID;
            goto out;
        }
        /* the UAI as the files write it: its letter in capitals */
        char *uai = g_ascii_strup(g_ptr_array_index(rec, cu), -1);
        if (g_hash_table_contains(seen, uai)) {
            snprintf(why, whylen, _("line %d names the UAI %s again"), line, uai);
            g_free(uai);
            st = STATUS_INVALID;
            goto out;
        }
        g_hash_table_add(seen, g_strdup(uai));
        Listed *l = g_new(Listed, 1);
        l->uai = uai;
        l->name = g_strdup(g_strstrip(g_ptr_array_index(rec, cn)));
        l->kind = g_strdup(g_strstrip(g_ptr_array_index(rec, ck)));
        g_ptr_array_add(d->listed, l);
    }
out:
    g_hash_table_destroy(seen);
    g_ptr_array_free(rec, TRUE);
    return st;
}

/* --- the school year -------------------------------------------------------------- */

const char *
dash_year(const Dashboard *d, const char *year)
{
    if (year)
        return year;
    /* the latest year a meeting was held in (its record written): not a
     * next year that only agendas are planned for yet; else the latest */
    const char *latest = NULL, *held = NULL;
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, d->schools);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const School *s = v;
        if (!latest || strcmp(s->year, latest) > 0)
            latest = s->year;
        if (s->held && (!held || strcmp(s->year, held) > 0))
            held = s->year;
    }
    return held ? held : latest;
}

/* --- the rows ------------------------------------------------------------------------ */

/* A school as a row: its figures (an empty School when it sent nothing)
 * and what it is called. */
typedef struct Row {
    const School *s;
    const char *uai, *name, *kind;
} Row;

static const School none;

/* The rows of year: the list's schools, or those seen. *outside receives
 * the schools seen that the list does not name. */
static Row *
rows_of(const Dashboard *d, const char *year, int *n, int *outside)
{
    int ns;
    School **seen = dash_schools_of(d, year, &ns);
    *outside = 0;
    Row *rows;
    if (!d->listed->len) {
        rows = g_new(Row, ns + 1);
        for (int i = 0; i < ns; i++)
            rows[i] = (Row){seen[i], seen[i]->uai, seen[i]->name, seen[i]->kind};
        *n = ns;
    } else {
        /* each listed school looked up by its key, once */
        GHashTable *named = g_hash_table_new(g_str_hash, g_str_equal);
        rows = g_new(Row, d->listed->len + 1);
        *n = 0;
        for (guint i = 0; i < d->listed->len; i++) {
            const Listed *l = g_ptr_array_index(d->listed, i);
            char *key = g_strdup_printf("%s\t%s", year, l->uai);
            const School *s = g_hash_table_lookup(d->schools, key);
            g_free(key);
            rows[(*n)++] = (Row){s ? s : &none, l->uai, l->name, l->kind};
            g_hash_table_add(named, l->uai);
        }
        for (int k = 0; k < ns; k++)
            *outside += !g_hash_table_contains(named, seen[k]->key);
        g_hash_table_destroy(named);
    }
    g_free(seen);
    return rows;
}

/* The lower median of the members present at s's meetings; -1 when none. */
static int
median(const School *s)
{
    return s->nsizes ? s->sizes[(s->nsizes - 1) / 2] : -1;
}

/* The counts of year whose n rows are rows. */
static void
counts_of(const Dashboard *d, const char *year, const Row *rows, int n, DashCounts *c)
{
    *c = (DashCounts){.unusable = (int)d->unusable->len, .ignored = d->ignored, .schools = n};
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, d->schools);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const School *s = v;
        if (year && !strcmp(s->year, year))
            c->usable += s->files;
        else
            c->other_year += s->files;
    }
    for (int i = 0; i < n; i++)
        c->silent += rows[i].s->files == 0;
}

void
dash_counts(const Dashboard *d, const char *year, DashCounts *c)
{
    int n, outside;
    Row *rows = rows_of(d, year ? year : "", &n, &outside);
    counts_of(d, year, rows, n, c);
    g_free(rows);
}

/* --- CSV ------------------------------------------------------------------------------ */

static void
csv_text(GString *o, const char *s)
{
    s = s ? s : "";
    if (!strpbrk(s, ",\";\n\r")) {
        g_string_append(o, s);
        return;
    }
    g_string_append_c(o, '"');
    for (; *s; s++) {
        if (*s == '"')
            g_string_append_c(o, '"');
        g_string_append_c(o, *s);
    }
    g_string_append_c(o, '"');
}

static void
csv_number(GString *o, double v)
{
    char b[G_ASCII_DTOSTR_BUF_SIZE];
    if (v == (double)(long long)v)
        g_string_append_printf(o, "%lld", (long long)v);
    else
        g_string_append(o, g_ascii_formatd(b, sizeof b, "%.2f", v));
}

static const char *const families[] = {"pedagogique", "technique", "financier", NULL};
static const char *const kinds[] = {"information", "discussion", "decision", NULL};

static void
school_rows(GString *o, const Row *rows, int n)
{
    g_string_append(o, "uai,name,kind,files,meetings,planned,term1,term2,term3,present_median,"
                       "roles,pedagogique,technique,financier,information,discussion,decision,"
                       "decisions,actions_done,actions_open,actions_late,actions_abandoned,"
                       "objectives_reached,objectives_partly,objectives_not,ctice,letter,"
                       "report\n");
    for (int i = 0; i < n; i++) {
        const School *s = rows[i].s;
        csv_text(o, rows[i].uai);
        g_string_append_c(o, ',');
        csv_text(o, rows[i].name);
        g_string_append_c(o, ',');
        csv_text(o, rows[i].kind);
        g_string_append_printf(o, ",%d,%d,%d,%d,%d,%d,", s->files, s->held, s->planned,
                               !!(s->terms & 1), !!(s->terms & 2), !!(s->terms & 4));
        if (median(s) >= 0)
            g_string_append_printf(o, "%d", median(s));
        g_string_append_c(o, ',');
        GString *roles = g_string_new(NULL);
        for (int k = 0; k < s->roles.n; k++)
            g_string_append_printf(roles, "%s%s", roles->len ? ";" : "", s->roles.code[k]);
        csv_text(o, roles->str);
        g_string_free(roles, TRUE);
        for (int k = 0; families[k]; k++)
            g_string_append_printf(o, ",%d", (int)tally_get(&s->families, families[k]));
        for (int k = 0; kinds[k]; k++)
            g_string_append_printf(o, ",%d", (int)tally_get(&s->kinds, kinds[k]));
        g_string_append_printf(o, ",%d", s->decisions);
        for (int k = 0; k < ACT_N; k++)
            g_string_append_printf(o, ",%d", s->actions[k]);
        for (int k = 0; k < OBJ_N; k++)
            g_string_append_printf(o, ",%d", s->objectives[k]);
        g_string_append_printf(o, ",%d,%d,%d\n", s->ctice, s->letter, s->report);
    }
}

/* Where the académie's figures go: synthese.csv's rows, and the aggregate
 * document's <figure> elements (the PDF's), the same figures in the same
 * order. */
typedef struct Emit {
    GString *csv; /* or NULL */
    xmlNode *xml; /* or NULL */
} Emit;

/* One figure: num of den (den 0: a count alone); avg: the percent column
 * holds num / den, an average (the time per mission axis), not a share. */
static void
emit(Emit *e, const char *section, const char *name, double num, double den, int avg)
{
    char b[G_ASCII_DTOSTR_BUF_SIZE];
    if (e->xml) {
        xmlNode *f = xmlNewChild(e->xml, e->xml->ns, BAD_CAST "figure", NULL);
        xmlSetProp(f, BAD_CAST "section", BAD_CAST section);
        xmlSetProp(f, BAD_CAST "name", BAD_CAST name);
        xmlSetProp(f, BAD_CAST "n", BAD_CAST g_ascii_formatd(b, sizeof b, "%.2f", num));
        if (den > 0 || avg)
            xmlSetProp(f, BAD_CAST "of", BAD_CAST g_ascii_formatd(b, sizeof b, "%.0f", den));
    }
    if (!e->csv)
        return;
    GString *o = e->csv;
    g_string_append_printf(o, "%s,", section);
    csv_text(o, name);
    g_string_append_c(o, ',');
    csv_number(o, num);
    g_string_append_c(o, ',');
    if (den > 0 || avg) {
        csv_number(o, den);
        g_string_append_c(o, ',');
        if (den > 0)
            g_string_append(o, g_ascii_formatd(b, sizeof b, "%.1f", (avg ? 1 : 100) * num / den));
    } else {
        g_string_append_c(o, ',');
    }
    g_string_append_c(o, '\n');
}

static void
figure(Emit *e, const char *section, const char *name, double num, double den)
{
    emit(e, section, name, num, den, 0);
}

/* The codes of a tally summed over the rows, as a tally. */
static void
sum_tally(Tally *into, const Row *rows, int n, size_t offset, int presence)
{
    for (int i = 0; i < n; i++) {
        const Tally *t = (const Tally *)((const char *)rows[i].s + offset);
        for (int k = 0; k < t->n; k++)
            tally_add(into, t->code[k], presence ? 1 : t->value[k]);
    }
}

/* The figures of a tally, over den, in decreasing order, then by code. */
static void
tally_figures(Emit *o, const char *section, const char *prefix, const Tally *t, double den)
{
    int *order = g_new(int, t->n + 1);
    for (int i = 0; i < t->n; i++)
        order[i] = i;
    for (int i = 1; i < t->n; i++) /* insertion: few codes */
        for (int k = i; k > 0 && t->value[order[k]] > t->value[order[k - 1]]; k--) {
            int x = order[k];
            order[k] = order[k - 1];
            order[k - 1] = x;
        }
    for (int i = 0; i < t->n; i++) {
        char *name = g_strdup_printf("%s%s", prefix, t->code[order[i]]);
        figure(o, section, name, t->value[order[i]], den);
        g_free(name);
    }
    g_free(order);
}

static void
synthesis(Emit *o, const Dashboard *d, const char *year, const Row *rows, int n, int outside)
{
    DashCounts c;
    counts_of(d, year, rows, n, &c);
    if (o->csv)
        g_string_append(o->csv, "section,figure,numerator,denominator,percent\n");
    figure(o, "fichiers", "exploitables", c.usable, 0);
    figure(o, "fichiers", "non_exploitables", c.unusable, 0);
    figure(o, "fichiers", "autre_annee", c.other_year, 0);
    figure(o, "fichiers", "ignores", c.ignored, 0);
    figure(o, "etablissements", "total", n, 0);
    Tally by_kind = {0};
    for (int i = 0; i < n; i++)
        tally_add(&by_kind, rows[i].kind, 1);
    for (int k = 0; k < by_kind.n; k++) {
        char *name = g_strdup_printf("type:%s", by_kind.code[k]);
        figure(o, "etablissements", name, by_kind.value[k], n);
        g_free(name);
    }
    tally_free(&by_kind);
    if (d->listed->len) {
        figure(o, "etablissements", "aucun_document", c.silent, n);
        figure(o, "etablissements", "hors_liste", outside, 0);
    }
    int met = 0, every = 0, count[4] = {0}, size[4] = {0}, held = 0, planned = 0;
    for (int i = 0; i < n; i++) {
        const School *s = rows[i].s;
        held += s->held;
        planned += s->planned;
        met += s->held > 0;
        every += s->terms == 7;
        count[s->held >= 3 ? 3 : s->held]++;
        int m = median(s);
        if (m >= 0)
            size[m <= 4 ? 0 : m <= 8 ? 1 : m <= 12 ? 2 : 3]++;
    }
    /* the files the figures below are made from */
    figure(o, "couverture", "comptes_rendus", held, 0);
    figure(o, "couverture", "ordres_du_jour_seuls", planned, 0);
    figure(o, "couverture", "comite_reuni", met, n);
    static const char *const meetings[] = {"reunions_0", "reunions_1", "reunions_2",
                                           "reunions_3_et_plus"};
    for (int k = 0; k < 4; k++)
        figure(o, "couverture", meetings[k], count[k], n);
    figure(o, "couverture", "chaque_trimestre", every, n);
    static const char *const sizes[] = {"presents_1_4", "presents_5_8", "presents_9_12",
                                        "presents_13_et_plus"};
    for (int k = 0; k < 4; k++)
        figure(o, "composition", sizes[k], size[k], met);
    Tally t = {0};
    sum_tally(&t, rows, n, offsetof(School, roles), 1);
    tally_figures(o, "composition", "role:", &t, met);
    tally_free(&t);
    Tally fam = {0}, kin = {0};
    sum_tally(&fam, rows, n, offsetof(School, families), 0);
    sum_tally(&kin, rows, n, offsetof(School, kinds), 0);
    double items = 0;
    for (int k = 0; k < fam.n; k++)
        items += fam.value[k];
    for (int k = 0; families[k]; k++) {
        char *name = g_strdup_printf("famille:%s", families[k]);
        figure(o, "sujets", name, tally_get(&fam, families[k]), items);
        g_free(name);
    }
    for (int k = 0; kinds[k]; k++) {
        char *name = g_strdup_printf("nature:%s", kinds[k]);
        figure(o, "sujets", name, tally_get(&kin, kinds[k]), items);
        g_free(name);
    }
    tally_free(&fam);
    tally_free(&kin);
    int ctice = 0, letter = 0, report = 0, reports = 0, sessions = 0, participations = 0,
        internal = 0, external = 0, reached = 0, indicators = 0, decisions = 0;
    int act[ACT_N] = {0}, obj[OBJ_N] = {0};
    double hours = 0;
    for (int i = 0; i < n; i++) {
        const School *s = rows[i].s;
        ctice += s->ctice;
        letter += s->ctice && s->letter;
        report += s->ctice && s->report;
        reports += s->reports;
        sessions += s->sessions;
        participations += s->participations;
        internal += s->internal;
        external += s->external;
        hours += s->hours;
        reached += s->indicators_reached;
        indicators += s->indicators;
        decisions += s->decisions;
        for (int k = 0; k < ACT_N; k++)
            act[k] += s->actions[k];
        for (int k = 0; k < OBJ_N; k++)
            obj[k] += s->objectives[k];
    }
    figure(o, "coordonnateur", "ctice_connu", ctice, n);
    figure(o, "coordonnateur", "lettre_de_mission", letter, ctice);
    figure(o, "coordonnateur", "rapport_activite", report, ctice);
    Tally shares = {0}, support = {0};
    sum_tally(&shares, rows, n, offsetof(School, shares), 0);
    sum_tally(&support, rows, n, offsetof(School, support), 0);
    /* the average share of time per axis: the percents summed over reports */
    for (int k = 0; k < shares.n; k++) {
        char *name = g_strdup_printf("temps:%s", shares.code[k]);
        emit(o, "rapports", name, shares.value[k], reports, 1);
        g_free(name);
    }
    figure(o, "rapports", "rapports", reports, 0);
    figure(o, "rapports", "formations_sessions", sessions, 0);
    figure(o, "rapports", "formations_heures", hours, 0);
    figure(o, "rapports", "formations_participations", participations, 0);
    figure(o, "rapports", "formations_internes", internal, sessions);
    figure(o, "rapports", "formations_externes", external, sessions);
    double requests = 0;
    for (int k = 0; k < support.n; k++)
        requests += support.value[k];
    tally_figures(o, "rapports", "demandes:", &support, requests);
    figure(o, "rapports", "indicateurs_atteints", reached, indicators);
    tally_free(&shares);
    tally_free(&support);
    figure(o, "suivi", "decisions", decisions, 0);
    double actions = act[ACT_DONE] + act[ACT_OPEN] + act[ACT_ABANDONED];
    figure(o, "suivi", "actions_faites", act[ACT_DONE], actions);
    figure(o, "suivi", "actions_ouvertes", act[ACT_OPEN], actions);
    figure(o, "suivi", "actions_en_retard", act[ACT_LATE], actions);
    figure(o, "suivi", "actions_abandonnees", act[ACT_ABANDONED], actions);
    double evaluated = obj[OBJ_REACHED] + obj[OBJ_PARTLY] + obj[OBJ_NOT];
    figure(o, "suivi", "objectifs_atteints", obj[OBJ_REACHED], evaluated);
    figure(o, "suivi", "objectifs_partiellement_atteints", obj[OBJ_PARTLY], evaluated);
    figure(o, "suivi", "objectifs_non_atteints", obj[OBJ_NOT], evaluated);
}

/* Writes text into dir/name atomically. */
static Status
save(Run *r, const char *dir, const char *name, const GString *text, char *why, size_t whylen)
{
    const char *path = arena_printf(&r->arena, "%s/%s", dir, name);
    Status st = path ? file_atomic_save(r, path, text->str, text->len) : STATUS_IO;
    if (st != STATUS_OK) {
        const Diag *last = r->diags;
        while (last && last->next)
            last = last->next;
        snprintf(why, whylen, "%s: %s", path ? path : name,
                 last ? last->message : _("it cannot be written"));
    }
    return st;
}

Status
dash_write_csv(const Dashboard *d, Run *r, const char *year, const char *dir, char *why,
               size_t whylen)
{
    int n, outside;
    Row *rows = rows_of(d, year, &n, &outside);
    GString *schools = g_string_new(NULL), *synth = g_string_new(NULL);
    school_rows(schools, rows, n);
    Emit e = {.csv = synth};
    synthesis(&e, d, year, rows, n, outside);
    Status st = file_make_dirs(dir) != 0
                    ? (snprintf(why, whylen, "%s: %s", dir, file_why(errno)), STATUS_IO)
                    : save(r, dir, "etablissements.csv", schools, why, whylen);
    if (st == STATUS_OK)
        st = save(r, dir, "synthese.csv", synth, why, whylen);
    g_string_free(schools, TRUE);
    g_string_free(synth, TRUE);
    g_free(rows);
    return st;
}

/* A diagnostic with its e-mail addresses hidden: the annex names files,
 * never a person. */
static char *
without_addresses(const char *message)
{
    GString *o = g_string_new(NULL);
    for (const char *p = message; *p;) {
        size_t n = strcspn(p, " \t\n\"'«»()<>,;");
        if (n && memchr(p, '@', n))
            g_string_append(o, "[adresse]");
        else
            g_string_append_len(o, p, (gssize)n);
        p += n;
        if (*p)
            g_string_append_c(o, *p++);
    }
    return g_string_free(o, FALSE);
}

xmlDocPtr
dash_document(const Dashboard *d, const char *year)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNode *root = xmlNewNode(NULL, BAD_CAST "dashboard");
    xmlNsPtr ns = xmlNewNs(root, BAD_CAST COPIL_DATA_NS, NULL);
    xmlSetNs(root, ns);
    xmlDocSetRootElement(doc, root);
    xmlSetProp(root, BAD_CAST "version", BAD_CAST "1");
    xmlNewTextChild(root, ns, BAD_CAST "school-year", BAD_CAST year);
    int n, outside;
    Row *rows = rows_of(d, year, &n, &outside);
    /* the figures stand as the latest file of the year left them */
    const char *latest = NULL;
    for (int i = 0; i < n; i++)
        if (rows[i].s->source_date && *rows[i].s->source_date &&
            (!latest || strcmp(rows[i].s->source_date, latest) > 0))
            latest = rows[i].s->source_date;
    if (latest)
        xmlNewTextChild(root, ns, BAD_CAST "date", BAD_CAST latest);
    xmlSetProp(root, BAD_CAST "schools", BAD_CAST(d->listed->len ? "list" : "files"));
    Emit e = {.xml = root};
    synthesis(&e, d, year, rows, n, outside);
    if (d->listed->len) {
        xmlNode *silent = xmlNewChild(root, ns, BAD_CAST "silent", NULL);
        for (int i = 0; i < n; i++)
            if (rows[i].s->files == 0) {
                xmlNode *x = xmlNewTextChild(silent, ns, BAD_CAST "school", BAD_CAST rows[i].name);
                xmlSetProp(x, BAD_CAST "uai", BAD_CAST rows[i].uai);
                xmlSetProp(x, BAD_CAST "kind", BAD_CAST rows[i].kind);
            }
    }
    xmlNode *bad = xmlNewChild(root, ns, BAD_CAST "unusable", NULL);
    Unusable **u = dash_unusable_sorted(d);
    for (guint i = 0; i < d->unusable->len; i++) {
        char *message = without_addresses(u[i]->message);
        xmlNode *x = xmlNewTextChild(bad, ns, BAD_CAST "file", BAD_CAST message);
        xmlSetProp(x, BAD_CAST "path", BAD_CAST u[i]->path);
        g_free(message);
    }
    g_free(u);
    g_free(rows);
    return doc;
}
