/*
 * mail/plan.c — the mail plan from mail.xsl's result, and the message
 * templates of stylesheets/mail/ filled in for one group.
 *
 * mail.xsl is copil's own data (an académie may override it), so what it
 * makes is checked here element by element: a wrong plan is said under the
 * stylesheet's name and never sends anything. Every address is read by
 * validate_email and kept in the one form that goes on the wire (an
 * internationalised domain as A-labels, xn--…): the plan printed, the send
 * log, the headers and the SMTP envelope all say the same.
 */
#include <string.h>

#include <glib.h>

#include "core/buf.h"
#include "mail/mail.h"
#include "validate/validate.h"
#include "core/i18n.h"

#define MAX_VALUES 64
#define MAX_GROUPS 64
#define MAX_TO     1000

static int
is_mail(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           !strcmp((const char *)n->ns->href, MAIL_NS) && !strcmp((const char *)n->name, name);
}

/* The text of n, or its attribute name, in the arena; NULL when absent. */
static const char *
text_of(Run *r, const xmlNode *n, const char *name)
{
    if (name)
        return validate_attr(&r->arena, n, name);
    xmlChar *v = xmlNodeGetContent(n);
    const char *s = v ? arena_strdup(&r->arena, (const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static Status
bad_plan(Run *r, const char *what)
{
    run_diag(r, DIAG_ERROR, 0, 0, _("the stylesheet mail.xsl made a wrong mail plan: %s"),
             what ? what : _("(out of memory)"));
    return STATUS_IO;
}

/* A <value name="…">text</value> into v. */
static Status
read_value(Run *r, const xmlNode *n, MailValue *v)
{
    v->name = text_of(r, n, "name");
    v->text = text_of(r, n, NULL);
    if (!v->name || !*v->name || !v->text)
        return bad_plan(r, _("a <value> needs a name"));
    return STATUS_OK;
}

static Status
read_group(Run *r, const xmlNode *n, MailGroup *g)
{
    const char *copy = text_of(r, n, "copy"), *bcc = text_of(r, n, "bcc");
    g->label = text_of(r, n, "label");
    g->kind = text_of(r, n, "kind");
    if (!g->label || !*g->label || !g->kind || !copy || !bcc)
        return bad_plan(r, _("a <group> needs label, kind, copy and bcc"));
    if (strcmp(copy, "complet") && strcmp(copy, "public"))
        return bad_plan(r, _("a group's copy is complet or public"));
    if (strcmp(bcc, "true") && strcmp(bcc, "false"))
        return bad_plan(r, _("a group's bcc is true or false"));
    g->copy = !strcmp(copy, "public") ? MAIL_PUBLIC : MAIL_FULL;
    g->bcc = !strcmp(bcc, "true");
    int n_to = 0, nv = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        n_to += is_mail(c, "to");
        nv += is_mail(c, "value");
    }
    if (n_to > MAX_TO)
        return bad_plan(r, _("a group has more than 1000 addresses"));
    if (nv > MAX_VALUES)
        return bad_plan(r, _("too many values in a group"));
    g->to = n_to ? arena_alloc_array(&r->arena, (size_t)n_to, sizeof(*g->to)) : NULL;
    g->values = nv ? arena_alloc_array(&r->arena, (size_t)nv, sizeof(*g->values)) : NULL;
    g->nto = g->nvalues = 0;
    if (r->arena.failed)
        return STATUS_IO;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is_mail(c, "value")) {
            Status st = read_value(r, c, &g->values[g->nvalues++]);
            if (st != STATUS_OK)
                return st;
            continue;
        }
        if (!is_mail(c, "to"))
            continue;
        const char *written = text_of(r, c, NULL), *a = NULL;
        const char *why = written ? validate_email(&r->arena, written, NULL, &a) : _("it is empty");
        if (why)
            return bad_plan(r,
                            arena_printf(&r->arena, _("<to> \"%s\" is not an e-mail address: %s"),
                                         written ? written : "", why));
        int seen = 0;
        for (int i = 0; i < g->nto && !seen; i++)
            seen = !strcasecmp(g->to[i], a);
        if (!seen)
            g->to[g->nto++] = a;
    }
    return r->arena.failed ? STATUS_IO : STATUS_OK;
}

Status
mail_plan_read(Run *r, xmlDocPtr made, const char *name, MailPlan *out)
{
    memset(out, 0, sizeof(*out));
    const xmlNode *root = made ? xmlDocGetRootElement(made) : NULL;
    if (!is_mail(root, "mail"))
        return bad_plan(r, arena_printf(&r->arena, _("its root is not <mail> in %s"), MAIL_NS));
    const xmlNode *doc = NULL;
    for (const xmlNode *c = root->children; c && !doc; c = c->next) {
        const char *n = is_mail(c, "document") ? text_of(r, c, "name") : NULL;
        if (n && !strcmp(n, name))
            doc = c;
    }
    if (!doc) {
        if (!strcmp(name, "minutes"))
            run_diag(r, DIAG_ERROR, 0, 0,
                     _("this file makes no minutes to send: a meeting has minutes once its "
                       "<record> is filled in"));
        else
            run_diag(r, DIAG_ERROR, 0, 0, _("this file makes no %s to send"), name);
        return STATUS_INVALID;
    }
    out->document = arena_strdup(&r->arena, name);
    int nv = 0, ng = 0;
    for (const xmlNode *c = doc->children; c; c = c->next) {
        nv += is_mail(c, "value");
        ng += is_mail(c, "group");
    }
    if (nv > MAX_VALUES || ng > MAX_GROUPS)
        return bad_plan(r, _("too many values or groups"));
    out->values = nv ? arena_alloc_array(&r->arena, (size_t)nv, sizeof(MailValue)) : NULL;
    out->groups = ng ? arena_alloc_array(&r->arena, (size_t)ng, sizeof(MailGroup)) : NULL;
    if (r->arena.failed)
        return STATUS_IO;
    for (const xmlNode *c = doc->children; c; c = c->next) {
        if (is_mail(c, "from")) {
            const char *written = text_of(r, c, NULL);
            const char *why =
                written ? validate_email(&r->arena, written, NULL, &out->from) : _("it is empty");
            out->from_name = text_of(r, c, "name");
            if (why)
                return bad_plan(r, arena_printf(&r->arena,
                                                _("<from> \"%s\" is not an e-mail address: %s"),
                                                written ? written : "", why));
        } else if (is_mail(c, "value")) {
            Status st = read_value(r, c, &out->values[out->nvalues++]);
            if (st != STATUS_OK)
                return st;
        } else if (is_mail(c, "group")) {
            Status st = read_group(r, c, &out->groups[out->ngroups]);
            if (st != STATUS_OK)
                return st;
            out->ngroups++;
        }
    }
    return r->arena.failed ? STATUS_IO : STATUS_OK;
}

/* --- templates ------------------------------------------------------------ */

/* The value called name (n bytes) for group g: {{groupe}}, the group's own
 * values, then the document's; NULL when there is none. */
static const char *
value_of(const MailPlan *p, const MailGroup *g, const char *name, size_t n)
{
    if (n == 6 && !strncmp(name, "groupe", 6))
        return g->label;
    for (int i = 0; i < g->nvalues; i++)
        if (strlen(g->values[i].name) == n && !strncmp(g->values[i].name, name, n))
            return g->values[i].text;
    for (int i = 0; i < p->nvalues; i++)
        if (strlen(p->values[i].name) == n && !strncmp(p->values[i].name, name, n))
            return p->values[i].text;
    return NULL;
}

/* Appends line (n bytes) to o with its placeholders filled; 0 on success,
 * -1 after a diagnostic. */
static int
fill_line(Run *r, const char *path, long lineno, const char *line, size_t n, const MailPlan *p,
          const MailGroup *g, Buf *o)
{
    size_t i = 0;
    while (i < n) {
        const char *open = memmem(line + i, n - i, "{{", 2);
        if (!open) {
            buf_append(o, line + i, (unsigned)(n - i));
            break;
        }
        size_t at = (size_t)(open - line);
        buf_append(o, line + i, (unsigned)(at - i));
        const char *close = memmem(open + 2, n - at - 2, "}}", 2);
        if (!close) {
            run_diag_at(r, DIAG_ERROR, path, lineno, (long)at + 1,
                        _("a placeholder opened with {{ is not closed with }}"));
            return -1;
        }
        size_t k = (size_t)(close - open - 2);
        const char *v = value_of(p, g, open + 2, k);
        if (!v) {
            run_diag_at(r, DIAG_ERROR, path, lineno, (long)at + 1,
                        _("{{%.*s}} is not a value copil knows for the %s; see the notes at the "
                          "top of this file"),
                        (int)k, open + 2, p->document);
            return -1;
        }
        buf_append(o, v, (unsigned)strlen(v));
        i = (size_t)(close - line) + 2;
    }
    return 0;
}

/* A subject never names the establishment twice: "Compte rendu du comité
 * numérique du collège Jean-Moulin du … — Collège Jean-Moulin" loses its
 * last part when that part is the establishment's name (etab) and the rest
 * already holds it, in whatever case. */
static void
subject_once(Buf *s, const char *etab)
{
    static const char dash[] = " \xe2\x80\x94 "; /* " — " */
    size_t e = etab ? strlen(etab) : 0, d = sizeof dash - 1;
    if (!e || s->failed || s->len < e + d || memcmp(s->s + s->len - e - d, dash, d) ||
        memcmp(s->s + s->len - e, etab, e))
        return;
    size_t rest = s->len - e - d;
    char *hay = g_utf8_casefold(s->s, (gssize)rest), *needle = g_utf8_casefold(etab, (gssize)e);
    if (hay && needle && strstr(hay, needle)) {
        s->len = (unsigned)rest;
        s->s[rest] = '\0';
    }
    g_free(hay);
    g_free(needle);
}

/* A template line this long or longer belongs to running text. */
#define SHORT_LINE 50

/* Ends the paragraph in para: its lines joined into one (the reader's mail
 * client wraps it to the window), unless they were all short in the template
 * (a signature, an address), which keep their breaks. */
static void
flush(Buf *b, Buf *para, int all_short)
{
    if (!para->len)
        return;
    if (!all_short)
        for (unsigned i = 0; i < para->len; i++)
            if (para->s[i] == '\n')
                para->s[i] = ' ';
    if (b->len)
        buf_append(b, "\n", 1);
    buf_append(b, para->s, para->len);
    buf_append(b, "\n", 1);
    para->len = 0;
}

Status
mail_template_fill(Run *r, const char *path, const char *text, size_t len, const MailPlan *p,
                   const MailGroup *g, const char **subject, const char **body)
{
    static const char objet[] = "Objet :";
    Buf b, s;
    Status st = STATUS_IO;
    Buf para;
    int have_subject = 0, all_short = 1;
    long lineno = 0;
    *subject = *body = NULL;
    buf_init(&b, &r->arena);
    buf_init(&s, &r->arena);
    buf_init(&para, &r->arena);
    size_t at = 0, n;
    for (const char *line; (line = text_next_line(text, len, &at, &n));) {
        lineno++;
        if (n && line[0] == '#')
            continue;
        if (!have_subject) {
            if (!n)
                continue;
            if (n < sizeof objet - 1 || memcmp(line, objet, sizeof objet - 1)) {
                run_diag_at(r, DIAG_ERROR, path, lineno, 1,
                            _("the first line of a message template is its subject, "
                              "\"Objet : …\""));
                goto out;
            }
            size_t k = sizeof objet - 1;
            while (k < n && line[k] == ' ')
                k++;
            if (fill_line(r, path, lineno, line + k, n - k, p, g, &s) != 0)
                goto out;
            subject_once(&s, value_of(p, g, "etablissement", 13));
            have_subject = 1;
            continue;
        }
        static const char pub[] = "[public] ", full[] = "[complet] ";
        if (n >= sizeof pub - 1 && !memcmp(line, pub, sizeof pub - 1)) {
            if (g->copy != MAIL_PUBLIC)
                continue;
            line += sizeof pub - 1, n -= sizeof pub - 1;
        } else if (n >= sizeof full - 1 && !memcmp(line, full, sizeof full - 1)) {
            if (g->copy != MAIL_FULL)
                continue;
            line += sizeof full - 1, n -= sizeof full - 1;
        }
        if (!n) {
            flush(&b, &para, all_short);
            all_short = 1;
            continue;
        }
        if (n >= SHORT_LINE)
            all_short = 0;
        if (para.len)
            buf_append(&para, "\n", 1);
        if (fill_line(r, path, lineno, line, n, p, g, &para) != 0)
            goto out;
    }
    flush(&b, &para, all_short);
    if (!have_subject) {
        run_diag_at(r, DIAG_ERROR, path, 0, 0,
                    _("this message template has no subject line \"Objet : …\""));
        goto out;
    }
    /* One final line end, however many blank lines the file ends with. */
    while (b.len > 1 && b.s[b.len - 1] == '\n' && b.s[b.len - 2] == '\n')
        b.len--;
    if (b.failed || s.failed || para.failed) {
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while writing the message"));
        goto out;
    }
    if (b.s)
        b.s[b.len] = '\0';
    *subject = s.s ? s.s : "";
    *body = b.s ? b.s : "";
    st = STATUS_OK;
out:
    return st;
}
